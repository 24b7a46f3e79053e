/**
 * Traces one KMS request from a subnet (or from a route table no subnet uses) to its end: route table,
 * winning route, next hop, Azure Firewall and, past a forced-tunnelling firewall, the firewall subnet's
 * own route; then the subnet's NSG with the platform exception for KMS. Produces the verdict, the
 * deciding objects, the unknown values behind an unknown verdict and a readable path.
 */
import type { KmsAddress } from '../kms/catalogue'
import type { AzureFirewall, EffectiveRouteEntry, ModelObject, RouteTable, Subnet } from '../model/network'
import { type Tri, type Value, known, unknown } from '../model/value'
import { evaluateFirewall, firewallForNextHop, firewallSubnetHolds } from './firewall'
import { displayName, type ModelIndex } from './lookup'
import { evaluateNsg, type ExtraRoutes, nsgBlocks, platformException } from './nsg'
import { evaluateNicNsgs } from './nic-nsgs'
import { parseIpv4Prefix, prefixContains, routeSpecificity } from './addresses'
import { describeSelection, selectEffectiveRoutes, selectRoute } from './routes'
import { hubEgress } from './vwan'
import { type Assumptions, type Fork, isAbsent, judgeBothWays, presentTable, touch } from './conditions'
import { bgpSources, bgpUnknown } from './bgp'
import { asSubnet, declarationUnder } from './redeclarations'
import {
  adminBlocks,
  type AdminVerdict,
  evaluateAdminRules,
  type ManagedRouting,
  managedRouting,
} from './avnm'
import type {
  KmsPath,
  NicNsgVerdict,
  NsgVerdict,
  Outcome,
  PathStep,
  RouteSelection,
  UnresolvedValue,
  Verdict,
} from './types'

/** A subnet's route table: none (or its association taken as absent), the table, or an unresolved reference. */
function tableOf(
  subnet: Subnet,
  index: ModelIndex,
  assume: Assumptions,
): { table?: RouteTable; unresolved?: UnresolvedValue } {
  const ref = isAbsent(subnet, assume, subnet.associationConditions?.routeTableId)
    ? subnet.associationsOtherwise?.routeTableId
    : subnet.routeTableId
  if (!ref) return {}
  if (!ref.known) return { unresolved: { value: ref, attribute: 'routeTableId', object: subnet } }
  const table = index.routeTables.get(ref.value)
  if (table) return { table }
  const value = unknown(
    ref.value,
    'route table not in the scanned sources',
    subnet.routeTableOrigin ?? ref.origin,
  )
  return { unresolved: { value, attribute: 'routeTableId', object: subnet } }
}

/** The same route decided both selections (the same winner, the same next hop). */
function sameSelection(a: RouteSelection, b: RouteSelection): boolean {
  if (a.nextHop !== b.nextHop || a.winner?.kind !== b.winner?.kind) return false
  const wa = a.winner
  const wb = b.winner
  return wa?.kind !== 'user' || wb?.kind !== 'user' || wa.route === wb.route
}

/**
 * The route for `address` from the subnet: live effective routes when read, else its route table with the
 * routes Virtual Network Manager puts beside it (`managed`). A managed route that only may apply (a
 * configuration not known to be committed, a group whose members are not listed) leaves the selection
 * undecided where it would change it, named.
 */
function selectionFor(
  subnet: Subnet,
  index: ModelIndex,
  address: string,
  assume: Assumptions,
  managed?: ManagedRouting,
): RouteSelection {
  const { table: written, unresolved } = tableOf(subnet, index, assume)
  const table = presentTable(written, assume)
  if (subnet.effectiveRoutes)
    return selectEffectiveRoutes(subnet.effectiveRoutes, unresolved ? 'unresolved' : table, address, subnet)
  if (unresolved) return { nextHop: 'unknown', unknowns: [unresolved] }
  const m = managed ?? managedRouting(index, subnet, table)
  const sure = assume.absent ? m.sure.filter((r) => !isAbsent(r, assume)) : m.sure
  const sel = selectRoute(table, address, sure)
  const open = m.maybe.filter(
    (x) =>
      !isAbsent(x.route, assume) &&
      (!x.route.addressPrefix.known || routeSpecificity(x.route.addressPrefix.value, address) !== undefined),
  )
  if (open.length === 0) return sel
  const all = selectRoute(table, address, [...sure, ...open.map((x) => x.route)])
  if (sameSelection(sel, all)) return sel
  return { table, nextHop: 'unknown', unknowns: open.map((x) => x.why) }
}

/**
 * Can a route learned over BGP win over the selection? Only by a longer prefix than the winner's (on equal
 * prefixes a user route beats a BGP route): never over a /32, and it changes nothing where the winner
 * already sends KMS on-premises or drops it.
 */
function bgpCanWin(sel: RouteSelection): boolean {
  const w = sel.winner
  if (!w || w.kind === 'hub' || w.kind === 'effective') return false
  if (w.kind === 'system') return true
  if (sel.nextHop !== 'Internet' && sel.nextHop !== 'VirtualAppliance') return false
  return (parseIpv4Prefix(w.prefix)?.bits ?? 0) < 32
}

/**
 * The selection once the local sites' gateway routes are weighed (bgp.ts siteRoutes): the longest covering
 * site prefix wins over the selected route when it is longer (over a user route of equal length it loses;
 * over the system default route it wins even at 0.0.0.0/0). Only where gateway routes propagate: the
 * managed table's or the subnet's table's setting (no table propagates); a setting that is not known leaves
 * the winning site route to bgpUnknown, named. undefined = the sites change nothing.
 */
function siteSelection(
  index: ModelIndex,
  subnet: Subnet,
  sel: RouteSelection,
  address: string,
  managedPropagation: Value<boolean> | undefined,
): RouteSelection | undefined {
  const propagation = managedPropagation ?? sel.table?.bgpRoutePropagation
  if (propagation && (!propagation.known || !propagation.value)) return undefined
  const w = sel.winner
  const over = w?.kind === 'user' ? (routeSpecificity(w.prefix, address) ?? 0) : -1
  let best: { route: ReturnType<typeof bgpSources>['sites'][number]; bits: number } | undefined
  for (const route of bgpSources(index, subnet, address).sites) {
    const bits = routeSpecificity(route.prefix, address)
    if (bits !== undefined && bits > over && (!best || bits > best.bits)) best = { route, bits }
  }
  if (!best) return undefined
  const { route } = best
  return {
    ...(sel.table ? { table: sel.table } : {}),
    winner: { kind: 'site', via: route.site, prefix: route.prefix, text: route.text },
    nextHop: 'VirtualNetworkGateway',
    unknowns: [],
  }
}

/**
 * The selection once the routes gateways put into the subnet are weighed (live effective routes already
 * hold them): a VPN gateway without BGP propagates its local sites' address spaces as gateway routes, and one
 * covering KMS is a route like any other, decided by longest prefix (`site`: the one that won); outside
 * Virtual WAN, a gateway or Route Server may teach the subnet a route over BGP that beats the selected route
 * (the system default route, or a user route by a longer prefix: on-premises often advertises 0.0.0.0/1 and
 * 128.0.0.0/1, which beat a user 0.0.0.0/0; only a /32 is sure to win), named as unknown.
 */
function withGatewayRoutes(
  index: ModelIndex,
  subnet: Subnet,
  selection: RouteSelection,
  address: string,
  managed?: ManagedRouting,
): { selection: RouteSelection; site?: KmsPath['decidingSite'] } {
  if (subnet.effectiveRoutes) return { selection }
  let sel = selection
  let site: KmsPath['decidingSite']
  if (index.model.bgp && bgpCanWin(sel)) {
    const s = siteSelection(index, subnet, sel, address, managed?.propagation?.value)
    if (s) {
      sel = s
      if (s.winner?.kind === 'site')
        site = { via: s.winner.via, prefix: s.winner.prefix, text: s.winner.text }
    }
  }
  if (bgpCanWin(sel)) {
    const w = sel.winner
    const over =
      w?.kind === 'user'
        ? `${w.route.managedBy ? 'managed route' : 'user route'} ${displayName(w.route)} (${w.prefix})`
        : undefined
    const learned = bgpUnknown(index, subnet, sel.table, address, managed?.propagation, over)
    if (learned) {
      const unlessLearned = {
        winner: sel.winner,
        nextHop: sel.nextHop,
        nextHopIpAddress: sel.nextHopIpAddress,
      }
      sel = Object.assign({}, sel, {
        winner: undefined,
        nextHop: 'unknown' as const,
        unknowns: [learned],
        unlessLearned,
      })
    }
  }
  return { selection: sel, ...(site ? { site } : {}) }
}

/**
 * What decides the platform exception's route side: the selection's table, or, when the subnet's table
 * does not resolve and no effective routes stand for it, the unresolved reference (its routes may well
 * override 0.0.0.0/0: assuming they do not would be a guess).
 */
function exceptionTable(subnet: Subnet, index: ModelIndex, sel: RouteSelection, assume: Assumptions) {
  if (sel.table || sel.effective) return sel.table
  return tableOf(subnet, index, assume).unresolved
}

/** Where the route's next hop ends, before any firewall. */
function plainOutcome(hop: RouteSelection['nextHop']): Outcome | undefined {
  switch (hop) {
    case 'Internet':
      return 'internet'
    case 'VirtualNetworkGateway':
      return 'gateway'
    case 'None':
      return 'none'
    case 'VnetLocal':
      return 'vnetLocal'
    case 'unknown':
      return 'unknown'
    default:
      return undefined
  }
}

const OUTCOME_VERDICT: Record<Outcome, Verdict> = {
  internet: 'reaches',
  gateway: 'blocked',
  none: 'blocked',
  vnetLocal: 'blocked',
  firewallDenied: 'blocked',
  noOutbound: 'blocked',
  appliance: 'unverified',
  unknown: 'unknown',
}

const HOP_STEP: Partial<Record<Outcome, PathStep['kind']>> = {
  internet: 'internet',
  gateway: 'onPremises',
  none: 'dropped',
  vnetLocal: 'dropped',
  appliance: 'appliance',
}

/** The subnet's NSG verdict, or an unresolved reference to it. */
function nsgOf(
  subnet: Subnet,
  index: ModelIndex,
  source: string[] | 'unknown',
  address: string,
  table: RouteTable | UnresolvedValue | undefined,
  effective: EffectiveRouteEntry[] | undefined,
  extra: ExtraRoutes | undefined,
  assume: Assumptions,
) {
  const ref: Value<string> | undefined = isAbsent(subnet, assume, subnet.associationConditions?.nsgId)
    ? subnet.associationsOtherwise?.nsgId
    : subnet.nsgId
  if (!ref) return {}
  const nsg = ref.known ? index.nsgs.get(ref.value) : undefined
  if (nsg) return { verdict: evaluateNsg(nsg, source, address, table, effective, extra) }
  const value = ref.known
    ? unknown(ref.value, 'network security group not in the scanned sources', subnet.nsgOrigin)
    : ref
  return { unresolved: { value, attribute: 'nsgId', object: subnet } as UnresolvedValue }
}

/** The effective route (no model Route) that won a subnet's selection, for KmsPath.decidingEffectiveRoute. */
function effectiveWinner(subnet: Subnet | undefined, sel: RouteSelection): KmsPath['decidingEffectiveRoute'] {
  if (!subnet || !sel.effective || sel.winner?.kind !== 'effective') return undefined
  return { subnet, nicId: sel.effective.nicId, route: sel.winner.route, prefix: sel.winner.prefix }
}

/** A modelled firewall whose private address is unknown (computed at deployment), if any. */
/** A firewall whose address is assigned at deployment and may be `address` (its subnet does not rule it out). */
function unaddressedFirewall(index: ModelIndex, address: string): AzureFirewall | undefined {
  return index.model.firewalls.find(
    (f) => !f.privateIpAddress.known && firewallSubnetHolds(f, address.trim(), index) !== false,
  )
}

/** An appliance the configuration says egresses from Azure (an address or a prefix covering it). */
function allowedAppliance(index: ModelIndex, address: string): { reason: string } | undefined {
  return index.model.allowedAppliances?.find(
    (a) => a.address === address || prefixContains(a.address, address) === true,
  )
}

/** Each unresolved value once (the route side and the NSG side can both name the route table). */
function distinct(us: UnresolvedValue[]): UnresolvedValue[] {
  return us.filter(
    (u, i) =>
      us.findIndex(
        (o) =>
          o.object === u.object && o.attribute === u.attribute && o.value.expression === u.value.expression,
      ) === i,
  )
}

/**
 * Does a security admin Deny block KMS on this subnet? Azure documents the platform rule that lets KMS out
 * for NSGs only (NSG overview, "Azure platform considerations": not subject to NSGs unless a rule denies
 * AzurePlatformLKM, off once a route overrides 0.0.0.0/0); the security admin rule documents neither apply
 * it nor exempt it. So a Deny blocks for sure only where the exception is off; where it is (or may be) on,
 * whether the Deny stops KMS is undecided, named.
 */
function denyEffect(
  admin: AdminVerdict,
  nsg: NsgVerdict | undefined,
  table: RouteTable | UnresolvedValue | undefined,
  effective: EffectiveRouteEntry[] | undefined,
  managed: ManagedRouting | undefined,
): { blocks: Tri; why: UnresolvedValue[] } {
  const rule = admin.rule ?? admin.open.find((o) => o.access === 'Deny')?.rule
  if (!rule) return { blocks: true, why: [] }
  const exc = platformException(nsg?.nsg, table, effective, managed)
  if (exc.on === false) return { blocks: true, why: [] }
  const value = unknown(
    'Azure platform exception for KMS',
    'Azure lets KMS traffic out through a platform rule that NSGs do not see while no route overrides ' +
      '0.0.0.0/0 (NSG overview, "Azure platform considerations"); whether that rule also passes a ' +
      'security admin Deny is not documented',
    rule.origin,
  )
  return { blocks: 'unknown', why: [{ value, attribute: 'access', object: rule }, ...exc.unknowns] }
}

/**
 * The path of one KMS address from a subnet (or an unused route table), judged both ways where it went
 * through a hop that may not be there (./conditions.ts).
 */
export function tracePath(
  index: ModelIndex,
  from: { subnet?: Subnet; table?: RouteTable },
  kms: KmsAddress,
): KmsPath {
  const subnet = from.subnet
  if (!subnet?.redeclarations?.length)
    return judgeBothWays((assume, forks) => traceOnce(index, from, kms, assume, forks))
  // Declared more than once behind conditions: traced with the declaration each way takes (./redeclarations.ts).
  return judgeBothWays((assume, forks) => {
    const declared = declarationUnder(subnet, assume, forks)
    return asSubnet(traceOnce(index, { ...from, subnet: declared }, kms, assume, forks), declared, subnet)
  })
}

/** A subnet's association the path used (`what`: `route table rt-app`), recorded when it is conditional. */
function touchAssociation(
  forks: Fork[],
  subnet: Subnet,
  field: keyof NonNullable<Subnet['associationConditions']>,
  what: string,
): void {
  const c = subnet.associationConditions?.[field]
  if (c) touch(forks, subnet, `the association of ${what} with ${displayName(subnet)}`, c)
}

/** The route that won a selection, recorded when it is deployed under a condition. */
function touchWinner(forks: Fork[], sel: RouteSelection): void {
  const w = sel.winner
  if (w?.kind === 'user' && w.route.condition)
    touch(
      forks,
      w.route,
      `${w.route.managedBy ? 'managed route' : 'route'} ${displayName(w.route)} (${w.route.address})`,
    )
}

function traceOnce(
  index: ModelIndex,
  from: { subnet?: Subnet; table?: RouteTable },
  kms: KmsAddress,
  assume: Assumptions,
  forks: Fork[],
): KmsPath {
  const { subnet } = from
  const address = kms.address
  const steps: PathStep[] = []
  const parts: string[] = []
  let routeTable = from.table
  let selection: RouteSelection
  let hubFirewall: AzureFirewall | undefined
  let decidingHub: KmsPath['decidingHub']
  let decidingSite: KmsPath['decidingSite']
  let managed: ManagedRouting | undefined
  if (subnet) {
    steps.push({ kind: 'subnet', label: displayName(subnet), object: subnet })
    parts.push(displayName(subnet))
    managed = subnet.effectiveRoutes
      ? undefined
      : managedRouting(index, subnet, presentTable(tableOf(subnet, index, assume).table, assume))
    selection = selectionFor(subnet, index, address, assume, managed)
    routeTable = selection.table
    if (routeTable && !selection.effective)
      touchAssociation(forks, subnet, 'routeTableId', `route table ${displayName(routeTable)}`)
    // Virtual WAN: a connected VNet's default route comes from the hub, unless a user route wins (live
    // effective routes already hold the hub's routes).
    if (!subnet.effectiveRoutes && selection.winner?.kind === 'system') {
      const hub = hubEgress(index, subnet, address, assume, forks)
      if (hub.kind === 'unknown')
        selection = Object.assign({}, selection, {
          winner: undefined,
          nextHop: 'unknown' as const,
          unknowns: hub.unknowns,
        })
      else if (hub.kind !== 'none') {
        const winner = { kind: 'hub' as const, via: hub.via, prefix: '0.0.0.0/0', text: hub.text }
        decidingHub = { via: hub.via, text: hub.text }
        selection = Object.assign({}, selection, { winner, nextHop: 'VirtualAppliance' as const })
        if (hub.kind === 'firewall') hubFirewall = hub.firewall
        else selection.nextHopIpAddress = known(hub.nextHop, hub.via.origin)
      }
    }
    const routed = withGatewayRoutes(index, subnet, selection, address, managed)
    selection = routed.selection
    if (routed.site) decidingSite = routed.site
  } else selection = selectRoute(presentTable(from.table, assume), address)
  touchWinner(forks, selection)
  if (routeTable) steps.push({ kind: 'routeTable', label: displayName(routeTable), object: routeTable })
  const winnerRoute = selection.winner?.kind === 'user' ? selection.winner.route : undefined
  steps.push({
    kind: 'route',
    label: selection.winner ? `${selection.winner.prefix}` : '(unresolved)',
    object: winnerRoute,
  })
  steps.push({ kind: 'nextHop', label: selection.nextHop })
  parts.push(describeSelection(selection, routeTable ? displayName(routeTable) : undefined))

  const source: string[] | 'unknown' | 'any' = subnet
    ? subnet.addressPrefixes.known
      ? subnet.addressPrefixes.value
      : 'unknown'
    : 'any'
  let routeUnknowns: UnresolvedValue[] = [...selection.unknowns]
  let outcome: Outcome
  let decidingRoute = winnerRoute
  // An effective route has no model object: the subnet whose effective routes hold it stands for it.
  let decidingEffective = effectiveWinner(subnet, selection)
  let deciding: KmsPath['deciding'] =
    winnerRoute ?? decidingEffective?.subnet ?? decidingHub?.via ?? decidingSite?.via
  let firewall: KmsPath['firewall']
  let firewallSubnetSelection: RouteSelection | undefined

  if (selection.nextHop === 'VirtualAppliance') {
    const hop = selection.nextHopIpAddress
    const found = hubFirewall ?? firewallForNextHop(hop, index)
    // A firewall deployed under a condition: present, its policy decides; absent, nothing answers the
    // route's next hop and Azure drops the traffic (./conditions.ts judges both ways).
    const gone = found && isAbsent(found, assume) ? found : undefined
    const fw = gone ? undefined : found
    if (fw) touch(forks, fw, `firewall ${displayName(fw)} (${fw.address})`)
    // describeSelection names the hop of an effective route itself, before where the route came from. A hop
    // written as an expression that names a firewall is that firewall (next in the path), not its text.
    if (!selection.effective && !hubFirewall && !(found && hop && !hop.known))
      parts[parts.length - 1] += hop ? ` ${hop.known ? hop.value : hop.expression}` : ''
    const vouched = hop?.known ? allowedAppliance(index, hop.value) : undefined
    if (gone) {
      outcome = 'none'
      steps.push({ kind: 'dropped', label: `${displayName(gone)} not deployed` })
      parts.push(`${displayName(gone)} not deployed: nothing answers the next hop, the traffic is dropped`)
    } else if (!fw && vouched) {
      outcome = 'internet'
      steps.push({ kind: 'appliance', label: `${hop!.known ? hop!.value : ''} (allowed: ${vouched.reason})` })
    } else if (!fw && hop && !hop.known && !hop.ref && winnerRoute) {
      // An address we cannot resolve (a variable without value, reference() to another deployment) may
      // well be a firewall's: calling it an unverified appliance would be a guess, so it stays unknown.
      outcome = 'unknown'
      routeUnknowns.push({ value: hop, attribute: 'nextHopIpAddress', object: winnerRoute })
    } else if (!fw && hop?.known && !decidingHub && unaddressedFirewall(index, hop.value)) {
      // A literal next hop, and a firewall in the model whose private address is not known until it is
      // deployed and whose subnet may hold the hop: the hop may be that firewall. Calling it an
      // unverified appliance would be a guess.
      const other = unaddressedFirewall(index, hop.value)!
      const ip = other.privateIpAddress
      outcome = 'unknown'
      if (!ip.known) routeUnknowns.push({ value: ip, attribute: 'privateIpAddress', object: other })
    } else if (!fw) {
      outcome = 'appliance'
      steps.push({ kind: 'appliance', label: hop?.known ? hop.value : 'network virtual appliance' })
    } else {
      firewall = evaluateFirewall(fw, source, address, index)
      const fwName = displayName(fw)
      steps.push({ kind: 'firewall', label: fwName, object: fw })
      const ruleText = firewall.rule ? `rule ${displayName(firewall.rule)}` : 'no rule matched'
      steps.push({ kind: 'firewallRule', label: `${ruleText} (${firewall.action})`, object: firewall.rule })
      parts.push(`${fwName}: ${ruleText} (${firewall.action})`)
      if (firewall.action === 'Deny') {
        outcome = 'firewallDenied'
        deciding = firewall.rule ?? deciding
      } else if (firewall.action === 'unknown') {
        outcome = 'unknown'
        routeUnknowns = [...firewall.unknowns]
      } else {
        outcome = 'internet'
        if (fw.forcedTunnelling) {
          // A forced-tunnelling firewall sends what it allows along its own subnet's routes. With no
          // subnet in the sources, those routes are unknown (not "none": that would be a guess).
          const fwSubnetRef =
            fw.subnetId ?? unknown(`subnet of ${fw.address}`, 'the firewall names no subnet', fw.origin)
          const fwSubnet = fwSubnetRef.known ? index.subnets.get(fwSubnetRef.value) : undefined
          if (!fwSubnet) {
            outcome = 'unknown'
            const value = fwSubnetRef.known
              ? unknown(fwSubnetRef.value, 'firewall subnet not in the scanned sources', fwSubnetRef.origin)
              : fwSubnetRef
            routeUnknowns = [{ value, attribute: 'subnetId', object: fw }]
          } else {
            // Its subnet's gateway routes count too: a local site covering KMS, a default route learned
            // over BGP (Azure Firewall forced tunnelling: "a default route advertised via BGP or using User
            // Defined Routes" takes the firewall's Internet traffic on-premises).
            const routed = withGatewayRoutes(
              index,
              fwSubnet,
              selectionFor(fwSubnet, index, address, assume),
              address,
            )
            firewallSubnetSelection = routed.selection
            if (routed.site) decidingSite = routed.site
            touchWinner(forks, firewallSubnetSelection)
            const fsTable = firewallSubnetSelection.table
            parts.push(
              `${displayName(fwSubnet)} → ${describeSelection(firewallSubnetSelection, fsTable ? displayName(fsTable) : undefined)}`,
            )
            const fsRoute =
              firewallSubnetSelection.winner?.kind === 'user'
                ? firewallSubnetSelection.winner.route
                : undefined
            steps.push({ kind: 'subnet', label: displayName(fwSubnet), object: fwSubnet })
            if (fsTable) steps.push({ kind: 'routeTable', label: displayName(fsTable), object: fsTable })
            steps.push({
              kind: 'route',
              label: firewallSubnetSelection.winner?.prefix ?? '(unresolved)',
              object: fsRoute,
            })
            outcome = plainOutcome(firewallSubnetSelection.nextHop) ?? 'appliance'
            if (outcome !== 'internet') {
              decidingRoute = fsRoute
              decidingEffective = effectiveWinner(fwSubnet, firewallSubnetSelection)
              deciding = fsRoute ?? decidingEffective?.subnet ?? routed.site?.via
            }
            routeUnknowns = firewallSubnetSelection.unknowns
          }
        }
        if (outcome === 'internet') parts.push('Internet')
      }
      if (outcome !== 'firewallDenied' && outcome !== 'unknown') {
        const kind = HOP_STEP[outcome]
        if (kind) steps.push({ kind, label: outcome })
      }
    }
  } else {
    outcome = plainOutcome(selection.nextHop) ?? 'unknown'
    // A subnet without default outbound access (private subnet) and without a NAT gateway has no way to
    // the Internet: system route 0.0.0.0/0 → Internet leads nowhere (VMs would need their own public IP).
    // A NAT gateway behind a conditional association: without it, a private subnet has no way out.
    const doa = subnet?.defaultOutboundAccess
    const nat =
      subnet?.natGatewayId !== undefined &&
      (!isAbsent(subnet, assume, subnet.associationConditions?.natGatewayId) ||
        subnet.associationsOtherwise?.natGatewayId !== undefined)
    if (outcome === 'internet' && subnet && nat && doa && !(doa.known && doa.value))
      touchAssociation(forks, subnet, 'natGatewayId', 'NAT gateway')
    if (outcome === 'internet' && subnet && !nat && doa) {
      if (!doa.known) {
        outcome = 'unknown'
        routeUnknowns = [{ value: doa, attribute: 'defaultOutboundAccess', object: subnet }]
      } else if (!doa.value) {
        outcome = 'noOutbound'
        deciding = subnet
        parts.push('no outbound access (default outbound access disabled, no NAT gateway)')
      }
    }
    const kind = HOP_STEP[outcome]
    if (kind) steps.push({ kind, label: outcome })
  }
  // Firewall sources are compared with the subnet's prefixes: unresolved prefixes may be why.
  if (outcome === 'unknown' && firewall && subnet && !subnet.addressPrefixes.known)
    routeUnknowns.push({ value: subnet.addressPrefixes, attribute: 'addressPrefixes', object: subnet })

  // NSG (outbound, on the subnet).
  let nsg: NsgVerdict | undefined
  let nsgBlock: Tri = false
  let nsgUnknowns: UnresolvedValue[] = []
  let nicNsgs: NicNsgVerdict[] | undefined
  let nicDecider: ModelObject | undefined
  let securityAdmin: AdminVerdict | undefined
  let adminDecider: ModelObject | undefined
  if (subnet) {
    const effectiveRoutes = selection.effective?.routes
    const excTable = exceptionTable(subnet, index, selection, assume)
    const n = nsgOf(
      subnet,
      index,
      source === 'any' ? 'unknown' : source,
      address,
      excTable,
      effectiveRoutes,
      managed,
      assume,
    )
    if (n.verdict) {
      touchAssociation(forks, subnet, 'nsgId', `network security group ${displayName(n.verdict.nsg)}`)
      nsg = n.verdict
      nsgBlock = nsgBlocks(nsg)
      if (nsgBlock === 'unknown') {
        const exc = platformException(nsg.nsg, excTable, effectiveRoutes, managed)
        nsgUnknowns = [...nsg.unknowns, ...exc.unknowns]
        if (!subnet.addressPrefixes.known)
          nsgUnknowns.push({ value: subnet.addressPrefixes, attribute: 'addressPrefixes', object: subnet })
      }
      if (nsg.access !== 'Allow') {
        const ruleName = nsg.rule ? displayName(nsg.rule) : (nsg.defaultRule ?? '?')
        steps.splice(1, 0, {
          kind: 'nsg',
          label: `${displayName(nsg.nsg)}: ${ruleName} (${nsg.access})`,
          object: nsg.rule,
        })
        parts[0] += ` [${displayName(nsg.nsg)}: ${ruleName} ${nsg.access}]`
      }
    } else if (n.unresolved) {
      // Whatever the routes say, the NSG we cannot see may deny KMS and the AzurePlatformLKM tag.
      nsgBlock = 'unknown'
      nsgUnknowns = [n.unresolved]
    }
    // NSGs of the VMs' NICs filter before the subnet's: KMS leaves only if both let it out.
    const nics = evaluateNicNsgs(
      index,
      subnet,
      source === 'any' ? 'unknown' : source,
      address,
      excTable,
      effectiveRoutes,
      managed,
    )
    if (nics) {
      if (nics.layers.length > 0) nicNsgs = nics.layers
      if (nics.block === true && nsgBlock !== true) {
        nsgBlock = true
        nsgUnknowns = []
        nicDecider = nics.layers.find((l) => l.placed && nsgBlocks(l.verdict) === true)?.verdict.rule
      } else if (nics.block === 'unknown' && nsgBlock !== true) {
        nsgBlock = 'unknown'
        nsgUnknowns = distinct([...nsgUnknowns, ...nics.unknowns])
      }
      for (const l of nics.layers) {
        const ruleName = l.verdict.rule ? displayName(l.verdict.rule) : (l.verdict.defaultRule ?? '?')
        const label = `${displayName(l.verdict.nsg)} on NIC ${l.nics.map(displayName).join(', ')}: ${ruleName} (${l.verdict.access})`
        steps.splice(1, 0, { kind: 'nsg', label, object: l.verdict.rule })
        parts[0] += ` [${label}]`
      }
    }
    // Virtual Network Manager security admin rules come before the NSG: Deny and AlwaysAllow overrule it.
    const admin = evaluateAdminRules(index, subnet, source === 'any' ? 'unknown' : source, address)
    if (admin && (admin.rule || admin.open.length > 0)) {
      securityAdmin = admin
      const a = adminBlocks(admin, nsgBlock, denyEffect(admin, nsg, excTable, effectiveRoutes, managed))
      if (a.blocks !== 'unknown') {
        nsgBlock = a.blocks
        nsgUnknowns = []
        if (a.blocks && admin.access === 'Deny') adminDecider = admin.rule
      } else if (a.unknowns.length > 0) {
        nsgUnknowns = distinct([...a.unknowns, ...(nsgBlock === 'unknown' ? nsgUnknowns : [])])
        nsgBlock = 'unknown'
      }
      if (admin.rule && admin.access !== 'Allow') {
        const label = `${displayName(admin.rule)} (${admin.access})`
        steps.splice(1, 0, { kind: 'nsg', label: `security admin rule ${label}`, object: admin.rule })
        parts[0] += ` [security admin rule ${label}]`
      }
    }
  }

  const routeVerdict = OUTCOME_VERDICT[outcome]
  let verdict: Verdict
  if (routeVerdict === 'blocked') verdict = 'blocked'
  else if (nsgBlock === true) {
    verdict = 'blocked'
    deciding = adminDecider ?? (nsg && nsgBlocks(nsg) === true ? nsg.rule : nicDecider) ?? deciding
  } else if (routeVerdict === 'unknown' || nsgBlock === 'unknown') verdict = 'unknown'
  else verdict = routeVerdict
  const unknowns =
    verdict === 'unknown'
      ? distinct([
          ...(routeVerdict === 'unknown' ? routeUnknowns : []),
          ...(nsgBlock === 'unknown' ? nsgUnknowns : []),
        ])
      : []

  const path: KmsPath = {
    routeTable,
    kms,
    selection,
    outcome,
    verdict,
    unknowns,
    steps,
    text: parts.join(' → '),
  }
  if (subnet) path.subnet = subnet
  if (firewall) path.firewall = firewall
  if (firewallSubnetSelection) path.firewallSubnetSelection = firewallSubnetSelection
  if (nsg) path.nsg = nsg
  if (nicNsgs) path.nicNsgs = nicNsgs
  if (securityAdmin) path.securityAdmin = securityAdmin
  if (decidingRoute && (outcome !== 'internet' || verdict !== 'reaches')) path.decidingRoute = decidingRoute
  if (decidingEffective && (outcome !== 'internet' || verdict !== 'reaches'))
    path.decidingEffectiveRoute = decidingEffective
  if (decidingHub && (outcome !== 'internet' || verdict !== 'reaches')) path.decidingHub = decidingHub
  if (decidingSite) path.decidingSite = decidingSite
  if (deciding) path.deciding = deciding
  return path
}
