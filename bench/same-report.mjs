// Performance work must not change what a scan reports. This saves the JSON, SARIF and text reports of the
// built CLI (dist/cli/index.js) over a set of inputs, then checks a later build against them byte for byte.
//   node bench/same-report.mjs save  OUT_DIR [EXTRA_DIR...]   (before the change)
//   node bench/same-report.mjs check OUT_DIR [EXTRA_DIR...]   (after it; exits 1 on any difference)
// SAME_REPORT_CLI=path/to/cli/index.js runs another build (a copy of dist/ from before the change).
// Inputs: examples/, every fixture folder under test/fixtures (two levels), the generated 1 MB bench
// corpus (bench/generate.mjs) and any EXTRA_DIR (such as the 10 MB corpus of ../shared/perf/ratio.sh).
import { spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, sep } from 'node:path'
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

// SAME_REPORT_CLI: another build to run (a copy of the dist/ before the change).
const cli = process.env.SAME_REPORT_CLI ?? join(root, 'dist', 'cli', 'index.js')
mkdirSync(out, { recursive: true })
let differ = 0
const FORMATS = { json: 'json', sarif: 'sarif', text: 'txt' }
const scratch = mkdtempSync(join(tmpdir(), 'same-report-'))
for (const dir of inputs) {
  const outputs = Object.values(FORMATS).map((ext) => join(scratch, `report.${ext}`))
  const run = spawnSync(
    process.execPath,
    [
      cli,
      'scan',
      '.',
      ...Object.keys(FORMATS).flatMap((f) => ['--format', f]),
      ...outputs.flatMap((o) => ['--output', o]),
      '--fail-on',
      'never',
      '--quiet',
    ],
    // Run inside the folder, so the paths in the report do not depend on where the checkout is.
    { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 },
  )
  if (run.status !== 0) throw new Error(`scan of ${dir} exited ${run.status}: ${run.stderr}`)
  // Named by the path inside the checkout, or the absolute path of an extra folder elsewhere.
  const inside = dir.startsWith(root + sep)
  const name = (inside ? relative(root, dir) : dir).replace(/[\\/]/g, '_').replace(/^_+/, '')
  const changed = []
  for (const [i, ext] of Object.values(FORMATS).entries()) {
    // The report names the file it was written to nowhere, so the scratch path does not matter; SARIF's
    // invocation times are the one part that differs between two runs of the same build.
    const text = readFileSync(outputs[i], 'utf8').replace(
      /"(start|end)TimeUtc": "[^"]*"/g,
      '"$1TimeUtc": "…"',
    )
    const file = join(out, `${name}.${ext}`)
    if (mode === 'save') writeFileSync(file, text)
    else if (readFileSync(file, 'utf8') !== text) changed.push(ext)
  }
  if (mode === 'save') continue
  if (changed.length > 0) {
    differ++
    console.log(`DIFFERENT (${changed.join(', ')}): ${dir} (saved in ${out})`)
  } else console.log(`same: ${dir}`)
}
rmSync(scratch, { recursive: true, force: true })
if (mode === 'check') {
  console.log(differ === 0 ? `all ${inputs.length} reports identical` : `${differ} reports differ`)
  process.exit(differ === 0 ? 0 : 1)
}
console.log(`saved ${inputs.length} reports to ${out}`)
