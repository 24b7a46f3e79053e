/**
 * The provider-neutral network model. Every source (Terraform, Bicep, ARM, plan JSON, live Azure)
 * produces this and nothing else; analysis and rules know nothing of formats.
 *
 * Ids are model ids: unique strings chosen by the source (Terraform uses the resource address with
 * instance key, e.g. `module.hub.azurerm_route_table.this["spoke"]`; live state uses the ARM id).
 * References between objects are Value<string> holding the model id of the target; an unresolvable
 * reference is Unknown (and then the analysis reports KMS011 where it matters).
 */
import type { DeployedRef, Origin, Unknown, Value } from './value'

/**
 * A condition the scan cannot evaluate that an object is deployed under. Objects under the same condition
 * come and go together: those with the same `key` (Terraform: the same count/for_each text in the same
 * module instance), or without one, the same expression in the same file (an ARM `condition`, a Bicep `if`).
 */
export interface Condition extends Unknown {
  /** Terraform: `<module instance>\u0000<count or for_each as written>`; under a module call's as well, `<call's>\u0001<own>`. */
  key?: string
  /**
   * Set where what is not known is which subnet the object is for, not whether it is deployed (an
   * association whose subnet_id is `azurerm_subnet.this[var.k].id`; another unit's child subnet that may be
   * another of the same names): what messages say in place of "may not be deployed" ("may be made to another
   * subnet"). Neither way is the stricter one, so both are judged (src/analysis/conditions.ts).
   */
  which?: string
}

export type SourceFormat = 'terraform' | 'bicep' | 'arm' | 'plan' | 'live'

export interface ModelObject {
  /** Unique model id. */
  id: string
  /** The name Azure will see (route table name, rule name...). */
  name: Value<string>
  /** The whole resource or block. */
  origin: Origin
  format: SourceFormat
  /** The source's own type, e.g. `azurerm_route_table`, `Microsoft.Network/routeTables`. */
  sourceType: string
  /** For findings: a readable address, e.g. `azurerm_route_table.spoke`. */
  address: string
  /** Deployment variant (a .bicepparam or parameters file); undefined for the default. */
  variant?: string
  /** The resource group Azure will put it in, when the source says so statically (finding identity, overlay). */
  resourceGroup?: string
  /**
   * The subscription Azure will put it in, where the IaC states it (a Terraform provider alias with
   * `subscription_id`, a Bicep module scoped to `subscription('…')`, an ARM nested deployment's
   * `subscriptionId`); live objects carry it in their ARM id. undefined = the subscription deployed to.
   */
  subscription?: string
  /**
   * Lines outside the object's own block that decided it exists or what it holds: the var-file entry a
   * `for_each` instance comes from, the module call that created it. `scope: changed` looks at them.
   */
  inputs?: Origin[]
  /**
   * Set when the object exists only under a condition the scan cannot evaluate (an ARM `condition`, a
   * Bicep `if`, a Terraform `count`/`for_each` that does not evaluate): the analysis judges a path through
   * it both with and without it (src/analysis/conditions.ts). Children (a table's routes) carry their
   * parent's.
   */
  condition?: Condition
}

/** Azure's next hop types as the REST API spells them. */
export type NextHopType = 'Internet' | 'VirtualNetworkGateway' | 'VnetLocal' | 'VirtualAppliance' | 'None'

export interface Route extends ModelObject {
  /** The route table this route belongs to (model id). */
  routeTableId: string
  /** CIDR (`0.0.0.0/0`, `20.118.99.224/32`) or a service tag (`AzureCloud`, `AzureCloud.westeurope`). */
  addressPrefix: Value<string>
  nextHopType: Value<string>
  /** For VirtualAppliance. Unknown with a ref when it names a firewall's computed private address. */
  nextHopIpAddress?: Value<string>
  /**
   * Set on a route Azure Virtual Network Manager puts into the subnet (UDR management): the routing
   * configuration it comes from, for messages (`routing configuration rc-spokes`). Such a route has no
   * table in the model (`routeTableId` names the configuration); it is a user route for route selection.
   */
  managedBy?: string
}

export interface RouteTable extends ModelObject {
  routes: Route[]
  /** true unless BGP route propagation is disabled. */
  bgpRoutePropagation: Value<boolean>
}

/** A conditional redeclaration of a subnet: the declaring resource and the settings it gives the subnet. */
export interface SubnetRedeclaration extends Pick<
  Subnet,
  | 'address'
  | 'origin'
  | 'addressPrefixes'
  | 'routeTableId'
  | 'routeTableOrigin'
  | 'nsgId'
  | 'nsgOrigin'
  | 'natGatewayId'
  | 'defaultOutboundAccess'
> {
  condition: Condition
}

export interface Subnet extends ModelObject {
  /** Virtual network name, for messages only: VNets are matched by `vnetId`. */
  vnetName?: Value<string>
  /**
   * The virtual network as reports name it: its name, qualified by resource group (and subscription
   * where that is what differs) when another VNet of the model has the same name (src/model/vnet.ts
   * labelVnets, set before the analysis). undefined = the name alone.
   */
  vnetLabel?: string
  /**
   * The VNet key (src/model/vnet.ts): the ARM id live, the model id of the declared VNet in IaC, a
   * resource-group-qualified name where the source has only that; undefined or Unknown = cannot tell.
   */
  vnetId?: Value<string>
  /**
   * The virtual network's region, where the source says it (Bicep/ARM `location`): Virtual Network
   * Manager commits configurations per region. undefined = the source does not carry it.
   */
  location?: Value<string>
  addressPrefixes: Value<string[]>
  /** Model id of the associated route table; undefined = none associated. */
  routeTableId?: Value<string>
  /** Where the association is written (association resource or the attribute). */
  routeTableOrigin?: Origin
  nsgId?: Value<string>
  nsgOrigin?: Origin
  natGatewayId?: Value<string>
  /**
   * Set when an association above exists only under a condition the scan cannot evaluate (a Terraform
   * association resource whose count/for_each does not evaluate, a Bicep/ARM subnet declaration behind an
   * `if`/`condition` that sets it): the analysis judges the path with and without it
   * (src/analysis/conditions.ts).
   */
  associationConditions?: { routeTableId?: Condition; nsgId?: Condition; natGatewayId?: Condition }
  /**
   * The associations in force where a conditional one above is not deployed: those it would replace (an
   * azapi_update_resource under a count the scan cannot evaluate, patching a subnet that has its own).
   * undefined = none (without the conditional association the subnet has none).
   */
  associationsOtherwise?: {
    routeTableId?: Value<string>
    nsgId?: Value<string>
    natGatewayId?: Value<string>
  }
  /**
   * Other declarations of this same subnet in one deployment, each behind a condition the scan cannot
   * evaluate (Bicep child subnets `if (forceTunnel)` and `if (!forceTunnel)`): where one is deployed, its
   * settings are the subnet's; where none is, this object's own. The analysis judges the subnet with each
   * (src/analysis/paths.ts, src/sources/mapping/subnet-redeclarations.ts).
   */
  redeclarations?: SubnetRedeclaration[]
  /**
   * Why no VM can live in this subnet, when it is dedicated to a service: `delegated to
   * Microsoft.Web/serverFarms`, `used by Application Gateway agw-hub`. Such subnets are not judged.
   */
  dedicatedTo?: string
  /** azurerm v4 `default_outbound_access_enabled`, ARM `defaultOutboundAccess`; undefined = default (true). */
  defaultOutboundAccess?: Value<boolean>
  /**
   * Live state only: the effective routes Azure reports for one NIC in the subnet. They include routes
   * learned over BGP (a 0.0.0.0/0 advertised from on-premises is forced tunnelling no IaC file shows);
   * when present, route selection uses them instead of the route table.
   */
  effectiveRoutes?: { nicId: string; routes: EffectiveRouteEntry[] }
}

/** A route as Azure reports it for a NIC (networkInterfaces effective route table). */
export interface EffectiveRouteEntry {
  name?: string
  /** `VirtualNetworkGateway` = learned over BGP (gateway or Route Server). */
  source: 'Default' | 'User' | 'VirtualNetworkGateway' | 'Unknown'
  state: 'Active' | 'Invalid'
  addressPrefix: string[]
  nextHopType: string
  nextHopIpAddress: string[]
  /** A user route marked to win over overlapping BGP routes whatever their length. */
  hasBgpOverride?: boolean
}

export type Access = 'Allow' | 'Deny'

export interface NsgRule extends ModelObject {
  nsgId: string
  priority: Value<number>
  direction: Value<string>
  access: Value<string>
  /** `Tcp`, `Udp`, `Icmp`, `Esp`, `Ah`, `*`. */
  protocol: Value<string>
  /** Prefixes, CIDRs, `*` or service tags. Empty list = not set. */
  sourceAddressPrefixes: Value<string[]>
  destinationAddressPrefixes: Value<string[]>
  /** `*`, `1688`, `1000-2000`. */
  destinationPortRanges: Value<string[]>
  /** Application security groups: model ids or names; we cannot evaluate membership. */
  sourceApplicationSecurityGroups?: Value<string[]>
  destinationApplicationSecurityGroups?: Value<string[]>
}

export interface NetworkSecurityGroup extends ModelObject {
  rules: NsgRule[]
}

export type FirewallRuleCollectionKind = 'network' | 'application' | 'nat'

export interface FirewallRule extends ModelObject {
  /** `TCP`, `UDP`, `ICMP`, `Any` (network rules); application rules keep `Http:80` style entries. */
  protocols: Value<string[]>
  sourceAddresses: Value<string[]>
  /** Model ids of IP groups (or unknown). */
  sourceIpGroups: Value<string[]>
  destinationAddresses: Value<string[]>
  destinationIpGroups: Value<string[]>
  destinationFqdns: Value<string[]>
  destinationPorts: Value<string[]>
  /** Application rules: FQDN tags (`WindowsUpdate`, `WindowsDiagnostics`...); absent = none. */
  destinationFqdnTags?: Value<string[]>
}

export interface FirewallRuleCollection extends ModelObject {
  kind: FirewallRuleCollectionKind
  priority: Value<number>
  /** `Allow` or `Deny` (NAT collections: `Dnat`). */
  action: Value<string>
  /**
   * The action as written, where `action` is undecided only because the collection may not be deployed
   * (an Allow under a condition): a firewall under the same condition has it whenever it is there.
   */
  writtenAction?: Value<string>
  rules: FirewallRule[]
}

export interface RuleCollectionGroup extends ModelObject {
  /** Model id of the firewall policy. */
  policyId: Value<string>
  priority: Value<number>
  collections: FirewallRuleCollection[]
}

export interface FirewallPolicy extends ModelObject {
  /** `dns { proxy_enabled }`; undefined = not set (off). */
  dnsProxy?: Value<boolean>
  /** Model id of the parent (base) policy, whose rules are evaluated first. */
  basePolicyId?: Value<string>
  /** Groups declared inline (Bicep/ARM) plus those linked from separate resources by the source. */
  ruleCollectionGroups: RuleCollectionGroup[]
}

export interface AzureFirewall extends ModelObject {
  /** The firewall's private address (the next hop of routes that send traffic to it). */
  privateIpAddress: Value<string>
  /** The AzureFirewallSubnet it sits in (model id), when known. */
  subnetId?: Value<string>
  /** Model id of the firewall policy. */
  policyId?: Value<string>
  /** Classic `dns_proxy_enabled` (only meaningful without a policy). */
  dnsProxy?: Value<boolean>
  /** Classic rule collections (network, application, nat). */
  classicCollections: FirewallRuleCollection[]
  /** A management IP configuration puts the firewall in forced-tunnelling mode. */
  forcedTunnelling: boolean
  /** Virtual hub firewalls (sku AZFW_Hub) have no subnet. */
  sku?: Value<string>
  /** A secured virtual hub's firewall: the hub it sits in (model id). */
  virtualHubId?: Value<string>
}

/**
 * Virtual WAN: a spoke VNet connected to a virtual hub gets its default route from the hub (routing
 * intent, hub route tables, or on-premises over the hub's gateways), not from a route table in the spoke.
 */
export type VirtualHub = ModelObject

/** A static route of a hub route table (`0.0.0.0/0` → the hub firewall, an NVA connection...). */
export interface HubRoute extends ModelObject {
  destinations: Value<string[]>
  /** Model id of a firewall, or the resource id of another next hop (a VNet connection, an NVA). */
  nextHop: Value<string>
}

export interface HubRouteTable extends ModelObject {
  hubId: Value<string>
  routes: HubRoute[]
}

/** Routing intent: where the hub sends Internet (and private) traffic of its connections. */
export interface RoutingIntent extends ModelObject {
  hubId: Value<string>
  /** Next hop of the Internet policy (firewall model id, NVA or SaaS resource id); undefined = no Internet policy. */
  internetNextHop?: Value<string>
}

/** A spoke VNet's connection to a hub. */
export interface HubConnection extends ModelObject {
  hubId: Value<string>
  /** The connected VNet's name, for messages. */
  vnetName: Value<string>
  /** The connected VNet's key (src/model/vnet.ts), matched with subnets' vnetId. */
  vnetId: Value<string>
  /** `internet_security_enabled` / `enableInternetSecurity`: whether the hub's default route reaches the VNet. */
  internetSecurity: Value<boolean>
  /** Model id of the associated hub route table; undefined = the hub's defaultRouteTable. */
  associatedRouteTableId?: Value<string>
  /**
   * Model id of a hub route table holding the connection's effective routes, read live
   * (src/sources/azure/hub-routes.ts): what the hub gives the VNet, BGP and routing intent included. When
   * set it decides alone.
   */
  effectiveRouteTableId?: string
}

/** A VPN or ExpressRoute gateway in a hub: on-premises may advertise a default route through it (BGP). */
export interface HubGateway extends ModelObject {
  hubId: Value<string>
  kind: 'vpn' | 'expressRoute'
}

export interface VirtualWanModel {
  hubs: VirtualHub[]
  connections: HubConnection[]
  routingIntents: RoutingIntent[]
  routeTables: HubRouteTable[]
  gateways: HubGateway[]
}

export function emptyVirtualWan(): VirtualWanModel {
  return { hubs: [], connections: [], routingIntents: [], routeTables: [], gateways: [] }
}

/**
 * Where routes learned over BGP come from outside Virtual WAN: a VNet's VPN or ExpressRoute gateway, or an
 * Azure Route Server that network virtual appliances peer with. Azure adds what they learn to the NICs of
 * every subnet of the VNet (and of spokes peered with `use_remote_gateways`) whose route table lets gateway
 * routes propagate. What on-premises or an NVA advertises (often 0.0.0.0/0) is not in any IaC file.
 */
export interface VnetGateway extends ModelObject {
  kind: 'vpn' | 'expressRoute' | 'routeServer'
  /** The VNet it sits in (from its GatewaySubnet / RouteServerSubnet): its name for messages, its key to match. */
  vnetName: Value<string>
  vnetId: Value<string>
  /** VPN: BGP enabled; false = only the static address spaces of its local network gateways propagate. */
  bgp?: Value<boolean>
  /** BGP peers, for messages: a Route Server's NVAs (`nva-1 10.0.1.4 AS 65010`), a VPN's local sites. */
  peers: string[]
  /**
   * Live: every connection of this VPN gateway was read, so the local network gateways linked to it (their
   * `gatewayIds`) are all its sites; none linked = it propagates no site's address space.
   */
  sitesRead?: boolean
  /**
   * IaC: connections of this VPN gateway whose local network gateway is not in the scanned sources (a
   * data source, an id of another repository's site), described: the address spaces they propagate are
   * not known.
   */
  unknownSites?: string[]
  /** Declared by another unit of the scan (src/analysis/cross-unit-vnets.ts): that unit, as reports name it. */
  unit?: string
}

/** An on-premises site of a VPN gateway: its address space is propagated as gateway routes. */
export interface LocalNetworkGateway extends ModelObject {
  addressPrefixes: Value<string[]>
  /** The site's BGP peer (`10.100.0.1 AS 65050`), when it speaks BGP. */
  bgpPeer?: string
  /**
   * Model ids of the VPN gateways whose connections use this site (live); undefined = not linked, any VPN
   * gateway of the scan may use it.
   */
  gatewayIds?: string[]
  /**
   * VPN gateways its connections name that the scan does not declare (a data source, an ARM id), by Azure
   * identity: another unit of the scan may declare one (src/analysis/cross-unit-sites.ts).
   */
  gatewaysRead?: DeployedRef[]
}

/** A VNet peering, one direction: the local VNet may use the remote VNet's gateway (gateway transit). */
export interface VnetPeering extends ModelObject {
  /** Names for messages; keys (src/model/vnet.ts) to match. */
  vnetName: Value<string>
  vnetId: Value<string>
  remoteVnetName: Value<string>
  remoteVnetId: Value<string>
  useRemoteGateways: Value<boolean>
  allowGatewayTransit: Value<boolean>
  /** Declared by another unit of the scan (src/analysis/cross-unit-vnets.ts): that unit, as reports name it. */
  unit?: string
}

export interface GatewayModel {
  gateways: VnetGateway[]
  localNetworkGateways: LocalNetworkGateway[]
  peerings: VnetPeering[]
  /**
   * VNets this unit reads but another unit of the scan declares (src/analysis/cross-unit-vnets.ts): their
   * gateways and peerings are laid into `gateways` and `peerings`; a VNet listed here is no longer "not
   * declared" where its key surely matches.
   */
  elsewhere?: VnetElsewhere[]
}

/** A VNet declared by another unit of the scan, as the unit that reads it sees it. */
export interface VnetElsewhere {
  name: string
  /** Its key (src/model/vnet.ts, ARM-id form); undefined when that unit does not say its resource group. */
  key?: string
  /** The declaring unit, as reports name it (`root module connectivity`). */
  unit: string
  /** Its declaration, for messages (`azurerm_virtual_network.hub`). */
  address: string
}

/**
 * Objects another unit of the scan declares that this unit's paths reach (a Virtual WAN hub's firewall,
 * its policies and IP groups, src/analysis/cross-unit-vnets.ts): looked up by id, evaluated where a path
 * goes through them, never reported as this unit's own (rules read the model's own lists only). Ids carry
 * the declaring unit's prefix, so they never meet this unit's.
 */
export interface ForeignObjects {
  firewalls: AzureFirewall[]
  firewallPolicies: FirewallPolicy[]
  ipGroups: IpGroup[]
  /** NSGs, route tables and NICs another unit attaches to this unit's subnets (src/analysis/cross-unit-attachments.ts). */
  nsgs?: NetworkSecurityGroup[]
  routeTables?: RouteTable[]
  networkInterfaces?: NetworkInterface[]
}

export function emptyGatewayModel(): GatewayModel {
  return { gateways: [], localNetworkGateways: [], peerings: [] }
}

/**
 * Azure Virtual Network Manager. Security admin rules apply to the VNets of the network groups their
 * collection names, once their configuration is deployed (committed), and are evaluated before NSGs:
 * Deny blocks whatever the NSG says, AlwaysAllow allows whatever it says, Allow hands over to the NSG.
 * Routing configurations (UDR management) put routes into the subnets of their groups.
 */
export interface NetworkGroup extends ModelObject {
  /** The static members the scan resolves: VNet key (src/model/vnet.ts) and name (for messages). */
  staticVnets: VnetMember[]
  /** Members the scan cannot list (Azure Policy dynamic membership, members by unresolved reference). */
  openMembership?: Value<string>
  /**
   * Live, members listed by Azure Resource Graph: the model ids of member subnets (subnet-type groups). Set
   * (even empty) = the group's members are all listed, in `staticVnets` and here.
   */
  subnetIds?: string[]
}

export interface VnetMember {
  id: string
  name: string
}

/** A configuration (security admin or routing) and whether the scan sees it deployed (committed). */
export interface NetworkManagerConfiguration extends ModelObject {
  kind: 'securityAdmin' | 'routing'
  /** true when a deployment in the scan commits it; unknown when the commit is not in the code. */
  deployed: Value<boolean>
  /**
   * The regions the commit targets, when the source says them (a deployment script's `TargetLocation`):
   * the configuration applies only to VNets in those regions. undefined = not compared (azurerm
   * deployments, live state, where `deployed` is already per region or not said).
   */
  deployedRegions?: Value<string[]>
  /**
   * Regions where the scan cannot tell whether the configuration is deployed (beside `deployedRegions`,
   * which lists where it surely is): a commit that exists only under a condition the scan cannot
   * evaluate, two commits replacing each other in an order it cannot tell. Named by `why`.
   */
  regionsUndecided?: { region: string; why: Unknown }[]
}

export interface AdminRule extends ModelObject {
  configurationId: Value<string>
  /** Network groups (model ids) the rule's collection applies to. */
  groupIds: Value<string[]>
  priority: Value<number>
  direction: Value<string>
  /** `Allow`, `Deny` or `AlwaysAllow`. */
  access: Value<string>
  protocol: Value<string>
  sourceAddressPrefixes: Value<string[]>
  destinationAddressPrefixes: Value<string[]>
  destinationPortRanges: Value<string[]>
}

/**
 * A routing rule of a routing configuration: a route the manager puts into its groups' subnets, beside the
 * routes of the subnet's own route table (a rule with the same destination as one of those is ignored).
 */
export interface ManagedRoute extends ModelObject {
  configurationId: Value<string>
  groupIds: Value<string[]>
  /** A CIDR or, for destination type ServiceTag, a service tag (`AzureCloud`). */
  destination: Value<string>
  /** `Internet`, `VirtualAppliance`, `VirtualNetworkGateway`, `VnetLocal`, `NoNextHop`. */
  nextHopType: Value<string>
  nextHopAddress?: Value<string>
  /**
   * The rule collection's "enable BGP route propagation" (ARM `disableBgpRoutePropagation` negated, azurerm
   * `bgp_route_propagation_enabled`); undefined = not linked or not said.
   */
  bgpRoutePropagation?: Value<boolean>
}

export interface NetworkManagerModel {
  groups: NetworkGroup[]
  configurations: NetworkManagerConfiguration[]
  adminRules: AdminRule[]
  routes: ManagedRoute[]
}

export function emptyNetworkManager(): NetworkManagerModel {
  return { groups: [], configurations: [], adminRules: [], routes: [] }
}

export interface IpGroup extends ModelObject {
  cidrs: Value<string[]>
}

/** A NAT gateway: only its existence matters (it gives a subnet a way out). */
export type NatGateway = ModelObject

/** Something a source says that is not a network object: a parse error, a skipped file, an unknown module. */
/**
 * A network interface (a VM's NIC) with a network security group of its own. Azure filters a VM's outbound
 * traffic with the NIC's NSG first, then the subnet's: both must let KMS out (NSG overview, "How network
 * security groups filter network traffic"). Only NICs the sources give an NSG matter to the analysis.
 */
export interface NetworkInterface extends ModelObject {
  /** The subnets of its IP configurations (one VNet; Azure allows secondary configurations elsewhere in it). */
  subnetIds: Value<string>[]
  nsgId?: Value<string>
  /** Where the NSG is set (the NIC's property, or a Terraform association), for the fix. */
  nsgOrigin?: Origin
}

export interface SourceDiagnostic {
  ruleId: 'KMS011' | 'KMS012'
  /** Overrides the rule's severity, e.g. a file skipped for its size is a notice, not a parse warning. */
  severity?: 'error' | 'warning' | 'notice'
  origin: Origin
  message: string
  /** For KMS011: the expression that could not be resolved. */
  expression?: string
  address?: string
  /** A title of its own, where the rule's ("A file could not be read") would mislead. */
  title?: string
  /**
   * KMS012 only: the notice is about what the scan chose to leave out (module tests and examples), not a
   * file that could not be read or parsed; `--fail-on-unreadable` does not count it.
   */
  readFine?: true
  /**
   * KMS011 only: the resource the notice says the scanned sources do not declare, by Azure identity (a VPN
   * gateway a site-to-site connection reads). Another unit of the same scan may declare it: the second pass
   * then drops the notice (src/analysis/cross-unit-sites.ts settleGatewayNotices).
   */
  undeclared?: DeployedRef
}

export interface NetworkModel {
  routeTables: RouteTable[]
  subnets: Subnet[]
  nsgs: NetworkSecurityGroup[]
  firewalls: AzureFirewall[]
  firewallPolicies: FirewallPolicy[]
  ipGroups: IpGroup[]
  natGateways: NatGateway[]
  /** Network interfaces with an NSG of their own; undefined = none. */
  networkInterfaces?: NetworkInterface[]
  diagnostics: SourceDiagnostic[]
  /** Clouds the sources say they target (azurerm provider `environment`), for `cloud: auto`. */
  cloudHints: string[]
  /**
   * Appliances the user vouches for (config `allowed-appliances`): they are known to send KMS out from
   * an Azure public IP, so a route to them is a way out rather than an unverified path.
   */
  allowedAppliances?: { address: string; reason: string }[]
  /** Virtual WAN hubs and what decides their connections' default route; undefined = none. */
  virtualWan?: VirtualWanModel
  /** Objects of other units this unit's paths reach (cross-unit Virtual WAN hubs); undefined = none. */
  foreign?: ForeignObjects
  /** VNet gateways, Route Servers, local network gateways and peerings: where BGP routes come from. */
  bgp?: GatewayModel
  /** Azure Virtual Network Manager: network groups, security admin rules, managed routes. */
  networkManager?: NetworkManagerModel
  /**
   * Routes added by name to a route table the sources do not define (`azurerm_route` with
   * `route_table_name` of a deployed table). Alone they are unresolved (the diagnostic says so); laid over
   * the deployed network (src/sources/azure/overlay.ts) they join the table with that name, resource group
   * and subscription, and the diagnostic goes.
   */
  detachedRoutes?: DetachedRoute[]
  /** Associations of subnets only the deployed network has (src/sources/azure/overlay.ts attaches them). */
  detachedAssociations?: DetachedAssociation[]
  /**
   * Subnets of VNets the unit does not declare that it hands, by ARM id, to a module the scan does not
   * evaluate (src/sources/terraform/given-subnet-ids.ts): the module may attach a route table or NSG to
   * them. Handed over to the unit declaring the subnet (src/analysis/cross-unit-attachments.ts); not laid
   * over the deployed network, which shows what the module did.
   */
  subnetsGivenToModules?: SubnetGivenToModule[]
  /**
   * The virtual networks the IaC declares (their keys are model ids, src/model/vnet.ts): laid over the
   * deployed network, each is found again by name and resource group (src/sources/azure/overlay-vnets.ts),
   * also when nothing but a gateway, a peering or a network group member names it (no subnet of it in the IaC).
   */
  vnets?: DeclaredVnet[]
  /**
   * Terraform `moved` blocks (`from` → `to` IaC addresses, module prefixes included): an object whose Azure
   * name is not known keeps its identity across such a rename (src/rules/identity.ts).
   */
  moved?: { from: string; to: string }[]
}

/** A virtual network the IaC declares: its key (the model id), name and resource group as written. */
export interface DeclaredVnet {
  id: string
  name: Value<string>
  /** undefined = the source does not say it (an ARM template deployed to a resource group it does not name). */
  resourceGroup?: Value<string>
  /** The subscription, where the IaC states it (ModelObject.subscription). */
  subscription?: string
  origin: Origin
  address: string
}

/**
 * An association (`azurerm_subnet_route_table_association`, `_network_security_group_association`,
 * `_nat_gateway_association`) whose subnet the sources read but do not declare (a `data "azurerm_subnet"`,
 * an ARM id): laid over the deployed network it sets that subnet's route table, NSG or NAT gateway, found
 * by virtual network and subnet name, resource group and (when known) subscription.
 */
export interface DetachedAssociation {
  subnet: DeployedRef
  field: 'routeTableId' | 'nsgId' | 'natGatewayId'
  /** The IaC model id of the target, or an Unknown naming a deployed one (`deployed`). */
  target: Value<string>
  origin: Origin
  address: string
  /** The KMS011 notice that says the subnet is unknown, withdrawn once the subnet is found. */
  diagnostic: SourceDiagnostic
}

export interface SubnetGivenToModule {
  subnet: DeployedRef
  /** The module call (`module.egress`), where it is written, and why it is not evaluated. */
  module: string
  origin: Origin
  why: string
}

export interface DetachedRoute {
  route: Route
  tableName: string
  resourceGroup?: string
  subscription?: string
  /** The KMS011 notice that says the route's table is unknown, withdrawn once the table is found. */
  diagnostic: SourceDiagnostic
}

export function emptyModel(): NetworkModel {
  return {
    routeTables: [],
    subnets: [],
    nsgs: [],
    firewalls: [],
    firewallPolicies: [],
    ipGroups: [],
    natGateways: [],
    diagnostics: [],
    cloudHints: [],
  }
}

/** Appends one model to another (several module directories, several sources). */
export function mergeModels(into: NetworkModel, from: NetworkModel): NetworkModel {
  into.routeTables.push(...from.routeTables)
  into.subnets.push(...from.subnets)
  into.nsgs.push(...from.nsgs)
  into.firewalls.push(...from.firewalls)
  into.firewallPolicies.push(...from.firewallPolicies)
  into.ipGroups.push(...from.ipGroups)
  into.natGateways.push(...from.natGateways)
  if (from.networkInterfaces) (into.networkInterfaces ??= []).push(...from.networkInterfaces)
  into.diagnostics.push(...from.diagnostics)
  for (const c of from.cloudHints) if (!into.cloudHints.includes(c)) into.cloudHints.push(c)
  if (from.detachedRoutes) (into.detachedRoutes ??= []).push(...from.detachedRoutes)
  if (from.vnets) (into.vnets ??= []).push(...from.vnets)
  if (from.virtualWan) {
    const w = (into.virtualWan ??= emptyVirtualWan())
    w.hubs.push(...from.virtualWan.hubs)
    w.connections.push(...from.virtualWan.connections)
    w.routingIntents.push(...from.virtualWan.routingIntents)
    w.routeTables.push(...from.virtualWan.routeTables)
    w.gateways.push(...from.virtualWan.gateways)
  }
  if (from.networkManager) {
    const n = (into.networkManager ??= emptyNetworkManager())
    n.groups.push(...from.networkManager.groups)
    n.configurations.push(...from.networkManager.configurations)
    n.adminRules.push(...from.networkManager.adminRules)
    n.routes.push(...from.networkManager.routes)
  }
  if (from.bgp) {
    const g = (into.bgp ??= emptyGatewayModel())
    g.gateways.push(...from.bgp.gateways)
    g.localNetworkGateways.push(...from.bgp.localNetworkGateways)
    g.peerings.push(...from.bgp.peerings)
  }
  return into
}
