/**
 * Which changed lines decided a finding. A finding records every place whose change could change it
 * (Finding.sources: the subnet, association, route table, route, firewall and rules on its path, and
 * the var-file entries and module calls they come from); a pull request "caused" the finding where those
 * places meet the lines it changed. That is what `scope: changed` judges by, and where the run annotates
 * the cause (the tfvars entry that added the spoke) next to the finding's own anchor.
 */
import * as path from 'node:path'
import type { ChangedFilesResult } from '../github/changed-files'
import type { Origin } from '../model/value'
import { displayPath } from '../report/paths'
import type { Finding } from '../rules/types'

/** Repository-relative path → the head's changed line ranges, or 'all' when the diff's lines are not known. */
export type ChangedLines = Map<string, [number, number][] | 'all'>

/**
 * The head's added or rewritten lines in a unified diff, as ranges (context lines are not changes); a
 * pure deletion marks the line that follows it.
 */
export function patchRanges(patch: string): [number, number][] {
  const lines: number[] = []
  let next = 0
  let inHunk = false
  for (const l of patch.split('\n')) {
    const h = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(l)
    if (h) {
      next = Number(h[1])
      inHunk = true
    } else if (!inHunk || l.startsWith('\\')) continue
    else if (l.startsWith('+')) lines.push(next++)
    else if (l.startsWith('-')) {
      if (lines[lines.length - 1] !== next) lines.push(Math.max(1, next))
    } else next++
  }
  const out: [number, number][] = []
  for (const n of lines) {
    const last = out[out.length - 1]
    if (last && n <= last[1] + 1) last[1] = Math.max(last[1], n)
    else out.push([n, n])
  }
  return out
}

export function changedLinesOf(changed: ChangedFilesResult): ChangedLines {
  const out: ChangedLines = new Map()
  for (const p of changed.paths) out.set(p, 'all')
  for (const f of changed.files ?? [])
    if (f.patch !== undefined && f.status !== 'removed' && f.status !== 'renamed')
      out.set(f.path, patchRanges(f.patch))
  return out
}

const overlaps = (o: Origin, ranges: [number, number][] | 'all'): boolean =>
  ranges === 'all' || ranges.some(([a, b]) => o.startLine <= b && o.endLine >= a)

/** The finding's sources on changed lines in other files than its anchor's; per file, the narrowest one. */
export function decidingChanges(f: Finding, changed: ChangedLines, root: string): Origin[] {
  const best = new Map<string, Origin>()
  for (const o of f.sources ?? []) {
    // The anchor's own file is annotated already (and in scope whenever it changed).
    if (o.file === f.location.file) continue
    const rel = displayPath(o.file, root)
    const ranges = changed.get(rel)
    if (ranges === undefined || !overlaps(o, ranges)) continue
    const was = best.get(o.file)
    if (!was || o.endLine - o.startLine < was.endLine - was.startLine) best.set(o.file, o)
  }
  return [...best.values()]
}

export interface UnitInputs {
  /** Absolute root of the head scan (Finding.unit is relative to it). */
  scanRoot: string
  /** The user's var files (absolute): every Terraform unit reads them. */
  varFiles?: readonly string[]
}

const isVarFile = (p: string): boolean => /\.tfvars(\.json)?$/.test(p)

/**
 * True when a source that decided the finding changed: its anchor's file, a deciding source on changed
 * lines, or a var file its unit reads (values read from var files take the origin of the line that reads
 * them, so a changed var file may have decided any finding of the unit).
 */
export function decidedByChange(f: Finding, changed: ChangedLines, root: string, unit?: UnitInputs): boolean {
  if (changed.has(displayPath(f.location.file, root))) return true
  if (decidingChanges(f, changed, root).length > 0) return true
  if (!unit || f.unit === undefined) return false
  const unitDir = path.resolve(unit.scanRoot, f.unit.split('@')[0]!)
  const variant = f.unit.includes('@') ? f.unit.slice(f.unit.indexOf('@') + 1) : undefined
  for (const rel of changed.keys()) {
    const abs = path.resolve(root, rel)
    if (isVarFile(abs) && (path.dirname(abs) === unitDir || unit.varFiles?.includes(abs))) return true
    // A deployment variant is its parameter file (Bicep, ARM: by name), or a Terraform environment's var
    // file or folder (by its path from the scan root).
    if (variant === undefined) continue
    const fromScan = path.relative(unit.scanRoot, abs).split(path.sep).join('/')
    if (path.basename(abs) === variant || fromScan === variant || fromScan.startsWith(`${variant}/`))
      return true
  }
  return false
}

/**
 * Annotations at the changed lines that caused failing findings: one per place, naming the findings
 * (rule, anchor, newly exposed subnets) it decides. They are annotations only: counts and the verdict
 * come from the findings themselves (src/action/tally.ts).
 */
export function causeAnnotations(
  failing: readonly Finding[],
  changed: ChangedLines,
  root: string,
  note: (f: Finding) => string | undefined = () => undefined,
): Finding[] {
  const byPlace = new Map<string, { at: Origin; findings: Finding[] }>()
  for (const f of failing) {
    if (f.deployed) continue
    for (const at of decidingChanges(f, changed, root)) {
      const k = `${at.file}\u0000${at.startLine}\u0000${at.endLine}`
      const e = byPlace.get(k) ?? { at, findings: [] }
      e.findings.push(f)
      byPlace.set(k, e)
    }
  }
  return [...byPlace.values()].map(({ at, findings }) => {
    const { fix: _fix, ...first } = findings[0]!
    const what = findings
      .map((f) => {
        const extra = note(f)
        return `${f.ruleId} at ${displayPath(f.location.file, root)}:${f.location.startLine} (${f.resource})${extra ? `: ${extra}` : ''}`
      })
      .join('; ')
    return {
      ...first,
      location: at,
      title: `${first.title} (caused by this change)`,
      message: `This change decides ${findings.length === 1 ? 'a finding' : `${findings.length} findings`}: ${what}. ${first.message}`,
    }
  })
}
