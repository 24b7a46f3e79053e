/**
 * BGP outside Virtual WAN, in Terraform: a subnet whose route table lets gateway routes propagate, in a
 * VNet with a VPN/ExpressRoute gateway (its own, or the hub's through a peering with use_remote_gateways)
 * or an Azure Route Server, learns what on-premises or an NVA advertises. It is undecided unless a user
 * route decides KMS first; disabling propagation, or /32 routes to KMS, decide it.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { scan } from '../../src/pipeline/scan'

function tree(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kms-bgp-')))
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text)
  return dir
}

const run = (dir: string) => scan({ path: dir, cloud: 'AzureCloud', varFiles: [], workers: false })

const subnet = (key: string, name: string, vnet: string, prefix: string) => `
resource "azurerm_subnet" "${key}" {
  name                 = "${name}"
  resource_group_name  = "rg-net"
  virtual_network_name = azurerm_virtual_network.${vnet}.name
  address_prefixes     = ["${prefix}"]
}
`

const table = (key: string, name: string, propagation: boolean, routes: string, subnetKey: string) => `
resource "azurerm_route_table" "${key}" {
  name                          = "${name}"
  location                      = "westeurope"
  resource_group_name           = "rg-net"
  bgp_route_propagation_enabled = ${propagation}
${routes}
}

resource "azurerm_subnet_route_table_association" "${key}" {
  subnet_id      = azurerm_subnet.${subnetKey}.id
  route_table_id = azurerm_route_table.${key}.id
}
`

const KMS_ROUTES = `
  route {
    name           = "kms-1"
    address_prefix = "20.118.99.224/32"
    next_hop_type  = "Internet"
  }
  route {
    name           = "kms-2"
    address_prefix = "40.83.235.53/32"
    next_hop_type  = "Internet"
  }`

/** A hub VNet with a gateway, a spoke peered to it. */
function hubSpoke(opts: { gateway: string; useRemoteGateways: boolean; spokeExtra?: string }): string {
  return `
resource "azurerm_virtual_network" "hub" {
  name                = "vnet-hub"
  location            = "westeurope"
  resource_group_name = "rg-net"
  address_space       = ["10.0.0.0/16"]
}

resource "azurerm_virtual_network" "spoke" {
  name                = "vnet-spoke"
  location            = "westeurope"
  resource_group_name = "rg-net"
  address_space       = ["10.1.0.0/16"]
}
${subnet('gateway', 'GatewaySubnet', 'hub', '10.0.0.0/27')}
${subnet('route_server', 'RouteServerSubnet', 'hub', '10.0.1.0/27')}
${subnet('mgmt', 'snet-mgmt', 'hub', '10.0.2.0/24')}
${subnet('app', 'snet-app', 'spoke', '10.1.1.0/24')}
${subnet('db', 'snet-db', 'spoke', '10.1.2.0/24')}
${subnet('web', 'snet-web', 'spoke', '10.1.3.0/24')}
${table('db', 'rt-db', false, '', 'db')}
${table('web', 'rt-web', true, KMS_ROUTES, 'web')}
${opts.gateway}

resource "azurerm_virtual_network_peering" "hub_to_spoke" {
  name                      = "peer-hub-to-spoke"
  resource_group_name       = "rg-net"
  virtual_network_name      = azurerm_virtual_network.hub.name
  remote_virtual_network_id = azurerm_virtual_network.spoke.id
  allow_gateway_transit     = true
}

resource "azurerm_virtual_network_peering" "spoke_to_hub" {
  name                      = "peer-spoke-to-hub"
  resource_group_name       = "rg-net"
  virtual_network_name      = azurerm_virtual_network.spoke.name
  remote_virtual_network_id = azurerm_virtual_network.hub.id
  allow_forwarded_traffic   = true
  use_remote_gateways       = ${opts.useRemoteGateways}
}
${opts.spokeExtra ?? ''}`
}

const VPN_BGP = `
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
  sku                 = "VpnGw2AZ"
  bgp_enabled         = true

  bgp_settings {
    asn = 65515
  }

  ip_configuration {
    name                 = "vnetGatewayConfig"
    public_ip_address_id = azurerm_public_ip.vpn.id
    subnet_id            = azurerm_subnet.gateway.id
  }
}

resource "azurerm_local_network_gateway" "onprem" {
  name                = "lgw-datacenter"
  location            = "westeurope"
  resource_group_name = "rg-net"
  gateway_address     = "203.0.113.10"
  address_space       = ["192.168.0.0/16"]

  bgp_settings {
    asn                 = 65050
    bgp_peering_address = "192.168.255.1"
  }
}
`

test('a VPN gateway with BGP leaves the hub and the spoke that uses it undecided, naming gateway, peering and propagation', async () => {
  const { verdict, findings } = await run(
    tree({ 'main.tf': hubSpoke({ gateway: VPN_BGP, useRemoteGateways: true }) }),
  )
  const by = (n: string) => verdict.subnets.find((s) => s.subnet === n)!
  expect(verdict.overall).toBe('undecided')

  // No route table: gateway routes propagate; the hub's gateway comes through the peering.
  const app = by('snet-app')
  expect(app.state).toBe('undecided')
  expect(app.hop).toContain(
    'VPN gateway vgw-hub in vnet-hub, through peering peer-spoke-to-hub (use_remote_gateways)',
  )
  expect(app.why).toContain('the subnet has no route table, so gateway routes propagate')
  expect(app.why).toContain('BGP is enabled')
  expect(app.resolve).toMatch(/effective-routes: true/)
  expect(app.resolve).toMatch(/bgp_route_propagation_enabled = false/)
  expect(app.resolve).toMatch(/\/32, next hop Internet/)

  // The hub's own subnet learns from its own gateway (no peering named).
  const mgmt = by('snet-mgmt')
  expect(mgmt.state).toBe('undecided')
  expect(mgmt.hop).toContain('VPN gateway vgw-hub in vnet-hub')
  expect(mgmt.hop).not.toContain('peering')

  // Propagation disabled: nothing learned, the system route decides.
  expect(by('snet-db').state).toBe('reachable')
  // Propagation on, but /32 user routes to KMS win over anything BGP brings.
  expect(by('snet-web').state).toBe('reachable')

  // The notice points at the harmed subnet and names the gateway.
  const notice = findings.find((f) => f.ruleId === 'KMS014' && f.subnets?.includes('vnet-spoke/snet-app'))!
  expect(notice.message).toContain('vgw-hub')
  expect(notice.message).toContain('use_remote_gateways')
})

test('a spoke whose peering does not use the remote gateway is not exposed to it', async () => {
  const { verdict } = await run(tree({ 'main.tf': hubSpoke({ gateway: VPN_BGP, useRemoteGateways: false }) }))
  const by = (n: string) => verdict.subnets.find((s) => s.subnet === n)!
  expect(by('snet-app').state).toBe('reachable')
  expect(by('snet-mgmt').state).toBe('undecided')
})

test('a VPN gateway without BGP propagates only its sites’ address spaces', async () => {
  const noBgp = VPN_BGP.replace('bgp_enabled         = true', 'bgp_enabled         = false')
  const { verdict } = await run(tree({ 'main.tf': hubSpoke({ gateway: noBgp, useRemoteGateways: true }) }))
  expect(verdict.subnets.find((s) => s.subnet === 'snet-app')!.state).toBe('reachable')

  // A site whose address space is 0.0.0.0/0 (a forced tunnel by static routing) captures KMS: undecided.
  const defaultSite = noBgp.replace(
    'address_space       = ["192.168.0.0/16"]',
    'address_space       = ["0.0.0.0/0"]',
  )
  const tunnelled = await run(
    tree({ 'main.tf': hubSpoke({ gateway: defaultSite, useRemoteGateways: true }) }),
  )
  const app = tunnelled.verdict.subnets.find((s) => s.subnet === 'snet-app')!
  expect(app.state).toBe('undecided')
  expect(app.why).toContain('local network gateway lgw-datacenter has 0.0.0.0/0 in its address space')
})

test('a hub that is not scanned: use_remote_gateways alone says it has a gateway', async () => {
  const spokeOnly = `
resource "azurerm_virtual_network" "spoke" {
  name                = "vnet-spoke"
  location            = "westeurope"
  resource_group_name = "rg-net"
  address_space       = ["10.1.0.0/16"]
}
${subnet('app', 'snet-app', 'spoke', '10.1.1.0/24')}
resource "azurerm_virtual_network_peering" "spoke_to_hub" {
  name                      = "peer-spoke-to-hub"
  resource_group_name       = "rg-net"
  virtual_network_name      = azurerm_virtual_network.spoke.name
  remote_virtual_network_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub"
  use_remote_gateways       = true
}
`
  const { verdict } = await run(tree({ 'main.tf': spokeOnly }))
  const app = verdict.subnets.find((s) => s.subnet === 'snet-app')!
  expect(app.state).toBe('undecided')
  expect(app.hop).toContain('the gateway of vnet-hub, through peering peer-spoke-to-hub')
  expect(app.why).toContain('use_remote_gateways requires one')
})

test('Azure Route Server: routes its NVAs advertise are unknown in its VNet and in spokes using it', async () => {
  const routeServer = `
resource "azurerm_public_ip" "rs" {
  name                = "pip-rs-hub"
  location            = "westeurope"
  resource_group_name = "rg-net"
  allocation_method   = "Static"
  sku                 = "Standard"
}

resource "azurerm_route_server" "hub" {
  name                             = "rs-hub"
  resource_group_name              = "rg-net"
  location                         = "westeurope"
  sku                              = "Standard"
  public_ip_address_id             = azurerm_public_ip.rs.id
  subnet_id                        = azurerm_subnet.route_server.id
  branch_to_branch_traffic_enabled = true
}

resource "azurerm_route_server_bgp_connection" "nva" {
  name            = "bgp-nva-fw"
  route_server_id = azurerm_route_server.hub.id
  peer_asn        = 65010
  peer_ip         = "10.0.2.4"
}
`
  const { verdict } = await run(
    tree({ 'main.tf': hubSpoke({ gateway: routeServer, useRemoteGateways: true }) }),
  )
  const app = verdict.subnets.find((s) => s.subnet === 'snet-app')!
  expect(app.state).toBe('undecided')
  expect(app.hop).toContain('Route Server rs-hub in vnet-hub, through peering peer-spoke-to-hub')
  expect(app.why).toContain(
    'NVAs peering with the Route Server advertise routes over BGP (peers: bgp-nva-fw 10.0.2.4 AS 65010)',
  )
  expect(verdict.subnets.find((s) => s.subnet === 'snet-db')!.state).toBe('reachable')
})

test('a user route covering KMS wins over a learned default route: a forced tunnel to the gateway is blocked, not undecided', async () => {
  const forced = table(
    'app',
    'rt-app',
    true,
    `  route {
    name           = "default"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "VirtualNetworkGateway"
  }`,
    'app',
  )
  const { verdict } = await run(
    tree({ 'main.tf': hubSpoke({ gateway: VPN_BGP, useRemoteGateways: true, spokeExtra: forced }) }),
  )
  const app = verdict.subnets.find((s) => s.subnet === 'snet-app')!
  expect(app.state).toBe('blocked')
  expect(app.hop).toContain('route default 0.0.0.0/0 → VirtualNetworkGateway (on-premises) in rt-app')
})

test('a user 0.0.0.0/0 does not win over a more specific learned route; a /32 to KMS always does', async () => {
  // "How Azure selects a route": longest prefix first; a user route beats a BGP route only on an equal
  // prefix. On-premises often advertises 0.0.0.0/1 + 128.0.0.0/1, which beat a user 0.0.0.0/0.
  const own = table(
    'app',
    'rt-app',
    true,
    `  route {
    name           = "default"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "Internet"
  }`,
    'app',
  )
  const { verdict } = await run(
    tree({ 'main.tf': hubSpoke({ gateway: VPN_BGP, useRemoteGateways: true, spokeExtra: own }) }),
  )
  const app = verdict.subnets.find((s) => s.subnet === 'snet-app')!
  expect(app.state).toBe('undecided')
  expect(app.why).toContain('more specific than the user route default (0.0.0.0/0)')
  // rt-web lets gateway routes propagate too, but routes both KMS addresses as /32s: nothing learned wins.
  expect(verdict.subnets.find((s) => s.subnet === 'snet-web')!.state).toBe('reachable')
})

test('an NVA peering with a Route Server the scan does not hold (id unknown, or declared elsewhere): it may be in any VNet, so subnets where gateway routes propagate are undecided', async () => {
  const connection = (serverId: string) => `
variable "route_server_id" {
  type = string
}

resource "azurerm_route_server_bgp_connection" "nva" {
  name            = "bgp-nva-fw"
  route_server_id = ${serverId}
  peer_asn        = 65010
  peer_ip         = "10.0.2.4"
}
`
  for (const serverId of [
    'var.route_server_id',
    '"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-conn/providers/Microsoft.Network/virtualHubs/rs-conn"',
  ]) {
    const { verdict } = await run(
      tree({ 'main.tf': hubSpoke({ gateway: connection(serverId), useRemoteGateways: false }) }),
    )
    const app = verdict.subnets.find((s) => s.subnet === 'snet-app')!
    expect(app.state).toBe('undecided')
    expect(app.why).toContain('peers: bgp-nva-fw 10.0.2.4 AS 65010')
    expect(app.why).toMatch(/Route Server|route_server_id/)
    // rt-db stops gateway routes (bgp_route_propagation_enabled = false): nothing is learned there.
    expect(verdict.subnets.find((s) => s.subnet === 'snet-db')!.state).toBe('reachable')
  }
})

test('an NVA peering by an id the scan cannot tell is not taken for the one Route Server the scan holds', async () => {
  // rs-hub serves vnet-hub, which the spoke does not use as remote gateway; the connection may be to another.
  const hubServer = `
resource "azurerm_route_server" "hub" {
  name                             = "rs-hub"
  resource_group_name              = "rg-net"
  location                         = "westeurope"
  sku                              = "Standard"
  public_ip_address_id             = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/publicIPAddresses/pip-rs-hub"
  subnet_id                        = azurerm_subnet.route_server.id
  branch_to_branch_traffic_enabled = true
}

variable "route_server_id" {
  type = string
}

resource "azurerm_route_server_bgp_connection" "nva" {
  name            = "bgp-nva-fw"
  route_server_id = var.route_server_id
  peer_asn        = 65010
  peer_ip         = "10.0.2.4"
}
`
  const { verdict } = await run(
    tree({ 'main.tf': hubSpoke({ gateway: hubServer, useRemoteGateways: false }) }),
  )
  const app = verdict.subnets.find((s) => s.subnet === 'snet-app')!
  expect(app.state).toBe('undecided')
  expect(app.why).toContain('peers: bgp-nva-fw 10.0.2.4 AS 65010')
  expect(verdict.subnets.find((s) => s.subnet === 'snet-db')!.state).toBe('reachable')
})
