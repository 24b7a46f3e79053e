// The scan worker starts first, so its start overlaps loading the rest of the action (a chunk of its own:
// Octokit, @actions/*), reading the event and the changed files, and the git work before the first scan.
// Then, on a pull request, the git processes that need only the event and the workspace (src/compare/early-git.ts):
// they work while the rest loads.
import { enableCompileCache } from '../pipeline/compile-cache'
import { tuneJit } from '../pipeline/jit-flags'
import { warmScanWorker } from '../pipeline/worker-start'
import { startEarlyGit } from '../compare/early-git'

tuneJit()
enableCompileCache()
warmScanWorker()
const early = startEarlyGit(process.env)
void import('./main').then(({ run }) => run(early))
