// Bundles the action (dist/index.js), the CLI (dist/cli/index.js) and their scan worker with ncc. Terraform and Bicep are
// parsed by our own parsers, so no grammar or WebAssembly file goes beside the bundles.
// Type errors are tsc's job (CI runs it); ncc only transpiles, so a test file's types cannot block a build.
import { execFileSync } from 'node:child_process'
import { cpSync, rmSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sourceHash } from './source-hash.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')

function bundle(entry, outDir) {
  rmSync(outDir, { recursive: true, force: true })
  execFileSync(
    process.execPath,
    [ncc, 'build', entry, '-o', outDir, '--license', 'licenses.txt', '--quiet', '--transpile-only'],
    { cwd: root, stdio: 'inherit' },
  )
}

// The scan worker (src/pipeline/scan-isolated.ts) is a bundle of its own, in a folder of its own beside each entry
// bundle that starts it (scan-worker/index.js): what a scan seldom needs (Bicep and ARM, module downloads, the
// deployed-network overlay) is in chunks it loads when needed, and ncc names chunks by number, which the entry's
// own chunks would clash with in one folder.
function bundleWorker(dirs) {
  const tmp = join(root, 'node_modules', '.cache', 'azure-kms-guard-scan-worker')
  rmSync(tmp, { recursive: true, force: true })
  execFileSync(
    process.execPath,
    [ncc, 'build', 'src/pipeline/scan-worker-main.ts', '-o', tmp, '--quiet', '--transpile-only'],
    { cwd: root, stdio: 'inherit' },
  )
  for (const d of dirs) cpSync(tmp, join(d, 'scan-worker'), { recursive: true })
  rmSync(tmp, { recursive: true, force: true })
}

bundle('src/action/index.ts', join(root, 'dist'))
bundle('src/cli/bin.ts', join(root, 'dist', 'cli'))
bundleWorker([join(root, 'dist'), join(root, 'dist', 'cli')])
// Read by test/global-setup.mjs: the tests rebuild when the sources no longer match.
writeFileSync(join(root, 'dist', 'build-hash'), sourceHash(root) + '\n')
console.log('built:', readdirSync(join(root, 'dist')).join(' '))
