/** Shared pieces for building findings: grouping paths, naming addresses and subnets, message parts. */
import type { KmsPath } from '../analysis/types'
import { displayName } from '../analysis/lookup'
import { KMS_CATALOGUE, KMS_DATES, type CloudName, type KmsAddress } from '../kms/catalogue'
import type {
  AzureFirewall,
  FirewallRule,
  ModelObject,
  NetworkModel,
  NsgRule,
  Route,
  RouteTable,
  SourceDiagnostic,
  Subnet,
} from '../model/network'
import type { Origin, Value } from '../model/value'
import { vnetMentionOf, type VnetMention } from '../model/vnet'
import { azureRef } from './identity'
import { mentionTexts, vnetSlot } from './mention-text'
import type { Finding, PathHop, Rule, RuleContext, Severity, SubnetPath } from './types'

/** Groups items by key, keeping first-seen order. */
export function groupBy<T>(items: T[], key: (t: T) => string | undefined): Map<string, T[]> {
  const m = new Map<string, T[]>()
  for (const i of items) {
    const k = key(i)
    if (k === undefined) continue
    const list = m.get(k)
    if (list) list.push(i)
    else m.set(k, [i])
  }
  return m
}

export function unique<T>(items: T[]): T[] {
  return [...new Set(items)]
}

/** `a`, `a and b`, `a, b and c`. */
export function listText(items: string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

/** Addresses of the paths in catalogue order (current first). */
export function addressesOf(paths: KmsPath[]): string[] {
  return unique(paths.map((p) => p.kms.address))
}

/**
 * A subnet as Azure names it, with its virtual network (`vnet-spoke/snet-app`): subnet names repeat across
 * spokes; VNet names too, so a shared one is qualified (`vnet-spoke (rg-spoke-a)/snet-app`).
 */
export function subnetLabel(s: ModelObject): string {
  const subnet = s as Partial<Subnet>
  const vnet = subnet.vnetName
  // A VNet whose name another VNet of the scan shares carries its resource group (src/model/vnet.ts).
  // The VNet's label is a slot (mention-text.ts): the report may qualify it once every unit is read.
  return vnet?.known && s.name.known
    ? `${vnetSlot(subnet.vnetLabel ?? vnet.value)}/${s.name.value}`
    : displayName(s)
}

export function subnetsOf(paths: KmsPath[]): string[] {
  return unique(paths.flatMap((p) => (p.subnet ? [subnetLabel(p.subnet)] : [])))
}

/** Each subnet with the path its own KMS traffic takes, for the summary's drawing. */
export function subnetPathsOf(paths: KmsPath[]): SubnetPath[] {
  const seen = new Set<string>()
  const out: SubnetPath[] = []
  for (const p of paths) {
    if (!p.subnet) continue
    const subnet = subnetLabel(p.subnet)
    const key = `${subnet}\u0000${p.text}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push({ subnet, path: p.text, hops: hopsOf(p) })
  }
  return out
}

const azureName = (o: ModelObject | undefined): string | undefined =>
  o?.name.known ? o.name.value : undefined

const knownText = (v: { known: true; value: string } | { known: false } | undefined): string | undefined =>
  v?.known ? v.value : undefined

/**
 * The path's steps as Azure names and values. Only known values are kept: an unresolved name stays
 * unnamed rather than shown as the expression it came from.
 */
export function hopsOf(p: KmsPath): PathHop[] {
  const hops: PathHop[] = []
  for (const s of p.steps) {
    const hop: PathHop = { kind: s.kind }
    const name = azureName(s.object)
    switch (s.kind) {
      case 'subnet': {
        const prefixes = (s.object as Subnet | undefined)?.addressPrefixes
        if (prefixes?.known && prefixes.value.length > 0) hop.detail = prefixes.value.join(', ')
        break
      }
      case 'routeTable':
        // Named by the object alone: its label falls back to the IaC address.
        break
      case 'route':
        // The label is the winning prefix (or "(unresolved)"), always ours.
        hop.detail = s.label
        break
      case 'nextHop': {
        const ip =
          s.object === undefined && s.label === 'VirtualAppliance' ? p.selection.nextHopIpAddress : undefined
        hop.detail = s.label + (ip?.known ? ` ${ip.value}` : '')
        break
      }
      case 'firewall': {
        const ip = knownText((s.object as AzureFirewall | undefined)?.privateIpAddress)
        if (ip) hop.detail = ip
        break
      }
      case 'firewallRule':
        hop.detail = p.firewall?.action === 'unknown' ? 'undecided' : (p.firewall?.action ?? '')
        break
      case 'nsg': {
        const nsg = p.nsg
        const nsgName = azureName(nsg?.nsg)
        if (nsgName) hop.name = nsgName
        const rule = nsg?.rule ? azureName(nsg.rule) : nsg?.defaultRule
        hop.detail = `${rule ? `${rule} ` : ''}${nsg?.access ?? ''}`.trim()
        hops.push(hop)
        continue
      }
      default:
        // internet, onPremises, dropped, appliance: the label is an outcome or a literal address.
        hop.detail = s.label
    }
    if (name !== undefined) hop.name = name
    hops.push(hop)
  }
  return hops
}

/**
 * What a finding about a group of paths says of them: the first path, the subnets, each subnet's path,
 * and the paths themselves (makeFinding takes the affected subnets and deciding sources from them).
 */
export function pathParts(
  paths: KmsPath[],
): Pick<Finding, 'path' | 'subnets' | 'subnetPaths'> & { paths: KmsPath[] } {
  return { path: paths[0]!.text, subnets: subnetsOf(paths), subnetPaths: subnetPathsOf(paths), paths }
}

/** The objects whose blocks (and inputs) decided a path, in path order. */
function decidingObjects(p: KmsPath): (ModelObject | undefined)[] {
  const winner = p.selection.winner?.kind === 'user' ? p.selection.winner.route : undefined
  const fw = p.firewall
  const fwWinner =
    p.firewallSubnetSelection?.winner?.kind === 'user' ? p.firewallSubnetSelection.winner.route : undefined
  return [
    p.subnet,
    p.routeTable,
    winner,
    p.decidingRoute,
    fw?.firewall,
    fw?.policy,
    fw?.group,
    fw?.collection,
    fw?.rule,
    p.firewallSubnetSelection?.table,
    fwWinner,
    p.nsg?.nsg,
    p.nsg?.rule,
    p.deciding,
    ...p.steps.map((s) => s.object),
    ...p.unknowns.map((u) => u.object),
  ]
}

/** Every place whose change could change these verdicts (Finding.sources), each once. */
export function sourcesOf(paths: KmsPath[], at?: ModelObject): Origin[] {
  // Each place once, in the order first met, as the last origin given for it (a Map's set keeps the first
  // position and the last value). Keyed by file, then by the lines as one number: a string key per
  // origin (file and lines joined) was most of the rules' own time.
  const out: Origin[] = []
  const slots = new Map<string, Map<number | string, number>>()
  const add = (o: Origin | undefined) => {
    if (!o) return
    let lines = slots.get(o.file)
    if (!lines) slots.set(o.file, (lines = new Map()))
    // The two lines as one small integer when both are below 2^15 (nearly always: no string to build,
    // no heap number); else as a string, which no number key can equal.
    const key: number | string =
      o.startLine >= 0 &&
      o.startLine < 0x8000 &&
      o.endLine >= 0 &&
      o.endLine < 0x8000 &&
      Number.isInteger(o.startLine) &&
      Number.isInteger(o.endLine)
        ? o.startLine * 0x8000 + o.endLine
        : `${o.startLine}\u0000${o.endLine}`
    const slot = lines.get(key)
    if (slot === undefined) {
      lines.set(key, out.length)
      out.push(o)
    } else out[slot] = o
  }
  const addObject = (o: ModelObject | undefined) => {
    if (!o) return
    add(o.origin)
    for (const i of o.inputs ?? []) add(i)
  }
  addObject(at)
  for (const p of paths) {
    for (const o of decidingObjects(p)) addObject(o)
    add(p.subnet?.routeTableOrigin)
    add(p.subnet?.nsgOrigin)
    for (const u of p.unknowns) add(u.value.origin)
  }
  return out
}

/** "Windows VMs in snet-a and snet-b", or a note that no subnet uses the table yet. */
export function whoText(paths: KmsPath[]): string {
  const s = subnetsOf(paths)
  return s.length > 0
    ? `Windows VMs in ${listText(s)}`
    : 'Windows VMs in any subnet this route table is associated with'
}

export function currentOf(cloud: CloudName): KmsAddress[] {
  return KMS_CATALOGUE[cloud].current.addresses.map((address) => ({
    cloud,
    address,
    kind: 'current' as const,
    fqdn: KMS_CATALOGUE[cloud].current.fqdn,
  }))
}

/** Every KMS address of the cloud, the list Microsoft asks routes and rules for. */
export function allAddresses(cloud: CloudName): string[] {
  const c = KMS_CATALOGUE[cloud]
  return [...c.current.addresses, ...c.legacy.addresses]
}

/** The sentence about Microsoft's address change, for the public cloud where it applies. */
export function datesText(cloud: CloudName): string {
  const c = KMS_CATALOGUE[cloud]
  if (cloud !== 'AzureCloud') return `Windows uses ${c.current.fqdn} (${listText([...c.current.addresses])}).`
  return (
    `Since ${KMS_DATES.newAddressesLive} ${c.current.fqdn} resolves to ${listText([...c.current.addresses])}, and since ` +
    `${KMS_DATES.legacyFqdnMoved} ${c.legacy.fqdn} points at ${c.current.addresses[0]}.`
  )
}

/** The default severity of a latent finding (a route table no scanned subnet uses), per rule severity. */
export const LATENT_SEVERITY: Record<Severity, Severity> = {
  error: 'warning',
  warning: 'notice',
  notice: 'notice',
}

export const WHY_PUBLIC = 'Azure KMS only activates requests that arrive from an Azure public IP address'

/**
 * The value of a hop whose text makes it match KMS traffic: a route's prefix, a rule's destinations. Where it
 * was written is where the hop is the user's to change (a next hop handed in by the caller is not enough:
 * the route itself is still the module's).
 */
function decisiveValue(at: ModelObject): Value<unknown> | undefined {
  const o = at as Partial<Route & NsgRule & FirewallRule>
  return o.addressPrefix ?? o.destinationAddressPrefixes ?? o.destinationAddresses
}

const plain = (o: Origin): Origin => ({ file: o.file, startLine: o.startLine, endLine: o.endLine })

/**
 * The line a person changes when the hop's decisive value was written in another file than the hop's
 * block: the module call argument, the tfvars entry, the caller's parameter (Origin.from).
 */
function writtenElsewhere(at: ModelObject): Origin | undefined {
  for (const o of [decisiveValue(at)?.origin, at.origin])
    if (o?.from && o.from.file !== at.origin.file) return plain(o.from)
  return undefined
}

export function makeFinding(
  rule: Rule,
  ctx: RuleContext,
  at: ModelObject,
  parts: Omit<Finding, 'ruleId' | 'severity' | 'title' | 'location' | 'resource' | 'cloud' | 'format'> &
    Partial<Pick<Finding, 'location' | 'resource' | 'format'>> & {
      /** The paths the finding is about: its affected subnets and the sources that decided it. */
      paths?: KmsPath[]
    },
): Finding {
  const f: Finding = {
    ruleId: rule.id,
    severity: rule.severity,
    title: rule.title,
    location: parts.location ?? at.origin,
    resource: parts.resource ?? at.address,
    cloud: ctx.cloud,
    format: parts.format ?? at.format,
    message: parts.message,
    kmsAddresses: parts.kmsAddresses,
  }
  const caller = parts.location ? undefined : writtenElsewhere(at)
  if (caller) {
    f.location = caller
    f.related = [plain(at.origin)]
  }
  if (parts.path !== undefined) f.path = parts.path
  // A verdict on a route table no scanned subnet uses breaks nothing yet: latent, one level lower.
  if (parts.path !== undefined && (parts.subnets ?? []).length === 0) {
    f.latent = true
    f.severity = LATENT_SEVERITY[rule.severity]
  }
  if (parts.fix !== undefined) f.fix = parts.fix
  if (parts.subnets !== undefined && parts.subnets.length > 0) f.subnets = parts.subnets
  if (parts.subnetPaths !== undefined && parts.subnetPaths.length > 0) f.subnetPaths = parts.subnetPaths
  const paths = parts.paths ?? []
  const affected: ModelObject[] = unique(paths.flatMap((p) => (p.subnet ? [p.subnet] : [])))
  // A finding anchored on a subnet (no outbound access, a subnet-level verdict) harms that subnet.
  if (affected.length === 0 && ctx.model.subnets.includes(at as never)) affected.push(at)
  if (affected.length > 0) f.affected = affected.map((s) => azureRef(ctx.model, s))
  const vnets = vnetMentionsOf(affected)
  if (vnets.length > 0) f.vnets = vnets
  mentionTexts(f, (label) => mentionByLabel(ctx.model, label))
  f.hop = azureRef(ctx.model, at)
  f.sources = sourcesOf(paths, at)
  return f
}

const byLabel = new WeakMap<NetworkModel, Map<string, Subnet>>()
const labelOf = (s: Subnet): string | undefined =>
  s.vnetLabel ?? (s.vnetName?.known ? s.vnetName.value : undefined)

/**
 * The VNet of the model that its unit labels `label` (labelVnets gives two VNets two labels). Indexed once
 * per model, again when the model changed since (a subnet added, labels given again).
 */
function mentionByLabel(model: NetworkModel, label: string): VnetMention | undefined {
  const index = () => {
    const subnets = new Map<string, Subnet>()
    for (const s of model.subnets) {
      const l = labelOf(s)
      if (l !== undefined && !subnets.has(l)) subnets.set(l, s)
    }
    byLabel.set(model, subnets)
    return subnets
  }
  let s = byLabel.get(model)?.get(label)
  if (!s || labelOf(s) !== label) s = index().get(label)
  return s && vnetMentionOf(s)
}

/** The VNets of the subnets, each label once (a unit labels one VNet one way). */
function vnetMentionsOf(subnets: readonly ModelObject[]): VnetMention[] {
  const out = new Map<string, VnetMention>()
  for (const s of subnets) {
    const m = vnetMentionOf(s as Subnet)
    if (m && !out.has(m.label)) out.set(m.label, m)
  }
  return [...out.values()]
}

/** A finding from a source's diagnostic (KMS011 unresolved module, KMS012 unreadable file), at its origin. */
export function diagnosticFinding(
  rule: Rule,
  ctx: RuleContext,
  d: SourceDiagnostic,
  message: string,
): Finding {
  return {
    ruleId: rule.id,
    severity: d.severity ?? rule.severity,
    title: d.title ?? rule.title,
    message,
    location: d.origin,
    resource: d.address ?? d.origin.file,
    kmsAddresses: [],
    cloud: ctx.cloud,
    ...(d.readFine ? { readFine: true as const } : {}),
  }
}

/** A route's readable description: `route default-to-onprem (0.0.0.0/0) in rt-spoke`. */
export function routeText(route: Route, tableName?: string): string {
  const prefix = route.addressPrefix.known ? ` (${route.addressPrefix.value})` : ''
  if (route.managedBy) return `managed route ${displayName(route)}${prefix} of ${route.managedBy}`
  return `route ${displayName(route)}${prefix}${tableName ? ` in route table ${tableName}` : ''}`
}

/** The route table a route belongs to. */
export function tableOfRoute(ctx: RuleContext, route: Route): RouteTable | undefined {
  return ctx.model.routeTables.find((t) => t.id === route.routeTableId)
}
