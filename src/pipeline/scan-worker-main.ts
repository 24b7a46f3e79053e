/**
 * The scan worker (dist/scan-worker.js): runs a scan for src/pipeline/scan-isolated.ts with the unit watch
 * installed, and sends back the result (findings, verdicts: structured data, never syntax trees). Started
 * with its input it runs that one scan; started ahead of time (warmScanWorker) it serves the scans posted
 * to it, one at a time, so a pull request's head and base scans pay for one worker start.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { scan } from './scan'
import type { WorkerInput, WorkerMessage } from './scan-isolated'
import { sharedWatch, watchUnits } from '../sources/evaluation/unit-watch'

const post = (m: WorkerMessage) => parentPort!.postMessage(m)

function run(input: WorkerInput): void {
  watchUnits(sharedWatch(input.watch, input.skip))
  scan({ ...input.options, onProgress: (p) => post({ type: 'progress', ...p }) }).then(
    (result) => post({ type: 'done', result }),
    (err: unknown) => post({ type: 'failed', message: err instanceof Error ? err.message : String(err) }),
  )
}

const data = workerData as WorkerInput | { serve: true }
if ('serve' in data) parentPort!.on('message', (input: WorkerInput) => run(input))
else run(data)
