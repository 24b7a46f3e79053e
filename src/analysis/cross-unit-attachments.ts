/**
 * NSGs, route tables, NAT gateways and VM NICs one unit attaches to subnets another unit declares. The
 * platform team's root module declares the spoke's subnets; an application's root module reads one
 * (`data "azurerm_subnet"`, Bicep `existing`) and associates its own NSG or route table with it
 * (azurerm_subnet_network_security_group_association, _route_table_association, _nat_gateway_association),
 * or builds its Windows VM's NIC there with an NSG of its own. Judged alone, the declaring unit sees a
 * subnet without them ("reachable") and the attaching unit a subnet it cannot judge (a KMS011 notice). Here:
 *
 * - what a unit attaches (attachFacts): by the subnet's Azure identity (VNet, subnet, resource group,
 *   subscription where said) and what it attaches, identity only;
 * - which declaring unit it reaches (attachFactsFor): the unit declaring that VNet (sure key match);
 * - in the second pass the attaching unit hands over the objects (provideAttachments, ids prefixed by the
 *   unit) and the declaring unit lays them on its subnet (layAttachments): the NSG or route table becomes the
 *   subnet's, the NIC joins its VMs' NICs (src/analysis/nic-nsgs.ts), looked up through NetworkModel.foreign.
 *   A subnet both units give a route table or NSG gets an unknown one: Azure keeps whichever was applied last.
 * - a subnet a Bicep/ARM unit redeclares as a child resource of a VNet it does not declare (a day-2
 *   deployment's PUT of the whole subnet, kind `subnet`) is handed over whole: what it sets the declaring
 *   unit does not, the subnet takes (as an association above); where the two disagree (a route table or NSG
 *   each, one the child drops), which unit is applied last decides, which no code says. There, and where the
 *   child is under a condition the scan cannot evaluate, or may be another subnet (same VNet and subnet
 *   names, a resource group not known on one side: the identity is only partly known), the child becomes a
 *   redeclaration of the declaring unit's subnet (Subnet.redeclarations, ./redeclarations.ts): the subnet is
 *   judged with and without it, the verdict stands where both agree, else it is undecided, naming the child,
 *   its unit and what would resolve it.
 */
import type {
  Condition,
  ForeignObjects,
  NetworkInterface,
  NetworkModel,
  NetworkSecurityGroup,
  RouteTable,
  SourceDiagnostic,
  Subnet,
  SubnetRedeclaration,
} from '../model/network'
import { type DeployedRef, known, unknown, type Origin, type Value } from '../model/value'
import { vnetKeyOfName, sameVnet } from '../model/vnet'
import { readSubnet } from './azure-identity'
import { idsOf, layForeignObjects, rehome } from './cross-unit-hubs'

type Field = 'nsgId' | 'routeTableId' | 'natGatewayId'

/** What a whole-subnet redeclaration carries over (SubnetRedeclaration without its condition). */
type Declaration = Omit<SubnetRedeclaration, 'condition'>

/** What a unit attaches to a subnet it only reads, as the other units see it: identity only. */
export interface AttachFact {
  unit: string
  from: string
  order: number
  /** Its place among the unit's attachments (attachments()): the second pass asks for it by this. */
  index: number
  vnet: string
  subnet: string
  /** undefined only for kind `subnet`: a child deployed to a resource group its unit does not name. */
  resourceGroup?: string
  subscription?: string
  kind: Field | 'nic' | 'subnet'
  /** The attaching resource (an association, a NIC, a redeclared subnet), for messages. */
  address: string
}

/** What the attaching unit hands over for one fact. */
export interface ProvidedAttachment {
  fact: AttachFact
  /** The association's target (prefixed id, or an unknown) and where the association is written. */
  target?: { value: Value<string>; origin: Origin }
  objects: Required<Pick<ForeignObjects, 'nsgs' | 'routeTables' | 'networkInterfaces'>>
  /** Kind `subnet`: the child's declaration (ids prefixed) and its condition, if it has one. */
  declaration?: Declaration
  condition?: Condition
}

interface Attachment {
  subnet: DeployedRef
  kind: Field | 'nic' | 'subnet'
  address: string
  target?: Value<string>
  origin: Origin
  nic?: NetworkInterface
  /** The association's KMS011 notice saying the subnet is not declared: dropped once a unit declares it. */
  diagnostic?: SourceDiagnostic
  /** Kind `subnet`: the child subnet as this unit declares it. */
  child?: Subnet
}

const SUBNET = 'microsoft.network/virtualnetworks/subnets'

/**
 * The subnets a Bicep/ARM unit declares as child resources of VNets it does not declare (a day-2 PUT of the
 * whole subnet, src/sources/mapping/foreign-subnets.ts): handed over whole, whatever their resource group.
 */
function foreignChildren(model: NetworkModel): { child: Subnet; subnet: DeployedRef }[] {
  const declared = new Set((model.vnets ?? []).map((v) => v.id))
  return model.subnets.flatMap((c) => {
    if (c.sourceType.toLowerCase() !== SUBNET || c.format === 'live') return []
    if ((c.vnetId?.known && declared.has(c.vnetId.value)) || !c.vnetName?.known || !c.name.known) return []
    const subnet: DeployedRef = {
      armType: 'Microsoft.Network/virtualNetworks/subnets',
      names: [c.vnetName.value, c.name.value],
      ...(c.resourceGroup ? { resourceGroup: c.resourceGroup } : {}),
      ...(c.subscription ? { subscription: c.subscription } : {}),
    }
    // Several conditional children of the subnet in this unit (`if (tunnel)` / `if (!tunnel)`), folded into
    // one with the others as its redeclarations (src/sources/mapping/subnet-redeclarations.ts): each is
    // handed over, with its own condition, so the declaring unit judges the subnet with each.
    return [c, ...(c.redeclarations ?? []).map((r) => childAs(c, r))].map((child) => ({ child, subnet }))
  })
}

/** The child subnet `c` as its conditional redeclaration `r` (another child of it in the same unit) declares it. */
function childAs(c: Subnet, r: SubnetRedeclaration): Subnet {
  const s: Subnet = { ...c, address: r.address, origin: r.origin, addressPrefixes: r.addressPrefixes }
  delete s.redeclarations
  for (const f of [
    'routeTableId',
    'routeTableOrigin',
    'nsgId',
    'nsgOrigin',
    'natGatewayId',
    'defaultOutboundAccess',
  ] as const) {
    if (r[f] === undefined) delete s[f]
    else (s as unknown as Record<string, unknown>)[f] = r[f]
  }
  s.condition = r.condition
  return s
}

/** The unit's attachments to subnets it reads, in a fixed order (both passes compute the same list). */
function attachments(model: NetworkModel): Attachment[] {
  const out: Attachment[] = []
  const children = foreignChildren(model)
  // A child's associations go with the whole child (kind `subnet` below), not one by one.
  const byChild = new Set(children.map((c) => c.child.address))
  for (const d of model.detachedAssociations ?? [])
    if (d.subnet.names.length === 2 && !byChild.has(d.address))
      out.push({
        subnet: d.subnet,
        kind: d.field,
        address: d.address,
        target: d.target,
        origin: d.origin,
        diagnostic: d.diagnostic,
      })
  for (const nic of model.networkInterfaces ?? []) {
    if (!nic.nsgId) continue
    for (const s of nic.subnetIds) {
      const d = readSubnet(s)
      if (d) out.push({ subnet: d, kind: 'nic', address: nic.address, origin: nic.origin, nic })
    }
  }
  // A module the unit does not evaluate, given the subnet by ARM id: it may attach either.
  for (const g of model.subnetsGivenToModules ?? [])
    for (const [kind, what] of [
      ['routeTableId', 'a route table'],
      ['nsgId', 'a network security group'],
    ] as const)
      out.push({
        subnet: g.subnet,
        kind,
        address: g.module,
        target: unknown(g.module, `${g.why}: it may attach ${what} to it`, g.origin),
        origin: g.origin,
      })
  for (const { child, subnet } of children)
    out.push({ subnet, kind: 'subnet', address: child.address, origin: child.origin, child })
  return out
}

/** What the unit attaches to subnets it only reads. */
export function attachFacts(
  model: NetworkModel,
  unit: { name: string; from: string; order: number },
): AttachFact[] {
  return attachments(model).map((a, index) => ({
    unit: unit.name,
    from: unit.from,
    order: unit.order,
    index,
    vnet: a.subnet.names[0]!,
    subnet: a.subnet.names[1]!,
    ...(a.subnet.resourceGroup ? { resourceGroup: a.subnet.resourceGroup } : {}),
    ...(a.subnet.subscription ? { subscription: a.subnet.subscription.toLowerCase() } : {}),
    kind: a.kind,
    address: a.address,
  }))
}

const vnetKey = (f: AttachFact): string | undefined =>
  f.resourceGroup === undefined
    ? undefined
    : `${f.subscription ? `/subscriptions/${f.subscription}` : ''}${vnetKeyOfName(f.vnet, f.resourceGroup)}`

/** Whether an attachment is surely to the VNet of this key, or (`maybe`) could be: same name, a resource group not known on one side. */
function reaches(a: AttachFact, f: { key?: string; name?: string }): 'sure' | 'maybe' | undefined {
  const key = vnetKey(a)
  const same = f.key !== undefined && key !== undefined ? sameVnet(known(f.key), known(key)) : 'unknown'
  if (same === true) return 'sure'
  // A subnet or an association is handed over on a maybe: judged with and without it, never taken as sure.
  if (a.kind === 'nic' || same !== 'unknown' || f.name === undefined) return undefined
  return f.name.toLowerCase() === a.vnet.toLowerCase() ? 'maybe' : undefined
}

/**
 * Other units' attachments to subnets of the VNets a unit declares (surely the same VNet: its key), and the
 * subnets they redeclare where it may be the same VNet.
 */
export function attachFactsFor(
  /** The unit's VnetFacts (./cross-unit-vnets.ts): their keys and names. */
  declared: readonly { key?: string; name?: string }[],
  from: string,
  all: readonly AttachFact[],
): AttachFact[] {
  return all.filter((a) => a.from !== from && declared.some((f) => reaches(a, f) !== undefined))
}

/** The attaching unit's side of the second pass: the objects of the attachments asked for, ids prefixed. */
export function provideAttachments(model: NetworkModel, asked: readonly AttachFact[]): ProvidedAttachment[] {
  const list = attachments(model)
  return asked.flatMap((fact) => {
    const a = list[fact.index]
    if (!a) return []
    const nsgs: NetworkSecurityGroup[] = []
    const routeTables: RouteTable[] = []
    const nic = a.nic
    const byId = (v: Value<string> | undefined) => {
      if (!v?.known) return
      const nsg = model.nsgs.find((n) => n.id === v.value)
      if (nsg) nsgs.push(nsg)
      const table = model.routeTables.find((t) => t.id === v.value)
      if (table) routeTables.push(table)
    }
    byId(a.target)
    byId(nic?.nsgId)
    byId(a.child?.routeTableId)
    byId(a.child?.nsgId)
    // rehome copies what it hands over: the provider's model is left as it was.
    const objects = { nsgs, routeTables, networkInterfaces: nic ? [nic] : [] }
    const prefix = `${fact.unit}#`
    const ids = idsOf([objects])
    const target = a.target && { value: rehome(a.target, ids, prefix), origin: a.origin }
    const c = a.child
    const declaration: Declaration | undefined = c && {
      address: `${c.address} (${fact.unit})`,
      origin: c.origin,
      addressPrefixes: c.addressPrefixes,
      ...(c.routeTableId ? { routeTableId: rehome(c.routeTableId, ids, prefix) } : {}),
      ...(c.routeTableOrigin ? { routeTableOrigin: c.routeTableOrigin } : {}),
      ...(c.nsgId ? { nsgId: rehome(c.nsgId, ids, prefix) } : {}),
      ...(c.nsgOrigin ? { nsgOrigin: c.nsgOrigin } : {}),
      ...(c.natGatewayId ? { natGatewayId: c.natGatewayId } : {}),
      ...(c.defaultOutboundAccess ? { defaultOutboundAccess: c.defaultOutboundAccess } : {}),
    }
    return [
      {
        fact,
        ...(target ? { target } : {}),
        objects: rehome(objects, ids, prefix),
        ...(declaration ? { declaration } : {}),
        ...(c?.condition ? { condition: c.condition } : {}),
      },
    ]
  })
}

const same = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase()

/** The declaring unit's subnet an attachment names (where a resource group is not known on one side, by names). */
function subnetOf(model: NetworkModel, f: AttachFact): Subnet | undefined {
  return model.subnets.find(
    (s) =>
      s.format !== 'live' &&
      same(s.name.known ? s.name.value : undefined, f.subnet) &&
      same(s.vnetName?.known ? s.vnetName.value : undefined, f.vnet) &&
      (s.resourceGroup === undefined ||
        f.resourceGroup === undefined ||
        same(s.resourceGroup, f.resourceGroup)),
  )
}

const DECLARED = ['routeTableId', 'nsgId', 'natGatewayId'] as const
const ORIGIN = { routeTableId: 'routeTableOrigin', nsgId: 'nsgOrigin', natGatewayId: undefined } as const

/** Whether two settings of a subnet are the same as written (both none, or the same known value). */
const sameSetting = <T>(a: Value<T> | undefined, b: Value<T> | undefined): boolean =>
  a === undefined || b === undefined
    ? a === b
    : a.known && b.known && JSON.stringify(a.value) === JSON.stringify(b.value)

/**
 * Lays another unit's redeclaration of `subnet` (kind `subnet`). Surely the same subnet and deployed
 * whenever its unit is: what only it sets, the subnet takes; what both set otherwise, or it drops, is
 * decided by the unit applied last, so it becomes a redeclaration under that (unknown) order. Under a
 * condition the scan cannot evaluate, or where it may be another subnet: a redeclaration under that.
 */
function layRedeclaration(subnet: Subnet, p: ProvidedAttachment): void {
  const d = p.declaration
  if (!d) return
  const f = p.fact
  const sure = f.resourceGroup !== undefined && subnet.resourceGroup !== undefined
  let condition: Condition | undefined
  const key = `${f.from}\u0000${f.address}`
  if (!sure)
    condition = maybeSame(
      f,
      subnet,
      `redeclares ${f.vnet}/${f.subnet}`,
      d.origin,
      p.condition ? `; it is deployed only where ${p.condition.expression} holds` : '',
    )
  else if (p.condition) {
    // Its own condition: objects of its unit under the same one come and go with it.
    ;(subnet.redeclarations ??= []).push({ ...d, condition: p.condition })
    return
  } else {
    // Differs: an association both set to different objects, or default outbound access both say otherwise.
    // Then either whole subnet may be the one applied last, so this unit's stays as it declares it.
    const differs =
      DECLARED.some((field) => subnet[field] !== undefined && !sameSetting(subnet[field], d[field])) ||
      (subnet.defaultOutboundAccess !== undefined &&
        !sameSetting(subnet.defaultOutboundAccess, d.defaultOutboundAccess))
    if (!differs) {
      // Only the child sets them: what it adds is taken over.
      for (const field of DECLARED) {
        if (subnet[field] !== undefined || d[field] === undefined) continue
        subnet[field] = d[field]
        const o = ORIGIN[field]
        if (o && d[o]) subnet[o] = d[o]
      }
      return
    }
    condition = unknown(
      `${f.address} in ${f.unit}`,
      `${f.unit} redeclares this subnet (${f.address}, a PUT of the whole subnet) with other associations than this unit gives it (${describe(subnet)} here; ${describe(d)} there): whichever of the two is applied last stays, which the code does not say; make one unit own the subnet's associations`,
      d.origin,
    )
  }
  ;(subnet.redeclarations ??= []).push({ ...d, condition: { ...condition, key } })
}

/**
 * The condition a handover may not apply under: the subnet it names may be another of the same names (a
 * resource group not known on one side). `does`: what the other unit does to it, in words.
 */
function maybeSame(f: AttachFact, subnet: Subnet, does: string, origin: Origin, more = ''): Condition {
  const side =
    f.resourceGroup === undefined && subnet.resourceGroup === undefined ? 'either side' : 'one side'
  return {
    ...unknown(
      `${f.address} in ${f.unit}`,
      `${f.unit} ${does} (${f.address}), which may be this subnet or another of the same names: the resource group is not known on ${side}; state it in both units or scan with \`live: true\`${more}`,
      origin,
    ),
    key: `${f.from}\u0000${f.address}`,
    // Which subnet it is for is the unknown, not whether it is deployed (conditions.ts words it so).
    which: 'may be for another subnet',
  }
}

const WHAT: Record<Field, string> = {
  routeTableId: 'route table',
  nsgId: 'network security group',
  natGatewayId: 'NAT gateway',
}

/**
 * Lays an association another unit makes to a subnet that may be this one (its resource group not known
 * there): the subnet as declared, with the association, becomes a redeclaration under that doubt, so it is
 * judged with and without it.
 */
function layMaybeAssociation(subnet: Subnet, p: ProvidedAttachment, field: Field): void {
  if (!p.target) return
  const f = p.fact
  const d: Declaration = {
    address: `${f.address} (${f.unit})`,
    origin: p.target.origin,
    addressPrefixes: subnet.addressPrefixes,
  }
  for (const k of DECLARED) if (subnet[k]) d[k] = subnet[k]
  if (subnet.routeTableOrigin) d.routeTableOrigin = subnet.routeTableOrigin
  if (subnet.nsgOrigin) d.nsgOrigin = subnet.nsgOrigin
  if (subnet.defaultOutboundAccess) d.defaultOutboundAccess = subnet.defaultOutboundAccess
  d[field] = named(p.target.value, f.unit)
  const o = ORIGIN[field]
  if (o) d[o] = p.target.origin
  const condition = maybeSame(f, subnet, `sets the ${WHAT[field]} of ${f.vnet}/${f.subnet}`, p.target.origin)
  ;(subnet.redeclarations ??= []).push({ ...d, condition })
}

/** A subnet's associations in words, for messages. */
const describe = (s: Pick<Subnet, 'routeTableId' | 'nsgId'>): string => {
  const one = (v: Value<string> | undefined, what: string) =>
    v === undefined
      ? `no ${what}`
      : `${what} ${v.known ? (v.value.split('#').at(-1) ?? v.value) : v.expression}`
  return `${one(s.routeTableId, 'route table')}, ${one(s.nsgId, 'NSG')}`
}

/** Lays other units' attachments on the subnets of this unit they name. */
export function layAttachments(model: NetworkModel, provided: readonly ProvidedAttachment[]): void {
  for (const p of provided) {
    const subnet = subnetOf(model, p.fact)
    if (!subnet) continue
    // A NIC is laid once per subnet it is in here (its id says which), in that subnet only.
    const networkInterfaces = p.objects.networkInterfaces.map((nic) => ({
      ...nic,
      id: `${nic.id}@${subnet.id}`,
      subnetIds: [known(subnet.id, nic.origin)],
    }))
    layForeignObjects(model, {
      firewalls: [],
      firewallPolicies: [],
      ipGroups: [],
      nsgs: p.objects.nsgs,
      routeTables: p.objects.routeTables,
      networkInterfaces,
    })
    if (p.fact.kind === 'subnet') layRedeclaration(subnet, p)
    if (p.fact.kind === 'nic' || p.fact.kind === 'subnet') continue
    const field = p.fact.kind
    if (!p.target) continue
    if (p.fact.resourceGroup === undefined) {
      layMaybeAssociation(subnet, p, field)
      continue
    }
    // Two units setting the subnet's NSG or route table: Azure keeps the last applied, which no code says.
    const value =
      subnet[field] !== undefined
        ? unknown(
            p.fact.address,
            `${p.fact.unit} (${p.fact.address}) sets it too: whichever is applied last stays`,
            p.target.origin,
          )
        : named(p.target.value, p.fact.unit)
    subnet[field] = value
    if (field === 'nsgId') subnet.nsgOrigin = p.target.origin
    if (field === 'routeTableId') subnet.routeTableOrigin = p.target.origin
  }
}

/** An unknown another unit hands over, saying which unit it is in. */
const named = (v: Value<string>, unit: string): Value<string> =>
  v.known || v.reason === undefined ? v : { ...v, reason: `${v.reason} (in ${unit})` }

/**
 * The attaching unit judged again: the notices of its associations that said the subnet is not in the
 * scanned sources go for those another unit declares (`indexes`: AttachFact.index), as they were laid there.
 */
export function settleAttachmentNotices(model: NetworkModel, indexes: readonly number[]): void {
  if (indexes.length === 0) return
  const list = attachments(model)
  const settled = new Set(indexes.flatMap((i) => list[i]?.diagnostic ?? []))
  model.diagnostics = model.diagnostics.filter((d) => !settled.has(d))
}
