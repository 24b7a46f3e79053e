/**
 * Bounded HTTP GET for the module registry and archive downloads: a size cap on the body, a time limit,
 * redirects followed by hand (at most five) so that a token is decided afresh for every host, and the
 * token rule: a request carries `Authorization: Bearer` only when a TF_TOKEN_<host> variable was given
 * for that very host (Terraform's convention: dots as `_`, dashes as `__`). Tokens never appear in errors.
 */

export interface HttpLimits {
  /** Milliseconds for one request, body included. */
  timeoutMs: number
  maxBytes: number
  /** Environment holding TF_TOKEN_<host> variables. */
  env: NodeJS.ProcessEnv
  /** Aborts everything (the scan's download time budget). */
  signal?: AbortSignal
}

export interface HttpResponse {
  status: number
  headers: Headers
  body: Buffer
  /** The final URL, after redirects (relative locations resolve against it). */
  url: string
}

export class DownloadError extends Error {}

/** The token given for `host` (lower case, no port), if any. */
export function tokenFor(host: string, env: NodeJS.ProcessEnv): string | undefined {
  const want = host.toLowerCase()
  for (const [name, value] of Object.entries(env)) {
    if (!value || !name.startsWith('TF_TOKEN_')) continue
    const decoded = name
      .slice('TF_TOKEN_'.length)
      .split('__')
      .map((part) => part.replace(/_/g, '.'))
      .join('-')
    if (decoded.toLowerCase() === want) return value
  }
  return undefined
}

async function readCapped(res: Response, max: number, what: string): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length') ?? '0')
  if (declared > max) throw new DownloadError(`${what} is ${declared} bytes, over the ${max}-byte limit`)
  const chunks: Buffer[] = []
  let total = 0
  if (!res.body) return Buffer.alloc(0)
  for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength
    if (total > max) throw new DownloadError(`${what} is over the ${max}-byte limit`)
    chunks.push(Buffer.from(chunk))
  }
  return Buffer.concat(chunks)
}

export async function httpGet(url: string, limits: HttpLimits, accept?: string): Promise<HttpResponse> {
  let current = new URL(url)
  const signals = [AbortSignal.timeout(limits.timeoutMs)]
  if (limits.signal) signals.push(limits.signal)
  const signal = AbortSignal.any(signals)
  for (let hop = 0; hop <= 5; hop++) {
    if (current.protocol !== 'https:' && current.protocol !== 'http:')
      throw new DownloadError(`${current.protocol} URLs are not fetched`)
    const headers: Record<string, string> = { 'user-agent': 'azure-kms-guard' }
    if (accept) headers.accept = accept
    const token = tokenFor(current.hostname, limits.env)
    if (token) headers.authorization = `Bearer ${token}`
    let res: Response
    try {
      res = await fetch(current, { headers, redirect: 'manual', signal })
    } catch (e) {
      const why = signal.aborted ? 'timed out' : ((e as Error).cause as Error | undefined)?.message
      throw new DownloadError(`GET ${current.host}${current.pathname} failed: ${why ?? (e as Error).message}`)
    }
    const location = res.headers.get('location')
    if (res.status >= 300 && res.status < 400 && location) {
      await res.body?.cancel()
      current = new URL(location, current)
      continue
    }
    try {
      const body = await readCapped(
        res,
        limits.maxBytes,
        `the response of ${current.host}${current.pathname}`,
      )
      return { status: res.status, headers: res.headers, body, url: current.toString() }
    } catch (e) {
      if (e instanceof DownloadError) throw e
      throw new DownloadError(
        `reading ${current.host}${current.pathname} failed: ${signal.aborted ? 'timed out' : (e as Error).message}`,
      )
    }
  }
  throw new DownloadError(`too many redirects from ${new URL(url).host}`)
}
