/**
 * Deployed Azure resources, as @azure/arm-network returns them, → model objects. The live state is
 * known, so every value is Known; the one exception is a reference to a resource that was not read (another
 * subscription, a resource group outside the scan, a read that failed): `linkLiveModel` turns it into an
 * Unknown, because pointing at nothing would let the analysis believe, say, that a subnet has no route table.
 *
 * Model ids are ARM ids lowercased (ARM ids are case-insensitive and Azure itself returns them in mixed
 * case, e.g. `resourceGroups/RG-HUB` in one response and `resourcegroups/rg-hub` in another). The origin of
 * every object is its ARM id, so findings name the deployed resource.
 */
import { vnetKeyOfArmId } from '../../model/vnet'
import type {
  AzureFirewall as ArmFirewall,
  AzureFirewallApplicationRuleProtocol,
  FirewallPolicy as ArmFirewallPolicy,
  FirewallPolicyRuleApplicationProtocol,
  FirewallPolicyRuleCollectionGroup as ArmRuleCollectionGroup,
  IpGroup as ArmIpGroup,
  NatGateway as ArmNatGateway,
  NetworkSecurityGroup as ArmNsg,
  Route as ArmRoute,
  RouteTable as ArmRouteTable,
  SecurityRule as ArmSecurityRule,
  Subnet as ArmSubnet,
  VirtualNetwork as ArmVirtualNetwork,
} from '@azure/arm-network'
import type {
  AzureFirewall,
  FirewallPolicy,
  FirewallRule,
  FirewallRuleCollection,
  FirewallRuleCollectionKind,
  IpGroup,
  ModelObject,
  NatGateway,
  NetworkModel,
  NetworkSecurityGroup,
  NsgRule,
  Route,
  RouteTable,
  RuleCollectionGroup,
  Subnet,
} from '../../model/network'
import { known, unknown, type Origin, type Value } from '../../model/value'
import { liveId } from './arm-id'

export const LIVE_TYPES = {
  routeTable: 'Microsoft.Network/routeTables',
  route: 'Microsoft.Network/routeTables/routes',
  vnet: 'Microsoft.Network/virtualNetworks',
  subnet: 'Microsoft.Network/virtualNetworks/subnets',
  nsg: 'Microsoft.Network/networkSecurityGroups',
  nsgRule: 'Microsoft.Network/networkSecurityGroups/securityRules',
  natGateway: 'Microsoft.Network/natGateways',
  firewall: 'Microsoft.Network/azureFirewalls',
  firewallPolicy: 'Microsoft.Network/firewallPolicies',
  ruleCollectionGroup: 'Microsoft.Network/firewallPolicies/ruleCollectionGroups',
  ipGroup: 'Microsoft.Network/ipGroups',
} as const

export { liveId }

const lastSegment = (armId: string): string => armId.split('/').filter(Boolean).pop() ?? armId

/** The ModelObject fields of a deployed resource (or of a child without an ARM id of its own). */
export function liveHeader(armId: string, name: string | undefined, sourceType: string): ModelObject {
  const origin: Origin = { file: armId, startLine: 1, endLine: 1 }
  return {
    id: liveId(armId),
    name: known(name ?? lastSegment(armId), origin),
    origin,
    format: 'live',
    sourceType,
    address: armId,
  }
}

const list = (items: string[] | undefined, origin: Origin): Value<string[]> => known(items ?? [], origin)
const ids = (items: string[] | undefined, origin: Origin): Value<string[]> =>
  known((items ?? []).map(liveId), origin)
const ref = (sub: { id?: string } | undefined, origin: Origin): Value<string> | undefined =>
  sub?.id ? known(liveId(sub.id), origin) : undefined

/** Azure reports what it stores; a missing required field means an API shape we do not know, not a default. */
const required = <T>(v: T | undefined, what: string, origin: Origin): Value<T> =>
  v === undefined || v === null ? unknown(what, 'not returned by Azure', origin) : known(v, origin)

/** `addressPrefix` and `addressPrefixes` both exist on subnets and NSG rules; Azure fills one of them. */
function oneOrMany(one: string | undefined, many: string[] | undefined, origin: Origin): Value<string[]> {
  const out = [...(many ?? [])]
  if (one && !out.includes(one)) out.unshift(one)
  return known(out, origin)
}

// ---- route tables ----------------------------------------------------------------------------------

function mapRoute(r: ArmRoute, table: RouteTable): Route {
  const h = liveHeader(r.id ?? `${table.address}/routes/${r.name}`, r.name, LIVE_TYPES.route)
  const route: Route = {
    ...h,
    routeTableId: table.id,
    addressPrefix: required(r.addressPrefix, 'addressPrefix', h.origin),
    nextHopType: required(r.nextHopType, 'nextHopType', h.origin),
  }
  if (r.nextHopIpAddress) route.nextHopIpAddress = known(r.nextHopIpAddress, h.origin)
  return route
}

export function mapRouteTable(t: ArmRouteTable): RouteTable {
  const h = liveHeader(t.id!, t.name, LIVE_TYPES.routeTable)
  const table: RouteTable = {
    ...h,
    routes: [],
    bgpRoutePropagation: known(!t.disableBgpRoutePropagation, h.origin),
  }
  table.routes = (t.routes ?? []).map((r) => mapRoute(r, table))
  return table
}

// ---- virtual networks and subnets ------------------------------------------------------------------

export function mapSubnet(s: ArmSubnet, vnetName?: string): Subnet {
  const h = liveHeader(s.id!, s.name, LIVE_TYPES.subnet)
  const subnet: Subnet = { ...h, addressPrefixes: oneOrMany(s.addressPrefix, s.addressPrefixes, h.origin) }
  if (vnetName) subnet.vnetName = known(vnetName, h.origin)
  // The VNet by Azure identity: the subnet's ARM id names it (subscription, resource group, name).
  const vnetId = vnetKeyOfArmId(s.id!)
  if (vnetId) subnet.vnetId = known(vnetId, h.origin)
  const rt = ref(s.routeTable, h.origin)
  if (rt) {
    subnet.routeTableId = rt
    subnet.routeTableOrigin = h.origin
  }
  const nsg = ref(s.networkSecurityGroup, h.origin)
  if (nsg) {
    subnet.nsgId = nsg
    subnet.nsgOrigin = h.origin
  }
  const nat = ref(s.natGateway, h.origin)
  if (nat) subnet.natGatewayId = nat
  if (typeof s.defaultOutboundAccess === 'boolean')
    subnet.defaultOutboundAccess = known(s.defaultOutboundAccess, h.origin)
  return subnet
}

export function mapVirtualNetwork(v: ArmVirtualNetwork): Subnet[] {
  return (v.subnets ?? [])
    .filter((s) => s.id)
    .map((s) => {
      const subnet = mapSubnet(s, v.name)
      // The VNet's region: Virtual Network Manager commits configurations per region.
      if (v.location) subnet.location = known(v.location, subnet.origin)
      return subnet
    })
}

// ---- network security groups -----------------------------------------------------------------------

function mapNsgRule(r: ArmSecurityRule, nsg: NetworkSecurityGroup): NsgRule {
  const h = liveHeader(r.id ?? `${nsg.address}/securityRules/${r.name}`, r.name, LIVE_TYPES.nsgRule)
  const o = h.origin
  const rule: NsgRule = {
    ...h,
    nsgId: nsg.id,
    priority: required(r.priority, 'priority', o),
    direction: required(r.direction, 'direction', o),
    access: required(r.access, 'access', o),
    protocol: required(r.protocol, 'protocol', o),
    sourceAddressPrefixes: oneOrMany(r.sourceAddressPrefix, r.sourceAddressPrefixes, o),
    destinationAddressPrefixes: oneOrMany(r.destinationAddressPrefix, r.destinationAddressPrefixes, o),
    destinationPortRanges: oneOrMany(r.destinationPortRange, r.destinationPortRanges, o),
  }
  const asgIds = (l: { id?: string }[] | undefined) =>
    known(
      (l ?? []).flatMap((a) => (a.id ? [liveId(a.id)] : [])),
      o,
    )
  if (r.sourceApplicationSecurityGroups?.length)
    rule.sourceApplicationSecurityGroups = asgIds(r.sourceApplicationSecurityGroups)
  if (r.destinationApplicationSecurityGroups?.length)
    rule.destinationApplicationSecurityGroups = asgIds(r.destinationApplicationSecurityGroups)
  return rule
}

/** Only `securityRules`: the analysis adds Azure's default rules itself, so `defaultSecurityRules` would double them. */
export function mapNsg(n: ArmNsg): NetworkSecurityGroup {
  const nsg: NetworkSecurityGroup = { ...liveHeader(n.id!, n.name, LIVE_TYPES.nsg), rules: [] }
  nsg.rules = (n.securityRules ?? []).map((r) => mapNsgRule(r, nsg))
  return nsg
}

// ---- firewall rules --------------------------------------------------------------------------------

/** Application rule protocols `[{ protocolType: 'Https', port: 443 }]` → `['Https:443']`, as the IaC sources spell them. */
function appProtocols(
  protocols: (AzureFirewallApplicationRuleProtocol | FirewallPolicyRuleApplicationProtocol)[] | undefined,
): string[] {
  return (protocols ?? []).map((p) =>
    p.port !== undefined ? `${p.protocolType ?? ''}:${p.port}` : (p.protocolType ?? ''),
  )
}

/** The union of every rule shape we read (classic and policy; network, application and NAT). */
interface AnyRule {
  name?: string
  protocols?: unknown[]
  ipProtocols?: string[]
  sourceAddresses?: string[]
  sourceIpGroups?: string[]
  destinationAddresses?: string[]
  destinationIpGroups?: string[]
  destinationFqdns?: string[]
  targetFqdns?: string[]
  destinationPorts?: string[]
}

function mapRule(
  r: AnyRule,
  collection: ModelObject,
  kind: FirewallRuleCollectionKind,
  index: number,
): FirewallRule {
  const name = r.name ?? String(index)
  const h = liveHeader(`${collection.address}/rules/${name}`, name, `${collection.sourceType}/rules`)
  const o = h.origin
  const app = kind === 'application'
  const protocols = app
    ? appProtocols(r.protocols as AzureFirewallApplicationRuleProtocol[])
    : (r.ipProtocols ?? (r.protocols as string[] | undefined) ?? [])
  return {
    ...h,
    protocols: known(protocols, o),
    sourceAddresses: list(r.sourceAddresses, o),
    sourceIpGroups: ids(r.sourceIpGroups, o),
    destinationAddresses: list(r.destinationAddresses, o),
    destinationIpGroups: ids(r.destinationIpGroups, o),
    destinationFqdns: list(app ? (r.targetFqdns ?? r.destinationFqdns) : r.destinationFqdns, o),
    destinationPorts: list(r.destinationPorts, o),
  }
}

interface AnyCollection {
  id?: string
  name?: string
  priority?: number
  action?: { type?: string }
  rules?: AnyRule[]
}

function mapCollection(
  c: AnyCollection,
  armId: string,
  sourceType: string,
  kind: FirewallRuleCollectionKind,
): FirewallRuleCollection {
  const h = liveHeader(armId, c.name, sourceType)
  return {
    ...h,
    kind,
    priority: required(c.priority, 'priority', h.origin),
    action: required(c.action?.type, 'action.type', h.origin),
    rules: (c.rules ?? []).map((r, i) => mapRule(r, h, kind, i)),
  }
}

const CLASSIC: [keyof ArmFirewall & string, FirewallRuleCollectionKind][] = [
  ['networkRuleCollections', 'network'],
  ['applicationRuleCollections', 'application'],
  ['natRuleCollections', 'nat'],
]

// ---- firewalls and policies ------------------------------------------------------------------------

export function mapFirewall(f: ArmFirewall): AzureFirewall {
  const h = liveHeader(f.id!, f.name, LIVE_TYPES.firewall)
  const o = h.origin
  const ipConfigs = f.ipConfigurations ?? []
  // Virtual hub firewalls have no ip configurations; their private address is under hubIPAddresses.
  const address =
    f.hubIPAddresses?.privateIPAddress ?? ipConfigs.find((c) => c.privateIPAddress)?.privateIPAddress
  const fw: AzureFirewall = {
    ...h,
    privateIpAddress: address
      ? known(address, o)
      : unknown(`${f.id}.ipConfigurations[0].privateIPAddress`, 'not returned by Azure', o),
    classicCollections: [],
    forcedTunnelling: f.managementIpConfiguration !== undefined && f.managementIpConfiguration !== null,
  }
  for (const [prop, kind] of CLASSIC) {
    const collections = (f[prop] as AnyCollection[] | undefined) ?? []
    for (const c of collections)
      fw.classicCollections.push(
        mapCollection(c, c.id ?? `${f.id}/${prop}/${c.name}`, `${LIVE_TYPES.firewall}/${prop}`, kind),
      )
  }
  const subnet = ipConfigs.find((c) => c.subnet?.id)?.subnet
  const subnetId = ref(subnet, o)
  if (subnetId) fw.subnetId = subnetId
  const policyId = ref(f.firewallPolicy, o)
  if (policyId) fw.policyId = policyId
  const dns = f.additionalProperties?.['Network.DNS.EnableProxy']
  if (dns !== undefined) fw.dnsProxy = known(String(dns).toLowerCase() === 'true', o)
  if (f.sku?.name) fw.sku = known(f.sku.name, o)
  const hub = ref(f.virtualHub, o)
  if (hub) fw.virtualHubId = hub
  return fw
}

function policyCollectionKind(c: { ruleCollectionType?: string; rules?: { ruleType?: string }[] }) {
  if (/nat/i.test(c.ruleCollectionType ?? '')) return 'nat' as const
  return /application/i.test(c.rules?.[0]?.ruleType ?? '') ? ('application' as const) : ('network' as const)
}

export function mapRuleCollectionGroup(g: ArmRuleCollectionGroup, policyId: string): RuleCollectionGroup {
  const h = liveHeader(g.id!, g.name, LIVE_TYPES.ruleCollectionGroup)
  return {
    ...h,
    policyId: known(policyId, h.origin),
    priority: required(g.priority, 'priority', h.origin),
    collections: (g.ruleCollections ?? []).map((c) =>
      mapCollection(
        c as AnyCollection,
        `${g.id}/ruleCollections/${c.name}`,
        `${LIVE_TYPES.ruleCollectionGroup}/ruleCollections`,
        policyCollectionKind(c as { ruleCollectionType?: string; rules?: { ruleType?: string }[] }),
      ),
    ),
  }
}

export function mapFirewallPolicy(p: ArmFirewallPolicy, groups: ArmRuleCollectionGroup[]): FirewallPolicy {
  const h = liveHeader(p.id!, p.name, LIVE_TYPES.firewallPolicy)
  const policy: FirewallPolicy = {
    ...h,
    ruleCollectionGroups: groups.filter((g) => g.id).map((g) => mapRuleCollectionGroup(g, h.id)),
  }
  if (typeof p.dnsSettings?.enableProxy === 'boolean')
    policy.dnsProxy = known(p.dnsSettings.enableProxy, h.origin)
  const base = ref(p.basePolicy, h.origin)
  if (base) policy.basePolicyId = base
  return policy
}

// ---- ip groups and NAT gateways --------------------------------------------------------------------

export function mapIpGroup(g: ArmIpGroup): IpGroup {
  const h = liveHeader(g.id!, g.name, LIVE_TYPES.ipGroup)
  return { ...h, cidrs: known(g.ipAddresses ?? [], h.origin) }
}

export function mapNatGateway(n: ArmNatGateway): NatGateway {
  return liveHeader(n.id!, n.name, LIVE_TYPES.natGateway)
}

// ---- references to what was not read ---------------------------------------------------------------

const NOT_READ =
  'refers to a deployed resource that was not read (outside the scanned subscriptions or resource groups, or its read failed)'

function checkRef(
  v: Value<string> | undefined,
  present: Set<string>,
  attribute: string,
): Value<string> | undefined {
  if (!v?.known || present.has(v.value)) return v
  return unknown(v.value, NOT_READ, v.origin, { resource: v.value, attribute })
}

function checkRefs(v: Value<string[]>, present: Set<string>, attribute: string): Value<string[]> {
  if (!v.known) return v
  const missing = v.value.find((id) => !present.has(id))
  return missing ? unknown(missing, NOT_READ, v.origin, { resource: missing, attribute }) : v
}

/**
 * Makes every reference to an object missing from the model Unknown (with a ref naming the ARM id), so the
 * analysis reports it instead of reading "no route table" or "no rules". Run once all reads are in.
 */
export function linkLiveModel(model: NetworkModel): NetworkModel {
  const present = new Set<string>(
    [
      model.routeTables,
      model.subnets,
      model.nsgs,
      model.natGateways,
      model.firewalls,
      model.firewallPolicies,
      model.ipGroups,
    ].flatMap((l) => l.map((o: ModelObject) => o.id)),
  )
  for (const s of model.subnets) {
    s.routeTableId = checkRef(s.routeTableId, present, 'routeTable.id')
    s.nsgId = checkRef(s.nsgId, present, 'networkSecurityGroup.id')
    s.natGatewayId = checkRef(s.natGatewayId, present, 'natGateway.id')
    if (s.routeTableId === undefined) delete s.routeTableId
    if (s.nsgId === undefined) delete s.nsgId
    if (s.natGatewayId === undefined) delete s.natGatewayId
  }
  // A NIC's subnet is left as it is: one outside the scan is simply not judged here.
  for (const nic of model.networkInterfaces ?? [])
    if (nic.nsgId) nic.nsgId = checkRef(nic.nsgId, present, 'networkSecurityGroup.id')
  const rules = (c: FirewallRuleCollection[]) => c.flatMap((col) => col.rules)
  for (const fw of model.firewalls) {
    if (fw.policyId) fw.policyId = checkRef(fw.policyId, present, 'firewallPolicy.id')
    // The firewall's own subnet is not needed to evaluate it: its vnet may well lie outside the scan.
    for (const r of rules(fw.classicCollections)) linkRule(r, present)
  }
  for (const p of model.firewallPolicies) {
    if (p.basePolicyId) p.basePolicyId = checkRef(p.basePolicyId, present, 'basePolicy.id')
    for (const g of p.ruleCollectionGroups) for (const r of rules(g.collections)) linkRule(r, present)
  }
  return model
}

function linkRule(r: FirewallRule, present: Set<string>): void {
  r.sourceIpGroups = checkRefs(r.sourceIpGroups, present, 'sourceIpGroups')
  r.destinationIpGroups = checkRefs(r.destinationIpGroups, present, 'destinationIpGroups')
}
