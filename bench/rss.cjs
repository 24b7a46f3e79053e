// Preloaded into the scanned process by the benchmark: reports its peak RSS (worker threads included).
process.on('exit', () => {
  process.stderr.write(`\nBENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`)
})
