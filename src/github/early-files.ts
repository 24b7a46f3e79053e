/**
 * A pull request's changed files, asked for by the action's entry before it loads the rest of its code.
 *
 * The run cannot pick the units to judge before it has them, and the GitHub client (Octokit with its
 * plugins) used to load first, on the path of every pull request run; the reply's round trip followed
 * (a local stand-in answers in a millisecond, api.github.com in a tenth of a second or more). Here one plain
 * request goes out at the start, the same the client's first page is (GET …/pulls/{n}/files?per_page=100,
 * the token in the same header), and the answer waits while the code loads. It is taken only when it is
 * whole and plain: status 200, no further page (no `rel="next"` link), a JSON list of files. Anything else
 * (an error status, a rate limit, a failed connection, more than one page) and the run asks again with the
 * client, whose retries, rate-limit waits and messages are as before. A reply that does not come within the
 * client's per-attempt timeout counts as that attempt's timeout: the client would have waited as long.
 *
 * Not with a proxy configured: the client goes through it (src/github/octokit.ts proxyFetch); this request
 * would not. Sent with node's http or https, not fetch: fetch's first call loads undici (Node 20: 30-80 ms of
 * this thread before the request leaves), which the client loads later, while the head is scanned.
 */
import * as http from 'node:http'
import * as https from 'node:https'
import { readRunContext, comparesWithBase } from './context'
import { mannersFromEnv } from './manners'
import { ApiTimeout } from './api-failure'

/** One entry of the reply, as pulls.listFiles gives it (what the run keeps of it). */
export interface ApiFileItem {
  filename: string
  status: string
  previous_filename?: string
  patch?: string
}

/** The list, or the timeout the client's attempt would have met; undefined when the client must ask. */
export type EarlyListing = { kind: 'files'; items: ApiFileItem[] } | { kind: 'timeout'; timeout: ApiTimeout }

export interface EarlyFiles {
  owner: string
  repo: string
  prNumber: number
  files: Promise<EarlyListing | undefined>
}

const PROXY_VARS = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'] as const

/** An item of the reply, checked: a malformed one makes the client ask again (and say what it got). */
function isItem(v: unknown): v is ApiFileItem {
  const o = v as Record<string, unknown> | null
  return (
    o !== null &&
    typeof o === 'object' &&
    typeof o.filename === 'string' &&
    typeof o.status === 'string' &&
    (o.previous_filename === undefined || typeof o.previous_filename === 'string') &&
    (o.patch === undefined || typeof o.patch === 'string')
  )
}

/** `Link: <…>; rel="next"`: more pages, which the client's pagination follows. */
const hasNextPage = (link: string | null): boolean => link !== null && /rel="?next"?/.test(link)

/**
 * The request for this run's pull request (GITHUB_EVENT_PATH, the `github-token` input, GITHUB_API_URL),
 * started now; undefined on other events, without a token, with a proxy, or when the event cannot be read.
 * Never throws, and its promise never rejects.
 */
export function startEarlyFiles(env: NodeJS.ProcessEnv): EarlyFiles | undefined {
  try {
    const token = (env['INPUT_GITHUB-TOKEN'] || '').trim()
    if (!token || PROXY_VARS.some((v) => env[v])) return undefined
    const ctx = readRunContext(env)
    if (!comparesWithBase(ctx) || ctx.prNumber === undefined || !ctx.owner || !ctx.repo) return undefined
    const { owner, repo, prNumber } = ctx
    const path = `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/pulls/${prNumber}/files`
    const base = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '')
    const { timeoutMs } = mannersFromEnv(env)
    const orchestration = env.ACTIONS_ORCHESTRATION_ID?.trim()
    const agent =
      `azure-kms-guard Node.js/${process.version.slice(1)}` +
      (orchestration ? ` actions_orchestration_id/${orchestration.replace(/[^a-z0-9_.-]/gi, '_')}` : '')
    const url = new URL(`${base}${path}?per_page=100`)
    const files = new Promise<EarlyListing | undefined>((settle) => {
      // A timer of our own, cleared with the answer: AbortSignal.timeout's stays until the signal is
      // collected (seen pending 2 s after the answer), a timer the process may have to wait for at its end.
      const abort = new AbortController()
      const { signal } = abort
      const timer = setTimeout(() => abort.abort(), timeoutMs)
      const resolve = (listing: EarlyListing | undefined) => {
        clearTimeout(timer)
        settle(listing)
      }
      const failed = () =>
        resolve(
          signal.aborted
            ? { kind: 'timeout', timeout: new ApiTimeout(timeoutMs, { method: 'GET', url: path }) }
            : undefined,
        )
      const request = (url.protocol === 'https:' ? https : http).request(
        url,
        {
          method: 'GET',
          headers: {
            accept: 'application/vnd.github.v3+json',
            authorization: `token ${token}`,
            'user-agent': agent,
          },
          signal,
        },
        (res) => {
          // The body is read whatever the status (the connection is freed), within the same timeout.
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('error', failed)
          // Cut off before its end (a reset, the timeout): after 'end' this comes too, and changes nothing.
          res.on('close', failed)
          res.on('end', () => {
            try {
              const link = res.headers.link
              if (
                res.statusCode !== 200 ||
                hasNextPage(Array.isArray(link) ? link.join(',') : (link ?? null))
              )
                return resolve(undefined)
              const items: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'))
              resolve(Array.isArray(items) && items.every(isItem) ? { kind: 'files', items } : undefined)
            } catch {
              resolve(undefined)
            }
          })
        },
      )
      request.on('error', failed)
      request.end()
    })
    return { owner, repo, prNumber, files }
  } catch {
    return undefined
  }
}
