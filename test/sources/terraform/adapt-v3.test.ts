import { terraformToModel } from '../../../src/sources/terraform/adapt'
import { at, evaluation, ref, resource } from './adapt-helpers'

/** azurerm v3 spellings: inline vnet subnets, classic rule collections, standalone routes and rules by name. */
describe('terraformToModel: azurerm v3 spellings and links by name', () => {
  const vnet = resource('azurerm_virtual_network', 'hub', {
    name: 'vnet-hub',
    resource_group_name: 'rg-hub',
    subnet: [
      { name: 'AzureFirewallSubnet', address_prefix: '10.0.0.0/26' },
      {
        name: 'snet-mgmt',
        address_prefix: '10.0.1.0/24',
        security_group: ref('azurerm_network_security_group.mgmt', 'id'),
      },
    ],
  })
  const rt = resource('azurerm_route_table', 'onprem', {
    name: 'rt-onprem',
    resource_group_name: 'rg-hub',
    disable_bgp_route_propagation: true,
  })
  const standaloneRoute = resource('azurerm_route', 'default', {
    name: 'default-to-vpn',
    resource_group_name: 'rg-hub',
    route_table_name: 'rt-onprem',
    address_prefix: '0.0.0.0/0',
    next_hop_type: 'VirtualNetworkGateway',
  })
  const nsg = resource('azurerm_network_security_group', 'mgmt', {
    name: 'nsg-mgmt',
    resource_group_name: 'rg-hub',
  })
  const nsgRule = resource('azurerm_network_security_rule', 'kms', {
    name: 'allow-kms',
    resource_group_name: 'rg-hub',
    network_security_group_name: 'nsg-mgmt',
    priority: 110,
    direction: 'Outbound',
    access: 'Allow',
    protocol: 'Tcp',
    source_address_prefix: '*',
    destination_address_prefix: 'AzureCloud',
    destination_port_range: '1688',
  })
  const fw = resource('azurerm_firewall', 'hub', {
    name: 'afw-hub',
    resource_group_name: 'rg-hub',
    sku_name: 'AZFW_VNet',
    dns_proxy_enabled: true,
    // v3 inline subnets have no resource of their own: the id is taken through the vnet.
    ip_configuration: [{ name: 'ipconfig', subnet_id: ref('azurerm_virtual_network.hub', 'subnet.*.id[0]') }],
    management_ip_configuration: [{ name: 'mgmt', subnet_id: ref('azurerm_subnet.mgmt', 'id') }],
  })
  const classic = resource('azurerm_firewall_network_rule_collection', 'kms', {
    name: 'kms',
    azure_firewall_name: 'afw-hub',
    resource_group_name: 'rg-hub',
    priority: 100,
    action: 'Allow',
    rule: [
      {
        name: 'kms',
        source_addresses: ['10.0.0.0/8'],
        destination_addresses: ['20.118.99.224/32', '40.83.235.53/32'],
        destination_ports: ['1688'],
        protocols: ['TCP'],
      },
    ],
  })
  const classicApp = resource('azurerm_firewall_application_rule_collection', 'web', {
    name: 'web',
    azure_firewall_name: 'afw-hub',
    resource_group_name: 'rg-hub',
    priority: 200,
    action: 'Allow',
    rule: [
      {
        name: 'wu',
        source_addresses: ['*'],
        target_fqdns: ['*.update.microsoft.com'],
        protocol: [{ port: '443', type: 'Https' }],
      },
    ],
  })
  const model = terraformToModel(
    evaluation([standaloneRoute, nsgRule, classic, classicApp, vnet, rt, nsg, fw]),
  )

  test('inline vnet subnets with the v3 singular prefix and security_group', () => {
    expect(model.subnets.map((s) => s.id)).toEqual([
      'azurerm_virtual_network.hub.subnet["AzureFirewallSubnet"]',
      'azurerm_virtual_network.hub.subnet["snet-mgmt"]',
    ])
    const mgmt = model.subnets[1]
    expect(mgmt.address).toBe('azurerm_virtual_network.hub')
    expect(mgmt.addressPrefixes).toMatchObject({ known: true, value: ['10.0.1.0/24'] })
    expect(mgmt.vnetName).toMatchObject({ value: 'vnet-hub' })
    expect(mgmt.nsgId).toMatchObject({ known: true, value: 'azurerm_network_security_group.mgmt' })
    expect(mgmt.nsgOrigin).toEqual(at(vnet.body, 'subnet', 1, 'security_group').origin)
  })

  test('disable_bgp_route_propagation is negated; azurerm_route joins its table by name', () => {
    const table = model.routeTables[0]
    expect(table.bgpRoutePropagation).toMatchObject({ known: true, value: false })
    expect(table.routes).toHaveLength(1)
    expect(table.routes[0]).toMatchObject({
      id: 'azurerm_route.default',
      routeTableId: 'azurerm_route_table.onprem',
      origin: standaloneRoute.origin,
      nextHopType: { value: 'VirtualNetworkGateway' },
    })
    expect(table.routes[0].nextHopIpAddress).toBeUndefined()
  })

  test('azurerm_network_security_rule joins its group by name', () => {
    expect(model.nsgs[0].rules).toHaveLength(1)
    expect(model.nsgs[0].rules[0]).toMatchObject({
      id: 'azurerm_network_security_rule.kms',
      nsgId: 'azurerm_network_security_group.mgmt',
      destinationAddressPrefixes: { value: ['AzureCloud'] },
    })
  })

  test('firewall: classic DNS proxy, forced tunnelling, AzureFirewallSubnet found through the vnet', () => {
    const f = model.firewalls[0]
    expect(f.dnsProxy).toMatchObject({ known: true, value: true })
    expect(f.forcedTunnelling).toBe(true)
    expect(f.policyId).toBeUndefined()
    expect(f.subnetId).toMatchObject({
      known: true,
      value: 'azurerm_virtual_network.hub.subnet["AzureFirewallSubnet"]',
    })
  })

  test('classic rule collections join the firewall by azure_firewall_name', () => {
    const [net, app] = model.firewalls[0].classicCollections
    expect(net).toMatchObject({
      id: 'azurerm_firewall_network_rule_collection.kms',
      kind: 'network',
      action: { value: 'Allow' },
    })
    expect(net.rules[0].destinationAddresses).toMatchObject({
      value: ['20.118.99.224/32', '40.83.235.53/32'],
    })
    expect(app).toMatchObject({ kind: 'application', priority: { value: 200 } })
    expect(app.rules[0].protocols).toMatchObject({ value: ['Https:443'] })
    expect(app.rules[0].destinationFqdns).toMatchObject({ value: ['*.update.microsoft.com'] })
    expect(model.diagnostics).toEqual([])
  })
})

describe('terraformToModel: name resolution edge cases', () => {
  test('a name matching tables in two resource groups resolves by resource group', () => {
    const model = terraformToModel(
      evaluation([
        resource('azurerm_route_table', 'a', { name: 'rt', resource_group_name: 'rg-a' }),
        resource('azurerm_route_table', 'b', { name: 'rt', resource_group_name: 'rg-b' }),
        resource('azurerm_route', 'r', {
          name: 'r',
          resource_group_name: 'RG-B',
          route_table_name: 'rt',
          address_prefix: '0.0.0.0/0',
          next_hop_type: 'Internet',
        }),
      ]),
    )
    expect(model.routeTables.map((t) => t.routes.length)).toEqual([0, 1])
  })

  test('an ambiguous name prefers the same module, and otherwise is a KMS011 notice', () => {
    const table = (address: string) => resource('azurerm_route_table', 'this', { name: 'rt' }, { address })
    const route = (address: string) =>
      resource(
        'azurerm_route',
        'r',
        { name: 'r', route_table_name: 'rt', address_prefix: '0.0.0.0/0', next_hop_type: 'Internet' },
        { address },
      )
    const model = terraformToModel(
      evaluation([
        table('module.a.azurerm_route_table.this'),
        table('module.b.azurerm_route_table.this'),
        route('module.b.azurerm_route.r'),
        route('azurerm_route.r'),
      ]),
    )
    expect(model.routeTables[1].routes.map((r) => r.id)).toEqual(['module.b.azurerm_route.r'])
    expect(model.routeTables[0].routes).toEqual([])
    expect(model.diagnostics).toHaveLength(1)
    expect(model.diagnostics[0].message).toMatch(/ambiguous/)
    expect(model.diagnostics[0].address).toBe('azurerm_route.r')
  })

  test('a literal ARM id resolves by type and name; a route table id outside the scan stays unknown', () => {
    const sub = '/subscriptions/0000/resourceGroups/rg-hub/providers/Microsoft.Network'
    const model = terraformToModel(
      evaluation([
        resource('azurerm_subnet', 's', {
          name: 'snet-a',
          resource_group_name: 'rg-hub',
          virtual_network_name: 'vnet-hub',
          address_prefixes: ['10.0.2.0/24'],
        }),
        resource('azurerm_route_table', 'rt', { name: 'rt-a', resource_group_name: 'rg-hub' }),
        resource('azurerm_subnet_route_table_association', 'ok', {
          subnet_id: `${sub}/virtualNetworks/vnet-hub/subnets/snet-a`,
          route_table_id: `${sub}/routeTables/rt-a`,
        }),
        resource('azurerm_subnet_network_security_group_association', 'ext', {
          subnet_id: `${sub}/virtualNetworks/vnet-hub/subnets/snet-a`,
          network_security_group_id: `${sub}/networkSecurityGroups/nsg-elsewhere`,
        }),
      ]),
    )
    const s = model.subnets[0]
    expect(s.routeTableId).toMatchObject({ known: true, value: 'azurerm_route_table.rt' })
    expect(s.nsgId).toMatchObject({ known: false, expression: `${sub}/networkSecurityGroups/nsg-elsewhere` })
    if (s.nsgId?.known === false)
      expect(s.nsgId.reason).toMatch(/no Microsoft.Network\/networkSecurityGroups named "nsg-elsewhere"/)
  })

  test('an ARM id of the wrong type does not resolve', () => {
    const model = terraformToModel(
      evaluation([
        resource('azurerm_subnet', 's', {
          name: 'rt-a',
          virtual_network_name: 'v',
          address_prefixes: ['10.0.0.0/24'],
        }),
        resource('azurerm_route_table', 'rt', { name: 'rt-a' }),
        resource('azurerm_subnet_route_table_association', 'a', {
          subnet_id: ref('azurerm_subnet.s', 'id'),
          route_table_id:
            '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/rt-a',
        }),
      ]),
    )
    expect(model.subnets[0].routeTableId?.known).toBe(false)
  })
})
