/**
 * The base commit of a pull request, written from git objects for the units the base scan needs, instead
 * of a full checkout (`git worktree add` writes and then removes every file of the repository: on a
 * 2,000-file repository that was most of a one-tfvars pull request's run).
 *
 * Written: every file that is not Terraform (templates, parameter files, plans, data a file() call
 * reads, var files: ARM and Bicep are judged whole, and a data file may be read from anywhere), and the
 * Terraform files of the units the base scan judges or compares with the head, with every module
 * directory they call. The units are found from the base's own call graph (the same regular-expression
 * call graph the scan uses, src/sources/terraform/units.ts), so a unit is written whole or not at all and the
 * scan of the partial tree forms the same units as a checkout would. A base file whose git blob id is one the
 * head scan read has that file's calls (ScanResult.terraformCalls); only the others are read from git
 * objects: on a one-tfvars pull request in a 2,000-file repository, none. The git half (readBaseTree)
 * needs nothing from the head and runs while the head is scanned.
 *
 * The scan then reads these files through the same read boundary as any other (src/sources/parsing/read-source.ts):
 * a symbolic link in git is written as a symbolic link, so it is treated as the filesystem would treat it.
 * Where the partial tree could differ from a checkout (symbolic links, which may lead into Terraform
 * directories not written; committed `.terraform` directories, whose manifests every unit reads), every
 * file is written; where it cannot be done at all (the workspace is not the repository's top, a path git
 * cannot name on one line) the caller falls back to the full checkout and says so.
 *
 * git's own `ls-tree` and `cat-file --batch` do the reading: one process each, no library needed.
 */
import { spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { hasCommit, runGit, type GitRunner } from '../github/git'
import { classify, isTestFixture, TERRAFORM_KINDS, type DiscoveredFile } from '../sources/parsing/discover'
import { localModuleCalls, terraformUnitsFromCalls } from '../sources/terraform/units'
import { mayHaveEnvironments } from '../sources/terraform/environments'
import type { ScanUnit } from '../pipeline/scan-types'
import type { BaseCheckout } from './checkout-base'
import { baseTreeReads, type BaseTreeReads } from './early-git'
import { IAC_FILE, isAffected, unitKey, type ChangedPaths } from './units'

interface TreeEntry {
  mode: string
  type: string
  /** The object id: cat-file finds a blob by id at once, where `<rev>:<path>` walks the trees per path. */
  oid: string
  path: string
}

export interface PartialBaseInput {
  /** The head workspace: a git repository at its top level. */
  repoDir: string
  sha: string
  /** The scanned directory relative to repoDir (forward slashes, '' for the top). */
  scanRel: string
  /** Repository-relative paths the change touched, and those it removed. */
  change: { paths: string[]; removed: string[] }
  /** Units the head judged (key → hash): the base compares them, so they are written. */
  headUnits: readonly string[]
  /**
   * The head's .tf files (repository-relative) with their blob ids and module calls (ScanResult.terraformCalls):
   * a base file with the same blob id calls the same directories, so it is not read to find its unit.
   */
  headCalls?: Readonly<Record<string, { oid: string; calls: string[] }>>
  /**
   * Every visible .tf file of the head with its blob id, when the head scan read only some of them (its
   * files came from git's index: src/compare/head-index.ts): what sameLayoutFiles compares instead.
   */
  headOids?: Readonly<Record<string, string>>
  /**
   * The files (repository-relative) of the units the head judged because the change touches them, and how
   * many units; set when the change only modified files (nothing added, removed or renamed). With them a
   * base whose layout is the head's is written without forming its units (sameLayoutFiles).
   */
  headUnitFiles?: { files: readonly string[]; units: number }
  /** Module tests and examples are units too (the config's include-test-fixtures). */
  includeTestFixtures: boolean
  /** The config's include/exclude filter on repository-relative paths, if any. */
  isIncluded?: (rel: string) => boolean
  /** The user's and the config's var files, repository-relative. */
  varFiles: string[]
  /** Write every file (the base judges every unit whose inputs differ from the head's: scope all). */
  whole?: boolean
  tempRoot?: string
  git?: GitRunner
}

export type PartialBase =
  | (BaseCheckout & { kind: 'partial' | 'whole'; written: number; units: number; why?: string })
  | { kind: 'fallback'; why: string }

const GIT_ENV = { GIT_TERMINAL_PROMPT: '0', GIT_LFS_SKIP_SMUDGE: '1' }

/** `git ls-tree -r -z` as printed: every entry of the commit's tree, with its mode. */
function parseTree(out: string): TreeEntry[] {
  const entries: TreeEntry[] = []
  for (const rec of out.split('\0')) {
    if (rec === '') continue
    const tab = rec.indexOf('\t')
    const [mode, type, oid] = rec.slice(0, tab).split(' ')
    entries.push({ mode: mode!, type: type!, oid: oid!, path: rec.slice(tab + 1) })
  }
  return entries
}

/**
 * The blobs of `entries` (by object id, from the commit's tree) in one git process, keyed by path. As
 * stored: no end-of-line or smudge filter (git 2.39's `cat-file --batch --filters` needs a path for
 * them), so partialBase only reads this way when no filter applies (no .gitattributes, no
 * core.autocrlf/core.eol).
 */
function readBlobs(repoDir: string, entries: readonly TreeEntry[]): Promise<Map<string, Buffer>> {
  // No process for nothing: each spawn costs a run tens of milliseconds (more on a busy runner).
  if (entries.length === 0) return Promise.resolve(new Map())
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], {
      cwd: repoDir,
      env: { ...process.env, ...GIT_ENV },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    const chunks: Buffer[] = []
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => chunks.push(d))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`git cat-file failed: ${stderr.trim().slice(0, 300)}`))
      const all = Buffer.concat(chunks)
      const out = new Map<string, Buffer>()
      let at = 0
      for (const { path: p } of entries) {
        const nl = all.indexOf(0x0a, at)
        if (nl < 0) return reject(new Error('git cat-file ended early'))
        const header = all.subarray(at, nl).toString('utf8')
        at = nl + 1
        const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header)
        if (!m) continue // "<name> missing": not in the tree
        const size = Number(m[2])
        out.set(p, all.subarray(at, at + size))
        at += size + 1
      }
      resolve(out)
    })
    child.stdin.on('error', () => undefined)
    child.stdin.end(entries.map((e) => `${e.oid}\n`).join(''))
  })
}

/** core.autocrlf or core.eol set (`git config --get-regexp` as printed): a checkout converts line ends that git objects keep as stored. */
function convertsLineEnds(out: string): boolean {
  return out.split('\n').some((line) => {
    const v = line.slice(line.indexOf(' ') + 1).trim()
    return line.trim() !== '' && v !== '' && v !== 'false' && v !== 'input'
  })
}

const under = (rel: string, dir: string): boolean => dir === '' || rel === dir || rel.startsWith(`${dir}/`)

/**
 * The base's Terraform units (from its own files) that the base scan judges or compares: those the head
 * judged (same key) and those the change can affect. Returns the repository-relative Terraform files to write.
 */
function neededTerraform(
  input: PartialBaseInput,
  dir: string,
  terraform: TreeEntry[],
  texts: Map<string, Buffer>,
  shared: ReadonlyMap<string, string[]>,
): { files: Set<string>; units: number } {
  const abs = (rel: string) => path.join(dir, ...rel.split('/'))
  const scanRoot = abs(input.scanRel)
  const relOf = new Map<string, string>()
  const visible: DiscoveredFile[] = []
  const files = new Set<string>()
  for (const e of terraform) {
    const fromScan = input.scanRel === '' ? e.path : e.path.slice(input.scanRel.length + 1)
    // Module tests and examples only count toward the scan's notice about them: written, never a unit.
    if (!input.includeTestFixtures && isTestFixture(fromScan)) {
      files.add(e.path)
      continue
    }
    if (input.isIncluded && !input.isIncluded(e.path)) continue
    const p = abs(e.path)
    relOf.set(p, e.path)
    visible.push({ path: p, kind: classify(p)! })
  }
  const changed: ChangedPaths = {
    paths: new Set(input.change.paths.map(abs)),
    removed: new Set(input.change.removed.map(abs)),
  }
  const head = new Set(input.headUnits)
  const varFiles = input.varFiles.map(abs)
  const text = (p: string) => texts.get(relOf.get(p) ?? '')?.toString('utf8')
  const callsOf = (p: string): string[] | undefined => {
    const rel = relOf.get(p) ?? ''
    const same = shared.get(rel)
    if (same) return same.map((c) => path.join(dir, ...c.split('/')))
    const t = text(p)
    return t === undefined ? undefined : localModuleCalls(p, t)
  }
  let units = 0
  for (const u of terraformUnitsFromCalls(visible, callsOf)) {
    const unit: ScanUnit = { kind: 'terraform', root: u.root, files: u.files.map((f) => f.path), varFiles }
    // Data files a unit reads are written anyway; isAffected reads the unit's files for file() calls, which
    // are not written yet: the text from git says the same.
    if (!head.has(unitKey(unit, scanRoot)) && !isAffected(unit, changed, text)) continue
    units++
    for (const f of u.files) files.add(relOf.get(f.path)!)
  }
  return { files, units }
}

/**
 * The base's Terraform files to write, without forming its units, when its layout is the head's: every
 * .tf file the base scan would read has the blob id of the head's file at that path (so it calls the same
 * modules), or is one the change modified and calls the same directories on both sides (its base text is
 * read from git to see), and the head read no .tf file the base lacks (an untracked one). The change only
 * modified files (headUnitFiles is set only then), so no directory gained or lost a file either: the base's
 * units are the head's, file for file, and the ones to write are those the head judged. Undefined when any
 * of it does not hold.
 */
async function sameLayoutFiles(
  input: PartialBaseInput,
  dir: string,
  terraform: readonly TreeEntry[],
  shared: ReadonlyMap<string, string[]>,
): Promise<{ files: Set<string>; units: number } | undefined> {
  if (!input.headUnitFiles || !input.headCalls) return undefined
  const oids = input.headOids
  const modified = new Set(input.change.paths)
  const differing: TreeEntry[] = []
  const files = new Set<string>()
  let visible = 0
  for (const e of terraform) {
    const fromScan = input.scanRel === '' ? e.path : e.path.slice(input.scanRel.length + 1)
    // As neededTerraform: module tests and examples are written, never a unit.
    if (!input.includeTestFixtures && isTestFixture(fromScan)) {
      files.add(e.path)
      continue
    }
    if (input.isIncluded && !input.isIncluded(e.path)) continue
    if (classify(e.path) !== 'terraform') continue
    if (!shared.has(e.path) && !(oids && oids[e.path] === e.oid)) {
      if (!modified.has(e.path) || !input.headCalls[e.path]) return undefined
      differing.push(e)
    }
    visible++
  }
  const headTf = Object.keys(oids ?? input.headCalls).filter((k) => under(k, input.scanRel)).length
  if (headTf !== visible) return undefined
  if (differing.length > 0) {
    const texts = await readBlobs(input.repoDir, differing)
    const sorted = (xs: readonly string[]) => [...xs].sort().join('\n')
    for (const e of differing) {
      const abs = path.join(dir, ...e.path.split('/'))
      const calls = localModuleCalls(abs, texts.get(e.path)?.toString('utf8') ?? '').map((c) =>
        path.relative(dir, c).split(path.sep).join('/'),
      )
      if (sorted(calls) !== sorted(input.headCalls[e.path]!.calls)) return undefined
    }
  }
  const inBase = new Set(terraform.map((e) => e.path))
  for (const f of input.headUnitFiles.files) if (inBase.has(f)) files.add(f)
  return { files, units: input.headUnitFiles.units }
}

/** The base commit's tree, or why it cannot be written from git objects (then: a full checkout). */
export type BaseTree = { kind: 'tree'; tree: TreeEntry[] } | { kind: 'fallback'; why: string }

/**
 * The git half of partialBase (is the workspace the repository's top, fetch the base when the clone
 * lacks it, list its tree, would a checkout convert files): it needs nothing from the head scan, so a
 * pull request run starts it before that scan and the two overlap.
 */
export async function readBaseTree(
  input: Pick<PartialBaseInput, 'repoDir' | 'sha' | 'scanRel' | 'git'>,
  /** Its processes, when already started (src/compare/early-git.ts). */
  started?: BaseTreeReads,
): Promise<BaseTree> {
  const git = input.git ?? runGit
  // Where the workspace lies in its repository and whether the base commit is here, in one git process;
  // when the commit is missing (a shallow clone) rev-parse fails, and the two are asked one by one. Its tree
  // and the line-end settings are asked at the same time, not one after the other: each wait for a process
  // is also a wait for the main thread, which a run starting up keeps busy (a tree that cannot be listed
  // yet, the commit missing, is listed again after the fetch).
  const { both, listed, converts } = started ?? baseTreeReads(git, input.repoDir, input.sha)
  const found = await both
  const prefix = (found?.split('\n')[0] ?? (await git(['rev-parse', '--show-prefix'], input.repoDir))).trim()
  if (prefix !== '') return { kind: 'fallback', why: 'the workspace is not the top of its git repository' }
  let tree: TreeEntry[]
  if (found === undefined && !(await hasCommit(git, input.repoDir, input.sha))) {
    await git(['fetch', '--no-tags', '--depth=1', 'origin', input.sha], input.repoDir)
    tree = parseTree(await git(['ls-tree', '-r', '-z', '--full-tree', input.sha], input.repoDir))
  } else tree = parseTree(await listed)
  if (tree.some((e) => e.path.includes('\n')))
    return { kind: 'fallback', why: 'a path in the base commit holds a line break' }
  if (tree.some((e) => /(^|\/)\.gitattributes$/.test(e.path)) || convertsLineEnds(await converts))
    return {
      kind: 'fallback',
      why: 'a checkout would convert files (.gitattributes, core.autocrlf or core.eol)',
    }
  const scanned = tree.filter((e) => under(e.path, input.scanRel))
  if (scanned.length === 1 && scanned[0]!.path === input.scanRel)
    return { kind: 'fallback', why: 'the scanned path is a single file' }
  return { kind: 'tree', tree }
}

/**
 * Whether a head unit calls a local module outside the scanned path (read from the repository:
 * src/sources/terraform/outside-modules.ts): the files to write are then not only those under it.
 */
function callsOutside(input: PartialBaseInput): boolean {
  if (input.scanRel === '') return false
  return Object.values(input.headCalls ?? {}).some((f) => f.calls.some((c) => !under(c, input.scanRel)))
}

/**
 * Whether the base has var files judged as environments (src/sources/terraform/environments.ts): which root
 * one is for depends on every root near it, so the base scan must see them all, as the head scan does.
 */
function environmentsInBase(input: PartialBaseInput, blobs: readonly TreeEntry[]): boolean {
  if (input.varFiles.length > 0) return false
  const files: DiscoveredFile[] = []
  for (const e of blobs) {
    const kind = under(e.path, input.scanRel) ? classify(e.path) : undefined
    if (kind && TERRAFORM_KINDS.has(kind)) files.push({ path: e.path, kind })
  }
  return mayHaveEnvironments(files)
}

/** The base's files for the base scan; `read`: readBaseTree of the same input, if already started. */
export async function partialBase(input: PartialBaseInput, read?: Promise<BaseTree>): Promise<PartialBase> {
  const base = await (read ?? readBaseTree(input))
  if (base.kind === 'fallback') return base
  const { tree } = base

  const blobs = tree.filter((e) => e.type === 'blob')
  const isTerraform = (e: TreeEntry) => e.mode !== '120000' && TERRAFORM_KINDS.has(classify(e.path)!)
  // A symbolic link may lead into a Terraform directory not written; a committed .terraform directory
  // holds manifests every unit reads: then everything is written, as a checkout would.
  const whyWhole = input.whole
    ? 'every unit is judged'
    : blobs.some((e) => e.mode === '120000')
      ? 'the base commit has symbolic links'
      : blobs.some((e) => /(^|\/)\.terraform\//.test(e.path))
        ? 'the base commit has .terraform directories'
        : callsOutside(input)
          ? 'a unit calls a local module outside the scanned path'
          : environmentsInBase(input, blobs)
            ? 'var files are judged as environments of the root modules nearest them'
            : undefined

  const parent = fs.mkdtempSync(
    path.join(input.tempRoot ?? process.env.RUNNER_TEMP ?? os.tmpdir(), 'kms-guard-base-'),
  )
  const cleanup = async () => fs.rmSync(parent, { recursive: true, force: true })
  try {
    const dir = path.join(parent, 'base')
    fs.mkdirSync(dir)
    const realDir = fs.realpathSync(dir)
    const terraform = blobs.filter((e) => isTerraform(e) && under(e.path, input.scanRel))
    let write: TreeEntry[]
    let units = 0
    if (whyWhole) write = blobs
    else {
      // Only .tf files say which modules a unit calls; var files are written with their unit. A file the
      // head has with the same blob id calls what it calls there: only the others are read from git, unless
      // the change holds a file a unit may read as data (then isAffected reads each unit's files).
      const shared = new Map<string, string[]>()
      const readsData = input.change.paths.some((p) => !IAC_FILE.test(p))
      for (const e of terraform) {
        const head = input.headCalls?.[e.path]
        if (head && head.oid === e.oid && !readsData) shared.set(e.path, head.calls)
      }
      const same = readsData ? undefined : await sameLayoutFiles(input, realDir, terraform, shared)
      const tf = terraform.filter((e) => classify(e.path) === 'terraform' && !shared.has(e.path))
      const needed =
        same ?? neededTerraform(input, realDir, terraform, await readBlobs(input.repoDir, tf), shared)
      units = needed.units
      const varFiles = new Set(input.varFiles)
      write = blobs.filter((e) => !isTerraform(e) || needed.files.has(e.path) || varFiles.has(e.path))
    }
    const contents = await readBlobs(input.repoDir, write)
    const made = new Set<string>()
    for (const e of write) {
      const target = path.join(realDir, ...e.path.split('/'))
      const parentDir = path.dirname(target)
      if (!made.has(parentDir)) {
        fs.mkdirSync(parentDir, { recursive: true })
        made.add(parentDir)
      }
      const bytes = contents.get(e.path)
      if (bytes === undefined) continue
      // A link is written as a link: the read boundary then follows (or refuses) it as on any checkout.
      if (e.mode === '120000') fs.symlinkSync(bytes.toString('utf8'), target)
      else fs.writeFileSync(target, bytes)
    }
    // Submodules are empty directories in a checkout too.
    for (const e of tree)
      if (e.type === 'commit') fs.mkdirSync(path.join(realDir, ...e.path.split('/')), { recursive: true })
    return {
      kind: whyWhole ? 'whole' : 'partial',
      dir: realDir,
      written: write.length,
      units,
      ...(whyWhole ? { why: whyWhole } : {}),
      cleanup,
    }
  } catch (err) {
    await cleanup()
    throw err
  }
}
