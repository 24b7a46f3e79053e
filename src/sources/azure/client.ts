/**
 * One place that builds NetworkManagementClient, so the live reader and the effective-routes check talk
 * to ARM the same way: the cloud's endpoint (the token scope follows it: `<endpoint>/.default`) and a retry
 * policy sized for throttling. The SDK's default retry policy already honours Retry-After on 429 and 503
 * and backs off exponentially on other 5xx and 408; we keep it, raise the retry count (ARM throttles in
 * bursts) and make a 429 without Retry-After retryable too. Callers (and tests) may pass any other client option: an HttpClient, TLS trust,
 * additional policies.
 */
import { NetworkManagementClient, type NetworkManagementClientOptionalParams } from '@azure/arm-network'
import type { TokenCredential } from '@azure/core-auth'

export type ClientOptions = NetworkManagementClientOptionalParams

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

export function networkClient(
  credential: TokenCredential,
  subscriptionId: string,
  endpoint: string,
  clientOptions: ClientOptions = {},
): NetworkManagementClient {
  const retryOptions = { ...DEFAULT_RETRY, ...clientOptions.retryOptions }
  return new NetworkManagementClient(credential, subscriptionId, {
    ...clientOptions,
    endpoint: endpoint.replace(/\/+$/, ''),
    retryOptions,
    additionalPolicies: [
      ...(clientOptions.additionalPolicies ?? []),
      {
        policy: throttleWithoutRetryAfterPolicy(retryOptions.retryDelayInMs, retryOptions.maxRetryDelayInMs),
        position: 'perRetry',
      },
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
