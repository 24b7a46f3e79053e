/**
 * Route selection as Azure does it (Virtual network traffic routing, "How Azure selects a route"):
 * longest prefix match over the table's user routes and the system route 0.0.0.0/0 → Internet; when a
 * user route has the same prefix as a system route, the user route wins. Only the system default route
 * can capture a KMS address (the other system routes cover private and VNet space). A subnet read from
 * live state may carry its effective routes, which add routes learned over BGP (selectEffectiveRoutes).
 */
import type { EffectiveRouteEntry, NextHopType, Route, RouteTable, Subnet } from '../model/network'
import { known, unknown } from '../model/value'
import { parseIpv4Prefix, routeSpecificity } from './addresses'
import { displayName } from './lookup'
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

/** On equal prefix length a user route beats a BGP route, which beats a system route. */
const RANK: Record<EffectiveRouteEntry['source'], number> = {
  User: 3,
  VirtualNetworkGateway: 2,
  Default: 1,
  Unknown: 0,
}

export interface EffectiveRouteSelection {
  route: EffectiveRouteEntry
  /** The prefix of the route that matched. */
  prefix: string
}

/**
 * The route Azure uses for `address` among a NIC's effective routes: longest prefix match; on equal
 * prefixes user > BGP > system (and the first of equals); a user route with hasBgpOverride that covers the
 * address beats every BGP route covering it, however long; Invalid routes (e.g. a user route whose next hop
 * is gone) are ignored.
 */
export function selectEffectiveRoute(
  routes: EffectiveRouteEntry[],
  address: string,
): EffectiveRouteSelection | undefined {
  const candidates: { route: EffectiveRouteEntry; prefix: string; spec: number }[] = []
  for (const route of routes) {
    if (route.state === 'Invalid') continue
    let best: { prefix: string; spec: number } | undefined
    for (const prefix of route.addressPrefix) {
      const spec = routeSpecificity(prefix, address)
      if (spec !== undefined && (!best || spec > best.spec)) best = { prefix, spec }
    }
    if (best) candidates.push({ route, ...best })
  }
  const override = candidates.some((c) => c.route.source === 'User' && c.route.hasBgpOverride)
  const eligible = override
    ? candidates.filter((c) => c.route.source !== 'VirtualNetworkGateway')
    : candidates
  let winner: (typeof eligible)[number] | undefined
  for (const c of eligible)
    if (
      !winner ||
      c.spec > winner.spec ||
      (c.spec === winner.spec && RANK[c.route.source] > RANK[winner.route.source])
    )
      winner = c
  return winner && { route: winner.route, prefix: winner.prefix }
}

/**
 * Longest prefix match over `reported` effective routes plus the user routes of `table` (as user entries,
 * flagged hasBgpOverride when a reported route says so). `unknown` when a route's prefix does not resolve
 * and could be the address's /32 (only a known /32 is sure to win anyway); `won` undefined when nothing
 * covers the address.
 */
function longestMatch(
  table: RouteTable | undefined,
  reported: EffectiveRouteEntry[],
  address: string,
  overrides: EffectiveRouteEntry[] = [],
  extra: Route[] = [],
): { unknowns: UnresolvedValue[] } | { won?: EffectiveRouteSelection; modelRoute?: Route } {
  const candidates = [...reported]
  const modelRoutes = new Map<EffectiveRouteEntry, Route>()
  const unresolved: UnresolvedValue[] = []
  // The table's own routes first: of equal user routes the first wins.
  for (const route of [...(table?.routes ?? []), ...extra]) {
    if (!route.addressPrefix.known) {
      unresolved.push({ value: route.addressPrefix, attribute: 'addressPrefix', object: route })
      continue
    }
    const prefix = route.addressPrefix.value
    const entry: EffectiveRouteEntry = {
      source: 'User',
      state: 'Active',
      addressPrefix: [prefix],
      nextHopType: route.nextHopType.known ? route.nextHopType.value : '',
      nextHopIpAddress: [],
    }
    if (bgpOverrideOf(route, prefix, overrides)) entry.hasBgpOverride = true
    modelRoutes.set(entry, route)
    candidates.push(entry)
  }
  const won = selectEffectiveRoute(candidates, address)
  if (unresolved.length > 0 && (!won || (routeSpecificity(won.prefix, address) ?? 0) < 32))
    return { unknowns: unresolved }
  return { won, modelRoute: won && modelRoutes.get(won.route) }
}

/** Azure's system default route 0.0.0.0/0 → Internet won. */
function systemSelection(table: RouteTable | undefined): RouteSelection {
  return { table, winner: { kind: 'system', prefix: '0.0.0.0/0' }, nextHop: 'Internet', unknowns: [] }
}

/**
 * Selects the route for `address` in `table` (undefined table = system routes only), with `extra` user
 * routes beside the table's (Virtual Network Manager's managed routes). When a user route has the same
 * prefix as a system route the user route wins, so any capturing user route beats 0.0.0.0/0.
 */
export function selectRoute(
  table: RouteTable | undefined,
  address: string,
  extra: Route[] = [],
): RouteSelection {
  // No user route: the system default route, without building an empty candidate list first.
  if ((!table || table.routes.length === 0) && extra.length === 0) return systemSelection(table)
  // longestMatch without reported routes, straight over the model routes (it ran for every subnet and KMS
  // address, and its candidate entries were the analysis' largest allocation): the longest prefix wins,
  // the first of equals; a route whose prefix does not resolve keeps it open unless a /32 won.
  let won: Route | undefined
  let wonPrefix = ''
  let wonSpec = -1
  let unresolved: UnresolvedValue[] | undefined
  for (const routes of [table?.routes ?? [], extra])
    for (const route of routes) {
      if (!route.addressPrefix.known) {
        ;(unresolved ??= []).push({ value: route.addressPrefix, attribute: 'addressPrefix', object: route })
        continue
      }
      const spec = routeSpecificity(route.addressPrefix.value, address)
      if (spec !== undefined && spec > wonSpec) {
        won = route
        wonPrefix = route.addressPrefix.value
        wonSpec = spec
      }
    }
  if (unresolved && wonSpec < 32) return { table, nextHop: 'unknown', unknowns: unresolved }
  if (!won) return systemSelection(table)
  return userSelection(table, won, wonPrefix)
}

/** The selection when the user route `route` of `table` won. */
function userSelection(table: RouteTable | undefined, route: Route, prefix: string): RouteSelection {
  const winner = { kind: 'user' as const, route, prefix }
  const hopValue = route.nextHopType
  if (!hopValue.known)
    return {
      table,
      winner,
      nextHop: 'unknown',
      unknowns: [{ value: hopValue, attribute: 'nextHopType', object: route }],
    }
  const hop = normalizeNextHop(hopValue.value)
  if (!hop) {
    const bad = unknown(hopValue.value, 'not a next hop type Azure knows', hopValue.origin)
    return {
      table,
      winner,
      nextHop: 'unknown',
      unknowns: [{ value: bad, attribute: 'nextHopType', object: route }],
    }
  }
  return { table, winner, nextHop: hop, nextHopIpAddress: route.nextHopIpAddress, unknowns: [] }
}

/** The NIC's name from its ARM id, for path text. */
export function nicName(nicId: string): string {
  return nicId.split('/').filter(Boolean).pop() ?? nicId
}

/** A reported user route that Azure marks to win over BGP stands behind the model route with its prefix. */
function bgpOverrideOf(route: Route, prefix: string, reported: EffectiveRouteEntry[]): boolean {
  const name = route.name.known ? route.name.value.toLowerCase() : undefined
  return reported.some(
    (e) =>
      e.source === 'User' &&
      e.hasBgpOverride === true &&
      e.addressPrefix.some((p) => p.trim().toLowerCase() === prefix.trim().toLowerCase()) &&
      (!e.name || !name || e.name.toLowerCase() === name),
  )
}

/**
 * Selects the route for `address` from a subnet's effective routes (live state), which add what no IaC
 * file shows: routes learned over BGP, e.g. a 0.0.0.0/0 advertised from on-premises.
 *
 * The effective routes were read from the deployed network, but the model may be a pull request laid
 * over it. So the user routes come from the model's route table when the model says which table the
 * subnet has (`table`, or undefined for none): a bypass route the pull request adds counts, one it deletes
 * no longer does. Only when the association does not resolve (`'unresolved'`) are the reported user routes
 * used as they are. BGP routes are dropped when the model's table disables BGP route propagation.
 */
export function selectEffectiveRoutes(
  effective: NonNullable<Subnet['effectiveRoutes']>,
  table: RouteTable | undefined | 'unresolved',
  address: string,
  subnet: Subnet,
): RouteSelection {
  const modelTable = table === 'unresolved' ? undefined : table
  const replaceUser = table !== 'unresolved'
  const propagation = modelTable?.bgpRoutePropagation
  const reported: EffectiveRouteEntry[] = []
  for (const e of effective.routes) {
    if (replaceUser && e.source === 'User') continue
    if (e.source === 'VirtualNetworkGateway' && propagation?.known && !propagation.value) continue
    // Azure marks a system route Invalid when a user route with the same prefix overrides it. The user
    // routes are the model's now, so the override is decided again here (a user route outranks it).
    reported.push(
      replaceUser && e.source === 'Default' && e.state === 'Invalid' ? { ...e, state: 'Active' } : e,
    )
  }
  const eff = { nicId: effective.nicId, routes: reported }
  const m = longestMatch(modelTable, reported, address, effective.routes)
  if ('unknowns' in m) return { table: modelTable, nextHop: 'unknown', unknowns: m.unknowns, effective: eff }
  // Nothing reported covers the address (no 0.0.0.0/0 at all): Azure's system default route applies.
  const { won, modelRoute } = m
  // Object.assign on the fresh selection: a spread that adds a field is many times slower on Node 20.
  if (!won) return Object.assign(systemSelection(modelTable), { effective: eff })
  if (modelRoute) return Object.assign(userSelection(modelTable, modelRoute, won.prefix), { effective: eff })
  const hop = normalizeNextHop(won.route.nextHopType)
  if (won.route.source === 'Default' && hop === 'Internet' && parseIpv4Prefix(won.prefix)?.bits === 0)
    return Object.assign(systemSelection(modelTable), { effective: eff })
  const sel: RouteSelection = {
    table: modelTable,
    winner: { kind: 'effective', route: won.route, prefix: won.prefix },
    nextHop: hop ?? 'unknown',
    unknowns: [],
    effective: eff,
  }
  const ip = won.route.nextHopIpAddress[0]
  if (ip) sel.nextHopIpAddress = known(ip, subnet.origin)
  if (!hop) {
    const value = unknown(
      `${won.prefix} → ${won.route.nextHopType}`,
      `next hop type of an effective route (NIC ${nicName(effective.nicId)}) that the analysis does not know`,
      subnet.origin,
    )
    sel.unknowns = [{ value, attribute: 'effectiveRoutes', object: subnet }]
  } else if (won.route.source === 'VirtualNetworkGateway' && propagation && !propagation.known) {
    // A BGP route decides, but whether the table lets BGP routes in at all is not known.
    sel.nextHop = 'unknown'
    sel.unknowns = [{ value: propagation, attribute: 'bgpRoutePropagation', object: modelTable! }]
  }
  return sel
}

/** `(BGP)`, `(user route r0 in rt-spoke)`: where an effective selection's winner came from. */
function effectiveOrigin(sel: RouteSelection, tableName: string | undefined): string {
  const w = sel.winner
  if (!w || w.kind === 'system') return 'system route'
  if (w.kind === 'hub' || w.kind === 'site') return w.text
  if (w.kind === 'user') return `user route ${displayName(w.route)}${tableName ? ` in ${tableName}` : ''}`
  if (w.route.source === 'VirtualNetworkGateway') return 'BGP'
  if (w.route.source === 'User') return `user route${w.route.name ? ` ${w.route.name}` : ''}, deployed`
  return 'system route'
}

/** The readable form of a selection, e.g. `rt-spoke: 0.0.0.0/0 → VirtualNetworkGateway`. */
export function describeSelection(sel: RouteSelection, tableName: string | undefined): string {
  if (sel.effective) {
    const where = `effective routes (${nicName(sel.effective.nicId)})`
    if (!sel.winner) return `${where}: (unresolved route) → ?`
    const ip = sel.nextHop === 'VirtualAppliance' ? sel.nextHopIpAddress : undefined
    const hop = `${sel.nextHop === 'unknown' ? '?' : sel.nextHop}${ip ? ` ${ip.known ? ip.value : ip.expression}` : ''}`
    return `${where}: ${sel.winner.prefix} → ${hop} (${effectiveOrigin(sel, tableName)})`
  }
  const where = tableName ?? 'system route'
  if (!sel.winner && sel.unlessLearned?.winner)
    return `${describeSelection({ ...sel, ...sel.unlessLearned, unlessLearned: undefined }, tableName)} unless a route learned over BGP beats it → ?`
  if (sel.winner?.kind === 'hub' || sel.winner?.kind === 'site')
    return `${sel.winner.text}: ${sel.winner.prefix} → ${sel.nextHop === 'unknown' ? '?' : sel.nextHop}`
  if (!sel.winner) return `${where}: (unresolved route) → ?`
  if (sel.winner.kind === 'user' && sel.winner.route.managedBy)
    return `${sel.winner.route.managedBy}, managed route ${displayName(sel.winner.route)}: ${sel.winner.prefix} → ${sel.nextHop === 'unknown' ? '?' : sel.nextHop}`
  if (sel.winner.kind === 'system')
    return `${tableName ? `${tableName}: ` : ''}system route 0.0.0.0/0 → Internet`
  return `${where}: ${sel.winner.prefix} → ${sel.nextHop === 'unknown' ? '?' : sel.nextHop}`
}
