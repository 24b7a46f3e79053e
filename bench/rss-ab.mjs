// Peak RSS of CLI scans, A/B: several builds run interleaved on one corpus, each RUNS times, so both
// sides see the same load on a shared machine. The whole process is measured (the main thread and the
// scan worker are one process): getrusage's maxRSS, read by bench/rss.cjs as the process exits, with
// the process's CPU time beside it.
//   node bench/rss-ab.mjs CORPUS RUNS BUILD_DIR [BUILD_DIR...]   (a BUILD_DIR holds cli/index.js, e.g. dist)
// Extra node flags for the scanned process: RSS_AB_NODE_FLAGS (space-separated).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const [corpus, runsArg, ...builds] = process.argv.slice(2)
if (!corpus || !runsArg || builds.length === 0) {
  console.error('usage: node bench/rss-ab.mjs CORPUS RUNS BUILD_DIR [BUILD_DIR...]')
  process.exit(2)
}
const flags = (process.env.RSS_AB_NODE_FLAGS ?? '').split(' ').filter(Boolean)

function once(build) {
  const cli = resolve(build, 'cli', 'index.js')
  if (!existsSync(cli)) throw new Error(`no ${cli}`)
  const start = process.hrtime.bigint()
  const run = spawnSync(
    process.execPath,
    [
      ...flags,
      '--require',
      join(here, 'rss.cjs'),
      cli,
      'scan',
      corpus,
      '--format',
      'json',
      '--fail-on',
      'never',
    ],
    { encoding: 'utf8', maxBuffer: 1 << 30 },
  )
  const wall = Number(process.hrtime.bigint() - start) / 1e9
  if (run.status !== 0) throw new Error(`${cli} exited ${run.status}: ${run.stderr.slice(-2000)}`)
  const num = (k) => Number(new RegExp(`${k}=(\\d+)`).exec(run.stderr)?.[1] ?? NaN)
  return {
    rssMB: num('BENCH_MAX_RSS_KB') / 1024,
    cpu: num('BENCH_CPU_US') / 1e6,
    wall,
    bytes: run.stdout.length,
  }
}

const results = new Map(builds.map((b) => [b, []]))
for (let i = 0; i < Number(runsArg); i++)
  for (const b of builds) {
    const r = once(b)
    results.get(b).push(r)
    console.log(
      b.padStart(30),
      `rss ${r.rssMB.toFixed(0)} MB  cpu ${r.cpu.toFixed(2)} s  wall ${r.wall.toFixed(2)} s  report ${r.bytes} B`,
    )
  }
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
for (const [b, rs] of results) {
  const rss = rs.map((r) => r.rssMB)
  console.log(
    `${b}: rss median ${median(rss).toFixed(0)} MB (${Math.min(...rss).toFixed(0)}-${Math.max(...rss).toFixed(0)}),` +
      ` cpu median ${median(rs.map((r) => r.cpu)).toFixed(2)} s, wall median ${median(rs.map((r) => r.wall)).toFixed(2)} s`,
  )
}
