/**
 * azurerm_firewall_policy and azurerm_firewall_policy_rule_collection_group, the group attached to its
 * policy through `firewall_policy_id` in the link step.
 */
import type {
  FirewallPolicy,
  FirewallRuleCollection,
  FirewallRuleCollectionKind,
  RuleCollectionGroup,
} from '../../../model/network'
import { unknown } from '../../../model/value'
import { ARM, expressionOf, whyUnresolved } from '../../../model/build'
import { attr, bool, items, num, str } from '../../evaluation/value-tree'
import { arg, blockHeader, blocks, header, registerResource, type Adapter } from './common'
import { instancesUnknown } from '../../mapping/conditional'
import { collectionOf } from './firewall-rules'

export const firewallPolicy: Adapter = (r, b) => {
  const policy: FirewallPolicy = Object.assign(header(r), { ruleCollectionGroups: [] })
  const dns = bool(attr(items(arg(r, 'dns'))[0], 'proxy_enabled'))
  if (dns) policy.dnsProxy = dns
  const base = str(arg(r, 'base_policy_id'))
  if (base)
    b.defer(() => {
      const id = b.resolve(ARM.firewallPolicy, base, { near: policy.id })
      if (id) policy.basePolicyId = id
    })
  b.model.firewallPolicies.push(policy)
  registerResource(b, r, ARM.firewallPolicy)
}

const NESTED: [string, FirewallRuleCollectionKind][] = [
  ['network_rule_collection', 'network'],
  ['application_rule_collection', 'application'],
  ['nat_rule_collection', 'nat'],
]

export const ruleCollectionGroup: Adapter = (r, b) => {
  const collections: FirewallRuleCollection[] = []
  const condition = instancesUnknown(r)
  for (const [blockType, kind] of NESTED)
    blocks(r, blockType).forEach((block, i) =>
      collections.push(collectionOf(b, blockHeader(r, blockType, block, i), block, kind, condition)),
    )
  const policyRef = str(arg(r, 'firewall_policy_id'))
  const group: RuleCollectionGroup = {
    ...header(r),
    policyId: policyRef ?? unknown('firewall_policy_id', 'not set', r.origin),
    priority: num(arg(r, 'priority')) ?? unknown('priority', 'not set', r.origin),
    collections,
  }
  b.defer(() => {
    const policyId = b.resolve(ARM.firewallPolicy, policyRef, { near: r.address })
    const policy = policyId?.known ? b.model.firewallPolicies.find((p) => p.id === policyId.value) : undefined
    if (policy && policyId) {
      group.policyId = policyId
      return void policy.ruleCollectionGroups.push(group)
    }
    b.unresolved(
      r.origin,
      `${r.address}: cannot tell which firewall policy this rule collection group belongs to (${whyUnresolved(policyId, 'firewall_policy_id')}), so its rules are not considered.`,
      expressionOf(policyId),
      r.address,
    )
  })
}

export const policyAdapters: Record<string, Adapter> = {
  azurerm_firewall_policy: firewallPolicy,
  azurerm_firewall_policy_rule_collection_group: ruleCollectionGroup,
}
