/**
 * The scan worker (dist/scan-worker.js): judges its share of a scan's units for src/pipeline/scan-isolated.ts
 * with the unit watch installed, and sends back its part (findings, verdicts: structured data, never syntax
 * trees or models).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { scanPart } from './scan'
import type { WorkerInput, WorkerMessage } from './scan-isolated'
import { sharedWatch, watchUnits } from '../sources/evaluation/unit-watch'

const input = workerData as WorkerInput
const post = (m: WorkerMessage) => parentPort!.postMessage(m)
watchUnits(sharedWatch(input.watch, input.skip))
scanPart({ ...input.options, onProgress: (p) => post({ type: 'progress', ...p }) }, input.share).then(
  (part) => post({ type: 'done', part }),
  (err: unknown) => post({ type: 'failed', message: err instanceof Error ? err.message : String(err) }),
)
