/**
 * Fixtures for Terraform environments (src/sources/terraform/environments.ts): a spoke root module whose
 * route table takes its routes from a variable (default: none), and the var files environments set it with;
 * the spoke itself (tfSpokeRoot) for other tests of how a root is applied (tf-workspace).
 */

/**
 * A spoke root module: resource group `rg`, vnet-spoke (10.1.0.0/16) with snet-app (10.1.1.0/24) and route
 * table `table` associated, all in `location` (an HCL expression); `routes` goes inside the route table.
 */
export const tfSpokeRoot = (o: {
  rg: string
  location: string
  vnet?: string
  table: string
  routes?: string
}) => `
resource "azurerm_resource_group" "rg" {
  name     = "${o.rg}"
  location = ${o.location}
}
resource "azurerm_virtual_network" "v" {
  name                = "${o.vnet ?? 'vnet-spoke'}"
  resource_group_name = azurerm_resource_group.rg.name
  location            = ${o.location}
  address_space       = ["10.1.0.0/16"]
}
resource "azurerm_subnet" "app" {
  name                 = "snet-app"
  resource_group_name  = azurerm_resource_group.rg.name
  virtual_network_name = azurerm_virtual_network.v.name
  address_prefixes     = ["10.1.1.0/24"]
}
resource "azurerm_route_table" "rt" {
  name                = "${o.table}"
  resource_group_name = azurerm_resource_group.rg.name
  location            = ${o.location}${o.routes ?? ''}
}
resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.rt.id
}
`

/** A spoke whose route table takes its routes from a variable (default: none). */
export const spoke = (vnet = 'vnet-spoke'): string => `
variable "location" {
  type    = string
  default = "westeurope"
}
variable "routes" {
  type = list(object({ name = string, prefix = string, type = string }))
  default = []
}${tfSpokeRoot({
  rg: `rg-${vnet}`,
  location: 'var.location',
  vnet,
  table: `rt-${vnet}`,
  routes: `
  dynamic "route" {
    for_each = var.routes
    content {
      name           = route.value.name
      address_prefix = route.value.prefix
      next_hop_type  = route.value.type
    }
  }`,
})}`
export const FORCED_TUNNEL =
  'routes = [{ name = "default", prefix = "0.0.0.0/0", type = "VirtualNetworkGateway" }]\n'
export const NO_ROUTES = 'routes = []\n'
