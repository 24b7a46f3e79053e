// Bundles the action (dist/index.js) and the CLI (dist/cli/index.js) with ncc, then puts
// web-tree-sitter's CommonJS build and the grammar wasm files beside each bundle: web-tree-sitter
// cannot be bundled (its Emscripten glue shadows `require`), so it is loaded from there at run time.
// Type errors are tsc's job (CI runs it); ncc only transpiles, so a test file's types cannot block a build.
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, rmSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sourceHash } from './source-hash.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
const runtimeFiles = [
  'web-tree-sitter/web-tree-sitter.cjs',
  'web-tree-sitter/web-tree-sitter.wasm',
  '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm',
]

function bundle(entry, outDir) {
  rmSync(outDir, { recursive: true, force: true })
  execFileSync(
    process.execPath,
    [
      ncc,
      'build',
      entry,
      '-o',
      outDir,
      '--license',
      'licenses.txt',
      '--quiet',
      '--transpile-only',
      '--external',
      'web-tree-sitter',
    ],
    { cwd: root, stdio: 'inherit' },
  )
  mkdirSync(outDir, { recursive: true })
  for (const f of runtimeFiles) copyFileSync(join(root, 'node_modules', f), join(outDir, f.split('/').pop()))
}

// The parse worker is a bundle of its own, copied beside each entry bundle that starts it.
function bundleWorker(dirs) {
  const tmp = join(root, 'node_modules', '.cache', 'azure-kms-guard-worker')
  rmSync(tmp, { recursive: true, force: true })
  execFileSync(
    process.execPath,
    [
      ncc,
      'build',
      'src/parse-worker-main.ts',
      '-o',
      tmp,
      '--quiet',
      '--transpile-only',
      '--external',
      'web-tree-sitter',
    ],
    { cwd: root, stdio: 'inherit' },
  )
  for (const d of dirs) copyFileSync(join(tmp, 'index.js'), join(d, 'parse-worker.js'))
  rmSync(tmp, { recursive: true, force: true })
}

bundle('src/index.ts', join(root, 'dist'))
bundle('src/cli.ts', join(root, 'dist', 'cli'))
bundleWorker([join(root, 'dist'), join(root, 'dist', 'cli')])
// Read by test/global-setup.mjs: the tests rebuild when the sources no longer match.
writeFileSync(join(root, 'dist', 'build-hash'), sourceHash(root) + '\n')
console.log('built:', readdirSync(join(root, 'dist')).join(' '))
