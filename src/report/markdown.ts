/**
 * `--format markdown`: the report model (model.ts) rendered by the one renderer (render.ts), judged as
 * the network as written.
 */
import type { ScanResult } from '../pipeline/scan-types'
import type { FailOn } from './exit'
import { buildReport, type ReportEvent } from './model'
import { renderReport, type RenderOptions } from './render'

export interface MarkdownOptions extends RenderOptions {
  /** The threshold the run fails at, for the verdict (default 'error'). */
  failOn?: FailOn
  /** `https://github.com/OWNER/REPO/blob/SHA`: when given, locations link to the lines. */
  blobUrl?: string
  event?: ReportEvent
  /** Undecided subnets (or nothing judged) fail the run too. */
  failOnUnknown?: boolean
}

export function toMarkdown(result: ScanResult, cwd: string, options: MarkdownOptions = {}): string {
  const model = buildReport({
    result,
    root: cwd,
    event: options.event ?? 'cli',
    failOn: options.failOn ?? 'error',
    failOnUnknown: options.failOnUnknown === true,
    ...(options.blobUrl ? { blobUrl: options.blobUrl } : {}),
  })
  return renderReport(model, 'markdown', options)
}
