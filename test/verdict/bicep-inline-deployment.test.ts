/**
 * A Bicep `Microsoft.Resources/deployments` resource with its template written inline (what `az bicep
 * decompile` leaves of a nested deployment, and what hand-written Bicep uses to deploy into another
 * resource group): evaluated as ARM evaluates a nested deployment, its routes, NSGs and subnets judged
 * like the template's own (was: named as not evaluated, the spoke undecided whatever it deploys). With
 * `expressionEvaluationOptions.scope: 'inner'` its parameters are the values passed; with the default
 * outer scope, `parameters()` in it names the compiled template's, which the scan does not rebuild: the
 * route is then one the scan cannot place, named, never passed over.
 */
import { judgeSubnet } from '../helpers/judge-subnet'
import { BICEP_SPOKE } from '../helpers/bicep-subnets'

const judge = (files: Record<string, string>) => judgeSubnet(files, { prefix: 'kms-bicep-inline-' })

/**
 * A nested deployment that adds a route for the KMS address to the table it is given (inner scope): next
 * hop `hop`.
 */
const INNER = (table: string, hop: string) => `${BICEP_SPOKE}
resource kmsRoutes 'Microsoft.Resources/deployments@2022-09-01' = {
  name: 'spoke-kms-routes'
  properties: {
    mode: 'Incremental'
    expressionEvaluationOptions: { scope: 'inner' }
    parameters: {
      routeTableName: { value: ${table} }
    }
    template: {
      '$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'
      contentVersion: '1.0.0.0'
      parameters: {
        routeTableName: { type: 'string' }
      }
      resources: [
        {
          type: 'Microsoft.Network/routeTables/routes'
          apiVersion: '2023-09-01'
          name: '[format(\\'{0}/{1}\\', parameters(\\'routeTableName\\'), \\'kms\\')]'
          properties: { addressPrefix: '20.118.99.224/32', nextHopType: '${hop}' }
        }
      ]
    }
  }
}
`

test('negative control: without the nested deployment the spoke reaches KMS', async () => {
  const { app } = await judge({ 'main.bicep': BICEP_SPOKE })
  expect(app.state).toBe('reachable')
})

describe('inner scope: its parameters are the values passed', () => {
  test('a blackhole route for KMS into rt-spoke: judged, blocked at that route', async () => {
    const { app } = await judge({ 'main.bicep': INNER('rtSpoke.name', 'None') })
    expect(app.state).toBe('blocked')
    expect(app.path).toContain('rt-spoke: 20.118.99.224/32 → None')
  })

  test('control: the same route with next hop Internet: reachable, through it', async () => {
    const { app } = await judge({ 'main.bicep': INNER('rtSpoke.name', 'Internet') })
    expect(app.state).toBe('reachable')
    expect(app.path).toContain('20.118.99.224/32')
  })

  test('control: into a table of another deployment: not this spoke’s, reachable', async () => {
    const { app } = await judge({ 'main.bicep': INNER("'rt-shared'", 'None') })
    expect(app.state).toBe('reachable')
  })

  test('a parameter passed without a value: the route cannot be placed, named, undecided', async () => {
    const main = INNER('rtSpoke.name', 'None').replace(
      'routeTableName: { value: rtSpoke.name }',
      "routeTableName: { reference: { keyVault: { id: 'kv' }, secretName: 'rt' } }",
    )
    const { app } = await judge({ 'main.bicep': main })
    expect(app.state).toBe('undecided')
    expect(app.why).toContain('kmsRoutes::Microsoft.Network/routeTables/routes')
    expect(app.why).toContain('Key Vault reference')
  })
})

describe('outer scope (the default)', () => {
  const OUTER = (name: string) => `${BICEP_SPOKE}
resource kmsRoutes 'Microsoft.Resources/deployments@2022-09-01' = {
  name: 'spoke-kms-routes'
  properties: {
    mode: 'Incremental'
    template: {
      '$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'
      contentVersion: '1.0.0.0'
      resources: [
        {
          type: 'Microsoft.Network/routeTables/routes'
          apiVersion: '2023-09-01'
          name: ${name}
          properties: { addressPrefix: '20.118.99.224/32', nextHopType: 'None' }
        }
      ]
    }
  }
}
`

  test('a name Bicep evaluates (`${rtSpoke.name}/kms`): judged, blocked', async () => {
    const { app } = await judge({ 'main.bicep': OUTER("'${rtSpoke.name}/kms'") })
    expect(app.state).toBe('blocked')
  })

  test('parameters() of the compiled template: not rebuilt, the route named as unplaceable, undecided', async () => {
    const { app } = await judge({
      'main.bicep': OUTER("'[format(\\'{0}/kms\\', parameters(\\'routeTableName\\'))]'"),
    })
    expect(app.state).toBe('undecided')
    expect(app.why).toContain('is a resource the scan cannot place')
    expect(app.why).toContain('no parameter named "routeTableName"')
  })
})

test('an NSG the inline template deploys, attached to the spoke’s subnet: its rule judged, blocked', async () => {
  const main = `${BICEP_SPOKE}
resource nsgDeployment 'Microsoft.Resources/deployments@2022-09-01' = {
  name: 'spoke-nsg'
  properties: {
    mode: 'Incremental'
    template: {
      '$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'
      contentVersion: '1.0.0.0'
      resources: [
        {
          type: 'Microsoft.Network/networkSecurityGroups'
          apiVersion: '2023-09-01'
          name: 'nsg-app'
          location: location
          properties: {
            securityRules: [
              {
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
            ]
          }
        }
      ]
    }
  }
}
`
  const { app } = await judge({
    'main.bicep': main.replace(
      'routeTable: { id: rtSpoke.id }',
      "routeTable: { id: rtSpoke.id }\n          networkSecurityGroup: { id: resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-app') }",
    ),
  })
  expect(app.state).toBe('blocked')
  expect(app.path).toContain('deny-kms')
})
