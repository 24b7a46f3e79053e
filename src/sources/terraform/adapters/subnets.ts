/**
 * azurerm_subnet and azurerm_virtual_network (with inline `subnet` blocks, whose v4 spelling may carry
 * `route_table_id` and `security_group` directly). Subnets register under their virtual network's name,
 * which is how ARM ids and names refer to them.
 */
import type { ModelObject, Subnet } from '../../../model/network'
import { known, unknown, type Value } from '../../../model/value'
import { ARM, type ModelBuilder, type Registration } from '../../../model/build'
import { attr, bool, items, knownStr, oneOrMany, str } from '../../evaluation/value-tree'
import type { HclValue } from '../../evaluation/evaluated'
import {
  arg,
  blockHeader,
  blocks,
  header,
  hintsOf,
  knownName,
  registerResource,
  type Adapter,
} from './common'
import { vnetRef } from '../../mapping/arm-gateways'
import { vnetLocations } from '../../mapping/arm-shapes'

function addressPrefixes(of: HclValue): Value<string[]> {
  const single = attr(of, 'address_prefix')
  const many = attr(of, 'address_prefixes')
  if (single === undefined && many === undefined) return unknown('address_prefixes', 'not set', of.origin)
  return oneOrMany(single, many)
}

function subnet(
  b: ModelBuilder,
  h: ModelObject,
  of: HclValue,
  vnetName: Value<string> | undefined,
  resourceGroup: Value<string> | undefined,
): Subnet {
  const s: Subnet = Object.assign(h, { addressPrefixes: addressPrefixes(of) })
  if (vnetName) s.vnetName = vnetName
  const delegations = items(attr(of, 'delegation'))
  if (delegations.length > 0) {
    const services = delegations.flatMap((d) =>
      items(attr(d, 'service_delegation')).flatMap((sd) => {
        const name = str(attr(sd, 'name'))
        return name?.known ? [name.value] : []
      }),
    )
    s.dedicatedTo = `delegated to ${services.length > 0 ? services.join(', ') : 'a service'}`
  }
  const outbound = bool(attr(of, 'default_outbound_access_enabled'))
  if (outbound) s.defaultOutboundAccess = outbound
  b.model.subnets.push(s)
  const reg: Registration = {
    armType: ARM.subnet,
    id: s.id,
    names: [knownName(vnetName), knownName(s.name)],
    resourceGroup: knownName(resourceGroup),
  }
  if (s.subscription !== undefined) reg.subscription = s.subscription
  b.register(reg)
  return s
}

export const standaloneSubnet: Adapter = (r, b) => {
  const vnet = str(arg(r, 'virtual_network_name'))
  const s = subnet(b, header(r), r.body, vnet, str(arg(r, 'resource_group_name')))
  // Its VNet by Azure identity (name and resource group), before the links that read it (gateways).
  b.deferRegistration(() => {
    s.vnetId = vnetRef(b, vnet, hintsOf(r), 'virtual_network_name').id
    // The VNet's region (Virtual Network Manager commits are per region), when the scan declares the VNet.
    const location = s.vnetId.known ? vnetLocations(b).get(s.vnetId.value) : undefined
    if (location) s.location = location
  })
}

/** Inline subnets of a virtual network; their route table / NSG are written on the block itself. */
export const virtualNetwork: Adapter = (r, b) => {
  registerResource(b, r, ARM.vnet)
  const vnetName = str(arg(r, 'name'))
  const rg = str(arg(r, 'resource_group_name'))
  const location = str(arg(r, 'location'))
  if (location) vnetLocations(b).set(r.address, location)
  // For the overlay: the VNet by name and resource group, whether or not the IaC declares a subnet of it.
  ;(b.model.vnets ??= []).push({
    id: r.address,
    name: vnetName ?? unknown('name', 'not set', r.origin),
    ...(rg ? { resourceGroup: rg } : {}),
    ...(r.subscription !== undefined ? { subscription: r.subscription } : {}),
    origin: r.origin,
    address: r.address,
  })
  blocks(r, 'subnet').forEach((block, i) => {
    const s = subnet(b, blockHeader(r, 'subnet', block, i), block, vnetName, rg)
    s.vnetId = known(r.address, r.origin)
    if (location) s.location = location
    const rt = attr(block, 'route_table_id')
    const nsg = attr(block, 'security_group')
    b.defer(() => {
      if (rt) {
        s.routeTableId = b.resolve(ARM.routeTable, str(rt), { near: s.id })
        s.routeTableOrigin = rt.origin
      }
      if (nsg) {
        s.nsgId = b.resolve(ARM.nsg, str(nsg), { near: s.id })
        s.nsgOrigin = nsg.origin
      }
    })
  })
}

/** A subnet's id written against the vnet (`azurerm_virtual_network.hub.subnet.*.id`) names only the vnet. */
export function subnetOfVnet(
  b: ModelBuilder,
  vnetId: string,
  subnetName: string,
  near: string,
): Value<string> | undefined {
  const vnet = b.registration(vnetId)
  if (!vnet || vnet.armType !== ARM.vnet.toLowerCase() || vnet.names[0] === undefined) return undefined
  const id = b.resolve(ARM.subnet, known(subnetName), { parent: known(vnet.names[0]), near })
  return id?.known ? id : undefined
}

/** An Application Gateway's subnet holds nothing else (Azure requires it dedicated): no VM to judge there. */
const applicationGateway: Adapter = (r, b) => {
  const name = knownStr(arg(r, 'name')) ?? r.address
  for (const config of blocks(r, 'gateway_ip_configuration')) {
    const ref = str(attr(config, 'subnet_id'))
    b.defer(() => {
      const id = b.resolve(ARM.subnet, ref, { near: r.address })
      const subnet = id?.known ? b.model.subnets.find((s) => s.id === id.value) : undefined
      if (subnet) subnet.dedicatedTo = `used by Application Gateway ${name}`
    })
  }
}

export const subnetAdapters: Record<string, Adapter> = {
  azurerm_subnet: standaloneSubnet,
  azurerm_virtual_network: virtualNetwork,
  azurerm_application_gateway: applicationGateway,
}
