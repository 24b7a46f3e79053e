/**
 * The machine-readable report (CLI `--format json`, the action's `report-file`). Its shape is a contract
 * with scripts that read it, written down as a JSON Schema shipped in the package
 * (schema/report.schema.json; the tests validate real scans against it). Within a `schemaVersion`,
 * fields are added, never renamed or removed; a change of meaning bumps it.
 *
 * Version 2 (from 1): `file` is relative to the scanned directory (`root`), like `resource`, not to the
 * working directory; suppressed findings are listed with their reasons; `root` and `schemaVersion` are new.
 */
import type { OverallVerdict, SubnetState } from '../analysis/verdict'
import type { CloudName } from '../kms/catalogue'
import type { SourceFormat } from '../model/network'
import type { Finding, Severity } from '../rules/types'
import type { ScanResult } from '../pipeline/scan-types'
import { countFindings, sortFindings } from './exit'
import { fixText } from './fix'
import { findingPaths } from './finding-paths'
import { displayPath, scanDir } from './paths'

export const JSON_SCHEMA_VERSION = 2

/** Where the schema is published: the report names it in `$schema` so editors and validators find it. */
export const JSON_SCHEMA_URL =
  'https://raw.githubusercontent.com/azure-kms-guard/azure-kms-guard/main/schema/report.schema.json'

export interface JsonFinding {
  ruleId: string
  severity: Severity
  /** Relative to `root` (forward slashes); an ARM id for a deployed resource. */
  file: string
  startLine: number
  endLine: number
  message: string
  resource: string
  kmsAddresses: string[]
  title: string
  cloud: CloudName
  path?: string
  /** Every distinct path, when the finding covers several (one per subnet); `path` is the first. */
  paths?: string[]
  subnets?: string[]
  fix?: string
  format?: SourceFormat
  /** About a route table no scanned subnet uses: reported one severity lower. */
  latent?: boolean
  /** Other places that matter, e.g. the module block that used the value `file`:`startLine` wrote. */
  related?: { file: string; startLine: number; endLine: number }[]
}

export interface JsonSuppressed extends JsonFinding {
  suppression: {
    /** `inline`: an `azure-kms-guard:ignore` comment; `config`: an entry of the config's `suppress:` list. */
    kind: 'inline' | 'config'
    reason: string
    /** The comment or config entry, relative to `root`. */
    file: string
    line: number
  }
}

export interface JsonSubnetVerdict {
  subnet: string
  vnet?: string
  address: string
  format: SourceFormat
  cloud: CloudName
  variant?: string
  state: SubnetState
  path: string
  hop?: string
  why?: string
  resolve?: string
  /** Relative to `root`, like findings. */
  file: string
  startLine: number
}

export interface JsonReport {
  $schema: string
  schemaVersion: typeof JSON_SCHEMA_VERSION
  /** The same number as schemaVersion (the field version 1 readers check). */
  version: typeof JSON_SCHEMA_VERSION
  /** The scanned directory, relative to the working directory (the workspace in the action). */
  root: string
  /** The first cloud judged (kept a string for readers of single-cloud reports). */
  cloud: CloudName
  /** Present only when more than one cloud was judged. */
  clouds?: CloudName[]
  findings: JsonFinding[]
  /** Findings the user accepted, each with where and why. */
  suppressed: JsonSuppressed[]
  summary: {
    errors: number
    warnings: number
    notices: number
    total: number
    suppressed: number
    filesScanned: number
    /** One cloud → its name; several → the list. */
    clouds: CloudName | CloudName[]
  }
  /** Each subnet's verdict and the overall one (src/analysis/verdict.ts). */
  verdict: {
    overall: OverallVerdict
    reachable: number
    blocked: number
    undecided: number
    files: { read: number; skipped: number }
    unusedRouteTables: number
    subnets: JsonSubnetVerdict[]
  }
}

function jsonFinding(f: Finding, root: string): JsonFinding {
  const j: JsonFinding = {
    ruleId: f.ruleId,
    severity: f.severity,
    file: displayPath(f.location.file, root),
    startLine: f.location.startLine,
    endLine: f.location.endLine,
    message: f.message,
    resource: f.resource,
    kmsAddresses: [...f.kmsAddresses],
    title: f.title,
    cloud: f.cloud,
  }
  if (f.path !== undefined) j.path = f.path
  const paths = findingPaths(f)
  if (paths.length > 1) j.paths = paths
  if (f.subnets !== undefined) j.subnets = [...f.subnets]
  const fix = fixText(f)
  if (fix !== undefined) j.fix = fix
  if (f.format !== undefined) j.format = f.format
  if (f.latent) j.latent = true
  if (f.related?.length)
    j.related = f.related.map((o) => ({
      file: displayPath(o.file, root),
      startLine: o.startLine,
      endLine: o.endLine,
    }))
  return j
}

/** @param cwd the working directory (the action's workspace): `root` is given relative to it. */
export function toJsonReport(result: ScanResult, cwd: string): JsonReport {
  const clouds: CloudName[] = result.clouds.length > 0 ? [...result.clouds] : ['AzureCloud']
  const root = scanDir(result.root)
  const v = result.verdict
  return {
    $schema: JSON_SCHEMA_URL,
    schemaVersion: JSON_SCHEMA_VERSION,
    version: JSON_SCHEMA_VERSION,
    root: displayPath(root, cwd),
    cloud: clouds[0]!,
    // Only when several were judged, so single-cloud reports keep their simple shape.
    ...(clouds.length > 1 ? { clouds } : {}),
    findings: sortFindings(result.findings).map((f) => jsonFinding(f, root)),
    suppressed: result.suppressed.map((s) => ({
      ...jsonFinding(s.finding, root),
      suppression: {
        kind: s.kind,
        reason: s.reason,
        file: displayPath(s.origin.file, root),
        line: s.origin.startLine,
      },
    })),
    summary: {
      ...countFindings(result.findings),
      suppressed: result.suppressed.length,
      filesScanned: result.filesScanned,
      clouds: clouds.length === 1 ? clouds[0]! : clouds,
    },
    // Field by field: the report carries what its schema documents, whatever the pipeline adds.
    verdict: {
      overall: v.overall,
      reachable: v.reachable,
      blocked: v.blocked,
      undecided: v.undecided,
      files: { read: v.files.read, skipped: v.files.skipped },
      unusedRouteTables: v.unusedRouteTables,
      subnets: v.subnets.map((s) => {
        const j: JsonSubnetVerdict = {
          subnet: s.subnet,
          address: s.address,
          format: s.format,
          cloud: s.cloud,
          state: s.state,
          path: s.path,
          file: displayPath(s.origin.file, root),
          startLine: s.origin.startLine,
        }
        if (s.vnet !== undefined) j.vnet = s.vnet
        if (s.variant !== undefined) j.variant = s.variant
        if (s.hop !== undefined) j.hop = s.hop
        if (s.why !== undefined) j.why = s.why
        if (s.resolve !== undefined) j.resolve = s.resolve
        return j
      }),
    },
  }
}

/** The report as the file/stdout text: two-space indented, newline-terminated. */
export function formatJsonReport(result: ScanResult, cwd: string): string {
  return JSON.stringify(toJsonReport(result, cwd), null, 2) + '\n'
}
