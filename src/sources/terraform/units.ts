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
import { isInside, keptText, readSource, type ReadBoundary } from '../parsing/read-source'
import { moduleDirFiles } from './outside-modules'
import { mayHaveEnvironments, terraformEnvironments, type TerraformEnvironment } from './environments'

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
  /** Its files, the var files of its environments included. */
  files: DiscoveredFile[]
  /** Var files it is applied with that Terraform does not load by itself (environments.ts): judged once each. */
  environments?: TerraformEnvironment[]
}

/** How units find their environments (environments.ts); without it, none are looked for. */
export interface EnvironmentSearch {
  /** The scanned directory: environment labels are relative to it. */
  scanRoot: string
  /** A file's text (undefined: unreadable). */
  textOf: (file: string) => string | undefined
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
  /**
   * The scanned directory: a local module a unit calls outside it (`../../modules/net` from
   * `envs/prod`) is read from the boundary with the unit (outside-modules.ts), never judged as a unit.
   */
  root?: string,
  /** The user's var files: when there are any, they say which values are deployed and no environment is inferred. */
  userVarFiles: readonly string[] = [],
): TerraformUnit[] {
  let kept = 0
  const outside =
    root === undefined
      ? undefined
      : (dir: string) => (isInside(root, dir) ? undefined : moduleDirFiles(dir, boundary))
  return terraformUnitsFromCalls(
    files,
    (file, f) => {
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
    },
    outside,
    root === undefined || userVarFiles.length > 0
      ? undefined
      : {
          scanRoot: root,
          textOf: (file) => {
            const bytes = texts?.get(file)
            if (bytes) return keptText(bytes)
            const r = readSource(file, boundary)
            return r.ok ? r.text : undefined
          },
        },
  )
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
  /** The files of a called directory that is not among `files` (undefined: none, it stays unread). */
  outside?: (dir: string) => DiscoveredFile[] | undefined,
  environments?: EnvironmentSearch,
): TerraformUnit[] {
  const byDir = new Map<string, DiscoveredFile[]>()
  for (const f of files) {
    const dir = path.dirname(f.path)
    const list = byDir.get(dir)
    if (list) list.push(f)
    else byDir.set(dir, [f])
  }
  const calls = new Map<string, string[]>()
  const pending = [...byDir.keys()]
  const asked = new Set<string>()
  for (let dir = pending.shift(); dir !== undefined; dir = pending.shift()) {
    const targets = new Set<string>()
    for (const f of byDir.get(dir)!) {
      if (f.kind !== 'terraform') continue
      for (const t of callsOf(f.path, f) ?? []) {
        if (t === dir) continue
        if (!byDir.has(t) && outside && !asked.has(t)) {
          // A module outside the scanned files: its directory joins, and its own calls are followed.
          asked.add(t)
          const more = outside(t)
          if (more && more.length > 0) {
            byDir.set(t, more)
            pending.push(t)
          }
        }
        if (byDir.has(t)) targets.add(t)
      }
    }
    calls.set(dir, [...targets])
  }
  // A directory read only because a unit calls it is called: never a unit of its own.
  const units = callGraphUnits([...byDir.keys()].sort(), calls).map(({ root, members }) => ({
    root,
    files: members.flatMap((d) => byDir.get(d) ?? []),
  }))
  return environments && mayHaveEnvironments(files) ? withEnvironments(units, files, environments) : units
}

/**
 * Gives each unit its environments and their var files; a var file taken by an environment is no input of
 * the unit of its own folder (a folder holding only var files is no unit at all then).
 */
function withEnvironments(
  units: TerraformUnit[],
  files: readonly DiscoveredFile[],
  search: EnvironmentSearch,
): TerraformUnit[] {
  const rootFiles = new Map<string, DiscoveredFile[]>()
  for (const u of units) {
    const own = u.files.filter(
      (f) => path.dirname(f.path) === u.root && (f.kind === 'terraform' || f.kind === 'terraform-json'),
    )
    if (own.length > 0) rootFiles.set(u.root, own)
  }
  const found = terraformEnvironments(files, rootFiles, search.textOf, search.scanRoot)
  if (found.size === 0) return units
  const byPath = new Map(files.map((f) => [f.path, f]))
  const taken = new Set<string>()
  for (const envs of found.values()) for (const e of envs) for (const f of e.files) taken.add(f)
  const out: TerraformUnit[] = []
  for (const u of units) {
    const envs = found.get(u.root)
    const own = u.files.filter((f) => !taken.has(f.path))
    if (!envs) {
      if (own.length > 0) out.push(own.length === u.files.length ? u : { ...u, files: own })
      continue
    }
    const extra = [...new Set(envs.flatMap((e) => e.files))].map((p) => byPath.get(p)!)
    out.push({ root: u.root, files: [...own, ...extra], environments: envs })
  }
  return out
}
