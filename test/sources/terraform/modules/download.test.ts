/**
 * --download-modules against a registry stand-in on 127.0.0.1 serving packages built in the test, and
 * git repositories built in the test (file:// URLs inside the scanned directory).
 */
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { scan } from '../../../../src/pipeline/scan'
import type { DownloadSettings } from '../../../../src/sources/terraform/modules/download'
import { startFileServer, startRegistry, tarball, type Served } from '../../../helpers/module-registry'
import { zipOf } from '../../../helpers/zip'
import { writeTree } from '../eval-helpers'
import { ROUTE_TABLE_PACKAGE, ROUTE_TABLE_SOURCE, spokeMain } from './spoke'

const ADDRESS = 'Azure/avm-res-network-routetable/azurerm'
const open: Served[] = []
afterAll(() => Promise.all(open.map((s) => s.close())))

function cacheDir(): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kms-cache-')))
}

async function scanWith(dir: string, settings: DownloadSettings) {
  const result = await scan({
    path: dir,
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
    downloadModules: settings,
  })
  return {
    result,
    rules: result.findings.map((f) => f.ruleId),
    text: result.findings.map((f) => f.message).join('\n'),
  }
}

/** A package for a version that must not be chosen: it would make the scan see no route at all. */
const WRONG_VERSION: Record<string, string> = {
  'main.tf':
    'variable "name" {}\nvariable "routes" {}\nvariable "subnet_resource_ids" {}\nvariable "location" {}\nvariable "resource_group_name" {}\n',
}

async function standIn(opts: { json?: boolean } = {}) {
  const files = new Map<string, Buffer>([
    ['/pkg/rt-0.4.1.tar.gz', await tarball(ROUTE_TABLE_PACKAGE)],
    ['/pkg/rt-0.4.0.tar.gz', await tarball(WRONG_VERSION)],
    ['/pkg/rt-0.5.0.tar.gz', await tarball(WRONG_VERSION)],
  ])
  const store = await startFileServer(files)
  const registry = await startRegistry([
    {
      address: ADDRESS,
      versions: ['0.3.0', '0.4.0', '0.4.1', '0.5.0', '0.4.2-beta1'],
      location: (v) => `${store.url}/pkg/rt-${v}.tar.gz`,
      json: opts.json,
    },
  ])
  open.push(store, registry)
  return { store, registry }
}

describe('--download-modules: registry', () => {
  test('a forced tunnel built by a downloaded registry module is KMS001; ~> picks the newest patch; tokens stay with their host', async () => {
    const { store, registry } = await standIn()
    const dir = writeTree({ 'main.tf': spokeMain({ version: '~> 0.4.0' }) })
    const env = { TF_TOKEN_127_0_0_1: 'tok-registry', TF_TOKEN_example_com: 'tok-other' }
    const { result, rules } = await scanWith(dir, {
      cacheDir: cacheDir(),
      registries: new Map([['registry.terraform.io', registry.url]]),
      env,
    })
    expect(rules).toContain('KMS001')
    expect(rules).not.toContain('KMS011')
    const kms001 = result.findings.find((f) => f.ruleId === 'KMS001')!
    expect(path.relative(dir, kms001.location.file)).toBe('main.tf')
    expect(kms001.message).toContain('snet-workload')
    // ~> 0.4.0 is >= 0.4.0 and < 0.5.0: 0.4.1, not 0.5.0, and never the pre-release.
    expect(registry.seen.map((s) => s.path)).toEqual([
      '/.well-known/terraform.json',
      `/v1/modules/${ADDRESS}/versions`,
      `/v1/modules/${ADDRESS}/0.4.1/download`,
    ])
    expect(registry.seen.every((s) => s.authorization === 'Bearer tok-registry')).toBe(true)
    expect(store.seen).toEqual([
      { host: '127.0.0.2', path: '/pkg/rt-0.4.1.tar.gz', authorization: undefined },
    ])
  })

  test('clean control: with KMS bypass routes nothing is found; a JSON location works too', async () => {
    const { registry } = await standIn({ json: true })
    const dir = writeTree({ 'main.tf': spokeMain({ bypass: true, version: '>= 0.4, < 0.5' }) })
    const { result } = await scanWith(dir, {
      cacheDir: cacheDir(),
      registries: new Map([['registry.terraform.io', registry.url]]),
      env: {},
    })
    expect(result.findings.filter((f) => f.severity !== 'notice')).toEqual([])
    expect(result.findings.map((f) => f.ruleId)).not.toContain('KMS011')
    expect(registry.seen.every((s) => s.authorization === undefined)).toBe(true)
  })

  test('the cache serves a second scan with the registry gone', async () => {
    const { registry, store } = await standIn()
    const cache = cacheDir()
    const settings = {
      cacheDir: cache,
      registries: new Map([['registry.terraform.io', registry.url]]),
      env: {},
    }
    const dir = writeTree({ 'main.tf': spokeMain({ version: '0.4.1' }) })
    expect((await scanWith(dir, settings)).rules).toContain('KMS001')
    await registry.close()
    await store.close()
    open.splice(open.indexOf(registry), 1)
    open.splice(open.indexOf(store), 1)
    expect((await scanWith(dir, settings)).rules).toContain('KMS001')
  })

  test('no matching version, or an unreachable registry: the call is named with why, the scan goes on', async () => {
    const { registry } = await standIn()
    const dir = writeTree({ 'main.tf': spokeMain({ version: '~> 2.0' }) })
    const none = await scanWith(dir, {
      cacheDir: cacheDir(),
      registries: new Map([['registry.terraform.io', registry.url]]),
      env: {},
    })
    expect(none.rules).not.toContain('KMS001')
    expect(none.text).toMatch(
      /spoke_rt.*no version of Azure\/avm-res-network-routetable\/azurerm matches "~> 2.0"/,
    )
    const down = await scanWith(dir, {
      cacheDir: cacheDir(),
      registries: new Map([['registry.terraform.io', 'http://127.0.0.1:9']]),
      env: {},
    })
    expect(down.text).toMatch(
      /spoke_rt.*download failed: GET 127\.0\.0\.1:9\/\.well-known\/terraform\.json failed/,
    )
  })
})

describe('--download-modules: archives are unpacked inside their folder only', () => {
  async function withPackage(body: Buffer, name: string) {
    const store = await startFileServer(new Map([[`/pkg/${name}`, body]]))
    const registry = await startRegistry([
      { address: ADDRESS, versions: ['0.4.1'], location: () => `${store.url}/pkg/${name}` },
    ])
    open.push(store, registry)
    const cache = cacheDir()
    const dir = writeTree({ 'main.tf': spokeMain() })
    const out = await scanWith(dir, {
      cacheDir: cache,
      registries: new Map([['registry.terraform.io', registry.url]]),
      env: {},
    })
    return { ...out, cache }
  }

  test('a zip with the module in a //subdir form and a symbolic link: the link is not unpacked', async () => {
    const entries = Object.entries(ROUTE_TABLE_PACKAGE).map(([name, data]) => ({ name: `pkg/${name}`, data }))
    const zip = zipOf([...entries, { name: 'pkg/secrets.tf', data: '/etc/passwd', mode: 0o120777 }])
    const store = await startFileServer(new Map([['/rt.zip', zip]]))
    const registry = await startRegistry([
      { address: ADDRESS, versions: ['0.4.1'], location: () => `${store.url}/rt.zip?archive=zip//pkg` },
    ])
    open.push(store, registry)
    const cache = cacheDir()
    const { rules } = await scanWith(writeTree({ 'main.tf': spokeMain() }), {
      cacheDir: cache,
      registries: new Map([['registry.terraform.io', registry.url]]),
      env: {},
    })
    expect(rules).toContain('KMS001')
    const unpacked = fs.readdirSync(cache).filter((n) => !n.endsWith('.json'))
    expect(unpacked).toHaveLength(1)
    expect(fs.existsSync(path.join(cache, unpacked[0], 'pkg', 'main.tf'))).toBe(true)
    expect(fs.existsSync(path.join(cache, unpacked[0], 'pkg', 'secrets.tf'))).toBe(false)
  })

  test('zip-slip: an entry leaving the folder refuses the package', async () => {
    const zip = zipOf([
      { name: 'main.tf', data: ROUTE_TABLE_PACKAGE['main.tf'] },
      { name: '../../escaped.tf', data: 'resource "x" "y" {}' },
    ])
    const { text, cache, rules } = await withPackage(zip, 'rt.zip')
    expect(rules).not.toContain('KMS001')
    expect(text).toMatch(/spoke_rt.*download failed/)
    expect(fs.existsSync(path.join(cache, '..', 'escaped.tf'))).toBe(false)
    expect(fs.readdirSync(cache).filter((n) => !n.endsWith('.json'))).toEqual([])
  })

  test('a tarball with a symbolic link out of the package: the link is dropped', async () => {
    const tgz = await tarball(ROUTE_TABLE_PACKAGE, (d) => fs.symlinkSync('/etc', path.join(d, 'etc')))
    const { rules, cache } = await withPackage(tgz, 'rt.tar.gz')
    expect(rules).toContain('KMS001')
    const [pkg] = fs.readdirSync(cache).filter((n) => !n.endsWith('.json'))
    expect(fs.existsSync(path.join(cache, pkg, 'etc'))).toBe(false)
  })
})

describe('--download-modules: git', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      cwd,
      stdio: 'pipe',
    })

  /** A bare repository inside `dir` whose tag v0.4.1 holds the package under `modules/rt`. */
  function repoIn(dir: string): { url: string; commit: string } {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-git-'))
    for (const [rel, text] of Object.entries(ROUTE_TABLE_PACKAGE)) {
      fs.mkdirSync(path.dirname(path.join(work, 'modules/rt', rel)), { recursive: true })
      fs.writeFileSync(path.join(work, 'modules/rt', rel), text)
    }
    git(work, 'init', '--quiet', '--initial-branch=main')
    git(work, 'add', '.')
    git(work, 'commit', '--quiet', '-m', 'route table module')
    git(work, 'tag', 'v0.4.1')
    const commit = git(work, 'rev-parse', 'HEAD').toString().trim()
    fs.writeFileSync(path.join(work, 'modules/rt/main.tf'), '# emptied after the tag\n')
    git(work, 'commit', '--quiet', '-am', 'later work')
    const bare = path.join(dir, 'repos', 'network-modules.git')
    git(os.tmpdir(), 'clone', '--quiet', '--bare', work, bare)
    return { url: `file://${bare}`, commit }
  }

  test.each(['v0.4.1', 'commit'])(
    'git:: with //subdir and ?ref=%s is cloned and evaluated',
    async (which) => {
      const dir = writeTree({})
      const { url, commit } = repoIn(dir)
      const ref = which === 'commit' ? commit : which
      const source = `git::${url}//modules/rt?ref=${ref}`
      fs.writeFileSync(path.join(dir, 'main.tf'), spokeMain({ source }).replace(/\n {2}version = .*\n/, '\n'))
      const { rules, text } = await scanWith(dir, { cacheDir: cacheDir(), env: {} })
      expect(text).not.toContain('not evaluated')
      expect(rules).toContain('KMS001')
    },
  )

  test('a file:// repository outside the scanned directory is not read', async () => {
    const elsewhere = writeTree({})
    const { url } = repoIn(elsewhere)
    const dir = writeTree({})
    fs.writeFileSync(
      path.join(dir, 'main.tf'),
      spokeMain({ source: `git::${url}//modules/rt?ref=v0.4.1` }).replace(/\n {2}version = .*\n/, '\n'),
    )
    const { rules, text } = await scanWith(dir, { cacheDir: cacheDir(), env: {} })
    expect(rules).not.toContain('KMS001')
    expect(text).toContain('outside the scanned directory is not read')
  })
})

test('ROUTE_TABLE_SOURCE is the registry address the stand-in serves', () => {
  expect(ROUTE_TABLE_SOURCE).toBe(ADDRESS)
})
