/**
 * Microsoft.Network/networkInterfaces (Bicep, ARM, live): a VM's NIC with an NSG of its own filters the
 * VM's KMS traffic before the subnet's NSG does (model NetworkInterface). Only the subnets of its IP
 * configurations and its NSG matter.
 */
import type { ModelObject, NetworkInterface } from '../../model/network'
import { unknown, type Value } from '../../model/value'
import { ARM, type ModelBuilder } from '../../model/build'
import type { HclValue } from '../evaluation/evaluated'
import { attrCI, items, str } from '../evaluation/value-tree'

export const NETWORK_INTERFACE_TYPES = [ARM.networkInterface]

const prop = (obj: HclValue | undefined, ...names: string[]): HclValue | undefined =>
  names.reduce<HclValue | undefined>((cur, n) => attrCI(cur, n), obj)

/** An `{ id: … }` reference or a plain id string. */
const idOf = (v: HclValue): Value<string> | undefined => str(attrCI(v, 'id')) ?? str(v)

/** Adds a network interface; false when the type is not one. */
export function addNetworkInterfaceResource(input: {
  b: ModelBuilder
  type: string
  header: ModelObject
  props: HclValue | undefined
}): boolean {
  const { b, header, props } = input
  if (input.type.toLowerCase() !== ARM.networkInterface.toLowerCase()) return false
  const nic: NetworkInterface = Object.assign(header, { subnetIds: [] as Value<string>[] })
  ;(b.model.networkInterfaces ??= []).push(nic)
  b.register({
    armType: ARM.networkInterface,
    id: header.id,
    names: [header.name.known ? header.name.value : undefined],
    resourceGroup: header.resourceGroup,
    ...(header.subscription !== undefined ? { subscription: header.subscription } : {}),
  })
  const configs = prop(props, 'ipConfigurations')
  const near = { near: header.id }
  b.defer(() => {
    // A configuration list that cannot be evaluated gives one subnet that cannot be told.
    const list = configs?.kind === 'unknown' ? [configs] : items(configs)
    list.forEach((c, i) => {
      const ref = prop(c, 'properties', 'subnet')
      const id = ref ? b.resolve(ARM.subnet, idOf(ref), near) : undefined
      nic.subnetIds.push(id ?? unknown(`ipConfigurations[${i}].properties.subnet.id`, 'not set', c.origin))
    })
    // `null` (an optional NSG left out, as AVM's NIC module writes it) is no NSG, as on a subnet.
    const nsg = prop(props, 'networkSecurityGroup')
    const nsgId = nsg && nsg.kind !== 'null' ? b.resolve(ARM.nsg, idOf(nsg), near) : undefined
    if (nsgId) {
      nic.nsgId = nsgId
      nic.nsgOrigin = nsg!.origin
    }
  })
  return true
}
