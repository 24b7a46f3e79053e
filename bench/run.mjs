// npm run bench: what the goals of issue 13 are measured by, in one run on this machine.
//  - Terraform: full CLI scan (parse + evaluate + analyse + report) of generated landing-zone corpora of
//    about 1, 10 and 30 MB beside HashiCorp's Go hclsyntax parsing the same files (parse only), as a
//    ratio of throughputs (median of interleaved runs), with MB/s and the scan's peak RSS. Go is built
//    from Debian's packages when they are installed; otherwise the ratio is skipped with a message.
//  - The same corpus through bench/hcl-diff.mjs: does our parser agree with hclsyntax on every file.
//  - Bicep: one template of about 100, 200 and 400 KB; ARM: one template of about 1 and 5 MB (scan s).
// BENCH_SIZES, BENCH_RUNS, BENCH_BICEP_KB and BENCH_ARM_MB override the sizes and the number of runs.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { cpus, loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generate } from './generate.mjs'
import { buildHclDump, hclDiff } from './hcl-diff.mjs'

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

/** One Bicep template of about `kb` KB: route tables whose routes read members of a config object. */
function bicepTemplate(kb) {
  let text = `param location string = resourceGroup().location
var cfg = { hop: '10.0.0.4', kms: '20.118.99.224/32', legacy: '23.102.135.246/32' }
`
  for (let i = 0; text.length < kb * 1024; i++) {
    text += `
resource rt${i} 'Microsoft.Network/routeTables@2023-09-01' = {
  name: 'rt-${i}'
  location: location
  properties: {
    disableBgpRoutePropagation: true
    routes: [
      { name: 'kms', properties: { addressPrefix: cfg.kms, nextHopType: 'VirtualAppliance', nextHopIpAddress: cfg.hop } }
      { name: 'legacy', properties: { addressPrefix: cfg.legacy, nextHopType: 'Internet' } }
      { name: 'default', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: cfg.hop } }
    ]
  }
}
`
  }
  return text
}

/** One ARM template of about `mb` MB: route tables with KMS routes. */
function armTemplate(mb) {
  const resources = []
  let size = 0
  for (let i = 0; size < mb * 1024 * 1024; i++) {
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

const templates = []
const one = (format, label, text) => {
  const dir = join(root, 'bench', 'out', `${format}-${label}`)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, format === 'bicep' ? 'main.bicep' : 'azuredeploy.json'), text)
  const r = median(Array.from({ length: runs }, () => scan(dir).seconds))
  templates.push({
    template: `${format} ${label}`,
    KB: (Buffer.byteLength(text) / 1024).toFixed(0),
    'scan s': r.toFixed(2),
  })
}
for (const kb of bicepKb) one('bicep', `${kb}KB`, bicepTemplate(kb))
for (const mb of armMb) one('arm', `${mb}MB`, armTemplate(mb))
if (templates.length) {
  const t = (label) => Number(templates.find((x) => x.template === label)?.['scan s'])
  console.table(templates)
  if (bicepKb.includes(100) && bicepKb.includes(400))
    console.log(
      `bicep 400 KB / 100 KB time: ${(t('bicep 400KB') / t('bicep 100KB')).toFixed(2)} (target <= 4.5)`,
    )
}
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at end`,
)
