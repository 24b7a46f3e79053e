/**
 * Severity arithmetic shared by every shell: counts, the fail-on decision and the order findings are
 * shown in (most severe first, so the runner's per-step annotation cap drops notices, not errors).
 */
import { SEVERITY_ORDER, type Finding, type Severity } from '../rules/types'

export type FailOn = Severity | 'never'

export const FAIL_ON_LEVELS: readonly FailOn[] = ['error', 'warning', 'notice', 'never']

export interface Counts {
  errors: number
  warnings: number
  notices: number
  total: number
}

export function parseFailOn(value: string): FailOn | undefined {
  const v = value.trim().toLowerCase()
  return (FAIL_ON_LEVELS as readonly string[]).includes(v) ? (v as FailOn) : undefined
}

export function countFindings(findings: readonly Finding[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, notices: 0, total: findings.length }
  for (const f of findings) {
    if (f.severity === 'error') c.errors++
    else if (f.severity === 'warning') c.warnings++
    else c.notices++
  }
  return c
}

/** True when any finding is at or above `failOn`; never with 'never'. */
export function failsAt(findings: readonly Finding[], failOn: FailOn): boolean {
  if (failOn === 'never') return false
  const threshold = SEVERITY_ORDER[failOn]
  return findings.some((f) => SEVERITY_ORDER[f.severity] >= threshold)
}

/** Findings at or above `failOn` (for the failure message). */
export function countAtOrAbove(findings: readonly Finding[], failOn: FailOn): number {
  if (failOn === 'never') return 0
  return findings.filter((f) => SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[failOn]).length
}

/** Most severe first, then by file, line and rule, so every report lists findings in the same order. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] ||
      cmp(a.location.file, b.location.file) ||
      a.location.startLine - b.location.startLine ||
      cmp(a.ruleId, b.ruleId) ||
      cmp(a.resource, b.resource),
  )
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** `2 errors, 1 warning, 0 notices`. */
export function describeCounts(c: Counts): string {
  return `${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${plural(c.notices, 'notice')}`
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`
}
