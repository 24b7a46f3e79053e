/**
 * Azure Virtual Network Manager in ARM shape (Bicep, ARM templates): network groups and their static
 * members, security admin configurations → rule collections (appliesToGroups) → rules, routing
 * configurations → rule collections (appliesTo) → rules. Children name their parent by `parent`, by a
 * `nm/config/collection/rule` name or by ARM id; they are linked in the link step by id or own name.
 * A configuration is applied only once committed, which a template cannot do (it is a POST action):
 * templates commit in a deployment script (Microsoft.Resources/deploymentScripts running
 * `Deploy-AzNetworkManagerCommit` or `az network manager post-commit`, read by ./avnm-commit.ts), which
 * is recorded as a commit (./avnm-commits.ts decides where each configuration is deployed). Without one, deployment stays
 * unknown, named (Terraform: azurerm_network_manager_deployment).
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
import { known, unknown, type Unknown, type Value } from '../../model/value'
import { vnetRef, type VnetRef } from './arm-gateways'
import { readCommitScript, type ScriptReading } from './avnm-commit'
import { addCommit } from './avnm-commits'
import { ifDeployed, notDeny, toInternet } from './conditional'
import type { ModelBuilder } from '../../model/build'
import type { HclValue } from '../evaluation/evaluated'
import { attrCI, bool, items, not, num, str, strList } from '../evaluation/value-tree'

const NM = 'microsoft.network/networkmanagers'
const DEPLOYMENT_SCRIPTS = 'microsoft.resources/deploymentscripts'
export const AVNM_TYPES = [
  `${NM}/networkgroups`,
  `${NM}/networkgroups/staticmembers`,
  `${NM}/securityadminconfigurations`,
  `${NM}/securityadminconfigurations/rulecollections`,
  `${NM}/securityadminconfigurations/rulecollections/rules`,
  `${NM}/routingconfigurations`,
  `${NM}/routingconfigurations/rulecollections`,
  `${NM}/routingconfigurations/rulecollections/rules`,
  // A deployment script may commit configurations (see above).
  DEPLOYMENT_SCRIPTS,
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

import { findByRef } from './avnm-refs'
export { findByRef }

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

/**
 * An admin rule's address entries (ARM `[{ addressPrefix }]`, azurerm `source { address_prefix }` blocks),
 * each read by `prefixOf`. Absent = any; an empty list is any too where `emptyIsAny` (azurerm's blocks).
 */
export function adminPrefixes(
  list: HclValue | undefined,
  prefixOf: (item: HclValue) => Value<string> | undefined,
  origin: ModelObject['origin'],
  emptyIsAny = false,
): Value<string[]> {
  if (list === undefined) return known(['*'], origin)
  if (list.kind === 'unknown') return unknown(list.expression, list.reason, list.origin)
  const entries = items(list)
  if (entries.length === 0 && emptyIsAny) return known(['*'], origin)
  const out: string[] = []
  for (const item of entries) {
    const v = prefixOf(item)
    if (!v) continue
    if (!v.known) return unknown(v.expression, v.reason, v.origin)
    out.push(v.value)
  }
  return known(out, origin)
}

/** A required field, or an Unknown saying it is not set (spelled as the source spells it). */
const required = <T>(v: Value<T> | undefined, spelled: string, origin: ModelObject['origin']): Value<T> =>
  v ?? unknown(spelled, 'not set', origin)

/**
 * A security admin rule from its fields as any source reads them (`spelled`: the source's names, for
 * "not set"), added and linked to its collection (`collection`, spelled `spelled.collection`).
 */
export function addAdminRule(
  b: ModelBuilder,
  header: ModelObject,
  fields: {
    priority?: Value<number>
    direction?: Value<string>
    access?: Value<string>
    protocol?: Value<string>
    sources: Value<string[]>
    destinations: Value<string[]>
    ports?: Value<string[]>
  },
  spelled: { access: string; collection: string },
  collection: Value<string> | undefined,
): AdminRule {
  const o = header.origin
  const r: AdminRule = {
    ...header,
    configurationId: unknown(spelled.collection, 'not linked yet'),
    groupIds: unknown(spelled.collection, 'not linked yet'),
    priority: required(fields.priority, 'priority', o),
    direction: required(fields.direction, 'direction', o),
    access: required(fields.access, spelled.access, o),
    protocol: required(fields.protocol, 'protocol', o),
    sourceAddressPrefixes: fields.sources,
    destinationAddressPrefixes: fields.destinations,
    destinationPortRanges: fields.ports ?? known(['*'], o),
  }
  networkManager(b).adminRules.push(r)
  linkRule(b, r, collection)
  return r
}

/** A routing rule (a managed route) from its fields as any source reads them; see addAdminRule. */
export function addManagedRoute(
  b: ModelBuilder,
  header: ModelObject,
  fields: { destination?: Value<string>; nextHopType?: Value<string>; nextHopAddress?: Value<string> },
  spelled: { destination: string; nextHopType: string; collection: string },
  collection: Value<string> | undefined,
): ManagedRoute {
  const o = header.origin
  const r: ManagedRoute = {
    ...header,
    configurationId: unknown(spelled.collection, 'not linked yet'),
    groupIds: unknown(spelled.collection, 'not linked yet'),
    destination: required(fields.destination, spelled.destination, o),
    nextHopType: required(fields.nextHopType, spelled.nextHopType, o),
  }
  if (fields.nextHopAddress) r.nextHopAddress = fields.nextHopAddress
  networkManager(b).routes.push(r)
  linkRule(b, r, collection)
  return r
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
  /** Set when the resource exists only if a condition the scan cannot evaluate holds. */
  condition?: Unknown
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
      const prefixOf = (item: HclValue) => str(attrCI(item, 'addressPrefix'))
      const fields = {
        sources: adminPrefixes(p(props, 'sources'), prefixOf, header.origin),
        destinations: adminPrefixes(p(props, 'destinations'), prefixOf, header.origin),
      }
      const access = str(p(props, 'access'))
      const optional = {
        priority: num(p(props, 'priority')),
        direction: str(p(props, 'direction')),
        access:
          access && ifDeployed(access, input.condition, notDeny, `security admin rule ${header.address}`),
        protocol: str(p(props, 'protocol')),
        ports: strList(p(props, 'destinationPortRanges')),
      }
      for (const [k, v] of Object.entries(optional)) if (v) Object.assign(fields, { [k]: v })
      addAdminRule(b, header, fields, { access: 'access', collection: 'parent' }, parent)
      return true
    }
    case `${NM}/routingconfigurations/rulecollections/rules`: {
      const fields = {
        destination: str(p(props, 'destination', 'destinationAddress')),
        nextHopType: ifDeployedOrNot(
          str(p(props, 'nextHop', 'nextHopType')),
          input.condition,
          `managed route ${header.address}`,
        ),
        nextHopAddress: str(p(props, 'nextHop', 'nextHopAddress')),
      }
      const spelled = { destination: 'destination', nextHopType: 'nextHopType', collection: 'parent' }
      addManagedRoute(b, header, fields, spelled, parent)
      return true
    }
    case DEPLOYMENT_SCRIPTS: {
      const reading = readCommitScript(props, header.origin)
      if (reading.kind !== 'none') applyScript(b, header, reading, input.condition)
      return true
    }
    default:
      return false
  }
}

const ifDeployedOrNot = (v: Value<string> | undefined, condition: Unknown | undefined, what: string) =>
  v && ifDeployed(v, condition, toInternet, what)

/** `SecurityAdmin` → securityAdmin, `Routing` → routing; another commit type commits nothing the model has. */
function kindOf(type: Value<string>): Value<NetworkManagerConfiguration['kind']> | 'other' {
  if (!type.known) return type
  const t = type.value.trim().toLowerCase()
  return t === 'securityadmin'
    ? known('securityAdmin', type.origin)
    : t === 'routing'
      ? known('routing', type.origin)
      : 'other'
}

/** Records what the script commits (./avnm-commits.ts decides, once every commit is in). */
function applyScript(
  b: ModelBuilder,
  script: ModelObject,
  reading: ScriptReading,
  condition: Unknown | undefined,
): void {
  const label = `deployment script ${script.name.known ? script.name.value : script.address}`
  const base = { by: script, label, ...(condition ? { condition } : {}) }
  if (reading.kind === 'opaque') {
    const why = unknown(
      reading.why.expression,
      reading.why.reason ?? 'not readable',
      reading.why.origin,
    ) as Unknown
    addCommit(b, { ...base, configurations: why, regions: why, opaque: why })
    return
  }
  if (reading.kind !== 'commits') return
  for (const commit of reading.commits) {
    const kind = kindOf(commit.commitType)
    if (kind === 'other') continue
    addCommit(b, { ...base, kind, configurations: commit.configurationIds, regions: commit.regions })
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
