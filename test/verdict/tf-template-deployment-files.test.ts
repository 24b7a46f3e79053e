/**
 * Two modules that each ship the same template file and deploy it: each deployment's findings point at the
 * lines of its own module's file, not at one of the two.
 */
import { scan } from '../../src/pipeline/scan'
import { tree as treeOn } from '../helpers/tree'
import { armRouteIntoTable } from '../helpers/tf-templates'

/** A route to the VPN gateway for half the Internet (both KMS addresses), added to the table it is given. */
const SPLIT = armRouteIntoTable('split-low', '0.0.0.0/1', 'VirtualNetworkGateway')

const ROUTES_MODULE = `
variable "route_table_name" {
  type = string
}

variable "resource_group_name" {
  type = string
}

resource "azurerm_resource_group_template_deployment" "routes" {
  name                = "split-routes"
  resource_group_name = var.resource_group_name
  deployment_mode     = "Incremental"
  template_content    = file("\${path.module}/split.json")
  parameters_content  = jsonencode({ routeTableName = { value = var.route_table_name } })
}
`

const spoke = (key: string, n: number) => `
resource "azurerm_virtual_network" "${key}" {
  name                = "vnet-${key}"
  location            = "westeurope"
  resource_group_name = "rg-${key}"
  address_space       = ["10.${n}.0.0/16"]
}

resource "azurerm_subnet" "${key}" {
  name                 = "snet-${key}"
  resource_group_name  = "rg-${key}"
  virtual_network_name = azurerm_virtual_network.${key}.name
  address_prefixes     = ["10.${n}.1.0/24"]
}

resource "azurerm_route_table" "${key}" {
  name                = "rt-${key}"
  location            = "westeurope"
  resource_group_name = "rg-${key}"
}

resource "azurerm_subnet_route_table_association" "${key}" {
  subnet_id      = azurerm_subnet.${key}.id
  route_table_id = azurerm_route_table.${key}.id
}

module "routes_${key}" {
  source              = "./modules/routes-${key}"
  route_table_name    = azurerm_route_table.${key}.name
  resource_group_name = "rg-${key}"
}
`

test('identical template files in two modules: each KMS001 points at its own module’s file', async () => {
  const result = await scan({
    path: treeOn(
      {
        'main.tf': `provider "azurerm" {\n  features {}\n}\n${spoke('finance', 1)}${spoke('sales', 2)}`,
        'modules/routes-finance/main.tf': ROUTES_MODULE,
        'modules/routes-finance/split.json': SPLIT,
        'modules/routes-sales/main.tf': ROUTES_MODULE,
        'modules/routes-sales/split.json': SPLIT,
      },
      'kms-tf-arm-files-',
    ),
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
  })
  expect(result.verdict.subnets.map((s) => [s.subnet, s.state]).sort()).toEqual([
    ['snet-finance', 'blocked'],
    ['snet-sales', 'blocked'],
  ])
  const kms001 = result.findings.filter((f) => f.ruleId === 'KMS001')
  const where = (rt: string) =>
    kms001.filter((f) => f.message.includes(rt)).map((f) => f.location.file.replace(/.*\/modules\//, ''))
  expect(where('rt-finance')).toEqual(['routes-finance/split.json'])
  expect(where('rt-sales')).toEqual(['routes-sales/split.json'])
})
