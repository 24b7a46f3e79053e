// CPU time of a CLI scan per thread, for A/B comparisons on a loaded machine where wall time says little:
// the scan worker ("WorkerThread"), the calling thread ("MainThread"), V8's helper threads ("V8Worker":
// optimising compiles, parallel and concurrent collection), their sum ("cpu"), the tail (from the worker's end
// to the process's end: merge, report, exit) and the peak RSS in MB (the largest VmHWM read). Read from
// /proc/<pid>/task/*/stat and /proc/<pid>/status (Linux only), sampled every 5 ms.
//   node bench/threads.mjs CORPUS RUNS BUILD_DIR [BUILD_DIR...]   (a BUILD_DIR holds cli/index.js, e.g. dist)
// Builds run interleaved, each RUNS times; medians are printed last. The node running this runs the scans.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { clearInterval, setInterval } from 'node:timers'

const [corpus, runsArg, ...builds] = process.argv.slice(2)
if (!corpus || !runsArg || builds.length === 0) {
  console.error('usage: node bench/threads.mjs CORPUS RUNS BUILD_DIR [BUILD_DIR...]')
  process.exit(2)
}
const TICK = 100 // USER_HZ: /proc times are in 1/100 s

/** Thread name → CPU seconds, for the threads alive now (last reading wins per thread id). */
function sample(pid, seen) {
  let tids
  try {
    tids = readdirSync(`/proc/${pid}/task`)
  } catch {
    return
  }
  for (const t of tids) {
    try {
      const comm = readFileSync(`/proc/${pid}/task/${t}/comm`, 'utf8').trim()
      const f = readFileSync(`/proc/${pid}/task/${t}/stat`, 'utf8').split(') ')[1].split(' ')
      // Fields 14 and 15 of stat (utime, stime), counted after the command name.
      seen.set(t, { comm, cpu: (Number(f[11]) + Number(f[12])) / TICK, at: performance.now() })
    } catch {
      // The thread ended between the listing and the read.
    }
  }
}

function once(build) {
  return new Promise((done, fail) => {
    const cli = resolve(build, 'cli', 'index.js')
    if (!existsSync(cli)) fail(new Error(`no ${cli}`))
    const start = performance.now()
    const child = spawn(process.execPath, [cli, 'scan', corpus, '--format', 'json', '--fail-on', 'never'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    const seen = new Map()
    let peakKb = 0
    let workerSeen = false
    let workerGone
    const timer = setInterval(() => {
      sample(child.pid, seen)
      try {
        const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]))
      } catch {
        // The process ended between two samples.
      }
      const alive = [...seen].some(
        ([t, s]) => s.comm === 'WorkerThread' && existsSync(`/proc/${child.pid}/task/${t}`),
      )
      if (alive) workerSeen = true
      else if (workerSeen && workerGone === undefined) workerGone = performance.now()
    }, 5)
    child.on('exit', (code) => {
      clearInterval(timer)
      if (code !== 0) return fail(new Error(`${cli} exited ${code}`))
      const end = performance.now()
      const by = {}
      // Node 20 names every thread "node": the main thread is the one whose id is the process's, the worker
      // the busiest of the others, and the rest are V8's helpers (and libuv's pool, idle in a scan).
      if (![...seen.values()].some((s) => s.comm === 'MainThread')) {
        const others = [...seen].filter(([t]) => Number(t) !== child.pid).sort((a, b) => b[1].cpu - a[1].cpu)
        seen.get(String(child.pid)).comm = 'MainThread'
        if (others[0]) {
          others[0][1].comm = 'WorkerThread'
          // The worker's end: the last sample that still listed its thread (Node 20 names no thread).
          workerGone = others[0][1].at
        }
        for (const [, s] of others.slice(1)) s.comm = 'V8Worker'
      }
      for (const { comm, cpu } of seen.values()) by[comm] = (by[comm] ?? 0) + cpu
      done({
        wall: (end - start) / 1000,
        worker: by.WorkerThread ?? 0,
        main: by.MainThread ?? 0,
        v8: by.V8Worker ?? 0,
        cpu: (by.WorkerThread ?? 0) + (by.MainThread ?? 0) + (by.V8Worker ?? 0),
        rss: peakKb / 1024,
        tail: workerGone === undefined ? NaN : (end - workerGone) / 1000,
      })
    })
  })
}

const results = new Map(builds.map((b) => [b, []]))
for (let i = 0; i < Number(runsArg); i++)
  for (const b of builds) {
    const r = await once(b)
    results.get(b).push(r)
    console.log(
      b.padStart(30),
      Object.entries(r)
        .map(([k, v]) => `${k} ${v.toFixed(2)}`)
        .join('  '),
    )
  }
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
for (const [b, rs] of results)
  console.log(
    `median ${b}:`,
    Object.keys(rs[0])
      .map((k) => `${k} ${median(rs.map((r) => r[k])).toFixed(2)}`)
      .join('  '),
    ` (ranges: ${Object.keys(rs[0])
      .map(
        (k) =>
          `${k} ${Math.min(...rs.map((r) => r[k])).toFixed(2)}-${Math.max(...rs.map((r) => r[k])).toFixed(2)}`,
      )
      .join(', ')})`,
  )
