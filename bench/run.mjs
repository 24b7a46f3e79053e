// npm run bench: full-scan throughput (MB/s) and peak RSS of the built CLI on generated corpora of
// about 1, 10 and 50 MB, beside the raw single-thread tree-sitter parse rate on the same files.
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generate } from './generate.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const sizes = (process.env.BENCH_SIZES ?? '1,10,50').split(',').map(Number)

function walk(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) walk(p, out)
    else out.push(p)
  }
  return out
}

async function rawParseRate(files) {
  const TS = require(join(root, 'node_modules/web-tree-sitter/web-tree-sitter.cjs'))
  await TS.Parser.init()
  const lang = await TS.Language.load(
    join(root, 'node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm'),
  )
  const parser = new TS.Parser()
  parser.setLanguage(lang)
  const texts = files.map((f) => readFileSync(f, 'utf8'))
  const start = process.hrtime.bigint()
  for (const t of texts) parser.parse(t).delete()
  return Number(process.hrtime.bigint() - start) / 1e9
}

const rows = []
for (const mb of sizes) {
  const dir = join(root, 'bench', 'out', `tf-${mb}mb`)
  const { bytes, landingZones } = generate(dir, mb)
  const files = walk(dir)
  const realMb = bytes / 1024 / 1024
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
  const report = JSON.parse(run.stdout)
  const parseSeconds = await rawParseRate(files)
  rows.push({
    corpus: `${mb} MB`,
    files: files.length,
    landingZones,
    MB: realMb.toFixed(1),
    'scan s': seconds.toFixed(2),
    'scan MB/s': (realMb / seconds).toFixed(2),
    'peak RSS MB': (rssKb / 1024).toFixed(0),
    'raw parse MB/s (1 thread)': (realMb / parseSeconds).toFixed(2),
    findings: report.findings.length,
  })
}
console.table(rows)
