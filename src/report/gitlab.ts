/**
 * GitLab Code Quality (`--format gitlab`, for `artifacts:reports:codequality`): a JSON array of issues
 * with a description, check name, fingerprint, severity and location. The fingerprint is the finding's
 * identity (see src/compare), so GitLab's merge request widget tells new from existing across runs.
 * https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
 */
import { createHash } from 'node:crypto'
import type { Severity } from '../rules/types'
import type { ScanResult } from '../pipeline/scan-types'
import { findingKey } from '../compare/new-findings'
import { sortFindings } from './exit'
import { messageWithPaths } from './finding-paths'
import { displayPath } from './paths'

const SEVERITY: Record<Severity, 'info' | 'minor' | 'major' | 'critical' | 'blocker'> = {
  error: 'critical',
  warning: 'major',
  notice: 'info',
}

export interface CodeQualityIssue {
  description: string
  check_name: string
  fingerprint: string
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker'
  location: { path: string; lines: { begin: number; end: number } }
}

export function toGitlabCodeQuality(result: ScanResult, cwd: string): CodeQualityIssue[] {
  const seen = new Map<string, number>()
  return sortFindings(result.findings).map((f) => {
    let fingerprint = createHash('md5').update(findingKey(f, result.root)).digest('hex')
    // Two findings with one identity (rare: the same rule on two lines of one resource) stay distinct.
    const n = seen.get(fingerprint) ?? 0
    seen.set(fingerprint, n + 1)
    if (n > 0) fingerprint = createHash('md5').update(`${fingerprint}:${n}`).digest('hex')
    return {
      description: `${f.ruleId}: ${f.title}. ${messageWithPaths(f)}`,
      check_name: f.ruleId,
      fingerprint,
      severity: SEVERITY[f.severity],
      location: {
        path: displayPath(f.location.file, cwd),
        lines: { begin: f.location.startLine, end: f.location.endLine },
      },
    }
  })
}

export function formatGitlab(result: ScanResult, cwd: string): string {
  return JSON.stringify(toGitlabCodeQuality(result, cwd), null, 2) + '\n'
}
