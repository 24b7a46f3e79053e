/**
 * A Terraform module registry on 127.0.0.1 (service discovery, versions, download with X-Terraform-Get
 * or a JSON `location`), and a plain file server for the packages on another loopback address
 * (127.0.0.2), so tests can see which host received which Authorization header.
 */
import * as fs from 'node:fs'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import * as os from 'node:os'
import * as path from 'node:path'
import * as tar from 'tar'

export interface Seen {
  host: string
  path: string
  authorization?: string
}

export interface Served {
  url: string
  seen: Seen[]
  close(): Promise<void>
}

async function serve(
  host: string,
  handle: (req: http.IncomingMessage, res: http.ServerResponse) => void,
): Promise<Served> {
  const seen: Seen[] = []
  const server = http.createServer((req, res) => {
    seen.push({ host, path: req.url ?? '', authorization: req.headers.authorization })
    handle(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${host}:${port}`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** Files by URL path, served as they are. */
export function startFileServer(files: Map<string, Buffer>): Promise<Served> {
  return serve('127.0.0.2', (req, res) => {
    const body = files.get(new URL(req.url ?? '/', 'http://x').pathname)
    if (!body) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body)
  })
}

export interface RegistryModule {
  /** `ns/name/system`. */
  address: string
  versions: string[]
  /** The package location of a version, as the registry answers it. */
  location: (version: string) => string
  /** Answer in a JSON body instead of the X-Terraform-Get header. */
  json?: boolean
}

export function startRegistry(modules: RegistryModule[]): Promise<Served> {
  return serve('127.0.0.1', (req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname
    if (p === '/.well-known/terraform.json') {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ 'modules.v1': '/v1/modules/' }))
      return
    }
    for (const m of modules) {
      const base = `/v1/modules/${m.address}/`
      if (!p.startsWith(base)) continue
      const rest = p.slice(base.length)
      if (rest === 'versions') {
        const body = { modules: [{ versions: m.versions.map((version) => ({ version })) }] }
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
        return
      }
      const dl = /^([^/]+)\/download$/.exec(rest)
      if (dl && m.versions.includes(dl[1])) {
        const location = m.location(dl[1])
        if (m.json)
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ location }))
        else res.writeHead(204, { 'x-terraform-get': location }).end()
        return
      }
    }
    res.writeHead(404).end()
  })
}

/** A .tar.gz of `files` (relative path → text), built with node-tar as a registry would serve it. */
export async function tarball(files: Record<string, string>, extra?: (dir: string) => void): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-pkg-'))
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
    fs.writeFileSync(path.join(dir, rel), text)
  }
  extra?.(dir)
  const chunks: Buffer[] = []
  const stream = tar.c({ cwd: dir, gzip: true, portable: true }, fs.readdirSync(dir))
  for await (const c of stream as AsyncIterable<Buffer>) chunks.push(Buffer.from(c))
  fs.rmSync(dir, { recursive: true, force: true })
  return Buffer.concat(chunks)
}
