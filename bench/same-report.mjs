// Performance work must not change what a scan reports. This saves the JSON reports of the built CLI
// (dist/cli/index.js) over a set of inputs, then checks a later build against them byte for byte.
//   node bench/same-report.mjs save  OUT_DIR [EXTRA_DIR...]   (before the change)
//   node bench/same-report.mjs check OUT_DIR [EXTRA_DIR...]   (after it; exits 1 on any difference)
// Inputs: examples/, every fixture folder under test/fixtures (two levels), the generated 1 MB bench
// corpus (bench/generate.mjs) and any EXTRA_DIR (such as the 10 MB corpus of ../shared/perf/ratio.sh).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generate } from './generate.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const [mode, out, ...extra] = process.argv.slice(2)
if (!['save', 'check'].includes(mode) || !out) {
  console.error('usage: node bench/same-report.mjs save|check OUT_DIR [EXTRA_DIR...]')
  process.exit(2)
}

const subdirs = (d) =>
  readdirSync(d)
    .map((n) => join(d, n))
    .filter((p) => statSync(p).isDirectory())
const fixtures = join(root, 'test', 'fixtures')
const corpus = join(root, 'node_modules', '.cache', 'kms-bench', 'same-report-1mb')
if (!existsSync(corpus)) generate(corpus, 1)
const inputs = [
  join(root, 'examples'),
  fixtures,
  ...subdirs(fixtures),
  ...subdirs(fixtures).flatMap(subdirs),
  corpus,
  ...extra,
]

mkdirSync(out, { recursive: true })
let differ = 0
for (const dir of inputs) {
  const run = spawnSync(
    process.execPath,
    [join(root, 'dist', 'cli', 'index.js'), 'scan', dir, '--format', 'json', '--fail-on', 'never'],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 },
  )
  if (run.status !== 0) throw new Error(`scan of ${dir} exited ${run.status}: ${run.stderr}`)
  const name = (relative(root, dir) || '.').replace(/[\\/]/g, '_').replace(/^\.+/, '') + '.json'
  const file = join(out, name)
  if (mode === 'save') writeFileSync(file, run.stdout)
  else if (readFileSync(file, 'utf8') !== run.stdout) {
    differ++
    console.log(`DIFFERENT: ${dir} (saved ${file})`)
  } else console.log(`same: ${dir}`)
}
if (mode === 'check') {
  console.log(differ === 0 ? `all ${inputs.length} reports identical` : `${differ} reports differ`)
  process.exit(differ === 0 ? 0 : 1)
}
console.log(`saved ${inputs.length} reports to ${out}`)
