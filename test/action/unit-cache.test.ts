/**
 * The cross-run cache (`cache-dir`, src/compare/unit-cache.ts): a pull request run keeps each judged
 * unit's findings by the hash of its inputs, and a later run takes a base unit from there instead of
 * judging it. A real git repository (base, head, a shallow checkout), the real scan, the stand-in GitHub
 * API: the second run reaches the same verdict and counts; entries that do not read back as written
 * (truncated, another version's, edited findings) are ignored with a warning and the unit is judged, so a
 * tampered entry cannot turn an existing finding into none; a folder that cannot be written costs a warning.
 */
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { runGuard } from '../../src/action/run'
import { entryHash, openUnitCache } from '../../src/compare/unit-cache'
import { unitChooser } from '../../src/compare/units'
import type { Finding } from '../../src/rules/types'
import { git, makeRepo, shallowClone, type GitFixture } from '../github/git-fixture'
import { deps, fakeGitHub, NETWORK, PROVIDERS, table, TOKEN } from './fixture'

/** A unit that declares and needs no other unit's VNet. */
const NONE = { declares: [], needs: [] }

const fixtures: GitFixture[] = []
afterAll(() => fixtures.forEach((f) => f.cleanup()))

/** Two root modules; the change adds a forced tunnel in infra/a, which already had one (legacy). */
function pullRequest() {
  const unit = (dir: string) => ({
    [`${dir}/providers.tf`]: PROVIDERS,
    [`${dir}/network.tf`]: NETWORK,
    [`${dir}/legacy.tf`]: table('legacy', 'db', true),
    [`${dir}/spoke.tf`]: table('spoke', 'app', false),
  })
  const fx = makeRepo(
    { ...unit('infra/a'), ...unit('infra/b') },
    { 'infra/a/spoke.tf': table('spoke', 'app', true) },
  )
  fixtures.push(fx)
  const workspace = shallowClone(fx)
  const diff = git(fx.origin, 'diff', `${fx.baseSha}...${fx.headSha}`, '--', 'infra/a/spoke.tf')
  const files = [{ filename: 'infra/a/spoke.tf', status: 'modified', patch: diff.slice(diff.indexOf('@@')) }]
  const payload = {
    number: 7,
    pull_request: {
      number: 7,
      base: { sha: fx.baseSha, repo: { full_name: 'octo/net' } },
      head: { sha: fx.headSha, repo: { full_name: 'octo/net' } },
    },
    repository: { name: 'net', owner: { login: 'octo' } },
  }
  return { fx, workspace, files, payload, cacheDir: path.join(fx.root, 'kms-cache') }
}

async function run(pr: ReturnType<typeof pullRequest>, cacheDir: string) {
  const server = await fakeGitHub(pr.files)
  try {
    const d = deps(pr.workspace, server, pr.payload, {
      path: 'infra',
      'github-token': TOKEN,
      comment: 'false',
      'cache-dir': cacheDir,
    })
    const o = await runGuard(d.deps)
    const { outputs, warnings } = d.rec
    return {
      outputs,
      warnings,
      fromCache: (o.ev.log ?? []).some((l) => /taken from the cache-dir/.test(l)),
      failing: o.ev.failing.map((f) => `${f.ruleId} ${f.unit} ${f.resource}`),
      existing: (o.ev.comparison?.existing ?? []).map((f) => `${f.ruleId} ${f.unit} ${f.resource}`),
    }
  } finally {
    await server.close()
  }
}

const entries = (dir: string) =>
  fs.existsSync(path.join(dir, 'units'))
    ? fs.readdirSync(path.join(dir, 'units')).filter((n) => n.endsWith('.json'))
    : []

describe('a pull request run with cache-dir', () => {
  test('the second run takes the base unit from the cache and reaches the same verdict', async () => {
    const pr = pullRequest()
    const first = await run(pr, pr.cacheDir)
    expect(first.fromCache).toBe(false)
    expect(first.failing).toEqual(['KMS001 a azurerm_route_table.spoke'])
    expect(first.existing).toEqual(['KMS001 a azurerm_route_table.legacy'])
    // The head's infra/a and the base's infra/a (different inputs): two entries; infra/b was not judged.
    expect(entries(pr.cacheDir)).toHaveLength(2)

    const second = await run(pr, pr.cacheDir)
    expect(second.fromCache).toBe(true)
    expect(second.warnings).toEqual(first.warnings)
    expect(second.failing).toEqual(first.failing)
    expect(second.existing).toEqual(first.existing)
    expect(second.outputs).toEqual(first.outputs)
  })

  test('a run in another Terraform workspace (TF_WORKSPACE) takes nothing from the cache', async () => {
    const pr = pullRequest()
    const saved = process.env.TF_WORKSPACE
    try {
      process.env.TF_WORKSPACE = 'dev'
      expect((await run(pr, pr.cacheDir)).fromCache).toBe(false)
      process.env.TF_WORKSPACE = 'prod'
      expect((await run(pr, pr.cacheDir)).fromCache).toBe(false)
      expect((await run(pr, pr.cacheDir)).fromCache).toBe(true)
    } finally {
      if (saved === undefined) delete process.env.TF_WORKSPACE
      else process.env.TF_WORKSPACE = saved
    }
  })

  test.each([
    ['truncated', (text: string) => text.slice(0, text.length / 2), 'is not JSON'],
    [
      'another version',
      (text: string) => JSON.stringify({ ...JSON.parse(text), version: '0.0.1' }),
      'was written by another version',
    ],
    [
      'findings removed',
      (text: string) => JSON.stringify({ ...JSON.parse(text), findings: [] }),
      'does not match its digest',
    ],
    [
      'not a finding',
      (text: string) => JSON.stringify({ ...JSON.parse(text), findings: [{ ruleId: 'KMS001' }] }),
      'holds no valid findings',
    ],
  ])(
    'an entry %s is ignored with a warning, the unit judged, the verdict unchanged',
    async (_, edit, why) => {
      const pr = pullRequest()
      const first = await run(pr, pr.cacheDir)
      for (const name of entries(pr.cacheDir)) {
        const file = path.join(pr.cacheDir, 'units', name)
        fs.writeFileSync(file, edit(fs.readFileSync(file, 'utf8')))
      }
      const second = await run(pr, pr.cacheDir)
      expect(second.fromCache).toBe(false)
      expect(second.warnings.filter((w) => w.includes('ignored'))).toEqual([expect.stringContaining(why)])
      // With the base's legacy finding gone the head's would have looked new: it is still existing.
      expect(second.existing).toEqual(first.existing)
      expect(second.failing).toEqual(first.failing)
      expect(second.outputs).toEqual(first.outputs)
      // Judged again and written back whole: the next run takes it.
      expect((await run(pr, pr.cacheDir)).fromCache).toBe(true)
    },
  )

  test('a cache-dir that cannot be written costs one warning; the run goes on', async () => {
    const pr = pullRequest()
    fs.mkdirSync(pr.cacheDir)
    fs.writeFileSync(path.join(pr.cacheDir, 'units'), 'a file where the folder would be\n')
    const o = await run(pr, pr.cacheDir)
    expect(o.failing).toEqual(['KMS001 a azurerm_route_table.spoke'])
    expect(o.warnings.filter((w) => w.includes('cache-dir'))).toEqual([
      expect.stringMatching(/could not write to .*the run goes on without storing/),
    ])
  })
})

describe('the cache entries', () => {
  const finding = (file: string): Finding =>
    ({
      ruleId: 'KMS001',
      severity: 'error',
      message: 'm',
      resource: 'azurerm_route_table.x',
      cloud: 'AzureCloud',
      kmsAddresses: ['20.118.99.224'],
      unit: 'a',
      location: { file, startLine: 1, endLine: 2, from: { file, startLine: 3, endLine: 3 } },
      related: [{ file: '/elsewhere/module/main.tf', startLine: 4, endLine: 4 }],
    }) as Finding

  test('paths under the checkout are stored relative and come back under the checkout asked for', () => {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'kms-cache-'))
    try {
      const cache = openUnitCache(dir, 'ctx')
      const h = 'a'.repeat(64)
      cache.store('a', h, [finding('/base/infra/a/x.tf')], '/base', NONE)
      const again = openUnitCache(dir, 'ctx')
      expect(again.hashes('a')).toEqual([h])
      const [f] = again.findings('a', h, '/head')!
      expect(f!.location).toEqual({
        file: '/head/infra/a/x.tf',
        startLine: 1,
        endLine: 2,
        from: { file: '/head/infra/a/x.tf', startLine: 3, endLine: 3 },
      })
      expect(f!.related).toEqual([{ file: '/elsewhere/module/main.tf', startLine: 4, endLine: 4 }])
      // Another unit key, another context (config, cloud): no entry.
      expect(again.hashes('b')).toEqual([])
      expect(openUnitCache(dir, 'other config').hashes('a')).toEqual([])
      expect(again.warnings).toEqual([])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  test('a unit whose inputs changed is judged: only the hashes stored are reused', () => {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'kms-cache-'))
    try {
      const root = path.join(dir, 'repo')
      fs.mkdirSync(path.join(root, 'a'), { recursive: true })
      const file = path.join(root, 'a', 'main.tf')
      fs.writeFileSync(file, 'locals {\n  a = 1\n}\n')
      const unit = { kind: 'terraform' as const, root: path.join(root, 'a'), files: [file], varFiles: [] }
      const selection = { keyRoot: root, hashRoot: root }
      const judged = unitChooser(selection)(unit)
      const cache = openUnitCache(path.join(dir, 'cache'), 'ctx')
      cache.store('a', judged.hash!, [], root, NONE)
      expect(unitChooser({ ...selection, reuse: { a: cache.hashes('a') } })(unit)).toMatchObject({
        judged: false,
        why: 'same-inputs',
      })
      fs.writeFileSync(file, 'locals {\n  a = 2\n}\n')
      expect(unitChooser({ ...selection, reuse: { a: cache.hashes('a') } })(unit)).toMatchObject({
        judged: true,
      })
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  test('entries record what the unit needs of other units: only those needing nothing are reused', () => {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'kms-cache-'))
    try {
      const cache = openUnitCache(dir, 'ctx')
      const [free, reader, judgedWith] = ['a', 'b', 'c'].map((c) => c.repeat(64)) as [string, string, string]
      cache.store('hub', free, [finding('/r/hub/x.tf')], '/r', {
        declares: [
          {
            name: 'vnet-hub',
            key: '/resourcegroups/rg-hub/providers/microsoft.network/virtualnetworks/vnet-hub',
          },
        ],
        needs: [],
      })
      // Judged alone, it needed the hub's VNet: its findings depend on whether the hub's unit is judged too.
      cache.store('spoke', reader, [finding('/r/spoke/x.tf')], '/r', {
        declares: [],
        needs: [{ name: 'vnet-hub' }],
      })
      // Judged with the hub's facts: stored under its input hash combined with them.
      cache.store('vending', judgedWith, [finding('/r/vending/x.tf')], '/r', {
        declares: [],
        needs: [{ name: 'vnet-hub' }],
        facts: 'f'.repeat(64),
      })
      const again = openUnitCache(dir, 'ctx')
      expect(again.hashes('hub')).toEqual([free])
      expect(again.hashes('spoke')).toEqual([])
      expect(again.hashes('vending')).toEqual([])
      expect(again.findings('vending', judgedWith, '/r')).toBeUndefined()
      expect(
        again.findings(
          'vending',
          entryHash(judgedWith, { declares: [], needs: [], facts: 'f'.repeat(64) }),
          '/r',
        ),
      ).toHaveLength(1)
      expect(again.warnings.filter((w) => !w.endsWith('it does not exist'))).toEqual([])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  test('an entry written before needs were recorded is not reused (unknown, not "needs nothing")', () => {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'kms-cache-'))
    try {
      const cache = openUnitCache(dir, 'ctx')
      const h = 'd'.repeat(64)
      cache.store('spoke', h, [finding('/r/spoke/x.tf')], '/r', NONE)
      // The same entry as an earlier version wrote it: no `vnets`, its digest over the rest.
      const folder = path.join(dir, 'units')
      const [name] = fs.readdirSync(folder)
      const entry = JSON.parse(fs.readFileSync(path.join(folder, name!), 'utf8')) as Record<string, unknown>
      delete entry.vnets
      const digest = createHash('sha256')
      for (const p of [
        JSON.stringify([entry.format, entry.version, entry.context, entry.unit, entry.hash, entry.findings]),
      ])
        digest.update(p).update('\0')
      entry.digest = digest.digest('hex')
      fs.writeFileSync(path.join(folder, name!), JSON.stringify(entry))
      const again = openUnitCache(dir, 'ctx')
      expect(again.hashes('spoke')).toEqual([])
      // It reads back whole (no warning): only its VNets are unknown.
      expect(again.findings('spoke', h, '/r')).toHaveLength(1)
      expect(again.warnings).toEqual([])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
