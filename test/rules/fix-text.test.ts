/**
 * Fix text for the cases docs/rules.md does not show: Azure CLI for plan and live findings, separate
 * route resources in Bicep and with an unreferenceable table, classic firewalls, an NSG allow that
 * cannot come before the deny, rule destinations and DNS proxy on a classic firewall.
 */
import type { SourceFormat } from '../../src/model/network'
import { renderFix } from '../../src/report/fix'
import { firewall, fwRule, nsgRule, policy, route, routeTable } from '../analysis/helpers'

const A = '20.118.99.224'
const B = '40.83.235.53'

function inFormat<T extends { format: SourceFormat }>(o: T, format: SourceFormat): T {
  return { ...o, format }
}

test('plan and live findings get Azure CLI commands', () => {
  for (const format of ['plan', 'live'] as const) {
    const table = inFormat(routeTable('rt', 'rt-spoke'), format)
    expect(renderFix({ kind: 'add-routes', table, addresses: [A, B] })).toBe(
      `az network route-table route create --resource-group <resource group> --route-table-name rt-spoke ` +
        `--name kms-20-118-99-224 --address-prefix ${A}/32 --next-hop-type Internet\n` +
        `az network route-table route create --resource-group <resource group> --route-table-name rt-spoke ` +
        `--name kms-40-83-235-53 --address-prefix ${B}/32 --next-hop-type Internet`,
    )
  }
  const deny = inFormat(nsgRule('n', 'deny', { priority: 4000, access: 'Deny' }), 'live')
  expect(renderFix({ kind: 'allow-kms-nsg', deny, addresses: [A] })).toBe(
    'az network nsg rule create --resource-group <resource group> --nsg-name <nsg> --name allow-azure-kms ' +
      '--priority 3990 --direction Outbound --access Allow --protocol Tcp --destination-port-ranges 1688 ' +
      `--destination-address-prefixes ${A}`,
  )
  const fw = inFormat(firewall('afw-hub', '10.0.1.4'), 'live')
  expect(renderFix({ kind: 'enable-dns-proxy', target: fw })).toBe(
    'az network firewall update --resource-group <resource group> --name afw-hub --enable-dns-proxy true',
  )
  expect(renderFix({ kind: 'allow-kms-firewall', firewall: fw, addresses: [A, B], before: 300 })).toContain(
    `--policy-name <policy> --resource-group <resource group> --rcg-name <group> --name allow-azure-kms --collection-priority 290 `,
  )
})

test('separate route resources: Bicep child resources; Terraform quotes names it cannot reference', () => {
  const sep = (format: SourceFormat, id: string, sourceType: string) => {
    const like = inFormat(route(id, 'r', '0.0.0.0/0', 'VirtualNetworkGateway', undefined, sourceType), format)
    return { table: inFormat(routeTable(id, 'rt-spoke', [like]), format), like }
  }
  expect(
    renderFix({
      kind: 'add-routes',
      ...sep('bicep', 'rtSpoke', 'Microsoft.Network/routeTables/routes'),
      addresses: [A],
    }),
  ).toBe(
    [
      `resource kms2011899224 'Microsoft.Network/routeTables/routes@2023-09-01' = {`,
      `  parent: rtspoke`,
      `  name: 'kms-20-118-99-224'`,
      `  properties: {`,
      `    addressPrefix: '${A}/32'`,
      `    nextHopType: 'Internet'`,
      `  }`,
      `}`,
    ].join('\n'),
  )
  expect(
    renderFix({
      kind: 'add-routes',
      ...sep('terraform', 'module.hub.azurerm_route_table.x', 'azurerm_route'),
      addresses: [A],
    }),
  ).toBe(
    [
      `resource "azurerm_route" "kms_20_118_99_224" {`,
      `  name                = "kms-20-118-99-224"`,
      `  resource_group_name = "<resource group>"`,
      `  route_table_name    = "rt-spoke"`,
      `  address_prefix      = "${A}/32"`,
      `  next_hop_type       = "Internet"`,
      `}`,
    ].join('\n'),
  )
})

test('an NSG allow that cannot get a lower priority number says to renumber, in the format’s comment', () => {
  const deny = (format: SourceFormat) =>
    inFormat(nsgRule('n', 'deny', { priority: 100, access: 'Deny' }), format)
  const note = 'renumber: the allow must have a lower priority number than 100\n'
  const tf = renderFix({ kind: 'allow-kms-nsg', deny: deny('terraform'), addresses: [A] })
  expect(tf.startsWith(`# ${note}security_rule {\n`)).toBe(true)
  expect(tf).toContain('  priority                     = 100\n')
  const bicep = renderFix({ kind: 'allow-kms-nsg', deny: deny('bicep'), addresses: [A] })
  expect(bicep.startsWith(`// ${note}{\n  name: 'allow-azure-kms'\n`)).toBe(true)
  // JSON has no comments: ARM gets the rule alone.
  const arm = JSON.parse(renderFix({ kind: 'allow-kms-nsg', deny: deny('arm'), addresses: [A] }))
  expect(arm.properties.priority).toBe(100)
  expect(arm.properties.destinationAddressPrefixes).toEqual([A])
})

test('classic firewall rule collections in Bicep and ARM', () => {
  const fw = (format: SourceFormat) => inFormat(firewall('afw-hub', '10.0.1.4'), format)
  const bicep = renderFix({ kind: 'allow-kms-firewall', firewall: fw('bicep'), addresses: [A] })
  expect(
    bicep.startsWith(
      "// in networkRuleCollections\n{\n  name: 'allow-azure-kms'\n  properties: {\n    priority: 100\n",
    ),
  ).toBe(true)
  expect(bicep).toContain(`        destinationAddresses: [ '${A}' ]\n        destinationPorts: [ '1688' ]\n`)
  expect(
    JSON.parse(renderFix({ kind: 'allow-kms-firewall', firewall: fw('arm'), addresses: [A], before: 200 })),
  ).toEqual({
    name: 'allow-azure-kms',
    properties: {
      priority: 190,
      action: { type: 'Allow' },
      rules: [
        {
          name: 'azure-kms',
          protocols: ['TCP'],
          sourceAddresses: ['*'],
          destinationAddresses: [A],
          destinationPorts: ['1688'],
        },
      ],
    },
  })
  const pol = inFormat(policy('afwp-hub', []), 'arm')
  expect(
    JSON.parse(renderFix({ kind: 'allow-kms-firewall', firewall: fw('arm'), policy: pol, addresses: [A] }))
      .ruleCollectionType,
  ).toBe('FirewallPolicyFilterRuleCollection')
})

test('rule destinations and DNS proxy, per format', () => {
  const rule = fwRule('kms', {})
  const nsg = nsgRule('n', 'kms', { priority: 100, access: 'Allow' })
  const dest = (format: SourceFormat, r: typeof rule | typeof nsg) =>
    renderFix({ kind: 'set-destinations', rule: inFormat(r, format), addresses: [A, B] })
  expect(dest('terraform', rule)).toBe(`destination_addresses = ["${A}", "${B}"]`)
  expect(dest('terraform', nsg)).toBe(`destination_address_prefixes = ["${A}", "${B}"]`)
  expect(dest('bicep', rule)).toBe(`destinationAddresses: [\n  '${A}'\n  '${B}'\n]`)
  expect(dest('arm', nsg)).toBe(`"destinationAddressPrefixes": ["${A}","${B}"]`)
  expect(dest('live', rule)).toBe(`destinationAddresses: ${A}, ${B}`)
  const fw = (format: SourceFormat) => inFormat(firewall('afw-hub', '10.0.1.4'), format)
  expect(renderFix({ kind: 'enable-dns-proxy', target: fw('terraform') })).toBe('dns_proxy_enabled = true')
  expect(renderFix({ kind: 'enable-dns-proxy', target: fw('bicep') })).toBe(
    "additionalProperties: {\n  'Network.DNS.EnableProxy': 'true'\n}",
  )
  expect(JSON.parse(renderFix({ kind: 'enable-dns-proxy', target: fw('arm') }))).toEqual({
    additionalProperties: { 'Network.DNS.EnableProxy': 'true' },
  })
})
