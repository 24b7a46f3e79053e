/**
 * Routes learned over BGP in the analysis: statically a subnet reached by a gateway's routes is unknown
 * (KMS014 names the gateway); with the live effective routes of its NIC, they decide.
 */
import { analyze } from '../../src/analysis'
import type { EffectiveRouteEntry, NetworkModel, VnetGateway } from '../../src/model/network'
import { known, unknown } from '../../src/model/value'
import { runRules } from '../../src/rules'
import { at, model, subnet } from './helpers'

const NIC = '/subscriptions/s1/resourceGroups/rg-app/providers/Microsoft.Network/networkInterfaces/nic-app-01'

const gateway: VnetGateway = {
  id: 'azurerm_virtual_network_gateway.hub',
  name: known('vgw-spoke'),
  origin: at(300),
  format: 'terraform',
  sourceType: 'azurerm_virtual_network_gateway',
  address: 'azurerm_virtual_network_gateway.hub',
  kind: 'vpn',
  vnetName: known('vnet-spoke'),
  vnetId: known('azurerm_virtual_network.spoke'),
  bgp: known(true),
  peers: [],
}

function estate(routes?: EffectiveRouteEntry[]): NetworkModel {
  const s = subnet('s-app', 'snet-app', ['10.1.0.0/24'])
  s.vnetName = known('vnet-spoke')
  s.vnetId = known('azurerm_virtual_network.spoke')
  if (routes) s.effectiveRoutes = { nicId: NIC, routes }
  return model({ subnets: [s], bgp: { gateways: [gateway], localNetworkGateways: [], peerings: [] } })
}

const entry = (
  source: EffectiveRouteEntry['source'],
  prefix: string,
  hop: string,
  state = 'Active' as const,
) => ({
  source,
  state,
  addressPrefix: [prefix],
  nextHopType: hop,
  nextHopIpAddress: [],
})

const current = (m: NetworkModel) => analyze(m, 'AzureCloud').paths.filter((p) => p.kms.kind === 'current')

test('statically, a subnet in a VNet with a BGP gateway is unknown, and KMS014 points at the subnet', () => {
  const m = estate()
  for (const p of current(m)) {
    expect(p.verdict).toBe('unknown')
    expect(p.unknowns[0]!.bgp?.sources).toBe('VPN gateway vgw-spoke in vnet-spoke')
  }
  const findings = runRules({ cloud: 'AzureCloud', model: m, analysis: analyze(m, 'AzureCloud') })
  const f = findings.filter((x) => x.ruleId === 'KMS014')
  expect(f).toHaveLength(1)
  expect(f[0]!.resource).toBe('s-app')
  expect(f[0]!.affected?.[0]?.name).toBe('snet-app')
  expect(findings.filter((x) => x.ruleId === 'KMS011')).toEqual([])
})

test('a subnet whose VNet is not known may be in the gateway VNet: unknown, not reachable', () => {
  const m = estate()
  m.subnets[0]!.vnetName = unknown('var.vnet_name', 'variable without value')
  m.subnets[0]!.vnetId = unknown('var.vnet_name', 'variable without value')
  for (const p of current(m)) {
    expect(p.verdict).toBe('unknown')
    expect(p.unknowns[0]!.bgp?.because).toMatch(/virtual network is not known/)
  }
})

test('live effective routes decide: a learned 0.0.0.0/0 blocks, none leaves the system route', () => {
  const tunnelled = estate([
    entry('Default', '0.0.0.0/0', 'Internet', 'Invalid' as never),
    entry('VirtualNetworkGateway', '0.0.0.0/0', 'VirtualNetworkGateway'),
  ])
  for (const p of current(tunnelled)) expect([p.verdict, p.outcome]).toEqual(['blocked', 'gateway'])

  const direct = estate([
    entry('Default', '0.0.0.0/0', 'Internet'),
    entry('VirtualNetworkGateway', '192.168.0.0/16', 'VirtualNetworkGateway'),
  ])
  for (const p of current(direct)) expect(p.verdict).toBe('reaches')
})
