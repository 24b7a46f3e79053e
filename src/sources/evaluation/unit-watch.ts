/**
 * What the scan worker is doing, where a supervisor can read it even after V8 has killed the thread for
 * lack of memory (a message would be lost with it): the phase and its subject (a file being parsed, a
 * deployment unit being evaluated, modelled or analysed), UTF-8 in a SharedArrayBuffer with its length
 * first. src/pipeline/scan-isolated.ts reads it when the worker dies: a death with a subject costs that file
 * or unit (the scan runs again without it), a death without one stops the scan with an error naming the
 * phase. Hand-written: a few lines of Atomics, no library does this.
 */
export const UNIT_KEY_BYTES = 16384

/** The scan's phases, in the words an error or finding uses: "the worker <doing> it ran out of memory". */
export const PHASES = {
  start: 'starting',
  discovery: 'finding the files and deployment units',
  parsing: 'parsing',
  evaluation: 'evaluating',
  model: 'building the network model of',
  analysis: 'analysing',
  sources: 'reading the sources between two units',
  report: 'assembling the report (scan-wide findings, suppressions, baseline)',
} as const

export type Phase = keyof typeof PHASES

export interface WatchState {
  phase: Phase
  /**
   * `file\0<path>` for a file, a unit's key (src/sources/evaluation/budget.ts) for a unit; none: the scan's
   * own work.
   */
  subject?: string
}

export interface UnitWatch {
  /** Why the subject is not to be processed (it killed an earlier worker); undefined: go ahead. */
  skipped(subject: string): string | undefined
  /** The worker is now in `phase`, on `subject` or (none) on work no one file or unit answers for. */
  at(phase: Phase, subject?: string): void
  current(): WatchState
}

let watch: UnitWatch | undefined

/** Installed by the scan worker (src/pipeline/scan-worker-main.ts); on the calling thread there is none. */
export function watchUnits(w: UnitWatch | undefined): void {
  watch = w
}

export function currentWatch(): UnitWatch | undefined {
  return watch
}

/** Tells the watch (if any) what the scan does now. */
export function watchPhase(phase: Phase, subject?: string): void {
  watch?.at(phase, subject)
}

export const fileSubject = (file: string): string => `file\u0000${file}`

/**
 * `run` as the parsing of `file`: a worker that dies in it costs that file. When the file killed an
 * earlier worker, `skipped` is returned with the reason instead. Afterwards the watch is back where it was.
 */
export function parsingFile<T>(file: string, run: () => T, skipped: (why: string) => T): T {
  if (!watch) return run()
  const subject = fileSubject(file)
  const why = watch.skipped(subject)
  if (why !== undefined) return skipped(why)
  const before = watch.current()
  watch.at('parsing', subject)
  try {
    return run()
  } finally {
    watch.at(before.phase, before.subject)
  }
}

/** A watch that records the state in `shared` and skips the subjects of `skip`. */
export function sharedWatch(shared: SharedArrayBuffer, skip: Record<string, string>): UnitWatch {
  const length = new Int32Array(shared, 0, 1)
  const bytes = new Uint8Array(shared, 4)
  const encoder = new TextEncoder()
  let state: WatchState = { phase: 'start' }
  // Nearly always empty: then no lookup, which would hash (and intern) every file's path as a key (12 ms
  // of a 10 MB scan's worker).
  const skipping = Object.keys(skip).length > 0
  return {
    skipped: (subject) => (skipping ? skip[subject] : undefined),
    at(phase, subject) {
      // Called twice per file parsed: what is written already need not be written again.
      if (state.phase === phase && state.subject === subject && state.phase !== 'start') return
      state = subject === undefined ? { phase } : { phase, subject }
      Atomics.store(length, 0, 0)
      // Straight into the shared bytes (cut at a character boundary when too long), no copy between.
      const { written } = encoder.encodeInto(`${phase}\u0000${subject ?? ''}`, bytes)
      Atomics.store(length, 0, written)
    },
    current: () => state,
  }
}

/** The state last written by sharedWatch: `start` before the worker wrote any. */
export function readWatch(shared: SharedArrayBuffer): WatchState {
  const n = Atomics.load(new Int32Array(shared, 0, 1), 0)
  if (n === 0) return { phase: 'start' }
  const text = new TextDecoder().decode(new Uint8Array(shared, 4, n).slice())
  const cut = text.indexOf('\u0000')
  const phase = text.slice(0, cut) as Phase
  const subject = text.slice(cut + 1)
  return phase in PHASES ? (subject ? { phase, subject } : { phase }) : { phase: 'start' }
}
