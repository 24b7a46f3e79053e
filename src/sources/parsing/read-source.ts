/**
 * The read boundary: every file a scan reads comes through here. A pull request writes the files we scan,
 * their symlinks and the config that names more files, so a path is only read when its real path (after
 * every symlink) lies inside the scan root, or is one the invoker named (an action input, a CLI argument),
 * and when it is a regular file no larger than the cap. Devices, FIFOs, sockets and directories are never
 * opened as files, so a link to /dev/zero or /etc costs one notice, never a hang or a crash.
 *
 * The boundary is plain data (no functions), so it crosses to the parse worker threads with the jobs.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { Origin } from '../../model/value'
import type { SourceDiagnostic } from '../../model/network'

export const MAX_SOURCE_BYTES = 5 * 1024 * 1024

export interface ReadBoundary {
  /** Real paths of the directories whose files may be read. */
  roots: string[]
  /** Real paths of single files the invoker named (they may lie elsewhere). */
  files: string[]
}

export type ReadOutcome =
  | { ok: true; text: string }
  | {
      ok: false
      reason: string
      /** The path leads outside the boundary: nothing about its target is told. */
      outside?: true
    }

const utf8 = new TextDecoder('utf-8', { fatal: true })

let onRead: ((file: string, text: string) => void) | undefined

/**
 * Tells `fn` of every file read whole (the path as asked, and its text); undefined stops. The scan worker
 * notes which files hold no suppression directive, so the calling thread need not read them again.
 */
export function observeReads(fn: ((file: string, text: string) => void) | undefined): void {
  onRead = fn
}

function realOrResolved(p: string): string {
  try {
    return fs.realpathSync(p)
  } catch {
    return path.resolve(p)
  }
}

/**
 * `dir` (a real path) joined with one name (a readdir entry, a file's base name), as path.join gives it:
 * where the separator is `/`, without normalising again a path that is real already (path.join per file
 * was most of discovery's garbage, and a tenth of a read's).
 */
export function childPath(dir: string, name: string): string {
  if (path.sep !== '/' || name === '' || name === '.' || name === '..' || name.includes('/'))
    return path.join(dir, name)
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`
}

/** A boundary around `roots` (directories) and the single `files` an invoker named. */
export function makeBoundary(roots: string[], files: string[] = []): ReadBoundary {
  return { roots: roots.map(realOrResolved), files: files.map(realOrResolved) }
}

/** Is `child` the same as or inside `parent` (both absolute, real paths)? */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel))
}

export function withinBoundary(real: string, boundary: ReadBoundary): boolean {
  return boundary.files.includes(real) || boundary.roots.some((r) => isInside(r, real))
}

const errorCode = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? 'error'

/** The refusal for a directory: Terraform's file() fails on one too, so callers may treat it as missing. */
export const IS_A_DIRECTORY = 'is a directory, not a file'

/** Why a path that is not a regular file is not read. */
function notAFile(s: fs.Stats): string {
  if (s.isDirectory()) return IS_A_DIRECTORY
  return 'is not a regular file (a device, FIFO or socket)'
}

/**
 * Real paths of directories already resolved, per boundary (a boundary lives for one scan): most files
 * share their directory with others, so a plain file costs one lstat instead of a realpath(3) (a readlink
 * per path component) and a stat. `null`: the directory does not resolve, the file takes the long way.
 */
const realDirs = new WeakMap<ReadBoundary, Map<string, { real: string; inside: boolean } | null>>()

function realDirOf(dir: string, boundary: ReadBoundary): { real: string; inside: boolean } | null {
  let known = realDirs.get(boundary)
  if (!known) realDirs.set(boundary, (known = new Map()))
  let hit = known.get(dir)
  if (hit === undefined) {
    try {
      const real = fs.realpathSync.native(dir)
      hit = { real, inside: boundary.roots.some((r) => isInside(r, real)) }
    } catch {
      hit = null
    }
    known.set(dir, hit)
  }
  return hit
}

/**
 * The real path of `file` when it is a plain regular file (no symlink as its last component) in a
 * directory whose real path is known; undefined when the long way must decide (links, missing files,
 * directories, devices, relative paths).
 */
function plainFile(
  file: string,
  boundary: ReadBoundary,
  regular: boolean,
): { real: string; inside: boolean } | undefined {
  if (!path.isAbsolute(file)) return undefined
  if (!regular) {
    const s = fs.lstatSync(file, { throwIfNoEntry: false })
    if (!s?.isFile()) return undefined
  }
  const dir = realDirOf(path.dirname(file), boundary)
  if (!dir) return undefined
  const real = childPath(dir.real, path.basename(file))
  return { real, inside: dir.inside || boundary.files.includes(real) }
}

/**
 * Reads one file through the boundary: inside the scan root (real path), a regular file, at most 5 MB,
 * UTF-8 text without NUL bytes. Anything else is refused with a reason that names nothing outside.
 * `regular`: the caller saw the path as a regular file, not a link (discovery's directory entry, see
 * isListedRegular), so its lstat is skipped (one syscall of five per file); the open (O_NOFOLLOW) and
 * the fstat after it still refuse a link or anything but a file put there since.
 */
export function readSource(
  file: string,
  boundary: ReadBoundary,
  regular = false,
  /** Given the bytes the text was decoded from, when the read succeeds (see keptText). */
  bytesOut?: (bytes: Buffer) => void,
): ReadOutcome {
  let real: string
  const plain = plainFile(file, boundary, regular)
  if (plain) {
    if (!plain.inside) return { ok: false, reason: 'leads outside the scanned directory', outside: true }
    real = plain.real
  } else {
    try {
      // The native call: one realpath(3) instead of an lstat per path component (a third of the read cost).
      real = fs.realpathSync.native(file)
    } catch (e) {
      const code = errorCode(e)
      // A dangling link may point anywhere: say only that it leads nowhere.
      return { ok: false, reason: code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})` }
    }
    if (!withinBoundary(real, boundary))
      return { ok: false, reason: 'leads outside the scanned directory', outside: true }
  }
  let fd: number
  try {
    // A plain file was seen to be a regular file by its lstat; anything else is checked before it is opened.
    if (!plain) {
      const s = fs.statSync(real)
      if (!s.isFile()) return { ok: false, reason: notAFile(s) }
    }
    // O_NONBLOCK: should the file be swapped for a FIFO after the check, opening it does not wait.
    // O_NOFOLLOW (plain files): should it be swapped for a link, opening it fails instead of following.
    const flags =
      fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (plain ? (fs.constants.O_NOFOLLOW ?? 0) : 0)
    fd = fs.openSync(real, flags)
  } catch (e) {
    // Gone or swapped for a link since it was listed: the long way tells which.
    if (regular) return readSource(file, boundary, false, bytesOut)
    return { ok: false, reason: `cannot be read (${errorCode(e)})` }
  }
  let bytes: Buffer
  try {
    const s = fs.fstatSync(fd)
    if (!s.isFile()) return { ok: false, reason: notAFile(s) }
    if (s.size > MAX_SOURCE_BYTES) {
      return { ok: false, reason: `is ${(s.size / 1024 / 1024).toFixed(1)} MB, over the 5 MB limit` }
    }
    // Never more than the cap, whatever the size said (a file that grows while read). Every byte handed
    // on is one read here, so the buffer need not be zeroed.
    const buf = Buffer.allocUnsafe(Math.min(s.size, MAX_SOURCE_BYTES) + 1)
    let n = 0
    for (;;) {
      const want = buf.length - n
      const got = fs.readSync(fd, buf, n, want, n)
      n += got
      // A regular file reads short only at its end: no second call to learn that.
      if (got === 0 || got < want || n === buf.length) break
    }
    if (n > MAX_SOURCE_BYTES) return { ok: false, reason: 'is over the 5 MB limit' }
    bytes = buf.subarray(0, n)
  } catch (e) {
    return { ok: false, reason: `cannot be read (${errorCode(e)})` }
  } finally {
    fs.closeSync(fd)
  }
  if (bytes.includes(0)) return { ok: false, reason: 'is not text (it holds NUL bytes)' }
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    return { ok: false, reason: 'is not UTF-8 text' }
  }
  // A byte order mark is valid UTF-8 but not part of the source.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  onRead?.(file, text)
  bytesOut?.(bytes)
  return { ok: true, text }
}

/**
 * The text of bytes readSource read and handed out (bytesOut), decoded again. A text kept for later as
 * its bytes lives outside the JavaScript heap: thousands of file texts read ahead (terraformUnits) are
 * not copied by every young-generation collection until their unit is parsed.
 */
export function keptText(bytes: Buffer): string {
  const text = utf8.decode(bytes)
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** The notice for a file the scan could not read (too large, not UTF-8, a link out of the root...). */
export function skippedNotice(file: string, reason: string, line = 1): SourceDiagnostic {
  return {
    ruleId: 'KMS012',
    severity: 'notice',
    origin: { file, startLine: line, endLine: line },
    message: `Skipped this file: it ${reason}.`,
  }
}

/**
 * The notice for a file a scanned file refers to (a var file in the config, a linked template, a Terraform
 * file() call) that was not read: located at the reference, naming it as written, never its content.
 */
export function refusedReference(origin: Origin, reference: string, reason: string): SourceDiagnostic {
  return {
    ruleId: 'KMS012',
    severity: 'notice',
    origin,
    message: `Did not read ${JSON.stringify(reference)}: it ${reason}.`,
  }
}
