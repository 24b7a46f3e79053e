/**
 * The Terraform AVM virtual network module's submodules, read from their inputs (no `terraform init`):
 * `Azure/avm-res-network-virtualnetwork/azurerm//modules/subnet` (a subnet under `parent_id` with its route
 * table, NSG and NAT gateway, default outbound access off by default) and `//modules/peering` (with
 * `use_remote_gateways`, the spoke learns what the hub's BGP gateway learns).
 */
import { scan } from '../../src/pipeline/scan'
import { TF_HUB_VNET, TF_HUB_VPN_GATEWAY } from '../helpers/hcl-network'
import { tree as treeOn } from '../helpers/tree'

const tree = (files: Record<string, string>) => treeOn(files, 'kms-avm-subnet-')

const run = async (text: string) => {
  const result = await scan({
    path: tree({ 'main.tf': text }),
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
  })
  return { ...result, app: result.verdict.subnets.find((s) => s.subnet === 'snet-app')! }
}

const FORCED = `
  route {
    name           = "forced-tunnel"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "VirtualNetworkGateway"
  }`

const BYPASS = ['20.118.99.224', '40.83.235.53', '23.102.135.246']
  .map(
    (a, i) => `
  route {
    name           = "kms-${i + 1}"
    address_prefix = "${a}/32"
    next_hop_type  = "Internet"
  }`,
  )
  .join('')

function spoke(opts: { routes: string; outbound?: boolean; extra?: string; table?: boolean }): string {
  return `
resource "azurerm_resource_group" "spoke" {
  name     = "rg-spoke"
  location = "westeurope"
}

module "vnet" {
  source  = "Azure/avm-res-network-virtualnetwork/azurerm"
  version = "0.8.1"

  name                = "vnet-spoke"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.spoke.name
  address_space       = ["10.1.0.0/16"]
}

resource "azurerm_route_table" "app" {
  name                          = "rt-app"
  location                      = "westeurope"
  resource_group_name           = azurerm_resource_group.spoke.name
  bgp_route_propagation_enabled = false
${opts.routes}
}

module "subnet_app" {
  source  = "Azure/avm-res-network-virtualnetwork/azurerm//modules/subnet"
  version = "0.8.1"

  name             = "snet-app"
  parent_id        = module.vnet.resource_id
  address_prefixes = ["10.1.1.0/24"]
${
  opts.table === false
    ? ''
    : `  route_table = {
    id = azurerm_route_table.app.id
  }`
}${opts.outbound === undefined ? '' : `\n  default_outbound_access_enabled = ${opts.outbound}`}
}
${opts.extra ?? ''}`
}

test('AVM subnet submodule: its route table’s forced tunnel blocks KMS (KMS001 at the table)', async () => {
  const { app, findings } = await run(spoke({ routes: FORCED, outbound: true }))
  expect(app.state).toBe('blocked')
  expect(app.vnet).toBe('vnet-spoke')
  expect(app.hop).toContain('route forced-tunnel 0.0.0.0/0 → VirtualNetworkGateway (on-premises) in rt-app')
  expect(findings.find((f) => f.ruleId === 'KMS001')!.resource).toBe('azurerm_route_table.app')
})

test('AVM subnet submodule negative control: /32 bypass routes and default outbound access: reachable, clean', async () => {
  const { app, findings } = await run(spoke({ routes: FORCED + BYPASS, outbound: true }))
  expect(app.state).toBe('reachable')
  expect(findings.filter((f) => f.severity !== 'notice')).toEqual([])
})

test('AVM subnet submodule: default outbound access is off by default there, so without NAT KMS has no way out', async () => {
  const { app, findings } = await run(spoke({ routes: BYPASS }))
  expect(app.state).toBe('blocked')
  expect(app.hop).toBe('no outbound access (default outbound access disabled, no NAT gateway)')
  expect(findings.some((f) => f.ruleId === 'KMS008')).toBe(true)
})

/** A hub with a BGP VPN gateway, and the spoke's peering to it through the AVM peering submodule. */
const hubPeering = (useRemoteGateways: boolean) => `${TF_HUB_VNET}${TF_HUB_VPN_GATEWAY}
module "peering" {
  source  = "Azure/avm-res-network-virtualnetwork/azurerm//modules/peering"
  version = "0.8.1"

  name                      = "peer-spoke-to-hub"
  parent_id                 = module.vnet.resource_id
  remote_virtual_network_id = azurerm_virtual_network.hub.id
  allow_forwarded_traffic   = true
  use_remote_gateways       = ${useRemoteGateways}
  create_reverse_peering    = true
  reverse_name              = "peer-hub-to-spoke"
  reverse_allow_gateway_transit = true
}
`

test('AVM peering submodule: use_remote_gateways exposes the spoke to the hub’s BGP routes (KMS014)', async () => {
  // The spoke subnet has no table of its own here: gateway routes propagate.
  const text = spoke({ routes: '', outbound: true, table: false, extra: hubPeering(true) })
  const { app, findings } = await run(text)
  expect(app.state).toBe('undecided')
  expect(app.hop).toContain('VPN gateway vgw-hub in vnet-hub, through peering peer-spoke-to-hub')
  expect(findings.some((f) => f.ruleId === 'KMS014')).toBe(true)
})

test('AVM peering submodule negative control: without use_remote_gateways the spoke is reachable', async () => {
  const text = spoke({ routes: '', outbound: true, table: false, extra: hubPeering(false) })
  const { app } = await run(text)
  expect(app.state).toBe('reachable')
})
