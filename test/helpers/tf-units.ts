/**
 * Terraform root modules as the pull request tests lay out an estate across units (test/e2e/action-pr-*.test.ts,
 * action-shared-vnets.test.ts): a spoke root using the hub's gateways through a peering to the hub VNet it
 * reads with `data`, a landing zone declaring its own VNet, another landing zone the change never reaches,
 * and the subnets a change adds. Each is a whole root module (provider block included) unless said.
 */
import { tfHubVpnGateway } from './hcl-network'

/** The azurerm provider block every root module starts with. */
export const TF_PROVIDER = 'provider "azurerm" {\n  features {}\n}\n'

/**
 * Subnets `names` (not a root module: add to one) in the VNet `vnet` (an HCL reference to its resource or data
 * source, default azurerm_virtual_network.spoke) of resource group `rg`, the i-th `${net}.${10 + i}.0/24`.
 */
export const tfMoreSubnets = (
  names: readonly string[],
  o: { rg: string; net: string; vnet?: string },
): string =>
  names
    .map(
      (name, i) => `
resource "azurerm_subnet" "more_${i}" {
  name                 = "${name}"
  resource_group_name  = "${o.rg}"
  virtual_network_name = ${o.vnet ?? 'azurerm_virtual_network.spoke'}.name
  address_prefixes     = ["${o.net}.${10 + i}.0/24"]
}
`,
    )
    .join('')

/**
 * Another landing zone: vnet-other (`space`, default 10.9.0.0/16) in rg-other, with snet-other unless `subnet`
 * is false. It reads nothing of another unit: a change elsewhere never reaches it.
 */
export const tfOtherLandingZone = (o: { space?: string; subnet?: boolean } = {}): string => `${TF_PROVIDER}
resource "azurerm_virtual_network" "other" {
  name                = "vnet-other"
  location            = "westeurope"
  resource_group_name = "rg-other"
  address_space       = ["${o.space ?? '10.9.0.0/16'}"]
}
${
  o.subnet === false
    ? ''
    : `
resource "azurerm_subnet" "other" {
  name                 = "snet-other"
  resource_group_name  = "rg-other"
  virtual_network_name = azurerm_virtual_network.other.name
  address_prefixes     = ["10.9.1.0/24"]
}
`
}`

/**
 * A landing zone declaring `vnet` (default vnet-spoke-app, 10.1.0.0/16) in `rg` (default rg-spoke-app) with
 * snet-app and the subnets `more`; another unit may connect the VNet to a Virtual WAN hub.
 */
export const tfLandingZone = (o: { vnet?: string; rg?: string; more?: readonly string[] } = {}): string => {
  const rg = o.rg ?? 'rg-spoke-app'
  return `${TF_PROVIDER}
resource "azurerm_virtual_network" "spoke" {
  name                = "${o.vnet ?? 'vnet-spoke-app'}"
  location            = "westeurope"
  resource_group_name = "${rg}"
  address_space       = ["10.1.0.0/16"]
}

resource "azurerm_subnet" "app" {
  name                 = "snet-app"
  resource_group_name  = "${rg}"
  virtual_network_name = azurerm_virtual_network.spoke.name
  address_prefixes     = ["10.1.1.0/24"]
}
${tfMoreSubnets(o.more ?? [], { rg, net: '10.1' })}`
}

/**
 * A spoke root: vnet-spoke1 (10.1.0.0/16, rg-spoke1) with snet-app and the subnets `more`, peered with the hub
 * VNet `hub` (default vnet-hub, read with `data` in rg-hub) using its gateways; with `hubSide`, the hub's side
 * of the peering too (allow_gateway_transit), vended with the spoke.
 */
export const tfSpokeUsingHub = (
  o: { hub?: string; more?: readonly string[]; hubSide?: boolean } = {},
): string => `${TF_PROVIDER}
data "azurerm_virtual_network" "hub" {
  name                = "${o.hub ?? 'vnet-hub'}"
  resource_group_name = "rg-hub"
}

resource "azurerm_virtual_network" "spoke" {
  name                = "vnet-spoke1"
  location            = "westeurope"
  resource_group_name = "rg-spoke1"
  address_space       = ["10.1.0.0/16"]
}

resource "azurerm_subnet" "app" {
  name                 = "snet-app"
  resource_group_name  = "rg-spoke1"
  virtual_network_name = azurerm_virtual_network.spoke.name
  address_prefixes     = ["10.1.1.0/24"]
}
${tfMoreSubnets(o.more ?? [], { rg: 'rg-spoke1', net: '10.1' })}
resource "azurerm_virtual_network_peering" "to_hub" {
  name                      = "spoke1-to-hub"
  resource_group_name       = "rg-spoke1"
  virtual_network_name      = azurerm_virtual_network.spoke.name
  remote_virtual_network_id = data.azurerm_virtual_network.hub.id
  use_remote_gateways       = true
}
${
  o.hubSide
    ? `
# Vended with the spoke: the hub's side of the peering.
resource "azurerm_virtual_network_peering" "hub_to_spoke" {
  name                      = "hub-to-spoke1"
  resource_group_name       = "rg-hub"
  virtual_network_name      = data.azurerm_virtual_network.hub.name
  remote_virtual_network_id = azurerm_virtual_network.spoke.id
  allow_gateway_transit     = true
}
`
    : ''
}`

/**
 * A network root declaring the hub VNet vnet-hub (10.0.0.0/16, rg-hub) with snet-shared, and no gateway: the
 * connectivity root builds it (tfGatewayInReadHub). Not a whole root module (no provider block).
 */
export const tfHubNetwork = (): string => `
resource "azurerm_virtual_network" "hub" {
  name                = "vnet-hub"
  location            = "westeurope"
  resource_group_name = "rg-hub"
  address_space       = ["10.0.0.0/16"]
}

resource "azurerm_subnet" "shared" {
  name                 = "snet-shared"
  resource_group_name  = "rg-hub"
  virtual_network_name = azurerm_virtual_network.hub.name
  address_prefixes     = ["10.0.5.0/24"]
}
`

/**
 * A connectivity root's gateway in the hub VNet it reads (`data` vnet-hub in rg-hub): GatewaySubnet and the
 * VPN gateway vgw-hub, `bgp` or not. Not a whole root module; add tfLocalSite for its site.
 */
export const tfGatewayInReadHub = (bgp: boolean): string => `
data "azurerm_virtual_network" "hub" {
  name                = "vnet-hub"
  resource_group_name = "rg-hub"
}
${tfHubVpnGateway(bgp, 'data.azurerm_virtual_network.hub')}`
