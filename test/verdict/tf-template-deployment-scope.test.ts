/**
 * A template deployment the scan cannot read may change the existing network objects of its scope: add a
 * rule collection group to the hub firewall's policy, a rule to an NSG, a route to a route table. Spokes in
 * other subscriptions whose KMS path crosses the hub firewall of the deployment's subscription are then
 * undecided, naming the deployment, never reachable. A readable template that deploys nothing of the
 * network leaves them reachable.
 */
import { tfRulesKmsAllowed, tfVirtualWan } from '../helpers/hcl-network'
import {
  HUB_SUB,
  MANAGEMENT_SUB,
  SPOKE_SUB,
  TF_TWO_SUBSCRIPTION_HUB_AND_SPOKE as ESTATE,
} from '../helpers/tf-templates'
import { judgeSubnet } from '../helpers/judge-subnet'

const run = (files: Record<string, string>) => judgeSubnet(files, { prefix: 'kms-tf-arm-scope-' })

/** A deployment in the connectivity subscription whose template only the pipeline knows (fetched over HTTP). */
const HUB_DEPLOYMENT_FROM_HTTP = `
data "http" "firewall_rules" {
  url = "https://templates.contoso.example/connectivity/firewall-rules.json"
}

resource "azurerm_resource_group_template_deployment" "firewall_rules" {
  provider            = azurerm.connectivity
  name                = "firewall-rules"
  resource_group_name = "rg-connectivity"
  deployment_mode     = "Incremental"
  template_content    = data.http.firewall_rules.response_body
  parameters_content  = jsonencode({ policyName = { value = azurerm_firewall_policy.hub.name } })
}
`

const STORAGE_ONLY = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "policyName": { "type": "string" } },
  "resources": [
    {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-01-01",
      "name": "stflowlogs001",
      "location": "[resourceGroup().location]",
      "sku": { "name": "Standard_LRS" },
      "kind": "StorageV2"
    }
  ]
}
`

const HUB_DEPLOYMENT_READABLE = `
resource "azurerm_resource_group_template_deployment" "firewall_rules" {
  provider            = azurerm.connectivity
  name                = "firewall-rules"
  resource_group_name = "rg-connectivity"
  deployment_mode     = "Incremental"
  template_content    = file("\${path.module}/flowlogs.json")
  parameters_content  = jsonencode({ policyName = { value = azurerm_firewall_policy.hub.name } })
}
`

test('negative control: without the deployment the spoke in the landing-zone subscription reaches KMS through the hub firewall', async () => {
  const { app } = await run({ 'main.tf': ESTATE })
  expect(app.state).toBe('reachable')
  expect(app.path).toContain('afw-hub')
})

test('an unreadable template in the hub subscription may add rules to the hub firewall policy: the spoke in another subscription is undecided, naming it', async () => {
  const { app, verdict } = await run({ 'main.tf': ESTATE + HUB_DEPLOYMENT_FROM_HTTP })
  expect(verdict.overall).toBe('undecided')
  expect(app.state).toBe('undecided')
  expect(app.hop).toContain('azurerm_resource_group_template_deployment.firewall_rules in afwp-hub')
  expect(app.why).toContain(
    'azurerm_resource_group_template_deployment.firewall_rules deploys an ARM template the scan cannot read: template_content is not known',
  )
  expect(app.why).toContain('it may add rule collection groups to this firewall policy')
})

test('negative control: the same deployment with a readable template that deploys a storage account leaves the spoke reachable', async () => {
  const { app } = await run({ 'main.tf': ESTATE + HUB_DEPLOYMENT_READABLE, 'flowlogs.json': STORAGE_ONLY })
  expect(app.state).toBe('reachable')
})

test('the unreadable template in the spoke subscription itself does not touch the hub firewall, but the spoke is undecided through its route table', async () => {
  const inSpoke = HUB_DEPLOYMENT_FROM_HTTP.replace('azurerm.connectivity', 'azurerm.landingzone').replace(
    '"rg-connectivity"',
    '"rg-spoke"',
  )
  const { app } = await run({ 'main.tf': ESTATE + inSpoke })
  expect(app.state).toBe('undecided')
  expect(app.why).toContain('it may add routes to this route table')
  expect(app.why).not.toContain('firewall policy')
})

test('a management group deployment reaches every subscription under it: the hub firewall of another subscription is possibly changed', async () => {
  const { app } = await run({
    'main.tf': `${ESTATE}
provider "azurerm" {
  alias           = "management"
  subscription_id = "${MANAGEMENT_SUB}"
  features {}
}

data "http" "policies" {
  url = "https://templates.contoso.example/platform/policies.json"
}

resource "azurerm_management_group_template_deployment" "platform" {
  provider            = azurerm.management
  name                = "platform"
  management_group_id = "/providers/Microsoft.Management/managementGroups/contoso-platform"
  location            = "westeurope"
  template_content    = data.http.policies.response_body
}
`,
  })
  expect(app.state).toBe('undecided')
  expect(app.why).toContain('azurerm_management_group_template_deployment.platform deploys an ARM template')
})

describe('Virtual WAN: a spoke of another subscription connected to a hub of the deployment’s subscription', () => {
  const wan = (extra: string) => `
provider "azurerm" {
  subscription_id = "${HUB_SUB}"
  features {}
}

provider "azurerm" {
  alias           = "landingzone"
  subscription_id = "${SPOKE_SUB}"
  features {}
}
${tfVirtualWan({ rules: tfRulesKmsAllowed(['20.118.99.224', '40.83.235.53']), hubRouting: '', spokeProvider: 'azurerm.landingzone', extra })}`

  const HUB_ROUTES_FROM_HTTP = `
data "http" "hub_routes" {
  url = "https://templates.contoso.example/connectivity/hub-routes.json"
}

resource "azurerm_resource_group_template_deployment" "hub_routes" {
  name                = "hub-routes"
  resource_group_name = azurerm_resource_group.hub.name
  deployment_mode     = "Incremental"
  template_content    = data.http.hub_routes.response_body
}
`

  test('negative control: no routing intent, no hub route: the spoke goes out directly, reachable', async () => {
    const { app } = await run({ 'main.tf': wan('') })
    expect(app.state).toBe('reachable')
  })

  test('an unreadable template in the hub subscription may add a default route to the hub: undecided, named', async () => {
    const { app } = await run({ 'main.tf': wan(HUB_ROUTES_FROM_HTTP) })
    expect(app.state).toBe('undecided')
    expect(app.hop).toContain('azurerm_resource_group_template_deployment.hub_routes in defaultRouteTable')
    expect(app.why).toContain('it may add routes to this hub route table')
  })
})
