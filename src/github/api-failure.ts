/**
 * What a failed GitHub API call is, in a short, token-free reason (apiFailure) and a few predicates: the
 * callers (check run, comment, suggestions, changed files) degrade on these instead of failing the check.
 * Apart from the client (octokit.ts), so that code which only reads a failure does not load Octokit and
 * its HTTP stack: the action loads the client when it first needs it (src/action/main.ts).
 */

/** The options of an Octokit request, as far as a reason needs them. */
export type RequestOptions = {
  method?: string
  url?: string
  request?: { signal?: AbortSignal; [k: string]: unknown }
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

/** Route options (`/repos/{owner}/{repo}/…` and the parameters) with the parameters put in. */
export function substituted(o: RequestOptions): { method?: string; url?: string } {
  const params = o as Record<string, unknown>
  const url = o.url?.replace(/\{(\w+)\}/g, (whole, k: string) =>
    typeof params[k] === 'string' || typeof params[k] === 'number'
      ? encodeURIComponent(String(params[k]))
      : whole,
  )
  return { ...(o.method ? { method: o.method } : {}), ...(url ? { url } : {}) }
}

/** `POST /repos/o/r/check-runs`: the method and path of a request, without host or query. */
export function endpoint(request: RequestOptions | undefined): string {
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
