/**
 * The order findings are reported in (file, line, rule, resource). A module of its own so the scan's merge
 * (src/pipeline/scan-merge.ts, on the calling thread) sorts without loading the rules.
 */
import type { Finding } from './types'

/**
 * localeCompare, skipped for the same string: it is 0 then, and sorting a scan's findings compares mostly
 * findings of one file and one rule (a collation per comparison was most of the sort).
 */
const collate = (a: string, b: string): number => (a === b ? 0 : a.localeCompare(b))

export function compareFindings(a: Finding, b: Finding): number {
  return (
    collate(a.location.file, b.location.file) ||
    a.location.startLine - b.location.startLine ||
    collate(a.ruleId, b.ruleId) ||
    collate(a.resource, b.resource)
  )
}
