/**
 * Reads deployed Azure Virtual Network Manager security admin rules (map-avnm.ts says how they are mapped).
 *
 * First the effective rules of every VNet read (one POST per VNet, the authoritative view: it covers network
 * managers outside the scanned subscriptions too). Only when that fails for some VNet (typically a 403:
 * the call is an action Reader does not include) are the network managers of the scanned scopes read:
 * their network groups and static members, their committed rules (`listActiveSecurityAdminRules`, also an
 * action), and, when the commit state cannot be read either, their configurations as they are now.
 */
import type {
  ActiveBaseSecurityAdminRuleUnion,
  BaseAdminRuleUnion,
  EffectiveBaseSecurityAdminRuleUnion,
  NetworkGroup,
  NetworkManagementClient,
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
import { isAbort } from './pool'

/**
 * What these reads need of the live reader (read.ts's LiveReader), named here so that read.ts imports this
 * module and not the other way round.
 */
interface LiveReader {
  readonly signal: AbortSignal
  addWarning(w: string): void
  client(subscriptionId: string): NetworkManagementClient
  one<T>(
    armId: string,
    what: string,
    read: (
      c: NetworkManagementClient,
      rg: string,
      name: string,
      o: { abortSignal: AbortSignal },
    ) => Promise<T>,
    opts?: { quiet?: boolean },
  ): Promise<{ value?: T; error?: string }>
}

/** A subscription or resource group read (read.ts's Scope). */
interface Scope {
  subscriptionId: string
  resourceGroup?: string
  label: string
}

/** Pages of a `skipToken`-paged POST (these calls are not paged by the SDK itself). */
async function allPages<T>(
  page: (skipToken: string | undefined) => Promise<{ value?: T[]; skipToken?: string }>,
): Promise<T[]> {
  const out: T[] = []
  let token: string | undefined
  // A server that keeps sending the same token must not keep us here.
  for (let i = 0; i < 100; i++) {
    const r = await page(token)
    out.push(...(r.value ?? []))
    if (!r.skipToken || r.skipToken === token) break
    token = r.skipToken
  }
  return out
}

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const x of pages) out.push(x)
  return out
}

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

async function readManager(
  reader: LiveReader,
  m: NetworkManager,
  regions: string[],
): Promise<LiveNetworkManager> {
  const out: LiveNetworkManager = { id: m.id!, regions, errors: {} }
  const name = m.name ?? armScope(m.id!).name!
  const groups = await reader.one(m.id!, `networkManagers/${name}/networkGroups`, (c, rg, n, o) =>
    collect<NetworkGroup>(c.networkGroups.list(rg, n, o)),
  )
  if (groups.value)
    out.groups = await Promise.all(
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
    )
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
 * The security admin rules that apply to the VNets read; undefined when none can (no rule in effect
 * anywhere, no network manager). Warnings go to the reader.
 */
export async function readNetworkManagers(
  reader: LiveReader,
  scopes: Scope[],
  vnets: VirtualNetwork[],
): Promise<Model | undefined> {
  if (vnets.length === 0) return undefined
  const effective = await effectiveRules(reader, vnets)
  if (effective.failed.length === 0) {
    const nm = mapEffectiveAdminRules(effective.reads)
    return hasNetworkManager(nm) ? nm : undefined
  }
  const errors = [...new Set(effective.failed.map((f) => f.error))]
  reader.addWarning(
    `effective security admin rules could not be read for ${effective.failed.length} of ${vnets.length} virtual networks ` +
      `(${errors.slice(0, 2).join('; ')}); Virtual Network Manager is judged from the network managers of the scanned scopes instead`,
  )
  const regions = [...new Set(vnets.flatMap((v) => (v.location ? [v.location.toLowerCase()] : [])))].sort()
  const unreadScopes: { label: string; error: string }[] = []
  const managers = new Map<string, NetworkManager>()
  await Promise.all(
    scopes.map(async (scope) => {
      try {
        const list = await collect<NetworkManager>(
          scope.resourceGroup
            ? reader
                .client(scope.subscriptionId)
                .networkManagers.list(scope.resourceGroup, { abortSignal: reader.signal })
            : reader
                .client(scope.subscriptionId)
                .networkManagers.listBySubscription({ abortSignal: reader.signal }),
        )
        for (const m of list) if (m.id) managers.set(m.id.toLowerCase(), m)
      } catch (err) {
        const error = isAbort(err, reader.signal) ? 'not read within the time budget' : errorText(err)
        unreadScopes.push({ label: scope.label, error })
        reader.addWarning(`${scope.label}/networkManagers could not be read (${error})`)
      }
    }),
  )
  const read = await Promise.all(
    [...managers.values()]
      .sort((a, b) => (a.id! < b.id! ? -1 : 1))
      .map((m) => readManager(reader, m, regions)),
  )
  for (const m of read)
    if (m.errors.active && m.collections)
      reader.addWarning(
        `${m.id}: the committed security admin rules could not be read (${m.errors.active}); its configurations are judged as not known to be committed`,
      )
  const nm = mapNetworkManagers(
    read,
    unreadScopes.sort((a, b) => (a.label < b.label ? -1 : 1)),
  )
  return hasNetworkManager(nm) ? nm : undefined
}
