/**
 * A template deployment's outputs read back in Terraform: `jsondecode(….output_content).<name>.value` is
 * the template's output (output_content is `{"name":{"type":…,"value":…}}`), so a route table the template
 * creates and Terraform associates with the spoke by that output decides the spoke's path. An output known
 * only at apply stays unknown with its ref: a next hop passed through the template as the firewall's
 * private address is still that firewall.
 */
import { TF_SPOKE_APP, tfHubFirewall, tfHubVnet, TF_RULES_DNS_ONLY } from '../helpers/hcl-network'
import { judgeSubnet } from '../helpers/judge-subnet'

const run = (files: Record<string, string>) => judgeSubnet(files, { prefix: 'kms-tf-arm-outputs-' })

/** A route table with 0.0.0.0/0 to the next hop it is given; its id and the next hop are outputs. */
const ROUTE_TABLE_JSON = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "routeTableName": { "type": "string" },
    "nextHopType": { "type": "string" },
    "nextHopIpAddress": { "type": "string", "defaultValue": "" }
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
            "properties": {
              "addressPrefix": "0.0.0.0/0",
              "nextHopType": "[parameters('nextHopType')]",
              "nextHopIpAddress": "[if(empty(parameters('nextHopIpAddress')), null(), parameters('nextHopIpAddress'))]"
            }
          }
        ]
      }
    }
  ],
  "outputs": {
    "routeTableId": {
      "type": "string",
      "value": "[resourceId('Microsoft.Network/routeTables', parameters('routeTableName'))]"
    },
    "nextHop": { "type": "string", "value": "[parameters('nextHopIpAddress')]" }
  }
}
`

const deployment = (params: string) => `
resource "azurerm_resource_group_template_deployment" "spoke_routes" {
  name                = "spoke-routes"
  resource_group_name = "rg-spoke"
  deployment_mode     = "Incremental"
  template_content    = file("\${path.module}/route-table.json")
  parameters_content  = jsonencode(${params})
}

locals {
  spoke_routes = jsondecode(azurerm_resource_group_template_deployment.spoke_routes.output_content)
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = local.spoke_routes.routeTableId.value
}
`

test('the route table id output associates the template table: its 0.0.0.0/0 to the VPN gateway is a forced tunnel', async () => {
  const { app } = await run({
    'main.tf':
      TF_SPOKE_APP +
      deployment(
        '{ routeTableName = { value = "rt-spoke" }, nextHopType = { value = "VirtualNetworkGateway" } }',
      ),
    'route-table.json': ROUTE_TABLE_JSON,
  })
  expect(app.state).toBe('blocked')
  expect(app.hop).toContain('route default 0.0.0.0/0 → VirtualNetworkGateway (on-premises) in rt-spoke')
})

test('negative control: the same table sending 0.0.0.0/0 to the Internet: reachable', async () => {
  const { app } = await run({
    'main.tf':
      TF_SPOKE_APP +
      deployment('{ routeTableName = { value = "rt-spoke" }, nextHopType = { value = "Internet" } }'),
    'route-table.json': ROUTE_TABLE_JSON,
  })
  expect(app.state).toBe('reachable')
})

test('an output known only at apply keeps its ref: the next hop output is the hub firewall, whose policy decides', async () => {
  const { app } = await run({
    'main.tf': `${TF_SPOKE_APP}${tfHubVnet()}${tfHubFirewall(TF_RULES_DNS_ONLY)}
resource "azurerm_route_table" "spoke" {
  name                = "rt-spoke"
  location            = "westeurope"
  resource_group_name = "rg-spoke"
}

resource "azurerm_route" "default" {
  name                   = "default"
  resource_group_name    = "rg-spoke"
  route_table_name       = azurerm_route_table.spoke.name
  address_prefix         = "0.0.0.0/0"
  next_hop_type          = "VirtualAppliance"
  next_hop_in_ip_address = jsondecode(azurerm_resource_group_template_deployment.hop.output_content).nextHop.value
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.spoke.id
}

resource "azurerm_resource_group_template_deployment" "hop" {
  name                = "egress-hop"
  resource_group_name = "rg-hub"
  deployment_mode     = "Incremental"
  template_content    = file("\${path.module}/route-table.json")
  parameters_content = jsonencode({
    routeTableName   = { value = "rt-unused" }
    nextHopType      = { value = "VirtualAppliance" }
    nextHopIpAddress = { value = azurerm_firewall.hub.ip_configuration[0].private_ip_address }
  })
}
`,
    'route-table.json': ROUTE_TABLE_JSON,
  })
  expect(app.state).toBe('blocked')
  expect(app.hop).toBe('firewall afw-hub: no rule allows TCP 1688')
})
