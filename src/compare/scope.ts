/**
 * Which findings fail the check. On a pull request only what it introduces should block the merge
 * (`new`), or what the lines it touches decide (`changed`: the anchor's file, or any source on the
 * finding's path, var files and module calls included; see causes.ts); elsewhere everything counts (`all`).
 * Findings that do not fail are still listed in the summary, but not annotated: annotations on lines
 * the author did not touch are noise in the diff view.
 */
import type { Finding } from '../rules/types'
import { decidedByChange, type ChangedLines, type UnitInputs } from './causes'
import type { Comparison } from './new-findings'

export type Scope = 'new' | 'changed' | 'all'

export const SCOPES: readonly Scope[] = ['new', 'changed', 'all']

/** Empty input → the default for the event; an unknown value → undefined (the caller reports it). */
export function parseScope(input: string | undefined, isPullRequest: boolean): Scope | undefined {
  const v = (input ?? '').trim().toLowerCase()
  if (v === '') return isPullRequest ? 'new' : 'all'
  return (SCOPES as readonly string[]).includes(v) ? (v as Scope) : undefined
}

export interface ScopeInput {
  scope: Scope
  /** Every finding of the head scan. */
  findings: readonly Finding[]
  /** Needed for `new`; when the base could not be scanned, `new` falls back (see below). */
  comparison?: Comparison
  /** Repository-relative paths changed, needed for `changed`. */
  changedPaths?: readonly string[]
  /** The changed lines of those paths, when the diff is known (else whole files count as changed). */
  changedLines?: ChangedLines
  /** Where the units' var files are, so a changed var file puts its unit's findings in scope. */
  units?: UnitInputs
  /** Root of the head checkout, to make finding paths repository-relative. */
  root: string
}

export interface ScopeResult {
  /** The scope applied, which differs from the one asked for after a fallback. */
  scope: Scope
  /** Fail the check (with fail-on) and are annotated. */
  failing: Finding[]
  /** Listed in the summary only. */
  listed: Finding[]
  /** Why the scope fell back, for the summary. */
  note?: string
}

/**
 * `new` without a comparison degrades to `changed`, and `changed` without a file list to `all`:
 * failing closed, because a guard that passes when it could not look is worse than a noisy one.
 */
export function applyScope(input: ScopeInput): ScopeResult {
  const all = [...input.findings]
  if (input.scope === 'new') {
    if (input.comparison) {
      const fresh = new Set(input.comparison.new)
      return {
        scope: 'new',
        failing: all.filter((f) => fresh.has(f)),
        listed: all.filter((f) => !fresh.has(f)),
      }
    }
    const r = applyScope({ ...input, scope: 'changed' })
    const note = 'the base commit could not be scanned'
    return { ...r, note: r.note ? `${note}; ${r.note}` : note }
  }
  if (input.scope === 'changed') {
    if (input.changedPaths) {
      const lines: ChangedLines =
        input.changedLines ?? new Map(input.changedPaths.map((p) => [p, 'all' as const]))
      const inChanged = (f: Finding): boolean => decidedByChange(f, lines, input.root, input.units)
      return {
        scope: 'changed',
        failing: all.filter(inChanged),
        listed: all.filter((f) => !inChanged(f)),
      }
    }
    return {
      scope: 'all',
      failing: all,
      listed: [],
      note: 'the changed files are not known',
    }
  }
  return { scope: 'all', failing: all, listed: [] }
}
