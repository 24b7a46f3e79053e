/**
 * The deployed network for the scan's `deployed` option: the live read, then (optionally) the effective
 * routes of the deployed subnets written onto them, all inside one time budget. Read-only by
 * construction: only list and effectiveRouteTable calls are made, and a failure to read part of the
 * estate becomes a warning that names the scope, never the credential.
 */
import type { TokenCredential } from '@azure/core-auth'
import type { CloudName } from '../kms/catalogue'
import type { NetworkModel } from '../model/network'
import {
  cloudEndpoints,
  createCredential,
  readEffectiveRoutes,
  readLiveNetwork,
  type ClientOptions,
  type UncheckedSubnet,
} from '../sources/azure/index'
import type { LiveInputs } from './inputs'

/** Effective routes are one long-running call per subnet: past this many the rest are named, not read. */
export const MAX_EFFECTIVE_ROUTE_SUBNETS = 200

export interface LiveReadOptions {
  credential: TokenCredential
  /** The cloud the deployed model is judged under (the input cloud; AzureCloud for auto). */
  cloud: CloudName
  /** ARM endpoint (resolved from the cloud and any override). */
  endpoint: string
  subscriptionIds: string[]
  resourceGroups?: string[]
  effectiveRoutes: boolean
  timeBudgetMs: number
  clientOptions?: ClientOptions
  maxSubnets?: number
  /** Injected clock, for the budget split. */
  now?: () => number
}

export interface LiveState {
  deployed: { model: NetworkModel; cloud: CloudName }
  /** Unreadable subscriptions and resource groups, ARM errors: one line each, naming the scope. */
  warnings: string[]
  /** Scopes the time budget cut short. */
  incomplete: string[]
  /** Subnets whose effective routes were asked for but not read, with why. */
  unchecked: UncheckedSubnet[]
  /** Subnets that got their effective routes. */
  checked: number
}

/** auto judges the deployed network under the public cloud, as the scan does for IaC without a hint. */
export function liveCloud(cloud: CloudName | 'auto'): CloudName {
  return cloud === 'auto' ? 'AzureCloud' : cloud
}

/**
 * OIDC when the workflow names the app registration and can mint ID tokens; otherwise
 * DefaultAzureCredential (azure/login's CLI session, or service principal environment variables).
 */
export function liveCredential(
  live: LiveInputs,
  cloud: CloudName,
  getIdToken?: (audience: string) => Promise<string>,
): TokenCredential {
  const { authorityHost } = cloudEndpoints(
    cloud,
    live.authorityHost ? { authorityHost: live.authorityHost } : {},
  )
  return createCredential({
    authorityHost,
    ...(live.clientId ? { clientId: live.clientId } : {}),
    ...(live.tenantId ? { tenantId: live.tenantId } : {}),
    ...(live.clientId && live.tenantId && getIdToken ? { getIdToken } : {}),
  })
}

export function armEndpoint(live: LiveInputs, cloud: CloudName): string {
  return cloudEndpoints(cloud, live.armEndpoint ? { resourceManager: live.armEndpoint } : {}).resourceManager
}

export async function readDeployed(opts: LiveReadOptions): Promise<LiveState> {
  const now = opts.now ?? Date.now
  const deadline = now() + opts.timeBudgetMs
  const read = await readLiveNetwork({
    credential: opts.credential,
    subscriptionIds: opts.subscriptionIds,
    ...(opts.resourceGroups ? { resourceGroups: opts.resourceGroups } : {}),
    endpoint: opts.endpoint,
    timeBudgetMs: opts.timeBudgetMs,
    ...(opts.clientOptions ? { clientOptions: opts.clientOptions } : {}),
  })
  const state: LiveState = {
    deployed: { model: read.model, cloud: opts.cloud },
    warnings: read.warnings,
    incomplete: read.incomplete,
    unchecked: [],
    checked: 0,
  }
  if (!opts.effectiveRoutes) return state

  const subnets = read.model.subnets.filter((s) => s.format === 'live')
  const max = opts.maxSubnets ?? MAX_EFFECTIVE_ROUTE_SUBNETS
  for (const s of subnets.slice(max))
    state.unchecked.push({
      subnetId: s.id,
      reason: `not checked: only the first ${max} subnets are asked for effective routes`,
    })
  const wanted = subnets.slice(0, max)
  const remaining = deadline - now()
  if (remaining <= 0) {
    for (const s of wanted)
      state.unchecked.push({ subnetId: s.id, reason: 'not checked: the time budget ran out' })
    return state
  }
  if (wanted.length === 0) return state
  const routes = await readEffectiveRoutes({
    credential: opts.credential,
    endpoint: opts.endpoint,
    subnetIds: wanted.map((s) => s.id),
    timeBudgetMs: remaining,
    ...(opts.clientOptions ? { clientOptions: opts.clientOptions } : {}),
  })
  // Subnet model ids of the live source are lower-cased ARM ids, as are the ids readEffectiveRoutes returns.
  const byId = new Map(wanted.map((s) => [s.id.toLowerCase(), s]))
  for (const r of routes.subnets) {
    const subnet = byId.get(r.subnetId.toLowerCase())
    if (!subnet) continue
    subnet.effectiveRoutes = { nicId: r.nicId, routes: r.routes }
    state.checked++
  }
  state.unchecked.push(...routes.unchecked)
  return state
}
