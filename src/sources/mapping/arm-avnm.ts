/**
 * Azure Virtual Network Manager in ARM shape (Bicep, ARM templates): network groups and their static
 * members, security admin configurations → rule collections (appliesToGroups) → rules, routing
 * configurations → rule collections (appliesTo) → rules. Children name their parent by `parent`, by a
 * `nm/config/collection/rule` name or by ARM id; they are linked in the link step by id or own name.
 * A configuration is applied only once committed, which a template cannot do (it is a POST action):
 * templates commit in a deployment script (Microsoft.Resources/deploymentScripts running
 * `Deploy-AzNetworkManagerCommit` or `az network manager post-commit`, read by ./avnm-commit.ts), which
 * marks the configurations it commits deployed for its target regions. Without one, deployment stays
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
import { known, unknown, type Value } from '../../model/value'
import { vnetRef, type VnetRef } from './arm-gateways'
import { readCommitScript, type ScriptCommit, type ScriptReading } from './avnm-commit'
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
    case DEPLOYMENT_SCRIPTS: {
      const reading = readCommitScript(props, header.origin)
      if (reading.kind !== 'none') b.defer(() => applyScript(b, header, reading))
      return true
    }
    default:
      return false
  }
}

/** `SecurityAdmin` → securityAdmin, `Routing` → routing; another commit type commits nothing the model has. */
function kindOf(type: Value<string>): NetworkManagerConfiguration['kind'] | 'other' | 'unknown' {
  if (!type.known) return 'unknown'
  const t = type.value.trim().toLowerCase()
  return t === 'securityadmin' ? 'securityAdmin' : t === 'routing' ? 'routing' : 'other'
}

/** Marks deployed what the script commits, for its regions; what it commits that cannot be read stays open. */
function applyScript(b: ModelBuilder, script: ModelObject, reading: ScriptReading): void {
  const configs = networkManager(b).configurations
  const name = `deployment script ${script.name.known ? script.name.value : script.address}`
  const mayCommit = (c: NetworkManagerConfiguration, expression: string, why: string) => {
    if (c.deployed.known) return
    c.deployed = unknown(expression, `${name} may commit it: ${why}`, script.origin)
  }
  if (reading.kind === 'opaque') {
    for (const c of configs) mayCommit(c, reading.why.expression, reading.why.reason ?? 'not readable')
    return
  }
  if (reading.kind !== 'commits') return
  for (const commit of reading.commits) {
    const kind = kindOf(commit.commitType)
    if (kind === 'other') continue
    const ofKind = configs.filter((c) => kind === 'unknown' || c.kind === kind)
    if (!Array.isArray(commit.configurationIds)) {
      const u = commit.configurationIds
      for (const c of ofKind) mayCommit(c, u.expression, `the configurations it commits are ${u.reason}`)
      continue
    }
    for (const id of commit.configurationIds) {
      const c = findByRef(ofKind, id)
      if (!c) {
        // A known id of a configuration the scan does not hold commits nothing here; an unknown one may.
        if (!id.known && !id.ref)
          for (const x of ofKind)
            mayCommit(
              x,
              id.expression,
              `a configuration id it commits is not known (${id.reason ?? 'computed'})`,
            )
        continue
      }
      if (kind === 'unknown') {
        const t = commit.commitType as Extract<Value<string>, { known: false }>
        mayCommit(c, t.expression, `its commit type is not known (${t.reason ?? 'computed'})`)
        continue
      }
      commitTo(c, commit, script)
    }
  }
}

/** The configuration is deployed where the commit says; a second commit adds its regions. */
function commitTo(c: NetworkManagerConfiguration, commit: ScriptCommit, script: ModelObject): void {
  const before = c.deployed.known && c.deployed.value ? c.deployedRegions : undefined
  const had = c.deployed.known && c.deployed.value
  c.deployed = known(true, script.origin)
  if (had && before === undefined) return // already deployed everywhere the scan compares
  const regions: Value<string[]> = commit.regions.known
    ? commit.regions
    : unknown(
        commit.regions.expression,
        `${script.name.known ? `deployment script ${script.name.value}` : script.address} commits it to regions the scan cannot read (${commit.regions.reason ?? 'computed'})`,
        commit.regions.origin,
      )
  c.deployedRegions =
    before && before.known && regions.known
      ? known([...new Set([...before.value, ...regions.value])], regions.origin)
      : before && !before.known
        ? before
        : regions
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
