/**
 * One place that builds NetworkManagementClient, so the live reader and the effective-routes check talk
 * to ARM the same way: the cloud's endpoint (the token scope follows it: `<endpoint>/.default`) and a retry
 * policy sized for throttling. The SDK's default retry policy already honours Retry-After on 429 and 503
 * and backs off exponentially on other 5xx and 408; we keep it, raise the retry count (ARM throttles in
 * bursts) and make a 429 without Retry-After retryable too. Every attempt has a timeout. Callers (and tests) may pass any other client option: an HttpClient, TLS trust,
 * additional policies.
 */
import { NetworkManagementClient, type NetworkManagementClientOptionalParams } from '@azure/arm-network'
import type { TokenCredential } from '@azure/core-auth'

/** The SDK's options, plus how long one attempt may take (headers and body); default 30 s. */
export type ClientOptions = NetworkManagementClientOptionalParams & { requestTimeoutMs?: number }

export const DEFAULT_ARM_TIMEOUT_MS = 30_000

export const DEFAULT_RETRY = { maxRetries: 5, retryDelayInMs: 1000, maxRetryDelayInMs: 30_000 }

type Policy = NonNullable<ClientOptions['additionalPolicies']>[number]['policy']

const RETRY_AFTER_HEADERS = ['retry-after', 'retry-after-ms', 'x-ms-retry-after-ms']

/**
 * The SDK's retry policy retries a 429 only when it carries Retry-After (its exponential strategy skips 429
 * by design); some ARM front ends throttle without one. This policy runs inside the retry loop and gives such
 * a response an exponential `retry-after-ms`, so it is retried like any other throttling answer, within the
 * same retry count.
 */
export function throttleWithoutRetryAfterPolicy(baseDelayMs: number, maxDelayMs: number): Policy {
  const attempts = new WeakMap<object, number>()
  return {
    name: 'kmsGuardThrottleWithoutRetryAfter',
    async sendRequest(request, next) {
      const response = await next(request)
      if (response.status === 429 && !RETRY_AFTER_HEADERS.some((h) => response.headers.has(h))) {
        const n = attempts.get(request) ?? 0
        attempts.set(request, n + 1)
        response.headers.set('retry-after-ms', String(Math.min(baseDelayMs * 2 ** n, maxDelayMs)))
      }
      return response
    },
  }
}

/** An ARM request that got no complete reply in time (not an abort: the live time budget is another thing). */
export class ArmTimeout extends Error {
  override name = 'ArmTimeout'
}

/**
 * A timeout for each attempt, covering the reply's headers and its body. The SDK's own `request.timeout`
 * stops at the headers and surfaces as an AbortError, which the live reader would take for its time
 * budget running out. Runs inside the retry loop; the error it throws is not the SDK's RestError, so a
 * silent server is not asked again (each retry would cost the whole timeout).
 */
export function requestTimeoutPolicy(timeoutMs: number): Policy {
  return {
    name: 'kmsGuardRequestTimeout',
    async sendRequest(request, next) {
      const outer = request.abortSignal
      const ours = new AbortController()
      const follow = () => ours.abort()
      outer?.addEventListener('abort', follow)
      const timer = setTimeout(() => ours.abort(), timeoutMs)
      request.abortSignal = ours.signal
      try {
        return await next(request)
      } catch (err) {
        if (ours.signal.aborted && !outer?.aborted) {
          const path = new URL(request.url).pathname
          throw new ArmTimeout(`no answer within ${timeoutMs / 1000} s (${request.method} ${path})`)
        }
        throw err
      } finally {
        clearTimeout(timer)
        outer?.removeEventListener('abort', follow)
        request.abortSignal = outer
      }
    },
  }
}

/** A request to a host other than the ARM endpoint's, refused before it carried the token anywhere. */
export class ForeignHostRefused extends Error {
  override name = 'ForeignHostRefused'
}

/**
 * Requests to the ARM endpoint's origin only. The SDK follows a page's `nextLink`, a long-running operation's
 * Location / Azure-AsyncOperation and HTTP redirects as the server gives them, and its bearer-token policy
 * signs any HTTPS URL: a link to another host would take the token there. Runs last before the request is
 * sent (after signing and redirects), and its error is not retried.
 */
export function armHostOnlyPolicy(endpoint: string): Policy {
  const allowed = new URL(endpoint)
  return {
    name: 'kmsGuardArmHostOnly',
    async sendRequest(request, next) {
      const to = new URL(request.url)
      if (to.origin !== allowed.origin)
        throw new ForeignHostRefused(
          `refused to send a request for ${to.pathname} to ${to.host}, which is not the ARM endpoint ${allowed.host}`,
        )
      return next(request)
    },
  }
}

export function networkClient(
  credential: TokenCredential,
  subscriptionId: string,
  endpoint: string,
  clientOptions: ClientOptions = {},
): NetworkManagementClient {
  const { requestTimeoutMs = DEFAULT_ARM_TIMEOUT_MS, ...sdkOptions } = clientOptions
  const retryOptions = { ...DEFAULT_RETRY, ...sdkOptions.retryOptions }
  return new NetworkManagementClient(credential, subscriptionId, {
    ...sdkOptions,
    endpoint: endpoint.replace(/\/+$/, ''),
    retryOptions,
    additionalPolicies: [
      ...(sdkOptions.additionalPolicies ?? []),
      {
        policy: throttleWithoutRetryAfterPolicy(retryOptions.retryDelayInMs, retryOptions.maxRetryDelayInMs),
        position: 'perRetry',
      },
      { policy: requestTimeoutPolicy(requestTimeoutMs), position: 'perRetry' },
      { policy: armHostOnlyPolicy(endpoint), position: 'perRetry' },
    ],
  })
}

/** HTTP status and ARM error code of a failed request, without the request (whose headers hold the token). */
export function describeError(err: unknown): { status?: number; code?: string; message: string } {
  const e = err as { statusCode?: number; code?: string; message?: string }
  const message = String(e?.message ?? err)
    .replace(/\s+/g, ' ')
    .slice(0, 300)
  return { status: typeof e?.statusCode === 'number' ? e.statusCode : undefined, code: e?.code, message }
}

export function errorText(err: unknown): string {
  const d = describeError(err)
  const head = [d.status !== undefined ? `HTTP ${d.status}` : undefined, d.code].filter(Boolean).join(' ')
  return head ? `${head}: ${d.message}` : d.message
}

export { armScope } from './arm-id'
