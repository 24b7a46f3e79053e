/**
 * The deployed network for the scan's `deployed` option: the live read, then (optionally) the effective
 * routes of the deployed subnets written onto them and those of Virtual WAN hub connections, all inside
 * one time budget. Read-only by construction: only GETs and the POST actions that read (effectiveRouteTable,
 * virtualHubs/effectiveRoutes, listNetworkManagerEffectiveSecurityAdminRules, listActiveSecurityAdminRules)
 * are made, and a failure to read part of the
 * estate becomes a warning that names the scope, never the credential.
 */
import type { TokenCredential } from '@azure/core-auth'
import type { CloudName } from '../kms/catalogue'
import type { NetworkModel } from '../model/network'
import {
  applyHubEffectiveRoutes,
  cloudEndpoints,
  connectionsToCheck,
  createCredential,
  readEffectiveRoutes,
  readHubEffectiveRoutes,
  readLiveNetwork,
  type ClientOptions,
  type LiveReadResult,
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
  await subnetRoutes(opts, state, deadline - now(), read.networkInterfaces)
  await hubRoutes(opts, state, deadline - now())
  return state
}

/** The effective routes of one NIC per deployed subnet, written onto the subnets. */
async function subnetRoutes(
  opts: LiveReadOptions,
  state: LiveState,
  remaining: number,
  /** The deployed NICs the read holds (all those the subnets name), else undefined: listed again then. */
  networkInterfaces: LiveReadResult['networkInterfaces'],
): Promise<void> {
  const read = { model: state.deployed.model }
  const subnets = read.model.subnets.filter((s) => s.format === 'live')
  const max = opts.maxSubnets ?? MAX_EFFECTIVE_ROUTE_SUBNETS
  for (const s of subnets.slice(max))
    state.unchecked.push({
      subnetId: s.id,
      reason: `not checked: only the first ${max} subnets are asked for effective routes`,
    })
  const wanted = subnets.slice(0, max)
  if (remaining <= 0) {
    for (const s of wanted)
      state.unchecked.push({ subnetId: s.id, reason: 'not checked: the time budget ran out' })
    return
  }
  if (wanted.length === 0) return
  const routes = await readEffectiveRoutes({
    credential: opts.credential,
    endpoint: opts.endpoint,
    subnetIds: wanted.map((s) => s.id),
    timeBudgetMs: remaining,
    ...(opts.clientOptions ? { clientOptions: opts.clientOptions } : {}),
    ...(networkInterfaces ? { networkInterfaces } : {}),
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
}

/**
 * The effective routes of Virtual WAN hub connections whose hub configuration does not decide the spoke's
 * Internet route (no routing intent): what the hub gives them, BGP included. Connections not read keep their
 * configuration-based answer and are named in a warning.
 */
async function hubRoutes(opts: LiveReadOptions, state: LiveState, remaining: number): Promise<void> {
  const model = state.deployed.model
  const connections = connectionsToCheck(model)
  if (connections.length === 0) return
  const read =
    remaining > 0
      ? await readHubEffectiveRoutes({
          credential: opts.credential,
          endpoint: opts.endpoint,
          connections,
          timeBudgetMs: remaining,
          ...(opts.clientOptions ? { clientOptions: opts.clientOptions } : {}),
        })
      : {
          routes: [],
          unchecked: connections.map((c) => ({
            connectionId: c.connectionId,
            reason: 'not read: the time budget ran out',
          })),
        }
  applyHubEffectiveRoutes(model, read.routes)
  for (const u of read.unchecked)
    state.warnings.push(
      `virtual hub connection ${u.connectionId}: ${u.reason}; its hub configuration decides`,
    )
}
