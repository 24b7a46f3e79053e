/**
 * A worker death is blamed on the phase it happened in (src/sources/evaluation/unit-watch.ts), through the built
 * CLI and action in a child process, with a small worker heap so the bombs stay small:
 * - a file whose parsing exhausts the heap (a 4 MB Terraform list: within the 5 MB file limit and
 *   every depth guard) costs that file: a located KMS012 naming the file and the parsing, the control
 *   unit beside it is judged;
 * - a death no one file or unit answers for (finding 60,000 archived JSON files exceeds the heap) stops the scan with an error naming the phase: the CLI exits 2; the action
 *   fails with it in the job summary, sets `verdict` to `error` and names no report.
 */
import { spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parseOutputs } from '../e2e/workspace'
import { control, workspace, type Workspace } from './helpers'

const CLI = path.resolve('dist', 'cli', 'index.js')
const ACTION = path.resolve('dist', 'index.js')
const RSS = path.resolve('bench', 'rss.cjs')
for (const f of [CLI, ACTION])
  if (!fs.existsSync(f)) throw new Error(`${f} is missing: the build in test/global-setup.mjs failed`)

function run(args: string[], env: Record<string, string>, cwd?: string) {
  return new Promise<{ status: number | null; stdout: string; stderr: string; peakMb: number }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, ['--require', RSS, ...args], {
        env: { PATH: process.env.PATH ?? '', ...env },
        ...(cwd ? { cwd } : {}),
      })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')))
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')))
      child.on('error', reject)
      child.on('close', (status) => {
        const kb = /BENCH_MAX_RSS_KB=(\d+)/.exec(stderr)?.[1]
        resolve({ status, stdout, stderr, peakMb: kb ? Number(kb) / 1024 : Infinity })
      })
    },
  )
}

/**
 * A locals list of `n` two-digit numbers on one line: a parser allocates a node for each (and the
 * number's text). Not a few strings repeated: the lexer hands out the same string for those.
 */
function hugeList(n: number): string {
  const items: string[] = []
  for (let i = 0; i < n; i++) items.push(String(10 + (i % 90)))
  return `locals {\n  inventory = [${items.join(', ')}]\n}\n`
}

/**
 * A deployment history archive a repository keeps beside its IaC: 60,000 small JSON files in 300
 * folders with long names. Each is tiny; finding and listing them all exceeds a 32 MB worker heap.
 */
function archive(dir: string): void {
  const seg = 'deployment-history-archive-'.repeat(3)
  for (let d = 0; d < 300; d++) {
    const folder = path.join(dir, 'archive', `${seg}${d}`)
    fs.mkdirSync(folder, { recursive: true })
    for (let i = 0; i < 200; i++) fs.writeFileSync(path.join(folder, `${seg}${i}.json`), '{}')
  }
}

let ws: Workspace | undefined
afterEach(() => ws?.cleanup())

interface Finding {
  ruleId: string
  file: string
  startLine: number
  message: string
}

test('a file whose parsing exhausts the worker heap is skipped with a located finding; the rest is judged', async () => {
  ws = workspace({ ...control('terraform'), 'bomb/inventory.tf': hugeList(1_000_000) })
  expect(fs.statSync(path.join(ws.dir, 'bomb/inventory.tf')).size).toBeLessThan(5 * 1024 * 1024)
  const r = await run([CLI, 'scan', ws.dir, '--format', 'json'], { AZURE_KMS_GUARD_UNIT_HEAP_MB: '64' })
  const findings = (JSON.parse(r.stdout) as { findings: Finding[] }).findings
  expect(findings.filter((f) => f.file === path.join('bomb', 'inventory.tf'))).toEqual([
    expect.objectContaining({
      ruleId: 'KMS012',
      startLine: 1,
      message: expect.stringMatching(
        /^Skipped this file: it could not be parsed: the worker parsing it ran out of memory \(heap limit 64 MB\)\./,
      ),
    }),
  ])
  expect(findings.some((f) => f.ruleId === 'KMS002' && f.file.startsWith(`good${path.sep}`))).toBe(true)
  expect(r.status).toBe(1)
  expect(r.peakMb).toBeLessThan(600)
}, 180_000)

describe('a death no one file or unit answers for', () => {
  const files = (): Workspace => {
    const w = workspace(control('terraform'))
    archive(w.dir)
    return w
  }
  const stopped =
    /the scan stopped while finding the files and deployment units, outside any one file or deployment unit: its worker ran out of memory \(heap limit 32 MB\)/

  test('the CLI exits 2 with an error naming the phase', async () => {
    ws = files()
    const r = await run([CLI, 'scan', ws.dir, '--format', 'json'], { AZURE_KMS_GUARD_UNIT_HEAP_MB: '32' })
    expect(r.stderr).toMatch(stopped)
    expect(r.stdout).toBe('')
    expect(r.status).toBe(2)
  }, 180_000)

  test('the action fails with it in the summary, verdict `error` and no report named', async () => {
    ws = files()
    const summary = path.join(ws.parent, 'summary.md')
    const output = path.join(ws.parent, 'output.txt')
    fs.writeFileSync(summary, '')
    fs.writeFileSync(output, '')
    const r = await run(
      [ACTION],
      {
        AZURE_KMS_GUARD_UNIT_HEAP_MB: '32',
        GITHUB_ACTIONS: 'true',
        GITHUB_EVENT_NAME: 'push',
        GITHUB_WORKSPACE: ws.dir,
        GITHUB_STEP_SUMMARY: summary,
        GITHUB_OUTPUT: output,
        GITHUB_REPOSITORY: 'octo/net',
        RUNNER_TEMP: ws.parent,
        'INPUT_JSON-REPORT': 'kms.json',
      },
      ws.dir,
    )
    expect(r.stdout).toMatch(new RegExp(`^::error::Azure KMS Guard: ${stopped.source}`, 'm'))
    expect(r.status).toBe(1)
    expect(parseOutputs(fs.readFileSync(output, 'utf8'))).toMatchObject({
      verdict: 'error',
      'report-file': '',
      'sarif-file': '',
    })
    const md = fs.readFileSync(summary, 'utf8')
    expect(md).toContain('Azure KMS Guard could not finish')
    expect(md).toMatch(/finding the files and deployment units/)
    expect(fs.existsSync(path.join(ws.dir, 'kms.json'))).toBe(false)
  }, 180_000)
})
