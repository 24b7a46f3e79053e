/**
 * Which deployment units one scan worker judges when several share a scan (src/pipeline/scan-isolated.ts).
 *
 * Every worker finds the same files and forms the same units (discovery is deterministic), so each can
 * tell its own share without talking to the others: units go, largest first, to the least loaded share
 * (by bytes of source), the same way in every worker. Each worker parses, evaluates, models, analyses
 * and judges its units where they are parsed and sends back findings, never syntax trees; the scan
 * merges them in unit order, so the report is the same as one worker's (src/pipeline/scan.ts finishScan).
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { UnitShare } from '../sources/judgement'
import { SKIP_DIRS } from '../sources/parsing/discover'

/**
 * Below this many bytes of units in all, one share judges everything: a second worker would cost its
 * start and its discovery and save less than that.
 */
export const MIN_SPLIT_BYTES = 1_000_000

/** Bytes of units below which one share judges all (AZURE_KMS_GUARD_SPLIT_BYTES sets it, for tests). */
export function minSplitBytes(env: NodeJS.ProcessEnv = process.env): number {
  const v = env.AZURE_KMS_GUARD_SPLIT_BYTES?.trim()
  return v && /^\d+$/.test(v) ? Number(v) : MIN_SPLIT_BYTES
}

/** IaC files a tree needs before a second worker is started for it (~2.8 KB each in a landing zone). */
const MIN_SPLIT_FILES = 250

/** Most directory entries the probe looks at before it takes the tree as large. */
const PROBE_ENTRIES = 20_000

const IAC_FILE = /\.(tf|tfvars|tf\.json|tfvars\.json|bicep|bicepparam|json)$/

/**
 * Whether the tree under `root` may hold enough to share (before any worker starts, on the calling thread):
 * counts IaC-looking files, stopping at MIN_SPLIT_FILES or after PROBE_ENTRIES entries (then: large), so a
 * small workspace starts one worker and a hostile one costs this thread a bounded walk. The workers
 * decide by bytes (minSplitBytes) once they have read the sources.
 */
export function mayShare(root: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (minSplitBytes(env) === 0) return true
  let files = 0
  let entries = 0
  const dirs = [root]
  for (let dir = dirs.pop(); dir !== undefined; dir = dirs.pop()) {
    let list: fs.Dirent[]
    try {
      list = fs.readdirSync(dir, { withFileTypes: true })
    } catch {
      continue
    }
    for (const e of list) {
      if (++entries > PROBE_ENTRIES) return true
      // Symbolic links are not followed here: the probe only estimates.
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) dirs.push(path.join(dir, e.name))
      } else if (IAC_FILE.test(e.name) && ++files >= MIN_SPLIT_FILES) return true
    }
  }
  return false
}

export interface ShareSpec {
  /** This worker's share, 0 ≤ index < count; share 0 also reports what belongs to no unit. */
  index: number
  count: number
}

export class Shares implements UnitShare {
  private readonly load: number[]
  private whole = false
  private readonly minBytes = minSplitBytes()

  constructor(
    private readonly spec: ShareSpec,
    /** Told as this worker starts on each unit of its share. */
    private readonly onEnter: (order: number) => void = () => {},
  ) {
    this.load = new Array<number>(spec.count).fill(0)
  }

  enter(order: number): void {
    this.onEnter(order)
  }

  /** One share judges all that follows (plans are matched to units in scan order across all of them). */
  lead(): void {
    this.whole = true
  }

  take(weights: readonly number[]): boolean[] {
    const { index, count } = this.spec
    if (count <= 1) return weights.map(() => true)
    const total = weights.reduce((a, b) => a + b, 0) + this.load.reduce((a, b) => a + b, 0)
    if (this.whole || total < this.minBytes) {
      this.load[0] += weights.reduce((a, b) => a + b, 0)
      return weights.map(() => index === 0)
    }
    // Largest first to the least loaded share (ties: the lower index), so shares end close in bytes.
    const order = weights.map((_, i) => i).sort((a, b) => weights[b]! - weights[a]! || a - b)
    const owner = new Array<number>(weights.length)
    for (const i of order) {
      let best = 0
      for (let s = 1; s < count; s++) if (this.load[s]! < this.load[best]!) best = s
      owner[i] = best
      this.load[best] += weights[i]!
    }
    return owner.map((s) => s === index)
  }
}
