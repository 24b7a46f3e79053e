/**
 * VNets across the units of one scan. Real estates split hub and spokes into separate root modules or
 * deployments (the connectivity root declares the hub VNet and its gateway; landing-zone roots read it with
 * `data` or Bicep `existing`). Each unit is judged alone, so a subnet in a VNet its unit only reads is
 * undecided wherever a BGP route could beat its route (src/analysis/bgp.ts undeclaredVnet). Here:
 *
 * - what a judged unit tells the others (unitVnets): the VNets it declares, by Azure identity
 *   (subscription where known, resource group, name), with what decides their BGP routes: VPN/ExpressRoute
 *   gateways and Route Servers, peerings (use_remote_gateways), local sites, its Virtual WAN hub
 *   connection with what decides the hub's routes (./cross-unit-hubs.ts);
 *   and what it needs: the VNets its undecided subnets rest on that it does not declare. Plain data: it
 *   travels from the scan workers in the merged result.
 * - which facts a unit that needs a VNet gets (factsFor): those of the units declaring a VNet of that name,
 *   and, through their peerings, of the VNets whose gateways they use;
 * - laying them into its model before it is judged again (layForeignVnets): a VNet declared elsewhere
 *   counts as declared where its key surely matches (same resource group and name; subscription where both
 *   say it), with its gateways and peerings named as the other unit's and its hub connection followed; a name whose resource group is not
 *   known on one side stays undecided, naming the candidates.
 */
import type {
  HubConnection,
  LocalNetworkGateway,
  NetworkModel,
  VnetElsewhere,
  VnetGateway,
  VnetPeering,
} from '../model/network'
import { emptyGatewayModel, emptyVirtualWan } from '../model/network'
import { known, type Origin, unknown, type Value } from '../model/value'
import { sameVnet, vnetKeyOfArmId, vnetKeyOfName } from '../model/vnet'
import { type HubFacts, hubFacts, layHubFacts } from './cross-unit-hubs'
import { type AttachFact, attachFacts } from './cross-unit-attachments'
import { type FirewallFact, firewallFacts, type FirewallNeed, firewallNeeds } from './cross-unit-firewalls'
import {
  type GatewayIdentity,
  type SiteFact,
  siteFacts,
  undeclaredGateways,
  vpnGateways,
} from './cross-unit-sites'

/** A VNet one unit declares, as the other units of the scan may read it. */
export interface VnetFact {
  /** The declaring unit, as reports name it (`root module connectivity`, `deployment hub/main.bicep`). */
  unit: string
  /** The declaring unit's scan identity (its path and variant): a unit is never given its own facts. */
  from: string
  /** The declaring judgement's order: the second pass asks it for the hub's facts (provideHubs). */
  order: number
  name: string
  /** Its key (src/model/vnet.ts, ARM-id form); undefined when the unit does not say its resource group. */
  key?: string
  address: string
  origin: Origin
  /** Its gateways and Route Servers (ids prefixed by `from`), VNet keys in ARM-id form. */
  gateways: VnetGateway[]
  /** Its peerings, local and remote VNet keys in ARM-id form where the unit knows them. */
  peerings: VnetPeering[]
  /** The unit's local network gateways, where a gateway of this VNet propagates their address spaces. */
  sites: LocalNetworkGateway[]
  /**
   * It has a Virtual WAN hub connection. What decides the hub's routes for it (./cross-unit-hubs.ts: the hub,
   * its routing, the firewall with its policies) is handed over only to a unit given this fact, in the
   * second pass (provideHubs): shipped with every fact, it would cost every scan a copy per connected VNet.
   */
  hub?: true
}

/**
 * A Virtual WAN hub connection a unit declares to a VNet it only reads (`data`, Bicep `existing`, an ARM id):
 * the connectivity unit connects a spoke that a landing-zone unit declares. The landing zone, judged alone,
 * sees no connection (its subnets take the system route to the Internet): it is judged again with the hub's
 * facts, obtained from this unit in the second pass (provideHubs, layHubConnections). Identity only.
 */
export interface ConnectionFact {
  unit: string
  from: string
  /** The declaring judgement's order: the second pass asks it for the hub's facts. */
  order: number
  /** The connected VNet's name and key (ARM-id form; undefined where its resource group is not known). */
  name: string
  key?: string
  /** The connection (id prefixed by the unit): laid as one to an unknown hub where the match is not sure. */
  connection: HubConnection
}

/**
 * A VNet gateway (VPN, ExpressRoute, Route Server) a unit builds in a VNet it only reads: the connectivity
 * root puts the VPN gateway into the hub VNet the network root declares. The declaring unit, judged alone,
 * sees no gateway in its VNet and reads its subnets "reachable"; it is judged again with this gateway
 * (and the unit's sites, which it may propagate) laid in (layReadVnetGateways).
 */
export interface GatewayFact {
  unit: string
  from: string
  order: number
  /** The VNet's name and key (ARM-id form). */
  name: string
  key: string
  /** The gateway and the unit's local network gateways, ids prefixed by the unit. */
  gateway: VnetGateway
  sites: LocalNetworkGateway[]
}

/** A VNet a unit's undecided subnets rest on that the unit does not declare. */
export interface VnetNeed {
  name: string
  key?: string
}

/** What a judged unit tells the others, and what it needs of them (JudgedUnit.vnets). */
export interface UnitVnets {
  declared: VnetFact[]
  needs: VnetNeed[]
  /** The firewalls it declares, and those its routes read without declaring (./cross-unit-firewalls.ts). */
  firewalls?: FirewallFact[]
  firewallNeeds?: FirewallNeed[]
  /** Its sites linked to VPN gateways it only reads, and the VPN gateways it declares (./cross-unit-sites.ts). */
  sites?: SiteFact[]
  vpnGateways?: GatewayIdentity[]
  /** The VPN gateways its connections read that it does not declare, named by its KMS011 notices. */
  undeclaredGateways?: GatewayIdentity[]
  /** Its Virtual WAN hub connections to VNets it does not declare. */
  connections?: ConnectionFact[]
  /** Its gateways in VNets it does not declare. */
  readVnetGateways?: GatewayFact[]
  /** What it attaches to subnets it only reads (./cross-unit-attachments.ts). */
  attachments?: AttachFact[]
  /** It declares a VNet or firewall whose name is not known: the other units cannot tell they read it. */
  unnamed?: true
}

/** The key of a VNet a data source or `existing` resource reads (`deployed`), in ARM-id form. */
function deployedKey(v: Value<string>): { key: string; name: string } | undefined {
  const d = v.known ? undefined : v.deployed
  if (!d || d.armType !== 'microsoft.network/virtualnetworks' || d.names.length !== 1 || !d.resourceGroup)
    return undefined
  const key = vnetKeyOfName(d.names[0]!, d.resourceGroup)
  return {
    key: d.subscription ? `/subscriptions/${d.subscription.toLowerCase()}${key}` : key,
    name: d.names[0]!,
  }
}

/** The VNets the model declares: model id → ARM-id key (undefined: resource group not known) and name. */
function declaredKeys(model: NetworkModel): Map<string, { key?: string; name?: string }> {
  const out = new Map<string, { key?: string; name?: string }>()
  for (const v of model.vnets ?? []) {
    const name = v.name.known ? v.name.value : undefined
    const rg = v.resourceGroup?.known ? v.resourceGroup.value : undefined
    const key =
      name !== undefined && rg !== undefined
        ? `${v.subscription ? `/subscriptions/${v.subscription.toLowerCase()}` : ''}${vnetKeyOfName(name, rg)}`
        : undefined
    out.set(v.id, { ...(key ? { key } : {}), ...(name !== undefined ? { name } : {}) })
  }
  return out
}

/** A VNet key as other units can match it: ARM-id form where the unit knows the VNet's identity. */
function portable(v: Value<string>, declared: Map<string, { key?: string }>): Value<string> {
  if (v.known) {
    if (vnetKeyOfArmId(v.value) !== undefined) return v
    const d = declared.get(v.value)
    return d?.key
      ? known(d.key, v.origin)
      : {
          known: false,
          expression: v.value,
          reason: 'its resource group is not known',
          ...(v.origin ? { origin: v.origin } : {}),
        }
  }
  const d = deployedKey(v)
  return d ? known(d.key, v.origin) : v
}

/** Whether the model holds a gateway surely in the VNet `key`. */
const hasGateway = (model: NetworkModel, key: Value<string>): boolean =>
  (model.bgp?.gateways ?? []).some((g) => sameVnet(g.vnetId, key) === true)

/**
 * What a judged unit tells the others (its declared VNets with their gateway facts) and needs of them (the
 * VNets its undecided subnets rest on that it does not declare: their own VNet, or the remote VNet of a
 * peering with use_remote_gateways whose gateway is not in it). `undecided`: addresses of its undecided subnets.
 */
export function unitVnets(
  model: NetworkModel,
  undecided: ReadonlySet<string>,
  unit: { name: string; from: string; order: number },
): UnitVnets | undefined {
  const declared = declaredKeys(model)
  const bgp = model.bgp ?? emptyGatewayModel()
  const prefix = (id: string) => `${unit.from}#${id}`
  const facts: VnetFact[] = []
  let unnamed = model.firewalls.some((fw) => !fw.name.known)
  for (const v of model.vnets ?? []) {
    const d = declared.get(v.id)!
    if (d.name === undefined) {
      unnamed = true
      continue
    }
    const mine = (k: Value<string>) => k.known && k.value === v.id
    const keyOf = (k: Value<string>): Value<string> => (d.key ? known(d.key, k.origin) : k)
    const gateways = bgp.gateways
      .filter((g) => mine(g.vnetId))
      .map((g) => ({ ...g, id: prefix(g.id), vnetId: keyOf(g.vnetId), unit: unit.name }))
    const peerings = bgp.peerings
      .filter((p) => mine(p.vnetId))
      .map((p) => {
        const remote = deployedKey(p.remoteVnetId)
        return {
          ...p,
          id: prefix(p.id),
          vnetId: keyOf(p.vnetId),
          remoteVnetId: portable(p.remoteVnetId, declared),
          ...(!p.remoteVnetName.known && remote
            ? { remoteVnetName: known(remote.name, p.remoteVnetName.origin) }
            : {}),
          unit: unit.name,
        }
      })
    const sites = gateways.some((g) => g.kind === 'vpn')
      ? bgp.localNetworkGateways.map((l) => ({
          ...l,
          id: prefix(l.id),
          ...(l.gatewayIds ? { gatewayIds: l.gatewayIds.map(prefix) } : {}),
        }))
      : []
    const hub = model.virtualWan?.connections.find((c) => mine(c.vnetId))
    facts.push({
      unit: unit.name,
      from: unit.from,
      order: unit.order,
      name: d.name,
      ...(d.key ? { key: d.key } : {}),
      address: v.address,
      origin: v.origin,
      gateways,
      peerings,
      sites,
      ...(hub && d.key ? { hub: true as const } : {}),
    })
  }
  const needs = new Map<string, VnetNeed>()
  const need = (name: string | undefined, key: Value<string> | undefined) => {
    if (name === undefined) return
    const k = key?.known ? key.value.toLowerCase() : undefined
    needs.set(`${name.toLowerCase()}\u0000${k ?? ''}`, { name, ...(k ? { key: k } : {}) })
  }
  for (const s of model.subnets) {
    if (!undecided.has(s.address) || s.format === 'live' || !s.vnetId) continue
    const name = s.vnetName?.known ? s.vnetName.value : undefined
    if (!s.vnetId.known || !declared.has(s.vnetId.value)) {
      need(name, s.vnetId)
      continue
    }
    // A declared VNet using a hub's gateway the unit does not declare: the hub's unit may.
    for (const p of bgp.peerings) {
      if (sameVnet(p.vnetId, s.vnetId) !== true) continue
      if (p.useRemoteGateways.known && !p.useRemoteGateways.value) continue
      const remote = portable(p.remoteVnetId, declared)
      if (remote.known && hasGateway(model, p.remoteVnetId)) continue
      const remoteName = p.remoteVnetName.known ? p.remoteVnetName.value : deployedKey(p.remoteVnetId)?.name
      need(remoteName, remote)
    }
  }
  const firewalls = firewallFacts(model, unit)
  const firewallsNeeded = firewallNeeds(model)
  const sites = siteFacts(model, unit)
  const gateways = vpnGateways(model)
  const undeclared = undeclaredGateways(model)
  const connections = (model.virtualWan?.connections ?? []).flatMap((c): ConnectionFact[] => {
    if (c.vnetId.known && declared.has(c.vnetId.value)) return []
    const { key, name } = readVnet(c, declared)
    if (name === undefined) return []
    const connection = { ...c, id: `${unit.name}#${c.id}` }
    return [
      { unit: unit.name, from: unit.from, order: unit.order, name, ...(key ? { key } : {}), connection },
    ]
  })
  const attached = attachFacts(model, unit)
  const readVnetGateways = bgp.gateways.flatMap((g): GatewayFact[] => {
    if (g.vnetId.known && declared.has(g.vnetId.value)) return []
    const { key, name } = readVnet(g, declared)
    if (name === undefined || key === undefined) return []
    const gateway = { ...g, id: prefix(g.id), unit: unit.name }
    const sites = bgp.localNetworkGateways
      .filter((l) => !l.gatewayIds || l.gatewayIds.includes(g.id))
      .map((l) => ({ ...l, id: prefix(l.id), gatewayIds: [gateway.id] }))
    return [{ unit: unit.name, from: unit.from, order: unit.order, name, key, gateway, sites }]
  })
  const parts = [
    attached,
    readVnetGateways,
    facts,
    [...needs.values()],
    firewalls,
    firewallsNeeded,
    sites,
    gateways,
    undeclared,
    connections,
  ]
  if (parts.every((p) => p.length === 0) && !unnamed) return undefined
  return {
    declared: facts,
    needs: [...needs.values()],
    ...(firewalls.length > 0 ? { firewalls } : {}),
    ...(firewallsNeeded.length > 0 ? { firewallNeeds: firewallsNeeded } : {}),
    ...(sites.length > 0 ? { sites } : {}),
    ...(gateways.length > 0 ? { vpnGateways: gateways } : {}),
    ...(undeclared.length > 0 ? { undeclaredGateways: undeclared } : {}),
    ...(connections.length > 0 ? { connections } : {}),
    ...(attached.length > 0 ? { attachments: attached } : {}),
    ...(readVnetGateways.length > 0 ? { readVnetGateways } : {}),
    ...(unnamed ? { unnamed: true as const } : {}),
  }
}

/**
 * The VNet a hub connection or a gateway is in when the unit does not declare it: its key (ARM-id form) and
 * name, from the name it writes, the data source or `existing` resource it reads, or the key's last segment.
 */
function readVnet(
  o: { vnetId: Value<string>; vnetName: Value<string> },
  declared: Map<string, { key?: string; name?: string }>,
): { key?: string; name?: string } {
  const key = connectedKey(o.vnetId, declared)
  const read = o.vnetId.known ? undefined : o.vnetId.deployed
  const name = o.vnetName.known
    ? o.vnetName.value
    : read?.names.length === 1
      ? read.names[0]
      : key?.split('/').at(-1)
  return { ...(key !== undefined ? { key } : {}), ...(name !== undefined ? { name } : {}) }
}

/** The key (ARM-id form) of the VNet a hub connection names: declared, read (`deployed`), or by ARM id. */
function connectedKey(
  v: Value<string>,
  declared: Map<string, { key?: string; name?: string }>,
): string | undefined {
  if (!v.known) return deployedKey(v)?.key
  return declared.get(v.value)?.key ?? vnetKeyOfArmId(v.value)
}

/**
 * The declaring unit's side of the second pass: for each asked VNet key (VnetFact.key of a fact with
 * `hub`), what decides its hub's routes, ids prefixed by the unit (`unit`: its name, as in the facts).
 */
export function provideHubs(
  model: NetworkModel,
  keys: readonly string[],
  unit: string,
): Map<string, HubFacts> {
  const out = new Map<string, HubFacts>()
  const declared = declaredKeys(model)
  // Connections to VNets the unit declares, and to VNets it only reads (ConnectionFact).
  for (const c of model.virtualWan?.connections ?? []) {
    const key = connectedKey(c.vnetId, declared)
    if (key === undefined || out.has(key) || !keys.includes(key)) continue
    out.set(key, hubFacts(model, c, key, `${unit}#`))
  }
  return out
}

/** Does a connection fact surely name a VNet of this key? */
const surely = (c: ConnectionFact, key: string | undefined): boolean =>
  key !== undefined && c.key !== undefined && sameVnet(known(key), known(c.key)) === true

/** Could it name it (same name, a resource group not known on one side)? */
const maybe = (c: ConnectionFact, name: string | undefined, key: string | undefined): boolean =>
  name !== undefined &&
  name.toLowerCase() === c.name.toLowerCase() &&
  (key === undefined || c.key === undefined || sameVnet(known(key), known(c.key)) === 'unknown')

/** The connections of other units to VNets `declared` (a unit's VnetFacts) surely or maybe names. */
export function connectionFactsFor(
  declared: readonly VnetFact[],
  from: string,
  all: readonly ConnectionFact[],
): ConnectionFact[] {
  return all.filter(
    (c) => c.from !== from && declared.some((f) => surely(c, f.key) || maybe(c, f.name, f.key)),
  )
}

/**
 * Connections of other units that may be to a VNet this unit declares, but not surely (a resource group not
 * known on one side): laid as connections to a hub that is not known, so ./vwan.ts makes the VNet's subnets
 * undecided, naming the connection and what would resolve it, never "reachable" past a hub that may take
 * their Internet traffic.
 */
export function layMaybeConnections(model: NetworkModel, facts: readonly ConnectionFact[]): void {
  const declared = [...declaredKeys(model)]
  for (const c of facts) {
    if (declared.some(([, d]) => surely(c, d.key))) continue
    for (const [id, d] of declared) {
      if (!maybe(c, d.name, d.key)) continue
      const w = (model.virtualWan ??= emptyVirtualWan())
      w.connections.push({
        ...c.connection,
        id: `${c.connection.id}@${id}`,
        vnetId: known(id, c.connection.vnetId.origin),
        hubId: unknown(
          c.connection.address,
          `${c.connection.address} in ${c.unit} may connect this VNet to a virtual hub (same name; its resource group is not known on one side: state it in both units)`,
          c.connection.origin,
        ),
      })
    }
  }
}

/**
 * Lays the hub facts of other units' connections to VNets this unit declares (ConnectionFact): each
 * connection is to the unit's own VNet of that key, so its subnets meet it (./vwan.ts). A connection to a
 * VNet the unit only reads (given by another unit's facts) keeps the VNet's key, which its subnets in that
 * VNet name (as layForeignVnets lays a declaring unit's own hub connection).
 */
export function layHubConnections(model: NetworkModel, hubs: readonly HubFacts[]): void {
  if (hubs.length === 0) return
  const declared = [...declaredKeys(model)]
  for (const h of hubs) {
    const c = h.wan.connections[0]
    if (!c) continue
    const vnet = declared.find(([, d]) => d.key !== undefined && sameVnet(known(d.key), c.vnetId) === true)
    if (!vnet) {
      // Not one the unit declares by that name either (that may be it: layMaybeConnections names it).
      const name = c.vnetId.known ? c.vnetId.value.split('/').at(-1)?.toLowerCase() : undefined
      if (name !== undefined && !declared.some(([, d]) => d.name?.toLowerCase() === name))
        layHubFacts(model, h)
      continue
    }
    layHubFacts(model, {
      ...h,
      wan: { ...h.wan, connections: [{ ...c, vnetId: known(vnet[0], c.vnetId.origin) }] },
    })
  }
}

/** Whether a fact may be the VNet a need names: 'sure' (same key), 'maybe' (same name, a resource group not known). */
function matches(need: VnetNeed, fact: VnetFact): 'sure' | 'maybe' | undefined {
  if (need.name.toLowerCase() !== fact.name.toLowerCase()) return undefined
  if (need.key === undefined || fact.key === undefined) return 'maybe'
  const same = sameVnet(known(need.key), known(fact.key))
  return same === true ? 'sure' : same === 'unknown' ? 'maybe' : undefined
}

/**
 * The facts of other units a unit needs (none: judging it again would change nothing): those of every
 * VNet its needs may be, and, through their peerings with use_remote_gateways, of the VNets whose gateways
 * those use.
 */
export function factsFor(needs: readonly VnetNeed[], from: string, all: readonly VnetFact[]): VnetFact[] {
  const others = all.filter((f) => f.from !== from)
  const out = new Set<VnetFact>()
  const queue = [...needs]
  const asked = new Set<string>()
  for (let n = queue.shift(); n !== undefined; n = queue.shift()) {
    const id = `${n.name.toLowerCase()}\u0000${n.key ?? ''}`
    if (asked.has(id)) continue
    asked.add(id)
    for (const f of others) {
      const m = matches(n, f)
      if (!m || out.has(f)) continue
      out.add(f)
      if (m !== 'sure') continue
      for (const p of f.peerings) {
        if (p.useRemoteGateways.known && !p.useRemoteGateways.value) continue
        if (p.remoteVnetName.known)
          queue.push({
            name: p.remoteVnetName.value,
            ...(p.remoteVnetId.known ? { key: p.remoteVnetId.value } : {}),
          })
      }
    }
  }
  return [...out]
}

/**
 * Lays the facts of other units into a unit's model before it is judged again: every VNet they declare is
 * listed (GatewayModel.elsewhere: bgp.ts matches it by key, and names same-named candidates it cannot tell
 * apart); those with a known key and no same-named rival whose resource group is unknown bring their
 * gateways, peerings and sites; the unit's own peerings to a VNet it reads by name get that VNet's key, so
 * they meet its gateways.
 */
export function layForeignVnets(
  model: NetworkModel,
  facts: readonly VnetFact[],
  /** The hub facts its declaring unit handed over for a fact with `hub` (provideHubs). */
  hubOf: (f: VnetFact) => HubFacts | undefined = () => undefined,
): void {
  if (facts.length === 0) return
  const bgp = (model.bgp ??= emptyGatewayModel())
  const elsewhere: VnetElsewhere[] = (bgp.elsewhere ??= [])
  const unsureName = new Set(facts.filter((f) => f.key === undefined).map((f) => f.name.toLowerCase()))
  const sure: VnetFact[] = []
  for (const f of facts) {
    elsewhere.push({
      name: f.name,
      ...(f.key ? { key: f.key } : {}),
      unit: f.unit,
      address: f.address,
    })
    if (f.key !== undefined && !unsureName.has(f.name.toLowerCase())) sure.push(f)
  }
  const seen = new Set([...bgp.gateways, ...bgp.localNetworkGateways, ...bgp.peerings].map((o) => o.id))
  const add = <T extends { id: string }>(into: T[], xs: T[]) => {
    for (const x of xs)
      if (!seen.has(x.id)) {
        into.push(x)
        seen.add(x.id)
      }
  }
  for (const f of sure) {
    add(bgp.gateways, f.gateways)
    add(bgp.peerings, f.peerings)
    add(bgp.localNetworkGateways, f.sites)
    const hub = f.hub && hubOf(f)
    if (hub) layHubFacts(model, hub)
  }
  for (const p of bgp.peerings) {
    if (p.unit !== undefined || p.remoteVnetId.known) continue
    const d = deployedKey(p.remoteVnetId)
    if (d && sure.some((f) => sameVnet(known(d.key), known(f.key!)) === true))
      p.remoteVnetId = known(d.key, p.remoteVnetId.origin)
  }
}

/** Other units' gateways in VNets this unit declares (surely the same VNet: its key). */
export function gatewayFactsFor(
  declared: readonly VnetFact[],
  from: string,
  all: readonly GatewayFact[],
): GatewayFact[] {
  return all.filter(
    (g) =>
      g.from !== from &&
      declared.some((f) => f.key !== undefined && sameVnet(known(f.key), known(g.key)) === true),
  )
}

/**
 * A VNet's facts with the gateways (and their sites) other units build in it (GatewayFact): a spoke given the
 * hub's facts through its peering meets the gateway the connectivity unit builds in the hub the network unit
 * declares, as if declared with it (else it reads the gateway as not in the scanned sources). Surely the same
 * VNet only (its key).
 */
export function withReadGateways(fact: VnetFact, all: readonly GatewayFact[]): VnetFact {
  const key = fact.key
  if (key === undefined) return fact
  const built = all.filter((g) => g.from !== fact.from && sameVnet(known(key), known(g.key)) === true)
  if (built.length === 0) return fact
  const gateways = [...fact.gateways]
  const sites = [...fact.sites]
  for (const g of built) {
    if (gateways.some((x) => x.id === g.gateway.id)) continue
    gateways.push({ ...g.gateway, vnetId: known(key, g.gateway.vnetId.origin) })
    for (const l of g.sites) if (!sites.some((x) => x.id === l.id)) sites.push(l)
  }
  return { ...fact, gateways, sites }
}

/** Lays other units' gateways (with their sites) into the VNets of this unit they are in. */
export function layReadVnetGateways(model: NetworkModel, facts: readonly GatewayFact[]): void {
  if (facts.length === 0) return
  const declared = [...declaredKeys(model)]
  const bgp = (model.bgp ??= emptyGatewayModel())
  for (const f of facts) {
    const vnet = declared.find(
      ([, d]) => d.key !== undefined && sameVnet(known(d.key), known(f.key)) === true,
    )
    if (!vnet || bgp.gateways.some((g) => g.id === f.gateway.id)) continue
    bgp.gateways.push({ ...f.gateway, vnetId: known(vnet[0], f.gateway.vnetId.origin) })
    for (const s of f.sites)
      if (!bgp.localNetworkGateways.some((l) => l.id === s.id)) bgp.localNetworkGateways.push(s)
  }
}
