/**
 * Unpacks a downloaded module package (.tar.gz/.tgz/.tar with node-tar, .zip with yauzl) into an empty
 * folder, bounded: at most `maxFiles` entries and `maxBytes` unpacked. Only regular files and directories
 * are written; symbolic and hard links, devices and absolute or `..` paths are refused, so nothing can
 * land outside the folder (zip-slip) or point outside it afterwards.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import * as tar from 'tar'
import * as yauzl from 'yauzl'
import { isInside } from '../../parsing/discover'
import type { ArchiveType } from './source'
import { DownloadError } from './http'

export interface ArchiveLimits {
  maxFiles: number
  maxBytes: number
}

/** Is `name` a relative path that stays inside the folder? */
function safeEntry(dest: string, name: string): string | undefined {
  if (name.includes('\0') || path.isAbsolute(name) || /^[a-zA-Z]:/.test(name)) return undefined
  const parts = name.replace(/\\/g, '/').split('/')
  if (parts.includes('..')) return undefined
  const full = path.resolve(dest, ...parts.filter((p) => p !== '' && p !== '.'))
  return isInside(dest, full) ? full : undefined
}

async function untar(data: Buffer, dest: string, gzip: boolean, limits: ArchiveLimits): Promise<void> {
  let files = 0
  let bytes = 0
  let refused: string | undefined
  const extract = tar.x({
    cwd: dest,
    gzip,
    strict: true,
    preservePaths: false,
    maxDepth: 64,
    noChmod: true,
    preserveOwner: false,
    filter: (p, entry) => {
      const type = 'type' in entry ? entry.type : undefined
      if (type !== 'File' && type !== 'OldFile' && type !== 'Directory') return false
      if (!safeEntry(dest, p)) {
        refused ??= `entry "${p}" leaves the package folder`
        return false
      }
      files++
      bytes += 'size' in entry && typeof entry.size === 'number' ? entry.size : 0
      if (files > limits.maxFiles) refused ??= `more than ${limits.maxFiles} files`
      if (bytes > limits.maxBytes) refused ??= `more than ${limits.maxBytes} bytes unpacked`
      return refused === undefined
    },
  })
  try {
    await pipeline(Readable.from([data]), extract)
  } catch (e) {
    throw new DownloadError(`the archive could not be unpacked: ${(e as Error).message}`)
  }
  if (refused) throw new DownloadError(`the archive was refused: ${refused}`)
}

async function unzip(data: Buffer, dest: string, limits: ArchiveLimits): Promise<void> {
  let zip: yauzl.ZipFile
  try {
    zip = await yauzl.fromBufferPromise(data, {
      lazyEntries: true,
      validateEntrySizes: true,
      strictFileNames: true,
    })
  } catch (e) {
    throw new DownloadError(`the zip archive could not be read: ${(e as Error).message}`)
  }
  if (zip.entryCount > limits.maxFiles)
    throw new DownloadError(`the archive has more than ${limits.maxFiles} entries`)
  let bytes = 0
  try {
    for (;;) {
      const entry = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
        zip.once('entry', resolve)
        zip.once('end', () => resolve(undefined))
        zip.once('error', reject)
        zip.readEntry()
      })
      zip.removeAllListeners('entry').removeAllListeners('end').removeAllListeners('error')
      if (!entry) break
      const full = safeEntry(dest, entry.fileName)
      if (!full)
        throw new DownloadError(
          `the archive was refused: entry "${entry.fileName}" leaves the package folder`,
        )
      const mode = (entry.externalFileAttributes >>> 16) & 0o170000
      if (entry.fileName.endsWith('/')) {
        fs.mkdirSync(full, { recursive: true })
        continue
      }
      // Symbolic links (and anything but a regular file) are not unpacked.
      if (mode !== 0 && mode !== 0o100000) continue
      bytes += entry.uncompressedSize
      if (bytes > limits.maxBytes)
        throw new DownloadError(`the archive was refused: more than ${limits.maxBytes} bytes unpacked`)
      fs.mkdirSync(path.dirname(full), { recursive: true })
      const stream = await new Promise<Readable>((resolve, reject) =>
        zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))),
      )
      await pipeline(stream, fs.createWriteStream(full, { flags: 'wx' }))
    }
  } catch (e) {
    if (e instanceof DownloadError) throw e
    throw new DownloadError(`the zip archive could not be unpacked: ${(e as Error).message}`)
  } finally {
    zip.close()
  }
}

export async function unpack(
  data: Buffer,
  type: ArchiveType,
  dest: string,
  limits: ArchiveLimits,
): Promise<void> {
  fs.mkdirSync(dest, { recursive: true })
  if (type === 'zip') return unzip(data, dest, limits)
  return untar(data, dest, type !== 'tar', limits)
}

/** The archive type from the first bytes, for a download URL that does not say. */
export function sniffArchive(data: Buffer): ArchiveType | undefined {
  if (data[0] === 0x1f && data[1] === 0x8b) return 'tar.gz'
  if (data[0] === 0x50 && data[1] === 0x4b) return 'zip'
  if (data.subarray(257, 262).toString('latin1') === 'ustar') return 'tar'
  return undefined
}
