/**
 * Terraform's module registry protocol: service discovery (`https://<host>/.well-known/terraform.json`,
 * key `modules.v1`), `GET <base><ns>/<name>/<system>/versions`, and
 * `GET <base><ns>/<name>/<system>/<version>/download`, whose answer is the package address in an
 * `X-Terraform-Get` header (or, from newer registries, a JSON body `{"location": ...}`), possibly relative
 * to the download URL. A host can be overridden (a private registry mirror, a stand-in in tests).
 */
import { DownloadError, httpGet, type HttpLimits } from './http'
import type { ModuleSource } from './source'

type RegistrySource = Extract<ModuleSource, { kind: 'registry' }>

const MAX_JSON = 4 * 1024 * 1024

export class RegistryClient {
  private readonly bases = new Map<string, Promise<string>>()

  constructor(
    /** host → base URL used instead of https://<host> (no trailing path needed). */
    private readonly overrides: ReadonlyMap<string, string>,
    private readonly limits: HttpLimits,
  ) {}

  private json(url: string): Promise<unknown> {
    return httpGet(
      url,
      { ...this.limits, maxBytes: Math.min(this.limits.maxBytes, MAX_JSON) },
      'application/json',
    ).then((res) => {
      if (res.status !== 200) throw new DownloadError(`${hostPath(url)} answered HTTP ${res.status}`)
      try {
        return JSON.parse(res.body.toString('utf8')) as unknown
      } catch {
        throw new DownloadError(`${hostPath(url)} did not answer JSON`)
      }
    })
  }

  /** The modules.v1 base URL of a registry host. */
  modulesBase(host: string): Promise<string> {
    let base = this.bases.get(host)
    if (!base) {
      const origin = (this.overrides.get(host) ?? `https://${host}`).replace(/\/+$/, '')
      const discovery = `${origin}/.well-known/terraform.json`
      base = this.json(discovery).then((doc) => {
        const v = (doc as Record<string, unknown> | null)?.['modules.v1']
        if (typeof v !== 'string') throw new DownloadError(`${host} offers no module registry (modules.v1)`)
        const url = new URL(v.endsWith('/') ? v : `${v}/`, discovery)
        return url.toString()
      })
      this.bases.set(host, base)
    }
    return base
  }

  private async moduleUrl(src: RegistrySource, tail: string): Promise<string> {
    const base = await this.modulesBase(src.host)
    const parts = [src.namespace, src.name, src.system].map(encodeURIComponent).join('/')
    return new URL(`${parts}/${tail}`, base).toString()
  }

  async versions(src: RegistrySource): Promise<string[]> {
    const doc = (await this.json(await this.moduleUrl(src, 'versions'))) as {
      modules?: { versions?: { version?: unknown }[] }[]
    }
    const out: string[] = []
    for (const m of doc?.modules ?? [])
      for (const v of m.versions ?? []) if (typeof v.version === 'string') out.push(v.version)
    return out
  }

  /** The package address of one version, absolute. */
  async location(src: RegistrySource, version: string): Promise<string> {
    const url = await this.moduleUrl(src, `${encodeURIComponent(version)}/download`)
    const res = await httpGet(url, { ...this.limits, maxBytes: MAX_JSON }, 'application/json')
    if (res.status !== 200 && res.status !== 204)
      throw new DownloadError(`${hostPath(url)} answered HTTP ${res.status}`)
    let location = res.headers.get('x-terraform-get') ?? undefined
    if (!location && res.body.length > 0) {
      try {
        const doc = JSON.parse(res.body.toString('utf8')) as { location?: unknown }
        if (typeof doc.location === 'string') location = doc.location
      } catch {
        // no JSON body: only the header counts
      }
    }
    if (!location) throw new DownloadError(`${hostPath(url)} gave no download location`)
    // A relative location (`./pkg.tar.gz`, `/files/pkg.tar.gz`) is relative to the download URL.
    if (/^\.{0,2}\//.test(location) && !location.startsWith('//'))
      return new URL(location, res.url).toString()
    return location
  }
}

function hostPath(url: string): string {
  const u = new URL(url)
  return `${u.host}${u.pathname}`
}
