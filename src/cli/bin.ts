#!/usr/bin/env node
/**
 * The CLI program (dist/cli/index.js). Kept to what starts the scan worker, so the worker's start (a
 * thread, then parsing its 1.5 MB bundle) begins before the rest of the CLI (a chunk of its own, ~0.7 MB)
 * is even parsed, and overlaps loading it, reading the config and the baseline.
 */
import { enableCompileCache } from '../pipeline/compile-cache'
import { tuneJit } from '../pipeline/jit-flags'
import { warmScanWorker } from '../pipeline/worker-start'

tuneJit()
enableCompileCache()
const command = process.argv[2]
if (command === 'scan' || command === 'hook') warmScanWorker()
import('./main').then(
  ({ runProgram }) => runProgram(),
  (error: unknown) => {
    // The bundle is incomplete (a chunk file missing): say so, with the exit code of an error.
    process.stderr.write(
      `azure-kms-guard: error: ${error instanceof Error ? error.message : String(error)}\n`,
    )
    process.exit(2)
  },
)
