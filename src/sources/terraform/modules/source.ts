/**
 * Module source addresses as Terraform reads them: registry addresses (`ns/name/system`,
 * `host/ns/name/system`), `git::` URLs (with `?ref=` and `?depth=`), the `github.com/org/repo` shorthand,
 * and HTTP(S) archive URLs (`.tar.gz`, `.zip`, or `?archive=`). A `//dir` after the package address picks
 * a subdirectory of the package (go-getter's convention, which Terraform follows). Other getters (s3::,
 * gcs::, hg::) are named as unsupported.
 */

export const DEFAULT_REGISTRY = 'registry.terraform.io'

export type ArchiveType = 'tar.gz' | 'tgz' | 'tar' | 'zip'

export type ModuleSource =
  | { kind: 'registry'; host: string; namespace: string; name: string; system: string; subdir?: string }
  | { kind: 'git'; url: string; ref?: string; subdir?: string }
  | { kind: 'http'; url: string; archive?: ArchiveType; subdir?: string }
  | { kind: 'unsupported'; reason: string }

const REGISTRY =
  /^(?:([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d+)?)\/)?([A-Za-z0-9][A-Za-z0-9-_]{0,63})\/([A-Za-z0-9][A-Za-z0-9-_]{0,63})\/([a-z0-9]{1,64})(?:\/\/(.+))?$/

const ARCHIVES: ArchiveType[] = ['tar.gz', 'tgz', 'tar', 'zip']

/** `url//sub/dir?q` → [`url?q`, `sub/dir`]: the `//` after the scheme's `://` starts a subdirectory. */
export function splitSubdir(address: string): [string, string | undefined] {
  const scheme = address.indexOf('://')
  const from = scheme >= 0 ? scheme + 3 : 0
  const at = address.indexOf('//', from)
  if (at < 0) return [address, undefined]
  const q = address.indexOf('?', at)
  const subdir = address.slice(at + 2, q < 0 ? undefined : q)
  const rest = address.slice(0, at) + (q < 0 ? '' : address.slice(q))
  return [rest, subdir === '' ? undefined : subdir]
}

/** A subdirectory inside a package: relative, no `..`, no backslashes. */
export function safeSubdir(subdir: string | undefined): boolean {
  if (subdir === undefined) return true
  return !subdir.startsWith('/') && !subdir.includes('\\') && !subdir.split('/').includes('..')
}

export function isRegistrySource(source: string): boolean {
  return !source.includes('::') && REGISTRY.test(source.trim()) && !/^[./]/.test(source.trim())
}

function archiveOf(url: URL): ArchiveType | undefined {
  const forced = url.searchParams.get('archive')
  if (forced) return ARCHIVES.find((a) => a === forced)
  return ARCHIVES.find((a) => url.pathname.toLowerCase().endsWith(`.${a}`))
}

/** Parses a remote module source; `base` resolves relative addresses (an X-Terraform-Get location). */
export function parseSource(raw: string, base?: string): ModuleSource {
  const source = raw.trim()
  if (!source.includes('::') && !source.includes('://')) {
    const m = REGISTRY.exec(source)
    if (m && !source.startsWith('.'))
      return {
        kind: 'registry',
        host: (m[1] ?? DEFAULT_REGISTRY).toLowerCase(),
        namespace: m[2],
        name: m[3],
        system: m[4],
        subdir: m[5],
      }
  }
  let forced: string | undefined
  let address = source
  const getter = /^([a-z0-9]+)::(.*)$/i.exec(source)
  if (getter) {
    forced = getter[1].toLowerCase()
    address = getter[2]
  }
  // The shorthands Terraform detects.
  const gh = /^(github\.com|bitbucket\.org)\/([^/]+)\/([^/?]+)(.*)$/i.exec(address)
  if (!forced && gh) {
    if (gh[1].toLowerCase() === 'bitbucket.org')
      return { kind: 'unsupported', reason: 'Bitbucket shorthand sources are not supported' }
    forced = 'git'
    address = `https://github.com/${gh[2]}/${gh[3].replace(/\.git$/, '')}.git${gh[4]}`
  }
  const scp = /^([\w.-]+@[\w.-]+):([^/].*)$/.exec(address)
  if (scp && (!forced || forced === 'git') && !address.includes('://')) {
    forced = 'git'
    address = `ssh://${scp[1]}/${scp[2]}`
  }
  if (forced && forced !== 'git' && forced !== 'http' && forced !== 'https')
    return { kind: 'unsupported', reason: `${forced}:: sources are not supported` }
  const [pkg, subdir] = splitSubdir(address)
  let url: URL
  try {
    url = new URL(pkg, base)
  } catch {
    return { kind: 'unsupported', reason: 'the source is not an address the scan can fetch' }
  }
  if (!safeSubdir(subdir))
    return { kind: 'unsupported', reason: `subdirectory "${subdir}" leaves the package` }
  if (forced === 'git' || (!forced && url.protocol === 'git:')) {
    if (!['https:', 'http:', 'ssh:', 'git:', 'file:'].includes(url.protocol))
      return { kind: 'unsupported', reason: `git over ${url.protocol} is not supported` }
    const ref = url.searchParams.get('ref') ?? undefined
    url.searchParams.delete('ref')
    url.searchParams.delete('depth')
    url.searchParams.delete('sshkey')
    return { kind: 'git', url: url.toString().replace(/\?$/, ''), ref, subdir }
  }
  if (url.protocol === 'https:' || url.protocol === 'http:') {
    const archive = archiveOf(url)
    url.searchParams.delete('archive')
    return { kind: 'http', url: url.toString(), archive, subdir }
  }
  return { kind: 'unsupported', reason: `${url.protocol.replace(/:$/, '')} sources are not supported` }
}

/** A URL for messages: without user name, password or query (which may carry credentials). */
export function redactUrl(u: string): string {
  try {
    const url = new URL(u)
    url.username = ''
    url.password = ''
    url.search = ''
    return url.toString()
  } catch {
    return u.replace(/\/\/[^/@]*@/, '//').replace(/\?.*$/, '')
  }
}
