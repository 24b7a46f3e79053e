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
 */
import type {
  ForeignObjects,
  NetworkInterface,
  NetworkModel,
  NetworkSecurityGroup,
  RouteTable,
  SourceDiagnostic,
  Subnet,
} from '../model/network'
import { type DeployedRef, known, unknown, type Origin, type Value } from '../model/value'
import { vnetKeyOfName, sameVnet } from '../model/vnet'
import { idsOf, layForeignObjects, rehome } from './cross-unit-hubs'

type Field = 'nsgId' | 'routeTableId' | 'natGatewayId'

/** What a unit attaches to a subnet it only reads, as the other units see it: identity only. */
export interface AttachFact {
  unit: string
  from: string
  order: number
  /** Its place among the unit's attachments (attachments()): the second pass asks for it by this. */
  index: number
  vnet: string
  subnet: string
  resourceGroup: string
  subscription?: string
  kind: Field | 'nic'
  /** The attaching resource (an association, a NIC), for messages. */
  address: string
}

/** What the attaching unit hands over for one fact. */
export interface ProvidedAttachment {
  fact: AttachFact
  /** The association's target (prefixed id, or an unknown) and where the association is written. */
  target?: { value: Value<string>; origin: Origin }
  objects: Required<Pick<ForeignObjects, 'nsgs' | 'routeTables' | 'networkInterfaces'>>
}

interface Attachment {
  subnet: DeployedRef
  kind: Field | 'nic'
  address: string
  target?: Value<string>
  origin: Origin
  nic?: NetworkInterface
  /** The association's KMS011 notice saying the subnet is not declared: dropped once a unit declares it. */
  diagnostic?: SourceDiagnostic
}

const SUBNET = 'microsoft.network/virtualnetworks/subnets'

const readSubnet = (v: Value<string> | undefined): DeployedRef | undefined => {
  const d = v && !v.known ? v.deployed : undefined
  return d && d.armType.toLowerCase() === SUBNET && d.names.length === 2 && d.resourceGroup ? d : undefined
}

/** The unit's attachments to subnets it reads, in a fixed order (both passes compute the same list). */
function attachments(model: NetworkModel): Attachment[] {
  const out: Attachment[] = []
  for (const d of model.detachedAssociations ?? [])
    if (d.subnet.resourceGroup && d.subnet.names.length === 2)
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
    resourceGroup: a.subnet.resourceGroup!,
    ...(a.subnet.subscription ? { subscription: a.subnet.subscription.toLowerCase() } : {}),
    kind: a.kind,
    address: a.address,
  }))
}

const vnetKey = (f: AttachFact): string =>
  `${f.subscription ? `/subscriptions/${f.subscription}` : ''}${vnetKeyOfName(f.vnet, f.resourceGroup)}`

/** Other units' attachments to subnets of the VNets a unit declares (surely the same VNet: its key). */
export function attachFactsFor(
  /** The unit's VnetFacts (./cross-unit-vnets.ts): their keys. */
  declared: readonly { key?: string }[],
  from: string,
  all: readonly AttachFact[],
): AttachFact[] {
  return all.filter(
    (a) =>
      a.from !== from &&
      declared.some((f) => f.key !== undefined && sameVnet(known(f.key), known(vnetKey(a))) === true),
  )
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
    // rehome copies what it hands over: the provider's model is left as it was.
    const objects = { nsgs, routeTables, networkInterfaces: nic ? [nic] : [] }
    const prefix = `${fact.unit}#`
    const ids = idsOf([objects])
    const target = a.target && { value: rehome(a.target, ids, prefix), origin: a.origin }
    return [{ fact, ...(target ? { target } : {}), objects: rehome(objects, ids, prefix) }]
  })
}

const same = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase()

/** The declaring unit's subnet an attachment names. */
function subnetOf(model: NetworkModel, f: AttachFact): Subnet | undefined {
  return model.subnets.find(
    (s) =>
      same(s.name.known ? s.name.value : undefined, f.subnet) &&
      same(s.vnetName?.known ? s.vnetName.value : undefined, f.vnet) &&
      (s.resourceGroup === undefined || same(s.resourceGroup, f.resourceGroup)),
  )
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
    if (p.fact.kind === 'nic') continue
    const field = p.fact.kind
    if (!p.target) continue
    // Two units setting the subnet's NSG or route table: Azure keeps the last applied, which no code says.
    const value =
      subnet[field] !== undefined
        ? unknown(
            p.fact.address,
            `${p.fact.unit} (${p.fact.address}) sets it too: whichever is applied last stays`,
            p.target.origin,
          )
        : p.target.value
    subnet[field] = value
    if (field === 'nsgId') subnet.nsgOrigin = p.target.origin
    if (field === 'routeTableId') subnet.routeTableOrigin = p.target.origin
  }
}

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
