/**
 * Unit isolation: one unit's crash or out-of-memory costs that unit, never the report.
 *
 * The scan runs in worker threads with a heap limit each. The worker writes what it is doing into shared
 * memory as it goes (the phase, and the file it parses or the unit it evaluates, models or analyses:
 * src/sources/evaluation/unit-watch.ts), so even a thread V8 kills for lack of memory leaves the name
 * behind. When a worker dies on a file or a unit, its share runs again in a fresh worker without it: a
 * file gets a located KMS012 "Skipped" notice, a unit a KMS012 warning at its start, each saying which
 * phase killed the worker, and everything else is judged as usual. A death in a phase no one file or unit
 * answers for (discovery, between units) ends the scan with an error naming that phase.
 *
 * Workers that pay: with several cores, several workers share the scan (src/pipeline/shares.ts). Each finds
 * the files and forms the units itself (the same in all), then parses, evaluates, models, analyses and
 * judges its own share of the units where it parsed them, and sends back findings and verdicts per unit,
 * never syntax trees or models; this thread merges them in unit order (scan.ts finishScan), so the report
 * is the one a single worker makes. One worker per two cores (CORES_PER_WORKER: each worker's V8 helper threads
 * keep about a core busy beside it), and one for a live overlay, downloads or a pull request's unit selection.
 *
 * The worker is dist/scan-worker/index.js, beside each bundle; without it (tests on the sources) or with
 * `workers: false` the scan runs on the calling thread. Options travel to the worker by structured
 * clone, so they are plain data: a pull request's unit selection is ScanOptions.units, not a function.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import type { Worker } from 'node:worker_threads'
import type { ScanOptions, ScanResult } from './scan-types'
import type { JudgedUnit, ScanPart } from './scan-merge'
import { readSource, type ReadBoundary } from '../sources/parsing/read-source'
import { DIRECTIVE } from '../suppress/inline'
import { mayShare, type ShareSpec } from './shares'
import { crossUnitPass } from './cross-unit'
import {
  idle,
  retireWarmWorker,
  startWorker,
  takeWarm,
  unitHeapMb,
  workerOptions,
  workerScript,
} from './worker-start'
import { StringTable } from './intern'
import {
  PHASES,
  UNIT_KEY_BYTES,
  readWatch,
  type Phase,
  type WatchState,
} from '../sources/evaluation/unit-watch'

/** After this many deaths the scan gives up: something other than one unit is wrong. */
const MAX_DEATHS = 8

/** Most workers one scan uses: each repeats discovery, so more stop paying. */
const MAX_SCAN_WORKERS = 4

/**
 * Cores one scan worker uses. Measured per thread (/proc/<tid>/stat) on the 10 MB corpus of
 * /work/shared/perf/ratio.sh, Node 20, 2 cores: one worker runs 2.3 s of JavaScript while V8's helper
 * threads spend 1.6-1.9 s beside it (optimising compiles ~1.2 s, garbage collection ~0.5 s) and the
 * calling thread 0.7 s. Two workers run 1.6 s each (discovery, start and compiles repeated in each) and
 * the helpers 2.5-3.1 s: 6.4-7.0 s of CPU against 4.6-5.1 s, more than 2 cores give back in time. So a
 * worker per two cores: one on 2 cores, two on 4.
 */
const CORES_PER_WORKER = 2

/**
 * How many workers share the scan: one per CORES_PER_WORKER cores up to MAX_SCAN_WORKERS
 * (AZURE_KMS_GUARD_SCAN_WORKERS sets it), when the tree may hold enough to pay for them (shares.ts mayShare). One when the scan cannot be
 * split: the deployed network is overlaid on the IaC of its whole cloud, module downloads would run in
 * every worker, and a pull request's unit selection is recorded in order.
 */
export function scanWorkers(options: ScanOptions, env: NodeJS.ProcessEnv = process.env): number {
  if (options.deployed || options.downloadModules || options.units) return 1
  const set = env.AZURE_KMS_GUARD_SCAN_WORKERS?.trim()
  if (set && /^\d+$/.test(set) && Number(set) >= 1) return Math.min(Number(set), 16)
  // A worker keeps about a second core busy with V8's work beside it (optimising compiles, collection).
  const workers = Math.min(Math.floor(os.availableParallelism() / CORES_PER_WORKER), MAX_SCAN_WORKERS)
  if (workers <= 1) return 1
  try {
    if (!fs.statSync(options.path).isDirectory()) return 1
  } catch {
    return 1
  }
  return mayShare(options.path, env) ? workers : 1
}

/** What the worker sends: progress, then its share's part or the error the scan threw. */
export type WorkerMessage =
  | { type: 'progress'; files: number; units: number }
  | { type: 'units'; judged: JudgedUnit[]; boundary: ReadBoundary; clean: string[] }
  | { type: 'done'; part: ScanPart; clean: string[] }
  | { type: 'failed'; message: string }

export interface WorkerInput {
  options: Omit<ScanOptions, 'onProgress'>
  /** Which share of the units this worker judges. */
  share: ShareSpec
  /** Watch subject (a file, a unit's key) → why it is not processed (it killed an earlier worker). */
  skip: Record<string, string>
  /** Where the worker writes what it is doing (src/sources/evaluation/unit-watch.ts). */
  watch: SharedArrayBuffer
}

type Attempt = { ok: true; part: ScanPart } | { ok: false; at: WatchState; why: string }

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
  const count = scanWorkers(options)
  // The merge runs here once the shares are judged; its code (small: no parsers) loads while they work.
  const merging = import('./scan-merge')
  // Attached now: a failed load is reported where it is awaited, not as an unhandled rejection.
  merging.catch(() => {})
  const skip: Record<string, string> = {}
  const heapMb = unitHeapMb()
  const live = new Set<Worker>()
  // What the workers send is kept until the merge: one copy of each string (intern.ts).
  const strings = new StringTable()
  const told = Array.from({ length: count }, () => ({ files: 0, units: 0 }))
  let deaths = 0
  let stopped = false
  // The files of the findings that came in, read for their suppressions while the workers go on: the
  // text when it has a directive, else undefined (its findings are kept, as applySuppressions keeps them).
  const suppressions = new Map<string, string | undefined>()
  // Files the worker read without a directive: nothing to suppress there, no need to read them again.
  const readClean = (files: string[]): void => {
    for (const file of files) suppressions.set(file, undefined)
  }
  const takeIn = (judged: JudgedUnit[], boundary: ReadBoundary): void => {
    for (const u of judged)
      for (const f of u.findings) {
        const file = f.location.file
        if (suppressions.has(file) || /\.json$/i.test(file)) continue
        const r = readSource(file, boundary)
        suppressions.set(file, r.ok && r.text.includes(DIRECTIVE) ? r.text : undefined)
      }
    // The merge's work on these units alone, done now rather than after the last one (scan-merge.ts
    // prepareMerge). Only a head start: what it leaves undone (or if it fails) the merge does itself.
    merging.then((m) => m.prepareMerge(judged)).catch(() => {})
  }
  const runShare = async (index: number): Promise<ScanPart> => {
    for (;;) {
      // What this attempt skips: a subject another share adds meanwhile is news to it, not a return.
      const skipping = { ...skip }
      const onProgress = options.onProgress
        ? (p: { files: number; units: number }) => {
            told[index] = p
            options.onProgress?.({
              files: Math.max(...told.map((t) => t.files)),
              units: told.reduce((n, t) => n + t.units, 0),
            })
          }
        : undefined
      // Units a worker sent before it died are judged again by the next attempt.
      const streamed: JudgedUnit[][] = []
      const onUnits = (judged: JudgedUnit[], boundary: ReadBoundary, clean: string[]) => {
        readClean(clean)
        streamed.push(judged)
        takeIn(judged, boundary)
      }
      const attempt = await runWorker(
        script,
        options,
        skipping,
        heapMb,
        { index, count },
        live,
        onProgress,
        onUnits,
        readClean,
        strings,
      )
      if (stopped) throw new Error('the scan stopped')
      if (attempt.ok) return { ...attempt.part, judged: [...streamed.flat(), ...attempt.part.judged] }
      const { phase, subject } = attempt.at
      deaths++
      // A death no one file or unit answers for (or one that came back) ends the scan, naming the phase.
      if (subject === undefined || subject in skipping || deaths >= MAX_DEATHS)
        throw new Error(
          `the scan stopped while ${PHASES[phase]}${subject === undefined ? ', outside any one file or deployment unit' : ''}: ` +
            `its worker ${attempt.why}`,
        )
      skip[subject] ??= `the worker ${DOING[phase] ?? `${PHASES[phase]} it`} ${attempt.why}`
    }
  }
  try {
    const shares = await Promise.all(Array.from({ length: count }, (_, i) => runShare(i)))
    // Units reading VNets other shares declare: judged again in one worker, with those VNets' facts.
    const parts = await crossUnitPass(options, shares, async (again) => {
      const streamed: JudgedUnit[][] = []
      const attempt = await runWorker(
        script,
        again,
        { ...skip },
        heapMb,
        { index: 0, count: 1 },
        live,
        undefined,
        (judged, boundary, clean) => {
          readClean(clean)
          streamed.push(judged)
          takeIn(judged, boundary)
        },
        readClean,
        strings,
      )
      return attempt.ok ? [...streamed.flat(), ...attempt.part.judged] : undefined
    })
    if (options.lastScan) await retireWarmWorker()
    const { finishScan } = await merging
    const first = parts[0]!
    return await finishScan(
      options,
      parts,
      () => import('./scan-level'),
      (file) => {
        if (suppressions.has(file)) return suppressions.get(file)
        const r = readSource(file, first.boundary)
        return r.ok ? r.text : undefined
      },
    )
  } finally {
    stopped = true
    for (const w of live) void w.terminate()
  }
}

function runWorker(
  script: string,
  options: ScanOptions,
  skip: Record<string, string>,
  heapMb: number,
  share: ShareSpec,
  live: Set<Worker>,
  onProgress: ScanOptions['onProgress'],
  onUnits: (judged: JudgedUnit[], boundary: ReadBoundary, clean: string[]) => void,
  /** Given the files the worker read that hold no suppression directive, with its part. */
  onClean: (files: string[]) => void,
  strings: StringTable,
): Promise<Attempt> {
  const { onProgress: _told, ...rest } = options
  const watch = new SharedArrayBuffer(UNIT_KEY_BYTES)
  const input: WorkerInput = { options: rest, share, skip, watch }
  return new Promise((resolve, reject) => {
    const served = takeWarm(heapMb)
    const worker = served?.worker ?? startWorker(script, workerOptions(heapMb, input))
    live.add(worker)
    let settled = false
    /** A serving worker goes back to the park once its scan is over (done or failed); a one-scan worker ends. */
    const release = () => {
      worker.removeAllListeners('message')
      worker.removeAllListeners('error')
      worker.removeAllListeners('exit')
      live.delete(worker)
      if (served) idle(served)
      else void worker.terminate()
    }
    const settle = (a: Attempt) => {
      if (settled) return
      settled = true
      live.delete(worker)
      resolve(a)
    }
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress?.({ files: m.files, units: m.units })
      else if (m.type === 'units') onUnits(strings.intern(m.judged), m.boundary, m.clean)
      else if (m.type === 'done') {
        onClean(m.clean)
        settle({ ok: true, part: strings.intern(m.part) })
        release()
      } else {
        settled = true
        release()
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
