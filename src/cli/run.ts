/**
 * One CLI run from parsed options to exit code: config, scan (or one scan per staged root for the
 * pre-commit hook), baseline, every requested report, the summary line on stderr.
 */
import { scanVerdict } from '../analysis/verdict'
import { verdictFails, verdictHeadline } from '../report/verdict'
import { existsSync, statSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path'
import { loadConfig, type LoadedConfig } from '../config/config'
import { readBaseline, toBaseline, type BaselineFile } from '../compare/baseline'
import { allRules } from '../rules/index'
import type { Finding } from '../rules/types'
import { scanIsolated } from '../pipeline/scan-isolated'
import type { ScanResult } from '../pipeline/scan-types'
import { classify } from '../sources/parsing/discover'
import { onStage } from '../pipeline/stage-stats'
import { countFindings, describeCounts, failsAt, plural } from '../report/exit'
import { plainLine } from '../report/escape'
import { displayPath } from '../report/paths'
import { TOOL_NAME } from '../report/tool'
import { UsageError, type CliOptions } from './args'
import { render } from './formats'
import { Progress } from './progress'

export const EXIT_CLEAN = 0
export const EXIT_FINDINGS = 1
export const EXIT_ERROR = 2
export const EXIT_UNREADABLE = 3

export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
  /** Directory relative paths are resolved against and reports are relative to. */
  cwd: string
  /** Colours in the text format (a TTY without NO_COLOR). */
  color?: boolean
  /** Terminal width for wrapping. */
  columns?: number
  /** stderr is a terminal: progress is shown there. */
  progress?: boolean
  /** Parse in worker threads (the pipeline's default when unset); tests running from source pass false. */
  workers?: boolean
}

/**
 * The config named by --config, else `.azure-kms-guard.yml` in the scanned folder; problems are usage errors.
 */
function readConfig(opts: CliOptions, root: string, io: CliIo): { loaded: LoadedConfig; dir: string } {
  let dir = statSync(root).isFile() ? dirname(root) : root
  let name: string | undefined
  if (opts.config !== undefined) {
    const file = resolve(io.cwd, opts.config)
    if (!existsSync(file)) throw new UsageError(`--config: ${opts.config} not found`)
    dir = dirname(file)
    name = basename(file)
  }
  const loaded = loadConfig(dir, name)
  if (loaded.problems.length > 0) {
    const where = (p: (typeof loaded.problems)[number]): string =>
      `${displayPath(p.file.includes(sep) ? p.file : resolve(dir, p.file), io.cwd)}${p.line ? `:${p.line}` : ''}`
    throw new UsageError(
      `the config file has ${plural(loaded.problems.length, 'problem')}:\n` +
        loaded.problems.map((p) => `  ${where(p)}: ${plainLine(p.message)}`).join('\n'),
    )
  }
  // Flags win over the file: --rule keeps only the named rules (and KMS012: an unread file is never
  // judged, so it is not a rule one opts into), --skip-rule turns rules off.
  const rules = { ...loaded.config.rules }
  if (opts.onlyRules.length > 0)
    for (const r of allRules) if (!opts.onlyRules.includes(r.id) && r.id !== 'KMS012') rules[r.id] = 'off'
  for (const r of opts.skipRules) rules[r] = 'off'
  return { loaded: { ...loaded, config: { ...loaded.config, rules } }, dir }
}

function loadBaseline(opts: CliOptions, io: CliIo): BaselineFile | undefined {
  if (opts.baseline === undefined) return undefined
  const file = resolve(io.cwd, opts.baseline)
  if (!existsSync(file)) throw new UsageError(`--baseline: ${opts.baseline} not found`)
  try {
    return readBaseline(file)
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
}

/**
 * The git repository `path` is in (the nearest folder above holding `.git`, a folder or a worktree's
 * file), where local modules outside the scanned path are read from, as Terraform reads them. Hand-written:
 * a walk up the tree, so the CLI needs no git binary for it.
 */
function repository(path: string): string | undefined {
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    if (existsSync(resolve(dir, '.git'))) return dir
    if (dirname(dir) === dir) return undefined
  }
}

async function scanRoot(
  path: string,
  opts: CliOptions,
  io: CliIo,
  last: boolean,
  progress?: Progress,
): Promise<ScanResult> {
  const root = resolve(io.cwd, path)
  if (!existsSync(root)) throw new UsageError(`path not found: ${path}`)
  const { loaded, dir } = readConfig(opts, root, io)
  const baseline = loadBaseline(opts, io)
  const repo = repository(root)
  return scanIsolated({
    ...(baseline ? { baseline } : {}),
    path: root,
    cloud: opts.cloud ?? 'auto',
    varFiles: opts.varFiles.map((f) => resolve(io.cwd, f)),
    planFiles: opts.planFiles.map((f) => resolve(io.cwd, f)),
    ...(opts.downloadModules
      ? {
          downloadModules: {
            registries: opts.downloadModules.registries,
            ...(opts.downloadModules.cacheDir !== undefined
              ? { cacheDir: resolve(io.cwd, opts.downloadModules.cacheDir) }
              : {}),
          },
        }
      : {}),
    config: loaded,
    repoRoot: dir,
    ...(repo !== undefined ? { readRoot: repo } : {}),
    verbose: opts.verbose,
    lastScan: last,
    ...(io.workers !== undefined ? { workers: io.workers } : {}),
    ...(progress ? { onProgress: (p) => progress.update(p) } : {}),
  })
}

/**
 * The pre-commit hook's roots: the folders of the staged IaC files (a Terraform root module, a Bicep
 * or ARM deployment lives in one folder), without folders inside another one already listed.
 */
export function hookRoots(files: readonly string[], cwd: string): string[] {
  const dirs = [
    ...new Set(files.filter((f) => classify(f) !== undefined).map((f) => dirname(resolve(cwd, f)))),
  ].sort()
  return dirs.filter(
    (d) => !dirs.some((o) => o !== d && !relative(o, d).startsWith('..') && !isAbsolute(relative(o, d))),
  )
}

function merge(results: readonly ScanResult[], cwd: string): ScanResult {
  return {
    clouds: [...new Set(results.flatMap((r) => r.clouds))],
    findings: results.flatMap((r) => r.findings),
    suppressed: results.flatMap((r) => r.suppressed),
    filesScanned: results.reduce((n, r) => n + r.filesScanned, 0),
    root: cwd,
    verdict: scanVerdict(
      results.flatMap((r) => r.verdict.subnets),
      {
        read: results.reduce((n, r) => n + r.verdict.files.read, 0),
        skipped: results.reduce((n, r) => n + r.verdict.files.skipped, 0),
      },
      results.reduce((n, r) => n + r.verdict.unusedRouteTables, 0),
    ),
  }
}

/**
 * KMS012: files the scan could not read or parse; what they declare was not judged. Not the notices about
 * what the scan chose to leave out or about suppression comments (`readFine`): their files were read.
 */
const unreadable = (findings: readonly Finding[]): Finding[] =>
  findings.filter((f) => f.ruleId === 'KMS012' && !f.readFine)

export async function runCli(opts: CliOptions, io: CliIo): Promise<number> {
  const startTime = new Date()
  const say = (line: string): void => {
    if (!opts.quiet) io.stderr(`${TOOL_NAME}: ${line}\n`)
  }
  if (opts.verbose)
    onStage((t) =>
      io.stderr(
        `${TOOL_NAME}: stage ${t.name}: ${t.ms.toFixed(0)} ms, heap ${t.heapMB.toFixed(0)} MB, rss ${t.rssMB.toFixed(0)} MB\n`,
      ),
    )
  const progress = io.progress && !opts.quiet ? new Progress(io.stderr) : undefined
  let result: ScanResult
  try {
    if (opts.command === 'hook') {
      const roots = hookRoots(opts.paths, io.cwd)
      const results: ScanResult[] = []
      for (const [i, r] of roots.entries())
        results.push(await scanRoot(r, opts, io, i === roots.length - 1, progress))
      result = merge(results, io.cwd)
    } else result = await scanRoot(opts.paths[0] ?? '.', opts, io, true, progress)
  } finally {
    progress?.done()
    if (opts.verbose) onStage(undefined)
  }

  if (opts.baselineWrite !== undefined) {
    const file = resolve(io.cwd, opts.baselineWrite)
    await mkdir(dirname(file), { recursive: true })
    await writeFile(file, JSON.stringify(toBaseline(result.findings, result.root), null, 2) + '\n', 'utf8')
    say(`baseline of ${plural(result.findings.length, 'finding')} written to ${displayPath(file, io.cwd)}`)
  }
  if (result.baseline) {
    const { known, fixed } = result.baseline
    say(
      `baseline: ${plural(result.findings.length, 'new finding')}, ${plural(known, 'finding')} already in it` +
        `, ${fixed.length} of its entries fixed`,
    )
    for (const e of fixed) say(`  fixed: ${plainLine(`${e.ruleId} ${e.resource} (${e.file}:${e.line})`)}`)
  }

  // Decided before the reports are written: SARIF's invocation records it.
  const broken = unreadable(result.findings)
  const fails = failsAt(result.findings, opts.failOn) || verdictFails(result.verdict, opts.failOnUnknown)
  const exitCode =
    opts.failOnUnreadable && broken.length > 0 ? EXIT_UNREADABLE : fails ? EXIT_FINDINGS : EXIT_CLEAN
  for (const d of opts.outputs) {
    const text = render(d.format, result, {
      startTime,
      exitCode,
      cwd: io.cwd,
      failOn: opts.failOn,
      failOnUnknown: opts.failOnUnknown,
      color: d.file === undefined && io.color === true,
      ...(io.columns ? { columns: io.columns } : {}),
    })
    if (d.file === undefined) io.stdout(text)
    else {
      const file = resolve(io.cwd, d.file)
      await mkdir(dirname(file), { recursive: true })
      await writeFile(file, text, 'utf8')
      say(`${d.format} report written to ${displayPath(file, io.cwd)}`)
    }
  }

  if (broken.length > 0) {
    const files = [...new Set(broken.map((f) => displayPath(f.location.file, io.cwd)))]
    say(
      `${plural(files.length, 'file')} could not be read or parsed, so what they declare was not judged: ` +
        plainLine(files.slice(0, 5).join(', ') + (files.length > 5 ? `, and ${files.length - 5} more` : '')) +
        (opts.failOnUnreadable ? '' : ' (--fail-on-unreadable makes this exit 3)'),
    )
  }
  if (opts.outputs.every((d) => d.file !== undefined)) {
    say(describeCounts(countFindings(result.findings)))
    say(plainLine(verdictHeadline(result.verdict)))
  }
  return exitCode
}
