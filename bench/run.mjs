// npm run bench: what the goals of issue 13 are measured by, in one run on this machine.
//  - Terraform: full CLI scan (parse + evaluate + analyse + report) of generated landing-zone corpora of
//    about 1, 10 and 30 MB beside HashiCorp's Go hclsyntax parsing the same files (parse only), as a
//    ratio of throughputs (median of interleaved runs), with MB/s and the scan's peak RSS. Go is built
//    from Debian's packages when they are installed; otherwise the ratio is skipped with a message.
//  - The same corpus through bench/hcl-diff.mjs: does our parser agree with hclsyntax on every file.
//  - Bicep: one file of 100, 200 and 400 KB (bench/bicep.mjs), parse and scan; ARM: one template of
//    about 1 and 5 MB (scan s).
//  - The PR-shaped case (bench/pr.mjs): the action on a pull request changing one tfvars in a ~2,000-file
//    repository, against a full CLI scan of the same head (BENCH_PR=0 skips it).
// BENCH_SIZES, BENCH_RUNS, BENCH_BICEP_KB and BENCH_ARM_MB override the sizes and the number of runs.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { cpus, loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generate } from './generate.mjs'
import { generateBicepFile, loadBicepParser } from './bicep.mjs'
import { buildHclDump, hclDiff } from './hcl-diff.mjs'
import { prBench } from './pr.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const cache = join(root, 'node_modules', '.cache', 'kms-bench')
const require = createRequire(import.meta.url)
const list = (v, d) => (v ?? d).split(',').filter(Boolean).map(Number)
const sizes = list(process.env.BENCH_SIZES, '1,10,30')
const runs = Number(process.env.BENCH_RUNS ?? 3)
const bicepKb = list(process.env.BENCH_BICEP_KB, '100,200,400')
const armMb = list(process.env.BENCH_ARM_MB, '1,5')

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

function bytesUnder(dir) {
  let n = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    n += e.isDirectory() ? bytesUnder(p) : statSync(p).size
  }
  return n
}

/** The Go parse-only baseline (the same program as ../shared/perf/ratio.sh), or undefined without Go. */
function buildGoParse() {
  const out = join(cache, 'goparse')
  if (existsSync(out)) return out
  const gopath = '/usr/share/gocode'
  if (
    !existsSync(join(gopath, 'src/github.com/hashicorp/hcl/v2')) ||
    spawnSync('go', ['version']).status !== 0
  )
    return undefined
  mkdirSync(cache, { recursive: true })
  execFileSync('go', ['build', '-o', out, 'main.go'], {
    cwd: join(root, 'bench', 'goparse'),
    env: { ...process.env, GOPATH: gopath, GO111MODULE: 'off', GOCACHE: join(cache, 'gocache') },
    stdio: 'inherit',
  })
  return out
}

function goParseSeconds(goparse, dir) {
  const run = spawnSync(goparse, [dir], { encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`goparse failed: ${run.stderr}`)
  return Number(run.stdout.trim().split(/\s+/)[1])
}

function scan(dir) {
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
  return { seconds, rssMb: rssKb / 1024, findings: JSON.parse(run.stdout).findings.length }
}

/**
 * One ARM template of about `mb` MB: route tables with KMS routes. Resources are measured unindented, and
 * nesting adds about a fifth, hence the 0.8; a file over the 5 MB source limit would be skipped, not scanned.
 */
function armTemplate(mb) {
  const resources = []
  let size = 0
  for (let i = 0; size < mb * 0.8 * 1e6; i++) {
    const r = {
      type: 'Microsoft.Network/routeTables',
      apiVersion: '2023-09-01',
      name: `rt-${i}`,
      location: '[resourceGroup().location]',
      properties: {
        disableBgpRoutePropagation: true,
        routes: [
          {
            name: 'kms',
            properties: {
              addressPrefix: '20.118.99.224/32',
              nextHopType: 'VirtualAppliance',
              nextHopIpAddress: "[parameters('hop')]",
            },
          },
          {
            name: 'default',
            properties: {
              addressPrefix: '0.0.0.0/0',
              nextHopType: 'VirtualAppliance',
              nextHopIpAddress: "[parameters('hop')]",
            },
          },
        ],
      },
    }
    resources.push(r)
    size += JSON.stringify(r, null, 2).length
  }
  const template = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: { hop: { type: 'string', defaultValue: '10.0.0.4' } },
    resources,
  }
  return JSON.stringify(template, null, 2) + '\n'
}

console.log(
  `bench: ${cpus().length} cores, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at start`,
)
const goparse = buildGoParse()
if (!goparse)
  console.log('Go parse-only baseline skipped: install golang-go and golang-github-hashicorp-hcl-v2-dev')

const rows = []
for (const mb of sizes) {
  const dir = join(root, 'bench', 'out', `tf-${mb}mb`)
  generate(dir, mb)
  const bytes = bytesUnder(dir)
  const scans = []
  const gos = []
  // Interleaved, so both sides see the same load on a shared machine.
  for (let i = 0; i < runs; i++) {
    if (goparse && i % 2 === 0) gos.push(goParseSeconds(goparse, dir))
    scans.push(scan(dir))
    if (goparse && i % 2 === 1) gos.push(goParseSeconds(goparse, dir))
  }
  const s = median(scans.map((r) => r.seconds))
  const row = {
    corpus: `terraform ${mb} MB`,
    MB: (bytes / 1e6).toFixed(1),
    'scan s': s.toFixed(2),
    'scan MB/s': (bytes / 1e6 / s).toFixed(2),
    'peak RSS MB': Math.max(...scans.map((r) => r.rssMb)).toFixed(0),
    findings: scans[0].findings,
  }
  if (goparse) {
    const g = median(gos)
    row['Go parse MB/s'] = (bytes / 1e6 / g).toFixed(2)
    row['ratio scan/Go'] = (g / s).toFixed(2)
  }
  rows.push(row)
}
console.table(rows)

const dump = buildHclDump()
if (dump && sizes.length > 0) {
  const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
  const out = join(cache, 'parse')
  execFileSync(
    process.execPath,
    [ncc, 'build', 'src/sources/terraform/parse.ts', '-o', out, '--quiet', '--transpile-only'],
    { cwd: root },
  )
  const dir = join(root, 'bench', 'out', `tf-${sizes[Math.min(1, sizes.length - 1)]}mb`)
  const r = hclDiff([dir, join(root, 'test', 'fixtures')], dump, require(join(out, 'index.js')))
  for (const d of r.diffs.slice(0, 10)) console.log(d)
  console.log(`parser vs hclsyntax: ${r.agree}/${r.files} files agree`)
}

// Bicep cost against file size: parse (our parser, best of 5) and full scan of one file of 100/200/400 KB.
const bicepRows = []
for (const kb of bicepKb) {
  const dir = join(root, 'bench', 'out', `bicep-${kb}kb`)
  const text = generateBicepFile(dir, kb)
  const seconds = median(Array.from({ length: runs }, () => scan(dir).seconds))
  const parseBicep = loadBicepParser(root)
  let parseMs = Infinity
  for (let run = 0; run < 5; run++) {
    const start = process.hrtime.bigint()
    const parsed = parseBicep('main.bicep', text)
    parseMs = Math.min(parseMs, Number(process.hrtime.bigint() - start) / 1e6)
    if (parsed.syntaxError) throw new Error(`generated Bicep does not parse: ${parsed.syntaxError.message}`)
  }
  bicepRows.push({ file: `bicep ${kb} KB`, 'parse ms': parseMs.toFixed(1), 'scan s': seconds.toFixed(2) })
}
if (bicepRows.length >= 2) {
  const ratio = (key) => (Number(bicepRows.at(-1)[key]) / Number(bicepRows[0][key])).toFixed(2)
  bicepRows.push({
    file: `${bicepKb.at(-1)} KB / ${bicepKb[0]} KB (target ≤ 4.5 for 400/100)`,
    'parse ms': ratio('parse ms'),
    'scan s': ratio('scan s'),
  })
}
// ARM: one template of 1 and 5 MB, whose cost must grow linearly too.
for (const mb of armMb) {
  const dir = join(root, 'bench', 'out', `arm-${mb}mb`)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const text = armTemplate(mb)
  writeFileSync(join(dir, 'azuredeploy.json'), text)
  const seconds = median(Array.from({ length: runs }, () => scan(dir).seconds))
  bicepRows.push({
    file: `arm ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB`,
    'parse ms': '',
    'scan s': seconds.toFixed(2),
  })
}
console.table(bicepRows)
// The PR-shaped case: the action on a pull request that changes one tfvars, against a full head scan.
if (process.env.BENCH_PR !== '0') await prBench(root, runs)
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at end`,
)
