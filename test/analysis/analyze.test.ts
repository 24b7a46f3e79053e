import { analyze } from '../../src/analysis'
import type { KmsPath } from '../../src/analysis/types'
import { unknown } from '../../src/model/value'
import {
  collection,
  firewall,
  fwRule,
  group,
  ipGroup,
  model,
  nsg,
  nsgRule,
  policy,
  route,
  routeTable,
  subnet,
} from './helpers'

const [NEW1, NEW2, OLD] = ['20.118.99.224', '40.83.235.53', '23.102.135.246']

function pathOf(paths: KmsPath[], address: string, subnetName = 'snet-app'): KmsPath {
  const p = paths.find(
    (x) =>
      x.kms.address === address &&
      (x.subnet ? x.subnet.name.known && x.subnet.name.value === subnetName : true),
  )
  if (!p) throw new Error(`no path for ${address}`)
  return p
}

/** A spoke subnet routed to the hub firewall at 10.0.1.4. */
function spoke(extra: Parameters<typeof model>[0] = {}, prefix = '10.1.0.0/24') {
  const rt = routeTable('rt', 'rt-spoke', [['0.0.0.0/0', 'VirtualAppliance', '10.0.1.4']])
  return model({
    routeTables: [rt],
    subnets: [subnet('snet', 'snet-app', [prefix], { routeTable: 'rt' })],
    ...extra,
  })
}

describe('analyze: routes', () => {
  test('one path per subnet and KMS address; reserved subnets are not sources', () => {
    const m = model({
      subnets: [subnet('a', 'snet-app', ['10.1.0.0/24']), subnet('g', 'GatewaySubnet', ['10.0.0.0/27'])],
    })
    const a = analyze(m, 'AzureCloud')
    expect(a.paths.map((p) => p.kms.address)).toEqual([NEW1, NEW2, OLD])
    expect(a.paths.every((p) => p.verdict === 'reaches' && p.outcome === 'internet')).toBe(true)
    expect(a.paths[0]!.text).toBe('snet-app → system route 0.0.0.0/0 → Internet')
  })

  test('forced tunnel: blocked at the 0.0.0.0/0 route, bypassed addresses reach', () => {
    const rt = routeTable('rt', 'rt-spoke', [
      ['0.0.0.0/0', 'VirtualNetworkGateway'],
      [`${NEW1}/32`, 'Internet'],
    ])
    const m = model({
      routeTables: [rt],
      subnets: [subnet('s', 'snet-app', ['10.1.0.0/24'], { routeTable: 'rt' })],
    })
    const a = analyze(m, 'AzureCloud')
    expect(pathOf(a.paths, NEW1).verdict).toBe('reaches')
    const p = pathOf(a.paths, NEW2)
    expect(p.verdict).toBe('blocked')
    expect(p.outcome).toBe('gateway')
    expect(p.decidingRoute).toBe(rt.routes[0])
    expect(p.text).toBe('snet-app → rt-spoke: 0.0.0.0/0 → VirtualNetworkGateway')
  })

  test('None and VnetLocal drop the request; an unknown appliance is unverified', () => {
    const rt = routeTable('rt', 'rt', [
      [`${NEW1}/32`, 'None'],
      [`${NEW2}/32`, 'VnetLocal'],
      ['0.0.0.0/0', 'VirtualAppliance', '10.9.9.9'],
    ])
    const a = analyze(
      model({ routeTables: [rt], subnets: [subnet('s', 'snet-app', ['10.1.0.0/24'], { routeTable: 'rt' })] }),
      'AzureCloud',
    )
    expect(pathOf(a.paths, NEW1).outcome).toBe('none')
    expect(pathOf(a.paths, NEW2).outcome).toBe('vnetLocal')
    expect(pathOf(a.paths, NEW2).verdict).toBe('blocked')
    expect(pathOf(a.paths, OLD).verdict).toBe('unverified')
    expect(pathOf(a.paths, OLD).outcome).toBe('appliance')
  })

  test('route tables no subnet uses are judged on their own', () => {
    const rt = routeTable('rt', 'rt-unused', [['0.0.0.0/0', 'VirtualNetworkGateway']])
    const a = analyze(model({ routeTables: [rt] }), 'AzureCloud')
    expect(a.paths).toHaveLength(3)
    expect(a.paths[0]!.subnet).toBeUndefined()
    expect(a.paths[0]!.text).toBe('rt-unused: 0.0.0.0/0 → VirtualNetworkGateway')
  })

  test('unresolved route table reference gives an unknown verdict naming it', () => {
    const s = subnet('s', 'snet-app', ['10.1.0.0/24'], {
      routeTable: unknown('module.net.route_table_id', 'module output'),
    })
    const a = analyze(model({ subnets: [s] }), 'AzureCloud')
    const p = pathOf(a.paths, NEW1)
    expect(p.verdict).toBe('unknown')
    expect(p.unknowns.map((u) => u.value.expression)).toEqual(['module.net.route_table_id'])
    expect(p.unknowns[0]!.attribute).toBe('routeTableId')
    expect(p.unknowns[0]!.object).toBe(s)
  })

  test('private subnet without NAT gateway has no way out; a NAT gateway or a firewall route fixes it', () => {
    const a = analyze(
      model({ subnets: [subnet('s', 'snet-app', ['10.1.0.0/24'], { outbound: false })] }),
      'AzureCloud',
    )
    expect(pathOf(a.paths, NEW1).outcome).toBe('noOutbound')
    expect(pathOf(a.paths, NEW1).deciding?.id).toBe('s')
    const withNat = analyze(
      model({ subnets: [subnet('s', 'snet-app', ['10.1.0.0/24'], { outbound: false, nat: 'ng' })] }),
      'AzureCloud',
    )
    expect(pathOf(withNat.paths, NEW1).verdict).toBe('reaches')
  })
})

describe('analyze: Azure Firewall', () => {
  const allowKms = (destinations: string[], extra: Parameters<typeof fwRule>[1] = {}) =>
    fwRule('allow-kms', { destinations, ...extra })

  test('policy network rule allowing the current addresses lets them out; the legacy one is denied', () => {
    const pol = policy('pol', [
      group('g', 'pol', 100, [collection('c', 100, 'Allow', [allowKms([NEW1, NEW2])])]),
    ])
    const a = analyze(
      spoke({ firewalls: [firewall('fw', '10.0.1.4', { policy: 'pol' })], firewallPolicies: [pol] }),
      'AzureCloud',
    )
    const p = pathOf(a.paths, NEW1)
    expect(p.verdict).toBe('reaches')
    expect(p.text).toBe(
      'snet-app → rt-spoke: 0.0.0.0/0 → VirtualAppliance 10.0.1.4 → fw: rule allow-kms (Allow) → Internet',
    )
    const old = pathOf(a.paths, OLD)
    expect(old.outcome).toBe('firewallDenied')
    expect(old.firewall?.rule).toBeUndefined()
    expect(old.deciding?.id).toBe('rt.route.r0')
  })

  test('first match decides: a deny collection with a lower priority number wins', () => {
    const deny = collection('deny', 100, 'Deny', [
      fwRule('deny-all', { destinations: ['*'], ports: ['*'], protocols: ['Any'] }),
    ])
    const allow = collection('allow', 200, 'Allow', [allowKms(['AzureCloud'])])
    const fw = firewall('fw', '10.0.1.4', { classic: [allow, deny] })
    const p = pathOf(analyze(spoke({ firewalls: [fw] }), 'AzureCloud').paths, NEW1)
    expect(p.outcome).toBe('firewallDenied')
    expect(p.firewall?.rule?.id).toBe('deny-all')
    expect(p.deciding?.id).toBe('deny-all')
  })

  test('base policy groups are evaluated before the child policy', () => {
    const basePol = policy('base', [
      group('bg', 'base', 500, [
        collection('bc', 500, 'Deny', [fwRule('base-deny', { destinations: ['*'] })]),
      ]),
    ])
    const child = policy(
      'child',
      [group('cg', 'child', 100, [collection('cc', 100, 'Allow', [allowKms(['*'])])])],
      { base: 'base' },
    )
    const m = spoke({
      firewalls: [firewall('fw', '10.0.1.4', { policy: 'child' })],
      firewallPolicies: [basePol, child],
    })
    const p = pathOf(analyze(m, 'AzureCloud').paths, NEW1)
    expect(p.firewall?.rule?.id).toBe('base-deny')
    expect(p.firewall?.policy?.id).toBe('child')
    expect(p.verdict).toBe('blocked')
  })

  test('a child policy that allows KMS, whose one base policy is not in the scan: undecided, the base comes first', () => {
    const child = policy(
      'child',
      [group('cg', 'child', 100, [collection('cc', 100, 'Allow', [allowKms([NEW1, NEW2])])])],
      { base: 'base-elsewhere' },
    )
    const m = spoke({
      firewalls: [firewall('fw', '10.0.1.4', { policy: 'child' })],
      firewallPolicies: [child],
    })
    const p = pathOf(analyze(m, 'AzureCloud').paths, NEW1)
    expect(p.firewall?.action).toBe('unknown')
    expect(p.verdict).toBe('unknown')
    expect(p.unknowns.map((u) => [u.attribute, u.value.expression, u.value.reason])).toEqual([
      ['basePolicyId', 'base-elsewhere', 'base policy not in the scanned sources'],
    ])
  })

  test('application rules never match KMS; unmatched traffic is denied', () => {
    const app = collection(
      'app',
      100,
      'Allow',
      [fwRule('web', { destinations: ['*'], ports: ['*'] })],
      'application',
    )
    const p = pathOf(
      analyze(spoke({ firewalls: [firewall('fw', '10.0.1.4', { classic: [app] })] }), 'AzureCloud').paths,
      NEW1,
    )
    expect(p.firewall?.action).toBe('Deny')
    expect(p.text).toContain('no rule matched')
    expect(p.firewall?.rule).toBeUndefined()
    expect(p.verdict).toBe('blocked')
  })

  test('protocol and port must match', () => {
    const rules = [
      fwRule('udp', { destinations: ['*'], protocols: ['UDP'] }),
      fwRule('https', { destinations: ['*'], ports: ['443'] }),
      fwRule('range', { destinations: ['*'], ports: ['1600-1700'] }),
    ]
    const fw = firewall('fw', '10.0.1.4', { classic: [collection('c', 100, 'Allow', rules)] })
    expect(pathOf(analyze(spoke({ firewalls: [fw] }), 'AzureCloud').paths, NEW1).firewall?.rule?.id).toBe(
      'range',
    )
  })

  test('FQDN rules match only with DNS proxy on; the legacy FQDN reaches only 20.118.99.224', () => {
    const mk = (dnsProxy: boolean, fqdn: string) => {
      const pol = policy(
        'pol',
        [group('g', 'pol', 100, [collection('c', 100, 'Allow', [allowKms([], { fqdns: [fqdn] })])])],
        { dnsProxy },
      )
      return analyze(
        spoke({ firewalls: [firewall('fw', '10.0.1.4', { policy: 'pol' })], firewallPolicies: [pol] }),
        'AzureCloud',
      )
    }
    expect(pathOf(mk(true, 'azkms.core.windows.net').paths, NEW2).verdict).toBe('reaches')
    expect(pathOf(mk(false, 'azkms.core.windows.net').paths, NEW2).verdict).toBe('blocked')
    const legacy = mk(true, 'kms.core.windows.net')
    expect(pathOf(legacy.paths, NEW1).verdict).toBe('reaches')
    expect(pathOf(legacy.paths, NEW2).verdict).toBe('blocked')
    expect(pathOf(legacy.paths, OLD).verdict).toBe('blocked')
  })

  test('destination IP groups are resolved through the model', () => {
    const fw = firewall('fw', '10.0.1.4', {
      classic: [collection('c', 100, 'Allow', [allowKms([], { ipGroups: ['ipg'] })])],
    })
    const m = spoke({ firewalls: [fw], ipGroups: [ipGroup('ipg', ['20.118.99.0/24'])] })
    const a = analyze(m, 'AzureCloud')
    expect(pathOf(a.paths, NEW1).verdict).toBe('reaches')
    expect(pathOf(a.paths, NEW2).verdict).toBe('blocked')
  })

  test('sources: must contain the subnet; unknown subnet prefixes make the verdict unknown', () => {
    const fw = () =>
      firewall('fw', '10.0.1.4', {
        classic: [collection('c', 100, 'Allow', [allowKms(['*'], { sources: ['10.1.0.0/16'] })])],
      })
    expect(pathOf(analyze(spoke({ firewalls: [fw()] }), 'AzureCloud').paths, NEW1).verdict).toBe('reaches')
    expect(
      pathOf(analyze(spoke({ firewalls: [fw()] }, '10.2.0.0/24'), 'AzureCloud').paths, NEW1).verdict,
    ).toBe('blocked')
    const m = spoke({ firewalls: [fw()] })
    m.subnets[0]!.addressPrefixes = unknown('var.prefixes')
    const p = pathOf(analyze(m, 'AzureCloud').paths, NEW1)
    expect(p.verdict).toBe('unknown')
    expect(p.unknowns.map((u) => u.value.expression)).toContain('var.prefixes')
    expect(p.unknowns.map((u) => u.value.expression)).toEqual(['var.prefixes'])
    expect(p.unknowns[0]!.attribute).toBe('addressPrefixes')
  })

  test('an unknown-source allow before a definite deny leaves the verdict unknown', () => {
    const rules = [allowKms(['*'], { sources: unknown('var.spoke_ranges') })]
    const deny = collection('deny', 200, 'Deny', [fwRule('deny', { destinations: ['*'] })])
    const fw = firewall('fw', '10.0.1.4', { classic: [collection('c', 100, 'Allow', rules), deny] })
    const p = pathOf(analyze(spoke({ firewalls: [fw] }), 'AzureCloud').paths, NEW1)
    expect(p.verdict).toBe('unknown')
    expect(p.unknowns[0]!.value.expression).toBe('var.spoke_ranges')
    expect(p.unknowns.map((u) => u.value.expression)).toEqual(['var.spoke_ranges'])
    expect(p.firewall?.action).toBe('unknown')
  })

  test('next hop is the firewall computed private address (unknown with a ref)', () => {
    const rt = routeTable('rt', 'rt-spoke', [
      route(
        'rt',
        'd',
        '0.0.0.0/0',
        'VirtualAppliance',
        unknown('azurerm_firewall.hub.ip_configuration[0].private_ip_address', 'computed', undefined, {
          resource: 'azurerm_firewall.hub',
          attribute: 'ip_configuration[0].private_ip_address',
        }),
      ),
    ])
    const fw = firewall('azurerm_firewall.hub', unknown('computed'), {
      classic: [collection('c', 100, 'Allow', [allowKms(['*'])])],
    })
    const m = model({
      routeTables: [rt],
      firewalls: [fw],
      subnets: [subnet('s', 'snet-app', ['10.1.0.0/24'], { routeTable: 'rt' })],
    })
    const p = pathOf(analyze(m, 'AzureCloud').paths, NEW1)
    expect(p.verdict).toBe('reaches')
    expect(p.firewall?.firewall).toBe(fw)
    expect(p.firewall?.rule?.id).toBe('allow-kms')
  })

  test('forced-tunnelling firewall: its subnet route to the gateway still breaks activation', () => {
    const fwRt = routeTable('rt-fw', 'rt-fw', [['0.0.0.0/0', 'VirtualNetworkGateway']])
    const fwSubnet = subnet('afs', 'AzureFirewallSubnet', ['10.0.1.0/26'], { routeTable: 'rt-fw' })
    const fw = firewall('fw', '10.0.1.4', {
      classic: [collection('c', 100, 'Allow', [allowKms(['*'])])],
      forcedTunnelling: true,
      subnet: 'afs',
    })
    const m = spoke({ firewalls: [fw] })
    m.routeTables.push(fwRt)
    m.subnets.push(fwSubnet)
    const a = analyze(m, 'AzureCloud')
    expect(a.paths.some((p) => p.subnet?.id === 'afs')).toBe(false)
    const p = pathOf(a.paths, NEW1)
    expect(p.outcome).toBe('gateway')
    expect(p.decidingRoute?.id).toBe('rt-fw.route.r0')
    expect(p.text).toContain('AzureFirewallSubnet → rt-fw: 0.0.0.0/0 → VirtualNetworkGateway')
    // Without forced tunnelling the firewall's own public address is used.
    fw.forcedTunnelling = false
    expect(pathOf(analyze(m, 'AzureCloud').paths, NEW1).verdict).toBe('reaches')
  })
})

describe('analyze: NSG and the platform exception', () => {
  const denyKms = () =>
    nsgRule('nsg', 'deny-internet', { priority: 100, access: 'Deny', destinations: ['Internet'] })

  test('a deny with the platform exception on does not block (relies on it)', () => {
    const s = subnet('s', 'snet-app', ['10.1.0.0/24'], { nsg: 'nsg' })
    const a = analyze(model({ subnets: [s], nsgs: [nsg('nsg', 'nsg-app', [denyKms()])] }), 'AzureCloud')
    const p = pathOf(a.paths, NEW1)
    expect(p.nsg?.access).toBe('Deny')
    expect(p.nsg?.platformException).toBe(true)
    expect(p.verdict).toBe('reaches')
  })

  test('a user 0.0.0.0/0 route turns the exception off: the deny blocks', () => {
    const rt = routeTable('rt', 'rt', [
      ['0.0.0.0/0', 'VirtualNetworkGateway'],
      [`${NEW1}/32`, 'Internet'],
    ])
    const s = subnet('s', 'snet-app', ['10.1.0.0/24'], { nsg: 'nsg', routeTable: 'rt' })
    const a = analyze(
      model({ subnets: [s], routeTables: [rt], nsgs: [nsg('nsg', 'nsg-app', [denyKms()])] }),
      'AzureCloud',
    )
    const p = pathOf(a.paths, NEW1)
    expect(p.nsg?.platformException).toBe(false)
    expect(p.verdict).toBe('blocked')
    expect(p.deciding?.id).toBe('nsg.security_rule.deny-internet')
    expect(p.text).toContain('[nsg-app: deny-internet Deny]')
  })

  test('a rule denying AzurePlatformLKM turns the exception off', () => {
    const r = nsgRule('nsg', 'deny-lkm', {
      priority: 100,
      access: 'Deny',
      destinations: ['AzurePlatformLKM'],
    })
    const s = subnet('s', 'snet-app', ['10.1.0.0/24'], { nsg: 'nsg' })
    const p = pathOf(
      analyze(model({ subnets: [s], nsgs: [nsg('nsg', 'nsg', [r])] }), 'AzureCloud').paths,
      NEW2,
    )
    expect(p.nsg?.platformException).toBe(false)
    expect(p.verdict).toBe('blocked')
  })

  test('priority order; non-matching rules are skipped; default rules allow Internet', () => {
    const rules = [
      nsgRule('nsg', 'deny', { priority: 200, access: 'Deny', destinations: ['*'] }),
      nsgRule('nsg', 'allow-kms', {
        priority: 100,
        access: 'Allow',
        destinations: [`${NEW1}/32`],
        ports: ['1688'],
      }),
      nsgRule('nsg', 'deny-storage', { priority: 50, access: 'Deny', destinations: ['Storage'] }),
      nsgRule('nsg', 'deny-udp', { priority: 60, access: 'Deny', protocol: 'Udp' }),
      nsgRule('nsg', 'deny-in', { priority: 70, access: 'Deny', direction: 'Inbound' }),
    ]
    const s = subnet('s', 'snet-app', ['10.1.0.0/24'], { nsg: 'nsg' })
    const a = analyze(model({ subnets: [s], nsgs: [nsg('nsg', 'nsg', rules)] }), 'AzureCloud')
    expect(pathOf(a.paths, NEW1).nsg?.rule?.id).toBe('nsg.security_rule.allow-kms')
    expect(pathOf(a.paths, NEW2).nsg?.rule?.id).toBe('nsg.security_rule.deny')
    const open = analyze(model({ subnets: [s], nsgs: [nsg('nsg', 'nsg', [])] }), 'AzureCloud')
    expect(pathOf(open.paths, NEW1).nsg?.defaultRule).toBe('AllowInternetOutBound')
  })
})
