/**
 * Reads deployed Azure Virtual Network Manager security admin rules (map-avnm.ts says how they are mapped)
 * and routing configurations (read-avnm-routing.ts, map-avnm-routing.ts).
 *
 * Admin rules: first the effective rules of every VNet read (one POST per VNet, the authoritative view: it
 * covers network managers outside the scanned subscriptions too). Only when that fails for some VNet
 * (typically a 403: the call is an action Reader does not include) are the network managers of the scanned
 * scopes read for them: their network groups and static members, their committed rules
 * (`listActiveSecurityAdminRules`, also an action), and, when the commit state cannot be read either, their
 * configurations as they are now. Routing configurations have no per-VNet view: the network managers of the
 * scanned scopes (listed with the other resource types) are read for them in every case.
 */
import type {
  ActiveBaseSecurityAdminRuleUnion,
  BaseAdminRuleUnion,
  EffectiveBaseSecurityAdminRuleUnion,
  NetworkGroup,
  NetworkManager,
  StaticMember,
  VirtualNetwork,
} from '@azure/arm-network'
import type { NetworkManagerModel as Model } from '../../model/network'
import { armScope, errorText } from './client'
import {
  hasNetworkManager,
  mapEffectiveAdminRules,
  mapNetworkManagers,
  type LiveNetworkManager,
  type VnetEffectiveAdminRules,
} from './map-avnm'
import { addRoutedGroups, mapManagerRouting, mergeNetworkManagers, routedGroupIds } from './map-avnm-routing'
import { liveId } from './map'
import { allPages, collect } from './paging'
import { readManagerRouting } from './read-avnm-routing'
import { applyGroupMemberships, groupsToResolve, readGroupMemberships } from './read-memberships'
import type { ReaderPort, ReadScope } from './reader-port'

type LiveReader = ReaderPort
type Scope = ReadScope

/** `networkManagers/<nm>/<child>/<name>...` segments after the provider, for nested child reads. */
function nmPath(armId: string): string[] {
  const parts = armId.split('/').filter(Boolean)
  const i = parts.findIndex((p) => p.toLowerCase() === 'networkmanagers')
  return i >= 0 ? parts.slice(i + 1) : []
}

async function effectiveRules(
  reader: LiveReader,
  vnets: VirtualNetwork[],
): Promise<{ reads: VnetEffectiveAdminRules[]; failed: { vnet: string; error: string }[] }> {
  const reads: VnetEffectiveAdminRules[] = []
  const failed: { vnet: string; error: string }[] = []
  await Promise.all(
    vnets.map(async (v) => {
      const r = await reader.one(
        v.id!,
        `virtualNetworks/${v.name}/listNetworkManagerEffectiveSecurityAdminRules`,
        (c, rg, name, o) =>
          allPages<EffectiveBaseSecurityAdminRuleUnion>((skipToken) =>
            c.listNetworkManagerEffectiveSecurityAdminRules(rg, name, skipToken ? { skipToken } : {}, o),
          ),
        { quiet: true },
      )
      if (r.value) reads.push({ vnetName: v.name!, vnetId: v.id!, rules: r.value })
      else failed.push({ vnet: v.name!, error: r.error ?? 'no answer' })
    }),
  )
  return { reads, failed }
}

/** A manager's network groups and their static members; `groups` undefined = not read (`error` says why). */
export interface GroupsRead {
  groups?: NonNullable<LiveNetworkManager['groups']>
  error?: string
}

async function readGroups(reader: LiveReader, m: NetworkManager): Promise<GroupsRead> {
  const name = m.name ?? armScope(m.id!).name!
  const groups = await reader.one(m.id!, `networkManagers/${name}/networkGroups`, (c, rg, n, o) =>
    collect<NetworkGroup>(c.networkGroups.list(rg, n, o)),
  )
  if (!groups.value) return { error: groups.error ?? 'no answer' }
  return {
    groups: await Promise.all(
      groups.value.map(async (group) => {
        const members = await reader.one(
          m.id!,
          `networkManagers/${name}/networkGroups/${group.name}/staticMembers`,
          (c, rg, n, o) => collect<StaticMember>(c.staticMembers.list(rg, n, group.name!, o)),
        )
        return {
          group,
          ...(members.value ? { members: members.value } : {}),
          ...(members.error ? { error: members.error } : {}),
        }
      }),
    ),
  }
}

async function readManager(
  reader: LiveReader,
  m: NetworkManager,
  regions: string[],
  groupsOf: (m: NetworkManager) => Promise<GroupsRead>,
): Promise<LiveNetworkManager> {
  const out: LiveNetworkManager = { id: m.id!, regions, errors: {} }
  const name = m.name ?? armScope(m.id!).name!
  const groups = await groupsOf(m)
  if (groups.groups) out.groups = groups.groups
  else out.errors.groups = groups.error ?? 'no answer'

  const active = await reader.one(
    m.id!,
    `networkManagers/${name}/listActiveSecurityAdminRules`,
    (c, rg, n, o) =>
      allPages<ActiveBaseSecurityAdminRuleUnion>((skipToken) =>
        c.listActiveSecurityAdminRules(rg, n, { regions, ...(skipToken ? { skipToken } : {}) }, o),
      ),
    { quiet: true },
  )
  if (active.value) {
    out.active = active.value
    return out
  }
  out.errors.active = active.error ?? 'no answer'
  // The commit state is not known: read the rules as they are now (their deployment stays unknown).
  const configs = await reader.one(
    m.id!,
    `networkManagers/${name}/securityAdminConfigurations`,
    (c, rg, n, o) => collect(c.securityAdminConfigurations.list(rg, n, o)),
  )
  if (!configs.value) {
    out.errors.configurations = configs.error ?? 'no answer'
    return out
  }
  const collections: NonNullable<LiveNetworkManager['collections']> = []
  await Promise.all(
    configs.value.map(async (cfg) => {
      const list = await reader.one(
        m.id!,
        `networkManagers/${name}/securityAdminConfigurations/${cfg.name}/ruleCollections`,
        (c, rg, n, o) => collect(c.adminRuleCollections.list(rg, n, cfg.name!, o)),
      )
      if (!list.value) {
        collections.push({ id: `${cfg.id}/ruleCollections`, groups: [], error: list.error ?? 'no answer' })
        return
      }
      await Promise.all(
        list.value.map(async (rc) => {
          const [, , cfgName, , rcName] = nmPath(rc.id ?? '')
          const rules = await reader.one(
            m.id!,
            `networkManagers/${name}/securityAdminConfigurations/${cfg.name}/ruleCollections/${rc.name}/rules`,
            (c, rg, n, o) =>
              collect<BaseAdminRuleUnion>(
                c.adminRules.list(rg, n, cfgName ?? cfg.name!, rcName ?? rc.name!, o),
              ),
          )
          collections.push({
            id: rc.id!,
            groups: (rc.appliesToGroups ?? []).map((g) => g.networkGroupId),
            ...(rules.value ? { rules: rules.value } : {}),
            ...(rules.error ? { error: rules.error } : {}),
          })
        }),
      )
    }),
  )
  out.collections = collections.sort((a, b) => (a.id < b.id ? -1 : 1))
  return out
}

/**
 * The network managers of the scanned scopes (listed with the other resource types), and the scopes whose
 * managers could not be listed although their VNets were.
 */
function listedManagers(
  reader: LiveReader,
  scopes: Scope[],
): { managers: NetworkManager[]; unreadScopes: { label: string; error: string }[] } {
  const managers = new Map<string, NetworkManager>()
  for (const m of reader.listed.networkManagers) if (m.id) managers.set(m.id.toLowerCase(), m)
  const unreadScopes = scopes.flatMap((scope) => {
    const error = reader.listingError(scope, 'networkManagers')
    return error ? [{ label: scope.label, error }] : []
  })
  return {
    managers: [...managers.values()].sort((a, b) => (a.id! < b.id! ? -1 : 1)),
    unreadScopes: unreadScopes.sort((a, b) => (a.label < b.label ? -1 : 1)),
  }
}

/**
 * Security admin rules and routing configurations (UDR management) that apply to the VNets read; undefined
 * when none can (no rule in effect anywhere, no network manager). Warnings go to the reader.
 *
 * The network managers of the scanned scopes are listed in every case: routing configurations have no
 * per-VNet view. Their security admin rules are read only where the effective view failed.
 */
export async function readNetworkManagers(
  reader: LiveReader,
  scopes: Scope[],
  vnets: VirtualNetwork[],
): Promise<Model | undefined> {
  if (vnets.length === 0) return undefined
  const regions = [...new Set(vnets.flatMap((v) => (v.location ? [v.location.toLowerCase()] : [])))].sort()
  const groupReads = new Map<string, Promise<GroupsRead>>()
  const groupsOf = (m: NetworkManager): Promise<GroupsRead> => {
    const key = m.id!.toLowerCase()
    let read = groupReads.get(key)
    if (!read) {
      read = readGroups(reader, m)
      groupReads.set(key, read)
    }
    return read
  }
  const { managers, unreadScopes } = listedManagers(reader, scopes)
  const [effective, routingReads] = await Promise.all([
    effectiveRules(reader, vnets),
    Promise.all(managers.map((m) => readManagerRouting(reader, m, regions))),
  ])
  const routing = mapManagerRouting(routingReads, unreadScopes)
  for (const m of managers) {
    const wanted = routedGroupIds(routing)
    if (![...wanted].some((id) => id.startsWith(`${liveId(m.id!)}/`))) continue
    const read = await groupsOf(m)
    addRoutedGroups(routing, m.id!, read.groups, read.error)
  }
  let nm: Model
  if (effective.failed.length === 0) nm = mapEffectiveAdminRules(effective.reads)
  else {
    const errors = [...new Set(effective.failed.map((f) => f.error))]
    reader.addWarning(
      `effective security admin rules could not be read for ${effective.failed.length} of ${vnets.length} virtual networks ` +
        `(${errors.slice(0, 2).join('; ')}); Virtual Network Manager is judged from the network managers of the scanned scopes instead`,
    )
    const read = await Promise.all(managers.map((m) => readManager(reader, m, regions, groupsOf)))
    for (const m of read)
      if (m.errors.active && m.collections)
        reader.addWarning(
          `${m.id}: the committed security admin rules could not be read (${m.errors.active}); its configurations are judged as not known to be committed`,
        )
    nm = mapNetworkManagers(read, unreadScopes)
  }
  mergeNetworkManagers(nm, routing)
  await resolveMemberships(reader, nm, scopes)
  return hasNetworkManager(nm) ? nm : undefined
}

/**
 * Network group members from Azure Resource Graph, one query for every scanned subscription, when the model
 * holds groups (their static members miss Azure Policy members, and subnet members are not told apart by the
 * manager's listing). Where the query fails the groups stay as the manager listed them, open where it could
 * not say, and a warning names the failure.
 */
async function resolveMemberships(reader: LiveReader, nm: Model, scopes: Scope[]): Promise<void> {
  if (groupsToResolve(nm).length === 0) return
  const subscriptions = [...new Set(scopes.map((s) => s.subscriptionId))].sort()
  try {
    const memberships = await readGroupMemberships(
      reader.client(subscriptions[0]!),
      reader.endpoint,
      subscriptions,
      reader.signal,
    )
    applyGroupMemberships(nm, memberships)
  } catch (err) {
    reader.addWarning(
      `network group memberships could not be read from Azure Resource Graph (${errorText(err)}); ` +
        'groups whose members come from Azure Policy, or are subnets, stay undecided where they decide',
    )
  }
}
