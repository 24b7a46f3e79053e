/**
 * One sticky comment per pull request, found again by its hidden marker and edited in place, so a
 * pull request pushed ten times has one comment, not ten.
 */
import { COMMENT_MARKER } from './comment-body'
import { apiFailure, isPermissionError } from './api-failure'
import type { Octokit } from './octokit'

/**
 * What to do when the pull request is clean: `update` an existing comment to "all clear" but open
 * none (default: a clean PR gets no comment), `always` post or update one, `delete` the existing one.
 */
export type WhenClean = 'update' | 'always' | 'delete'

export function parseWhenClean(input: string | undefined): WhenClean | undefined {
  const v = (input ?? '').trim().toLowerCase()
  if (v === '') return 'update'
  return v === 'update' || v === 'always' || v === 'delete' ? v : undefined
}

export interface StickyCommentInput {
  owner: string
  repo: string
  issueNumber: number
  /** Built by buildCommentBody; must start with the marker. */
  body: string
  clean: boolean
  whenClean?: WhenClean
  /**
   * Login of the token's identity. A comment is ours only if it starts with the marker AND was
   * written by this login (default: any bot), so a person pasting the marker cannot make us edit
   * their comment, nor hide ours.
   */
  author?: string
}

export type StickyCommentResult =
  | { ok: true; action: 'created' | 'updated' | 'unchanged' | 'deleted' | 'none'; id?: number }
  | { ok: false; reason: string; permission: boolean }

interface IssueComment {
  id: number
  body?: string
  user: { login: string; type: string } | null
}

export function isOurComment(c: IssueComment, author?: string): boolean {
  if (!c.body?.startsWith(COMMENT_MARKER) || !c.user) return false
  return author !== undefined ? c.user.login === author : c.user.type === 'Bot'
}

export async function upsertStickyComment(
  octokit: Octokit,
  input: StickyCommentInput,
): Promise<StickyCommentResult> {
  const { owner, repo, issueNumber: issue_number } = input
  const whenClean = input.whenClean ?? 'update'
  try {
    const comments = (await octokit.paginate(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number,
      per_page: 100,
    })) as IssueComment[]
    const ours = comments.filter((c) => isOurComment(c, input.author))
    const existing = ours[0]

    if (input.clean && whenClean === 'delete') {
      // Every copy: an earlier run that raced this one may have left a second comment.
      for (const c of ours) await octokit.rest.issues.deleteComment({ owner, repo, comment_id: c.id })
      return { ok: true, action: ours.length > 0 ? 'deleted' : 'none' }
    }
    if (!existing) {
      if (input.clean && whenClean === 'update') return { ok: true, action: 'none' }
      const created = await octokit.rest.issues.createComment({ owner, repo, issue_number, body: input.body })
      return { ok: true, action: 'created', id: created.data.id }
    }
    // An edit notifies nobody but still marks the comment as edited: skip it when nothing changed.
    if (existing.body === input.body) return { ok: true, action: 'unchanged', id: existing.id }
    await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body: input.body })
    return { ok: true, action: 'updated', id: existing.id }
  } catch (err) {
    return {
      ok: false,
      reason: apiFailure(err, 'writing the pull request comment failed'),
      permission: isPermissionError(err),
    }
  }
}
