/**
 * azurerm_ip_group (`cidrs`) and azurerm_ip_group_cidr (one CIDR added to a group by id). Rules refer to
 * IP groups by id; those references are resolved to these objects by the shared firewall rule builder.
 */
import type { IpGroup } from '../../../model/network'
import { known, unknown } from '../../../model/value'
import { ARM, expressionOf, whyUnresolved } from '../../../model/build'
import { str, strList } from '../../evaluation/value-tree'
import { arg, header, registerResource, type Adapter } from './common'

export const ipGroup: Adapter = (r, b) => {
  const group: IpGroup = Object.assign(header(r), { cidrs: strList(arg(r, 'cidrs')) ?? known([]) })
  b.model.ipGroups.push(group)
  registerResource(b, r, ARM.ipGroup)
}

export const ipGroupCidr: Adapter = (r, b) => {
  const cidr = str(arg(r, 'cidr'))
  b.defer(() => {
    const groupId = b.resolve(ARM.ipGroup, str(arg(r, 'ip_group_id')), { near: r.address })
    const group = groupId?.known ? b.model.ipGroups.find((g) => g.id === groupId.value) : undefined
    if (!group) {
      b.unresolved(
        r.origin,
        `${r.address}: cannot tell which IP group this CIDR is added to (${whyUnresolved(groupId, 'ip_group_id')}).`,
        expressionOf(groupId),
        r.address,
      )
      return
    }
    // One unknown CIDR makes the group's contents unknown, as for any list.
    if (!group.cidrs.known) return
    if (cidr?.known) group.cidrs = known([...group.cidrs.value, cidr.value], group.cidrs.origin)
    else group.cidrs = cidr ?? unknown('cidr', 'not set', r.origin)
  })
}

export const ipGroupAdapters: Record<string, Adapter> = {
  azurerm_ip_group: ipGroup,
  azurerm_ip_group_cidr: ipGroupCidr,
}
