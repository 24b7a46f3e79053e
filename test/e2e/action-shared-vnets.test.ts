/**
 * Hub and spoke in separate root modules, through the built action on a real git base → head: the
 * connectivity root declares the hub VNet, a vending root adds a subnet to it read with `data`. The
 * vending subnet is judged with what the connectivity root says of the hub (src/pipeline/cross-unit.ts):
 * decided while the hub has no gateway, undecided (naming the hub's gateway) once it gets a BGP VPN
 * gateway. A run that judges only the units the change touches (scope new) does not judge the vending
 * root again, and says so.
 */
import { runPullRequest } from './pr-run'

const PROVIDER = 'provider "azurerm" {\n  features {}\n}\n'

const HUB = `${PROVIDER}
resource "azurerm_virtual_network" "hub" {
  name                = "vnet-hub"
  location            = "westeurope"
  resource_group_name = "rg-hub"
  address_space       = ["10.0.0.0/16"]
}
`

const GATEWAY = `
resource "azurerm_subnet" "gateway" {
  name                 = "GatewaySubnet"
  resource_group_name  = "rg-hub"
  virtual_network_name = azurerm_virtual_network.hub.name
  address_prefixes     = ["10.0.255.0/27"]
}

resource "azurerm_virtual_network_gateway" "hub" {
  name                = "vgw-hub"
  location            = "westeurope"
  resource_group_name = "rg-hub"
  type                = "Vpn"
  vpn_type            = "RouteBased"
  sku                 = "VpnGw2AZ"
  bgp_enabled         = true

  ip_configuration {
    name                 = "vnetGatewayConfig"
    public_ip_address_id = "/subscriptions/0000/resourceGroups/rg-hub/providers/Microsoft.Network/publicIPAddresses/pip-vgw"
    subnet_id            = azurerm_subnet.gateway.id
  }
}
`

const VENDING = `${PROVIDER}
data "azurerm_virtual_network" "hub" {
  name                = "vnet-hub"
  resource_group_name = "rg-hub"
}

resource "azurerm_subnet" "shared" {
  name                 = "snet-shared"
  resource_group_name  = "rg-hub"
  virtual_network_name = data.azurerm_virtual_network.hub.name
  address_prefixes     = ["10.0.5.0/24"]
}
`

describe('a subnet vended into a VNet another root module declares (dist/index.js)', () => {
  it('scope all: decided without a hub gateway; the hub gaining a BGP VPN gateway leaves it undecided, named', async () => {
    const base = { 'connectivity/main.tf': HUB, 'vending/main.tf': VENDING }
    const r = await runPullRequest(
      base,
      { 'connectivity/main.tf': HUB + GATEWAY },
      { path: '.', scope: 'all' },
    )
    expect(r.outputs).toMatchObject({ undecided: '1' })
    expect(r.summary).toContain(
      'VPN gateway vgw-hub in vnet-hub &#40;declared in root module connectivity&#41;',
    )

    const clean = await runPullRequest(
      base,
      { 'vending/main.tf': VENDING + '\n' },
      { path: '.', scope: 'all' },
    )
    expect(clean.outputs).toMatchObject({ undecided: '0', verdict: 'reachable' })
  })

  it('scope new: the untouched vending root is not judged again, and the summary says why', async () => {
    const r = await runPullRequest(
      { 'connectivity/main.tf': HUB, 'vending/main.tf': VENDING },
      { 'connectivity/main.tf': HUB + GATEWAY },
      { path: '.', scope: 'new' },
    )
    expect(r.summary).toContain(
      'This change touches units that declare virtual networks: root module connectivity (vnet-hub)',
    )
  })
})

const PROD = `${PROVIDER}
module "net" {
  source = "../../modules/net"
}
`

const net = (hop: string) => `resource "azurerm_virtual_network" "spoke" {
  name                = "vnet-prod"
  location            = "westeurope"
  resource_group_name = "rg-prod"
  address_space       = ["10.1.0.0/16"]
}

resource "azurerm_subnet" "app" {
  name                 = "snet-app"
  resource_group_name  = "rg-prod"
  virtual_network_name = azurerm_virtual_network.spoke.name
  address_prefixes     = ["10.1.1.0/24"]
}

resource "azurerm_route_table" "spoke" {
  name                = "rt-prod"
  location            = "westeurope"
  resource_group_name = "rg-prod"

  route {
    name           = "default"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "${hop}"
  }
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.spoke.id
}
`

describe('a local module outside the scanned path (dist/index.js, path: infra/envs/prod)', () => {
  it('a forced tunnel added in ../../modules/net is a new finding of the scanned root module', async () => {
    const r = await runPullRequest(
      { 'infra/envs/prod/main.tf': PROD, 'infra/modules/net/main.tf': net('Internet') },
      { 'infra/modules/net/main.tf': net('VirtualNetworkGateway') },
      { path: 'infra/envs/prod', scope: 'new' },
    )
    if (r.outputs['new-findings'] !== '1') console.log(r.summary, r.stdout)
    expect(r.outputs).toMatchObject({ 'new-findings': '1', verdict: 'blocked' })
    expect(r.status).toBe(1)
  })
})
