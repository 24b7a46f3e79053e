/**
 * A subnet declared inline in its VNet and again as a child resource (Bicep `if (…)`, ARM `condition`), the
 * usual way to give it a route table, NSG or NAT gateway in some deployments only. The child is deployed
 * after its VNet: where it is deployed its declaration is what the subnet ends with, where not the inline
 * one. The two are one subnet, judged with and without the child (src/sources/mapping/subnet-redeclarations.ts),
 * not by the worse of the two declarations.
 */
import { bicepRouteTable as table, judgeOneSubnet } from '../helpers/bicep-subnets'

const judge = (files: Record<string, string>) => judgeOneSubnet(files, 'kms-redeclared-')

/** vnet-spoke with snet-app inline (`inline`: its extra properties) and redeclared under `condition` (`child`). */
const spoke = (inline: string, condition: string, child: string) => `
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
          ${inline}
        }
      }
    ]
  }
}

resource snetApp 'Microsoft.Network/virtualNetworks/subnets@2023-09-01' = ${condition}{
  parent: vnetSpoke
  name: 'snet-app'
  properties: {
    addressPrefix: '10.1.1.0/24'
    ${child}
  }
}
`

describe('Bicep: an inline subnet forced through the gateway, redeclared `if (directEgress)` with a direct route table', () => {
  const bicep = (param: string) => ({
    'main.bicep': `param location string = 'westeurope'
${param}
${table('forced', 'VirtualNetworkGateway')}${table('direct', 'Internet')}${spoke(
      'routeTable: { id: forced.id }',
      'if (directEgress) ',
      'routeTable: { id: direct.id }',
    )}`,
  })

  test('the condition cannot be evaluated: undecided, naming the redeclaration and both ways', async () => {
    const { v } = await judge(bicep('param directEgress bool'))
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(
      /the association of route table rt-direct with .*snet-app may not be deployed: its condition directEgress cannot be evaluated .*; if it is, KMS traffic reaches Azure KMS .*; if not, it is blocked \(.*rt-forced/,
    )
  })

  test('the child is deployed (parameter default true): it applies, reachable', async () => {
    expect((await judge(bicep('param directEgress bool = true'))).v.state).toBe('reachable')
  })

  test('control: the child is not deployed (default false): the inline declaration applies, blocked', async () => {
    expect((await judge(bicep('param directEgress bool = false'))).v.state).toBe('blocked')
  })
})

describe('Bicep: a private subnet redeclared `if (attachNat)` with a NAT gateway', () => {
  const NAT = `
resource natGateway 'Microsoft.Network/natGateways@2023-09-01' = {
  name: 'ng-spoke'
  location: location
  sku: { name: 'Standard' }
}
`
  test('undecided: with the NAT gateway KMS gets out, without it there is no way out', async () => {
    const { v, findings } = await judge({
      'main.bicep': `param location string = 'westeurope'
param attachNat bool
${NAT}${spoke('defaultOutboundAccess: false', 'if (attachNat) ', 'defaultOutboundAccess: false\n    natGateway: { id: natGateway.id }')}`,
    })
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(
      /the association of NAT gateway with .*snet-app may not be deployed: its condition attachNat/,
    )
    expect(findings.filter((f) => f.ruleId === 'KMS008')).toEqual([])
  })

  test('control: the redeclaration sets what the inline one has: one subnet, blocked (no way out either way)', async () => {
    const { v } = await judge({
      'main.bicep': `param location string = 'westeurope'
param attachNat bool
${NAT}${spoke('defaultOutboundAccess: false', 'if (attachNat) ', 'defaultOutboundAccess: false')}`,
    })
    expect(v.state).toBe('blocked')
  })
})

describe('Bicep: an inline subnet forced through the gateway, redeclared `if (directEgress)` without a route table', () => {
  const bicep = (condition: string) => ({
    'main.bicep': `param location string = 'westeurope'
param directEgress bool
${table('forced', 'VirtualNetworkGateway')}${spoke('routeTable: { id: forced.id }', condition, '')}`,
  })

  test('which route table the subnet ends with is not known: undecided, naming the redeclaration', async () => {
    const { v } = await judge(bicep('if (directEgress) '))
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(
      /snetApp redeclares this subnet with route table none \(inline: .*forced.*\) under a condition that cannot be evaluated/,
    )
  })

  test('control: the redeclaration is never deployed (`if (false)`): the inline table blocks', async () => {
    expect((await judge(bicep('if (false) '))).v.state).toBe('blocked')
  })
})

describe('ARM: an inline subnet forced through the gateway, redeclared with `condition` and a direct route table', () => {
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
  const template = (directEgress: { type: 'bool'; defaultValue?: boolean }) =>
    JSON.stringify(
      {
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        contentVersion: '1.0.0.0',
        parameters: { location: { type: 'string', defaultValue: 'westeurope' }, directEgress },
        resources: [
          route('rt-forced', 'VirtualNetworkGateway'),
          route('rt-direct', 'Internet'),
          {
            type: 'Microsoft.Network/virtualNetworks',
            apiVersion: '2023-09-01',
            name: 'vnet-spoke',
            location: "[parameters('location')]",
            dependsOn: ["[resourceId('Microsoft.Network/routeTables', 'rt-forced')]"],
            properties: {
              addressSpace: { addressPrefixes: ['10.1.0.0/16'] },
              subnets: [
                {
                  name: 'snet-app',
                  properties: {
                    addressPrefix: '10.1.1.0/24',
                    routeTable: { id: "[resourceId('Microsoft.Network/routeTables', 'rt-forced')]" },
                  },
                },
              ],
            },
          },
          {
            condition: "[parameters('directEgress')]",
            type: 'Microsoft.Network/virtualNetworks/subnets',
            apiVersion: '2023-09-01',
            name: 'vnet-spoke/snet-app',
            dependsOn: [
              "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke')]",
              "[resourceId('Microsoft.Network/routeTables', 'rt-direct')]",
            ],
            properties: {
              addressPrefix: '10.1.1.0/24',
              routeTable: { id: "[resourceId('Microsoft.Network/routeTables', 'rt-direct')]" },
            },
          },
        ],
      },
      null,
      2,
    )

  test('the condition cannot be evaluated: undecided, naming the route table it would set', async () => {
    const { v } = await judge({ 'azuredeploy.json': template({ type: 'bool' }) })
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(/the association of route table rt-direct with .*snet-app may not be deployed/)
  })

  test('the condition is true: the redeclaration applies, reachable; false: blocked', async () => {
    expect(
      (await judge({ 'azuredeploy.json': template({ type: 'bool', defaultValue: true }) })).v.state,
    ).toBe('reachable')
    expect(
      (await judge({ 'azuredeploy.json': template({ type: 'bool', defaultValue: false }) })).v.state,
    ).toBe('blocked')
  })
})
