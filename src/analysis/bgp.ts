/**
 * Routes learned over BGP outside Virtual WAN. A VNet with a VPN or ExpressRoute gateway, or with an Azure
 * Route Server that NVAs peer with, gets whatever on-premises or the NVAs advertise (forced tunnelling is
 * often a 0.0.0.0/0 advertised over BGP, with no route in any IaC file); so does a spoke peered to it with
 * `use_remote_gateways`. Azure adds these routes to every subnet whose route table lets gateway routes
 * propagate (no route table at all propagates too).
 *
 * Azure's route selection (Virtual network traffic routing, "How Azure selects a route"): longest prefix
 * first; only on equal prefixes does a user route beat a BGP route, which beats a system route. So a user
 * /32 for a KMS address always wins (no learned route is longer, and on a tie the user route wins), but a
 * user 0.0.0.0/0 → firewall wins only over a learned 0.0.0.0/0: a more specific learned route covering KMS
 * (forced tunnelling is often advertised as 0.0.0.0/1 + 128.0.0.0/1) wins over it. A subnet whose KMS
 * traffic follows the system default route, or a user route shorter than /32 that lets it out, is
 * undecided statically where gateway routes propagate; effective routes (`live: true`) decide it. So is a
 * subnet of a VNet the scan does not declare (undeclaredVnet): its gateway and peerings are not known.
 */
import type {
  LocalNetworkGateway,
  ModelObject,
  RouteTable,
  Subnet,
  VnetGateway,
  VnetElsewhere,
  VnetPeering,
} from '../model/network'
import { unknown, type Value } from '../model/value'
import { sameVnet } from '../model/vnet'
import { routeSpecificity } from './addresses'
import { displayName, type ModelIndex } from './lookup'
import type { UnresolvedValue } from './types'

const unique = <T>(xs: T[]): T[] => [...new Set(xs)]

/** A gateway whose routes reach the subnet, and the peering it comes through (none = the VNet's own). */
export interface BgpSource {
  gateway?: VnetGateway
  /** The remote VNet's gateway is not in the scanned sources (use_remote_gateways says it exists). */
  remoteVnet?: string
  /** The subnet's own VNet (`remoteVnet`) is not declared: its gateways and peerings are not known. */
  undeclared?: true
  peering?: VnetPeering
  /** Why this gateway can put a route to KMS in the subnet (BGP, a local site's address space). */
  because: string
}

/** Why a VNet key cannot be matched, for "may be" texts. */
const whyNot = (what: string, v: Value<string>): string =>
  v.known
    ? ''
    : `${what}'s virtual network is not known (\`${v.expression}\`${v.reason ? `: ${v.reason}` : ''})`

const KIND: Record<VnetGateway['kind'], string> = {
  vpn: 'VPN gateway',
  expressRoute: 'ExpressRoute gateway',
  routeServer: 'Route Server',
}

/** A local site's prefix covering a KMS address, propagated by a VPN gateway without BGP. */
export interface SiteHit {
  site: LocalNetworkGateway
  prefix: string
}

/**
 * The local sites whose address space a VPN gateway without BGP propagates, where one covers `address`:
 * `sure`, the sites linked to the gateway by a connection the scan reads (live: all its connections; IaC:
 * azurerm_virtual_network_gateway_connection, Microsoft.Network/connections), whose prefixes are known;
 * `maybe`, why other sites may put such a route there (not linked, address space not known).
 */
function staticSites(
  g: VnetGateway,
  all: LocalNetworkGateway[],
  address: string,
): { sure: SiteHit[]; maybe?: string } {
  // A site linked to gateways (live: read through their connections) belongs to those only.
  const sites = all.filter((s) => !s.gatewayIds || s.gatewayIds.includes(g.id))
  // Connections whose site the scan cannot read: whatever else is known, their address spaces are not.
  const unread =
    g.sitesRead || !g.unknownSites?.length
      ? undefined
      : `${g.unknownSites.join('; ')}: its address space may cover KMS`
  if (sites.length === 0)
    return g.sitesRead
      ? { sure: [] }
      : {
          sure: [],
          maybe: unread ?? 'the local network gateways of its connections are not in the scanned sources',
        }
  const sure: SiteHit[] = []
  for (const s of sites) {
    const prefixes = s.addressPrefixes
    if (!prefixes.known)
      return {
        sure,
        maybe:
          s.format === 'live'
            ? `the address space of ${displayName(s)} is not known: ${prefixes.reason}`
            : `the address space of local network gateway ${displayName(s)} is not known (\`${prefixes.expression}\`)`,
      }
    // The most specific covering prefix is the one that competes in route selection.
    let best: { prefix: string; bits: number } | undefined
    for (const p of prefixes.value) {
      const bits = routeSpecificity(p, address)
      if (bits !== undefined && (!best || bits > best.bits)) best = { prefix: p, bits }
    }
    if (!best) continue
    if (s.gatewayIds) sure.push({ site: s, prefix: best.prefix })
    else
      return {
        sure,
        maybe: `local network gateway ${displayName(s)} has ${best.prefix} in its address space, and no connection in the scanned sources says which VPN gateway uses it`,
      }
  }
  return { sure, ...(unread ? { maybe: unread } : {}) }
}

/** Why a gateway can put a route to `address` in its VNet's subnets (`because`, undefined = cannot), and the sure site routes. */
function exposure(
  index: ModelIndex,
  g: VnetGateway,
  address: string,
): { because?: string; sites: SiteHit[] } {
  const peers = g.peers.length > 0 ? ` (peers: ${g.peers.join(', ')})` : ''
  switch (g.kind) {
    case 'routeServer':
      return { because: `NVAs peering with the Route Server advertise routes over BGP${peers}`, sites: [] }
    case 'expressRoute':
      return { because: `on-premises advertises routes over BGP through ExpressRoute${peers}`, sites: [] }
    case 'vpn': {
      const bgp = g.bgp
      const sites = (index.model.bgp?.localNetworkGateways ?? []).flatMap((l) =>
        l.bgpPeer ? [`${displayName(l)} ${l.bgpPeer}`] : [],
      )
      const sitePeers = sites.length > 0 ? ` (BGP peers: ${sites.join(', ')})` : ''
      if (!bgp || !bgp.known || bgp.value)
        return {
          because: `${bgp?.known ? 'BGP is enabled' : bgp ? `BGP may be enabled (\`${bgp.expression}\`)` : 'BGP'}: on-premises advertises routes through the VPN${sitePeers}`,
          sites: [],
        }
      const found = staticSites(g, index.model.bgp?.localNetworkGateways ?? [], address)
      return { sites: found.sure, ...(found.maybe ? { because: found.maybe } : {}) }
    }
  }
}

/**
 * A gateway route a subnet surely gets: a prefix of a local site covering the KMS address, propagated by a
 * VPN gateway without BGP whose VNet is the subnet's (or the remote VNet of its `use_remote_gateways`
 * peering), every link known. Azure adds it with next hop VirtualNetworkGateway (source "Virtual network
 * gateway") to every subnet whose route table lets gateway routes propagate; it then competes by longest
 * prefix like any route (on equal prefixes a user route beats it, it beats a system route).
 */
export interface SiteRoute extends SiteHit {
  gateway: VnetGateway
  peering?: VnetPeering
  /** `local network gateway lgw-dc (VPN gateway vgw-hub in vnet-hub, through peering p)`. */
  text: string
}

const siteRouteText = (r: Omit<SiteRoute, 'text'>): string => {
  const g = r.gateway
  const via = r.peering ? `, through peering ${displayName(r.peering)} (use_remote_gateways)` : ''
  return `local network gateway ${displayName(r.site)} of ${KIND[g.kind]} ${displayName(g)}${g.vnetName.known ? ` in ${g.vnetName.value}` : ''}${via}`
}

/**
 * The gateways whose routes reach a subnet's VNet: its own, and those of VNets it uses as remote gateway.
 * `sources`: what may put a route to KMS there (named, not followed); `sites`: the site routes it surely
 * gets (siteRoutes).
 */
export function bgpSources(
  index: ModelIndex,
  subnet: Subnet,
  address: string,
): { sources: BgpSource[]; sites: SiteRoute[] } {
  const bgp = index.model.bgp
  const out: BgpSource[] = []
  const sure: SiteRoute[] = []
  const elsewhere = undeclaredVnet(index, subnet)
  if (elsewhere) out.push(elsewhere)
  if (!bgp) return { sources: out, sites: sure }
  const vnet = subnet.vnetId
  /** A gateway's exposure: sure site routes where every link is known, the rest named. */
  const expose = (gateway: VnetGateway, certainLink: boolean, peering?: VnetPeering) => {
    const e = exposure(index, gateway, address)
    const certain = certainLink && gateway.vnetId.known
    if (certain)
      for (const hit of e.sites) {
        const r = { ...hit, gateway, ...(peering ? { peering } : {}) }
        sure.push({ ...r, text: siteRouteText(r) })
      }
    const siteText = certain
      ? undefined
      : e.sites
          .map((h) => `local network gateway ${displayName(h.site)} has ${h.prefix} in its address space`)
          .join('; ') || undefined
    const because = [e.because, siteText].filter((x) => x !== undefined).join('; ')
    return because === '' ? undefined : because
  }
  // The gateways of one VNet (by key): a gateway whose VNet cannot be told may be there, and is named so.
  const add = (vnetId: Value<string>, vnetName: Value<string>, peering?: VnetPeering, doubt = '') => {
    const gateways = bgp.gateways.filter((g) => sameVnet(g.vnetId, vnetId) !== false)
    for (const gateway of gateways) {
      const linked = doubt === '' && sameVnet(gateway.vnetId, vnetId) === true
      const because = expose(gateway, linked && (!peering || peering.useRemoteGateways.known), peering)
      if (!because) continue
      const may = gateway.vnetId.known
        ? ''
        : `; the ${whyNot('gateway', gateway.vnetId)}, so it may be in ${peering ? 'the remote VNet' : 'the subnet’s VNet'}`
      out.push({ gateway, because: `${because}${may}${doubt}`, ...(peering ? { peering } : {}) })
    }
    // use_remote_gateways needs a gateway (or Route Server) in the remote VNet: Azure refuses it otherwise.
    if (gateways.length === 0 && peering)
      out.push({
        peering,
        remoteVnet: vnetName.known ? vnetName.value : vnetName.expression,
        because: `the remote VNet has a gateway or Route Server (use_remote_gateways requires one) that is not in the scanned sources${doubt}`,
      })
  }
  if (!vnet?.known) {
    // The subnet's VNet is not known: any gateway in the scan may be its own (not "none").
    for (const gateway of bgp.gateways) {
      const because = expose(gateway, false)
      if (because)
        out.push({
          gateway,
          because: `${because}; the subnet's virtual network is not known, so it may be this gateway's`,
        })
    }
    return { sources: out, sites: sure }
  }
  add(vnet, subnet.vnetName ?? vnet)
  for (const p of bgp.peerings) {
    const mine = sameVnet(p.vnetId, vnet)
    if (mine === false) continue
    const use = p.useRemoteGateways
    if (use.known && !use.value) continue
    // A peering whose local VNet cannot be told may be this VNet's: followed, and said so.
    const doubt = mine === 'unknown' ? `; the ${whyNot('peering', p.vnetId)}, so it may be this VNet's` : ''
    add(p.remoteVnetId, p.remoteVnetName, p, doubt)
  }
  return { sources: out, sites: sure }
}

/**
 * The VNet keys whose gateways the scan knows, per model: the VNets the IaC declares, those live state read,
 * and those a scanned gateway is in (a VNet with its own gateway cannot use a remote one: Azure refuses
 * use_remote_gateways there, so that gateway is all it learns from).
 */
const knownKeys = new WeakMap<ModelIndex['model'], Set<string>>()
function gatewaysKnown(index: ModelIndex): Set<string> {
  let keys = knownKeys.get(index.model)
  if (!keys) {
    keys = new Set((index.model.vnets ?? []).map((v) => v.id))
    for (const s of index.model.subnets) if (s.format === 'live' && s.vnetId?.known) keys.add(s.vnetId.value)
    for (const g of index.model.bgp?.gateways ?? []) if (g.vnetId.known) keys.add(g.vnetId.value)
    knownKeys.set(index.model, keys)
  }
  return keys
}

/**
 * A subnet whose virtual network the scan does not declare (a Terraform data source or a VNet named by a
 * literal, a Bicep `existing` VNet, a subnet module given only the VNet's name): the VNet's own gateway,
 * its peerings' `use_remote_gateways` and a Virtual WAN hub connection are declared elsewhere if anywhere,
 * so what the subnet learns over BGP is not known, where the scan would otherwise say "none". A declared
 * VNet is taken to carry its own gateway and peerings (they are declared with it or not at all); live
 * state reads every VNet.
 */
function undeclaredVnet(index: ModelIndex, subnet: Subnet): BgpSource | undefined {
  const key = subnet.vnetId
  // Live state reads every VNet; a model without VNet keys (built by hand) does not say what it declares.
  if (subnet.format === 'live' || key === undefined) return undefined
  if (key.known && gatewaysKnown(index).has(key.value)) return undefined
  const v = subnet.vnetName ?? key
  const name = v ? (v.known ? v.value : `its virtual network (\`${v.expression}\`)`) : 'its virtual network'
  const other = elsewhere(index, subnet)
  // Declared by another unit of the scan, whose gateways, peerings and hub connection are laid into this model.
  if (other.sure.length > 0 && other.unsure.length === 0) return undefined
  const what =
    'whether it has a VPN or ExpressRoute gateway or a Route Server, or uses a hub’s through a peering with ' +
    'use_remote_gateways (or a Virtual WAN hub connection), is not known'
  // Other units declare a VNet of that name, but a resource group is not known on one side: not taken as
  // it (VNets are told apart by resource group and name; a guess could only make a subnet "reachable").
  if (other.unsure.length > 0) {
    const where = (e: VnetElsewhere) =>
      `${e.unit} (${e.key ? `resource group ${scopeText(e.key)}` : 'resource group not known'})`
    const one = other.unsure.length === 1
    const silent = !key.known
      ? 'this unit does not say which resource group it reads it from'
      : one
        ? 'that unit does not say its resource group'
        : 'those units do not say their resource groups'
    return {
      undeclared: true,
      remoteVnet: name,
      because:
        `${name} may be the VNet declared in ${other.unsure.map(where).join(' or ')}, but it is not taken as ` +
        `${one ? 'that VNet' : 'either'}: VNets are told apart by resource group and name, and ${silent}, ` +
        `so ${what}; give the resource group (a var file or parameter value, Bicep ` +
        "`scope: resourceGroup('…')` on the `existing` VNet), or scan with `live: true`",
    }
  }
  return {
    undeclared: true,
    remoteVnet: name,
    because:
      // An unknown key may be a declared VNet the scan cannot tell apart: say that, not "not declared".
      `${key.known ? `${name} is not declared in the scanned sources` : (key.reason ?? `which VNet ${name} is cannot be told`)}, so ${what}; ` +
      'scan the sources that declare the VNet with it, or scan with `live: true`',
  }
}

/** `rg-hub` (or `rg-hub in subscription s`) of a VNet key of the ARM-id form. */
function scopeText(key: string): string {
  const m = /^(?:\/subscriptions\/([^/]+))?\/resourcegroups\/([^/]+)\//i.exec(key)
  if (!m) return key
  return m[1] ? `${m[2]} in subscription ${m[1]}` : m[2]!
}

/**
 * The VNets of other units of the scan that a subnet's VNet may be (GatewayModel.elsewhere): `sure`, the
 * same key; `unsure`, the same name where a resource group is not known on one side.
 */
function elsewhere(index: ModelIndex, subnet: Subnet): { sure: VnetElsewhere[]; unsure: VnetElsewhere[] } {
  const sure: VnetElsewhere[] = []
  const unsure: VnetElsewhere[] = []
  const key = subnet.vnetId
  const name = subnet.vnetName?.known ? subnet.vnetName.value.toLowerCase() : undefined
  for (const e of index.model.bgp?.elsewhere ?? []) {
    const same = key?.known && e.key !== undefined ? sameVnet(key, { known: true, value: e.key }) : 'unknown'
    if (same === true) sure.push(e)
    else if (same === 'unknown' && name === e.name.toLowerCase()) unsure.push(e)
  }
  return { sure, unsure }
}

/** ` (declared in root module connectivity)` for a gateway or peering another unit of the scan declares. */
const declaredIn = (o: { unit?: string }): string => (o.unit ? ` (declared in ${o.unit})` : '')

function sourceText(s: BgpSource): string {
  const g = s.gateway
  if (s.undeclared) return `the gateways and peerings of ${s.remoteVnet}`
  const what = g
    ? `${KIND[g.kind]} ${displayName(g)}${g.vnetName.known ? ` in ${g.vnetName.value}` : ''}${declaredIn(g)}`
    : `the gateway of ${s.remoteVnet}`
  if (!s.peering) return what
  const use = s.peering.useRemoteGateways
  return `${what}, through peering ${displayName(s.peering)} (use_remote_gateways${use.known ? '' : ` = \`${use.expression}\``})${declaredIn(s.peering)}`
}

/** How the subnet's route table lets gateway routes in, for the message. */
function propagationText(table: RouteTable | undefined): string {
  if (!table) return 'the subnet has no route table, so gateway routes propagate'
  const p = table.bgpRoutePropagation
  if (p.known) return `route table ${displayName(table)} lets gateway routes propagate`
  return `route table ${displayName(table)} may let gateway routes propagate (\`${p.expression}\`)`
}

/**
 * The BGP exposure of a subnet whose KMS traffic would otherwise follow the system default route, or a
 * user route shorter than /32 (`over`, e.g. `user route default (0.0.0.0/0)`: a learned route with a longer
 * prefix wins over it): undefined when no learned route can reach it, else the unresolved value that names
 * where the routes come from, the propagation setting and the peering. `managed`: the propagation of a
 * Virtual Network Manager managed route table, where that decides instead of the subnet's own table.
 */
export function bgpUnknown(
  index: ModelIndex,
  subnet: Subnet,
  table: RouteTable | undefined,
  address: string,
  managed?: { value: Value<boolean>; object: ModelObject; text: string },
  over?: string,
): UnresolvedValue | undefined {
  const propagation = managed?.value ?? table?.bgpRoutePropagation
  if (propagation?.known && !propagation.value) return undefined
  const found = bgpSources(index, subnet, address)
  // Sure site routes were weighed as routes where gateway routes surely propagate (paths.ts siteSelection);
  // where that is not known, they may reach the subnet like the rest.
  const sources: BgpSource[] = [
    ...found.sources,
    ...(propagation && !propagation.known
      ? found.sites.map((r) => ({
          gateway: r.gateway,
          ...(r.peering ? { peering: r.peering } : {}),
          because: `local network gateway ${displayName(r.site)} has ${r.prefix} in its address space`,
        }))
      : []),
  ]
  if (sources.length === 0) return undefined
  const bgp = {
    sources: sources.map(sourceText).join('; '),
    because: unique(sources.map((s) => s.because)).join('; '),
    propagation: managed?.text ?? propagationText(table),
  }
  const what = over
    ? `a route to KMS more specific than the ${over} (on-premises often advertises 0.0.0.0/1 and 128.0.0.0/1 for forced tunnelling), which wins over it by longest prefix match`
    : 'a route to KMS (often 0.0.0.0/0)'
  const value = unknown(
    bgp.sources,
    `routes learned over BGP reach this subnet (${bgp.because}; ${bgp.propagation}), ` +
      `and on-premises or an NVA may advertise ${what}; BGP routes are not in the code`,
    table?.origin ?? subnet.origin,
  )
  return { value, attribute: 'bgpRoutePropagation', object: table ?? managed?.object ?? subnet, bgp }
}
