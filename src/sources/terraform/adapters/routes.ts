/**
 * azurerm_route_table (inline `route` blocks) and azurerm_route (a route added to a table by name).
 * A `next_hop_in_ip_address` that names a firewall's computed private address stays Unknown with its ref:
 * the analysis matches that ref against the firewall.
 */
import type { DetachedRoute, ModelObject, Route, RouteTable } from '../../../model/network'
import { known, unknown, type Unknown, type Value } from '../../../model/value'
import { ifDeployed, instancesUnknown, propagationOff, toInternet } from '../../mapping/conditional'
import { ARM, expressionOf, whyUnresolved } from '../../../model/build'
import { attr, bool, not, str } from '../../evaluation/value-tree'
import type { EvaluatedResource, HclValue } from '../../evaluation/evaluated'
import { arg, blockHeader, blocks, header, hintsOf, registerResource, type Adapter } from './common'

function route(h: ModelObject, routeTableId: string, of: HclValue, condition?: Unknown): Route {
  const r: Route = Object.assign(h, {
    routeTableId,
    addressPrefix: str(attr(of, 'address_prefix')) ?? unknown('address_prefix', 'not set', of.origin),
    nextHopType: ifDeployed(
      str(attr(of, 'next_hop_type')) ?? unknown('next_hop_type', 'not set', of.origin),
      condition,
      toInternet,
      `route ${h.address}`,
    ),
  })
  const hop = str(attr(of, 'next_hop_in_ip_address'))
  if (hop) r.nextHopIpAddress = hop
  return r
}

/**
 * v4 `bgp_route_propagation_enabled`, else v3 `disable_bgp_route_propagation` negated; Azure's default is on.
 */
function propagation(r: EvaluatedResource): Value<boolean> {
  const enabled = bool(arg(r, 'bgp_route_propagation_enabled'))
  if (enabled) return enabled
  const disabled = bool(arg(r, 'disable_bgp_route_propagation'))
  return disabled ? not(disabled) : known(true)
}

export const routeTable: Adapter = (r, b) => {
  const condition = instancesUnknown(r)
  const table: RouteTable = Object.assign(header(r), {
    routes: [],
    bgpRoutePropagation: ifDeployed(propagation(r), condition, propagationOff, `route table ${r.address}`),
  })
  blocks(r, 'route').forEach((block, i) =>
    table.routes.push(route(blockHeader(r, 'route', block, i), table.id, block, condition)),
  )
  b.model.routeTables.push(table)
  registerResource(b, r, ARM.routeTable)
}

export const standaloneRoute: Adapter = (r, b) => {
  const tableName = str(arg(r, 'route_table_name'))
  b.defer(() => {
    const tableId = b.resolve(ARM.routeTable, tableName, hintsOf(r))
    const table = tableId?.known ? b.model.routeTables.find((t) => t.id === tableId.value) : undefined
    if (table) return void table.routes.push(route(header(r), table.id, r.body, instancesUnknown(r)))
    b.unresolved(
      r.origin,
      `${r.address}: cannot tell which route table this route is added to (${whyUnresolved(tableId, 'route_table_name')}), so its effect on Windows activation is not checked.`,
      expressionOf(tableId),
      r.address,
    )
    // A table named but not defined here may be deployed: the live overlay attaches the route to it.
    if (tableName?.known && tableId && !/ambiguous/.test(tableId.known ? '' : (tableId.reason ?? ''))) {
      const detached: DetachedRoute = {
        route: route(header(r), '', r.body),
        tableName: tableName.value,
        diagnostic: b.model.diagnostics[b.model.diagnostics.length - 1]!,
      }
      const rg = str(arg(r, 'resource_group_name'))
      if (rg?.known) detached.resourceGroup = rg.value
      ;(b.model.detachedRoutes ??= []).push(detached)
    }
  })
}

export const routeAdapters: Record<string, Adapter> = {
  azurerm_route_table: routeTable,
  azurerm_route: standaloneRoute,
}
