/**
 * The built action (dist/index.js) run the way a runner runs it: a child Node process with INPUT_*
 * variables, GITHUB_WORKSPACE, and the step summary and output files.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import {
  blockLines,
  brokenWorkspace,
  cleanWorkspace,
  HOSTILE_HCL,
  parseOutputs,
  type Workspace,
} from './workspace'

const ACTION = resolve('dist', 'index.js')
// test/global-setup.mjs builds dist/ first whenever it does not match the sources.
if (!existsSync(ACTION)) throw new Error(`${ACTION} is missing: the build in test/global-setup.mjs failed`)

interface Run {
  status: number | null
  stdout: string
  stderr: string
  summary: string
  outputs: Record<string, string>
}

function runAction(w: Workspace, inputs: Record<string, string>): Run {
  const summary = join(w.dir, '.step-summary.md')
  const output = join(w.dir, '.github-output')
  writeFileSync(summary, '')
  writeFileSync(output, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_WORKSPACE: w.dir,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: output,
    RUNNER_TEMP: w.dir,
    GITHUB_ACTIONS: 'true',
  }
  // The runner names inputs INPUT_<NAME> uppercased with dashes kept: INPUT_FAIL-ON.
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v
  const r = spawnSync(process.execPath, [ACTION], { cwd: w.dir, env, encoding: 'utf8', timeout: 60_000 })
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    summary: readFileSync(summary, 'utf8'),
    outputs: parseOutputs(readFileSync(output, 'utf8')),
  }
}

/** Every stdout line the runner would treat as a workflow command. */
function commands(stdout: string): string[] {
  return stdout.split(/\r?\n/).filter((l) => l.trimStart().startsWith('::') || l.includes('##['))
}

/** The properties of an annotation command line. */
function props(line: string): Record<string, string> {
  const m = /^::(?:error|warning|notice) ([^:]*)::/.exec(line)
  if (!m) return {}
  return Object.fromEntries(m[1]!.split(',').map((p) => p.split('=') as [string, string]))
}

const made: Workspace[] = []
afterAll(() => made.forEach((w) => rmSync(w.dir, { recursive: true, force: true })))

describe('action (dist/index.js)', () => {
  test('a forced tunnel fails the check with annotations, summary, outputs and reports', () => {
    const w = brokenWorkspace()
    made.push(w)
    const r = runAction(w, {
      path: 'infra',
      cloud: 'auto',
      'fail-on': 'error',
      'sarif-file': 'reports/kms.sarif',
      'report-file': 'reports/kms.json',
    })
    expect(r.status).toBe(1)

    const annotation = commands(r.stdout).find(
      (l) => l.startsWith('::error ') && props(l).title?.startsWith('KMS001%3A '),
    )
    expect(annotation).toBeDefined()
    const p = props(annotation!)
    expect(p.file).toBe('infra/network.tf')
    // The forced-tunnel route block, first to last line.
    const [line, endLine] = blockLines(readFileSync(join(w.dir, 'infra', 'network.tf'), 'utf8'), 'route {')
    expect([Number(p.line), Number(p.endLine)]).toEqual([line, endLine])
    expect(endLine - line).toBe(4)
    expect(annotation).toMatch(
      /^::error title=KMS001%3A [^,]+,file=infra\/network\.tf,line=\d+,endLine=\d+::\S/,
    )
    expect(r.stdout).toMatch(/^::error::Azure KMS Guard: \d+ findings? at or above fail-on 'error'/m)

    expect(r.summary).toMatch(/^\*\*❌ Azure KMS Guard:\*\* The network as written blocks/)
    expect(r.summary).toMatch(/^- 🔴 \*\*KMS001\*\* · vnet-spoke\/snet-app · /m)
    expect(r.summary).toContain('infra/network.tf&#58;')
    expect(r.summary).toContain('clouds judged: AzureCloud')

    expect(r.outputs.verdict).toBe('blocked')
    expect(Number(r.outputs.blocked)).toBeGreaterThanOrEqual(1)
    expect(Number(r.outputs.subnets)).toBe(
      Number(r.outputs.blocked) + Number(r.outputs.reachable) + Number(r.outputs.undecided),
    )
    const errors = Number(r.outputs.errors)
    expect(errors).toBeGreaterThanOrEqual(1)
    expect(Number(r.outputs.findings)).toBe(errors + Number(r.outputs.warnings) + Number(r.outputs.notices))
    expect(r.outputs['report-file']).toBe(join(w.dir, 'reports', 'kms.json'))
    expect(r.outputs['sarif-file']).toBe(join(w.dir, 'reports', 'kms.sarif'))
    const report = JSON.parse(readFileSync(r.outputs['report-file']!, 'utf8'))
    expect(report.summary.errors).toBe(errors)
    const sarif = JSON.parse(readFileSync(r.outputs['sarif-file']!, 'utf8'))
    expect(sarif.version).toBe('2.1.0')
    // Suppressed findings are in the SARIF too (with `suppressions`), not in the totals.
    const open = sarif.runs[0].results.filter((x: { suppressions?: unknown }) => !x.suppressions)
    expect(open.length).toBe(report.summary.total)
    expect(sarif.runs[0].invocations[0]).toMatchObject({ executionSuccessful: true, exitCode: 1 })

    // One ::error annotation per error finding, plus the failure itself.
    expect(commands(r.stdout).filter((l) => l.startsWith('::error ')).length).toBe(errors)
  })

  test('a hostile route table name cannot produce a second workflow command', () => {
    const w = brokenWorkspace(HOSTILE_HCL)
    made.push(w)
    const r = runAction(w, { path: 'infra', 'fail-on': 'error' })
    expect(r.status).toBe(1)
    for (const line of commands(r.stdout)) {
      // Only annotations on our file, the failure, and debug lines.
      expect(line).toMatch(/^::(error|warning|notice|debug)[ :]/)
      expect(line).not.toContain('##[')
      if (/^::(error|warning|notice) /.test(line))
        expect(props(line).file ?? 'infra/network.tf').toBe('infra/network.tf')
    }
    expect(r.stdout).not.toMatch(/^\s*::error file=evil\.tf/m)
    expect(r.summary).not.toContain('<script')
    expect(Number(r.outputs.errors)).toBeGreaterThanOrEqual(1)
  })

  test('fail-on never passes with the same findings; no report files unless asked', () => {
    const w = brokenWorkspace()
    made.push(w)
    const r = runAction(w, { path: 'infra', 'fail-on': 'never' })
    expect(r.status).toBe(0)
    expect(Number(r.outputs.errors)).toBeGreaterThanOrEqual(1)
    expect(r.outputs['report-file']).toBe('')
    expect(r.outputs['sarif-file']).toBe('')
    expect(r.summary).toContain('the check passes')
    expect(r.summary).toContain('(fail-on: `never`, passed)')
  })

  test('a clean network passes', () => {
    const w = cleanWorkspace()
    made.push(w)
    const r = runAction(w, { path: 'infra' })
    expect(r.status).toBe(0)
    expect(r.outputs.errors).toBe('0')
    expect(r.outputs.verdict).toBe('reachable')
    expect(r.outputs.undecided).toBe('0')
    expect(r.summary).toMatch(
      /^\*\*✅ Azure KMS Guard:\*\* Nothing in the network as written blocks .*; it reaches Azure KMS from the 1 subnet judged/,
    )
    expect(commands(r.stdout).filter((l) => l.startsWith('::error'))).toEqual([])
  })

  test('a path with no Azure network is not a pass: verdict none, and fail-on-unknown fails it', () => {
    const w = cleanWorkspace()
    made.push(w)
    mkdirSync(join(w.dir, 'infra-typo'))
    writeFileSync(
      join(w.dir, 'infra-typo', 'main.tf'),
      'resource "aws_instance" "web" {\n  ami = "ami-1"\n}\n',
    )
    const lenient = runAction(w, { path: 'infra-typo' })
    expect(lenient.status).toBe(0)
    expect(lenient.outputs.verdict).toBe('none')
    expect(lenient.summary).toMatch(
      /^\*\*⚠️ Azure KMS Guard:\*\* No Azure subnet found to judge &#40;1 file read, 0 skipped&#41;/,
    )
    expect(lenient.summary).not.toMatch(/reachable/)
    const strict = runAction(w, { path: 'infra-typo', 'fail-on-unknown': 'true' })
    expect(strict.status).toBe(1)
    expect(strict.stdout).toMatch(/^::error::Azure KMS Guard \(fail-on-unknown\): No Azure subnet found/m)
  })

  test('an invalid input fails with a clear message', () => {
    const w = cleanWorkspace()
    made.push(w)
    const r = runAction(w, { path: 'infra', cloud: 'AzureGermanCloud' })
    expect(r.status).toBe(1)
    expect(r.stdout).toContain(
      "::error::Azure KMS Guard: input 'cloud' must be one of auto, AzureCloud, AzureUSGovernment, AzureChinaCloud (got 'AzureGermanCloud')",
    )
  })
})
