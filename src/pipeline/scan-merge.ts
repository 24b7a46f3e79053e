/**
 * The end of a scan: the parts of its shares (src/pipeline/shares.ts) merged into one result. Runs where the
 * scan was asked for (the calling thread of src/pipeline/scan-isolated.ts, or after scan.ts on one thread),
 * so it needs neither the parsers nor, unless there are files no unit answers for or deployed resources,
 * the rules and the analysis (MergeTools, loaded then).
 */
import * as path from 'node:path'
import { isMainThread } from 'node:worker_threads'
import { scanVerdict, verdictKey, type SubnetVerdict } from '../analysis/verdict'
import type { UnitVnets, VnetNeed } from '../analysis/cross-unit-vnets'
import type { FirewallNeed } from '../analysis/cross-unit-firewalls'
import { labelReport } from '../report/vnet-labels'
import { fixText } from '../report/fix'
import { CLOUDS, type CloudName } from '../kms/catalogue'
import type { SourceDiagnostic } from '../model/network'
import type { Origin } from '../model/value'
import { compareFindings } from '../rules/order'
import { aroundMessage } from '../rules/mention-text'
import { findingIdentity } from '../rules/identity'
import type { Finding } from '../rules/types'
import type { ReadBoundary } from '../sources/parsing/read-source'
import { applyBaseline } from '../compare/baseline'
import type { ScanOptions, ScanResult, UnitChoice, UnitCrossVnets } from './scan-types'
import { applyUserPolicy, configProblemFindings } from './user-policy'

/** What the merge loads only when it needs it (src/pipeline/scan-level.ts). */
export interface MergeTools {
  /** The findings about files no unit answers for (skipped, unreadable), judged under `cloud`. */
  scanLevelFindings(diagnostics: SourceDiagnostic[], cloud: CloudName): Finding[]
  /** The Azure portal's page of a deployed resource. */
  portalLink(armId: string, cloud: CloudName): string
}

/** What labelling needs of a judgement: its cloud, unit and variant. */
interface Scope {
  cloud: CloudName
  unit?: string
  label?: string
}

const toPosix = (p: string): string => p.split(path.sep).join('/')

// The first localeCompare of a thread sets up ICU's collator (~10 ms on Node 20); compareFindings sorts with it
// at the very end of the scan. This module loads on the calling thread while the workers judge (scan-isolated.ts
// imports it first thing), so the set-up is paid here, while that thread waits, not after the last unit is in.
// Not in a scan worker (it loads this module too): there the rules' first sort pays it, if a unit has findings.
if (isMainThread) 'a'.localeCompare('b')

/** One judged unit's part of the result: what the merge needs of its judgement, and what it yielded. */
export interface JudgedUnit {
  order: number
  cloud: CloudName
  unit?: string
  label?: string
  findings: Finding[]
  verdicts: SubnetVerdict[]
  unusedRouteTables: number
  /** The VNets it declares and those it needs of other units (src/pipeline/cross-unit.ts). */
  vnets?: UnitVnets
  /** Judged again with other units' objects laid into its model: their digest (./second-pass.ts). */
  foreign?: string
  /** Judged again with other units' facts: their digest, and what it needed when judged alone. */
  received?: { facts: string; needs: VnetNeed[] }
}

/**
 * What one worker's share of a scan yields (src/pipeline/shares.ts): findings and verdicts per judged unit,
 * before they are labelled, merged and filtered (finishScan). Plain data: it crosses from the worker.
 */
export interface ScanPart {
  judged: JudgedUnit[]
  /** Found before any unit was judged (discovery, var files): the same in every share. */
  common: SourceDiagnostic[]
  /** Found while judging a unit of this share, by Judgement.order. */
  unitDiagnostics: { order: number; diagnostics: SourceDiagnostic[] }[]
  files: number
  skippedAtDiscovery: number
  root: string
  repoRoot: string
  boundary: ReadBoundary
  units?: UnitChoice[]
  terraformCalls?: Record<string, { oid: string; calls: string[] }>
}

const sameLines = (a: Origin, b: Origin): boolean =>
  a.file === b.file && a.startLine === b.startLine && a.endLine === b.endLine

/** A finding that names no KMS address (a parse error) says the same whatever cloud is judged. */
const cloudIndependent = (f: Finding): boolean => f.kmsAddresses.length === 0

/**
 * When two findings are the same. A verdict on subnets is its identity (rule, cloud, unit, decisive hop,
 * the subnets harmed, by Azure identity): the same route reached through two declarations or paths is one
 * finding however its message is worded. Anything else (a parse error, an unresolved value) is its place and text.
 */
function findingKey(f: Finding): string {
  if (f.hop && f.affected?.length) return findingIdentity(f)
  const cloud = cloudIndependent(f) ? '' : f.cloud
  return [
    f.ruleId,
    cloud,
    f.unit ?? '',
    f.location.file,
    f.location.startLine,
    f.location.endLine,
    f.resource,
    f.message,
  ].join('\u0000')
}

/**
 * Finding.unit of a judgement: its unit relative to the scan root, with its variant. The relative path is
 * worked out once per unit directory: path.relative runs cold on the calling thread, and the merge asks it
 * for every judged unit three times (findings, declared VNets, the exchange of VNet facts).
 */
function unitNamer(root: string): (j: Scope) => string | undefined {
  const relative = new Map<string, string>()
  return (j) => {
    if (j.unit === undefined) return undefined
    let rel = relative.get(j.unit)
    if (rel === undefined) relative.set(j.unit, (rel = toPosix(path.relative(root, j.unit)) || '.'))
    return j.label ? `${rel}@${j.label}` : rel
  }
}

/** Where a finding points, to tell when two units report the same lines (a module both call). */
const placeKey = (f: Finding): string =>
  `${f.ruleId}\u0000${f.location.file}\u0000${f.location.startLine}\u0000${f.location.endLine}\u0000${f.resource}`

/**
 * Names the variant, the root module when several report the same lines (a module they share) and, when
 * several clouds are judged, the cloud, so each verdict says what it is about. Sets Finding.unit: findings
 * of two units never merge (each root is applied, and breaks, on its own).
 */
function labelled(
  raw: Finding,
  j: Scope,
  manyClouds: boolean,
  root: string,
  sharedPlaces: Set<string>,
  /** Finding.unit of a judgement (unitNamer). */
  unitName: (j: Scope) => string | undefined,
  /** placeKey of `raw` (undefined for a finding about the deployed network). */
  place: string | undefined,
): Finding {
  // A file-level finding (a parse error) names its file: relative to the scan, like every location shown.
  // ARM ids (live state) look like absolute paths and stay as they are.
  let f =
    path.isAbsolute(raw.resource) && !raw.resource.toLowerCase().startsWith('/subscriptions/')
      ? { ...raw, resource: path.relative(root, raw.resource) || raw.resource }
      : raw
  const unit = raw.format === 'live' ? undefined : unitName(j)
  // Object.assign, not a spread: on Node 20 a spread with fields after it costs ~100 µs per finding.
  if (unit !== undefined) f = Object.assign({}, f, { unit })
  const shared = unit !== undefined && !j.label && place !== undefined && sharedPlaces.has(place)
  const parts = [
    manyClouds && !cloudIndependent(raw) ? j.cloud : undefined,
    j.label ? `deployment variant ${j.label}` : undefined,
    shared ? `root module ${unit}` : undefined,
  ].filter(Boolean)
  if (parts.length === 0) return f
  return {
    ...f,
    ...aroundMessage(f, `[${parts.join(', ')}] `),
    resource: j.label ? `${f.resource} (${j.label})` : shared ? `${f.resource} (${unit})` : f.resource,
  }
}

/** A finding about a resource only the deployed network has: say so, and link it in the portal. */
function markDeployed(f: Finding, tool: MergeTools | undefined): Finding {
  if (f.format !== 'live' || !tool) return f
  return { ...f, deployed: true, link: tool.portalLink(f.location.file, f.cloud) }
}

/**
 * The result of a scan from the parts of its shares: units in scan order (as one worker judges them),
 * files no unit answers for judged once, findings labelled, merged, filtered by the user's policy.
 */
export async function finishScan(
  options: ScanOptions,
  parts: readonly ScanPart[],
  tools: () => Promise<MergeTools>,
  /** Reads a file for its inline suppressions (default: through the parts' boundary). */
  readFile?: (file: string) => string | undefined,
): Promise<ScanResult> {
  const first = parts[0]
  if (!first) throw new Error('a scan needs at least one part')
  const { root } = first
  // Stable: the judgements of one unit keep their order.
  const judgedUnits = parts.flatMap((p) => p.judged).sort((a, b) => a.order - b.order)
  const diagnostics = [
    ...first.common,
    ...parts
      .flatMap((p) => p.unitDiagnostics)
      .sort((a, b) => a.order - b.order)
      .flatMap((u) => u.diagnostics),
  ]
  const raw: { finding: Finding; judgement: Scope; place?: string }[] = []
  const judged = new Set<CloudName>()
  const verdicts: SubnetVerdict[] = []
  let unusedRouteTables = 0
  for (const u of judgedUnits) {
    judged.add(u.cloud)
    verdicts.push(...u.verdicts)
    unusedRouteTables += u.unusedRouteTables
    const judgement: Scope = {
      cloud: u.cloud,
      ...(u.unit !== undefined ? { unit: u.unit } : {}),
      ...(u.label !== undefined ? { label: u.label } : {}),
    }
    for (const finding of u.findings) raw.push({ finding, judgement })
  }
  // Skipped files belong to no model: judged once, with the first cloud.
  const fallback: CloudName = [...judged][0] ?? (options.cloud === 'auto' ? 'AzureCloud' : options.cloud)
  // Loaded only when needed: without any, the merge runs without the rules and the analysis.
  const needed = diagnostics.length > 0 || raw.some(({ finding }) => finding.format === 'live')
  const tool = needed ? await tools() : undefined
  if (tool && diagnostics.length > 0)
    for (const finding of tool.scanLevelFindings(diagnostics, fallback))
      raw.push({ finding, judgement: { cloud: fallback } })

  const clouds = CLOUDS.filter((c) => judged.has(c))
  const manyClouds = clouds.length > 1
  // Lines reported by more than one unit: their findings name the root module they are about.
  const unitsAt = new Map<string, Set<string | undefined>>()
  for (const r of raw) {
    if (r.finding.format === 'live') continue
    const k = (r.place = placeKey(r.finding))
    const set = unitsAt.get(k)
    if (set) set.add(r.judgement.unit)
    else unitsAt.set(k, new Set([r.judgement.unit]))
  }
  const sharedPlaces = new Set([...unitsAt].filter(([, u]) => u.size > 1).map(([k]) => k))
  const findings: Finding[] = []
  const seen = new Map<string, Finding>()
  const unitName = unitNamer(root)
  for (const { finding, judgement, place } of raw) {
    const f = markDeployed(
      labelled(finding, judgement, manyClouds, root, sharedPlaces, unitName, place),
      tool,
    )
    // The same finding from two clouds (a parse error) is one finding; from two units it is two.
    const key = findingKey(f)
    const first = seen.get(key)
    if (first) {
      // The same verdict written in two places: the other place is related.
      if (!sameLines(first.location, f.location)) first.related = [...(first.related ?? []), f.location]
      continue
    }
    seen.set(key, f)
    findings.push(f)
  }
  const policy = applyUserPolicy(findings, options.config, first.repoRoot, first.boundary, readFile)
  // A broken config is reported whatever the config says (it may be what turned a rule off).
  const kept = [...policy.findings, ...configProblemFindings(options.config)]
  kept.sort(compareFindings)
  // Files that could not be read are KMS012 "Skipped" notices, whether discovery or reading left them out.
  const skipped = diagnostics.filter((d) => d.message.startsWith('Skipped this file')).length
  const read = Math.max(0, first.files - (skipped - first.skippedAtDiscovery))
  const baseline = options.baseline && applyBaseline(kept, options.baseline, root)
  // Same-named VNets of two units read apart in every format (labels qualified across the report).
  labelReport([...kept, ...policy.suppressed.map((s) => s.finding)], verdicts)
  const declaredVnets = new Map<string, { key: string; unit: string; vnets: Set<string> }>()
  for (const u of judgedUnits)
    for (const v of u.vnets?.declared ?? []) {
      const key = unitName({ cloud: u.cloud, ...(u.unit !== undefined ? { unit: u.unit } : {}) })
      if (key === undefined) continue
      const entry = declaredVnets.get(v.unit) ?? { key, unit: v.unit, vnets: new Set<string>() }
      declaredVnets.set(v.unit, entry)
      entry.vnets.add(v.name)
    }
  const crossUnit = crossUnitOf(judgedUnits, unitName)
  return {
    verdict: scanVerdict(verdicts, { read, skipped }, unusedRouteTables),
    clouds: clouds.length > 0 ? clouds : [fallback],
    findings: baseline ? baseline.fresh : kept,
    suppressed: policy.suppressed,
    filesScanned: first.files,
    root,
    ...(baseline ? { baseline: { known: baseline.known.length, fixed: baseline.fixed } } : {}),
    ...(first.units ? { units: first.units } : {}),
    ...(first.terraformCalls ? { terraformCalls: first.terraformCalls } : {}),
    ...(declaredVnets.size > 0
      ? {
          declaredVnets: [...declaredVnets.values()].map((d) => ({ ...d, vnets: [...d.vnets].sort() })),
        }
      : {}),
    ...(crossUnit.length > 0 ? { crossUnit } : {}),
  }
}

/** One unit's part in the exchange of VNet facts, or several units' of one key (their variants) together. */
interface CrossEntry {
  declares: Map<string, VnetNeed>
  needs: Map<string, VnetNeed>
  firewallNeeds: Map<string, FirewallNeed>
  firewalls: Set<string>
  facts: Set<string>
  connects: Map<string, VnetNeed>
  siteGateways: Set<string>
  gateways: Set<string>
  unnamed: boolean
}

/**
 * Each unit's own entry (null: it takes no part), with the fields it was worked out from: the second pass
 * sets `received` on units after they came in, and an entry of a unit since changed is worked out again.
 */
const crossEntries = new WeakMap<
  JudgedUnit,
  { vnets: JudgedUnit['vnets']; received: JudgedUnit['received']; entry: CrossEntry | null }
>()

const needId = (n: VnetNeed) => `${n.name.toLowerCase()}\u0000${n.key?.toLowerCase() ?? ''}`

/** A unit's own part in the exchange of VNet facts; null when it takes none. Read only: units may share it. */
function crossEntryOf(u: JudgedUnit): CrossEntry | null {
  const cached = crossEntries.get(u)
  if (cached && cached.vnets === u.vnets && cached.received === u.received) return cached.entry
  const entry = unitCrossEntry(u)
  crossEntries.set(u, { vnets: u.vnets, received: u.received, entry })
  return entry
}

function unitCrossEntry(u: JudgedUnit): CrossEntry | null {
  const needs = u.received?.needs ?? u.vnets?.needs ?? []
  const declared = u.vnets?.declared ?? []
  const firewallNeeds = u.vnets?.firewallNeeds ?? []
  const firewalls = u.vnets?.firewalls ?? []
  // What it attaches to subnets it reads reaches their VNets' units as a hub connection does (PR mode).
  const connections = [
    ...(u.vnets?.connections ?? []),
    ...(u.vnets?.attachments ?? []).map((a): { name: string; key?: string } => ({ name: a.vnet })),
    ...(u.vnets?.readVnetGateways ?? []).map((g) => ({ name: g.name, key: g.key })),
  ]
  const sites = u.vnets?.sites ?? []
  const gateways = u.vnets?.vpnGateways ?? []
  const unnamed = u.vnets?.unnamed === true
  const parts = [needs, declared, firewallNeeds, firewalls, connections, sites, gateways]
  if (parts.every((p) => p.length === 0) && !unnamed && !u.received) return null
  const e: CrossEntry = {
    declares: new Map(),
    needs: new Map(),
    firewallNeeds: new Map(),
    firewalls: new Set<string>(),
    facts: new Set<string>(),
    connects: new Map(),
    siteGateways: new Set<string>(),
    gateways: new Set<string>(),
    unnamed: false,
  }
  for (const d of declared) e.declares.set(needId(d), { name: d.name, ...(d.key ? { key: d.key } : {}) })
  for (const n of needs) e.needs.set(needId(n), n)
  for (const n of firewallNeeds) e.firewallNeeds.set(JSON.stringify(n).toLowerCase(), n)
  for (const f of firewalls) e.firewalls.add(f.name)
  if (u.received) e.facts.add(u.received.facts)
  for (const c of connections) e.connects.set(needId(c), { name: c.name, ...(c.key ? { key: c.key } : {}) })
  for (const s of sites) e.siteGateways.add(s.gateway.name)
  for (const g of gateways) e.gateways.add(g.name)
  if (unnamed) e.unnamed = true
  return e
}

/** `a` then `b`, as one unit's entry after the other's: a new entry (neither is changed). */
function joinedEntries(a: CrossEntry, b: CrossEntry): CrossEntry {
  const map = <V>(x: Map<string, V>, y: Map<string, V>) => {
    const m = new Map(x)
    for (const [k, v] of y) m.set(k, v)
    return m
  }
  const set = (x: Set<string>, y: Set<string>) => new Set([...x, ...y])
  return {
    declares: map(a.declares, b.declares),
    needs: map(a.needs, b.needs),
    firewallNeeds: map(a.firewallNeeds, b.firewallNeeds),
    firewalls: set(a.firewalls, b.firewalls),
    facts: set(a.facts, b.facts),
    connects: map(a.connects, b.connects),
    siteGateways: set(a.siteGateways, b.siteGateways),
    gateways: set(a.gateways, b.gateways),
    unnamed: a.unnamed || b.unnamed,
  }
}

/**
 * The merge's work on judged units that needs no other unit, done as they come in from the scan workers
 * (scan-isolated.ts), while the calling thread would otherwise wait: each unit's part in the exchange of
 * VNet facts, its verdicts' keys and its fixes' text, kept by object for finishScan and the reports to
 * find. Whatever it has not done (units judged on this thread, a unit changed since) is done when needed.
 */
export function prepareMerge(judged: readonly JudgedUnit[]): void {
  for (const u of judged) {
    crossEntryOf(u)
    for (const v of u.verdicts) verdictKey(v)
    for (const f of u.findings) fixText(f)
  }
}

/**
 * Each unit's part in the exchange of VNet facts (ScanResult.crossUnit), by unit key (its variants
 * together): what it declares, what it needed when judged alone, the facts it was judged again with.
 */
function crossUnitOf(
  judged: readonly JudgedUnit[],
  unitName: (j: Scope) => string | undefined,
): UnitCrossVnets[] {
  const byKey = new Map<string, CrossEntry>()
  for (const u of judged) {
    const own = crossEntryOf(u)
    if (!own) continue
    const key = unitName({ cloud: u.cloud, ...(u.unit !== undefined ? { unit: u.unit } : {}) })
    if (key === undefined) continue
    const e = byKey.get(key)
    byKey.set(key, e ? joinedEntries(e, own) : own)
  }
  return [...byKey].map(([key, e]) => ({
    key,
    declares: [...e.declares.values()],
    needs: [...e.needs.values()],
    ...(e.firewalls.size > 0 ? { declaresFirewalls: [...e.firewalls] } : {}),
    ...(e.firewallNeeds.size > 0 ? { firewallNeeds: [...e.firewallNeeds.values()] } : {}),
    ...(e.facts.size > 0 ? { facts: [...e.facts].sort().join('+') } : {}),
    ...(e.connects.size > 0 ? { connects: [...e.connects.values()] } : {}),
    ...(e.siteGateways.size > 0 ? { siteGateways: [...e.siteGateways] } : {}),
    ...(e.gateways.size > 0 ? { gateways: [...e.gateways] } : {}),
    ...(e.unnamed ? { declaresUnnamed: true as const } : {}),
  }))
}
