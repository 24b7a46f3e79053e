/**
 * The ARM JSON template source: finds templates among the scanned files, pairs each with its parameter
 * files (variants) and evaluates it into ARM resource shapes for src/sources/mapping/arm-shapes.ts.
 */
import * as path from 'node:path'
import type { CloudName } from '../../kms/catalogue'
import { makeBoundary, readSource, type ReadBoundary } from '../parsing/read-source'
import { parseJson } from '../parsing/json-lines'
import { evaluateUnitSync } from '../evaluation/budget'
import { parsingFile, watchPhase } from '../evaluation/unit-watch'
import { parameterFilesOf, readParameterFile } from './parameters'
import { TemplateLevel, type DeploymentSink } from './template'
import type { ArmDeployment } from './types'
import type { HclValue } from '../evaluation/evaluated'
import { isArmTemplate } from './template-kind'

export type { ArmDeployment, ArmDiagnostic, ArmResourceInput } from './types'
export { isArmTemplate }

export interface ArmOptions {
  /** Scan root: model ids are relative to it. */
  root: string
  /** The cloud judged: `environment().name`. */
  cloud: CloudName
  /** What linked templates and parameter files may be read from; default: the scan root. */
  boundary?: ReadBoundary
}

function relative(root: string, file: string): string {
  const rel = path.relative(root, file)
  return (rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? file : rel).split(path.sep).join('/')
}

/** runTemplate as one unit: its own budget; an overrun or a crash costs this deployment alone, named. */
function runUnit(...args: Parameters<typeof runTemplate>): ArmDeployment {
  const [file, , , , , variant] = args
  const run = evaluateUnitSync(
    { file, startLine: 1, endLine: 1 },
    `the ARM template ${path.basename(file)}`,
    () => runTemplate(...args),
  )
  const deployment: ArmDeployment = run.value ?? { entry: file, resources: [], diagnostics: [], unread: [] }
  if (!run.value && variant) deployment.variant = variant.name
  deployment.diagnostics.push(...run.problems)
  deployment.subject = run.subject
  // Its model is built when the scan draws it (src/sources/templates.ts); the next template is read now.
  watchPhase('sources')
  return deployment
}

function runTemplate(
  file: string,
  text: string,
  options: ArmOptions,
  files: Map<string, string>,
  linked: Set<string>,
  variant?: { name: string; values: Map<string, HclValue> },
): ArmDeployment {
  const deployment: ArmDeployment = { entry: file, resources: [], diagnostics: [], unread: [] }
  if (variant) deployment.variant = variant.name
  const parsed = parseJson(file, text)
  if (!parsed.ok) {
    deployment.diagnostics.push({
      ruleId: 'KMS012',
      origin: { file, startLine: parsed.line, endLine: parsed.line },
      message: `Cannot read this ARM template: ${parsed.message}.`,
    })
    return deployment
  }
  const sink: DeploymentSink = {
    cloud: options.cloud,
    idBase: relative(options.root, file) + (variant ? `@${variant.name}` : ''),
    resources: deployment.resources,
    diagnostics: deployment.diagnostics,
    unread: deployment.unread,
    instances: [],
    usedIds: new Set(),
    readFile: (p) => {
      const text = files.get(p)
      return text !== undefined ? { ok: true, text } : readSource(p, boundaryOf(options))
    },
    linked,
    running: [file],
  }
  if (variant) sink.variant = variant.name
  new TemplateLevel(sink, parsed.doc, parsed.doc.root, variant?.values ?? new Map(), '').run()
  if (sink.cyclic) deployment.cyclic = true
  return deployment
}

const boundaryOf = (options: ArmOptions): ReadBoundary => options.boundary ?? makeBoundary([options.root])

/**
 * Every template among `files`, once per parameter file beside it (or once with default values when it has
 * none). Templates another template links by relative path are judged only through that link, with the
 * parameters it passes.
 */
export function evaluateArmTemplates(
  files: { path: string; text: string }[],
  options: ArmOptions,
): ArmDeployment[] {
  const byPath = new Map(files.map((f) => [f.path, f.text]))
  const linked = new Set<string>()
  const out: ArmDeployment[] = []
  for (const f of files) {
    if (!isArmTemplate(f.text)) continue
    const paramFiles = parameterFilesOf(f.path, byPath, boundaryOf(options))
    if (paramFiles.length === 0) {
      out.push(runUnit(f.path, f.text, options, byPath, linked))
      continue
    }
    for (const p of paramFiles) {
      const name = path.basename(p.path)
      const values = parsingFile(
        p.path,
        () => readParameterFile(p.path, p.text),
        (why) => ({ ok: false as const, line: 1, message: why }),
      )
      if (!values.ok) {
        out.push({
          entry: f.path,
          variant: name,
          resources: [],
          unread: [],
          diagnostics: [
            {
              ruleId: 'KMS012',
              origin: { file: p.path, startLine: values.line, endLine: values.line },
              message: `Cannot read this parameter file: ${values.message}.`,
            },
          ],
        })
        continue
      }
      out.push(runUnit(f.path, f.text, options, byPath, linked, { name, values: values.values }))
    }
  }
  return out.filter((d) => !linked.has(d.entry) || d.variant !== undefined || d.cyclic)
}
