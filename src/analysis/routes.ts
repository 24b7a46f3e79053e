/**
 * Route selection as Azure does it (Virtual network traffic routing, "How Azure selects a route"):
 * longest prefix match over the table's user routes and the system route 0.0.0.0/0 → Internet; when a
 * user route has the same prefix as a system route, the user route wins. Only the system default route
 * can capture a KMS address (the other system routes cover private and VNet space).
 */
import type { NextHopType, Route, RouteTable } from '../model/network'
import { unknown } from '../model/value'
import { routeSpecificity } from './addresses'
import type { RouteSelection, UnresolvedValue } from './types'

const NEXT_HOPS: readonly NextHopType[] = [
  'Internet',
  'VirtualNetworkGateway',
  'VnetLocal',
  'VirtualAppliance',
  'None',
]

/** Azure accepts next hop types case-insensitively (ARM) and Terraform spells them the same way. */
export function normalizeNextHop(text: string): NextHopType | undefined {
  const t = text.trim().toLowerCase()
  return NEXT_HOPS.find((h) => h.toLowerCase() === t)
}

/** Selects the route for `address` in `table` (undefined table = system routes only). */
export function selectRoute(table: RouteTable | undefined, address: string): RouteSelection {
  if (!table) return { winner: { kind: 'system', prefix: '0.0.0.0/0' }, nextHop: 'Internet', unknowns: [] }
  let best: { route: Route; prefix: string; spec: number } | undefined
  const unresolved: UnresolvedValue[] = []
  for (const route of table.routes) {
    if (!route.addressPrefix.known) {
      unresolved.push({ value: route.addressPrefix, attribute: 'addressPrefix', object: route })
      continue
    }
    const spec = routeSpecificity(route.addressPrefix.value, address)
    // Strictly greater: Azure refuses two routes with the same prefix in one table, so the first wins.
    if (spec !== undefined && (!best || spec > best.spec))
      best = { route, prefix: route.addressPrefix.value, spec }
  }
  // An unresolved prefix could be the /32 of this address: only a known /32 is sure to win anyway.
  if (unresolved.length > 0 && (!best || best.spec < 32))
    return { table, nextHop: 'unknown', unknowns: unresolved }
  // A user route beats the system route on equal prefix, so any capturing user route wins over 0.0.0.0/0.
  if (!best)
    return { table, winner: { kind: 'system', prefix: '0.0.0.0/0' }, nextHop: 'Internet', unknowns: [] }
  const winner = { kind: 'user' as const, route: best.route, prefix: best.prefix }
  const hopValue = best.route.nextHopType
  if (!hopValue.known)
    return {
      table,
      winner,
      nextHop: 'unknown',
      unknowns: [{ value: hopValue, attribute: 'nextHopType', object: best.route }],
    }
  const hop = normalizeNextHop(hopValue.value)
  if (!hop) {
    const bad = unknown(hopValue.value, 'not a next hop type Azure knows', hopValue.origin)
    return {
      table,
      winner,
      nextHop: 'unknown',
      unknowns: [{ value: bad, attribute: 'nextHopType', object: best.route }],
    }
  }
  return { table, winner, nextHop: hop, nextHopIpAddress: best.route.nextHopIpAddress, unknowns: [] }
}

/** The readable form of a selection, e.g. `rt-spoke: 0.0.0.0/0 → VirtualNetworkGateway`. */
export function describeSelection(sel: RouteSelection, tableName: string | undefined): string {
  const where = tableName ?? 'system route'
  if (!sel.winner) return `${where}: (unresolved route) → ?`
  if (sel.winner.kind === 'system')
    return `${tableName ? `${tableName}: ` : ''}system route 0.0.0.0/0 → Internet`
  return `${where}: ${sel.winner.prefix} → ${sel.nextHop === 'unknown' ? '?' : sel.nextHop}`
}
