/** Builders for hand-made network models (Terraform-shaped ids and origins). */
import type {
  AzureFirewall,
  FirewallPolicy,
  FirewallRule,
  FirewallRuleCollection,
  IpGroup,
  ModelObject,
  NetworkModel,
  NetworkSecurityGroup,
  NsgRule,
  Route,
  RouteTable,
  RuleCollectionGroup,
  SourceFormat,
  Subnet,
} from '../../src/model/network'
import { emptyModel } from '../../src/model/network'
import { known, type Origin, type Value } from '../../src/model/value'

export const FILE = '/repo/main.tf'
let line = 1

export function at(startLine: number, file = FILE): Origin {
  return { file, startLine, endLine: startLine + 4 }
}

/** A Value from a plain value, or the given Value as is. */
export function v<T>(x: T | Value<T>): Value<T> {
  if (x !== null && typeof x === 'object' && 'known' in (x as object)) return x as Value<T>
  return known(x as T)
}

function base(id: string, name: string, sourceType: string, format: SourceFormat = 'terraform'): ModelObject {
  const origin = at((line += 10))
  return { id, name: known(name, origin), origin, format, sourceType, address: id }
}

export function route(
  tableId: string,
  name: string,
  prefix: string | Value<string>,
  hop: string | Value<string>,
  ip?: string | Value<string>,
  sourceType = 'azurerm_route_table',
): Route {
  const r: Route = {
    ...base(`${tableId}.route.${name}`, name, sourceType),
    routeTableId: tableId,
    addressPrefix: v(prefix),
    nextHopType: v(hop),
  }
  if (ip !== undefined) r.nextHopIpAddress = v(ip)
  return r
}

export function routeTable(
  id: string,
  name: string,
  routes: (Route | [string, string, string?])[] = [],
): RouteTable {
  const t: RouteTable = {
    ...base(id, name, 'azurerm_route_table'),
    routes: [],
    bgpRoutePropagation: known(true),
  }
  t.routes = routes.map((r, i) => (Array.isArray(r) ? route(id, `r${i}`, r[0], r[1], r[2]) : r))
  return t
}

export function subnet(
  id: string,
  name: string,
  prefixes: string[] | Value<string[]>,
  opts: {
    routeTable?: string | Value<string>
    nsg?: string | Value<string>
    nat?: string
    outbound?: boolean | Value<boolean>
  } = {},
): Subnet {
  const s: Subnet = { ...base(id, name, 'azurerm_subnet'), addressPrefixes: v(prefixes) }
  if (opts.routeTable !== undefined) s.routeTableId = v(opts.routeTable)
  if (opts.nsg !== undefined) s.nsgId = v(opts.nsg)
  if (opts.nat !== undefined) s.natGatewayId = known(opts.nat)
  if (opts.outbound !== undefined) s.defaultOutboundAccess = v(opts.outbound)
  return s
}

export function nsgRule(
  nsgId: string,
  name: string,
  r: {
    priority: number | Value<number>
    access: string
    direction?: string
    protocol?: string
    destinations?: string[]
    sources?: string[]
    ports?: string[]
  },
): NsgRule {
  return {
    ...base(`${nsgId}.security_rule.${name}`, name, 'azurerm_network_security_group'),
    nsgId,
    priority: v(r.priority),
    direction: known(r.direction ?? 'Outbound'),
    access: known(r.access),
    protocol: known(r.protocol ?? 'Tcp'),
    sourceAddressPrefixes: known(r.sources ?? ['*']),
    destinationAddressPrefixes: known(r.destinations ?? ['*']),
    destinationPortRanges: known(r.ports ?? ['*']),
  }
}

export function nsg(id: string, name: string, rules: NsgRule[]): NetworkSecurityGroup {
  return { ...base(id, name, 'azurerm_network_security_group'), rules }
}

export function fwRule(
  id: string,
  r: {
    protocols?: string[]
    sources?: string[] | Value<string[]>
    destinations?: string[] | Value<string[]>
    fqdns?: string[]
    ipGroups?: string[]
    ports?: string[]
  },
): FirewallRule {
  return {
    ...base(id, id.split('.').pop()!, 'azurerm_firewall_policy_rule_collection_group'),
    protocols: known(r.protocols ?? ['TCP']),
    sourceAddresses: v(r.sources ?? ['*']),
    sourceIpGroups: known([]),
    destinationAddresses: v(r.destinations ?? []),
    destinationIpGroups: known(r.ipGroups ?? []),
    destinationFqdns: known(r.fqdns ?? []),
    destinationPorts: known(r.ports ?? ['1688']),
  }
}

export function collection(
  id: string,
  priority: number | Value<number>,
  action: string,
  rules: FirewallRule[],
  kind: FirewallRuleCollection['kind'] = 'network',
): FirewallRuleCollection {
  return {
    ...base(id, id, 'azurerm_firewall_network_rule_collection'),
    kind,
    priority: v(priority),
    action: known(action),
    rules,
  }
}

export function group(
  id: string,
  policyId: string,
  priority: number,
  collections: FirewallRuleCollection[],
): RuleCollectionGroup {
  return {
    ...base(id, id, 'azurerm_firewall_policy_rule_collection_group'),
    policyId: known(policyId),
    priority: known(priority),
    collections,
  }
}

export function policy(
  id: string,
  groups: RuleCollectionGroup[],
  opts: { dnsProxy?: boolean; base?: string } = {},
): FirewallPolicy {
  const p: FirewallPolicy = { ...base(id, id, 'azurerm_firewall_policy'), ruleCollectionGroups: groups }
  if (opts.dnsProxy !== undefined) p.dnsProxy = known(opts.dnsProxy)
  if (opts.base !== undefined) p.basePolicyId = known(opts.base)
  return p
}

export function firewall(
  id: string,
  ip: string | Value<string>,
  opts: {
    policy?: string
    classic?: FirewallRuleCollection[]
    dnsProxy?: boolean
    forcedTunnelling?: boolean
    subnet?: string
  } = {},
): AzureFirewall {
  const f: AzureFirewall = {
    ...base(id, id.split('.').pop()!, 'azurerm_firewall'),
    privateIpAddress: v(ip),
    classicCollections: opts.classic ?? [],
    forcedTunnelling: opts.forcedTunnelling ?? false,
  }
  if (opts.policy) f.policyId = known(opts.policy)
  if (opts.dnsProxy !== undefined) f.dnsProxy = known(opts.dnsProxy)
  if (opts.subnet) f.subnetId = known(opts.subnet)
  return f
}

export function ipGroup(id: string, cidrs: string[]): IpGroup {
  return { ...base(id, id, 'azurerm_ip_group'), cidrs: known(cidrs) }
}

export function model(parts: Partial<NetworkModel>): NetworkModel {
  return { ...emptyModel(), ...parts }
}
