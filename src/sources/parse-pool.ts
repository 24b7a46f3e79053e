/**
 * Reads and parses Terraform files, in worker threads (dist/parse-worker.js) when running from the bundle.
 *
 * Raw tree-sitter parsing is the slowest step of a scan, so the bundle spreads it over worker threads
 * that live for the whole scan; each worker reads, checks and parses whole files and sends back the
 * plain AST (tree-sitter trees cannot cross threads). Under jest there is no bundle to start a worker
 * from, so the same code runs on the calling thread.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { Worker } from 'node:worker_threads'
import type { SourceKind } from './discover'
import { readSource, type ReadBoundary } from './read-source'
import { jsonTooDeep, MAX_JSON_DEPTH } from './shared/json-lines'
import { createParser, type TreeSitter } from './tree-sitter'
import { parseHcl, parseTfJson } from './terraform/parse'
import type { HclFile } from './terraform/hcl-ast'

export interface ParseJob {
  path: string
  kind: SourceKind
  /** What may be read (plain data: it travels to the worker with the job). */
  boundary: ReadBoundary
}

export type ParseResult =
  | { path: string; kind: SourceKind; ok: true; file: HclFile; bytes: number }
  | { path: string; kind: SourceKind; ok: false; reason: string; line?: number }

/** Parses one file on this thread. */
export function parseOne(parser: TreeSitter.Parser, job: ParseJob): ParseResult {
  const read = readSource(job.path, job.boundary)
  if (!read.ok) return { path: job.path, kind: job.kind, ok: false, reason: read.reason }
  const json = job.kind === 'terraform-json' || job.kind === 'tfvars-json'
  const deep = json ? jsonTooDeep(read.text) : undefined
  if (deep !== undefined)
    return {
      path: job.path,
      kind: job.kind,
      ok: false,
      reason: `is nested more than ${MAX_JSON_DEPTH} levels deep`,
      line: deep,
    }
  try {
    const file = json ? parseTfJson(job.path, read.text, parser) : parseHcl(parser, job.path, read.text)
    return { path: job.path, kind: job.kind, ok: true, file, bytes: Buffer.byteLength(read.text) }
  } catch (e) {
    // A parser bug must cost one file, not the scan (nor a worker thread).
    return {
      path: job.path,
      kind: job.kind,
      ok: false,
      reason: `could not be parsed (${(e as Error).message})`,
    }
  }
}

declare const __non_webpack_require__: NodeJS.Require | undefined

/** The parse worker bundle beside this bundle (the build puts one next to each); none under jest. */
function workerScript(): string | undefined {
  if (typeof __non_webpack_require__ !== 'function' || typeof __dirname !== 'string') return undefined
  const script = path.join(__dirname, 'parse-worker.js')
  return fs.existsSync(script) ? script : undefined
}

interface Pending {
  jobs: ParseJob[]
  resolve: (r: ParseResult[]) => void
  reject: (e: Error) => void
}

/** One worker thread, parsing one batch at a time. */
class ParseWorker {
  private readonly worker: Worker
  private current?: Pending
  constructor(
    script: string,
    private readonly next: () => Pending | undefined,
  ) {
    this.worker = new Worker(script, {
      // A worker only holds the file it is parsing; a small heap makes V8 collect early instead of
      // growing the process by hundreds of MB of garbage on a large scan.
      resourceLimits: { maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 16 },
    })
    this.worker.on('message', (results: ParseResult[]) => {
      this.current?.resolve(results)
      this.current = undefined
      this.pull()
    })
    this.worker.on('error', (e) => {
      this.current?.reject(e)
      this.current = undefined
    })
  }
  pull(): void {
    if (this.current) return
    this.current = this.next()
    if (this.current) this.worker.postMessage(this.current.jobs)
  }
  close(): Promise<number> {
    return this.worker.terminate()
  }
}

/**
 * Parses batches of files for the length of a scan. `parse` may be called again before an earlier call
 * has finished (the scan parses the next Terraform root module while it judges the last one).
 */
export class ParsePool {
  private readonly workers: ParseWorker[] = []
  private readonly queue: Pending[] = []
  private parser?: Promise<TreeSitter.Parser>

  constructor(useWorkers = true) {
    const script = workerScript()
    const threads = Math.min(os.availableParallelism(), 4)
    if (useWorkers && script && threads >= 2) {
      for (let i = 0; i < threads; i++) this.workers.push(new ParseWorker(script, () => this.queue.shift()))
    }
  }

  async parse(jobs: ParseJob[]): Promise<ParseResult[]> {
    if (this.workers.length === 0) {
      this.parser ??= createParser('hcl')
      const parser = await this.parser
      return jobs.map((job) => parseOne(parser, job))
    }
    // Small batches keep the workers even (a unit's files differ a lot in size); large units go in
    // batches of up to 16 files to keep the message count down.
    const size = Math.max(1, Math.min(16, Math.floor(jobs.length / (this.workers.length * 4))))
    const batches: Promise<ParseResult[]>[] = []
    for (let i = 0; i < jobs.length; i += size) {
      const slice = jobs.slice(i, i + size)
      batches.push(new Promise((resolve, reject) => this.queue.push({ jobs: slice, resolve, reject })))
    }
    for (const w of this.workers) w.pull()
    return (await Promise.all(batches)).flat()
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()))
    if (this.parser) (await this.parser).delete()
  }
}
