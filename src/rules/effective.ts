/**
 * Paths decided by an effective route (live state) that no model Route stands for, e.g. a 0.0.0.0/0 that
 * the virtual network gateway learned over BGP. There is no route in code to point at, so findings point at
 * the subnet whose effective routes hold it, and say where the route comes from.
 */
import { displayName } from '../analysis/lookup'
import { nicName } from '../analysis/routes'
import type { KmsPath } from '../analysis/types'
import type { ModelObject, Route, RouteTable } from '../model/network'
import { routeText, tableOfRoute } from './findings'
import type { RuleContext } from './types'

export type EffectiveDecider = NonNullable<KmsPath['decidingEffectiveRoute']>

/** The deciding route of a path, model Route or effective route: a key to group findings by. */
export function decidingKey(p: KmsPath): string | undefined {
  if (p.decidingRoute) return p.decidingRoute.id
  if (p.decidingHub) return `hub:${p.decidingHub.via.id}`
  if (p.decidingSite) return `site:${p.decidingSite.via.id}:${p.decidingSite.prefix}`
  const e = p.decidingEffectiveRoute
  return e && `effective:${e.subnet.id}:${e.route.source}:${e.prefix}`
}

/** What a finding points at: the deciding Route, else the subnet holding the deciding effective route. */
export function decidingObject(p: KmsPath): Route | ModelObject | undefined {
  return p.decidingRoute ?? p.decidingEffectiveRoute?.subnet ?? p.decidingHub?.via ?? p.decidingSite?.via
}

export function isBgp(e: EffectiveDecider): boolean {
  return e.route.source === 'VirtualNetworkGateway'
}

/**
 * `route 0.0.0.0/0 learned over BGP in the effective routes of subnet snet-app (NIC nic-app-01)`: a
 * readable description in the same place of a sentence as findings.ts routeText.
 */
export function effectiveRouteText(e: EffectiveDecider): string {
  const what =
    e.route.source === 'VirtualNetworkGateway'
      ? `route ${e.prefix} learned over BGP`
      : e.route.source === 'User'
        ? `deployed user route${e.route.name ? ` ${e.route.name}` : ''} (${e.prefix})`
        : `system route ${e.prefix}`
  return `${what} in the effective routes of subnet ${displayName(e.subnet)} (NIC ${nicName(e.nicId)})`
}

/**
 * The model route table of the subnet holding a path's deciding effective route (where bypass routes go):
 * the path's own, or, past a forced-tunnelling firewall, the firewall subnet's.
 */
export function effectiveTable(p: KmsPath): RouteTable | undefined {
  const e = p.decidingEffectiveRoute
  if (!e) return undefined
  return e.subnet === p.subnet ? p.routeTable : p.firewallSubnetSelection?.table
}

/**
 * The route that decided a group of paths (model Route or effective route), what findings point at, and
 * the table bypass routes go in.
 */
export interface Decider {
  route?: Route
  effective?: EffectiveDecider
  table?: RouteTable
  /** The Route, else the subnet whose effective routes hold the deciding route. */
  at: ModelObject
  /** `route x (0.0.0.0/0) in route table rt`, or the effective route's description. */
  text: string
  /** Where /32 bypass routes go, in words: the table's name, or a managed route's rule collection. */
  target?: string
}

export function deciderOf(ctx: RuleContext, p: KmsPath): Decider {
  const route = p.decidingRoute
  if (route?.managedBy) {
    // A Virtual Network Manager route: /32 routes in the subnet's own table win over it (a longer prefix),
    // and so do routing rules for the /32 addresses beside it in its rule collection.
    const fw = p.firewallSubnetSelection
    const table = fw?.winner?.kind === 'user' && fw.winner.route === route ? fw.table : p.selection.table
    const target = table
      ? `route table ${displayName(table)} (or as routing rules beside ${displayName(route)})`
      : `the rule collection of ${displayName(route)} (routing rules, next hop Internet)`
    return { route, table, at: route, text: routeText(route), target }
  }
  if (route) {
    const table = tableOfRoute(ctx, route)
    return {
      route,
      table,
      at: route,
      text: routeText(route, table && displayName(table)),
      target: table && displayName(table),
    }
  }
  if (p.decidingHub && !p.decidingEffectiveRoute)
    return { at: p.decidingHub.via, text: `default route 0.0.0.0/0 of ${p.decidingHub.text}` }
  if (p.decidingSite && !p.decidingEffectiveRoute) {
    // A site's prefix is a gateway route no route table holds: /32 routes in the subnet's table win over it.
    const table = p.routeTable
    return {
      ...(table ? { table } : {}),
      at: p.decidingSite.via,
      text: `gateway route ${p.decidingSite.prefix} (the address space of ${p.decidingSite.text})`,
      ...(table ? { target: displayName(table) } : {}),
    }
  }
  const effective = p.decidingEffectiveRoute!
  const table = effectiveTable(p)
  return {
    effective,
    table,
    at: effective.subnet,
    text: effectiveRouteText(effective),
    target: table && displayName(table),
  }
}
