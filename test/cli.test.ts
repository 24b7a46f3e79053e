import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { main, type CliIo } from '../src/cli'
import { brokenWorkspace, cleanWorkspace, type Workspace } from './e2e/workspace'

function io(cwd: string): CliIo & { out: string; err: string } {
  const r = {
    out: '',
    err: '',
    cwd,
    workers: false,
    stdout: (s: string) => {
      r.out += s
    },
    stderr: (s: string) => {
      r.err += s
    },
  }
  return r
}

const made: Workspace[] = []
afterAll(() => made.forEach((w) => rmSync(w.dir, { recursive: true, force: true })))
const broken = () => made[made.push(brokenWorkspace()) - 1]!
const clean = () => made[made.push(cleanWorkspace()) - 1]!

describe('usage', () => {
  test('--help and --version exit 0 on stdout', async () => {
    const h = io('/')
    expect(await main(['--help'], h)).toBe(0)
    expect(h.out).toContain('Usage: azure-kms-guard scan [PATH]')
    const v = io('/')
    expect(await main(['--version'], v)).toBe(0)
    expect(v.out).toMatch(/^\d+\.\d+\.\d+/)
  })

  test.each([
    [[], /missing command/],
    [['lint'], /unknown command 'lint'/],
    [['scan', '--format', 'xml'], /--format must be one of text, json, sarif, markdown/],
    [['scan', '--cloud', 'Mars'], /--cloud must be one of auto, AzureCloud/],
    [['scan', '--fail-on', 'fatal'], /--fail-on must be one of error, warning, notice, never/],
    [['scan', '--bogus'], /Unknown option '--bogus'/],
    [['scan', 'a', 'b'], /one PATH only/],
  ])('%j exits 2 with a message on stderr', async (argv, message) => {
    const r = io('/')
    expect(await main(argv, r)).toBe(2)
    expect(r.err).toMatch(message)
    expect(r.err).toContain("Run 'azure-kms-guard --help'")
    expect(r.out).toBe('')
  })

  test('a missing path is an error (exit 2), not a clean scan', async () => {
    const r = io(clean().dir)
    expect(await main(['scan', 'does-not-exist'], r)).toBe(2)
    expect(r.err).toMatch(/^azure-kms-guard: error: /)
  })
})

describe('scan', () => {
  test('a forced tunnel: exit 1, text table with the relative location', async () => {
    const w = broken()
    const r = io(w.dir)
    expect(await main(['scan', 'infra'], r)).toBe(1)
    expect(r.out).toMatch(/^SEVERITY\s+RULE\s+LOCATION\s+RESOURCE/)
    expect(r.out).toMatch(/error\s+KMS001\s+infra\/network\.tf:\d+/)
    expect(r.out).not.toContain('\u001b[')
  })

  test('--format json, --fail-on never: exit 0 and the JSON report', async () => {
    const w = broken()
    const r = io(w.dir)
    expect(
      await main(['scan', 'infra', '--format', 'json', '--fail-on', 'never', '--cloud', 'azurecloud'], r),
    ).toBe(0)
    const report = JSON.parse(r.out)
    expect(report.version).toBe(1)
    expect(report.cloud).toBe('AzureCloud')
    const kms001 = report.findings.find((f: { ruleId: string }) => f.ruleId === 'KMS001')
    expect(kms001).toMatchObject({ severity: 'error', file: 'infra/network.tf' })
    expect(report.summary.errors).toBeGreaterThanOrEqual(1)
  })

  test('--format sarif --output writes the file and keeps stdout empty', async () => {
    const w = broken()
    const r = io(w.dir)
    expect(await main(['scan', 'infra', '--format', 'sarif', '--output', 'out/kms.sarif'], r)).toBe(1)
    expect(r.out).toBe('')
    expect(r.err).toMatch(/report written to .*kms\.sarif/)
    const sarif = JSON.parse(readFileSync(join(w.dir, 'out', 'kms.sarif'), 'utf8'))
    expect(sarif.version).toBe('2.1.0')
    const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'KMS001')
    expect(result.locations[0].physicalLocation.artifactLocation).toEqual({
      uri: 'infra/network.tf',
      uriBaseId: '%SRCROOT%',
    })
  })

  test('--format markdown', async () => {
    const w = broken()
    const r = io(w.dir)
    expect(await main(['scan', 'infra', '--format', 'markdown', '--fail-on', 'warning'], r)).toBe(1)
    expect(r.out).toMatch(/^\*\*❌ Azure KMS Guard:\*\* The network as written blocks/)
    expect(r.out).toContain('the check fails &#40;fail-on&#58; warning&#41;')
    expect(r.out).toContain('(fail-on: `warning`, failed)')
  })

  test('a network without a forced tunnel: exit 0', async () => {
    const w = clean()
    const r = io(w.dir)
    expect(await main(['scan', 'infra', '--format', 'json'], r)).toBe(0)
    expect(JSON.parse(r.out).summary.errors).toBe(0)
    expect(existsSync(join(w.dir, 'out'))).toBe(false)
  })
})
