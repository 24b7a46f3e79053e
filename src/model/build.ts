/**
 * Builds a NetworkModel in two steps, shared by every IaC source (Terraform, and the ARM shapes reused by
 * Bicep and ARM): adapters first add objects and register what they can be referred to by (ARM type,
 * name, parent name, resource group), then the deferred link steps run, when every object of the scan is
 * known, and turn references (Terraform refs, ARM ids, plain names) into model ids.
 *
 * A reference that cannot be resolved stays Unknown: dropping it would let the analysis believe, say, a
 * subnet has no route table, and give a confident wrong verdict instead of a KMS011 notice.
 */
import { emptyModel, type NetworkModel, type SourceDiagnostic } from './network'
import { known, unknown, type DeployedRef, type Origin, type Unknown, type Value } from './value'
import type { HclValue } from '../sources/evaluation/evaluated'
import { render, str } from '../sources/evaluation/value-tree'

const SUBNET = 'microsoft.network/virtualnetworks/subnets'

/** ARM types of the objects references point at. */
export const ARM = {
  routeTable: 'Microsoft.Network/routeTables',
  vnet: 'Microsoft.Network/virtualNetworks',
  subnet: 'Microsoft.Network/virtualNetworks/subnets',
  nsg: 'Microsoft.Network/networkSecurityGroups',
  natGateway: 'Microsoft.Network/natGateways',
  networkInterface: 'Microsoft.Network/networkInterfaces',
  firewall: 'Microsoft.Network/azureFirewalls',
  firewallPolicy: 'Microsoft.Network/firewallPolicies',
  ipGroup: 'Microsoft.Network/ipGroups',
  virtualHub: 'Microsoft.Network/virtualHubs',
  hubRouteTable: 'Microsoft.Network/virtualHubs/hubRouteTables',
  vnetGateway: 'Microsoft.Network/virtualNetworkGateways',
  localNetworkGateway: 'Microsoft.Network/localNetworkGateways',
} as const

export interface Registration {
  /** ARM type, e.g. `Microsoft.Network/virtualNetworks/subnets`. */
  armType: string
  id: string
  /**
   * Names from the outermost parent to the object itself (`['vnet-hub', 'AzureFirewallSubnet']`); undefined =
   * unknown.
   */
  names: (string | undefined)[]
  resourceGroup?: string
  /** The subscription, where the IaC states it (ModelObject.subscription), lower case. */
  subscription?: string
  /**
   * A name for a resource declared elsewhere (a Terraform `data` source, an `existing` resource): the
   * reference stands for the declared object with the same type, names and resource group.
   */
  alias?: boolean
}

export interface ResolveHints {
  /**
   * Resource group the reference is made in (azurerm `resource_group_name`), compared when both sides know
   * it.
   */
  resourceGroup?: Value<string>
  /**
   * The subscription the reference is made in (the referring resource's provider configuration or
   * deployment scope): among same-named objects of one group in several subscriptions, its own wins.
   */
  subscription?: string
  /** Parent name for child types looked up by name (the virtual network of a subnet). */
  parent?: Value<string>
  /**
   * Model id of the referring object: among several same-named candidates, the one in the same module wins.
   */
  near?: string
}

interface ParsedArmId {
  type: string
  names: string[]
  resourceGroup?: string
}

/**
 * Parses `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s`
 * (and the provider-relative `Microsoft.Network/routeTables/rt` a source may produce from `resourceId()`).
 */
export function parseArmId(id: string): ParsedArmId | undefined {
  const parts = id.split('/').filter((p) => p !== '')
  let i = -1
  for (let k = parts.length - 1; k >= 0; k--)
    if (parts[k].toLowerCase() === 'providers') {
      i = k + 1
      break
    }
  if (i < 0) i = /^microsoft\.[a-z]+$/i.test(parts[0] ?? '') ? 0 : -1
  if (i < 0 || i >= parts.length) return undefined
  const namespace = parts[i]
  const rest = parts.slice(i + 1)
  if (rest.length < 2 || rest.length % 2 !== 0) return undefined
  const types: string[] = []
  const names: string[] = []
  for (let k = 0; k < rest.length; k += 2) {
    types.push(rest[k])
    names.push(rest[k + 1])
  }
  const rgIndex = parts.findIndex((p) => p.toLowerCase() === 'resourcegroups')
  const parsed: ParsedArmId = { type: `${namespace}/${types.join('/')}`, names }
  if (rgIndex >= 0 && rgIndex + 1 < parts.length) parsed.resourceGroup = parts[rgIndex + 1]
  return parsed
}

/** `module.a.module.b.` of a Terraform address; empty for root resources and for non-Terraform ids. */
function modulePath(address: string): string {
  return /^((?:module\.[^.[]+(?:\[[^\]]*\])?\.)*)/.exec(address)?.[1] ?? ''
}

/** Equal ignoring case; the same string (the usual case) without lower-casing both. */
const eq = (a: string, b: string): boolean => a === b || a.toLowerCase() === b.toLowerCase()

/** ARM types in lower case, by the spelling asked: the same few types are asked for every reference. */
const lowerTypes = new Map<string, string>()
function lowerType(armType: string): string {
  let lower = lowerTypes.get(armType)
  if (lower === undefined) {
    lower = armType.toLowerCase()
    if (lowerTypes.size < 10_000) lowerTypes.set(armType, lower)
  }
  return lower
}

/** `map[type][id]`, made on first use. */
function bucketOf<T>(map: Map<string, T>, armType: string, make: () => T): T {
  let bucket = map.get(armType)
  if (bucket === undefined) map.set(armType, (bucket = make()))
  return bucket
}

export class ModelBuilder {
  readonly model: NetworkModel = emptyModel()
  /**
   * Registrations indexed, because every reference of a scan is resolved against them (a linear scan
   * per reference made large templates quadratic): declared objects by type and id and by type and own
   * name, aliases by type and id, everything by id. A registration step may complete a parent name
   * later, never the own name, so the name index holds; declared objects registered without an own name
   * are kept aside and checked on every lookup.
   */
  /** Declared ids and aliases by type, then id (no key string built per reference). */
  private readonly declaredIds = new Map<string, Set<string>>()
  private readonly aliases = new Map<string, Map<string, Registration>>()
  private readonly byId = new Map<string, Registration>()
  /** By type, then own name in lower case (no key string built per lookup). */
  private readonly byName = new Map<string, Map<string, Registration[]>>()
  private readonly unnamed = new Map<string, Registration[]>()
  /** Registration order, so that candidates are listed as they were registered. */
  private readonly order = new Map<Registration, number>()
  private readonly early: (() => void)[] = []
  private readonly links: (() => void)[] = []

  /** Returns the stored registration, which a later registration step may complete (a parent name). */
  register(r: Registration): Registration {
    // A spread alone, then the one field set: on Node 20 a spread with more fields after it costs ~100 µs
    // (issue 13), and Object.assign from a temporary object is a generic copy. Same fields, same order.
    const stored = { ...r }
    stored.armType = lowerType(r.armType)
    this.order.set(stored, this.order.size)
    if (!this.byId.has(stored.id)) this.byId.set(stored.id, stored)
    if (stored.alias) {
      const aliases = bucketOf(this.aliases, stored.armType, () => new Map<string, Registration>())
      if (!aliases.has(stored.id)) aliases.set(stored.id, stored)
      return stored
    }
    bucketOf(this.declaredIds, stored.armType, () => new Set<string>()).add(stored.id)
    const own = stored.names[stored.names.length - 1]
    const index =
      own === undefined
        ? this.unnamed
        : bucketOf(this.byName, stored.armType, () => new Map<string, Registration[]>())
    const at = own === undefined ? stored.armType : own.toLowerCase()
    const bucket = index.get(at)
    if (bucket) bucket.push(stored)
    else index.set(at, [stored])
    return stored
  }

  /** Runs after every object is added, in the order given. */
  defer(link: () => void): void {
    this.links.push(link)
  }

  /**
   * Runs before the ordinary links: completes registrations that need another object's name (an ARM
   * subnet whose virtual network is named only through its parent id), so that links see them.
   */
  deferRegistration(step: () => void): void {
    this.early.push(step)
  }

  /** A KMS011 notice for something the scan cannot follow. */
  unresolved(
    origin: Origin,
    message: string,
    expression?: string,
    address?: string,
    /** The resource the notice says is not declared, by Azure identity (SourceDiagnostic.undeclared). */
    undeclared?: DeployedRef,
  ): void {
    const d: SourceDiagnostic = { ruleId: 'KMS011', origin, message }
    if (expression !== undefined) d.expression = expression
    if (address !== undefined) d.address = address
    if (undeclared) d.undeclared = undeclared
    this.model.diagnostics.push(d)
  }

  finish(): NetworkModel {
    for (const step of this.early.splice(0)) step()
    // A link may defer a further link (a patch applied once the object it patches is attached).
    for (let i = 0; i < this.links.length; i++) this.links[i]()
    this.links.length = 0
    for (const t of this.model.routeTables) for (const r of t.routes) this.firewallReadHop(r)
    for (const d of this.model.detachedRoutes ?? []) this.firewallReadHop(d.route)
    return this.model
  }

  /**
   * A next hop that is the private address of a firewall read by a data source (a spoke reading its hub's
   * `data "azurerm_firewall"`): when the scan declares that firewall, the hop refers to it, so its policy
   * decides; otherwise it is an Azure Firewall declared elsewhere, whose rules the scan cannot see. Either
   * way it is not "an appliance that is not an Azure Firewall" (KMS004, allowed-appliances).
   */
  private firewallReadHop(route: { nextHopIpAddress?: Value<string> }): void {
    const hop = route.nextHopIpAddress
    if (!hop || hop.known || !hop.ref) return
    const alias = this.aliasOf(lowerType(ARM.firewall), hop.ref.resource)
    if (!alias) return
    const target = this.resolveAlias(alias, hop.origin, hop.expression)
    route.nextHopIpAddress = target.known
      ? unknown(hop.expression, hop.reason ?? 'computed at apply time', hop.origin, {
          resource: target.value,
          attribute: hop.ref.attribute,
        })
      : {
          ...unknown(hop.expression, `${firewallRead(alias)}, so its rules cannot be checked`, hop.origin),
          // By Azure identity: another unit of the scan may declare it (src/analysis/cross-unit-firewalls.ts).
          ...(target.deployed ? { deployed: target.deployed } : {}),
        }
  }

  isRegistered(armType: string, id: string): boolean {
    return this.declaredIds.get(lowerType(armType))?.has(id) ?? false
  }

  private aliasOf(armType: string, id: string): Registration | undefined {
    return this.aliases.get(armType)?.get(id)
  }

  /** The declared object an alias stands for, by Azure identity (type, names, resource group). */
  private resolveAlias(a: Registration, origin: Origin | undefined, expression: string): Value<string> {
    const name = a.names.filter((n) => n !== undefined).join('/')
    const matches = this.declared(a.armType, a.names[a.names.length - 1]).filter((r) =>
      this.sameNames(r, a.names, a.resourceGroup),
    )
    if (matches.length === 1) return known(matches[0].id, origin)
    if (a.names[a.names.length - 1] === undefined)
      return unknown(expression, `${a.id} has a name the scan cannot know`, origin)
    if (matches.length === 0) {
      const u = unknown(
        expression,
        `${a.id} reads ${name}${a.resourceGroup ? ` in ${a.resourceGroup}` : ''}, which the scanned sources do not declare`,
        origin,
      )
      return withDeployed(u, a.armType, a.names, a.resourceGroup)
    }
    return unknown(
      expression,
      `ambiguous: ${a.id} may be any of ${matches.length} objects named "${name}" (${matches.map((m) => m.id).join(', ')})`,
      origin,
    )
  }

  /**
   * Bicep's `vnet.properties.subnets[0].id` (Azure assigns it; the evaluator keeps it as a ref to the VNet
   * with that path): the VNet's inline subnet at that index, as the ARM mapping declared them in order.
   */
  private inlineSubnet(ref: { resource: string; attribute: string }): string | undefined {
    const at = /^properties\.subnets\[(\d+)\]\.id$/i.exec(ref.attribute)
    if (!at || !this.isRegistered(lowerType(ARM.vnet), ref.resource)) return undefined
    const prefix = `${ref.resource}/subnets/`
    return this.model.subnets.filter((s) => s.id.startsWith(prefix))[Number(at[1])]?.id
  }

  /**
   * One of several instances, which one not known (`azurerm_subnet.this[var.k].id`): unknown, with the model
   * ids of those of `armType` the scan declares (Unknown.candidates). An instance that is not such an object
   * (or not declared) may be anything: then no candidates, as for any unknown reference.
   */
  private candidates(t: string, ref: Unknown): Value<string> {
    const ids: string[] = []
    for (const r of ref.among ?? []) {
      if (!this.isRegistered(t, r.resource)) return unknown(ref.expression, ref.reason, ref.origin)
      if (!ids.includes(r.resource)) ids.push(r.resource)
    }
    // Terraform fails on a key the collection does not have: with one instance, the key is its.
    if (ids.length === 1) return known(ids[0]!, ref.origin)
    const u = unknown(ref.expression, ref.reason, ref.origin)
    u.candidates = ids
    return u
  }

  /**
   * The model id a reference names, as a Value: known when exactly one object of `armType` matches,
   * otherwise Unknown keeping the expression (and the Terraform ref, when there was one).
   */
  resolve(
    armType: string,
    ref: Value<string> | undefined,
    hints: ResolveHints = {},
  ): Value<string> | undefined {
    if (ref === undefined) return undefined
    const t = lowerType(armType)
    if (!ref.known) {
      if (ref.ref && this.isRegistered(t, ref.ref.resource)) return known(ref.ref.resource, ref.origin)
      const inline = ref.ref && t === SUBNET ? this.inlineSubnet(ref.ref) : undefined
      if (inline) return known(inline, ref.origin)
      const alias = ref.ref ? this.aliasOf(t, ref.ref.resource) : undefined
      if (alias) return this.resolveAlias(alias, ref.origin, ref.expression)
      if (ref.among) return this.candidates(t, ref)
      return ref
    }
    const text = ref.value.trim()
    if (this.isRegistered(t, text)) return known(text, ref.origin)
    const alias = this.aliasOf(t, text)
    if (alias) return this.resolveAlias(alias, ref.origin, text)

    let names: (string | undefined)[]
    let rg: string | undefined
    const parsed = text.includes('/') ? parseArmId(text) : undefined
    if (parsed) {
      if (parsed.type.toLowerCase() !== t)
        return unknown(text, `expected a ${armType} id, got a ${parsed.type} id`, ref.origin)
      names = parsed.names
      rg = parsed.resourceGroup
    } else {
      const parent = hints.parent?.known ? hints.parent.value : undefined
      // A child type (two slashes or more: `x/parents/children`) is named under its parent.
      names = t.indexOf('/', t.indexOf('/') + 1) >= 0 ? [parent, text] : [text]
      rg = hints.resourceGroup?.known ? hints.resourceGroup.value : undefined
    }
    let matches = this.declared(t, names[names.length - 1]).filter((r) => this.sameNames(r, names, rg))
    if (matches.length > 1)
      matches = bySubscription(matches, parsed ? subscriptionOf(text) : hints.subscription)
    if (matches.length > 1 && hints.near !== undefined) {
      const scope = modulePath(hints.near)
      const local = matches.filter((m) => modulePath(m.id) === scope)
      if (local.length > 0) matches = local
    }
    if (matches.length === 1) return known(matches[0].id, ref.origin)
    const name = names.filter((n) => n !== undefined).join('/')
    if (matches.length === 0) {
      const u = unknown(text, `no ${armType} named "${name}" in the scanned sources`, ref.origin)
      // A full ARM id names a deployed resource outright (subscription included).
      return parsed && rg !== undefined ? withDeployed(u, t, names, rg, subscriptionOf(text)) : u
    }
    return unknown(
      text,
      `ambiguous: ${matches.length} ${armType} objects named "${name}" (${matches.map((m) => m.id).join(', ')})`,
      ref.origin,
    )
  }

  /**
   * A list of references (IP group ids, ASG ids) as model ids. Absent = empty list; one unresolvable item
   * makes the whole list unknown, since a partly known set of IP groups cannot be judged.
   */
  resolveList(armType: string, list: HclValue | undefined, hints: ResolveHints = {}): Value<string[]> {
    if (list === undefined || list.kind === 'null') return known([])
    if (list.kind === 'unknown') return unknown(list.expression, list.reason, list.origin, list.ref)
    const itemsOf = list.kind === 'list' ? list.items : [list]
    const ids: string[] = []
    for (const item of itemsOf) {
      const id = this.resolve(armType, str(item), hints)
      if (id === undefined) continue
      if (!id.known)
        return unknown(render(list), id.reason, list.origin, itemsOf.length === 1 ? id.ref : undefined)
      ids.push(id.value)
    }
    return known(ids, list.origin)
  }

  /** The registration of a model id, whatever its type. */
  registration(id: string): Registration | undefined {
    return this.byId.get(id)
  }

  /** Declared (not alias) registrations of `armType` that may be named `own`, in registration order. */
  private declared(armType: string, own: string | undefined): Registration[] {
    if (own === undefined) return []
    const named = this.byName.get(armType)?.get(own.toLowerCase()) ?? []
    const extra = this.unnamed.get(armType)
    if (!extra) return named
    return [...named, ...extra].sort((a, b) => this.order.get(a)! - this.order.get(b)!)
  }

  private sameNames(r: Registration, names: (string | undefined)[], rg: string | undefined): boolean {
    if (r.names.length !== names.length) return false
    for (let i = 0; i < names.length; i++) {
      const a = r.names[i]
      const b = names[i]
      // The object's own name must be known on both sides; parents are compared only when both are known.
      if (i === names.length - 1 ? a === undefined || b === undefined || !eq(a, b) : a && b && !eq(a, b))
        return false
    }
    return !(rg && r.resourceGroup && !eq(rg, r.resourceGroup))
  }
}

/** An Azure Firewall a data source reads and the scan does not declare, as a reason. */
function firewallRead(a: Registration): string {
  const name = a.names[a.names.length - 1]
  if (name === undefined) return `the Azure Firewall ${a.id} reads has a name the scan cannot know`
  return `Azure Firewall ${name}${a.resourceGroup ? ` in ${a.resourceGroup}` : ''} (read by ${a.id}) is not in the scanned sources`
}

/** The subscription of an ARM id, lower-cased; undefined when it has none (or a placeholder). */
function subscriptionOf(id: string): string | undefined {
  const m = /^\/subscriptions\/([^/{}]+)\//i.exec(id)
  return m ? m[1]!.toLowerCase() : undefined
}

/**
 * Same names and group in several subscriptions (two provider aliases, two module scopes): the one in the
 * reference's own subscription; a reference that states none means the default one (no subscription
 * stated either). Nothing matching leaves them all (named as ambiguous).
 */
function bySubscription(matches: Registration[], subscription: string | undefined): Registration[] {
  if (new Set(matches.map((m) => m.subscription)).size < 2) return matches
  const same = matches.filter((m) => (m.subscription ?? '') === (subscription ?? ''))
  return same.length > 0 ? same : matches
}

/** `u` marked as naming a deployed resource, when every name of it is known. */
function withDeployed(
  u: Unknown,
  armType: string,
  names: (string | undefined)[],
  resourceGroup?: string,
  subscription?: string,
): Unknown {
  if (names.some((n) => n === undefined)) return u
  u.deployed = { armType: armType.toLowerCase(), names: names as string[] }
  if (resourceGroup !== undefined) u.deployed.resourceGroup = resourceGroup
  if (subscription !== undefined) u.deployed.subscription = subscription
  return u
}

/** Why a reference did not lead to an object, for KMS011 messages. */
export function whyUnresolved(v: Value<string> | undefined, argument: string): string {
  if (v === undefined) return `${argument} is not set`
  return v.known ? `${v.value} is not in the scanned sources` : (v.reason ?? 'not resolved')
}

/** The expression to show for an unresolved reference. */
export function expressionOf(v: Value<string> | undefined): string | undefined {
  if (v === undefined) return undefined
  return v.known ? v.value : v.expression
}
