/**
 * Network group memberships from Azure Resource Graph: every VNet (or subnet) a network group holds, whether
 * by a static member or by Azure Policy (dynamic membership), as Virtual Network Manager records them
 * (`networkresources`, type `microsoft.network/networkgroupmemberships`, one record per member resource:
 * `<member id>/providers/Microsoft.Network/networkGroupMemberships/default` with its `GroupMemberships`).
 * Azure documents this as the way to list a group's members ("View configurations applied by Azure Virtual
 * Network Manager", "Network group membership"); ARM has no other listing of policy-driven members. Resource
 * Graph answers with what the identity may read (Reader is enough) and is eventually consistent: a member added
 * a few minutes ago may be missing, which the docs state.
 *
 * Sent through the network client's own pipeline (same token, retries, timeouts and endpoint); no Resource
 * Graph SDK is needed for one query.
 */
import type { NetworkManagementClient } from '@azure/arm-network'
import { createHttpHeaders, createPipelineRequest } from '@azure/core-rest-pipeline'
import type { NetworkGroup, NetworkManagerModel } from '../../model/network'
import { vnetKeyOfArmId } from '../../model/vnet'
import { liveId } from './arm-id'

export const MEMBERSHIP_QUERY =
  "networkresources | where type =~ 'microsoft.network/networkgroupmemberships' | project id, properties"

const API_VERSION = '2022-10-01'

const MEMBER_SUFFIX = /\/providers\/microsoft\.network\/networkgroupmemberships\/[^/]+$/i

/** Group model id → ARM ids of its member VNets and subnets (as Resource Graph spells them). */
export type GroupMemberships = Map<string, string[]>

interface Row {
  id?: string
  properties?: Record<string, unknown>
}

/**
 * `GroupMemberships` / `NetworkGroupId`, as Microsoft's query spells them ("View configurations applied by
 * Azure Virtual Network Manager", "Network group membership": `networkresources | where type ==
 * "microsoft.network/networkgroupmemberships" | mv-expand properties.GroupMemberships | project
 * properties_GroupMemberships.NetworkGroupId`, record id `{vnetId}/providers/Microsoft.Network/
 * networkGroupMemberships/default`; checked against that page and public scripts that run the same query).
 * The camelCase spellings are read too: Microsoft's other Virtual Network Manager queries in Resource Graph
 * ("Query your Azure Virtual Network Manager using Azure Resource Graph") test both casings of each property
 * (`iff(properties.X == "", properties.x, ...)`), so records are not consistent about it.
 */
function groupIdsOf(props: Record<string, unknown> | undefined): string[] {
  const list = (props?.GroupMemberships ?? props?.groupMemberships ?? []) as Record<string, unknown>[]
  return (Array.isArray(list) ? list : []).flatMap((g) => {
    const id = g?.NetworkGroupId ?? g?.networkGroupId
    return typeof id === 'string' && id ? [liveId(id)] : []
  })
}

export async function readGroupMemberships(
  client: NetworkManagementClient,
  endpoint: string,
  subscriptions: string[],
  signal: AbortSignal,
): Promise<GroupMemberships> {
  const out: GroupMemberships = new Map()
  let skipToken: string | undefined
  // A server that keeps sending the same token must not keep us here.
  for (let page = 0; page < 100; page++) {
    const request = createPipelineRequest({
      url: `${endpoint.replace(/\/+$/, '')}/providers/Microsoft.ResourceGraph/resources?api-version=${API_VERSION}`,
      method: 'POST',
      headers: createHttpHeaders({ 'content-type': 'application/json' }),
      body: JSON.stringify({
        subscriptions,
        query: MEMBERSHIP_QUERY,
        options: { resultFormat: 'objectArray', ...(skipToken ? { $skipToken: skipToken } : {}) },
      }),
      abortSignal: signal,
    })
    const response = await client.sendRequest(request)
    const body = (response.bodyAsText ? JSON.parse(response.bodyAsText) : {}) as {
      data?: Row[]
      $skipToken?: string
      error?: { code?: string; message?: string }
    }
    if (response.status !== 200)
      throw Object.assign(new Error(body.error?.message ?? `HTTP ${response.status}`), {
        statusCode: response.status,
        code: body.error?.code,
      })
    for (const row of body.data ?? []) {
      if (typeof row.id !== 'string' || !MEMBER_SUFFIX.test(row.id)) continue
      const member = row.id.replace(MEMBER_SUFFIX, '')
      for (const group of groupIdsOf(row.properties)) {
        const members = out.get(group) ?? []
        if (!members.some((m) => liveId(m) === liveId(member))) members.push(member)
        out.set(group, members)
      }
    }
    if (!body.$skipToken || body.$skipToken === skipToken) break
    skipToken = body.$skipToken
  }
  return out
}

const GROUP_ID = /\/providers\/microsoft\.network\/networkmanagers\/[^/]+\/networkgroups\/[^/]+$/
const lastSegment = (armId: string): string => armId.split('/').filter(Boolean).pop() ?? armId

/** The network groups of the model that Resource Graph can speak for (real groups, not read-failure stand-ins). */
export function groupsToResolve(nm: NetworkManagerModel): NetworkGroup[] {
  return nm.groups.filter((g) => g.format === 'live' && GROUP_ID.test(g.id))
}

/**
 * Lays Resource Graph's memberships on the groups: every member VNet (by its key, src/model/vnet.ts) and
 * subnet (by model id) joins the group, and the group is no longer open (its members are all listed,
 * static and Azure Policy alike). Static members the manager listed stay (Resource Graph may lag behind).
 */
export function applyGroupMemberships(nm: NetworkManagerModel, memberships: GroupMemberships): void {
  for (const g of groupsToResolve(nm)) {
    const members = memberships.get(g.id) ?? []
    for (const m of members) {
      if (/\/subnets\/[^/]+$/i.test(m)) (g.subnetIds ??= []).push(liveId(m))
      else if (/\/virtualNetworks\/[^/]+$/i.test(m)) {
        const id = vnetKeyOfArmId(m) ?? liveId(m)
        if (!g.staticVnets.some((v) => v.id === id)) g.staticVnets.push({ id, name: lastSegment(m) })
      }
    }
    g.subnetIds ??= []
    delete g.openMembership
  }
}
