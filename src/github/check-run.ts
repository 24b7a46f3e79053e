/**
 * The `azure-kms-guard` check run with every annotation on the exact lines. Unlike workflow-command
 * annotations (10 errors and 10 warnings per step), the Checks API takes any number, 50 per request,
 * each update appending. Tokens that cannot write checks (forks, read-only permissions) get a reason
 * back instead of an exception, and the caller falls back to workflow commands.
 */
import type { ScanVerdict } from '../analysis/verdict'
import { verdictFails } from '../report/verdict'
import type { Finding, Severity } from '../rules/types'
import { failsAt, sortFindings, type FailOn } from '../report/exit'
import { ANNOTATION_MESSAGE_LIMIT, shortMessage } from '../report/annotations'
import { fixText } from '../report/fix'
import { pathsLine } from '../report/finding-paths'
import { repoPath } from '../report/paths'
import { apiFailure, isPermissionError } from './api-failure'
import type { Octokit } from './octokit'

export const CHECK_NAME = 'azure-kms-guard'
/** The API's maximum annotations per create/update request. */
export const ANNOTATIONS_PER_REQUEST = 50
/** output.summary and output.text are limited to 65535 characters. */
export const OUTPUT_LIMIT = 65535

export type AnnotationLevel = 'failure' | 'warning' | 'notice'
export type Conclusion = 'failure' | 'neutral' | 'success'

export interface CheckAnnotation {
  /** Repository-relative, forward slashes. */
  path: string
  start_line: number
  end_line: number
  annotation_level: AnnotationLevel
  title: string
  message: string
  /** The full message, the path and the fix in the source's own format. */
  raw_details?: string
}

const LEVEL: Record<Severity, AnnotationLevel> = { error: 'failure', warning: 'warning', notice: 'notice' }

/** Keeps the text under `limit` characters, saying so at the end. */
export function truncate(text: string, limit: number): string {
  if (text.length <= limit) return text
  const note = '\n\n… (truncated)'
  return text.slice(0, limit - note.length) + note
}

/**
 * One annotation per finding in a file of the checkout; findings elsewhere (live ARM ids, var files
 * outside the workspace) cannot be placed on a line and stay in the summary.
 */
export function toCheckAnnotations(findings: readonly Finding[], root: string): CheckAnnotation[] {
  const out: CheckAnnotation[] = []
  for (const f of sortFindings(findings)) {
    const file = repoPath(f.location.file, root)
    if (file === undefined) continue
    const start = Math.max(1, f.location.startLine)
    const a: CheckAnnotation = {
      path: file,
      start_line: start,
      end_line: Math.max(start, f.location.endLine),
      annotation_level: LEVEL[f.severity],
      title: truncate(`${f.ruleId}: ${f.title}`, 255),
      message: shortMessage(f.message, ANNOTATION_MESSAGE_LIMIT, ' (details below)'),
    }
    // The full reasoning, the path and the fix in the source's format: what "Show more" unfolds.
    const fix = fixText(f)
    const details = [f.message, pathsLine(f) ?? '', fix ? `Fix:\n${fix}` : '']
    a.raw_details = truncate(details.filter((d) => d !== '').join('\n\n'), 64 * 1024 - 1)
    out.push(a)
  }
  return out
}

/**
 * failure when a failing finding reaches fail-on (or, with fail-on-unknown, a subnet is undecided or no
 * subnet was found); neutral when there are findings below it or the verdict is not "reachable"
 * (undecided, nothing found): success only when every subnet judged was followed to KMS.
 */
export function conclusionFor(
  failing: readonly Finding[],
  failOn: FailOn,
  verdict?: ScanVerdict,
  failOnUnknown = false,
): Conclusion {
  if (failsAt(failing, failOn)) return 'failure'
  if (verdict && verdictFails(verdict, failOnUnknown)) return 'failure'
  if (verdict && verdict.overall !== 'reachable' && verdict.overall !== 'blocked') return 'neutral'
  return failing.length > 0 ? 'neutral' : 'success'
}

export interface CheckRunInput {
  owner: string
  repo: string
  headSha: string
  title: string
  /** Markdown, built by the caller; truncated to the API's limit. */
  summary: string
  annotations: readonly CheckAnnotation[]
  conclusion: Conclusion
  name?: string
  detailsUrl?: string
}

export type CheckRunResult =
  | { ok: true; id: number; url?: string; requests: number }
  /** `permission`: the token may not write checks (403/404); anything else is an API failure. */
  | { ok: false; reason: string; permission: boolean; id?: number }

/**
 * Annotations that fit one request (at most 50) go with the run's creation, completed: one POST. More are
 * created in_progress with the first 50 and PATCHed on 50 at a time, the last PATCH completing it, so a
 * reader never sees a green run that is still receiving failures.
 */
export async function publishCheckRun(octokit: Octokit, input: CheckRunInput): Promise<CheckRunResult> {
  const { owner, repo } = input
  const output = (annotations: readonly CheckAnnotation[]) => ({
    title: truncate(input.title, 255),
    summary: truncate(input.summary, OUTPUT_LIMIT),
    annotations: [...annotations],
  })
  const batches: CheckAnnotation[][] = []
  for (let i = 0; i < input.annotations.length; i += ANNOTATIONS_PER_REQUEST) {
    batches.push(input.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST))
  }
  if (batches.length === 0) batches.push([])
  const completed = { status: 'completed' as const, conclusion: input.conclusion }
  let id: number
  let url: string | undefined
  try {
    const created = await octokit.rest.checks.create({
      owner,
      repo,
      name: input.name ?? CHECK_NAME,
      head_sha: input.headSha,
      ...(batches.length === 1 ? completed : { status: 'in_progress' as const }),
      output: output(batches[0]!),
      ...(input.detailsUrl ? { details_url: input.detailsUrl } : {}),
    })
    // A reply without a numeric id is no check run, whatever the status said: annotations go elsewhere.
    const data = created.data as { id?: unknown; html_url?: unknown } | string | undefined
    if (typeof data !== 'object' || data === null || typeof data.id !== 'number')
      return {
        ok: false,
        reason: `creating the check run failed: HTTP ${created.status} with a reply that is not a check run`,
        permission: false,
      }
    id = data.id
    url = typeof data.html_url === 'string' ? data.html_url : undefined
  } catch (err) {
    return {
      ok: false,
      reason: apiFailure(err, 'creating the check run failed'),
      permission: isPermissionError(err),
    }
  }

  let requests = 1
  for (let i = 1; i < batches.length; i++) {
    const last = i === batches.length - 1
    try {
      requests++
      await octokit.rest.checks.update({
        owner,
        repo,
        check_run_id: id,
        output: output(batches[i]!),
        ...(last ? completed : {}),
      })
    } catch (err) {
      const reason = apiFailure(
        err,
        `updating the check run failed at annotation ${i * ANNOTATIONS_PER_REQUEST + 1}`,
      )
      // Do not leave the run spinning: complete it without the rest (best effort), and say so.
      if (!last) {
        await octokit.rest.checks
          .update({ owner, repo, check_run_id: id, ...completed })
          .catch(() => undefined)
      }
      return { ok: false, reason, permission: isPermissionError(err), id }
    }
  }
  return url !== undefined ? { ok: true, id, url, requests } : { ok: true, id, requests }
}
