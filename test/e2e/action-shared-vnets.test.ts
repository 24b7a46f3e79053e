/**
 * Hub and spoke in separate root modules, through the built action on a real git base → head: the
 * connectivity root declares the hub VNet, a vending root adds a subnet to it read with `data`. The
 * vending subnet is judged with what the connectivity root says of the hub (src/pipeline/cross-unit.ts):
 * decided while the hub has no gateway, undecided (naming the hub's gateway) once it gets a BGP VPN
 * gateway. A run that judges only the units the change touches (scope new) does not judge the vending
 * root again, and says so.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { runPullRequest } from './pr-run'
import { TF_PROVIDER, tfOtherLandingZone, tfSpokeUsingHub } from '../helpers/tf-units'
import { bicepHubAndReader } from '../helpers/bicep-hub-reader'

const HUB = `${TF_PROVIDER}
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

const VENDING = `${TF_PROVIDER}
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
      // The comment's "new" and "fixed" need the base: it is compared whatever the scope.
      { path: '.', scope: 'all', comment: 'true' },
    )
    // The base's vending root is judged with the base's hub (no gateway), not taken from the head: new.
    expect(r.outputs).toMatchObject({ undecided: '1', 'new-findings': '1' })
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

  it('scope new: a change to the hub root alone judges the untouched vending root with the hub at head and base', async () => {
    const r = await runPullRequest(
      { 'connectivity/main.tf': HUB, 'vending/main.tf': VENDING },
      { 'connectivity/main.tf': HUB + GATEWAY },
      { path: '.', scope: 'new', 'fail-on': 'warning' },
    )
    // The vending subnet was reachable at base (the hub had no gateway): the change exposes it.
    expect(r.outputs).toMatchObject({ 'new-findings': '1', undecided: '1', verdict: 'undecided' })
    expect(r.summary).toContain('Newly exposed:\n- vnet-hub/snet-shared (KMS014)')
    expect(r.summary).toContain(
      'VPN gateway vgw-hub in vnet-hub &#40;declared in root module connectivity&#41;',
    )
    expect(r.summary).toContain(
      '1 unit it does not touch was judged with it at head and base, as it may read the virtual networks or firewalls it changes: vending.',
    )
    expect(r.status).toBe(1)
    expect(r.conclusion).toBe('failure')
    expect(r.annotations.map((a) => `${a.path}:${a.start_line} ${a.message.slice(0, 60)}`)).toContainEqual(
      expect.stringMatching(/^vending\/main\.tf:10 /),
    )
  })
})

/** The spoke root: vnet-spoke1/snet-app peered with vnet-hub (read with data) using its gateways. */
const SPOKE = tfSpokeUsingHub()

const HUB_PEERED = `${HUB}
resource "azurerm_virtual_network_peering" "to_spoke1" {
  name                      = "hub-to-spoke1"
  resource_group_name       = "rg-hub"
  virtual_network_name      = azurerm_virtual_network.hub.name
  remote_virtual_network_id = "/subscriptions/0000/resourceGroups/rg-spoke1/providers/Microsoft.Network/virtualNetworks/vnet-spoke1"
  allow_gateway_transit     = true
}
`

/** The hub's VPN gateway (BGP on or off) and its on-premises site, whose address space it propagates. */
const site = (
  space: string,
  bgp = false,
) => `${GATEWAY.replace('bgp_enabled         = true', `bgp_enabled         = ${bgp}`)}
resource "azurerm_local_network_gateway" "onprem" {
  name                = "lgw-onprem"
  location            = "westeurope"
  resource_group_name = "rg-hub"
  gateway_address     = "203.0.113.10"
  address_space       = ["${space}"]
}

resource "azurerm_virtual_network_gateway_connection" "onprem" {
  name                       = "cn-onprem"
  location                   = "westeurope"
  resource_group_name        = "rg-hub"
  type                       = "IPsec"
  virtual_network_gateway_id = azurerm_virtual_network_gateway.hub.id
  local_network_gateway_id   = azurerm_local_network_gateway.onprem.id
  shared_key                 = "not-a-secret"
}
`

describe('a hub root and a spoke root reading it with data, peered with use_remote_gateways (dist/index.js, scope new)', () => {
  const base = {
    'platform/hub/main.tf': HUB_PEERED + site('192.168.0.0/16'),
    'landing-zones/spoke1/main.tf': SPOKE,
    'landing-zones/other/main.tf': tfOtherLandingZone({ space: '10.9.0.0/16', subnet: false }),
  }

  it('the hub alone changes its site to 0.0.0.0/0: the untouched spoke subnet is newly blocked, the check fails', async () => {
    const r = await runPullRequest(
      base,
      { 'platform/hub/main.tf': HUB_PEERED + site('0.0.0.0/0') },
      { path: '.', scope: 'new' },
    )
    expect(r.outputs).toMatchObject({ 'new-findings': '1', blocked: '1', verdict: 'blocked' })
    expect(r.summary).toContain('Newly exposed:\n- vnet-spoke1/snet-app (KMS001)')
    expect(r.status).toBe(1)
    expect(r.conclusion).toBe('failure')
    expect(r.annotations).toContainEqual(
      expect.objectContaining({
        path: 'platform/hub/main.tf',
        annotation_level: 'failure',
        raw_details: expect.stringContaining('vnet-spoke1/snet-app fail to activate'),
      }),
    )

    // Control: a change to another landing zone does not judge the spoke.
    const other = await runPullRequest(
      { ...base, 'platform/hub/main.tf': HUB_PEERED + site('0.0.0.0/0') },
      { 'landing-zones/other/main.tf': tfOtherLandingZone({ space: '10.8.0.0/16', subnet: false }) },
      { path: '.', scope: 'new' },
    )
    expect(other.stdout).not.toContain('may read the VNets it changes')
    expect(other.summary).toContain('2 units it does not touch were not judged')
    expect(other.outputs).toMatchObject({ 'new-findings': '0', blocked: '0' })
  })

  it('the hub alone turns BGP on: the untouched spoke subnet is newly undecided, naming the gateway', async () => {
    const r = await runPullRequest(
      base,
      { 'platform/hub/main.tf': HUB_PEERED + site('192.168.0.0/16', true) },
      { path: '.', scope: 'new', 'fail-on': 'warning' },
    )
    expect(r.outputs).toMatchObject({ 'new-findings': '1', undecided: '1' })
    expect(r.summary).toContain('Newly exposed:\n- vnet-spoke1/snet-app (KMS014)')
    expect(r.status).toBe(1)
  })

  it('cache-dir: the spoke judged with the hub is not taken from the cache once the hub changes', async () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-cache-'))
    try {
      // A first pull request changes hub and spoke: the spoke (this text) is judged with the BGP hub and cached.
      const spokeV1 = SPOKE + '\n# landing zone v1\n'
      const first = await runPullRequest(
        { ...base, 'landing-zones/spoke1/main.tf': SPOKE + '\n# landing zone v0\n' },
        {
          'platform/hub/main.tf': HUB_PEERED + site('192.168.0.0/16', true),
          'landing-zones/spoke1/main.tf': spokeV1,
        },
        { path: '.', scope: 'new', 'cache-dir': cacheDir },
      )
      expect(first.outputs).toMatchObject({ undecided: '1' })
      // A second one from a base with that spoke and the hub without BGP: the base's spoke is judged with
      // that hub (reachable), not taken from the entry judged with the BGP hub.
      const r = await runPullRequest(
        { ...base, 'landing-zones/spoke1/main.tf': spokeV1 },
        {
          'platform/hub/main.tf': HUB_PEERED + site('192.168.0.0/16', true),
          'landing-zones/spoke1/main.tf': SPOKE,
        },
        { path: '.', scope: 'new', 'cache-dir': cacheDir },
      )
      expect(r.stdout).not.toContain('taken from the cache-dir')
      expect(r.outputs).toMatchObject({ 'new-findings': '1', undecided: '1' })
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true })
    }
  })
})

describe('Bicep: a hub deployment and a landing zone reading its VNet as existing (dist/index.js, scope new)', () => {
  it('the hub module alone gains a BGP VPN gateway: the untouched landing zone subnet is newly undecided', async () => {
    const base = bicepHubAndReader(false)
    const r = await runPullRequest(
      base,
      {
        'platform/connectivity/modules/hub.bicep':
          bicepHubAndReader(true)['platform/connectivity/modules/hub.bicep'],
      },
      { path: '.', scope: 'new', 'fail-on': 'warning' },
    )
    expect(r.outputs).toMatchObject({ 'new-findings': '1', undecided: '1' })
    expect(r.summary).toContain('Newly exposed:\n- vnet-hub/snet-shared (KMS014)')
    expect(r.summary).toContain('declared in deployment platform/connectivity/main.bicep')
    expect(r.status).toBe(1)
  })
})

const PROD = `${TF_PROVIDER}
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
