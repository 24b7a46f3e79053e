import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { main, type CliIo } from '../src/cli/main'
import { FORMATS } from '../src/cli/formats'
import { allRules } from '../src/rules/index'
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
  test('--help lists every source format, output format and rule', async () => {
    const h = io('/')
    await main(['--help'], h)
    for (const r of allRules) expect(h.out).toContain(`${r.id}  ${r.title}`)
    for (const f of FORMATS) expect(h.out).toMatch(new RegExp(`^  ${f} `, 'm'))
    for (const source of ['Terraform', 'Bicep', 'ARM', '.tfvars', '.bicepparam', 'terraform show -json'])
      expect(h.out).toContain(source)
    expect(h.out).not.toContain('(Terraform)')
  })

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
    [
      ['scan', '--format', 'xml'],
      /--format: unknown format 'xml'; valid: text, json, sarif, markdown, junit/,
    ],
    [['scan', '--format', 'sarf'], /unknown format 'sarf' \(did you mean 'sarif'\?\)/],
    [['scan', '--cloud', 'Mars'], /--cloud: unknown cloud 'Mars'; valid: auto, AzureCloud/],
    [
      ['scan', '--fail-on', 'fatal'],
      /--fail-on: unknown level 'fatal'; valid: error, warning, notice, never/,
    ],
    [['scan', '--bogus'], /unknown option '--bogus'/],
    [['scan', '--formt', 'json'], /unknown option '--formt' \(did you mean '--format'\?\)/],
    [['scan', '--rule', 'KMS01'], /--rule: unknown rule 'KMS01' \(did you mean 'KMS001'\?\)/],
    [['scan', '--skip-rule', 'KMS999'], /--skip-rule: unknown rule 'KMS999'/],
    [['scna'], /unknown command 'scna' \(did you mean 'scan'\?\)/],
    [['scan', 'a', 'b'], /scan takes one PATH/],
    [['scan', '-f', 'json', '-f', 'sarif'], /only one format can go to stdout \(got json, sarif\)/],
    [['scan', '-o', 'a.json'], /--output a.json has no --format/],
    [['scan', '--quiet', '--verbose'], /exclude each other/],
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
    expect(r.err).toMatch(/^azure-kms-guard: path not found: does-not-exist/)
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
    expect(report).toMatchObject({ schemaVersion: 2, version: 2, root: 'infra', cloud: 'AzureCloud' })
    const kms001 = report.findings.find((f: { ruleId: string }) => f.ruleId === 'KMS001')
    expect(kms001).toMatchObject({ severity: 'error', file: 'network.tf' })
    expect(report.summary.errors).toBeGreaterThanOrEqual(1)
  })

  test('--format sarif --output writes the file and keeps stdout empty', async () => {
    const w = broken()
    // SARIF locations are relative to the git work tree that holds the scan.
    execFileSync('git', ['init', '-q', w.dir])
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

  test('--fail-on-unknown: a folder with no Azure network exits 1 and says so on the last line', async () => {
    const w = clean()
    const r = io(w.dir)
    mkdirSync(join(w.dir, 'typo'))
    expect(await main(['scan', 'typo'], r)).toBe(0)
    expect(r.out.trimEnd().split('\n').at(-1)).toBe(
      'Verdict: No Azure subnet found to judge (0 files read, 0 skipped): Windows activation (KMS, TCP 1688) was not checked for any VM',
    )
    expect(await main(['scan', 'typo', '--fail-on-unknown'], io(w.dir))).toBe(1)
    // A network whose every subnet was followed passes with the flag too.
    const ok = io(w.dir)
    expect(await main(['scan', 'infra', '--fail-on-unknown', '--format', 'json'], ok)).toBe(0)
    const report = JSON.parse(ok.out)
    expect(report.verdict.overall).toBe('reachable')
    expect(report.verdict.subnets.length).toBeGreaterThan(0)
    // Relative to the scanned directory, like findings.
    expect(report.root).toBe('infra')
    expect(report.verdict.subnets[0].file).toBe('network.tf')
  })

  test('a network without a forced tunnel: exit 0', async () => {
    const w = clean()
    const r = io(w.dir)
    expect(await main(['scan', 'infra', '--format', 'json'], r)).toBe(0)
    expect(JSON.parse(r.out).summary.errors).toBe(0)
    expect(existsSync(join(w.dir, 'out'))).toBe(false)
  })
})
