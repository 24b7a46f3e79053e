/**
 * Inline suppressions next to the resource, Checkov-style: `# azure-kms-guard:ignore KMS001 <reason>`
 * (or `//`). A reason is required: a suppression nobody can explain later is a silent hole in the
 * check, so one without a reason does not suppress and is reported instead. JSON has no comments, so
 * ARM templates and plan files are suppressed through the config file.
 */
import type { Finding } from '../rules/types'
import * as path from 'node:path'
import type { Origin } from '../model/value'
import { expiredFinding, hasExpired, isDate } from './expiry'

export interface Suppressed {
  finding: Finding
  reason: string
  /**
   * Where it was accepted: an `azure-kms-guard:ignore` comment in the source, or the config's `suppress:`
   * list.
   */
  kind: 'inline' | 'config'
  /** Where the suppression comment is. */
  origin: Origin
}

export interface SuppressionResult {
  kept: Finding[]
  suppressed: Suppressed[]
  /** KMS012 notices: suppressions without a reason (they suppressed nothing). */
  problems: Finding[]
}

/** Returns the file's text, or undefined when it cannot be read (the finding is then kept). */
export type ReadFile = (file: string) => string | undefined

export interface Directive {
  rules: string[]
  reason: string
  /** `until=YYYY-MM-DD` after the rule ids: the suppression holds through that day. */
  until?: string
}

/**
 * The directive on a line, if any: rule ids (comma-separated, or `*`) then free text as the reason.
 * The comment may follow code on the same line (`resource "x" "y" { # azure-kms-guard:ignore …`).
 */
/** What every directive holds: a file without it has none. */
export const DIRECTIVE = 'azure-kms-guard:ignore'

export function parseDirective(line: string): Directive | undefined {
  const m = line.match(/(?:#|\/\/)\s*azure-kms-guard:ignore\b[ \t]*(.*)$/)
  if (!m) return undefined
  const rest = m[1]!.replace(/\s*\*\/\s*$/, '').trim()
  const ids = rest.match(/^((?:KMS\d{3}|\*)(?:\s*,\s*(?:KMS\d{3}|\*))*)(.*)$/i)
  if (!ids) return { rules: [], reason: rest }
  let reason = ids[2]!.trim()
  const until = reason.match(/^until=(\S+)\s*/i)
  if (until) reason = reason.slice(until[0].length)
  return {
    rules: ids[1]!.split(',').map((r) => r.trim().toUpperCase()),
    reason: reason.replace(/^[-–—:]\s*/, ''),
    ...(until ? { until: until[1]! } : {}),
  }
}

/**
 * The start of the block the finding is in: the nearest `resource`/`module`/`data` line at or above it (HCL,
 * Bicep).
 */
export function resourceStartLine(lines: readonly string[], findingLine: number): number | undefined {
  for (let i = Math.min(findingLine, lines.length); i >= 1; i--) {
    if (/^\s*(resource|module|data)\b/.test(lines[i - 1]!)) return i
  }
  return undefined
}

function isJson(file: string): boolean {
  return /\.json$/i.test(file)
}

export interface SuppressionOptions {
  /** The resource's first line when the caller knows it (else found by resourceStartLine). */
  resourceLine?: (f: Finding) => number | undefined
  /** Today, for `until=` dates. */
  now?: Date
  /** Paths in messages are relative to it. */
  root?: string
}

export function applySuppressions(
  findings: readonly Finding[],
  readFile: ReadFile,
  opts: SuppressionOptions = {},
): SuppressionResult {
  const cache = new Map<string, string[] | undefined>()
  // A file without the marker has no directive (parseDirective needs it): its findings are kept without
  // splitting it into lines, which for a large repository's findings cost more than reading the files.
  const linesOf = (file: string): string[] | undefined => {
    if (!cache.has(file)) {
      const text = readFile(file)
      cache.set(file, text?.includes(DIRECTIVE) ? text.split(/\r\n|\r|\n/) : undefined)
    }
    return cache.get(file)
  }
  const result: SuppressionResult = { kept: [], suppressed: [], problems: [] }
  const reported = new Set<string>()

  for (const f of findings) {
    const lines = isJson(f.location.file) ? undefined : linesOf(f.location.file)
    if (!lines) {
      result.kept.push(f)
      continue
    }
    const at = f.location.startLine
    const resource = opts.resourceLine?.(f) ?? resourceStartLine(lines, at)
    // The finding's line, the resource's first line, and the line above each.
    const candidates = [...new Set([at, at - 1, ...(resource !== undefined ? [resource, resource - 1] : [])])]
      .filter((n) => n >= 1 && n <= lines.length)
      .sort((a, b) => a - b)
    let match: Suppressed | undefined
    let expired: Finding | undefined
    for (const n of candidates) {
      const d = parseDirective(lines[n - 1]!)
      if (!d || !(d.rules.includes(f.ruleId) || d.rules.includes('*'))) continue
      const origin: Origin = { file: f.location.file, startLine: n, endLine: n }
      if (d.reason === '') {
        const key = `${f.location.file}:${n}`
        if (!reported.has(key)) {
          reported.add(key)
          result.problems.push(noReason(f, origin, d.rules))
        }
        continue
      }
      if (d.until !== undefined && !isDate(d.until)) {
        const key = `${f.location.file}:${n}`
        if (!reported.has(key)) {
          reported.add(key)
          result.problems.push(badDate(f, origin, d.until))
        }
        continue
      }
      if (hasExpired(d.until, opts.now)) {
        expired = expiredFinding(f, d.until!, d.reason, origin, opts.root ?? path.dirname(f.location.file))
        continue
      }
      match = { finding: f, reason: d.reason, kind: 'inline', origin }
      break
    }
    if (match) result.suppressed.push(match)
    else result.kept.push(expired ?? f)
  }
  return result
}

function badDate(f: Finding, origin: Origin, until: string): Finding {
  return {
    ruleId: 'KMS012',
    severity: 'notice',
    title: 'Suppression with a bad date',
    message: `This azure-kms-guard:ignore comment has until=${until}, which is not a date written YYYY-MM-DD, so it suppresses nothing.`,
    location: origin,
    resource: f.resource,
    kmsAddresses: [],
    cloud: f.cloud,
    readFine: true,
  }
}

function noReason(f: Finding, origin: Origin, rules: string[]): Finding {
  return {
    ruleId: 'KMS012',
    severity: 'notice',
    title: 'Suppression without a reason',
    message:
      `This azure-kms-guard:ignore comment for ${rules.join(', ')} gives no reason, so it suppresses nothing. ` +
      `Add why the finding does not apply after the rule id, e.g. "# azure-kms-guard:ignore ${f.ruleId} VMs here activate through the on-premises KMS".`,
    location: origin,
    resource: f.resource,
    kmsAddresses: [],
    cloud: f.cloud,
    readFine: true,
  }
}
