/**
 * SARIF 2.1.0, for GitHub code scanning (upload-sarif) and other SARIF viewers. What it carries and why:
 * - each rule with help (text and Markdown), a `helpUri` to its section of docs/rules.md, `security` in
 *   its tags, a `precision` and a `security-severity` (the mapping below), so code scanning ranks alerts;
 * - each finding with a `partialFingerprint` of its Azure identity (rule, cloud, unit, decisive hop and
 *   the subnets it harms: src/rules/identity.ts), so an alert survives edits that move lines and two
 *   clouds' findings never merge;
 * - locations relative to the git work tree that holds the scan (%SRCROOT%), which is what code scanning
 *   resolves against; a file outside it keeps an absolute `file:` URI instead of being dropped;
 * - suppressed findings with `suppressions` (`inSource` for an ignore comment, `external` for the config's
 *   `suppress:` list), each with its justification, so code scanning shows them as dismissed;
 * - the invocation (start, end, exit code) and an `automationDetails.id` per cloud and scan root, so two
 *   scans of one repository (two clouds, two roots) do not close each other's alerts.
 */
import { pathToFileURL } from 'node:url'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { identityHash } from '../rules/identity'
import type { Finding, Rule, Severity } from '../rules/types'
import type { ScanResult } from '../pipeline/scan-types'
import type { Suppressed } from '../suppress/inline'
import type { Origin } from '../model/value'
import { sortFindings } from './exit'
import { findingPaths, pathsLine } from './finding-paths'
import { gitRoot, isArmId, repoPath, scanDir } from './paths'
import { ruleAnchor } from './rule-anchor'
import { TOOL_NAME, TOOL_URI, TOOL_VERSION } from './tool'

export type SarifLevel = 'error' | 'warning' | 'note'
export type SarifPrecision = 'very-high' | 'high' | 'medium' | 'low'

export interface SarifMessage {
  text: string
  markdown?: string
}

export interface SarifRule {
  id: string
  name: string
  shortDescription: SarifMessage
  fullDescription: SarifMessage
  help: { text: string; markdown: string }
  helpUri: string
  defaultConfiguration: { level: SarifLevel }
  properties: { tags: string[]; precision: SarifPrecision; 'security-severity': string }
}

export interface SarifArtifactLocation {
  uri: string
  uriBaseId?: '%SRCROOT%'
}

export interface SarifPhysicalLocation {
  artifactLocation: SarifArtifactLocation
  region: { startLine: number; endLine: number }
}

export interface SarifLocation {
  physicalLocation?: SarifPhysicalLocation
  logicalLocations?: { fullyQualifiedName: string; kind: string }[]
}

export interface SarifSuppression {
  kind: 'inSource' | 'external'
  status: 'accepted'
  justification: string
  location?: { physicalLocation: SarifPhysicalLocation }
}

export interface SarifResult {
  ruleId: string
  ruleIndex: number
  level: SarifLevel
  message: { text: string }
  locations: SarifLocation[]
  partialFingerprints: Record<string, string>
  suppressions?: SarifSuppression[]
  properties: {
    resource: string
    cloud: string
    kmsAddresses: string[]
    subnets?: string[]
    path?: string
    paths?: string[]
    unit?: string
  }
}

export interface SarifInvocation {
  executionSuccessful: boolean
  exitCode?: number
  startTimeUtc?: string
  endTimeUtc: string
}

export interface SarifRun {
  tool: {
    driver: {
      name: string
      informationUri: string
      version: string
      semanticVersion: string
      rules: SarifRule[]
    }
  }
  automationDetails: { id: string; description: { text: string } }
  invocations: SarifInvocation[]
  originalUriBaseIds: Record<string, { uri: string; description?: { text: string } }>
  columnKind: 'utf16CodeUnits'
  results: SarifResult[]
}

export interface SarifLog {
  $schema: string
  version: '2.1.0'
  runs: SarifRun[]
}

/** How the run went, for `invocations`: the shells (CLI, action) know the times and the exit code. */
export interface SarifInvocationInput {
  startTime?: Date
  /** Default: now, when the log is made. */
  endTime?: Date
  /** The process's exit code (the CLI's, or the action's 0/1). */
  exitCode?: number
}

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'

/**
 * The fingerprint key: versioned so that a change of what is hashed starts a new series. v1 hashed
 * rule, file and resource; v2 hashes the Azure identity (identityHash).
 */
export const FINGERPRINT_KEY = 'azureKmsGuard/v2'

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', notice: 'note' }

/**
 * Our severity as code scanning's `security-severity` (0–10; ≥9 critical, ≥7 high, ≥4 medium, else low).
 * An error stops Windows activation on the subnets it names, which leaves VMs unlicensed after the grace
 * period: high, not critical (nothing is exposed). A warning may stop it: medium. A notice names what
 * could not be decided or a fragile setup: low. README ("SARIF") documents this mapping.
 */
export const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', notice: '2.0' }

/**
 * How often a rule's result is right when it fires. Routes, NSG rules and firewall rules are followed
 * end to end, so most rules are `high`; an appliance the scan cannot look into (KMS004), a value it could
 * not resolve (KMS011), reliance on the platform exception (KMS013) and routes learned over BGP (KMS014)
 * say less: `medium`.
 */
const PRECISION: Record<string, SarifPrecision> = {
  KMS004: 'medium',
  KMS011: 'medium',
  KMS013: 'medium',
  KMS014: 'medium',
}

const TAGS = ['security', 'azure', 'networking', 'windows-activation', 'kms']

/** The rules' reference, on the tool's repository: helpUri points at a rule's section of it. */
export const RULES_DOC_URL = `${TOOL_URI}/blob/main/docs/rules.md`

/** What the run judged, for automationDetails.id: the clouds and the scan root relative to %SRCROOT%. */
function automationId(clouds: readonly string[], scanRoot: string, srcRoot: string): string {
  const rel = relative(srcRoot, scanRoot).split(sep).join('/')
  const where =
    rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? scanRoot.split(sep).join('/') : rel
  // The trailing slash makes the whole id code scanning's category (the part before the last slash).
  return `${TOOL_NAME}/${clouds.join('+')}/${where}/`
}

/**
 * @param rules every rule of the tool (allRules), so code scanning can show help for any alert.
 * @param invocation the times and exit code of the run, when the caller knows them.
 */
export function toSarif(
  result: ScanResult,
  rules: readonly Rule[],
  invocation: SarifInvocationInput = {},
): SarifLog {
  const descriptors = rules.map(ruleDescriptor)
  const index = new Map(descriptors.map((d, i) => [d.id, i]))
  const all = [...result.findings, ...result.suppressed.map((s) => s.finding)]
  // A finding from a rule missing from the list still needs a valid ruleIndex.
  for (const f of all) {
    if (!index.has(f.ruleId)) {
      index.set(f.ruleId, descriptors.length)
      descriptors.push(fallbackDescriptor(f))
    }
  }
  const scanRoot = scanDir(resolve(result.root))
  const srcRoot = gitRoot(scanRoot) ?? scanRoot
  const locate = (o: Origin): SarifPhysicalLocation | undefined => physicalLocation(o, srcRoot, scanRoot)
  const results = [
    ...sortFindings(result.findings).map((f) => toResult(f, index.get(f.ruleId)!, locate)),
    ...result.suppressed.map((s) => ({
      ...toResult(s.finding, index.get(s.finding.ruleId)!, locate),
      suppressions: [suppression(s, locate)],
    })),
  ]
  const clouds = result.clouds.length > 0 ? [...result.clouds] : ['AzureCloud']
  const root = pathToFileURL(srcRoot).href
  const end = invocation.endTime ?? new Date()
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            informationUri: TOOL_URI,
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            rules: descriptors,
          },
        },
        automationDetails: {
          id: automationId(clouds, scanRoot, srcRoot),
          description: { text: `Azure KMS reachability of ${clouds.join(', ')}` },
        },
        invocations: [
          {
            // The scan ran to its end (findings are results, not a failure of the tool).
            executionSuccessful: true,
            ...(invocation.exitCode !== undefined ? { exitCode: invocation.exitCode } : {}),
            ...(invocation.startTime ? { startTimeUtc: invocation.startTime.toISOString() } : {}),
            endTimeUtc: end.toISOString(),
          },
        ],
        originalUriBaseIds: {
          '%SRCROOT%': {
            uri: root.endsWith('/') ? root : root + '/',
            description: { text: 'The git work tree that holds the scanned files (else the scan root)' },
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  }
}

export function formatSarif(
  result: ScanResult,
  rules: readonly Rule[],
  invocation: SarifInvocationInput = {},
): string {
  return JSON.stringify(toSarif(result, rules, invocation), null, 2) + '\n'
}

function ruleDescriptor(rule: Rule): SarifRule {
  return {
    id: rule.id,
    name: pascalCase(rule.title),
    shortDescription: { text: rule.title },
    fullDescription: { text: firstParagraph(rule.explanation) || rule.title },
    help: {
      text: `${rule.explanation.trim()}\n\nHow to fix: ${rule.fix.trim()}`,
      markdown: `## ${rule.id}: ${rule.title}\n\n${rule.explanation.trim()}\n\n### How to fix\n\n${rule.fix.trim()}`,
    },
    helpUri: `${RULES_DOC_URL}#${ruleAnchor(rule)}`,
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: [...TAGS],
      precision: PRECISION[rule.id] ?? 'high',
      'security-severity': SECURITY_SEVERITY[rule.severity],
    },
  }
}

function fallbackDescriptor(f: Finding): SarifRule {
  return {
    id: f.ruleId,
    name: pascalCase(f.title),
    shortDescription: { text: f.title },
    fullDescription: { text: f.title },
    help: { text: f.title, markdown: f.title },
    helpUri: RULES_DOC_URL,
    defaultConfiguration: { level: LEVEL[f.severity] },
    properties: { tags: [...TAGS], precision: 'medium', 'security-severity': SECURITY_SEVERITY[f.severity] },
  }
}

/**
 * A file as SARIF names it: relative to %SRCROOT% when inside it, else an absolute `file:` URI (a var file
 * from elsewhere; code scanning cannot show it, other viewers can). A relative name is resolved against
 * the scan root. ARM ids (deployed resources) are not files: undefined.
 */
function physicalLocation(o: Origin, srcRoot: string, scanRoot: string): SarifPhysicalLocation | undefined {
  if (isArmId(o.file)) return undefined
  const file = resolve(scanRoot, o.file)
  const rel = repoPath(file, srcRoot)
  const startLine = Math.max(1, o.startLine)
  return {
    artifactLocation:
      rel !== undefined ? { uri: encodeUri(rel), uriBaseId: '%SRCROOT%' } : { uri: pathToFileURL(file).href },
    region: { startLine, endLine: Math.max(startLine, o.endLine) },
  }
}

function toResult(
  f: Finding,
  ruleIndex: number,
  locate: (o: Origin) => SarifPhysicalLocation | undefined,
): SarifResult {
  const location: SarifLocation = {}
  const physical = locate(f.location)
  if (physical) location.physicalLocation = physical
  // The resource is always named logically too; for live state (an ARM id) it is the only location.
  location.logicalLocations = [{ fullyQualifiedName: f.resource, kind: 'resource' }]
  const paths = pathsLine(f)
  const text = paths ? `${f.message}\n\n${paths}` : f.message
  const properties: SarifResult['properties'] = {
    resource: f.resource,
    cloud: f.cloud,
    kmsAddresses: [...f.kmsAddresses],
  }
  if (f.subnets) properties.subnets = [...f.subnets]
  if (f.path) properties.path = f.path
  const all = findingPaths(f)
  if (all.length > 1) properties.paths = all
  if (f.unit !== undefined) properties.unit = f.unit
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text },
    locations: [location],
    partialFingerprints: { [FINGERPRINT_KEY]: identityHash(f) },
    properties,
  }
}

function suppression(
  s: Suppressed,
  locate: (o: Origin) => SarifPhysicalLocation | undefined,
): SarifSuppression {
  const at = locate(s.origin)
  return {
    kind: s.kind === 'inline' ? 'inSource' : 'external',
    status: 'accepted',
    justification: s.reason,
    ...(at ? { location: { physicalLocation: at } } : {}),
  }
}

/** A relative URI reference: each path segment percent-encoded, slashes kept. */
function encodeUri(path: string): string {
  return path
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/')
}

function pascalCase(s: string): string {
  const words = s.match(/[A-Za-z0-9]+/g) ?? []
  return words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('') || 'Rule'
}

/** The first paragraph of Markdown as plain-ish text (fullDescription is shown as text). */
function firstParagraph(md: string): string {
  const p = md.trim().split(/\n\s*\n/)[0] ?? ''
  return p.replace(/\s*\n\s*/g, ' ').trim()
}
