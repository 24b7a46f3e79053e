/**
 * The job summary: verdict and counts first (what a reviewer needs), then the findings table, the
 * path each affected subnet takes to KMS, the fixes in the source's own language, and the clouds
 * judged. Every string from a scanned file goes through escape.ts; only our own markup is raw.
 */
import type { Finding, Severity } from '../rules/types'
import type { ScanResult } from '../scan-types'
import { fixLanguage, fixText } from './fix'
import { countFindings, failsAt, plural, sortFindings, type FailOn } from './exit'
import { escapeMarkdown, escapeMarkdownCell, escapeMermaidLabel, markdownCodeBlock } from './escape'
import { displayPath, repoPath } from './paths'
import { subnetVerdictLine, verdictFails, verdictHeadline } from './verdict'

export interface MarkdownOptions {
  /** The threshold the run fails at, for the verdict (default 'error'). */
  failOn?: FailOn
  /** `https://github.com/OWNER/REPO/blob/SHA`: when given, locations link to the lines. */
  blobUrl?: string
  /** Rows of the findings table (the summary is capped at 1 MiB by GitHub). */
  maxRows?: number
  /** Draw the subnet paths as a Mermaid flowchart (default true). */
  mermaid?: boolean
  /** Undecided subnets (or nothing judged) fail the run too. */
  failOnUnknown?: boolean
}

const ICON: Record<Severity, string> = { error: '🔴', warning: '🟠', notice: '🔵' }

export function toMarkdown(result: ScanResult, cwd: string, options: MarkdownOptions = {}): string {
  const failOn = options.failOn ?? 'error'
  const maxRows = options.maxRows ?? 200
  const findings = sortFindings(result.findings)
  const counts = countFindings(findings)
  const unknownFails = verdictFails(result.verdict, options.failOnUnknown === true)
  const fails = failsAt(findings, failOn) || unknownFails
  const clouds = result.clouds.length > 0 ? result.clouds : ['AzureCloud']
  const out: string[] = []

  // The headline is the verdict (reachable, blocked, undecided for N subnets, nothing found); the icon
  // says whether the run fails.
  // The headline holds only our words and counts: nothing from a scanned file.
  const overall = result.verdict.overall
  const headline = verdictHeadline(result.verdict)
  const icon = fails ? '❌' : overall === 'reachable' && findings.length === 0 ? '✅' : '⚠️'
  const failing = failsAt(findings, failOn) && overall !== 'blocked'
  out.push(
    `## ${icon} Azure KMS Guard: ${failing ? `findings at or above fail-on \`${failOn}\`; ${headline}` : headline}`,
    '',
  )
  out.push(
    `**${plural(counts.errors, 'error')}** · **${plural(counts.warnings, 'warning')}** · ` +
      `**${plural(counts.notices, 'notice')}** — ${plural(result.filesScanned, 'file')} scanned, ` +
      `fail-on: \`${failOn}\`${options.failOnUnknown ? ', fail-on-unknown' : ''}` +
      `${findings.length > 0 || unknownFails ? (fails ? ' (failed)' : ' (passed)') : ''}`,
    '',
  )
  const open = result.verdict.subnets.filter((s) => s.state === 'undecided')
  if (open.length > 0) {
    out.push(`### Not decided: ${plural(open.length, 'subnet')}`, '')
    for (const s of open.slice(0, maxRows)) out.push(`- ${escapeMarkdown(subnetVerdictLine(s))}`)
    out.push('')
  }
  out.push(`Clouds judged: ${clouds.map((c) => escapeMarkdown(c)).join(', ')}`, '')
  if (findings.length === 0) return out.join('\n')

  out.push('### Findings', '')
  out.push('| Severity | Rule | Location | Resource | Message |', '| --- | --- | --- | --- | --- |')
  for (const f of findings.slice(0, maxRows)) {
    out.push(
      `| ${ICON[f.severity]} ${f.severity} | **${escapeMarkdownCell(f.ruleId)}**<br>${escapeMarkdownCell(f.title)} | ` +
        `${location(f, cwd, options.blobUrl)} | ${escapeMarkdownCell(f.resource)} | ${escapeMarkdownCell(f.message)} |`,
    )
  }
  if (findings.length > maxRows)
    out.push('', `_${findings.length - maxRows} more findings are in the annotations and reports._`)
  out.push('')

  const paths = subnetPaths(findings)
  if (paths.length > 0) {
    out.push('### Affected subnets', '')
    for (const p of paths) {
      out.push(`- **${escapeMarkdown(p.subnet)}** (${escapeMarkdown(p.ruleId)}): ${escapeMarkdown(p.path)}`)
    }
    out.push('')
    if (options.mermaid !== false) out.push(mermaid(paths.slice(0, 40)), '')
  }

  const fixes = findings.filter((f) => (fixText(f) ?? '').trim() !== '').slice(0, maxRows)
  if (fixes.length > 0) {
    out.push('### Fixes', '')
    for (const f of fixes) {
      const where = `${displayPath(f.location.file, cwd)}:${f.location.startLine}`
      // A blank line after <summary> lets GitHub render the fenced block inside the HTML block.
      out.push(
        '<details>',
        `<summary>${escapeMarkdown(f.ruleId)} · ${escapeMarkdown(f.resource)} · ${escapeMarkdown(where)}</summary>`,
        '',
        markdownCodeBlock(fixText(f)!, fixLanguage(f)),
        '',
        '</details>',
        '',
      )
    }
  }
  return out.join('\n')
}

function lines(f: Finding): string {
  const { startLine, endLine } = f.location
  return endLine > startLine ? `${startLine}-${endLine}` : `${startLine}`
}

function location(f: Finding, cwd: string, blobUrl: string | undefined): string {
  const text = escapeMarkdownCell(`${displayPath(f.location.file, cwd)}:${lines(f)}`)
  const rel = repoPath(f.location.file, cwd)
  if (!blobUrl || rel === undefined) return text
  const { startLine, endLine } = f.location
  const anchor = endLine > startLine ? `#L${startLine}-L${endLine}` : `#L${startLine}`
  // Every segment percent-encoded (and parentheses, which encodeURIComponent keeps) so the URL cannot end the link.
  const url =
    blobUrl.replace(/\/+$/, '') +
    '/' +
    rel
      .split('/')
      .map((s) => encodeURIComponent(s).replace(/\(/g, '%28').replace(/\)/g, '%29'))
      .join('/') +
    anchor
  return `[${text}](${url})`
}

interface SubnetPath {
  subnet: string
  path: string
  ruleId: string
}

/** Each subnet of a finding with its own path (older findings carry one path for all their subnets). */
export function pathsOfFinding(f: Finding): { subnet: string; path: string }[] {
  if (f.subnetPaths && f.subnetPaths.length > 0) return f.subnetPaths
  if (!f.path) return []
  return (f.subnets && f.subnets.length > 0 ? f.subnets : [f.resource]).map((subnet) => ({
    subnet,
    path: f.path!,
  }))
}

/** One entry per subnet and path (several findings often describe the same path). */
function subnetPaths(findings: readonly Finding[]): SubnetPath[] {
  const seen = new Set<string>()
  const out: SubnetPath[] = []
  for (const f of findings) {
    if (!f.path) continue
    for (const { subnet, path } of pathsOfFinding(f)) {
      const key = `${subnet}\u0000${path}`
      if (seen.has(key)) continue
      seen.add(key)
      out.push({ subnet, path, ruleId: f.ruleId })
    }
  }
  return out
}

/**
 * The paths as a left-to-right flowchart. Node ids are ours (n0, n1…); labels are escaped data in
 * quotes, so a name cannot add nodes, edges, click handlers or directives.
 */
function mermaid(paths: readonly SubnetPath[]): string {
  const ids = new Map<string, string>()
  const nodes: string[] = []
  const edges = new Set<string>()
  const node = (label: string): string => {
    let id = ids.get(label)
    if (!id) {
      id = `n${ids.size}`
      ids.set(label, id)
      nodes.push(`  ${id}["${escapeMermaidLabel(label)}"]`)
    }
    return id
  }
  for (const p of paths) {
    const hops = p.path.split(/\s*→\s*/).filter((h) => h.trim() !== '')
    if (hops[0] !== p.subnet && !hops[0]?.startsWith(p.subnet)) hops.unshift(p.subnet)
    for (let i = 1; i < hops.length; i++) edges.add(`  ${node(hops[i - 1]!)} --> ${node(hops[i]!)}`)
    if (hops.length === 1) node(hops[0]!)
  }
  return ['```mermaid', 'flowchart LR', ...nodes, ...edges, '```'].join('\n')
}
