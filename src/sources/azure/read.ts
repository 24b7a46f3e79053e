/**
 * Reads the deployed network of one or more subscriptions (optionally limited to resource groups) into the
 * same NetworkModel the IaC sources produce, so the analysis can check what is running, or what will run
 * once a pull request's IaC is laid over it (overlay.ts).
 *
 * Failure is partial, never total: a subscription we may not read (403) or that does not exist (404)
 * becomes a warning naming it while the others are read; a read cut short by the time budget is listed in
 * `incomplete`. References to anything that was not read become Unknown (map.ts), so a gap shows up as
 * "cannot tell" rather than as a wrong verdict.
 */
import type {
  AzureFirewall,
  ExpressRouteGateway,
  FirewallPolicy,
  FirewallPolicyRuleCollectionGroup,
  IpGroup,
  NatGateway,
  NetworkInterface,
  NetworkManagementClient,
  NetworkManager,
  NetworkSecurityGroup,
  RouteTable,
  VirtualHub,
  VirtualNetwork,
  VpnGateway,
} from '@azure/arm-network'
import type { TokenCredential } from '@azure/core-auth'
import { emptyModel, type NetworkModel } from '../../model/network'
import { armScope, describeError, errorText, networkClient, type ClientOptions } from './client'
import {
  linkLiveModel,
  liveId,
  mapFirewall,
  mapFirewallPolicy,
  mapIpGroup,
  mapNatGateway,
  mapNsg,
  mapRouteTable,
  mapVirtualNetwork,
} from './map'
import {
  gatewayRefs,
  hasGateways,
  isRouteServer,
  mapGatewayModel,
  type GatewayRef,
  type LiveGateway,
  type LiveRouteServer,
} from './map-bgp'
import { mapGatewaySites } from './map-sites'
import { readNetworkManagers } from './read-avnm'
import { readNetworkInterfaces } from './read-nics'
import { readGatewaySites } from './read-sites'
import { hasVirtualWan, linkLiveVirtualWan, mapVirtualWan, type LiveHub } from './map-vwan'
import { createBudget, isAbort, Pool, type Budget } from './pool'

export interface ReadLiveOptions {
  credential: TokenCredential
  subscriptionIds: string[]
  /** Resource group names, read in every subscription; undefined = whole subscriptions. */
  resourceGroups?: string[]
  /** ARM endpoint of the cloud (clouds.ts). */
  endpoint: string
  /** Requests in flight at once, across all subscriptions; default DEFAULT_CONCURRENCY. */
  concurrency?: number
  /** Whole-run deadline in milliseconds; what is not read by then is listed in `incomplete`. */
  timeBudgetMs?: number
  abortSignal?: AbortSignal
  clientOptions?: ClientOptions
}

export interface LiveReadResult {
  model: NetworkModel
  /** Reads that failed (subscription not readable, resource group missing, server errors after retries). */
  warnings: string[]
  /** Scopes not (fully) read because the time budget ran out, e.g. `subscriptions/<id>/routeTables`. */
  incomplete: string[]
  /**
   * The deployed NICs (ARM objects), when every NIC the subnets name was read: the effective routes ask
   * these instead of listing the NICs a second time (src/action/live.ts). undefined = some were not read.
   */
  networkInterfaces?: NetworkInterface[]
}

interface Listed {
  routeTables: RouteTable[]
  virtualNetworks: VirtualNetwork[]
  networkSecurityGroups: NetworkSecurityGroup[]
  azureFirewalls: AzureFirewall[]
  firewallPolicies: FirewallPolicy[]
  ipGroups: IpGroup[]
  natGateways: NatGateway[]
  virtualHubs: VirtualHub[]
  vpnGateways: VpnGateway[]
  expressRouteGateways: ExpressRouteGateway[]
  networkManagers: NetworkManager[]
  networkInterfaces: NetworkInterface[]
}

type Kind = keyof Listed
type Lister = (
  c: NetworkManagementClient,
  rg: string | undefined,
  o: { abortSignal: AbortSignal },
) => AsyncIterable<unknown>

/** Whole-subscription and per-resource-group listings; the SDK's iterators follow `nextLink` pages. */
const LISTERS: Record<Kind, Lister> = {
  routeTables: (c, rg, o) => (rg ? c.routeTables.list(rg, o) : c.routeTables.listAll(o)),
  virtualNetworks: (c, rg, o) => (rg ? c.virtualNetworks.list(rg, o) : c.virtualNetworks.listAll(o)),
  networkSecurityGroups: (c, rg, o) =>
    rg ? c.networkSecurityGroups.list(rg, o) : c.networkSecurityGroups.listAll(o),
  azureFirewalls: (c, rg, o) => (rg ? c.azureFirewalls.list(rg, o) : c.azureFirewalls.listAll(o)),
  firewallPolicies: (c, rg, o) => (rg ? c.firewallPolicies.list(rg, o) : c.firewallPolicies.listAll(o)),
  ipGroups: (c, rg, o) => (rg ? c.ipGroups.listByResourceGroup(rg, o) : c.ipGroups.list(o)),
  natGateways: (c, rg, o) => (rg ? c.natGateways.list(rg, o) : c.natGateways.listAll(o)),
  virtualHubs: (c, rg, o) => (rg ? c.virtualHubs.listByResourceGroup(rg, o) : c.virtualHubs.list(o)),
  vpnGateways: (c, rg, o) => (rg ? c.vpnGateways.listByResourceGroup(rg, o) : c.vpnGateways.list(o)),
  networkManagers: (c, rg, o) =>
    rg ? c.networkManagers.list(rg, o) : c.networkManagers.listBySubscription(o),
  // A VM's NIC with an NSG of its own filters KMS before its subnet's NSG (read-nics.ts).
  networkInterfaces: (c, rg, o) => (rg ? c.networkInterfaces.list(rg, o) : c.networkInterfaces.listAll(o)),
  // Not paged in the SDK: one response holds them all.
  expressRouteGateways: (c, rg, o) =>
    (async function* () {
      const r = rg
        ? await c.expressRouteGateways.listByResourceGroup(rg, o)
        : await c.expressRouteGateways.listBySubscription(o)
      yield* r.value ?? []
    })(),
}

export const LIVE_KINDS = Object.keys(LISTERS) as Kind[]

export interface Scope {
  subscriptionId: string
  resourceGroup?: string
  /** `subscriptions/<id>` or `subscriptions/<id>/resourceGroups/<rg>`, for messages. */
  label: string
}

export class LiveReader {
  readonly listed: Listed = {
    routeTables: [],
    virtualNetworks: [],
    networkSecurityGroups: [],
    azureFirewalls: [],
    firewallPolicies: [],
    ipGroups: [],
    natGateways: [],
    virtualHubs: [],
    vpnGateways: [],
    expressRouteGateways: [],
    networkManagers: [],
    networkInterfaces: [],
  }
  readonly groups = new Map<string, FirewallPolicyRuleCollectionGroup[]>()
  readonly warnings: string[] = []
  readonly incomplete: string[] = []
  /** Subscriptions and resource groups that do not exist (or refuse the token): their queued reads are skipped. */
  private readonly deadScopes = new Set<string>()
  /** Failed listings per scope, reported as one warning per scope once all reads are done. */
  private readonly failures = new Map<
    string,
    { scope: Scope; kinds: string[]; error: string; groupMissing: boolean }
  >()
  private readonly clients = new Map<string, NetworkManagementClient>()

  constructor(
    private readonly opts: ReadLiveOptions,
    private readonly pool: Pool,
    private readonly budget: Budget,
  ) {}

  get endpoint(): string {
    return this.opts.endpoint
  }

  /** The budget's signal, for reads made outside `one`. */
  get signal(): AbortSignal {
    return this.budget.signal
  }

  addWarning(w: string): void {
    this.warnings.push(w)
  }

  client(subscriptionId: string): NetworkManagementClient {
    let c = this.clients.get(subscriptionId)
    if (!c) {
      c = networkClient(this.opts.credential, subscriptionId, this.opts.endpoint, this.opts.clientOptions)
      this.clients.set(subscriptionId, c)
    }
    return c
  }

  /**
   * Runs one read in the pool; false when it did not complete (budget, failure, dead scope). `listing` reads
   * (one resource type of a scope) are grouped per scope in the warnings; the others are warned about alone.
   */
  private async guarded(
    scope: Scope,
    what: string,
    listing: boolean,
    read: () => Promise<void>,
  ): Promise<boolean> {
    return this.pool.run(async () => {
      if (this.isDead(scope)) {
        if (listing) this.failure(scope).kinds.push(what)
        return false
      }
      if (this.budget.expired()) {
        this.incomplete.push(`${scope.label}/${what}`)
        return false
      }
      try {
        await read()
        return true
      } catch (err) {
        this.failed(scope, what, listing, err)
        return false
      }
    })
  }

  private deadKey(scope: Scope): string {
    return this.deadScopes.has(`subscriptions/${scope.subscriptionId}`.toLowerCase())
      ? `subscriptions/${scope.subscriptionId}`
      : scope.label
  }

  /**
   * Why the listing of `kind` failed in a scope whose virtual networks were read; undefined when it did not
   * fail, or when the scope is left out of the live model altogether (its failure is warned about already).
   */
  listingError(scope: Scope, kind: Kind): string | undefined {
    if (this.isDead(scope)) return undefined
    const f = this.failures.get(this.deadKey(scope).toLowerCase())
    if (!f || !f.kinds.includes(kind) || f.kinds.includes('virtualNetworks')) return undefined
    return f.error || 'no answer'
  }

  private isDead(scope: Scope): boolean {
    return (
      this.deadScopes.has(`subscriptions/${scope.subscriptionId}`.toLowerCase()) ||
      this.deadScopes.has(scope.label.toLowerCase())
    )
  }

  private failure(scope: Scope) {
    const key = this.deadKey(scope).toLowerCase()
    let f = this.failures.get(key)
    if (!f) {
      f = { scope, kinds: [], error: '', groupMissing: false }
      this.failures.set(key, f)
    }
    return f
  }

  private failed(scope: Scope, what: string, listing: boolean, err: unknown): void {
    if (isAbort(err, this.budget.signal)) {
      this.incomplete.push(`${scope.label}/${what}`)
      return
    }
    if (!listing) {
      this.warnings.push(`${scope.label}/${what} could not be read (${errorText(err)})`)
      return
    }
    const { status, code } = describeError(err)
    // A missing resource group is a 404 too, but only that group is lost.
    const groupMissing = scope.resourceGroup !== undefined && /ResourceGroupNotFound/i.test(code ?? '')
    // A subscription that does not exist, or a token ARM refuses, fails every read alike: skip the rest.
    // A 403 is not: a custom role may lack the read permission of one resource type only.
    if (groupMissing) this.deadScopes.add(scope.label.toLowerCase())
    else if (status === 401 || (status === 404 && /SubscriptionNotFound/i.test(code ?? '')))
      this.deadScopes.add(`subscriptions/${scope.subscriptionId}`.toLowerCase())
    const f = this.failure(scope)
    f.kinds.push(what)
    f.groupMissing ||= groupMissing
    f.error ||= errorText(err)
  }

  /** One warning per scope: a dead subscription, a missing group, or the resource types that could not be read. */
  failureWarnings(): string[] {
    const out: string[] = []
    const deadSubs = new Set<string>()
    const failures = [...this.failures.values()].sort((a, b) => (a.scope.label < b.scope.label ? -1 : 1))
    for (const { scope, kinds, error, groupMissing } of failures) {
      const sub = scope.subscriptionId
      const subDead = this.deadScopes.has(`subscriptions/${sub}`.toLowerCase())
      if (groupMissing && !subDead) {
        out.push(`resource group ${scope.resourceGroup} in subscription ${sub} was not found`)
        continue
      }
      const all = LIVE_KINDS.every((k) => kinds.includes(k))
      if (subDead || (all && !scope.resourceGroup)) {
        if (deadSubs.has(sub.toLowerCase())) continue
        deadSubs.add(sub.toLowerCase())
        out.push(`subscription ${sub} could not be read (${error}); it is left out of the live model`)
        continue
      }
      const where = scope.resourceGroup
        ? `resource group ${scope.resourceGroup} in subscription ${sub}`
        : `subscription ${sub}`
      out.push(
        all
          ? `${where} could not be read (${error}); it is left out of the live model`
          : `${where}: ${[...new Set(kinds)].sort().join(', ')} could not be read (${error}); they are left out of the live model`,
      )
    }
    return out
  }

  list(scope: Scope, kind: Kind): Promise<boolean> {
    return this.guarded(scope, kind, true, async () => {
      const into = this.listed[kind] as unknown[]
      const pages = LISTERS[kind](this.client(scope.subscriptionId), scope.resourceGroup, {
        abortSignal: this.budget.signal,
      })
      for await (const item of pages) if ((item as { id?: string }).id) into.push(item)
    })
  }

  /** Rule collection groups are separate resources under the policy; without them the policy is not known. */
  groupsOf(policy: FirewallPolicy): Promise<boolean> {
    const { subscriptionId, resourceGroup, name } = armScope(policy.id!)
    if (!subscriptionId || !resourceGroup || !name) return Promise.resolve(false)
    if (policy.ruleCollectionGroups && policy.ruleCollectionGroups.length === 0) {
      this.groups.set(policy.id!, [])
      return Promise.resolve(true)
    }
    const scope = {
      subscriptionId,
      resourceGroup,
      label: `subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`,
    }
    return this.guarded(scope, `firewallPolicies/${name}/ruleCollectionGroups`, false, async () => {
      const groups: FirewallPolicyRuleCollectionGroup[] = []
      const pages = this.client(subscriptionId).firewallPolicyRuleCollectionGroups.list(resourceGroup, name, {
        abortSignal: this.budget.signal,
      })
      for await (const g of pages) groups.push(g)
      this.groups.set(policy.id!, groups)
    })
  }

  /** Scope of a resource by its ARM id, for messages; undefined when the id has no resource group. */
  private scopeOf(armId: string): (Scope & { resourceGroup: string; name: string }) | undefined {
    const { subscriptionId, resourceGroup, name } = armScope(armId)
    if (!subscriptionId || !resourceGroup || !name) return undefined
    return {
      subscriptionId,
      resourceGroup,
      name,
      label: `subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`,
    }
  }

  /**
   * One read of a single resource or child list: its result, or why it is missing (the failure is also a
   * warning). The caller keeps a failed read in the model as unknown.
   */
  async one<T>(
    armId: string,
    what: string,
    read: (
      c: NetworkManagementClient,
      rg: string,
      name: string,
      o: { abortSignal: AbortSignal },
    ) => Promise<T>,
    /** quiet: no warning of its own (the caller sums up many such reads in one). */
    { quiet = false }: { quiet?: boolean } = {},
  ): Promise<{ value?: T; error?: string }> {
    const scope = this.scopeOf(armId)
    if (!scope) return { error: `not an ARM id: ${armId}` }
    const out: { value?: T; error?: string } = {}
    const done = await this.guarded(scope, `${what}`, false, async () => {
      try {
        out.value = await read(this.client(scope.subscriptionId), scope.resourceGroup, scope.name, {
          abortSignal: this.budget.signal,
        })
      } catch (err) {
        const aborted = isAbort(err, this.budget.signal)
        out.error = aborted ? 'not read within the time budget' : errorText(err)
        if (!quiet || aborted) throw err
      }
    })
    if (!done && !out.error) out.error = 'not read within the time budget'
    return out
  }

  /** A VNet gateway a GatewaySubnet points at (virtualNetworkGateways has no subscription-wide listing). */
  async gateway(ref: GatewayRef): Promise<LiveGateway> {
    const name = armScope(ref.id).name
    const r = await this.one(ref.id, `virtualNetworkGateways/${name}`, (c, rg, n, o) =>
      c.virtualNetworkGateways.get(rg, n, o),
    )
    return { ref, ...(r.value ? { gateway: r.value } : {}), ...(r.error ? { error: r.error } : {}) }
  }

  /** A Route Server and the NVAs peering with it (its bgpConnections). */
  async routeServer(ref: GatewayRef, hub: VirtualHub | undefined): Promise<LiveRouteServer> {
    const name = armScope(ref.id).name
    const r = await this.one(ref.id, `virtualHubs/${name}/bgpConnections`, async (c, rg, n, o) => {
      const items = []
      for await (const x of c.virtualHubBgpConnections.list(rg, n, o)) items.push(x)
      return items
    })
    return {
      ref,
      ...(hub ? { hub } : {}),
      ...(r.value ? { connections: r.value } : {}),
      ...(r.error ? { error: r.error } : {}),
    }
  }

  /**
   * A hub's connections, routing intent and route tables are child resources, listed per hub. What could
   * not be read stays undefined: map-vwan.ts turns it into an unknown, never into "no intent".
   */
  async hubChildren(hub: VirtualHub): Promise<LiveHub> {
    const out: LiveHub = { hub }
    const { subscriptionId, resourceGroup, name } = armScope(hub.id!)
    if (!subscriptionId || !resourceGroup || !name) return out
    const scope = {
      subscriptionId,
      resourceGroup,
      label: `subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`,
    }
    const c = this.client(subscriptionId)
    const o = { abortSignal: this.budget.signal }
    const read = <T>(what: string, pages: () => AsyncIterable<T>, set: (items: T[]) => void) =>
      this.guarded(scope, `virtualHubs/${name}/${what}`, false, async () => {
        const items: T[] = []
        for await (const x of pages()) items.push(x)
        set(items)
      })
    await Promise.all([
      read(
        'hubVirtualNetworkConnections',
        () => c.hubVirtualNetworkConnections.list(resourceGroup, name, o),
        (x) => (out.connections = x),
      ),
      read(
        'routingIntent',
        () => c.routingIntentOperations.list(resourceGroup, name, o),
        (x) => (out.routingIntents = x),
      ),
      read(
        'hubRouteTables',
        () => c.hubRouteTables.list(resourceGroup, name, o),
        (x) => (out.routeTables = x),
      ),
    ])
    return out
  }
}

function scopesOf(opts: ReadLiveOptions): Scope[] {
  const subs = [...new Set(opts.subscriptionIds.map((s) => s.trim()).filter(Boolean))]
  const groups = opts.resourceGroups
    ? [...new Set(opts.resourceGroups.map((g) => g.trim()).filter(Boolean))]
    : undefined
  return subs.flatMap((subscriptionId) =>
    groups
      ? groups.map((resourceGroup) => ({
          subscriptionId,
          resourceGroup,
          label: `subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`,
        }))
      : [{ subscriptionId, label: `subscriptions/${subscriptionId}` }],
  )
}

/** One object per ARM id (overlapping scopes, or an id returned twice across pages), in id order for stable output. */
function unique<T extends { id: string }>(items: T[]): T[] {
  const byId = new Map<string, T>()
  for (const i of items) if (!byId.has(i.id)) byId.set(i.id, i)
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/**
 * Listings in flight at once. Pages of one listing follow each other, so this bounds the speed-up over
 * one request at a time; 16 stays well inside ARM's read throttling across a few subscriptions.
 */
export const DEFAULT_CONCURRENCY = 16

export async function readLiveNetwork(opts: ReadLiveOptions): Promise<LiveReadResult> {
  const budget = createBudget(opts.timeBudgetMs, opts.abortSignal)
  const reader = new LiveReader(opts, new Pool(opts.concurrency ?? DEFAULT_CONCURRENCY), budget)
  try {
    const scopes = scopesOf(opts)
    await Promise.all(scopes.flatMap((scope) => LIVE_KINDS.map((kind) => reader.list(scope, kind))))
    const policies = unique(
      reader.listed.firewallPolicies.map((p) => ({ ...p, id: p.id!.toLowerCase(), raw: p })),
    )
    await Promise.all(policies.map((p) => reader.groupsOf(p.raw)))

    const { listed } = reader
    const model = emptyModel()
    model.routeTables = unique(listed.routeTables.map(mapRouteTable))
    model.subnets = unique(listed.virtualNetworks.flatMap(mapVirtualNetwork))
    model.nsgs = unique(listed.networkSecurityGroups.map(mapNsg))
    model.firewalls = unique(listed.azureFirewalls.map(mapFirewall))
    // A policy whose groups were not read would look like a policy without rules (deny all): leave it out,
    // so firewalls pointing at it get an Unknown policy instead.
    model.firewallPolicies = unique(
      policies.flatMap((p) => {
        const groups = reader.groups.get(p.raw.id!)
        return groups ? [mapFirewallPolicy(p.raw, groups)] : []
      }),
    )
    model.ipGroups = unique(listed.ipGroups.map(mapIpGroup))
    model.natGateways = unique(listed.natGateways.map(mapNatGateway))
    // Route tables the subnets use that the scanned scopes do not hold, read by id. Virtual Network Manager
    // UDR management keeps the route table it associates with its member subnets in a resource group of its
    // own ("Upon deployment, by default, all routes are stored in a route table located inside a virtual
    // network manager-managed resource group": Automate management of user-defined routes with Azure Virtual
    // Network Manager, "How does UDR management work?"), which a `resource-groups` list rarely names; Microsoft
    // documents no name or tag that marks it. Read, it is the subnet's table like any other (its managed
    // routes meet the routing configuration's rules by destination, src/analysis/avnm.ts), instead of a table
    // "not in the scanned sources" that leaves every member subnet undecided.
    // Only tables of the scanned subscriptions in resource groups the scan was not told to list: a table in
    // another subscription, or in a scope whose listing failed, stays "not in the scanned sources", named.
    const tableIds = new Set(model.routeTables.map((t) => t.id))
    const subscriptions = new Set(opts.subscriptionIds.map((x) => x.trim().toLowerCase()))
    const groups = opts.resourceGroups && new Set(opts.resourceGroups.map((g) => g.trim().toLowerCase()))
    const outside = new Map<string, string>()
    for (const v of listed.virtualNetworks)
      for (const s of v.subnets ?? []) {
        const id = s.routeTable?.id
        const at = id ? armScope(id) : {}
        const inScope = !groups || !at.resourceGroup || groups.has(at.resourceGroup.toLowerCase())
        if (
          id &&
          subscriptions.has(at.subscriptionId?.toLowerCase() ?? '') &&
          !inScope &&
          !tableIds.has(liveId(id))
        )
          outside.set(liveId(id), id)
      }
    const [extraTables, nics] = await Promise.all([
      Promise.all(
        [...outside.values()].map((id) =>
          reader.one(id, `routeTables/${armScope(id).name}`, (c, rg, n, o) => c.routeTables.get(rg, n, o)),
        ),
      ),
      readNetworkInterfaces(reader, scopes, listed.virtualNetworks),
    ])
    model.nsgs = unique([...model.nsgs, ...nics.nsgs.map(mapNsg)])
    if (nics.interfaces.length > 0) model.networkInterfaces = nics.interfaces
    model.routeTables = unique([
      ...model.routeTables,
      ...extraTables.flatMap((r) => (r.value?.id ? [mapRouteTable(r.value)] : [])),
    ])
    const vnets = unique(listed.virtualNetworks.map((v) => ({ ...v, id: v.id! })))
    const refs = gatewayRefs(vnets)
    const allHubs = unique(listed.virtualHubs.map((h) => ({ ...h, id: h.id! })))
    // A Route Server is a virtualHubs resource too: it is a BGP source, not a Virtual WAN hub.
    const routeServerHubs = allHubs.filter((h) => isRouteServer(h, refs))
    const [hubs, gateways, routeServers] = await Promise.all([
      Promise.all(allHubs.filter((h) => !routeServerHubs.includes(h)).map((h) => reader.hubChildren(h))),
      Promise.all(refs.filter((r) => r.kind === 'gateway').map((r) => reader.gateway(r))),
      Promise.all(
        refs
          .filter((r) => r.kind === 'routeServer')
          .map((r) =>
            reader.routeServer(
              r,
              routeServerHubs.find((h) => h.id.toLowerCase() === r.id.toLowerCase()),
            ),
          ),
      ),
    ])
    const bgp = mapGatewayModel(vnets, gateways, routeServers)
    // A VPN gateway without BGP propagates exactly its local sites' address spaces: read them.
    const staticVpn = gateways.filter(
      (g) =>
        g.gateway && (g.gateway.gatewayType ?? '').toLowerCase() === 'vpn' && g.gateway.enableBgp !== true,
    )
    if (staticVpn.length > 0) {
      const sites = await readGatewaySites(
        reader,
        staticVpn.map((g) => g.ref.id),
      )
      bgp.localNetworkGateways = mapGatewaySites(sites)
      for (const g of bgp.gateways) if (staticVpn.some((x) => liveId(x.ref.id) === g.id)) g.sitesRead = true
    }
    if (hasGateways(bgp)) model.bgp = bgp
    const nm = await readNetworkManagers(reader, scopes, vnets)
    if (nm) model.networkManager = nm
    const wan = mapVirtualWan(hubs, {
      vpn: unique(listed.vpnGateways.map((g) => ({ ...g, id: g.id! }))),
      expressRoute: unique(listed.expressRouteGateways.map((g) => ({ ...g, id: g.id! }))),
    })
    if (hasVirtualWan(wan)) model.virtualWan = wan
    linkLiveModel(model)
    linkLiveVirtualWan(model)
    return {
      model,
      warnings: [...reader.failureWarnings(), ...reader.warnings],
      incomplete: reader.incomplete.sort(),
      ...(nics.read ? { networkInterfaces: nics.read } : {}),
    }
  } finally {
    budget.dispose()
  }
}
