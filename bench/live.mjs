// npm run bench:live: wall time of readLiveNetwork against the local HTTPS ARM stand-in with 50 ms per
// request, at its bounded concurrency and one request at a time, with the request count and peak RSS.
//
// The reader and the stand-in are TypeScript with extensionless imports, which node cannot load, so they
// are transpiled (typescript's transpileModule, no type check) into bench/out/live-build as .mjs files with
// rewritten import paths. The stand-in runs in a child process and every read in a fresh child of its own:
// process.resourceUsage().maxRSS is a per-process high-water mark, so this is the only way to give each
// configuration its own peak and to keep the server's copy of the inventory out of it.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL, URL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const build = join(root, 'bench', 'out', 'live-build')
const self = fileURLToPath(import.meta.url)
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50)
const SUBSCRIPTIONS = 20
const SPOKES_PER_SUBSCRIPTION = 100 // 2,000 route tables and 2,000 NSGs
const FIREWALLS = 50 // 3 in the first 10 subscriptions, 2 in the others
// 1 = one request at a time; 6 = readLiveNetwork's default; more shows where the 8x target lies.
const CONCURRENCIES = (process.env.BENCH_CONCURRENCY ?? '1,6,16,24').split(',').map(Number)
const VPN_SITES = 4

/** What a request reads, for the per-kind count of the managed estate. */
function kindOf(url) {
  const path = new URL(url).pathname.toLowerCase()
  if (path.endsWith('/microsoft.resourcegraph/resources')) return 'Azure Resource Graph (group memberships)'
  if (path.endsWith('/listdeploymentstatus')) return 'network manager deployment status (POST)'
  if (path.includes('/routingconfigurations')) return 'routing configurations, collections, rules'
  if (path.includes('/networkgroups')) return 'network groups, static members'
  if (/\/networkmanagers$/.test(path)) return 'network managers (list per subscription)'
  if (path.endsWith('/listnetworkmanagereffectivesecurityadminrules'))
    return 'effective security admin rules (POST per VNet)'
  if (path.endsWith('/connections')) return 'VPN gateway connections'
  if (path.includes('/localnetworkgateways/')) return 'local network gateways'
  if (path.includes('/virtualnetworkgateways/')) return 'VNet gateways'
  return 'other listings (route tables, VNets, NSGs, firewalls, ...)'
}

/** Where the transpiled form of a source file goes. */
const outPath = (file) => join(build, relative(root, file)).replace(/\.ts$/, '.mjs')

/** Transpiles `entries` and every module they import relatively into `build`, as .mjs. */
async function transpile(entries) {
  const ts = (await import('typescript')).default
  const seen = new Set()
  const queue = entries.map((e) => resolve(root, e))
  const target = (from, spec) => {
    const base = resolve(dirname(from), spec)
    for (const candidate of [`${base}.ts`, join(base, 'index.ts')])
      if (existsSync(candidate)) return candidate
    throw new Error(`cannot resolve ${spec} from ${relative(root, from)}`)
  }
  while (queue.length > 0) {
    const file = queue.pop()
    if (seen.has(file)) continue
    seen.add(file)
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      fileName: file,
    })
    // Type-only imports are gone from the output; what is left and relative is a module to load.
    const code = outputText.replace(
      /(from\s+|import\s*\(\s*)(['"])(\.{1,2}\/[^'"]+)\2/g,
      (_, pre, q, spec) => {
        const dep = target(file, spec)
        queue.push(dep)
        let rel = relative(dirname(outPath(file)), outPath(dep))
        if (!rel.startsWith('.')) rel = `./${rel}`
        return `${pre}${q}${rel}${q}`
      },
    )
    mkdirSync(dirname(outPath(file)), { recursive: true })
    writeFileSync(outPath(file), code)
  }
}

const load = (file) => import(pathToFileURL(outPath(resolve(root, file))).href)

/**
 * The stand-in: prints its URL and certificate as one JSON line, then serves until stdin closes. `managed`:
 * each subscription also has a network manager with a committed routing configuration (every spoke in its
 * group) and a VPN gateway without BGP with VPN_SITES local sites (the reads of issue 9).
 */
async function serve(managed) {
  const { startArmServer } = await load('test/helpers/arm-server.ts')
  const { generateInventory } = await load('test/helpers/arm-inventory.ts')
  const inventory = generateInventory({
    subscriptions: SUBSCRIPTIONS,
    spokes: SPOKES_PER_SUBSCRIPTION,
    firewalls: 3,
    ...(managed ? { managed: { vpnSites: VPN_SITES } } : {}),
  })
  // generateInventory gives every subscription the same number of firewalls: drop the third hub (firewall,
  // policy, rule collection group, vnet) from the last ten subscriptions for 50 in all.
  Object.values(inventory.subscriptions).forEach((resources, i) => {
    if (i < SUBSCRIPTIONS / 2) return
    const kept = resources.filter((r) => !r.id.toLowerCase().includes('/resourcegroups/rg-hub-2/'))
    resources.splice(0, resources.length, ...kept)
  })
  const server = await startArmServer({ inventory, latencyMs: LATENCY_MS })
  process.stdout.write(`${JSON.stringify({ url: server.url, ca: server.ca })}\n`)
  process.stdin.resume()
  process.stdin.on('end', () => void server.close().then(() => process.exit(0)))
}

/** One read at `concurrency`, in this (fresh) process; prints its figures as one JSON line. */
async function read(concurrency, url, ca) {
  const { readLiveNetwork } = await load('src/sources/azure/read.ts')
  const { staticCredential } = await load('test/helpers/arm-server.ts')
  const { subscriptionIdOf } = await load('test/helpers/arm-inventory.ts')
  let requests = 0
  const byKind = {}
  // Counted per try, so a retried request counts as many times as it was sent.
  const counter = {
    name: 'benchRequestCounter',
    sendRequest: (request, next) => {
      requests++
      const kind = kindOf(request.url)
      byKind[kind] = (byKind[kind] ?? 0) + 1
      return next(request)
    },
  }
  const start = process.hrtime.bigint()
  const result = await readLiveNetwork({
    credential: staticCredential(),
    subscriptionIds: Array.from({ length: SUBSCRIPTIONS }, (_, i) => subscriptionIdOf(i)),
    endpoint: url,
    concurrency,
    clientOptions: {
      tlsOptions: { ca },
      retryOptions: { retryDelayInMs: 5, maxRetryDelayInMs: 20 },
      additionalPolicies: [{ policy: counter, position: 'perRetry' }],
    },
  })
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  const m = result.model
  process.stdout.write(
    `${JSON.stringify({
      seconds,
      requests,
      maxRssKb: process.resourceUsage().maxRSS,
      routeTables: m.routeTables.length,
      nsgs: m.nsgs.length,
      firewalls: m.firewalls.length,
      policies: m.firewallPolicies.length,
      subnets: m.subnets.length,
      managedRoutes: m.networkManager?.routes.length ?? 0,
      localSites: m.bgp?.localNetworkGateways.length ?? 0,
      byKind,
      warnings: result.warnings.length + result.incomplete.length,
    })}\n`,
  )
}

async function main() {
  rmSync(build, { recursive: true, force: true })
  await transpile([
    'src/sources/azure/read.ts',
    'test/helpers/arm-server.ts',
    'test/helpers/arm-inventory.ts',
  ])
  const { server, url, ca } = await startServer(false)
  const rows = []
  let sequential
  let plainAtDefault
  try {
    for (const concurrency of CONCURRENCIES) {
      const r = readOnce(concurrency, url, ca)
      if (concurrency === 16) plainAtDefault = r
      // A read that came back short (budget, errors) would be fast for the wrong reason.
      const spokes = SUBSCRIPTIONS * SPOKES_PER_SUBSCRIPTION
      if (r.routeTables !== spokes || r.nsgs !== spokes || r.firewalls !== FIREWALLS || r.warnings !== 0)
        throw new Error(`read at concurrency ${concurrency} is incomplete: ${JSON.stringify(r)}`)
      if (concurrency === 1) sequential = r.seconds
      rows.push({
        concurrency: concurrency === 16 ? '16 (default)' : concurrency,
        'wall s': r.seconds.toFixed(2),
        'speed-up': sequential ? `${(sequential / r.seconds).toFixed(1)}x` : '-',
        requests: r.requests,
        'peak RSS MB': (r.maxRssKb / 1024).toFixed(0),
        'route tables': r.routeTables,
        NSGs: r.nsgs,
        firewalls: r.firewalls,
        policies: r.policies,
        subnets: r.subnets,
        'warnings/incomplete': r.warnings,
      })
    }
  } finally {
    server.stdin.end()
  }
  console.log(
    `readLiveNetwork, ${SUBSCRIPTIONS} subscriptions, local HTTPS ARM stand-in, ${LATENCY_MS} ms per request (node ${process.version})`,
  )
  console.table(rows)
  await compareManaged(plainAtDefault ?? readOnceFresh(16))
}

/** Starts the stand-in in a child process; resolves once it prints its URL. */
async function startServer(managed) {
  const server = spawn(process.execPath, [self, '--serve', ...(managed ? ['managed'] : [])], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const first = await new Promise((res, rej) => {
    createInterface({ input: server.stdout }).once('line', res)
    server.once('exit', (code) => rej(new Error(`the ARM stand-in exited ${code}`)))
  })
  const { url, ca } = JSON.parse(first)
  return { server, url, ca }
}

/** One read in a fresh process at `concurrency`. */
function readOnce(concurrency, url, ca) {
  const run = spawnSync(process.execPath, [self, '--read', String(concurrency)], {
    encoding: 'utf8',
    env: { ...process.env, BENCH_ARM_URL: url, BENCH_ARM_CA: ca },
    maxBuffer: 1 << 26,
  })
  if (run.status !== 0)
    throw new Error(`read at concurrency ${concurrency} exited ${run.status}:\n${run.stderr}`)
  return JSON.parse(run.stdout.trim().split('\n').pop())
}

async function readOnceFresh(concurrency) {
  const { server, url, ca } = await startServer(false)
  try {
    return readOnce(concurrency, url, ca)
  } finally {
    server.stdin.end()
  }
}

/**
 * The same estate with a network manager (UDR management) and a VPN gateway with local sites per
 * subscription, at the default concurrency: requests per kind and wall time against the plain estate.
 */
async function compareManaged(plainRun) {
  const plain = await plainRun
  const { server, url, ca } = await startServer(true)
  let managed
  try {
    managed = readOnce(16, url, ca)
  } finally {
    server.stdin.end()
  }
  const spokes = SUBSCRIPTIONS * SPOKES_PER_SUBSCRIPTION
  if (
    managed.managedRoutes !== 2 * SUBSCRIPTIONS ||
    managed.localSites !== VPN_SITES * SUBSCRIPTIONS ||
    managed.warnings !== 0
  )
    throw new Error(`the managed estate's read is incomplete: ${JSON.stringify(managed)}`)
  console.log(
    `\nThe same ${spokes} spoke VNets with a network manager (routing configuration, every spoke a static member) ` +
      `and a VPN gateway without BGP with ${VPN_SITES} local sites per subscription, concurrency 16:`,
  )
  const kinds = [...new Set([...Object.keys(plain.byKind), ...Object.keys(managed.byKind)])].sort()
  console.table([
    ...kinds.map((kind) => ({
      requests: kind,
      plain: plain.byKind[kind] ?? 0,
      managed: managed.byKind[kind] ?? 0,
    })),
    { requests: 'total', plain: plain.requests, managed: managed.requests },
    { requests: 'wall s', plain: plain.seconds.toFixed(2), managed: managed.seconds.toFixed(2) },
  ])
}

const mode = process.argv[2]
if (mode === '--serve') await serve(process.argv[3] === 'managed')
else if (mode === '--read')
  await read(Number(process.argv[3]), process.env.BENCH_ARM_URL, process.env.BENCH_ARM_CA)
else await main()
