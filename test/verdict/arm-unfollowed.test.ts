/**
 * A standalone ARM template (scanned as a file, not deployed from Terraform) with a part the scan cannot
 * follow: a resource whose `type` is a parameter, a child resource whose parent's name is, a nested
 * deployment linked by URI or template spec. Each may change any route table, NSG or firewall policy of
 * the deployment's scope: the subnets are undecided, naming the file, line, resource, why and what would
 * resolve it, never "reachable" beside a notice. A nested deployment to another subscription reaches that
 * subscription's objects. The same template with every resource placeable is judged as written.
 */
import { judgeSubnet } from '../helpers/judge-subnet'

const HUB_SUB = '3f1c9a52-6d0e-4b7a-9e21-5a8c4d7f0b36'
const SPOKE_SUB = '7a4e2b81-0c9d-4f63-b5a2-1e8d6c3f9a40'

const judge = (files: Record<string, string>) => judgeSubnet(files, { prefix: 'kms-arm-unfollowed-' })

/** rt-spoke sends 0.0.0.0/0 to the Internet and snet-app uses it: reachable when nothing else may change it. */
const SPOKE = `
    {
      "type": "Microsoft.Network/routeTables",
      "apiVersion": "2023-09-01",
      "name": "rt-spoke",
      "location": "[parameters('location')]",
      "properties": {
        "disableBgpRoutePropagation": true,
        "routes": [
          { "name": "default", "properties": { "addressPrefix": "0.0.0.0/0", "nextHopType": "Internet" } }
        ]
      }
    },
    {
      "type": "Microsoft.Network/virtualNetworks",
      "apiVersion": "2023-09-01",
      "name": "vnet-spoke",
      "location": "[parameters('location')]",
      "dependsOn": ["[resourceId('Microsoft.Network/routeTables', 'rt-spoke')]"],
      "properties": {
        "addressSpace": { "addressPrefixes": ["10.1.0.0/16"] },
        "subnets": [
          {
            "name": "snet-app",
            "properties": {
              "addressPrefix": "10.1.1.0/24",
              "routeTable": { "id": "[resourceId('Microsoft.Network/routeTables', 'rt-spoke')]" }
            }
          }
        ]
      }
    }`

const template = (parameters: string, extra: string) => `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "location": { "type": "string", "defaultValue": "westeurope" }${parameters}
  },
  "resources": [${SPOKE}${extra}
  ]
}
`

/** A generic "deploy one resource" entry: its type is a parameter. */
const BY_TYPE = `,
    {
      "type": "[parameters('resourceType')]",
      "apiVersion": "2023-09-01",
      "name": "[parameters('resourceName')]",
      "properties": "[parameters('properties')]"
    }`
const BY_TYPE_PARAMS = `,
    "resourceType": { "type": "string" },
    "resourceName": { "type": "string", "defaultValue": "extra" },
    "properties": { "type": "object", "defaultValue": {} }`

/** A route into a route table named by a parameter. */
const ROUTE_INTO = `,
    {
      "type": "Microsoft.Network/routeTables/routes",
      "apiVersion": "2023-09-01",
      "name": "[format('{0}/{1}', parameters('routeTableName'), 'kms-blackhole')]",
      "properties": { "addressPrefix": "20.118.99.224/32", "nextHopType": "None" }
    }`
const ROUTE_INTO_PARAMS = `,
    "routeTableName": { "type": "string" }`

const linked = (link: string, target = '') => `,
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "spoke-extras",${target}
      "properties": {
        "mode": "Incremental",
        "templateLink": ${link}
      }
    }`

test('negative control: every resource placeable, the spoke reaches KMS', async () => {
  const { app } = await judge({ 'azuredeploy.json': template('', '') })
  expect(app.state).toBe('reachable')
})

test('a resource whose type is a parameter without a value: undecided, naming the resource, its line and the parameter', async () => {
  const { app, findings } = await judge({ 'azuredeploy.json': template(BY_TYPE_PARAMS, BY_TYPE) })
  expect(app.state).toBe('undecided')
  expect(app.why).toContain(
    "[parameters('resourceType')]/[parameters('resourceName')] (azuredeploy.json:43) is a resource the scan cannot place: the resource type cannot be evaluated",
  )
  expect(app.why).toContain('parameter "resourceType" has no value')
  expect(app.resolve).toContain('give the parameters that name the resource')
  const named = findings.find((f) => f.message.includes('is a resource the scan cannot place'))
  expect(named?.location.startLine).toBe(43)
})

test('the same template with the type given by a parameter file is judged as written', async () => {
  const { app } = await judge({
    'azuredeploy.json': template(BY_TYPE_PARAMS, BY_TYPE),
    'azuredeploy.parameters.json': `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "resourceType": { "value": "Microsoft.Storage/storageAccounts" } }
}
`,
  })
  expect(app.state).toBe('reachable')
})

test('a route whose route table is named by a parameter without a value may be in rt-spoke: undecided, named', async () => {
  const { app } = await judge({ 'azuredeploy.json': template(ROUTE_INTO_PARAMS, ROUTE_INTO) })
  expect(app.state).toBe('undecided')
  expect(app.hop).toContain('in rt-spoke')
  expect(app.why).toContain('(azuredeploy.json:40) is a resource the scan cannot place')
  expect(app.why).toContain(
    'which Microsoft.Network/routeTables it belongs to is not known (parameter "routeTableName" has no value',
  )
})

test('control: the route table named (rt-spoke), the /32 to None is judged: blocked', async () => {
  const { app } = await judge({
    'azuredeploy.json': template(
      ROUTE_INTO_PARAMS.replace('"type": "string" }', '"type": "string", "defaultValue": "rt-spoke" }'),
      ROUTE_INTO,
    ),
  })
  expect(app.state).toBe('blocked')
})

test('a nested deployment linked by URI: undecided, naming it and how to resolve it', async () => {
  const { app } = await judge({
    'azuredeploy.json': template(
      '',
      linked('{ "uri": "https://templates.contoso.example/spoke-extras.json" }'),
    ),
  })
  expect(app.state).toBe('undecided')
  expect(app.why).toContain(
    'Microsoft.Resources/deployments/spoke-extras (azuredeploy.json:45) deploys what the scan cannot read: templates linked by URI are not followed',
  )
  expect(app.resolve).toContain('templateLink.relativePath')
})

test('a nested deployment of a template spec: undecided, named as a template spec', async () => {
  const { app } = await judge({
    'azuredeploy.json': template(
      '',
      linked(
        `{ "id": "/subscriptions/${HUB_SUB}/resourceGroups/rg-specs/providers/Microsoft.Resources/templateSpecs/spoke-extras/versions/1.0" }`,
      ),
    ),
  })
  expect(app.state).toBe('undecided')
  expect(app.why).toContain('template specs (templateLink.id) are not followed')
})

test('control: a nested deployment linked by relative path is read and judged', async () => {
  const { app } = await judge({
    'azuredeploy.json': template('', linked('{ "relativePath": "nested/storage.json" }')),
    'nested/storage.json': `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "stspoke001", "location": "westeurope", "sku": { "name": "Standard_LRS" }, "kind": "StorageV2" }
  ]
}
`,
  })
  expect(app.state).toBe('reachable')
})

describe('a nested deployment to a subscription of its own', () => {
  /** The spoke deployed into SPOKE_SUB by a nested deployment, so its objects carry that subscription. */
  const inSpokeSub = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/subscriptionDeploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "platformSubscription": { "type": "string", "defaultValue": "${HUB_SUB}" }, "otherSubscription": { "type": "string" } },
  "resources": [
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "spoke",
      "subscriptionId": "${SPOKE_SUB}",
      "resourceGroup": "rg-spoke",
      "properties": {
        "mode": "Incremental",
        "expressionEvaluationOptions": { "scope": "inner" },
        "parameters": { "location": { "value": "westeurope" } },
        "template": ${template('', '')}
      }
    },
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "platform-extras",
      "subscriptionId": "SUBSCRIPTION",
      "location": "westeurope",
      "properties": {
        "mode": "Incremental",
        "templateLink": { "uri": "https://templates.contoso.example/platform-extras.json" }
      }
    }
  ]
}
`

  test('negative control: linked into the platform subscription, it cannot touch the spoke subscription: reachable', async () => {
    const { app } = await judge({
      'main.json': inSpokeSub.replace('"SUBSCRIPTION"', `"[parameters('platformSubscription')]"`),
    })
    expect(app.state).toBe('reachable')
  })

  test('linked into the spoke subscription: undecided, naming it', async () => {
    const { app } = await judge({ 'main.json': inSpokeSub.replace('"SUBSCRIPTION"', `"${SPOKE_SUB}"`) })
    expect(app.state).toBe('undecided')
    expect(app.why).toContain('platform-extras')
  })

  test('into a subscription the scan cannot evaluate: it may be the spoke’s, undecided', async () => {
    const { app } = await judge({
      'main.json': inSpokeSub.replace('"SUBSCRIPTION"', `"[parameters('otherSubscription')]"`),
    })
    expect(app.state).toBe('undecided')
    expect(app.why).toContain('Microsoft.Resources/deployments/platform-extras (main.json:')
  })
})

describe('a copy loop of route tables over a parameter without a value', () => {
  /** One route table per entry of `tables`, each blackholing the KMS address: any of them may be rt-spoke. */
  const TABLES = `,
    {
      "type": "Microsoft.Network/routeTables",
      "apiVersion": "2023-09-01",
      "name": "[parameters('tables')[copyIndex()]]",
      "location": "[parameters('location')]",
      "copy": { "name": "tables", "count": "[length(parameters('tables'))]" },
      "properties": {
        "routes": [
          { "name": "kms-blackhole", "properties": { "addressPrefix": "20.118.99.224/32", "nextHopType": "None" } }
        ]
      }
    }`
  const TABLES_PARAMS = `,
    "tables": { "type": "array" }`

  test('any instance may redeclare rt-spoke: undecided, naming the loop', async () => {
    const { app } = await judge({ 'azuredeploy.json': template(TABLES_PARAMS, TABLES) })
    expect(app.state).toBe('undecided')
    expect(app.why).toContain(
      'deploys instances the scan cannot count: the count of copy loop "tables" is not known',
    )
  })

  test('control: the tables named by a parameter file, none of them rt-spoke: reachable', async () => {
    const { app } = await judge({
      'azuredeploy.json': template(TABLES_PARAMS, TABLES),
      'azuredeploy.parameters.json': `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "tables": { "value": ["rt-shared-01", "rt-shared-02"] } }
}
`,
    })
    expect(app.state).toBe('reachable')
  })
})
