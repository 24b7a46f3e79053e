/**
 * A child resource whose parent the scan cannot tell changes only what its type can: a route only the
 * routes of a route table (a child's PUT needs its parent to exist; it cannot attach a table to a subnet
 * without one), an NSG rule only an NSG's rules. So a subnet without a route table is not undecided by a
 * route of unknown table, nor a subnet without an NSG by a rule of unknown NSG (was: every subnet of the
 * scope); a subnet with a table or an NSG still is.
 */
import { judgeSubnet } from '../helpers/judge-subnet'

const judge = (main: string) => judgeSubnet({ 'main.bicep': main }, { prefix: 'kms-child-narrow-' })

/** snet-app, optionally with rt-spoke (0.0.0.0/0 → Internet) and nsg-app (no rules of its own). */
const spoke = (o: { table: boolean; nsg: boolean }) => `param location string = resourceGroup().location

resource rtSpoke 'Microsoft.Network/routeTables@2023-09-01' = if (${o.table}) {
  name: 'rt-spoke'
  location: location
  properties: {
    disableBgpRoutePropagation: true
    routes: [
      { name: 'default', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'Internet' } }
    ]
  }
}

resource nsgApp 'Microsoft.Network/networkSecurityGroups@2023-09-01' = if (${o.nsg}) {
  name: 'nsg-app'
  location: location
  properties: { securityRules: [] }
}

resource vnetSpoke 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-spoke'
  location: location
  properties: {
    addressSpace: { addressPrefixes: ['10.1.0.0/16'] }
    subnets: [
      {
        name: 'snet-app'
        properties: union(
          { addressPrefix: '10.1.1.0/24' },
          ${o.table} ? { routeTable: { id: rtSpoke.id } } : {},
          ${o.nsg} ? { networkSecurityGroup: { id: nsgApp.id } } : {}
        )
      }
    ]
  }
}
`

const ROUTE = `
param otherTable string

resource rtOther 'Microsoft.Network/routeTables@2023-09-01' existing = {
  name: otherTable
}

resource kmsRoute 'Microsoft.Network/routeTables/routes@2023-09-01' = {
  parent: rtOther
  name: 'kms-blackhole'
  properties: { addressPrefix: '20.118.99.224/32', nextHopType: 'None' }
}
`

const RULE = `
param otherNsg string

resource nsgOther 'Microsoft.Network/networkSecurityGroups@2023-09-01' existing = {
  name: otherNsg
}

resource denyKms 'Microsoft.Network/networkSecurityGroups/securityRules@2023-09-01' = {
  parent: nsgOther
  name: 'deny-kms'
  properties: {
    priority: 100
    direction: 'Outbound'
    access: 'Deny'
    protocol: 'Tcp'
    sourceAddressPrefix: '*'
    sourcePortRange: '*'
    destinationAddressPrefix: '20.118.99.224'
    destinationPortRange: '1688'
  }
}
`

describe('a route of a route table the scan cannot tell', () => {
  test('a subnet without a route table: the route cannot reach it, reachable', async () => {
    const { app } = await judge(spoke({ table: false, nsg: false }) + ROUTE)
    expect(app.state).toBe('reachable')
  })

  test('control: a subnet with a route table: the route may be in it, undecided, named', async () => {
    const { app } = await judge(spoke({ table: true, nsg: false }) + ROUTE)
    expect(app.state).toBe('undecided')
    expect(app.why).toContain('kmsRoute (main.bicep:')
    expect(app.why).toContain('it may add routes to this route table')
  })
})

describe('a rule of an NSG the scan cannot tell', () => {
  test('a subnet without an NSG: the rule cannot reach it, reachable', async () => {
    const { app } = await judge(spoke({ table: true, nsg: false }) + RULE)
    expect(app.state).toBe('reachable')
  })

  test('control: a subnet with an NSG: the rule may be in it, undecided, named', async () => {
    const { app } = await judge(spoke({ table: true, nsg: true }) + RULE)
    expect(app.state).toBe('undecided')
    expect(app.why).toContain('it may add rules to this network security group')
  })
})
