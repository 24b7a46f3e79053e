/**
 * Which deployments a set of Bicep files makes, and evaluating each: entry templates (.bicep files no other
 * scanned file uses as a local module) × their parameter variants (.bicepparam files that `using` them,
 * ARM parameter files with the same base name) × the clouds asked for. A variant is judged on its own:
 * prod may route KMS correctly while dev does not.
 */
import * as path from 'node:path'
import { templateBeside } from './units'
import * as jsonc from 'jsonc-parser'
import { LineIndex } from '../parsing/json-lines'
import type { CloudName } from '../../kms/catalogue'
import type { Origin } from '../../model/value'
import { fromJson } from '../evaluation/value-tree'
import { toV } from './expressions'
import { literalString } from './string-literals'
import { Template } from './template'
import { parseBicep } from './parser'
import { kids, type ParsedFile } from './syntax'
import type { BicepDeployment, BicepDiagnostic, DeploymentContext } from './types'
import { vUnknown, type V } from './values'

export interface EvaluateOptions {
  root: string
  clouds: CloudName[]
}

/** A parameter source for one entry: what it sets, or why it cannot be read. */
interface Variant {
  name?: string
  /** Evaluates the parameter values for one cloud (a .bicepparam may call environment()). */
  inputs: (cloud: CloudName) => Map<string, V>
  diagnostics: BicepDiagnostic[]
  /** Set when the file is unreadable: parameters are then unknown rather than defaulted. */
  broken?: string
}

const PARAMS_JSON = /^(.+)\.parameters(?:\.[^.]+)?\.json$/i

function lineOrigin(file: string, line = 1): Origin {
  return { file, startLine: line, endLine: line }
}

function localModulePaths(file: ParsedFile): string[] {
  const out: string[] = []
  for (const stmt of kids(file.root)) {
    if (stmt.type !== 'module_declaration') continue
    const source = literalString(kids(stmt).find((k) => k.type === 'string'))
    if (source && !/^(br[:/]|ts[:/])/i.test(source)) out.push(path.resolve(path.dirname(file.path), source))
  }
  return out
}

function bicepparamVariant(
  file: ParsedFile,
  bicepFiles: Map<string, ParsedFile>,
): { entry?: string; variant: Variant } {
  const name = path.basename(file.path)
  const diagnostics: BicepDiagnostic[] = []
  const using = kids(file.root).find((k) => k.type === 'using_statement')
  const target = using ? literalString(kids(using).find((k) => k.type === 'string')) : undefined
  const entry = target ? path.resolve(path.dirname(file.path), target) : undefined
  if (file.syntaxError) diagnostics.push({ ruleId: 'KMS012', ...file.syntaxError })
  if (!entry)
    diagnostics.push({
      ruleId: 'KMS012',
      origin: lineOrigin(file.path),
      message: `${name}: no \`using '<template>.bicep'\` statement; the parameter file is not evaluated`,
    })
  const paramNames = [...file.text.matchAll(/^[ \t]*param\s+([A-Za-z_][A-Za-z0-9_]*)\s*=/gm)].map((m) => m[1])
  const variant: Variant = {
    name,
    diagnostics,
    inputs: (cloud) => {
      // A .bicepparam file is a template whose parameters all have values: evaluate them.
      const ctx: DeploymentContext = {
        cloud,
        files: bicepFiles,
        idPrefix: `${name}::`,
        resources: [],
        diagnostics: [],
        unread: [],
        reported: new Set([file.path]),
      }
      const t = new Template(ctx, file, new Map(), '', [])
      const inputs = new Map<string, V>()
      for (const p of paramNames) {
        const v = t.symbol(p)
        inputs.set(p, 'kind' in v ? v : toV(v, { site: lineOrigin(file.path) }))
      }
      return inputs
    },
  }
  return { entry, variant }
}

function jsonVariant(file: { path: string; text: string }): Variant {
  const name = path.basename(file.path)
  const errors: jsonc.ParseError[] = []
  const data = jsonc.parse(file.text, errors, { allowTrailingComma: true }) as unknown
  const params =
    data && typeof data === 'object' && !Array.isArray(data)
      ? (data as { parameters?: unknown }).parameters
      : undefined
  if (errors.length > 0 || !params || typeof params !== 'object' || Array.isArray(params)) {
    const line = new LineIndex(file.text).line(errors[0]?.offset ?? 0)
    const why =
      errors.length > 0
        ? `invalid JSON (${jsonc.printParseErrorCode(errors[0].error)})`
        : 'no "parameters" object'
    const message = `${name}: ${why}; the parameter file is not evaluated`
    return {
      name,
      diagnostics: [{ ruleId: 'KMS012', origin: lineOrigin(file.path, line), message }],
      inputs: () => new Map(),
      broken: `parameter file ${name} cannot be read`,
    }
  }
  const origin = lineOrigin(file.path)
  return {
    name,
    diagnostics: [],
    inputs: () => {
      const inputs = new Map<string, V>()
      for (const [k, entry] of Object.entries(params as Record<string, unknown>)) {
        if (entry && typeof entry === 'object' && 'value' in entry)
          inputs.set(k, fromJson((entry as { value: unknown }).value, origin))
        else if (entry && typeof entry === 'object' && 'reference' in entry)
          inputs.set(k, vUnknown(k, 'Key Vault reference, read at deployment', origin))
      }
      return inputs
    },
  }
}

function evaluateOne(
  entry: ParsedFile,
  variant: Variant,
  cloud: CloudName,
  bicepFiles: Map<string, ParsedFile>,
  root: string,
): BicepDeployment {
  const rel = path.relative(root, entry.path).split(path.sep).join('/')
  const ctx: DeploymentContext = {
    cloud,
    files: bicepFiles,
    idPrefix: `${rel}::`,
    resources: [],
    diagnostics: [...variant.diagnostics],
    unread: [],
    reported: new Set(),
  }
  if (variant.name !== undefined) ctx.variant = variant.name
  const deployment: BicepDeployment = {
    entry: entry.path,
    cloud,
    resources: ctx.resources,
    diagnostics: ctx.diagnostics,
    unread: ctx.unread,
  }
  if (variant.name !== undefined) deployment.variant = variant.name
  if (entry.syntaxError) {
    ctx.reported.add(entry.path)
    ctx.diagnostics.push({ ruleId: 'KMS012', ...entry.syntaxError })
  }
  try {
    const template = new Template(ctx, entry, variant.inputs(cloud), '', [entry.path], variant.broken)
    template.run()
  } catch (e) {
    // A bug here must not sink the scan: report it where the template is, and keep what was evaluated.
    ctx.diagnostics.push({
      ruleId: 'KMS012',
      origin: lineOrigin(entry.path),
      message: `${rel}: evaluation stopped (${e instanceof Error ? e.message : String(e)})`,
    })
  }
  return deployment
}

export async function evaluateBicep(
  files: { path: string; text: string }[],
  options: EvaluateOptions,
): Promise<BicepDeployment[]> {
  const root = path.resolve(options.root)
  const bicepFiles = new Map<string, ParsedFile>()
  const paramFiles: ParsedFile[] = []
  const jsonFiles: { path: string; text: string }[] = []
  const out: BicepDeployment[] = []
  const unparsed: BicepDiagnostic[] = []
  for (const f of files) {
    const abs = path.resolve(root, f.path)
    const lower = abs.toLowerCase()
    if (!lower.endsWith('.bicep') && !lower.endsWith('.bicepparam')) {
      if (PARAMS_JSON.test(path.basename(abs))) jsonFiles.push({ path: abs, text: f.text })
      continue
    }
    try {
      const parsed = parseBicep(abs, f.text)
      if (lower.endsWith('.bicep')) bicepFiles.set(abs, parsed)
      else paramFiles.push(parsed)
    } catch (e) {
      unparsed.push({
        ruleId: 'KMS012',
        origin: lineOrigin(abs),
        message: `${path.basename(abs)} cannot be parsed (${e instanceof Error ? e.message : String(e)})`,
      })
    }
  }
  const used = new Set<string>()
  for (const f of bicepFiles.values()) for (const m of localModulePaths(f)) if (m !== f.path) used.add(m)
  const variants = new Map<string, Variant[]>()
  const add = (entry: string, v: Variant) => variants.set(entry, [...(variants.get(entry) ?? []), v])
  for (const pf of paramFiles) {
    const { entry, variant } = bicepparamVariant(pf, bicepFiles)
    if (entry && bicepFiles.has(entry)) add(entry, variant)
    else
      unparsed.push(
        ...variant.diagnostics,
        ...(entry
          ? [
              {
                ruleId: 'KMS012' as const,
                origin: lineOrigin(pf.path),
                message: `${path.basename(pf.path)}: template ${path.relative(root, entry)} is not among the scanned files`,
              },
            ]
          : []),
      )
  }
  for (const jf of jsonFiles) {
    const base = PARAMS_JSON.exec(path.basename(jf.path))![1]
    const entry = templateBeside(jf.path, base)
    if (bicepFiles.has(entry)) add(entry, jsonVariant(jf))
  }
  const entries = [...bicepFiles.keys()].filter((p) => !used.has(p)).sort()
  for (const entryPath of entries) {
    const entry = bicepFiles.get(entryPath)!
    const vs: Variant[] = variants.get(entryPath) ?? [{ inputs: () => new Map(), diagnostics: [] }]
    vs.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''))
    for (const v of vs)
      for (const cloud of options.clouds) out.push(evaluateOne(entry, v, cloud, bicepFiles, root))
  }
  if (unparsed.length > 0) {
    // Diagnostics that belong to no deployment ride on the first one, or on a deployment of their own.
    if (out[0]) out[0].diagnostics.push(...unparsed)
    else
      out.push({
        entry: unparsed[0].origin.file,
        cloud: options.clouds[0] ?? 'AzureCloud',
        resources: [],
        diagnostics: unparsed,
        unread: [],
      })
  }
  return out
}
