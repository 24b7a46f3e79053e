/** The deployed estate the live-read tests serve: a hub with a firewall and policy, a spoke, and paging. */
import {
  armFirewall,
  armFirewallPolicy,
  armIpGroup,
  armNatGateway,
  armNsg,
  armRouteTable,
  armRuleCollectionGroup,
  armVnet,
  netId,
  type ArmInventory,
} from '../../helpers/arm-inventory'

export const SUB_A = 'aaaaaaaa-0000-0000-0000-000000000001'
export const SUB_DENIED = 'bbbbbbbb-0000-0000-0000-000000000002'
export const SUB_MISSING = 'cccccccc-0000-0000-0000-000000000003'
export const SUB_OTHER = 'dddddddd-0000-0000-0000-000000000004'

// Mixed case on purpose: ARM returns ids as they were created.
export const RT_SPOKE = netId(SUB_A, 'RG-Spoke', 'routeTables', 'rt-Spoke')
export const RT_ELSEWHERE = netId(SUB_OTHER, 'rg-x', 'routeTables', 'rt-elsewhere')
export const NSG_SPOKE = netId(SUB_A, 'RG-Spoke', 'networkSecurityGroups', 'nsg-spoke')
export const NAT = netId(SUB_A, 'RG-Spoke', 'natGateways', 'nat-spoke')
export const POLICY = netId(SUB_A, 'rg-hub', 'firewallPolicies', 'fwp-hub')
export const IPG = netId(SUB_A, 'rg-hub', 'ipGroups', 'ipg-kms')
export const FW = netId(SUB_A, 'rg-hub', 'azureFirewalls', 'fw-hub')
export const FW_SUBNET = `${netId(SUB_A, 'rg-hub', 'virtualNetworks', 'vnet-hub')}/subnets/AzureFirewallSubnet`
export const WORKLOAD = `${netId(SUB_A, 'RG-Spoke', 'virtualNetworks', 'vnet-spoke')}/subnets/workload`
export const STRAY = `${netId(SUB_A, 'RG-Spoke', 'virtualNetworks', 'vnet-spoke')}/subnets/stray`

export function liveInventory(extraTables = 4): ArmInventory {
  const a = [
    armRouteTable(SUB_A, 'RG-Spoke', 'rt-Spoke', [
      {
        name: 'default',
        addressPrefix: '0.0.0.0/0',
        nextHopType: 'VirtualAppliance',
        nextHopIpAddress: '10.0.1.4',
      },
      { name: 'kms', addressPrefix: '20.118.99.224/32', nextHopType: 'Internet' },
    ]),
    // Filler tables so the route table listing spans several pages.
    ...Array.from({ length: extraTables }, (_, i) =>
      armRouteTable(SUB_A, 'rg-filler', `rt-filler-${i}`, [], i % 2 === 0),
    ),
    armNsg(SUB_A, 'RG-Spoke', 'nsg-spoke', [
      {
        name: 'allow-kms',
        priority: 100,
        direction: 'Outbound',
        access: 'Allow',
        protocol: 'Tcp',
        destinationAddressPrefixes: ['20.118.99.224', '40.83.235.53'],
        destinationPortRange: '1688',
      },
    ]),
    armNatGateway(SUB_A, 'RG-Spoke', 'nat-spoke'),
    armVnet(SUB_A, 'RG-Spoke', 'vnet-spoke', '10.1.0.0/16', [
      {
        name: 'workload',
        prefix: '10.1.1.0/24',
        routeTableId: RT_SPOKE,
        nsgId: NSG_SPOKE,
        natGatewayId: NAT,
        defaultOutboundAccess: false,
      },
      { name: 'stray', prefix: '10.1.2.0/24', routeTableId: RT_ELSEWHERE },
    ]),
    armVnet(SUB_A, 'rg-hub', 'vnet-hub', '10.0.0.0/16', [
      { name: 'AzureFirewallSubnet', prefix: '10.0.1.0/26' },
    ]),
    armFirewall(SUB_A, 'rg-hub', 'fw-hub', {
      privateIp: '10.0.1.4',
      subnetId: FW_SUBNET,
      policyId: POLICY,
      dnsProxy: true,
      forcedTunnelling: true,
      networkRuleCollections: [
        {
          name: 'classic-kms',
          priority: 200,
          action: 'Allow',
          rules: [
            {
              name: 'kms',
              protocols: ['TCP'],
              destinationAddresses: ['20.118.99.224'],
              destinationPorts: ['1688'],
            },
          ],
        },
      ],
    }),
    armFirewallPolicy(SUB_A, 'rg-hub', 'fwp-hub', { dnsProxy: true, groupNames: ['kms', 'web'] }),
    armRuleCollectionGroup(POLICY, 'kms', 100, [
      {
        name: 'allow-kms',
        priority: 110,
        action: 'Allow',
        network: [
          { name: 'kms', ipProtocols: ['TCP'], destinationIpGroups: [IPG], destinationPorts: ['1688'] },
        ],
      },
    ]),
    armRuleCollectionGroup(POLICY, 'web', 300, [
      {
        name: 'allow-web',
        priority: 300,
        action: 'Allow',
        application: [
          {
            name: 'windows-update',
            protocols: [{ protocolType: 'Https', port: 443 }],
            targetFqdns: ['*.update.microsoft.com'],
          },
        ],
      },
    ]),
    armIpGroup(SUB_A, 'rg-hub', 'ipg-kms', ['20.118.99.224/32', '40.83.235.53/32']),
  ]
  return { subscriptions: { [SUB_A]: a, [SUB_DENIED]: [] } }
}
