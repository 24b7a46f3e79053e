/**
 * JUnit XML (`--format junit`) for Azure DevOps PublishTestResults and GitLab `artifacts:reports:junit`:
 * one test suite per rule, one test case per finding (failed; a notice is a skipped case with its
 * message, so it is seen but fails nothing), and one passing case for each rule with no finding, so the
 * test tab shows every check that ran. Text from scanned files is XML-escaped and stripped of the
 * characters XML 1.0 cannot hold.
 */
import type { Rule } from '../rules/types'
import type { ScanResult } from '../pipeline/scan-types'
import { sortFindings } from './exit'
import { pathsLine } from './finding-paths'
import { displayPath } from './paths'
import { TOOL_NAME } from './tool'

function xml(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udfff]/g, (c, i: number, all: string) => {
        const code = c.charCodeAt(0)
        // Keep well-formed surrogate pairs, drop lone halves (not allowed in XML).
        if (code <= 0xdbff) return /[\udc00-\udfff]/.test(all[i + 1] ?? '') ? c : ''
        return /[\ud800-\udbff]/.test(all[i - 1] ?? '') ? c : ''
      })
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  )
}

export function formatJunit(result: ScanResult, cwd: string, rules: readonly Rule[]): string {
  const findings = sortFindings(result.findings)
  const suites: string[] = []
  let tests = 0
  let failures = 0
  let skipped = 0
  for (const rule of rules) {
    const mine = findings.filter((f) => f.ruleId === rule.id)
    const cases: string[] = []
    let suiteFailures = 0
    let suiteSkipped = 0
    for (const f of mine) {
      const where = `${displayPath(f.location.file, cwd)}:${f.location.startLine}`
      const name = xml(`${f.resource} (${where})`)
      const body = xml(
        [f.message, pathsLine(f) ?? '', f.fix ? `Fix:\n${f.fix}` : ''].filter(Boolean).join('\n\n'),
      )
      if (f.severity === 'notice') {
        suiteSkipped++
        cases.push(
          `    <testcase classname="${rule.id}" name="${name}" file="${xml(where)}">\n      <skipped message="${xml(`notice: ${f.title}`)}">${body}</skipped>\n    </testcase>`,
        )
      } else {
        suiteFailures++
        cases.push(
          `    <testcase classname="${rule.id}" name="${name}" file="${xml(where)}">\n      <failure type="${f.severity}" message="${xml(`${f.ruleId}: ${f.title}`)}">${body}</failure>\n    </testcase>`,
        )
      }
    }
    if (mine.length === 0)
      cases.push(`    <testcase classname="${rule.id}" name="${xml(`${rule.id}: ${rule.title}`)}"/>`)
    tests += cases.length
    failures += suiteFailures
    skipped += suiteSkipped
    suites.push(
      `  <testsuite name="${xml(`${rule.id}: ${rule.title}`)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="${suiteSkipped}">\n${cases.join('\n')}\n  </testsuite>`,
    )
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="${TOOL_NAME}" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">\n` +
    `${suites.join('\n')}\n</testsuites>\n`
  )
}
