/**
 * Subnet associations: route table, network security group, NAT gateway. The association's own block is
 * recorded as where the association is written, since that is the code a fix changes.
 */
import type { DetachedAssociation, Subnet } from '../../../model/network'
import type { Origin, Value } from '../../../model/value'
import { ARM, expressionOf, whyUnresolved } from '../../../model/build'
import { str } from '../../evaluation/value-tree'
import { instancesUnknown } from '../../mapping/conditional'
import { arg, type Adapter } from './common'

function association(
  what: string,
  targetType: string,
  targetArg: string,
  field: DetachedAssociation['field'],
  set: (s: Subnet, target: Value<string> | undefined, origin: Origin) => void,
): Adapter {
  return (r, b) =>
    b.defer(() => {
      const subnetId = b.resolve(ARM.subnet, str(arg(r, 'subnet_id')), { near: r.address })
      const subnet = subnetId?.known ? b.model.subnets.find((s) => s.id === subnetId.value) : undefined
      const target = () => b.resolve(targetType, str(arg(r, targetArg)), { near: r.address })
      if (subnet) {
        set(subnet, target(), r.origin)
        // A later association without a condition replaces an earlier conditional one, and the reverse.
        const condition = instancesUnknown(r)
        const conditions = subnet.associationConditions
        if (condition) subnet.associationConditions = { ...conditions, [field]: condition }
        else if (conditions?.[field]) delete conditions[field]
        return
      }
      b.unresolved(
        r.origin,
        `${r.address}: cannot tell which subnet this ${what} is associated with (${whyUnresolved(subnetId, 'subnet_id')}), so the subnet's path to Windows activation is not checked.`,
        expressionOf(subnetId),
        r.address,
      )
      // A deployed subnet (a data source, an ARM id): the live overlay associates it by Azure identity.
      const deployed = subnetId && !subnetId.known ? subnetId.deployed : undefined
      const value = target()
      if (deployed && value)
        (b.model.detachedAssociations ??= []).push({
          subnet: deployed,
          field,
          target: value,
          origin: r.origin,
          address: r.address,
          diagnostic: b.model.diagnostics[b.model.diagnostics.length - 1]!,
        })
    })
}

export const associationAdapters: Record<string, Adapter> = {
  azurerm_subnet_route_table_association: association(
    'route table',
    ARM.routeTable,
    'route_table_id',
    'routeTableId',
    (s, id, origin) => {
      s.routeTableId = id
      s.routeTableOrigin = origin
    },
  ),
  azurerm_subnet_network_security_group_association: association(
    'network security group',
    ARM.nsg,
    'network_security_group_id',
    'nsgId',
    (s, id, origin) => {
      s.nsgId = id
      s.nsgOrigin = origin
    },
  ),
  azurerm_subnet_nat_gateway_association: association(
    'NAT gateway',
    ARM.natGateway,
    'nat_gateway_id',
    'natGatewayId',
    (s, id) => {
      s.natGatewayId = id
    },
  ),
}
