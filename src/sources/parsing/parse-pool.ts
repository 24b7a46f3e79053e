/** Reads and parses Terraform files (HCL native syntax or JSON) into the plain AST. */
import type { SourceKind } from './discover'
import { readSource, type ReadBoundary } from './read-source'
import { parsingFile } from '../evaluation/unit-watch'
import { jsonTooDeep, MAX_JSON_DEPTH } from './json-lines'
import { parseHcl, parseTfJson } from '../terraform/parse'
import type { HclFile } from '../terraform/hcl-ast'

export interface ParseJob {
  path: string
  kind: SourceKind
  /** What may be read (plain data: it travels to the worker with the job). */
  boundary: ReadBoundary
  /** The file's text when it was already read through the boundary (terraformUnits reads .tf files). */
  text?: string
  /** Discovery listed it as a regular file (see readSource's `regular`). */
  regular?: boolean
}

export type ParseResult =
  | { path: string; kind: SourceKind; ok: true; file: HclFile; bytes: number }
  | { path: string; kind: SourceKind; ok: false; reason: string; line?: number }

/**
 * Parses one file on this thread. Under the scan worker a file whose parsing killed an earlier worker
 * (a parser that ran out of memory) is not parsed again: it is skipped, named with why.
 */
export function parseOne(job: ParseJob): ParseResult {
  return parsingFile(
    job.path,
    () => parse(job),
    (why) => ({ path: job.path, kind: job.kind, ok: false, reason: `could not be parsed: ${why}` }),
  )
}

function parse(job: ParseJob): ParseResult {
  const read =
    job.text !== undefined
      ? { ok: true as const, text: job.text }
      : readSource(job.path, job.boundary, job.regular === true)
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
    const file = json ? parseTfJson(job.path, read.text) : parseHcl(job.path, read.text)
    return { path: job.path, kind: job.kind, ok: true, file, bytes: Buffer.byteLength(read.text) }
  } catch (e) {
    // A parser bug must cost one file, not the scan.
    return {
      path: job.path,
      kind: job.kind,
      ok: false,
      reason: `could not be parsed (${(e as Error).message})`,
    }
  }
}

/**
 * Parses batches of files for the length of a scan, on the calling thread. Parse worker threads were
 * measured after the native HCL parser replaced tree-sitter: parsing 10 MB then takes a fraction of a
 * second, and sending the ASTs back (structured clone) cost the main thread more than the parsing it
 * saved, for 30-60% more CPU in all, so there are none.
 */
export class ParsePool {
  async parse(jobs: ParseJob[]): Promise<ParseResult[]> {
    return jobs.map((job) => parseOne(job))
  }

  async close(): Promise<void> {}
}
