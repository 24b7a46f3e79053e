/**
 * Per-stage wall time and heap, printed to stderr when AZURE_KMS_GUARD_STATS=1: what the benchmark
 * and a curious user read to see where a scan spends its time and memory. Off by default.
 */
const enabled = process.env.AZURE_KMS_GUARD_STATS === '1'
let last = process.hrtime.bigint()

export function stage(name: string): void {
  if (!enabled) return
  const now = process.hrtime.bigint()
  const ms = Number(now - last) / 1e6
  last = now
  const heap = process.memoryUsage()
  process.stderr.write(
    `stats: ${name} ${ms.toFixed(0)} ms, heap ${(heap.heapUsed / 1048576).toFixed(0)} MB, rss ${(heap.rss / 1048576).toFixed(0)} MB\n`,
  )
}
