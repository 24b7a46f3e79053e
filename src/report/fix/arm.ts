/** Fix text as ARM JSON: the fragment to paste into the template (routes, rules, properties). */
import { KMS_PORT } from '../../kms/catalogue'
import { isNsgRule, isPolicy, type FixChange } from '../../rules/fix-change'
import { json, nsgAllowPriority, priorityBefore, routeName } from './common'

/** The firewall network rule collection allowing KMS, as ARM data (policy or classic shape). */
export function firewallCollection(policy: boolean, addresses: string[], priority: number): object {
  if (policy)
    return {
      ruleCollectionType: 'FirewallPolicyFilterRuleCollection',
      name: 'allow-azure-kms',
      priority,
      action: { type: 'Allow' },
      rules: [
        {
          ruleType: 'NetworkRule',
          name: 'azure-kms',
          ipProtocols: ['TCP'],
          sourceAddresses: ['*'],
          destinationAddresses: addresses,
          destinationPorts: [String(KMS_PORT)],
        },
      ],
    }
  return {
    name: 'allow-azure-kms',
    properties: {
      priority,
      action: { type: 'Allow' },
      rules: [
        {
          name: 'azure-kms',
          protocols: ['TCP'],
          sourceAddresses: ['*'],
          destinationAddresses: addresses,
          destinationPorts: [String(KMS_PORT)],
        },
      ],
    },
  }
}

/** The NSG rule allowing KMS, as ARM data. */
export function nsgAllowRule(addresses: string[], priority: number): object {
  return {
    name: 'allow-azure-kms',
    properties: {
      priority,
      direction: 'Outbound',
      access: 'Allow',
      protocol: 'Tcp',
      sourcePortRange: '*',
      destinationPortRange: String(KMS_PORT),
      sourceAddressPrefix: '*',
      destinationAddressPrefixes: addresses,
    },
  }
}

export function renderArm(change: FixChange): string {
  switch (change.kind) {
    case 'add-routes':
      return change.addresses
        .map((a) =>
          json({ name: routeName(a), properties: { addressPrefix: `${a}/32`, nextHopType: 'Internet' } }),
        )
        .join(',\n')
    case 'allow-kms-firewall':
      return json(
        firewallCollection(change.policy !== undefined, change.addresses, priorityBefore(change.before, 100)),
      )
    case 'allow-kms-nsg':
      return json(nsgAllowRule(change.addresses, nsgAllowPriority(change.deny).priority))
    case 'add-outbound':
      return json({ natGateway: { id: "[resourceId('Microsoft.Network/natGateways', '<name>')]" } })
    case 'enable-dns-proxy':
      return isPolicy(change.target)
        ? json({ dnsSettings: { enableProxy: true } })
        : json({ additionalProperties: { 'Network.DNS.EnableProxy': 'true' } })
    case 'set-destinations':
      return `"${isNsgRule(change.rule) ? 'destinationAddressPrefixes' : 'destinationAddresses'}": ${JSON.stringify(change.addresses)}`
  }
}
