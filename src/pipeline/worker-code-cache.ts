/**
 * V8's code cache for the scan worker's bundle on Node versions without `module.enableCompileCache`
 * (Node 20; compile-cache.ts covers Node ≥ 22.1): the worker starts from a few lines of boot code that
 * compile the bundle with `vm.Script` and the code V8 produced on an earlier run (`cachedData`), instead of
 * parsing and compiling 1.5 MB again. The cache is written once, after the first scan a worker finishes
 * (saveWorkerCodeCache), so it also holds the functions that scan compiled lazily.
 *
 * V8 checks cached data against its own version and flags but, for the source, only against its length:
 * the file name therefore carries a hash of the bundle's text (and the Node version), so a changed bundle
 * never meets the code of another. It lives in the same folder of the user's own as compile-cache.ts's
 * (cached code runs as is). NODE_DISABLE_COMPILE_CACHE turns it off; nothing in it can fail a scan: a
 * missing, unreadable or rejected cache means the bundle compiles as it would without.
 */
import * as module from 'node:module'
import { compileCacheFolder } from './compile-cache'

/** Where the boot code leaves the function that writes the cache (the bundle calls it once it is warm). */
const SAVE = 'azure-kms-guard.saveWorkerCodeCache'

/**
 * The boot code (a CommonJS script for `new Worker(code, { eval: true })`) that runs the bundle at
 * `script` with the code cache in `folder`. The bundle sees what Node gives a CommonJS module (require
 * relative to its own file, __dirname, module), so its chunks load as before.
 */
export function workerBootCode(script: string, folder: string): string {
  return `'use strict'
const fs = require('node:fs'), path = require('node:path'), vm = require('node:vm')
const Module = require('node:module'), crypto = require('node:crypto'), { threadId } = require('node:worker_threads')
const { isAscii } = require('node:buffer')
const file = ${JSON.stringify(script)}, folder = ${JSON.stringify(folder)}
const bytes = fs.readFileSync(file)
// The build writes the bundle in ASCII (scripts/build.mjs): read as Latin-1 it is the same text, made in a
// fraction of the time UTF-8 decoding takes.
const source = isAscii?.(bytes) ? bytes.toString('latin1') : bytes.toString('utf8')
const key = crypto.createHash('sha256').update(process.version + process.arch + '\\0').update(bytes).digest('hex')
const cacheFile = path.join(folder, 'scan-worker-' + key.slice(0, 40) + '.v8')
let cachedData
try { cachedData = fs.readFileSync(cacheFile) } catch {}
const compiled = new vm.Script(Module.wrap(source), { filename: file, cachedData })
if (cachedData === undefined || compiled.cachedDataRejected) {
  let saved = false
  globalThis[Symbol.for(${JSON.stringify(SAVE)})] = () => {
    if (saved) return
    saved = true
    const tmp = cacheFile + '.' + process.pid + '-' + threadId
    try {
      fs.writeFileSync(tmp, compiled.createCachedData(), { mode: 0o600 })
      fs.renameSync(tmp, cacheFile)
    } catch {
      try { fs.unlinkSync(tmp) } catch {}
    }
  }
}
const m = { exports: {}, id: file, filename: file, loaded: false }
compiled.runInThisContext().call(m.exports, m.exports, Module.createRequire(file), m, file, path.dirname(file))
`
}

/**
 * How to start the worker at `script`: through the boot code where this Node has no compile cache of its
 * own and the cache folder is usable; undefined to start it as usual.
 */
export function workerBoot(script: string): string | undefined {
  if (typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function') return undefined
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return undefined
  const folder = compileCacheFolder()
  return folder === undefined ? undefined : workerBootCode(script, folder)
}

/** Writes the worker's code cache if its boot code asked for one (called in the worker once a scan is done). */
export function saveWorkerCodeCache(): void {
  const save = (globalThis as Record<symbol, unknown>)[Symbol.for(SAVE)]
  if (typeof save === 'function') (save as () => void)()
}
