// Preloaded into the scanned process by the benchmark: reports its peak RSS (worker threads included)
// and its CPU time (all threads). Preloads run in worker threads too: only the main thread reports,
// once, when the process exits.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload (node --require)
const { isMainThread } = require('node:worker_threads')
if (isMainThread)
  process.on('exit', () => {
    const u = process.resourceUsage()
    process.stderr.write(`\nBENCH_MAX_RSS_KB=${u.maxRSS}\nBENCH_CPU_US=${u.userCPUTime + u.systemCPUTime}\n`)
  })
