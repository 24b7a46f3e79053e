/**
 * Outbound NSG evaluation for one KMS request, as Azure does it: custom outbound rules by priority, then
 * the default rules AllowVnetOutBound (65000), AllowInternetOutBound (65001) and DenyAllOutBound (65500);
 * the first rule that matches decides.
 *
 * Azure platform exception (NSG overview, "Azure platform considerations"): traffic to the Windows KMS
 * endpoints on 1688 is let out by a platform rule NSGs do not see, unless the subnet's route table
 * overrides 0.0.0.0/0 or a rule denies the AzurePlatformLKM service tag. So an NSG deny only breaks
 * activation when the exception is off.
 */
import { KMS_PORT } from '../kms/catalogue'
import type {
  EffectiveRouteEntry,
  ModelObject,
  NetworkSecurityGroup,
  NsgRule,
  Route,
  RouteTable,
} from '../model/network'
import { type Tri, triAnd, triOr, unknown } from '../model/value'
import { accessOf, type Candidate, firstMatch } from './first-match'
import { destinationCovers, isKmsServiceTag, parseIpv4Prefix, portsCover, sourcesCover } from './addresses'
import type { NsgVerdict, UnresolvedValue } from './types'

interface DefaultRule {
  name: string
  priority: number
  access: 'Allow' | 'Deny'
  covers: (address: string) => boolean
}

/** Only the Internet default rule can match a KMS address: VirtualNetwork never contains it. */
const DEFAULT_OUTBOUND: readonly DefaultRule[] = [
  { name: 'AllowVnetOutBound', priority: 65000, access: 'Allow', covers: () => false },
  { name: 'AllowInternetOutBound', priority: 65001, access: 'Allow', covers: () => true },
  { name: 'DenyAllOutBound', priority: 65500, access: 'Deny', covers: () => true },
]

/**
 * The traffic fields an NSG rule and a Virtual Network Manager security admin rule share: what a rule
 * matches, whatever decides what it does with the match.
 */
export type TrafficRule = ModelObject &
  Pick<
    NsgRule,
    | 'direction'
    | 'protocol'
    | 'sourceAddressPrefixes'
    | 'destinationAddressPrefixes'
    | 'destinationPortRanges'
    | 'sourceApplicationSecurityGroups'
  >

/**
 * Does an outbound rule match TCP 1688 from `source` (subnet prefixes, 'unknown', or 'any' for a
 * table no subnet uses) to `address`?
 */
export function matchTraffic(
  rule: TrafficRule,
  source: string[] | 'unknown' | 'any',
  address: string,
): { match: Tri; unknowns: UnresolvedValue[] } {
  // Written out without helper closures: it runs for every rule, subnet and KMS address, and its
  // closures and arrays were a large part of the analysis' garbage. Unknowns are named in field order.
  let unknowns: UnresolvedValue[] | undefined
  const { direction, protocol, destinationPortRanges: ports, destinationAddressPrefixes: dests } = rule
  let dir: Tri = 'unknown'
  if (direction.known) dir = isWord(direction.value, 'outbound', 'Outbound')
  else (unknowns ??= []).push({ value: direction, attribute: 'direction', object: rule })
  let proto: Tri = 'unknown'
  if (protocol.known) proto = isTcp(protocol.value)
  else (unknowns ??= []).push({ value: protocol, attribute: 'protocol', object: rule })
  let port: Tri = 'unknown'
  if (ports.known) port = portsCover(ports.value, KMS_PORT)
  else (unknowns ??= []).push({ value: ports, attribute: 'destinationPortRanges', object: rule })
  // Application security groups hold VMs; a KMS address is never in one.
  let dest: Tri = 'unknown'
  if (dests.known) dest = dests.value.some((d) => destinationCovers(d, address, 'nsg'))
  else (unknowns ??= []).push({ value: dests, attribute: 'destinationAddressPrefixes', object: rule })
  let src: Tri = true
  if (source !== 'any') {
    const asgs = rule.sourceApplicationSecurityGroups
    const sources = rule.sourceAddressPrefixes
    let bySrcPrefix: Tri = 'unknown'
    if (sources.known)
      bySrcPrefix = sources.value.length === 0 ? false : sourcesCover(sources.value, source, 'nsg')
    else (unknowns ??= []).push({ value: sources, attribute: 'sourceAddressPrefixes', object: rule })
    let byAsg: Tri = false
    if (asgs && (!asgs.known || asgs.value.length > 0)) {
      // Which VMs are in an application security group is not in the network sources.
      byAsg = 'unknown'
      const value = asgs.known
        ? unknown(
            asgs.value.join(', '),
            'membership of application security groups is not known statically',
            asgs.origin,
          )
        : asgs
      ;(unknowns ??= []).push({ value, attribute: 'sourceApplicationSecurityGroups', object: rule })
    }
    src = triOr(bySrcPrefix, byAsg)
  }
  const match = triAnd(triAnd(dir, proto), triAnd(triAnd(port, dest), src))
  return { match, unknowns: match === 'unknown' && unknowns ? unknowns : [] }
}

/** `text`, trimmed, in lower case is `lower`; `usual` is its usual spelling, answered without a copy. */
function isWord(text: string, lower: string, usual: string): boolean {
  return text === usual || text === lower || text.trim().toLowerCase() === lower
}

/** A protocol that carries TCP: `Tcp`, `*`, `Any` (any case). */
function isTcp(text: string): boolean {
  if (text === 'Tcp' || text === '*') return true
  const p = text.trim().toLowerCase()
  return p === 'tcp' || p === '*' || p === 'any'
}

/** An active user or BGP 0.0.0.0/0 among effective routes: Azure's default route is overridden. */
export function overridesDefault(e: EffectiveRouteEntry): boolean {
  return (
    e.state === 'Active' &&
    (e.source === 'User' || e.source === 'VirtualNetworkGateway') &&
    e.addressPrefix.some((p) => parseIpv4Prefix(p)?.bits === 0)
  )
}

/**
 * User routes beside the subnet's own table that count for the platform exception: Virtual Network
 * Manager's managed routes (`sure`), and those that may apply (`maybe`, with why).
 */
export interface ExtraRoutes {
  sure: Route[]
  maybe: { route: Route; why: UnresolvedValue }[]
}

/**
 * Is the platform exception for KMS in force on this subnet? `table`: the subnet's route table, or its
 * unresolved reference (its routes could override 0.0.0.0/0). `effective`: the subnet's effective routes
 * (live state) beside the table, where a 0.0.0.0/0 learned over BGP overrides the default route too.
 * `extra`: managed routes Virtual Network Manager adds to the table.
 */
export function platformException(
  nsg: NetworkSecurityGroup | undefined,
  table: RouteTable | UnresolvedValue | undefined,
  effective?: EffectiveRouteEntry[],
  extra?: ExtraRoutes,
): {
  on: Tri
  unknowns: UnresolvedValue[]
} {
  const unknowns: UnresolvedValue[] = []
  let overrides: Tri = false
  const routeTable = table && 'value' in table ? undefined : table
  if (table && 'value' in table) {
    overrides = 'unknown'
    unknowns.push(table)
  }
  for (const { route, why } of extra?.maybe ?? [])
    if (!route.addressPrefix.known || parseIpv4Prefix(route.addressPrefix.value)?.bits === 0) {
      overrides = triOr(overrides, 'unknown')
      unknowns.push(why)
    }
  for (const routes of [routeTable?.routes ?? [], extra?.sure ?? []])
    for (const r of routes) {
      if (!r.addressPrefix.known) {
        overrides = triOr(overrides, 'unknown')
        unknowns.push({ value: r.addressPrefix, attribute: 'addressPrefix', object: r })
      } else {
        const p = parseIpv4Prefix(r.addressPrefix.value)
        if (p && p.bits === 0) overrides = true
      }
    }
  const propagation = routeTable?.bgpRoutePropagation
  for (const e of effective ?? []) {
    if (!overridesDefault(e)) continue
    // A 0.0.0.0/0 learned over BGP applies only if the table lets BGP routes in.
    if (e.source === 'VirtualNetworkGateway' && propagation && !propagation.known) {
      overrides = triOr(overrides, 'unknown')
      unknowns.push({ value: propagation, attribute: 'bgpRoutePropagation', object: routeTable! })
    } else overrides = true
  }
  let deniesLkm: Tri = false
  for (const rule of nsg?.rules ?? []) {
    // Why this rule may deny the tag, in field order (no closures: this runs per subnet and address).
    const why: UnresolvedValue[] = []
    const dests = rule.destinationAddressPrefixes
    let names: Tri = 'unknown'
    if (dests.known) names = dests.value.some(isKmsServiceTag)
    else why.push({ value: dests, attribute: 'destinationAddressPrefixes', object: rule })
    const access = accessOf(rule.access, 'access', rule)
    if (access.unresolved) why.push(access.unresolved)
    const denies: Tri = access.access === 'unknown' ? 'unknown' : access.access === 'Deny'
    let outbound: Tri = 'unknown'
    if (rule.direction.known) outbound = isWord(rule.direction.value, 'outbound', 'Outbound')
    else why.push({ value: rule.direction, attribute: 'direction', object: rule })
    const t = triAnd(names, triAnd(denies, outbound))
    deniesLkm = triOr(deniesLkm, t)
    if (t === 'unknown') unknowns.push(...why)
  }
  const off = triOr(overrides, deniesLkm)
  const on: Tri = off === 'unknown' ? 'unknown' : !off
  return { on, unknowns: on === 'unknown' ? unknowns : [] }
}

/** Does the NSG block KMS? Only a deny with the platform exception off does. */
export function nsgBlocks(v: NsgVerdict): Tri {
  if (v.access === 'Allow') return false
  if (v.platformException === true) return false
  if (v.access === 'Deny' && v.platformException === false) return true
  return 'unknown'
}

/**
 * Evaluates a subnet's (or a NIC's) NSG for TCP 1688 to `address` (`table`, `effective`, `extra`: see
 * platformException).
 */
export function evaluateNsg(
  nsg: NetworkSecurityGroup,
  source: string[] | 'unknown' | 'any',
  address: string,
  table: RouteTable | UnresolvedValue | undefined,
  effective?: EffectiveRouteEntry[],
  extra?: ExtraRoutes,
): NsgVerdict {
  const exception = platformException(nsg, table, effective, extra)
  // Fields set one by one, not spread in: on Node 20 an object spread followed by more fields costs a few µs
  // per object, and this runs for every rule, subnet and KMS address.
  const candidates: Candidate<NsgRule>[] = rulesByPriority(nsg).map((rule) => {
    const { match, unknowns } = matchTraffic(rule, source, address)
    return {
      item: rule,
      match,
      unknowns,
      access: accessOf(rule.access, 'access', rule),
      unplaced: rule.priority.known ? [] : [{ value: rule.priority, attribute: 'priority', object: rule }],
    }
  })
  const fallback = DEFAULT_OUTBOUND.find((r) => r.covers(address))!
  const { decided, access, unknowns } = firstMatch(candidates, fallback.access)
  return {
    nsg,
    access,
    rule: decided,
    defaultRule: decided ? undefined : fallback.name,
    platformException: exception.on,
    unknowns,
  }
}

/**
 * The NSG's rules by priority (stable: equal priorities keep their order), sorted once per NSG rather than
 * for every subnet and KMS address that asks. The model is complete before the analysis runs.
 */
const sortedRules = new WeakMap<NetworkSecurityGroup, { rules: NsgRule[]; sorted: NsgRule[] }>()

function rulesByPriority(nsg: NetworkSecurityGroup): NsgRule[] {
  const hit = sortedRules.get(nsg)
  // Should the rules change (a model laid over another), they are sorted again.
  if (hit && hit.rules.length === nsg.rules.length && hit.rules.every((r, i) => r === nsg.rules[i]))
    return hit.sorted
  const sorted = [...nsg.rules].sort((a, b) => priorityOf(a) - priorityOf(b))
  sortedRules.set(nsg, { rules: [...nsg.rules], sorted })
  return sorted
}

function priorityOf(rule: NsgRule): number {
  return rule.priority.known ? rule.priority.value : 0
}
