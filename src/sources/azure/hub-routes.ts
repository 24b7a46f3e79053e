/**
 * The effective routes of Virtual WAN hub connections (`virtualHubs/effectiveRoutes`, a long-running POST):
 * what the hub actually gives a spoke VNet, BGP from the hub's VPN/ExpressRoute gateways and routing intent
 * included. Read for the connections of every hub, with routing intent or not: the configuration says what
 * the hub should do, the effective routes what it does. The routes are laid on the connection as its own
 * route table (map: `applyHubEffectiveRoutes`), which then decides alone.
 *
 * Like NIC effective routes this is an action Reader does not include, so it runs with `effective-routes`.
 * A connection whose routes cannot be read keeps its configuration-based (undecided) answer and is named.
 */
import type { VirtualHubEffectiveRoute } from '@azure/arm-network'
import type { TokenCredential } from '@azure/core-auth'
import type { HubRoute, HubRouteTable, NetworkModel } from '../../model/network'
import { known, unknown } from '../../model/value'
import { armScope, errorText, networkClient, type ClientOptions } from './client'
import { liveHeader, liveId } from './map'
import { createBudget, isAbort, Pool } from './pool'

export interface ReadHubRoutesOptions {
  credential: TokenCredential
  endpoint: string
  /** Hub connections to read: ARM ids of the connection and of its hub. */
  connections: { connectionId: string; hubId: string }[]
  concurrency?: number
  timeBudgetMs?: number
  pollIntervalMs?: number
  clientOptions?: ClientOptions
}

export interface HubRoutesResult {
  routes: { connectionId: string; routes: VirtualHubEffectiveRoute[] }[]
  /** Connections not read, with why. */
  unchecked: { connectionId: string; reason: string }[]
}

/**
 * The live hub connections to read, of every hub: with or without routing intent. A hub's configuration says
 * what it should do; its effective routes say what it does (an intent whose provisioning failed or is still
 * under way, a default route from on-premises), and they decide alone once read. A connection whose routes
 * cannot be read keeps its configuration's answer (routing intent → the firewall's policy).
 */
export function connectionsToCheck(model: NetworkModel): { connectionId: string; hubId: string }[] {
  const w = model.virtualWan
  if (!w) return []
  return w.connections.flatMap((c) =>
    c.format === 'live' && c.hubId.known && c.address.includes('/hubVirtualNetworkConnections/')
      ? [{ connectionId: c.address, hubId: c.address.replace(/\/hubVirtualNetworkConnections\/.*$/i, '') }]
      : [],
  )
}

export async function readHubEffectiveRoutes(opts: ReadHubRoutesOptions): Promise<HubRoutesResult> {
  const budget = createBudget(opts.timeBudgetMs)
  const pool = new Pool(opts.concurrency ?? 4)
  const out: HubRoutesResult = { routes: [], unchecked: [] }
  try {
    await Promise.all(
      opts.connections.map(({ connectionId, hubId }) =>
        pool.run(async () => {
          const { subscriptionId, resourceGroup, name } = armScope(hubId)
          if (budget.expired() || !subscriptionId || !resourceGroup || !name) {
            out.unchecked.push({
              connectionId,
              reason: budget.expired() ? 'not read: the time budget ran out' : 'not a hub connection ARM id',
            })
            return
          }
          const client = networkClient(opts.credential, subscriptionId, opts.endpoint, opts.clientOptions)
          try {
            const r = await client.virtualHubs.beginGetEffectiveVirtualHubRoutesAndWait(resourceGroup, name, {
              effectiveRoutesParameters: {
                resourceId: connectionId,
                virtualWanResourceType: 'HubVirtualNetworkConnection',
              },
              abortSignal: budget.signal,
              ...(opts.pollIntervalMs !== undefined ? { updateIntervalInMs: opts.pollIntervalMs } : {}),
            })
            out.routes.push({ connectionId, routes: r.value ?? [] })
          } catch (err) {
            out.unchecked.push({
              connectionId,
              reason: isAbort(err, budget.signal)
                ? 'not read: the time budget ran out'
                : `effective routes could not be read (${errorText(err)})`,
            })
          }
        }),
      ),
    )
    const byId = (a: { connectionId: string }, b: { connectionId: string }) =>
      a.connectionId < b.connectionId ? -1 : 1
    out.routes.sort(byId)
    out.unchecked.sort(byId)
    return out
  } finally {
    budget.dispose()
  }
}

/** Next hops the analysis follows: a hub firewall (its policy decides), an NVA in the hub (named as such). */
const FOLLOWED = /\/providers\/microsoft\.network\/(azurefirewalls|networkvirtualappliances)\//

/**
 * Lays each connection's effective routes on it as a route table of its own (`effectiveRouteTableId`), which
 * the analysis then follows alone (src/analysis/vwan.ts). A route with several different next hops is an
 * unknown next hop, named.
 */
export function applyHubEffectiveRoutes(model: NetworkModel, read: HubRoutesResult['routes']): number {
  const w = model.virtualWan
  if (!w) return 0
  let applied = 0
  for (const { connectionId, routes } of read) {
    const c = w.connections.find((x) => x.id === liveId(connectionId))
    if (!c) continue
    const h = liveHeader(
      `${connectionId}/effectiveRoutes`,
      `effective routes of ${c.name.known ? c.name.value : connectionId}`,
      'Microsoft.Network/virtualHubs/effectiveRoutes',
    )
    const table: HubRouteTable = {
      ...h,
      hubId: c.hubId,
      routes: routes.map((r, i): HubRoute => {
        const hops = [...new Set((r.nextHops ?? []).map(liveId))]
        const hopNames = hops.map((x) => x.split('/').pop()).join(', ')
        const text = `${(r.addressPrefixes ?? []).join(', ')} → ${r.nextHopType ?? '?'} ${hopNames}`.trim()
        const origin = r.asPath ? ` (AS path ${r.asPath})` : ''
        return {
          ...h,
          id: `${h.id}/${i}`,
          name: known(text, h.origin),
          destinations: known(r.addressPrefixes ?? [], h.origin),
          nextHop:
            hops.length !== 1
              ? unknown(
                  text,
                  hops.length === 0
                    ? 'the effective route names no next hop'
                    : `the effective route has ${hops.length} next hops`,
                  h.origin,
                )
              : FOLLOWED.test(hops[0]!)
                ? known(hops[0]!, h.origin)
                : // A gateway or another hub: the request leaves Azure's view (on-premises, a branch).
                  unknown(
                    text,
                    `the hub sends it to ${r.nextHopType ?? 'a next hop'} ${hopNames}${origin}, which the scan does not follow (on-premises or another network)`,
                    h.origin,
                  ),
        }
      }),
    }
    w.routeTables.push(table)
    c.effectiveRouteTableId = table.id
    applied++
  }
  return applied
}
