/**
 * New, existing and fixed findings between the base commit and the head of a pull request. Findings
 * are matched by what they are about, not where: editing lines above a route moves its finding, and
 * that must not make an old problem look like one the pull request introduced.
 */
import * as path from 'node:path'
import type { Finding } from '../rules/types'
import { displayPath, repoPath } from '../report/paths'

export interface Comparison {
  /** In head, not in base: introduced by this change. */
  new: Finding[]
  /** In both (the head's copy, with the head's lines). */
  existing: Finding[]
  /** In base, not in head: fixed by this change. Re-rooted onto the head checkout (see compareFindings). */
  fixed: Finding[]
}

export interface CompareOptions {
  /** Root the base was scanned at (a temp checkout), to make its paths repository-relative. */
  baseRoot: string
  headRoot: string
  /** Head path → base path for files renamed by the change (repository-relative, forward slashes). */
  renamed?: Record<string, string>
}

/**
 * ruleId + repository-relative file + resource + sorted KMS addresses. No line numbers and no message
 * (messages quote values that an unrelated edit can change, e.g. a prefix elsewhere in the table).
 */
export function findingKey(f: Finding, root: string, renamed?: Record<string, string>): string {
  let file = displayPath(f.location.file, root)
  if (renamed?.[file] !== undefined) file = renamed[file]!
  return JSON.stringify([f.ruleId, file, f.resource, [...f.kmsAddresses].sort()])
}

/**
 * Matches as multisets: two identical findings in head against one in base is one existing and one
 * new. A fixed finding's file is rewritten from the base checkout onto the head root, so every reporter
 * shows it with the repository's path (the temp dir is gone by then anyway).
 */
export function compareFindings(
  base: readonly Finding[],
  head: readonly Finding[],
  opts: CompareOptions,
): Comparison {
  const pool = new Map<string, Finding[]>()
  for (const f of base) {
    const k = findingKey(f, opts.baseRoot)
    const list = pool.get(k)
    if (list) list.push(f)
    else pool.set(k, [f])
  }
  const result: Comparison = { new: [], existing: [], fixed: [] }
  for (const f of head) {
    const list = pool.get(findingKey(f, opts.headRoot, opts.renamed))
    if (list && list.length > 0) {
      list.shift()
      result.existing.push(f)
    } else result.new.push(f)
  }
  for (const list of pool.values()) {
    for (const f of list) result.fixed.push(reroot(f, opts.baseRoot, opts.headRoot))
  }
  return result
}

function reroot(f: Finding, from: string, to: string): Finding {
  const rel = repoPath(f.location.file, from)
  return rel === undefined ? f : { ...f, location: { ...f.location, file: path.join(to, rel) } }
}

/** The `renamed` map from the changed-file list (`previousPath` is set on renames). */
export function renamesFrom(
  files: readonly { path: string; previousPath?: string }[],
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const f of files) if (f.previousPath) out[f.path] = f.previousPath
  return out
}
