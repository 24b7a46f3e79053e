/**
 * The pipeline: sources → network model → analysis → rules. Plain TypeScript with no @actions/*
 * imports, so the action, the CLI and the tests all call exactly this.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { analyze } from './analysis'
import { CLOUDS, cloudFromEnvironment, type CloudName } from './kms/catalogue'
import { emptyModel, mergeModels, type NetworkModel, type SourceDiagnostic } from './model/network'
import { runRules } from './rules'
import type { Finding } from './rules/types'
import type { ScanOptions, ScanResult } from './scan-types'
import { discover, classify, TERRAFORM_KINDS, type DiscoveredFile } from './sources/discover'
import { parseAll, type ParseJob } from './sources/parse-pool'
import { readSource } from './sources/read-source'
import { judgeTemplates, type Judgement, type TemplateFile } from './sources/templates'
import { terraformToModel } from './sources/terraform/adapt'
import type { TerraformEvaluation } from './sources/terraform/evaluated'
import { evaluateTerraform } from './sources/terraform/evaluate'
import { mergePlanWithSources } from './sources/terraform/plan-merge'
import { isTerraformPlan, planToEvaluation } from './sources/plan'
import { overlayModels, portalLink } from './sources/azure/overlay'
import { isIncluded } from './config/apply'
import { applyUserPolicy, configProblemFindings } from './user-policy'

export type { ScanOptions, ScanResult }

function fileStart(file: string): { file: string; startLine: number; endLine: number } {
  return { file, startLine: 1, endLine: 1 }
}

function skippedNotice(file: string, reason: string): SourceDiagnostic {
  return {
    ruleId: 'KMS012',
    severity: 'notice',
    origin: fileStart(file),
    message: `Skipped this file: it ${reason}.`,
  }
}

/** A JSON file that fails to parse is only ours to report when it looks like a template, parameters or a plan. */
function looksLikeIaC(file: string, text: string): boolean {
  return (
    /deploymentTemplate|deploymentParameters|"resource_changes"|"planned_values"/.test(text.slice(0, 8192)) ||
    /(^|[\\/])azuredeploy[^\\/]*\.json$|\.parameters(\.[^.\\/]+)?\.json$/i.test(file)
  )
}

interface LoadedSources {
  judgements: Judgement[]
  diagnostics: SourceDiagnostic[]
  files: number
}

/** Terraform: HCL sources in parse workers, evaluated per root module, joined with any plan. */
async function loadTerraform(
  files: DiscoveredFile[],
  plans: TemplateFile[],
  root: string,
  options: ScanOptions,
  diagnostics: SourceDiagnostic[],
): Promise<Judgement[]> {
  const varFiles = options.varFiles.map((f) => path.resolve(f))
  const jobs: ParseJob[] = files.map((f) => ({ path: f.path, kind: f.kind }))
  for (const v of varFiles) {
    if (!fs.existsSync(v)) throw new Error(`var file not found: ${v}`)
    if (!jobs.some((j) => j.path === v))
      jobs.push({ path: v, kind: classify(v) === 'tfvars-json' ? 'tfvars-json' : 'tfvars' })
  }
  if (jobs.length === 0 && plans.length === 0) return []
  const parsed = await parseAll(jobs, options.workers ?? true)
  for (const r of parsed) if (!r.ok) diagnostics.push(skippedNotice(r.path, r.reason))
  const hcl = parsed.flatMap((r) => (r.ok ? [r.file] : []))
  const fromSources: TerraformEvaluation =
    hcl.length > 0
      ? evaluateTerraform(hcl, { root: fs.statSync(root).isFile() ? path.dirname(root) : root, varFiles })
      : { resources: [], providerEnvironments: [], diagnostics: [] }
  const evaluation = mergePlanWithSources(
    fromSources,
    plans.map((p) => planToEvaluation(p.path, p.text)),
  )
  const model = terraformToModel(evaluation)
  const hinted = new Set(evaluation.providerEnvironments.map(cloudFromEnvironment))
  const clouds: CloudName[] =
    options.cloud !== 'auto'
      ? [options.cloud]
      : CLOUDS.filter((c) => hinted.has(c)).length > 0
        ? CLOUDS.filter((c) => hinted.has(c))
        : ['AzureCloud']
  return clouds.map((cloud) => ({ model, cloud }))
}

/** Reads every source under the root into models, each to be judged under a cloud. */
export async function loadSources(options: ScanOptions): Promise<LoadedSources & { root: string }> {
  const root = path.resolve(options.path)
  if (!fs.existsSync(root)) throw new Error(`path not found: ${options.path}`)
  const found = discover(root)
  const config = options.config?.config
  const repoRoot = path.resolve(options.repoRoot ?? (fs.statSync(root).isFile() ? path.dirname(root) : root))
  if (config) {
    found.files = found.files.filter((f) =>
      isIncluded(path.relative(repoRoot, f.path).split(path.sep).join('/'), config),
    )
  }
  const diagnostics: SourceDiagnostic[] = found.skipped.map((s) => skippedNotice(s.path, s.reason))

  const bicep: TemplateFile[] = []
  const json: TemplateFile[] = []
  const plans: TemplateFile[] = []
  const readText = (file: string, into: TemplateFile[]): void => {
    const read = readSource(file)
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
    if (isTerraformPlan(f.text)) {
      if (!plans.some((p) => p.path === f.path)) plans.push(f)
      continue
    }
    try {
      JSON.parse(f.text)
      templatesAndParams.push(f)
    } catch {
      // jsonc: comments are allowed in templates, so only a file that looks like ours is handed on.
      if (looksLikeIaC(f.path, f.text)) templatesAndParams.push(f)
    }
  }

  const terraformFiles = found.files.filter((f) => TERRAFORM_KINDS.has(f.kind))
  // The config's cloud and var files apply where the inputs leave them open.
  const cloud = options.cloud === 'auto' && config?.cloud ? config.cloud : options.cloud
  const varFiles = [...(config?.varFiles ?? []).map((f) => path.resolve(repoRoot, f)), ...options.varFiles]
  const effective = { ...options, cloud, varFiles }
  const judgements = [
    ...(await loadTerraform(terraformFiles, plans, root, effective, diagnostics)),
    ...(await judgeTemplates(bicep, templatesAndParams, root, cloud)),
  ]
  if (config && config.allowedAppliances.length > 0) {
    for (const j of judgements) j.model.allowedAppliances = config.allowedAppliances
  }
  const files = terraformFiles.length + bicep.length + json.length + (options.varFiles.length ?? 0)
  return { judgements, diagnostics, files, root }
}

function findingKey(f: Finding): string {
  return [
    f.ruleId,
    f.cloud,
    f.location.file,
    f.location.startLine,
    f.location.endLine,
    f.resource,
    f.message,
  ].join('\u0000')
}

/** Names the variant and, when several clouds are judged, the cloud, so each verdict says what it is about. */
function labelled(raw: Finding, j: Judgement, manyClouds: boolean, root: string): Finding {
  // A file-level finding (a parse error) names its file: relative to the scan, like every location shown.
  const f = path.isAbsolute(raw.resource)
    ? { ...raw, resource: path.relative(root, raw.resource) || raw.resource }
    : raw
  const parts = [
    manyClouds ? j.cloud : undefined,
    j.label ? `deployment variant ${j.label}` : undefined,
  ].filter(Boolean)
  if (parts.length === 0) return f
  return {
    ...f,
    message: `[${parts.join(', ')}] ${f.message}`,
    resource: j.label ? `${f.resource} (${j.label})` : f.resource,
  }
}

/**
 * Live state: the IaC of the same cloud is overlaid on the deployed network (it replaces what it
 * defines, the rest completes the picture); with no IaC of that cloud the deployed network is judged alone.
 */
function withDeployed(judgements: Judgement[], deployed: ScanOptions['deployed']): Judgement[] {
  if (!deployed) return judgements
  const opts = { deletedIds: deployed.deletedIds }
  const same = judgements.filter((j) => j.cloud === deployed.cloud)
  if (same.length === 0) return [...judgements, { model: deployed.model, cloud: deployed.cloud }]
  return judgements.map((j) =>
    j.cloud === deployed.cloud ? { ...j, model: overlayModels(deployed.model, j.model, opts) } : j,
  )
}

/** A finding about a resource only the deployed network has: say so, and link it in the portal. */
function markDeployed(f: Finding): Finding {
  if (f.format !== 'live') return f
  return { ...f, deployed: true, link: portalLink(f.location.file, f.cloud) }
}

export async function scan(options: ScanOptions): Promise<ScanResult> {
  const loaded = await loadSources(options)
  const { diagnostics, files, root } = loaded
  const judgements = withDeployed(loaded.judgements, options.deployed)
  // Skipped files belong to no model: judge them once, with the first cloud.
  const scanLevel: Judgement = {
    model: { ...emptyModel(), diagnostics },
    cloud: judgements[0]?.cloud ?? (options.cloud === 'auto' ? 'AzureCloud' : options.cloud),
  }
  const all = [...judgements, scanLevel]
  const clouds = CLOUDS.filter((c) =>
    all.some((j) => j.cloud === c && (j !== scanLevel || judgements.length === 0)),
  )
  const manyClouds = clouds.length > 1
  const findings: Finding[] = []
  const seen = new Set<string>()
  const models: NetworkModel[] = []
  for (const j of all) {
    models.push(j.model)
    const analysis = analyze(j.model, j.cloud)
    for (const raw of runRules({ cloud: j.cloud, model: j.model, analysis })) {
      const f = markDeployed(labelled(raw, j, manyClouds, root))
      // A Terraform model judged under two clouds repeats its cloud-independent findings (a parse error).
      const key = findingKey({ ...f, cloud: raw.ruleId === 'KMS012' ? 'AzureCloud' : f.cloud })
      if (seen.has(key)) continue
      seen.add(key)
      findings.push(f)
    }
  }
  const repoRoot = path.resolve(options.repoRoot ?? (fs.statSync(root).isFile() ? path.dirname(root) : root))
  const policy = applyUserPolicy(
    [...findings, ...configProblemFindings(options.config)],
    options.config,
    repoRoot,
  )
  const kept = policy.findings
  kept.sort(
    (a, b) =>
      a.location.file.localeCompare(b.location.file) ||
      a.location.startLine - b.location.startLine ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.resource.localeCompare(b.resource),
  )
  return {
    clouds: clouds.length > 0 ? clouds : [scanLevel.cloud],
    findings: kept,
    suppressed: policy.suppressed,
    model: models.reduce((into, m) => mergeModels(into, m), emptyModel()),
    filesScanned: files,
    root,
  }
}
