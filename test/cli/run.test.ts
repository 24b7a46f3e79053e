/** The CLI from parsed flags to exit code, on real workspaces: config, rules, outputs, baselines, exit codes. */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { main, type CliIo } from '../../src/cli/main'
import { brokenWorkspace, cleanWorkspace, type Workspace } from '../e2e/workspace'

function io(cwd: string, extra: Partial<CliIo> = {}): CliIo & { out: string; err: string } {
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
    ...extra,
  }
  return r
}

const made: Workspace[] = []
afterAll(() => made.forEach((w) => rmSync(w.dir, { recursive: true, force: true })))
const broken = () => made[made.push(brokenWorkspace()) - 1]!
const clean = () => made[made.push(cleanWorkspace()) - 1]!

const ruleIds = (json: string): string[] =>
  (JSON.parse(json) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId)

describe('config file', () => {
  test('.azure-kms-guard.yml in the scanned folder applies: a rule turned off gives exit 0', async () => {
    const w = broken()
    writeFileSync(join(w.dir, 'infra', '.azure-kms-guard.yml'), 'rules:\n  KMS001: off\n')
    const r = io(w.dir)
    expect(await main(['scan', 'infra', '-f', 'json'], r)).toBe(0)
    expect(ruleIds(r.out)).not.toContain('KMS001')
  })

  test('--config names another file; flags win over it', async () => {
    const w = broken()
    writeFileSync(join(w.dir, 'kms.yml'), 'rules:\n  KMS001: warning\n')
    const r = io(w.dir)
    expect(await main(['scan', 'infra', '--config', 'kms.yml', '-f', 'json'], r)).toBe(0)
    expect(JSON.parse(r.out).findings.find((f: { ruleId: string }) => f.ruleId === 'KMS001').severity).toBe(
      'warning',
    )
    const strict = io(w.dir)
    expect(await main(['scan', 'infra', '--config', 'kms.yml', '--fail-on', 'warning', '-q'], strict)).toBe(1)
  })

  test('a bad config is a located usage error (exit 2), and nothing is scanned', async () => {
    const w = broken()
    writeFileSync(join(w.dir, 'infra', '.azure-kms-guard.yml'), 'rules:\n  KMS001: of\ncloud: Mars\n')
    const r = io(w.dir)
    expect(await main(['scan', 'infra'], r)).toBe(2)
    expect(r.err).toMatch(/the config file has 2 problems/)
    expect(r.err).toMatch(/infra\/\.azure-kms-guard\.yml:2: .*KMS001/)
    expect(r.err).toMatch(/infra\/\.azure-kms-guard\.yml:3: .*Mars/)
    expect(r.out).toBe('')
  })

  test('--config that does not exist is a usage error', async () => {
    const r = io(clean().dir)
    expect(await main(['scan', 'infra', '--config', 'nope.yml'], r)).toBe(2)
    expect(r.err).toContain('--config: nope.yml not found')
  })
})

describe('rules on and off', () => {
  test('--skip-rule drops a rule; --rule keeps only the named ones', async () => {
    const w = broken()
    const all = io(w.dir)
    await main(['scan', 'infra', '-f', 'json'], all)
    expect(ruleIds(all.out)).toContain('KMS001')

    const skipped = io(w.dir)
    expect(await main(['scan', 'infra', '-f', 'json', '--skip-rule', 'kms001'], skipped)).toBe(0)
    expect(ruleIds(skipped.out)).not.toContain('KMS001')

    const only = io(w.dir)
    expect(await main(['scan', 'infra', '-f', 'json', '--rule', 'KMS005,KMS006'], only)).toBe(0)
    expect(ruleIds(only.out).every((id) => ['KMS005', 'KMS006', 'KMS012'].includes(id))).toBe(true)
  })
})

describe('several outputs in one run', () => {
  test('--format/--output pairs and FORMAT=FILE write each report; stdout gets the one without a file', async () => {
    const w = broken()
    const r = io(w.dir)
    const code = await main(
      [
        'scan',
        'infra',
        '-f',
        'sarif',
        '-o',
        'out/a.sarif',
        '-f',
        'json',
        '-o',
        'out/a.json',
        '-o',
        'junit=out/a.xml',
        '-f',
        'text',
      ],
      r,
    )
    expect(code).toBe(1)
    expect(JSON.parse(readFileSync(join(w.dir, 'out/a.sarif'), 'utf8')).version).toBe('2.1.0')
    expect(ruleIds(readFileSync(join(w.dir, 'out/a.json'), 'utf8'))).toContain('KMS001')
    expect(readFileSync(join(w.dir, 'out/a.xml'), 'utf8')).toMatch(/^<\?xml/)
    expect(r.out).toMatch(/^SEVERITY\s+RULE/)
    expect(r.err).toMatch(/sarif report written to out\/a\.sarif/)
    expect(r.err).toMatch(/junit report written to out\/a\.xml/)
  })
})

describe('baselines', () => {
  test('write today, then report only what is new, and name what the baseline had that is gone', async () => {
    const w = broken()
    const write = io(w.dir)
    expect(await main(['scan', 'infra', '--baseline-write', 'kms-baseline.json', '-q'], write)).toBe(1)
    const baseline = JSON.parse(readFileSync(join(w.dir, 'kms-baseline.json'), 'utf8'))
    expect(baseline).toMatchObject({ tool: 'azure-kms-guard', baselineVersion: 1 })
    expect(baseline.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('KMS001')

    // Same network: nothing new, exit 0.
    const again = io(w.dir)
    expect(await main(['scan', 'infra', '--baseline', 'kms-baseline.json', '-f', 'json'], again)).toBe(0)
    expect(JSON.parse(again.out).findings).toEqual([])
    expect(again.err).toMatch(/baseline: 0 new findings, \d+ findings? already in it, 0 of its entries fixed/)

    // Lines moved above the route table: still the same findings.
    const file = join(w.dir, 'infra', 'network.tf')
    writeFileSync(file, '# moved down by a comment\n\n' + readFileSync(file, 'utf8'))
    const moved = io(w.dir)
    expect(await main(['scan', 'infra', '--baseline', 'kms-baseline.json'], moved)).toBe(0)

    // The forced tunnel removed: the baseline entry is reported fixed.
    writeFileSync(file, readFileSync(file, 'utf8').replace('0.0.0.0/0', '10.99.0.0/16'))
    const fixed = io(w.dir)
    expect(await main(['scan', 'infra', '--baseline', 'kms-baseline.json'], fixed)).toBe(0)
    expect(fixed.err).toMatch(/fixed: KMS001 /)
  })

  test('a file that is not a baseline is a usage error', async () => {
    const w = broken()
    writeFileSync(join(w.dir, 'b.json'), '{"findings": []}')
    const r = io(w.dir)
    expect(await main(['scan', 'infra', '--baseline', 'b.json'], r)).toBe(2)
    expect(r.err).toContain('not a azure-kms-guard baseline')
  })
})

describe('unreadable files', () => {
  const SYNTAX_ERROR = 'resource "azurerm_route_table" "x" {\n  name = "rt"\n'

  test('named on stderr even when they do not fail the run', async () => {
    const w = clean()
    writeFileSync(join(w.dir, 'infra', 'broken.tf'), SYNTAX_ERROR)
    const r = io(w.dir)
    expect(await main(['scan', 'infra'], r)).toBe(0)
    expect(r.err).toMatch(/1 file could not be read or parsed.*infra\/broken\.tf/)
    expect(await main(['scan', 'infra', '--fail-on-unreadable'], io(w.dir))).toBe(3)
  })

  test('module examples left out and a suppression without a reason are not unreadable files', async () => {
    // Every Azure Verified Module repository has examples/ and tests/: the scan leaves them out by choice,
    // and says so, but it read them; so it read a suppression comment that suppresses nothing.
    const w = broken()
    const network = join(w.dir, 'infra', 'network.tf')
    const text = readFileSync(network, 'utf8')
    mkdirSync(join(w.dir, 'infra', 'examples', 'default'), { recursive: true })
    writeFileSync(join(w.dir, 'infra', 'examples', 'default', 'main.tf'), text)
    writeFileSync(
      network,
      text.replace(
        'resource "azurerm_route_table"',
        '# azure-kms-guard:ignore KMS001\nresource "azurerm_route_table"',
      ),
    )
    const r = io(w.dir)
    const args = ['scan', 'infra', '--fail-on-unreadable', '--fail-on', 'never', '-f', 'json']
    expect(await main(args, r)).toBe(0)
    const titles = (JSON.parse(r.out) as { findings: { ruleId: string; title: string }[] }).findings
      .filter((f) => f.ruleId === 'KMS012')
      .map((f) => f.title)
      .sort()
    expect(titles).toEqual(['Module tests and examples not judged', 'Suppression without a reason'])
    expect(r.err).not.toContain('could not be read or parsed')

    // A file that does not parse beside them still counts.
    writeFileSync(join(w.dir, 'infra', 'broken.tf'), SYNTAX_ERROR)
    const unreadable = io(w.dir)
    expect(await main(args, unreadable)).toBe(3)
    expect(unreadable.err).toMatch(
      /1 file could not be read or parsed, so what they declare was not judged: infra\/broken\.tf\n/,
    )
  })

  test('--fail-on-unreadable: exit 3 takes precedence over the findings exit 1', async () => {
    const w = broken()
    writeFileSync(join(w.dir, 'infra', 'broken.tf'), SYNTAX_ERROR)
    expect(await main(['scan', 'infra', '-q'], io(w.dir))).toBe(1)
    expect(await main(['scan', 'infra', '--fail-on-unreadable', '-q'], io(w.dir))).toBe(3)
  })
})

describe('progress and verbosity', () => {
  test('--verbose prints per-stage timings on stderr; --quiet prints nothing there', async () => {
    const w = broken()
    const verbose = io(w.dir)
    await main(['scan', 'infra', '--verbose', '-o', 'json=r.json', '-f', 'text'], verbose)
    expect(verbose.err).toMatch(/stage analysis and rules: \d+ ms/)
    const quiet = io(w.dir)
    await main(['scan', 'infra', '-q', '-o', 'json=r.json'], quiet)
    expect(quiet.err).toBe('')
  })

  test('no progress line on a quick scan even on a terminal', async () => {
    const w = clean()
    mkdirSync(join(w.dir, 'empty'))
    const r = io(w.dir, { progress: true })
    await main(['scan', 'infra'], r)
    expect(r.err).not.toContain('scanning:')
  })
})
