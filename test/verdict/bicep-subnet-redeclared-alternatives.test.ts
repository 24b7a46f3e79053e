/**
 * One subnet redeclared by two child resources behind conditions the scan cannot evaluate, usually opposite
 * ones (`if (forceTunnel)` with the forced-tunnel route table, `if (!forceTunnel)` with a direct one). Which
 * declaration the subnet ends with is not known: it is judged with each (Subnet.redeclarations,
 * src/analysis/redeclarations.ts), the verdict stands where they agree, else it is undecided, naming the
 * condition; not the worse of the declarations, a guess.
 */
import { bicepRouteTable as table, judgeOneSubnet } from '../helpers/bicep-subnets'

const judge = async (files: Record<string, string>) =>
  (await judgeOneSubnet(files, 'kms-redeclared-twice-')).v

const child = (symbol: string, condition: string, rt: string) => `
resource ${symbol} 'Microsoft.Network/virtualNetworks/subnets@2023-09-01' = if (${condition}) {
  parent: vnetSpoke
  name: 'snet-app'
  properties: {
    addressPrefix: '10.1.1.0/24'
    routeTable: { id: ${rt}.id }
  }
}
`

/** vnet-spoke (snet-app inline when `inline`), snet-app redeclared `if (forceTunnel)` and `if (!forceTunnel)`. */
const bicep = (
  param: string,
  opts: { inline?: boolean; directHop?: 'Internet' | 'VirtualNetworkGateway' } = {},
) => ({
  'main.bicep': `param location string = 'westeurope'
${param}
${table('forced', 'VirtualNetworkGateway')}${table('direct', opts.directHop ?? 'Internet')}
resource vnetSpoke 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-spoke'
  location: location
  properties: {
    addressSpace: { addressPrefixes: ['10.1.0.0/16'] }
    subnets: [${
      opts.inline === false
        ? ''
        : `
      {
        name: 'snet-app'
        properties: { addressPrefix: '10.1.1.0/24' }
      }
    `
    }]
  }
}
${child('snetAppForced', 'forceTunnel', 'forced')}${child('snetAppDirect', '!forceTunnel', 'direct')}`,
})

describe('Bicep: snet-app redeclared `if (forceTunnel)` (forced tunnel) and `if (!forceTunnel)` (direct)', () => {
  test('forceTunnel cannot be evaluated: undecided, naming the redeclaration, its condition and both ways', async () => {
    const v = await judge(bicep('param forceTunnel bool'))
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(
      /the redeclaration snetAppForced of .*snet-app may not be deployed: its condition forceTunnel cannot be evaluated .*; if it is, it is blocked \(.*rt-forced.*\); if not, KMS traffic reaches Azure KMS \(.*rt-direct/,
    )
  })

  test('the same without the inline declaration (the VNet lists no subnets): undecided', async () => {
    const v = await judge(bicep('param forceTunnel bool', { inline: false }))
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(/forceTunnel/)
  })

  test('both declarations agree (both forced): the verdict stands, blocked', async () => {
    const v = await judge(bicep('param forceTunnel bool', { directHop: 'VirtualNetworkGateway' }))
    expect(v.state).toBe('blocked')
  })

  test('independent conditions (`if (forceTunnel)`, `if (tunnelAgain)`), both forced: undecided, the inline declaration (no route table) stands where neither is deployed', async () => {
    const files = bicep('param forceTunnel bool\nparam tunnelAgain bool', {
      directHop: 'VirtualNetworkGateway',
    })
    files['main.bicep'] = files['main.bicep'].replace('if (!forceTunnel)', 'if (tunnelAgain)')
    const v = await judge(files)
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(
      /if not, .*tunnelAgain.*if not, KMS traffic reaches Azure KMS \(.*system route 0\.0\.0\.0\/0 → Internet/,
    )
  })

  test('control: forceTunnel is known (default true): blocked; (default false): reachable', async () => {
    expect((await judge(bicep('param forceTunnel bool = true'))).state).toBe('blocked')
    expect((await judge(bicep('param forceTunnel bool = false'))).state).toBe('reachable')
  })
})

describe('ARM: snet-app redeclared with `condition` forceTunnel and not(forceTunnel)', () => {
  const route = (name: string, hop: string) => ({
    type: 'Microsoft.Network/routeTables',
    apiVersion: '2023-09-01',
    name,
    location: "[parameters('location')]",
    properties: {
      disableBgpRoutePropagation: true,
      routes: [{ name: 'default', properties: { addressPrefix: '0.0.0.0/0', nextHopType: hop } }],
    },
  })
  const subnet = (condition: string, rt: string) => ({
    condition,
    type: 'Microsoft.Network/virtualNetworks/subnets',
    apiVersion: '2023-09-01',
    name: 'vnet-spoke/snet-app',
    dependsOn: [
      "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke')]",
      `[resourceId('Microsoft.Network/routeTables', '${rt}')]`,
    ],
    properties: {
      addressPrefix: '10.1.1.0/24',
      routeTable: { id: `[resourceId('Microsoft.Network/routeTables', '${rt}')]` },
    },
  })
  const template = JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { location: { type: 'string', defaultValue: 'westeurope' }, forceTunnel: { type: 'bool' } },
      resources: [
        route('rt-forced', 'VirtualNetworkGateway'),
        route('rt-direct', 'Internet'),
        {
          type: 'Microsoft.Network/virtualNetworks',
          apiVersion: '2023-09-01',
          name: 'vnet-spoke',
          location: "[parameters('location')]",
          properties: {
            addressSpace: { addressPrefixes: ['10.1.0.0/16'] },
            subnets: [{ name: 'snet-app', properties: { addressPrefix: '10.1.1.0/24' } }],
          },
        },
        subnet("[parameters('forceTunnel')]", 'rt-forced'),
        subnet("[not(parameters('forceTunnel'))]", 'rt-direct'),
      ],
    },
    null,
    2,
  )

  test('undecided, naming the condition', async () => {
    const v = await judge({ 'azuredeploy.json': template })
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(
      /may not be deployed: its condition .*forceTunnel.*; if it is, it is blocked .*; if not, KMS traffic reaches/,
    )
  })
})

describe('ARM: a forced-tunnelling firewall whose AzureFirewallSubnet is inline and redeclared with its route table, named by resourceId()', () => {
  const rt = (name: string, route: Record<string, string>) => ({
    type: 'Microsoft.Network/routeTables',
    apiVersion: '2023-09-01',
    name,
    location: "[parameters('location')]",
    properties: { disableBgpRoutePropagation: true, routes: [{ name: 'default', properties: route }] },
  })
  const subnetId = (name: string) =>
    `[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-hub', '${name}')]`
  const template = (firewallEgress: 'Internet' | 'VirtualNetworkGateway') =>
    JSON.stringify(
      {
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        contentVersion: '1.0.0.0',
        parameters: { location: { type: 'string', defaultValue: 'westeurope' } },
        resources: [
          rt('rt-firewall', { addressPrefix: '0.0.0.0/0', nextHopType: firewallEgress }),
          rt('rt-app', {
            addressPrefix: '0.0.0.0/0',
            nextHopType: 'VirtualAppliance',
            nextHopIpAddress: '10.0.1.4',
          }),
          {
            type: 'Microsoft.Network/virtualNetworks',
            apiVersion: '2023-09-01',
            name: 'vnet-hub',
            location: "[parameters('location')]",
            properties: {
              addressSpace: { addressPrefixes: ['10.0.0.0/16'] },
              subnets: [
                { name: 'AzureFirewallSubnet', properties: { addressPrefix: '10.0.1.0/26' } },
                { name: 'AzureFirewallManagementSubnet', properties: { addressPrefix: '10.0.2.0/26' } },
                {
                  name: 'snet-app',
                  properties: {
                    addressPrefix: '10.0.3.0/24',
                    routeTable: { id: "[resourceId('Microsoft.Network/routeTables', 'rt-app')]" },
                  },
                },
              ],
            },
          },
          {
            // The forced-tunnelling route table is given to the firewall subnet after the VNet exists.
            type: 'Microsoft.Network/virtualNetworks/subnets',
            apiVersion: '2023-09-01',
            name: 'vnet-hub/AzureFirewallSubnet',
            dependsOn: ["[resourceId('Microsoft.Network/virtualNetworks', 'vnet-hub')]"],
            properties: {
              addressPrefix: '10.0.1.0/26',
              routeTable: { id: "[resourceId('Microsoft.Network/routeTables', 'rt-firewall')]" },
            },
          },
          {
            type: 'Microsoft.Network/firewallPolicies',
            apiVersion: '2023-09-01',
            name: 'fwp-hub',
            location: "[parameters('location')]",
            properties: {},
          },
          {
            type: 'Microsoft.Network/firewallPolicies/ruleCollectionGroups',
            apiVersion: '2023-09-01',
            name: 'fwp-hub/kms',
            dependsOn: ["[resourceId('Microsoft.Network/firewallPolicies', 'fwp-hub')]"],
            properties: {
              priority: 100,
              ruleCollections: [
                {
                  ruleCollectionType: 'FirewallPolicyFilterRuleCollection',
                  name: 'allow-kms',
                  priority: 100,
                  action: { type: 'Allow' },
                  rules: [
                    {
                      ruleType: 'NetworkRule',
                      name: 'kms',
                      ipProtocols: ['TCP'],
                      sourceAddresses: ['*'],
                      destinationAddresses: ['20.118.99.224', '40.83.235.53'],
                      destinationPorts: ['1688'],
                    },
                  ],
                },
              ],
            },
          },
          {
            type: 'Microsoft.Network/azureFirewalls',
            apiVersion: '2023-09-01',
            name: 'fw-hub',
            location: "[parameters('location')]",
            properties: {
              sku: { name: 'AZFW_VNet', tier: 'Standard' },
              firewallPolicy: { id: "[resourceId('Microsoft.Network/firewallPolicies', 'fwp-hub')]" },
              ipConfigurations: [
                { name: 'ipconfig', properties: { subnet: { id: subnetId('AzureFirewallSubnet') } } },
              ],
              managementIpConfiguration: {
                name: 'mgmt',
                properties: { subnet: { id: subnetId('AzureFirewallManagementSubnet') } },
              },
            },
          },
        ],
      },
      null,
      2,
    )

  test('the firewall subnet is the kept declaration: its route table to the gateway decides, blocked', async () => {
    const v = await judge({ 'azuredeploy.json': template('VirtualNetworkGateway') })
    expect(v.state).toBe('blocked')
    expect(v.path).toMatch(
      /fw-hub: rule kms \(Allow\) → AzureFirewallSubnet → rt-firewall: 0\.0\.0\.0\/0 → VirtualNetworkGateway/,
    )
  })

  test('the same with the firewall subnet routed to the Internet: reachable', async () => {
    const v = await judge({ 'azuredeploy.json': template('Internet') })
    expect(v.state).toBe('reachable')
  })

  test('a VM NIC in snet-app (inline and redeclared with its route table), named by resourceId(): its NSG denying Internet outbound blocks', async () => {
    const t = JSON.parse(template('Internet')) as { resources: Record<string, unknown>[] }
    const vnet = t.resources.find((r) => r.name === 'vnet-hub') as {
      properties: { subnets: { name: string; properties: Record<string, unknown> }[] }
    }
    // snet-app inline without its route table; the child gives it rt-app (0.0.0.0/0 to the firewall).
    delete vnet.properties.subnets.find((s) => s.name === 'snet-app')!.properties.routeTable
    t.resources.push(
      {
        type: 'Microsoft.Network/virtualNetworks/subnets',
        apiVersion: '2023-09-01',
        name: 'vnet-hub/snet-app',
        dependsOn: [
          "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-hub', 'AzureFirewallSubnet')]",
        ],
        properties: {
          addressPrefix: '10.0.3.0/24',
          routeTable: { id: "[resourceId('Microsoft.Network/routeTables', 'rt-app')]" },
        },
      },
      {
        type: 'Microsoft.Network/networkSecurityGroups',
        apiVersion: '2023-09-01',
        name: 'nsg-vm',
        location: "[parameters('location')]",
        properties: {
          securityRules: [
            {
              name: 'deny-internet-out',
              properties: {
                priority: 4000,
                direction: 'Outbound',
                access: 'Deny',
                protocol: '*',
                sourceAddressPrefix: '*',
                sourcePortRange: '*',
                destinationAddressPrefix: 'Internet',
                destinationPortRange: '*',
              },
            },
          ],
        },
      },
      {
        type: 'Microsoft.Network/networkInterfaces',
        apiVersion: '2023-09-01',
        name: 'nic-vm-app-01',
        location: "[parameters('location')]",
        properties: {
          networkSecurityGroup: { id: "[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-vm')]" },
          ipConfigurations: [
            {
              name: 'ipconfig1',
              properties: { privateIPAllocationMethod: 'Dynamic', subnet: { id: subnetId('snet-app') } },
            },
          ],
        },
      },
    )
    const v = await judge({ 'azuredeploy.json': JSON.stringify(t, null, 2) })
    expect(v.state).toBe('blocked')
    expect(v.path).toMatch(/rt-app: 0\.0\.0\.0\/0 → VirtualAppliance/)
  })
})

describe('Bicep across modules: snet-app inline in the Azure Verified Module VNet, redeclared by a local module `if (directEgress)`', () => {
  const files = (param: string) => ({
    'main.bicep': `param location string = 'westeurope'
${param}
${table('tunnel', 'VirtualNetworkGateway')}${table('direct', 'Internet')}
module vnetSpoke 'br/public:avm/res/network/virtual-network:0.5.1' = {
  name: 'vnet-spoke'
  params: {
    name: 'vnet-spoke'
    location: location
    addressPrefixes: ['10.1.0.0/16']
    subnets: [
      {
        name: 'snet-app'
        addressPrefix: '10.1.1.0/24'
        routeTableResourceId: tunnel.id
      }
    ]
  }
}

module snetAppDirect 'modules/subnet-route.bicep' = if (directEgress) {
  name: 'snet-app-direct'
  params: {
    vnetName: 'vnet-spoke'
    routeTableId: direct.id
  }
  dependsOn: [vnetSpoke]
}
`,
    'modules/subnet-route.bicep': `param vnetName string
param routeTableId string

resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' existing = {
  name: vnetName
}

resource snetApp 'Microsoft.Network/virtualNetworks/subnets@2023-09-01' = {
  parent: vnet
  name: 'snet-app'
  properties: {
    addressPrefix: '10.1.1.0/24'
    routeTable: { id: routeTableId }
  }
}
`,
  })

  test('one subnet, judged with and without the module: undecided, naming directEgress', async () => {
    const v = await judge(files('param directEgress bool'))
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(
      /route table rt-direct with .*snet-app may not be deployed: its condition directEgress .*; if it is, KMS traffic reaches Azure KMS .*; if not, it is blocked \(.*rt-tunnel/,
    )
  })

  test('the module is deployed (default true): its declaration is the subnet’s, reachable', async () => {
    expect((await judge(files('param directEgress bool = true'))).state).toBe('reachable')
  })
})
