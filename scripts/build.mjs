// Bundles the action (dist/index.js) and the CLI (dist/cli/index.js) with ncc. Terraform and Bicep are
// parsed by our own parsers, so no grammar or WebAssembly file goes beside the bundles.
// Type errors are tsc's job (CI runs it); ncc only transpiles, so a test file's types cannot block a build.
import { execFileSync } from 'node:child_process'
import { rmSync, readdirSync, writeFileSync } from 'node:fs'
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

bundle('src/index.ts', join(root, 'dist'))
bundle('src/cli.ts', join(root, 'dist', 'cli'))
// Read by test/global-setup.mjs: the tests rebuild when the sources no longer match.
writeFileSync(join(root, 'dist', 'build-hash'), sourceHash(root) + '\n')
console.log('built:', readdirSync(join(root, 'dist')).join(' '))
