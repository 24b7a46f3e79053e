/**
 * A standalone Bicep deployment with a part the scan cannot follow: a child resource of an `existing`
 * parent whose name is a parameter without a value, a registry or template spec module, a nested deployment
 * written as a `Microsoft.Resources/deployments` resource linked by URI, a local module not among the
 * scanned files, a module or resource loop over a collection the scan cannot see. Each may change the
 * network of its scope: the subnets are undecided, naming the file, line, symbol, why and what resolves
 * it, never "reachable" beside a notice. Modules that cannot change a path (an AVM key vault), an empty
 * telemetry deployment, and the same loop over a known collection leave the spoke as it is.
 */
import { judgeSubnet } from '../helpers/judge-subnet'
import { BICEP_SPOKE } from '../helpers/bicep-subnets'
import { bicepVwan } from '../helpers/vwan-templates'

const judge = (files: Record<string, string>) => judgeSubnet(files, { prefix: 'kms-bicep-unfollowed-' })

/** A module that blackholes the KMS address in the route table it is given (lines 1-12). */
const ROUTES_MODULE = `param routeTableName string

resource rt 'Microsoft.Network/routeTables@2023-09-01' existing = {
  name: routeTableName
}

resource kms 'Microsoft.Network/routeTables/routes@2023-09-01' = {
  parent: rt
  name: 'kms-blackhole'
  properties: { addressPrefix: '20.118.99.224/32', nextHopType: 'None' }
}
`

test('negative control: every resource placeable, the spoke reaches KMS', async () => {
  const { app } = await judge({ 'main.bicep': BICEP_SPOKE })
  expect(app.state).toBe('reachable')
})

describe('a child resource whose existing parent is named by a parameter', () => {
  const main = (param: string) => `${BICEP_SPOKE}
${param}

resource rtOther 'Microsoft.Network/routeTables@2023-09-01' existing = {
  name: routeTableName
}

resource kmsRoute 'Microsoft.Network/routeTables/routes@2023-09-01' = {
  parent: rtOther
  name: 'kms-blackhole'
  properties: { addressPrefix: '20.118.99.224/32', nextHopType: 'None' }
}
`

  test('without a value: it may be rt-spoke, undecided, naming the route, its line and the parameter', async () => {
    const { app } = await judge({ 'main.bicep': main('param routeTableName string') })
    expect(app.state).toBe('undecided')
    expect(app.hop).toContain('kmsRoute in rt-spoke')
    expect(app.why).toContain(
      'kmsRoute (main.bicep:40) is a resource the scan cannot place: which Microsoft.Network/routeTables it belongs to is not known (parameter routeTableName has no value',
    )
    expect(app.resolve).toContain('give the parameters that name the resource')
  })

  test('control: with the value rt-spoke the route is judged: blocked', async () => {
    const { app } = await judge({ 'main.bicep': main("param routeTableName string = 'rt-spoke'") })
    expect(app.state).toBe('blocked')
  })

  test('control: a table of another deployment, named, is not this spoke’s: reachable', async () => {
    const { app } = await judge({ 'main.bicep': main("param routeTableName string = 'rt-shared'") })
    expect(app.state).toBe('reachable')
  })
})

describe('modules the scan does not read', () => {
  const withModule = (decl: string) => `${BICEP_SPOKE}
${decl}
`

  test('a registry module: undecided, naming it and how to resolve it', async () => {
    const { app } = await judge({
      'main.bicep': withModule(`module extras 'br:contoso.azurecr.io/bicep/modules/spoke-routes:v1' = {
  name: 'spoke-extras'
  params: { routeTableName: rtSpoke.name }
}`),
    })
    expect(app.state).toBe('undecided')
    expect(app.why).toContain(
      'extras (main.bicep:34) deploys what the scan cannot read: registry module br:contoso.azurecr.io/bicep/modules/spoke-routes:v1 is not evaluated',
    )
    expect(app.resolve).toContain('call it as a local module')
  })

  test('a template spec module: undecided, named as a template spec', async () => {
    const { app } = await judge({
      'main.bicep':
        withModule(`module extras 'ts:3f1c9a52-6d0e-4b7a-9e21-5a8c4d7f0b36/rg-specs/spoke-routes:1.0' = {
  name: 'spoke-extras'
}`),
    })
    expect(app.state).toBe('undecided')
    expect(app.why).toContain('template spec module ts:')
  })

  test('negative control: an Azure Verified Module that cannot change a path (a key vault) leaves the spoke reachable', async () => {
    const { app } = await judge({
      'main.bicep': withModule(`module kv 'br/public:avm/res/key-vault/vault:0.9.0' = {
  name: 'kv'
  params: { name: 'kv-spoke-001' }
}`),
    })
    expect(app.state).toBe('reachable')
  })

  test('a local module not among the scanned files: undecided, named', async () => {
    const { app } = await judge({
      'main.bicep': withModule(`module extras './modules/routes.bicep' = {
  name: 'spoke-extras'
  params: { routeTableName: rtSpoke.name }
}`),
    })
    expect(app.state).toBe('undecided')
    expect(app.why).toContain('local module ./modules/routes.bicep is not evaluated')
  })

  test('control: the same local module scanned is judged: blocked', async () => {
    const { app } = await judge({
      'main.bicep': withModule(`module extras './modules/routes.bicep' = {
  name: 'spoke-extras'
  params: { routeTableName: rtSpoke.name }
}`),
      'modules/routes.bicep': ROUTES_MODULE,
    })
    expect(app.state).toBe('blocked')
  })

  test('a nested deployment written as a resource, linked by URI: undecided, named', async () => {
    const { app } = await judge({
      'main.bicep': withModule(`resource extras 'Microsoft.Resources/deployments@2022-09-01' = {
  name: 'spoke-extras'
  properties: {
    mode: 'Incremental'
    templateLink: { uri: 'https://templates.contoso.example/spoke-extras.json' }
  }
}`),
    })
    expect(app.state).toBe('undecided')
    expect(app.why).toContain(
      'extras (main.bicep:34) deploys what the scan cannot read: its template is linked (https://templates.contoso.example/spoke-extras.json)',
    )
  })

  test('negative control: a telemetry deployment with an empty inline template leaves the spoke reachable', async () => {
    const { app } = await judge({
      'main.bicep': withModule(`resource telemetry 'Microsoft.Resources/deployments@2022-09-01' = {
  name: 'pid-00000000-0000-0000-0000-000000000000'
  properties: {
    mode: 'Incremental'
    template: {
      '$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'
      contentVersion: '1.0.0.0'
      resources: []
    }
  }
}`),
    })
    expect(app.state).toBe('reachable')
  })
})

describe('loops over a collection the scan cannot see', () => {
  const moduleLoop = (param: string) => `${BICEP_SPOKE}
${param}

module extras 'modules/routes.bicep' = [for t in tables: {
  name: 'routes-\${t}'
  params: { routeTableName: t }
}]
`

  test('a module loop: named and undecided, not dropped', async () => {
    const { app } = await judge({
      'main.bicep': moduleLoop('param tables array'),
      'modules/routes.bicep': ROUTES_MODULE,
    })
    expect(app.state).toBe('undecided')
    expect(app.why).toContain(
      'extras (main.bicep:36) deploys instances the scan cannot count: it loops over a collection that cannot be evaluated (parameter tables has no value',
    )
    expect(app.resolve).toContain('give the collection the loop runs over a value')
  })

  test('control: the same loop over a known collection is judged per instance: blocked', async () => {
    const { app } = await judge({
      'main.bicep': moduleLoop("param tables array = ['rt-spoke']"),
      'modules/routes.bicep': ROUTES_MODULE,
    })
    expect(app.state).toBe('blocked')
  })

  test('negative control: a module loop deploying nothing of the network (storage) leaves the spoke reachable', async () => {
    const { app } = await judge({
      'main.bicep': moduleLoop('param tables array'),
      'modules/routes.bicep': `param routeTableName string

resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'st\${uniqueString(routeTableName)}'
  location: resourceGroup().location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
}
`,
    })
    expect(app.state).toBe('reachable')
  })

  test('a resource loop of routes: named and undecided', async () => {
    const { app } = await judge({
      'main.bicep': `${BICEP_SPOKE}
param tables array

resource kms 'Microsoft.Network/routeTables/routes@2023-09-01' = [for t in tables: {
  name: '\${t}/kms-blackhole'
  properties: { addressPrefix: '20.118.99.224/32', nextHopType: 'None' }
}]
`,
    })
    expect(app.state).toBe('undecided')
    expect(app.why).toContain('kms (main.bicep:36) deploys instances the scan cannot count')
  })
})

describe('a Virtual WAN hub route table in its hub whose own name is a parameter', () => {
  /** The hub's firewall denies KMS; the table sends 0.0.0.0/0 to it, under the name `tableName` gives. */
  const wan = (param: string) =>
    `${param}\n` +
    bicepVwan({ kmsAllowed: false, routing: 'hubRoute', params: {} }).replace(
      "name: 'defaultRouteTable'",
      'name: tableName',
    )

  test('control: named defaultRouteTable, the spoke goes to the hub firewall, which denies KMS: blocked', async () => {
    const { app } = await judge({ 'main.bicep': wan("param tableName string = 'defaultRouteTable'") })
    expect(app.state).toBe('blocked')
  })

  test('control: another name, which no connection uses: the spoke goes out directly, reachable', async () => {
    const { app } = await judge({ 'main.bicep': wan("param tableName string = 'rt-unused'") })
    expect(app.state).toBe('reachable')
  })

  test('without a value it may be the defaultRouteTable: undecided, naming it', async () => {
    const { app } = await judge({ 'main.bicep': wan('param tableName string') })
    expect(app.state).toBe('undecided')
    expect(app.why).toContain(
      'is a resource the scan cannot place: its name is not known (parameter tableName has no value',
    )
    expect(app.why).toContain('it may be any route table of its hub, the defaultRouteTable included')
  })
})
