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
import { scanVerdict, subnetVerdicts, type SubnetVerdict } from '../analysis/verdict'
import { CLOUDS, type CloudName } from '../kms/catalogue'
import { emptyModel, type SourceDiagnostic } from '../model/network'
import { compareFindings, runRules } from '../rules'
import { findingIdentity } from '../rules/identity'
import type { Finding } from '../rules/types'
import type { Origin } from '../model/value'
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
import type { Judgement, TemplateFile } from '../sources/judgement'
import { judgeTemplates } from '../sources/templates'
import { terraformJudgements } from '../sources/terraform/load'
import type { FileCalls } from '../sources/terraform/units'
import { isTerraformPlan } from '../sources/plan'
import { deletedArmIds } from '../sources/plan/deletes'
import { overlayModels, portalLink } from '../sources/azure/overlay'
import { cloudForPath, isIncluded } from '../config/apply'
import { applyUserPolicy, configProblemFindings } from './user-policy'
import { stage } from './stage-stats'
import { applyBaseline } from '../compare/baseline'
import { unitChooser } from '../compare/units'
import { parsingFile, watchPhase } from '../sources/evaluation/unit-watch'

export type { ScanOptions, ScanResult }

/** A JSON file that fails to parse is only ours to report when it looks like a template, parameters or a plan. */
function looksLikeIaC(file: string, text: string): boolean {
  return (
    /deploymentTemplate|deploymentParameters|"resource_changes"|"planned_values"/.test(text.slice(0, 8192)) ||
    /(^|[\\/])azuredeploy[^\\/]*\.json$|\.parameters(\.[^.\\/]+)?\.json$/i.test(file)
  )
}

const toPosix = (p: string): string => p.split(path.sep).join('/')

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
): Sources {
  const root = path.resolve(options.path)
  if (!fs.existsSync(root)) throw new Error(`path not found: ${options.path}`)
  const rootDir = fs.statSync(root).isFile() ? path.dirname(root) : root
  const repoRoot = path.resolve(options.repoRoot ?? rootDir)
  const config = options.config?.config
  // The invoker's own var and plan files may lie anywhere; what the scanned files name may not.
  const boundary = makeBoundary(
    [repoRoot, rootDir],
    [...options.varFiles, ...(options.planFiles ?? [])].map((f) => path.resolve(f)),
  )
  const found = discover(root)
  // Module tests and examples are fixtures, not the network: judged only when the config asks for them.
  const fixtures = config?.includeTestFixtures
    ? []
    : found.files.filter((f) => isTestFixture(toPosix(path.relative(rootDir, f.path))))
  if (fixtures.length > 0) found.files = found.files.filter((f) => !fixtures.includes(f))
  if (config)
    found.files = found.files.filter((f) => isIncluded(toPosix(path.relative(repoRoot, f.path)), config))
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
      },
      diagnostics,
    )
    stage('terraform')
    yield* judgeTemplates(bicep, templatesAndParams, rootDir, cloud, boundary, selectUnit)
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

const sameLines = (a: Origin, b: Origin): boolean =>
  a.file === b.file && a.startLine === b.startLine && a.endLine === b.endLine

/** A finding that names no KMS address (a parse error) says the same whatever cloud is judged. */
const cloudIndependent = (f: Finding): boolean => f.kmsAddresses.length === 0

/**
 * When two findings are the same. A verdict on subnets is its identity (rule, cloud, unit, decisive hop,
 * the subnets harmed, by Azure identity): the same route reached through two declarations or paths is one
 * finding however its message is worded. Anything else (a parse error, an unresolved value) is its place and text.
 */
function findingKey(f: Finding): string {
  if (f.hop && f.affected?.length) return findingIdentity(f)
  const cloud = cloudIndependent(f) ? '' : f.cloud
  return [
    f.ruleId,
    cloud,
    f.unit ?? '',
    f.location.file,
    f.location.startLine,
    f.location.endLine,
    f.resource,
    f.message,
  ].join('\u0000')
}

/** The unit a judgement is, relative to the scan root, with its variant: Finding.unit. */
function unitOf(j: Judgement, root: string): string | undefined {
  if (j.unit === undefined) return undefined
  const rel = toPosix(path.relative(root, j.unit)) || '.'
  return j.label ? `${rel}@${j.label}` : rel
}

/** Where a finding points, to tell when two units report the same lines (a module both call). */
const placeKey = (f: Finding): string =>
  [f.ruleId, f.location.file, f.location.startLine, f.location.endLine, f.resource].join('\u0000')

/**
 * Names the variant, the root module when several report the same lines (a module they share) and, when
 * several clouds are judged, the cloud, so each verdict says what it is about. Sets Finding.unit: findings
 * of two units never merge (each root is applied, and breaks, on its own).
 */
function labelled(
  raw: Finding,
  j: Judgement,
  manyClouds: boolean,
  root: string,
  sharedPlaces: Set<string>,
): Finding {
  // A file-level finding (a parse error) names its file: relative to the scan, like every location shown.
  // ARM ids (live state) look like absolute paths and stay as they are.
  let f =
    path.isAbsolute(raw.resource) && !raw.resource.toLowerCase().startsWith('/subscriptions/')
      ? { ...raw, resource: path.relative(root, raw.resource) || raw.resource }
      : raw
  const unit = raw.format === 'live' ? undefined : unitOf(j, root)
  // Object.assign, not a spread: on Node 20 a spread with fields after it costs ~100 µs per finding.
  if (unit !== undefined) f = Object.assign({}, f, { unit })
  const shared = unit !== undefined && !j.label && sharedPlaces.has(placeKey(raw))
  const parts = [
    manyClouds && !cloudIndependent(raw) ? j.cloud : undefined,
    j.label ? `deployment variant ${j.label}` : undefined,
    shared ? `root module ${unit}` : undefined,
  ].filter(Boolean)
  if (parts.length === 0) return f
  return {
    ...f,
    message: `[${parts.join(', ')}] ${f.message}`,
    resource: j.label ? `${f.resource} (${j.label})` : shared ? `${f.resource} (${unit})` : f.resource,
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
  let overlaid = false
  const deletedIds = [...(deployed?.deletedIds ?? []), ...planDeletes]
  for await (const j of judgements) {
    if (deployed && j.cloud === deployed.cloud) {
      overlaid = true
      yield { ...j, model: overlayModels(deployed.model, j.model, { deletedIds }) }
    } else yield j
  }
  if (deployed && !overlaid) {
    const model =
      deletedIds.length > 0 ? overlayModels(deployed.model, emptyModel(), { deletedIds }) : deployed.model
    yield { model, cloud: deployed.cloud }
  }
}

/** A finding about a resource only the deployed network has: say so, and link it in the portal. */
function markDeployed(f: Finding): Finding {
  if (f.format !== 'live') return f
  return { ...f, deployed: true, link: portalLink(f.location.file, f.cloud) }
}

/**
 * Least time between two progress reports (the first and the last are always made): each one crosses
 * from the scan worker as a message, and one per unit cost a 10 MB scan of ~1,200 root modules 13% of its CPU.
 */
const PROGRESS_EVERY_MS = 100

export async function scan(options: ScanOptions): Promise<ScanResult> {
  const choices: UnitChoice[] = []
  const choose = options.units && unitChooser(options.units)
  const selectUnit = choose
    ? (u: ScanUnit): boolean => {
        const choice = choose(u)
        choices.push(choice)
        return choice.judged
      }
    : undefined
  watchPhase('discovery')
  const hashRoot = options.units?.hashRoot
  const callIndex = hashRoot !== undefined ? new Map<string, FileCalls>() : undefined
  const sources = loadSources(options, selectUnit, callIndex)
  const { root } = sources
  const raw: { finding: Finding; judgement: Judgement }[] = []
  const judged = new Set<CloudName>()
  const appliances = options.config?.config.allowedAppliances ?? []
  const verdicts: SubnetVerdict[] = []
  let unusedRouteTables = 0
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
  for await (const j of withDeployed(sources.judgements, options.deployed, sources.deletedIds)) {
    units++
    tell(false)
    judged.add(j.cloud)
    if (appliances.length > 0) j.model.allowedAppliances = appliances
    // A worker that dies from here on costs this unit (or, for the deployed network alone, the scan).
    watchPhase('analysis', j.subject)
    const analysis = analyze(j.model, j.cloud)
    verdicts.push(...subnetVerdicts(analysis, j.label))
    unusedRouteTables += new Set(analysis.paths.flatMap((p) => (p.subnet ? [] : [p.routeTable?.id]))).size
    for (const finding of runRules({ cloud: j.cloud, model: j.model, analysis, verbose: options.verbose }))
      raw.push({ finding, judgement: j })
    // Judged: what the worker does next (reading the next unit) is no longer this unit's doing.
    watchPhase('sources')
  }
  tell(true)
  watchPhase('report')
  // Skipped files belong to no model: judged once, with the first cloud.
  const fallback: CloudName = [...judged][0] ?? (options.cloud === 'auto' ? 'AzureCloud' : options.cloud)
  const scanLevel: Judgement = {
    model: { ...emptyModel(), diagnostics: sources.diagnostics },
    cloud: fallback,
  }
  for (const finding of runRules({
    cloud: fallback,
    model: scanLevel.model,
    analysis: analyze(scanLevel.model, fallback),
  }))
    raw.push({ finding, judgement: scanLevel })
  stage('analysis and rules')

  const clouds = CLOUDS.filter((c) => judged.has(c))
  const manyClouds = clouds.length > 1
  // Lines reported by more than one unit: their findings name the root module they are about.
  const unitsAt = new Map<string, Set<string | undefined>>()
  for (const { finding, judgement } of raw) {
    if (finding.format === 'live') continue
    const k = placeKey(finding)
    const set = unitsAt.get(k) ?? new Set()
    set.add(judgement.unit)
    unitsAt.set(k, set)
  }
  const sharedPlaces = new Set([...unitsAt].filter(([, u]) => u.size > 1).map(([k]) => k))
  const findings: Finding[] = []
  const seen = new Map<string, Finding>()
  for (const { finding, judgement } of raw) {
    const f = markDeployed(labelled(finding, judgement, manyClouds, root, sharedPlaces))
    // The same finding from two clouds (a parse error) is one finding; from two units it is two.
    const key = findingKey(f)
    const first = seen.get(key)
    if (first) {
      // The same verdict written in two places: the other place is related.
      if (!sameLines(first.location, f.location)) first.related = [...(first.related ?? []), f.location]
      continue
    }
    seen.set(key, f)
    findings.push(f)
  }
  const policy = applyUserPolicy(findings, options.config, sources.repoRoot, sources.boundary)
  // A broken config is reported whatever the config says (it may be what turned a rule off).
  const kept = [...policy.findings, ...configProblemFindings(options.config)]
  kept.sort(compareFindings)
  // Files that could not be read are KMS012 "Skipped" notices, whether discovery or reading left them out.
  const skipped = sources.diagnostics.filter((d) => d.message.startsWith('Skipped this file')).length
  const read = Math.max(0, sources.files - (skipped - sources.skippedAtDiscovery))
  const baseline = options.baseline && applyBaseline(kept, options.baseline, root)
  return {
    verdict: scanVerdict(verdicts, { read, skipped }, unusedRouteTables),
    clouds: clouds.length > 0 ? clouds : [fallback],
    findings: baseline ? baseline.fresh : kept,
    suppressed: policy.suppressed,
    filesScanned: sources.files,
    root,
    ...(baseline ? { baseline: { known: baseline.known.length, fixed: baseline.fixed } } : {}),
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
