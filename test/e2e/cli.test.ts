/** The built CLI (dist/cli/index.js) as a user or script runs it. */
import { spawnSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { brokenWorkspace, cleanWorkspace, HOSTILE_HCL, type Workspace } from './workspace'

const CLI = resolve('dist', 'cli', 'index.js')
// test/global-setup.mjs builds dist/ first whenever it does not match the sources.
if (!existsSync(CLI)) throw new Error(`${CLI} is missing: the build in test/global-setup.mjs failed`)

function cli(cwd: string, ...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '' },
    encoding: 'utf8',
    timeout: 60_000,
  })
}

const made: Workspace[] = []
afterAll(() => made.forEach((w) => rmSync(w.dir, { recursive: true, force: true })))

describe('CLI (dist/cli/index.js)', () => {
  test('--version and --help', () => {
    expect(cli('/', '--version')).toMatchObject({
      status: 0,
      stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/),
    })
    expect(cli('/', '--help').stdout).toContain('Usage: azure-kms-guard scan')
  })

  test('usage error: exit 2, message on stderr', () => {
    const r = cli('/', 'scan', '--format', 'xml')
    expect(r.status).toBe(2)
    expect(r.stderr).toContain("--format: unknown format 'xml'")
  })

  test('findings: exit 1 and a JSON report', () => {
    const w = brokenWorkspace()
    made.push(w)
    const r = cli(w.dir, 'scan', 'infra', '--format', 'json')
    expect(r.status).toBe(1)
    const report = JSON.parse(r.stdout)
    // Files are relative to the scanned directory, which is named relative to the working directory.
    expect(report.root).toBe('infra')
    expect(
      report.findings.some(
        (f: { ruleId: string; file: string }) => f.ruleId === 'KMS001' && f.file === 'network.tf',
      ),
    ).toBe(true)
  })

  test('clean: exit 0', () => {
    const w = cleanWorkspace()
    made.push(w)
    expect(cli(w.dir, 'scan', 'infra').status).toBe(0)
  })

  test('text output in a workflow step cannot issue commands, and has no colours off a TTY', () => {
    const w = brokenWorkspace(HOSTILE_HCL)
    made.push(w)
    const r = cli(w.dir, 'scan', 'infra')
    expect(r.status).toBe(1)
    for (const line of r.stdout.split('\n')) {
      expect(line.trimStart().startsWith('::')).toBe(false)
      expect(line).not.toContain('##[')
    }
    expect(r.stdout).not.toContain('\u001b[')
  })
})
