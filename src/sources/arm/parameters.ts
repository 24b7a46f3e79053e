/**
 * Parameter files beside a template: `main.parameters.json`, `main.parameters.prod.json` for `main.json`
 * (and so `azuredeploy.parameters.json` for `azuredeploy.json`). Each one is a deployment variant judged on
 * its own, since each environment gets a different network.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { HclValue } from '../evaluation/evaluated'
import { readSource, type ReadBoundary } from '../parsing/read-source'
import { entries, literal, originOf, parseJson, prop, type JsonDoc } from '../parsing/json-lines'
import { unk } from './values'

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Is this file name a parameter file of that template? */
export function isParameterFileOf(template: string, candidate: string): boolean {
  if (path.dirname(template) !== path.dirname(candidate)) return false
  const stem = path.basename(template).replace(/\.jsonc?$/i, '')
  return new RegExp(`^${escape(stem)}\\.parameters(\\.[^.]+)?\\.json$`, 'i').test(path.basename(candidate))
}

/**
 * The parameter files of a template, sorted by name: those among the scanned files, then those on disk
 * beside it (a scan of changed files may not include an unchanged parameter file).
 */
export function parameterFilesOf(
  template: string,
  files: Map<string, string>,
  boundary: ReadBoundary,
): { path: string; text: string }[] {
  const found = new Map<string, string>()
  for (const [p, text] of files) if (isParameterFileOf(template, p)) found.set(p, text)
  let names: string[] = []
  try {
    names = fs.readdirSync(path.dirname(template))
  } catch {
    // A template given as text only (tests, stdin) has no directory to look in.
  }
  for (const n of names) {
    const p = path.join(path.dirname(template), n)
    if (found.has(p) || !isParameterFileOf(template, p)) continue
    // Through the read boundary: a parameter file linked out of the root, or not a file, is absent.
    const read = readSource(p, boundary)
    if (read.ok) found.set(p, read.text)
  }
  return [...found.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([p, text]) => ({ path: p, text }))
}

export type ParameterValues =
  { ok: true; values: Map<string, HclValue> } | { ok: false; line: number; message: string }

/**
 * The values a parameter file sets (lower-case names). Values are literals; a Key Vault `reference` is
 * resolved only at deployment and so is unknown.
 */
export function readParameterFile(file: string, text: string): ParameterValues {
  const parsed = parseJson(file, text)
  if (!parsed.ok) return parsed
  const doc: JsonDoc = parsed.doc
  const values = new Map<string, HclValue>()
  for (const [name, node] of entries(prop(doc.root, 'parameters'))) {
    const value = prop(node, 'value')
    values.set(
      name.toLowerCase(),
      value
        ? literal(doc, value)
        : unk(`parameters.${name}`, 'a Key Vault reference is resolved at deployment', originOf(doc, node)),
    )
  }
  return { ok: true, values }
}
