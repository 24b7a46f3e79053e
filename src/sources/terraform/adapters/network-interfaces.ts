/**
 * azurerm_network_interface and azurerm_network_interface_security_group_association: a VM's NIC with an
 * NSG of its own filters the VM's KMS traffic before the subnet's NSG does (model NetworkInterface). The
 * association is where the NSG is set, so it is what a fix changes.
 */
import type { NetworkInterface } from '../../../model/network'
import { unknown, type Value } from '../../../model/value'
import { ARM, expressionOf, whyUnresolved } from '../../../model/build'
import { attr, str } from '../../evaluation/value-tree'
import { arg, blocks, header, registerResource, type Adapter } from './common'

const networkInterface: Adapter = (r, b) => {
  const nic: NetworkInterface = Object.assign(header(r), { subnetIds: [] as Value<string>[] })
  ;(b.model.networkInterfaces ??= []).push(nic)
  registerResource(b, r, ARM.networkInterface)
  b.defer(() => {
    blocks(r, 'ip_configuration').forEach((c, i) => {
      const id = b.resolve(ARM.subnet, str(attr(c, 'subnet_id')), { near: r.address })
      nic.subnetIds.push(id ?? unknown(`ip_configuration[${i}].subnet_id`, 'not set', c.origin))
    })
  })
}

const nsgAssociation: Adapter = (r, b) =>
  b.defer(() => {
    const nicId = b.resolve(ARM.networkInterface, str(arg(r, 'network_interface_id')), { near: r.address })
    const nic = nicId?.known ? b.model.networkInterfaces?.find((n) => n.id === nicId.value) : undefined
    const nsgId = b.resolve(ARM.nsg, str(arg(r, 'network_security_group_id')), { near: r.address })
    if (nic) {
      nic.nsgId = nsgId ?? unknown('network_security_group_id', 'not set', r.origin)
      nic.nsgOrigin = r.origin
      return
    }
    b.unresolved(
      r.origin,
      `${r.address}: cannot tell which network interface this network security group is associated with ` +
        `(${whyUnresolved(nicId, 'network_interface_id')}), so whether it lets the VM's KMS traffic out is not checked.`,
      expressionOf(nicId),
      r.address,
    )
  })

export const networkInterfaceAdapters: Record<string, Adapter> = {
  azurerm_network_interface: networkInterface,
  azurerm_network_interface_security_group_association: nsgAssociation,
}
