/**
 * Bounded memory, measured: the built CLI (dist/cli/index.js, the scan in its worker) runs the bombs of
 * issue 14 in a child process, beside a control unit. Each run ends with a located finding in the
 * bomb's file, the control's finding, and a peak RSS (the child's own, worker threads included, from
 * bench/rss.cjs) under a generous bound; without the budgets each of these grew past 1 GB or hung.
 * The last case is a unit no budget stops, run against a small heap: its worker dies, and the unit
 * costs itself only.
 */
import { spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { cases, type BombCase } from './bomb-cases'
import { control, workspace, type Workspace } from './helpers'

const CLI = path.resolve('dist', 'cli', 'index.js')
const RSS = path.resolve('bench', 'rss.cjs')
if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: the build in test/global-setup.mjs failed`)

/** Peak RSS allowed, in MB: generous (a control scan alone peaks near 100 MB), far below a bomb's. */
const PEAK_MB = 600

interface Finding {
  ruleId: string
  file: string
  startLine: number
  message: string
}

function runCli(dir: string, env: Record<string, string> = {}) {
  return new Promise<{ status: number | null; findings: Finding[]; peakMb: number; stderr: string }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, ['--require', RSS, CLI, 'scan', dir, '--format', 'json'], {
        env: { PATH: process.env.PATH ?? '', ...env },
      })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')))
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')))
      child.on('error', reject)
      child.on('close', (status) => {
        const kb = /BENCH_MAX_RSS_KB=(\d+)/.exec(stderr)?.[1]
        let findings: Finding[] = []
        try {
          findings = (JSON.parse(stdout) as { findings: Finding[] }).findings
        } catch {
          // No report: the assertions below say so.
        }
        resolve({ status, findings, peakMb: kb ? Number(kb) / 1024 : Infinity, stderr })
      })
    },
  )
}

let ws: Workspace | undefined
afterEach(() => ws?.cleanup())

const picked = [
  'ARM copy.count 1e9',
  'ARM range(0, 1e9)',
  'Terraform flatten over nested for of 1e9',
  'Bicep nested for over 1e9 combinations',
].map((name) => cases.find((c) => c.name === name)!)

/** A root module within every budget whose values still take far more than a 64 MB heap. */
const HEAVY: BombCase = {
  name: 'a unit that exhausts its worker’s memory',
  format: 'terraform',
  file: 'bomb/main.tf',
  files: {
    'bomb/main.tf':
      'locals {\n  x = [for i in range(900000) : "item-${i}-padding-padding-padding-padding"]\n}\n\n' +
      'resource "azurerm_route_table" "rt" {\n  name                = "rt-${length(local.x)}"\n' +
      '  location            = "westeurope"\n  resource_group_name = "rg"\n}\n',
  },
}

describe.each([
  // The budgets stop these: the finding's words differ by format (ARM's own copy and range limits).
  ...picked.map((c) => ({ c, env: {} as Record<string, string>, why: /./ })),
  { c: HEAVY, env: { AZURE_KMS_GUARD_UNIT_HEAP_MB: '64' }, why: /ran out of memory \(heap limit 64 MB\)/ },
])('$c.name (built CLI, child process)', ({ c, env, why }) => {
  test('a located finding in its file, the control still reported, peak memory bounded', async () => {
    ws = workspace({ ...control(c.format), ...c.files })
    const r = await runCli(ws.dir, env)
    const rel = (f: Finding) => path.normalize(f.file)
    const bomb = r.findings.filter(
      (f) => (f.ruleId === 'KMS011' || f.ruleId === 'KMS012') && rel(f) === path.normalize(c.file),
    )
    expect(bomb.length).toBeGreaterThan(0)
    expect(bomb.every((f) => f.startLine >= 1)).toBe(true)
    expect(bomb.some((f) => why.test(f.message))).toBe(true)
    if (c === HEAVY) expect(r.stderr).toMatch(/bomb.main\.tf/)
    expect(r.findings.some((f) => f.ruleId === 'KMS002' && rel(f).startsWith(`good${path.sep}`))).toBe(true)
    expect(r.status).toBe(1)
    expect(r.peakMb).toBeLessThan(PEAK_MB)
  }, 180_000)
})

/**
 * Every bomb of issue 14 at once, each in its own folder beside the control, in one child process: each
 * ends with a located finding in its own file, the control is still reported, and the peak RSS of the
 * whole scan (so of each bomb) stays bounded.
 */
test('every bomb at once (built CLI, child process): each located, the control reported, memory bounded', async () => {
  const files: Record<string, string> = { ...control('terraform') }
  cases.forEach((c, i) => {
    for (const [name, text] of Object.entries(c.files)) files[`c${i}/${name}`] = text
  })
  ws = workspace(files)
  const r = await runCli(ws.dir)
  const notices = r.findings.filter((f) => f.ruleId === 'KMS011' || f.ruleId === 'KMS012')
  const missing = cases.filter((c, i) => {
    const where = path.normalize(`c${i}/${c.file}`)
    const found = notices.filter((f) =>
      c.file.endsWith('/') ? path.normalize(f.file).startsWith(where) : path.normalize(f.file) === where,
    )
    return !(found.length > 0 && found.every((f) => f.startLine >= 1))
  })
  expect(missing.map((c) => c.name)).toEqual([])
  expect(
    r.findings.some((f) => f.ruleId === 'KMS002' && path.normalize(f.file).startsWith(`good${path.sep}`)),
  ).toBe(true)
  expect(r.status).toBe(1)
  expect(r.peakMb).toBeLessThan(PEAK_MB)
}, 600_000)
