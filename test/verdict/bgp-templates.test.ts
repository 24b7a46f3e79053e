/**
 * BGP outside Virtual WAN in Bicep and ARM templates: a spoke whose peering uses the hub's gateway
 * (inline `virtualNetworkPeerings` or a child resource), an Azure Route Server (a virtualHubs resource with
 * an ip configuration in RouteServerSubnet) and the NVAs peering with it. Undecided with the source named;
 * disabling propagation on the route table decides it.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { scan } from '../../src/pipeline/scan'

function tree(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kms-bgp-tpl-')))
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text)
  return dir
}

const run = (dir: string) => scan({ path: dir, cloud: 'AzureCloud', varFiles: [], workers: false })

/** Hub with GatewaySubnet and an ExpressRoute gateway; spoke with two subnets, the peering inline. */
const bicepHubSpoke = (disable: boolean) => `
param location string = resourceGroup().location

resource vnetHub 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-hub'
  location: location
  properties: {
    addressSpace: { addressPrefixes: ['10.0.0.0/16'] }
    subnets: [
      { name: 'GatewaySubnet', properties: { addressPrefix: '10.0.0.0/27' } }
    ]
  }
}

resource ergw 'Microsoft.Network/virtualNetworkGateways@2023-09-01' = {
  name: 'ergw-hub'
  location: location
  properties: {
    gatewayType: 'ExpressRoute'
    sku: { name: 'ErGw1AZ', tier: 'ErGw1AZ' }
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

resource rtApp 'Microsoft.Network/routeTables@2023-09-01' = {
  name: 'rt-app'
  location: location
  properties: {
    disableBgpRoutePropagation: ${disable}
    routes: []
  }
}

resource vnetSpoke 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-spoke'
  location: location
  properties: {
    addressSpace: { addressPrefixes: ['10.1.0.0/16'] }
    subnets: [
      { name: 'snet-app', properties: { addressPrefix: '10.1.1.0/24', routeTable: { id: rtApp.id } } }
      { name: 'snet-data', properties: { addressPrefix: '10.1.2.0/24' } }
    ]
    virtualNetworkPeerings: [
      {
        name: 'peer-spoke-to-hub'
        properties: {
          remoteVirtualNetwork: { id: vnetHub.id }
          allowForwardedTraffic: true
          useRemoteGateways: true
        }
      }
    ]
  }
}
`

test('Bicep: a spoke using the hub’s ExpressRoute gateway is undecided where gateway routes propagate', async () => {
  const { verdict, findings } = await run(tree({ 'main.bicep': bicepHubSpoke(false) }))
  const by = (n: string) => verdict.subnets.find((s) => s.subnet === n)!
  for (const name of ['snet-app', 'snet-data']) {
    expect(by(name).state).toBe('undecided')
    expect(by(name).hop).toContain(
      'ExpressRoute gateway ergw-hub in vnet-hub, through peering peer-spoke-to-hub',
    )
  }
  expect(by('snet-app').why).toContain('route table rt-app lets gateway routes propagate')
  expect(by('snet-data').why).toContain('the subnet has no route table')
  const f = findings.filter((x) => x.ruleId === 'KMS014')
  expect(f.map((x) => x.subnets)).toEqual(
    expect.arrayContaining([['vnet-spoke/snet-app'], ['vnet-spoke/snet-data']]),
  )

  // disableBgpRoutePropagation on rt-app decides snet-app; snet-data (no table) stays undecided.
  const off = await run(tree({ 'main.bicep': bicepHubSpoke(true) }))
  expect(off.verdict.subnets.find((s) => s.subnet === 'snet-app')!.state).toBe('reachable')
  expect(off.verdict.subnets.find((s) => s.subnet === 'snet-data')!.state).toBe('undecided')
})

const id = (type: string, ...names: string[]) =>
  `[resourceId('${type}', ${names.map((n) => `'${n}'`).join(', ')})]`

function armRouteServer(useRemoteGateways: boolean): string {
  return JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [
        {
          type: 'Microsoft.Network/virtualNetworks',
          apiVersion: '2023-09-01',
          name: 'vnet-hub',
          location: 'westeurope',
          properties: {
            addressSpace: { addressPrefixes: ['10.0.0.0/16'] },
            subnets: [
              { name: 'RouteServerSubnet', properties: { addressPrefix: '10.0.1.0/27' } },
              { name: 'snet-nva', properties: { addressPrefix: '10.0.2.0/24' } },
            ],
          },
        },
        {
          type: 'Microsoft.Network/virtualNetworks',
          apiVersion: '2023-09-01',
          name: 'vnet-spoke',
          location: 'westeurope',
          properties: {
            addressSpace: { addressPrefixes: ['10.1.0.0/16'] },
            subnets: [{ name: 'snet-app', properties: { addressPrefix: '10.1.1.0/24' } }],
          },
        },
        {
          type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
          apiVersion: '2023-09-01',
          name: 'vnet-spoke/peer-spoke-to-hub',
          dependsOn: [id('Microsoft.Network/virtualNetworks', 'vnet-spoke')],
          properties: {
            remoteVirtualNetwork: { id: id('Microsoft.Network/virtualNetworks', 'vnet-hub') },
            useRemoteGateways,
          },
        },
        {
          type: 'Microsoft.Network/virtualHubs',
          apiVersion: '2023-09-01',
          name: 'rs-hub',
          location: 'westeurope',
          properties: { sku: 'Standard', allowBranchToBranchTraffic: true },
        },
        {
          type: 'Microsoft.Network/virtualHubs/ipConfigurations',
          apiVersion: '2023-09-01',
          name: 'rs-hub/ipconfig1',
          dependsOn: [id('Microsoft.Network/virtualHubs', 'rs-hub')],
          properties: {
            subnet: { id: id('Microsoft.Network/virtualNetworks/subnets', 'vnet-hub', 'RouteServerSubnet') },
          },
        },
        {
          type: 'Microsoft.Network/virtualHubs/bgpConnections',
          apiVersion: '2023-09-01',
          name: 'rs-hub/bgp-nva-fw',
          dependsOn: [id('Microsoft.Network/virtualHubs/ipConfigurations', 'rs-hub', 'ipconfig1')],
          properties: { peerIp: '10.0.2.4', peerAsn: 65010 },
        },
      ],
    },
    null,
    2,
  )
}

test('ARM: a Route Server and its NVA peer leave the hub and the spoke that uses it undecided', async () => {
  const { verdict } = await run(tree({ 'azuredeploy.json': armRouteServer(true) }))
  const by = (n: string) => verdict.subnets.find((s) => s.subnet === n)!
  expect(by('snet-nva').state).toBe('undecided')
  expect(by('snet-nva').hop).toContain('Route Server rs-hub in vnet-hub')
  expect(by('snet-nva').why).toContain('peers: bgp-nva-fw 10.0.2.4 AS 65010')
  expect(by('snet-app').state).toBe('undecided')
  expect(by('snet-app').hop).toContain('Route Server rs-hub in vnet-hub, through peering peer-spoke-to-hub')

  // Without use_remote_gateways the spoke learns nothing from the hub's Route Server.
  const own = await run(tree({ 'azuredeploy.json': armRouteServer(false) }))
  expect(own.verdict.subnets.find((s) => s.subnet === 'snet-app')!.state).toBe('reachable')
  expect(own.verdict.subnets.find((s) => s.subnet === 'snet-nva')!.state).toBe('undecided')
})
