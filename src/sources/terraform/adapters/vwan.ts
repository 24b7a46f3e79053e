/**
 * Virtual WAN in azurerm: virtual hubs, their VNet connections (internet security, associated route
 * table), routing intent, hub route tables and their routes, and the hub's VPN/ExpressRoute gateways.
 * References are resolved in the builder's link step; the connection's VNet is kept as its name so the
 * analysis can find the subnets it carries.
 */
import { emptyVirtualWan, type HubRoute, type VirtualWanModel } from '../../../model/network'
import { known, unknown, type Value } from '../../../model/value'
import { ARM, type ModelBuilder } from '../../../model/build'
import { setVnet, vnetRef } from '../../mapping/arm-gateways'
import type { HclValue } from '../../evaluation/evaluated'
import { attr, bool, items, knownStr, str, strList } from '../../evaluation/value-tree'
import { arg, blockHeader, header, registerResource, type Adapter } from './common'

const wan = (b: ModelBuilder): VirtualWanModel => (b.model.virtualWan ??= emptyVirtualWan())

/** A hub id: the hub's model id when the scan declares it, else the expression as it is. */
function hubRef(
  b: ModelBuilder,
  ref: Value<string> | undefined,
  near: string,
  origin: Value<string>['origin'],
) {
  return b.resolve(ARM.virtualHub, ref, { near }) ?? unknown('virtual_hub_id', 'not set', origin)
}

/** A next hop: a firewall's model id when it names one the scan declares, else the id as written. */
function nextHopRef(b: ModelBuilder, ref: Value<string> | undefined, near: string): Value<string> {
  if (!ref) return unknown('next_hop', 'not set')
  const fw = b.resolve(ARM.firewall, ref, { near })
  return fw?.known ? fw : ref
}

const virtualHub: Adapter = (r, b) => {
  wan(b).hubs.push(header(r))
  registerResource(b, r, ARM.virtualHub)
}

const connection: Adapter = (r, b) => {
  const vnet = str(arg(r, 'remote_virtual_network_id'))
  const hubId = str(arg(r, 'virtual_hub_id'))
  const routing = items(arg(r, 'routing'))[0]
  const associated = str(attr(routing, 'associated_route_table_id'))
  // azurerm defaults internet_security_enabled to false: the hub's default route is not propagated.
  const c = {
    ...header(r),
    hubId: unknown('virtual_hub_id', 'not linked yet') as Value<string>,
    vnetName: unknown('remote_virtual_network_id', 'not linked yet') as Value<string>,
    vnetId: unknown('remote_virtual_network_id', 'not linked yet') as Value<string>,
    internetSecurity: bool(arg(r, 'internet_security_enabled')) ?? known(false, r.origin),
  }
  wan(b).connections.push(c)
  b.defer(() => {
    c.hubId = hubRef(b, hubId, c.id, r.origin)
    setVnet(c, vnetRef(b, vnet, { near: c.id }, 'remote_virtual_network_id'))
    if (associated) {
      const t = b.resolve(ARM.hubRouteTable, associated, { near: c.id })
      if (t) Object.assign(c, { associatedRouteTableId: t })
    }
  })
}

const routingIntent: Adapter = (r, b) => {
  const hubId = str(arg(r, 'virtual_hub_id'))
  const intent = {
    ...header(r),
    hubId: unknown('virtual_hub_id', 'not linked yet') as Value<string>,
  } as VirtualWanModel['routingIntents'][number]
  const internet = items(arg(r, 'routing_policy')).find((p) => {
    const d = strList(attr(p, 'destinations'))
    return !d || !d.known || d.value.some((x) => x.toLowerCase() === 'internet')
  })
  wan(b).routingIntents.push(intent)
  b.defer(() => {
    intent.hubId = hubRef(b, hubId, intent.id, r.origin)
    if (internet) {
      const d = strList(attr(internet, 'destinations'))
      const hop = nextHopRef(b, str(attr(internet, 'next_hop')), intent.id)
      intent.internetNextHop =
        d && !d.known ? unknown(d.expression, 'the routing policy destinations are not known', d.origin) : hop
    }
  })
}

function hubRoute(b: ModelBuilder, base: ReturnType<typeof header>, block: HclValue | undefined): HubRoute {
  const route: HubRoute = {
    ...base,
    destinations: strList(attr(block, 'destinations')) ?? unknown('destinations', 'not set', base.origin),
    nextHop: unknown('next_hop', 'not linked yet'),
  }
  const hop = str(attr(block, 'next_hop'))
  b.defer(() => {
    route.nextHop = nextHopRef(b, hop, route.id)
  })
  return route
}

const hubRouteTable: Adapter = (r, b) => {
  const hubId = str(arg(r, 'virtual_hub_id'))
  const table = {
    ...header(r),
    hubId: unknown('virtual_hub_id', 'not linked yet') as Value<string>,
    routes: items(arg(r, 'route')).map((block, i) => hubRoute(b, blockHeader(r, 'route', block, i), block)),
  }
  wan(b).routeTables.push(table)
  b.register({
    armType: ARM.hubRouteTable,
    id: r.address,
    names: [undefined, knownStr(arg(r, 'name'))],
  })
  b.defer(() => {
    table.hubId = hubRef(b, hubId, table.id, r.origin)
  })
}

/** azurerm_virtual_hub_route_table_route: a route added to a table declared elsewhere (often defaultRouteTable). */
const hubRouteTableRoute: Adapter = (r, b) => {
  const tableRef = str(arg(r, 'route_table_id'))
  const route = hubRoute(b, header(r), r.body)
  b.defer(() => {
    const t = b.resolve(ARM.hubRouteTable, tableRef, { near: r.address })
    const w = wan(b)
    let table = t?.known ? w.routeTables.find((x) => x.id === t.value) : undefined
    if (!table) {
      // `${azurerm_virtual_hub.hub.id}/hubRouteTables/defaultRouteTable`: the hub's default table.
      const text = (tableRef?.known ? tableRef.value : (tableRef?.expression ?? '')).replace(/^"|"$/g, '')
      const hubPart = /^(.*)\/hubRouteTables\/([^/]+)$/i.exec(text)
      // The hub part is the hub's id: a reference (`${azurerm_virtual_hub.x.id}`) or a literal ARM id.
      const interpolated = hubPart && /^\$\{([^}]+)\.id\}$/.exec(hubPart[1]!.trim())
      const hubRefValue: Value<string> | undefined =
        tableRef && !tableRef.known && tableRef.ref && !hubPart
          ? { ...tableRef, ref: { resource: tableRef.ref.resource, attribute: 'id' } }
          : interpolated
            ? known(interpolated[1]!, tableRef?.origin)
            : hubPart
              ? known(hubPart[1]!, tableRef?.origin)
              : undefined
      const hubId = hubRef(b, hubRefValue, r.address, r.origin)
      const name = hubPart?.[2] ?? (tableRef && !tableRef.known ? 'defaultRouteTable' : text)
      // The hub's table exists whether or not this route does: it does not share the route's condition.
      const base = header(r)
      delete base.condition
      table = Object.assign(base, { id: `${r.address}#table`, name: known(name), hubId, routes: [] })
      w.routeTables.push(table)
    }
    table.routes.push(route)
  })
}

function gateway(kind: 'vpn' | 'expressRoute'): Adapter {
  return (r, b) => {
    const hubId = str(arg(r, 'virtual_hub_id'))
    const g = Object.assign(header(r), {
      kind,
      hubId: unknown('virtual_hub_id', 'not linked yet') as Value<string>,
    })
    wan(b).gateways.push(g)
    b.defer(() => {
      g.hubId = hubRef(b, hubId, g.id, r.origin)
    })
  }
}

export const virtualWanAdapters: Record<string, Adapter> = {
  azurerm_virtual_hub: virtualHub,
  azurerm_virtual_hub_connection: connection,
  azurerm_virtual_hub_routing_intent: routingIntent,
  azurerm_virtual_hub_route_table: hubRouteTable,
  azurerm_virtual_hub_route_table_route: hubRouteTableRoute,
  azurerm_vpn_gateway: gateway('vpn'),
  azurerm_express_route_gateway: gateway('expressRoute'),
}
