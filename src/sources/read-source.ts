/** Reads one source file, refusing what a scan must not read: files over 5 MB and anything not UTF-8 text. */
import * as fs from 'node:fs'
import type { SourceDiagnostic } from '../model/network'

export const MAX_SOURCE_BYTES = 5 * 1024 * 1024

export type ReadOutcome = { ok: true; text: string } | { ok: false; reason: string }

const utf8 = new TextDecoder('utf-8', { fatal: true })

export function readSource(file: string): ReadOutcome {
  let size: number
  try {
    size = fs.statSync(file).size
  } catch (e) {
    return { ok: false, reason: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` }
  }
  if (size > MAX_SOURCE_BYTES) {
    return { ok: false, reason: `is ${(size / 1024 / 1024).toFixed(1)} MB, over the 5 MB limit` }
  }
  const bytes = fs.readFileSync(file)
  if (bytes.includes(0)) return { ok: false, reason: 'is not text (it holds NUL bytes)' }
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    return { ok: false, reason: 'is not UTF-8 text' }
  }
  // A byte order mark is valid UTF-8 but not part of the source.
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text }
}

/** The notice for a file the scan could not read (too large, not UTF-8, a link out of the root...). */
export function skippedNotice(file: string, reason: string): SourceDiagnostic {
  return {
    ruleId: 'KMS012',
    severity: 'notice',
    origin: { file, startLine: 1, endLine: 1 },
    message: `Skipped this file: it ${reason}.`,
  }
}
