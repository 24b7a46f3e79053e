// npm run bench: full-scan throughput (MB/s) and peak RSS of the built CLI on generated corpora —
// Terraform of about 1, 10 and 50 MB, Bicep and ARM JSON of about 1 and 10 MB — beside the raw
// single-thread parse rate on the same files (tree-sitter for HCL, our own parser for Bicep, jsonc-parser
// for ARM); then single Bicep files of 100, 200 and 400 KB, whose cost must grow linearly.
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generate, generateTemplates } from './generate.mjs'
import { generateBicepFile, loadBicepParser } from './bicep.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const sizes = (process.env.BENCH_SIZES ?? '1,10,50').split(',').filter(Boolean).map(Number)
const templateSizes = (process.env.BENCH_TEMPLATE_SIZES ?? '1,10').split(',').filter(Boolean).map(Number)

function walk(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) walk(p, out)
    else out.push(p)
  }
  return out
}

let treeSitter
async function parserFor(grammar) {
  treeSitter ??= require(join(root, 'node_modules/web-tree-sitter/web-tree-sitter.cjs'))
  await treeSitter.Parser.init()
  const wasm = {
    hcl: 'node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm',
  }[grammar]
  const parser = new treeSitter.Parser()
  parser.setLanguage(await treeSitter.Language.load(join(root, wasm)))
  return parser
}

/** Seconds to parse the files once on this thread, with the parser each format uses. */
async function rawParseSeconds(files, format) {
  const texts = files.map((f) => readFileSync(f, 'utf8'))
  let parse
  if (format === 'arm') {
    const jsonc = require(join(root, 'node_modules/jsonc-parser'))
    parse = (t) => jsonc.parseTree(t)
  } else if (format === 'bicep') {
    const parseBicep = loadBicepParser(root)
    parse = (t) => parseBicep('main.bicep', t)
  } else {
    const parser = await parserFor('hcl')
    parse = (t) => parser.parse(t).delete()
  }
  const start = process.hrtime.bigint()
  for (const t of texts) parse(t)
  return Number(process.hrtime.bigint() - start) / 1e9
}

function scanCorpus(dir) {
  const start = process.hrtime.bigint()
  const run = spawnSync(
    process.execPath,
    [
      '--require',
      join(root, 'bench', 'rss.cjs'),
      join(root, 'dist', 'cli', 'index.js'),
      'scan',
      dir,
      '--format',
      'json',
      '--fail-on',
      'never',
    ],
    { encoding: 'utf8', maxBuffer: 1 << 30 },
  )
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  if (run.status !== 0) {
    console.error(run.stderr)
    throw new Error(`scan of ${dir} exited ${run.status}`)
  }
  const rssKb = Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? NaN)
  return { seconds, rssKb, report: JSON.parse(run.stdout) }
}

async function measure(format, mb, dir, generated) {
  const files = walk(dir)
  const realMb = generated.bytes / 1024 / 1024
  const { seconds, rssKb, report } = scanCorpus(dir)
  const parseSeconds = await rawParseSeconds(files, format)
  return {
    corpus: `${format} ${mb} MB`,
    files: files.length,
    MB: realMb.toFixed(1),
    'scan s': seconds.toFixed(2),
    'scan MB/s': (realMb / seconds).toFixed(2),
    'peak RSS MB': (rssKb / 1024).toFixed(0),
    'raw parse MB/s (1 thread)': (realMb / parseSeconds).toFixed(2),
    findings: report.findings.length,
  }
}

const rows = []
for (const mb of sizes) {
  const dir = join(root, 'bench', 'out', `tf-${mb}mb`)
  rows.push(await measure('terraform', mb, dir, generate(dir, mb)))
}
for (const format of ['bicep', 'arm']) {
  for (const mb of templateSizes) {
    const dir = join(root, 'bench', 'out', `${format}-${mb}mb`)
    rows.push(await measure(format, mb, dir, generateTemplates(dir, mb, format)))
  }
}
console.table(rows)

// Bicep cost against file size: parse and full scan of one file of 100, 200 and 400 KB.
const bicepRows = []
for (const kb of [100, 200, 400]) {
  const dir = join(root, 'bench', 'out', `bicep-${kb}kb`)
  const text = generateBicepFile(dir, kb)
  const { seconds } = scanCorpus(dir)
  const parseBicep = loadBicepParser(root)
  // Best of 5 parses: one is a few milliseconds, so a single run mostly measures the machine's noise.
  let parseMs = Infinity
  for (let run = 0; run < 5; run++) {
    const start = process.hrtime.bigint()
    const parsed = parseBicep('main.bicep', text)
    parseMs = Math.min(parseMs, Number(process.hrtime.bigint() - start) / 1e6)
    if (parsed.syntaxError) throw new Error(`generated Bicep does not parse: ${parsed.syntaxError.message}`)
  }
  bicepRows.push({ file: `bicep ${kb} KB`, 'parse ms': parseMs.toFixed(1), 'scan s': seconds.toFixed(2) })
}
const ratio = (key) => (Number(bicepRows[2][key]) / Number(bicepRows[0][key])).toFixed(2)
bicepRows.push({
  file: '400 KB / 100 KB (target ≤ 4.5)',
  'parse ms': ratio('parse ms'),
  'scan s': ratio('scan s'),
})
console.table(bicepRows)
