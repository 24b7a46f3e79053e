// The end-to-end suites run the built dist/ the way a runner does, so it must be built from this
// checkout's sources: when dist/build-hash differs from the sources' content hash (or is missing),
// build first. Nothing is skipped on a fresh clone, and no test judges yesterday's bundle.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sourceHash } from '../scripts/source-hash.mjs'

export default function globalSetup() {
  const root = join(import.meta.dirname, '..')
  let recorded = ''
  try {
    recorded = readFileSync(join(root, 'dist', 'build-hash'), 'utf8').trim()
  } catch {
    // no build yet
  }
  if (recorded === sourceHash(root)) return
  process.stderr.write('\ndist/ is not built from these sources: running `npm run build` first\n')
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' })
}
