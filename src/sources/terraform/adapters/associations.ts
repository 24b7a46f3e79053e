/**
 * Subnet associations: route table, network security group, NAT gateway. The association's own block is
 * recorded as where the association is written, since that is the code a fix changes.
 */
import type { Condition, DetachedAssociation, Subnet } from '../../../model/network'
import { unknown, type Origin, type Unknown, type Value } from '../../../model/value'
import type { EvaluatedResource } from '../../evaluation/evaluated'
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
      if (subnetId && !subnetId.known && subnetId.candidates) {
        // After every association that names its subnet: on a subnet that has one, this one may replace it.
        const among = subnetId
        b.defer(() => maybeAssociated(b.model.subnets, among, target(), r, what, field, set))
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

/**
 * An association whose subnet is one of several (`subnet_id = azurerm_subnet.this[var.k].id`, Unknown
 * .candidates): each of them is judged with and without it (Condition.which), instead of the association
 * being dropped with a notice while every subnet read reachable. A subnet that already has a conditional
 * association of the same kind cannot be judged both ways on one more: its association is unknown.
 */
function maybeAssociated(
  subnets: readonly Subnet[],
  subnetId: Unknown,
  target: Value<string> | undefined,
  r: EvaluatedResource,
  what: string,
  field: DetachedAssociation['field'],
  set: (s: Subnet, target: Value<string> | undefined, origin: Origin) => void,
): void {
  const ids = subnetId.candidates ?? []
  const named = (id: string) => subnets.find((s) => s.id === id)
  const names = ids.map((id) => {
    const s = named(id)
    return s?.name.known ? s.name.value : id
  })
  const why = subnetId.reason ? ` (${subnetId.reason})` : ''
  for (const id of ids) {
    const s = named(id)
    if (!s || !target) continue
    // Under a count/for_each that does not evaluate (`for_each = var.isolated`, `[each.key]`) it may be
    // several of them: which ones is not known.
    const reason = instancesUnknown(r)
      ? `${r.address} is associated with some of ${ids.length} subnets (${names.join(', ')}) by ${subnetId.expression}, and which ones are not known${why}`
      : `${r.address} is associated with one of ${ids.length} subnets (${names.join(', ')}) by ${subnetId.expression}, and which one is not known${why}`
    if (s.associationConditions?.[field]) {
      s[field] = unknown(
        subnetId.expression,
        `${reason}; this subnet's ${what} association is already conditional`,
        r.origin,
      )
      continue
    }
    const before = s[field]
    set(s, target, r.origin)
    const condition: Condition = {
      ...unknown(subnetId.expression, reason, r.origin),
      key: `${r.address}\u0000${subnetId.expression}`,
      which: 'may be made to another subnet',
    }
    s.associationConditions = { ...s.associationConditions, [field]: condition }
    if (before) s.associationsOtherwise = { ...s.associationsOtherwise, [field]: before }
  }
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
