/**
 * Baselines: `--baseline-write FILE` records today's findings by identity; `--baseline FILE` (and the
 * action's `baseline` input) then reports only findings not in it, and names the baseline entries that
 * are gone (fixed). Identity is the one the pull request verdict uses (src/compare), so a baseline
 * survives what a PR comparison survives: edited lines, moved blocks.
 */
import type { Finding } from '../rules/types'
import { displayPath } from '../report/paths'
import { TOOL_NAME, TOOL_VERSION } from '../report/tool'
import { findingKey } from './new-findings'
import { makeBoundary, readSource } from '../sources/parsing/read-source'

export interface BaselineEntry {
  /** The finding's identity: the only field matching uses. */
  id: string
  /** For a person reading the file or a fixed entry: what the finding was. */
  ruleId: string
  resource: string
  file: string
  line: number
  message: string
}

export interface BaselineFile {
  tool: typeof TOOL_NAME
  baselineVersion: 1
  toolVersion: string
  findings: BaselineEntry[]
}

export function toBaseline(findings: readonly Finding[], root: string): BaselineFile {
  return {
    tool: TOOL_NAME,
    baselineVersion: 1,
    toolVersion: TOOL_VERSION,
    findings: findings.map((f) => ({
      id: findingKey(f, root),
      ruleId: f.ruleId,
      resource: f.resource,
      file: displayPath(f.location.file, root),
      line: f.location.startLine,
      message: f.message,
    })),
  }
}

/** Reads and checks a baseline file; a file that is not one throws with the reason (a usage error). */
export function readBaseline(file: string): BaselineFile {
  let data: unknown
  try {
    // The invoker names the baseline: it may lie anywhere, but is still read as a regular file only.
    const read = readSource(file, makeBoundary([], [file]))
    if (!read.ok) throw new Error(`the file ${read.reason}`)
    data = JSON.parse(read.text)
  } catch (error) {
    throw new Error(`baseline ${file}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    })
  }
  const b = data as Partial<BaselineFile>
  if (
    typeof b !== 'object' ||
    b === null ||
    b.tool !== TOOL_NAME ||
    b.baselineVersion !== 1 ||
    !Array.isArray(b.findings) ||
    !b.findings.every((e) => typeof e?.id === 'string')
  )
    throw new Error(`baseline ${file}: not a ${TOOL_NAME} baseline (write one with --baseline-write)`)
  return b as BaselineFile
}

export interface BaselineComparison {
  /** Findings the baseline does not hold: the ones to report. */
  fresh: Finding[]
  /** Findings the baseline holds. */
  known: Finding[]
  /** Baseline entries no finding matches any more. */
  fixed: BaselineEntry[]
}

/** Matches as multisets, like the pull request comparison: two findings against one entry leave one fresh. */
export function applyBaseline(
  findings: readonly Finding[],
  baseline: BaselineFile,
  root: string,
): BaselineComparison {
  const pool = new Map<string, BaselineEntry[]>()
  for (const e of baseline.findings) pool.set(e.id, [...(pool.get(e.id) ?? []), e])
  const out: BaselineComparison = { fresh: [], known: [], fixed: [] }
  for (const f of findings) {
    const list = pool.get(findingKey(f, root))
    if (list && list.length > 0) {
      list.shift()
      out.known.push(f)
    } else out.fresh.push(f)
  }
  for (const list of pool.values()) out.fixed.push(...list)
  return out
}
