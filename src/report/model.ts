/**
 * The one report model every person-facing output is rendered from (the pull request comment, the job
 * summary, `--format markdown`, the check run's title): the verdict, the counts, the findings grouped
 * for reading (failing, existing, fixed, suppressed) and the distinct paths KMS traffic takes. Plain data
 * and plain text: render.ts escapes it for Markdown, diagram.ts for Mermaid.
 */
import type { CloudName } from '../kms/catalogue'
import { allRules } from '../rules/index'
import type { Finding, PathHop, Severity, SubnetPath } from '../rules/types'
import type { ScanResult } from '../pipeline/scan-types'
import type { Suppressed } from '../suppress/inline'
import type { ScanVerdict, SubnetVerdict } from '../analysis/verdict'
import { verdictFails, verdictHeadline } from './verdict'
import { countFindings, failsAt, plural, sortFindings, type Counts, type FailOn } from './exit'
import { shortFix } from './fix/short'
import { refKey } from '../rules/identity'
import { displayPath, repoPath } from './paths'
import { refLabel } from '../rules/identity'

/** What the run judged: a pull request (the change), or the network as written (push, schedule, CLI). */
export type ReportEvent = 'pull-request' | 'branch' | 'cli'

export interface ReportInput {
  result: ScanResult
  /** Repository root (or the CLI's cwd): paths are shown relative to it. */
  root: string
  event: ReportEvent
  failOn: FailOn
  /** The findings that decide the run (new ones on a pull request); default: all of result.findings. */
  failing?: readonly Finding[]
  /** Findings listed but not failing (on the base branch already, or outside the scope). */
  existing?: readonly Finding[]
  /** Findings of the base that the change removes. */
  fixed?: readonly Finding[]
  /** On a pull request: the subnets the change fixes and those it newly exposes (src/compare). */
  subnetChanges?: SubnetChanges
  /** `https://github.com/OWNER/REPO/blob/SHA`: locations link to their lines. */
  blobUrl?: string
  /** Undecided subnets (or nothing judged) fail the run too. */
  failOnUnknown?: boolean
}

/** Subnets by readable Azure name (`vnet-spoke/snet-app`), each with the rules concerned. */
export interface SubnetChanges {
  fixed: { subnet: string; rules: string[] }[]
  exposed: { subnet: string; rules: string[] }[]
}

export interface Location {
  /** `infra/spoke.tf:12-18`, or an ARM id for deployed resources. */
  text: string
  url?: string
}

/** Findings with the same rule, cause and fix, read as one line. */
export interface FindingGroup {
  ruleId: string
  title: string
  severity: Severity
  findings: Finding[]
  /** Affected subnets by Azure name, each once. */
  subnets: string[]
  /** The decisive hop, in Azure names (`rt-spoke 0.0.0.0/0 → VPN gateway → on-premises`). */
  hop: string
  /** The fix in a few words. */
  fix: string
  locations: Location[]
}

/** A path KMS traffic takes, and every subnet that takes it. */
export interface PathGroup {
  subnets: { name: string; prefix?: string }[]
  /** The hops after the subnet; a name several subnets do not share is replaced by a count. */
  hops: PathHop[]
  /** True when the path ends before Azure KMS (dropped, denied, on-premises, undecided). */
  broken: boolean
}

export interface ReportCounts {
  /** Findings that decide the run, by severity. */
  failing: Counts
  /** Every finding of the scan (the action's `findings` output). */
  all: Counts
  /**
   * Findings of the scan that do not decide the run (outside the scope, deployed without fail-on-deployed).
   */
  notFailing: Counts
  existing: number
  fixed: number
  suppressed: number
  /** Distinct subnets the failing errors block. */
  blockedSubnets: number
}

export interface ReportModel {
  event: ReportEvent
  failOn: FailOn
  /** True when the failing findings reach fail-on: the check fails and the CLI exits 1. */
  fails: boolean
  /** The worst severity among the failing findings (decides the verdict's icon), if any. */
  worst?: Severity
  /** One sentence, our words and counts only. */
  verdict: string
  counts: ReportCounts
  lines: FindingGroup[]
  existing: FindingGroup[]
  fixed: FindingGroup[]
  /** On a pull request: which subnets the change fixes and which it newly exposes. */
  subnetChanges?: SubnetChanges
  suppressed: Suppressed[]
  paths: PathGroup[]
  /** Subnets whose KMS path could not be followed to its end: named with the hop, why, and the remedy. */
  undecided: SubnetVerdict[]
  /** Each subnet's verdict and the scan's overall one (src/analysis/verdict.ts). */
  scan: ScanVerdict
  failOnUnknown: boolean
  clouds: CloudName[]
  filesScanned: number
  root: string
}

const KMS = 'Windows activation (KMS, TCP 1688)'

export function buildReport(input: ReportInput): ReportModel {
  const failing = sortFindings(input.failing ?? input.result.findings)
  const failingSet = new Set(failing)
  const failOnUnknown = input.failOnUnknown === true
  const scanVerdict = input.result.verdict
  const fails = failsAt(failing, input.failOn) || verdictFails(scanVerdict, failOnUnknown)
  const counts: ReportCounts = {
    failing: countFindings(failing),
    all: countFindings(input.result.findings),
    notFailing: countFindings(input.result.findings.filter((f) => !failingSet.has(f))),
    existing: input.existing?.length ?? 0,
    fixed: input.fixed?.length ?? 0,
    suppressed: input.result.suppressed.length,
    blockedSubnets: new Set(failing.filter((f) => f.severity === 'error').flatMap(subnetIdentitiesOf)).size,
  }
  const worst = failing[0]?.severity
  return {
    event: input.event,
    failOn: input.failOn,
    fails,
    ...(worst ? { worst } : {}),
    verdict: verdictSentence(input.event, counts, scanVerdict, fails, input.failOn),
    counts,
    lines: groupFindings(failing, input),
    existing: groupFindings(sortFindings(input.existing ?? []), input),
    fixed: groupFindings(sortFindings(input.fixed ?? []), input),
    ...(input.subnetChanges ? { subnetChanges: input.subnetChanges } : {}),
    suppressed: [...input.result.suppressed],
    paths: pathGroups(failing),
    undecided: scanVerdict.subnets.filter((s) => s.state === 'undecided'),
    scan: scanVerdict,
    failOnUnknown,
    clouds: input.result.clouds.length > 0 ? [...input.result.clouds] : ['AzureCloud'],
    filesScanned: input.result.filesScanned,
    root: input.root,
  }
}

/**
 * The verdict, true to the event: a pull request is judged as a change, anything else as written. The
 * findings say what blocks; the scan's verdict says what could not be followed or that nothing was judged,
 * so a scan that found no subnet, or could not follow some, never reads as a clean pass.
 */
export function verdictSentence(
  event: ReportEvent,
  c: ReportCounts,
  v: ScanVerdict,
  fails: boolean,
  failOn: FailOn,
): string {
  const subject = event === 'pull-request' ? 'This pull request' : 'The network as written'
  const check = fails ? `the check fails (fail-on: ${failOn})` : `the check passes (fail-on: ${failOn})`
  const { errors, warnings, notices } = c.failing
  if (errors === 0 && v.overall === 'none') return `${verdictHeadline(v)}; ${check}.`
  if (errors === 0 && v.undecided > 0)
    return (
      `${subject} does not block ${KMS} where the scan could follow it, but it could not be decided for ` +
      `${v.undecided} of ${plural(v.subnets.length, 'subnet')}` +
      `${warnings > 0 ? `, and ${plural(warnings, 'warning')} need a look` : ''}; ${check}.`
    )
  if (errors > 0) {
    const whom = c.blockedSubnets > 0 ? plural(c.blockedSubnets, 'subnet') : plural(errors, 'error')
    const rest = [
      warnings > 0 ? plural(warnings, 'warning') : '',
      notices > 0 ? plural(notices, 'notice') : '',
    ]
      .filter((s) => s !== '')
      .join(' and ')
    return `${subject} blocks ${KMS} for ${whom}${rest ? `, with ${rest}` : ''}; ${check}.`
  }
  if (warnings > 0)
    return (
      `${subject} does not block ${KMS}, but ${plural(warnings, 'warning')} ` +
      `${notices > 0 ? `and ${plural(notices, 'notice')} ` : ''}need a look; ${check}.`
    )
  if (notices > 0)
    return (
      `${subject} does not block ${KMS} where the scan could follow it; ${plural(notices, 'notice')} ` +
      `${notices === 1 ? 'names what it' : 'name what it'} could not decide; ${check}.`
    )
  const judged = v.subnets.length
  const reach =
    v.overall === 'reachable' && judged > 0
      ? `; it reaches Azure KMS from ${judged === 1 ? 'the 1 subnet' : `all ${judged} subnets`} judged`
      : ''
  return event === 'pull-request'
    ? `This pull request adds nothing that blocks ${KMS}${reach}.`
    : `Nothing in the network as written blocks ${KMS}${reach}.`
}

/** The finding's subnets by Azure name, each once. */
/** The subnets a finding harms, by Azure identity where known: same-named subnets of two VNets are two. */
function subnetIdentitiesOf(f: Finding): string[] {
  if (f.affected && f.affected.length > 0) return [...new Set(f.affected.map(refKey))]
  return subnetsOf(f)
}

export function subnetsOf(f: Finding): string[] {
  if (f.subnets && f.subnets.length > 0) return [...new Set(f.subnets)]
  return [...new Set((f.subnetPaths ?? []).map((p) => p.subnet))]
}

/** The hops after the subnet (the first hop), of the finding's first path with hops. */
function hopsAfterSubnet(p: SubnetPath | undefined): PathHop[] | undefined {
  if (!p?.hops) return undefined
  return p.hops[0]?.kind === 'subnet' ? p.hops.slice(1) : p.hops
}

/** The shape of a path: its hops without names, so spokes with their own route tables share it. */
function shapeKey(hops: PathHop[]): string {
  return hops.map((h) => `${h.kind}:${h.detail ?? ''}`).join('|')
}

const NEXT_HOP: Record<string, string> = {
  VirtualNetworkGateway: 'VPN/ExpressRoute gateway',
  VnetLocal: 'virtual network (no way out)',
  VirtualAppliance: 'virtual appliance',
  None: 'None (dropped)',
  Internet: 'Internet',
  unknown: 'next hop not known',
}

const OUTCOME: Record<string, string> = {
  internet: 'Azure KMS ✓',
  gateway: 'on-premises ✗',
  none: 'dropped ✗',
  vnetLocal: 'dropped ✗',
  appliance: 'appliance (not verified)',
  noOutbound: 'no outbound access ✗',
}

/** A hop as a person reads it: Azure name and address, never an IaC address or expression. */
export function hopLabel(h: PathHop): string {
  switch (h.kind) {
    case 'subnet':
      return [h.name ?? 'subnet (name not known)', h.detail].filter(Boolean).join(' ')
    case 'routeTable':
      return h.name ?? 'route table (name not known)'
    case 'route':
      return `${h.name ? `route ${h.name} ` : ''}${h.detail ?? ''}`.trim()
    case 'nextHop': {
      const [type, ip] = (h.detail ?? 'unknown').split(' ')
      return `${NEXT_HOP[type!] ?? type}${ip ? ` ${ip}` : ''}`
    }
    case 'firewall':
      return [h.name ?? 'Azure Firewall (name not known)', h.detail].filter(Boolean).join(' ')
    case 'firewallRule':
      return `${h.name ? `rule ${h.name}` : 'no rule matched'}: ${h.detail === 'Deny' ? 'Deny ✗' : (h.detail ?? '')}`
    case 'nsg':
      return `${h.name ?? 'NSG (name not known)'}: ${h.detail ?? ''}${/Deny$/.test(h.detail ?? '') ? ' ✗' : ''}`
    case 'internet':
    case 'onPremises':
    case 'dropped':
      return OUTCOME[h.detail ?? ''] ?? h.detail ?? ''
    case 'appliance':
      return `appliance ${h.detail ?? ''}`.trim()
  }
}

/**
 * Route table and route read as one hop (`rt-spoke 0.0.0.0/0`); the route's next hop and the outcome
 * follow. Names that differ across the group (spokes with their own tables) become a count.
 */
export function hopsText(hops: PathHop[]): string[] {
  const out: string[] = []
  for (let i = 0; i < hops.length; i++) {
    const h = hops[i]!
    const next = hops[i + 1]
    if (h.kind === 'routeTable' && next?.kind === 'route') {
      // `rt-spoke 0.0.0.0/0`: the table names the hop, the prefix says which of its routes won.
      out.push(`${hopLabel(h)} ${next.detail ?? ''}`.trim())
      i++
    } else out.push(hopLabel(h))
  }
  return out
}

/** Replaces names that differ across paths of the same shape with a count (`60 route tables`). */
function mergeHops(all: PathHop[][]): PathHop[] {
  const first = all[0]!
  return first.map((h, i) => {
    const names = new Set(all.map((hops) => hops[i]?.name))
    if (names.size <= 1) return h
    const noun: Partial<Record<PathHop['kind'], string>> = {
      routeTable: 'route tables',
      route: 'routes',
      firewall: 'firewalls',
      firewallRule: 'rules',
      nsg: 'NSGs',
      subnet: 'subnets',
    }
    const merged: PathHop = { ...h, name: `${names.size} ${noun[h.kind] ?? 'hops'}` }
    // A route keeps its prefix, only the name goes.
    if (h.kind === 'route') delete merged.name
    return merged
  })
}

/**
 * The hops that decide a finding: the NSG rule when the fix is an NSG rule, else the way out after the
 * subnet's NSG (route table, next hop, firewall, where it ends).
 */
function decisiveHops(f: Finding): PathHop[] | undefined {
  const hops = hopsAfterSubnet(f.subnetPaths?.[0])
  if (!hops) return undefined
  if (f.fix?.kind === 'allow-kms-nsg') {
    const nsg = hops.filter((h) => h.kind === 'nsg')
    return nsg.length > 0 ? nsg : hops
  }
  return hops.filter((h) => h.kind !== 'nsg')
}

const HOP_NOUN: Record<string, string> = {
  route: 'route',
  routeTable: 'route table',
  nsgRule: 'NSG rule',
  nsg: 'NSG',
  firewallRule: 'firewall rule',
  firewallRuleCollection: 'rule collection',
  firewall: 'firewall',
  firewallPolicy: 'firewall policy',
  subnet: 'subnet',
}

/**
 * A finding without a traced path (a rule that names the old KMS address, a firewall rule by FQDN) is
 * about its decisive hop: named as Azure names it (`firewall rule afwp-hub/rcg-platform/allow-kms/kms`),
 * never by IaC address; undefined when the source does not say the name.
 */
function azureHop(f: Finding): string | undefined {
  if (f.hop?.name === undefined) return undefined
  return `${HOP_NOUN[f.hop.kind] ?? ''} ${refLabel(f.hop)}`.trim()
}

/** What a group is keyed on: rule, severity, the decisive hops' shape, and the fix in words. */
function groupKey(f: Finding, fix: string): string {
  const hops = decisiveHops(f)
  // Without a traced path there is nothing to tell two causes apart: such findings stay one per line.
  const cause = hops ? shapeKey(hops) : `${f.location.file}\u0000${f.location.startLine}\u0000${f.resource}`
  return JSON.stringify([f.ruleId, f.severity, f.cloud, cause, fix, [...f.kmsAddresses].sort()])
}

function groupFindings(findings: readonly Finding[], input: ReportInput): FindingGroup[] {
  const groups = new Map<string, { fixes: string[]; findings: Finding[] }>()
  for (const f of findings) {
    const fix = shortFix(f, { group: false })
    const key = groupKey(f, shortFix(f, { group: true }))
    const g = groups.get(key)
    if (g) {
      g.findings.push(f)
      g.fixes.push(fix)
    } else groups.set(key, { fixes: [fix], findings: [f] })
  }
  return [...groups.values()].map(({ findings: fs, fixes }) => {
    const f = fs[0]!
    const subnets = [...new Set(fs.flatMap(subnetsOf))]
    const paths = fs.map(decisiveHops).filter((h): h is PathHop[] => !!h)
    const hop = paths.length > 0 ? hopsText(mergeHops(paths)).join(' → ') : (azureHop(f) ?? f.resource)
    return {
      ruleId: f.ruleId,
      title: f.title,
      severity: f.severity,
      findings: fs,
      subnets,
      hop,
      fix: fs.length === 1 ? fixes[0]! : shortFix(f, { group: true }),
      locations: fs.map((x) => locationOf(x, input.root, input.blobUrl)),
    }
  })
}

/** A finding's place: `file:lines` relative to the root, linked to the lines when a blob URL is known. */
export function locationOf(f: Finding, root: string, blobUrl?: string): Location {
  const { startLine, endLine } = f.location
  const lines = endLine > startLine ? `${startLine}-${endLine}` : `${startLine}`
  const text = `${displayPath(f.location.file, root)}:${lines}`
  const rel = repoPath(f.location.file, root)
  if (!blobUrl || rel === undefined) return { text }
  const anchor = endLine > startLine ? `#L${startLine}-L${endLine}` : `#L${startLine}`
  // Every segment percent-encoded (and parentheses, which encodeURIComponent keeps) so the URL cannot end the
  // link.
  const url =
    blobUrl.replace(/\/+$/, '') +
    '/' +
    rel
      .split('/')
      .map((s) => encodeURIComponent(s).replace(/\(/g, '%28').replace(/\)/g, '%29'))
      .join('/') +
    anchor
  return { text, url }
}

/** One group per distinct path (by shape and names), with every subnet that takes it. */
function pathGroups(findings: readonly Finding[]): PathGroup[] {
  const byShape = new Map<string, { subnets: Map<string, string | undefined>; hops: PathHop[][] }>()
  for (const f of findings) {
    for (const p of f.subnetPaths ?? []) {
      const hops = hopsAfterSubnet(p)
      if (!hops || hops.length === 0) continue
      const key = shapeKey(hops)
      let g = byShape.get(key)
      if (!g) byShape.set(key, (g = { subnets: new Map(), hops: [] }))
      if (g.subnets.has(p.subnet)) continue
      g.subnets.set(p.subnet, p.hops?.[0]?.kind === 'subnet' ? p.hops[0].detail : undefined)
      g.hops.push(hops)
    }
  }
  return [...byShape.values()].map((g) => {
    const hops = mergeHops(g.hops)
    const last = hops[hops.length - 1]
    return {
      subnets: [...g.subnets].map(([name, prefix]) => (prefix ? { name, prefix } : { name })),
      hops,
      broken: !(last?.kind === 'internet' && last.detail === 'internet'),
    }
  })
}

/** The rule's title by id (for findings of rules the list does not know, the finding's own). */
export function ruleTitle(id: string, fallback: string): string {
  return allRules.find((r) => r.id === id)?.title ?? fallback
}
