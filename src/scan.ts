/**
 * The pipeline: sources → network model → analysis → rules. Plain TypeScript with no @actions/*
 * imports, so the action, the CLI and the tests all call exactly this.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { analyze } from './analysis'
import { CLOUDS, cloudFromEnvironment, type CloudName } from './kms/catalogue'
import { emptyModel, type NetworkModel, type SourceDiagnostic } from './model/network'
import { runRules } from './rules'
import type { Finding } from './rules/types'
import type { ScanOptions, ScanResult } from './scan-types'
import { discover, classify } from './sources/discover'
import { parseAll, type ParseJob } from './sources/parse-pool'
import { terraformToModel } from './sources/terraform/adapt'
import { evaluateTerraform } from './sources/terraform/evaluate'

export type { ScanOptions, ScanResult }

function wholeFile(file: string): { file: string; startLine: number; endLine: number } {
  return { file, startLine: 1, endLine: 1 }
}

/** Reads, parses and evaluates every source under the root into one network model. */
export async function buildModel(options: ScanOptions): Promise<{ model: NetworkModel; root: string; files: number }> {
  const root = path.resolve(options.path)
  if (!fs.existsSync(root)) throw new Error(`path not found: ${options.path}`)
  const found = discover(root)
  const varFiles = options.varFiles.map((f) => path.resolve(f))
  const jobs: ParseJob[] = found.files.map((f) => ({ path: f.path, kind: f.kind }))
  for (const v of varFiles) {
    if (!fs.existsSync(v)) throw new Error(`var file not found: ${v}`)
    if (!jobs.some((j) => j.path === v)) jobs.push({ path: v, kind: classify(v) === 'tfvars-json' ? 'tfvars-json' : 'tfvars' })
  }

  const parsed = await parseAll(jobs, options.workers ?? true)
  const diagnostics: SourceDiagnostic[] = []
  for (const s of found.skipped) {
    diagnostics.push({ ruleId: 'KMS012', severity: 'notice', origin: wholeFile(s.path), message: `Skipped ${s.path}: it ${s.reason}.` })
  }
  for (const r of parsed) {
    if (!r.ok) {
      diagnostics.push({
        ruleId: 'KMS012',
        severity: 'notice',
        origin: wholeFile(r.path),
        message: `Skipped this file: it ${r.reason}.`,
      })
    }
  }
  const files = parsed.flatMap((r) => (r.ok ? [r.file] : []))
  const model = emptyModel()
  if (files.length > 0) {
    const evaluation = evaluateTerraform(files, { root: fs.statSync(root).isFile() ? path.dirname(root) : root, varFiles })
    const tfModel = terraformToModel(evaluation)
    Object.assign(model, tfModel)
    for (const env of evaluation.providerEnvironments) {
      const c = cloudFromEnvironment(env)
      if (c && !model.cloudHints.includes(c)) model.cloudHints.push(c)
    }
  }
  model.diagnostics.push(...diagnostics)
  return { model, root, files: jobs.length }
}

/** `auto` means the clouds the sources target (azurerm provider `environment`), else AzureCloud. */
export function cloudsToJudge(option: ScanOptions['cloud'], model: NetworkModel): CloudName[] {
  if (option !== 'auto') return [option]
  const hinted = CLOUDS.filter((c) => model.cloudHints.includes(c))
  return hinted.length > 0 ? hinted : ['AzureCloud']
}

function findingKey(f: Finding): string {
  return [f.ruleId, f.location.file, f.location.startLine, f.location.endLine, f.resource, f.message].join('\u0000')
}

export async function scan(options: ScanOptions): Promise<ScanResult> {
  const { model, root, files } = await buildModel(options)
  const clouds = cloudsToJudge(options.cloud, model)
  const findings: Finding[] = []
  const seen = new Set<string>()
  for (const cloud of clouds) {
    const analysis = analyze(model, cloud)
    for (const f of runRules({ cloud, model, analysis })) {
      // Cloud-independent findings (a parse error) would otherwise repeat once per cloud.
      const key = findingKey(f)
      if (seen.has(key)) continue
      seen.add(key)
      findings.push(f)
    }
  }
  return { clouds, findings, model, filesScanned: files, root }
}
