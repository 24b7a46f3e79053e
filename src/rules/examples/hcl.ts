/**
 * Building blocks for the rules' Terraform examples, so every example is a complete, realistic
 * configuration (provider, resource group, VNet, subnet) and the part that matters stands out.
 * Addresses here are example content: the analysis itself takes them from the catalogue.
 */
/** Provider, resource group, spoke VNet and snet-app; `subnetExtra` adds lines to the subnet. */
export function tfBase(subnetExtra = '', environment = ''): string {
  return `terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}${environment ? `\n  environment = "${environment}"` : ''}
}

resource "azurerm_resource_group" "net" {
  name     = "rg-network"
  location = "westeurope"
}

resource "azurerm_virtual_network" "spoke" {
  name                = "vnet-spoke"
  location            = azurerm_resource_group.net.location
  resource_group_name = azurerm_resource_group.net.name
  address_space       = ["10.1.0.0/16"]
}

resource "azurerm_subnet" "app" {
  name                 = "snet-app"
  resource_group_name  = azurerm_resource_group.net.name
  virtual_network_name = azurerm_virtual_network.spoke.name
  address_prefixes     = ["10.1.0.0/24"]${subnetExtra ? `\n${subnetExtra}` : ''}
}
`
}

export const TF_BASE = tfBase()

/** An HCL route block. */
export function tfRoute(name: string, prefix: string, hop: string, ip?: string): string {
  const lines = [
    `  route {`,
    `    name           = "${name}"`,
    `    address_prefix = "${prefix}"`,
    `    next_hop_type  = "${hop}"`,
  ]
  if (ip) lines.push(`    next_hop_in_ip_address = ${ip}`)
  lines.push(`  }`)
  return lines.join('\n')
}

/** The spoke route table with the given route blocks, associated with snet-app. */
export function tfSpokeRouteTable(routes: string[]): string {
  return `
resource "azurerm_route_table" "spoke" {
  name                = "rt-spoke"
  location            = azurerm_resource_group.net.location
  resource_group_name = azurerm_resource_group.net.name

${routes.join('\n\n')}
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.spoke.id
}
`
}

/** Route blocks sending each KMS address straight to the Internet. */
export function tfKmsBypass(addresses: string[]): string[] {
  return addresses.map((a) => tfRoute(`kms-${a.replace(/\./g, '-')}`, `${a}/32`, 'Internet'))
}

/** The hub VNet (vnet-hub, 10.0.0.0/16) with the subnet `name` (AzureFirewallSubnet, GatewaySubnet). */
export function tfHubVnet(key: string, name: string, prefix: string): string {
  return `
resource "azurerm_virtual_network" "hub" {
  name                = "vnet-hub"
  location            = azurerm_resource_group.net.location
  resource_group_name = azurerm_resource_group.net.name
  address_space       = ["10.0.0.0/16"]
}

resource "azurerm_subnet" "${key}" {
  name                 = "${name}"
  resource_group_name  = azurerm_resource_group.net.name
  virtual_network_name = azurerm_virtual_network.hub.name
  address_prefixes     = ["${prefix}"]
}
`
}

/** A static Standard public IP (for a firewall, a VPN gateway, a NAT gateway). */
export function tfPublicIp(key: string, name: string): string {
  return `
resource "azurerm_public_ip" "${key}" {
  name                = "${name}"
  location            = azurerm_resource_group.net.location
  resource_group_name = azurerm_resource_group.net.name
  allocation_method   = "Static"
  sku                 = "Standard"
}
`
}

/** A hub firewall with a policy; `ruleCollections` go inside its rule collection group. */
export function tfHubFirewall(ruleCollections: string, policyExtra = ''): string {
  return `${tfHubVnet('firewall', 'AzureFirewallSubnet', '10.0.1.0/26')}${tfPublicIp('firewall', 'pip-afw-hub')}
resource "azurerm_firewall_policy" "hub" {
  name                = "afwp-hub"
  location            = azurerm_resource_group.net.location
  resource_group_name = azurerm_resource_group.net.name
${policyExtra}}

resource "azurerm_firewall_policy_rule_collection_group" "hub" {
  name               = "rcg-egress"
  firewall_policy_id = azurerm_firewall_policy.hub.id
  priority           = 200

${ruleCollections}
}

resource "azurerm_firewall" "hub" {
  name                = "afw-hub"
  location            = azurerm_resource_group.net.location
  resource_group_name = azurerm_resource_group.net.name
  sku_name            = "AZFW_VNet"
  sku_tier            = "Standard"
  firewall_policy_id  = azurerm_firewall_policy.hub.id

  ip_configuration {
    name                 = "ipconfig"
    subnet_id            = azurerm_subnet.firewall.id
    public_ip_address_id = azurerm_public_ip.firewall.id
  }
}
`
}

/** The spoke route table sending everything to the hub firewall. */
export const TF_ROUTE_TO_FIREWALL = tfSpokeRouteTable([
  tfRoute(
    'default-via-firewall',
    '0.0.0.0/0',
    'VirtualAppliance',
    'azurerm_firewall.hub.ip_configuration[0].private_ip_address',
  ),
])

/** An NSG on snet-app with the given security_rule blocks. */
export function tfAppNsg(rules: string[]): string {
  return `
resource "azurerm_network_security_group" "app" {
  name                = "nsg-app"
  location            = azurerm_resource_group.net.location
  resource_group_name = azurerm_resource_group.net.name

${rules.join('\n\n')}
}

resource "azurerm_subnet_network_security_group_association" "app" {
  subnet_id                 = azurerm_subnet.app.id
  network_security_group_id = azurerm_network_security_group.app.id
}
`
}

export function tfNsgRule(r: {
  name: string
  priority: number
  access: 'Allow' | 'Deny'
  destination: string
  port?: string
}): string {
  const dest = r.destination.startsWith('[')
    ? `    destination_address_prefixes = ${r.destination}`
    : `    destination_address_prefix   = "${r.destination}"`
  return [
    `  security_rule {`,
    `    name                         = "${r.name}"`,
    `    priority                     = ${r.priority}`,
    `    direction                    = "Outbound"`,
    `    access                       = "${r.access}"`,
    `    protocol                     = "${r.port ? 'Tcp' : '*'}"`,
    `    source_port_range            = "*"`,
    `    destination_port_range       = "${r.port ?? '*'}"`,
    `    source_address_prefix        = "*"`,
    dest,
    `  }`,
  ].join('\n')
}
