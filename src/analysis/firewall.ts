/**
 * Azure Firewall evaluation for one KMS request (TCP 1688 to one address). Reproduces Azure's rule
 * processing: only network rules can match non-HTTP(S) traffic such as KMS, so application rules never
 * do; with a policy, the base (parent) policy's rule collection groups come before the child's, groups
 * by priority, then collections by priority; classic firewalls take collections by priority. The first
 * matching rule decides; if none matches, the firewall denies. Network rules match FQDNs only when DNS
 * proxy is on (the firewall must resolve the name itself).
 */
import { KMS_PORT, addressesOfFqdn } from '../kms/catalogue'
import type {
  AzureFirewall,
  FirewallPolicy,
  FirewallRule,
  FirewallRuleCollection,
  ModelObject,
  RuleCollectionGroup,
} from '../model/network'
import { type Tri, type Value, triAnd, triOr, unknown } from '../model/value'
import { accessOf, type Candidate, firstMatch } from './first-match'
import { destinationCovers, portsCover, prefixContains, sourcesCover } from './addresses'
import type { ModelIndex } from './lookup'
import type { FirewallVerdict, UnresolvedValue } from './types'
import { presentWith } from './conditions'

/**
 * Whether a firewall whose private address Azure assigns at deployment holds `address`: it does when the
 * address is in its AzureFirewallSubnet (the subnet is the firewall's alone: Azure requires the name and
 * lets nothing else in, so any address there is the firewall's), it does not when the subnet's prefixes
 * are known and none holds it; undefined when its subnet is not in the model or its prefixes are unknown.
 * Templates commonly write the address Azure will assign (`10.0.1.4` for 10.0.1.0/26) as a literal.
 */
export function firewallSubnetHolds(
  fw: AzureFirewall,
  address: string,
  index: ModelIndex,
): boolean | undefined {
  const subnet = fw.subnetId?.known ? index.subnets.get(fw.subnetId.value) : undefined
  if (!subnet?.addressPrefixes.known || subnet.addressPrefixes.value.length === 0) return undefined
  const held = subnet.addressPrefixes.value.map((p) => prefixContains(p, address))
  if (held.includes(true)) return true
  return held.every((h) => h === false) ? false : undefined
}

/**
 * The modelled Azure Firewall a VirtualAppliance next hop points at: its known private address equals
 * the hop, the hop is the (apply-time) private address attribute of that firewall, or a literal hop lies
 * in the AzureFirewallSubnet of a firewall whose address is assigned at deployment.
 */
export function firewallForNextHop(
  hop: Value<string> | undefined,
  index: ModelIndex,
): AzureFirewall | undefined {
  if (!hop) return undefined
  // Another unit's firewall (NetworkModel.foreign) is reached only through a hop that refers to it.
  for (const fw of index.firewalls.values()) {
    if (hop.known && fw.privateIpAddress.known && fw.privateIpAddress.value.trim() === hop.value.trim())
      return fw
    if (!hop.known && hop.ref?.resource === fw.id) return fw
  }
  if (!hop.known) return undefined
  return index.model.firewalls.find(
    (fw) => !fw.privateIpAddress.known && firewallSubnetHolds(fw, hop.value.trim(), index) === true,
  )
}

/** The policy chain, base first; `unknowns` when a base policy cannot be resolved. */
export function policyChain(
  policy: FirewallPolicy,
  index: ModelIndex,
): { chain: FirewallPolicy[]; unknowns: UnresolvedValue[] } {
  const chain: FirewallPolicy[] = [policy]
  const unknowns: UnresolvedValue[] = []
  let p: FirewallPolicy | undefined = policy
  while (p?.basePolicyId) {
    const ref: Value<string> = p.basePolicyId
    const base: FirewallPolicy | undefined = ref.known ? index.policies.get(ref.value) : undefined
    if (!base) {
      const value = ref.known ? unknown(ref.value, 'base policy not in the scanned sources', ref.origin) : ref
      unknowns.push({ value, attribute: 'basePolicyId', object: p })
      break
    }
    if (chain.includes(base)) break
    chain.unshift(base)
    p = base
  }
  return { chain, unknowns }
}

/** DNS proxy with the unresolved values behind an unknown answer. */
interface DnsProxy {
  on: Tri
  unknowns: UnresolvedValue[]
}

function settingOf(v: Value<boolean>, object: ModelObject): DnsProxy {
  return v.known
    ? { on: v.value, unknowns: [] }
    : { on: 'unknown', unknowns: [{ value: v, attribute: 'dnsProxy', object }] }
}

/**
 * DNS proxy of a policy: its own setting, else inherited from its base policy; not set anywhere = off,
 * unless a base policy cannot be resolved (it could set it).
 */
function policyDnsProxySetting(policy: FirewallPolicy, index: ModelIndex): DnsProxy {
  const { chain, unknowns } = policyChain(policy, index)
  for (const p of [...chain].reverse()) if (p.dnsProxy) return settingOf(p.dnsProxy, p)
  return unknowns.length > 0 ? { on: 'unknown', unknowns } : { on: false, unknowns: [] }
}

function firewallDnsProxySetting(fw: AzureFirewall, index: ModelIndex): DnsProxy {
  const p = firewallPolicy(fw, index)
  if (p && 'value' in p) return { on: 'unknown', unknowns: [p] }
  if (p) return policyDnsProxySetting(p, index)
  return fw.dnsProxy ? settingOf(fw.dnsProxy, fw) : { on: false, unknowns: [] }
}

export function policyDnsProxy(policy: FirewallPolicy, index: ModelIndex): Tri {
  return policyDnsProxySetting(policy, index).on
}

export function firewallDnsProxy(fw: AzureFirewall, index: ModelIndex): Tri {
  return firewallDnsProxySetting(fw, index).on
}

/** The firewall's policy, resolved; an unresolved value when the reference does not resolve. */
function firewallPolicy(fw: AzureFirewall, index: ModelIndex): FirewallPolicy | UnresolvedValue | undefined {
  if (!fw.policyId) return undefined
  if (!fw.policyId.known) return { value: fw.policyId, attribute: 'policyId', object: fw }
  const p = index.policies.get(fw.policyId.value)
  if (p) return p
  return {
    value: unknown(fw.policyId.value, 'firewall policy not in the scanned sources', fw.policyId.origin),
    attribute: 'policyId',
    object: fw,
  }
}

interface Slot {
  rule: FirewallRule
  collection: FirewallRuleCollection
  group?: RuleCollectionGroup
  /** Unknown priorities on the way: we cannot place the rule in Azure's order. */
  unknowns: UnresolvedValue[]
}

function byPriority<T extends ModelObject & { priority: Value<number> }>(items: T[]): T[] {
  return [...items].sort(
    (a, b) => (a.priority.known ? a.priority.value : 0) - (b.priority.known ? b.priority.value : 0),
  )
}

function priorityUnknowns(o: ModelObject & { priority: Value<number> }): UnresolvedValue[] {
  return o.priority.known ? [] : [{ value: o.priority, attribute: 'priority', object: o }]
}

function collectionSlots(collections: FirewallRuleCollection[], group?: RuleCollectionGroup): Slot[] {
  const groupUnknowns = group ? priorityUnknowns(group) : []
  return byPriority(collections.filter((c) => c.kind === 'network')).flatMap((collection) => {
    const unknowns = [...groupUnknowns, ...priorityUnknowns(collection)]
    return collection.rules.map((rule) => ({
      rule,
      collection,
      group,
      unknowns,
    }))
  })
}

/** The network rules in Azure's processing order. */
function ruleSequence(fw: AzureFirewall, policy: FirewallPolicy | undefined, index: ModelIndex): Slot[] {
  if (!policy) return collectionSlots(fw.classicCollections)
  const { chain } = policyChain(policy, index)
  return chain.flatMap((p) =>
    byPriority(p.ruleCollectionGroups).flatMap((g) => collectionSlots(g.collections, g)),
  )
}

function listValue(
  v: Value<string[]>,
  attribute: string,
  rule: FirewallRule,
  unknowns: UnresolvedValue[],
): string[] | undefined {
  if (v.known) return v.value
  unknowns.push({ value: v, attribute, object: rule })
  return undefined
}

/** CIDRs of IP groups by id; undefined (with unknowns) when one cannot be resolved. */
function ipGroupCidrs(
  ids: Value<string[]>,
  attribute: string,
  rule: FirewallRule,
  index: ModelIndex,
  unknowns: UnresolvedValue[],
): string[] | undefined {
  const list = listValue(ids, attribute, rule, unknowns)
  if (!list) return undefined
  const cidrs: string[] = []
  let complete = true
  for (const id of list) {
    const g = index.ipGroups.get(id)
    if (!g) {
      unknowns.push({ value: unknown(id, 'IP group not in the scanned sources'), attribute, object: rule })
      complete = false
    } else if (!g.cidrs.known) {
      unknowns.push({ value: g.cidrs, attribute: 'cidrs', object: g })
      complete = false
    } else cidrs.push(...g.cidrs.value)
  }
  return complete ? cidrs : cidrs.length > 0 ? cidrs : undefined
}

/** Does a set of entries (possibly incomplete) cover the request? true if a known entry does. */
function partial(entries: string[] | undefined, covers: (e: string[]) => Tri, complete: boolean): Tri {
  const known = entries ? covers(entries) : false
  return known === true ? true : complete ? known : 'unknown'
}

/**
 * Does a network rule match TCP 1688 from the source to `address`? `source` is the subnet's prefixes,
 * 'unknown', or 'any' for a route table no subnet uses (we assume the intended sources).
 */
export function matchNetworkRule(
  rule: FirewallRule,
  source: string[] | 'unknown' | 'any',
  address: string,
  dnsProxy: DnsProxy,
  index: ModelIndex,
): { match: Tri; unknowns: UnresolvedValue[] } {
  const unknowns: UnresolvedValue[] = []
  const protocols = listValue(rule.protocols, 'protocols', rule, unknowns)
  const proto: Tri = protocols
    ? protocols.some((p) => ['tcp', 'any', '*'].includes(p.trim().toLowerCase()))
    : 'unknown'
  const ports = listValue(rule.destinationPorts, 'destinationPorts', rule, unknowns)
  const port: Tri = ports ? portsCover(ports, KMS_PORT) : 'unknown'
  // Most rules of a policy are for other ports or protocols: they cannot match, whatever else is unknown.
  if (proto === false || port === false) return { match: false, unknowns: [] }

  const dAddrs = listValue(rule.destinationAddresses, 'destinationAddresses', rule, unknowns)
  const dGroupUnknowns: UnresolvedValue[] = []
  const dGroups = ipGroupCidrs(rule.destinationIpGroups, 'destinationIpGroups', rule, index, dGroupUnknowns)
  unknowns.push(...dGroupUnknowns)
  const fqdns = listValue(rule.destinationFqdns, 'destinationFqdns', rule, unknowns)
  const coversDest = (es: string[]) => es.some((e) => destinationCovers(e, address, 'firewall'))
  const named = fqdns ? fqdns.some((f) => addressesOfFqdn(f)?.addresses.includes(address)) : 'unknown'
  // A network rule matches an FQDN only when the firewall resolves it (DNS proxy).
  const byFqdn = triAnd(named, dnsProxy.on)
  if (named === true && dnsProxy.on === 'unknown') unknowns.push(...dnsProxy.unknowns)
  const dest = triOr(
    triOr(
      partial(dAddrs, coversDest, dAddrs !== undefined),
      partial(dGroups, coversDest, dGroupUnknowns.length === 0),
    ),
    byFqdn,
  )

  if (dest === false) return { match: false, unknowns: [] }
  let src: Tri = true
  if (source !== 'any') {
    const sAddrs = listValue(rule.sourceAddresses, 'sourceAddresses', rule, unknowns)
    const sGroupUnknowns: UnresolvedValue[] = []
    const sGroups = ipGroupCidrs(rule.sourceIpGroups, 'sourceIpGroups', rule, index, sGroupUnknowns)
    unknowns.push(...sGroupUnknowns)
    const entries = [...(sAddrs ?? []), ...(sGroups ?? [])]
    const complete = sAddrs !== undefined && sGroupUnknowns.length === 0
    src = partial(entries, (es) => sourcesCover(es, source, 'firewall'), complete)
  }
  const match = triAnd(triAnd(proto, port), triAnd(dest, src))
  return { match, unknowns: match === 'unknown' ? unknowns : [] }
}

/**
 * Verdicts already reached in this analysis, by firewall, source and address: every subnet behind a hub
 * firewall asks it the same question, and a policy can hold hundreds of rules.
 */
const verdicts = new WeakMap<ModelIndex, Map<string, FirewallVerdict>>()

/** Evaluates the firewall for TCP 1688 from `source` to `address`. */
export function evaluateFirewall(
  fw: AzureFirewall,
  source: string[] | 'unknown' | 'any',
  address: string,
  index: ModelIndex,
): FirewallVerdict {
  let cache = verdicts.get(index)
  if (!cache) verdicts.set(index, (cache = new Map()))
  const key = `${fw.id}\u0000${typeof source === 'string' ? source : source.join(',')}\u0000${address}`
  let verdict = cache.get(key)
  if (!verdict) cache.set(key, (verdict = decideFirewall(fw, source, address, index)))
  return verdict
}

/**
 * A collection's action as this firewall applies it: one under the firewall's own condition (or one the
 * firewall's is nested under) is deployed whenever the firewall is, so its written action holds (else an
 * Allow under a condition is undecided).
 */
function actionOf(c: FirewallRuleCollection, fw: AzureFirewall) {
  return c.writtenAction && presentWith(c.condition, fw.condition) ? c.writtenAction : c.action
}

function decideFirewall(
  fw: AzureFirewall,
  source: string[] | 'unknown' | 'any',
  address: string,
  index: ModelIndex,
): FirewallVerdict {
  const resolved = firewallPolicy(fw, index)
  if (resolved && 'value' in resolved)
    return { firewall: fw, action: 'unknown', dnsProxy: 'unknown', unknowns: [resolved] }
  const policy = resolved
  const dnsProxy = firewallDnsProxySetting(fw, index)
  const candidates: Candidate<Slot>[] = ruleSequence(fw, policy, index).map((slot) => ({
    item: slot,
    ...matchNetworkRule(slot.rule, source, address, dnsProxy, index),
    access: accessOf(actionOf(slot.collection, fw), 'action', slot.collection),
    unplaced: slot.unknowns,
  }))
  // A base policy we cannot see comes first and could decide anything.
  const open = policy ? policyChain(policy, index).unknowns : []
  // No rule matched: the firewall denies.
  const { decided, access, unknowns } = firstMatch(candidates, 'Deny', open)
  return {
    firewall: fw,
    policy,
    dnsProxy: dnsProxy.on,
    rule: decided?.rule,
    collection: decided?.collection,
    group: decided?.group,
    action: access,
    unknowns,
  }
}
