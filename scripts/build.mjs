// Bundles the action (dist/index.js) and the CLI (dist/cli/index.js) with ncc, then puts
// web-tree-sitter's CommonJS build and the Bicep grammar wasm beside each bundle (Terraform needs no
// grammar: src/sources/terraform/hcl-native.ts parses it): web-tree-sitter cannot be bundled (its
// Emscripten glue shadows `require`), so it is loaded from there at run time.
// Type errors are tsc's job (CI runs it); ncc only transpiles, so a test file's types cannot block a build.
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, rmSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
const runtimeFiles = [
  'web-tree-sitter/web-tree-sitter.cjs',
  'web-tree-sitter/web-tree-sitter.wasm',
  'tree-sitter-bicep/tree-sitter-bicep.wasm',
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

bundle('src/index.ts', join(root, 'dist'))
bundle('src/cli.ts', join(root, 'dist', 'cli'))
console.log('built:', readdirSync(join(root, 'dist')).join(' '))
