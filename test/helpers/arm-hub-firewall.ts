/**
 * ARM templates of a hub firewall and a spoke sent to it, as `bicep build` writes them
 * (test/verdict/conditional-firewall.test.ts, conditional-routes.test.ts): vnet-hub with its
 * AzureFirewallSubnet, firewall policy afwp-hub whose rule collection group rcg-platform holds `rules`, Azure
 * Firewall afw-hub (behind a `condition` if given), and vnet-spoke/snet-app using route table rt-app. Each
 * test adds the route table and routes it is about.
 */

/** `[resourceId('type', 'name', …)]`. */
export const armRid = (type: string, ...names: string[]): string =>
  `[resourceId('${type}', ${names.map((n) => `'${n}'`).join(', ')})]`

/** The network rule allowing TCP 1688 from the spokes (10.0.0.0/8) to `kms`. */
export const armKmsRule = (kms: string[]) => ({
  ruleType: 'NetworkRule',
  name: 'azure-kms',
  ipProtocols: ['TCP'],
  sourceAddresses: ['10.0.0.0/8'],
  destinationAddresses: kms,
  destinationPorts: ['1688'],
})

/** The hub: vnet-hub, afwp-hub with `rules` in rcg-platform's `platform` collection, and afw-hub. */
export const armHubFirewall = (opts: { rules: object[]; firewallCondition?: string }): object[] => [
  {
    type: 'Microsoft.Network/virtualNetworks',
    apiVersion: '2023-09-01',
    name: 'vnet-hub',
    location: "[parameters('location')]",
    properties: {
      addressSpace: { addressPrefixes: ['10.0.0.0/16'] },
      subnets: [{ name: 'AzureFirewallSubnet', properties: { addressPrefix: '10.0.1.0/26' } }],
    },
  },
  {
    type: 'Microsoft.Network/firewallPolicies',
    apiVersion: '2023-09-01',
    name: 'afwp-hub',
    location: "[parameters('location')]",
    properties: {},
  },
  {
    type: 'Microsoft.Network/firewallPolicies/ruleCollectionGroups',
    apiVersion: '2023-09-01',
    name: 'afwp-hub/rcg-platform',
    properties: {
      priority: 100,
      ruleCollections: [
        {
          ruleCollectionType: 'FirewallPolicyFilterRuleCollection',
          name: 'platform',
          priority: 100,
          action: { type: 'Allow' },
          rules: opts.rules,
        },
      ],
    },
  },
  {
    ...(opts.firewallCondition ? { condition: opts.firewallCondition } : {}),
    type: 'Microsoft.Network/azureFirewalls',
    apiVersion: '2023-09-01',
    name: 'afw-hub',
    location: "[parameters('location')]",
    properties: {
      sku: { name: 'AZFW_VNet', tier: 'Standard' },
      firewallPolicy: { id: armRid('Microsoft.Network/firewallPolicies', 'afwp-hub') },
      ipConfigurations: [
        {
          name: 'ipconfig',
          properties: {
            subnet: {
              id: armRid('Microsoft.Network/virtualNetworks/subnets', 'vnet-hub', 'AzureFirewallSubnet'),
            },
          },
        },
      ],
    },
  },
]

/** afw-hub's private address, as a route's next hop reads it. */
export const ARM_FIREWALL_IP =
  "[reference(resourceId('Microsoft.Network/azureFirewalls', 'afw-hub'), '2023-09-01').ipConfigurations[0].privateIPAddress]"

/** The spoke: vnet-spoke (10.1.0.0/16) with snet-app (10.1.1.0/24) using rt-app. */
export const ARM_SPOKE_APP = {
  type: 'Microsoft.Network/virtualNetworks',
  apiVersion: '2023-09-01',
  name: 'vnet-spoke',
  location: "[parameters('location')]",
  properties: {
    addressSpace: { addressPrefixes: ['10.1.0.0/16'] },
    subnets: [
      {
        name: 'snet-app',
        properties: {
          addressPrefix: '10.1.1.0/24',
          routeTable: { id: armRid('Microsoft.Network/routeTables', 'rt-app') },
        },
      },
    ],
  },
}
