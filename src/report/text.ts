/**
 * The CLI's default output: one block per finding, a table head of severity, rule, location and
 * resource with the message wrapped beneath, then totals. Untrusted text is reduced to printable
 * characters and cannot form a workflow command (the CLI may run inside a workflow step).
 */
import type { Finding, Severity } from '../rules/types'
import type { ScanResult } from '../pipeline/scan-types'
import { countFindings, describeCounts, plural, sortFindings } from './exit'
import { neutraliseCommands, plainLine } from './escape'
import { pathsLine } from './finding-paths'
import { displayPath } from './paths'
import { subnetVerdictLine, verdictHeadline } from './verdict'

export interface TextOptions {
  /** ANSI colours; only for a TTY (and not with NO_COLOR). */
  color?: boolean
  /** Wrap width for messages. */
  width?: number
}

const SGR: Record<Severity | 'dim' | 'bold', string> = {
  error: '\u001b[31m',
  warning: '\u001b[33m',
  notice: '\u001b[36m',
  dim: '\u001b[2m',
  bold: '\u001b[1m',
}
const RESET = '\u001b[0m'

export function toText(result: ScanResult, cwd: string, options: TextOptions = {}): string {
  const paint = (style: keyof typeof SGR, s: string): string =>
    options.color ? `${SGR[style]}${s}${RESET}` : s
  const width = Math.max(60, options.width ?? 100)
  const findings = sortFindings(result.findings)
  const counts = countFindings(findings)
  const clouds = result.clouds.join(', ') || 'AzureCloud'
  const scanned = `${plural(result.filesScanned, 'file')} scanned (${clouds})`
  // Subnets the scan could not decide, each with the hop, why, and what would decide it; the verdict last.
  const undecided = result.verdict.subnets
    .filter((s) => s.state === 'undecided')
    .flatMap((s) =>
      wrap(plainLine(subnetVerdictLine(s)), width - 4).map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`)),
    )
  const tail = [
    ...(undecided.length > 0 ? ['', paint('bold', 'Not decided:'), ...undecided] : []),
    '',
    paint('bold', `Verdict: ${plainLine(verdictHeadline(result.verdict))}`),
  ]
  if (findings.length === 0) {
    return neutraliseCommands([`${paint('bold', 'No findings')}; ${scanned}`, ...tail].join('\n') + '\n')
  }

  const rows = findings.map((f) => ({
    f,
    cells: [
      f.severity,
      plainLine(f.ruleId),
      `${plainLine(displayPath(f.location.file, cwd))}:${lines(f)}`,
      plainLine(f.resource),
    ],
  }))
  const head = ['SEVERITY', 'RULE', 'LOCATION', 'RESOURCE']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r.cells[i]!.length)))
  const pad = (cells: string[]): string[] => cells.map((c, i) => c.padEnd(widths[i]!))

  const out: string[] = [paint('bold', pad(head).join('  ').trimEnd())]
  for (const { f, cells } of rows) {
    const [sev, ...rest] = pad(cells)
    out.push(`${paint(f.severity, sev!)}  ${rest.join('  ')}`.trimEnd())
    const message = f.title ? `${f.title}. ${f.message}` : f.message
    for (const l of wrap(plainLine(message), width - 4)) out.push(`    ${l}`)
    const paths = pathsLine(f, 'path')
    if (paths) for (const l of wrap(plainLine(paths), width - 4)) out.push(paint('dim', `    ${l}`))
    for (const r of f.related ?? [])
      out.push(paint('dim', `    used at: ${plainLine(displayPath(r.file, cwd))}:${r.startLine}`))
  }
  out.push('')
  out.push(`${paint('bold', describeCounts(counts))} (${plural(counts.total, 'finding')}); ${scanned}`)
  out.push(...tail)
  return neutraliseCommands(out.join('\n') + '\n')
}

function lines(f: Finding): string {
  const { startLine, endLine } = f.location
  return endLine > startLine ? `${startLine}-${endLine}` : `${startLine}`
}

/** Greedy word wrap; a word longer than the width gets a line of its own. */
function wrap(text: string, width: number): string[] {
  const out: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) out.push(line)
  return out
}
