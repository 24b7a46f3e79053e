/**
 * A template read by file() that links another by `templateLink.relativePath`: the linked template is
 * read relative to the linking one (as Azure resolves it), through the scan's read boundary, and its
 * resources are judged with the parameters passed to it. A link that leaves the scanned folder is not
 * read: named, the subnets it may change undecided.
 */
import { TF_SPOKE_APP } from '../helpers/hcl-network'
import { judgeSubnet } from '../helpers/judge-subnet'
import { armRouteIntoTable } from '../helpers/tf-templates'

const run = (files: Record<string, string>, path = '') =>
  judgeSubnet(files, { prefix: 'kms-tf-arm-linked-', path })

const SPOKE_TABLE = `
resource "azurerm_route_table" "spoke" {
  name                = "rt-spoke"
  location            = "westeurope"
  resource_group_name = "rg-spoke"
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.spoke.id
}

resource "azurerm_resource_group_template_deployment" "routing" {
  name                = "spoke-routing"
  resource_group_name = "rg-spoke"
  deployment_mode     = "Incremental"
  template_content    = file("\${path.module}/templates/main.json")
  parameters_content  = jsonencode({ routeTableName = { value = azurerm_route_table.spoke.name } })
}
`

const main = (relativePath: string) => `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "routeTableName": { "type": "string" } },
  "resources": [
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "routes",
      "properties": {
        "mode": "Incremental",
        "templateLink": { "relativePath": "${relativePath}" },
        "parameters": { "routeTableName": { "value": "[parameters('routeTableName')]" } }
      }
    }
  ]
}
`

const ROUTES = armRouteIntoTable('to-onprem', '0.0.0.0/0', 'VirtualNetworkGateway')

test('the linked template is read relative to the linking one: its route to the VPN gateway is a forced tunnel', async () => {
  const { app, findings } = await run({
    'main.tf': TF_SPOKE_APP + SPOKE_TABLE,
    'templates/main.json': main('nested/routes.json'),
    'templates/nested/routes.json': ROUTES,
  })
  expect(app.state).toBe('blocked')
  expect(app.hop).toContain('route to-onprem 0.0.0.0/0 → VirtualNetworkGateway (on-premises) in rt-spoke')
  const kms001 = findings.find((f) => f.ruleId === 'KMS001')!
  expect(kms001.location.file).toMatch(/templates\/nested\/routes\.json$/)
})

test('a link out of the scanned folder is not read: named, the subnet undecided', async () => {
  const { app } = await run(
    {
      'infra/main.tf': TF_SPOKE_APP + SPOKE_TABLE,
      'infra/templates/main.json': main('../../shared/routes.json'),
      'shared/routes.json': ROUTES,
    },
    '/infra',
  )
  expect(app.state).toBe('undecided')
  expect(app.why).toContain('the linked template ../../shared/routes.json')
})
