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
import { known, unknown, type Value } from '../../model/value'
import { ARM, type ModelBuilder } from '../../model/build'
import type { HclValue } from '../evaluation/evaluated'
import { attrCI, bool, items, str, strList } from '../evaluation/value-tree'

export const GATEWAY_TYPES = [
  'Microsoft.Network/virtualNetworkGateways',
  'Microsoft.Network/localNetworkGateways',
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

/** The VNet name of the subnet a reference names; runs in the link step, when every subnet is known. */
export function vnetOfSubnet(b: ModelBuilder, ref: Value<string> | undefined, near: string): Value<string> {
  if (!ref) return unknown('subnet', 'not set')
  const id = b.resolve(ARM.subnet, ref, { near })
  const subnet = id?.known ? b.model.subnets.find((s) => s.id === id.value) : undefined
  if (subnet?.vnetName) return subnet.vnetName
  // An ARM id names the VNet itself: `.../virtualNetworks/vnet-hub/subnets/GatewaySubnet`.
  const m = ref.known ? /(?:^|\/)virtualNetworks\/([^/]+)\/subnets\//i.exec(ref.value) : null
  if (m) return known(m[1]!, ref.origin)
  return unknown(
    ref.known ? ref.value : ref.expression,
    'the gateway subnet is not in the scanned sources',
    ref.origin,
  )
}

/** The name of a referenced VNet: a declared VNet's name, or the last segment of an ARM id. */
export function vnetNameOf(
  b: ModelBuilder,
  ref: Value<string> | undefined,
  near: string,
  what: string,
): Value<string> {
  if (!ref) return unknown(what, 'not set')
  const id = b.resolve(ARM.vnet, ref, { near })
  const name = id?.known ? b.registration(id.value)?.names.at(-1) : undefined
  if (name) return known(name, ref.origin)
  if (ref.known) return known(ref.value.split('/').filter(Boolean).pop() ?? ref.value, ref.origin)
  return unknown(ref.expression, id && !id.known ? (id.reason ?? 'not known') : 'not known', ref.origin)
}

/** A peering from `local` (the VNet's name, or its reference as the parent). */
export function armPeering(
  b: ModelBuilder,
  header: ModelObject,
  props: HclValue | undefined,
  local: Value<string> | undefined,
): void {
  const remote = idOf(p(props, 'remoteVirtualNetwork'))
  const peering: VnetPeering = {
    ...header,
    vnetName: unknown('parent', 'not linked yet'),
    remoteVnetName: unknown('remoteVirtualNetwork', 'not linked yet'),
    // The REST API defaults both to false.
    useRemoteGateways: bool(p(props, 'useRemoteGateways')) ?? known(false, header.origin),
    allowGatewayTransit: bool(p(props, 'allowGatewayTransit')) ?? known(false, header.origin),
  }
  gatewayModel(b).peerings.push(peering)
  b.defer(() => {
    peering.vnetName = vnetNameOf(b, local, peering.id, 'parent')
    peering.remoteVnetName = vnetNameOf(b, remote, peering.id, 'remoteVirtualNetwork')
  })
}

export interface GatewayInput {
  b: ModelBuilder
  type: string
  header: ModelObject
  props: HclValue | undefined
  /** The parent (VNet of a peering, hub of an ipConfiguration or bgpConnection): ARM id, model id or name. */
  parent?: Value<string>
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
      peers: [],
    }
    model.gateways.push(g)
  }
  return g
}

/** The hub a child names, as a model id, and the hub object when the scan declares it. */
function parentHub(b: ModelBuilder, input: GatewayInput): { id?: string; hub?: ModelObject } {
  const id = b.resolve(ARM.virtualHub, input.parent, { near: input.header.id })
  if (!id?.known) return {}
  return { id: id.value, hub: b.model.virtualWan?.hubs.find((h) => h.id === id.value) }
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
        peers: [],
      }
      // The REST API's default is off.
      if (kind === 'vpn') g.bgp = bool(p(props, 'enableBgp')) ?? known(false, header.origin)
      model(b).gateways.push(g)
      b.defer(() => {
        g.vnetName = vnetOfSubnet(b, subnetRef, g.id)
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
      return true
    }
    case `${ARM.vnet}/virtualNetworkPeerings`.toLowerCase():
      armPeering(b, header, props, input.parent)
      return true
    case `${ARM.virtualHub}/ipConfigurations`.toLowerCase(): {
      const subnetRef = idOf(p(props, 'subnet'))
      b.defer(() => {
        const { id, hub } = parentHub(b, input)
        if (!id) return
        const g = routeServerOf(b, id, hub)
        g.vnetName = vnetOfSubnet(b, subnetRef, g.id)
      })
      return true
    }
    case `${ARM.virtualHub}/bgpConnections`.toLowerCase(): {
      const ip = text(str(p(props, 'peerIp')))
      const asn = str(p(props, 'peerAsn'))
      const name = header.name.known ? header.name.value : header.address
      b.defer(() => {
        const { id, hub } = parentHub(b, input)
        if (!id) return
        const asnText = asn?.known ? ` AS ${asn.value}` : ''
        routeServerOf(b, id, hub).peers.push(`${name} ${ip ?? '?'}${asnText}`)
      })
      return true
    }
    default:
      return false
  }
}
