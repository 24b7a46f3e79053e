/**
 * Virtual WAN hubs across the units of one scan. The connectivity root (or deployment) declares the hub,
 * its firewall and routing intent, and the spoke VNet with its hub connection; a landing-zone unit reads
 * the VNet (`data`, Bicep `existing`) and adds the subnets. The subnets' default route comes from the hub,
 * which only the declaring unit models. That unit hands over what ./vwan.ts reads to decide it: the
 * connection, its hub with the hub's routing intents, route tables and gateways, and the firewalls they
 * name with their policies (base policies too) and IP groups. The reading unit lays them into its model
 * (Virtual WAN objects beside its own, firewalls as NetworkModel.foreign) and ./vwan.ts follows the path
 * as it does within one unit: routing intent → the hub firewall's policy decides; no routing intent → the
 * hub route tables and the connection's internet security; a hub gateway → BGP, named.
 *
 * Plain data: it travels from the scan workers in the merged result. Ids and condition keys get the
 * declaring unit's prefix, so they never meet the reader's (two root modules both have an
 * `azurerm_firewall.hub`, both a `count = var.enabled ? 1 : 0`); the connection's VNet becomes the VNet's
 * key, so the reader's subnets, which name it by resource group and name, meet it.
 */
import type {
  AzureFirewall,
  FirewallPolicy,
  FirewallRuleCollection,
  ForeignObjects,
  HubConnection,
  IpGroup,
  NetworkModel,
  VirtualWanModel,
} from '../model/network'
import { emptyVirtualWan } from '../model/network'
import { known, type Value } from '../model/value'

/** What decides a connected VNet's default route, as the declaring unit models it. */
export interface HubFacts {
  /** The connection (its VNet as a key), its hub, and the hub's routing intents, route tables, gateways. */
  wan: VirtualWanModel
  foreign: ForeignObjects
}

const valueOf = (v: Value<string> | undefined): string | undefined => (v?.known ? v.value : undefined)

/** The policies a firewall evaluates: its own and, base first or not, every base policy it chains to. */
function policiesOf(model: NetworkModel, firewalls: AzureFirewall[]): FirewallPolicy[] {
  const byId = new Map(model.firewallPolicies.map((p) => [p.id, p]))
  const out = new Set<FirewallPolicy>()
  for (const fw of firewalls) {
    let p = byId.get(valueOf(fw.policyId) ?? '')
    while (p && !out.has(p)) {
      out.add(p)
      p = byId.get(valueOf(p.basePolicyId) ?? '')
    }
  }
  return [...out]
}

/** The IP groups the rules of these collections name. */
function ipGroupsOf(model: NetworkModel, collections: FirewallRuleCollection[]): IpGroup[] {
  const named = new Set<string>()
  for (const c of collections)
    for (const r of c.rules)
      for (const v of [r.sourceIpGroups, r.destinationIpGroups])
        if (v.known) v.value.forEach((g) => named.add(g))
  return model.ipGroups.filter((g) => named.has(g.id))
}

/** The firewalls with the policies they evaluate (base policies too) and the IP groups their rules name. */
export function firewallObjects(model: NetworkModel, firewalls: AzureFirewall[]): ForeignObjects {
  const firewallPolicies = policiesOf(model, firewalls)
  const ipGroups = ipGroupsOf(model, [
    ...firewalls.flatMap((f) => f.classicCollections),
    ...firewallPolicies.flatMap((p) => p.ruleCollectionGroups.flatMap((g) => g.collections)),
  ])
  return { firewalls, firewallPolicies, ipGroups }
}

/** Property names whose strings are text, never a model id (an address often equals the id it names). */
const TEXT = new Set(['address', 'sourceType', 'name', 'origin', 'inputs', 'expression', 'reason', 'format'])

/**
 * A copy of `x` in which every string naming one of `ids` and every condition key carries `prefix`.
 * Hand-written: a walk over plain model data, which no library knows the references of.
 */
export function rehome<T>(x: T, ids: ReadonlySet<string>, prefix: string): T {
  const walk = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') return ids.has(v) ? `${prefix}${v}` : v
    if (Array.isArray(v)) return v.map((e) => walk(e))
    if (v === null || typeof v !== 'object') return v
    const out: Record<string, unknown> = {}
    for (const [k, e] of Object.entries(v)) {
      if (TEXT.has(k)) out[k] = e
      else if (key === 'condition' && k === 'key' && typeof e === 'string') out[k] = `${prefix}${e}`
      else out[k] = walk(e, k)
    }
    return out
  }
  return walk(x) as T
}

/** The ids of the objects handed over and of everything they hold (routes, rule collections, rules). */
export function idsOf(xs: readonly unknown[]): Set<string> {
  const ids = new Set<string>()
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk)
    else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>
      if (typeof o.id === 'string' && typeof o.sourceType === 'string') ids.add(o.id)
      for (const [k, e] of Object.entries(o)) if (!TEXT.has(k)) walk(e)
    }
  }
  walk(xs)
  return ids
}

/**
 * What the declaring unit hands over for a VNet connected by `connection` (`key`: the VNet's key, ARM-id
 * form; `prefix`: the unit's, for ids and condition keys).
 */
export function hubFacts(
  model: NetworkModel,
  connection: HubConnection,
  key: string,
  prefix: string,
): HubFacts {
  const w = model.virtualWan ?? emptyVirtualWan()
  const hubId = valueOf(connection.hubId)
  const onHub = (v: Value<string>) => hubId !== undefined && valueOf(v) === hubId
  const associated = valueOf(connection.associatedRouteTableId)
  const routingIntents = w.routingIntents.filter((i) => onHub(i.hubId))
  const routeTables = w.routeTables.filter((t) => onHub(t.hubId) || t.id === associated)
  const hops = new Set<string>()
  for (const i of routingIntents) if (i.internetNextHop?.known) hops.add(i.internetNextHop.value)
  for (const t of routeTables) for (const r of t.routes) if (r.nextHop.known) hops.add(r.nextHop.value)
  const firewalls = model.firewalls.filter(
    (f) => hops.has(f.id) || (f.virtualHubId !== undefined && onHub(f.virtualHubId)),
  )
  const wan: VirtualWanModel = {
    hubs: w.hubs.filter((h) => h.id === hubId),
    connections: [{ ...connection, vnetId: known(key, connection.vnetId.origin) }],
    routingIntents,
    routeTables,
    gateways: w.gateways.filter((g) => onHub(g.hubId)),
  }
  const foreign = firewallObjects(model, firewalls)
  const ids = idsOf([wan, foreign])
  return { wan: rehome(wan, ids, prefix), foreign: rehome(foreign, ids, prefix) }
}

/** Appends to `into` the objects of `xs` it does not hold yet (by id). */
const add = <T extends { id: string }>(into: T[], xs: readonly T[]) => {
  const seen = new Set(into.map((o) => o.id))
  for (const x of xs) if (!seen.has(x.id)) into.push(x)
}

/**
 * Adds another unit's firewalls, policies and IP groups (and NSGs, route tables and NICs it attaches,
 * ./cross-unit-attachments.ts) to a model's foreign objects, each once.
 */
export function layForeignObjects(model: NetworkModel, objects: ForeignObjects): void {
  const f = (model.foreign ??= { firewalls: [], firewallPolicies: [], ipGroups: [] })
  add(f.firewalls, objects.firewalls)
  add(f.firewallPolicies, objects.firewallPolicies)
  add(f.ipGroups, objects.ipGroups)
  if (objects.nsgs?.length) add((f.nsgs ??= []), objects.nsgs)
  if (objects.routeTables?.length) add((f.routeTables ??= []), objects.routeTables)
  if (objects.networkInterfaces?.length) add((f.networkInterfaces ??= []), objects.networkInterfaces)
}

/** Adds what another unit handed over to a model, each object once (several VNets share one hub). */
export function layHubFacts(model: NetworkModel, facts: HubFacts): void {
  const w = (model.virtualWan ??= emptyVirtualWan())
  add(w.hubs, facts.wan.hubs)
  add(w.connections, facts.wan.connections)
  add(w.routingIntents, facts.wan.routingIntents)
  add(w.routeTables, facts.wan.routeTables)
  add(w.gateways, facts.wan.gateways)
  layForeignObjects(model, facts.foreign)
}
