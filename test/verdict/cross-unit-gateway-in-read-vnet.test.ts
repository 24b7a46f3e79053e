/**
 * A VPN gateway one root module builds in a hub VNet another root module declares (the connectivity root
 * reads vnet-hub by `data`, adds its GatewaySubnet and a BGP VPN gateway). Judged alone, the network root saw
 * no gateway in vnet-hub and read its own snet-shared "reachable"; now it is judged again with the gateway
 * laid into its VNet (GatewayFact, layReadVnetGateways): BGP may bring 0.0.0.0/0 there (KMS014).
 */
import { scan } from '../../src/pipeline/scan'
import { tree } from '../helpers/tree'
import { tfLocalSite } from '../helpers/hcl-network'

const HUB = `
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

const gateway = (bgp: boolean) => `
data "azurerm_virtual_network" "hub" {
  name                = "vnet-hub"
  resource_group_name = "rg-hub"
}

resource "azurerm_subnet" "gateway" {
  name                 = "GatewaySubnet"
  resource_group_name  = "rg-hub"
  virtual_network_name = data.azurerm_virtual_network.hub.name
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

/** The connectivity root with its gateway and, with `site`, an on-premises site of those prefixes. */
const shared = async (bgp: boolean, site?: string[]) => {
  const connectivity = gateway(bgp) + (site ? tfLocalSite(site) : '')
  const result = await scan({
    path: tree({ 'network/main.tf': HUB, 'connectivity/main.tf': connectivity }, 'kms-xunit-gw-'),
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
  })
  return result.verdict.subnets.find((s) => s.subnet === 'snet-shared')!
}

test('a BGP VPN gateway another root builds in the hub VNet: the hub’s own subnet is undecided, naming it', async () => {
  const v = await shared(true)
  expect(v.state).toBe('undecided')
  expect(`${v.hop} ${v.why}`).toContain('vgw-hub')
})

test('without BGP its site decides: on-premises prefixes leave the subnet reachable, 0.0.0.0/0 blocks it', async () => {
  expect((await shared(false, ['192.168.0.0/16'])).state).toBe('reachable')
  expect((await shared(false, ['0.0.0.0/0'])).state).toBe('blocked')
})
