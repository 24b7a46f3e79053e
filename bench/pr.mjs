// The PR-shaped case of `npm run bench` (issue 13): the built action (dist/index.js) on a pull_request
// event against a local GitHub stand-in, in a ~2,000-file repository (bench/generate.mjs landing zones)
// that is a real git repository with a base and a head commit, the head changing one terraform.tfvars;
// beside a full CLI scan of the same head. Prints the median seconds of each and their ratio (target ≤ 0.3),
// then the same run with a warm `cache-dir` (the base unit's findings kept by an earlier run), interleaved.
// BENCH_PR_BUILDS=dirA,dirB (each a built dist/, e.g. an old one unpacked with git archive) runs those
// builds instead, interleaved in the same run, each against its own full CLI scan: an A/B of the figure.
// Beside each median wall time, the median CPU (user + system of the process and its children: the scan
// worker, git) where /usr/bin/time is there to count it, and the load average at the start and the end: on
// a shared machine wall time follows the load, CPU much less.
// Run alone, `node bench/pr.mjs [runs]` (5 by default) measures this checkout's dist/ (or BENCH_PR_BUILDS).
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generate } from './generate.mjs'

/** `argv` run through /usr/bin/time when it is there, writing user and system seconds to `cpuFile`. */
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined
const timed = (argv, cpuFile) =>
  TIME ? [TIME, ['-f', '%U %S', '-o', cpuFile, ...argv]] : [argv[0], argv.slice(1)]

/** The CPU seconds /usr/bin/time wrote (its last line: the child's own messages come before), or NaN. */
function cpuOf(cpuFile) {
  if (!TIME) return NaN
  try {
    const [u, s] = readFileSync(cpuFile, 'utf8').trim().split('\n').pop().split(' ').map(Number)
    return u + s
  } catch {
    return NaN
  }
}

const git = (cwd, ...args) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim()

/** The few endpoints the action calls on a pull request with comments off: the changed files and the check run. */
function gitHubStandIn(files) {
  const server = createServer((req, res) => {
    const reply = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    req.resume()
    req.on('end', () => {
      const url = new globalThis.URL(req.url, 'http://x')
      if (req.method === 'GET' && url.pathname === '/repos/octo/net/pulls/7/files') return reply(200, files)
      if (req.method === 'POST' && url.pathname === '/repos/octo/net/check-runs')
        return reply(201, { id: 4242, html_url: 'https://x/runs/4242' })
      if (req.method === 'PATCH' && url.pathname === '/repos/octo/net/check-runs/4242')
        return reply(200, { id: 4242 })
      reply(404, { message: 'Not Found' })
    })
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() }),
    ),
  )
}

function runAction(file, cwd, env, cpuFile) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint()
    const [cmd, args] = timed([process.execPath, file], cpuFile)
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    child.on('error', reject)
    child.on('close', (status) =>
      resolve({ status, out, seconds: Number(process.hrtime.bigint() - start) / 1e9, cpu: cpuOf(cpuFile) }),
    )
  })
}

function cliScan(dist, dir, cpuFile) {
  const start = process.hrtime.bigint()
  const [cmd, args] = timed(
    [process.execPath, join(dist, 'cli', 'index.js'), 'scan', dir, '--format', 'json', '--fail-on', 'never'],
    cpuFile,
  )
  const run = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30 })
  if (run.status !== 0) throw new Error(`CLI scan exited ${run.status}: ${run.stderr}`)
  return {
    seconds: Number(process.hrtime.bigint() - start) / 1e9,
    cpu: cpuOf(cpuFile),
    findings: JSON.parse(run.stdout).findings.length,
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

export async function prBench(
  root,
  runs,
  builds = (process.env.BENCH_PR_BUILDS ?? '').split(',').filter(Boolean),
) {
  const dists = builds.length > 0 ? builds : [join(root, 'dist')]
  const work = mkdtempSync(join(tmpdir(), 'kms-bench-pr-'))
  try {
    const repo = join(work, 'repo')
    const { landingZones } = generate(repo, 1000, 495)
    const files = landingZones * 4 + 1
    git(repo, 'init', '-q', '.')
    git(repo, 'add', '-A')
    const id = ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com']
    execFileSync('git', [...id, 'commit', '-qm', 'base'], { cwd: repo })
    const baseSha = git(repo, 'rev-parse', 'HEAD')
    const changed = 'landing-zones/lz-0007/terraform.tfvars'
    writeFileSync(
      join(repo, changed),
      readFileSync(join(repo, changed), 'utf8').replace(/"[a-z0-9]+"/, '"swedencentral"'),
    )
    git(repo, 'add', '-A')
    execFileSync('git', [...id, 'commit', '-qm', 'head'], { cwd: repo })
    const headSha = git(repo, 'rev-parse', 'HEAD')
    const diff = git(repo, 'diff', `${baseSha}..${headSha}`, '--', changed)
    const github = await gitHubStandIn([
      { filename: changed, status: 'modified', patch: diff.slice(diff.indexOf('@@')) },
    ])
    const event = join(work, 'event.json')
    writeFileSync(
      event,
      JSON.stringify({
        number: 7,
        pull_request: {
          number: 7,
          base: { sha: baseSha, repo: { full_name: 'octo/net' } },
          head: { sha: headSha, repo: { full_name: 'octo/net' } },
        },
        repository: { name: 'net', owner: { login: 'octo' } },
      }),
    )
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: work,
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: 'octo/net',
      GITHUB_WORKSPACE: repo,
      GITHUB_STEP_SUMMARY: join(work, 'summary.md'),
      GITHUB_OUTPUT: join(work, 'output.txt'),
      RUNNER_TEMP: work,
      'INPUT_GITHUB-TOKEN': 'ghs_benchTokenNotARealOne0123456789',
      INPUT_COMMENT: 'false',
      INPUT_PATH: '.',
    }
    const cached = { ...env, 'INPUT_CACHE-DIR': join(work, 'kms-cache') }
    const cpuFile = join(work, 'cpu.txt')
    const action = async (dist, e) => {
      writeFileSync(env.GITHUB_OUTPUT, '')
      writeFileSync(env.GITHUB_STEP_SUMMARY, '')
      const a = await runAction(join(dist, 'index.js'), repo, e, cpuFile)
      if (a.status !== 0 && a.status !== 1)
        throw new Error(`the action exited ${a.status}:\n${a.out.slice(-2000)}`)
      if (process.env.BENCH_PR_LOG) console.log(a.out.slice(-1500))
      return a
    }
    const times = dists.map(() => ({ pr: [], cached: [], full: [], prCpu: [], cachedCpu: [], fullCpu: [] }))
    const loads = [loadavg()[0]]
    try {
      rmSync(cached['INPUT_CACHE-DIR'], { recursive: true, force: true })
      await action(dists[0], cached) // fills the cache-dir, as the run before this one would have
      for (let r = 0; r < runs; r++)
        for (const [i, dist] of dists.entries()) {
          const c = await action(dist, cached)
          times[i].cached.push(c.seconds)
          times[i].cachedCpu.push(c.cpu)
          const a = await action(dist, env)
          times[i].pr.push(a.seconds)
          times[i].prCpu.push(a.cpu)
          const f = cliScan(dist, repo, cpuFile)
          times[i].full.push(f.seconds)
          times[i].fullCpu.push(f.cpu)
        }
    } finally {
      github.close()
    }
    loads.push(loadavg()[0])
    const outputs = readFileSync(env.GITHUB_OUTPUT, 'utf8')
    const out = (k) => new RegExp(`^${k}<<\\S+\\r?\\n(.*)$`, 'm').exec(outputs)?.[1] ?? '?'
    if (out('new-findings') === '?')
      console.log(`(no outputs read; GITHUB_OUTPUT holds ${outputs.length} characters)`)
    const cpu = (xs) => (xs.some(Number.isNaN) ? '' : ` (CPU ${median(xs).toFixed(2)} s)`)
    console.log(
      `PR-shaped run: ${runs} interleaved runs per build, load average ${loads.map((l) => l.toFixed(2)).join(' -> ')}`,
    )
    const results = dists.map((dist, i) => {
      const p = median(times[i].pr)
      const f = median(times[i].full)
      const c = median(times[i].cached)
      const which = dists.length > 1 ? ` [${dist}]` : ''
      console.log(
        `PR-shaped run${which} (${files} files, one tfvars changed, scope new): action ${p.toFixed(2)} s${cpu(times[i].prCpu)} ` +
          `vs full CLI scan of the head ${f.toFixed(2)} s${cpu(times[i].fullCpu)}: ratio ${(p / f).toFixed(2)} (target <= 0.3); ` +
          `new findings ${out('new-findings')}`,
      )
      console.log(
        `  with a warm cache-dir: action ${c.toFixed(2)} s${cpu(times[i].cachedCpu)}: ratio ${(c / f).toFixed(2)}; new findings ${out('new-findings')}`,
      )
      return { pr: p, full: f, ratio: p / f, cached: c }
    })
    return results[0]
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  await prBench(join(dirname(fileURLToPath(import.meta.url)), '..'), Number(process.argv[2] ?? 5))
