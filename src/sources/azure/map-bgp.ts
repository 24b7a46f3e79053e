/**
 * Where deployed BGP routes come from outside Virtual WAN, as @azure/arm-network returns it, → the `bgp`
 * model the IaC sources fill (src/sources/mapping/arm-gateways.ts): VNet gateways (VPN with or without BGP,
 * ExpressRoute), Azure Route Server (a virtualHubs resource without a Virtual WAN, its ip configuration in
 * RouteServerSubnet, its bgpConnections the NVAs that peer with it) and VNet peerings (useRemoteGateways,
 * allowGatewayTransit).
 *
 * Which gateways a VNet has is read off its subnets: the ip configurations ARM lists on GatewaySubnet and
 * RouteServerSubnet name the gateway or Route Server they belong to. That is the one way to find them in a
 * whole subscription (virtualNetworkGateways has no subscription-wide listing), and it ties each gateway to
 * its VNet without a guess. A gateway that could not be read stays in the model with what it is unknown, so
 * the subnets it reaches are named as undecided, never taken as having no gateway.
 */
import type {
  BgpConnection as ArmBgpConnection,
  VirtualHub as ArmVirtualHub,
  VirtualNetwork as ArmVirtualNetwork,
  VirtualNetworkGateway as ArmVnetGateway,
} from '@azure/arm-network'
import { emptyGatewayModel, type GatewayModel, type VnetGateway, type VnetPeering } from '../../model/network'
import { known, unknown } from '../../model/value'
import { vnetKeyOfArmId } from '../../model/vnet'
import { liveHeader, liveId } from './map'

export const LIVE_BGP_TYPES = {
  gateway: 'Microsoft.Network/virtualNetworkGateways',
  routeServer: 'Microsoft.Network/virtualHubs',
  peering: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
} as const

const lastSegment = (armId: string): string => armId.split('/').filter(Boolean).pop() ?? armId

/** A gateway or Route Server a VNet's subnet points at (by one of its ip configurations). */
export interface GatewayRef {
  /** ARM id of the gateway or Route Server (as ARM spells it). */
  id: string
  kind: 'gateway' | 'routeServer'
  vnetName: string
  /** The VNet's key (src/model/vnet.ts): its ARM id, lowercased. */
  vnetId: string
}

const GATEWAY_IPCONFIG =
  /^(.*\/providers\/Microsoft\.Network\/virtualNetworkGateways\/[^/]+)\/ipConfigurations\//i
const HUB_IPCONFIG = /^(.*\/providers\/Microsoft\.Network\/virtualHubs\/[^/]+)\/ipConfigurations\//i

/** The gateways and Route Servers the VNets' subnets hold, one entry per gateway. */
export function gatewayRefs(vnets: ArmVirtualNetwork[]): GatewayRef[] {
  const out = new Map<string, GatewayRef>()
  for (const v of vnets)
    for (const s of v.subnets ?? [])
      for (const ipc of s.ipConfigurations ?? []) {
        const gw = GATEWAY_IPCONFIG.exec(ipc.id ?? '')
        const rs = HUB_IPCONFIG.exec(ipc.id ?? '')
        const id = gw?.[1] ?? rs?.[1]
        if (!id || !v.name || !v.id || out.has(liveId(id))) continue
        const kind = gw ? 'gateway' : 'routeServer'
        out.set(liveId(id), { id, kind, vnetName: v.name, vnetId: vnetKeyOfArmId(v.id) ?? liveId(v.id) })
      }
  return [...out.values()]
}

/** What was read of one gateway; `gateway` undefined = the read failed, with `error` saying why. */
export interface LiveGateway {
  ref: GatewayRef
  gateway?: ArmVnetGateway
  error?: string
}

/** What was read of one Route Server; `connections` undefined = its BGP connections could not be read. */
export interface LiveRouteServer {
  ref: GatewayRef
  hub?: ArmVirtualHub
  connections?: ArmBgpConnection[]
  error?: string
}

function mapGateway({ ref, gateway, error }: LiveGateway): VnetGateway {
  const h = liveHeader(ref.id, gateway?.name ?? lastSegment(ref.id), LIVE_BGP_TYPES.gateway)
  const vnetName = known(ref.vnetName, h.origin)
  const vnetId = known(ref.vnetId, h.origin)
  if (!gateway) {
    // Its type and BGP setting are not known: it may be a VPN gateway with BGP, which is what exposes most.
    const why = `the gateway could not be read (${error ?? 'no answer'})`
    const bgp = unknown(`${ref.id}.enableBgp`, why, h.origin)
    return { ...h, kind: 'vpn', vnetName, vnetId, bgp, peers: [] }
  }
  const kind = (gateway.gatewayType ?? '').toLowerCase() === 'expressroute' ? 'expressRoute' : 'vpn'
  const g: VnetGateway = { ...h, kind, vnetName, vnetId, peers: [] }
  // The REST API's default is off; a VPN gateway without BGP propagates only its local sites' address spaces.
  if (kind === 'vpn') g.bgp = known(gateway.enableBgp === true, h.origin)
  const b = gateway.bgpSettings
  if (gateway.enableBgp && b) {
    const addresses = [
      ...(b.bgpPeeringAddress ? [b.bgpPeeringAddress] : []),
      ...(b.bgpPeeringAddresses ?? []).flatMap((a) => [
        ...(a.customBgpIpAddresses ?? []),
        ...(a.defaultBgpIpAddresses ?? []),
      ]),
    ]
    const own = [...new Set(addresses)].join(', ')
    g.peers.push(`gateway ${own || '?'}${b.asn !== undefined ? ` AS ${b.asn}` : ''}`)
  }
  return g
}

function mapRouteServer({ ref, hub, connections, error }: LiveRouteServer): VnetGateway {
  const h = liveHeader(ref.id, hub?.name ?? lastSegment(ref.id), LIVE_BGP_TYPES.routeServer)
  const peers = connections
    ? connections.map(
        (c) => `${c.name ?? '?'} ${c.peerIp ?? '?'}${c.peerAsn !== undefined ? ` AS ${c.peerAsn}` : ''}`,
      )
    : [`BGP connections not read (${error ?? 'no answer'})`]
  const vnet = { vnetName: known(ref.vnetName, h.origin), vnetId: known(ref.vnetId, h.origin) }
  return { ...h, kind: 'routeServer', ...vnet, peers }
}

/** The VNet's peerings, one direction each (the other direction is listed on the remote VNet). */
export function mapPeerings(v: ArmVirtualNetwork): VnetPeering[] {
  return (v.virtualNetworkPeerings ?? []).flatMap((p) => {
    if (!v.id || !v.name) return []
    const h = liveHeader(p.id ?? `${v.id}/virtualNetworkPeerings/${p.name}`, p.name, LIVE_BGP_TYPES.peering)
    const remote = p.remoteVirtualNetwork?.id
    return [
      {
        ...h,
        vnetName: known(v.name, h.origin),
        vnetId: known(vnetKeyOfArmId(v.id) ?? liveId(v.id), h.origin),
        remoteVnetName: remote
          ? known(lastSegment(remote), h.origin)
          : unknown('remoteVirtualNetwork', 'not returned by Azure', h.origin),
        remoteVnetId: remote
          ? known(vnetKeyOfArmId(remote) ?? liveId(remote), h.origin)
          : unknown('remoteVirtualNetwork', 'not returned by Azure', h.origin),
        useRemoteGateways: known(p.useRemoteGateways === true, h.origin),
        allowGatewayTransit: known(p.allowGatewayTransit === true, h.origin),
      },
    ]
  })
}

export function mapGatewayModel(
  vnets: ArmVirtualNetwork[],
  gateways: LiveGateway[],
  routeServers: LiveRouteServer[],
): GatewayModel {
  const m = emptyGatewayModel()
  m.gateways = [...gateways.map(mapGateway), ...routeServers.map(mapRouteServer)]
  m.peerings = vnets.flatMap(mapPeerings)
  return m
}

export function hasGateways(m: GatewayModel): boolean {
  return m.gateways.length + m.peerings.length + m.localNetworkGateways.length > 0
}

/** A hub that is a Route Server (not a Virtual WAN hub): its kind says so, or it has no Virtual WAN and sits in RouteServerSubnet. */
export function isRouteServer(hub: ArmVirtualHub, refs: GatewayRef[]): boolean {
  if ((hub.kind ?? '').toLowerCase() === 'routeserver') return true
  return (
    !hub.virtualWan?.id && refs.some((r) => r.kind === 'routeServer' && liveId(r.id) === liveId(hub.id ?? ''))
  )
}
