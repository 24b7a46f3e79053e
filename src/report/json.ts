/**
 * The machine-readable report (CLI `--format json`, the action's `report-file`). Version 1 of the
 * shape is a contract with scripts that read it: fields are added, never renamed or removed.
 */
import type { ScanVerdict, SubnetVerdict } from '../analysis/verdict'
import type { CloudName } from '../kms/catalogue'
import type { SourceFormat } from '../model/network'
import type { Severity } from '../rules/types'
import type { ScanResult } from '../scan-types'
import { countFindings, sortFindings } from './exit'
import { fixText } from './fix'
import { displayPath } from './paths'

export interface JsonFinding {
  ruleId: string
  severity: Severity
  file: string
  startLine: number
  endLine: number
  message: string
  resource: string
  kmsAddresses: string[]
  title: string
  cloud: CloudName
  path?: string
  subnets?: string[]
  fix?: string
  format?: SourceFormat
  /** About a route table no scanned subnet uses: reported one severity lower. */
  latent?: boolean
  /** Other places that matter, e.g. the module block that used the value `file`:`startLine` wrote. */
  related?: { file: string; startLine: number; endLine: number }[]
}

export interface JsonReport {
  version: 1
  /** The first cloud judged (kept a string for readers of single-cloud reports). */
  cloud: CloudName
  /** Present only when more than one cloud was judged. */
  clouds?: CloudName[]
  findings: JsonFinding[]
  summary: {
    errors: number
    warnings: number
    notices: number
    total: number
    filesScanned: number
    /** One cloud → its name; several → the list. */
    clouds: CloudName | CloudName[]
  }
  /** Each subnet's verdict and the overall one (src/analysis/verdict.ts); origins relative like findings. */
  verdict: Omit<ScanVerdict, 'subnets'> & {
    subnets: (Omit<SubnetVerdict, 'origin'> & { file: string; startLine: number })[]
  }
}

export function toJsonReport(result: ScanResult, cwd: string): JsonReport {
  const clouds: CloudName[] = result.clouds.length > 0 ? [...result.clouds] : ['AzureCloud']
  const findings = sortFindings(result.findings).map((f): JsonFinding => {
    const j: JsonFinding = {
      ruleId: f.ruleId,
      severity: f.severity,
      file: displayPath(f.location.file, cwd),
      startLine: f.location.startLine,
      endLine: f.location.endLine,
      message: f.message,
      resource: f.resource,
      kmsAddresses: [...f.kmsAddresses],
      title: f.title,
      cloud: f.cloud,
    }
    if (f.path !== undefined) j.path = f.path
    if (f.subnets !== undefined) j.subnets = [...f.subnets]
    const fix = fixText(f)
    if (fix !== undefined) j.fix = fix
    if (f.format !== undefined) j.format = f.format
    if (f.latent) j.latent = true
    if (f.related?.length)
      j.related = f.related.map((o) => ({
        file: displayPath(o.file, cwd),
        startLine: o.startLine,
        endLine: o.endLine,
      }))
    return j
  })
  const counts = countFindings(result.findings)
  return {
    version: 1,
    cloud: clouds[0]!,
    // Only when several were judged, so single-cloud reports keep their simple shape.
    ...(clouds.length > 1 ? { clouds } : {}),
    findings,
    summary: {
      ...counts,
      filesScanned: result.filesScanned,
      clouds: clouds.length === 1 ? clouds[0]! : clouds,
    },
    verdict: {
      ...result.verdict,
      subnets: result.verdict.subnets.map(({ origin, ...s }) => ({
        ...s,
        file: displayPath(origin.file, cwd),
        startLine: origin.startLine,
      })),
    },
  }
}

/** The report as the file/stdout text: two-space indented, newline-terminated. */
export function formatJsonReport(result: ScanResult, cwd: string): string {
  return JSON.stringify(toJsonReport(result, cwd), null, 2) + '\n'
}
