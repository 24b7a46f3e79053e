/**
 * A day-2 Bicep deployment redeclaring, as a child resource, a subnet of a VNet another deployment declares
 * (`'vnet-spoke/snet-app'` with a forced-tunnel route table, same resource group). The child is a PUT of
 * the whole subnet: where it is deployed its route table is the subnet's. Judged alone, the platform
 * deployment read its snet-app "reachable" beside the day-2 unit's "blocked" for the same Azure subnet;
 * the association is now handed over by the subnet's identity (src/sources/mapping/foreign-subnets.ts,
 * laid on by src/analysis/cross-unit-attachments.ts).
 */
import { bicepRouteTable, judgeOneSubnet } from '../helpers/bicep-subnets'

const files = (hop: 'VirtualNetworkGateway' | 'Internet') => ({
  'platform/main.bicep': `targetScope = 'subscription'

module spoke 'spoke.bicep' = {
  name: 'spoke'
  scope: resourceGroup('rg-spoke')
}
`,
  'platform/spoke.bicep': `resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-spoke'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: ['10.1.0.0/16'] }
    subnets: [
      {
        name: 'snet-app'
        properties: { addressPrefix: '10.1.1.0/24' }
      }
    ]
  }
}
`,
  'day2/main.bicep': `targetScope = 'subscription'

module route 'route.bicep' = {
  name: 'snet-app-route'
  scope: resourceGroup('rg-spoke')
}
`,
  'day2/route.bicep': `${bicepRouteTable('egress', hop, "'westeurope'")}
resource snetApp 'Microsoft.Network/virtualNetworks/subnets@2023-09-01' = {
  name: 'vnet-spoke/snet-app'
  properties: {
    addressPrefix: '10.1.1.0/24'
    routeTable: { id: egress.id }
  }
}
`,
})

const platformRow = async (hop: 'VirtualNetworkGateway' | 'Internet') =>
  (
    await judgeOneSubnet(
      files(hop),
      'kms-foreign-subnet-',
      (s) => s.subnet === 'snet-app' && s.address === 'spoke.vnet',
    )
  ).v

describe('Bicep: a day-2 deployment redeclares the platform deployment’s vnet-spoke/snet-app with a route table', () => {
  test('forced tunnel: the platform’s snet-app is blocked through the day-2 route table (was: reachable)', async () => {
    const v = await platformRow('VirtualNetworkGateway')
    expect(v.state).toBe('blocked')
    expect(v.path).toMatch(/rt-egress: 0\.0\.0\.0\/0 → VirtualNetworkGateway/)
  })

  test('control: the day-2 route table sends 0.0.0.0/0 to the Internet: reachable through it', async () => {
    const v = await platformRow('Internet')
    expect(v.state).toBe('reachable')
    expect(v.path).toMatch(/rt-egress/)
  })
})
