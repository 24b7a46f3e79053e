/**
 * How a finding's file is shown: relative to the workspace (or the CLI's cwd) with forward slashes,
 * because annotations, SARIF and the summary all name files the way the repository does.
 */
import { existsSync, statSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'

/** An ARM resource id (live state) is a location but not a file: it is shown as is. */
export function isArmId(file: string): boolean {
  return /^\/subscriptions\//i.test(file)
}

/**
 * The answers of displayPath for the last base: a report names the same few thousand files many times.
 * `inside` is `base/` when base is a normalised POSIX path, for the fast path below.
 */
let shown: { base: string; inside: string | undefined; paths: Map<string, string> } | undefined

/** A path with no `.`/`..` segment, doubled or trailing slash: one path.relative would leave as it is. */
const plainTail = (p: string): boolean => !/\/\/|\/\.\.?(\/|$)|\/$/.test(p)

/** `file` relative to `base` with forward slashes; ARM ids and non-absolute names are returned unchanged. */
export function displayPath(file: string, base: string): string {
  // Only for an absolute base: a relative one would be resolved against a working directory that may change.
  if (!isAbsolute(base)) return pathFrom(file, base)
  if (shown?.base !== base)
    shown = {
      base,
      inside: sep === '/' && base !== '/' && plainTail(base) ? `${base}/` : undefined,
      paths: new Map(),
    }
  let p = shown.paths.get(file)
  if (p !== undefined) return p
  // A plain file under a plain base is its tail: the report's thread meets each file here once, with
  // path.relative not yet compiled, where it cost a 10 MB scan's report ~30 ms on Node 20.
  const { inside } = shown
  p =
    inside !== undefined &&
    file.startsWith(inside) &&
    file.length > inside.length &&
    plainTail(file) &&
    !isArmId(file)
      ? file.slice(inside.length)
      : pathFrom(file, base)
  shown.paths.set(file, p)
  return p
}

function pathFrom(file: string, base: string): string {
  if (isArmId(file) || !isAbsolute(file)) return file.split(sep).join('/')
  const rel = relative(base, file)
  return (rel === '' ? '.' : rel).split(sep).join('/')
}

/**
 * The repository-relative path of a file inside `base`, or undefined when it is not a file under it
 * (an ARM id, or a var file outside the workspace): annotations and SARIF locations can only point at
 * files of the checked-out repository.
 */
export function repoPath(file: string, base: string): string | undefined {
  if (isArmId(file) || !isAbsolute(file)) return undefined
  const rel = displayPath(file, base)
  if (rel === '.' || rel === '..' || rel.startsWith('../') || isAbsolute(rel)) return undefined
  return rel
}

/**
 * The git work tree that holds `start` (a directory or a file): the nearest directory at or above it with
 * a `.git` entry (a directory, or a file in worktrees and submodules). Undefined outside any repository.
 */
export function gitRoot(start: string): string | undefined {
  let dir = resolve(start)
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir
    const up = dirname(dir)
    if (up === dir) return undefined
    dir = up
  }
}

/** The directory a scan root names: itself, or the folder of a single scanned file. */
export function scanDir(root: string): string {
  try {
    return statSync(root).isDirectory() ? root : dirname(root)
  } catch {
    return root
  }
}
