/**
 * Imported first by the CLI's entry (main.ts): when the command line asks for a scan, the scan worker starts
 * now, so its start (a thread, then parsing its 2 MB bundle) overlaps loading the rest of the CLI, reading
 * the config and the baseline. Nothing when imported elsewhere (tests run main.ts from source: no worker
 * bundle) or in a worker thread.
 */
import { isMainThread } from 'node:worker_threads'
import { warmScanWorker } from '../pipeline/scan-isolated'

const command = process.argv[2]
if (isMainThread && (command === 'scan' || command === 'hook')) warmScanWorker()
