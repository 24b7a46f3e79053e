/**
 * The built CLI (dist/cli/index.js) with --download-modules against a module registry stand-in on
 * 127.0.0.1: the spoke's route table comes from a registry module, and only the downloaded code shows
 * the forced tunnel.
 */
import { execFile } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { promisify } from 'node:util'
import { startFileServer, startRegistry, tarball, type Served } from '../helpers/module-registry'
import { ROUTE_TABLE_PACKAGE, spokeMain } from '../sources/terraform/modules/spoke'

const CLI = path.resolve('dist', 'cli', 'index.js')
const run = promisify(execFile)

const servers: Served[] = []
afterAll(() => Promise.all(servers.map((s) => s.close())))

async function cli(cwd: string, env: Record<string, string>, ...args: string[]) {
  try {
    const r = await run(process.execPath, [CLI, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', ...env },
      encoding: 'utf8',
      timeout: 60_000,
    })
    return { status: 0, stdout: r.stdout, stderr: r.stderr }
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string }
    return { status: x.code, stdout: x.stdout, stderr: x.stderr }
  }
}

test('scan --download-modules: KMS001 from a registry module, token only to the registry host, never printed', async () => {
  const store = await startFileServer(new Map([['/rt-0.4.1.tar.gz', await tarball(ROUTE_TABLE_PACKAGE)]]))
  const registry = await startRegistry([
    {
      address: 'Azure/avm-res-network-routetable/azurerm',
      versions: ['0.4.0', '0.4.1'],
      location: () => `${store.url}/rt-0.4.1.tar.gz`,
    },
  ])
  servers.push(store, registry)
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kms-e2e-mod-')))
  fs.mkdirSync(path.join(dir, 'infra'))
  fs.writeFileSync(path.join(dir, 'infra', 'main.tf'), spokeMain())
  const cache = path.join(dir, 'module-cache')
  const env = { TF_TOKEN_127_0_0_1: 'sekret-token-value' }

  // Without the flag: an Azure Verified Module is read from its inputs, offline (no request made).
  const off = await cli(dir, env, 'scan', 'infra', '--format', 'json')
  const offReport = JSON.parse(off.stdout)
  expect(offReport.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['KMS001'])
  expect(offReport.findings[0].file).toBe('main.tf')
  expect(registry.seen).toEqual([])

  const on = await cli(
    dir,
    env,
    'scan',
    'infra',
    '--format',
    'json',
    '--download-modules',
    '--module-registry',
    registry.url,
    '--module-cache',
    cache,
  )
  expect(on.status).toBe(1)
  const report = JSON.parse(on.stdout)
  const kms001 = report.findings.filter((f: { ruleId: string }) => f.ruleId === 'KMS001')
  expect(kms001).toHaveLength(1)
  expect(kms001[0].file).toBe('main.tf')
  expect(registry.seen.map((s) => s.authorization)).toEqual(Array(3).fill('Bearer sekret-token-value'))
  expect(store.seen.map((s) => s.authorization)).toEqual([undefined])
  expect(on.stdout + on.stderr).not.toContain('sekret-token-value')
  expect(fs.readdirSync(cache).some((n) => n.endsWith('.json'))).toBe(true)
})

test('--module-registry without --download-modules is a usage error', async () => {
  const r = await cli(os.tmpdir(), {}, 'scan', '.', '--module-registry', 'http://127.0.0.1:1')
  expect(r.status).toBe(2)
  expect(r.stderr).toContain('need --download-modules')
})
