/**
 * Starting the scan worker (scan-isolated.ts runs the scan in it). Kept apart from the scan's own code, with
 * nothing but Node's modules and the two code caches beside it, because the CLI and the action start the
 * worker first thing (warmScanWorker): their first chunk is this module, so the worker's start (a thread,
 * Node's own modules, the 1.8 MB worker bundle) begins before the rest of the program is parsed, and the two
 * load side by side. In scan-isolated.ts's chunk, the worker started after ~170 KB more were parsed.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { Worker, type WorkerOptions } from 'node:worker_threads'
import { workerEnvironment } from './compile-cache'
import { workerBoot } from './worker-code-cache'

/**
 * V8 old-space limit of the scan worker; AZURE_KMS_GUARD_UNIT_HEAP_MB changes it. Just under 2 GB, not
 * 2048: from a limit of 2048 MB up, 64-bit V8 lets the old generation grow to 4× what survived its last
 * collection before the next (src/heap/heap-controller: MaxGrowingFactor is 4 at kMaxSize = 1024 MB ×
 * kHeapLimitMultiplier 2, and at most 2 below it). The worker keeps ~20 MB alive while it judges one unit
 * after another, so at 2048 its heap swelled to ~100 MB of garbage between collections (peak RSS of a
 * 30 MB scan 256 MB, 217 MB at 2047, the same CPU).
 */
export const DEFAULT_UNIT_HEAP_MB = 2047

const YOUNG_MB = 16

declare const __non_webpack_require__: unknown

/** dist/scan-worker/index.js when running from the bundle (its chunks beside it). */
export function workerScript(): string | undefined {
  if (typeof __non_webpack_require__ !== 'function' || typeof __dirname !== 'string') return undefined
  const script = path.join(__dirname, 'scan-worker', 'index.js')
  return fs.existsSync(script) ? script : undefined
}

/** The scan worker's old-space limit in MB (see DEFAULT_UNIT_HEAP_MB). */
export function unitHeapMb(env: NodeJS.ProcessEnv = process.env): number {
  const v = env.AZURE_KMS_GUARD_UNIT_HEAP_MB?.trim()
  return v && /^\d+$/.test(v) && Number(v) >= 32 ? Number(v) : DEFAULT_UNIT_HEAP_MB
}

/**
 * A worker started before the first scan needs it (warmScanWorker): it loads its bundle while the caller
 * does other work (the action reads its event, the changed files, the base commit's tree), and serves one
 * scan after another. Idle, it is unref'd: it never keeps the process alive.
 */
export interface WarmWorker {
  worker: Worker
  heapMb: number
}
let warm: WarmWorker | undefined

export const workerOptions = (heapMb: number, workerData: unknown) => ({
  workerData,
  // The compile cache's folder (compile-cache.ts), when the entry turned it on: the worker's bundle is cached too.
  ...(workerEnvironment() ? { env: workerEnvironment() } : {}),
  // A small young generation: when the old space is full, Node ends the worker and gives the
  // collector 16 MB more to finish; a scavenge that promotes more than that aborts the whole
  // process (seen with the default young generation under load). 16 MB keeps each one under it.
  // Speed does not argue for more (bench/threads.mjs, 10 MB bench corpus, load 8-13): at 32 MB the helpers
  // spent 0.3 s less on collection (98 → 63 scavenges) but the worker no less and wall time went either
  // way (median 9.3 against 11.0 s in one run of 3, 14.3 against 9.1 s in one of 4); 64 MB was slower in
  // every run (11.6-14.5 against 6.8-11.6 s).
  resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: YOUNG_MB },
  // The worker's own output is ours (progress goes through messages); nothing of it is a report.
  stdout: false,
  stderr: false,
})

/** The worker at `script`; on Node 20 through the boot code that brings V8's code cache (worker-code-cache.ts). */
export function startWorker(script: string, options: WorkerOptions): Worker {
  const boot = workerBoot(script)
  return boot === undefined ? new Worker(script, options) : new Worker(boot, { ...options, eval: true })
}

/**
 * Starts the scan worker ahead of the first scan (the action calls it first thing): its start (a
 * thread, then parsing the 1.5 MB worker bundle) overlaps what the caller does before scanning, and the
 * scans that follow (a pull request's head and base) share it. Nothing when there is no worker bundle.
 */
export function warmScanWorker(): void {
  const script = workerScript()
  if (!script || warm || process.env.AZURE_KMS_GUARD_WORKERS === '0') return
  const heapMb = unitHeapMb()
  const slot: WarmWorker = { worker: startWorker(script, workerOptions(heapMb, { serve: true })), heapMb }
  idle(slot)
}

/** Parks a serving worker for the next scan; one that dies while parked is forgotten (the next scan starts its own). */
export function idle(slot: WarmWorker): void {
  if (warm) {
    void slot.worker.terminate()
    return
  }
  warm = slot
  slot.worker.unref()
  const gone = () => {
    if (warm === slot) warm = undefined
  }
  slot.worker.once('error', gone)
  slot.worker.once('exit', gone)
}

/** Ends the parked worker (no scan follows): its heap is given back now, not at the process's exit. */
export async function retireWarmWorker(): Promise<void> {
  const slot = warm
  if (!slot) return
  warm = undefined
  slot.worker.removeAllListeners('error')
  slot.worker.removeAllListeners('exit')
  await slot.worker.terminate()
}

/** The parked worker, if it suits this scan (same heap limit); taken out of the park. */
export function takeWarm(heapMb: number): WarmWorker | undefined {
  const slot = warm
  if (!slot || slot.heapMb !== heapMb) return undefined
  warm = undefined
  slot.worker.removeAllListeners('error')
  slot.worker.removeAllListeners('exit')
  slot.worker.ref()
  return slot
}
