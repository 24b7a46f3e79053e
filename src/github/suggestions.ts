/**
 * Fixes as GitHub suggestions ("Commit suggestion" in the review UI). GitHub only accepts review
 * comments on lines of the diff, and a multi-line suggestion must stay inside one hunk, so each
 * suggestion is checked against the hunks of the file's patch before anything is posted.
 */
import { createHash } from 'node:crypto'
import { escapeMarkdown, stripControl } from '../report/escape'
import type { ChangedFile } from './changed-files'
import { apiFailure, isPermissionError } from './api-failure'
import type { Octokit } from './octokit'

export const SUGGESTION_MARKER = '<!-- azure-kms-guard:suggestion'

/** Right-side (new file) line range of a hunk, inclusive. */
export interface Hunk {
  start: number
  end: number
}

/** `@@ -a,b +c,d @@`: the new side covers c..c+d-1 (d defaults to 1; d = 0 is a pure deletion). */
export function parseHunks(patch: string): Hunk[] {
  const hunks: Hunk[] = []
  for (const m of patch.matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm)) {
    const start = Number(m[1])
    const count = m[2] === undefined ? 1 : Number(m[2])
    if (count > 0) hunks.push({ start, end: start + count - 1 })
  }
  return hunks
}

export function inOneHunk(hunks: readonly Hunk[], start: number, end: number): boolean {
  return hunks.some((h) => start >= h.start && end <= h.end)
}

export interface Suggestion {
  /** Repository-relative, forward slashes. */
  path: string
  startLine: number
  endLine: number
  /** The new text for exactly lines startLine..endLine (no trailing newline needed). */
  replacement: string
  ruleId: string
  /** A sentence above the suggestion; escaped here, since it usually quotes scanned names. */
  explanation?: string
}

/** Stable across re-runs of the same commit range and text, so a re-run can see it already posted. */
export function suggestionKey(s: Suggestion): string {
  return createHash('sha256')
    .update(JSON.stringify([s.ruleId, s.path, s.startLine, s.endLine, s.replacement]))
    .digest('hex')
    .slice(0, 16)
}

/**
 * The review comment body. The fence is longer than any backtick run in the replacement, so the
 * replacement cannot close it; the key sits in an HTML comment GitHub does not render.
 */
export function suggestionBody(s: Suggestion): string {
  const text = stripControl(s.replacement)
    .replace(/\r\n|\r/g, '\n')
    .replace(/\n$/, '')
  const longest = (text.match(/`+/g) ?? []).reduce((n, r) => Math.max(n, r.length), 0)
  const fence = '`'.repeat(Math.max(3, longest + 1))
  const head = `${SUGGESTION_MARKER} ${suggestionKey(s)} -->`
  const intro = s.explanation ? `${escapeMarkdown(s.explanation)}\n\n` : ''
  return `${head}\n${intro}${fence}suggestion\n${text}\n${fence}\n`
}

export interface SuggestionsInput {
  owner: string
  repo: string
  pullNumber: number
  /** The PR head commit the lines refer to. */
  commitId: string
  suggestions: readonly Suggestion[]
  /** From pulls.listFiles (changedFiles().files): patches say which lines are in the diff. */
  files: readonly ChangedFile[]
}

export interface SuggestionsResult {
  ok: boolean
  posted: number
  skipped: { suggestion: Suggestion; reason: string }[]
  reviewId?: number
  reason?: string
  permission?: boolean
}

export async function postSuggestions(octokit: Octokit, input: SuggestionsInput): Promise<SuggestionsResult> {
  const { owner, repo, pullNumber: pull_number } = input
  const hunksByPath = new Map(input.files.map((f) => [f.path, f.patch ? parseHunks(f.patch) : []]))
  const skipped: SuggestionsResult['skipped'] = []
  const candidates: Suggestion[] = []
  for (const s of input.suggestions) {
    const hunks = hunksByPath.get(s.path)
    if (!hunks) skipped.push({ suggestion: s, reason: 'file not changed by the pull request' })
    else if (s.endLine < s.startLine || !inOneHunk(hunks, s.startLine, s.endLine))
      skipped.push({ suggestion: s, reason: 'lines not inside one hunk of the diff' })
    else candidates.push(s)
  }
  if (candidates.length === 0) return { ok: true, posted: 0, skipped }

  try {
    const existing = await octokit.paginate(octokit.rest.pulls.listReviewComments, {
      owner,
      repo,
      pull_number,
      per_page: 100,
    })
    const seen = new Set(
      existing.flatMap((c) => {
        const m = c.body.match(/<!-- azure-kms-guard:suggestion ([0-9a-f]{16}) -->/)
        return m ? [m[1]!] : []
      }),
    )
    const fresh: Suggestion[] = []
    for (const s of candidates) {
      if (seen.has(suggestionKey(s))) skipped.push({ suggestion: s, reason: 'already suggested' })
      else fresh.push(s)
    }
    if (fresh.length === 0) return { ok: true, posted: 0, skipped }
    const review = await octokit.rest.pulls.createReview({
      owner,
      repo,
      pull_number,
      commit_id: input.commitId,
      event: 'COMMENT',
      body: `azure-kms-guard suggests ${fresh.length} fix${fresh.length === 1 ? '' : 'es'} that keep Windows activation working.`,
      comments: fresh.map((s) => ({
        path: s.path,
        line: s.endLine,
        // The API rejects start_line equal to line: single-line comments omit it.
        ...(s.startLine < s.endLine ? { start_line: s.startLine, start_side: 'RIGHT' as const } : {}),
        side: 'RIGHT' as const,
        body: suggestionBody(s),
      })),
    })
    return { ok: true, posted: fresh.length, skipped, reviewId: review.data.id }
  } catch (err) {
    return {
      ok: false,
      posted: 0,
      skipped,
      reason: apiFailure(err, 'posting suggestions failed'),
      permission: isPermissionError(err),
    }
  }
}
