/**
 * The scan worker (dist/scan-worker/index.js): judges its share of a scan's units for src/pipeline/scan-isolated.ts
 * with the unit watch installed, and sends back its part (findings, verdicts: structured data, never syntax
 * trees or models). Started with its input it runs that one scan; started ahead of time (warmScanWorker) it
 * serves the scans posted to it, one at a time, so a pull request's head and base scans pay for one worker
 * start.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { RouteTable } from '../model/network'
import { fixAsRendered } from '../report/fix/common'
import { scanPart } from './scan'
import type { JudgedUnit } from './scan-merge'
import type { WorkerInput, WorkerMessage } from './scan-isolated'
import { sharedWatch, watchUnits } from '../sources/evaluation/unit-watch'
import { observeReads } from '../sources/parsing/read-source'
import { DIRECTIVE } from '../suppress/inline'
import { saveWorkerCodeCache } from './worker-code-cache'

const post = (m: WorkerMessage) => parentPort!.postMessage(m)

/** Files read since the last message that hold no suppression directive (the calling thread skips them). */
let clean: string[] = []
observeReads((file, text) => {
  if (!text.includes(DIRECTIVE)) clean.push(file)
})
const takeClean = (): string[] => {
  const out = clean
  clean = []
  return out
}

/** The units as they cross to the calling thread: each fix with only what its renderer reads. */
function forTransfer(judged: JudgedUnit[]): JudgedUnit[] {
  const tables = new Map<RouteTable, RouteTable>()
  for (const u of judged) for (const f of u.findings) if (f.fix) f.fix = fixAsRendered(f.fix, tables)
  return judged
}

function run(input: WorkerInput): void {
  takeClean()
  watchUnits(sharedWatch(input.watch, input.skip))
  scanPart(
    { ...input.options, onProgress: (p) => post({ type: 'progress', ...p }) },
    input.share,
    (judged, boundary) => post({ type: 'units', judged: forTransfer(judged), boundary, clean: takeClean() }),
  ).then(
    (part) => {
      // Before the message: a one-scan worker is ended as soon as it is told, and so is the process's last.
      saveWorkerCodeCache()
      post({ type: 'done', part: { ...part, judged: forTransfer(part.judged) }, clean: takeClean() })
    },
    (err: unknown) => post({ type: 'failed', message: err instanceof Error ? err.message : String(err) }),
  )
}

const data = workerData as WorkerInput | { serve: true }
if ('serve' in data) parentPort!.on('message', (input: WorkerInput) => run(input))
else run(data)
