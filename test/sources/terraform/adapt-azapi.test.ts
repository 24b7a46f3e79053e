import { terraformToModel } from '../../../src/sources/terraform/adapt'
import { at, evaluation, ref, resource } from './adapt-helpers'

const RG = '/subscriptions/0000/resourceGroups/rg-hub'
const NET = `${RG}/providers/Microsoft.Network`

describe('terraformToModel: azapi resources', () => {
  test('body as an HCL object (azapi v2), with a route to the firewall and a subnet referencing it by ARM id', () => {
    const rt = resource('azapi_resource', 'rt', {
      type: 'Microsoft.Network/routeTables@2023-09-01',
      name: 'rt-spoke',
      parent_id: RG,
      body: {
        properties: {
          disableBgpRoutePropagation: true,
          routes: [
            {
              name: 'default',
              properties: {
                addressPrefix: '0.0.0.0/0',
                nextHopType: 'VirtualAppliance',
                nextHopIpAddress: ref('azurerm_firewall.hub', 'ip_configuration[0].private_ip_address'),
              },
            },
          ],
        },
      },
    })
    const vnet = resource('azapi_resource', 'vnet', {
      type: 'Microsoft.Network/virtualNetworks@2023-09-01',
      name: 'vnet-spoke',
      parent_id: RG,
      body: {
        properties: {
          addressSpace: { addressPrefixes: ['10.1.0.0/16'] },
          subnets: [
            {
              name: 'snet-app',
              properties: {
                addressPrefix: '10.1.1.0/24',
                routeTable: { id: `${NET}/routeTables/rt-spoke` },
                defaultOutboundAccess: false,
              },
            },
          ],
        },
      },
    })
    const model = terraformToModel(evaluation([vnet, rt]))
    const table = model.routeTables[0]
    expect(table).toMatchObject({
      id: 'azapi_resource.rt',
      sourceType: 'azapi_resource',
      format: 'terraform',
      name: { value: 'rt-spoke' },
      bgpRoutePropagation: { known: true, value: false },
    })
    expect(table.routes[0]).toMatchObject({
      id: 'azapi_resource.rt/routes/default',
      routeTableId: 'azapi_resource.rt',
      addressPrefix: { value: '0.0.0.0/0' },
      nextHopIpAddress: { known: false, ref: { resource: 'azurerm_firewall.hub' } },
    })
    const subnet = model.subnets[0]
    expect(subnet).toMatchObject({
      id: 'azapi_resource.vnet/subnets/snet-app',
      vnetName: { value: 'vnet-spoke' },
      addressPrefixes: { value: ['10.1.1.0/24'] },
      defaultOutboundAccess: { known: true, value: false },
      routeTableId: { known: true, value: 'azapi_resource.rt' },
    })
    const subnetBlock = at(vnet.body, 'body', 'properties', 'subnets', 0)
    expect(subnet.routeTableOrigin).toEqual(at(subnetBlock, 'properties', 'routeTable').origin)
  })

  test('body as a jsonencode string (azapi v1), child resources linked through parent_id refs', () => {
    const policy = resource('azapi_resource', 'policy', {
      type: 'Microsoft.Network/firewallPolicies@2023-09-01',
      name: 'afwp-hub',
      parent_id: RG,
      body: JSON.stringify({ properties: { dnsSettings: { enableProxy: true } } }),
    })
    const rcg = resource('azapi_resource', 'rcg', {
      type: 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2023-09-01',
      name: 'rcg-kms',
      parent_id: ref('azapi_resource.policy', 'id'),
      body: JSON.stringify({
        properties: {
          priority: 100,
          ruleCollections: [
            {
              ruleCollectionType: 'FirewallPolicyFilterRuleCollection',
              name: 'kms',
              priority: 110,
              action: { type: 'Allow' },
              rules: [
                {
                  ruleType: 'NetworkRule',
                  name: 'kms',
                  ipProtocols: ['TCP'],
                  sourceAddresses: ['10.0.0.0/8'],
                  destinationAddresses: ['20.118.99.224/32', '40.83.235.53/32'],
                  destinationPorts: ['1688'],
                },
              ],
            },
          ],
        },
      }),
    })
    const model = terraformToModel(evaluation([rcg, policy]))
    const p = model.firewallPolicies[0]
    expect(p.dnsProxy).toMatchObject({ known: true, value: true })
    // Decoded JSON has no lines of its own: values carry the body attribute's origin.
    expect(p.dnsProxy?.origin).toEqual(policy.body.attrs.body.origin)
    expect(p.ruleCollectionGroups).toHaveLength(1)
    const group = p.ruleCollectionGroups[0]
    expect(group).toMatchObject({
      id: 'azapi_resource.rcg',
      policyId: { value: 'azapi_resource.policy' },
      priority: { value: 100 },
    })
    expect(group.collections[0]).toMatchObject({
      kind: 'network',
      action: { value: 'Allow' },
      priority: { value: 110 },
    })
    expect(group.collections[0].rules[0]).toMatchObject({
      protocols: { value: ['TCP'] },
      destinationAddresses: { value: ['20.118.99.224/32', '40.83.235.53/32'] },
      destinationPorts: { value: ['1688'] },
    })
  })

  test('an invalid JSON body gives unknown contents, not an empty resource', () => {
    const model = terraformToModel(
      evaluation([
        resource('azapi_resource', 'rt', {
          type: 'Microsoft.Network/routeTables@2023-09-01',
          name: 'rt',
          body: '{oops',
        }),
      ]),
    )
    expect(model.routeTables[0].routes).toHaveLength(1)
    expect(model.routeTables[0].routes[0].addressPrefix).toMatchObject({
      known: false,
      reason: 'body is not valid JSON',
    })
    expect(model.routeTables[0].bgpRoutePropagation.known).toBe(false)
  })

  test('azapi_update_resource patches a subnet in the scan; the link points at the update', () => {
    const subnet = resource('azurerm_subnet', 'app', {
      name: 'snet-app',
      resource_group_name: 'rg-hub',
      virtual_network_name: 'vnet-hub',
      address_prefixes: ['10.0.1.0/24'],
    })
    const table = resource('azurerm_route_table', 'rt', { name: 'rt-app', resource_group_name: 'rg-hub' })
    const update = resource('azapi_update_resource', 'app', {
      type: 'Microsoft.Network/virtualNetworks/subnets@2023-09-01',
      resource_id: ref('azurerm_subnet.app', 'id'),
      body: {
        properties: { routeTable: { id: ref('azurerm_route_table.rt', 'id') }, defaultOutboundAccess: false },
      },
    })
    const model = terraformToModel(evaluation([update, subnet, table]))
    const s = model.subnets[0]
    expect(s.routeTableId).toMatchObject({ known: true, value: 'azurerm_route_table.rt' })
    expect(s.routeTableOrigin).toEqual(at(update.body, 'body', 'properties', 'routeTable').origin)
    expect(s.defaultOutboundAccess).toMatchObject({ known: true, value: false })
    // Not in the body: left as written.
    expect(s.addressPrefixes).toMatchObject({ value: ['10.0.1.0/24'] })
  })

  test('azapi_update_resource by parent_id + name on a route table replaces its routes', () => {
    const table = resource('azurerm_route_table', 'rt', {
      name: 'rt-app',
      resource_group_name: 'rg-hub',
      route: [{ name: 'old', address_prefix: '0.0.0.0/0', next_hop_type: 'Internet' }],
    })
    const update = resource('azapi_update_resource', 'rt', {
      type: 'Microsoft.Network/routeTables@2023-09-01',
      parent_id: RG,
      name: 'rt-app',
      body: {
        properties: {
          routes: [
            { name: 'vpn', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualNetworkGateway' } },
          ],
        },
      },
    })
    const model = terraformToModel(evaluation([table, update]))
    expect(model.routeTables[0].routes.map((r) => [r.id, r.address])).toEqual([
      ['azapi_update_resource.rt/routes/vpn', 'azapi_update_resource.rt'],
    ])
  })

  test('an update of a resource outside the scan, or of an unknown type, is a KMS011 notice', () => {
    const model = terraformToModel(
      evaluation([
        resource('azapi_update_resource', 'ext', {
          type: 'Microsoft.Network/virtualNetworks/subnets@2023-09-01',
          resource_id: `${NET}/virtualNetworks/v/subnets/s`,
          body: { properties: { defaultOutboundAccess: false } },
        }),
        resource('azapi_resource', 'x', { type: ref('local.types', 'x'), name: 'x', body: {} }),
      ]),
    )
    expect(model.diagnostics.map((d) => d.address)).toEqual(['azapi_resource.x', 'azapi_update_resource.ext'])
    expect(model.diagnostics.every((d) => d.ruleId === 'KMS011')).toBe(true)
  })
})
