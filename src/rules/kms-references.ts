/**
 * Routes and rules that name KMS endpoints: a route to a KMS /32, an NSG or firewall rule with a KMS
 * address or FQDN as destination. KMS005 (legacy only) and KMS010 (another cloud) judge what they name.
 */
import { destinationCovers, parseIpv4Prefix } from '../analysis/addresses'
import { policyDnsProxy, firewallDnsProxy } from '../analysis/firewall'
import { indexModel, type ModelIndex } from '../analysis/lookup'
import {
  addressesOfFqdn,
  classifyKmsAddress,
  type CloudName,
  type KmsAddress,
  type KmsAddressKind,
} from '../kms/catalogue'
import type {
  AzureFirewall,
  FirewallPolicy,
  FirewallRule,
  FirewallRuleCollection,
  NetworkModel,
  NsgRule,
  Route,
} from '../model/network'
import type { Tri } from '../model/value'

export interface NamedKms {
  /** The address or FQDN as written. */
  text: string
  cloud: CloudName
  kind: KmsAddressKind
  /** Addresses it reaches. */
  addresses: string[]
}

export type KmsReference =
  | { kind: 'route'; object: Route; named: NamedKms[] }
  | { kind: 'nsg'; object: NsgRule; named: NamedKms[]; covers: (address: string) => boolean }
  | {
      kind: 'firewall'
      object: FirewallRule
      named: NamedKms[]
      covers: (address: string) => boolean
      collection: FirewallRuleCollection
      policy?: FirewallPolicy
      firewall?: AzureFirewall
      dnsProxy: Tri
    }

/** The KMS address a route or rule destination names, by its text (null: none). Every model asks again. */
const kmsOfText = new Map<string, KmsAddress | null>()

function namedAddress(text: string): NamedKms | undefined {
  let k = kmsOfText.get(text)
  if (k === undefined) {
    const p = parseIpv4Prefix(text)
    k = (p && p.bits === 32 && classifyKmsAddress(p.address.toString())) || null
    if (kmsOfText.size > 100_000) kmsOfText.clear()
    kmsOfText.set(text, k)
  }
  return k ? { text, cloud: k.cloud, kind: k.kind, addresses: [k.address] } : undefined
}

function namedFqdn(text: string): NamedKms | undefined {
  const f = addressesOfFqdn(text)
  return f ? { text, cloud: f.cloud, kind: f.kind, addresses: f.addresses } : undefined
}

const defined = <T>(x: T | undefined): x is T => x !== undefined

/** Every route and rule that names a KMS address or FQDN of any cloud. */
export function kmsReferences(model: NetworkModel): KmsReference[] {
  // Indexed only for a firewall rule that names KMS (its DNS proxy setting): three rules ask this of every
  // unit, and nearly none has such a rule.
  let index: ModelIndex | undefined
  const indexed = (): ModelIndex => (index ??= indexModel(model))
  const refs: KmsReference[] = []
  for (const t of model.routeTables)
    for (const r of t.routes) {
      const n = r.addressPrefix.known ? namedAddress(r.addressPrefix.value) : undefined
      if (n) refs.push({ kind: 'route', object: r, named: [n] })
    }
  for (const nsg of model.nsgs)
    for (const r of nsg.rules) {
      if (!r.destinationAddressPrefixes.known) continue
      const dests = r.destinationAddressPrefixes.value
      const named = dests.map(namedAddress).filter(defined)
      if (named.length > 0)
        refs.push({
          kind: 'nsg',
          object: r,
          named,
          covers: (a) => dests.some((d) => destinationCovers(d, a, 'nsg')),
        })
    }
  const fwRules = (
    collections: FirewallRuleCollection[],
    ctx: { policy?: FirewallPolicy; firewall?: AzureFirewall },
  ) => {
    // The setting of the policy or firewall, once, when one of its rules names KMS.
    let dnsProxy: Tri | undefined
    const dnsProxyOf = (): Tri =>
      (dnsProxy ??= ctx.policy
        ? policyDnsProxy(ctx.policy, indexed())
        : ctx.firewall
          ? firewallDnsProxy(ctx.firewall, indexed())
          : false)
    for (const c of collections) {
      if (c.kind !== 'network') continue
      for (const r of c.rules) {
        const dests = r.destinationAddresses.known ? r.destinationAddresses.value : []
        const fqdns = r.destinationFqdns.known ? r.destinationFqdns.value : []
        const named = [...dests.map(namedAddress), ...fqdns.map(namedFqdn)].filter(defined)
        if (named.length === 0) continue
        const covers = (a: string) =>
          dests.some((d) => destinationCovers(d, a, 'firewall')) ||
          fqdns.some((f) => addressesOfFqdn(f)?.addresses.includes(a) === true)
        refs.push({
          kind: 'firewall',
          object: r,
          named,
          covers,
          collection: c,
          ...ctx,
          dnsProxy: dnsProxyOf(),
        })
      }
    }
  }
  for (const p of model.firewallPolicies)
    for (const g of p.ruleCollectionGroups) fwRules(g.collections, { policy: p })
  for (const f of model.firewalls) fwRules(f.classicCollections, { firewall: f })
  return refs
}
