# The legacy workload network: everything goes on-premises through the VPN gateway,
# except Windows activation, which was bypassed when this was set up.
resource "azurerm_virtual_network" "legacy" {
  name                = "vnet-${var.prefix}-legacy"
  location            = var.location
  resource_group_name = azurerm_resource_group.hub.name
  address_space       = ["10.2.0.0/16"]

  subnet {
    name             = "snet-legacy-vms"
    address_prefixes = ["10.2.1.0/24"]
    route_table_id   = azurerm_route_table.legacy.id
  }
}

resource "azurerm_route_table" "legacy" {
  name                = "rt-${var.prefix}-legacy"
  location            = var.location
  resource_group_name = azurerm_resource_group.hub.name

  route {
    name           = "default-to-onprem"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "VirtualNetworkGateway"
  }

  route {
    name           = "kms"
    address_prefix = "23.102.135.246/32"
    next_hop_type  = "Internet"
  }
}
