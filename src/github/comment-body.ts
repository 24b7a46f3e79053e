/**
 * The sticky pull-request comment: what the change breaks, the path KMS traffic takes from each
 * affected subnet (a Mermaid flowchart, the broken edge in red), and what it fixes. Every string from
 * a scanned file is escaped for the place it lands: table cells and list items through
 * escapeMarkdown (no HTML, links or fences can be formed), Mermaid labels through escapeMermaidLabel
 * inside quoted labels (no new nodes, edges, directives or fence ends).
 */
import { pathsOfFinding } from '../report/markdown'
import type { Finding } from '../rules/types'
import { plural, sortFindings } from '../report/exit'
import { escapeMarkdown, escapeMarkdownCell, escapeMermaidLabel } from '../report/escape'
import { displayPath } from '../report/paths'

export const COMMENT_MARKER = '<!-- azure-kms-guard -->'
/** GitHub refuses comment bodies over 65536 characters. */
export const COMMENT_LIMIT = 65536

export interface CommentInput {
  /** Findings that fail the check (new ones on a pull request). */
  failing: readonly Finding[]
  /** Findings present before the change, listed but not blocking. */
  existing?: readonly Finding[]
  /** Findings of the base that the change removes. */
  fixed?: readonly Finding[]
  /** Head checkout root, to show repository-relative paths. */
  root: string
  /** Link to the run's full report, when known (ours, not data). */
  runUrl?: string
  /** Table rows shown per section before "and N more" (keeps the body under GitHub's limit). */
  maxRows?: number
}

const SEVERITY_LABEL = { error: '🔴 error', warning: '🟠 warning', notice: '🔵 notice' } as const

/** `infra/spoke.tf:12-18`: the finding's file relative to `root`, and its lines. */
export function findingLocation(f: Finding, root: string): string {
  const { startLine, endLine } = f.location
  const lines = endLine > startLine ? `${startLine}-${endLine}` : `${startLine}`
  return `${displayPath(f.location.file, root)}:${lines}`
}

function table(findings: readonly Finding[], root: string, maxRows: number): string[] {
  const rows = sortFindings(findings)
  const out = ['| Severity | Rule | Where | Resource | What happens |', '| --- | --- | --- | --- | --- |']
  for (const f of rows.slice(0, maxRows)) {
    out.push(
      `| ${SEVERITY_LABEL[f.severity]} | ${escapeMarkdownCell(f.ruleId)} | ${escapeMarkdownCell(findingLocation(f, root))} | ${escapeMarkdownCell(f.resource)} | ${escapeMarkdownCell(f.message)} |`,
    )
  }
  if (rows.length > maxRows) out.push('', `… and ${rows.length - maxRows} more in the check run.`)
  return out
}

/** Hops of the path a subnet's KMS traffic takes in a finding (`a → b: c → d`), starting at the subnet. */
function hops(f: Finding, subnet: string): string[] {
  const own = pathsOfFinding(f).find((p) => p.subnet === subnet)
  const h = (own?.path ?? f.path ?? '')
    .split(/\s*→\s*/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
  if (h.length === 0 || !h[0]!.startsWith(subnet)) h.unshift(subnet)
  return h
}

/**
 * One flowchart per affected subnet: the union of its findings' paths. The last edge of each path
 * (where the traffic ends up on-premises, dropped or denied) is the broken one. Node ids are ours
 * (n0, n1, …), so data only ever appears inside quoted labels.
 */
export function subnetFlowchart(subnet: string, findings: readonly Finding[]): string {
  const ids = new Map<string, string>()
  const nodes: string[] = []
  const edges: string[] = []
  const edgeIndex = new Map<string, number>()
  const broken = new Set<number>()
  const node = (label: string): string => {
    let id = ids.get(label)
    if (id === undefined) {
      id = `n${ids.size}`
      ids.set(label, id)
      nodes.push(`  ${id}["${escapeMermaidLabel(label)}"]`)
    }
    return id
  }
  for (const f of findings) {
    const h = hops(f, subnet)
    if (h.length === 1) node(h[0]!)
    for (let i = 1; i < h.length; i++) {
      const edge = `${node(h[i - 1]!)} --> ${node(h[i]!)}`
      let idx = edgeIndex.get(edge)
      if (idx === undefined) {
        idx = edges.length
        edgeIndex.set(edge, idx)
        edges.push(`  ${edge}`)
      }
      if (i === h.length - 1) broken.add(idx)
    }
  }
  const styles = [...broken].map((i) => `  linkStyle ${i} stroke:#d73a49,stroke-width:3px`)
  return ['```mermaid', 'flowchart LR', ...nodes, ...edges, ...styles, '```'].join('\n')
}

/** Findings per subnet (a finding without subnets is grouped under its resource). */
function bySubnet(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>()
  for (const f of sortFindings(findings)) {
    if (!f.path) continue
    for (const { subnet: s } of pathsOfFinding(f)) {
      const g = groups.get(s)
      if (g) g.push(f)
      else groups.set(s, [f])
    }
  }
  return groups
}

function fixedList(fixed: readonly Finding[], root: string, maxRows: number): string[] {
  const rows = sortFindings(fixed)
  const out = rows
    .slice(0, maxRows)
    .map(
      (f) =>
        `- ${escapeMarkdown(f.ruleId)} on ${escapeMarkdown(f.resource)} (${escapeMarkdown(displayPath(f.location.file, root))})`,
    )
  if (rows.length > maxRows) out.push(`- … and ${rows.length - maxRows} more`)
  return out
}

export function buildCommentBody(input: CommentInput): string {
  const maxRows = input.maxRows ?? 50
  const existing = input.existing ?? []
  const fixed = input.fixed ?? []
  const out: string[] = [COMMENT_MARKER, '## Azure KMS activation check', '']

  if (input.failing.length === 0) {
    out.push(
      '✅ **All clear**: this change does not break Windows activation against Azure KMS (TCP 1688).',
      '',
    )
  } else {
    out.push(
      `❌ **${plural(input.failing.length, 'finding')}** would stop Windows VMs from activating against Azure KMS (TCP 1688).`,
      '',
    )
    out.push(...table(input.failing, input.root, maxRows), '')
    const groups = bySubnet(input.failing)
    let shown = 0
    for (const [subnet, fs] of groups) {
      if (shown++ >= 10) {
        out.push(`Paths of ${groups.size - 10} more subnets are in the check run.`, '')
        break
      }
      out.push(`### Path of KMS traffic from ${escapeMarkdown(subnet)}`, '', subnetFlowchart(subnet, fs), '')
    }
  }
  if (fixed.length > 0) out.push('### Fixed by this change', '', ...fixedList(fixed, input.root, maxRows), '')
  if (existing.length > 0) {
    out.push(
      '<details><summary>' +
        `${plural(existing.length, 'finding')} already on the base branch` +
        '</summary>',
      '',
      ...table(existing, input.root, maxRows),
      '',
      '</details>',
      '',
    )
  }
  if (input.runUrl && /^https:\/\/[^\s()<>]+$/.test(input.runUrl)) out.push(`[Full report](${input.runUrl})`)
  return fitComment(out.join('\n').trimEnd() + '\n')
}

/** Cuts at a line boundary and closes an open code fence, so a cut never leaves a broken block behind. */
function fitComment(body: string): string {
  if (body.length <= COMMENT_LIMIT) return body
  const note = '\n\n… (truncated; the check run has every finding)\n'
  let cut = body.slice(0, COMMENT_LIMIT - note.length - 10)
  cut = cut.slice(0, cut.lastIndexOf('\n'))
  const fences = cut.split('\n').filter((l) => l.startsWith('```')).length
  if (fences % 2 === 1) cut += '\n```'
  return cut + note
}
