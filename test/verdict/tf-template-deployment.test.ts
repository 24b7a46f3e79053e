/**
 * ARM templates deployed from Terraform (azurerm_resource_group_template_deployment and its kin): the
 * template is evaluated with the parameters Terraform passes, and its resources join the unit's network.
 * Modelled on aztfmod/terraform-azurerm-caf, which writes a Virtual WAN hub route table's routes through a
 * template deployment (modules/networking/virtual_hub_route_tables): the spoke's default route to the
 * secured hub's firewall is in the template, not in any azurerm resource.
 */
import { scan } from '../../src/pipeline/scan'
import { TF_RULES_DNS_ONLY, tfRulesKmsAllowed, tfVirtualWan } from '../helpers/hcl-network'
import { tree as treeOn } from '../helpers/tree'

const tree = (files: Record<string, string>) => treeOn(files, 'kms-tf-arm-')
const run = (dir: string) => scan({ path: dir, cloud: 'AzureCloud', varFiles: [], workers: false })

const KMS_ALLOWED = tfRulesKmsAllowed(['20.118.99.224', '40.83.235.53'])

/** CAF's hub_route_tables.json, as the module ships it. */
const HUB_ROUTE_TABLES_JSON = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "name": {
      "type": "String"
    },
    "labels": {
      "type": "Array"
    },
    "routes": {
      "type": "Array"
    }
  },
  "variables": {},
  "resources": [
    {
      "name": "[parameters('name')]",
      "type": "Microsoft.Network/virtualHubs/hubRouteTables",
      "apiVersion": "2020-07-01",
      "properties": {
        "routes": "[parameters('routes')]",
        "labels": "[parameters('labels')]"
      }
    }
  ],
  "outputs": {}
}
`

/**
 * The hub route table rt-egress as CAF declares it (no routes: they are ignored and written by the
 * template), the deployment that writes its routes, and the spoke connection associated with it.
 */
const CAF_HUB_ROUTES = `
resource "azurerm_virtual_hub_route_table" "egress" {
  name           = "rt-egress"
  virtual_hub_id = azurerm_virtual_hub.weu.id
  labels         = ["egress"]

  lifecycle {
    ignore_changes = [labels, route]
  }
}

locals {
  routes = [
    {
      name            = "egress-internet"
      destinationType = "CIDR"
      destinations    = ["0.0.0.0/0"]
      nextHopType     = "ResourceId"
      nextHop         = azurerm_firewall.hub.id
    }
  ]

  parameters_content = jsonencode({
    name   = { value = format("%s/%s", azurerm_virtual_hub.weu.name, azurerm_virtual_hub_route_table.egress.name) }
    labels = { value = ["egress"] }
    routes = { value = local.routes }
  })
}

resource "azurerm_resource_group_template_deployment" "egress_routes" {
  name                = "rt-egress-routes"
  resource_group_name = azurerm_resource_group.hub.name
  deployment_mode     = "Incremental"
  template_content    = file("\${path.module}/hub_route_tables.json")
  parameters_content  = local.parameters_content

  depends_on = [azurerm_virtual_hub_route_table.egress]
}
`

const ROUTING = `
  routing {
    associated_route_table_id = azurerm_virtual_hub_route_table.egress.id
    propagated_route_table {
      route_table_ids = [azurerm_virtual_hub_route_table.egress.id]
    }
  }`

/** CAF names the hub through aztfmod's azurecaf provider: a name known only at apply. */
const CAF_HUB_NAME = `
resource "azurecaf_name" "hub" {
  name          = "weu"
  resource_type = "azurerm_virtual_hub"
  prefixes      = ["contoso"]
  random_length = 4
}
`

const cafEstate = (rules: string, cafNames = false, hubRoutes = CAF_HUB_ROUTES) =>
  tree({
    'main.tf': tfVirtualWan({
      rules,
      hubRouting: hubRoutes,
      connectionRouting: ROUTING,
      ...(cafNames ? { hubName: 'azurecaf_name.hub.result', extra: CAF_HUB_NAME } : {}),
    }),
    'hub_route_tables.json': HUB_ROUTE_TABLES_JSON,
  })

describe('hub route table routes written by a template deployment (CAF)', () => {
  test('0.0.0.0/0 to the secured hub firewall whose policy allows only DNS: blocked at the firewall', async () => {
    const result = await run(cafEstate(TF_RULES_DNS_ONLY))
    expect(result.verdict.overall).toBe('blocked')
    const app = result.verdict.subnets.find((s) => s.subnet === 'snet-app')!
    expect(app.state).toBe('blocked')
    expect(app.hop).toBe('firewall afw-vhub-weu: no rule allows TCP 1688')
    expect(app.path).toContain('0.0.0.0/0')
    const kms003 = result.findings.find((f) => f.ruleId === 'KMS003')!
    expect(kms003.message).toContain('afw-vhub-weu')
  })

  test('the hub named by azurecaf (known at apply): format("%s/%s", hub.name, table) still names its table', async () => {
    const result = await run(cafEstate(TF_RULES_DNS_ONLY, true))
    const app = result.verdict.subnets.find((s) => s.subnet === 'snet-app')!
    expect(app.state).toBe('blocked')
    expect(app.hop).toBe('firewall afw-vhub-weu: no rule allows TCP 1688')
    expect(app.path).toContain('rt-egress 0.0.0.0/0')
  })

  test('the hub named by azurecaf and the table name interpolated ("${hub.name}/${table.name}"): still its table', async () => {
    const interpolated = CAF_HUB_ROUTES.replace(
      'format("%s/%s", azurerm_virtual_hub.weu.name, azurerm_virtual_hub_route_table.egress.name)',
      '"${azurerm_virtual_hub.weu.name}/${azurerm_virtual_hub_route_table.egress.name}"',
    )
    expect(interpolated).not.toBe(CAF_HUB_ROUTES)
    const result = await run(cafEstate(TF_RULES_DNS_ONLY, true, interpolated))
    const app = result.verdict.subnets.find((s) => s.subnet === 'snet-app')!
    expect(app.state).toBe('blocked')
    expect(app.hop).toBe('firewall afw-vhub-weu: no rule allows TCP 1688')
    expect(app.path).toContain('rt-egress 0.0.0.0/0')
  })

  test('the same hub whose firewall allows TCP 1688 to the KMS addresses stays clean', async () => {
    const result = await run(cafEstate(KMS_ALLOWED))
    expect(result.verdict.overall).toBe('reachable')
    expect(result.findings.filter((f) => f.severity !== 'notice')).toEqual([])
    expect(result.verdict.subnets[0]!.path).toContain('afw-vhub-weu: rule azure-kms (Allow)')
  })
})
