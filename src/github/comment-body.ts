/**
 * The sticky pull-request comment: the report model (src/report/model.ts) rendered by the one renderer
 * (src/report/render.ts) for the comment surface, kept under GitHub's size limit.
 */
import type { Finding } from '../rules/types'
import type { ReportModel } from '../report/model'
import { renderReport, type RenderOptions } from '../report/render'
import { displayPath } from '../report/paths'

export const COMMENT_MARKER = '<!-- azure-kms-guard -->'
/** GitHub refuses comment bodies over 65536 characters. */
export const COMMENT_LIMIT = 65536

/** `infra/spoke.tf:12-18`: the finding's file relative to `root`, and its lines. */
export function findingLocation(f: Finding, root: string): string {
  const { startLine, endLine } = f.location
  const lines = endLine > startLine ? `${startLine}-${endLine}` : `${startLine}`
  return `${displayPath(f.location.file, root)}:${lines}`
}

export function buildCommentBody(model: ReportModel, options: RenderOptions = {}): string {
  let body = renderReport(model, 'comment', options)
  // Too long: fewer explanations first (the check run and summary have them all), then cut.
  if (body.length > COMMENT_LIMIT) body = renderReport(model, 'comment', { ...options, maxDetails: 5 })
  return fitComment(body)
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
