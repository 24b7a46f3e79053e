/**
 * The scan worker (dist/scan-worker.js): runs one scan for src/pipeline/scan-isolated.ts with the unit watch
 * installed, and sends back the result (findings, verdicts: structured data, never syntax trees).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { scan } from './scan'
import type { WorkerInput, WorkerMessage } from './scan-isolated'
import { sharedWatch, watchUnits } from '../sources/evaluation/unit-watch'

const input = workerData as WorkerInput
const post = (m: WorkerMessage) => parentPort!.postMessage(m)
watchUnits(sharedWatch(input.watch, input.skip))
scan({ ...input.options, onProgress: (p) => post({ type: 'progress', ...p }) }).then(
  (result) => post({ type: 'done', result }),
  (err: unknown) => post({ type: 'failed', message: err instanceof Error ? err.message : String(err) }),
)
