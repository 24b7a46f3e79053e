/**
 * Per-stage wall time and heap: printed to stderr when AZURE_KMS_GUARD_STATS=1 (what the benchmark
 * reads), and handed to a listener the CLI sets for --verbose. Off by default.
 */
export interface StageTiming {
  name: string
  ms: number
  heapMB: number
  rssMB: number
}

const enabled = process.env.AZURE_KMS_GUARD_STATS === '1'
let listener: ((t: StageTiming) => void) | undefined
let last = process.hrtime.bigint()

/** Starts timing from now and sends every later stage to `fn` (undefined: stop). */
export function onStage(fn: ((t: StageTiming) => void) | undefined): void {
  listener = fn
  last = process.hrtime.bigint()
}

export function stage(name: string): void {
  if (!enabled && !listener) return
  const now = process.hrtime.bigint()
  const ms = Number(now - last) / 1e6
  last = now
  const mem = process.memoryUsage()
  const t = { name, ms, heapMB: mem.heapUsed / 1048576, rssMB: mem.rss / 1048576 }
  listener?.(t)
  if (enabled)
    process.stderr.write(
      `stats: ${name} ${ms.toFixed(0)} ms, heap ${t.heapMB.toFixed(0)} MB, rss ${t.rssMB.toFixed(0)} MB\n`,
    )
}
