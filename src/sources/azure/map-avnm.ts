/**
 * Deployed Azure Virtual Network Manager security admin rules, as @azure/arm-network returns them, → the
 * `networkManager` model the IaC sources fill (src/sources/mapping/arm-avnm.ts), so KMS015 judges a live estate.
 * Three views, best first:
 *
 * 1. Effective rules per VNet (`listNetworkManagerEffectiveSecurityAdminRules`): what Azure applies to that
 *    VNet, from every network manager whose scope covers it (other subscriptions, management groups).
 *    Each rule gets a group of exactly the VNets it is in effect for, and a committed configuration.
 * 2. Active (committed) rules per network manager (`listActiveSecurityAdminRules`), with the network groups
 *    and their static members: a rule applies to the VNets of the groups its collection names.
 * 3. The configurations, rule collections and rules as they are now, when the commit state cannot be read:
 *    every configuration's deployment is unknown, named.
 *
 * What could not be read is never "no rule": it becomes a rule or a group whose unknowns name the failed
 * read, so the subnets it may decide are undecided (unless every possible outcome agrees).
 */
import type {
  ActiveBaseSecurityAdminRuleUnion,
  AddressPrefixItem,
  BaseAdminRuleUnion,
  EffectiveBaseSecurityAdminRuleUnion,
  NetworkGroup as ArmNetworkGroup,
  StaticMember as ArmStaticMember,
} from '@azure/arm-network'
import {
  emptyNetworkManager,
  type AdminRule,
  type NetworkGroup,
  type NetworkManagerConfiguration,
  type NetworkManagerModel,
  type VnetMember,
} from '../../model/network'
import { known, unknown, type Origin, type Value } from '../../model/value'
import { vnetKeyOfArmId } from '../../model/vnet'
import { liveHeader, liveId } from './map'

export const LIVE_AVNM_TYPES = {
  networkManager: 'Microsoft.Network/networkManagers',
  group: 'Microsoft.Network/networkManagers/networkGroups',
  configuration: 'Microsoft.Network/networkManagers/securityAdminConfigurations',
  rule: 'Microsoft.Network/networkManagers/securityAdminConfigurations/ruleCollections/rules',
} as const

const lastSegment = (armId: string): string => armId.split('/').filter(Boolean).pop() ?? armId

/** The configuration an admin rule id belongs to: `.../securityAdminConfigurations/<c>/ruleCollections/...`. */
export function configurationIdOf(ruleId: string): string | undefined {
  const m = /^(.*\/securityAdminConfigurations\/[^/]+)\/ruleCollections\//i.exec(ruleId)
  return m?.[1]
}

/** The rule fields every view shares (effective, active, listed rules have the same properties). */
interface RuleFields {
  id?: string
  name?: string
  kind?: string
  protocol?: string
  sources?: AddressPrefixItem[]
  destinations?: AddressPrefixItem[]
  destinationPortRanges?: string[]
  access?: string
  priority?: number
  direction?: string
}

/** `[{ addressPrefix }]` → prefixes; none = any, as in the portal and the REST API. */
function prefixes(list: AddressPrefixItem[] | undefined, origin: Origin): Value<string[]> {
  const out = (list ?? []).flatMap((p) => (p.addressPrefix ? [p.addressPrefix] : []))
  return known(out.length > 0 ? out : ['*'], origin)
}

const field = <T>(v: T | undefined, what: string, origin: Origin): Value<T> =>
  v === undefined || v === null ? unknown(what, 'not returned by Azure', origin) : known(v, origin)

function mapRule(
  r: RuleFields,
  armId: string,
  configurationId: Value<string>,
  groupIds: Value<string[]>,
): AdminRule {
  const h = liveHeader(armId, r.name ?? lastSegment(armId), LIVE_AVNM_TYPES.rule)
  const o = h.origin
  return {
    ...h,
    configurationId,
    groupIds,
    priority: field(r.priority, 'priority', o),
    direction: field(r.direction, 'direction', o),
    access: field(r.access, 'access', o),
    protocol: field(r.protocol, 'protocol', o),
    sourceAddressPrefixes: prefixes(r.sources, o),
    destinationAddressPrefixes: prefixes(r.destinations, o),
    destinationPortRanges: known(r.destinationPortRanges?.length ? r.destinationPortRanges : ['*'], o),
  }
}

/** A configuration committed (or not, or not known) as the reads say. */
function configuration(armId: string, deployed: Value<boolean>): NetworkManagerConfiguration {
  return {
    ...liveHeader(armId, lastSegment(armId), LIVE_AVNM_TYPES.configuration),
    kind: 'securityAdmin',
    deployed,
  }
}

// ---- 1. effective rules per VNet --------------------------------------------------------------------

/** The effective admin rules read for one VNet. */
export interface VnetEffectiveAdminRules {
  vnetName: string
  /** The VNet's ARM id. */
  vnetId: string
  rules: EffectiveBaseSecurityAdminRuleUnion[]
}

/**
 * Rules in effect, each applying to exactly the VNets it was read for (by ARM id: two VNets of the same
 * name in two resource groups are two VNets): a group per rule holds them.
 */
export function mapEffectiveAdminRules(reads: VnetEffectiveAdminRules[]): NetworkManagerModel {
  const nm = emptyNetworkManager()
  const rules = new Map<string, { rule: RuleFields; vnets: Map<string, VnetMember> }>()
  for (const { vnetName, vnetId, rules: list } of reads)
    for (const r of list) {
      if (!r.id) continue
      const key = liveId(r.id)
      const entry = rules.get(key) ?? { rule: r as RuleFields, vnets: new Map<string, VnetMember>() }
      const id = vnetKeyOfArmId(vnetId) ?? liveId(vnetId)
      entry.vnets.set(id, { id, name: vnetName })
      rules.set(key, entry)
    }
  for (const [key, { rule, vnets }] of [...rules].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const armId = rule.id!
    const cfgArmId = configurationIdOf(armId) ?? `${armId}/configuration`
    let cfg = nm.configurations.find((c) => c.id === liveId(cfgArmId))
    if (!cfg) {
      const o = liveHeader(cfgArmId, undefined, LIVE_AVNM_TYPES.configuration).origin
      cfg = configuration(cfgArmId, known(true, o))
      nm.configurations.push(cfg)
    }
    const group: NetworkGroup = {
      ...liveHeader(
        `${armId}/effectiveOn`,
        `virtual networks where ${lastSegment(armId)} is in effect`,
        LIVE_AVNM_TYPES.group,
      ),
      staticVnets: [...vnets.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    }
    nm.groups.push(group)
    const h = liveHeader(armId, undefined, LIVE_AVNM_TYPES.rule)
    nm.adminRules.push(mapRule(rule, armId, known(cfg.id, h.origin), known([group.id], h.origin)))
    void key
  }
  return nm
}

// ---- 2. and 3. network managers ---------------------------------------------------------------------

/** What was read of one network manager; a field left undefined could not be read (`errors` says why). */
export interface LiveNetworkManager {
  id: string
  groups?: { group: ArmNetworkGroup; members?: ArmStaticMember[]; error?: string }[]
  /** Committed rules (listActiveSecurityAdminRules) in the regions asked for. */
  active?: ActiveBaseSecurityAdminRuleUnion[]
  /** Regions the active rules were asked for (those of the VNets read). */
  regions: string[]
  /** The configurations' rules as they are now, per collection: read when the commit state is not known. */
  collections?: { id: string; groups: string[]; rules?: BaseAdminRuleUnion[]; error?: string }[]
  errors: { groups?: string; active?: string; configurations?: string }
}

export function mapGroup(
  g: ArmNetworkGroup,
  members: ArmStaticMember[] | undefined,
  error: string | undefined,
): NetworkGroup {
  const h = liveHeader(g.id!, g.name, LIVE_AVNM_TYPES.group)
  const group: NetworkGroup = { ...h, staticVnets: [] }
  if (!members) {
    group.openMembership = unknown(
      `${g.id}/staticMembers`,
      `the static members of network group ${g.name} could not be read (${error ?? 'no answer'})`,
      h.origin,
    )
    return group
  }
  const subnets: string[] = []
  for (const m of members) {
    const id = m.resourceId ?? ''
    if (/\/subnets\/[^/]+$/i.test(id)) subnets.push(id)
    else if (/\/virtualNetworks\/[^/]+$/i.test(id))
      group.staticVnets.push({ id: vnetKeyOfArmId(id) ?? liveId(id), name: lastSegment(id) })
  }
  if (subnets.length > 0)
    group.openMembership = unknown(
      subnets.map(lastSegment).join(', '),
      `the members of network group ${g.name} are subnets, which only Azure Resource Graph's network group memberships tell apart`,
      h.origin,
    )
  // No static members: members come from Azure Policy (dynamic membership), which is not read.
  else if (group.staticVnets.length === 0)
    group.openMembership = unknown(
      `network group ${g.name}`,
      `network group ${g.name} has no static members: its members come from Azure Policy (dynamic membership), which only Azure Resource Graph's network group memberships list`,
      h.origin,
    )
  return group
}

/** A rule that may apply to any VNet with any access: what a failed read stands for. */
function unreadRule(
  armId: string,
  what: string,
  reason: string,
): { rule: AdminRule; group: NetworkGroup; config: NetworkManagerConfiguration } {
  const h = liveHeader(armId, what, LIVE_AVNM_TYPES.rule)
  const o = h.origin
  const why = unknown(armId.replace(/^\//, ''), reason, o)
  const group: NetworkGroup = {
    ...liveHeader(`${armId}/networkGroups`, `network groups (not read)`, LIVE_AVNM_TYPES.group),
    staticVnets: [],
    openMembership: why,
  }
  const config = configuration(`${armId}/securityAdminConfigurations`, why as never)
  const rule: AdminRule = {
    ...h,
    configurationId: known(config.id, o),
    groupIds: known([group.id], o),
    priority: unknown('priority', reason, o),
    direction: known('Outbound', o),
    access: unknown('access', reason, o),
    protocol: known('*', o),
    sourceAddressPrefixes: known(['*'], o),
    destinationAddressPrefixes: known(['*'], o),
    destinationPortRanges: known(['*'], o),
  }
  return { rule, group, config }
}

function addUnread(nm: NetworkManagerModel, armId: string, what: string, reason: string): void {
  const u = unreadRule(armId, what, reason)
  nm.adminRules.push(u.rule)
  nm.groups.push(u.group)
  nm.configurations.push(u.config)
}

/** Network managers → groups, configurations (with their commit state) and rules. */
export function mapNetworkManagers(
  managers: LiveNetworkManager[],
  unreadScopes: { label: string; error: string }[],
): NetworkManagerModel {
  const nm = emptyNetworkManager()
  for (const scope of unreadScopes)
    addUnread(
      nm,
      `/${scope.label}/providers/Microsoft.Network/networkManagers`,
      `network managers of ${scope.label}`,
      `the network managers of ${scope.label} could not be read (${scope.error}): a security admin rule may apply`,
    )
  for (const m of managers) {
    const name = lastSegment(m.id)
    if (m.groups)
      for (const g of m.groups) if (g.group.id) nm.groups.push(mapGroup(g.group, g.members, g.error))
    if (m.active) {
      // Committed rules: a configuration is deployed where its rules are active, in those regions only.
      const regionsOf = new Map<string, Set<string>>()
      const seen = new Set<string>()
      for (const r of m.active) {
        if (!r.id) continue
        const cfgId = configurationIdOf(r.id) ?? `${r.id}/configuration`
        const regions = regionsOf.get(liveId(cfgId)) ?? new Set<string>()
        if (r.region) regions.add(r.region.toLowerCase())
        regionsOf.set(liveId(cfgId), regions)
        if (!nm.configurations.some((c) => c.id === liveId(cfgId))) {
          const o = liveHeader(cfgId, undefined, LIVE_AVNM_TYPES.configuration).origin
          nm.configurations.push(configuration(cfgId, known(true, o)))
        }
        if (seen.has(liveId(r.id))) continue
        seen.add(liveId(r.id))
        const h = liveHeader(r.id, undefined, LIVE_AVNM_TYPES.rule)
        const groups = (r.ruleCollectionAppliesToGroups ?? []).map((g) => liveId(g.networkGroupId))
        nm.adminRules.push(
          mapRule(r as RuleFields, r.id, known(liveId(cfgId), h.origin), known(groups, h.origin)),
        )
      }
      for (const c of nm.configurations) {
        const regions = regionsOf.get(c.id)
        if (!regions || regions.size === 0) continue
        const missing = m.regions.filter((x) => !regions.has(x.toLowerCase()))
        // Committed per region: its rules apply to VNets in those regions only (each live subnet carries its
        // VNet's region, src/analysis/avnm.ts compares them).
        if (missing.length > 0) c.deployedRegions = known([...regions].sort(), c.origin)
      }
    } else if (m.collections) {
      const reason = `whether it is committed could not be read (${m.errors.active ?? 'no answer'})`
      for (const c of m.collections) {
        const cfgId = configurationIdOf(`${c.id}/rules/x`) ?? `${m.id}/securityAdminConfigurations`
        if (!nm.configurations.some((x) => x.id === liveId(cfgId))) {
          const o = liveHeader(cfgId, undefined, LIVE_AVNM_TYPES.configuration).origin
          nm.configurations.push(configuration(cfgId, unknown('deployment', reason, o)))
        }
        if (!c.rules) {
          addUnread(
            nm,
            c.id,
            `rule collection ${lastSegment(c.id)}`,
            `the rules of rule collection ${lastSegment(c.id)} could not be read (${c.error ?? 'no answer'})`,
          )
          continue
        }
        for (const r of c.rules) {
          if (!r.id) continue
          const h = liveHeader(r.id, undefined, LIVE_AVNM_TYPES.rule)
          nm.adminRules.push(
            mapRule(
              r as RuleFields,
              r.id,
              known(liveId(cfgId), h.origin),
              known(c.groups.map(liveId), h.origin),
            ),
          )
        }
      }
    } else
      addUnread(
        nm,
        m.id,
        `network manager ${name}`,
        `the security admin rules of network manager ${name} could not be read (${m.errors.configurations ?? m.errors.active ?? 'no answer'})`,
      )
    if (!m.groups) {
      // Rules name groups that could not be read: placeholders whose membership is unknown, naming why.
      const reason = `the network groups of network manager ${name} could not be read (${m.errors.groups ?? 'no answer'})`
      const referenced = new Set(nm.adminRules.flatMap((r) => (r.groupIds.known ? r.groupIds.value : [])))
      for (const id of referenced)
        if (id.startsWith(`${liveId(m.id)}/`) && !nm.groups.some((g) => g.id === id)) {
          const h = liveHeader(id, undefined, LIVE_AVNM_TYPES.group)
          nm.groups.push({
            ...h,
            staticVnets: [],
            openMembership: unknown(lastSegment(id), reason, h.origin),
          })
        }
    }
  }
  return nm
}

export function hasNetworkManager(nm: NetworkManagerModel): boolean {
  return nm.adminRules.length + nm.groups.length + nm.configurations.length > 0
}
