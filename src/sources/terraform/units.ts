/**
 * Splits a scan's Terraform files into deployment units: a root module with the local modules it
 * calls, var files and all. Each unit is judged on its own, as Terraform applies it on its own (its
 * own state); this is also what keeps memory bounded on large repositories, since only one unit's
 * syntax trees and values are alive at a time, and what keeps two root modules that both declare
 * `azurerm_firewall.hub` from being taken for one.
 *
 * The call graph is read from the text (`module "x" { source = "./..." }`) before anything is parsed,
 * so units can be parsed one after another; the evaluator still resolves the calls from the syntax tree.
 */
import { createHash } from 'node:crypto'
import * as path from 'node:path'
import { isListedRegular, type DiscoveredFile } from '../parsing/discover'
import { callGraphUnits } from '../evaluation/call-graph'
import { readSource, type ReadBoundary } from '../parsing/read-source'

/**
 * What one Terraform file tells of the call graph, for reuse on another checkout of the same repository
 * (a pull request's base): its git blob id (the file's identity in git, whatever its path) and the
 * directories its module blocks call (absolute, as localModuleCalls gives them).
 */
export interface FileCalls {
  oid: string
  calls: string[]
}

/** git's object id of a blob holding `text` (UTF-8), as `git hash-object` gives it in a SHA-1 repository. */
export function gitBlobId(text: string): string {
  return createHash('sha1')
    .update(`blob ${Buffer.byteLength(text)}\0`)
    .update(text)
    .digest('hex')
}

export interface TerraformUnit {
  /** The root module's directory (absolute). */
  root: string
  files: DiscoveredFile[]
}

const MODULE_HEADER = /^\s*module\s+"[^"]*"\s*\{/gm
const LOCAL_SOURCE = /^\s*source\s*=\s*"(\.{1,2}\/[^"]*)"/m

/** Directories a file's module blocks call by local path (`./x`, `../x`). */
export function localModuleCalls(file: string, text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(MODULE_HEADER)) {
    // The source argument comes first in almost every module block; look only a little way in.
    const window = text.slice(m.index + m[0].length, m.index + m[0].length + 2000)
    const end = window.search(/^\s*}/m)
    const source = LOCAL_SOURCE.exec(end >= 0 ? window.slice(0, end) : window)
    if (source) out.push(path.resolve(path.dirname(file), source[1]))
  }
  return out
}

/** Most bytes of source text terraformUnits keeps for the parser (see below). */
export const MAX_KEPT_TEXT = 8_000_000

/**
 * The units of `files`. The text of each .tf file read for its module calls goes into `texts` when given,
 * so the parser need not read it again (each read costs a realpath, stats and a decode), up to
 * MAX_KEPT_TEXT bytes in all: kept text lives until its unit is parsed, and unbounded it raised the
 * peak memory of a 30 MB scan from 226 to 297 MB. Files beyond it are read again when parsed. It is kept
 * as the bytes read (outside the JavaScript heap) and decoded again when parsed: see keptText.
 */
export function terraformUnits(
  files: DiscoveredFile[],
  boundary: ReadBoundary,
  texts?: Map<string, Buffer>,
  /** Filled, when given, with each .tf file's blob id and calls (a pull request's head, for its base). */
  index?: Map<string, FileCalls>,
  /** Filled, when given, with each file's length in characters (the weight of a unit when workers share a scan). */
  sizes?: Map<string, number>,
): TerraformUnit[] {
  let kept = 0
  return terraformUnitsFromCalls(files, (file, f) => {
    let bytes: Buffer | undefined
    const read = readSource(file, boundary, isListedRegular(f), texts && ((b) => (bytes = b)))
    if (!read.ok) return undefined
    sizes?.set(file, read.text.length)
    if (texts && bytes && kept + bytes.length <= MAX_KEPT_TEXT) {
      texts.set(file, bytes)
      kept += bytes.length
    }
    const calls = localModuleCalls(file, read.text)
    index?.set(file, { oid: gitBlobId(read.text), calls })
    return calls
  })
}

/** The units of `files`, whose text `read` gives (a pull request's base reads it from git objects). */
export function terraformUnitsOf(
  files: DiscoveredFile[],
  read: (file: string) => string | undefined,
): TerraformUnit[] {
  return terraformUnitsFromCalls(files, (file) => {
    const text = read(file)
    return text === undefined ? undefined : localModuleCalls(file, text)
  })
}

/**
 * The units of `files`, with the local module calls of each .tf file from `callsOf` (undefined: the file
 * could not be read). A pull request's base takes them from the head for the files both share.
 */
export function terraformUnitsFromCalls(
  files: DiscoveredFile[],
  callsOf: (file: string, f: DiscoveredFile) => readonly string[] | undefined,
): TerraformUnit[] {
  const byDir = new Map<string, DiscoveredFile[]>()
  for (const f of files) {
    const dir = path.dirname(f.path)
    const list = byDir.get(dir)
    if (list) list.push(f)
    else byDir.set(dir, [f])
  }
  const calls = new Map<string, string[]>()
  for (const [dir, list] of byDir) {
    const targets = new Set<string>()
    for (const f of list) {
      if (f.kind !== 'terraform') continue
      for (const t of callsOf(f.path, f) ?? []) if (t !== dir && byDir.has(t)) targets.add(t)
    }
    calls.set(dir, [...targets])
  }
  return callGraphUnits([...byDir.keys()].sort(), calls).map(({ root, members }) => ({
    root,
    files: members.flatMap((d) => byDir.get(d) ?? []),
  }))
}
