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
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const build = join(root, 'bench', 'out', 'live-build')
const self = fileURLToPath(import.meta.url)
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50)
const SUBSCRIPTIONS = 20
const SPOKES_PER_SUBSCRIPTION = 100 // 2,000 route tables and 2,000 NSGs
const FIREWALLS = 50 // 3 in the first 10 subscriptions, 2 in the others
// 1 = one request at a time; 6 = readLiveNetwork's default; more shows where the 8x target lies.
const CONCURRENCIES = (process.env.BENCH_CONCURRENCY ?? '1,6,16,24').split(',').map(Number)

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

/** The stand-in: prints its URL and certificate as one JSON line, then serves until stdin closes. */
async function serve() {
  const { startArmServer } = await load('test/helpers/arm-server.ts')
  const { generateInventory } = await load('test/helpers/arm-inventory.ts')
  const inventory = generateInventory({
    subscriptions: SUBSCRIPTIONS,
    spokes: SPOKES_PER_SUBSCRIPTION,
    firewalls: 3,
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
  // Counted per try, so a retried request counts as many times as it was sent.
  const counter = {
    name: 'benchRequestCounter',
    sendRequest: (request, next) => {
      requests++
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
  const server = spawn(process.execPath, [self, '--serve'], { stdio: ['pipe', 'pipe', 'inherit'] })
  const first = await new Promise((res, rej) => {
    createInterface({ input: server.stdout }).once('line', res)
    server.once('exit', (code) => rej(new Error(`the ARM stand-in exited ${code}`)))
  })
  const { url, ca } = JSON.parse(first)
  const rows = []
  let sequential
  try {
    for (const concurrency of CONCURRENCIES) {
      const run = spawnSync(process.execPath, [self, '--read', String(concurrency)], {
        encoding: 'utf8',
        env: { ...process.env, BENCH_ARM_URL: url, BENCH_ARM_CA: ca },
        maxBuffer: 1 << 26,
      })
      if (run.status !== 0)
        throw new Error(`read at concurrency ${concurrency} exited ${run.status}:\n${run.stderr}`)
      const r = JSON.parse(run.stdout.trim().split('\n').pop())
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
}

const mode = process.argv[2]
if (mode === '--serve') await serve()
else if (mode === '--read')
  await read(Number(process.argv[3]), process.env.BENCH_ARM_URL, process.env.BENCH_ARM_CA)
else await main()
