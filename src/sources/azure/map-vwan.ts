/**
 * Deployed Virtual WAN, as @azure/arm-network returns it, → the same VirtualWanModel the IaC sources fill
 * (src/sources/mapping/arm-vwan.ts): hubs, their VNet connections (enableInternetSecurity, associated route
 * table), routing intent (the Internet policy's next hop), hub route tables, and the VPN / ExpressRoute
 * gateways in hubs. Ids are lowercased ARM ids, like every live object (map.ts).
 */
import type {
  ExpressRouteGateway as ArmExpressRouteGateway,
  HubRouteTable as ArmHubRouteTable,
  HubVirtualNetworkConnection as ArmConnection,
  RoutingIntent as ArmRoutingIntent,
  VirtualHub as ArmVirtualHub,
  VpnGateway as ArmVpnGateway,
} from '@azure/arm-network'
import {
  emptyVirtualWan,
  type HubConnection,
  type HubRoute,
  type HubRouteTable,
  type NetworkModel,
  type RoutingIntent,
  type VirtualWanModel,
} from '../../model/network'
import { known, unknown, type Value } from '../../model/value'
import { vnetKeyOfArmId } from '../../model/vnet'
import { liveHeader, liveId } from './map'

export const LIVE_VWAN_TYPES = {
  hub: 'Microsoft.Network/virtualHubs',
  connection: 'Microsoft.Network/virtualHubs/hubVirtualNetworkConnections',
  routingIntent: 'Microsoft.Network/virtualHubs/routingIntent',
  hubRouteTable: 'Microsoft.Network/virtualHubs/hubRouteTables',
  vpnGateway: 'Microsoft.Network/vpnGateways',
  expressRouteGateway: 'Microsoft.Network/expressRouteGateways',
} as const

/** What was read of one hub; a child list left undefined could not be read. */
export interface LiveHub {
  hub: ArmVirtualHub
  connections?: ArmConnection[]
  routingIntents?: ArmRoutingIntent[]
  routeTables?: ArmHubRouteTable[]
}

const lastSegment = (armId: string): string => armId.split('/').filter(Boolean).pop() ?? armId

export function mapVirtualWan(
  hubs: LiveHub[],
  gateways: { vpn: ArmVpnGateway[]; expressRoute: ArmExpressRouteGateway[] },
): VirtualWanModel {
  const w = emptyVirtualWan()
  for (const { hub, connections, routingIntents, routeTables } of hubs) {
    const h = liveHeader(hub.id!, hub.name, LIVE_VWAN_TYPES.hub)
    w.hubs.push(h)
    const hubId = known(h.id, h.origin)
    // A child list that could not be read: the hub's routing is not known, so say so on a placeholder
    // the analysis reads as "cannot tell" (an unknown connection VNet, an unknown intent next hop).
    if (connections)
      for (const c of connections) {
        const ch = liveHeader(c.id!, c.name, LIVE_VWAN_TYPES.connection)
        const vnet = c.remoteVirtualNetwork?.id
        const conn: HubConnection = {
          ...ch,
          hubId,
          vnetName: vnet
            ? known(lastSegment(vnet), ch.origin)
            : unknown('remoteVirtualNetwork', 'not returned by Azure', ch.origin),
          vnetId: vnet
            ? known(vnetKeyOfArmId(vnet) ?? liveId(vnet), ch.origin)
            : unknown('remoteVirtualNetwork', 'not returned by Azure', ch.origin),
          internetSecurity: known(c.enableInternetSecurity === true, ch.origin),
        }
        const assoc = c.routingConfiguration?.associatedRouteTable?.id
        if (assoc && !/\/hubRouteTables\/defaultRouteTable$/i.test(assoc))
          conn.associatedRouteTableId = known(liveId(assoc), ch.origin)
        w.connections.push(conn)
      }
    else
      w.connections.push({
        ...liveHeader(`${hub.id}/hubVirtualNetworkConnections`, 'connections', LIVE_VWAN_TYPES.connection),
        hubId,
        vnetName: unknown(
          `${hub.id}/hubVirtualNetworkConnections`,
          'the hub connections could not be read',
          h.origin,
        ),
        vnetId: unknown(
          `${hub.id}/hubVirtualNetworkConnections`,
          'the hub connections could not be read',
          h.origin,
        ),
        internetSecurity: unknown(
          'enableInternetSecurity',
          'the hub connections could not be read',
          h.origin,
        ),
      })
    const intents = routingIntents ?? [undefined]
    for (const ri of intents) {
      if (!ri) {
        w.routingIntents.push({
          ...liveHeader(`${hub.id}/routingIntent`, 'routingIntent', LIVE_VWAN_TYPES.routingIntent),
          hubId,
          internetNextHop: unknown(
            `${hub.id}/routingIntent`,
            'the routing intent could not be read',
            h.origin,
          ),
        })
        continue
      }
      const rh = liveHeader(ri.id!, ri.name, LIVE_VWAN_TYPES.routingIntent)
      const intent: RoutingIntent = { ...rh, hubId }
      const internet = (ri.routingPolicies ?? []).find((p) =>
        (p.destinations ?? []).some((d) => d.toLowerCase() === 'internet'),
      )
      if (internet)
        intent.internetNextHop = internet.nextHop
          ? known(liveId(internet.nextHop), rh.origin)
          : unknown('nextHop', 'not returned by Azure', rh.origin)
      w.routingIntents.push(intent)
    }
    for (const t of routeTables ?? []) {
      const th = liveHeader(t.id!, t.name, LIVE_VWAN_TYPES.hubRouteTable)
      const table: HubRouteTable = {
        ...th,
        hubId,
        routes: (t.routes ?? []).map((r, i): HubRoute => ({
          ...th,
          id: `${th.id}/routes/${r.name ?? i}`,
          name: known(r.name ?? String(i), th.origin),
          destinations: known(r.destinations ?? [], th.origin),
          nextHop: r.nextHop
            ? known(liveId(r.nextHop), th.origin)
            : unknown('nextHop', 'not returned by Azure', th.origin),
        })),
      }
      w.routeTables.push(table)
    }
  }
  const gateway = (
    g: { id?: string; name?: string; virtualHub?: { id?: string } },
    kind: 'vpn' | 'expressRoute',
  ) => {
    const gh = liveHeader(
      g.id!,
      g.name,
      kind === 'vpn' ? LIVE_VWAN_TYPES.vpnGateway : LIVE_VWAN_TYPES.expressRouteGateway,
    )
    const hub = g.virtualHub?.id
    w.gateways.push({
      ...gh,
      kind,
      hubId: hub ? known(liveId(hub), gh.origin) : unknown('virtualHub', 'not returned by Azure', gh.origin),
    })
  }
  for (const g of gateways.vpn) gateway(g, 'vpn')
  for (const g of gateways.expressRoute) gateway(g, 'expressRoute')
  return w
}

/** Whether anything Virtual WAN was read (the model leaves `virtualWan` out otherwise). */
export function hasVirtualWan(w: VirtualWanModel): boolean {
  return w.hubs.length + w.gateways.length > 0
}

/**
 * A routing intent or hub route that names a firewall the read did not return (another subscription, a
 * failed read) must not pass for an NVA or a missing hop: it becomes Unknown naming the firewall.
 */
export function linkLiveVirtualWan(model: NetworkModel): void {
  const w = model.virtualWan
  if (!w) return
  const firewalls = new Set(model.firewalls.map((f) => f.id))
  const check = (v: Value<string> | undefined): Value<string> | undefined => {
    if (!v?.known || firewalls.has(v.value) || !/\/microsoft\.network\/azurefirewalls\//.test(v.value))
      return v
    return unknown(
      v.value,
      'refers to a hub firewall that was not read (outside the scanned subscriptions or resource groups, or its read failed)',
      v.origin,
      { resource: v.value, attribute: 'nextHop' },
    )
  }
  for (const i of w.routingIntents) if (i.internetNextHop) i.internetNextHop = check(i.internetNextHop)
  for (const t of w.routeTables) for (const r of t.routes) r.nextHop = check(r.nextHop)!
}
