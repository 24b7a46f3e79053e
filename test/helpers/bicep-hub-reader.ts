/**
 * A Bicep estate across two deployments (test/verdict/cross-unit-vnets.test.ts, test/e2e/action-shared-vnets.test.ts):
 * the connectivity deployment declares vnet-hub in rg-hub, with a route-based BGP VPN gateway vgw-hub when
 * `gateway`; the shared landing zone reads vnet-hub as `existing` in rg-hub and adds snet-shared to it.
 */

/** The hub module (platform/connectivity/modules/hub.bicep): vnet-hub, and vgw-hub with BGP when `gateway`. */
export const bicepHubModule = (gateway: boolean): string => `
param location string = 'westeurope'

resource vnetHub 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-hub'
  location: location
  properties: {
    addressSpace: { addressPrefixes: ['10.0.0.0/16'] }
    subnets: [
      { name: 'GatewaySubnet', properties: { addressPrefix: '10.0.255.0/27' } }
    ]
  }
}
${
  gateway
    ? `
resource vgw 'Microsoft.Network/virtualNetworkGateways@2023-09-01' = {
  name: 'vgw-hub'
  location: location
  properties: {
    gatewayType: 'Vpn'
    vpnType: 'RouteBased'
    enableBgp: true
    sku: { name: 'VpnGw2AZ', tier: 'VpnGw2AZ' }
    ipConfigurations: [
      {
        name: 'default'
        properties: {
          subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-hub', 'GatewaySubnet') }
        }
      }
    ]
  }
  dependsOn: [vnetHub]
}
`
    : ''
}`

/** The estate's files by path. */
export const bicepHubAndReader = (gateway: boolean) => ({
  'platform/connectivity/main.bicep': `targetScope = 'subscription'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-hub'
  location: 'westeurope'
}

module hub 'modules/hub.bicep' = {
  name: 'hub'
  scope: resourceGroup('rg-hub')
  dependsOn: [rg]
}
`,
  'platform/connectivity/modules/hub.bicep': bicepHubModule(gateway),
  'landing-zones/shared/main.bicep': `resource vnetHub 'Microsoft.Network/virtualNetworks@2023-09-01' existing = {
  name: 'vnet-hub'
  scope: resourceGroup('rg-hub')
}

module subnet 'subnet.bicep' = {
  name: 'snet-shared'
  scope: resourceGroup('rg-hub')
  params: {
    vnetName: vnetHub.name
  }
}
`,
  'landing-zones/shared/subnet.bicep': `param vnetName string

resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' existing = {
  name: vnetName
}

resource app 'Microsoft.Network/virtualNetworks/subnets@2023-09-01' = {
  parent: vnet
  name: 'snet-shared'
  properties: {
    addressPrefix: '10.0.5.0/24'
  }
}
`,
})
