import { terraformToModel } from '../../../src/sources/terraform/adapt'
import { at, evaluation, FILE, ref, resource, unresolved } from './adapt-helpers'

/** A hub-and-spoke written for azurerm v4: spoke traffic goes to the hub firewall, which allows KMS. */
function hubAndSpoke() {
  const rg = { resource_group_name: 'rg-hub' }
  const resources = [
    resource('azurerm_virtual_network', 'hub', { name: 'vnet-hub', ...rg, address_space: ['10.0.0.0/16'] }),
    resource('azurerm_subnet', 'firewall', {
      name: 'AzureFirewallSubnet',
      ...rg,
      virtual_network_name: 'vnet-hub',
      address_prefixes: ['10.0.0.0/26'],
    }),
    resource('azurerm_subnet', 'app', {
      name: 'snet-app',
      resource_group_name: 'rg-spoke',
      virtual_network_name: 'vnet-spoke',
      address_prefixes: ['10.1.1.0/24'],
      default_outbound_access_enabled: false,
    }),
    resource('azurerm_route_table', 'spoke', {
      name: 'rt-spoke',
      resource_group_name: 'rg-spoke',
      bgp_route_propagation_enabled: false,
      route: [
        {
          name: 'default-via-firewall',
          address_prefix: '0.0.0.0/0',
          next_hop_type: 'VirtualAppliance',
          next_hop_in_ip_address: ref('azurerm_firewall.hub', 'ip_configuration[0].private_ip_address'),
        },
      ],
    }),
    resource('azurerm_subnet_route_table_association', 'app', {
      subnet_id: ref('azurerm_subnet.app', 'id'),
      route_table_id: ref('azurerm_route_table.spoke', 'id'),
    }),
    resource('azurerm_network_security_group', 'app', {
      name: 'nsg-app',
      resource_group_name: 'rg-spoke',
      security_rule: [
        {
          name: 'allow-kms',
          priority: 100,
          direction: 'Outbound',
          access: 'Allow',
          protocol: 'Tcp',
          source_address_prefix: 'VirtualNetwork',
          destination_address_prefixes: ['20.118.99.224/32', '40.83.235.53/32'],
          destination_port_range: 1688,
          source_application_security_group_ids: [ref('azurerm_application_security_group.vms', 'id')],
        },
        {
          name: 'deny-internet',
          priority: '4000',
          direction: 'Outbound',
          access: 'Deny',
          protocol: '*',
          source_address_prefix: '*',
          destination_address_prefix: 'Internet',
          destination_port_ranges: ['*'],
        },
      ],
    }),
    resource('azurerm_subnet_network_security_group_association', 'app', {
      subnet_id: ref('azurerm_subnet.app', 'id'),
      network_security_group_id: ref('azurerm_network_security_group.app', 'id'),
    }),
    resource('azurerm_nat_gateway', 'hub', { name: 'ng-hub', ...rg }),
    resource('azurerm_subnet_nat_gateway_association', 'fw', {
      subnet_id: ref('azurerm_subnet.firewall', 'id'),
      nat_gateway_id: ref('azurerm_nat_gateway.hub', 'id'),
    }),
    resource('azurerm_ip_group', 'kms', { name: 'ipg-kms', ...rg, cidrs: ['20.118.99.224/32'] }),
    resource('azurerm_firewall_policy', 'hub', { name: 'afwp-hub', ...rg, dns: [{ proxy_enabled: true }] }),
    resource('azurerm_firewall_policy_rule_collection_group', 'platform', {
      name: 'rcg-platform',
      firewall_policy_id: ref('azurerm_firewall_policy.hub', 'id'),
      priority: 200,
      network_rule_collection: [
        {
          name: 'allow-windows-activation',
          priority: 210,
          action: 'Allow',
          rule: [
            {
              name: 'kms',
              protocols: ['TCP'],
              source_addresses: ['10.1.0.0/16'],
              destination_addresses: ['40.83.235.53/32'],
              destination_ip_groups: [ref('azurerm_ip_group.kms', 'id')],
              destination_ports: ['1688'],
            },
          ],
        },
      ],
      application_rule_collection: [
        {
          name: 'web',
          priority: 300,
          action: 'Allow',
          rule: [
            {
              name: 'windows-update',
              source_addresses: ['*'],
              destination_fqdns: ['*.windowsupdate.com'],
              protocols: [{ type: 'Https', port: 443 }],
            },
          ],
        },
      ],
    }),
    resource('azurerm_firewall', 'hub', {
      name: 'afw-hub',
      ...rg,
      sku_name: 'AZFW_VNet',
      sku_tier: 'Standard',
      firewall_policy_id: ref('azurerm_firewall_policy.hub', 'id'),
      ip_configuration: [
        {
          name: 'ipconfig',
          subnet_id: ref('azurerm_subnet.firewall', 'id'),
          public_ip_address_id: ref('azurerm_public_ip.fw', 'id'),
        },
      ],
    }),
    resource('azurerm_public_ip', 'fw', { name: 'pip-fw', ...rg }),
  ]
  const byAddress = Object.fromEntries(resources.map((r) => [r.address, r]))
  return { resources, byAddress }
}

describe('terraformToModel: hub and spoke (azurerm v4)', () => {
  const { resources, byAddress } = hubAndSpoke()
  const model = terraformToModel(
    evaluation(resources, {
      providerEnvironments: ['public'],
      diagnostics: [{ ruleId: 'KMS011', origin: { file: FILE, startLine: 1, endLine: 1 }, message: 'm' }],
    }),
  )

  test('route table with its inline route, keeping the firewall ref on the next hop', () => {
    expect(model.routeTables).toHaveLength(1)
    const rt = model.routeTables[0]
    expect(rt).toMatchObject({
      id: 'azurerm_route_table.spoke',
      address: 'azurerm_route_table.spoke',
      format: 'terraform',
      sourceType: 'azurerm_route_table',
      name: { known: true, value: 'rt-spoke' },
      origin: byAddress['azurerm_route_table.spoke'].origin,
      bgpRoutePropagation: { known: true, value: false },
    })
    expect(rt.routes).toHaveLength(1)
    const route = rt.routes[0]
    expect(route.id).toBe('azurerm_route_table.spoke.route["default-via-firewall"]')
    expect(route.routeTableId).toBe('azurerm_route_table.spoke')
    expect(route.address).toBe('azurerm_route_table.spoke')
    expect(route.addressPrefix).toMatchObject({ known: true, value: '0.0.0.0/0' })
    expect(route.nextHopType).toMatchObject({ known: true, value: 'VirtualAppliance' })
    expect(route.nextHopIpAddress).toEqual({
      known: false,
      expression: 'azurerm_firewall.hub.ip_configuration[0].private_ip_address',
      reason: 'computed at apply time',
      ref: { resource: 'azurerm_firewall.hub', attribute: 'ip_configuration[0].private_ip_address' },
      origin: at(byAddress['azurerm_route_table.spoke'].body, 'route', 0, 'next_hop_in_ip_address').origin,
    })
    // The route's origin is its block, not the whole resource.
    const block = at(byAddress['azurerm_route_table.spoke'].body, 'route', 0)
    expect(route.origin).toEqual(block.origin)
    expect(route.origin).not.toEqual(rt.origin)
  })

  test('associations set the subnet links with the association block as origin', () => {
    const app = model.subnets.find((s) => s.id === 'azurerm_subnet.app')!
    expect(app.addressPrefixes).toMatchObject({ known: true, value: ['10.1.1.0/24'] })
    expect(app.vnetName).toMatchObject({ known: true, value: 'vnet-spoke' })
    expect(app.defaultOutboundAccess).toMatchObject({ known: true, value: false })
    expect(app.routeTableId).toMatchObject({ known: true, value: 'azurerm_route_table.spoke' })
    expect(app.routeTableOrigin).toEqual(byAddress['azurerm_subnet_route_table_association.app'].origin)
    expect(app.nsgId).toMatchObject({ known: true, value: 'azurerm_network_security_group.app' })
    expect(app.nsgOrigin).toEqual(byAddress['azurerm_subnet_network_security_group_association.app'].origin)
    expect(app.natGatewayId).toBeUndefined()
    const fw = model.subnets.find((s) => s.id === 'azurerm_subnet.firewall')!
    expect(fw.natGatewayId).toMatchObject({ known: true, value: 'azurerm_nat_gateway.hub' })
    expect(fw.routeTableId).toBeUndefined()
    expect(fw.defaultOutboundAccess).toBeUndefined()
    expect(model.natGateways.map((n) => n.id)).toEqual(['azurerm_nat_gateway.hub'])
  })

  test('NSG rules merge singular and plural arguments and coerce numbers', () => {
    const nsg = model.nsgs[0]
    expect(nsg.id).toBe('azurerm_network_security_group.app')
    const [kms, deny] = nsg.rules
    expect(kms).toMatchObject({
      id: 'azurerm_network_security_group.app.security_rule["allow-kms"]',
      nsgId: 'azurerm_network_security_group.app',
      priority: { known: true, value: 100 },
      direction: { value: 'Outbound' },
      access: { value: 'Allow' },
      protocol: { value: 'Tcp' },
      sourceAddressPrefixes: { known: true, value: ['VirtualNetwork'] },
      destinationAddressPrefixes: { known: true, value: ['20.118.99.224/32', '40.83.235.53/32'] },
      destinationPortRanges: { known: true, value: ['1688'] },
      sourceApplicationSecurityGroups: { known: true, value: ['azurerm_application_security_group.vms'] },
    })
    expect(kms.destinationApplicationSecurityGroups).toBeUndefined()
    expect(deny.priority).toMatchObject({ known: true, value: 4000 })
    expect(deny.destinationAddressPrefixes).toMatchObject({ value: ['Internet'] })
    expect(deny.destinationPortRanges).toMatchObject({ value: ['*'] })
  })

  test('firewall: computed private address as an unknown naming itself, subnet and policy linked', () => {
    const fw = model.firewalls[0]
    expect(fw.id).toBe('azurerm_firewall.hub')
    expect(fw.privateIpAddress).toMatchObject({
      known: false,
      ref: { resource: 'azurerm_firewall.hub', attribute: 'ip_configuration[0].private_ip_address' },
    })
    expect(fw.subnetId).toMatchObject({ known: true, value: 'azurerm_subnet.firewall' })
    expect(fw.policyId).toMatchObject({ known: true, value: 'azurerm_firewall_policy.hub' })
    expect(fw.sku).toMatchObject({ value: 'AZFW_VNet' })
    expect(fw.forcedTunnelling).toBe(false)
    expect(fw.dnsProxy).toBeUndefined()
    expect(fw.classicCollections).toEqual([])
  })

  test('policy gets its rule collection group, IP groups resolve to model ids', () => {
    const policy = model.firewallPolicies[0]
    expect(policy.dnsProxy).toMatchObject({ known: true, value: true })
    expect(policy.basePolicyId).toBeUndefined()
    expect(policy.ruleCollectionGroups).toHaveLength(1)
    const group = policy.ruleCollectionGroups[0]
    expect(group).toMatchObject({
      id: 'azurerm_firewall_policy_rule_collection_group.platform',
      policyId: { known: true, value: 'azurerm_firewall_policy.hub' },
      priority: { known: true, value: 200 },
    })
    const [net, app] = group.collections
    expect(net).toMatchObject({
      id: 'azurerm_firewall_policy_rule_collection_group.platform.network_rule_collection["allow-windows-activation"]',
      kind: 'network',
      priority: { value: 210 },
      action: { value: 'Allow' },
    })
    expect(net.rules[0]).toMatchObject({
      id: 'azurerm_firewall_policy_rule_collection_group.platform.network_rule_collection["allow-windows-activation"].rule["kms"]',
      protocols: { value: ['TCP'] },
      sourceAddresses: { value: ['10.1.0.0/16'] },
      destinationAddresses: { value: ['40.83.235.53/32'] },
      destinationIpGroups: { known: true, value: ['azurerm_ip_group.kms'] },
      sourceIpGroups: { known: true, value: [] },
      destinationFqdns: { known: true, value: [] },
      destinationPorts: { value: ['1688'] },
    })
    expect(app.kind).toBe('application')
    expect(app.rules[0].protocols).toMatchObject({ known: true, value: ['Https:443'] })
    expect(app.rules[0].destinationFqdns).toMatchObject({ value: ['*.windowsupdate.com'] })
    expect(model.ipGroups[0]).toMatchObject({
      id: 'azurerm_ip_group.kms',
      cidrs: { value: ['20.118.99.224/32'] },
    })
  })

  test('every network resource is modelled, others ignored; diagnostics and clouds passed on', () => {
    expect(model.subnets.map((s) => s.id).sort()).toEqual(['azurerm_subnet.app', 'azurerm_subnet.firewall'])
    expect(model.diagnostics).toEqual([
      { ruleId: 'KMS011', origin: { file: FILE, startLine: 1, endLine: 1 }, message: 'm' },
    ])
    expect(model.cloudHints).toEqual(['AzureCloud'])
  })
})

describe('terraformToModel: unknowns', () => {
  test('a list with an unknown item is an unknown list keeping the expression', () => {
    const model = terraformToModel(
      evaluation([
        resource('azurerm_network_security_group', 'x', {
          name: 'nsg-x',
          security_rule: [
            {
              name: 'r',
              priority: 100,
              direction: 'Outbound',
              access: 'Allow',
              protocol: 'Tcp',
              source_address_prefix: '*',
              destination_address_prefixes: ['20.118.99.224/32', unresolved('var.kms_ip')],
              destination_port_range: '1688',
            },
          ],
        }),
      ]),
    )
    const dest = model.nsgs[0].rules[0].destinationAddressPrefixes
    expect(dest.known).toBe(false)
    if (dest.known) return
    expect(dest.expression).toBe('["20.118.99.224/32", var.kms_ip]')
    expect(dest.reason).toBe('variable without a value')
  })

  test('an unknown route block list gives a placeholder route that is unknown, not an empty table', () => {
    const rt = resource('azurerm_route_table', 'dyn', { name: 'rt-dyn', route: unresolved('var.routes') })
    const model = terraformToModel(evaluation([rt]))
    const routes = model.routeTables[0].routes
    expect(routes).toHaveLength(1)
    expect(routes[0].addressPrefix).toMatchObject({ known: false, expression: 'var.routes' })
    expect(routes[0].nextHopType).toMatchObject({ known: false, expression: 'var.routes' })
  })

  test('an association whose subnet is not in the scan is a KMS011 notice, not dropped silently', () => {
    const assoc = resource('azurerm_subnet_route_table_association', 'ext', {
      subnet_id: ref('data.azurerm_subnet.shared', 'id'),
      route_table_id: ref('azurerm_route_table.rt', 'id'),
    })
    const model = terraformToModel(evaluation([resource('azurerm_route_table', 'rt', { name: 'rt' }), assoc]))
    expect(model.diagnostics).toHaveLength(1)
    expect(model.diagnostics[0]).toMatchObject({
      ruleId: 'KMS011',
      origin: assoc.origin,
      expression: 'data.azurerm_subnet.shared.id',
      address: 'azurerm_subnet_route_table_association.ext',
    })
  })

  test('a route table id that cannot be resolved stays unknown on the subnet', () => {
    const model = terraformToModel(
      evaluation([
        resource('azurerm_subnet', 'a', {
          name: 'a',
          virtual_network_name: 'v',
          address_prefixes: ['10.0.0.0/24'],
        }),
        resource('azurerm_subnet_route_table_association', 'a', {
          subnet_id: ref('azurerm_subnet.a', 'id'),
          route_table_id: ref('module.shared.azurerm_route_table.hub', 'id'),
        }),
      ]),
    )
    expect(model.subnets[0].routeTableId).toMatchObject({
      known: false,
      expression: 'module.shared.azurerm_route_table.hub.id',
      ref: { resource: 'module.shared.azurerm_route_table.hub' },
    })
  })

  test('data sources are not modelled', () => {
    const model = terraformToModel(
      evaluation([
        resource(
          'azurerm_subnet',
          's',
          { name: 's', virtual_network_name: 'v' },
          { mode: 'data', address: 'data.azurerm_subnet.s' },
        ),
      ]),
    )
    expect(model.subnets).toEqual([])
  })
})
