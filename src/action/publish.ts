/**
 * Where an evaluation's findings go: the `azure-kms-guard` check run (any number of annotations) or,
 * when the token cannot write checks, workflow-command annotations; the job summary; the sticky pull
 * request comment; review suggestions for additive fixes. The GitHub API is a best effort throughout:
 * its failures become log warnings and summary notes, and only the findings decide the step's result.
 * Functions of @actions/core come in as parameters, so this module runs the same under test.
 */
import { makeBoundary, readSource } from '../sources/parsing/read-source'
import { sortFindings, plural, type FailOn } from '../report/exit'
import { emitAnnotations, type AnnotationSink } from '../report/annotations'
import { escapeMarkdown, escapeMarkdownCell } from '../report/escape'
import { buildReport, type ReportEvent, type ReportModel } from '../report/model'
import { renderReport } from '../report/render'
import { fixText } from '../report/fix'
import { displayPath, repoPath } from '../report/paths'
import { publishCheckRun, toCheckAnnotations } from '../github/check-run'
import { upsertStickyComment, type StickyCommentResult, type WhenClean } from '../github/comment'
import { buildCommentBody, COMMENT_LIMIT, findingLocation } from '../github/comment-body'
import { isPullRequest, type RunContext } from '../github/context'
import type { Octokit } from '../github/octokit'
import { postSuggestions, type Suggestion, type SuggestionsResult } from '../github/suggestions'
import type { Finding, Severity } from '../rules/types'
import type { Suppressed } from '../suppress/inline'
import type { Evaluation } from './pull-request'
import { subnetChanges } from '../compare/new-findings'
import type { LiveState } from './live'
import { tally } from './tally'

/** GitHub shows at most this many workflow-command annotations of each severity per step. */
export const STEP_ANNOTATION_LIMIT = 10

export interface Log {
  info(message: string): void
  warning(message: string): void
}

/** The findings that fail the step: failing file findings, plus deployed ones when asked. */
export function stepFindings(ev: Evaluation, failOnDeployed: boolean): Finding[] {
  return [...ev.failing, ...(failOnDeployed ? ev.deployedFailing : [])]
}

/** A portal link is built from an ARM id Azure returned: shown as a link only when it is a plain https URL. */
function portalCell(link: string | undefined): string {
  return link && /^https:\/\/[^\s()<>[\]]+$/.test(link) ? `[open in portal](${link})` : '—'
}

export function deployedSection(
  findings: readonly Finding[],
  failOnDeployed: boolean,
  maxRows = 50,
): string[] {
  if (findings.length === 0) return []
  const rows = sortFindings(findings)
  const out = [
    `### Deployed resources (live Azure): ${plural(rows.length, 'finding')}`,
    '',
    failOnDeployed
      ? 'These resources are not defined in the scanned code; with `fail-on-deployed` they fail the check.'
      : 'These resources are not defined in the scanned code: listed here, they do not fail the check ' +
        '(set `fail-on-deployed: true` to change that).',
    '',
    '| Severity | Rule | Resource | ARM id | Portal | Message |',
    '| --- | --- | --- | --- | --- | --- |',
  ]
  for (const f of rows.slice(0, maxRows))
    out.push(
      `| ${f.severity} | ${escapeMarkdownCell(f.ruleId)} | ${escapeMarkdownCell(f.resource)} | ` +
        `${escapeMarkdownCell(f.location.file)} | ${portalCell(f.link)} | ${escapeMarkdownCell(f.message)} |`,
    )
  if (rows.length > maxRows) out.push('', `… and ${rows.length - maxRows} more (see the JSON report).`)
  return [...out, '']
}

export function suppressedSection(suppressed: readonly Suppressed[], root: string, maxRows = 100): string[] {
  if (suppressed.length === 0) return []
  const out = [
    `### Suppressed: ${plural(suppressed.length, 'finding')}`,
    '',
    '| Rule | Location | Resource | Reason | Suppressed at |',
    '| --- | --- | --- | --- | --- |',
  ]
  for (const s of suppressed.slice(0, maxRows))
    out.push(
      `| ${escapeMarkdownCell(s.finding.ruleId)} | ${escapeMarkdownCell(findingLocation(s.finding, root))} | ` +
        `${escapeMarkdownCell(s.finding.resource)} | ${escapeMarkdownCell(s.reason)} | ` +
        `${escapeMarkdownCell(`${displayPath(s.origin.file, root)}:${s.origin.startLine}`)} |`,
    )
  if (suppressed.length > maxRows) out.push('', `… and ${suppressed.length - maxRows} more.`)
  return [...out, '']
}

export function liveSection(live: LiveState | undefined): string[] {
  if (!live) return []
  const out = ['### Live Azure', '']
  const m = live.deployed.model
  out.push(
    `Read ${plural(m.subnets.length, 'subnet')}, ${plural(m.routeTables.length, 'route table')} and ` +
      `${plural(m.nsgs.length, 'network security group')} from Azure (read-only).`,
    '',
  )
  for (const w of live.warnings) out.push(`- ⚠️ ${escapeMarkdown(w)}`)
  for (const i of live.incomplete) out.push(`- ⏱️ not read within the time budget: ${escapeMarkdown(i)}`)
  if (live.warnings.length + live.incomplete.length > 0) out.push('')
  if (live.checked > 0 || live.unchecked.length > 0) {
    out.push(`Effective routes read for ${plural(live.checked, 'subnet')}.`, '')
    if (live.unchecked.length > 0) {
      out.push(`Effective routes not checked for ${plural(live.unchecked.length, 'subnet')}:`, '')
      for (const u of live.unchecked.slice(0, 100))
        out.push(`- ${escapeMarkdown(u.subnetId)}: ${escapeMarkdown(u.reason)}`)
      if (live.unchecked.length > 100) out.push(`- … and ${live.unchecked.length - 100} more`)
      out.push('')
    }
  }
  return out
}

export interface SummaryInput {
  ev: Evaluation
  workspace: string
  failOn: FailOn
  failOnDeployed: boolean
  /** A pull request is judged as a change; anything else as the network as written. */
  event: ReportEvent
  failOnUnknown?: boolean
  blobUrl?: string
  live?: LiveState
}

/** The one report model of a run: the summary, the comment and the check run title are rendered from it. */
export function reportModel(input: SummaryInput): ReportModel {
  const { ev } = input
  return buildReport({
    result: ev.result,
    root: input.workspace,
    event: input.event,
    failOn: input.failOn,
    failing: stepFindings(ev, input.failOnDeployed),
    existing: ev.listed,
    fixed: ev.comparison?.fixed ?? [],
    ...(ev.comparison ? { subnetChanges: subnetChanges(ev.comparison) } : {}),
    failOnUnknown: input.failOnUnknown === true,
    ...(input.blobUrl ? { blobUrl: input.blobUrl } : {}),
  })
}

/** The action's own notes (scope, why it fell back), folded into the report. */
function scopeSection(ev: Evaluation): { title: string; body: string } {
  const scopeText: Record<string, string> = {
    new: 'only findings this change introduces fail the check',
    changed: 'only findings in files this change touches fail the check',
    all: 'every finding fails the check',
  }
  const body = [`Scope: \`${ev.scope}\` (${scopeText[ev.scope]}).`, '', ...ev.notes.map((n) => `> ${n}\n`)]
  return { title: `Scope: ${ev.scope}`, body: body.join('\n') }
}

/** The job summary (also the check run's summary): the one renderer, with deployed and live state folded in. */
export function composeSummary(input: SummaryInput, model = reportModel(input)): string {
  const { ev } = input
  const extra = [scopeSection(ev)]
  const deployed = deployedSection(ev.deployed, input.failOnDeployed).join('\n')
  if (deployed)
    extra.push({ title: `Deployed resources: ${plural(ev.deployed.length, 'finding')}`, body: deployed })
  const live = liveSection(input.live).join('\n')
  if (live) extra.push({ title: 'Live Azure', body: live })
  // The counts are the report model's "Scan" section: the same finding sets the tally counts.
  return renderReport(model, 'summary', { extra })
}

export type AnnotationOutcome =
  | { via: 'check-run'; id: number; url?: string; requests: number }
  | { via: 'workflow-commands'; emitted: number; hidden: Record<Severity, number>; reason: string }

function hiddenCounts(findings: readonly Finding[], root: string): Record<Severity, number> {
  const shown = findings.filter((f) => repoPath(f.location.file, root) !== undefined)
  const count = (s: Severity) =>
    Math.max(0, shown.filter((f) => f.severity === s).length - STEP_ANNOTATION_LIMIT)
  return { error: count('error'), warning: count('warning'), notice: count('notice') }
}

export interface AnnotateInput {
  ctx: RunContext
  ev: Evaluation
  workspace: string
  failOn: FailOn
  failOnDeployed: boolean
  failOnUnknown?: boolean
  summary: string
  model: ReportModel
  octokit?: Octokit
  sink: AnnotationSink
  log: Log
  detailsUrl?: string
}

/**
 * The check run when the token may write checks; workflow commands otherwise (most severe first, so
 * the per-step cap drops notices before errors). Never throws for the API.
 */
export async function publishAnnotations(input: AnnotateInput): Promise<AnnotationOutcome> {
  const { ev, workspace } = input
  let reason = 'no github-token'
  if (input.octokit) {
    const t = tally(ev, input.failOn, input.failOnDeployed, input.failOnUnknown === true)
    const r = await publishCheckRun(input.octokit, {
      owner: input.ctx.owner,
      repo: input.ctx.repo,
      headSha: input.ctx.headSha,
      // The verdict sentence of the summary and comment (our words and counts, nothing from a file).
      title: input.model.verdict,
      summary: input.summary,
      annotations: toCheckAnnotations([...ev.failing, ...ev.causes], workspace),
      conclusion: t.conclusion,
      ...(input.detailsUrl ? { detailsUrl: input.detailsUrl } : {}),
    })
    if (r.ok) {
      input.log.info(`Check run ${r.id} written (${plural(r.requests, 'request')}).`)
      return { via: 'check-run', id: r.id, requests: r.requests, ...(r.url ? { url: r.url } : {}) }
    }
    reason = r.reason
    input.log.warning(
      r.permission
        ? `The token cannot write check runs (${r.reason}); annotating through workflow commands instead. ` +
            'Grant `checks: write` for the full list of annotations.'
        : `Writing the check run failed (${r.reason}); annotating through workflow commands instead.`,
    )
  }
  const annotated = [...ev.failing, ...ev.causes]
  const emitted = emitAnnotations(annotated, workspace, input.sink)
  return { via: 'workflow-commands', emitted, hidden: hiddenCounts(annotated, workspace), reason }
}

/** The summary's note on annotations GitHub does not show (workflow commands are capped per step). */
export function hiddenNote(outcome: AnnotationOutcome): string {
  if (outcome.via !== 'workflow-commands') return ''
  const { hidden } = outcome
  const parts = (['error', 'warning', 'notice'] as const)
    .filter((s) => hidden[s] > 0)
    .map((s) => plural(hidden[s], s))
  if (parts.length === 0) return ''
  const total = hidden.error + hidden.warning + hidden.notice
  return (
    `> ${parts.join(', ')} ${total === 1 ? 'is' : 'are'} ` +
    `not shown as annotations: GitHub shows ${STEP_ANNOTATION_LIMIT} of each severity per step. All are listed above; ` +
    'grant the token `checks: write` to annotate every one.\n'
  )
}

/** The comment body, with the deployed findings folded in while they fit (the summary has them all). */
export function commentBody(
  model: ReportModel,
  ev: Evaluation,
  failOnDeployed: boolean,
  runUrl?: string,
): string {
  const base = { ...(runUrl ? { runUrl } : {}) }
  const deployed = deployedSection(ev.deployed, failOnDeployed, 20).join('\n')
  if (deployed === '') return buildCommentBody(model, base)
  const extra = [{ title: `Deployed resources: ${plural(ev.deployed.length, 'finding')}`, body: deployed }]
  const body = buildCommentBody(model, { ...base, extra })
  return body.length < COMMENT_LIMIT ? body : buildCommentBody(model, base)
}

export interface CommentInput {
  ctx: RunContext
  ev: Evaluation
  model: ReportModel
  workspace: string
  failOnDeployed: boolean
  whenClean: WhenClean
  octokit: Octokit
  runUrl?: string
}

export async function publishComment(input: CommentInput): Promise<StickyCommentResult | undefined> {
  const { ctx, ev } = input
  if (!isPullRequest(ctx) || ctx.prNumber === undefined) return undefined
  const failing = stepFindings(ev, input.failOnDeployed)
  return upsertStickyComment(input.octokit, {
    owner: ctx.owner,
    repo: ctx.repo,
    issueNumber: ctx.prNumber,
    body: commentBody(input.model, ev, input.failOnDeployed, input.runUrl),
    clean: failing.length === 0,
    whenClean: input.whenClean,
  })
}

/** Rules whose fix adds routes next to the lines they point at: the suggestion keeps the lines and appends. */
export const ADDITIVE_RULES = new Set(['KMS001', 'KMS002', 'KMS005', 'KMS009'])

/**
 * Suggestions for additive fixes in Terraform and Bicep: lines start..end as they are, then the fix
 * indented like the first of them. Anything else (a rule whose fix rewrites, ARM JSON where the fix
 * needs a comma in the right place) gets no suggestion: a suggestion that breaks the file is worse.
 */
export function buildSuggestions(
  findings: readonly Finding[],
  workspace: string,
  readFile: (file: string) => string | undefined = (f) => {
    const read = readSource(f, makeBoundary([workspace]))
    return read.ok ? read.text : undefined
  },
): Suggestion[] {
  const out: Suggestion[] = []
  for (const f of findings) {
    const fixed = fixText(f)
    // A finding at the caller's line (a module argument, a tfvars entry) cannot take a resource there.
    if (!ADDITIVE_RULES.has(f.ruleId) || fixed === undefined || f.deployed || f.related) continue
    if (f.format !== 'terraform' && f.format !== 'bicep') continue
    const rel = repoPath(f.location.file, workspace)
    if (rel === undefined) continue
    const text = readFile(f.location.file)
    if (text === undefined) continue
    const lines = text.split(/\r?\n/)
    const { startLine, endLine } = f.location
    if (startLine < 1 || endLine < startLine || endLine > lines.length) continue
    const original = lines.slice(startLine - 1, endLine)
    const indent = /^\s*/.exec(original[0]!)![0]
    const fix = fixed
      .replace(/\r\n|\r/g, '\n')
      .replace(/\n+$/, '')
      .split('\n')
      .map((l) => (l === '' ? '' : indent + l))
    // HCL blocks and resources read best with a blank line between them; Bicep array items do not take one.
    const gap = f.format === 'terraform' ? [''] : []
    out.push({
      path: rel,
      startLine,
      endLine,
      replacement: [...original, ...gap, ...fix].join('\n'),
      ruleId: f.ruleId,
      explanation: `${f.ruleId}: ${f.title}`,
    })
  }
  return out
}

export async function publishSuggestions(input: {
  ctx: RunContext
  ev: Evaluation
  workspace: string
  octokit: Octokit
}): Promise<SuggestionsResult | undefined> {
  const { ctx, ev } = input
  const files = ev.changed?.files
  // Review comments need the diff's hunks, which only the API's file list carries.
  if (!isPullRequest(ctx) || ctx.prNumber === undefined || !files) return undefined
  const suggestions = buildSuggestions(ev.failing, input.workspace)
  if (suggestions.length === 0) return undefined
  return postSuggestions(input.octokit, {
    owner: ctx.owner,
    repo: ctx.repo,
    pullNumber: ctx.prNumber,
    commitId: ctx.headSha,
    suggestions,
    files,
  })
}

/** True when the step fails: findings at fail-on, or (fail-on-unknown) subnets left undecided. */
export function stepFails(
  ev: Evaluation,
  failOn: FailOn,
  failOnDeployed: boolean,
  failOnUnknown = false,
): boolean {
  return tally(ev, failOn, failOnDeployed, failOnUnknown).fails
}
