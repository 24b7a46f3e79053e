/**
 * Virtual WAN: the default route a subnet's VNet gets from the virtual hub it is connected to. Azure
 * adds the hub's routes to the VNet's NICs as gateway-learned routes, so they replace the system default
 * route but lose to a user route with the same prefix.
 *
 * - Routing intent with an Internet policy: connections with internet security get 0.0.0.0/0 → the
 *   policy's next hop (the hub firewall, evaluated like any Azure Firewall; an NVA or SaaS is not followed).
 * - No routing intent: a 0.0.0.0/0 (or covering) static route in the connection's associated hub route
 *   table (defaultRouteTable unless set), again only with internet security.
 * - Otherwise, with internet security and a VPN/ExpressRoute gateway in the hub, on-premises may advertise
 *   a default route over BGP: unknowable from code, named, decided by live effective routes.
 *
 * A connection, routing intent or hub route deployed under a condition the scan cannot evaluate, and a
 * connection's internet security it cannot read, are recorded as forks: the path is judged the other way
 * too (./conditions.ts).
 */
import type { AzureFirewall, HubConnection, ModelObject, Subnet, VirtualHub } from '../model/network'
import { unknown, type Value } from '../model/value'
import { prefixContains } from './addresses'
import { sameVnet } from '../model/vnet'
import { displayName, type ModelIndex } from './lookup'
import type { UnresolvedValue } from './types'
import { type Assumptions, type Fork, isAbsent, touch } from './conditions'

export type HubEgress =
  | { kind: 'none' }
  /** The hub sends the request to its firewall; `via` is the routing intent or the hub route. */
  | { kind: 'firewall'; firewall: AzureFirewall; via: ModelObject; hub?: VirtualHub; text: string }
  /** An NVA or SaaS in the hub (or an NVA in a spoke) that the scan cannot follow. */
  | { kind: 'appliance'; nextHop: string; via: ModelObject; text: string }
  | { kind: 'unknown'; unknowns: UnresolvedValue[]; text: string }

const sameId = (a: Value<string>, id: string): boolean =>
  a.known === true && a.value.toLowerCase() === id.toLowerCase()

function hubOf(index: ModelIndex, c: HubConnection): VirtualHub | undefined {
  const id = c.hubId
  return id.known ? index.model.virtualWan?.hubs.find((h) => h.id === id.value) : undefined
}

/** The connection of the subnet's VNet, or an unknown when a connection's VNet cannot be told. */
function connectionOf(
  index: ModelIndex,
  subnet: Subnet,
  assume: Assumptions,
): { connection?: HubConnection; unknowns?: UnresolvedValue[] } {
  const w = index.model.virtualWan
  if (!w || w.connections.length === 0) return {}
  const present = (c: HubConnection) => !isAbsent(c, assume)
  const match = w.connections.find((c) => present(c) && sameVnet(c.vnetId, subnet.vnetId) === true)
  if (match) return { connection: match }
  // A connection whose VNet cannot be told may be this subnet's: named, never taken as "not connected".
  const open = w.connections.find((c) => present(c) && !c.vnetId.known)
  if (open) return { unknowns: [{ value: open.vnetId as never, attribute: 'vnetId', object: open }] }
  if (!subnet.vnetId?.known) {
    const value =
      subnet.vnetId ?? unknown('vnetId', 'the subnet’s virtual network is not known', subnet.origin)
    return { unknowns: [{ value: value as never, attribute: 'vnetId', object: subnet }] }
  }
  return {}
}

function hubName(index: ModelIndex, c: HubConnection): string {
  const h = hubOf(index, c)
  return h ? (h.name.known ? h.name.value : h.address) : c.hubId.known ? c.hubId.value : c.hubId.expression
}

/** Where a next hop value leads: a modelled firewall, or something the scan cannot follow. */
function nextHopEgress(index: ModelIndex, hop: Value<string>, via: ModelObject, text: string): HubEgress {
  if (!hop.known)
    return { kind: 'unknown', unknowns: [{ value: hop, attribute: 'nextHop', object: via }], text }
  const fw = index.firewalls.get(hop.value)
  if (fw) return { kind: 'firewall', firewall: fw, via, text }
  return { kind: 'appliance', nextHop: hop.value, via, text }
}

/**
 * The hub's Internet route for this subnet's KMS request, before any route table of the subnet. Objects
 * deployed under a condition that `assume` takes as false are not there; those the route went through are
 * recorded in `forks`, as is a connection's unknown internet security (taken as on, unless `assume` says
 * off), so that the path is judged the other way too (./conditions.ts).
 */
export function hubEgress(
  index: ModelIndex,
  subnet: Subnet,
  address: string,
  assume: Assumptions,
  forks: Fork[],
): HubEgress {
  const { connection: c, unknowns } = connectionOf(index, subnet, assume)
  if (unknowns) return { kind: 'unknown', unknowns, text: 'virtual hub connection of an unknown VNet' }
  if (!c) return { kind: 'none' }
  const w = index.model.virtualWan!
  const hub = hubName(index, c)
  touch(forks, c, `virtual hub connection ${displayName(c)} (${c.address})`)
  const cHub = c.hubId
  const onHub = (v: Value<string>) => (cHub.known ? sameId(v, cHub.value) : false)
  const written = c.internetSecurity
  // Internet security not known: judged on, and off again by the caller, where it decides (forks).
  const assumed = written.known ? undefined : assume.security?.get(c)
  const security: Value<boolean> =
    written.known || assumed === undefined ? written : { known: true, value: assumed }
  /** Does the hub's default route reach the VNet? Not known: judged on here, off again by the caller. */
  const secured = (): boolean => {
    if (security.known) return security.value
    forks.push({
      kind: 'security',
      connection: c,
      unresolved: { value: written as never, attribute: 'internetSecurity', object: c },
    })
    return true
  }

  // Live: the routes the hub actually gives this connection decide alone (no route covering KMS: none).
  const effective =
    c.effectiveRouteTableId !== undefined
      ? w.routeTables.find((t) => t.id === c.effectiveRouteTableId)
      : undefined
  if (effective) {
    if (security.known && !security.value) return { kind: 'none' }
    for (const route of effective.routes) {
      const d = route.destinations
      if (!d.known || !d.value.some((p) => prefixContains(p, address) === true)) continue
      if (!secured()) return { kind: 'none' }
      const name = route.name.known ? route.name.value : d.value.join(', ')
      return nextHopEgress(index, route.nextHop, route, `virtual hub ${hub}: effective route ${name}`)
    }
    return { kind: 'none' }
  }

  // A hub the scan does not model (declared in sources not scanned, a variable's id): what it routes to
  // the connection (routing intent, route tables, gateways) is not known, never "none".
  if (!hubOf(index, c) && !(security.known && !security.value)) {
    const reason =
      'the virtual hub it joins is not in the scanned sources: its routing intent, route tables and gateways are not known'
    const value = cHub.known
      ? unknown(cHub.value, reason, cHub.origin ?? c.origin)
      : { ...cHub, reason: cHub.reason ? `${reason} (${cHub.reason})` : reason }
    return {
      kind: 'unknown',
      unknowns: [{ value, attribute: 'hubId', object: c }],
      text: `virtual hub ${hub}`,
    }
  }

  const intent = w.routingIntents.find((i) => onHub(i.hubId) && i.internetNextHop && !isAbsent(i, assume))
  if (intent) {
    if (!secured()) return { kind: 'none' }
    touch(forks, intent, `routing intent ${displayName(intent)} (${intent.address})`)
    return nextHopEgress(
      index,
      intent.internetNextHop!,
      intent,
      `virtual hub ${hub}: routing intent Internet`,
    )
  }

  const tableId = c.associatedRouteTableId
  if (tableId && !tableId.known)
    return {
      kind: 'unknown',
      unknowns: [{ value: tableId, attribute: 'associatedRouteTableId', object: c }],
      text: `virtual hub ${hub}`,
    }
  const table = tableId
    ? w.routeTables.find((t) => t.id === tableId.value)
    : w.routeTables.find(
        (t) => onHub(t.hubId) && t.name.known && t.name.value.toLowerCase() === 'defaultroutetable',
      )
  for (const route of table?.routes ?? []) {
    if (isAbsent(route, assume)) continue
    const d = route.destinations
    if (!d.known)
      return {
        kind: 'unknown',
        unknowns: [{ value: d, attribute: 'destinations', object: route }],
        text: `virtual hub ${hub}`,
      }
    if (!d.value.some((p) => prefixContains(p, address) === true)) continue
    if (!secured()) return { kind: 'none' }
    touch(forks, route, `hub route ${displayName(route)} (${route.address})`)
    const tName = table!.name.known ? table!.name.value : table!.address
    return nextHopEgress(index, route.nextHop, route, `virtual hub ${hub}: ${tName} ${d.value.join(', ')}`)
  }

  const gw = w.gateways.find((g) => onHub(g.hubId))
  if (gw && !(security.known && !security.value)) {
    const gwName = gw.name.known ? gw.name.value : gw.address
    const value = unknown(
      `${gw.kind === 'vpn' ? 'VPN' : 'ExpressRoute'} gateway ${gwName} of virtual hub ${hub}`,
      'on-premises may advertise a default route over BGP through this gateway, and the connection propagates it (internet security); BGP routes are not in the code',
      gw.origin,
    )
    const bgp = {
      sources: `${gw.kind === 'vpn' ? 'VPN' : 'ExpressRoute'} gateway ${gwName} of virtual hub ${hub}`,
      because: 'on-premises may advertise a default route over BGP through this gateway',
      propagation: `hub connection ${c.name.known ? c.name.value : c.address} propagates it (internet security)`,
    }
    return {
      kind: 'unknown',
      unknowns: [{ value, attribute: 'internetSecurity', object: c, bgp }],
      text: `virtual hub ${hub}: BGP from ${gwName}`,
    }
  }
  return { kind: 'none' }
}
