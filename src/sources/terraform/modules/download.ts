/**
 * --download-modules: fetches the registry and git modules a root module calls (and those they call),
 * the way `terraform init` would, into a cache folder keyed by source and version, so that a runner's
 * actions/cache can keep it between runs. Everything is bounded: modules per scan, bytes and files per
 * package, time per request and for the whole scan. What cannot be fetched is not fatal: the call is
 * named (KMS011) with why, and the scan goes on.
 */
import { createHash, randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { isInside } from '../../parsing/discover'
import { unpack, sniffArchive } from './archive'
import { moduleCallsIn } from './calls'
import { newestMatching, parseConstraint } from './constraints'
import { gitClone } from './git'
import { DownloadError, httpGet, type HttpLimits } from './http'
import type { InstalledModule } from './manifest'
import { RegistryClient } from './registry'
import { parseSource, redactUrl, safeSubdir, type ModuleSource } from './source'
import { makeBoundary, readSource } from '../../parsing/read-source'

export interface DownloadSettings {
  /** Cache folder (default: $RUNNER_TEMP or the OS temp folder, `azure-kms-guard-modules`). */
  cacheDir?: string
  /** Registry host → base URL to use instead of https://<host>. */
  registries?: ReadonlyMap<string, string>
  /** Where TF_TOKEN_<host> variables are read (default: process.env). */
  env?: NodeJS.ProcessEnv
}

export const DOWNLOAD_LIMITS = {
  /** Module packages fetched per scan. */
  maxModules: 100,
  /** Module calls followed per root module (nested ones included). */
  maxCalls: 500,
  maxArchiveBytes: 50 * 1024 * 1024,
  maxUnpackedBytes: 200 * 1024 * 1024,
  maxFiles: 20_000,
  requestMs: 60_000,
  gitMs: 180_000,
  totalMs: 600_000,
  maxDepth: 16,
}

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.RUNNER_TEMP || os.tmpdir(), 'azure-kms-guard-modules')
}

export interface RootDownload {
  modules: Map<string, InstalledModule>
  /** Module key → why it was not fetched. */
  failed: Map<string, string>
}

const isLocal = (s: string): boolean => /^\.\.?[\\/]/.test(s)

export class ModuleDownloader {
  readonly cacheDir: string
  private readonly registry: RegistryClient
  private readonly limits: HttpLimits
  private readonly packages = new Map<string, Promise<string>>()
  private readonly deadline: AbortController
  private readonly timer: NodeJS.Timeout

  constructor(
    /** Real path of the scan root (file:// git sources must stay inside it). */
    private readonly scanRoot: string,
    settings: DownloadSettings,
  ) {
    this.cacheDir = path.resolve(settings.cacheDir ?? defaultCacheDir(settings.env))
    fs.mkdirSync(this.cacheDir, { recursive: true })
    this.cacheDir = fs.realpathSync(this.cacheDir)
    this.deadline = new AbortController()
    this.timer = setTimeout(() => this.deadline.abort(), DOWNLOAD_LIMITS.totalMs)
    this.timer.unref()
    this.limits = {
      timeoutMs: DOWNLOAD_LIMITS.requestMs,
      maxBytes: DOWNLOAD_LIMITS.maxArchiveBytes,
      env: settings.env ?? process.env,
      signal: this.deadline.signal,
    }
    this.registry = new RegistryClient(settings.registries ?? new Map(), this.limits)
  }

  close(): void {
    clearTimeout(this.timer)
  }

  /** Fetches every remote module the root module in `rootDir` calls, directly or through other modules. */
  async forRoot(rootDir: string): Promise<RootDownload> {
    const out: RootDownload = { modules: new Map(), failed: new Map() }
    let calls = 0
    const visit = async (
      dir: string,
      prefix: string,
      inPackage: string | undefined,
      depth: number,
    ): Promise<void> => {
      if (depth > DOWNLOAD_LIMITS.maxDepth) return
      for (const call of moduleCallsIn(dir)) {
        const key = prefix === '' ? call.name : `${prefix}.${call.name}`
        if (++calls > DOWNLOAD_LIMITS.maxCalls) {
          out.failed.set(key, `more than ${DOWNLOAD_LIMITS.maxCalls} module calls; the rest were not fetched`)
          continue
        }
        if (isLocal(call.source)) {
          const target = path.resolve(dir, call.source.replace(/\\/g, '/'))
          let real: string
          try {
            real = fs.realpathSync(target)
          } catch {
            continue
          }
          // A local module of a package stays in the package; one of the user's stays in the scan.
          if (!isInside(inPackage ?? this.scanRoot, real)) continue
          if (inPackage) out.modules.set(key, { key, source: call.source, dir: real })
          await visit(real, key, inPackage, depth + 1)
          continue
        }
        try {
          const { dir: moduleDir, version, pkg } = await this.fetchModule(call.source, call.version)
          out.modules.set(key, { key, source: call.source, version, dir: moduleDir })
          await visit(moduleDir, key, pkg, depth + 1)
        } catch (e) {
          out.failed.set(key, `download failed: ${e instanceof DownloadError ? e.message : String(e)}`)
        }
      }
    }
    await visit(rootDir, '', undefined, 0)
    return out
  }

  /** The module's directory (inside its cached package) and the version chosen. */
  private async fetchModule(
    raw: string,
    constraint: string | undefined,
  ): Promise<{ dir: string; pkg: string; version?: string }> {
    const src = parseSource(raw)
    if (src.kind === 'unsupported') throw new DownloadError(src.reason)
    let version: string | undefined
    let pkg: string
    let subdir = src.subdir
    if (src.kind === 'registry') {
      const c = parseConstraint(constraint)
      if (!c.ok) throw new DownloadError(c.reason)
      const prefix = `${src.host}/${src.namespace}/${src.name}/${src.system}`
      let versions: string[]
      try {
        versions = await this.registry.versions(src)
      } catch (e) {
        // Offline (or the registry is down): the versions a previous run cached still serve.
        versions = this.cachedVersions(prefix)
        if (versions.length === 0) throw e
      }
      version = newestMatching(versions, c)
      if (!version)
        throw new DownloadError(
          `no version of ${src.namespace}/${src.name}/${src.system} matches "${constraint ?? 'any'}" (the registry has ${versions.slice(-5).join(', ') || 'none'})`,
        )
      const id = `${prefix}@${version}`
      pkg = await this.cached(id, async (dest) => {
        const location = await this.registry.location(src, version!)
        const target = parseSource(location)
        if (target.kind === 'registry' || target.kind === 'unsupported')
          throw new DownloadError(
            `the registry's download location is not supported (${redactUrl(location)})`,
          )
        const inner = await this.fetchPackage(target, dest)
        return inner
      })
      // The registry location may itself name a subdirectory (`...tar.gz//modules/x`).
      const target = this.locations.get(id)
      if (target) subdir = subdir ? path.posix.join(target, subdir) : target
    } else {
      if (constraint) throw new DownloadError('version is only allowed for registry modules')
      const id = src.kind === 'git' ? `git ${src.url}@${src.ref ?? ''}` : `http ${src.url}`
      pkg = await this.cached(id, (dest) => this.fetchPackage(src, dest))
    }
    if (!safeSubdir(subdir)) throw new DownloadError(`subdirectory "${subdir}" leaves the package`)
    const dir = subdir ? path.join(pkg, ...subdir.split('/')) : pkg
    let real: string
    try {
      real = fs.realpathSync(dir)
    } catch {
      throw new DownloadError(`the package has no subdirectory "${subdir}"`)
    }
    if (!isInside(pkg, real) || !fs.statSync(real).isDirectory())
      throw new DownloadError(`the package has no subdirectory "${subdir}"`)
    return { dir: real, pkg, version }
  }

  /** A metadata file of our own cache, read through the boundary of the cache folder. */
  private readCache(file: string): string {
    const read = readSource(file, makeBoundary([this.cacheDir]))
    if (!read.ok) throw new Error(read.reason)
    return read.text
  }

  /** Versions of a registry module already in the cache. */
  private cachedVersions(prefix: string): string[] {
    const out: string[] = []
    for (const name of fs.readdirSync(this.cacheDir)) {
      if (!name.endsWith('.json')) continue
      try {
        const id = (JSON.parse(this.readCache(path.join(this.cacheDir, name))) as { id?: unknown }).id
        if (typeof id === 'string' && id.startsWith(`${prefix}@`)) out.push(id.slice(prefix.length + 1))
      } catch {
        // a damaged entry is fetched again
      }
    }
    return out
  }

  /** Subdirectory named by a registry's download location, per package id. */
  private readonly locations = new Map<string, string | undefined>()

  /**
   * The cached package folder for `id`, fetched once: into a fresh folder renamed into place when
   * complete, so a folder under its final name is always whole (another job may share the cache).
   */
  private cached(id: string, fetch: (dest: string) => Promise<string | undefined>): Promise<string> {
    let p = this.packages.get(id)
    if (!p) {
      p = (async () => {
        const hash = createHash('sha256').update(id).digest('hex').slice(0, 32)
        const final = path.join(this.cacheDir, hash)
        const meta = `${final}.json`
        if (fs.existsSync(final) && fs.existsSync(meta)) {
          const saved = JSON.parse(this.readCache(meta)) as { id?: string; subdir?: string }
          if (saved.id === id) {
            this.locations.set(id, saved.subdir)
            return fs.realpathSync(final)
          }
        }
        if (this.packages.size > DOWNLOAD_LIMITS.maxModules)
          throw new DownloadError(`more than ${DOWNLOAD_LIMITS.maxModules} module packages in one scan`)
        const tmp = path.join(this.cacheDir, `.tmp-${hash}-${randomBytes(6).toString('hex')}`)
        try {
          const subdir = await fetch(tmp)
          this.locations.set(id, subdir)
          fs.rmSync(final, { recursive: true, force: true })
          fs.renameSync(tmp, final)
          fs.writeFileSync(meta, JSON.stringify({ id, subdir }))
        } finally {
          fs.rmSync(tmp, { recursive: true, force: true })
        }
        return fs.realpathSync(final)
      })()
      this.packages.set(id, p)
    }
    return p
  }

  /** Fetches a git or HTTP package into `dest`; returns the subdirectory its address names. */
  private async fetchPackage(
    src: Exclude<ModuleSource, { kind: 'registry' | 'unsupported' }>,
    dest: string,
  ): Promise<string | undefined> {
    if (src.kind === 'git') {
      await gitClone(src.url, src.ref, dest, {
        timeoutMs: DOWNLOAD_LIMITS.gitMs,
        scanRoot: this.scanRoot,
        signal: this.deadline.signal,
      })
      checkTree(dest)
      return src.subdir
    }
    const res = await httpGet(src.url, this.limits)
    if (res.status !== 200) {
      const get = res.headers.get('x-terraform-get')
      if (res.status === 204 && get) {
        const next = parseSource(get, res.url)
        if (next.kind === 'git' || (next.kind === 'http' && next.archive))
          return this.fetchPackage(next, dest).then((s) => s ?? src.subdir)
      }
      throw new DownloadError(`${redactUrl(src.url)} answered HTTP ${res.status}`)
    }
    const type = src.archive ?? sniffArchive(res.body)
    if (!type) throw new DownloadError(`${redactUrl(src.url)} is not a .tar.gz, .tar or .zip archive`)
    await unpack(res.body, type, dest, {
      maxFiles: DOWNLOAD_LIMITS.maxFiles,
      maxBytes: DOWNLOAD_LIMITS.maxUnpackedBytes,
    })
    return src.subdir
  }
}

/** A cloned tree within the package limits, with no link leading anywhere. */
function checkTree(root: string): void {
  let files = 0
  let bytes = 0
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name)
      if (e.isSymbolicLink()) fs.rmSync(p)
      else if (e.isDirectory()) walk(p)
      else {
        files++
        bytes += fs.statSync(p).size
      }
      if (files > DOWNLOAD_LIMITS.maxFiles || bytes > DOWNLOAD_LIMITS.maxUnpackedBytes)
        throw new DownloadError('the repository is over the package limits')
    }
  }
  walk(root)
}
