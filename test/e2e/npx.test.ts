/**
 * The package as a user gets it: `npm pack`, installed into a fresh folder (offline: the bundle in
 * dist/ needs no runtime dependency), then `npx azure-kms-guard` runs the CLI through its bin link.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import pkg from '../../package.json' with { type: 'json' }
import { brokenWorkspace } from './workspace'

const tmp = mkdtempSync(join(tmpdir(), 'kms-guard-npx-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

function npm(cwd: string, ...args: string[]) {
  const r = spawnSync('npm', args, {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      ...process.env,
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
    },
  })
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${r.status}): ${r.stderr}`)
  return r
}

test('npm pack + install: `npx azure-kms-guard` has --version and scans', () => {
  npm(resolve('.'), 'pack', '--pack-destination', tmp)
  const tarball = readdirSync(tmp).find((f) => f.endsWith('.tgz'))!
  expect(tarball).toBe(`azure-kms-guard-${pkg.version}.tgz`)
  expect(pkg).not.toHaveProperty('dependencies')

  const project = join(tmp, 'project')
  spawnSync('mkdir', [project])
  writeFileSync(join(project, 'package.json'), '{"name":"consumer","version":"1.0.0","private":true}\n')
  npm(project, 'install', '--offline', '--ignore-scripts', join(tmp, tarball))

  const version = npm(project, 'exec', '--offline', '--', 'azure-kms-guard', '--version')
  expect(version.stdout).toBe(`${pkg.version}\n`)

  const w = brokenWorkspace()
  try {
    const r = spawnSync(
      'npm',
      ['exec', '--offline', '--', 'azure-kms-guard', 'scan', join(w.dir, 'infra'), '-f', 'json'],
      {
        cwd: project,
        encoding: 'utf8',
        timeout: 120_000,
      },
    )
    expect(r.status).toBe(1)
    expect(JSON.parse(r.stdout).findings.some((f: { ruleId: string }) => f.ruleId === 'KMS001')).toBe(true)
  } finally {
    rmSync(w.dir, { recursive: true, force: true })
  }
})
