/**
 * A pull request's head scan without reading every file to find the units the change can affect.
 *
 * The scan forms Terraform units from each .tf file's local module calls (src/sources/terraform/units.ts),
 * so finding the one unit a one-tfvars change touches used to read every .tf file of the repository.
 * Here git answers most of it instead: `git ls-files` lists the tracked files with their blob ids, and
 * `git grep` (in C, over the same working-tree files the scan reads) names the lines that hold a quoted
 * relative path (`"./` or `"../`), which every local module call has. Those lines give a call graph that
 * holds every real call and perhaps more (a provisioner's `source = "./script.sh"` names no Terraform
 * directory and falls away; a comment could add a false edge). Only where an edge decides something is the
 * file itself read and its calls taken exactly as the scan takes them (localModuleCalls):
 * - the units the change affects are the roots that reach a changed directory: only directories that reach
 *   one over the wider graph are looked at, and each candidate root's calls are read exactly;
 * - the number of units left out needs to know which directories are called at all: one exact caller per
 *   called directory settles it (and a chain of them back to a root rules out a cycle).
 * The scan then gets the files of the affected units and every other source file (Bicep, JSON, fixtures)
 * as discovery would have listed them, in the same order, and forms the same units from them.
 *
 * Wherever the index may not be what the scan would find, the caller scans as before (and says why):
 * not a git checkout, tracked symbolic links or submodules (discovery follows them), sparse or conflicted
 * entries, untracked or locally changed source files, a change that holds a data file a unit may read
 * (file(), templatefile()), a var file every unit reads, an installed module manifest, or a cycle of calls.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { runGit, type GitRunner } from '../github/git'
import {
  classify,
  discover,
  isTestFixture,
  SKIP_DIRS,
  TERRAFORM_KINDS,
  type DiscoveredFile,
} from '../sources/parsing/discover'
import { makeBoundary, readSource } from '../sources/parsing/read-source'
import { localModuleCalls } from '../sources/terraform/units'
import { mayHaveEnvironments } from '../sources/terraform/environments'
import { IAC_FILE } from './units'
import { headIndexReads, type HeadIndexReads } from './early-git'

/** What git says of the head workspace (paths relative to it, forward slashes). */
export interface HeadIndex {
  /** Tracked files: path → blob id. */
  oids: Map<string, string>
  /** .tf files with a line holding `"./` or `"../`: path → the quoted relative paths on those lines. */
  refs: Map<string, string[]>
  /** Untracked files and directories (`dir/`, ignored ones too), tracked files changed or deleted in the working tree. */
  dirty: string[]
}

export type HeadIndexRead = ({ kind: 'index' } & HeadIndex) | { kind: 'fallback'; why: string }

const toPosix = (p: string): string => p.split(path.sep).join('/')

/** Is `rel` (forward slashes) under `dir` ('' for the top)? */
const under = (rel: string, dir: string): boolean => dir === '' || rel === dir || rel.startsWith(`${dir}/`)

/**
 * Reads the head's index: two git processes, started together (they need nothing from each other, nor
 * from the changed files, so a pull request run starts them first). Never throws: a git failure (not a
 * checkout) is a fallback.
 */
export async function readHeadIndex(
  input: { workspace: string; git?: GitRunner },
  /** Its processes, when already started (src/compare/early-git.ts). */
  started?: HeadIndexReads,
): Promise<HeadIndexRead> {
  try {
    const reads = started ?? headIndexReads(input.git ?? runGit, input.workspace)
    const [listed, grep] = await Promise.all([reads.listed, reads.grep])
    const oids = new Map<string, string>()
    const dirty: string[] = []
    for (const rec of listed.split('\0')) {
      if (rec === '') continue
      const tag = rec.slice(0, rec.indexOf(' '))
      if (tag === '?') {
        dirty.push(rec.slice(2))
        continue
      }
      const tab = rec.indexOf('\t')
      const [, mode, oid, stage] = rec.slice(0, tab).split(' ')
      const p = rec.slice(tab + 1)
      // git grep's lines end in a line break: a path holding one could not be told from its content.
      if (p.includes('\n')) return { kind: 'fallback', why: 'a tracked path holds a line break' }
      if (tag === 'C' || tag === 'R') dirty.push(p)
      else if (tag !== 'H' || stage !== '0')
        return { kind: 'fallback', why: `${p} is a sparse or conflicted entry of git's index` }
      else if (mode === '120000' || mode === '160000')
        return { kind: 'fallback', why: `${p} is a symbolic link or a submodule` }
      else oids.set(p, oid!)
    }
    const refs = new Map<string, string[]>()
    for (const line of grep.split('\n')) {
      const nul = line.indexOf('\0')
      if (nul < 0) continue
      const file = line.slice(0, nul)
      const found = [...line.slice(nul + 1).matchAll(/"(\.{1,2}\/[^"]*)"/g)].map((m) => m[1]!)
      if (found.length > 0) refs.set(file, [...(refs.get(file) ?? []), ...found])
    }
    return { kind: 'index', oids, refs, dirty }
  } catch (err) {
    return { kind: 'fallback', why: err instanceof Error ? err.message : String(err) }
  }
}

export interface NarrowHeadInput {
  /** The head workspace (absolute): the repository's top, where the change's paths are rooted. */
  workspace: string
  /** The scanned directory relative to the workspace (forward slashes, '' for the top). */
  scanRel: string
  /** Repository-relative paths the change touched (current and earlier names, removed files). */
  change: string[]
  includeTestFixtures: boolean
  /** The config's include/exclude filter on repository-relative paths, if any. */
  isIncluded?: (rel: string) => boolean
  /** The user's and the config's var files, repository-relative: every unit reads them. */
  varFiles: string[]
  /** Unit keys kept whatever the change touches (units reading a VNet a changed unit declares). */
  also?: readonly string[]
}

export type NarrowHead =
  | {
      kind: 'narrow'
      /** What discovery would list, less the Terraform files of units the change cannot affect (absolute, its order). */
      files: DiscoveredFile[]
      /** Terraform units left out. */
      untouched: number
      /** Terraform units kept (the change affects them). */
      affected: number
      /** Every visible .tf file of the head with its blob id (for the base: src/compare/base-tree.ts). */
      oids: Record<string, string>
      /** The affected units' keys (their roots relative to the scanned directory, src/compare/units.ts unitKey). */
      unitKeys: string[]
      /** The affected units' files (repository-relative), as the head scan reports them (UnitChoice.files). */
      unitFiles: string[]
      /** Their .tf files with blob ids and module calls, as ScanResult.terraformCalls has them. */
      calls: Record<string, { oid: string; calls: string[] }>
      /**
       * The units left out, by key, with their files (repository-relative): the directories their roots
       * may call over the wider graph, so perhaps more than their own (src/compare/vnet-readers.ts reads them).
       */
      others: { key: string; files: string[] }[]
    }
  | { kind: 'fallback'; why: string }

/** Discovery's order: depth first, each directory's entries by name (src/sources/parsing/discover.ts). */
function discoveryOrder(x: readonly string[], y: readonly string[]): number {
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] === y[i]) continue
    return x[i]! < y[i]! ? -1 : 1
  }
  return x.length - y.length
}

const TERRAFORM_FILE = /\.(tf|tf\.json|tfvars|tfvars\.json)$/

/** What a path in a test or example directory (isTestFixture) holds somewhere. */
const MAY_BE_FIXTURE = /test|example/i

/** The head's files for a scan of the units `input.change` can affect, from `index` (see the top of this file). */
export function narrowHead(index: HeadIndex, input: NarrowHeadInput): NarrowHead {
  const fallback = (why: string): NarrowHead => ({ kind: 'fallback', why })
  const varFiles = new Set(input.varFiles)
  for (const p of input.change) {
    if (!IAC_FILE.test(p)) return fallback(`the change holds ${p}, which a unit may read as data`)
    if (/(^|\/)\.terraform\//.test(p)) return fallback(`the change holds ${p}, an installed module`)
    if (varFiles.has(p)) return fallback(`the change holds ${p}, a var file every unit reads`)
  }
  let scanReal: string
  try {
    scanReal = fs.realpathSync(path.join(input.workspace, ...input.scanRel.split('/')))
    if (!fs.statSync(scanReal).isDirectory()) return fallback('the scanned path is a single file')
  } catch {
    return fallback('the scanned path does not exist')
  }
  const fromScan = (rel: string) => (input.scanRel === '' ? rel : rel.slice(input.scanRel.length + 1))
  // A module outside the scanned path is read with its caller (src/sources/terraform/outside-modules.ts):
  // a change to it can affect units under it, which the graph below, of the scanned path only, cannot see.
  if (input.scanRel !== '')
    for (const [file, refs] of index.refs) {
      if (!under(file, input.scanRel)) continue
      for (const ref of refs) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), ref))
        if (!under(target.replace(/\/$/, ''), input.scanRel))
          return fallback(`${file} calls ${ref}, a local module outside the scanned path`)
      }
    }
  // What discovery would find: tracked files below the scanned directory, outside tool directories.
  const listed: { rel: string; kind: DiscoveredFile['kind'] }[] = []
  for (const rel of index.oids.keys()) {
    if (!under(rel, input.scanRel) || rel === input.scanRel) continue
    const inScan = fromScan(rel).split('/')
    if (inScan.slice(0, -1).some((s) => SKIP_DIRS.has(s))) continue
    const kind = classify(rel)
    if (kind) listed.push({ rel, kind })
  }
  // The working tree beyond the index: other sources are listed as discovery finds them; Terraform ones
  // could hold module calls git grep did not see (untracked) or blob ids the base would trust (changed).
  const gone = new Set<string>()
  for (const entry of index.dirty) {
    const rel = entry.replace(/\/$/, '')
    if (!under(rel, input.scanRel) || rel === input.scanRel) continue
    const inScan = fromScan(rel).split('/')
    if ((entry.endsWith('/') ? inScan : inScan.slice(0, -1)).some((s) => SKIP_DIRS.has(s))) continue
    if (entry.endsWith('/')) {
      const found = discover(path.join(scanReal, ...inScan))
      if (found.skipped.length > 0) return fallback(`${entry} holds links or unreadable directories`)
      for (const f of found.files) {
        if (TERRAFORM_KINDS.has(f.kind)) return fallback(`${entry} holds untracked Terraform files`)
        listed.push({
          rel: `${rel}/${toPosix(path.relative(path.join(scanReal, ...inScan), f.path))}`,
          kind: f.kind,
        })
      }
      continue
    }
    const kind = classify(rel)
    if (kind === undefined) continue
    if (TERRAFORM_KINDS.has(kind)) return fallback(`${rel} is untracked or changed in the working tree`)
    if (!index.oids.has(rel)) listed.push({ rel, kind })
    else if (!fs.existsSync(path.join(input.workspace, ...rel.split('/')))) gone.add(rel)
  }
  if (gone.size > 0) listed.splice(0, listed.length, ...listed.filter((f) => !gone.has(f.rel)))
  // The Terraform files units are formed from (loadSources and terraformUnits leave out the same).
  const byDir = new Map<string, string[]>()
  for (const f of listed) {
    if (!TERRAFORM_KINDS.has(f.kind) || varFiles.has(f.rel)) continue
    // isTestFixture needs a directory named test, tests or examples: most paths hold neither word.
    if (!input.includeTestFixtures && MAY_BE_FIXTURE.test(f.rel) && isTestFixture(fromScan(f.rel))) continue
    if (input.isIncluded && !input.isIncluded(f.rel)) continue
    const dir = path.posix.dirname(f.rel)
    const list = byDir.get(dir)
    if (list) list.push(f.rel)
    else byDir.set(dir, [f.rel])
  }
  // Which root a var file Terraform does not load by itself is for depends on every root near it
  // (src/sources/terraform/environments.ts): the scan of the whole head forms those units.
  if (varFiles.size === 0) {
    const terraform = [...byDir.values()].flat().map((rel) => ({ path: rel, kind: classify(rel)! }))
    if (mayHaveEnvironments(terraform))
      return fallback('var files are judged as environments of the root modules nearest them')
  }
  const dirOf = (rel: string) => path.posix.dirname(rel)
  // Each directory's calls name the same few modules (`"../../modules/spoke"` in every landing zone's file):
  // resolved once per directory and path.
  const resolved = new Map<string, string | undefined>()
  const resolveRef = (file: string, ref: string): string | undefined => {
    const dir = dirOf(file)
    const key = `${dir}\0${ref}`
    if (resolved.has(key)) return resolved.get(key)
    const target = path.posix.normalize(path.posix.join(dir, ref)).replace(/\/$/, '')
    const found = target !== dir && byDir.has(target) ? target : undefined
    resolved.set(key, found)
    return found
  }
  // The wider graph: every call there is, perhaps more (see the top of this file).
  const widerCallers = new Map<string, Set<string>>()
  for (const [file, refs] of index.refs) {
    if (classify(file) !== 'terraform' || !byDir.get(dirOf(file))?.includes(file)) continue
    for (const ref of refs) {
      const target = resolveRef(file, ref)
      if (target === undefined) continue
      const set = widerCallers.get(target) ?? new Set<string>()
      set.add(file)
      widerCallers.set(target, set)
    }
  }
  // Exact calls, read as the scan reads them, only where an edge decides something.
  const boundary = makeBoundary([input.workspace, scanReal])
  const exact = new Map<string, string[]>()
  // Each file read, with every directory it calls as terraformUnits records them (ScanResult.terraformCalls).
  const raw = new Map<string, string[]>()
  const callsOf = (file: string): string[] => {
    let calls = exact.get(file)
    if (calls) return calls
    calls = []
    const all: string[] = []
    if (index.refs.has(file)) {
      const abs = path.join(input.workspace, ...file.split('/'))
      const read = readSource(abs, boundary)
      if (read.ok)
        for (const c of localModuleCalls(abs, read.text)) {
          const rel = toPosix(path.relative(input.workspace, c))
          all.push(rel)
          if (rel !== dirOf(file) && byDir.has(rel)) calls.push(rel)
        }
    }
    exact.set(file, calls)
    raw.set(file, all)
    return calls
  }
  const dirCalls = (dir: string): string[] =>
    (byDir.get(dir) ?? []).filter((f) => classify(f) === 'terraform').flatMap(callsOf)
  // A directory some file really calls: the first such file's directory (undefined: a root).
  const callerOf = new Map<string, string | undefined>()
  const trueCaller = (dir: string): string | undefined => {
    if (callerOf.has(dir)) return callerOf.get(dir)
    let found: string | undefined
    for (const file of [...(widerCallers.get(dir) ?? [])].sort())
      if (callsOf(file).includes(dir)) {
        found = dirOf(file)
        break
      }
    callerOf.set(dir, found)
    return found
  }
  // Every called directory is reached from a root (no unit formed of a cycle alone), checked by a chain
  // of exact callers back to a root.
  const reached = new Set<string>()
  for (const dir of widerCallers.keys()) {
    const chain = new Set<string>()
    let at: string | undefined = dir
    while (at !== undefined && !reached.has(at)) {
      if (chain.has(at)) return fallback(`the module calls through ${at} form a cycle`)
      chain.add(at)
      at = trueCaller(at)
    }
    chain.forEach((d) => reached.add(d))
  }
  const roots = [...byDir.keys()].filter((d) => trueCaller(d) === undefined)

  // The changed directories, and every directory that may reach one of them (over the wider graph).
  const seeds = new Set(input.change.filter((p) => TERRAFORM_FILE.test(p)).map(dirOf))
  const mayReach = new Set([...seeds].filter((d) => byDir.has(d)))
  const stack = [...mayReach]
  while (stack.length > 0)
    for (const file of widerCallers.get(stack.pop()!) ?? []) {
      const d = dirOf(file)
      if (!mayReach.has(d)) {
        mayReach.add(d)
        stack.push(d)
      }
    }
  // Of those, the roots whose unit (its exact members) holds a changed directory, and those `also` names.
  const keyOf = (root: string) =>
    input.scanRel === '' ? root : root === input.scanRel ? '.' : fromScan(root)
  const also = new Set(input.also ?? [])
  const keep = new Set<string>()
  const unitKeys: string[] = []
  const leftOut: string[] = []
  for (const root of roots) {
    if (!mayReach.has(root) && !also.has(keyOf(root))) {
      leftOut.push(root)
      continue
    }
    const members = new Set([root])
    const todo = [root]
    while (todo.length > 0)
      for (const t of dirCalls(todo.pop()!))
        if (!members.has(t)) {
          members.add(t)
          todo.push(t)
        }
    if (!also.has(keyOf(root)) && ![...members].some((m) => seeds.has(m))) {
      leftOut.push(root)
      continue
    }
    unitKeys.push(keyOf(root))
    members.forEach((m) => keep.add(m))
  }
  // The units left out with the directories they may call (the wider graph: no file read for it).
  const widerCalls = new Map<string, Set<string>>()
  for (const [target, callers] of widerCallers)
    for (const file of callers) {
      const set = widerCalls.get(dirOf(file)) ?? new Set<string>()
      set.add(target)
      widerCalls.set(dirOf(file), set)
    }
  const others = leftOut.map((root) => {
    const members = new Set([root])
    const todo = [root]
    while (todo.length > 0)
      for (const t of widerCalls.get(todo.pop()!) ?? [])
        if (!members.has(t)) {
          members.add(t)
          todo.push(t)
        }
    return { key: keyOf(root), files: [...members].flatMap((d) => byDir.get(d) ?? []) }
  })
  const unitFiles = [...keep].flatMap((d) => byDir.get(d) ?? [])
  const calls: Record<string, { oid: string; calls: string[] }> = {}
  for (const f of unitFiles)
    if (classify(f) === 'terraform') {
      callsOf(f)
      calls[f] = { oid: index.oids.get(f)!, calls: raw.get(f)! }
    }
  const files = listed
    .filter((f) => !TERRAFORM_KINDS.has(f.kind) || !byDir.has(dirOf(f.rel)) || keep.has(dirOf(f.rel)))
    .map((f) => ({ ...f, inScan: fromScan(f.rel), parts: fromScan(f.rel).split('/') }))
    .sort((a, b) => discoveryOrder(a.parts, b.parts))
    .map((f) => ({ path: path.join(scanReal, ...f.inScan.split('/')), kind: f.kind }))
  const oids: Record<string, string> = {}
  for (const list of byDir.values())
    for (const f of list) if (classify(f) === 'terraform') oids[f] = index.oids.get(f)!
  const affected = unitKeys.length
  return {
    kind: 'narrow',
    files,
    untouched: roots.length - affected,
    affected,
    oids,
    unitKeys,
    unitFiles,
    calls,
    others,
  }
}
