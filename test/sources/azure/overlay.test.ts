import { selectRoute } from '../../../src/analysis/routes'
import { emptyModel, type NetworkModel, type RouteTable, type Subnet } from '../../../src/model/network'
import { known, unknown, type Origin } from '../../../src/model/value'
import { portalLink } from '../../../src/sources/azure/clouds'
import {
  mapFirewall,
  mapFirewallPolicy,
  linkLiveModel,
  mapIpGroup,
  mapRouteTable,
  mapVirtualNetwork,
} from '../../../src/sources/azure/map'
import { isDeployedOnly, overlayModels } from '../../../src/sources/azure/overlay'

const KMS = '20.118.99.224'
const SUB = '11111111-2222-3333-4444-555555555555'
const id = (rg: string, type: string, name: string) =>
  `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Network/${type}/${name}`
const RT = id('RG-Spoke', 'routeTables', 'rt-spoke')
const VNET = id('RG-Spoke', 'virtualNetworks', 'vnet-spoke')
const POLICY = id('rg-hub', 'firewallPolicies', 'fwp-hub')
const IPG = id('rg-hub', 'ipGroups', 'ipg-kms')
const FW = id('rg-hub', 'azureFirewalls', 'fw-hub')

// ---- deployed state, through the same mapping the live reader uses (SDK-shaped input) ----

function liveTable(
  routes: { name: string; addressPrefix: string; nextHopType: string; nextHopIpAddress?: string }[],
  rtId = RT,
) {
  return mapRouteTable({
    id: rtId,
    name: rtId.split('/').pop(),
    disableBgpRoutePropagation: false,
    routes: routes.map((r) => ({ ...r, id: `${rtId}/routes/${r.name}` })),
  })
}

function liveSubnets(routeTableId = RT): Subnet[] {
  return mapVirtualNetwork({
    id: VNET,
    name: 'vnet-spoke',
    subnets: [
      {
        id: `${VNET}/subnets/workload`,
        name: 'workload',
        addressPrefix: '10.1.1.0/24',
        routeTable: { id: routeTableId },
      },
      {
        id: `${VNET}/subnets/data`,
        name: 'data',
        addressPrefix: '10.1.2.0/24',
        routeTable: { id: routeTableId },
      },
    ],
  })
}

function liveHub(): Pick<NetworkModel, 'firewalls' | 'firewallPolicies' | 'ipGroups'> {
  return {
    firewalls: [
      mapFirewall({
        id: FW,
        name: 'fw-hub',
        ipConfigurations: [
          {
            privateIPAddress: '10.0.1.4',
            subnet: { id: id('rg-hub', 'virtualNetworks', 'vnet-hub') + '/subnets/AzureFirewallSubnet' },
          },
        ],
        firewallPolicy: { id: POLICY },
      }),
    ],
    firewallPolicies: [
      mapFirewallPolicy({ id: POLICY, name: 'fwp-hub' }, [
        {
          id: `${POLICY}/ruleCollectionGroups/kms`,
          name: 'kms',
          priority: 100,
          ruleCollections: [
            {
              ruleCollectionType: 'FirewallPolicyFilterRuleCollection',
              name: 'allow-kms',
              priority: 100,
              action: { type: 'Allow' },
              rules: [
                {
                  ruleType: 'NetworkRule',
                  name: 'kms',
                  ipProtocols: ['TCP'],
                  destinationIpGroups: [IPG],
                  destinationPorts: ['1688'],
                },
              ],
            },
          ],
        },
      ]),
    ],
    ipGroups: [mapIpGroup({ id: IPG, name: 'ipg-kms', ipAddresses: [`${KMS}/32`] })],
  }
}

/** As the reader returns it: references to what was not read are Unknown. */
function deployed(parts: Partial<NetworkModel>): NetworkModel {
  return linkLiveModel({ ...emptyModel(), ...parts })
}

// ---- IaC objects, as a Terraform source would produce them ----

const origin = (line: number): Origin => ({
  file: '/repo/infra/network.tf',
  startLine: line,
  endLine: line + 5,
})
const tf = (address: string, name: string, sourceType: string, line = 1) => ({
  id: address,
  name: known(name),
  origin: origin(line),
  format: 'terraform' as const,
  sourceType,
  address,
})

function iacTable(
  address: string,
  name: string,
  routes: { name: string; prefix: string; hop: string; ip?: string }[],
): RouteTable {
  const t: RouteTable = {
    ...tf(address, name, 'azurerm_route_table'),
    routes: [],
    bgpRoutePropagation: known(true),
  }
  t.routes = routes.map((r, i) => ({
    ...tf(`${address}.route[${i}]`, r.name, 'azurerm_route_table'),
    routeTableId: t.id,
    addressPrefix: known(r.prefix),
    nextHopType: known(r.hop),
    ...(r.ip ? { nextHopIpAddress: known(r.ip) } : {}),
  }))
  return t
}

const iacModel = (parts: Partial<NetworkModel>): NetworkModel => ({ ...emptyModel(), ...parts })
function tableOf(m: NetworkModel, s: Subnet): RouteTable | undefined {
  const ref = s.routeTableId
  return ref?.known ? m.routeTables.find((t) => t.id === ref.value) : undefined
}

describe('overlayModels', () => {
  it('applies a forced tunnel the IaC adds to a table whose subnets exist only live', () => {
    const live = deployed({ routeTables: [liveTable([])], subnets: liveSubnets() })
    expect(selectRoute(tableOf(live, live.subnets[0]!), KMS).nextHop).toBe('Internet')
    const iac = iacModel({
      routeTables: [
        iacTable('azurerm_route_table.spoke', 'RT-Spoke', [
          { name: 'default', prefix: '0.0.0.0/0', hop: 'VirtualAppliance', ip: '10.0.1.4' },
        ]),
      ],
    })
    const m = overlayModels(live, iac)
    expect(m.routeTables.map((t) => t.id)).toEqual(['azurerm_route_table.spoke'])
    expect(m.subnets).toHaveLength(2)
    for (const s of m.subnets) {
      expect(isDeployedOnly(s)).toBe(true)
      expect(s.routeTableId).toEqual(known('azurerm_route_table.spoke', s.origin))
      expect(selectRoute(tableOf(m, s), KMS)).toMatchObject({ nextHop: 'VirtualAppliance' })
    }
  })

  it('keeps the deployed firewall, its policy and IP groups when only the IaC routes to it', () => {
    const live = deployed({ subnets: liveSubnets(id('RG-Spoke', 'routeTables', 'rt-old')), ...liveHub() })
    const iac = iacModel({
      routeTables: [
        iacTable('azurerm_route_table.tunnel', 'rt-tunnel', [
          { name: 'default', prefix: '0.0.0.0/0', hop: 'VirtualAppliance', ip: '10.0.1.4' },
        ]),
      ],
      subnets: [
        {
          ...tf('azurerm_subnet.workload', 'workload', 'azurerm_subnet', 20),
          vnetName: known('vnet-spoke'),
          addressPrefixes: known(['10.1.1.0/24']),
          routeTableId: known('azurerm_route_table.tunnel'),
        },
      ],
    })
    const m = overlayModels(live, iac)
    const workload = m.subnets.filter((s) => s.name.known && s.name.value === 'workload')
    expect(workload.map((s) => s.id)).toEqual(['azurerm_subnet.workload'])
    const sel = selectRoute(tableOf(m, workload[0]!), KMS)
    expect(sel).toMatchObject({
      nextHop: 'VirtualAppliance',
      nextHopIpAddress: { known: true, value: '10.0.1.4' },
    })
    const fw = m.firewalls.find((f) => f.privateIpAddress.known && f.privateIpAddress.value === '10.0.1.4')!
    expect(isDeployedOnly(fw)).toBe(true)
    expect(portalLink(fw.address)).toBe(`https://portal.azure.com/#@/resource${FW}`)
    const policyId = fw.policyId
    const policy = m.firewallPolicies.find((p) => policyId?.known && p.id === policyId.value)!
    expect(policy.format).toBe('live')
    const rule = policy.ruleCollectionGroups[0]!.collections[0]!.rules[0]!
    expect(m.ipGroups.map((g) => g.id)).toEqual(
      rule.destinationIpGroups.known ? rule.destinationIpGroups.value : [],
    )
    // The other deployed subnet still points at a table that was not read: Unknown, as the reader left it.
    expect(m.subnets.find((s) => s.id.endsWith('/subnets/data'))?.routeTableId).toMatchObject({
      known: false,
      ref: { resource: id('RG-Spoke', 'routeTables', 'rt-old').toLowerCase() },
    })
  })

  it('removes a KMS route the IaC deletes while live state still has it', () => {
    const kmsRoute = `${RT}/routes/KMS`
    const live = deployed({
      routeTables: [
        liveTable([
          {
            name: 'default',
            addressPrefix: '0.0.0.0/0',
            nextHopType: 'VirtualAppliance',
            nextHopIpAddress: '10.0.1.4',
          },
          { name: 'KMS', addressPrefix: `${KMS}/32`, nextHopType: 'Internet' },
        ]),
      ],
      subnets: liveSubnets(),
    })
    expect(selectRoute(live.routeTables[0], KMS).nextHop).toBe('Internet')
    const m = overlayModels(live, emptyModel(), {
      deletedIds: [kmsRoute.toUpperCase().replace('/SUBSCRIPTIONS/', '/subscriptions/')],
    })
    expect(m.routeTables[0]!.routes.map((r) => r.name.known && r.name.value)).toEqual(['default'])
    expect(selectRoute(tableOf(m, m.subnets[0]!), KMS).nextHop).toBe('VirtualAppliance')
    // The input is untouched.
    expect(live.routeTables[0]!.routes).toHaveLength(2)
  })

  it('also drops the KMS route when the IaC redefines the table without it', () => {
    const live = deployed({
      routeTables: [
        liveTable([
          {
            name: 'default',
            addressPrefix: '0.0.0.0/0',
            nextHopType: 'VirtualAppliance',
            nextHopIpAddress: '10.0.1.4',
          },
          { name: 'kms', addressPrefix: `${KMS}/32`, nextHopType: 'Internet' },
        ]),
      ],
      subnets: liveSubnets(),
    })
    const iac = iacModel({
      routeTables: [
        iacTable('azurerm_route_table.spoke', 'rt-spoke', [
          { name: 'default', prefix: '0.0.0.0/0', hop: 'VirtualAppliance', ip: '10.0.1.4' },
        ]),
      ],
    })
    const m = overlayModels(live, iac)
    expect(m.routeTables).toHaveLength(1)
    expect(selectRoute(tableOf(m, m.subnets[0]!), KMS).nextHop).toBe('VirtualAppliance')
  })

  it('turns a reference to a table the IaC deletes into an Unknown', () => {
    const live = deployed({ routeTables: [liveTable([])], subnets: liveSubnets() })
    const m = overlayModels(live, emptyModel(), { deletedIds: [RT] })
    expect(m.routeTables).toEqual([])
    expect(m.subnets[0]!.routeTableId).toMatchObject({
      known: false,
      reason: 'refers to a resource the IaC deletes',
      ref: { resource: RT.toLowerCase() },
    })
  })

  it('deletes children with their parent', () => {
    const live = deployed({ routeTables: [liveTable([])], subnets: liveSubnets() })
    expect(overlayModels(live, emptyModel(), { deletedIds: [VNET] }).subnets).toEqual([])
  })

  it('matches by ARM id when the IaC knows it, whatever the name', () => {
    const live = deployed({ routeTables: [liveTable([])], subnets: liveSubnets() })
    const iac = iacModel({ routeTables: [iacTable('azurerm_route_table.renamed', 'other-name', [])] })
    const m = overlayModels(live, iac, { armIds: { 'azurerm_route_table.renamed': RT.toUpperCase() } })
    expect(m.routeTables.map((t) => t.id)).toEqual(['azurerm_route_table.renamed'])
    expect(m.subnets[0]!.routeTableId).toMatchObject({ known: true, value: 'azurerm_route_table.renamed' })
    // An IaC object whose model id is itself an ARM id (plan JSON) matches the same way.
    const plan = iacTable(RT, 'rt-spoke', [])
    expect(overlayModels(live, iacModel({ routeTables: [plan] })).routeTables.map((t) => t.id)).toEqual([RT])
  })

  it('does not guess between same-named deployed resources unless the resource group says which', () => {
    const other = id('rg-other', 'routeTables', 'rt-spoke')
    const live = deployed({ routeTables: [liveTable([]), liveTable([], other)], subnets: liveSubnets() })
    const iac = iacModel({ routeTables: [iacTable('azurerm_route_table.spoke', 'rt-spoke', [])] })
    const ambiguous = overlayModels(live, iac)
    expect(ambiguous.routeTables).toHaveLength(3)
    expect(ambiguous.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'KMS012', severity: 'notice', address: 'azurerm_route_table.spoke' }),
    ])
    expect(ambiguous.diagnostics[0]!.message).toContain('matches 2 deployed resources')
    const m = overlayModels(live, iac, { resourceGroups: { 'azurerm_route_table.spoke': 'rg-spoke' } })
    expect(m.routeTables.map((t) => t.id).sort()).toEqual([other.toLowerCase(), 'azurerm_route_table.spoke'])
    expect(m.subnets[0]!.routeTableId).toMatchObject({ known: true, value: 'azurerm_route_table.spoke' })
    expect(m.diagnostics).toEqual([])
  })

  it('resolves IaC references written as ARM ids to the deployed resources', () => {
    const live = deployed({ routeTables: [liveTable([])], ...liveHub() })
    const iac = iacModel({
      subnets: [
        {
          ...tf(
            'Microsoft.Network/virtualNetworks/subnets:app',
            'app',
            'Microsoft.Network/virtualNetworks/subnets',
          ),
          format: 'bicep',
          vnetName: known('vnet-new'),
          addressPrefixes: known(['10.9.0.0/24']),
          routeTableId: known(RT.toUpperCase().replace('/SUBSCRIPTIONS/', '/subscriptions/')),
          nsgId: unknown('nsgRef', 'existing resource', undefined, {
            resource: id('rg-x', 'networkSecurityGroups', 'gone'),
            attribute: 'id',
          }),
        },
      ],
    })
    const m = overlayModels(live, iac)
    const s = m.subnets[0]!
    expect(s.routeTableId).toMatchObject({ known: true, value: RT.toLowerCase() })
    // Not deployed either: stays what the IaC said.
    expect(s.nsgId).toMatchObject({ known: false })
  })

  it('keeps a deployed association a Terraform subnet does not manage, but not for Bicep', () => {
    const live = deployed({ routeTables: [liveTable([])], subnets: liveSubnets() })
    const tfSubnet: Subnet = {
      ...tf('azurerm_subnet.workload', 'workload', 'azurerm_subnet'),
      vnetName: known('vnet-spoke'),
      addressPrefixes: known(['10.1.1.0/24']),
    }
    const m = overlayModels(live, iacModel({ subnets: [tfSubnet] }))
    expect(m.subnets.find((s) => s.id === 'azurerm_subnet.workload')?.routeTableId).toMatchObject({
      value: RT.toLowerCase(),
    })
    const bicep = overlayModels(live, iacModel({ subnets: [{ ...tfSubnet, format: 'bicep' }] }))
    expect(bicep.subnets.find((s) => s.id === 'azurerm_subnet.workload')?.routeTableId).toBeUndefined()
  })

  it('points a deployed firewall at the IaC policy and IP groups that replace its own', () => {
    const live = deployed(liveHub())
    const iacPolicy = {
      ...tf('azurerm_firewall_policy.hub', 'fwp-hub', 'azurerm_firewall_policy'),
      ruleCollectionGroups: [],
    }
    const iacIpGroup = {
      ...tf('azurerm_ip_group.kms', 'ipg-kms', 'azurerm_ip_group'),
      cidrs: known([`${KMS}/32`]),
    }
    const m = overlayModels(live, iacModel({ firewallPolicies: [iacPolicy], ipGroups: [iacIpGroup] }))
    expect(m.firewalls[0]!.policyId).toMatchObject({ known: true, value: 'azurerm_firewall_policy.hub' })
    expect(m.firewallPolicies.map((p) => p.id)).toEqual(['azurerm_firewall_policy.hub'])
    expect(m.ipGroups.map((g) => g.id)).toEqual(['azurerm_ip_group.kms'])
  })

  it('keeps diagnostics and cloud hints of both', () => {
    const live = deployed({ cloudHints: ['AzureCloud'] })
    const iac = iacModel({
      cloudHints: ['AzureCloud', 'AzureUSGovernment'],
      diagnostics: [{ ruleId: 'KMS011', origin: origin(1), message: 'x' }],
    })
    const m = overlayModels(live, iac)
    expect(m.cloudHints).toEqual(['AzureCloud', 'AzureUSGovernment'])
    expect(m.diagnostics).toHaveLength(1)
  })
})
