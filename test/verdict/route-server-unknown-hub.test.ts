/**
 * Azure Route Server parts whose hub the scan cannot tell, in Bicep and ARM templates: an NVA's
 * `virtualHubs/bgpConnections` or an `ipConfigurations` child of an `existing` hub named by a parameter
 * without a value. The NVAs peering with a Route Server advertise routes (forced tunnelling: 0.0.0.0/0)
 * to every subnet of its VNet and of spokes using it as remote gateway: a Route Server of a VNet the scan
 * cannot tell may be the spoke's, so the spoke is undecided, naming the part and why (was: the part
 * dropped, the spoke "reachable"). Controls: the hub given and placed in another VNet, an ipConfiguration
 * whose subnet names another VNet, and route propagation off on the spoke's route table.
 */
import { judgeSubnet } from '../helpers/judge-subnet'

const judge = (files: Record<string, string>) => judgeSubnet(files, { prefix: 'kms-rs-unknown-hub-' })

/** A hub VNet with RouteServerSubnet, and a spoke whose snet-app has a route table (lines 1-45). */
const NETWORK = (propagationOff: boolean) => `param location string = resourceGroup().location
param routeServerName string

resource vnetHub 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-hub'
  location: location
  properties: {
    addressSpace: { addressPrefixes: ['10.0.0.0/16'] }
    subnets: [
      { name: 'RouteServerSubnet', properties: { addressPrefix: '10.0.1.0/27' } }
    ]
  }
}

resource rtApp 'Microsoft.Network/routeTables@2023-09-01' = {
  name: 'rt-app'
  location: location
  properties: {
    disableBgpRoutePropagation: ${propagationOff}
    routes: []
  }
}

resource vnetSpoke 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-spoke'
  location: location
  properties: {
    addressSpace: { addressPrefixes: ['10.1.0.0/16'] }
    subnets: [
      {
        name: 'snet-app'
        properties: {
          addressPrefix: '10.1.1.0/24'
          routeTable: { id: rtApp.id }
        }
      }
    ]
  }
}

resource routeServer 'Microsoft.Network/virtualHubs@2023-09-01' existing = {
  name: routeServerName
}

`

/** An NVA peering with the Route Server (line 47). */
const BGP_CONNECTION = `resource nvaPeer 'Microsoft.Network/virtualHubs/bgpConnections@2023-09-01' = {
  parent: routeServer
  name: 'nva-fw-01'
  properties: {
    peerIp: '10.0.2.4'
    peerAsn: 65010
  }
}
`

/** The Route Server's ip configuration in a VNet's RouteServerSubnet. */
const IP_CONFIGURATION = (
  vnet: string,
) => `resource rsIp 'Microsoft.Network/virtualHubs/ipConfigurations@2023-09-01' = {
  parent: routeServer
  name: 'ipconfig1'
  properties: {
    subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', '${vnet}', 'RouteServerSubnet') }
  }
}
`

/** The same hub declared: a Route Server in vnet-hub, which the spoke does not peer with. */
const DECLARED_ROUTE_SERVER = `resource rsHub 'Microsoft.Network/virtualHubs@2023-09-01' = {
  name: 'rs-hub'
  location: location
  properties: { sku: 'Standard' }
}

resource rsHubIp 'Microsoft.Network/virtualHubs/ipConfigurations@2023-09-01' = {
  parent: rsHub
  name: 'ipconfig1'
  properties: {
    subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-hub', 'RouteServerSubnet') }
  }
}
`

test('negative control: no Route Server part, the spoke reaches KMS', async () => {
  const { app } = await judge({ 'main.bicep': NETWORK(false) })
  expect(app.state).toBe('reachable')
})

describe('a bgpConnection of a hub named by a parameter without a value', () => {
  test('the Route Server may be in the spoke’s VNet: undecided, naming the connection and the parameter', async () => {
    const { app, findings } = await judge({ 'main.bicep': NETWORK(false) + BGP_CONNECTION })
    expect(app.state).toBe('undecided')
    expect(app.hop).toContain('Route Server of nvaPeer')
    expect(app.why).toContain('(peers: nvaPeer 10.0.2.4 AS 65010)')
    expect(app.why).toContain(
      'which virtual hub (Route Server) nvaPeer belongs to is not known (parameter routeServerName has no value',
    )
    expect(findings.some((f) => f.ruleId === 'KMS014' && f.message.includes('Route Server of nvaPeer'))).toBe(
      true,
    )
  })

  test('control: route propagation off on the spoke’s route table, nothing learned reaches it: reachable', async () => {
    const { app } = await judge({ 'main.bicep': NETWORK(true) + BGP_CONNECTION })
    expect(app.state).toBe('reachable')
  })

  test('control: the hub given, a Route Server in vnet-hub the spoke does not peer with: reachable', async () => {
    const main = NETWORK(false).replace(
      'param routeServerName string',
      "param routeServerName string = 'rs-hub'",
    )
    const { app } = await judge({
      'main.bicep':
        main.replace(/resource routeServer [^]*?\n}\n/, '') +
        DECLARED_ROUTE_SERVER +
        BGP_CONNECTION.replace('parent: routeServer', 'parent: rsHub'),
    })
    expect(app.state).toBe('reachable')
  })
})

describe('an ipConfiguration of a hub named by a parameter without a value', () => {
  test('in the spoke’s own VNet: a Route Server there, undecided', async () => {
    const { app } = await judge({ 'main.bicep': NETWORK(false) + IP_CONFIGURATION('vnet-spoke') })
    expect(app.state).toBe('undecided')
    expect(app.why).toContain('NVAs peering with the Route Server advertise routes over BGP')
  })

  test('control: in vnet-hub’s RouteServerSubnet, a VNet the spoke does not peer with: reachable', async () => {
    const { app } = await judge({ 'main.bicep': NETWORK(false) + IP_CONFIGURATION('vnet-hub') })
    expect(app.state).toBe('reachable')
  })
})

test('ARM JSON: a bgpConnection named `[format(...)]` with the hub a parameter without a value is undecided too', async () => {
  const template = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: { routeServerName: { type: 'string' } },
    resources: [
      {
        type: 'Microsoft.Network/virtualNetworks',
        apiVersion: '2023-09-01',
        name: 'vnet-spoke',
        location: '[resourceGroup().location]',
        properties: {
          addressSpace: { addressPrefixes: ['10.1.0.0/16'] },
          subnets: [{ name: 'snet-app', properties: { addressPrefix: '10.1.1.0/24' } }],
        },
      },
      {
        type: 'Microsoft.Network/virtualHubs/bgpConnections',
        apiVersion: '2023-09-01',
        name: "[format('{0}/{1}', parameters('routeServerName'), 'nva-fw-01')]",
        properties: { peerIp: '10.0.2.4', peerAsn: 65010 },
      },
    ],
  }
  const { app } = await judge({ 'azuredeploy.json': JSON.stringify(template, null, 2) })
  expect(app.state).toBe('undecided')
  expect(app.why).toContain("'nva-fw-01')] 10.0.2.4 AS 65010")
  expect(app.why).toContain('parameter "routeServerName" has no value')
  expect(app.why).toContain('may be a Route Server in any virtual network')
})
