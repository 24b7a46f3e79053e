/**
 * A conditional call to an Azure Verified Module the scan reads from its inputs (no `terraform init`):
 * `module "rt" { count = var.x ? 1 : 0, source = "Azure/avm-res-network-routetable/azurerm" }`. What the
 * module would create exists only under the call's count, so it carries that condition: the route table's
 * association with a private subnet, or a firewall module, is judged both ways (src/analysis/conditions.ts).
 * A route under the same count text as the module call is one condition with it.
 */
import { scan } from '../../src/pipeline/scan'
import { TF_HUB_VNET, TF_SPOKE_VNET, tfHubFirewall, tfRulesKmsAllowed } from '../helpers/hcl-network'
import { tree as treeOn } from '../helpers/tree'

const tree = (files: Record<string, string>) => treeOn(files, 'kms-cond-avm-')

const app = async (files: Record<string, string>) => {
  const result = await scan({ path: tree(files), cloud: 'AzureCloud', varFiles: [], workers: false })
  return result.verdict.subnets.find((s) => s.subnet === 'snet-app')!
}

const KMS = ['20.118.99.224', '40.83.235.53']

/** snet-app in vnet-spoke, without default outbound access: only the route table gives it a way out. */
const PRIVATE_APP = `${TF_SPOKE_VNET}
resource "azurerm_subnet" "app" {
  name                            = "snet-app"
  resource_group_name             = "rg-spoke"
  virtual_network_name            = azurerm_virtual_network.spoke.name
  address_prefixes                = ["10.1.1.0/24"]
  default_outbound_access_enabled = false
}
`

const VARIABLES = `
variable "attach_route_table" {
  type = bool
}

variable "deploy_firewall" {
  type = bool
}
`

describe('module "rt" (avm-res-network-routetable) with `count = var.attach_route_table ? 1 : 0`', () => {
  const tf = (count?: string) => ({
    'variables.tf': VARIABLES,
    'hub.tf': `${TF_HUB_VNET}${tfHubFirewall(tfRulesKmsAllowed(KMS))}`,
    'spoke.tf': `${PRIVATE_APP}
module "rt" {
  source  = "Azure/avm-res-network-routetable/azurerm"
  version = "0.4.1"${count ? `\n  count   = ${count}` : ''}

  name                          = "rt-app"
  location                      = "westeurope"
  resource_group_name           = "rg-spoke"
  bgp_route_propagation_enabled = false
  routes = {
    default = {
      name                   = "default-via-firewall"
      address_prefix         = "0.0.0.0/0"
      next_hop_type          = "VirtualAppliance"
      next_hop_in_ip_address = azurerm_firewall.hub.ip_configuration[0].private_ip_address
    }
  }
  subnet_resource_ids = {
    app = azurerm_subnet.app.id
  }
}
`,
  })

  test('undecided: the module may not create the association that gives the private subnet its way out', async () => {
    const v = await app(tf('var.attach_route_table ? 1 : 0'))
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(
      /the association of route table rt-app with snet-app may not be deployed: its count or for_each cannot be evaluated/,
    )
    expect(v.hop).toMatch(/condition `module\.rt count\/for_each`/)
  })

  test('negative control: the same call without count reaches through the firewall', async () => {
    expect((await app(tf())).state).toBe('reachable')
  })
})

describe('module "firewall" (avm-res-network-azurefirewall) with `count = var.deploy_firewall ? 1 : 0`', () => {
  const tf = (routeCount?: string) => ({
    'variables.tf': VARIABLES,
    'hub.tf': `${TF_HUB_VNET}
resource "azurerm_subnet" "firewall" {
  name                 = "AzureFirewallSubnet"
  resource_group_name  = "rg-hub"
  virtual_network_name = azurerm_virtual_network.hub.name
  address_prefixes     = ["10.0.1.0/26"]
}

resource "azurerm_firewall_policy" "hub" {
  name                = "afwp-hub"
  resource_group_name = "rg-hub"
  location            = "westeurope"
}

resource "azurerm_firewall_policy_rule_collection_group" "platform" {
  name               = "rcg-platform"
  firewall_policy_id = azurerm_firewall_policy.hub.id
  priority           = 100
${tfRulesKmsAllowed(KMS)}
}

resource "azurerm_public_ip" "firewall" {
  name                = "pip-afw-hub"
  location            = "westeurope"
  resource_group_name = "rg-hub"
  allocation_method   = "Static"
  sku                 = "Standard"
}

module "firewall" {
  source  = "Azure/avm-res-network-azurefirewall/azurerm"
  version = "0.3.0"
  count   = var.deploy_firewall ? 1 : 0

  name                = "afw-hub"
  location            = "westeurope"
  resource_group_name = "rg-hub"
  firewall_sku_name   = "AZFW_VNet"
  firewall_sku_tier   = "Standard"
  firewall_policy_id  = azurerm_firewall_policy.hub.id
  firewall_ip_configuration = [
    {
      name                 = "ipconfig"
      subnet_id            = azurerm_subnet.firewall.id
      public_ip_address_id = azurerm_public_ip.firewall.id
    }
  ]
}
`,
    'spoke.tf': `${PRIVATE_APP.replace('default_outbound_access_enabled = false', 'default_outbound_access_enabled = true')}
resource "azurerm_route_table" "app" {
  name                          = "rt-app"
  location                      = "westeurope"
  resource_group_name           = "rg-spoke"
  bgp_route_propagation_enabled = false
}

resource "azurerm_route" "default" {${routeCount ? `\n  count                  = ${routeCount}` : ''}
  name                   = "default-via-firewall"
  resource_group_name    = "rg-spoke"
  route_table_name       = azurerm_route_table.app.name
  address_prefix         = "0.0.0.0/0"
  next_hop_type          = "VirtualAppliance"
  next_hop_in_ip_address = module.firewall[0].resource.ip_configuration[0].private_ip_address
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.app.id
}
`,
  })

  test('the route always there, the firewall module maybe: undecided, naming the firewall', async () => {
    const v = await app(tf())
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(
      /firewall afw-hub \(module\.firewall\[\*\]\.azurerm_firewall\.this\) may not be deployed/,
    )
  })

  test('the route under the same count as the module call: one condition, decided (reachable)', async () => {
    expect((await app(tf('var.deploy_firewall ? 1 : 0'))).state).toBe('reachable')
  })
})
