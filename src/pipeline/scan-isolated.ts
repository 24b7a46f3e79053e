/**
 * Unit isolation: one unit's crash or out-of-memory costs that unit, never the report.
 *
 * The scan runs in one worker thread with a heap limit (units one after another inside it, as on the
 * calling thread). The worker writes what it is doing into shared memory as it goes (the phase, and the
 * file it parses or the unit it evaluates, models or analyses: src/sources/evaluation/unit-watch.ts), so even a
 * thread V8 kills for lack of memory leaves the name behind. When the worker dies on a file or a unit,
 * the scan runs again in a fresh worker without it: a file gets a located KMS012 "Skipped" notice, a
 * unit a KMS012 warning at its start, each saying which phase killed the worker, and everything else is
 * judged as usual. A death in a phase no one file or unit answers for (discovery, between units, the
 * report) ends the scan with an error naming that phase.
 *
 * One worker, units one after another inside it, no parallelism: on 2 cores shared with the runner it
 * costs one worker start and gains memory. Measured on the ~25 MB corpus of /work/shared/perf/ratio.sh,
 * interleaved, load average 12: median 10.4 s and 186 MB peak in the worker against 13.6 s and 236 MB
 * on the calling thread (the time difference is noise; the memory is the worker's small young
 * generation). Two workers judging half the units each (findings back, not syntax trees) do not pay on
 * 2 cores: measured as two scans of alternate units at once (a pool's best case: no merging), against
 * one scan of all, on the 10 and 30 MB corpora of /work/shared/perf/gen_tf_corpus.py, interleaved, load
 * average 16-24: 10 MB median 20.1 s and 307 MB (N=2) against 17.0 s and 182 MB (N=1), 5 rounds; 30 MB
 * 47.6 s and 415 MB against 48.9 s and 287 MB, 3 rounds. No faster, half again the memory, past the
 * 300 MB goal at 30 MB: so one worker. The worker is dist/scan-worker.js, beside each bundle; without it (tests on the sources) or with
 * `workers: false` the scan runs on the calling thread. Options travel to the worker by structured
 * clone, so they are plain data: a pull request's unit selection is ScanOptions.units, not a function.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { Worker } from 'node:worker_threads'
import type { ScanOptions, ScanResult } from './scan-types'
import {
  PHASES,
  UNIT_KEY_BYTES,
  readWatch,
  type Phase,
  type WatchState,
} from '../sources/evaluation/unit-watch'

/** V8 old-space limit of the scan worker; AZURE_KMS_GUARD_UNIT_HEAP_MB changes it. */
export const DEFAULT_UNIT_HEAP_MB = 2048

const YOUNG_MB = 16

/** After this many deaths the scan gives up: something other than one unit is wrong. */
const MAX_DEATHS = 8

declare const __non_webpack_require__: unknown

/** dist/scan-worker.js when running from the bundle. */
function workerScript(): string | undefined {
  if (typeof __non_webpack_require__ !== 'function' || typeof __dirname !== 'string') return undefined
  const script = path.join(__dirname, 'scan-worker.js')
  return fs.existsSync(script) ? script : undefined
}

export function unitHeapMb(env: NodeJS.ProcessEnv = process.env): number {
  const v = env.AZURE_KMS_GUARD_UNIT_HEAP_MB?.trim()
  return v && /^\d+$/.test(v) && Number(v) >= 32 ? Number(v) : DEFAULT_UNIT_HEAP_MB
}

/** What the worker sends: progress, then its result or the error the scan threw. */
export type WorkerMessage =
  | { type: 'progress'; files: number; units: number }
  | { type: 'done'; result: ScanResult }
  | { type: 'failed'; message: string }

export interface WorkerInput {
  options: Omit<ScanOptions, 'onProgress'>
  /** Watch subject (a file, a unit's key) → why it is not processed (it killed an earlier worker). */
  skip: Record<string, string>
  /** Where the worker writes what it is doing (src/sources/evaluation/unit-watch.ts). */
  watch: SharedArrayBuffer
}

type Attempt = { ok: true; result: ScanResult } | { ok: false; at: WatchState; why: string }

/** What a file or unit is told when the worker died on it: "the worker <doing> ran out of memory". */
const DOING: Partial<Record<Phase, string>> = {
  parsing: 'parsing it',
  evaluation: 'evaluating it',
  model: 'building its network model',
  analysis: 'analysing its network',
}

/** The scan of `options`, isolated when the bundle has its worker; the same result either way. */
export async function scanIsolated(options: ScanOptions): Promise<ScanResult> {
  const script = workerScript()
  // AZURE_KMS_GUARD_WORKERS=0: on the calling thread (benchmarks compare the two).
  if (!script || options.workers === false || process.env.AZURE_KMS_GUARD_WORKERS === '0') {
    // Loaded only here: with its worker, the calling thread never runs the pipeline, and leaving it
    // out of the bundle's first chunk spares the action and the CLI parsing it at every start.
    const { scan } = await import('./scan')
    return scan(options)
  }
  const skip: Record<string, string> = {}
  const heapMb = unitHeapMb()
  for (let deaths = 0; ; deaths++) {
    // Options are plain data (a pull request's unit selection included, ScanOptions.units): every
    // scan, head and base, runs in the worker.
    const attempt = await runWorker(script, options, skip, heapMb)
    if (attempt.ok) return attempt.result
    const { phase, subject } = attempt.at
    // A death no one file or unit answers for (or one that came back) ends the scan, naming the phase.
    if (subject === undefined || subject in skip || deaths + 1 >= MAX_DEATHS)
      throw new Error(
        `the scan stopped while ${PHASES[phase]}${subject === undefined ? ', outside any one file or deployment unit' : ''}: ` +
          `its worker ${attempt.why}`,
      )
    skip[subject] = `the worker ${DOING[phase] ?? `${PHASES[phase]} it`} ${attempt.why}`
  }
}

/**
 * A worker started before the first scan needs it (warmScanWorker): it loads its bundle while the caller
 * does other work (the action reads its event, the changed files, the base commit's tree), and serves one
 * scan after another. Idle, it is unref'd: it never keeps the process alive.
 */
interface WarmWorker {
  worker: Worker
  heapMb: number
}
let warm: WarmWorker | undefined

const workerOptions = (heapMb: number, workerData: unknown) => ({
  workerData,
  // A small young generation: when the old space is full, Node ends the worker and gives the
  // collector 16 MB more to finish; a scavenge that promotes more than that aborts the whole
  // process (seen with the default young generation under load). 16 MB keeps each one under it.
  resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: YOUNG_MB },
  // The worker's own output is ours (progress goes through messages); nothing of it is a report.
  stdout: false,
  stderr: false,
})

/**
 * Starts the scan worker ahead of the first scan (the action calls it first thing): its start (a
 * thread, then parsing the 2 MB worker bundle) overlaps what the caller does before scanning, and the
 * scans that follow (a pull request's head and base) share it. Nothing when there is no worker bundle.
 */
export function warmScanWorker(): void {
  const script = workerScript()
  if (!script || warm || process.env.AZURE_KMS_GUARD_WORKERS === '0') return
  const heapMb = unitHeapMb()
  const slot: WarmWorker = { worker: new Worker(script, workerOptions(heapMb, { serve: true })), heapMb }
  idle(slot)
}

/** Parks a serving worker for the next scan; one that dies while parked is forgotten (the next scan starts its own). */
function idle(slot: WarmWorker): void {
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

/** The parked worker, if it suits this scan (same heap limit); taken out of the park. */
function takeWarm(heapMb: number): WarmWorker | undefined {
  const slot = warm
  if (!slot || slot.heapMb !== heapMb) return undefined
  warm = undefined
  slot.worker.removeAllListeners('error')
  slot.worker.removeAllListeners('exit')
  slot.worker.ref()
  return slot
}

function runWorker(
  script: string,
  options: ScanOptions,
  skip: Record<string, string>,
  heapMb: number,
): Promise<Attempt> {
  const { onProgress, ...rest } = options
  const watch = new SharedArrayBuffer(UNIT_KEY_BYTES)
  const input: WorkerInput = { options: rest, skip, watch }
  return new Promise((resolve, reject) => {
    const served = takeWarm(heapMb)
    const worker = served?.worker ?? new Worker(script, workerOptions(heapMb, input))
    let settled = false
    /** A serving worker goes back to the park once its scan is over (done or failed); a one-scan worker ends. */
    const release = () => {
      worker.removeAllListeners('message')
      worker.removeAllListeners('error')
      worker.removeAllListeners('exit')
      if (served) idle(served)
      else void worker.terminate()
    }
    const settle = (a: Attempt) => {
      if (settled) return
      settled = true
      resolve(a)
    }
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress?.({ files: m.files, units: m.units })
      else if (m.type === 'done') {
        settle({ ok: true, result: m.result })
        release()
      } else {
        settled = true
        if (served) release()
        reject(new Error(m.message))
      }
    })
    worker.on('error', (err: Error & { code?: string }) =>
      settle({
        ok: false,
        at: readWatch(watch),
        why:
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `ran out of memory (heap limit ${heapMb} MB)`
            : `crashed (${err.message.split('\n')[0]!.slice(0, 200)})`,
      }),
    )
    worker.on('exit', (code) =>
      settle({ ok: false, at: readWatch(watch), why: `stopped with exit code ${code}` }),
    )
    if (served) worker.postMessage(input)
  })
}
