/**
 * Where BGP routes come from outside Virtual WAN, in ARM shape (Bicep and ARM templates, azapi):
 * virtualNetworkGateways (VPN with or without BGP, ExpressRoute), localNetworkGateways, Azure Route Server
 * (a virtualHubs resource whose ipConfigurations sit in RouteServerSubnet; its bgpConnections are the NVAs
 * peering with it) and virtualNetworkPeerings (useRemoteGateways, allowGatewayTransit), as child resources
 * or inline in a virtual network. Also the link helpers the Terraform adapters share: the VNet of a
 * gateway's subnet, the name of a referenced VNet.
 */
import {
  emptyGatewayModel,
  type GatewayModel,
  type LocalNetworkGateway,
  type ModelObject,
  type VnetGateway,
  type VnetPeering,
} from '../../model/network'
import { known, unknown, type Origin, type Unknown, type Value } from '../../model/value'
import { vnetKeyOfArmId, vnetKeyOfName } from '../../model/vnet'
import { ARM, type ModelBuilder } from '../../model/build'
import type { HclValue } from '../evaluation/evaluated'
import { attrCI, bool, items, str, strList } from '../evaluation/value-tree'

export const GATEWAY_TYPES = [
  'Microsoft.Network/virtualNetworkGateways',
  'Microsoft.Network/localNetworkGateways',
  'Microsoft.Network/connections',
  `${ARM.vnet}/virtualNetworkPeerings`,
  `${ARM.virtualHub}/ipConfigurations`,
  `${ARM.virtualHub}/bgpConnections`,
].map((t) => t.toLowerCase())

export const gatewayModel = (b: ModelBuilder): GatewayModel => (b.model.bgp ??= emptyGatewayModel())

function p(obj: HclValue | undefined, ...names: string[]): HclValue | undefined {
  let cur = obj
  for (const n of names) cur = attrCI(cur, n)
  return cur
}

const idOf = (v: HclValue | undefined): Value<string> | undefined => str(attrCI(v, 'id')) ?? str(v)

const text = (v: Value<string> | undefined): string | undefined => (v?.known ? v.value : undefined)

/** A VNet a reference names: its key (src/model/vnet.ts) to match, its name for messages. */
export interface VnetRef {
  id: Value<string>
  name: Value<string>
}

const lastSegment = (text: string): string => text.split('/').filter(Boolean).pop() ?? text

/**
 * The VNet a reference names (an ARM id, a Terraform reference, a model id, or a plain name with the
 * resource group in `hints`): the declared VNet's model id when the scan declares exactly one it can be;
 * else the ARM id, or the name qualified by its resource group; else Unknown, saying why. Never a bare
 * name: two `vnet-spoke` in two resource groups are two VNets.
 */
export function vnetRef(
  b: ModelBuilder,
  ref: Value<string> | undefined,
  hints: { near: string; resourceGroup?: Value<string>; subscription?: string },
  what: string,
): VnetRef {
  if (!ref) return { id: unknown(what, 'not set'), name: unknown(what, 'not set') }
  const id = b.resolve(ARM.vnet, ref, hints)
  if (id?.known) {
    const own = b.registration(id.value)?.names.at(-1)
    const name = own
      ? known(own, ref.origin)
      : ref.known
        ? known(lastSegment(ref.value), ref.origin)
        : unknown(ref.expression, 'the virtual network’s name is not known', ref.origin)
    return { id, name }
  }
  const why = id && !id.known ? (id.reason ?? 'not known') : 'not known'
  if (!ref.known) return { id: id ?? ref, name: ref }
  const text = ref.value.trim()
  const name = known(lastSegment(text), ref.origin)
  if (why.startsWith('ambiguous')) return { id: unknown(text, why, ref.origin), name }
  if (text.includes('/')) {
    const key = vnetKeyOfArmId(text)
    if (key) return { id: known(key, ref.origin), name }
    return { id: unknown(text, `${why}; the id names no resource group`, ref.origin), name }
  }
  const rg = hints.resourceGroup
  if (rg?.known) {
    // The subscription the IaC states (a provider alias, a module scope) is part of the VNet's identity.
    const key = vnetKeyOfName(text, rg.value)
    return {
      id: known(hints.subscription ? `/subscriptions/${hints.subscription}${key}` : key, ref.origin),
      name,
    }
  }
  const where = rg ? `its resource group is not known (\`${rg.expression}\`)` : 'no resource group is given'
  return {
    id: unknown(
      text,
      `virtual network ${text} is not in the scanned sources and ${where}: which VNet of that name cannot be told`,
      ref.origin,
    ),
    name,
  }
}

/** Sets an object's VNet key and name. */
export function setVnet(o: { vnetId: Value<string>; vnetName: Value<string> }, r: VnetRef): void {
  o.vnetId = r.id
  o.vnetName = r.name
}

/**
 * The VNet of the subnet a reference names: the declared subnet's, or the VNet part of an ARM id
 * (`.../virtualNetworks/vnet-hub/subnets/GatewaySubnet`). Runs in the link step, after every subnet's
 * VNet is set (in the registration step).
 */
export function vnetOfSubnet(b: ModelBuilder, ref: Value<string> | undefined, near: string): VnetRef {
  if (!ref) return { id: unknown('subnet', 'not set'), name: unknown('subnet', 'not set') }
  const id = b.resolve(ARM.subnet, ref, { near })
  const subnet = id?.known ? b.model.subnets.find((s) => s.id === id.value) : undefined
  if (subnet) {
    const what = subnet.address
    return {
      id: subnet.vnetId ?? unknown(what, 'the subnet’s virtual network is not known', subnet.origin),
      name: subnet.vnetName ?? unknown(what, 'the subnet’s virtual network is not known', subnet.origin),
    }
  }
  const m = ref.known ? /(?:^|\/)virtualNetworks\/([^/]+)\/subnets\//i.exec(ref.value) : null
  if (m && ref.known) {
    const key = vnetKeyOfArmId(ref.value)
    const name = known(m[1]!, ref.origin)
    if (key) return { id: known(key, ref.origin), name }
    return { id: unknown(ref.value, 'the subnet id names no resource group', ref.origin), name }
  }
  // A subnet the scan reads but does not declare (a `data "azurerm_subnet"`, an `existing` resource) names
  // its VNet by name and resource group: the declared VNet so named, else that name in that group.
  const d = id && !id.known ? id.deployed : undefined
  if (d && d.armType === ARM.subnet.toLowerCase() && d.names.length === 2 && d.resourceGroup) {
    const rg = known(d.resourceGroup, ref.origin)
    const vnet = vnetRef(b, known(d.names[0]!, ref.origin), { near, resourceGroup: rg }, 'subnet')
    if (vnet.id.known && d.subscription && vnet.id.value.startsWith('/resourcegroups/'))
      vnet.id = known(`/subscriptions/${d.subscription}${vnet.id.value}`, ref.origin)
    return vnet
  }
  const u = unknown(
    ref.known ? ref.value : ref.expression,
    id && !id.known && id.reason ? id.reason : 'the gateway subnet is not in the scanned sources',
    ref.origin,
  )
  return { id: u, name: u }
}

/**
 * Links a local network gateway to the VPN gateway of a site-to-site connection (azurerm
 * virtual_network_gateway_connection, Microsoft.Network/connections): the gateway propagates the site's
 * address space. Both sides must resolve to objects of the scan; otherwise the site stays unlinked (any VPN
 * gateway may use it, named as such).
 */
export function linkSite(
  b: ModelBuilder,
  gatewayRef: Value<string> | undefined,
  siteRef: Value<string> | undefined,
  near: string,
  /** The connection's Azure name, for messages. */
  connection?: Value<string>,
  /** The connection's lines: where a VPN gateway the scan does not declare is named. */
  origin?: Origin,
): void {
  const gateway = b.resolve(ARM.vnetGateway, gatewayRef, { near })
  const site = b.resolve(ARM.localNetworkGateway, siteRef, { near })
  if (gatewayRef && gateway && !gateway.known && origin)
    orphanConnection(b, gatewayRef, gateway, site, origin, near, connection)
  const read =
    gateway && !gateway.known
      ? (gateway.deployed ?? (gatewayRef?.known ? undefined : gatewayRef?.deployed))
      : undefined
  if (read && site?.known) {
    // Its gateway may be declared by another unit of the scan: kept by Azure identity to link them there.
    const l = gatewayModel(b).localNetworkGateways.find((x) => x.id === site.value)
    if (l) (l.gatewaysRead ??= []).push(read)
  }
  if (gateway?.known && site && !site.known) {
    // The gateway propagates a site the scan cannot read: its address space may cover KMS (named, not passed).
    const g = gatewayModel(b).gateways.find((x) => x.id === gateway.value)
    const name = connection?.known ? connection.value : near
    if (g)
      (g.unknownSites ??= []).push(
        `connection ${name} uses local network gateway \`${site.expression}\`, which is not in the scanned sources (${site.reason ?? 'not resolved'})`,
      )
  }
  if (!gateway?.known || !site?.known) return
  const l = gatewayModel(b).localNetworkGateways.find((x) => x.id === site.value)
  if (l && !(l.gatewayIds ??= []).includes(gateway.value)) l.gatewayIds.push(gateway.value)
}

/**
 * A connection whose VPN gateway the scan does not declare (a data source, an ARM id of a gateway deployed
 * elsewhere): that gateway propagates the site's address space, and what on-premises advertises over BGP,
 * to the subnets of its VNet and of the spokes using it, none of which the scan can tell. Linked to nothing
 * it would be named only where some declared gateway may be taken for it: named here, at the connection.
 */
function orphanConnection(
  b: ModelBuilder,
  ref: Value<string>,
  gateway: Unknown,
  site: Value<string> | undefined,
  origin: Origin,
  near: string,
  connection?: Value<string>,
): void {
  const d = gateway.deployed ?? (ref.known ? undefined : ref.deployed)
  const which = d?.names.length
    ? ` ${d.names.join('/')}${d.resourceGroup ? ` in ${d.resourceGroup}` : ''}`
    : ''
  const l = site?.known ? gatewayModel(b).localNetworkGateways.find((x) => x.id === site.value) : undefined
  const space = l?.addressPrefixes.known ? ` (${l.addressPrefixes.value.join(', ')})` : ''
  const siteText = l ? `local network gateway ${l.name.known ? l.name.value : l.address}${space}` : 'its site'
  const name = connection?.known ? connection.value : near
  b.unresolved(
    origin,
    `Connection ${name} links ${siteText} to ${which ? `VPN gateway${which}` : 'a VPN gateway'}, ` +
      'which the scanned sources do not declare: that gateway puts the site’s address space (and, with BGP, ' +
      'whatever on-premises advertises) into the routes of its VNet and of spokes peered to it with ' +
      'use_remote_gateways, and which VNets those are is not known here. Scan the sources that declare the ' +
      'gateway with these, or scan with `live: true` and `effective-routes: true`.',
    ref.known ? ref.value : ref.expression,
    near,
    d,
  )
}

/** Registers a gateway or site under its ARM type, so that connections can name it. */
function registerGateway(
  b: ModelBuilder,
  armType: string,
  header: ModelObject,
  resourceGroup?: Value<string>,
) {
  b.register({
    armType,
    id: header.id,
    names: [header.name.known ? header.name.value : undefined],
    resourceGroup: resourceGroup?.known ? resourceGroup.value : undefined,
  })
}

/** A peering from `local` (the VNet's model id, or its reference as the parent, in `resourceGroup`). */
export function armPeering(
  b: ModelBuilder,
  header: ModelObject,
  props: HclValue | undefined,
  local: Value<string> | undefined,
  resourceGroup?: Value<string>,
): void {
  const remote = idOf(p(props, 'remoteVirtualNetwork'))
  const peering: VnetPeering = {
    ...header,
    vnetName: unknown('parent', 'not linked yet'),
    vnetId: unknown('parent', 'not linked yet'),
    remoteVnetName: unknown('remoteVirtualNetwork', 'not linked yet'),
    remoteVnetId: unknown('remoteVirtualNetwork', 'not linked yet'),
    // The REST API defaults both to false.
    useRemoteGateways: bool(p(props, 'useRemoteGateways')) ?? known(false, header.origin),
    allowGatewayTransit: bool(p(props, 'allowGatewayTransit')) ?? known(false, header.origin),
  }
  gatewayModel(b).peerings.push(peering)
  b.defer(() => {
    const hints = { near: peering.id, ...(resourceGroup ? { resourceGroup } : {}) }
    const from = vnetRef(b, local, hints, 'parent')
    const to = vnetRef(b, remote, { near: peering.id }, 'remoteVirtualNetwork')
    Object.assign(peering, { vnetId: from.id, vnetName: from.name })
    Object.assign(peering, { remoteVnetId: to.id, remoteVnetName: to.name })
  })
}

export interface GatewayInput {
  b: ModelBuilder
  type: string
  header: ModelObject
  props: HclValue | undefined
  /** The parent (VNet of a peering, hub of an ipConfiguration or bgpConnection): ARM id, model id or name. */
  parent?: Value<string>
  /** The resource group the resource is deployed to (tells a parent VNet given by name apart). */
  resourceGroup?: Value<string>
}

/** The Route Server a virtualHubs child belongs to: one gateway per hub, created by the first child. */
function routeServerOf(b: ModelBuilder, hubId: string, hub: ModelObject | undefined): VnetGateway {
  const model = gatewayModel(b)
  let g = model.gateways.find((x) => x.kind === 'routeServer' && x.id === hubId)
  if (!g) {
    const base = hub ?? { id: hubId, name: known(hubId.split('/').pop() ?? hubId) }
    g = {
      ...(base as ModelObject),
      id: hubId,
      kind: 'routeServer',
      vnetName: unknown('ipConfigurations', 'no ip configuration in RouteServerSubnet'),
      vnetId: unknown('ipConfigurations', 'no ip configuration in RouteServerSubnet'),
      peers: [],
    }
    model.gateways.push(g)
  }
  return g
}

/**
 * The hub a child names, as a model id, and the hub object when the scan declares it; `open`, why it
 * cannot be told (a parent named by a parameter without a value, no parent given).
 */
function parentHub(b: ModelBuilder, input: GatewayInput): { id?: string; hub?: ModelObject; open?: Unknown } {
  // A name the scan cannot evaluate (`[format('{0}/{1}', parameters('hub'), 'nva')]`) carries the parent.
  const name = input.header.name
  const parent = input.parent ?? (name.known ? undefined : name)
  const id = b.resolve(ARM.virtualHub, parent, { near: input.header.id })
  if (!id?.known)
    return { open: id ?? parent ?? unknown('parent', 'no parent given', input.header.origin) } as {
      open: Unknown
    }
  return { id: id.value, hub: b.model.virtualWan?.hubs.find((h) => h.id === id.value) }
}

/**
 * A Route Server part (an NVA's bgpConnection, an ipConfiguration) whose hub cannot be told: it is a
 * Route Server of a VNet the scan cannot tell (for an ipConfiguration, the VNet of its subnet where that
 * is known), whose NVAs advertise routes to that VNet and to spokes using it as remote gateway. Kept as
 * such, never dropped: src/analysis/bgp.ts takes a Route Server of unknown VNet as possibly any subnet's.
 */
function routeServerOfUnknownHub(b: ModelBuilder, header: ModelObject, open: Unknown): VnetGateway {
  const why = `which virtual hub (Route Server) ${header.address} belongs to is not known (${open.reason ?? open.expression})`
  const vnet = unknown(
    open.expression,
    `${why}: it may be a Route Server in any virtual network`,
    header.origin,
  )
  const g: VnetGateway = {
    ...header,
    name: known(`of ${header.address}`, header.origin),
    kind: 'routeServer',
    vnetName: vnet,
    vnetId: vnet,
    peers: [],
  }
  gatewayModel(b).gateways.push(g)
  return g
}

/** Adds a gateway, local site, peering or Route Server part; false when the type is none of them. */
export function addGatewayResource(input: GatewayInput): boolean {
  const { b, header, props } = input
  const model = gatewayModel
  switch (input.type.toLowerCase()) {
    case 'microsoft.network/virtualnetworkgateways': {
      const type = str(p(props, 'gatewayType'))
      const kind = type?.known && type.value.toLowerCase() === 'expressroute' ? 'expressRoute' : 'vpn'
      const subnetRef = idOf(p(items(p(props, 'ipConfigurations'))[0], 'properties', 'subnet'))
      const g: VnetGateway = {
        ...header,
        kind,
        vnetName: unknown('ipConfigurations', 'not linked yet'),
        vnetId: unknown('ipConfigurations', 'not linked yet'),
        peers: [],
      }
      // The REST API's default is off.
      if (kind === 'vpn') g.bgp = bool(p(props, 'enableBgp')) ?? known(false, header.origin)
      model(b).gateways.push(g)
      registerGateway(b, ARM.vnetGateway, header, input.resourceGroup)
      b.defer(() => {
        setVnet(g, vnetOfSubnet(b, subnetRef, g.id))
      })
      return true
    }
    case 'microsoft.network/localnetworkgateways': {
      const l: LocalNetworkGateway = {
        ...header,
        addressPrefixes:
          strList(p(props, 'localNetworkAddressSpace', 'addressPrefixes')) ?? known([], header.origin),
      }
      const bgp = p(props, 'bgpSettings')
      if (bgp) {
        const asn = text(str(p(bgp, 'asn')))
        l.bgpPeer = `${text(str(p(bgp, 'bgpPeeringAddress'))) ?? '?'}${asn ? ` AS ${asn}` : ''}`
      }
      model(b).localNetworkGateways.push(l)
      registerGateway(b, ARM.localNetworkGateway, header, input.resourceGroup)
      return true
    }
    case 'microsoft.network/connections': {
      const site = idOf(p(props, 'localNetworkGateway2'))
      if (site) {
        const gateway = idOf(p(props, 'virtualNetworkGateway1'))
        b.defer(() => linkSite(b, gateway, site, header.id, header.name, header.origin))
      }
      return true
    }
    case `${ARM.vnet}/virtualNetworkPeerings`.toLowerCase():
      armPeering(b, header, props, input.parent, input.resourceGroup)
      return true
    case `${ARM.virtualHub}/ipConfigurations`.toLowerCase(): {
      const subnetRef = idOf(p(props, 'subnet'))
      b.defer(() => {
        const { id, hub, open } = parentHub(b, input)
        const g = id ? routeServerOf(b, id, hub) : routeServerOfUnknownHub(b, header, open!)
        const vnet = vnetOfSubnet(b, subnetRef, g.id)
        if (id || vnet.id.known) setVnet(g, vnet)
      })
      return true
    }
    case `${ARM.virtualHub}/bgpConnections`.toLowerCase(): {
      const ip = text(str(p(props, 'peerIp')))
      const asn = str(p(props, 'peerAsn'))
      const name = header.name.known ? header.name.value : header.address
      b.defer(() => {
        const { id, hub, open } = parentHub(b, input)
        const asnText = asn?.known ? ` AS ${asn.value}` : ''
        const server = id ? routeServerOf(b, id, hub) : routeServerOfUnknownHub(b, header, open!)
        server.peers.push(`${name} ${ip ?? '?'}${asnText}`)
      })
      return true
    }
    default:
      return false
  }
}
