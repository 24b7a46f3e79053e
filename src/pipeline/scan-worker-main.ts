/**
 * The scan worker (dist/scan-worker.js): judges its share of a scan's units for src/pipeline/scan-isolated.ts
 * with the unit watch installed, and sends back its part (findings, verdicts: structured data, never syntax
 * trees or models). Started with its input it runs that one scan; started ahead of time (warmScanWorker) it
 * serves the scans posted to it, one at a time, so a pull request's head and base scans pay for one worker
 * start.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { scanPart } from './scan'
import type { WorkerInput, WorkerMessage } from './scan-isolated'
import { sharedWatch, watchUnits } from '../sources/evaluation/unit-watch'

const post = (m: WorkerMessage) => parentPort!.postMessage(m)

function run(input: WorkerInput): void {
  watchUnits(sharedWatch(input.watch, input.skip))
  scanPart(
    { ...input.options, onProgress: (p) => post({ type: 'progress', ...p }) },
    input.share,
    (judged, boundary) => post({ type: 'units', judged, boundary }),
  ).then(
    (part) => post({ type: 'done', part }),
    (err: unknown) => post({ type: 'failed', message: err instanceof Error ? err.message : String(err) }),
  )
}

const data = workerData as WorkerInput | { serve: true }
if ('serve' in data) parentPort!.on('message', (input: WorkerInput) => run(input))
else run(data)
