/**
 * A spoke whose route table comes from the Terraform registry module
 * Azure/avm-res-network-routetable/azurerm, and a stand-in for that module's package written for these
 * tests in the same shape (inputs `name`, `routes`, `subnet_resource_ids`; a nested local module
 * `./modules/route` writing each route as an azapi_resource; output `resource_id`).
 */

export const ROUTE_TABLE_SOURCE = 'Azure/avm-res-network-routetable/azurerm'

const KMS_BYPASS = `
    kms_1 = {
      name           = "kms-1"
      address_prefix = "20.118.99.224/32"
      next_hop_type  = "Internet"
    }
    kms_2 = {
      name           = "kms-2"
      address_prefix = "40.83.235.53/32"
      next_hop_type  = "Internet"
    }
    kms_legacy = {
      name           = "kms-legacy"
      address_prefix = "23.102.135.246/32"
      next_hop_type  = "Internet"
    }`

/** The spoke's root module: `bypass` adds /32 Internet routes for every KMS address (the clean control). */
export function spokeMain(opts: { bypass?: boolean; source?: string; version?: string } = {}): string {
  const version = opts.version ?? '~> 0.4'
  return `resource "azurerm_resource_group" "spoke" {
  name     = "rg-spoke"
  location = "westeurope"
}

resource "azurerm_virtual_network" "spoke" {
  name                = "vnet-spoke"
  location            = azurerm_resource_group.spoke.location
  resource_group_name = azurerm_resource_group.spoke.name
  address_space       = ["10.20.0.0/16"]
}

resource "azurerm_subnet" "workload" {
  name                 = "snet-workload"
  resource_group_name  = azurerm_resource_group.spoke.name
  virtual_network_name = azurerm_virtual_network.spoke.name
  address_prefixes     = ["10.20.1.0/24"]
}

module "spoke_rt" {
  source  = "${opts.source ?? ROUTE_TABLE_SOURCE}"
  version = "${version}"

  name                = "rt-spoke"
  location            = azurerm_resource_group.spoke.location
  resource_group_name = azurerm_resource_group.spoke.name

  routes = {
    default = {
      name           = "default-to-onprem"
      address_prefix = "0.0.0.0/0"
      next_hop_type  = "VirtualNetworkGateway"
    }${opts.bypass ? KMS_BYPASS : ''}
  }

  subnet_resource_ids = {
    workload = azurerm_subnet.workload.id
  }
}
`
}

/** The module package (its root files and `modules/route`), as a registry tarball or `terraform init` holds it. */
export const ROUTE_TABLE_PACKAGE: Record<string, string> = {
  'main.tf': `resource "azurerm_route_table" "this" {
  name                          = var.name
  location                      = var.location
  resource_group_name           = var.resource_group_name
  bgp_route_propagation_enabled = var.bgp_route_propagation_enabled
}

module "routes" {
  source   = "./modules/route"
  for_each = var.routes

  parent_id           = azurerm_route_table.this.id
  name                = each.value.name
  address_prefix      = each.value.address_prefix
  next_hop_type       = each.value.next_hop_type
  next_hop_ip_address = each.value.next_hop_in_ip_address
}

resource "azurerm_subnet_route_table_association" "this" {
  for_each = var.subnet_resource_ids

  subnet_id      = each.value
  route_table_id = azurerm_route_table.this.id
}
`,
  'variables.tf': `variable "name" {
  type = string
}

variable "location" {
  type = string
}

variable "resource_group_name" {
  type = string
}

variable "bgp_route_propagation_enabled" {
  type    = bool
  default = true
}

variable "routes" {
  type = map(object({
    name                   = string
    address_prefix         = string
    next_hop_type          = string
    next_hop_in_ip_address = optional(string)
  }))
  default = {}
}

variable "subnet_resource_ids" {
  type    = map(string)
  default = {}
}
`,
  'outputs.tf': `output "resource_id" {
  value = azurerm_route_table.this.id
}

output "name" {
  value = azurerm_route_table.this.name
}
`,
  'modules/route/main.tf': `variable "parent_id" {
  type = string
}

variable "name" {
  type = string
}

variable "address_prefix" {
  type = string
}

variable "next_hop_type" {
  type = string
}

variable "next_hop_ip_address" {
  type    = string
  default = null
}

resource "azapi_resource" "route" {
  type      = "Microsoft.Network/routeTables/routes@2024-05-01"
  name      = var.name
  parent_id = var.parent_id
  body = {
    properties = {
      addressPrefix    = var.address_prefix
      nextHopType      = var.next_hop_type
      nextHopIpAddress = var.next_hop_ip_address
    }
  }
}
`,
  // Shipped in the package, never part of the user's configuration.
  'examples/default/main.tf': `module "rt" {
  source = "../../"
  name   = "example"
}
`,
}

/** `.terraform/modules/...` as `terraform init` leaves it for the spoke. */
export function initialised(version = '0.4.1'): Record<string, string> {
  const files: Record<string, string> = {
    '.terraform/modules/modules.json': JSON.stringify({
      Modules: [
        { Key: '', Source: '', Dir: '.' },
        {
          Key: 'spoke_rt',
          Source: `registry.terraform.io/${ROUTE_TABLE_SOURCE}`,
          Version: version,
          Dir: '.terraform/modules/spoke_rt',
        },
        {
          Key: 'spoke_rt.routes',
          Source: './modules/route',
          Dir: '.terraform/modules/spoke_rt/modules/route',
        },
      ],
    }),
  }
  for (const [p, text] of Object.entries(ROUTE_TABLE_PACKAGE))
    files[`.terraform/modules/spoke_rt/${p}`] = text
  return files
}
