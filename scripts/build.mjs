// Bundles the action (dist/index.js), the CLI (dist/cli/index.js) and their scan worker with ncc. Terraform and Bicep are
// parsed by our own parsers, so no grammar or WebAssembly file goes beside the bundles.
// Type errors are tsc's job (CI runs it); ncc only transpiles, so a test file's types cannot block a build.
import { execFileSync } from 'node:child_process'
import { cpSync, rmSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Script } from 'node:vm'
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

/**
 * The bundle's text in ASCII: every other character (in comments, strings, templates, regular expressions) written
 * as its \u escape, which means the same there. A file with one character beyond ASCII is decoded into a
 * two-byte string, and Node 20 decodes such UTF-8 several times slower than ASCII: the scan worker's 1.8 MB
 * bundle took 50-80 ms to read as UTF-8 and 15-25 ms as ASCII, on the path of every scan
 * (src/pipeline/worker-code-cache.ts reads an ASCII bundle as Latin-1, 3-13 ms). Cases where the escape would
 * mean something else stop the build instead: a line separator (it ends a // comment), a template's raw text.
 */
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8')
  if (!/[\u0080-\uffff]/.test(text)) return
  if (/[\u2028\u2029\ufeff]/.test(text)) throw new Error(`${file}: a line or paragraph separator or a BOM`)
  for (const line of text.split('\n'))
    if (/String\.raw|\.raw\b/.test(line) && /[\u0080-\uffff]/.test(line))
      throw new Error(`${file}: a template's raw text beyond ASCII: ${line.trim().slice(0, 120)}`)
  // An identity escape of such a character (`\→`, the character itself) loses its backslash, or the escape
  // written after it would be taken as an escaped backslash.
  const ascii = text.replace(/(\\*)([\u0080-\uffff])/g, (_, slashes, c) => {
    const kept = slashes.length % 2 === 1 ? slashes.slice(1) : slashes
    return kept + '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')
  })
  // It must still be a script (CommonJS bundles are); compiled only, never run.
  new Script(ascii, { filename: file })
  writeFileSync(file, ascii)
}

function asciiBundles(dir) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) asciiBundles(full)
    else if (name.endsWith('.js')) asciiOnly(full)
  }
}

bundle('src/action/index.ts', join(root, 'dist'))
bundle('src/cli/bin.ts', join(root, 'dist', 'cli'))
bundleWorker([join(root, 'dist'), join(root, 'dist', 'cli')])
asciiBundles(join(root, 'dist'))
// Read by test/global-setup.mjs: the tests rebuild when the sources no longer match.
writeFileSync(join(root, 'dist', 'build-hash'), sourceHash(root) + '\n')
console.log('built:', readdirSync(join(root, 'dist')).join(' '))
