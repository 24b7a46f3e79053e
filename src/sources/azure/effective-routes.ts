/**
 * The routes Azure actually applies in a subnet, BGP included. A route table says what the IaC wants; the
 * effective route table also holds what a VPN/ExpressRoute gateway or Route Server advertises (a
 * 0.0.0.0/0 from on-premises is the classic way KMS traffic leaves through the wrong door). Azure computes
 * it per network interface, not per subnet, so we ask one NIC of each subnet.
 *
 * The call is a long-running operation and needs a running VM behind the NIC; a subnet without one cannot
 * be checked, and says so.
 */
import type {
  EffectiveRoute as ArmEffectiveRoute,
  NetworkInterface,
  NetworkManagementClient,
} from '@azure/arm-network'
import type { TokenCredential } from '@azure/core-auth'
import { armScope, errorText, networkClient, type ClientOptions } from './client'
import { isScaleSetNic } from './map-nics'
import { createBudget, isAbort, Pool } from './pool'

export type EffectiveRouteSource = 'Default' | 'User' | 'VirtualNetworkGateway' | 'Unknown'

export interface EffectiveRoute {
  name?: string
  /** `VirtualNetworkGateway` = learned over BGP (gateway or Route Server). */
  source: EffectiveRouteSource
  state: 'Active' | 'Invalid'
  addressPrefix: string[]
  nextHopType: string
  nextHopIpAddress: string[]
  /** A user route marked to win over overlapping BGP routes whatever their length. */
  hasBgpOverride?: boolean
}

export interface SubnetEffectiveRoutes {
  /** Model id of the subnet (lowercased ARM id). */
  subnetId: string
  /** ARM id of the NIC whose effective routes were read. */
  nicId: string
  routes: EffectiveRoute[]
}

export interface UncheckedSubnet {
  subnetId: string
  reason: string
}

export interface ReadEffectiveRoutesOptions {
  credential: TokenCredential
  endpoint: string
  /** ARM ids (any case) of the subnets to check. */
  subnetIds: string[]
  /** NIC candidates tried per subnet before giving up (a NIC without a running VM fails). Default 2. */
  nicAttempts?: number
  concurrency?: number
  timeBudgetMs?: number
  abortSignal?: AbortSignal
  /** Long-running operation polling interval; the SDK default is 2 s. */
  pollIntervalMs?: number
  clientOptions?: ClientOptions
  /**
   * The deployed NICs the live read already holds, when it read every NIC the subnets name
   * (LiveReadResult.networkInterfaces): asked from these, not listed a second time per subscription.
   */
  networkInterfaces?: NetworkInterface[]
}

export interface EffectiveRoutesResult {
  subnets: SubnetEffectiveRoutes[]
  /** Every requested subnet that was not checked, with why (no NIC, no running VM, time budget, error). */
  unchecked: UncheckedSubnet[]
}

const SOURCES: readonly EffectiveRouteSource[] = ['Default', 'User', 'VirtualNetworkGateway', 'Unknown']

export function toEffectiveRoute(r: ArmEffectiveRoute): EffectiveRoute {
  const source = SOURCES.find((s) => s.toLowerCase() === (r.source ?? '').toLowerCase()) ?? 'Unknown'
  const route: EffectiveRoute = {
    source,
    state: (r.state ?? '').toLowerCase() === 'invalid' ? 'Invalid' : 'Active',
    addressPrefix: r.addressPrefix ?? [],
    nextHopType: r.nextHopType ?? 'None',
    nextHopIpAddress: r.nextHopIpAddress ?? [],
  }
  if (r.name) route.name = r.name
  // Not in the SDK's model of EffectiveRoute; the deserializer keeps unknown properties, so read it raw.
  const override = (r as { hasBgpOverride?: unknown }).hasBgpOverride
  if (typeof override === 'boolean') route.hasBgpOverride = override
  return route
}

export { selectEffectiveRoute, type EffectiveRouteSelection } from '../../analysis/routes'

/** NICs of the wanted subnets, those attached to a VM first (the effective route table needs a running VM). */
async function nicsBySubnet(
  client: NetworkManagementClient,
  wanted: Set<string>,
  signal: AbortSignal,
  read: NetworkInterface[] | undefined,
): Promise<Map<string, NetworkInterface[]>> {
  const out = new Map<string, NetworkInterface[]>()
  // A scale set instance's NIC has no effective route table of its own to ask (not a networkInterfaces
  // resource); the listing below never holds one.
  const nics = read ? read.filter((n) => n.id && !isScaleSetNic(n.id)) : undefined
  for await (const nic of nics ?? client.networkInterfaces.listAll({ abortSignal: signal }))
    for (const ipc of nic.ipConfigurations ?? []) {
      const subnet = ipc.subnet?.id?.toLowerCase()
      if (!subnet || !wanted.has(subnet)) continue
      const list = out.get(subnet) ?? []
      if (!list.includes(nic)) list.push(nic)
      out.set(subnet, list)
    }
  for (const list of out.values())
    list.sort((a, b) => Number(!!b.virtualMachine?.id) - Number(!!a.virtualMachine?.id))
  return out
}

export async function readEffectiveRoutes(opts: ReadEffectiveRoutesOptions): Promise<EffectiveRoutesResult> {
  const budget = createBudget(opts.timeBudgetMs, opts.abortSignal)
  const pool = new Pool(opts.concurrency ?? 4)
  const subnets: SubnetEffectiveRoutes[] = []
  const unchecked: UncheckedSubnet[] = []
  const budgetSpent = 'not checked: the time budget ran out'
  try {
    const bySubscription = new Map<string, Set<string>>()
    for (const id of new Set(opts.subnetIds.map((s) => s.toLowerCase()))) {
      const sub = armScope(id).subscriptionId
      if (!sub) {
        unchecked.push({ subnetId: id, reason: 'not a subnet ARM id' })
        continue
      }
      bySubscription.set(sub, (bySubscription.get(sub) ?? new Set()).add(id))
    }
    await Promise.all(
      [...bySubscription].map(async ([sub, wanted]) => {
        const client = networkClient(opts.credential, sub, opts.endpoint, opts.clientOptions)
        let nics: Map<string, NetworkInterface[]>
        try {
          nics = await pool.run(() => {
            if (budget.expired()) throw new DOMException('budget', 'AbortError')
            return nicsBySubnet(client, wanted, budget.signal, opts.networkInterfaces)
          })
        } catch (err) {
          const reason = isAbort(err, budget.signal)
            ? budgetSpent
            : `network interfaces of subscription ${sub} could not be listed (${errorText(err)})`
          for (const id of wanted) unchecked.push({ subnetId: id, reason })
          return
        }
        await Promise.all(
          [...wanted].map(async (subnetId) => {
            const candidates = (nics.get(subnetId) ?? []).slice(0, opts.nicAttempts ?? 2)
            if (candidates.length === 0) {
              unchecked.push({ subnetId, reason: 'no network interface in the subnet' })
              return
            }
            const failures: string[] = []
            for (const nic of candidates) {
              const r = await pool.run(() =>
                effectiveRoutesOf(client, nic, budget.signal, opts.pollIntervalMs),
              )
              if ('routes' in r) {
                subnets.push({ subnetId, nicId: nic.id!, routes: r.routes })
                return
              }
              if (r.aborted) {
                unchecked.push({ subnetId, reason: budgetSpent })
                return
              }
              failures.push(`${nic.name}: ${r.error}`)
            }
            unchecked.push({
              subnetId,
              reason: `effective routes could not be read (${failures.join('; ')})`,
            })
          }),
        )
      }),
    )
    const byId = (a: { subnetId: string }, b: { subnetId: string }) => (a.subnetId < b.subnetId ? -1 : 1)
    return { subnets: subnets.sort(byId), unchecked: unchecked.sort(byId) }
  } finally {
    budget.dispose()
  }
}

async function effectiveRoutesOf(
  client: NetworkManagementClient,
  nic: NetworkInterface,
  signal: AbortSignal,
  pollIntervalMs: number | undefined,
): Promise<{ routes: EffectiveRoute[] } | { aborted: true } | { aborted: false; error: string }> {
  if (signal.aborted) return { aborted: true }
  const { resourceGroup } = armScope(nic.id!)
  try {
    const result = await client.networkInterfaces.beginGetEffectiveRouteTableAndWait(
      resourceGroup!,
      nic.name!,
      {
        abortSignal: signal,
        ...(pollIntervalMs !== undefined ? { updateIntervalInMs: pollIntervalMs } : {}),
      },
    )
    return { routes: (result.value ?? []).map(toEffectiveRoute) }
  } catch (err) {
    return isAbort(err, signal) ? { aborted: true } : { aborted: false, error: errorText(err) }
  }
}
