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
import type { EffectiveRouteEntry, NetworkSecurityGroup, NsgRule, RouteTable } from '../model/network'
import { type Tri, type Value, triAnd, triOr, unknown, valueOr } from '../model/value'
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

function accessOf(rule: NsgRule): 'Allow' | 'Deny' | 'unknown' {
  if (!rule.access.known) return 'unknown'
  const a = rule.access.value.trim().toLowerCase()
  return a === 'allow' ? 'Allow' : a === 'deny' ? 'Deny' : 'unknown'
}

function isOutbound(rule: NsgRule): Tri {
  return rule.direction.known ? rule.direction.value.trim().toLowerCase() === 'outbound' : 'unknown'
}

/**
 * Does an outbound rule match TCP 1688 from `source` (subnet prefixes, 'unknown', or 'any' for a
 * table no subnet uses) to `address`?
 */
export function matchNsgRule(
  rule: NsgRule,
  source: string[] | 'unknown' | 'any',
  address: string,
): { match: Tri; unknowns: UnresolvedValue[] } {
  const unknowns: UnresolvedValue[] = []
  const tri = <T>(v: Value<T>, attribute: string, f: (x: T) => Tri): Tri => {
    if (v.known) return f(v.value)
    unknowns.push({ value: v, attribute, object: rule })
    return 'unknown'
  }
  const dir = isOutbound(rule)
  if (!rule.direction.known) unknowns.push({ value: rule.direction, attribute: 'direction', object: rule })
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
 * Is the platform exception for KMS in force on this subnet? `effective`: the subnet's effective routes
 * (live state) beside the table, where a 0.0.0.0/0 learned over BGP overrides the default route too.
 */
export function platformException(
  nsg: NetworkSecurityGroup | undefined,
  table: RouteTable | undefined,
  effective?: EffectiveRouteEntry[],
): {
  on: Tri
  unknowns: UnresolvedValue[]
} {
  const unknowns: UnresolvedValue[] = []
  let overrides: Tri = false
  for (const r of table?.routes ?? []) {
    if (!r.addressPrefix.known) {
      overrides = triOr(overrides, 'unknown')
      unknowns.push({ value: r.addressPrefix, attribute: 'addressPrefix', object: r })
    } else {
      const p = parseIpv4Prefix(r.addressPrefix.value)
      if (p && p.bits === 0) overrides = true
    }
  }
  if (effective?.some(overridesDefault)) overrides = true
  let deniesLkm: Tri = false
  for (const rule of nsg?.rules ?? []) {
    const names =
      rule.destinationAddressPrefixes.known && rule.destinationAddressPrefixes.value.some(isKmsServiceTag)
    if (names && accessOf(rule) === 'Deny' && isOutbound(rule) !== false) deniesLkm = true
  }
  const off = triOr(overrides, deniesLkm)
  const on: Tri = off === 'unknown' ? 'unknown' : !off
  return { on, unknowns: on === 'unknown' ? unknowns : [] }
}

/** Evaluates the subnet's NSG for TCP 1688 to `address` (`effective`: see platformException). */
export function evaluateNsg(
  nsg: NetworkSecurityGroup,
  source: string[] | 'unknown' | 'any',
  address: string,
  table: RouteTable | undefined,
  effective?: EffectiveRouteEntry[],
): NsgVerdict {
  const exception = platformException(nsg, table, effective)
  const rules = nsg.rules
    .map((rule) => ({ rule, ...matchNsgRule(rule, source, address) }))
    .filter((m) => m.match !== false)
  const ordered = rules
    .filter((m) => m.rule.priority.known)
    .sort((a, b) => valueOr(a.rule.priority, 0) - valueOr(b.rule.priority, 0))
  const pending: { access: string; unknowns: UnresolvedValue[] }[] = []
  let decided: { rule?: NsgRule; defaultRule?: string; access: 'Allow' | 'Deny' | 'unknown' } | undefined
  for (const m of ordered) {
    const access = accessOf(m.rule)
    if (m.match === 'unknown') {
      pending.push({ access, unknowns: m.unknowns })
      continue
    }
    decided = { rule: m.rule, access }
    if (access === 'unknown') {
      const a = m.rule.access
      const value = a.known ? unknown(a.value, 'not Allow or Deny', a.origin) : a
      pending.push({ access, unknowns: [{ value, attribute: 'access', object: m.rule }] })
    }
    break
  }
  if (!decided) {
    const d = DEFAULT_OUTBOUND.find((r) => r.covers(address))!
    decided = { defaultRule: d.name, access: d.access }
  }
  for (const m of rules.filter((x) => !x.rule.priority.known))
    pending.push({
      access: accessOf(m.rule),
      unknowns: [
        {
          value: unknown(`priority of ${m.rule.address}`, 'unresolved'),
          attribute: 'priority',
          object: m.rule,
        },
        ...m.unknowns,
      ],
    })
  const conflicting = pending.filter((p) => p.access !== decided.access || p.access === 'unknown')
  const base = { nsg, rule: decided.rule, defaultRule: decided.defaultRule, platformException: exception.on }
  if (conflicting.length > 0 || decided.access === 'unknown')
    return { ...base, access: 'unknown', unknowns: conflicting.flatMap((p) => p.unknowns) }
  return { ...base, access: decided.access, unknowns: [] }
}
