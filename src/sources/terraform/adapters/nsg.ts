/**
 * azurerm_network_security_group (inline `security_rule` blocks) and azurerm_network_security_rule
 * (a rule added to a group by name). Singular and plural prefix/port arguments merge into one list.
 */
import type { ModelObject, NsgRule } from '../../../model/network'
import { unknown, type Unknown, type Value } from '../../../model/value'
import { allows, ifDeployed, instancesUnknown } from '../../mapping/conditional'
import { ARM, expressionOf, whyUnresolved } from '../../../model/build'
import { attr, num, oneOrMany, refIds, str } from '../../evaluation/value-tree'
import type { HclValue } from '../../evaluation/evaluated'
import { arg, blockHeader, blocks, header, hintsOf, registerResource, type Adapter } from './common'

/** A rule's required argument; absent reads as unknown. */
function need<T>(v: Value<T> | undefined, name: string, of: HclValue): Value<T> {
  return v ?? unknown(name, 'not set', of.origin)
}

/** A rule from its block; `h` is a fresh header (header(), blockHeader()), completed in place (see common.ts). */
function rule(h: ModelObject, nsgId: string, of: HclValue, condition?: Unknown): NsgRule {
  // Field by field, in the order Object.assign(h, {...}) gave them, without its temporary object (a
  // generic copy, per rule).
  const r = h as NsgRule
  r.nsgId = nsgId
  r.priority = need(num(attr(of, 'priority')), 'priority', of)
  r.direction = need(str(attr(of, 'direction')), 'direction', of)
  r.access = ifDeployed(
    need(str(attr(of, 'access')), 'access', of),
    condition,
    allows,
    `NSG rule ${h.address}`,
  )
  r.protocol = need(str(attr(of, 'protocol')), 'protocol', of)
  r.sourceAddressPrefixes = oneOrMany(attr(of, 'source_address_prefix'), attr(of, 'source_address_prefixes'))
  r.destinationAddressPrefixes = oneOrMany(
    attr(of, 'destination_address_prefix'),
    attr(of, 'destination_address_prefixes'),
  )
  r.destinationPortRanges = oneOrMany(attr(of, 'destination_port_range'), attr(of, 'destination_port_ranges'))
  const src = refIds(attr(of, 'source_application_security_group_ids'))
  if (src) r.sourceApplicationSecurityGroups = src
  const dst = refIds(attr(of, 'destination_application_security_group_ids'))
  if (dst) r.destinationApplicationSecurityGroups = dst
  return r
}

export const networkSecurityGroup: Adapter = (r, b) => {
  const nsg = Object.assign(header(r), { rules: [] as NsgRule[] })
  const condition = instancesUnknown(r)
  blocks(r, 'security_rule').forEach((block, i) =>
    nsg.rules.push(rule(blockHeader(r, 'security_rule', block, i), nsg.id, block, condition)),
  )
  b.model.nsgs.push(nsg)
  registerResource(b, r, ARM.nsg)
}

export const networkSecurityRule: Adapter = (r, b) => {
  const nsgName = str(arg(r, 'network_security_group_name'))
  b.defer(() => {
    const nsgId = b.resolve(ARM.nsg, nsgName, hintsOf(r))
    const nsg = nsgId?.known ? b.model.nsgs.find((n) => n.id === nsgId.value) : undefined
    if (nsg) return void nsg.rules.push(rule(header(r), nsg.id, r.body, instancesUnknown(r)))
    b.unresolved(
      r.origin,
      `${r.address}: cannot tell which network security group this rule is added to (${whyUnresolved(nsgId, 'network_security_group_name')}), so its effect on Windows activation is not checked.`,
      expressionOf(nsgId),
      r.address,
    )
  })
}

export const nsgAdapters: Record<string, Adapter> = {
  azurerm_network_security_group: networkSecurityGroup,
  azurerm_network_security_rule: networkSecurityRule,
}
