/**
 * A real HTTP server on 127.0.0.1 standing in for the GitHub REST API, so tests exercise Octokit's
 * actual request building, pagination (Link headers) and error handling instead of a mocked client.
 */
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  method: string
  /** Path without the query string, e.g. `/repos/o/r/pulls/1/files`. */
  path: string
  query: URLSearchParams
  headers: http.IncomingHttpHeaders
  /** Parsed JSON body (undefined when there was none); loosely typed so assertions can reach into it. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any
}

export interface Reply {
  status?: number
  body?: unknown
  /** Sent as it is instead of `body` (a malformed reply). */
  raw?: string
  headers?: Record<string, string>
  /** Never answer (the connection stays open until the client gives up or the server closes). */
  hang?: boolean
  /** Send the status, the headers and the body, but never end the reply (a body that stalls). */
  stall?: boolean
}

export interface Route {
  method: string
  path: RegExp
  reply: (req: RecordedRequest, match: RegExpMatchArray, server: FakeGitHub) => Reply
}

export interface FakeGitHub {
  url: string
  requests: RecordedRequest[]
  /** Requests of one method whose path matches. */
  calls(method: string, path: RegExp): RecordedRequest[]
  close(): Promise<void>
}

export async function startGitHubServer(routes: Route[]): Promise<FakeGitHub> {
  const requests: RecordedRequest[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const raw = Buffer.concat(chunks).toString('utf8')
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: raw === '' ? undefined : JSON.parse(raw),
      }
      requests.push(recorded)
      let reply: Reply = { status: 404, body: { message: 'Not Found (no route in the fake server)' } }
      for (const r of routes) {
        const m = recorded.method === r.method ? recorded.path.match(r.path) : null
        if (m) {
          reply = r.reply(recorded, m, fake)
          break
        }
      }
      if (reply.hang) return
      const status = reply.status ?? 200
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...(reply.headers ?? {}) })
      if (reply.stall) res.write(reply.raw ?? JSON.stringify(reply.body ?? {}))
      else if (reply.raw !== undefined) res.end(reply.raw)
      else res.end(status === 204 || reply.body === undefined ? '' : JSON.stringify(reply.body))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const fake: FakeGitHub = {
    url: `http://127.0.0.1:${port}`,
    requests,
    calls: (method, path) => requests.filter((r) => r.method === method && path.test(r.path)),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((err) => (err ? reject(err) : resolve()))
      }),
  }
  return fake
}

/** Serves `items` in pages of `per_page` (from the query), with GitHub's Link header. */
export function paged(req: RecordedRequest, items: unknown[], baseUrl: string): Reply {
  const perPage = Number(req.query.get('per_page') ?? 30)
  const page = Number(req.query.get('page') ?? 1)
  const last = Math.max(1, Math.ceil(items.length / perPage))
  const link = (p: number, rel: string): string => {
    const q = new URLSearchParams(req.query)
    q.set('page', String(p))
    return `<${baseUrl}${req.path}?${q.toString()}>; rel="${rel}"`
  }
  const links: string[] = []
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
  if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'))
  return {
    body: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(', ') } : {},
  }
}

/** The check run as written: its requests (the create, then any updates), every annotation in order, and the body that completed it. */
export function checkRunWrites(server: Pick<FakeGitHub, 'requests'>): {
  requests: RecordedRequest[]
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  annotations: any[]
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  completed?: any
} {
  const requests = server.requests.filter(
    (r) =>
      (r.method === 'POST' && /\/check-runs$/.test(r.path)) ||
      (r.method === 'PATCH' && /\/check-runs\/\d+$/.test(r.path)),
  )
  return {
    requests,
    annotations: requests.flatMap((r) => r.body?.output?.annotations ?? []),
    completed: requests.find((r) => r.body?.status === 'completed')?.body,
  }
}
