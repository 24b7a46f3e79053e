/**
 * The other ways Terraform hands a template over: rendered by templatefile(), and the deprecated
 * azurerm_template_deployment with `template_body` and a `parameters` map of strings. Each deploys the
 * spoke's route table with 0.0.0.0/0 to the VPN gateway: a forced tunnel (KMS001).
 */
import { scan } from '../../src/pipeline/scan'
import { TF_SPOKE_APP } from '../helpers/hcl-network'
import { tree as treeOn } from '../helpers/tree'

const tree = (files: Record<string, string>) => treeOn(files, 'kms-tf-arm-forms-')
const run = (dir: string) => scan({ path: dir, cloud: 'AzureCloud', varFiles: [], workers: false })

const ASSOCIATION = (deployment: string) => `
resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-spoke/providers/Microsoft.Network/routeTables/rt-spoke"
  depends_on     = [${deployment}]
}
`

/** A template with Terraform's template directives: one route per entry of `routes`. */
const ROUTES_TPL = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Network/routeTables",
      "apiVersion": "2023-09-01",
      "name": "\${name}",
      "location": "[resourceGroup().location]",
      "properties": {
        "routes": [
%{ for i, r in routes ~}
          {
            "name": "\${r.name}",
            "properties": { "addressPrefix": "\${r.prefix}", "nextHopType": "\${r.next_hop}" }
          }\${i < length(routes) - 1 ? "," : ""}
%{ endfor ~}
        ]
      }
    }
  ]
}
`

const TEMPLATEFILE = `
resource "azurerm_resource_group_template_deployment" "spoke_routes" {
  name                = "rt-spoke"
  resource_group_name = "rg-spoke"
  deployment_mode     = "Incremental"
  template_content = templatefile("\${path.module}/routes.json.tftpl", {
    name = "rt-spoke"
    routes = [
      { name = "local", prefix = "10.1.0.0/16", next_hop = "VnetLocal" },
      { name = "default-to-onprem", prefix = "0.0.0.0/0", next_hop = "VirtualNetworkGateway" },
    ]
  })
}
`

test('a template rendered by templatefile() is evaluated: forced tunnel (KMS001)', async () => {
  const result = await run(
    tree({
      'main.tf': `${TF_SPOKE_APP}${ASSOCIATION('azurerm_resource_group_template_deployment.spoke_routes')}${TEMPLATEFILE}`,
      'routes.json.tftpl': ROUTES_TPL,
    }),
  )
  const app = result.verdict.subnets.find((s) => s.subnet === 'snet-app')!
  expect(app.state).toBe('blocked')
  expect(app.hop).toContain(
    'route default-to-onprem 0.0.0.0/0 → VirtualNetworkGateway (on-premises) in rt-spoke',
  )
  expect(result.findings.some((f) => f.ruleId === 'KMS001')).toBe(true)
})

const DEPRECATED = `
resource "azurerm_template_deployment" "spoke_routes" {
  name                = "rt-spoke"
  resource_group_name = "rg-spoke"
  deployment_mode     = "Incremental"
  parameters = {
    routeTableName = "rt-spoke"
    nextHopType    = "VirtualNetworkGateway"
  }
  template_body = <<DEPLOY
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "routeTableName": { "type": "string" },
    "nextHopType": { "type": "string", "defaultValue": "Internet" }
  },
  "resources": [
    {
      "type": "Microsoft.Network/routeTables",
      "apiVersion": "2023-09-01",
      "name": "[parameters('routeTableName')]",
      "location": "[resourceGroup().location]",
      "properties": {
        "routes": [
          {
            "name": "default",
            "properties": { "addressPrefix": "0.0.0.0/0", "nextHopType": "[parameters('nextHopType')]" }
          }
        ]
      }
    }
  ]
}
DEPLOY
}
`

test('the deprecated azurerm_template_deployment with a parameters map: forced tunnel (KMS001)', async () => {
  const result = await run(
    tree({
      'main.tf': `${TF_SPOKE_APP}${ASSOCIATION('azurerm_template_deployment.spoke_routes')}${DEPRECATED}`,
    }),
  )
  const app = result.verdict.subnets.find((s) => s.subnet === 'snet-app')!
  expect(app.state).toBe('blocked')
  expect(app.hop).toContain('route default 0.0.0.0/0 → VirtualNetworkGateway (on-premises) in rt-spoke')
})
