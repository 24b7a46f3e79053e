/**
 * The pipeline: sources → network model → analysis → rules. Plain TypeScript with no @actions/*
 * imports, so the action, the CLI and the tests all call exactly this.
 *
 * Sources yield judgements: one network model (a Terraform root module with its local modules, a Bicep
 * or ARM deployment variant) and the cloud to judge it under. They are judged one after another and
 * dropped, so a scan holds one unit's model at a time however large the repository.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { analyze } from '../analysis'
import { subnetVerdicts } from '../analysis/verdict'
import { emptyModel, type SourceDiagnostic } from '../model/network'
import { runRules } from '../rules'
import type { ScanOptions, ScanResult, ScanUnit, UnitChoice } from './scan-types'
import { discover, classify, isTestFixture, TERRAFORM_KINDS } from '../sources/parsing/discover'
import type { ParseJob } from '../sources/parsing/parse-pool'
import {
  makeBoundary,
  readSource,
  refusedReference,
  skippedNotice,
  type ReadBoundary,
} from '../sources/parsing/read-source'
import { JUDGEMENT_ORDER, type Judgement, type TemplateFile, type UnitShare } from '../sources/judgement'
import { terraformJudgements } from '../sources/terraform/load'
import type { FileCalls } from '../sources/terraform/units'
import { isTerraformPlan } from '../sources/plan'
import { deletedArmIds } from '../sources/plan/deletes'
import { cloudForPath, isIncluded } from '../config/apply'
import { stage } from './stage-stats'
import { unitChooser } from '../compare/units'
import { parsingFile, watchPhase } from '../sources/evaluation/unit-watch'
import { Shares, type ShareSpec } from './shares'
import { finishScan, type JudgedUnit, type ScanPart } from './scan-merge'
import * as scanLevel from './scan-level'
import { unitVnets } from '../analysis/cross-unit-vnets'
import { crossUnitPass, undecidedSubnets, unitRef } from './cross-unit'
import { secondPass } from './second-pass'

export type { ScanOptions, ScanPart, ScanResult }

/** A JSON file that fails to parse is only ours to report when it looks like a template, parameters or a plan. */
function looksLikeIaC(file: string, text: string): boolean {
  return (
    /deploymentTemplate|deploymentParameters|"resource_changes"|"planned_values"/.test(text.slice(0, 8192)) ||
    /(^|[\\/])azuredeploy[^\\/]*\.json$|\.parameters(\.[^.\\/]+)?\.json$/i.test(file)
  )
}

/** `p` with forward slashes; as is where the separator is one already (a split and join per file cost 9 ms). */
const toPosix = (p: string): string => (path.sep === '/' ? p : p.split(path.sep).join('/'))

/**
 * `file` relative to `dir`, as path.relative gives it: for a file under `dir` (every discovered file, as
 * discovery joins the root with the names it reads) a slice, as path.relative per file cost a 10 MB scan 40 ms.
 */
function relativeTo(dir: string, file: string): string {
  return file.length > dir.length + 1 &&
    file.startsWith(dir) &&
    file[dir.length] === path.sep &&
    !dir.endsWith(path.sep)
    ? file.slice(dir.length + 1)
    : path.relative(dir, file)
}

interface Sources {
  judgements: AsyncGenerator<Judgement>
  /** ARM ids the scanned plans delete, for the live overlay. */
  deletedIds: string[]
  /** Filled while the judgements are drawn (files skipped, unreadable). */
  diagnostics: SourceDiagnostic[]
  files: number
  /** Files discovery left out (too large, links out of the root), before any was read. */
  skippedAtDiscovery: number
  root: string
  repoRoot: string
  /** What the scan may read: the repository root, and the files the invoker named. */
  boundary: ReadBoundary
}

/** The line of the config that names `entry` (for a located notice), else its first line. */
function configLine(configFile: string, entry: string, boundary: ReadBoundary): number {
  const read = readSource(configFile, boundary)
  if (!read.ok) return 1
  const i = read.text.split(/\r?\n/).findIndex((l) => l.includes(entry))
  return i >= 0 ? i + 1 : 1
}

/**
 * One notice for the files left out as module tests and examples, so a user who keeps real networks in an
 * `examples/` folder learns why they were not judged and how to include them.
 */
function fixturesNotice(files: string[], rootDir: string): SourceDiagnostic {
  const dirs = [...new Set(files.map((f) => toPosix(path.relative(rootDir, path.dirname(f)))))].sort()
  const shown = dirs.slice(0, 5).join(', ') + (dirs.length > 5 ? ` and ${dirs.length - 5} more` : '')
  const first = files.slice().sort()[0]!
  return {
    ruleId: 'KMS012',
    severity: 'notice',
    title: 'Module tests and examples not judged',
    readFine: true,
    origin: { file: first, startLine: 1, endLine: 1 },
    message:
      `Not judged: ${files.length} file${files.length === 1 ? '' : 's'} in test and example folders (${shown}); ` +
      'they are module tests and examples, not a deployed network. Set `include-test-fixtures: true` in ' +
      '.azure-kms-guard.yml to judge them.',
  }
}

/** Finds and reads the sources under the root; models come out one judgement at a time. */
export function loadSources(
  options: ScanOptions,
  selectUnit?: (unit: ScanUnit) => boolean,
  callIndex?: Map<string, FileCalls>,
  share?: UnitShare,
): Sources {
  const root = path.resolve(options.path)
  if (!fs.existsSync(root)) throw new Error(`path not found: ${options.path}`)
  const rootDir = fs.statSync(root).isFile() ? path.dirname(root) : root
  const repoRoot = path.resolve(options.repoRoot ?? rootDir)
  const config = options.config?.config
  // The invoker's own var and plan files may lie anywhere; what the scanned files name may not (beyond
  // the repository: a local module outside the scanned path is read from it).
  const boundary = makeBoundary(
    [repoRoot, rootDir, ...(options.readRoot ? [path.resolve(options.readRoot)] : [])],
    [...options.varFiles, ...(options.planFiles ?? [])].map((f) => path.resolve(f)),
  )
  // A pull request's head may name its files (from git's index: src/compare/head-index.ts).
  const given = options.units?.files
  const found = given ? { files: [...given], skipped: [] } : discover(root)
  // Module tests and examples are fixtures, not the network: judged only when the config asks for them.
  const fixtures = config?.includeTestFixtures
    ? []
    : found.files.filter((f) => isTestFixture(toPosix(relativeTo(rootDir, f.path))))
  if (fixtures.length > 0) found.files = found.files.filter((f) => !fixtures.includes(f))
  if (config)
    found.files = found.files.filter((f) => isIncluded(toPosix(relativeTo(repoRoot, f.path)), config))
  const diagnostics: SourceDiagnostic[] = found.skipped.map((s) => skippedNotice(s.path, s.reason))
  if (fixtures.length > 0)
    diagnostics.push(
      fixturesNotice(
        fixtures.map((f) => f.path),
        rootDir,
      ),
    )

  const bicep: TemplateFile[] = []
  const json: TemplateFile[] = []
  const plans: TemplateFile[] = []
  const readText = (file: string, into: TemplateFile[]): void => {
    const read = readSource(file, boundary)
    if (read.ok) into.push({ path: file, text: read.text })
    else diagnostics.push(skippedNotice(file, read.reason))
  }
  for (const f of found.files) {
    if (f.kind === 'bicep' || f.kind === 'bicepparam') readText(f.path, bicep)
    else if (f.kind === 'json') readText(f.path, json)
  }
  for (const p of options.planFiles ?? []) {
    const file = path.resolve(p)
    if (!fs.existsSync(file)) throw new Error(`plan file not found: ${p}`)
    readText(file, plans)
  }
  // Plans are found by content whatever their name; JSON that is none of ours is left alone.
  const templatesAndParams: TemplateFile[] = []
  for (const f of json) {
    const kind = parsingFile(
      f.path,
      (): 'plan' | 'ours' | 'other' => {
        if (isTerraformPlan(f.text)) return 'plan'
        try {
          JSON.parse(f.text)
          return 'ours'
        } catch {
          // jsonc: comments are allowed in templates, so only a file that looks like ours is handed on.
          return looksLikeIaC(f.path, f.text) ? 'ours' : 'other'
        }
      },
      (why) => {
        diagnostics.push(skippedNotice(f.path, `could not be parsed: ${why}`))
        return 'other'
      },
    )
    if (kind === 'plan' && !plans.some((p) => p.path === f.path)) plans.push(f)
    else if (kind === 'ours') templatesAndParams.push(f)
  }

  // The config's cloud and var files apply where the inputs leave them open.
  const cloud = options.cloud === 'auto' && config?.cloud ? config.cloud : options.cloud
  // Var files the config names come from the pull request: one outside the boundary is a notice, not read.
  const configVarFiles: string[] = []
  for (const f of config?.varFiles ?? []) {
    const abs = path.resolve(repoRoot, f)
    const read = readSource(abs, boundary)
    if (read.ok || !read.outside) configVarFiles.push(abs)
    else {
      const file = options.config?.file ?? path.join(repoRoot, '.azure-kms-guard.yml')
      const line = configLine(file, f, boundary)
      diagnostics.push(refusedReference({ file, startLine: line, endLine: line }, f, read.reason))
    }
  }
  const varFiles = [...configVarFiles, ...options.varFiles].map((f) => path.resolve(f))
  const varJobs: ParseJob[] = []
  for (const v of varFiles) {
    if (!fs.existsSync(v)) throw new Error(`var file not found: ${v}`)
    varJobs.push({ path: v, kind: classify(v) === 'tfvars-json' ? 'tfvars-json' : 'tfvars', boundary })
  }
  const terraformFiles = found.files.filter((f) => TERRAFORM_KINDS.has(f.kind) && !varFiles.includes(f.path))

  async function* judgements(): AsyncGenerator<Judgement> {
    stage('discover')
    yield* terraformJudgements(
      terraformFiles,
      varJobs,
      plans,
      {
        root: rootDir,
        varFiles,
        cloud,
        cloudForDir: config
          ? (dir) => cloudForPath(toPosix(path.relative(repoRoot, dir)), config)
          : undefined,
        boundary,
        ...(options.downloadModules ? { downloadModules: options.downloadModules } : {}),
        ...(selectUnit ? { selectUnit } : {}),
        ...(callIndex ? { callIndex } : {}),
        ...(share ? { share } : {}),
      },
      diagnostics,
    )
    stage('terraform')
    // Bicep and ARM (a quarter of the worker's code) are loaded only for a tree that has them: the worker
    // parses its bundle before it scans, and most trees are Terraform alone.
    if (bicep.length > 0 || templatesAndParams.length > 0) {
      const { judgeTemplates } = await import('../sources/templates')
      yield* judgeTemplates(bicep, templatesAndParams, rootDir, cloud, boundary, selectUnit, share)
    }
    stage('bicep and arm')
  }
  const files = terraformFiles.length + varJobs.length + bicep.length + json.length
  const deletedIds = plans
    .filter((p) => isTerraformPlan(p.text))
    .flatMap((p) =>
      parsingFile(
        p.path,
        () => deletedArmIds(p.text),
        (why) => {
          diagnostics.push({
            ruleId: 'KMS012',
            severity: 'warning',
            origin: { file: p.path, startLine: 1, endLine: 1 },
            message: `Did not read which resources this plan deletes: ${why}.`,
          })
          return []
        },
      ),
    )
  return {
    judgements: judgements(),
    deletedIds,
    diagnostics,
    files,
    skippedAtDiscovery: found.skipped.length,
    root,
    repoRoot,
    boundary,
  }
}

/**
 * Live state: the IaC of the same cloud is overlaid on the deployed network (it replaces what it
 * defines, the rest completes the picture); with no IaC of that cloud the deployed network is judged alone.
 */
async function* withDeployed(
  judgements: AsyncGenerator<Judgement>,
  deployed: ScanOptions['deployed'],
  planDeletes: string[],
): AsyncGenerator<Judgement> {
  if (!deployed) {
    yield* judgements
    return
  }
  // Loaded only for a scan of the deployed network: it is the one that overlays models.
  const { overlayModels } = await import('../sources/azure/overlay')
  let overlaid = false
  const deletedIds = [...(deployed.deletedIds ?? []), ...planDeletes]
  for await (const j of judgements) {
    if (j.cloud === deployed.cloud) {
      overlaid = true
      yield { ...j, model: overlayModels(deployed.model, j.model, { deletedIds }) }
    } else yield j
  }
  if (!overlaid) {
    const model =
      deletedIds.length > 0 ? overlayModels(deployed.model, emptyModel(), { deletedIds }) : deployed.model
    yield { model, cloud: deployed.cloud, order: JUDGEMENT_ORDER.deployed }
  }
}

/**
 * Least time between two progress reports (the first and the last are always made): each one crosses
 * from the scan worker as a message, and one per unit cost a 10 MB scan of ~1,200 root modules 13% of its CPU.
 */
const PROGRESS_EVERY_MS = 100

/**
 * How often a worker sends the units it judged (scan-isolated.ts): the calling thread takes them in (and
 * reads their files for suppressions) while the worker goes on, instead of all at the end.
 */
const STREAM_EVERY_MS = 200

/** The whole scan on this thread: one share of everything, merged. */
export async function scan(options: ScanOptions): Promise<ScanResult> {
  const parts = await crossUnitPass(
    options,
    [await scanPart(options)],
    async (o) => (await scanPart(o)).judged,
  )
  return finishScan(options, parts, () => Promise.resolve(scanLevel))
}

/**
 * Judges the units of this worker's share (all of them without `share`): sources → model → analysis →
 * rules, one unit after another.
 */
export async function scanPart(
  options: ScanOptions,
  shareSpec?: ShareSpec,
  /** Given the units judged so far (taken out of the part) every STREAM_EVERY_MS, with the read boundary. */
  stream?: (judged: JudgedUnit[], boundary: ReadBoundary) => void,
): Promise<ScanPart> {
  const choices: UnitChoice[] = []
  const choose = options.units && unitChooser(options.units)
  // A second pass (src/pipeline/cross-unit.ts) judges only the units it names.
  const again = options.rejudge && new Set([...options.rejudge.units, ...(options.rejudge.providers ?? [])])
  const selectUnit =
    choose || again
      ? (u: ScanUnit): boolean => {
          if (again && !again.has(u.root)) return false
          if (!choose) return true
          const choice = choose(u)
          choices.push(choice)
          return choice.judged
        }
      : undefined
  watchPhase('discovery')
  const hashRoot = options.units?.hashRoot
  const callIndex = hashRoot !== undefined ? new Map<string, FileCalls>() : undefined
  // Diagnostics from the first unit of this share on are that unit's: marked where each unit starts.
  const marks: { order: number; at: number }[] = []
  let diagnostics: SourceDiagnostic[] = []
  const share =
    shareSpec && shareSpec.count > 1
      ? new Shares(shareSpec, (order) => marks.push({ order, at: diagnostics.length }))
      : undefined
  const sources = loadSources(options, selectUnit, callIndex, share)
  diagnostics = sources.diagnostics
  const judged: JudgedUnit[] = []
  const appliances = options.config?.config.allowedAppliances ?? []
  let units = 0
  let toldAt = -Infinity
  const tell = (always: boolean): void => {
    if (!options.onProgress) return
    const now = Date.now()
    if (!always && now - toldAt < PROGRESS_EVERY_MS) return
    toldAt = now
    options.onProgress({ files: sources.files, units })
  }
  tell(true)
  let next = 0
  let streamedAt = Date.now()
  // As crossUnitPass takes it: digests the same in another checkout of the repository.
  const digestRoot = options.units?.hashRoot ?? options.repoRoot ?? options.path
  const loaded = withDeployed(sources.judgements, options.deployed, sources.deletedIds)
  const received = new Map<number, string>()
  const judgements = options.rejudge
    ? secondPass(loaded, options.rejudge, digestRoot, (order, digest) => received.set(order, digest))
    : loaded
  for await (const j of judgements) {
    units++
    tell(false)
    if (appliances.length > 0) j.model.allowedAppliances = appliances
    // A worker that dies from here on costs this unit (or, for the deployed network alone, the scan).
    watchPhase('analysis', j.subject)
    const analysis = analyze(j.model, j.cloud)
    const verdicts = subnetVerdicts(analysis, j.label)
    const ref = unitRef(j, sources.root)
    const vnets = ref && unitVnets(j.model, undecidedSubnets(verdicts), { ...ref, order: j.order ?? next })
    judged.push({
      order: j.order ?? next,
      cloud: j.cloud,
      ...(j.unit !== undefined ? { unit: j.unit } : {}),
      ...(j.label !== undefined ? { label: j.label } : {}),
      ...(vnets ? { vnets } : {}),
      ...(j.order !== undefined && received.has(j.order) ? { foreign: received.get(j.order)! } : {}),
      verdicts,
      unusedRouteTables: new Set(analysis.paths.flatMap((p) => (p.subnet ? [] : [p.routeTable?.id]))).size,
      findings: runRules({ cloud: j.cloud, model: j.model, analysis, verbose: options.verbose }),
    })
    next = (j.order ?? next) + 1
    if (stream && Date.now() - streamedAt >= STREAM_EVERY_MS) {
      stream(judged.splice(0), sources.boundary)
      streamedAt = Date.now()
    }
    // Judged: what the worker does next (reading the next unit) is no longer this unit's doing.
    watchPhase('sources')
  }
  tell(true)
  stage('analysis and rules')
  const all = sources.diagnostics
  const commonEnd = marks[0]?.at ?? all.length
  return {
    judged,
    // Every share finds the same files: share 0 reports what belongs to no unit.
    common: !shareSpec || shareSpec.index === 0 ? all.slice(0, commonEnd) : [],
    unitDiagnostics: marks.map((m, i) => ({
      order: m.order,
      diagnostics: all.slice(m.at, marks[i + 1]?.at ?? all.length),
    })),
    files: sources.files,
    skippedAtDiscovery: sources.skippedAtDiscovery,
    root: sources.root,
    repoRoot: sources.repoRoot,
    boundary: sources.boundary,
    ...(options.units ? { units: choices } : {}),
    ...(callIndex && hashRoot !== undefined
      ? { terraformCalls: relativeCalls(callIndex, path.resolve(hashRoot)) }
      : {}),
  }
}

/** The call index with paths relative to `root` (forward slashes); files outside it are left out. */
function relativeCalls(
  index: ReadonlyMap<string, FileCalls>,
  root: string,
): Record<string, { oid: string; calls: string[] }> {
  const rel = (p: string): string | undefined => {
    const r = path.relative(root, p)
    return r.startsWith('..') || path.isAbsolute(r) ? undefined : toPosix(r)
  }
  const out: Record<string, { oid: string; calls: string[] }> = {}
  for (const [file, { oid, calls }] of index) {
    const key = rel(file)
    if (key === undefined || key === '') continue
    // A call out of the root is a directory the other checkout cannot have either: kept as `..` paths.
    out[key] = { oid, calls: calls.map((c) => toPosix(path.relative(root, c))) }
  }
  return out
}
