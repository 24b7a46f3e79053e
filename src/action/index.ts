// The scan worker starts first, so its start overlaps loading the rest of the action (a chunk of its own:
// Octokit, @actions/*), reading the event and the changed files, and the git work before the first scan.
import { enableCompileCache } from '../pipeline/compile-cache'
import { tuneJit } from '../pipeline/jit-flags'
import { warmScanWorker } from '../pipeline/scan-isolated'

tuneJit()
enableCompileCache()
warmScanWorker()
void import('./main').then(({ run }) => run())
