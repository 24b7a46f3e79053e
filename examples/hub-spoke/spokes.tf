resource "azurerm_resource_group" "spoke" {
  for_each = var.spokes
  name     = "rg-${var.prefix}-${each.key}"
  location = var.location
}

resource "azurerm_virtual_network" "spoke" {
  for_each            = var.spokes
  name                = "vnet-${var.prefix}-${each.key}"
  location            = var.location
  resource_group_name = azurerm_resource_group.spoke[each.key].name
  address_space       = [each.value.address_space]
}

locals {
  spoke_subnets = merge([
    for spoke, cfg in var.spokes : {
      for name, netnum in cfg.subnets : "${spoke}/${name}" => {
        spoke  = spoke
        name   = name
        prefix = cidrsubnet(cfg.address_space, 8, netnum)
      }
    }
  ]...)
}

resource "azurerm_subnet" "spoke" {
  for_each                        = local.spoke_subnets
  name                            = each.value.name
  resource_group_name             = azurerm_resource_group.spoke[each.value.spoke].name
  virtual_network_name            = azurerm_virtual_network.spoke[each.value.spoke].name
  address_prefixes                = [each.value.prefix]
  default_outbound_access_enabled = false
}

# All spoke traffic to the Internet is inspected by the hub firewall.
resource "azurerm_route_table" "spoke" {
  name                          = "rt-${var.prefix}-spoke"
  location                      = var.location
  resource_group_name           = azurerm_resource_group.spoke["app"].name
  bgp_route_propagation_enabled = false

  route {
    name                   = "default-via-firewall"
    address_prefix         = "0.0.0.0/0"
    next_hop_type          = "VirtualAppliance"
    next_hop_in_ip_address = azurerm_firewall.hub.ip_configuration[0].private_ip_address
  }
}

resource "azurerm_subnet_route_table_association" "spoke" {
  for_each       = azurerm_subnet.spoke
  subnet_id      = each.value.id
  route_table_id = azurerm_route_table.spoke.id
}

resource "azurerm_network_security_group" "data" {
  name                = "nsg-${var.prefix}-data"
  location            = var.location
  resource_group_name = azurerm_resource_group.spoke["app"].name

  security_rule {
    name                       = "deny-all-internet-out"
    priority                   = 4000
    direction                  = "Outbound"
    access                     = "Deny"
    protocol                   = "*"
    source_address_prefix      = "*"
    source_port_range          = "*"
    destination_address_prefix = "Internet"
    destination_port_range     = "*"
  }
}

resource "azurerm_subnet_network_security_group_association" "data" {
  subnet_id                 = azurerm_subnet.spoke["app/snet-data"].id
  network_security_group_id = azurerm_network_security_group.data.id
}
