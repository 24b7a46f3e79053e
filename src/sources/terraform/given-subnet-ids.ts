/**
 * Subnet ids in a value handed to a module the scan does not evaluate, where the id is built rather than
 * read from the subnet (which keeps its ref, module-instance.ts carriedRefs): an ARM id written out
 * (`/subscriptions/…/virtualNetworks/vnet-spoke/subnets/snet-app`), or one rebuilt from the VNet's id
 * (`"${azurerm_virtual_network.spoke.id}/subnets/snet-app"`, whose pieces a string template keeps when the
 * VNet id is known only at apply). A part known only at plan (the subnet's name from a variable) leaves
 * that part open: every subnet it can be.
 */
import type { GivenSubnetId, OpaqueModule } from '../evaluation/evaluated'
import type { NetworkModel } from '../../model/network'
import type { Val } from './values'

/** `…/virtualNetworks/<vnet>/subnets/<subnet>` with what precedes it; \uffff stands for an unknown piece. */
const ARM_SUBNET =
  /(?:\/subscriptions\/([^/\uffff]*)\/resourceGroups\/([^/\uffff]*)\/providers\/)?Microsoft\.Network\/virtualNetworks\/([^/]*)\/subnets\/([^/]*)$/i

/** A known piece of an id, or undefined when an unknown piece is in it. */
const whole = (text: string | undefined): string | undefined =>
  text === undefined || text === '' || text.includes('\uffff') ? undefined : text

function fromText(text: string, out: GivenSubnetId[]): void {
  const m = ARM_SUBNET.exec(text.trim())
  if (!m) return
  const vnetName = whole(m[3])
  // A VNet known only at apply could be any: that is a module given "some subnet", not one we can narrow.
  if (vnetName === undefined) return
  const id: GivenSubnetId = { vnetName }
  const subscription = whole(m[1])
  const resourceGroup = whole(m[2])
  const subnet = whole(m[4])
  if (subscription !== undefined) id.subscription = subscription.toLowerCase()
  if (resourceGroup !== undefined) id.resourceGroup = resourceGroup
  if (subnet !== undefined) id.subnet = subnet
  out.push(id)
}

/** Pieces of a built string: `${vnet.id}` followed by `/subnets/<name>`, or an ARM id with unknown parts. */
function fromPieces(parts: readonly (string | Val)[], out: GivenSubnetId[]): void {
  const text = parts
    .map((p) => (typeof p === 'string' ? p : p.kind === 'string' ? p.value : '\uffff'))
    .join('')
  for (const [i, p] of parts.entries()) {
    if (typeof p === 'string' || p.kind !== 'unknown' || !p.ref || p.ref.attribute !== 'id') continue
    if (!/(^|\.)azurerm_virtual_network\.[^.]+$/.test(p.ref.resource.replace(/\[[^\]]*\]$/, ''))) continue
    const rest = parts
      .slice(i + 1)
      .map((q) => (typeof q === 'string' ? q : q.kind === 'string' ? q.value : '\uffff'))
      .join('')
    const m = /^\/subnets\/([^/]*)$/i.exec(rest)
    if (!m) continue
    const subnet = whole(m[1])
    out.push(subnet !== undefined ? { vnet: p.ref.resource, subnet } : { vnet: p.ref.resource })
    return
  }
  fromText(text, out)
}

/** The subnet ids `v` holds anywhere (lists, objects, built strings). */
export function givenSubnetIds(v: Val, out: GivenSubnetId[]): void {
  switch (v.kind) {
    case 'string':
      if (v.value.includes('/subnets/')) fromText(v.value, out)
      return
    case 'unknown':
      if (v.parts) fromPieces(v.parts, out)
      return
    case 'list':
      for (const i of v.items) givenSubnetIds(i, out)
      return
    case 'object':
      for (const k in v.attrs) givenSubnetIds(v.attrs[k]!, out)
      return
    default:
      return
  }
}

/**
 * The subnets of VNets the unit does not declare that its unevaluated modules are given by a whole ARM id
 * (VNet, subnet and resource group known): another unit may declare them (NetworkModel
 * .subnetsGivenToModules); the module's KMS011 notice names it here, the declaring unit's subnet is
 * undecided there.
 */
export function subnetsGivenToModules(model: NetworkModel, opaque: readonly OpaqueModule[]): void {
  const declared = (model.vnets ?? []).flatMap((v) => (v.name.known ? [v.name.value.toLowerCase()] : []))
  for (const m of opaque)
    for (const id of m.subnetIds ?? []) {
      const { vnetName, subnet, resourceGroup } = id
      if (vnetName === undefined || subnet === undefined || resourceGroup === undefined) continue
      // A VNet of the unit's own: its subnets are judged here (src/sources/terraform/adapt.ts).
      if (declared.includes(vnetName.toLowerCase())) continue
      ;(model.subnetsGivenToModules ??= []).push({
        subnet: {
          armType: 'Microsoft.Network/virtualNetworks/subnets',
          names: [vnetName, subnet],
          resourceGroup,
          ...(id.subscription ? { subscription: id.subscription } : {}),
        },
        module: m.module,
        origin: m.origin,
        why: `${m.module}${m.source ? ` (source "${m.source}")` : ''} is not evaluated (${m.why.replace(/ \(.*\)$/, '')}) and is given this subnet`,
      })
    }
}
