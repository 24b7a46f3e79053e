/**
 * Spoke routing deployed from Terraform through an ARM template: the template written inline (jsonencode
 * of an HCL object, a heredoc) or as an azapi Microsoft.Resources/deployments body, with parameters that
 * Terraform computes at apply (the hub firewall's private address) kept as references to what they name.
 */
import { scan } from '../../src/pipeline/scan'
import {
  TF_HUB_VNET,
  TF_RULES_DNS_ONLY,
  TF_SPOKE_APP,
  tfHubFirewall,
  tfRulesKmsAllowed,
} from '../helpers/hcl-network'
import { tree as treeOn } from '../helpers/tree'

const tree = (files: Record<string, string>) => treeOn(files, 'kms-tf-arm-routes-')
const run = (dir: string) => scan({ path: dir, cloud: 'AzureCloud', varFiles: [], workers: false })

/** The spoke subnet uses rt-spoke, which only the template declares. */
const ASSOCIATION = `
variable "subscription_id" {
  type    = string
  default = "00000000-0000-0000-0000-000000000001"
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = "/subscriptions/\${var.subscription_id}/resourceGroups/rg-spoke/providers/Microsoft.Network/routeTables/rt-spoke"
  depends_on     = [azurerm_resource_group_template_deployment.spoke_routes]
}
`

/** rt-spoke with 0.0.0.0/0 → the VPN gateway, the template written as an HCL object. */
const JSONENCODE_FORCED_TUNNEL = `
resource "azurerm_resource_group_template_deployment" "spoke_routes" {
  name                = "rt-spoke"
  resource_group_name = "rg-spoke"
  deployment_mode     = "Incremental"

  template_content = jsonencode({
    "$schema"      = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
    contentVersion = "1.0.0.0"
    parameters = {
      routeTableName = { type = "string" }
      defaultNextHop = { type = "string", defaultValue = "VirtualNetworkGateway" }
    }
    resources = [
      {
        type       = "Microsoft.Network/routeTables"
        apiVersion = "2023-09-01"
        name       = "[parameters('routeTableName')]"
        location   = "[resourceGroup().location]"
        properties = {
          disableBgpRoutePropagation = false
          routes = [
            {
              name       = "default-to-onprem"
              properties = {
                addressPrefix = "0.0.0.0/0"
                nextHopType   = "[parameters('defaultNextHop')]"
              }
            }
          ]
        }
      }
    ]
  })

  parameters_content = jsonencode({
    routeTableName = { value = "rt-spoke" }
  })
}
`

test('a spoke route table from a jsonencode template with 0.0.0.0/0 → VirtualNetworkGateway: forced tunnel (KMS001)', async () => {
  const result = await run(tree({ 'main.tf': `${TF_SPOKE_APP}${ASSOCIATION}${JSONENCODE_FORCED_TUNNEL}` }))
  expect(result.verdict.overall).toBe('blocked')
  const app = result.verdict.subnets.find((s) => s.subnet === 'snet-app')!
  expect(app.hop).toContain(
    'route default-to-onprem 0.0.0.0/0 → VirtualNetworkGateway (on-premises) in rt-spoke',
  )
  const kms001 = result.findings.find((f) => f.ruleId === 'KMS001')!
  expect(kms001.resource).toContain('azurerm_resource_group_template_deployment.spoke_routes')
  // The route is written in the template_content argument of main.tf.
  expect(kms001.location.file).toMatch(/main\.tf$/)
  const text = `${TF_SPOKE_APP}${ASSOCIATION}${JSONENCODE_FORCED_TUNNEL}`.split('\n')
  expect(text[kms001.location.startLine - 1]).toMatch(/template_content = jsonencode/)
})

/**
 * rt-spoke with 0.0.0.0/0 → the hub firewall's private address, a heredoc template whose next hop is a
 * parameter Terraform knows only after apply.
 */
const HEREDOC_VIA_FIREWALL = `
resource "azurerm_resource_group_template_deployment" "spoke_routes" {
  name                = "rt-spoke"
  resource_group_name = "rg-spoke"
  deployment_mode     = "Incremental"

  template_content = <<TEMPLATE
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "firewallPrivateIp": { "type": "string" }
  },
  "resources": [
    {
      "type": "Microsoft.Network/routeTables",
      "apiVersion": "2023-09-01",
      "name": "rt-spoke",
      "location": "[resourceGroup().location]",
      "properties": {
        "disableBgpRoutePropagation": true,
        "routes": [
          {
            "name": "default-via-firewall",
            "properties": {
              "addressPrefix": "0.0.0.0/0",
              "nextHopType": "VirtualAppliance",
              "nextHopIpAddress": "[parameters('firewallPrivateIp')]"
            }
          }
        ]
      }
    }
  ]
}
TEMPLATE

  parameters_content = jsonencode({
    firewallPrivateIp = { value = azurerm_firewall.hub.ip_configuration[0].private_ip_address }
  })
}
`

const viaFirewall = (rules: string) =>
  tree({
    'main.tf': `${TF_HUB_VNET}${tfHubFirewall(rules)}${TF_SPOKE_APP}${ASSOCIATION}${HEREDOC_VIA_FIREWALL}`,
  })

describe('a next hop Terraform computes at apply, passed as a template parameter', () => {
  test('the hub firewall it names allows only DNS: blocked at the firewall (KMS003)', async () => {
    const result = await run(viaFirewall(TF_RULES_DNS_ONLY))
    const app = result.verdict.subnets.find((s) => s.subnet === 'snet-app')!
    expect(app.state).toBe('blocked')
    expect(app.hop).toBe('firewall afw-hub: no rule allows TCP 1688')
    const kms003 = result.findings.find((f) => f.ruleId === 'KMS003' && f.message.includes('afw-hub'))!
    // The route's own line in the heredoc.
    const text = `${TF_HUB_VNET}${tfHubFirewall(TF_RULES_DNS_ONLY)}${TF_SPOKE_APP}${ASSOCIATION}${HEREDOC_VIA_FIREWALL}`
    const lines = text.split('\n').slice(kms003.location.startLine - 1, kms003.location.startLine + 1)
    expect(lines.join('\n')).toContain('"name": "default-via-firewall"')
  })

  test('the hub firewall allows TCP 1688 to the KMS addresses: reachable through it, no finding', async () => {
    const result = await run(viaFirewall(tfRulesKmsAllowed(['20.118.99.224', '40.83.235.53'])))
    const app = result.verdict.subnets.find((s) => s.subnet === 'snet-app')!
    expect(app.state).toBe('reachable')
    expect(app.path).toContain('afw-hub: rule azure-kms (Allow)')
    expect(result.findings.filter((f) => f.severity !== 'notice')).toEqual([])
  })
})

/** The same forced tunnel as an azapi Microsoft.Resources/deployments resource (azapi v2: body as an object). */
const AZAPI_FORCED_TUNNEL = `
resource "azapi_resource" "spoke_routes" {
  type      = "Microsoft.Resources/deployments@2022-09-01"
  name      = "rt-spoke"
  parent_id = "/subscriptions/\${var.subscription_id}/resourceGroups/rg-spoke"
  body = {
    properties = {
      mode = "Incremental"
      template = {
        "$schema"      = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
        contentVersion = "1.0.0.0"
        parameters = {
          prefix = { type = "string" }
        }
        resources = [
          {
            type       = "Microsoft.Network/routeTables"
            apiVersion = "2023-09-01"
            name       = "rt-spoke"
            location   = "westeurope"
            properties = {
              routes = [
                {
                  name = "default-to-onprem"
                  properties = {
                    addressPrefix = "[parameters('prefix')]"
                    nextHopType   = "VirtualNetworkGateway"
                  }
                }
              ]
            }
          }
        ]
      }
      parameters = {
        prefix = { value = "0.0.0.0/0" }
      }
    }
  }
}
`

test('an azapi Microsoft.Resources/deployments resource is evaluated as a template: forced tunnel (KMS001)', async () => {
  const association = ASSOCIATION.replace('azurerm_resource_group_template_deployment', 'azapi_resource')
  const result = await run(tree({ 'main.tf': `${TF_SPOKE_APP}${association}${AZAPI_FORCED_TUNNEL}` }))
  const app = result.verdict.subnets.find((s) => s.subnet === 'snet-app')!
  expect(app.state).toBe('blocked')
  expect(app.hop).toContain('default-to-onprem 0.0.0.0/0 → VirtualNetworkGateway')
  expect(result.findings.some((f) => f.ruleId === 'KMS001')).toBe(true)
})

/** azapi v1: the body is `jsonencode({...})`, its next hop the firewall's address known only at apply. */
const AZAPI_V1_ROUTE_TABLE = `
resource "azapi_resource" "rt_spoke" {
  type      = "Microsoft.Network/routeTables@2023-09-01"
  name      = "rt-spoke"
  location  = "westeurope"
  parent_id = "/subscriptions/\${var.subscription_id}/resourceGroups/rg-spoke"
  body = jsonencode({
    properties = {
      routes = [
        {
          name = "default-via-firewall"
          properties = {
            addressPrefix    = "0.0.0.0/0"
            nextHopType      = "VirtualAppliance"
            nextHopIpAddress = azurerm_firewall.hub.ip_configuration[0].private_ip_address
          }
        }
      ]
    }
  })
}

variable "subscription_id" {
  type    = string
  default = "00000000-0000-0000-0000-000000000001"
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azapi_resource.rt_spoke.id
}
`

test('an azapi jsonencode body with a part known only at apply keeps the rest: the route reaches the firewall', async () => {
  const result = await run(
    tree({
      'main.tf': `${TF_HUB_VNET}${tfHubFirewall(TF_RULES_DNS_ONLY)}${TF_SPOKE_APP}${AZAPI_V1_ROUTE_TABLE}`,
    }),
  )
  const app = result.verdict.subnets.find((s) => s.subnet === 'snet-app')!
  expect(app.state).toBe('blocked')
  expect(app.hop).toBe('firewall afw-hub: no rule allows TCP 1688')
})
