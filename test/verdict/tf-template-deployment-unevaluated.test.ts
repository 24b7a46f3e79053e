/**
 * A readable template deployed from Terraform with a resource the scan cannot place: its type is a
 * parameter Terraform knows only at plan, or it is a route whose route table's name is. It may be a route,
 * an NSG rule or a firewall rule in any object of the deployment's scope: the subnets it may change are
 * undecided, naming the deployment and the resource, not a notice beside a "reachable". With the value
 * known, the same template is judged as written.
 */
import { TF_SPOKE_APP } from '../helpers/hcl-network'
import { TF_SPOKE_TABLE_INTERNET } from '../helpers/tf-templates'
import { judgeSubnet } from '../helpers/judge-subnet'

const run = (files: Record<string, string>) => judgeSubnet(files, { prefix: 'kms-tf-arm-uneval-' })

const SPOKE_TABLE = TF_SPOKE_TABLE_INTERNET

/** A template whose one resource's type is a parameter (a generic "deploy one resource" template). */
const ONE_RESOURCE = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "resourceType": { "type": "string" },
    "resourceName": { "type": "string" },
    "properties": { "type": "object" }
  },
  "resources": [
    {
      "type": "[parameters('resourceType')]",
      "apiVersion": "2023-09-01",
      "name": "[parameters('resourceName')]",
      "location": "[resourceGroup().location]",
      "properties": "[parameters('properties')]"
    }
  ]
}
`

const oneResource = (typeDefault: string | undefined) => `
variable "resource_type" {
  type = string${typeDefault !== undefined ? `\n  default = "${typeDefault}"` : ''}
}

resource "azurerm_resource_group_template_deployment" "extra" {
  name                = "spoke-extra"
  resource_group_name = "rg-spoke"
  deployment_mode     = "Incremental"
  template_content    = file("\${path.module}/one-resource.json")
  parameters_content = jsonencode({
    resourceType = { value = var.resource_type }
    resourceName = { value = "stspokeextra001" }
    properties   = { value = {} }
  })
}
`

/** A route added to a route table named by a parameter. */
const ADD_ROUTE = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "routeTableName": { "type": "string" } },
  "resources": [
    {
      "type": "Microsoft.Network/routeTables/routes",
      "apiVersion": "2023-09-01",
      "name": "[format('{0}/{1}', parameters('routeTableName'), 'to-onprem')]",
      "properties": { "addressPrefix": "10.50.0.0/16", "nextHopType": "VirtualNetworkGateway" }
    }
  ]
}
`

const addRoute = (tableDefault: string | undefined) => `
variable "route_table_name" {
  type = string${tableDefault !== undefined ? `\n  default = "${tableDefault}"` : ''}
}

resource "azurerm_resource_group_template_deployment" "onprem" {
  name                = "spoke-onprem-route"
  resource_group_name = "rg-spoke"
  deployment_mode     = "Incremental"
  template_content    = file("\${path.module}/add-route.json")
  parameters_content  = jsonencode({ routeTableName = { value = var.route_table_name } })
}
`

describe('a resource of a readable template whose type cannot be evaluated', () => {
  test('the subnets it may change are undecided, naming the deployment and why', async () => {
    const { app } = await run({
      'main.tf': TF_SPOKE_APP + SPOKE_TABLE + oneResource(undefined),
      'one-resource.json': ONE_RESOURCE,
    })
    expect(app.state).toBe('undecided')
    expect(app.why).toContain(
      'azurerm_resource_group_template_deployment.extra deploys an ARM template with a resource the scan cannot place',
    )
    expect(app.why).toContain('the resource type cannot be evaluated')
  })

  test('negative control: the type known (a storage account): reachable', async () => {
    const { app } = await run({
      'main.tf': TF_SPOKE_APP + SPOKE_TABLE + oneResource('Microsoft.Storage/storageAccounts'),
      'one-resource.json': ONE_RESOURCE,
    })
    expect(app.state).toBe('reachable')
  })
})

describe('a route of a readable template whose route table cannot be told', () => {
  test('the route tables it may be in are undecided, naming the deployment and the route', async () => {
    const { app } = await run({
      'main.tf': TF_SPOKE_APP + SPOKE_TABLE + addRoute(undefined),
      'add-route.json': ADD_ROUTE,
    })
    expect(app.state).toBe('undecided')
    expect(app.why).toContain(
      'azurerm_resource_group_template_deployment.onprem deploys an ARM template with a resource the scan cannot place',
    )
    expect(app.why).toContain('which Microsoft.Network/routeTables it belongs to is not known')
  })

  test('negative control: the table named (rt-spoke): the route joins it, KMS still goes out: reachable', async () => {
    const { app } = await run({
      'main.tf': TF_SPOKE_APP + SPOKE_TABLE + addRoute('rt-spoke'),
      'add-route.json': ADD_ROUTE,
    })
    expect(app.state).toBe('reachable')
    expect(app.path).toContain('rt-spoke')
  })
})
