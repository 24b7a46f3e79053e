/**
 * Findings as check annotations on the exact lines. The sink is injected: the action passes
 * @actions/core's error/warning/notice (which escape messages and properties for the workflow
 * command), tests pass a recorder. Most severe first, because the runner keeps only the first few
 * annotations of each kind per step.
 */
import type { Finding, Severity } from '../rules/types'
import { sortFindings } from './exit'
import { neutraliseCommands } from './escape'
import { messageWithPaths } from './finding-paths'
import { repoPath } from './paths'

/** Annotation messages stay short enough to read inline; the full text is in raw_details and the summary. */
export const ANNOTATION_MESSAGE_LIMIT = 300

/**
 * The message cut to `limit` characters: whole sentences when the first fits, else whole words, with an
 * ellipsis and `more` appended when anything was left out.
 */
export function shortMessage(text: string, limit = ANNOTATION_MESSAGE_LIMIT, more = ''): string {
  const t = text.trim()
  if (t.length <= limit) return t
  const room = limit - more.length - 1
  // A sentence ends at . ! or ? before a capital letter or the end (not inside 20.118.99.224).
  let cut = 0
  for (const m of t.matchAll(/[.!?](?=\s+[A-Z]|\s*$)/g)) {
    if (m.index + 1 > room) break
    cut = m.index + 1
  }
  let out = t.slice(0, cut)
  if (out.trim() === '') {
    out = t.slice(0, room)
    const space = out.lastIndexOf(' ')
    if (space > room / 2) out = out.slice(0, space)
    out = out.trimEnd() + '…'
  }
  return (out.trimEnd() + more).slice(0, limit)
}

export interface AnnotationProps {
  title: string
  file?: string
  startLine?: number
  endLine?: number
}

export type AnnotationSink = Record<Severity, (message: string, props: AnnotationProps) => void>

export interface Annotation {
  severity: Severity
  message: string
  props: AnnotationProps
}

/** The annotations for `findings`, in the order they are emitted. */
export function toAnnotations(findings: readonly Finding[], workspace: string): Annotation[] {
  return sortFindings(findings).map((f) => {
    const props: AnnotationProps = { title: `${f.ruleId}: ${f.title}` }
    // Only files of the checkout can carry an annotation; others (live ARM ids) annotate the run.
    const file = repoPath(f.location.file, workspace)
    if (file !== undefined) {
      props.file = file
      props.startLine = Math.max(1, f.location.startLine)
      props.endLine = Math.max(props.startLine, f.location.endLine)
    }
    let message = messageWithPaths(f)
    if (file === undefined) message = `${f.resource} (${f.location.file}): ${message}`
    // Workflow commands have no details field: the full reasoning and the path are in the job summary.
    message = shortMessage(message, ANNOTATION_MESSAGE_LIMIT, ' (more in the job summary)')
    // @actions/core escapes the command itself; the v1 `##[` keyword is broken too, as defence in depth.
    props.title = neutraliseCommands(props.title)
    return { severity: f.severity, message: neutraliseCommands(message), props }
  })
}

/** Sends every finding to the sink; returns how many were sent. */
export function emitAnnotations(
  findings: readonly Finding[],
  workspace: string,
  sink: AnnotationSink,
): number {
  const annotations = toAnnotations(findings, workspace)
  for (const a of annotations) sink[a.severity](a.message, a.props)
  return annotations.length
}
