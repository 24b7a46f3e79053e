/**
 * Where BGP routes come from outside Virtual WAN, in azurerm: virtual network gateways (VPN with or
 * without BGP, ExpressRoute), local network gateways (a site's address space, its BGP peer), Azure Route
 * Server (azurerm_route_server, or the older azurerm_virtual_hub_ip form) and the NVAs peering with it,
 * and VNet peerings (use_remote_gateways / allow_gateway_transit). The VNet a gateway serves is the VNet
 * of the subnet its ip configuration names (GatewaySubnet, RouteServerSubnet), found in the link step.
 */
import {
  emptyGatewayModel,
  type GatewayModel,
  type LocalNetworkGateway,
  type VnetGateway,
  type VnetPeering,
} from '../../../model/network'
import { known, unknown, type Value } from '../../../model/value'
import { linkSite, setVnet, vnetOfSubnet, vnetRef } from '../../mapping/arm-gateways'
import { ARM, type ModelBuilder } from '../../../model/build'
import { attr, bool, items, str, strList } from '../../evaluation/value-tree'
import { arg, header, hintsOf, registerResource, type Adapter } from './common'

const gw = (b: ModelBuilder): GatewayModel => (b.model.bgp ??= emptyGatewayModel())

const text = (v: Value<string | number> | undefined): string | undefined =>
  v?.known ? String(v.value) : undefined

const virtualNetworkGateway: Adapter = (r, b) => {
  const type = str(arg(r, 'type'))
  const kind = type?.known && type.value.toLowerCase() === 'expressroute' ? 'expressRoute' : 'vpn'
  const subnetRef = str(attr(items(arg(r, 'ip_configuration'))[0], 'subnet_id'))
  // azurerm v3 `enable_bgp`, v4 `bgp_enabled`; both default to false.
  const bgp = bool(arg(r, 'bgp_enabled')) ?? bool(arg(r, 'enable_bgp')) ?? known(false, r.origin)
  const g: VnetGateway = {
    ...header(r),
    kind,
    vnetName: unknown('ip_configuration.subnet_id', 'not linked yet'),
    vnetId: unknown('ip_configuration.subnet_id', 'not linked yet'),
    peers: [],
  }
  if (kind === 'vpn') g.bgp = bgp
  gw(b).gateways.push(g)
  registerResource(b, r, ARM.vnetGateway)
  b.defer(() => {
    setVnet(g, vnetOfSubnet(b, subnetRef, g.id))
  })
}

const localNetworkGateway: Adapter = (r, b) => {
  const settings = items(arg(r, 'bgp_settings'))[0]
  const l: LocalNetworkGateway = {
    ...header(r),
    addressPrefixes: strList(arg(r, 'address_space')) ?? known([], r.origin),
  }
  if (settings) {
    const ip = text(str(attr(settings, 'bgp_peering_address')))
    const asn = text(str(attr(settings, 'asn')))
    l.bgpPeer = `${ip ?? '?'}${asn ? ` AS ${asn}` : ''}`
  }
  gw(b).localNetworkGateways.push(l)
  registerResource(b, r, ARM.localNetworkGateway)
}

/**
 * A site-to-site connection (`type = "IPsec"`): links its local network gateway to the VPN gateway, whose
 * routes then carry the site's address space (src/analysis/bgp.ts). A side that does not resolve links
 * nothing: the site stays "may be any VPN gateway's".
 */
const gatewayConnection: Adapter = (r, b) => {
  const site = str(arg(r, 'local_network_gateway_id'))
  if (!site) return
  const gateway = str(arg(r, 'virtual_network_gateway_id'))
  const name = str(arg(r, 'name'))
  b.defer(() => linkSite(b, gateway, site, r.address, name, r.origin))
}

/** The virtual hub an azurerm_virtual_hub_ip Route Server is, to match its BGP connections. */
const hubOfServer = new WeakMap<VnetGateway, Value<string> | undefined>()

/** azurerm_route_server, or azurerm_virtual_hub_ip (the older Route Server: a hub with an ip in RouteServerSubnet). */
function routeServer(hubAttr?: string): Adapter {
  return (r, b) => {
    const subnetRef = str(arg(r, 'subnet_id'))
    const g: VnetGateway = {
      ...header(r),
      kind: 'routeServer',
      vnetName: unknown('subnet_id', 'not linked yet'),
      vnetId: unknown('subnet_id', 'not linked yet'),
      peers: [],
    }
    gw(b).gateways.push(g)
    if (hubAttr) hubOfServer.set(g, str(arg(r, hubAttr)))
    // A Route Server is a Microsoft.Network/virtualHubs resource: ARM ids of either form name it.
    else registerResource(b, r, ARM.virtualHub)
    b.defer(() => {
      setVnet(g, vnetOfSubnet(b, subnetRef, g.id))
    })
  }
}

/**
 * An NVA peering with a Route Server: named on the server, since what it advertises is not in the code.
 * A server the scan does not hold (its id unknown, or one declared elsewhere) is a Route Server of a VNet the
 * scan cannot tell, as for Bicep and ARM (src/sources/mapping/arm-gateways.ts): its NVAs may advertise a
 * default route to any subnet where gateway routes propagate (src/analysis/bgp.ts). Was: dropped, and the
 * spokes read "reachable".
 */
function bgpConnection(serverAttr: string): Adapter {
  return (r, b) => {
    const serverRef = str(arg(r, serverAttr))
    const ip = text(str(arg(r, 'peer_ip')))
    const asn = text(str(arg(r, 'peer_asn')))
    const name = text(str(arg(r, 'name'))) ?? r.address
    b.defer(() => {
      const id = b.resolve(ARM.virtualHub, serverRef, { near: r.address })
      const servers = gw(b).gateways.filter((g) => g.kind === 'routeServer')
      const idOf = (g: VnetGateway) => {
        if (!hubOfServer.has(g)) return g.id
        const hub = b.resolve(ARM.virtualHub, hubOfServer.get(g), { near: g.id })
        return hub?.known ? hub.value : undefined
      }
      // An id the scan cannot tell is not taken for the one server it holds: it may be another's.
      const server = id?.known ? servers.find((g) => idOf(g) === id.value) : undefined
      const peer = `${name} ${ip ?? '?'}${asn ? ` AS ${asn}` : ''}`
      if (server) return void server.peers.push(peer)
      const why = id?.known
        ? `its Route Server (${id.value}) is not in the scan`
        : `which Route Server it peers with is not known (${serverRef?.known === false ? (serverRef.reason ?? serverRef.expression) : `${serverAttr} not set`})`
      const vnet = unknown(serverAttr, `${why}: it may be a Route Server in any virtual network`, r.origin)
      gw(b).gateways.push({
        ...header(r),
        name: known(`of ${r.address}`, r.origin),
        kind: 'routeServer',
        vnetName: vnet,
        vnetId: vnet,
        peers: [peer],
      })
    })
  }
}

const peering: Adapter = (r, b) => {
  const remote = str(arg(r, 'remote_virtual_network_id'))
  const local = str(arg(r, 'virtual_network_name'))
  const p: VnetPeering = {
    ...header(r),
    vnetName: local ?? unknown('virtual_network_name', 'not set', r.origin),
    vnetId: unknown('virtual_network_name', 'not linked yet'),
    remoteVnetName: unknown('remote_virtual_network_id', 'not linked yet'),
    remoteVnetId: unknown('remote_virtual_network_id', 'not linked yet'),
    // azurerm defaults both to false.
    useRemoteGateways: bool(arg(r, 'use_remote_gateways')) ?? known(false, r.origin),
    allowGatewayTransit: bool(arg(r, 'allow_gateway_transit')) ?? known(false, r.origin),
  }
  gw(b).peerings.push(p)
  b.defer(() => {
    const from = vnetRef(b, local, hintsOf(r), 'virtual_network_name')
    const to = vnetRef(b, remote, { near: p.id }, 'remote_virtual_network_id')
    p.vnetId = from.id
    if (from.name.known) p.vnetName = from.name
    Object.assign(p, { remoteVnetId: to.id, remoteVnetName: to.name })
  })
}

export const gatewayAdapters: Record<string, Adapter> = {
  azurerm_virtual_network_gateway: virtualNetworkGateway,
  azurerm_local_network_gateway: localNetworkGateway,
  azurerm_virtual_network_gateway_connection: gatewayConnection,
  azurerm_route_server: routeServer(),
  azurerm_route_server_bgp_connection: bgpConnection('route_server_id'),
  azurerm_virtual_hub_ip: routeServer('virtual_hub_id'),
  azurerm_virtual_hub_bgp_connection: bgpConnection('virtual_hub_id'),
  azurerm_virtual_network_peering: peering,
}
