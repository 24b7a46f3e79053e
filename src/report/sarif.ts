/**
 * SARIF 2.1.0 for GitHub code scanning (upload-sarif). Only what code scanning reads is emitted:
 * rule metadata with help, one physical location per result relative to %SRCROOT%, and a
 * partialFingerprint so an alert survives unrelated edits that move its lines.
 */
import { createHash } from 'node:crypto'
import { pathToFileURL } from 'node:url'
import type { Finding, Rule, Severity } from '../rules/types'
import type { ScanResult } from '../scan-types'
import { sortFindings } from './exit'
import { repoPath } from './paths'
import { TOOL_NAME, TOOL_URI, TOOL_VERSION } from './tool'

export type SarifLevel = 'error' | 'warning' | 'note'

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
  helpUri?: string
  defaultConfiguration: { level: SarifLevel }
  properties: { tags: string[] }
}

export interface SarifLocation {
  physicalLocation?: {
    artifactLocation: { uri: string; uriBaseId: '%SRCROOT%' }
    region: { startLine: number; endLine: number }
  }
  logicalLocations?: { fullyQualifiedName: string; kind: string }[]
}

export interface SarifResult {
  ruleId: string
  ruleIndex: number
  level: SarifLevel
  message: { text: string }
  locations: SarifLocation[]
  partialFingerprints: Record<string, string>
  properties: { resource: string; cloud: string; kmsAddresses: string[]; subnets?: string[]; path?: string }
}

export interface SarifLog {
  $schema: string
  version: '2.1.0'
  runs: {
    tool: {
      driver: {
        name: string
        informationUri: string
        version: string
        semanticVersion: string
        rules: SarifRule[]
      }
    }
    originalUriBaseIds: Record<string, { uri: string; description?: { text: string } }>
    columnKind: 'utf16CodeUnits'
    results: SarifResult[]
  }[]
}

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'

/** The fingerprint key: versioned so that a future change of what is hashed starts a new series. */
export const FINGERPRINT_KEY = 'azureKmsGuard/v1'

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', notice: 'note' }

const TAGS = ['azure', 'networking', 'windows-activation', 'kms']

/**
 * @param cwd the repository root that relative URIs are resolved against (%SRCROOT%).
 * @param rules every rule of the tool (allRules), so code scanning can show help for any alert.
 */
export function toSarif(result: ScanResult, cwd: string, rules: readonly Rule[]): SarifLog {
  const descriptors = rules.map(ruleDescriptor)
  const index = new Map(descriptors.map((d, i) => [d.id, i]))
  // A finding from a rule missing from the list still needs a valid ruleIndex.
  for (const f of result.findings) {
    if (!index.has(f.ruleId)) {
      index.set(f.ruleId, descriptors.length)
      descriptors.push(fallbackDescriptor(f))
    }
  }
  const results = sortFindings(result.findings).map((f) => toResult(f, index.get(f.ruleId)!, cwd))
  const root = pathToFileURL(cwd).href
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
        originalUriBaseIds: {
          '%SRCROOT%': {
            uri: root.endsWith('/') ? root : root + '/',
            description: { text: 'The scanned repository' },
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  }
}

export function formatSarif(result: ScanResult, cwd: string, rules: readonly Rule[]): string {
  return JSON.stringify(toSarif(result, cwd, rules), null, 2) + '\n'
}

function ruleDescriptor(rule: Rule): SarifRule {
  const level = LEVEL[rule.severity]
  return {
    id: rule.id,
    name: pascalCase(rule.title),
    shortDescription: { text: rule.title },
    fullDescription: { text: firstParagraph(rule.explanation) || rule.title },
    help: {
      text: `${rule.explanation.trim()}\n\nHow to fix: ${rule.fix.trim()}`,
      markdown: `## ${rule.id}: ${rule.title}\n\n${rule.explanation.trim()}\n\n### How to fix\n\n${rule.fix.trim()}`,
    },
    defaultConfiguration: { level },
    properties: { tags: [...TAGS] },
  }
}

function fallbackDescriptor(f: Finding): SarifRule {
  return {
    id: f.ruleId,
    name: pascalCase(f.title),
    shortDescription: { text: f.title },
    fullDescription: { text: f.title },
    help: { text: f.title, markdown: f.title },
    defaultConfiguration: { level: LEVEL[f.severity] },
    properties: { tags: [...TAGS] },
  }
}

function toResult(f: Finding, ruleIndex: number, cwd: string): SarifResult {
  const uri = repoPath(f.location.file, cwd)
  const location: SarifLocation = {}
  if (uri !== undefined) {
    const startLine = Math.max(1, f.location.startLine)
    location.physicalLocation = {
      artifactLocation: { uri: encodeUri(uri), uriBaseId: '%SRCROOT%' },
      region: { startLine, endLine: Math.max(startLine, f.location.endLine) },
    }
  }
  // The resource is always named logically too; for live state (an ARM id) it is the only location.
  location.logicalLocations = [{ fullyQualifiedName: f.resource, kind: 'resource' }]
  const text = f.path ? `${f.message}\n\nPath: ${f.path}` : f.message
  const properties: SarifResult['properties'] = {
    resource: f.resource,
    cloud: f.cloud,
    kmsAddresses: [...f.kmsAddresses],
  }
  if (f.subnets) properties.subnets = [...f.subnets]
  if (f.path) properties.path = f.path
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text },
    locations: [location],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(f.ruleId, uri ?? f.location.file, f.resource) },
    properties,
  }
}

/** Stable across runs and line moves: rule, file and resource, never line numbers or message wording. */
export function fingerprint(ruleId: string, file: string, resource: string): string {
  return createHash('sha256').update(`${ruleId}\u0000${file}\u0000${resource}`).digest('hex')
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
