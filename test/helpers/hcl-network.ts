/**
 * Terraform building blocks the verdict tests share, written as a platform team writes them: a spoke
 * (vnet-spoke/snet-app in rg-spoke), a hub (vnet-hub in rg-hub) with a VPN gateway that speaks BGP, Azure
 * Firewall policy rule collections, and an Azure Virtual Network Manager with a network group the spoke is
 * a static member of. Each test file composes them with the part it is about.
 */

/**
 * The spoke VNet: vnet-spoke (10.1.0.0/16) in rg-spoke. A subnet of a VNet the scan does not declare is
 * undecided wherever BGP routes could beat its route (its gateways and peerings are not known).
 */
export const TF_SPOKE_VNET = `
resource "azurerm_virtual_network" "spoke" {
  name                = "vnet-spoke"
  location            = "westeurope"
  resource_group_name = "rg-spoke"
  address_space       = ["10.1.0.0/16"]
}
`

/** The spoke: vnet-spoke (10.1.0.0/16) with snet-app (10.1.1.0/24), in rg-spoke. */
export const TF_SPOKE_APP = `${TF_SPOKE_VNET}
resource "azurerm_subnet" "app" {
  name                 = "snet-app"
  resource_group_name  = "rg-spoke"
  virtual_network_name = azurerm_virtual_network.spoke.name
  address_prefixes     = ["10.1.1.0/24"]
}
`

/**
 * rt-app in rg-spoke, BGP propagation off, 0.0.0.0/0 → Internet (a default route of its own: Azure's platform
 * exception for KMS is off), associated with snet-app, and NSG `azurerm_network_security_group.app` (which the
 * test writes) associated with snet-app too. Add TF_SPOKE_APP.
 */
export const TF_APP_INTERNET_WITH_NSG = `resource "azurerm_route_table" "app" {
  name                          = "rt-app"
  location                      = "westeurope"
  resource_group_name           = "rg-spoke"
  bgp_route_propagation_enabled = false

  route {
    name           = "default"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "Internet"
  }
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.app.id
}

resource "azurerm_subnet_network_security_group_association" "app" {
  subnet_id                 = azurerm_subnet.app.id
  network_security_group_id = azurerm_network_security_group.app.id
}
`

/** The hub VNet: vnet-hub (10.0.0.0/16) in resource group `rg` (an HCL expression, default rg-hub). */
export const tfHubVnet = (rg = '"rg-hub"') => `
resource "azurerm_virtual_network" "hub" {
  name                = "vnet-hub"
  location            = "westeurope"
  resource_group_name = ${rg}
  address_space       = ["10.0.0.0/16"]
}
`

/** The hub VNet: vnet-hub (10.0.0.0/16) in rg-hub. */
export const TF_HUB_VNET = tfHubVnet()

/**
 * The hub's GatewaySubnet and route-based VPN gateway vgw-hub, BGP on or off (add TF_HUB_VNET); `vnet`: the
 * address of the VNet the subnet is in (default the declared hub; a `data` source where the root reads it).
 */
export const tfHubVpnGateway = (bgp: boolean, vnet = 'azurerm_virtual_network.hub') => `
resource "azurerm_subnet" "gateway" {
  name                 = "GatewaySubnet"
  resource_group_name  = "rg-hub"
  virtual_network_name = ${vnet}.name
  address_prefixes     = ["10.0.0.0/27"]
}

resource "azurerm_public_ip" "vpn" {
  name                = "pip-vgw-hub"
  location            = "westeurope"
  resource_group_name = "rg-hub"
  allocation_method   = "Static"
  sku                 = "Standard"
}

resource "azurerm_virtual_network_gateway" "hub" {
  name                = "vgw-hub"
  location            = "westeurope"
  resource_group_name = "rg-hub"
  type                = "Vpn"
  vpn_type            = "RouteBased"
  sku                 = "VpnGw2AZ"
  bgp_enabled         = ${bgp}

  ip_configuration {
    name                 = "vnetGatewayConfig"
    public_ip_address_id = azurerm_public_ip.vpn.id
    subnet_id            = azurerm_subnet.gateway.id
  }
}
`

/** The hub's GatewaySubnet and VPN gateway vgw-hub with BGP on (add TF_HUB_VNET). */
export const TF_HUB_VPN_GATEWAY = tfHubVpnGateway(true)

/**
 * The on-premises site lgw-datacenter (address space `prefixes`) and its site-to-site connection
 * cn-datacenter to `gateway` (default the hub's vgw-hub): the gateway propagates the site's prefixes.
 */
export const tfLocalSite = (prefixes: string[], gateway = 'azurerm_virtual_network_gateway.hub.id') => `
resource "azurerm_local_network_gateway" "datacenter" {
  name                = "lgw-datacenter"
  location            = "westeurope"
  resource_group_name = "rg-hub"
  gateway_address     = "203.0.113.10"
  address_space       = ${JSON.stringify(prefixes)}
}

resource "azurerm_virtual_network_gateway_connection" "datacenter" {
  name                       = "cn-datacenter"
  location                   = "westeurope"
  resource_group_name        = "rg-hub"
  type                       = "IPsec"
  virtual_network_gateway_id = ${gateway}
  local_network_gateway_id   = azurerm_local_network_gateway.datacenter.id
  shared_key                 = var.vpn_shared_key
}

variable "vpn_shared_key" {
  type      = string
  sensitive = true
}
`

/** A firewall policy rule collection that allows DNS only: KMS falls to the firewall's default deny. */
export const TF_RULES_DNS_ONLY = `
  network_rule_collection {
    name     = "dns"
    priority = 100
    action   = "Allow"
    rule {
      name                  = "dns"
      protocols             = ["UDP"]
      source_addresses      = ["10.0.0.0/8"]
      destination_addresses = ["*"]
      destination_ports     = ["53"]
    }
  }`

/** A firewall policy rule collection that allows TCP 1688 to `addresses`. */
export const tfRulesKmsAllowed = (addresses: string[]) => `
  network_rule_collection {
    name     = "platform"
    priority = 100
    action   = "Allow"
    rule {
      name                  = "azure-kms"
      protocols             = ["TCP"]
      source_addresses      = ["10.0.0.0/8"]
      destination_addresses = [${addresses.map((a) => `"${a}"`).join(', ')}]
      destination_ports     = ["1688"]
    }
  }`

/**
 * The subscription, network manager avnm-corp with `scopeAccess` over it, and its network group ng-spokes;
 * the spoke is a static member of the group unless `staticMember` is false.
 */
export function tfNetworkManager(scopeAccess: 'Routing' | 'SecurityAdmin', staticMember = true): string {
  return `
data "azurerm_subscription" "current" {}
${TF_SPOKE_APP}
resource "azurerm_network_manager" "corp" {
  name                = "avnm-corp"
  location            = "westeurope"
  resource_group_name = "rg-avnm"
  scope_accesses      = ["${scopeAccess}"]

  scope {
    subscription_ids = [data.azurerm_subscription.current.id]
  }
}

resource "azurerm_network_manager_network_group" "spokes" {
  name               = "ng-spokes"
  network_manager_id = azurerm_network_manager.corp.id
}
${
  staticMember
    ? `
resource "azurerm_network_manager_static_member" "spoke" {
  name                      = "sm-vnet-spoke"
  network_group_id          = azurerm_network_manager_network_group.spokes.id
  target_virtual_network_id = azurerm_virtual_network.spoke.id
}
`
    : ''
}`
}

/**
 * The hub's Azure Firewall afw-hub in AzureFirewallSubnet of vnet-hub (add TF_HUB_VNET), with policy
 * afwp-hub whose one rule collection group holds `rules` (TF_RULES_DNS_ONLY, tfRulesKmsAllowed). Its
 * private address is `azurerm_firewall.hub.ip_configuration[0].private_ip_address` (known at apply).
 * `forcedTunnelling`: its management NIC in AzureFirewallManagementSubnet (Azure's forced tunnelling mode:
 * the firewall sends what it allows along its own subnet's routes).
 */
export const tfHubFirewall = (rules: string, opts: { forcedTunnelling?: boolean } = {}) => `
resource "azurerm_subnet" "firewall" {
  name                 = "AzureFirewallSubnet"
  resource_group_name  = "rg-hub"
  virtual_network_name = azurerm_virtual_network.hub.name
  address_prefixes     = ["10.0.1.0/26"]
}
${opts.forcedTunnelling ? TF_FIREWALL_MANAGEMENT : ''}
resource "azurerm_firewall_policy" "hub" {
  name                = "afwp-hub"
  resource_group_name = "rg-hub"
  location            = "westeurope"
}

resource "azurerm_firewall_policy_rule_collection_group" "platform" {
  name               = "rcg-platform"
  firewall_policy_id = azurerm_firewall_policy.hub.id
  priority           = 100
${rules}
}

resource "azurerm_public_ip" "firewall" {
  name                = "pip-afw-hub"
  location            = "westeurope"
  resource_group_name = "rg-hub"
  allocation_method   = "Static"
  sku                 = "Standard"
}

resource "azurerm_firewall" "hub" {
  name                = "afw-hub"
  location            = "westeurope"
  resource_group_name = "rg-hub"
  sku_name            = "AZFW_VNet"
  sku_tier            = "Standard"
  firewall_policy_id  = azurerm_firewall_policy.hub.id

  ip_configuration {
    name                 = "ipconfig"
    subnet_id            = azurerm_subnet.firewall.id
    public_ip_address_id = azurerm_public_ip.firewall.id
  }
${
  opts.forcedTunnelling
    ? `
  management_ip_configuration {
    name                 = "mgmt"
    subnet_id            = azurerm_subnet.firewall_management.id
    public_ip_address_id = azurerm_public_ip.firewall_management.id
  }
`
    : ''
}}
`

/** The firewall's management subnet and public IP (tfHubFirewall with forced tunnelling). */
const TF_FIREWALL_MANAGEMENT = `
resource "azurerm_subnet" "firewall_management" {
  name                 = "AzureFirewallManagementSubnet"
  resource_group_name  = "rg-hub"
  virtual_network_name = azurerm_virtual_network.hub.name
  address_prefixes     = ["10.0.1.64/26"]
}

resource "azurerm_public_ip" "firewall_management" {
  name                = "pip-afw-hub-mgmt"
  location            = "westeurope"
  resource_group_name = "rg-hub"
  allocation_method   = "Static"
  sku                 = "Standard"
}
`

/**
 * A Virtual WAN (vwan-contoso, hub vhub-weu) with its hub firewall afw-vhub-weu (policy rule collection group
 * `rules`), the hub routing (`hubRouting`: tfVwanRoutingIntent, tfVwanDefaultRoute) and spoke
 * vnet-spoke-app/snet-app connected to the hub as conn-spoke-app. `connectionCount` puts a `count` on the
 * connection; `internetSecurity` may be an expression; `privateSubnet` turns the subnet's default outbound
 * access off; `spokeSubnet: false` leaves the subnet out (another root module adds it: tfSubnetOfReadVnet).
 */
export function tfVirtualWan(opts: {
  rules: string
  hubRouting: string
  internetSecurity?: boolean | string
  connectionCount?: string
  privateSubnet?: boolean
  spokeSubnet?: false
  extra?: string
  /** A `routing { ... }` block for the spoke's hub connection. */
  connectionRouting?: string
  /** The hub's `name` as an HCL expression (default "vhub-weu"). */
  hubName?: string
  /**
   * The spoke VNet is only read (`data "azurerm_virtual_network"`) in this resource group, not declared: another
   * unit declares it (with spokeSubnet: false, the connection is all this unit says of the spoke).
   */
  spokeVnetReadIn?: string
  /** The spoke VNet and subnet are deployed through this provider configuration (`azurerm.landingzone`). */
  spokeProvider?: string
}): string {
  const provider = opts.spokeProvider ? `\n  provider            = ${opts.spokeProvider}` : ''
  const spokeVnet = opts.spokeVnetReadIn
    ? `data "azurerm_virtual_network" "spoke" {
  name                = "vnet-spoke-app"
  resource_group_name = "${opts.spokeVnetReadIn}"
}`
    : `resource "azurerm_virtual_network" "spoke" {${provider}
  name                = "vnet-spoke-app"
  resource_group_name = "rg-spoke-app"
  location            = "westeurope"
  address_space       = ["10.1.0.0/16"]
}`
  const spokeRef = opts.spokeVnetReadIn
    ? 'data.azurerm_virtual_network.spoke'
    : 'azurerm_virtual_network.spoke'
  return `
resource "azurerm_resource_group" "hub" {
  name     = "rg-vwan"
  location = "westeurope"
}

resource "azurerm_virtual_wan" "this" {
  name                = "vwan-contoso"
  resource_group_name = azurerm_resource_group.hub.name
  location            = "westeurope"
}

resource "azurerm_virtual_hub" "weu" {
  name                = ${opts.hubName ?? '"vhub-weu"'}
  resource_group_name = azurerm_resource_group.hub.name
  location            = "westeurope"
  virtual_wan_id      = azurerm_virtual_wan.this.id
  address_prefix      = "10.100.0.0/23"
}

resource "azurerm_firewall_policy" "hub" {
  name                = "afwp-vhub-weu"
  resource_group_name = azurerm_resource_group.hub.name
  location            = "westeurope"
}

resource "azurerm_firewall_policy_rule_collection_group" "hub" {
  name               = "rcg-platform"
  firewall_policy_id = azurerm_firewall_policy.hub.id
  priority           = 100
${opts.rules}
}

resource "azurerm_firewall" "hub" {
  name                = "afw-vhub-weu"
  resource_group_name = azurerm_resource_group.hub.name
  location            = "westeurope"
  sku_name            = "AZFW_Hub"
  sku_tier            = "Standard"
  firewall_policy_id  = azurerm_firewall_policy.hub.id
  virtual_hub {
    virtual_hub_id  = azurerm_virtual_hub.weu.id
    public_ip_count = 1
  }
}
${opts.hubRouting}

${spokeVnet}
${
  opts.spokeSubnet === false
    ? ''
    : `
resource "azurerm_subnet" "app" {${provider}
  name                 = "snet-app"
  resource_group_name  = "rg-spoke-app"
  virtual_network_name = ${spokeRef}.name
  address_prefixes     = ["10.1.1.0/24"]${opts.privateSubnet ? '\n  default_outbound_access_enabled = false' : ''}
}
`
}
resource "azurerm_virtual_hub_connection" "spoke" {${opts.connectionCount ? `\n  count                     = ${opts.connectionCount}` : ''}
  name                      = "conn-spoke-app"
  virtual_hub_id            = azurerm_virtual_hub.weu.id
  remote_virtual_network_id = ${spokeRef}.id
  internet_security_enabled = ${opts.internetSecurity ?? true}${opts.connectionRouting ? `\n${opts.connectionRouting}` : ''}
}
${opts.extra ?? ''}`
}

/** Routing intent ri-vhub-weu: Internet and private traffic → the hub firewall (add tfVirtualWan). */
export const tfVwanRoutingIntent = (count?: string) => `
resource "azurerm_virtual_hub_routing_intent" "weu" {${count ? `\n  count          = ${count}` : ''}
  name           = "ri-vhub-weu"
  virtual_hub_id = azurerm_virtual_hub.weu.id
  routing_policy {
    name         = "InternetTrafficPolicy"
    destinations = ["Internet"]
    next_hop     = azurerm_firewall.hub.id
  }
  routing_policy {
    name         = "PrivateTrafficPolicy"
    destinations = ["PrivateTraffic"]
    next_hop     = azurerm_firewall.hub.id
  }
}`

/** No routing intent: 0.0.0.0/0 → the hub firewall in the hub's defaultRouteTable (add tfVirtualWan). */
export const tfVwanDefaultRoute = (count?: string) => `
resource "azurerm_virtual_hub_route_table_route" "default" {${count ? `\n  count             = ${count}` : ''}
  route_table_id    = "\${azurerm_virtual_hub.weu.id}/hubRouteTables/defaultRouteTable"
  name              = "all-traffic"
  destinations_type = "CIDR"
  destinations      = ["0.0.0.0/0"]
  next_hop_type     = "ResourceId"
  next_hop          = azurerm_firewall.hub.id
}`

/** The hub's VPN gateway vpng-vhub-weu (add tfVirtualWan): on-premises may advertise 0.0.0.0/0 over BGP. */
export const TF_VWAN_VPN_GATEWAY = `
resource "azurerm_vpn_gateway" "weu" {
  name                = "vpng-vhub-weu"
  resource_group_name = azurerm_resource_group.hub.name
  location            = "westeurope"
  virtual_hub_id      = azurerm_virtual_hub.weu.id
}`

/**
 * Subnet vending: subnet `subnet` (`prefix`) added to VNet `vnet` in `rg`, which the root module reads with
 * `data` (another root module declares it).
 */
export const tfSubnetOfReadVnet = (vnet: string, rg: string, subnet: string, prefix: string) => `
data "azurerm_virtual_network" "target" {
  name                = "${vnet}"
  resource_group_name = "${rg}"
}

resource "azurerm_subnet" "app" {
  name                 = "${subnet}"
  resource_group_name  = "${rg}"
  virtual_network_name = data.azurerm_virtual_network.target.name
  address_prefixes     = ["${prefix}"]
}
`
