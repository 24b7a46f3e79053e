/**
 * Deployed Azure Virtual Network Manager routing configurations (UDR management), as @azure/arm-network
 * returns them, → the model's managed routes and routing configurations (the shapes the IaC sources fill in
 * src/sources/mapping/arm-avnm.ts), so route selection sees the routes the manager puts into its groups'
 * subnets.
 *
 * A configuration counts as committed in a region when the manager's deployment status for `Routing` there
 * is `Deployed` and lists it. What could not be read is never "no route": a rule collection whose rules, a
 * configuration whose collections, or a manager whose configurations could not be read becomes a managed
 * route of unknown destination and next hop, whose groups and commit state name the failed read, so the
 * subnets it may reach are undecided (unless every possible route agrees).
 *
 * Once committed, Azure also writes these routes into a route table in a manager-managed resource group and
 * associates it with the subnets: a live read of that subscription sees them in the subnet's route table too.
 * A routing rule whose destination is already in the subnet's table is ignored by Azure and by the analysis,
 * so the two views do not add up twice.
 */
import type {
  NetworkGroup as ArmNetworkGroup,
  NetworkManagerDeploymentStatus,
  NetworkManagerRoutingConfiguration,
  RoutingRule,
  RoutingRuleCollection,
  StaticMember as ArmStaticMember,
} from '@azure/arm-network'
import {
  emptyNetworkManager,
  type ManagedRoute,
  type NetworkManagerConfiguration,
  type NetworkManagerModel,
} from '../../model/network'
import { known, unknown, type Unknown, type Value } from '../../model/value'
import { liveHeader, liveId } from './map'
import { LIVE_AVNM_TYPES, mapGroup } from './map-avnm'

export const LIVE_ROUTING_TYPES = {
  configuration: 'Microsoft.Network/networkManagers/routingConfigurations',
  collection: 'Microsoft.Network/networkManagers/routingConfigurations/ruleCollections',
  rule: 'Microsoft.Network/networkManagers/routingConfigurations/ruleCollections/rules',
} as const

const lastSegment = (armId: string): string => armId.split('/').filter(Boolean).pop() ?? armId

/** What was read of one routing rule collection; `rules` undefined = not read (`error` says why). */
export interface LiveRoutingCollection {
  collection: RoutingRuleCollection
  rules?: RoutingRule[]
  error?: string
}

/** What was read of one routing configuration; `collections` undefined = not read. */
export interface LiveRoutingConfiguration {
  configuration: NetworkManagerRoutingConfiguration
  collections?: LiveRoutingCollection[]
  error?: string
}

/** What was read of one network manager's routing configurations. */
export interface LiveManagerRouting {
  managerId: string
  /** Regions of the VNets read: where a configuration must be committed to reach them. */
  regions: string[]
  /** undefined = the configurations could not be listed (`errors.configurations`). */
  configurations?: LiveRoutingConfiguration[]
  /** The manager's deployment status for `Routing` in `regions`; undefined = not read (`errors.status`). */
  status?: NetworkManagerDeploymentStatus[]
  errors: { configurations?: string; status?: string }
}

/**
 * Where a configuration is committed among the regions of the scanned VNets. Azure commits per region
 * (Virtual Network Manager deployments: "a configuration ... applies to the resources in the regions it is
 * deployed to"), and each live subnet carries its VNet's region, so a commit in some regions only applies
 * there: `deployed` true with `deployedRegions` (src/analysis/avnm.ts compares the subnet's region), a region
 * whose commit is still deploying or failed in `regionsUndecided` (its subnets undecided, named), none at all
 * false. A status that could not be read is unknown for every region.
 */
export function routingDeployment(
  cfgArmId: string,
  m: LiveManagerRouting,
  origin: NetworkManagerConfiguration['origin'],
): Pick<NetworkManagerConfiguration, 'deployed' | 'deployedRegions' | 'regionsUndecided'> {
  if (!m.status)
    return {
      deployed: unknown(
        'deployment',
        `whether it is committed could not be read (${m.errors.status ?? 'no answer'})`,
        origin,
      ),
    }
  const id = liveId(cfgArmId)
  const committed: string[] = []
  const pending: { region: string; why: Unknown }[] = []
  for (const region of m.regions) {
    const entries = m.status.filter(
      (s) =>
        (s.region ?? '').toLowerCase() === region &&
        (s.deploymentType ?? 'Routing').toLowerCase() === 'routing' &&
        (s.configurationIds ?? []).some((c) => liveId(c) === id),
    )
    const states = entries.map((s) => (s.deploymentStatus ?? '').toLowerCase())
    if (states.includes('deployed')) committed.push(region)
    else if (states.length > 0)
      pending.push({
        region,
        why: unknown(
          'deployment',
          `its commit in ${region} is not complete (${entries[0]!.deploymentStatus ?? 'status not given'})`,
          origin,
        ) as Unknown,
      })
  }
  if (pending.length === 0 && committed.length === m.regions.length) return { deployed: known(true, origin) }
  if (pending.length === 0 && committed.length === 0) return { deployed: known(false, origin) }
  return {
    deployed: known(true, origin),
    deployedRegions: known(committed, origin),
    ...(pending.length > 0 ? { regionsUndecided: pending } : {}),
  }
}

/** `disableBgpRoutePropagation` is a string in the API ("True"/"False"); absent = propagation on. */
function propagation(c: RoutingRuleCollection, origin: ManagedRoute['origin']): Value<boolean> {
  const raw = (c as { disableBgpRoutePropagation?: unknown }).disableBgpRoutePropagation
  const disabled = typeof raw === 'boolean' ? raw : String(raw ?? 'false').toLowerCase() === 'true'
  return known(!disabled, origin)
}

function mapRule(
  r: RoutingRule,
  c: RoutingRuleCollection,
  configurationId: string,
): ManagedRoute | undefined {
  if (!r.id) return undefined
  const h = liveHeader(r.id, r.name, LIVE_ROUTING_TYPES.rule)
  const o = h.origin
  const route: ManagedRoute = {
    ...h,
    configurationId: known(configurationId, o),
    groupIds: known(
      (c.appliesTo ?? []).map((g) => liveId(g.networkGroupId)),
      o,
    ),
    destination: r.destination?.destinationAddress
      ? known(r.destination.destinationAddress, o)
      : unknown('destination', 'not returned by Azure', o),
    nextHopType: r.nextHop?.nextHopType
      ? known(r.nextHop.nextHopType, o)
      : unknown('nextHopType', 'not returned by Azure', o),
    bgpRoutePropagation: propagation(c, o),
  }
  if (r.nextHop?.nextHopAddress) route.nextHopAddress = known(r.nextHop.nextHopAddress, o)
  return route
}

/** A managed route that may be anything: what a failed read stands for. */
function unreadRoute(
  armId: string,
  what: string,
  reason: string,
  configurationId: string,
  groups: Value<string[]>,
): ManagedRoute {
  const h = liveHeader(armId, what, LIVE_ROUTING_TYPES.rule)
  const why = (expression: string) => unknown(expression, reason, h.origin)
  return {
    ...h,
    configurationId: known(configurationId, h.origin),
    groupIds: groups,
    destination: why(`${armId.replace(/^\//, '')} destination`),
    nextHopType: why(`${armId.replace(/^\//, '')} next hop`),
  }
}

function configuration(
  armId: string,
  deployment: Pick<NetworkManagerConfiguration, 'deployed' | 'deployedRegions' | 'regionsUndecided'>,
): NetworkManagerConfiguration {
  return {
    ...liveHeader(armId, lastSegment(armId), LIVE_ROUTING_TYPES.configuration),
    kind: 'routing',
    ...deployment,
  }
}

/** A configuration of unknown commit state and a route of unknown everything, for a read that failed. */
function addUnread(nm: NetworkManagerModel, armId: string, what: string, reason: string): void {
  const h = liveHeader(armId, what, LIVE_ROUTING_TYPES.configuration)
  const cfg = configuration(armId, { deployed: unknown('deployment', reason, h.origin) })
  nm.configurations.push(cfg)
  nm.routes.push(unreadRoute(armId, what, reason, cfg.id, unknown('groups', reason, h.origin)))
}

/**
 * Network managers' routing configurations → configurations (with their commit state) and managed routes.
 * `unreadScopes`: scopes whose network managers could not be listed (a routing configuration may apply).
 */
export function mapManagerRouting(
  managers: LiveManagerRouting[],
  unreadScopes: { label: string; error: string }[] = [],
): NetworkManagerModel {
  const nm = emptyNetworkManager()
  for (const scope of unreadScopes)
    addUnread(
      nm,
      `/${scope.label}/providers/Microsoft.Network/networkManagers/routingConfigurations`,
      `routing configurations of ${scope.label}`,
      `the network managers of ${scope.label} could not be read (${scope.error}): a routing configuration may put routes into its subnets`,
    )
  for (const m of managers) {
    const name = lastSegment(m.managerId)
    if (!m.configurations) {
      addUnread(
        nm,
        `${m.managerId}/routingConfigurations`,
        `routing rules of ${name}`,
        `the routing configurations of network manager ${name} could not be read (${m.errors.configurations ?? 'no answer'})`,
      )
      continue
    }
    for (const { configuration: c, collections, error } of m.configurations) {
      if (!c.id) continue
      const o = liveHeader(c.id, undefined, LIVE_ROUTING_TYPES.configuration).origin
      const cfg = configuration(c.id, routingDeployment(c.id, m, o))
      nm.configurations.push(cfg)
      if (!collections) {
        const reason = `the rule collections of routing configuration ${c.name ?? lastSegment(c.id)} could not be read (${error ?? 'no answer'})`
        nm.routes.push(
          unreadRoute(
            `${c.id}/ruleCollections`,
            `rule collections of ${c.name ?? lastSegment(c.id)}`,
            reason,
            cfg.id,
            unknown('groups', reason, o),
          ),
        )
        continue
      }
      for (const { collection, rules, error: rulesError } of collections) {
        if (!collection.id) continue
        if (!rules) {
          const reason = `the rules of routing rule collection ${collection.name ?? lastSegment(collection.id)} could not be read (${rulesError ?? 'no answer'})`
          const h = liveHeader(collection.id, undefined, LIVE_ROUTING_TYPES.collection)
          nm.routes.push(
            unreadRoute(
              `${collection.id}/rules`,
              `rules of ${collection.name ?? lastSegment(collection.id)}`,
              reason,
              cfg.id,
              known(
                (collection.appliesTo ?? []).map((g) => liveId(g.networkGroupId)),
                h.origin,
              ),
            ),
          )
          continue
        }
        for (const r of rules) {
          const route = mapRule(r, collection, cfg.id)
          if (route) nm.routes.push(route)
        }
      }
    }
  }
  nm.routes.sort((a, b) => (a.id < b.id ? -1 : 1))
  return nm
}

/** Network group ids the managed routes name (their groups must be read to know whom they reach). */
export function routedGroupIds(nm: NetworkManagerModel): Set<string> {
  return new Set(nm.routes.flatMap((r) => (r.groupIds.known ? r.groupIds.value : [])))
}

/**
 * The network groups of one manager that its managed routes name, mapped as the security admin reading maps
 * them (static members; none = Azure Policy membership, open). Groups that could not be read become groups
 * of unknown membership naming why.
 */
export function addRoutedGroups(
  nm: NetworkManagerModel,
  managerId: string,
  groups: { group: ArmNetworkGroup; members?: ArmStaticMember[]; error?: string }[] | undefined,
  error: string | undefined,
): void {
  const prefix = `${liveId(managerId)}/`
  const wanted = [...routedGroupIds(nm)].filter((id) => id.startsWith(prefix))
  for (const id of wanted) {
    if (nm.groups.some((g) => g.id === id)) continue
    const read = groups?.find((g) => g.group.id && liveId(g.group.id) === id)
    if (read) {
      nm.groups.push(mapGroup(read.group, read.members, read.error))
      continue
    }
    const h = liveHeader(id, undefined, LIVE_AVNM_TYPES.group)
    const reason = groups
      ? `network group ${lastSegment(id)} is not among the groups of network manager ${lastSegment(managerId)}`
      : `the network groups of network manager ${lastSegment(managerId)} could not be read (${error ?? 'no answer'})`
    nm.groups.push({ ...h, staticVnets: [], openMembership: unknown(lastSegment(id), reason, h.origin) })
  }
}

/** Adds the routing model to the security admin one (a group both name is kept once). */
export function mergeNetworkManagers(into: NetworkManagerModel, from: NetworkManagerModel): void {
  for (const g of from.groups) if (!into.groups.some((x) => x.id === g.id)) into.groups.push(g)
  into.configurations.push(...from.configurations)
  into.routes.push(...from.routes)
}
