import {
  addArmResource,
  armResourcesToModel,
  type ArmResourceInput,
} from '../../src/sources/mapping/arm-shapes'
import { ModelBuilder, parseArmId } from '../../src/model/build'
import { known, unknown } from '../../src/model/value'
import { hcl, origin, type Js } from './terraform/adapt-helpers'

const RG = '/subscriptions/0000/resourceGroups/rg-hub/providers/Microsoft.Network'

let line = 1
/** An ARM resource as the Bicep/ARM sources will hand it over: body as a value tree. */
function arm(
  armType: string,
  name: string,
  body: Js,
  extra: Partial<ArmResourceInput> = {},
): ArmResourceInput {
  const start = line
  line += 100
  const id = extra.id ?? `${RG}/${armType.replace('Microsoft.Network/', '')}/${name}`
  return {
    armType,
    name: known(name, origin(start)),
    body: hcl(body, start),
    id,
    address: `${armType}/${name}`,
    origin: origin(start, start + 99),
    format: 'arm',
    ...extra,
  }
}

describe('parseArmId', () => {
  test('full ids, child ids and provider-relative ids', () => {
    expect(parseArmId(`${RG}/virtualNetworks/vnet-hub/subnets/AzureFirewallSubnet`)).toEqual({
      type: 'Microsoft.Network/virtualNetworks/subnets',
      names: ['vnet-hub', 'AzureFirewallSubnet'],
      resourceGroup: 'rg-hub',
    })
    expect(parseArmId('Microsoft.Network/routeTables/rt-hub')).toEqual({
      type: 'Microsoft.Network/routeTables',
      names: ['rt-hub'],
    })
    expect(parseArmId('/subscriptions/0000/resourceGroups/rg-hub')).toBeUndefined()
    expect(parseArmId('rt-hub')).toBeUndefined()
  })
})

describe('ARM shapes → model', () => {
  const vnet = arm('Microsoft.Network/virtualNetworks', 'vnet-hub', {
    properties: {
      subnets: [
        { name: 'AzureFirewallSubnet', properties: { addressPrefix: '10.0.0.0/26' } },
        {
          name: 'snet-app',
          properties: {
            addressPrefixes: ['10.0.1.0/24', '10.0.2.0/24'],
            routeTable: { id: `${RG}/routeTables/rt-app` },
            networkSecurityGroup: { id: 'Microsoft.Network/networkSecurityGroups/nsg-app' },
            natGateway: { id: `${RG}/natGateways/ng-missing` },
            defaultOutboundAccess: false,
          },
        },
      ],
    },
  })
  const rt = arm('Microsoft.Network/routeTables', 'rt-app', {
    properties: {
      routes: [
        {
          name: 'default',
          properties: {
            addressPrefix: '0.0.0.0/0',
            nextHopType: 'VirtualAppliance',
            nextHopIpAddress: '10.0.0.4',
          },
        },
      ],
    },
  })
  const childRoute = arm(
    'Microsoft.Network/routeTables/routes',
    'rt-app/kms',
    { properties: { addressPrefix: '20.118.99.224/32', nextHopType: 'Internet' } },
    { id: `${RG}/routeTables/rt-app/routes/kms` },
  )
  const nsg = arm('Microsoft.Network/networkSecurityGroups', 'nsg-app', {
    properties: {
      securityRules: [
        {
          name: 'allow-kms',
          properties: {
            priority: 100,
            direction: 'Outbound',
            access: 'Allow',
            protocol: 'Tcp',
            sourceAddressPrefix: '*',
            destinationAddressPrefixes: ['20.118.99.224/32', '40.83.235.53/32'],
            destinationPortRange: '1688',
            destinationApplicationSecurityGroups: [{ id: `${RG}/applicationSecurityGroups/asg-kms` }],
          },
        },
      ],
    },
  })
  const childRule = arm(
    'Microsoft.Network/networkSecurityGroups/securityRules',
    'deny-all',
    {
      properties: {
        priority: 4096,
        direction: 'Outbound',
        access: 'Deny',
        protocol: '*',
        sourceAddressPrefix: '*',
        destinationAddressPrefix: '*',
        destinationPortRange: '*',
      },
    },
    {
      parent: known(`${RG}/networkSecurityGroups/nsg-app`),
      id: `${RG}/networkSecurityGroups/nsg-app/securityRules/deny-all`,
    },
  )
  const ipg = arm('Microsoft.Network/ipGroups', 'ipg-kms', {
    properties: { ipAddresses: ['20.118.99.224/32'] },
  })
  const policy = arm('Microsoft.Network/firewallPolicies', 'afwp-hub', {
    properties: {
      dnsSettings: { enableProxy: true },
      basePolicy: { id: `${RG}/firewallPolicies/afwp-base` },
    },
  })
  const base = arm('Microsoft.Network/firewallPolicies', 'afwp-base', { properties: {} })
  const rcg = arm(
    'Microsoft.Network/firewallPolicies/ruleCollectionGroups',
    'afwp-hub/rcg-kms',
    {
      properties: {
        priority: 100,
        ruleCollections: [
          {
            ruleCollectionType: 'FirewallPolicyFilterRuleCollection',
            name: 'kms',
            priority: 100,
            action: { type: 'Allow' },
            rules: [
              {
                ruleType: 'NetworkRule',
                name: 'kms',
                ipProtocols: ['TCP'],
                sourceAddresses: ['10.0.0.0/8'],
                destinationIpGroups: [`${RG}/ipGroups/ipg-kms`],
                destinationAddresses: ['40.83.235.53/32'],
                destinationPorts: ['1688'],
              },
            ],
          },
          {
            ruleCollectionType: 'FirewallPolicyNatRuleCollection',
            name: 'dnat',
            priority: 200,
            action: { type: 'DNAT' },
            rules: [{ ruleType: 'NatRule', name: 'rdp', ipProtocols: ['TCP'], destinationPorts: ['3389'] }],
          },
        ],
      },
    },
    { id: `${RG}/firewallPolicies/afwp-hub/ruleCollectionGroups/rcg-kms` },
  )
  const fw = arm('Microsoft.Network/azureFirewalls', 'afw-hub', {
    properties: {
      sku: { name: 'AZFW_VNet', tier: 'Standard' },
      ipConfigurations: [
        {
          name: 'ipconfig',
          properties: { subnet: { id: `${RG}/virtualNetworks/vnet-hub/subnets/AzureFirewallSubnet` } },
        },
      ],
      managementIpConfiguration: { name: 'mgmt', properties: {} },
      firewallPolicy: { id: `${RG}/firewallPolicies/afwp-hub` },
      additionalProperties: { 'Network.DNS.EnableProxy': 'true' },
      networkRuleCollections: [
        {
          name: 'classic-kms',
          properties: {
            priority: 100,
            action: { type: 'Allow' },
            rules: [
              {
                name: 'kms',
                protocols: ['TCP'],
                sourceAddresses: ['*'],
                destinationAddresses: ['20.118.99.224/32'],
                destinationPorts: ['1688'],
              },
            ],
          },
        },
      ],
      applicationRuleCollections: [
        {
          name: 'web',
          properties: {
            priority: 200,
            action: { type: 'Allow' },
            rules: [
              {
                name: 'wu',
                protocols: [{ protocolType: 'Https', port: 443 }],
                targetFqdns: ['*.microsoft.com'],
              },
            ],
          },
        },
      ],
    },
  })
  const ng = arm('Microsoft.Network/natGateways', 'ng-hub', { properties: {} })
  const other = arm('Microsoft.Compute/virtualMachines', 'vm', { properties: {} })
  const model = armResourcesToModel([
    childRoute,
    childRule,
    rcg,
    vnet,
    rt,
    nsg,
    ipg,
    policy,
    base,
    fw,
    ng,
    other,
  ])

  test('inline subnets: ids under the vnet, links by ARM id (full and provider-relative), missing target unknown', () => {
    expect(model.subnets.map((s) => s.id)).toEqual([
      `${RG}/virtualNetworks/vnet-hub/subnets/AzureFirewallSubnet`,
      `${RG}/virtualNetworks/vnet-hub/subnets/snet-app`,
    ])
    const app = model.subnets[1]
    expect(app).toMatchObject({
      format: 'arm',
      sourceType: 'Microsoft.Network/virtualNetworks',
      vnetName: { value: 'vnet-hub' },
      addressPrefixes: { value: ['10.0.1.0/24', '10.0.2.0/24'] },
      defaultOutboundAccess: { value: false },
      routeTableId: { known: true, value: rt.id },
      nsgId: { known: true, value: nsg.id },
      natGatewayId: { known: false, expression: `${RG}/natGateways/ng-missing` },
    })
    expect(app.routeTableOrigin?.startLine).toBeGreaterThan(vnet.origin.startLine)
    expect(model.subnets[0].addressPrefixes).toMatchObject({ value: ['10.0.0.0/26'] })
  })

  test('route tables: inline routes and a child route named parent/child; BGP propagation defaults on', () => {
    const table = model.routeTables[0]
    expect(table.bgpRoutePropagation).toEqual({ known: true, value: true })
    expect(table.routes.map((r) => [r.id, r.routeTableId])).toEqual([
      [`${rt.id}/routes/default`, rt.id],
      [`${RG}/routeTables/rt-app/routes/kms`, rt.id],
    ])
    expect(table.routes[0].nextHopIpAddress).toMatchObject({ known: true, value: '10.0.0.4' })
    expect(table.routes[1].name).toMatchObject({ value: 'kms' })
  })

  test('NSGs: inline rules and a child rule linked through its parent id', () => {
    const rules = model.nsgs[0].rules
    expect(rules.map((r) => r.name)).toMatchObject([{ value: 'allow-kms' }, { value: 'deny-all' }])
    expect(rules[0]).toMatchObject({
      nsgId: nsg.id,
      priority: { value: 100 },
      sourceAddressPrefixes: { value: ['*'] },
      destinationAddressPrefixes: { value: ['20.118.99.224/32', '40.83.235.53/32'] },
      destinationPortRanges: { value: ['1688'] },
      destinationApplicationSecurityGroups: { value: [`${RG}/applicationSecurityGroups/asg-kms`] },
    })
    expect(rules[1].priority).toMatchObject({ value: 4096 })
  })

  test('firewall: subnet, policy, DNS proxy from additionalProperties, forced tunnelling, classic collections', () => {
    const f = model.firewalls[0]
    expect(f).toMatchObject({
      subnetId: { known: true, value: `${RG}/virtualNetworks/vnet-hub/subnets/AzureFirewallSubnet` },
      policyId: { known: true, value: policy.id },
      dnsProxy: { known: true, value: true },
      forcedTunnelling: true,
      sku: { value: 'AZFW_VNet' },
      privateIpAddress: { known: false, ref: { resource: fw.id } },
    })
    const [net, app] = f.classicCollections
    expect(net).toMatchObject({ kind: 'network', priority: { value: 100 }, action: { value: 'Allow' } })
    expect(net.rules[0]).toMatchObject({
      protocols: { value: ['TCP'] },
      destinationPorts: { value: ['1688'] },
    })
    expect(app.kind).toBe('application')
    expect(app.rules[0]).toMatchObject({
      protocols: { value: ['Https:443'] },
      destinationFqdns: { value: ['*.microsoft.com'] },
    })
  })

  test('policies: base policy, rule collection group attached by two-part name, IP groups by id', () => {
    const p = model.firewallPolicies.find((x) => x.id === policy.id)!
    expect(p.dnsProxy).toMatchObject({ value: true })
    expect(p.basePolicyId).toMatchObject({ known: true, value: base.id })
    const group = p.ruleCollectionGroups[0]
    expect(group).toMatchObject({ id: rcg.id, policyId: { value: policy.id }, priority: { value: 100 } })
    const [filter, nat] = group.collections
    expect(filter.kind).toBe('network')
    expect(filter.rules[0]).toMatchObject({
      destinationIpGroups: { known: true, value: [ipg.id] },
      destinationAddresses: { value: ['40.83.235.53/32'] },
    })
    expect(nat).toMatchObject({ kind: 'nat', action: { value: 'DNAT' } })
    expect(model.ipGroups[0].cidrs).toMatchObject({ value: ['20.118.99.224/32'] })
    expect(model.natGateways.map((n) => n.id)).toEqual([ng.id])
    expect(model.diagnostics).toEqual([])
  })
})

describe('ARM shapes: edge cases', () => {
  test('hub firewall address from hubIPAddresses; an unknown IP group makes the list unknown', () => {
    const model = armResourcesToModel([
      arm('Microsoft.Network/azureFirewalls', 'afw-vhub', {
        properties: {
          sku: { name: 'AZFW_Hub' },
          hubIPAddresses: { privateIPAddress: '10.100.64.4' },
          networkRuleCollections: [
            {
              name: 'c',
              properties: {
                priority: 1,
                action: { type: 'Allow' },
                rules: [{ name: 'r', sourceIpGroups: [`${RG}/ipGroups/not-here`], protocols: ['TCP'] }],
              },
            },
          ],
        },
      }),
    ])
    const f = model.firewalls[0]
    expect(f.privateIpAddress).toMatchObject({ known: true, value: '10.100.64.4' })
    expect(f.subnetId).toBeUndefined()
    expect(f.classicCollections[0].rules[0].sourceIpGroups).toMatchObject({ known: false })
  })

  test('a child whose parent is not in the model is a KMS011 notice', () => {
    const model = armResourcesToModel([
      arm('Microsoft.Network/routeTables/routes', 'rt-elsewhere/r', {
        properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'None' },
      }),
    ])
    expect(model.routeTables).toEqual([])
    expect(model.diagnostics).toHaveLength(1)
    expect(model.diagnostics[0].message).toMatch(/cannot tell which Microsoft.Network\/routeTables/)
  })

  test('a standalone subnet takes its vnet name from the parent and is found by name + parent', () => {
    const b = new ModelBuilder()
    addArmResource(b, arm('Microsoft.Network/virtualNetworks', 'vnet-a', { properties: {} }))
    addArmResource(
      b,
      arm(
        'Microsoft.Network/virtualNetworks/subnets',
        'snet',
        { properties: { addressPrefix: '10.0.0.0/24' } },
        {
          parent: unknown('vnet.id', 'symbolic reference', undefined, {
            resource: `${RG}/virtualNetworks/vnet-a`,
            attribute: 'id',
          }),
        },
      ),
    )
    // Same subnet name under another vnet: only the parent's name tells them apart.
    addArmResource(b, arm('Microsoft.Network/virtualNetworks', 'vnet-b', { properties: {} }))
    addArmResource(
      b,
      arm(
        'Microsoft.Network/virtualNetworks/subnets',
        'snet',
        { properties: { addressPrefix: '10.1.0.0/24' } },
        { parent: known(`${RG}/virtualNetworks/vnet-b`), id: 'other-snet' },
      ),
    )
    let found: unknown
    b.defer(() => {
      found = b.resolve(
        'Microsoft.Network/virtualNetworks/subnets',
        known(`${RG}/virtualNetworks/vnet-a/subnets/snet`),
      )
    })
    const model = b.finish()
    expect(model.subnets[0].vnetName).toMatchObject({ value: 'vnet-a' })
    expect(found).toMatchObject({ known: true, value: `${RG}/virtualNetworks/subnets/snet` })
  })

  test('an unknown body keeps route table contents unknown', () => {
    const model = armResourcesToModel([
      {
        ...arm('Microsoft.Network/routeTables', 'rt', {}),
        body: { kind: 'unknown', expression: "variables('rt')", reason: 'not evaluated', origin: origin(1) },
      },
    ])
    expect(model.routeTables[0].routes[0].nextHopType).toMatchObject({
      known: false,
      expression: "variables('rt')",
    })
  })
})
