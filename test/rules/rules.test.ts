import { analyze } from '../../src/analysis'
import type { CloudName } from '../../src/kms/catalogue'
import type { NetworkModel } from '../../src/model/network'
import { unknown } from '../../src/model/value'
import { allRules, runRules } from '../../src/rules'
import { examplesOf } from '../../src/rules/examples'
import type { Finding } from '../../src/rules/types'
import { fixText } from '../../src/report/fix'
import {
  at,
  collection,
  firewall,
  fwRule,
  group,
  model,
  nsg,
  nsgRule,
  policy,
  route,
  routeTable,
  subnet,
} from '../analysis/helpers'

const [NEW1, NEW2, OLD] = ['20.118.99.224', '40.83.235.53', '23.102.135.246']

function run(m: NetworkModel, cloud: CloudName = 'AzureCloud'): Finding[] {
  return runRules({ cloud, model: m, analysis: analyze(m, cloud) })
}
const ids = (fs: Finding[]) => fs.map((f) => f.ruleId)
const only = (fs: Finding[], id: string) => fs.filter((f) => f.ruleId === id)

function tunnel(bypass: string[], extra: Partial<NetworkModel> = {}, subnets = ['snet-app']): NetworkModel {
  const rt = routeTable('rt', 'rt-spoke', [
    ['0.0.0.0/0', 'VirtualNetworkGateway'],
    ...bypass.map((a) => [`${a}/32`, 'Internet'] as [string, string]),
  ])
  return model({
    routeTables: [rt],
    subnets: subnets.map((n, i) => subnet(`s${i}`, n, [`10.1.${i}.0/24`], { routeTable: 'rt' })),
    ...extra,
  })
}

describe('rules', () => {
  test('every rule has id, examples of both kinds and unique ids', () => {
    expect(allRules.map((r) => r.id)).toEqual(
      Array.from({ length: 15 }, (_, i) => `KMS${String(i + 1).padStart(3, '0')}`),
    )
    for (const r of allRules) {
      expect(examplesOf(r.id).some((e) => e.kind === 'good')).toBe(true)
      expect(examplesOf(r.id).some((e) => e.kind === 'bad')).toBe(true)
    }
  })

  test('KMS001: one finding at the forced-tunnel route, merging subnets and addresses, with HCL fix', () => {
    const fs = run(tunnel([], {}, ['snet-a', 'snet-b']))
    const f = only(fs, 'KMS001')
    expect(f).toHaveLength(1)
    expect(f[0]!.kmsAddresses).toEqual([NEW1, NEW2])
    expect(f[0]!.subnets).toEqual(['snet-a', 'snet-b'])
    expect(f[0]!.resource).toBe('rt.route.r0')
    expect(f[0]!.message).toContain('2022-10-03')
    // Each subnet's path is in the model, not in the message (renderers show it once).
    expect(f[0]!.path).toBe('snet-a → rt-spoke: 0.0.0.0/0 → VirtualNetworkGateway')
    expect(f[0]!.subnetPaths!.map((s) => [s.subnet, s.path])).toEqual([
      ['snet-a', 'snet-a → rt-spoke: 0.0.0.0/0 → VirtualNetworkGateway'],
      ['snet-b', 'snet-b → rt-spoke: 0.0.0.0/0 → VirtualNetworkGateway'],
    ])
    expect(f[0]!.message).not.toContain('→')
    expect(fixText(f[0]!)).toContain('address_prefix = "23.102.135.246/32"')
    expect(fixText(f[0]!)).toContain('route {')
    expect(ids(fs)).not.toContain('KMS009')
  })

  test('KMS001 fires when only some current addresses are bypassed; fix adds only what is missing', () => {
    const f = only(run(tunnel([NEW1, OLD])), 'KMS001')
    expect(f).toHaveLength(1)
    expect(f[0]!.kmsAddresses).toEqual([NEW2])
    expect(f[0]!.message).toContain('although 20.118.99.224 has a bypass')
    expect(fixText(f[0]!)).not.toContain(NEW1)
    expect(fixText(f[0]!)).toContain(`address_prefix = "${NEW2}/32"`)
    expect(fixText(f[0]!)).not.toContain(OLD)
  })

  test('KMS001 fix uses azurerm_route resources when routes are separate resources', () => {
    const rt = routeTable('azurerm_route_table.spoke', 'rt-spoke', [
      route(
        'azurerm_route_table.spoke',
        'default',
        '0.0.0.0/0',
        'VirtualNetworkGateway',
        undefined,
        'azurerm_route',
      ),
    ])
    const m = model({
      routeTables: [rt],
      subnets: [subnet('s', 'snet', ['10.1.0.0/24'], { routeTable: rt.id })],
    })
    const fix = fixText(only(run(m), 'KMS001')[0]!)
    expect(fix).toContain('resource "azurerm_route" "kms_20_118_99_224"')
    expect(fix).toContain('route_table_name    = azurerm_route_table.spoke.name')
  })

  test('KMS001 fix in Bicep and ARM formats', () => {
    for (const [format, needle] of [
      ['bicep', "addressPrefix: '40.83.235.53/32'"],
      ['arm', '"addressPrefix": "40.83.235.53/32"'],
    ] as const) {
      const m = tunnel([])
      m.routeTables[0]!.format = format
      expect(fixText(only(run(m), 'KMS001')[0]!)).toContain(needle)
    }
  })

  test('complete bypass: no KMS001 and no KMS009', () => {
    expect(ids(run(tunnel([NEW1, NEW2, OLD])))).toEqual([])
  })

  test('KMS009: current bypassed, legacy not; at the route table', () => {
    const fs = run(tunnel([NEW1, NEW2]))
    expect(ids(fs)).toEqual(['KMS009'])
    expect(fs[0]!.resource).toBe('rt')
    expect(fs[0]!.kmsAddresses).toEqual([OLD])
    expect(fixText(fs[0]!)).toBe(
      `route {\n  name           = "kms-23-102-135-246"\n  address_prefix = "${OLD}/32"\n  next_hop_type  = "Internet"\n}`,
    )
  })

  test('KMS002: next hop None and VnetLocal', () => {
    const rt = routeTable('rt', 'rt', [
      ['0.0.0.0/0', 'None'],
      [`${NEW2}/32`, 'VnetLocal'],
    ])
    const fs = only(
      run(
        model({ routeTables: [rt], subnets: [subnet('s', 'snet', ['10.1.0.0/24'], { routeTable: 'rt' })] }),
      ),
      'KMS002',
    )
    expect(fs).toHaveLength(2)
    expect(fs.find((f) => f.resource === 'rt.route.r0')!.message).toContain('drops it')
    expect(fs.find((f) => f.resource === 'rt.route.r1')!.message).toContain('VnetLocal')
    expect(fixText(fs.find((f) => f.resource === 'rt.route.r1')!)).toContain(`address_prefix = "${NEW2}/32"`)
  })

  const spokeToFw = (extra: Partial<NetworkModel>) =>
    model({
      routeTables: [routeTable('rt', 'rt-spoke', [['0.0.0.0/0', 'VirtualAppliance', '10.0.1.4']])],
      subnets: [subnet('s', 'snet-app', ['10.1.0.0/24'], { routeTable: 'rt' })],
      ...extra,
    })

  test('KMS003: at the winning route; names the deciding rule or "no rule matched"; policy fix', () => {
    const pol = policy('pol', [
      group('g', 'pol', 100, [
        collection('c', 300, 'Allow', [fwRule('web', { destinations: ['*'], ports: ['443'] })]),
      ]),
    ])
    const fs = run(
      spokeToFw({ firewalls: [firewall('fw', '10.0.1.4', { policy: 'pol' })], firewallPolicies: [pol] }),
    )
    const f = only(fs, 'KMS003')
    expect(f).toHaveLength(1)
    expect(f[0]!.resource).toBe('rt.route.r0')
    expect(f[0]!.message).toContain('no network rule matches it')
    expect(fixText(f[0]!)).toContain('network_rule_collection {')
    expect(fixText(f[0]!)).toContain('destination_ports     = ["1688"]')
    expect(fixText(f[0]!)).toContain('priority = 100')
    expect(f[0]!.format).toBe('terraform')

    const deny = collection('deny', 200, 'Deny', [fwRule('deny-all', { destinations: ['*'], ports: ['*'] })])
    const fw = firewall('fw', '10.0.1.4', { classic: [deny] })
    const g = only(run(spokeToFw({ firewalls: [fw] })), 'KMS003')[0]!
    expect(g.message).toContain('rule deny-all in collection deny denies it')
    expect(fixText(g)).toContain('resource "azurerm_firewall_network_rule_collection"')
    expect(fixText(g)).toContain('priority            = 190')
  })

  test('KMS003 is silent when the firewall allows the current addresses', () => {
    const fw = firewall('fw', '10.0.1.4', {
      classic: [collection('c', 100, 'Allow', [fwRule('kms', { destinations: [NEW1, NEW2, OLD] })])],
    })
    expect(ids(run(spokeToFw({ firewalls: [fw] })))).toEqual([])
  })

  test('KMS004: unmodelled appliance', () => {
    const fs = run(spokeToFw({}))
    expect(ids(fs)).toEqual(['KMS004'])
    expect(fs[0]!.message).toContain('10.0.1.4')
  })

  test('KMS005: legacy-only route, NSG rule and firewall rule (legacy FQDN too)', () => {
    const m = tunnel([OLD], {
      nsgs: [
        nsg('n', 'nsg', [
          nsgRule('n', 'allow-kms', { priority: 100, access: 'Allow', destinations: [OLD], ports: ['1688'] }),
        ]),
      ],
      firewalls: [
        firewall('fw', '10.0.1.4', {
          dnsProxy: true,
          classic: [collection('c', 100, 'Allow', [fwRule('kms-old', { fqdns: ['kms.core.windows.net'] })])],
        }),
      ],
    })
    const fs = only(run(m), 'KMS005')
    expect(fs.map((f) => f.resource).sort()).toEqual(['kms-old', 'n.security_rule.allow-kms', 'rt.route.r1'])
    const fwF = fs.find((f) => f.resource === 'kms-old')!
    expect(fwF.kmsAddresses).toEqual([NEW2])
    expect(fixText(fs.find((f) => f.resource === 'rt.route.r1')!)).toContain('40.83.235.53/32')
    expect(fixText(fs.find((f) => f.resource === 'n.security_rule.allow-kms')!)).toContain(
      'destination_address_prefixes = ["20.118.99.224", "40.83.235.53", "23.102.135.246"]',
    )
  })

  test('KMS005 silent when the table also routes the current addresses', () => {
    expect(ids(run(tunnel([NEW1, NEW2, OLD])))).not.toContain('KMS005')
  })

  test('KMS006 vs KMS013: the platform exception decides', () => {
    const deny = () =>
      nsgRule('n', 'deny-out', { priority: 4000, access: 'Deny', destinations: ['Internet'] })
    const off = tunnel([NEW1, NEW2, OLD], { nsgs: [nsg('n', 'nsg-app', [deny()])] })
    off.subnets[0]!.nsgId = { known: true, value: 'n' }
    const f6 = run(off)
    expect(ids(f6)).toEqual(['KMS006'])
    expect(f6[0]!.message).toContain('overrides 0.0.0.0/0')
    expect(fixText(f6[0]!)).toContain('priority                     = 3990')

    const on = model({
      subnets: [subnet('s', 'snet', ['10.1.0.0/24'], { nsg: 'n' })],
      nsgs: [nsg('n', 'nsg-app', [deny()])],
    })
    const f13 = run(on)
    expect(ids(f13)).toEqual(['KMS013'])
    expect(f13[0]!.severity).toBe('notice')
    expect(f13[0]!.kmsAddresses).toEqual([NEW1, NEW2])
    expect(f13[0]!.message).toContain('The NSG rule deny-out in nsg-app denies outbound TCP 1688')
    expect(fixText(f13[0]!)).toContain('priority                     = 3990')
    expect(fixText(f13[0]!)).toContain(`destination_address_prefixes = ["${NEW1}", "${NEW2}", "${OLD}"]`)
  })

  test('KMS007: KMS FQDN with DNS proxy off on the policy, fix enables it', () => {
    const rule = fwRule('kms-fqdn', { fqdns: ['azkms.core.windows.net'] })
    const pol = policy('pol', [group('g', 'pol', 100, [collection('c', 100, 'Allow', [rule])])])
    const fs = run(
      spokeToFw({ firewalls: [firewall('fw', '10.0.1.4', { policy: 'pol' })], firewallPolicies: [pol] }),
    )
    expect(ids(fs).sort()).toEqual(['KMS003', 'KMS007'])
    expect(fixText(only(fs, 'KMS007')[0]!)).toBe('dns {\n  proxy_enabled = true\n}')
    expect(only(fs, 'KMS007')[0]!.format).toBe('terraform')
    pol.dnsProxy = { known: true, value: true }
    expect(
      ids(
        run(
          spokeToFw({ firewalls: [firewall('fw', '10.0.1.4', { policy: 'pol' })], firewallPolicies: [pol] }),
        ),
      ),
    ).toEqual([])
  })

  test('KMS008: private subnet without NAT', () => {
    const fs = run(model({ subnets: [subnet('s', 'snet-private', ['10.1.0.0/24'], { outbound: false })] }))
    expect(ids(fs)).toEqual(['KMS008'])
    expect(fixText(fs[0]!)).toContain('azurerm_subnet_nat_gateway_association')
  })

  test('KMS010: another cloud’s KMS address; silent for the cloud it belongs to', () => {
    const m = tunnel([NEW1, NEW2, OLD, '52.126.105.2'])
    expect(only(run(m), 'KMS010').map((f) => f.resource)).toEqual(['rt.route.r4'])
    const two = only(run(tunnel([NEW1, NEW2, OLD, '52.126.105.2', '23.97.0.13'])), 'KMS010')
    expect(two).toHaveLength(1)
    expect(two[0]!.kmsAddresses).toEqual(['52.126.105.2', '23.97.0.13'])
    const gov = tunnel(['52.126.105.2', '23.97.0.13'])
    expect(ids(run(gov, 'AzureUSGovernment'))).toEqual([])
  })

  test('KMS011: unresolved value deciding a verdict, at the value; diagnostics pass through', () => {
    const r = route('rt', 'default', '0.0.0.0/0', unknown('var.hop', 'no value', at(99)))
    const m = model({
      routeTables: [routeTable('rt', 'rt', [r])],
      subnets: [subnet('s', 'snet-app', ['10.1.0.0/24'], { routeTable: 'rt' })],
      diagnostics: [
        {
          ruleId: 'KMS011',
          origin: at(5, '/repo/mod.tf'),
          message: 'Module source not found.',
          expression: 'module.x',
        },
      ],
    })
    const fs = only(run(m), 'KMS011')
    expect(fs).toHaveLength(2)
    const own = fs.find((f) => f.location.file === '/repo/main.tf')!
    expect(own.location.startLine).toBe(99)
    expect(own.message).toContain('`var.hop`')
    expect(own.kmsAddresses).toEqual([NEW1, NEW2, OLD])
  })

  test('KMS012 passes parse diagnostics through, honouring a severity override', () => {
    const m = model({
      diagnostics: [
        { ruleId: 'KMS012', origin: at(1, '/repo/b.tf'), message: 'Syntax error.' },
        { ruleId: 'KMS012', origin: at(1, '/repo/a.tf'), message: 'Too big.', severity: 'notice' },
      ],
    })
    const fs = run(m)
    expect(fs.map((f) => [f.location.file, f.severity])).toEqual([
      ['/repo/a.tf', 'notice'],
      ['/repo/b.tf', 'warning'],
    ])
  })
})
