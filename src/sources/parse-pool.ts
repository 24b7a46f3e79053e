/**
 * Reads and parses source files, in worker threads when running from the bundle.
 *
 * Raw tree-sitter parsing is the slowest step of a scan (about 4 MB/s on one core here), so the bundle
 * spreads it over worker threads; each worker reads, checks and parses whole files and sends back the
 * plain AST (tree-sitter trees cannot cross threads). Under jest there is no bundle to start a worker
 * from, so the same code runs on the calling thread.
 */
import * as os from 'node:os'
import { Worker } from 'node:worker_threads'
import type { SourceKind } from './discover'
import { readSource } from './read-source'
import { createParser, type TreeSitter } from './tree-sitter'
import { parseHcl, parseTfJson } from './terraform/parse'
import type { HclFile } from './terraform/hcl-ast'

export interface ParseJob {
  path: string
  kind: SourceKind
}

export type ParseResult =
  | { path: string; kind: SourceKind; ok: true; file: HclFile; bytes: number }
  | { path: string; kind: SourceKind; ok: false; reason: string }

/** workerData tag that makes a bundle entry point run as a parse worker instead of its main. */
export const PARSE_WORKER_TAG = 'azure-kms-guard/parse'

/** Parses one file on this thread. */
export function parseOne(parser: TreeSitter.Parser, job: ParseJob): ParseResult {
  const read = readSource(job.path)
  if (!read.ok) return { path: job.path, kind: job.kind, ok: false, reason: read.reason }
  const json = job.kind === 'terraform-json' || job.kind === 'tfvars-json'
  try {
    const file = json ? parseTfJson(job.path, read.text, parser) : parseHcl(parser, job.path, read.text)
    return { path: job.path, kind: job.kind, ok: true, file, bytes: Buffer.byteLength(read.text) }
  } catch (e) {
    // A parser bug must cost one file, not the scan (nor a worker thread).
    return { path: job.path, kind: job.kind, ok: false, reason: `could not be parsed (${(e as Error).message})` }
  }
}

async function parseHere(jobs: ParseJob[]): Promise<ParseResult[]> {
  const parser = await createParser('hcl')
  try {
    return jobs.map((job) => parseOne(parser, job))
  } finally {
    parser.delete()
  }
}

declare const __non_webpack_require__: NodeJS.Require | undefined

/** The bundle's own file, which a worker runs again with the worker tag. */
function bundleFile(): string | undefined {
  return typeof __non_webpack_require__ === 'function' && typeof __filename === 'string' ? __filename : undefined
}

/** Files per message: large enough to keep message overhead low, small enough to balance the workers. */
const BATCH = 16

export async function parseAll(jobs: ParseJob[], useWorkers = true): Promise<ParseResult[]> {
  const script = bundleFile()
  const threads = Math.min(os.availableParallelism(), 4, Math.ceil(jobs.length / BATCH))
  if (!useWorkers || !script || threads < 2) return parseHere(jobs)

  const results = new Array<ParseResult>(jobs.length)
  let next = 0
  const runWorker = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(script, { workerData: { tag: PARSE_WORKER_TAG } })
      let current: number[] = []
      const send = (): void => {
        if (next >= jobs.length) {
          void worker.terminate().then(() => resolve())
          return
        }
        current = []
        for (let i = 0; i < BATCH && next < jobs.length; i++) current.push(next++)
        worker.postMessage(current.map((i) => jobs[i]))
      }
      worker.on('message', (batch: ParseResult[]) => {
        batch.forEach((r, k) => (results[current[k]] = r))
        send()
      })
      worker.on('error', reject)
      send()
    })
  await Promise.all(Array.from({ length: threads }, runWorker))
  return results
}
