/**
 * A template deployment the scan cannot read (its template is not known before apply, a template spec, a
 * nested template linked by URI) may change any subnet's route table, routes or NSG: those subnets are
 * undecided and the deployment is named, never passed. A readable template without network resources
 * changes nothing.
 */
import { scan } from '../../src/pipeline/scan'
import { TF_SPOKE_APP } from '../helpers/hcl-network'
import { armRouteIntoTable, TF_SPOKE_TABLE_INTERNET } from '../helpers/tf-templates'
import { tree as treeOn } from '../helpers/tree'

const tree = (files: Record<string, string>) => treeOn(files, 'kms-tf-arm-opaque-')
const run = (dir: string) => scan({ path: dir, cloud: 'AzureCloud', varFiles: [], workers: false })

const SPOKE_TABLE = TF_SPOKE_TABLE_INTERNET

const STORAGE_ONLY = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "name": { "type": "string" } },
  "resources": [
    {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-01-01",
      "name": "[parameters('name')]",
      "location": "[resourceGroup().location]",
      "sku": { "name": "Standard_LRS" },
      "kind": "StorageV2"
    }
  ]
}
`

const deployment = (template: string, extra = '') => `
resource "azurerm_resource_group_template_deployment" "platform" {
  name                = "platform"
  resource_group_name = "rg-spoke"
  deployment_mode     = "Incremental"
  ${template}
  parameters_content  = jsonencode({ name = { value = "stplatform001" } })
}
${extra}`

const FROM_HTTP = deployment(
  'template_content    = data.http.template.response_body',
  `
data "http" "template" {
  url = "https://templates.contoso.example/platform/azuredeploy.json"
}
`,
)

test('a template only known at apply makes the subnets it may change undecided, naming the deployment', async () => {
  const result = await run(tree({ 'main.tf': `${TF_SPOKE_APP}${SPOKE_TABLE}${FROM_HTTP}` }))
  expect(result.verdict.overall).toBe('undecided')
  const app = result.verdict.subnets.find((s) => s.subnet === 'snet-app')!
  expect(app.state).toBe('undecided')
  expect(app.hop).toContain('azurerm_resource_group_template_deployment.platform')
  expect(app.why).toContain(
    'azurerm_resource_group_template_deployment.platform deploys an ARM template the scan cannot read: template_content is not known',
  )
  expect(app.why).toContain('it may add routes to this route table')
  expect(app.resolve).toMatch(/file\(\)|live: true/)
  const notice = result.findings.find(
    (f) => f.ruleId === 'KMS011' && f.message.includes('deploys an ARM template the scan cannot read'),
  )!
  expect(notice.location.file).toMatch(/main\.tf$/)
})

/** A route added to rt-spoke by a template: 0.0.0.0/1 (both KMS addresses) to the VPN gateway. */
const SPLIT_DEFAULT = armRouteIntoTable('split-low', '0.0.0.0/1', 'VirtualNetworkGateway')

const SPLIT_DEPLOYMENT = `
resource "azurerm_resource_group_template_deployment" "routes" {
  name                = "spoke-routes"
  resource_group_name = azurerm_route_table.spoke.resource_group_name
  deployment_mode     = "Incremental"
  template_content    = file("\${path.module}/split.json")
  parameters_content  = jsonencode({ routeTableName = { value = azurerm_route_table.spoke.name } })
}
`

test('of two templates, the storage-only one changes nothing; the one adding a route to rt-spoke decides', async () => {
  const storage = deployment('template_content    = file("${path.module}/storage.json")')
  const result = await run(
    tree({
      'main.tf': `${TF_SPOKE_APP}${SPOKE_TABLE}${storage}${SPLIT_DEPLOYMENT}`,
      'storage.json': STORAGE_ONLY,
      'split.json': SPLIT_DEFAULT,
    }),
  )
  const app = result.verdict.subnets.find((s) => s.subnet === 'snet-app')!
  expect(app.state).toBe('blocked')
  expect(app.hop).toContain('route split-low 0.0.0.0/1 → VirtualNetworkGateway (on-premises) in rt-spoke')
  const kms001 = result.findings.find((f) => f.ruleId === 'KMS001')!
  // The route's lines in split.json.
  expect(kms001.location.file).toMatch(/split\.json$/)
  expect(kms001.location.startLine).toBe(6)
  expect(result.findings.filter((f) => f.message.includes('template_deployment.platform'))).toEqual([])
})

test('a template spec is not read: undecided, named', async () => {
  const spec = deployment(
    'template_spec_version_id = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-specs/providers/Microsoft.Resources/templateSpecs/spoke-routing/versions/1.0"',
  )
  const result = await run(tree({ 'main.tf': `${TF_SPOKE_APP}${spec}` }))
  const app = result.verdict.subnets.find((s) => s.subnet === 'snet-app')!
  expect(app.state).toBe('undecided')
  expect(app.why).toContain('template spec')
  expect(app.why).toContain('spoke-routing')
  expect(app.why).toContain('it may attach a route table to this subnet')
})

const LINKED_BY_URI = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "routing",
      "properties": {
        "mode": "Incremental",
        "templateLink": { "uri": "https://templates.contoso.example/routing.json" }
      }
    }
  ]
}
`

test('a readable template whose nested template is linked by URI: the part not read is named', async () => {
  const linked = deployment('template_content    = file("${path.module}/main.json")')
  const result = await run(
    tree({ 'main.tf': `${TF_SPOKE_APP}${SPOKE_TABLE}${linked}`, 'main.json': LINKED_BY_URI }),
  )
  const app = result.verdict.subnets.find((s) => s.subnet === 'snet-app')!
  expect(app.state).toBe('undecided')
  expect(app.why).toContain('templates linked by URI are not followed')
})
