/**
 * A VPN gateway without BGP propagates its local sites' address spaces as gateway routes (next hop
 * VirtualNetworkGateway) into every subnet of its VNet, and of spokes that use it through
 * `use_remote_gateways`, whose route table lets gateway routes propagate. A site prefix covering a KMS
 * address is judged like any route: it wins by longest prefix (KMS goes on-premises: blocked, KMS001),
 * unless a user route at least as long wins. Terraform (azurerm_virtual_network_gateway_connection links the
 * site to the gateway) and Bicep (Microsoft.Network/connections); a site no connection links stays "may".
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { scan } from '../../src/pipeline/scan'

function tree(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kms-sites-')))
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text)
  return dir
}

const run = (files: Record<string, string>) =>
  scan({ path: tree(files), cloud: 'AzureCloud', varFiles: [], workers: false })

const KMS_ROUTES = ['20.118.99.224', '40.83.235.53', '23.102.135.246']
  .map(
    (a, i) => `
  route {
    name           = "kms-${i + 1}"
    address_prefix = "${a}/32"
    next_hop_type  = "Internet"
  }`,
  )
  .join('')

/**
 * Hub (vnet-hub: GatewaySubnet, snet-mgmt) with a route-based VPN gateway without BGP and one site; a spoke
 * (snet-app without route table, snet-web with `webRoutes` in rt-web) using it through its peering.
 */
function terraform(opts: { site: string[]; connected: boolean; webRoutes?: string }): string {
  return `
resource "azurerm_virtual_network" "hub" {
  name                = "vnet-hub"
  location            = "westeurope"
  resource_group_name = "rg-net"
  address_space       = ["10.0.0.0/16"]
}

resource "azurerm_subnet" "gateway" {
  name                 = "GatewaySubnet"
  resource_group_name  = "rg-net"
  virtual_network_name = azurerm_virtual_network.hub.name
  address_prefixes     = ["10.0.0.0/27"]
}

resource "azurerm_subnet" "mgmt" {
  name                 = "snet-mgmt"
  resource_group_name  = "rg-net"
  virtual_network_name = azurerm_virtual_network.hub.name
  address_prefixes     = ["10.0.2.0/24"]
}

resource "azurerm_public_ip" "vpn" {
  name                = "pip-vgw-hub"
  location            = "westeurope"
  resource_group_name = "rg-net"
  allocation_method   = "Static"
  sku                 = "Standard"
}

resource "azurerm_virtual_network_gateway" "hub" {
  name                = "vgw-hub"
  location            = "westeurope"
  resource_group_name = "rg-net"
  type                = "Vpn"
  vpn_type            = "RouteBased"
  sku                 = "VpnGw1AZ"

  ip_configuration {
    name                 = "vnetGatewayConfig"
    public_ip_address_id = azurerm_public_ip.vpn.id
    subnet_id            = azurerm_subnet.gateway.id
  }
}

resource "azurerm_local_network_gateway" "datacenter" {
  name                = "lgw-datacenter"
  location            = "westeurope"
  resource_group_name = "rg-net"
  gateway_address     = "203.0.113.10"
  address_space       = ${JSON.stringify(opts.site)}
}
${
  opts.connected
    ? `
resource "azurerm_virtual_network_gateway_connection" "datacenter" {
  name                       = "cn-datacenter"
  location                   = "westeurope"
  resource_group_name        = "rg-net"
  type                       = "IPsec"
  virtual_network_gateway_id = azurerm_virtual_network_gateway.hub.id
  local_network_gateway_id   = azurerm_local_network_gateway.datacenter.id
  shared_key                 = var.vpn_shared_key
}

variable "vpn_shared_key" {
  type      = string
  sensitive = true
}
`
    : ''
}
resource "azurerm_virtual_network" "spoke" {
  name                = "vnet-spoke"
  location            = "westeurope"
  resource_group_name = "rg-net"
  address_space       = ["10.1.0.0/16"]
}

resource "azurerm_subnet" "app" {
  name                 = "snet-app"
  resource_group_name  = "rg-net"
  virtual_network_name = azurerm_virtual_network.spoke.name
  address_prefixes     = ["10.1.1.0/24"]
}

resource "azurerm_subnet" "web" {
  name                 = "snet-web"
  resource_group_name  = "rg-net"
  virtual_network_name = azurerm_virtual_network.spoke.name
  address_prefixes     = ["10.1.3.0/24"]
}

resource "azurerm_route_table" "web" {
  name                = "rt-web"
  location            = "westeurope"
  resource_group_name = "rg-net"
${opts.webRoutes ?? ''}
}

resource "azurerm_subnet_route_table_association" "web" {
  subnet_id      = azurerm_subnet.web.id
  route_table_id = azurerm_route_table.web.id
}

resource "azurerm_virtual_network_peering" "spoke_to_hub" {
  name                      = "peer-spoke-to-hub"
  resource_group_name       = "rg-net"
  virtual_network_name      = azurerm_virtual_network.spoke.name
  remote_virtual_network_id = azurerm_virtual_network.hub.id
  allow_forwarded_traffic   = true
  use_remote_gateways       = true
}
`
}

const by = (r: Awaited<ReturnType<typeof run>>, name: string) =>
  r.verdict.subnets.find((s) => s.subnet === name)!

test('Terraform: a connected site with 0.0.0.0/0 sends KMS on-premises from the hub and the spoke (KMS001 names the site)', async () => {
  const r = await run({ 'main.tf': terraform({ site: ['192.168.0.0/16', '0.0.0.0/0'], connected: true }) })
  for (const name of ['snet-mgmt', 'snet-app']) {
    expect(by(r, name).state).toBe('blocked')
    expect(by(r, name).hop).toContain(
      'local network gateway lgw-datacenter of VPN gateway vgw-hub in vnet-hub',
    )
  }
  expect(by(r, 'snet-app').hop).toContain('through peering peer-spoke-to-hub')
  const kms001 = r.findings.find((f) => f.ruleId === 'KMS001')!
  expect(kms001.subnets).toEqual(expect.arrayContaining(['vnet-hub/snet-mgmt', 'vnet-spoke/snet-app']))
  expect(kms001.message).toContain(
    'gateway route 0.0.0.0/0 (the address space of local network gateway lgw-datacenter',
  )
  expect(r.findings.filter((f) => f.ruleId === 'KMS014')).toEqual([])
})

test('Terraform: /32 routes to KMS win over the site prefix; a user 0.0.0.0/0 does not win over a longer one', async () => {
  const bypassed = await run({
    'main.tf': terraform({ site: ['0.0.0.0/0'], connected: true, webRoutes: KMS_ROUTES }),
  })
  expect(by(bypassed, 'snet-web').state).toBe('reachable')
  expect(by(bypassed, 'snet-app').state).toBe('blocked')

  const defaultRoute = `
  route {
    name           = "default"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "Internet"
  }`
  const longer = await run({
    'main.tf': terraform({ site: ['0.0.0.0/1', '128.0.0.0/1'], connected: true, webRoutes: defaultRoute }),
  })
  expect(by(longer, 'snet-web').state).toBe('blocked')
  expect(by(longer, 'snet-web').hop).toContain('0.0.0.0/1 → VirtualNetworkGateway')
})

test('Terraform negative control: a connected site with on-premises prefixes only leaves KMS reachable', async () => {
  const r = await run({
    'main.tf': terraform({ site: ['192.168.0.0/16', '172.16.0.0/12'], connected: true }),
  })
  for (const name of ['snet-mgmt', 'snet-app', 'snet-web']) expect(by(r, name).state).toBe('reachable')
})

test('Terraform: a site no connection links stays undecided (it may be this gateway’s), named', async () => {
  const r = await run({ 'main.tf': terraform({ site: ['0.0.0.0/0'], connected: false }) })
  expect(by(r, 'snet-app').state).toBe('undecided')
  expect(by(r, 'snet-app').why).toContain(
    'local network gateway lgw-datacenter has 0.0.0.0/0 in its address space',
  )
  expect(by(r, 'snet-app').why).toContain(
    'no connection in the scanned sources says which VPN gateway uses it',
  )
})

/** The same hub in Bicep: gateway, site and connection; snet-app has a table that stops gateway routes when asked. */
const bicep = (site: string[], disable: boolean) => `
param location string = resourceGroup().location

resource vnetHub 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-hub'
  location: location
  properties: {
    addressSpace: { addressPrefixes: ['10.0.0.0/16'] }
    subnets: [
      { name: 'GatewaySubnet', properties: { addressPrefix: '10.0.0.0/27' } }
      { name: 'snet-mgmt', properties: { addressPrefix: '10.0.2.0/24' } }
      { name: 'snet-app', properties: { addressPrefix: '10.0.3.0/24', routeTable: { id: rtApp.id } } }
    ]
  }
}

resource rtApp 'Microsoft.Network/routeTables@2023-09-01' = {
  name: 'rt-app'
  location: location
  properties: {
    disableBgpRoutePropagation: ${disable}
    routes: []
  }
}

resource vgw 'Microsoft.Network/virtualNetworkGateways@2023-09-01' = {
  name: 'vgw-hub'
  location: location
  properties: {
    gatewayType: 'Vpn'
    vpnType: 'RouteBased'
    enableBgp: false
    sku: { name: 'VpnGw1AZ', tier: 'VpnGw1AZ' }
    ipConfigurations: [
      {
        name: 'default'
        properties: {
          subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-hub', 'GatewaySubnet') }
        }
      }
    ]
  }
  dependsOn: [vnetHub]
}

resource lgw 'Microsoft.Network/localNetworkGateways@2023-09-01' = {
  name: 'lgw-datacenter'
  location: location
  properties: {
    gatewayIpAddress: '203.0.113.10'
    localNetworkAddressSpace: { addressPrefixes: ${JSON.stringify(site).replace(/"/g, "'").replace(/,/g, ', ')} }
  }
}

resource cn 'Microsoft.Network/connections@2023-09-01' = {
  name: 'cn-datacenter'
  location: location
  properties: {
    connectionType: 'IPsec'
    virtualNetworkGateway1: { id: vgw.id, properties: {} }
    localNetworkGateway2: { id: lgw.id, properties: {} }
    sharedKey: 'not-a-real-key'
  }
}
`

test('Bicep: a connected site covering KMS blocks it where gateway routes propagate, not where the table stops them', async () => {
  const r = await run({ 'main.bicep': bicep(['10.200.0.0/16', '20.118.0.0/16', '40.0.0.0/8'], false) })
  expect(by(r, 'snet-mgmt').state).toBe('blocked')
  expect(by(r, 'snet-mgmt').hop).toContain('local network gateway lgw-datacenter of VPN gateway vgw-hub')
  expect(by(r, 'snet-app').state).toBe('blocked')
  const stopped = await run({ 'main.bicep': bicep(['10.200.0.0/16', '20.118.0.0/16', '40.0.0.0/8'], true) })
  expect(by(stopped, 'snet-app').state).toBe('reachable')
  expect(by(stopped, 'snet-mgmt').state).toBe('blocked')
  // Negative control: prefixes that cover no KMS address.
  const onPrem = await run({ 'main.bicep': bicep(['10.200.0.0/16', '192.168.0.0/16'], false) })
  expect(by(onPrem, 'snet-mgmt').state).toBe('reachable')
})
