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
import { type Tri, type Value, triAnd, triOr, unknown } from '../model/value'
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
  const unknowns: UnresolvedValue[] = []
  const tri = <T>(v: Value<T>, attribute: string, f: (x: T) => Tri): Tri => {
    if (v.known) return f(v.value)
    unknowns.push({ value: v, attribute, object: rule })
    return 'unknown'
  }
  const dir = tri(rule.direction, 'direction', (d) => d.trim().toLowerCase() === 'outbound')
  const proto = tri(rule.protocol, 'protocol', (p) => ['tcp', '*', 'any'].includes(p.trim().toLowerCase()))
  const port = tri(rule.destinationPortRanges, 'destinationPortRanges', (ps) => portsCover(ps, KMS_PORT))
  // Application security groups hold VMs; a KMS address is never in one.
  const dest = tri(rule.destinationAddressPrefixes, 'destinationAddressPrefixes', (ds) =>
    ds.some((d) => destinationCovers(d, address, 'nsg')),
  )
  let src: Tri = true
  if (source !== 'any') {
    const asgs = rule.sourceApplicationSecurityGroups
    const bySrcPrefix = tri(rule.sourceAddressPrefixes, 'sourceAddressPrefixes', (ss) =>
      ss.length === 0 ? false : sourcesCover(ss, source, 'nsg'),
    )
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
      unknowns.push({ value, attribute: 'sourceApplicationSecurityGroups', object: rule })
    }
    src = triOr(bySrcPrefix, byAsg)
  }
  const match = triAnd(triAnd(dir, proto), triAnd(triAnd(port, dest), src))
  return { match, unknowns: match === 'unknown' ? unknowns : [] }
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
  for (const r of [...(routeTable?.routes ?? []), ...(extra?.sure ?? [])]) {
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
    const why: UnresolvedValue[] = []
    const part = <T>(v: Value<T>, attribute: string, f: (x: T) => boolean): Tri => {
      if (v.known) return f(v.value)
      why.push({ value: v, attribute, object: rule })
      return 'unknown'
    }
    const names = part(rule.destinationAddressPrefixes, 'destinationAddressPrefixes', (ds) =>
      ds.some(isKmsServiceTag),
    )
    const access = accessOf(rule.access, 'access', rule)
    if (access.unresolved) why.push(access.unresolved)
    const denies: Tri = access.access === 'unknown' ? 'unknown' : access.access === 'Deny'
    const outbound = part(rule.direction, 'direction', (d) => d.trim().toLowerCase() === 'outbound')
    const t = triAnd(names, triAnd(denies, outbound))
    deniesLkm = triOr(deniesLkm, t)
    if (t === 'unknown') unknowns.push(...why)
  }
  const off = triOr(overrides, deniesLkm)
  const on: Tri = off === 'unknown' ? 'unknown' : !off
  return { on, unknowns: on === 'unknown' ? unknowns : [] }
}

/**
 * Evaluates the subnet's NSG for TCP 1688 to `address` (`table`, `effective`, `extra`: see
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
  const candidates: Candidate<NsgRule>[] = nsg.rules.map((rule) => ({
    item: rule,
    ...matchTraffic(rule, source, address),
    access: accessOf(rule.access, 'access', rule),
    unplaced: rule.priority.known ? [] : [{ value: rule.priority, attribute: 'priority', object: rule }],
  }))
  candidates.sort((a, b) => priorityOf(a.item) - priorityOf(b.item))
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

function priorityOf(rule: NsgRule): number {
  return rule.priority.known ? rule.priority.value : 0
}
