/**
 * V8's compile cache for our bundles (Node ≥ 22.1, `module.enableCompileCache`): a later run of the CLI or
 * the action on the same machine loads the code V8 compiled last time instead of parsing and compiling the
 * bundles again (measured on Node 24: the scan worker's start 0.21 → 0.12 s CPU, the calling thread's
 * 0.19 → 0.15 s). Node checks each entry against the source and its own version, so a new release or
 * another Node never reads a stale one. Nothing on Node 20, which has no such cache.
 *
 * It is written under the system's temporary folder (never the scanned repository), in a folder of this
 * user's own: cached code runs as is, so a folder someone else could write into is not used.
 * NODE_COMPILE_CACHE (a folder the user chose) wins; NODE_DISABLE_COMPILE_CACHE turns it off.
 */
import * as fs from 'node:fs'
import * as module from 'node:module'
import * as os from 'node:os'
import * as path from 'node:path'

type Enable = (dir?: string) => { status: number; directory?: string }

let enabled: string | undefined

/** This user's cache folder under the temporary folder, when it is (or can be made) theirs alone. */
function ownFolder(): string | undefined {
  const uid = process.getuid?.()
  // Windows: the temporary folder is the user's own already.
  if (uid === undefined) return path.join(os.tmpdir(), 'azure-kms-guard-compile-cache')
  const dir = path.join(os.tmpdir(), `azure-kms-guard-compile-cache-${uid}`)
  try {
    fs.mkdirSync(dir, { mode: 0o700 })
  } catch {
    // There already (or not creatable: then the check below fails).
  }
  try {
    const s = fs.lstatSync(dir)
    return s.isDirectory() && s.uid === uid && (s.mode & 0o022) === 0 ? dir : undefined
  } catch {
    return undefined
  }
}

/** The cache folder: NODE_COMPILE_CACHE when set, else this user's own (undefined when it is not usable). */
export function compileCacheFolder(): string | undefined {
  return process.env.NODE_COMPILE_CACHE || ownFolder()
}

/**
 * Turns the cache on for what this thread loads from now on (an entry calls it first) and remembers the
 * folder for the scan worker (workerCompileCache). Never throws: without a cache the scan is the same.
 */
export function enableCompileCache(): void {
  const enable = (module as unknown as { enableCompileCache?: Enable }).enableCompileCache
  if (typeof enable !== 'function' || process.env.NODE_DISABLE_COMPILE_CACHE) return
  try {
    const dir = compileCacheFolder()
    if (dir === undefined) return
    const { directory } = enable(dir)
    enabled = directory
  } catch {
    enabled = undefined
  }
}

/** The environment a scan worker starts with: the cache folder, when this thread has one. */
export function workerEnvironment(): NodeJS.ProcessEnv | undefined {
  return enabled === undefined ? undefined : { ...process.env, NODE_COMPILE_CACHE: enabled }
}
