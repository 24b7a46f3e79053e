/**
 * Azure Virtual Network Manager security admin rules, evaluated before the subnet's NSG (Security admin
 * rules, "How security admin rules work"): the rules that apply to the subnet's VNet (a member of a network
 * group their collection names, in a deployed configuration) are taken by priority, and the first that
 * matches outbound TCP 1688 to the KMS address decides: Deny drops the traffic whatever the NSG says,
 * AlwaysAllow lets it out whatever the NSG says, Allow hands it to the NSG. No match: the NSG decides.
 *
 * What the scan cannot tell (dynamic membership through Azure Policy, a configuration whose commit is not
 * in the code, an unresolved value) keeps the rule as "may apply": if it could change the result, the
 * result is unknown and the reasons are named.
 */
import type {
  AdminRule,
  ManagedRoute,
  ModelObject,
  NetworkGroup,
  NetworkManagerConfiguration,
  Route,
  RouteTable,
  Subnet,
} from '../model/network'
import { known, type Tri, triAnd, triOr, unknown, type Value } from '../model/value'
import { sameVnet } from '../model/vnet'
import { displayName, type ModelIndex } from './lookup'
import { matchTraffic } from './nsg'
import type { AdminAccess, AdminVerdict, UnresolvedValue } from './types'

export type { AdminAccess, AdminVerdict } from './types'

function accessOf(rule: AdminRule): AdminAccess | 'unknown' {
  const a = rule.access.known ? rule.access.value.trim().toLowerCase() : undefined
  return a === 'deny' ? 'Deny' : a === 'alwaysallow' ? 'AlwaysAllow' : a === 'allow' ? 'Allow' : 'unknown'
}

function member(group: NetworkGroup, subnet: Subnet): { is: Tri; why?: UnresolvedValue } {
  const vnet = subnet.vnetId?.known ? subnet.vnetId : undefined
  if (vnet && group.staticVnets.some((v) => sameVnet(known(v.id), vnet) === true)) return { is: true }
  if (group.subnetIds?.includes(subnet.id)) return { is: true }
  const open =
    group.openMembership ??
    (group.staticVnets.length === 0 && !group.subnetIds
      ? unknown(
          `network group ${displayName(group)}`,
          'no static members in the scanned sources: its members come from Azure Policy (dynamic membership) or from outside the code',
          group.origin,
        )
      : undefined)
  if (open) return { is: 'unknown', why: { value: open as never, attribute: 'members', object: group } }
  if (!vnet && group.staticVnets.length > 0) {
    const value =
      subnet.vnetId && !subnet.vnetId.known
        ? subnet.vnetId
        : unknown('vnetId', 'the subnet’s virtual network is not known', subnet.origin)
    return { is: 'unknown', why: { value, attribute: 'vnetId', object: subnet } }
  }
  return { is: false }
}

/** Does the rule apply to the subnet: one of its groups holds the VNet, and its configuration is deployed? */
function applies(
  index: ModelIndex,
  rule: AdminRule | ManagedRoute,
  subnet: Subnet,
): { is: Tri; unknowns: UnresolvedValue[] } {
  const nm = index.model.networkManager!
  const unknowns: UnresolvedValue[] = []
  let inGroup: Tri = false
  if (!rule.groupIds.known) {
    inGroup = 'unknown'
    unknowns.push({ value: rule.groupIds, attribute: 'groupIds', object: rule })
  } else
    for (const id of rule.groupIds.value) {
      const group = nm.groups.find((g) => g.id === id)
      if (!group) {
        // A group declared elsewhere may hold this VNet: the rule may apply, it is not skipped.
        inGroup = triOr(inGroup, 'unknown')
        const value = unknown(
          id,
          'network group not in the scanned sources: its members are not known',
          rule.origin,
        )
        unknowns.push({ value, attribute: 'groupIds', object: rule })
        continue
      }
      const m = member(group, subnet)
      inGroup = triOr(inGroup, m.is)
      if (m.why) unknowns.push(m.why)
    }
  let deployed: Tri = 'unknown'
  const cid = rule.configurationId
  const config = cid.known ? nm.configurations.find((c) => c.id === cid.value) : undefined
  if (config?.deployed.known) deployed = config.deployed.value
  else if (config) unknowns.push({ value: config.deployed as never, attribute: 'deployed', object: config })
  else {
    const value = unknown(
      cid.known ? cid.value : cid.expression,
      'configuration not in the scanned sources',
      rule.origin,
    )
    unknowns.push({ value, attribute: 'configurationId', object: rule })
  }
  if (deployed === true && config?.deployedRegions) {
    const r = inRegions(config, config.deployedRegions, subnet)
    deployed = r.is
    if (r.why) unknowns.push(r.why)
  }
  const is = triAnd(inGroup, deployed)
  return { is, unknowns: is === 'unknown' ? unknowns : [] }
}

/** Azure's region names: `West Europe` and `westeurope` are the same region. */
const regionKey = (r: string) => r.replace(/\s+/g, '').toLowerCase()

/**
 * Is the subnet's VNet in a region the configuration is committed to? A commit is per region
 * (Virtual Network Manager deployments): a VNet elsewhere does not get the configuration. A region where
 * the commits leave it open (`regionsUndecided`) is unknown, named.
 */
function inRegions(
  config: NetworkManagerConfiguration,
  regions: Value<string[]>,
  subnet: Subnet,
): { is: Tri; why?: UnresolvedValue } {
  if (!regions.known)
    return { is: 'unknown', why: { value: regions, attribute: 'deployedRegions', object: config } }
  const undecided = config.regionsUndecided ?? []
  const where = subnet.location
  if (where?.known) {
    if (regions.value.some((r) => regionKey(r) === regionKey(where.value))) return { is: true }
    const open = undecided.find((u) => regionKey(u.region) === regionKey(where.value))
    return open
      ? { is: 'unknown', why: { value: open.why, attribute: 'deployedRegions', object: config } }
      : { is: false }
  }
  if (regions.value.length === 0 && undecided.length === 0) return { is: false }
  const list = [...regions.value, ...undecided.map((u) => `${u.region} (perhaps)`)].join(', ')
  const value = unknown(
    where?.expression ?? 'location',
    `the configuration is committed to ${list}; the region of the subnet’s virtual network is not known to the scan${
      where?.reason ? ` (${where.reason})` : ''
    }`,
    where?.origin ?? subnet.origin,
  )
  return { is: 'unknown', why: { value, attribute: 'location', object: subnet } }
}

/**
 * Does an admin rule match outbound TCP 1688 from `source` to `address`? Admin rules have the NSG rule's
 * traffic fields (direction, protocol `Tcp`/`Any`, address prefixes or service tags, port ranges) and no
 * application security groups: the NSG's match applies to them as it is.
 */
export function matchAdminRule(rule: AdminRule, source: string[] | 'unknown', address: string) {
  return matchTraffic(rule, source, address)
}

/** The security admin verdict for TCP 1688 from the subnet to `address`; undefined when no rule exists. */
export function evaluateAdminRules(
  index: ModelIndex,
  subnet: Subnet,
  source: string[] | 'unknown',
  address: string,
): AdminVerdict | undefined {
  const rules = index.model.networkManager?.adminRules ?? []
  if (rules.length === 0) return undefined
  const sorted = [...rules].sort(
    (a, b) => (a.priority.known ? a.priority.value : 0) - (b.priority.known ? b.priority.value : 0),
  )
  const verdict: AdminVerdict = { open: [] }
  for (const rule of sorted) {
    const m = matchAdminRule(rule, source, address)
    if (m.match === false) continue
    const a = applies(index, rule, subnet)
    if (a.is === false) continue
    const access = accessOf(rule)
    const why = [...m.unknowns, ...a.unknowns]
    if (!rule.priority.known) why.push({ value: rule.priority, attribute: 'priority', object: rule })
    if (access === 'unknown') why.push({ value: rule.access as never, attribute: 'access', object: rule })
    if (triAnd(m.match, a.is) === true && rule.priority.known && access !== 'unknown') {
      verdict.rule = rule
      verdict.access = access
      break
    }
    verdict.open.push({ rule, access, unknowns: why })
  }
  return verdict
}

/**
 * Does the security admin layer block the request, given whether the NSG alone would (`nsgBlocks`) and
 * whether a Deny would (`deny`: true, or unknown with why)? true/false when every possible admin outcome
 * agrees, else unknown with the open rules' reasons.
 */
export function adminBlocks(
  v: AdminVerdict,
  nsgBlocks: Tri,
  deny: { blocks: Tri; why: UnresolvedValue[] } = { blocks: true, why: [] },
): { blocks: Tri; unknowns: UnresolvedValue[] } {
  const effect = (a: AdminAccess | 'unknown' | undefined): Tri =>
    a === 'Deny' ? deny.blocks : a === 'AlwaysAllow' ? false : a === 'unknown' ? 'unknown' : nsgBlocks
  const decided = effect(v.access)
  const own = v.access === 'Deny' && deny.blocks === 'unknown' ? deny.why : []
  const differing = v.open.filter((o) => effect(o.access) !== decided || decided === 'unknown')
  if (differing.length === 0) return { blocks: decided, unknowns: decided === 'unknown' ? own : [] }
  const openDeny = differing.some((o) => o.access === 'Deny') && deny.blocks === 'unknown' ? deny.why : []
  return {
    blocks: 'unknown',
    unknowns: [...own, ...differing.flatMap((o) => o.unknowns), ...(own.length ? [] : openDeny)],
  }
}

/** `rule deny-kms (Deny) of nm-corp`: the rule for messages. */
export function adminRuleText(rule: AdminRule, access: string): string {
  return `security admin rule ${displayName(rule)} (${access})`
}

/** AVNM spells "drop" `NoNextHop`; a route table's next hop type for it is `None`. */
function routeNextHop(hop: ManagedRoute['nextHopType']): Route['nextHopType'] {
  return hop.known && hop.value.trim().toLowerCase() === 'nonexthop' ? known('None', hop.origin) : hop
}

function configurationText(index: ModelIndex, route: ManagedRoute): string {
  const cid = route.configurationId
  const config = cid.known
    ? index.model.networkManager?.configurations.find((c) => c.id === cid.value)
    : undefined
  return `Virtual Network Manager routing configuration ${config ? displayName(config) : cid.known ? cid.value : cid.expression}`
}

/** One Route per managed route (stable identity across paths: findings group by it). */
const asRoutes = new WeakMap<ManagedRoute, Route>()

/** The managed route as the user route Azure puts into the subnet's (managed) route table. */
function asRoute(index: ModelIndex, m: ManagedRoute): Route {
  let r = asRoutes.get(m)
  if (!r) {
    r = {
      ...m,
      routeTableId: m.configurationId.known ? m.configurationId.value : m.id,
      addressPrefix: m.destination,
      nextHopType: routeNextHop(m.nextHopType),
      managedBy: configurationText(index, m),
    }
    if (m.nextHopAddress) r.nextHopIpAddress = m.nextHopAddress
    asRoutes.set(m, r)
  }
  return r
}

const norm = (v: Route['addressPrefix']) => (v.known ? v.value.trim().toLowerCase() : undefined)
const hopKey = (r: Route) =>
  `${norm(r.nextHopType)}|${r.nextHopIpAddress ? (norm(r.nextHopIpAddress) ?? '?') : ''}`

/** What Virtual Network Manager UDR management puts into one subnet. */
export interface ManagedRouting {
  /** Routes that surely apply (deployed configuration, static member), as user routes. */
  sure: Route[]
  /** Routes that may apply, with why it is open; they decide nothing alone. */
  maybe: { route: Route; why: UnresolvedValue }[]
  /**
   * Whether gateway routes propagate into the subnet once the managed route table is in place, when the
   * managed table decides it (undefined: the subnet's own table decides, as without UDR management).
   */
  propagation?: { value: Value<boolean>; object: ModelObject; text: string }
}

function maybeUnknown(index: ModelIndex, route: Route, reason: string): UnresolvedValue {
  const d = route.addressPrefix
  const hop = route.nextHopType.known ? route.nextHopType.value : route.nextHopType.expression
  const value = unknown(
    `managed route ${displayName(route)} ${d.known ? d.value : d.expression} → ${hop}`,
    `${route.managedBy ?? 'a Virtual Network Manager routing configuration'} (UDR management) may put this route into the subnet (${reason})`,
    route.origin,
  )
  return { value, attribute: 'routingConfiguration', object: route }
}

/**
 * The routes Virtual Network Manager routing configurations put into `subnet` (Automate management of
 * user-defined routes with Azure Virtual Network Manager, "Impact of UDR management on routes and route
 * tables"): the routes of the subnet's own table stay, the managed routes join them as user routes, a
 * routing rule with the same destination as an existing route is ignored, and of conflicting rules (same
 * destination, different next hops) Azure applies one at random, so those only ever "may" apply.
 */
export function managedRouting(
  index: ModelIndex,
  subnet: Subnet,
  own: RouteTable | undefined,
): ManagedRouting {
  const out: ManagedRouting = { sure: [], maybe: [] }
  const routes = index.model.networkManager?.routes ?? []
  if (routes.length === 0) return out
  const existing = new Set((own?.routes ?? []).flatMap((r) => norm(r.addressPrefix) ?? []))
  const applying: { route: Route; m: ManagedRoute; is: Tri; unknowns: UnresolvedValue[] }[] = []
  for (const m of routes) {
    const a = applies(index, m, subnet)
    if (a.is === false) continue
    const route = asRoute(index, m)
    const prefix = norm(route.addressPrefix)
    if (prefix !== undefined && existing.has(prefix)) continue // the existing route wins: the rule is ignored
    applying.push({ route, m, is: a.is, unknowns: a.unknowns })
  }
  const byPrefix = new Map<string, Route[]>()
  for (const { route } of applying) {
    const p = norm(route.addressPrefix)
    if (p !== undefined) byPrefix.set(p, [...(byPrefix.get(p) ?? []), route])
  }
  for (const x of applying) {
    const p = norm(x.route.addressPrefix)
    const rivals = p === undefined ? [] : byPrefix.get(p)!.filter((r) => hopKey(r) !== hopKey(x.route))
    if (rivals.length > 0) {
      const names = rivals.map((r) => displayName(r)).join(', ')
      out.maybe.push({
        route: x.route,
        why: maybeUnknown(
          index,
          x.route,
          `it conflicts with ${names} (same destination, another next hop): Azure applies one of conflicting routing rules at random`,
        ),
      })
    } else if (x.is === true) out.sure.push(x.route)
    else
      out.maybe.push({
        route: x.route,
        why: maybeUnknown(
          index,
          x.route,
          x.unknowns.map((u) => u.value.reason ?? u.value.expression).join('; '),
        ),
      })
  }
  out.propagation = managedPropagation(
    applying.filter((x) => x.is === true).map((x) => x.m),
    own,
  )
  return out
}

/**
 * Gateway route propagation once a managed route table is in place. With no table of its own, the subnet
 * gets the managed table, which propagates as its rule collections say. Documented: a rule collection's
 * "Enable BGP route propagation" is its BGP setting (Automate management of user-defined routes with Azure
 * Virtual Network Manager, "Route collection settings"); the REST property `disableBgpRoutePropagation`
 * "Determines whether BGP route propagation is enabled. Defaults to true." (routingConfigurations/
 * ruleCollections); upon deployment the routes are put into a route table Virtual Network Manager creates
 * for the targeted subnets ("How does UDR management work?"), and a table's propagation setting applies
 * to every subnet that uses it ("Route Table Sharing and Cleanup Behavior"). So a collection with
 * propagation off keeps learned routes out of a subnet that has no table of its own (the docs do not say
 * this in one sentence; it is what the three statements together give). With a table of its own, the scan
 * keeps it propagating when either says so (whether Azure takes the collection's setting or the table's
 * depends on the configuration's route table usage mode; "propagates" is the side that is not a guess).
 */
function managedPropagation(
  applied: ManagedRoute[],
  own: RouteTable | undefined,
): ManagedRouting['propagation'] {
  if (applied.length === 0) return undefined
  const enabling = applied.find(
    (m) => !m.bgpRoutePropagation || !m.bgpRoutePropagation.known || m.bgpRoutePropagation.value,
  )
  const m = enabling ?? applied[0]!
  const value = m.bgpRoutePropagation ?? known(true, m.origin)
  const text = `the Virtual Network Manager rule collection of managed route ${displayName(m)} ${
    value.known ? (value.value ? 'lets' : 'does not let') : `may let (\`${value.expression}\`)`
  } gateway routes propagate`
  if (!own) return { value, object: m, text }
  const ownValue = own.bgpRoutePropagation
  if (ownValue.known && !ownValue.value && enabling) return { value, object: m, text }
  return undefined
}
