/**
 * ARM templates that pick values with lambda functions (what Bicep's `filter()` compiles to, as in
 * missionlz's `filter(parameters('tiers'), lambda('tier', equals(lambdaVariables('tier').name, 'hub')))`):
 * the value is evaluated, so the subnet's route table is the one picked and its route decides (was:
 * filter() not evaluated, the route table unknown, the subnet undecided).
 */
import { judgeSubnet } from '../helpers/judge-subnet'

const template = (tier: string) => ({
  $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  contentVersion: '1.0.0.0',
  parameters: {
    tiers: {
      type: 'array',
      defaultValue: [
        { name: 'hub', routeTableName: 'rt-hub', nextHopType: 'None' },
        { name: 'operations', routeTableName: 'rt-operations', nextHopType: 'Internet' },
      ],
    },
  },
  variables: {
    tier: `[filter(parameters('tiers'), lambda('tier', equals(lambdaVariables('tier').name, '${tier}')))[0]]`,
  },
  resources: [
    {
      type: 'Microsoft.Network/routeTables',
      apiVersion: '2023-09-01',
      name: "[parameters('tiers')[copyIndex()].routeTableName]",
      location: '[resourceGroup().location]',
      copy: { name: 'tables', count: "[length(parameters('tiers'))]" },
      properties: {
        disableBgpRoutePropagation: true,
        routes: [
          {
            name: 'default',
            properties: {
              addressPrefix: '0.0.0.0/0',
              nextHopType: "[parameters('tiers')[copyIndex()].nextHopType]",
            },
          },
        ],
      },
    },
    {
      type: 'Microsoft.Network/virtualNetworks',
      apiVersion: '2023-09-01',
      name: 'vnet-spoke',
      location: '[resourceGroup().location]',
      dependsOn: ['tables'],
      properties: {
        addressSpace: { addressPrefixes: ['10.1.0.0/16'] },
        subnets: [
          {
            name: 'snet-app',
            properties: {
              addressPrefix: '10.1.1.0/24',
              routeTable: {
                id: "[resourceId('Microsoft.Network/routeTables', variables('tier').routeTableName)]",
              },
            },
          },
        ],
      },
    },
  ],
})

const judge = (tier: string) =>
  judgeSubnet({ 'azuredeploy.json': JSON.stringify(template(tier), null, 2) }, { prefix: 'kms-arm-lambda-' })

test('the hub tier picked by filter(): its table blackholes 0.0.0.0/0, blocked', async () => {
  const { app } = await judge('hub')
  expect(app.state).toBe('blocked')
  expect(app.path).toContain('rt-hub')
})

test('control: the operations tier picked: its table goes to the Internet, reachable', async () => {
  const { app } = await judge('operations')
  expect(app.state).toBe('reachable')
  expect(app.path).toContain('rt-operations')
})

test('control: a tier that is not there: no table can be told, undecided', async () => {
  const { app } = await judge('identity')
  expect(app.state).toBe('undecided')
})
