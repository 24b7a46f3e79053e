/**
 * What the analysis hands to the rules: for each subnet (and each route table no subnet uses) and each
 * KMS address of the scanned cloud, the path Azure would take, as steps and as a readable string, the
 * verdict and the objects and unknown values that decided it.
 */
import type { CloudName, KmsAddress } from '../kms/catalogue'
import type {
  AzureFirewall,
  EffectiveRouteEntry,
  FirewallPolicy,
  FirewallRule,
  FirewallRuleCollection,
  ModelObject,
  NetworkInterface,
  NetworkModel,
  NetworkSecurityGroup,
  NextHopType,
  NsgRule,
  Route,
  RouteTable,
  RuleCollectionGroup,
  Subnet,
} from '../model/network'
import type { Tri, Unknown } from '../model/value'
import type { AdminRule } from '../model/network'

/**
 * reaches: the request leaves from an Azure public address. blocked: it cannot reach Azure KMS.
 * unknown: a value that decides it could not be resolved. unverified: it goes through something we
 * cannot evaluate (a network virtual appliance).
 */
export type Verdict = 'reaches' | 'blocked' | 'unknown' | 'unverified'

/** An unresolved value that decided (or could decide) a verdict, with the object and attribute it sits on. */
export interface UnresolvedValue {
  value: Unknown
  /** Attribute name as the model spells it, e.g. `addressPrefix`, `nextHopIpAddress`. */
  attribute: string
  object: ModelObject
  /**
   * Set when the value stands for routes learned over BGP (a gateway or Route Server whose routes reach
   * the subnet): what no code shows, reported by KMS014 rather than as an unresolved expression.
   */
  bgp?: BgpExposure
}

/** Where a subnet's BGP routes come from, in words, for KMS014 and the verdict. */
export interface BgpExposure {
  /** `VPN gateway vgw-hub in vnet-hub, through peering peer-spoke-to-hub (use_remote_gateways)`. */
  sources: string
  /** Why the gateway can put a route to KMS there: `BGP is enabled: ...`. */
  because: string
  /** `the subnet has no route table, so gateway routes propagate`. */
  propagation: string
}

/**
 * The route that won longest prefix match: a user route, Azure's system default 0.0.0.0/0 → Internet, or
 * (live state) an effective route no model object stands for: one learned over BGP, another system
 * route, or a user route of a deployed table that is not in the model.
 */
export type WinningRoute =
  | { kind: 'user'; route: Route; prefix: string }
  | { kind: 'system'; prefix: '0.0.0.0/0' }
  | { kind: 'effective'; route: EffectiveRouteEntry; prefix: string }
  /** Virtual WAN: the hub's default route (routing intent or a hub route table) for the connected VNet. */
  | { kind: 'hub'; via: ModelObject; prefix: string; text: string }
  /**
   * A local site's prefix that a VPN gateway without BGP propagates (next hop VirtualNetworkGateway): `via`
   * is the local network gateway, `text` names it with the gateway and peering it comes through.
   */
  | { kind: 'site'; via: ModelObject; prefix: string; text: string }

/** The subnet's effective routes, when they took part in a selection. */
export interface EffectiveSelection {
  /** ARM id of the NIC Azure reported them for. */
  nicId: string
  /**
   * The reported routes that were candidates: BGP and system routes, and the reported user routes only
   * when the model does not say which route table the subnet has (otherwise the table's routes stand in
   * for them, so a pull request that changes the table is judged by the new routes).
   */
  routes: EffectiveRouteEntry[]
}

export interface RouteSelection {
  /** The table consulted; undefined when the subnet has none (only system routes apply). */
  table?: RouteTable
  /** undefined when the selection is unknown. */
  winner?: WinningRoute
  nextHop: NextHopType | 'unknown'
  /** The winner's next hop address (VirtualAppliance). */
  nextHopIpAddress?: Route['nextHopIpAddress']
  unknowns: UnresolvedValue[]
  /** Set when the subnet's effective routes (live state) decided instead of the route table alone. */
  effective?: EffectiveSelection
  /**
   * The selection the sources make, when a route learned over BGP may beat it (the selection is then
   * unknown): paths still show the route the code has, and what may overrule it.
   */
  unlessLearned?: Pick<RouteSelection, 'winner' | 'nextHop' | 'nextHopIpAddress'>
}

export interface FirewallVerdict {
  firewall: AzureFirewall
  /** The policy evaluated (the firewall's own; base policies' groups come first). */
  policy?: FirewallPolicy
  action: 'Allow' | 'Deny' | 'unknown'
  /** The deciding rule; undefined = no rule matched (the firewall denies by default). */
  rule?: FirewallRule
  collection?: FirewallRuleCollection
  group?: RuleCollectionGroup
  dnsProxy: Tri
  unknowns: UnresolvedValue[]
}

export interface NsgVerdict {
  nsg: NetworkSecurityGroup
  access: 'Allow' | 'Deny' | 'unknown'
  /** The deciding custom rule; undefined when a default rule decided (`defaultRule`). */
  rule?: NsgRule
  defaultRule?: string
  /**
   * Azure lets KMS traffic out through a platform rule NSGs do not see, unless the subnet's route table
   * overrides 0.0.0.0/0 or an NSG rule denies the AzurePlatformLKM tag (NSG overview, "Azure platform
   * considerations"). true = the exception applies.
   */
  platformException: Tri
  unknowns: UnresolvedValue[]
}

/** One NSG set on network interfaces of a subnet: the NICs and the verdict for their VMs. */
export interface NicNsgVerdict {
  verdict: NsgVerdict
  nics: NetworkInterface[]
  /** false: which subnet these NICs are in could not be told, so they may be in this one. */
  placed: boolean
}

/**
 * Where the KMS request ends after routing (and a firewall, if one is the next hop):
 * internet = leaves from Azure; gateway = leaves from on-premises (forced tunnel); none/vnetLocal =
 * dropped; firewallDenied = a modelled Azure Firewall denies it; appliance = an appliance we cannot
 * evaluate; noOutbound = the subnet has no outbound access at all; unknown = undecidable.
 */
export type Outcome =
  'internet' | 'gateway' | 'none' | 'vnetLocal' | 'firewallDenied' | 'appliance' | 'noOutbound' | 'unknown'

export interface PathStep {
  kind:
    | 'subnet'
    | 'routeTable'
    | 'route'
    | 'nextHop'
    | 'firewall'
    | 'firewallRule'
    | 'nsg'
    | 'internet'
    | 'onPremises'
    | 'dropped'
    | 'appliance'
  label: string
  object?: ModelObject
}

export interface KmsPath {
  /** undefined for a route table that no subnet uses. */
  subnet?: Subnet
  /** The source's route table (the subnet's, or the unused table itself). */
  routeTable?: RouteTable
  kms: KmsAddress
  selection: RouteSelection
  firewall?: FirewallVerdict
  /** Past a forced-tunnelling firewall: the route its AzureFirewallSubnet takes. */
  firewallSubnetSelection?: RouteSelection
  nsg?: NsgVerdict
  /** NSGs set on NICs in the subnet (src/analysis/nic-nsgs.ts); Azure applies them before the subnet's. */
  nicNsgs?: NicNsgVerdict[]
  /** Virtual Network Manager security admin rules that apply (or may) before the NSG. */
  securityAdmin?: AdminVerdict
  outcome: Outcome
  verdict: Verdict
  /**
   * The route that decided where the request goes: the subnet's winning user route, or, past a
   * forced-tunnelling firewall, the firewall subnet's route to the gateway. undefined for system routes.
   */
  decidingRoute?: Route
  /**
   * The same when an effective route with no model Route decided (e.g. a 0.0.0.0/0 learned over BGP): the
   * route, the subnet whose NIC reported it, and that NIC. Rules point at the subnet then.
   */
  decidingEffectiveRoute?: { subnet: Subnet; nicId: string; route: EffectiveRouteEntry; prefix: string }
  /** Virtual WAN: the routing intent or hub route that decided where the request goes (no Route in code). */
  decidingHub?: { via: ModelObject; text: string }
  /** A local site's prefix, propagated by a VPN gateway without BGP, decided it (no Route in code). */
  decidingSite?: { via: ModelObject; prefix: string; text: string }
  /** The object to point at for the verdict: route, firewall rule, NSG rule or subnet. */
  deciding?: ModelObject
  /** Unknown values that made the verdict unknown. */
  unknowns: UnresolvedValue[]
  steps: PathStep[]
  /** e.g. `snet-app → rt-spoke: 0.0.0.0/0 → VirtualNetworkGateway`. */
  text: string
}

export interface Analysis {
  cloud: CloudName
  /** The cloud's KMS addresses, current first. */
  kmsAddresses: KmsAddress[]
  paths: KmsPath[]
  model: NetworkModel
}

export type AdminAccess = 'Deny' | 'AlwaysAllow' | 'Allow'

export interface AdminVerdict {
  /** The first rule that surely applies and matches; undefined = none (the NSG decides). */
  rule?: AdminRule
  access?: AdminAccess
  /** Rules before it (or instead of it) that may apply, with why they are open. */
  open: { rule: AdminRule; access: AdminAccess | 'unknown'; unknowns: UnresolvedValue[] }[]
}
