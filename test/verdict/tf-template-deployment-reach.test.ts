/**
 * How far a template deployed from Terraform that the scan cannot (wholly) read reaches
 * (src/sources/mapping/may-change.ts):
 *
 * - a nested deployment with its own `subscriptionId` reaches that subscription, not the deploying one; one
 *   whose subscription cannot be evaluated may be any;
 * - a VM NIC without an NSG may be given one: in a subnet another root module declares, that subnet is
 *   undecided;
 * - a hub route table whose name (hub/table) cannot be evaluated may be any table of any hub, the
 *   defaultRouteTable included (a guard: unplaced children, src/sources/mapping/may-change.ts, named it
 *   already; a table in a known hub whose own name is unknown is in bicep-unfollowed.test.ts).
 */
import { appAttaching, platformSpoke } from '../helpers/hcl-attachments'
import { tfVirtualWan, TF_RULES_DNS_ONLY } from '../helpers/hcl-network'
import { HUB_SUB, MANAGEMENT_SUB, TF_TWO_SUBSCRIPTION_HUB_AND_SPOKE } from '../helpers/tf-templates'
import { judgeSubnet } from '../helpers/judge-subnet'

const run = (files: Record<string, string>) => judgeSubnet(files, { prefix: 'kms-tf-arm-reach-' })

describe('a nested deployment to a subscription of its own', () => {
  /** The platform template, deployed in the management subscription, nests one into `connectivitySubscription`. */
  const PLATFORM_TEMPLATE = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "connectivitySubscription": { "type": "string" } },
  "resources": [
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "firewall-rules",
      "subscriptionId": "[parameters('connectivitySubscription')]",
      "resourceGroup": "rg-connectivity",
      "properties": {
        "mode": "Incremental",
        "templateLink": { "uri": "https://templates.contoso.example/connectivity/firewall-rules.json" }
      }
    }
  ]
}
`
  const deployment = (subscription: string | undefined) => `
provider "azurerm" {
  alias           = "management"
  subscription_id = "${MANAGEMENT_SUB}"
  features {}
}

variable "connectivity_subscription" {
  type = string${subscription !== undefined ? `\n  default = "${subscription}"` : ''}
}

resource "azurerm_resource_group_template_deployment" "platform" {
  provider            = azurerm.management
  name                = "platform"
  resource_group_name = "rg-management"
  deployment_mode     = "Incremental"
  template_content    = file("\${path.module}/platform.json")
  parameters_content  = jsonencode({ connectivitySubscription = { value = var.connectivity_subscription } })
}
`
  const files = (subscription: string | undefined) => ({
    'main.tf': TF_TWO_SUBSCRIPTION_HUB_AND_SPOKE + deployment(subscription),
    'platform.json': PLATFORM_TEMPLATE,
  })

  test('negative control: nested into the management subscription itself, it cannot touch the hub firewall: reachable', async () => {
    const { app } = await run(files(MANAGEMENT_SUB))
    expect(app.state).toBe('reachable')
  })

  test('nested into the connectivity subscription, it may add rules to the hub firewall policy: the spoke is undecided', async () => {
    const { app } = await run(files(HUB_SUB))
    expect(app.state).toBe('undecided')
    expect(app.hop).toContain('azurerm_resource_group_template_deployment.platform in afwp-hub')
    expect(app.why).toContain('firewall-rules: templates linked by URI are not followed')
  })

  test('nested into a subscription the scan cannot evaluate, it may be any: undecided', async () => {
    const { app } = await run(files(undefined))
    expect(app.state).toBe('undecided')
    expect(app.why).toContain('firewall-rules: templates linked by URI are not followed')
  })
})

describe('a resource the scan cannot place, in a nested deployment to a subscription of its own', () => {
  /**
   * The platform template, deployed in the management subscription, nests an inline template into
   * `connectivitySubscription` that adds a rule collection group to a policy named by a parameter the
   * pipeline passes (not known to the scan).
   */
  const PLATFORM_TEMPLATE = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "connectivitySubscription": { "type": "string" },
    "policyName": { "type": "string" }
  },
  "resources": [
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "firewall-rules",
      "subscriptionId": "[parameters('connectivitySubscription')]",
      "resourceGroup": "rg-connectivity",
      "properties": {
        "mode": "Incremental",
        "expressionEvaluationOptions": { "scope": "inner" },
        "parameters": { "policyName": { "value": "[parameters('policyName')]" } },
        "template": {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "parameters": { "policyName": { "type": "string" } },
          "resources": [
            {
              "type": "Microsoft.Network/firewallPolicies/ruleCollectionGroups",
              "apiVersion": "2023-09-01",
              "name": "[format('{0}/{1}', parameters('policyName'), 'rcg-platform')]",
              "properties": {
                "priority": 100,
                "ruleCollections": [
                  {
                    "ruleCollectionType": "FirewallPolicyFilterRuleCollection",
                    "name": "deny-outbound",
                    "priority": 100,
                    "action": { "type": "Deny" },
                    "rules": [
                      {
                        "ruleType": "NetworkRule",
                        "name": "deny-all",
                        "ipProtocols": ["Any"],
                        "sourceAddresses": ["*"],
                        "destinationAddresses": ["*"],
                        "destinationPorts": ["*"]
                      }
                    ]
                  }
                ]
              }
            }
          ]
        }
      }
    }
  ]
}
`
  const deployment = (subscription: string | undefined) => `
provider "azurerm" {
  alias           = "management"
  subscription_id = "${MANAGEMENT_SUB}"
  features {}
}

variable "connectivity_subscription" {
  type = string${subscription !== undefined ? `\n  default = "${subscription}"` : ''}
}

variable "policy_name" {
  type = string
}

resource "azurerm_resource_group_template_deployment" "platform" {
  provider            = azurerm.management
  name                = "platform"
  resource_group_name = "rg-management"
  deployment_mode     = "Incremental"
  template_content    = file("\${path.module}/platform.json")
  parameters_content = jsonencode({
    connectivitySubscription = { value = var.connectivity_subscription }
    policyName               = { value = var.policy_name }
  })
}
`
  const files = (subscription: string | undefined) => ({
    'main.tf': TF_TWO_SUBSCRIPTION_HUB_AND_SPOKE + deployment(subscription),
    'platform.json': PLATFORM_TEMPLATE,
  })

  test('negative control: nested into the management subscription itself, it cannot touch the hub firewall policy: reachable', async () => {
    const { app } = await run(files(MANAGEMENT_SUB))
    expect(app.state).toBe('reachable')
  })

  test('nested into the connectivity subscription, the rule collection group may be the hub policy’s: undecided, named', async () => {
    const { app } = await run(files(HUB_SUB))
    expect(app.state).toBe('undecided')
    expect(app.hop).toContain('azurerm_resource_group_template_deployment.platform in afwp-hub')
    expect(app.why).toContain('an ARM template with a resource the scan cannot place')
    expect(app.why).toContain('which Microsoft.Network/firewallPolicies it belongs to is not known')
  })

  test('nested into a subscription the scan cannot evaluate, it may be any: undecided', async () => {
    const { app } = await run(files(undefined))
    expect(app.state).toBe('undecided')
    expect(app.why).toContain('which Microsoft.Network/firewallPolicies it belongs to is not known')
  })
})

describe('a VM NIC in a subnet another root module declares', () => {
  const UNREADABLE = `
data "http" "vm_extras" {
  url = "https://templates.contoso.example/workload/vm-extras.json"
}

resource "azurerm_resource_group_template_deployment" "vm_extras" {
  name                = "vm-extras"
  resource_group_name = "rg-workload"
  deployment_mode     = "Incremental"
  template_content    = data.http.vm_extras.response_body
}
`

  test('negative control: no template, the NIC without an NSG leaves the platform subnet reachable', async () => {
    const { app } = await run({
      'platform/main.tf': platformSpoke(),
      'app/main.tf': appAttaching('nic', false, false),
    })
    expect(app.state).toBe('reachable')
  })

  test('an unreadable template of the application root may give the NIC an NSG: the platform subnet is undecided', async () => {
    const { app } = await run({
      'platform/main.tf': platformSpoke(),
      'app/main.tf': appAttaching('nic', false, false) + UNREADABLE,
    })
    expect(app.state).toBe('undecided')
    expect(app.why).toContain('it may attach a network security group to this network interface')
  })
})

describe('a hub route table whose own name cannot be evaluated', () => {
  /** A template writing a route table into the hub it is given, under a name it is given. */
  const HUB_TABLE_TEMPLATE = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "hubName": { "type": "string" },
    "tableName": { "type": "string" },
    "firewallId": { "type": "string" }
  },
  "resources": [
    {
      "type": "Microsoft.Network/virtualHubs",
      "apiVersion": "2023-09-01",
      "name": "[parameters('hubName')]",
      "location": "westeurope",
      "existing": true
    },
    {
      "type": "Microsoft.Network/virtualHubs/hubRouteTables",
      "apiVersion": "2023-09-01",
      "name": "[format('{0}/{1}', parameters('hubName'), parameters('tableName'))]",
      "properties": {
        "routes": [
          {
            "name": "all-traffic",
            "destinationType": "CIDR",
            "destinations": ["0.0.0.0/0"],
            "nextHopType": "ResourceId",
            "nextHop": "[parameters('firewallId')]"
          }
        ]
      }
    }
  ]
}
`
  const deployment = (tableName: string | undefined) => `
variable "table_name" {
  type = string${tableName !== undefined ? `\n  default = "${tableName}"` : ''}
}

resource "azurerm_resource_group_template_deployment" "hub_table" {
  name                = "hub-table"
  resource_group_name = azurerm_resource_group.hub.name
  deployment_mode     = "Incremental"
  template_content    = file("\${path.module}/hub-table.json")
  parameters_content = jsonencode({
    hubName    = { value = azurerm_virtual_hub.weu.name }
    tableName  = { value = var.table_name }
    firewallId = { value = azurerm_firewall.hub.id }
  })
}
`
  const wan = (tableName: string | undefined) => ({
    'main.tf': tfVirtualWan({ rules: TF_RULES_DNS_ONLY, hubRouting: '', extra: deployment(tableName) }),
    'hub-table.json': HUB_TABLE_TEMPLATE,
  })

  test('control: named defaultRouteTable, its 0.0.0.0/0 goes to the hub firewall, which denies KMS: blocked', async () => {
    const { app } = await run(wan('defaultRouteTable'))
    expect(app.state).toBe('blocked')
  })

  test('control: a table of another name, which no connection uses, leaves the spoke going out directly: reachable', async () => {
    const { app } = await run(wan('rt-unused'))
    expect(app.state).toBe('reachable')
  })

  test('its name not known, it may be the defaultRouteTable: undecided, naming it', async () => {
    const { app } = await run(wan(undefined))
    expect(app.state).toBe('undecided')
    expect(app.why).toContain(
      'azurerm_resource_group_template_deployment.hub_table deploys an ARM template with a resource the scan cannot place: Microsoft.Network/virtualHubs/hubRouteTables/',
    )
    expect(app.why).toContain('no value for variable table_name')
  })
})
