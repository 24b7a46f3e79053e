/**
 * Splits a scan's Bicep files into deployment units before anything is parsed: an entry template with
 * the local modules it reaches, its .bicepparam files and the ARM parameter files beside it. Units are
 * evaluated one after another, so only one unit's syntax trees are alive at a time. Read from the text;
 * the evaluator still resolves modules from the tree.
 */
import * as path from 'node:path'
import { callGraphUnits } from '../evaluation/call-graph'
import type { TemplateFile } from '../judgement'

/** A source file's path and text. */
type TextFile = TemplateFile

// `module x'../m.bicep'` needs no space before the path.
const LOCAL_MODULE = /^\s*module\s+\w+\s*'([^'$]+\.bicep)'/gm
const USING = /^\s*using\s+'([^']+\.bicep)'/m
const PARAMS_JSON = /^(.+)\.parameters(?:\.[^.]+)?\.json$/i

function localModules(f: TextFile): string[] {
  const out: string[] = []
  for (const m of f.text.matchAll(LOCAL_MODULE)) {
    if (!/^(br[:/]|ts[:/])/i.test(m[1])) out.push(path.resolve(path.dirname(f.path), m[1]))
  }
  return out
}

/**
 * `<dir>/<base>.bicep` for a parameter file in <dir>. Built with path.format: ncc's asset relocation
 * takes `path.resolve(…, \`${x}.bicep\`)` for a file to ship and copies every .bicep it can find into dist/.
 */
export function templateBeside(file: string, base: string): string {
  return path.format({ dir: path.dirname(path.resolve(file)), name: base, ext: '.bicep' })
}

/** Units of Bicep files; JSON files go along only as parameter files of a unit's entry. */
export function bicepUnits(bicep: TextFile[], json: TextFile[]): TextFile[][] {
  const templates = new Map(
    bicep.filter((f) => f.path.endsWith('.bicep')).map((f) => [path.resolve(f.path), f]),
  )
  const calls = new Map(
    [...templates].map(([p, f]) => [p, localModules(f).filter((m) => m !== p && templates.has(m))]),
  )
  const paramsOf = new Map<string, TextFile[]>()
  const placed = new Set<TextFile>()
  const addParams = (entry: string, f: TextFile): void => {
    paramsOf.set(entry, [...(paramsOf.get(entry) ?? []), f])
  }
  for (const f of bicep) {
    if (!f.path.endsWith('.bicepparam')) continue
    const using = USING.exec(f.text)?.[1]
    if (using) addParams(path.resolve(path.dirname(f.path), using), f)
  }
  for (const f of json) {
    const base = PARAMS_JSON.exec(path.basename(f.path))?.[1]
    if (base) addParams(templateBeside(f.path, base), f)
  }
  const units: TextFile[][] = []
  for (const { members } of callGraphUnits([...templates.keys()].sort(), calls)) {
    const files = members.flatMap((p) => [templates.get(p)!, ...(paramsOf.get(p) ?? [])])
    files.forEach((f) => placed.add(f))
    units.push(files)
  }
  // A .bicepparam whose template is not scanned still gets its diagnostic from the evaluator.
  const strays = bicep.filter((f) => f.path.endsWith('.bicepparam') && !placed.has(f))
  if (strays.length > 0) units.push(strays)
  return units
}
