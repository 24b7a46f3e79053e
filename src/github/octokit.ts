/**
 * The Octokit type every GitHub module takes as a parameter (the caller builds it with
 * `getOctokit(token, { baseUrl })`), and the one place that turns an API error into a short, token-free
 * reason: callers degrade on these reasons instead of failing the check.
 */
import type { getOctokit } from '@actions/github'

export type Octokit = ReturnType<typeof getOctokit>

/** HTTP status of an Octokit RequestError, or undefined for network and other errors. */
export function httpStatus(err: unknown): number | undefined {
  const s = (err as { status?: unknown } | null)?.status
  return typeof s === 'number' ? s : undefined
}

/**
 * `403 Resource not accessible by integration`-style text. Octokit redacts the authorization header in
 * the error's request, but the message is ours to keep short: status and GitHub's own message only.
 */
export function apiFailure(err: unknown, what: string): string {
  const status = httpStatus(err)
  // A reply that is not JSON (a proxy's error page, a truncated body) surfaces as the parser's own
  // exception, whose text means nothing to a user: say what happened instead.
  if (status === undefined && (err instanceof SyntaxError || err instanceof TypeError))
    return `${what}: GitHub's reply could not be read (it is not valid JSON)`
  if (status === undefined && (err as { name?: unknown } | null)?.name === 'AbortError')
    return `${what}: GitHub did not answer in time`
  const raw = err instanceof Error ? err.message : String(err)
  // GitHub's message is the first line; documentation URLs and request dumps are dropped.
  const message = raw
    .split(/\r?\n/)[0]!
    .replace(/\s*-\s*https:\/\/docs\.github\.com\S*/, '')
    .slice(0, 200)
  return status !== undefined ? `${what}: HTTP ${status} ${message}` : `${what}: ${message}`
}

/** 403/404 are what a fork's or a read-only token gets: a permission answer, not an outage. */
export function isPermissionError(err: unknown): boolean {
  const s = httpStatus(err)
  return s === 401 || s === 403 || s === 404
}
