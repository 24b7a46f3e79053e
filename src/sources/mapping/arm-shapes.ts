/**
 * ARM resource shapes (`type` + `properties`) → model objects. Format-neutral: Terraform's azapi resources,
 * Bicep and ARM templates all describe resources in this shape, and each source hands over the body as a
 * value tree (HclValue), so the mapping is written once.
 *
 * Child resources (`routeTables/routes`, `virtualNetworks/subnets`, ...) name their parent by `parent`
 * (an ARM id, a model id, or an Unknown with a ref) or by a two-part name `rt-hub/default`; they are
 * attached in the link step. References between resources (`routeTable.id`, `firewallPolicy.id`) are
 * ARM ids and are resolved by type + name within the model.
 */
import type {
  AzureFirewall,
  FirewallPolicy,
  FirewallRule,
  FirewallRuleCollection,
  FirewallRuleCollectionKind,
  IpGroup,
  ModelObject,
  NatGateway,
  NetworkModel,
  NetworkSecurityGroup,
  NsgRule,
  Route,
  RouteTable,
  RuleCollectionGroup,
  SourceFormat,
  Subnet,
} from '../../model/network'
import { known, unknown, type Origin, type Unknown, type Value } from '../../model/value'
import { firewallRule, ruleCollection } from './firewall-rules'
import { addVirtualWanResource, VWAN_TYPES } from './arm-vwan'
import { addGatewayResource, armPeering, GATEWAY_TYPES, vnetRef } from './arm-gateways'
import { addNetworkManagerResource, AVNM_TYPES } from './arm-avnm'
import { addNetworkInterfaceResource, NETWORK_INTERFACE_TYPES } from './arm-network-interfaces'
import { recordDependencies } from './avnm-commits'
import { allows, ifDeployed, propagationOff, toInternet } from './conditional'
import { ARM, expressionOf, ModelBuilder, parseArmId, whyUnresolved } from '../../model/build'
import type { HclValue } from '../evaluation/evaluated'
import { foldRedeclaredSubnets } from './subnet-redeclarations'
import { handOverForeignSubnets } from './foreign-subnets'
import {
  attrCI,
  bool,
  items,
  not,
  num,
  oneOrMany,
  refIds,
  render,
  str,
  strList,
} from '../evaluation/value-tree'

export interface ArmResourceInput {
  /** `Microsoft.Network/routeTables`; an `@api-version` suffix is ignored. */
  armType: string
  /** The resource name; for top-level child resources the ARM form `parent/child` is accepted. */
  name: Value<string>
  /** The resource object (with `properties`), or an Unknown when the whole body is not known. */
  body: HclValue
  /** Model id. Inline children get `<id>/<collection>/<name>`. */
  id: string
  address: string
  origin: Origin
  format: SourceFormat
  /** The source's own type for messages; defaults to the ARM type. */
  sourceType?: string
  /** The parent resource of a child type: ARM id, model id, or Unknown with a ref. */
  parent?: Value<string>
  resourceGroup?: Value<string>
  /** The subscription it deploys to, where a nested deployment or module scope states it, lower case. */
  subscription?: string
  /**
   * The subscription a nested deployment around it states ('any': stated but not known, or a management
   * group or tenant scope): where a part of it the scan cannot place may change things
   * (src/sources/mapping/may-change.ts). undefined: the deployment's own.
   */
  stated?: string | 'any'
  variant?: string
  /**
   * Set when the resource exists only if a condition the scan cannot evaluate holds (an ARM `condition`, a
   * Bicep `if`, of the resource or of a deployment or module around it). Most resources are judged as
   * deployed (./conditional.ts says which are not).
   */
  condition?: Unknown
  /** Model ids of the resources it is deployed after (`dependsOn`, Bicep's implicit dependencies). */
  dependsOn?: string[]
}

/** Path of case-insensitive property names; an unknown on the way is the answer. */
function p(obj: HclValue | undefined, ...names: string[]): HclValue | undefined {
  let cur = obj
  for (const n of names) cur = attrCI(cur, n)
  return cur
}

const emptyList = (): Value<string[]> => known([])

export function armTypeOf(type: string): string {
  const at = type.indexOf('@')
  return (at >= 0 ? type.slice(0, at) : type).trim()
}

interface Ctx {
  b: ModelBuilder
  input: ArmResourceInput
  header: ModelObject
  props: HclValue | undefined
}

function headerOf(input: ArmResourceInput, name: Value<string>): ModelObject {
  const h: ModelObject = {
    id: input.id,
    name,
    origin: input.origin,
    format: input.format,
    sourceType: input.sourceType ?? armTypeOf(input.armType),
    address: input.address,
  }
  if (input.variant !== undefined) h.variant = input.variant
  if (input.resourceGroup?.known) h.resourceGroup = input.resourceGroup.value
  if (input.subscription !== undefined) h.subscription = input.subscription
  if (input.condition) h.condition = input.condition
  return h
}

/** A nested item (`routes[0]`) as its own model object: id `<parent id>/<collection>/<name or index>`. */
function childHeader(ctx: Ctx, collection: string, item: HclValue, index: number): ModelObject {
  const name = str(attrCI(item, 'name')) ?? unknown(`${collection}[${index}].name`, 'not set', item.origin)
  const key = name.known ? name.value : String(index)
  return { ...ctx.header, id: `${ctx.header.id}/${collection}/${key}`, name, origin: item.origin }
}

/**
 * Splits `parent/child` names. Returns the own name and, when the name carried it, the parent's name.
 */
function splitName(name: Value<string>): { own: Value<string>; parentName?: Value<string> } {
  if (!name.known || !name.value.includes('/')) return { own: name }
  const parts = name.value.split('/')
  return {
    own: known(parts[parts.length - 1], name.origin),
    parentName: known(parts.slice(0, -1).join('/'), name.origin),
  }
}

/** ARM types `addArmResource` maps, lower case. */
const MODELLED_TYPES = new Set(
  [
    ARM.routeTable,
    `${ARM.routeTable}/routes`,
    ARM.vnet,
    ARM.subnet,
    ARM.nsg,
    `${ARM.nsg}/securityRules`,
    ARM.firewall,
    ARM.firewallPolicy,
    `${ARM.firewallPolicy}/ruleCollectionGroups`,
    ARM.ipGroup,
    ARM.natGateway,
    ...VWAN_TYPES,
    ...GATEWAY_TYPES,
    ...AVNM_TYPES,
    ...NETWORK_INTERFACE_TYPES,
  ].map((t) => t.toLowerCase()),
)

/**
 * Does the model have a place for this ARM type? Sources use it to stay quiet about values of resources
 * that cannot change a KMS verdict (the condition of a lock or a role assignment).
 */
export function isModelledArmType(type: string): boolean {
  return MODELLED_TYPES.has(armTypeOf(type).toLowerCase())
}

/** Adds one ARM-shaped resource to the builder. Returns false for types the model has no place for. */
export function addArmResource(b: ModelBuilder, input: ArmResourceInput): boolean {
  const type = armTypeOf(input.armType).toLowerCase()
  const { own, parentName } = splitName(input.name)
  const ctx: Ctx = { b, input, header: headerOf(input, own), props: p(input.body, 'properties') }
  const parentRef = input.parent ?? parentName
  if (input.dependsOn) recordDependencies(b, input.id, input.dependsOn)
  switch (type) {
    case ARM.routeTable.toLowerCase():
      routeTable(ctx)
      return true
    case `${ARM.routeTable}/routes`.toLowerCase():
      childOf(ctx, ARM.routeTable, parentRef, (tableId) => {
        const table = b.model.routeTables.find((t) => t.id === tableId)
        table?.routes.push(route(b, ctx.header, ctx.props, tableId, ctx.input.condition))
      })
      return true
    case ARM.vnet.toLowerCase():
      virtualNetwork(ctx)
      return true
    case ARM.subnet.toLowerCase():
      standaloneSubnet(ctx, parentRef)
      return true
    case ARM.nsg.toLowerCase():
      nsg(ctx)
      return true
    case `${ARM.nsg}/securityRules`.toLowerCase():
      childOf(ctx, ARM.nsg, parentRef, (nsgId) => {
        b.model.nsgs
          .find((n) => n.id === nsgId)
          ?.rules.push(nsgRule(ctx.header, ctx.props, nsgId, ctx.input.condition))
      })
      return true
    case ARM.firewall.toLowerCase():
      firewall(ctx)
      return true
    case ARM.firewallPolicy.toLowerCase():
      firewallPolicy(ctx)
      return true
    case `${ARM.firewallPolicy}/ruleCollectionGroups`.toLowerCase():
      childOf(ctx, ARM.firewallPolicy, parentRef, (policyId) => {
        const group = ruleCollectionGroup(ctx, known(policyId))
        b.model.firewallPolicies.find((f) => f.id === policyId)?.ruleCollectionGroups.push(group)
      })
      return true
    case ARM.ipGroup.toLowerCase(): {
      const g: IpGroup = { ...ctx.header, cidrs: strList(p(ctx.props, 'ipAddresses')) ?? emptyList() }
      b.model.ipGroups.push(g)
      register(ctx, ARM.ipGroup)
      return true
    }
    case ARM.natGateway.toLowerCase(): {
      const n: NatGateway = { ...ctx.header }
      b.model.natGateways.push(n)
      register(ctx, ARM.natGateway)
      return true
    }
    case APPLICATION_GATEWAY:
      applicationGateway(ctx)
      return true
    default:
      return (
        addVirtualWanResource({
          b,
          type,
          header: ctx.header,
          props: ctx.props,
          ...(parentRef ? { parent: parentRef } : {}),
          ...(input.resourceGroup?.known ? { resourceGroup: input.resourceGroup.value } : {}),
        }) ||
        addGatewayResource({
          b,
          type,
          header: ctx.header,
          props: ctx.props,
          ...(parentRef ? { parent: parentRef } : {}),
          ...(input.resourceGroup ? { resourceGroup: input.resourceGroup } : {}),
        }) ||
        addNetworkManagerResource({
          b,
          type,
          header: ctx.header,
          props: ctx.props,
          ...(parentRef ? { parent: parentRef } : {}),
          ...(input.condition ? { condition: input.condition } : {}),
        }) ||
        addNetworkInterfaceResource({ b, type, header: ctx.header, props: ctx.props })
      )
  }
}

const APPLICATION_GATEWAY = 'microsoft.network/applicationgateways'

/** An Application Gateway's subnet holds nothing else (Azure requires it dedicated): no VM to judge there. */
function applicationGateway(ctx: Ctx): void {
  const name = ctx.header.name.known ? ctx.header.name.value : ctx.header.address
  for (const config of nested(p(ctx.props, 'gatewayIPConfigurations'))) {
    const ref = p(config, 'properties', 'subnet')
    if (!ref) continue
    ctx.b.defer(() => {
      const id = ctx.b.resolve(ARM.subnet, str(attrCI(ref, 'id')) ?? str(ref), { near: ctx.header.id })
      const subnet = id?.known ? ctx.b.model.subnets.find((s) => s.id === id.value) : undefined
      if (subnet) subnet.dedicatedTo = `used by Application Gateway ${name}`
    })
  }
}

/**
 * Maps a list of ARM-shaped resources to a model (the entry point for the Bicep and ARM sources); `also`
 * adds what the resources alone do not say (what the parts the scan cannot follow may change).
 */
export function armResourcesToModel(
  inputs: ArmResourceInput[],
  also?: (b: ModelBuilder) => void,
): NetworkModel {
  const b = new ModelBuilder()
  for (const input of inputs) addArmResource(b, input)
  also?.(b)
  const model = b.finish()
  foldRedeclaredSubnets(model)
  handOverForeignSubnets(model)
  return model
}

function register(ctx: Ctx, armType: string, parentName?: string): void {
  const own = ctx.header.name.known ? ctx.header.name.value : undefined
  const rg = ctx.input.resourceGroup?.known ? ctx.input.resourceGroup.value : undefined
  const names = armType.split('/').length > 2 ? [parentName, own] : [own]
  ctx.b.register({
    armType,
    id: ctx.header.id,
    names,
    resourceGroup: rg,
    ...(ctx.input.subscription !== undefined ? { subscription: ctx.input.subscription } : {}),
  })
}

/** Attaches a child resource to its parent in the link step; an unresolvable parent is a KMS011 notice. */
function childOf(
  ctx: Ctx,
  parentType: string,
  parent: Value<string> | undefined,
  attach: (id: string) => void,
) {
  ctx.b.defer(() => {
    const id = ctx.b.resolve(parentType, parent, {
      resourceGroup: ctx.input.resourceGroup,
      near: ctx.header.id,
    })
    if (id?.known) return attach(id.value)
    ctx.b.unresolved(
      ctx.input.origin,
      `${ctx.input.address}: cannot tell which ${parentType} this ${armTypeOf(ctx.input.armType)} belongs to` +
        (id ? ` (${id.reason ?? 'not resolved'})` : ' (no parent given)'),
      id?.expression,
      ctx.input.address,
    )
  })
}

// ---- route tables ----------------------------------------------------------------------------------

function route(
  b: ModelBuilder,
  header: ModelObject,
  props: HclValue | undefined,
  routeTableId: string,
  condition?: Unknown,
): Route {
  const r: Route = {
    ...header,
    routeTableId,
    addressPrefix: str(p(props, 'addressPrefix')) ?? unknown('addressPrefix', 'not set', header.origin),
    nextHopType: ifDeployed(
      str(p(props, 'nextHopType')) ?? unknown('nextHopType', 'not set', header.origin),
      condition,
      toInternet,
      `route ${header.address}`,
    ),
  }
  const hop = str(p(props, 'nextHopIpAddress'))
  if (hop) r.nextHopIpAddress = hop
  if (hop && !hop.known && hop.ref && parseArmId(hop.ref.resource)) {
    // The address of an `existing` resource, named by its ARM id: a firewall declared elsewhere in the
    // scan is that firewall. Otherwise the ref is dropped: an ARM id is no model object, and the
    // address stays unknown (KMS011) rather than an unverified appliance.
    const ref = hop.ref
    b.defer(() => {
      const fw = b.resolve(ARM.firewall, known(ref.resource, hop.origin))
      r.nextHopIpAddress =
        fw?.known && ref.attribute.startsWith('properties.ipConfigurations')
          ? { ...hop, ref: { resource: fw.value, attribute: ref.attribute } }
          : {
              ...unknown(hop.expression, hop.reason, hop.origin),
              // By Azure identity: another unit of the scan may declare it (src/analysis/cross-unit-firewalls.ts).
              ...(fw && !fw.known && fw.deployed ? { deployed: fw.deployed } : {}),
            }
    })
  }
  return r
}

/** A list of nested items; when the list itself is unknown, one placeholder item stands for its contents. */
function nested(list: HclValue | undefined): HclValue[] {
  return list?.kind === 'unknown' ? [list] : items(list)
}

function routeTable(ctx: Ctx): void {
  const disabled = bool(p(ctx.props, 'disableBgpRoutePropagation'))
  const condition = ctx.input.condition
  const table: RouteTable = {
    ...ctx.header,
    routes: [],
    bgpRoutePropagation: ifDeployed(
      disabled ? not(disabled) : known(true),
      condition,
      propagationOff,
      `route table ${ctx.header.address}`,
    ),
  }
  nested(p(ctx.props, 'routes')).forEach((item, i) =>
    table.routes.push(
      route(ctx.b, childHeader(ctx, 'routes', item, i), p(item, 'properties'), table.id, condition),
    ),
  )
  ctx.b.model.routeTables.push(table)
  register(ctx, ARM.routeTable)
}

// ---- virtual networks and subnets ------------------------------------------------------------------

/** Route table, NSG and NAT gateway of a subnet, as model ids; runs in the link step. */
function subnetReferences(b: ModelBuilder, s: Subnet, props: HclValue | undefined): void {
  const near = { near: s.id }
  const ref = (v: HclValue) => str(attrCI(v, 'id')) ?? str(v)
  const rt = p(props, 'routeTable')
  if (rt) {
    s.routeTableId = b.resolve(ARM.routeTable, ref(rt), near)
    s.routeTableOrigin = rt.origin
  }
  const nsgRef = p(props, 'networkSecurityGroup')
  if (nsgRef) {
    s.nsgId = b.resolve(ARM.nsg, ref(nsgRef), near)
    s.nsgOrigin = nsgRef.origin
  }
  const nat = p(props, 'natGateway')
  if (nat) s.natGatewayId = b.resolve(ARM.natGateway, ref(nat), near)
}

const PATCHED = [
  ['routeTable', 'routeTableId'],
  ['networkSecurityGroup', 'nsgId'],
  ['natGateway', 'natGatewayId'],
] as const

/**
 * A patch of a subnet's associations that may not be applied (an azapi_update_resource under a count the
 * scan cannot evaluate): each association it sets is judged with and without it, as a conditional
 * association resource is (src/analysis/conditions.ts); without it, the association the subnet had before
 * (Subnet.associationsOtherwise), if any.
 */
function conditionalPatch(s: Subnet, before: Subnet, props: HclValue | undefined, condition: Unknown): void {
  for (const [property, field] of PATCHED) {
    if (!p(props, property)) continue
    s.associationConditions = { ...s.associationConditions, [field]: condition }
    const otherwise = before[field]
    if (otherwise) s.associationsOtherwise = { ...s.associationsOtherwise, [field]: otherwise }
    else if (s.associationsOtherwise) delete s.associationsOtherwise[field]
  }
}

/** The subnet fields every spelling shares; references are resolved in the link step. */
function subnet(
  ctx: Ctx,
  header: ModelObject,
  props: HclValue | undefined,
  vnetName?: Value<string>,
  location?: Value<string>,
): Subnet {
  const prefix = p(props, 'addressPrefix')
  const prefixes = p(props, 'addressPrefixes')
  const s: Subnet = {
    ...header,
    // Without either (IPAM pool allocations), the prefixes are Azure's choice: unknown, not empty.
    addressPrefixes:
      prefix || prefixes ? oneOrMany(prefix, prefixes) : unknown('addressPrefixes', 'not set', header.origin),
  }
  if (vnetName) s.vnetName = vnetName
  if (location) s.location = location
  const services = nested(p(props, 'delegations')).flatMap((d) => {
    const name = str(p(d, 'properties', 'serviceName'))
    return name?.known ? [name.value] : []
  })
  if (services.length > 0) s.dedicatedTo = `delegated to ${services.join(', ')}`
  const outbound = bool(p(props, 'defaultOutboundAccess'))
  if (outbound) s.defaultOutboundAccess = outbound
  ctx.b.defer(() => subnetReferences(ctx.b, s, props))
  ctx.b.model.subnets.push(s)
  return s
}

/**
 * VNet model id → its `location`, per builder: a standalone subnet takes its VNet's region (Bicep, ARM and
 * the azurerm adapters alike).
 */
const locations = new WeakMap<ModelBuilder, Map<string, Value<string>>>()
export function vnetLocations(b: ModelBuilder): Map<string, Value<string>> {
  let m = locations.get(b)
  if (!m) locations.set(b, (m = new Map()))
  return m
}

function virtualNetwork(ctx: Ctx): void {
  register(ctx, ARM.vnet)
  const vnetName = ctx.header.name
  const rg = ctx.input.resourceGroup?.known ? ctx.input.resourceGroup.value : undefined
  const location = str(attrCI(ctx.input.body, 'location'))
  if (location) vnetLocations(ctx.b).set(ctx.header.id, location)
  // For the overlay: the VNet by name and resource group, whether or not the IaC declares a subnet of it.
  ;(ctx.b.model.vnets ??= []).push({
    id: ctx.header.id,
    name: vnetName,
    ...(ctx.input.resourceGroup ? { resourceGroup: ctx.input.resourceGroup } : {}),
    ...(ctx.input.subscription !== undefined ? { subscription: ctx.input.subscription } : {}),
    origin: ctx.header.origin,
    address: ctx.header.address,
  })
  nested(p(ctx.props, 'subnets')).forEach((item, i) => {
    const s = subnet(ctx, childHeader(ctx, 'subnets', item, i), p(item, 'properties'), vnetName, location)
    s.vnetId = known(ctx.header.id, ctx.header.origin)
    const names = [vnetName.known ? vnetName.value : undefined, s.name.known ? s.name.value : undefined]
    ctx.b.register({
      armType: ARM.subnet,
      id: s.id,
      names,
      resourceGroup: rg,
      ...(ctx.input.subscription !== undefined ? { subscription: ctx.input.subscription } : {}),
    })
  })
  nested(p(ctx.props, 'virtualNetworkPeerings')).forEach((item, i) =>
    armPeering(
      ctx.b,
      childHeader(ctx, 'virtualNetworkPeerings', item, i),
      p(item, 'properties'),
      known(ctx.header.id, ctx.header.origin),
    ),
  )
}

function standaloneSubnet(ctx: Ctx, parent: Value<string> | undefined): void {
  const s = subnet(ctx, ctx.header, ctx.props)
  const reg = ctx.b.register({
    armType: ARM.subnet,
    id: s.id,
    names: [undefined, s.name.known ? s.name.value : undefined],
    resourceGroup: ctx.input.resourceGroup?.known ? ctx.input.resourceGroup.value : undefined,
  })
  // The vnet name comes from the parent, which may be another object of the scan: known only once all are registered.
  ctx.b.deferRegistration(() => {
    const hints = {
      near: s.id,
      ...(ctx.input.resourceGroup ? { resourceGroup: ctx.input.resourceGroup } : {}),
    }
    s.vnetId = vnetRef(ctx.b, parent, hints, 'parent').id
    const vnetId = ctx.b.resolve(ARM.vnet, parent, { resourceGroup: ctx.input.resourceGroup, near: s.id })
    const vnet = vnetId?.known ? ctx.b.registration(vnetId.value) : undefined
    const location = vnetId?.known ? vnetLocations(ctx.b).get(vnetId.value) : undefined
    if (location) s.location = location
    let vnetName: Value<string> | undefined = vnet?.names[0] !== undefined ? known(vnet.names[0]) : undefined
    if (!vnetName && parent?.known) {
      const parts = parent.value.split('/')
      vnetName = known(parts[parts.length - 1], parent.origin)
    }
    if (vnetName?.known) {
      s.vnetName = vnetName
      reg.names[0] = vnetName.value
    } else if (parent) s.vnetName = parent
  })
}

// ---- network security groups -----------------------------------------------------------------------

function nsgRule(
  header: ModelObject,
  props: HclValue | undefined,
  nsgId: string,
  condition?: Unknown,
): NsgRule {
  const need = <T>(v: Value<T> | undefined, what: string): Value<T> =>
    v ?? unknown(what, 'not set', header.origin)
  const r: NsgRule = {
    ...header,
    nsgId,
    priority: need(num(p(props, 'priority')), 'priority'),
    direction: need(str(p(props, 'direction')), 'direction'),
    access: ifDeployed(
      need(str(p(props, 'access')), 'access'),
      condition,
      allows,
      `NSG rule ${header.address}`,
    ),
    protocol: need(str(p(props, 'protocol')), 'protocol'),
    sourceAddressPrefixes: oneOrMany(p(props, 'sourceAddressPrefix'), p(props, 'sourceAddressPrefixes')),
    destinationAddressPrefixes: oneOrMany(
      p(props, 'destinationAddressPrefix'),
      p(props, 'destinationAddressPrefixes'),
    ),
    destinationPortRanges: oneOrMany(p(props, 'destinationPortRange'), p(props, 'destinationPortRanges')),
  }
  const srcAsg = refIds(p(props, 'sourceApplicationSecurityGroups'), (i) => attrCI(i, 'id'))
  if (srcAsg) r.sourceApplicationSecurityGroups = srcAsg
  const dstAsg = refIds(p(props, 'destinationApplicationSecurityGroups'), (i) => attrCI(i, 'id'))
  if (dstAsg) r.destinationApplicationSecurityGroups = dstAsg
  return r
}

function nsg(ctx: Ctx): void {
  const group: NetworkSecurityGroup = { ...ctx.header, rules: [] }
  nested(p(ctx.props, 'securityRules')).forEach((item, i) =>
    group.rules.push(
      nsgRule(
        childHeader(ctx, 'securityRules', item, i),
        p(item, 'properties'),
        group.id,
        ctx.input.condition,
      ),
    ),
  )
  ctx.b.model.nsgs.push(group)
  register(ctx, ARM.nsg)
}

// ---- firewall rules --------------------------------------------------------------------------------

/** Application rule protocols `[{ protocolType: 'Https', port: 443 }]` → `['Https:443']`. */
function appProtocols(list: HclValue | undefined): Value<string[]> {
  if (list === undefined) return known([])
  if (list.kind === 'unknown') return unknown(list.expression, list.reason, list.origin, list.ref)
  const out: string[] = []
  for (const item of items(list)) {
    const t = str(attrCI(item, 'protocolType'))
    const port = str(attrCI(item, 'port'))
    if (t && !t.known) return unknown(render(list), t.reason, list.origin)
    if (port && !port.known) return unknown(render(list), port.reason, list.origin)
    out.push(port ? `${t?.value ?? ''}:${port.value}` : (t?.value ?? ''))
  }
  return known(out, list.origin)
}

function armRule(b: ModelBuilder, header: ModelObject, rule: HclValue, kind: FirewallRuleCollectionKind) {
  const f = (n: string) => attrCI(rule, n)
  const app = kind === 'application'
  return firewallRule(b, header, {
    protocols: app
      ? appProtocols(f('protocols'))
      : (strList(f('ipProtocols') ?? f('protocols')) ?? known<string[]>([])),
    sourceAddresses: f('sourceAddresses'),
    sourceIpGroups: f('sourceIpGroups'),
    destinationAddresses: f('destinationAddresses'),
    destinationIpGroups: f('destinationIpGroups'),
    destinationFqdns: app ? (f('targetFqdns') ?? f('destinationFqdns')) : f('destinationFqdns'),
    destinationPorts: f('destinationPorts'),
    ...(app ? { destinationFqdnTags: f('fqdnTags') } : {}),
  })
}

function rulesOf(
  ctx: Ctx,
  header: ModelObject,
  list: HclValue | undefined,
  kind: FirewallRuleCollectionKind,
) {
  const out: FirewallRule[] = []
  nested(list).forEach((item, i) => {
    const name = str(attrCI(item, 'name')) ?? unknown(`rules[${i}].name`, 'not set', item.origin)
    const key = name.known ? name.value : String(i)
    out.push(
      armRule(ctx.b, { ...header, id: `${header.id}/rules/${key}`, name, origin: item.origin }, item, kind),
    )
  })
  return out
}

const CLASSIC: [string, FirewallRuleCollectionKind][] = [
  ['networkRuleCollections', 'network'],
  ['applicationRuleCollections', 'application'],
  ['natRuleCollections', 'nat'],
]

function classicCollections(ctx: Ctx): FirewallRuleCollection[] {
  const out: FirewallRuleCollection[] = []
  for (const [collection, kind] of CLASSIC)
    nested(p(ctx.props, collection)).forEach((item, i) => {
      const header = childHeader(ctx, collection, item, i)
      const props = p(item, 'properties')
      out.push(
        ruleCollection(
          header,
          kind,
          num(p(props, 'priority')) ?? unknown('priority', 'not set', item.origin),
          str(p(props, 'action', 'type')) ?? unknown('action.type', 'not set', item.origin),
          rulesOf(ctx, header, p(props, 'rules'), kind),
          ctx.input.condition,
        ),
      )
    })
  return out
}

// ---- firewalls and policies ------------------------------------------------------------------------

function firewall(ctx: Ctx): void {
  const { b, header } = ctx
  const ipConfigs = items(p(ctx.props, 'ipConfigurations'))
  const withSubnet = ipConfigs.find((c) => p(c, 'properties', 'subnet') !== undefined)
  const privateIp =
    str(p(ctx.props, 'hubIPAddresses', 'privateIPAddress')) ??
    str(p(ipConfigs[0], 'properties', 'privateIPAddress')) ??
    unknown(
      `${header.address}.properties.ipConfigurations[0].properties.privateIPAddress`,
      'assigned by Azure at deployment',
      ipConfigs[0]?.origin ?? header.origin,
      { resource: header.id, attribute: 'ip_configuration[0].private_ip_address' },
    )
  const fw: AzureFirewall = {
    ...header,
    privateIpAddress: privateIp,
    classicCollections: classicCollections(ctx),
    forcedTunnelling: p(ctx.props, 'managementIpConfiguration') !== undefined,
  }
  const dns = bool(p(ctx.props, 'additionalProperties', 'Network.DNS.EnableProxy'))
  if (dns) fw.dnsProxy = dns
  const sku = str(p(ctx.props, 'sku', 'name'))
  if (sku) fw.sku = sku
  const subnetRef = withSubnet ? p(withSubnet, 'properties', 'subnet') : undefined
  const policyRef = p(ctx.props, 'firewallPolicy')
  const hubRef = p(ctx.props, 'virtualHub')
  b.defer(() => {
    if (hubRef) {
      const id = b.resolve(ARM.virtualHub, str(attrCI(hubRef, 'id')) ?? str(hubRef), { near: fw.id })
      if (id) fw.virtualHubId = id
    }
    if (subnetRef) {
      const id = b.resolve(ARM.subnet, str(attrCI(subnetRef, 'id')) ?? str(subnetRef), { near: fw.id })
      if (id) fw.subnetId = id
    }
    if (policyRef) {
      const id = b.resolve(ARM.firewallPolicy, str(attrCI(policyRef, 'id')) ?? str(policyRef), {
        near: fw.id,
      })
      if (id) fw.policyId = id
    }
  })
  b.model.firewalls.push(fw)
  register(ctx, ARM.firewall)
}

function firewallPolicy(ctx: Ctx): void {
  const policy: FirewallPolicy = { ...ctx.header, ruleCollectionGroups: [] }
  const dns = bool(p(ctx.props, 'dnsSettings', 'enableProxy'))
  if (dns) policy.dnsProxy = dns
  const base = p(ctx.props, 'basePolicy')
  if (base)
    ctx.b.defer(() => {
      const id = ctx.b.resolve(ARM.firewallPolicy, str(attrCI(base, 'id')) ?? str(base), { near: policy.id })
      if (id) policy.basePolicyId = id
    })
  ctx.b.model.firewallPolicies.push(policy)
  register(ctx, ARM.firewallPolicy)
}

/** The kind of a policy rule collection: NAT collections by type, filter collections by their rules' type. */
function policyCollectionKind(collection: HclValue): FirewallRuleCollectionKind {
  const type = str(attrCI(collection, 'ruleCollectionType'))
  if (type?.known && /nat/i.test(type.value)) return 'nat'
  const first = items(attrCI(collection, 'rules'))[0]
  const ruleType = str(attrCI(first, 'ruleType'))
  return ruleType?.known && /application/i.test(ruleType.value) ? 'application' : 'network'
}

function ruleCollectionGroup(ctx: Ctx, policyId: Value<string>): RuleCollectionGroup {
  const collections: FirewallRuleCollection[] = []
  nested(p(ctx.props, 'ruleCollections')).forEach((item, i) => {
    const header = childHeader(ctx, 'ruleCollections', item, i)
    const kind = policyCollectionKind(item)
    collections.push(
      ruleCollection(
        header,
        kind,
        num(attrCI(item, 'priority')) ?? unknown('priority', 'not set', item.origin),
        str(p(item, 'action', 'type')) ?? unknown('action.type', 'not set', item.origin),
        rulesOf(ctx, header, attrCI(item, 'rules'), kind),
        ctx.input.condition,
      ),
    )
  })
  return {
    ...ctx.header,
    policyId,
    priority: num(p(ctx.props, 'priority')) ?? unknown('priority', 'not set', ctx.header.origin),
    collections,
  }
}

// ---- partial updates (azapi_update_resource) -------------------------------------------------------

/**
 * Applies a partial body to an object already in the model (azapi_update_resource): only the properties
 * the body sets change, and they point at the update's code. Subnets and route tables are patched, the
 * objects whose changes decide a KMS path; other types and targets outside the scan are KMS011 notices.
 */
export function patchArmResource(
  b: ModelBuilder,
  input: ArmResourceInput,
  target: Value<string> | undefined,
): void {
  const armType = armTypeOf(input.armType)
  const ctx: Ctx = { b, input, header: headerOf(input, input.name), props: p(input.body, 'properties') }
  const { props } = ctx
  // Deferred twice: the patch must land after the links that set the target's own references.
  b.defer(() =>
    b.defer(() => {
      const id = b.resolve(armType, target, { resourceGroup: input.resourceGroup, near: input.id })
      const subnet = id?.known ? b.model.subnets.find((s) => s.id === id.value) : undefined
      const table = id?.known ? b.model.routeTables.find((t) => t.id === id.value) : undefined
      if (subnet && armType.toLowerCase() === ARM.subnet.toLowerCase()) {
        const prefix = p(props, 'addressPrefix')
        const prefixes = p(props, 'addressPrefixes')
        if (prefix || prefixes) subnet.addressPrefixes = oneOrMany(prefix, prefixes)
        const outbound = bool(p(props, 'defaultOutboundAccess'))
        if (outbound) subnet.defaultOutboundAccess = outbound
        const before = { ...subnet }
        subnetReferences(b, subnet, props)
        if (input.condition) conditionalPatch(subnet, before, props, input.condition)
        return
      }
      if (table && armType.toLowerCase() === ARM.routeTable.toLowerCase()) {
        const disabled = bool(p(props, 'disableBgpRoutePropagation'))
        if (disabled) table.bgpRoutePropagation = not(disabled)
        const routes = p(props, 'routes')
        if (routes)
          table.routes = nested(routes).map((item, i) =>
            route(b, childHeader(ctx, 'routes', item, i), p(item, 'properties'), table.id),
          )
        return
      }
      const why =
        subnet || table || !id?.known
          ? whyUnresolved(id, 'the target')
          : `${armType} updates are not modelled`
      b.unresolved(
        input.origin,
        `${input.address}: the update to ${expressionOf(target) ?? 'its target'} is not applied to the model (${why}).`,
        expressionOf(target),
        input.address,
      )
    }),
  )
}
