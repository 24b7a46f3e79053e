/**
 * Azure Virtual Network Manager in ARM shape (Bicep, ARM templates): network groups and their static
 * members, security admin configurations → rule collections (appliesToGroups) → rules, routing
 * configurations → rule collections (appliesTo) → rules. Children name their parent by `parent`, by a
 * `nm/config/collection/rule` name or by ARM id; they are linked in the link step by id or own name.
 * A configuration is applied only once committed, which a template cannot do (it is a POST action):
 * deployment stays unknown, named, unless the Terraform source sees an azurerm_network_manager_deployment.
 */
import {
  emptyNetworkManager,
  type AdminRule,
  type ManagedRoute,
  type ModelObject,
  type NetworkGroup,
  type NetworkManagerConfiguration,
  type NetworkManagerModel,
} from '../../model/network'
import { known, unknown, type Value } from '../../model/value'
import { vnetRef, type VnetRef } from './arm-gateways'
import type { ModelBuilder } from '../../model/build'
import type { HclValue } from '../evaluation/evaluated'
import { attrCI, bool, items, not, num, str, strList } from '../evaluation/value-tree'

const NM = 'microsoft.network/networkmanagers'
export const AVNM_TYPES = [
  `${NM}/networkgroups`,
  `${NM}/networkgroups/staticmembers`,
  `${NM}/securityadminconfigurations`,
  `${NM}/securityadminconfigurations/rulecollections`,
  `${NM}/securityadminconfigurations/rulecollections/rules`,
  `${NM}/routingconfigurations`,
  `${NM}/routingconfigurations/rulecollections`,
  `${NM}/routingconfigurations/rulecollections/rules`,
]

export const networkManager = (b: ModelBuilder): NetworkManagerModel =>
  (b.model.networkManager ??= emptyNetworkManager())

function p(obj: HclValue | undefined, ...names: string[]): HclValue | undefined {
  let cur = obj
  for (const n of names) cur = attrCI(cur, n)
  return cur
}

/** A rule collection: the configuration it belongs to and the groups it applies to (model ids once linked). */
export interface AvnmCollection {
  id: string
  origin: ModelObject['origin']
  name?: string
  configurationId: Value<string>
  groupIds: Value<string[]>
  /** Routing rule collections: whether the managed route table lets gateway routes propagate. */
  bgpRoutePropagation?: Value<boolean>
}

/** Collections per builder: rules find theirs here in the link step. */
const collections = new WeakMap<ModelBuilder, AvnmCollection[]>()
export function collectionsOf(b: ModelBuilder): AvnmCollection[] {
  let list = collections.get(b)
  if (!list) collections.set(b, (list = []))
  return list
}

/** Finds an AVNM object by a reference: model id, ref to a model id, ARM id or `a/b/name` (last segment). */
export function findByRef<T extends { id: string; name?: Value<string> | string }>(
  list: T[],
  ref: Value<string> | undefined,
): T | undefined {
  if (!ref) return undefined
  const text = ref.known ? ref.value : ref.ref?.resource
  if (text === undefined) return undefined
  const byId = list.find((x) => x.id === text)
  if (byId) return byId
  const last = text.split('/').filter(Boolean).pop()?.toLowerCase()
  const named = list.filter((x) => {
    const n = typeof x.name === 'string' ? x.name : x.name?.known ? x.name.value : undefined
    return n?.toLowerCase() === last
  })
  return named.length === 1 ? named[0] : undefined
}

/** Group references as model ids; one that does not resolve makes the list unknown, named. */
export function linkGroups(
  b: ModelBuilder,
  refs: Value<string>[],
  origin: ModelObject['origin'],
): Value<string[]> {
  const groups = networkManager(b).groups
  const ids: string[] = []
  for (const r of refs) {
    const g = findByRef(groups, r)
    if (!g)
      return unknown(
        r.known ? r.value : r.expression,
        'network group not in the scanned sources: which VNets it holds is not known',
        r.origin ?? origin,
      )
    ids.push(g.id)
  }
  return known(ids, origin)
}

export function linkConfiguration(
  b: ModelBuilder,
  ref: Value<string> | undefined,
  origin: ModelObject['origin'],
): Value<string> {
  const c = findByRef(networkManager(b).configurations, ref)
  if (c) return known(c.id, origin)
  return unknown(
    ref?.known ? ref.value : (ref?.expression ?? 'configuration'),
    'configuration not in the scanned sources',
    origin,
  )
}

/** The admin rule's address entries: `[{ addressPrefix }]`. Absent = any. */
function prefixes(list: HclValue | undefined, origin: ModelObject['origin']): Value<string[]> {
  if (list === undefined) return known(['*'], origin)
  if (list.kind === 'unknown') return unknown(list.expression, list.reason, list.origin)
  const out: string[] = []
  for (const item of items(list)) {
    const v = str(attrCI(item, 'addressPrefix'))
    if (!v) continue
    if (!v.known) return v as never
    out.push(v.value)
  }
  return known(out, origin)
}

export const notCommitted = (origin: ModelObject['origin'], how: string): Value<boolean> =>
  unknown(
    'deployment',
    `no commit of this configuration in the scanned sources (${how}); its rules apply only once it is committed`,
    origin,
  )

/** A static member of a network group; one the scan cannot tell apart leaves the membership open. */
export function addMember(g: NetworkGroup | undefined, member: VnetRef): void {
  if (!g) return
  if (member.id.known) {
    const name = member.name.known ? member.name.value : member.id.value
    g.staticVnets.push({ id: member.id.value, name })
  } else g.openMembership = member.id
}

export interface AvnmInput {
  b: ModelBuilder
  type: string
  header: ModelObject
  props: HclValue | undefined
  parent?: Value<string>
}

/** Adds an AVNM resource in ARM shape; false when the type is not one. */
export function addNetworkManagerResource(input: AvnmInput): boolean {
  const { b, header, props, parent } = input
  const nm = networkManager(b)
  const type = input.type.toLowerCase()
  switch (type) {
    case `${NM}/networkgroups`: {
      const g: NetworkGroup = { ...header, staticVnets: [] }
      nm.groups.push(g)
      return true
    }
    case `${NM}/networkgroups/staticmembers`: {
      const vnet = str(p(props, 'resourceId'))
      b.defer(() => {
        const g = findByRef(nm.groups, parent)
        addMember(g, vnetRef(b, vnet, { near: header.id }, 'resourceId'))
      })
      return true
    }
    case `${NM}/securityadminconfigurations`:
    case `${NM}/routingconfigurations`: {
      const c: NetworkManagerConfiguration = {
        ...header,
        kind: type.endsWith('securityadminconfigurations') ? 'securityAdmin' : 'routing',
        deployed: notCommitted(header.origin, 'a template cannot commit it: the commit is a POST action'),
      }
      nm.configurations.push(c)
      return true
    }
    case `${NM}/securityadminconfigurations/rulecollections`:
    case `${NM}/routingconfigurations/rulecollections`: {
      const list = p(props, type.includes('securityadmin') ? 'appliesToGroups' : 'appliesTo')
      const refs = items(list).flatMap((x) => {
        const v = str(attrCI(x, 'networkGroupId'))
        return v ? [v] : []
      })
      const c: AvnmCollection = {
        id: header.id,
        origin: header.origin,
        ...(header.name.known ? { name: header.name.value } : {}),
        configurationId: unknown('parent', 'not linked yet'),
        groupIds: unknown('appliesToGroups', 'not linked yet'),
      }
      // `disableBgpRoutePropagation` is a string ("True"/"False") in the API; absent = propagation on.
      if (type.startsWith(`${NM}/routingconfigurations`))
        c.bgpRoutePropagation = not(
          bool(p(props, 'disableBgpRoutePropagation')) ?? known(false, header.origin),
        )
      linkCollection(b, c, parent, () =>
        list?.kind === 'unknown'
          ? unknown(list.expression, list.reason, list.origin)
          : linkGroups(b, refs, header.origin),
      )
      return true
    }
    case `${NM}/securityadminconfigurations/rulecollections/rules`: {
      const r: AdminRule = {
        ...header,
        configurationId: unknown('parent', 'not linked yet'),
        groupIds: unknown('parent', 'not linked yet'),
        priority: num(p(props, 'priority')) ?? unknown('priority', 'not set', header.origin),
        direction: str(p(props, 'direction')) ?? unknown('direction', 'not set', header.origin),
        access: str(p(props, 'access')) ?? unknown('access', 'not set', header.origin),
        protocol: str(p(props, 'protocol')) ?? unknown('protocol', 'not set', header.origin),
        sourceAddressPrefixes: prefixes(p(props, 'sources'), header.origin),
        destinationAddressPrefixes: prefixes(p(props, 'destinations'), header.origin),
        destinationPortRanges: strList(p(props, 'destinationPortRanges')) ?? known(['*'], header.origin),
      }
      nm.adminRules.push(r)
      linkRule(b, r, parent)
      return true
    }
    case `${NM}/routingconfigurations/rulecollections/rules`: {
      const r: ManagedRoute = {
        ...header,
        configurationId: unknown('parent', 'not linked yet'),
        groupIds: unknown('parent', 'not linked yet'),
        destination:
          str(p(props, 'destination', 'destinationAddress')) ??
          unknown('destination', 'not set', header.origin),
        nextHopType:
          str(p(props, 'nextHop', 'nextHopType')) ?? unknown('nextHopType', 'not set', header.origin),
      }
      const hop = str(p(props, 'nextHop', 'nextHopAddress'))
      if (hop) r.nextHopAddress = hop
      nm.routes.push(r)
      linkRule(b, r, parent)
      return true
    }
    default:
      return false
  }
}

/**
 * Registers a collection and links it in the early step, before the rules that read it: its configuration
 * (by reference) and its groups (`groups()`, evaluated then).
 */
export function linkCollection(
  b: ModelBuilder,
  c: AvnmCollection,
  configuration: Value<string> | undefined,
  groups: () => Value<string[]>,
): void {
  collectionsOf(b).push(c)
  b.deferRegistration(() => {
    c.configurationId = linkConfiguration(b, configuration, c.origin)
    c.groupIds = groups()
  })
}

/** A rule takes its configuration and groups from its collection, once collections are linked. */
export function linkRule(
  b: ModelBuilder,
  r: AdminRule | ManagedRoute,
  collection: Value<string> | undefined,
): void {
  b.defer(() => {
    const c = findByRef(
      collectionsOf(b).map((x) => ({ ...x, name: x.name !== undefined ? known(x.name) : undefined, x })),
      collection,
    )?.x
    if (!c) {
      const value = unknown(
        collection?.known ? collection.value : (collection?.expression ?? 'rule collection'),
        'rule collection not in the scanned sources',
        r.origin,
      )
      r.configurationId = value
      r.groupIds = value as never
      return
    }
    // Collections link in the early step (linkCollection), so theirs are final here.
    r.configurationId = c.configurationId
    r.groupIds = c.groupIds
    if ('destination' in r && c.bgpRoutePropagation) r.bgpRoutePropagation = c.bgpRoutePropagation
  })
}
