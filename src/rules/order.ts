/**
 * The order findings are reported in (file, line, rule, resource). A module of its own so the scan's merge
 * (src/pipeline/scan-merge.ts, on the calling thread) sorts without loading the rules.
 */
import type { Finding } from './types'

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.location.file.localeCompare(b.location.file) ||
    a.location.startLine - b.location.startLine ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.resource.localeCompare(b.resource)
  )
}
