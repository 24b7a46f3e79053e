/**
 * The GitHub client the action uses (an API error's short, token-free reason is src/github/api-failure.ts's).
 *
 * Manners (issue 14): every request has a timeout; a 5xx or a network error is retried a bounded number
 * of times (@octokit/plugin-retry); GitHub's rate limits wait for their Retry-After or reset, once and
 * only while the wait is short (@octokit/plugin-throttling). Writes beyond the first few are spaced as
 * GitHub asks of clients that write much (src/github/write-pace.ts).
 */
import type { getOctokit } from '@actions/github'
import { Octokit as OctokitCore } from '@octokit/core'
import { paginateRest } from '@octokit/plugin-paginate-rest'
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { UNPACED_WRITES, writePace, type PaceOptions } from './write-pace'
import { ApiTimeout, endpoint, substituted, type RequestOptions } from './api-failure'
import { DEFAULT_MANNERS, type ApiManners } from './manners'

// Where they were first: callers and tests may import them from here too.
export { ApiTimeout, apiFailure, httpStatus, isPermissionError } from './api-failure'

export type Octokit = ReturnType<typeof getOctokit>

// The manners live apart (manners.ts), for the early changed-files request of the action's entry.
export { DEFAULT_MANNERS, mannersFromEnv, type ApiManners } from './manners'

type Hooked = {
  hook: { wrap(name: 'request', fn: (request: Send, options: Options) => Promise<unknown>): void }
}
type Options = RequestOptions
type Send = (options: Options) => Promise<unknown>

/**
 * The innermost request hook (registered before the retry and throttling plugins, so it runs once per
 * attempt): a fresh timeout for each attempt, joined with any signal of the caller. It also names a
 * bare `429` with Retry-After as the secondary rate limit GitHub documents it to be: the throttling
 * plugin recognises secondary limits by their message, and a Retry-After must be honoured whatever the
 * message says. Hand-written: neither plugin has a timeout.
 */
function patience(octokit: Hooked, options: { manners?: ApiManners }): void {
  const manners = options.manners ?? DEFAULT_MANNERS
  octokit.hook.wrap('request', async (request, opts) => {
    const timeout = new AbortController()
    const caller = opts.request?.signal
    const signal = caller ? AbortSignal.any([caller, timeout.signal]) : timeout.signal
    let timer: NodeJS.Timeout | undefined
    // The abort frees the connection; the race makes sure we stop waiting even if a fetch ignored it.
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timeout.abort()
        reject(new ApiTimeout(manners.timeoutMs, substituted(opts)))
      }, manners.timeoutMs)
    })
    try {
      // Set on the options object itself: the token hook below us re-merges the options it was first
      // given and ignores the ones passed down, so a copy would lose the signal.
      opts.request = { ...opts.request, signal }
      return await Promise.race([request(opts), expired])
    } catch (err) {
      if (timeout.signal.aborted && !caller?.aborted)
        throw new ApiTimeout(manners.timeoutMs, substituted(opts))
      const e = err as { status?: unknown; message?: string; response?: { headers?: Record<string, string> } }
      const headers = e.response?.headers ?? {}
      if (
        e.status === 429 &&
        headers['retry-after'] !== undefined &&
        headers['x-ratelimit-remaining'] !== '0' &&
        !/\bsecondary rate\b/i.test(e.message ?? '')
      )
        e.message = `secondary rate limit (Retry-After ${headers['retry-after']} s): ${e.message ?? ''}`
      throw err
    } finally {
      clearTimeout(timer)
    }
  })
}

/**
 * The fetch @actions/github gives Octokit when a proxy is configured (https_proxy, HTTPS_PROXY, http_proxy,
 * HTTP_PROXY: @actions/http-client's proxy variables, no_proxy honoured there); undefined without one, where
 * its fetch is undici's with the default dispatcher, the same as node's own fetch. Loaded only then: with
 * @actions/github come @actions/http-client and undici, a megabyte of code and node's http, https, http2 and
 * zlib, which cost every run 60-80 ms of CPU before the changed files could be asked for (bench/pr.mjs).
 */
export async function proxyFetch(env: NodeJS.ProcessEnv): Promise<typeof fetch | undefined> {
  if (!env.https_proxy && !env.HTTPS_PROXY && !env.http_proxy && !env.HTTP_PROXY) return undefined
  const { defaults } = await import('@actions/github/lib/utils')
  return (defaults.request as { fetch?: typeof fetch } | undefined)?.fetch
}

/** @actions/github's user agent: the runner's orchestration id when there is one. */
function userAgent(env: NodeJS.ProcessEnv): string | undefined {
  const id = env.ACTIONS_ORCHESTRATION_ID?.trim()
  return id ? `actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, '_')}` : undefined
}

/**
 * The client for `token`: Octokit with the REST methods and pagination (what @actions/github's getOctokit
 * builds), then the timeout, retry and throttling plugins, in that order. `fetch`: proxyFetch's, when a proxy
 * is configured; else node's own.
 */
export function githubClient(
  token: string,
  opts: {
    baseUrl: string
    manners?: ApiManners
    log?: (message: string) => void
    /** Tests: how the write pacing waits. */
    sleep?: PaceOptions['sleep']
    fetch?: typeof fetch
  },
): Octokit {
  const manners = opts.manners ?? DEFAULT_MANNERS
  const log = opts.log ?? (() => undefined)
  const pace = opts.sleep ? { sleep: opts.sleep } : {}
  // Retry once, and only when the wait is one a CI job can afford; later the step is skipped and says so.
  const onLimit = (what: string) => (retryAfter: number, o: Options, _k: unknown, retryCount: number) => {
    const wait = retryCount === 0 && retryAfter <= manners.maxWaitS
    log(
      wait
        ? `GitHub ${what} on ${endpoint(o)}: retrying once after ${retryAfter} s`
        : `GitHub ${what} on ${endpoint(o)}: not retrying (${retryCount > 0 ? 'already retried' : `Retry-After ${retryAfter} s is longer than ${manners.maxWaitS} s`})`,
    )
    return wait
  }
  const agent = userAgent(process.env)
  const Client = OctokitCore.plugin(restEndpointMethods, paginateRest, patience as never, retry, throttling)
  return new Client({
    auth: `token ${token}`,
    baseUrl: opts.baseUrl,
    ...(agent ? { userAgent: agent } : {}),
    ...(opts.fetch ? { request: { fetch: opts.fetch } } : {}),
    manners,
    retry: {
      retries: manners.retries,
      retryAfterBaseValue: manners.retryBaseMs,
      // Rate limits (403, 429) are the throttling plugin's: they have their own wait.
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
    },
    throttle: {
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit'),
      // The plugin's own spacing (1 s per write, 3 s per notifying write), after the first few writes.
      write: writePace({ burst: UNPACED_WRITES, spacingMs: 1000, ...pace }) as never,
      notifications: writePace({ burst: UNPACED_WRITES, spacingMs: 3000, ...pace }) as never,
    },
  } as never) as unknown as Octokit
}
