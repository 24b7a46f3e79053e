/**
 * The one Markdown renderer: the pull request comment, the job summary and `--format markdown` are this
 * function on the same report model. The first screen is the verdict sentence and one line per (grouped)
 * finding, nothing else; everything else (paths, reasoning, fix code, existing, fixed and suppressed
 * findings, the scan's numbers) folds into <details>. Every string from a scanned file goes through
 * escape.ts; only our own markup is raw.
 */
import type { Severity } from '../rules/types'
import { describeCounts, plural } from './exit'
import { escapeMarkdown, markdownCodeBlock } from './escape'
import { pathFlowchart } from './diagram'
import { fixLanguage, fixText } from './fix'
import { pathsLine } from './finding-paths'
import { locationOf, type FindingGroup, type Location, type ReportModel, type SubnetChanges } from './model'
import { displayPath } from './paths'
import { subnetVerdictLine } from './verdict'

export type Surface = 'comment' | 'summary' | 'markdown'

export interface RenderOptions {
  /** Lines on the first screen before the rest moves to the details (1280×800 holds about this many). */
  maxLines?: number
  /** Groups explained in the details (the comment is capped at 65536 characters by GitHub). */
  maxDetails?: number
  /** Draw the paths as Mermaid flowcharts (default true). */
  mermaid?: boolean
  /** More folded sections, already Markdown (the action's scope, deployed and live notes). */
  extra?: { title: string; body: string }[]
  /** Link to the run's full report (ours, not data). */
  runUrl?: string
}

export const ICON: Record<Severity, string> = { error: '🔴', warning: '🟠', notice: '🔵' }
const VERDICT_ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' }

/** The verdict line: icon from the worst severity (a notice is never ❌), then the sentence. */
export function verdictLine(m: ReportModel): string {
  // Nothing judged, or subnets not followed to the end, is never a green pass.
  const open = m.scan.overall === 'none' || m.undecided.length > 0
  const icon = m.worst ? VERDICT_ICON[m.worst] : open ? (m.fails ? '❌' : '⚠️') : '✅'
  return `**${icon} Azure KMS Guard:** ${escapeMarkdown(m.verdict)}`
}

function link(l: Location): string {
  const text = escapeMarkdown(l.text)
  return l.url ? `[${text}](${l.url})` : text
}

function subnetsText(names: string[], max = 3): string {
  if (names.length === 0) return ''
  if (names.length <= max) return names.map(escapeMarkdown).join(', ')
  return `${plural(names.length, 'subnet')} (${names.slice(0, max).map(escapeMarkdown).join(', ')}, …)`
}

/** One line per group: icon, rule, subnets, decisive hop, where, the fix in a few words. */
export function findingLine(g: FindingGroup): string {
  const count = g.findings.length > 1 ? ` ×${g.findings.length}` : ''
  const parts = [`${ICON[g.severity]} **${escapeMarkdown(g.ruleId)}**${count}`]
  const subnets = subnetsText(g.subnets)
  if (subnets) parts.push(subnets)
  parts.push(escapeMarkdown(g.hop))
  const more = g.locations.length > 1 ? ` (+${g.locations.length - 1})` : ''
  parts.push(`${link(g.locations[0]!)}${more}`)
  parts.push(escapeMarkdown(g.fix))
  return `- ${parts.join(' · ')}`
}

function details(summary: string, body: string[]): string[] {
  // A blank line after <summary> lets GitHub render the Markdown inside the HTML block.
  return ['<details>', `<summary>${summary}</summary>`, '', ...body, '', '</details>', '']
}

/** The full story of a group: the rule, the message, every subnet and place, the fix code. */
function groupDetails(g: FindingGroup, m: ReportModel): string[] {
  const f = g.findings[0]!
  const out = [`#### ${ICON[g.severity]} ${escapeMarkdown(g.ruleId)}: ${escapeMarkdown(g.title)}`, '']
  out.push(escapeMarkdown(f.message), '')
  const paths = pathsLine(f)
  if (paths) out.push(escapeMarkdown(paths), '')
  if (g.findings.length > 1)
    out.push(`The same cause and fix for ${plural(g.findings.length, 'finding')}.`, '')
  if (g.subnets.length > 0) out.push(`Subnets: ${g.subnets.map(escapeMarkdown).join(', ')}`, '')
  const places = g.locations.slice(0, 20).map(link).join(', ')
  out.push(`Where: ${places}${g.locations.length > 20 ? `, … and ${g.locations.length - 20} more` : ''}`, '')
  const texts = [
    ...new Set(g.findings.map((x) => fixText(x)).filter((t): t is string => !!t && t.trim() !== '')),
  ]
  for (const t of texts.slice(0, 2)) out.push(markdownCodeBlock(t, fixLanguage(f)), '')
  if (texts.length > 2)
    out.push(`_… the same change in ${plural(texts.length - 2, 'more place')} (see the annotations)._`, '')
  void m
  return out
}

function listGroups(groups: FindingGroup[], max: number): string[] {
  const out = groups.slice(0, max).map(findingLine)
  if (groups.length > max) out.push(`- … and ${groups.length - max} more`)
  return out
}

/** Which subnets a pull request fixes and which it newly exposes, one line each. */
function subnetChangeSection(m: ReportModel, max: number): string[] {
  const c = m.subnetChanges
  if (!c || (c.fixed.length === 0 && c.exposed.length === 0)) return []
  const lines = (what: string, list: SubnetChanges['fixed']) =>
    list.length === 0
      ? []
      : [
          `${what}:`,
          ...list
            .slice(0, max)
            .map((s) => `- ${escapeMarkdown(s.subnet)} (${s.rules.map(escapeMarkdown).join(', ')})`),
          ...(list.length > max ? [`- … and ${list.length - max} more`] : []),
          '',
        ]
  return details(`Subnets: ${c.exposed.length} newly exposed, ${c.fixed.length} fixed by this change`, [
    ...lines('Newly exposed', c.exposed),
    ...lines('Fixed', c.fixed),
  ])
}

export function renderReport(m: ReportModel, surface: Surface, options: RenderOptions = {}): string {
  const maxLines = options.maxLines ?? 12
  const maxDetails = options.maxDetails ?? (surface === 'comment' ? 30 : 200)
  const out: string[] = []
  if (surface === 'comment') out.push('<!-- azure-kms-guard -->')

  // First screen: the verdict, then one line per group.
  out.push(verdictLine(m), '')
  if (m.lines.length > 0) {
    const shown = m.lines.length > maxLines ? maxLines - 1 : maxLines
    out.push(...m.lines.slice(0, shown).map(findingLine))
    if (m.lines.length > shown) out.push(`- … and ${m.lines.length - shown} more lines in the details below`)
    out.push('')
  }

  // Everything else, folded.
  if (options.mermaid !== false && m.paths.length > 0) {
    const body: string[] = []
    for (const p of m.paths.slice(0, 10)) body.push(pathFlowchart(p), '')
    if (m.paths.length > 10) body.push(`_${plural(m.paths.length - 10, 'more path')} in the job summary._`)
    out.push(...details(`Paths KMS traffic takes (${m.paths.length})`, body))
  }
  if (m.lines.length > 0) {
    const body = m.lines.slice(0, maxDetails).flatMap((g) => groupDetails(g, m))
    if (m.lines.length > maxDetails) body.push(`_${m.lines.length - maxDetails} more in the check run._`)
    out.push(...details(`Why, and how to fix it (${plural(m.counts.failing.total, 'finding')})`, body))
  }
  if (m.undecided.length > 0)
    out.push(
      ...details(
        `Not decided: ${plural(m.undecided.length, 'subnet')}`,
        m.undecided.slice(0, maxDetails).map((s) => `- ${escapeMarkdown(subnetVerdictLine(s))}`),
      ),
    )
  if (m.existing.length > 0)
    out.push(
      ...details(
        `${m.event === 'pull-request' ? 'Not introduced by this change' : 'Not failing'}: ${plural(m.counts.existing, 'finding')}`,
        listGroups(m.existing, maxDetails),
      ),
    )
  if (m.fixed.length > 0)
    out.push(
      ...details(
        `Fixed by this change: ${plural(m.counts.fixed, 'finding')}`,
        listGroups(m.fixed, maxDetails),
      ),
    )
  out.push(...subnetChangeSection(m, maxDetails))
  if (m.suppressed.length > 0) {
    const body = m.suppressed.slice(0, maxDetails).map((s) => {
      const where = locationOf(s.finding, m.root)
      const at = `${displayPath(s.origin.file, m.root)}:${s.origin.startLine}`
      return (
        `- ${ICON[s.finding.severity]} **${escapeMarkdown(s.finding.ruleId)}** · ${escapeMarkdown(where.text)} · ` +
        `${escapeMarkdown(s.finding.resource)} · reason: ${escapeMarkdown(s.reason)} (${escapeMarkdown(at)})`
      )
    })
    if (m.suppressed.length > maxDetails) body.push(`- … and ${m.suppressed.length - maxDetails} more`)
    out.push(...details(`Suppressed: ${plural(m.counts.suppressed, 'finding')}`, body))
  }
  for (const e of options.extra ?? []) out.push(...details(e.title, [e.body.trimEnd()]))
  // The run's numbers, in one place: the action's outputs, check run and exit code count the same
  // finding sets (src/action/tally.ts), so this section is the tally as the reader sees it.
  const c = m.counts
  const judged = `fail-on: \`${m.failOn}\`${m.failOnUnknown ? ', fail-on-unknown' : ''}, ${m.fails ? 'failed' : 'passed'}`
  out.push(
    ...details('Scan', [
      `- Judged against fail-on: ${describeCounts(c.failing)} (${judged})`,
      ...(c.notFailing.total > 0
        ? [
            `- Listed but not failing (outside the scope, or deployed without fail-on-deployed): ${describeCounts(c.notFailing)}`,
          ]
        : []),
      `- All findings: ${describeCounts(c.all)}; ${c.fixed} fixed, ${c.suppressed} suppressed`,
      `- Subnets: ${m.scan.blocked} blocked, ${m.scan.undecided} not decided, ${m.scan.reachable} reaching Azure KMS`,
      `- ${plural(m.filesScanned, 'file')} scanned; clouds judged: ${m.clouds.map(escapeMarkdown).join(', ')}`,
    ]),
  )
  if (options.runUrl && /^https:\/\/[^\s()<>]+$/.test(options.runUrl))
    out.push(`[Full report](${options.runUrl})`, '')
  return out.join('\n').trimEnd() + '\n'
}
