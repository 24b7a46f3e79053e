/**
 * Classic rule collections (azurerm_firewall_network/application/nat_rule_collection), attached to their
 * firewall by `azure_firewall_name` (+ resource group) in the link step.
 */
import type { FirewallRuleCollectionKind } from '../../../model/network'
import { ARM, expressionOf, whyUnresolved } from '../../../model/build'
import { str } from '../../evaluation/value-tree'
import { arg, header, hintsOf, type Adapter } from './common'
import { instancesUnknown } from '../../mapping/conditional'
import { collectionOf } from './firewall-rules'

function classic(kind: FirewallRuleCollectionKind): Adapter {
  return (r, b) => {
    const collection = collectionOf(b, header(r), r.body, kind, instancesUnknown(r))
    const firewallName = str(arg(r, 'azure_firewall_name'))
    b.defer(() => {
      const fwId = b.resolve(ARM.firewall, firewallName, hintsOf(r))
      const fw = fwId?.known ? b.model.firewalls.find((f) => f.id === fwId.value) : undefined
      if (fw) return void fw.classicCollections.push(collection)
      b.unresolved(
        r.origin,
        `${r.address}: cannot tell which firewall this rule collection belongs to (${whyUnresolved(fwId, 'azure_firewall_name')}), so its rules are not considered.`,
        expressionOf(fwId),
        r.address,
      )
    })
  }
}

export const classicCollectionAdapters: Record<string, Adapter> = {
  azurerm_firewall_network_rule_collection: classic('network'),
  azurerm_firewall_application_rule_collection: classic('application'),
  azurerm_firewall_nat_rule_collection: classic('nat'),
}
