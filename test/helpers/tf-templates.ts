/**
 * Terraform fixtures for templates deployed from Terraform (azurerm_*_template_deployment) across
 * subscriptions: the connectivity subscription's hub and a landing zone's spoke.
 */
export const HUB_SUB = '3f1c9a52-6d0e-4b7a-9e21-5a8c4d7f0b36'
export const SPOKE_SUB = '7a4e2b81-0c9d-4f63-b5a2-1e8d6c3f9a40'
export const MANAGEMENT_SUB = 'c2d9e7f0-5b1a-4e38-9f6c-0a3b8d2e4c71'

/**
 * The connectivity subscription's hub (vnet-hub, afw-hub at 10.0.1.4, policy afwp-hub allowing KMS) and a
 * landing-zone subscription's spoke whose 0.0.0.0/0 goes to the hub firewall, peered with the hub.
 */
export const TF_TWO_SUBSCRIPTION_HUB_AND_SPOKE = `
provider "azurerm" {
  features {}
}

provider "azurerm" {
  alias           = "connectivity"
  subscription_id = "${HUB_SUB}"
  features {}
}

provider "azurerm" {
  alias           = "landingzone"
  subscription_id = "${SPOKE_SUB}"
  features {}
}

resource "azurerm_virtual_network" "hub" {
  provider            = azurerm.connectivity
  name                = "vnet-hub"
  location            = "westeurope"
  resource_group_name = "rg-connectivity"
  address_space       = ["10.0.0.0/16"]
}

resource "azurerm_subnet" "firewall" {
  provider             = azurerm.connectivity
  name                 = "AzureFirewallSubnet"
  resource_group_name  = "rg-connectivity"
  virtual_network_name = azurerm_virtual_network.hub.name
  address_prefixes     = ["10.0.1.0/26"]
}

resource "azurerm_public_ip" "firewall" {
  provider            = azurerm.connectivity
  name                = "pip-afw-hub"
  location            = "westeurope"
  resource_group_name = "rg-connectivity"
  allocation_method   = "Static"
  sku                 = "Standard"
}

resource "azurerm_firewall_policy" "hub" {
  provider            = azurerm.connectivity
  name                = "afwp-hub"
  resource_group_name = "rg-connectivity"
  location            = "westeurope"
}

resource "azurerm_firewall_policy_rule_collection_group" "platform" {
  provider           = azurerm.connectivity
  name               = "rcg-platform"
  firewall_policy_id = azurerm_firewall_policy.hub.id
  priority           = 200

  network_rule_collection {
    name     = "platform"
    priority = 100
    action   = "Allow"

    rule {
      name                  = "azure-kms"
      protocols             = ["TCP"]
      source_addresses      = ["10.0.0.0/8"]
      destination_addresses = ["20.118.99.224", "40.83.235.53"]
      destination_ports     = ["1688"]
    }
  }
}

resource "azurerm_firewall" "hub" {
  provider            = azurerm.connectivity
  name                = "afw-hub"
  location            = "westeurope"
  resource_group_name = "rg-connectivity"
  sku_name            = "AZFW_VNet"
  sku_tier            = "Standard"
  firewall_policy_id  = azurerm_firewall_policy.hub.id

  ip_configuration {
    name                 = "ipconfig"
    subnet_id            = azurerm_subnet.firewall.id
    public_ip_address_id = azurerm_public_ip.firewall.id
  }
}

resource "azurerm_virtual_network" "spoke" {
  provider            = azurerm.landingzone
  name                = "vnet-spoke"
  location            = "westeurope"
  resource_group_name = "rg-spoke"
  address_space       = ["10.1.0.0/16"]
}

resource "azurerm_subnet" "app" {
  provider             = azurerm.landingzone
  name                 = "snet-app"
  resource_group_name  = "rg-spoke"
  virtual_network_name = azurerm_virtual_network.spoke.name
  address_prefixes     = ["10.1.1.0/24"]
}

resource "azurerm_route_table" "spoke" {
  provider            = azurerm.landingzone
  name                = "rt-spoke"
  location            = "westeurope"
  resource_group_name = "rg-spoke"

  route {
    name                   = "default-via-hub"
    address_prefix         = "0.0.0.0/0"
    next_hop_type          = "VirtualAppliance"
    next_hop_in_ip_address = "10.0.1.4"
  }
}

resource "azurerm_subnet_route_table_association" "app" {
  provider       = azurerm.landingzone
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.spoke.id
}
`

/** rt-spoke sends 0.0.0.0/0 to the Internet and snet-app (TF_SPOKE_APP) uses it: reachable when nothing else changes it. */
export const TF_SPOKE_TABLE_INTERNET = `
resource "azurerm_route_table" "spoke" {
  name                = "rt-spoke"
  location            = "westeurope"
  resource_group_name = "rg-spoke"

  route {
    name           = "default"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "Internet"
  }
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.spoke.id
}
`

/**
 * An ARM template adding one route (`name`: `prefix` → `nextHopType`) to the route table its parameter
 * routeTableName names; the route's resource is at lines 6-11.
 */
export const armRouteIntoTable = (name: string, prefix: string, nextHopType: string) => `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "routeTableName": { "type": "string" } },
  "resources": [
    {
      "type": "Microsoft.Network/routeTables/routes",
      "apiVersion": "2023-09-01",
      "name": "[format('{0}/{1}', parameters('routeTableName'), '${name}')]",
      "properties": { "addressPrefix": "${prefix}", "nextHopType": "${nextHopType}" }
    }
  ]
}
`
