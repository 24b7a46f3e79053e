/**
 * The GitHub client the action uses and the one place that turns an API error into a short, token-free
 * reason: callers degrade on these reasons instead of failing the check.
 *
 * Manners (issue 14): every request has a timeout; a 5xx or a network error is retried a bounded number
 * of times (@octokit/plugin-retry); GitHub's rate limits wait for their Retry-After or reset, once and
 * only while the wait is short (@octokit/plugin-throttling). Writes beyond the first few are spaced as
 * GitHub asks of clients that write much (src/github/write-pace.ts).
 */
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { UNPACED_WRITES, writePace, type PaceOptions } from './write-pace'

export type Octokit = ReturnType<typeof getOctokit>

export interface ApiManners {
  /** Per attempt: the reply (headers and body) must arrive within this. */
  timeoutMs: number
  /** Retries of a 5xx or a network error (not of a timeout: a silent server would cost timeoutMs again). */
  retries: number
  /** The retry plugin waits (n+1)² × this before retry n+1. */
  retryBaseMs: number
  /** A rate limit whose Retry-After (or reset) is longer than this is not waited for: the step is skipped. */
  maxWaitS: number
}

export const DEFAULT_MANNERS: ApiManners = { timeoutMs: 30_000, retries: 2, retryBaseMs: 1000, maxWaitS: 60 }

/**
 * `AZURE_KMS_GUARD_API_TIMEOUT_MS` and `AZURE_KMS_GUARD_API_MAX_WAIT_S` tune the defaults (a slow GitHub
 * Enterprise Server, or tests that cannot wait 30 s); anything that is not a positive number is ignored.
 */
export function mannersFromEnv(env: NodeJS.ProcessEnv): ApiManners {
  const num = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v.trim()) ? Number(v) : undefined)
  const timeoutMs = num(env.AZURE_KMS_GUARD_API_TIMEOUT_MS)
  const maxWaitS = num(env.AZURE_KMS_GUARD_API_MAX_WAIT_S)
  return {
    ...DEFAULT_MANNERS,
    ...(timeoutMs ? { timeoutMs } : {}),
    ...(maxWaitS !== undefined ? { maxWaitS } : {}),
  }
}

/** A request that got no (complete) reply in time. It carries `request` as Octokit's errors do. */
export class ApiTimeout extends Error {
  override name = 'ApiTimeout'
  constructor(
    readonly timeoutMs: number,
    readonly request: { method?: string; url?: string },
  ) {
    super(`GitHub did not answer within ${seconds(timeoutMs)}`)
  }
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`
}

type Hooked = {
  hook: { wrap(name: 'request', fn: (request: Send, options: Options) => Promise<unknown>): void }
}
type Options = { method?: string; url?: string; request?: { signal?: AbortSignal; [k: string]: unknown } }
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

/** The client for `token`: Octokit with the timeout, retry and throttling plugins, in that order. */
export function githubClient(
  token: string,
  opts: {
    baseUrl: string
    manners?: ApiManners
    log?: (message: string) => void
    /** Tests: how the write pacing waits. */
    sleep?: PaceOptions['sleep']
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
  return getOctokit(
    token,
    {
      baseUrl: opts.baseUrl,
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
    },
    patience as never,
    retry,
    throttling,
  )
}

/** Route options (`/repos/{owner}/{repo}/…` and the parameters) with the parameters put in. */
function substituted(o: Options): { method?: string; url?: string } {
  const params = o as Record<string, unknown>
  const url = o.url?.replace(/\{(\w+)\}/g, (whole, k: string) =>
    typeof params[k] === 'string' || typeof params[k] === 'number'
      ? encodeURIComponent(String(params[k]))
      : whole,
  )
  return { ...(o.method ? { method: o.method } : {}), ...(url ? { url } : {}) }
}

/** `POST /repos/o/r/check-runs`: the method and path of a request, without host or query. */
function endpoint(request: Options | undefined): string {
  if (!request?.url) return 'the API'
  let path = substituted(request).url!
  try {
    path = new URL(path, 'http://github.invalid').pathname
  } catch {
    // Not a URL: keep the text as it is (it is ours, never a secret: the token is a header).
  }
  return `${request.method ?? 'GET'} ${path}`
}

/** HTTP status of an Octokit RequestError, or undefined for network and other errors. */
export function httpStatus(err: unknown): number | undefined {
  const s = (err as { status?: unknown } | null)?.status
  return typeof s === 'number' ? s : undefined
}

/**
 * `creating the check run failed: HTTP 403 Resource not accessible by integration (POST /repos/o/r/check-runs)`.
 * Octokit redacts the authorization header in the error's request, but the message is ours to keep
 * short: status, GitHub's own message, the endpoint and how many attempts were made.
 */
export function apiFailure(err: unknown, what: string): string {
  const request = (
    err as { request?: { method?: string; url?: string; request?: { retryCount?: unknown } } } | null
  )?.request
  const where = request?.url ? ` (${endpoint(request)}${attempts(request.request?.retryCount)})` : ''
  if (err instanceof ApiTimeout) return `${what}: ${err.message}${where}`
  const status = httpStatus(err)
  // A reply that is not JSON (a proxy's error page, a truncated body) surfaces as the parser's own
  // exception, whose text means nothing to a user: say what happened instead.
  if (status === undefined && (err instanceof SyntaxError || err instanceof TypeError))
    return `${what}: GitHub's reply could not be read (it is not valid JSON)${where}`
  if (status === undefined && (err as { name?: unknown } | null)?.name === 'AbortError')
    return `${what}: GitHub did not answer in time${where}`
  const raw = err instanceof Error ? err.message : String(err)
  // Octokit gives a failed connection (refused, reset, DNS) status 500 but no response: not GitHub's 500.
  if (status === 500 && (err as { response?: unknown }).response === undefined)
    return `${what}: no reply from GitHub (${raw.split(/\r?\n/)[0]!.slice(0, 200)})${where}`
  // GitHub's message is the first line; documentation URLs and request dumps are dropped.
  const message = raw
    .split(/\r?\n/)[0]!
    .replace(/\s*-\s*https:\/\/docs\.github\.com\S*/, '')
    .slice(0, 200)
  return status !== undefined ? `${what}: HTTP ${status} ${message}${where}` : `${what}: ${message}${where}`
}

function attempts(retryCount: unknown): string {
  return typeof retryCount === 'number' && retryCount > 0 ? `, after ${retryCount + 1} attempts` : ''
}

/** 403/404 are what a fork's or a read-only token gets: a permission answer, not an outage. */
export function isPermissionError(err: unknown): boolean {
  const s = httpStatus(err)
  return s === 401 || s === 403 || s === 404
}
