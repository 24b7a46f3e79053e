/**
 * Pull request runs judge only what changed. Every deployment unit (a Terraform root module with the
 * modules it calls and its var files; a Bicep deployment with its parameter files and modules) is
 * identified by its root relative to the scanned path and by a content hash of its inputs. A unit none
 * of whose inputs the change touches cannot have a new, fixed or change-decided finding, so:
 * - with `scope: new` or `changed` only the affected units are judged, at head and at base;
 * - whatever the scope, the base judges only the units whose inputs differ from the head's, and reuses
 *   the head's findings for the others (same inputs, same findings).
 */
import { createHash } from 'node:crypto'
import * as path from 'node:path'
import type { Finding } from '../rules/types'
import type { ScanUnit, UnitChoice, UnitSelection } from '../pipeline/scan-types'
import { makeBoundary, readSource, type ReadBoundary } from '../sources/parsing/read-source'
import { TOOL_VERSION } from '../report/tool'

const toPosix = (p: string): string => p.split(path.sep).join('/')

/** The unit's key: its root relative to the scanned path (Finding.unit without the variant). */
export function unitKey(u: ScanUnit, scanRoot: string): string {
  return toPosix(path.relative(scanRoot, u.root)) || '.'
}

/** Finding.unit without the deployment variant. */
export const findingUnitKey = (f: Finding): string | undefined => f.unit?.split('@')[0]

/**
 * A hash of everything the unit reads, relative to `checkoutRoot` so a base checkout and the head agree:
 * each file's path and content, the changed data files it may read (`data`, see dataInputs: unchanged
 * ones are the same on both sides), and the tool version (another version may judge the same files otherwise).
 */
export function unitHash(u: ScanUnit, checkoutRoot: string, data: readonly string[] = []): string {
  const h = createHash('sha256').update(TOOL_VERSION).update('\0')
  const files = [...new Set([...u.files, ...u.varFiles, ...data])]
  const boundary = makeBoundary([checkoutRoot], files)
  for (const file of files.sort()) {
    h.update(toPosix(path.relative(checkoutRoot, file))).update('\0')
    const read = readSource(file, boundary)
    h.update(read.ok ? read.text : `unreadable: ${read.reason}`).update('\0')
  }
  return h.digest('hex')
}

const TERRAFORM_FILE = /\.(tf|tf\.json|tfvars|tfvars\.json)$/
const TEMPLATE_FILE = /\.(bicep|bicepparam|json)$/
/** Files a scan judges as units of their own, never only as data another unit reads. */
export const IAC_FILE = /\.(tf|tf\.json|tfvars|tfvars\.json|bicep|bicepparam)$/

/**
 * Calls that read a file the unit does not list: Terraform's file(), fileexists(), templatefile(),
 * fileset(), filebase64()... and Bicep's loadTextContent()/loadJsonContent()/loadFileAsBase64()...
 * Found in the text, so a comment mentioning one only costs a re-judged unit, never a missed one.
 */
const READS_FILES =
  /\b(file|fileexists|fileset|filebase64|filemd5|filesha1|filesha256|filesha512|filebase64sha256|filebase64sha512|templatefile|load[A-Za-z]*Content|loadFileAsBase64)\s*\(/

/**
 * The changed files a unit may read as data (file(), templatefile(), loadTextContent()): any changed
 * file that is not Terraform or Bicep source, when one of the unit's files calls such a function.
 * Which path a call names is often computed (`"${path.module}/rules/${var.env}.json"`), so every such
 * file counts: a unit re-judged for nothing costs time, a unit missed costs a wrong verdict.
 * (A .tf or .bicep file read as data by file() is not seen: no real configuration does that.)
 */
export function dataInputs(u: ScanUnit, changedPaths: Iterable<string>, read?: ReadText): string[] {
  const data = [...changedPaths].filter((p) => !IAC_FILE.test(p) && !u.files.includes(p))
  if (data.length === 0) return []
  // The unit's own files, wherever they are (downloaded modules live outside the checkout).
  const text = read ?? readThrough(makeBoundary([], u.files))
  for (const f of u.files) {
    if (!/\.(tf|bicep)$/.test(f)) continue
    if (READS_FILES.test(text(f) ?? '')) return data.sort()
  }
  return []
}

/** A file's text, or undefined when it cannot be read. */
export type ReadText = (file: string) => string | undefined

const readThrough =
  (boundary: ReadBoundary): ReadText =>
  (file) => {
    const r = readSource(file, boundary)
    return r.ok ? r.text : undefined
  }

/** What a change touched, as absolute paths under the checkout judged. */
export interface ChangedPaths {
  /** Current names, names before renames, removed files. */
  paths: ReadonlySet<string>
  /** Files that are not there any more (removed, or renamed away). */
  removed: ReadonlySet<string>
}

/**
 * True when the change touches one of the unit's inputs: one of its files or var files (installed
 * modules and their manifest included); (Terraform) a Terraform file added or removed in one of its
 * directories; (Bicep) a template or parameter file removed anywhere, since a module reference may now
 * point at nothing; or a changed file it may read as data (dataInputs).
 */
export function isAffected(u: ScanUnit, changed: ChangedPaths, read?: ReadText): boolean {
  for (const f of [...u.files, ...u.varFiles]) if (changed.paths.has(f)) return true
  if (u.kind === 'terraform') {
    const dirs = new Set(u.files.map((f) => path.dirname(f)))
    for (const c of changed.paths) if (TERRAFORM_FILE.test(c) && dirs.has(path.dirname(c))) return true
    // The module manifest `terraform init` wrote names the directory each module key is read from.
    const installed = path.join(u.root, '.terraform') + path.sep
    for (const c of changed.paths) if (c.startsWith(installed)) return true
  } else {
    for (const c of changed.removed) if (TEMPLATE_FILE.test(c)) return true
  }
  return dataInputs(u, changed.paths, read).length > 0
}

/** What `selection` (ScanOptions.units) decides for each unit, asked before the unit is parsed. */
export function unitChooser(selection: UnitSelection): (u: ScanUnit) => UnitChoice {
  const changed: ChangedPaths | undefined = selection.changed && {
    paths: new Set(selection.changed.paths),
    removed: new Set(selection.changed.removed),
  }
  const touched = selection.touched ?? selection.changed?.paths ?? []
  const also = new Set(selection.also ?? [])
  const hashOf = (u: ScanUnit): { hash?: string } =>
    selection.hashRoot !== undefined ? { hash: unitHash(u, selection.hashRoot, dataInputs(u, touched)) } : {}
  return (u) => {
    const key = unitKey(u, selection.keyRoot)
    const reused = selection.reuse?.[key]
    const earlier = typeof reused === 'string' ? [reused] : reused
    if (earlier !== undefined) {
      const h = hashOf(u)
      return h.hash !== undefined && earlier.includes(h.hash)
        ? { key, judged: false, why: 'same-inputs', ...h }
        : { key, judged: true, ...h }
    }
    const root = selection.hashRoot
    const files =
      changed && root !== undefined
        ? { files: u.files.map((f) => toPosix(path.relative(root, f))).filter((f) => !f.startsWith('..')) }
        : {}
    if (changed && !also.has(key) && !isAffected(u, changed))
      return { key, judged: false, why: 'untouched', ...files }
    return { key, judged: true, ...hashOf(u), ...files }
  }
}
