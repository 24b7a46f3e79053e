/**
 * The Terraform source end to end: deployment units (root module + local modules) are parsed one after
 * another, and each unit becomes its own network model. A plan JSON joins the unit whose resources it
 * describes (plan values, .tf locations); a plan that matches no unit is judged on its own.
 */
import * as path from 'node:path'
import * as fs from 'node:fs'
import { CLOUDS, cloudFromEnvironment, type CloudName } from '../../kms/catalogue'
import type { SourceDiagnostic } from '../../model/network'
import { isListedRegular, isListedWithoutTerraformDir, type DiscoveredFile } from '../parsing/discover'
import { ParsePool, type ParseJob, type ParseResult } from '../parsing/parse-pool'
import { keptText, skippedNotice, type ReadBoundary } from '../parsing/read-source'
import { evaluateUnitSync } from '../evaluation/budget'
import { watchPhase } from '../evaluation/unit-watch'
import { isTerraformPlan, planToEvaluation } from '../plan'
import { JUDGEMENT_ORDER, type Judgement, type TemplateFile, type UnitShare } from '../judgement'
import type { ScanUnit } from '../../pipeline/scan-types'
import { terraformToModel } from './adapt'
import type { TerraformEvaluation } from '../evaluation/evaluated'
import { evaluateTerraform, varFileValues } from './evaluate'
import type { HclFile } from './hcl-ast'
import type { DownloadSettings } from './modules/download'
import { InstalledModules } from './modules/installed'
import { MANIFEST } from './modules/manifest'
import { environmentOfPlan } from './plan-environments'
import { mergePlanWithSources } from './plan-merge'
import { terraformUnits, type FileCalls, type TerraformUnit } from './units'

export interface TerraformLoadOptions {
  /** Scan root (absolute directory). */
  root: string
  /** The user's var files (absolute), in precedence order. */
  varFiles: string[]
  cloud: CloudName | 'auto'
  /** The config's cloud for a root module directory (absolute), if it names one. */
  cloudForDir?: (dir: string) => CloudName | 'auto' | undefined
  /** What the scan may read (files, and what file() names). */
  boundary: ReadBoundary
  /** Set: fetch registry and git modules that `terraform init` has not installed (--download-modules). */
  downloadModules?: DownloadSettings
  /** False for a unit leaves it unparsed and unjudged (ScanOptions.units, src/compare/units.ts). */
  selectUnit?: (unit: ScanUnit) => boolean
  /** Filled with each .tf file's blob id and module calls (ScanResult.terraformCalls). */
  callIndex?: Map<string, FileCalls>
  /** Set when several workers share the scan: the units this one judges (src/pipeline/shares.ts). */
  share?: UnitShare
}

function cloudsOf(
  evaluation: TerraformEvaluation,
  unitRoot: string,
  opts: TerraformLoadOptions,
): CloudName[] {
  if (opts.cloud !== 'auto') return [opts.cloud]
  const configured = opts.cloudForDir?.(unitRoot)
  if (configured && configured !== 'auto') return [configured]
  const hinted = new Set(evaluation.providerEnvironments.map(cloudFromEnvironment))
  const clouds = CLOUDS.filter((c) => hinted.has(c))
  return clouds.length > 0 ? clouds : ['AzureCloud']
}

interface PlanCandidate {
  file?: string
  /** Its key in the scan worker's watch (Judgement.subject). */
  subject: string
  evaluation: TerraformEvaluation
  addresses: Set<string>
  used: boolean
}

/** The unused plan sharing the most resource addresses with the unit, if any. */
function planFor(
  evaluation: TerraformEvaluation,
  plans: PlanCandidate[],
  accepts: (p: PlanCandidate) => boolean,
): PlanCandidate | undefined {
  let best: PlanCandidate | undefined
  let bestCount = 0
  for (const p of plans) {
    if (p.used || !accepts(p)) continue
    let count = 0
    for (const r of evaluation.resources) if (p.addresses.has(r.address)) count++
    if (count > bestCount) {
      best = p
      bestCount = count
    }
  }
  return best
}

const emptyEvaluation = (): TerraformEvaluation => ({
  resources: [],
  providerEnvironments: [],
  diagnostics: [],
})

export async function* terraformJudgements(
  files: DiscoveredFile[],
  varFiles: ParseJob[],
  planFiles: TemplateFile[],
  opts: TerraformLoadOptions,
  diagnostics: SourceDiagnostic[],
): AsyncGenerator<Judgement> {
  const plans: PlanCandidate[] = planFiles
    .filter((p) => isTerraformPlan(p.text))
    .map((p) => {
      const at = { file: p.path, startLine: 1, endLine: 1 }
      const run = evaluateUnitSync(at, 'this Terraform plan', () => planToEvaluation(p.path, p.text))
      const evaluation = run.value ?? emptyEvaluation()
      evaluation.diagnostics.push(...run.problems)
      return {
        file: p.path,
        subject: run.subject,
        evaluation,
        addresses: new Set(evaluation.resources.map((r) => r.address)),
        used: false,
      }
    })
  // Registry and git modules `terraform init` installed (or, when asked, downloaded now) are parsed
  // with the unit that calls them.
  watchPhase('discovery')
  const installed = new InstalledModules(opts.root)
  const units: TerraformUnit[] = []
  // Loaded only when asked for: the downloader brings tar, zip, HTTP and git code the worker need not parse.
  const downloader = opts.downloadModules
    ? new (await import('./modules/download')).ModuleDownloader(
        fs.realpathSync(opts.root),
        opts.downloadModules,
      )
    : undefined
  // Downloaded module packages live in our own cache folder, outside the scan root: readable too.
  const boundary = downloader
    ? { ...opts.boundary, roots: [...opts.boundary.roots, downloader.cacheDir] }
    : opts.boundary
  // Texts read to find the module calls (as bytes: see keptText), handed to the parser and dropped once parsed.
  const texts = new Map<string, Buffer>()
  const sizes = opts.share ? new Map<string, number>() : undefined
  try {
    for (const u of terraformUnits(files, boundary, texts, opts.callIndex, sizes, opts.root, opts.varFiles)) {
      // A root whose folder discovery listed without a `.terraform` entry has no manifest to look for.
      const uninitialised = u.files.some(
        (f) => isListedWithoutTerraformDir(f) && path.dirname(f.path) === u.root,
      )
      let more = uninitialised ? [] : installed.readManifest(u.root, diagnostics)
      if (downloader && !installed.has(u.root)) {
        const got = await downloader.forRoot(u.root)
        more = installed.add(u.root, got.modules, 'download', downloader.cacheDir, got.failed)
      }
      units.push(more.length > 0 ? { ...u, files: [...u.files, ...more] } : u)
    }
  } finally {
    downloader?.close()
  }
  const judge = (
    evaluation: TerraformEvaluation,
    unitRoot: string,
    subject: string,
    order: number,
    label?: string,
  ): Judgement[] => {
    watchPhase('model', subject)
    const model = terraformToModel(evaluation)
    return cloudsOf(evaluation, unitRoot, opts).map((cloud) => ({
      model,
      cloud,
      unit: unitRoot,
      subject,
      order,
      ...(label !== undefined ? { label } : {}),
    }))
  }
  // Plans are matched to units in scan order across all units: one worker judges them all then.
  if (plans.length > 0) opts.share?.lead()
  // Files a unit reads but terraformUnits did not (JSON, var files) weigh as a small file.
  const mine =
    opts.share?.take(units.map((u) => u.files.reduce((n, f) => n + (sizes?.get(f.path) ?? 1000), 0))) ??
    units.map(() => true)

  const pool = new ParsePool()
  try {
    // Files several units share (a module every landing zone calls, the var files) are parsed once.
    const useCount = new Map<string, number>()
    units.forEach((u, i) => {
      if (mine[i]) for (const f of u.files) useCount.set(f.path, (useCount.get(f.path) ?? 0) + 1)
    })
    const shared = new Map<string, Promise<ParseResult>>()
    const reported = new Set<string>()
    const varResults = pool.parse(varFiles)

    const job = (f: DiscoveredFile): ParseJob => {
      const bytes = texts.get(f.path)
      texts.delete(f.path)
      if (bytes === undefined) return { ...f, boundary, regular: isListedRegular(f) }
      return { ...f, boundary, text: keptText(bytes) }
    }
    const parseUnit = (unit: TerraformUnit): Promise<ParseResult[]> => {
      const own = unit.files.filter((f) => (useCount.get(f.path) ?? 0) < 2)
      const common = unit.files.filter((f) => (useCount.get(f.path) ?? 0) >= 2)
      const fresh = common.filter((f) => !shared.has(f.path))
      if (fresh.length > 0) {
        const parsed = pool.parse(fresh.map(job))
        fresh.forEach((f, i) =>
          shared.set(
            f.path,
            parsed.then((r) => r[i]),
          ),
        )
      }
      return Promise.all([pool.parse(own.map(job)), ...common.map((f) => shared.get(f.path)!)]).then(
        ([mine, ...rest]) => [...mine, ...rest],
      )
    }

    const vars = await varResults
    const varHcl: HclFile[] = []
    for (const r of vars) {
      if (r.ok) varHcl.push(r.file)
      else diagnostics.push(skippedNotice(r.path, r.reason))
    }

    // One unit's syntax trees at a time (files shared by several units are kept, parsed once).
    for (let i = 0; i < units.length; i++) {
      // The module manifest is an input too: it names the directory each module key is read from; so is
      // the workspace `terraform workspace select` recorded (terraform.workspace, evaluation-state.ts).
      const manifest = path.join(units[i].root, MANIFEST)
      const workspace = path.join(units[i].root, '.terraform', 'environment')
      const selected =
        mine[i] &&
        (opts.selectUnit?.({
          kind: 'terraform',
          root: units[i].root,
          files: [
            ...units[i].files.map((f) => f.path),
            ...(installed.has(units[i].root) ? [manifest] : []),
            ...(fs.existsSync(workspace) ? [workspace] : []),
          ],
          varFiles: opts.varFiles,
        }) ??
          true)
      if (!selected) {
        // Another worker's unit: drop the texts none of this worker's units reads.
        const keep = mine[i] ? 2 : 1
        for (const f of units[i].files) if ((useCount.get(f.path) ?? 0) < keep) texts.delete(f.path)
        continue
      }
      opts.share?.enter(JUDGEMENT_ORDER.terraform + i)
      const results = await parseUnit(units[i])
      const hcl: HclFile[] = [...varHcl]
      for (const r of results) {
        if (r.ok) hcl.push(r.file)
        else if (!reported.has(r.path)) {
          reported.add(r.path)
          diagnostics.push(skippedNotice(r.path, r.reason, r.line))
        }
      }
      // One root module is one unit: its own budget; an overrun or a crash costs it alone. A root with
      // environments (environments.ts) is judged once per environment, each with its own budget.
      const first = units[i].files[0]?.path ?? units[i].root
      const rootName = path.relative(opts.root, units[i].root) || '.'
      const envs = units[i].environments
      // A plan describes one environment: it is merged into the one it was made with, or into none.
      const envValues = envs?.map((env) =>
        varFileValues(env.files.map((f) => hcl.find((h) => h.path === f)).filter((h) => h !== undefined)),
      )
      const planFits = (k: number) => (p: PlanCandidate) =>
        !envValues || environmentOfPlan(p.evaluation.planVariables, envValues) === k
      for (const [k, env] of (envs ?? [undefined]).entries()) {
        const run = evaluateUnitSync(
          { file: first, startLine: 1, endLine: 1 },
          `the Terraform root module ${rootName}${env ? ` with ${env.label}` : ''}`,
          () =>
            evaluateTerraform(hcl, {
              root: opts.root,
              varFiles: env ? [...env.files, ...opts.varFiles] : opts.varFiles,
              boundary,
              modules: installed,
            }),
        )
        const fromSources = run.value ?? emptyEvaluation()
        fromSources.diagnostics.push(...run.problems)
        const plan = planFor(fromSources, plans, planFits(k))
        if (plan) plan.used = true
        const evaluation = plan ? mergePlanWithSources(fromSources, [plan.evaluation]) : fromSources
        yield* judge(evaluation, units[i].root, run.subject, JUDGEMENT_ORDER.terraform + i, env?.label)
      }
      watchPhase('sources')
    }
    // Plans no unit took, judged on their own (by the one worker that judged the units, see lead()).
    const mineToo = opts.share?.take(plans.map(() => 0)) ?? plans.map(() => true)
    let k = 0
    for (const [n, p] of plans.entries()) {
      if (p.used) continue
      const order = JUDGEMENT_ORDER.plan + k++
      if (!mineToo[n]) continue
      opts.share?.enter(order)
      yield* judge(p.evaluation, p.file ?? opts.root, p.subject, order)
    }
  } finally {
    await pool.close()
  }
}
