// The scan worker starts first, so its start overlaps loading the rest of the action (a chunk of its own:
// Octokit, @actions/*), reading the event and the changed files, and the git work before the first scan.
// Then, on a pull request, the git processes that need only the event and the workspace (src/compare/early-git.ts)
// and the request for the changed files (src/github/early-files.ts): they work while the rest loads.
import { enableCompileCache } from '../pipeline/compile-cache'
import { tuneJit } from '../pipeline/jit-flags'
import { warmScanWorker } from '../pipeline/worker-start'
import { startEarlyGit } from '../compare/early-git'
import { startEarlyFiles } from '../github/early-files'
import { exitWhenWritten } from '../pipeline/exit-when-written'

tuneJit()
enableCompileCache()
warmScanWorker()
const early = startEarlyGit(process.env)
// The pull request's changed files are asked for now too: the reply comes while the code loads. Loading it is one
// long turn of this thread; a turn of the event loop first lets the request reach the server.
const earlyFiles = startEarlyFiles(process.env)
// run() reports its own failures (setFailed sets the exit code); a bundle that cannot load says why, as Node would.
const start = () =>
  void import('./main')
    .then(({ run }) => run(early, earlyFiles))
    .then(
      () => exitWhenWritten(Number(process.exitCode ?? 0)),
      (error: unknown) => {
        process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
        exitWhenWritten(1)
      },
    )
if (earlyFiles) setImmediate(start)
else start()
