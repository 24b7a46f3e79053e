/** Unresolved values flow through as unknown, named, never as a guessed default. */
import { analyze } from '../../src/analysis'
import { policyDnsProxy } from '../../src/analysis/firewall'
import { indexModel } from '../../src/analysis/lookup'
import type { KmsPath } from '../../src/analysis/types'
import type { EffectiveRouteEntry, NetworkModel } from '../../src/model/network'
import { known, unknown } from '../../src/model/value'
import {
  collection,
  firewall,
  fwRule,
  group,
  model,
  nsg,
  nsgRule,
  policy,
  routeTable,
  subnet,
} from './helpers'

const NEW1 = '20.118.99.224'
const NIC = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/nic-01'

function pathOf(m: NetworkModel, address = NEW1): KmsPath {
  const p = analyze(m, 'AzureCloud').paths.find((x) => x.kms.address === address && x.subnet?.id === 's')
  if (!p) throw new Error(`no path for ${address}`)
  return p
}

const expressions = (p: KmsPath) => p.unknowns.map((u) => u.value.expression)

/** A subnet with NSG `nsg` whose rule at 100 denies KMS (destination Internet). */
function denied(extraRules: ReturnType<typeof nsgRule>[], opts: Parameters<typeof subnet>[3] = {}) {
  const deny = nsgRule('nsg', 'deny-internet', { priority: 100, access: 'Deny', destinations: ['Internet'] })
  return model({
    subnets: [subnet('s', 'snet-app', ['10.1.0.0/24'], { nsg: 'nsg', ...opts })],
    nsgs: [nsg('nsg', 'nsg-app', [deny, ...extraRules])],
  })
}

describe('NSG: unresolved values', () => {
  test('an unresolved priority is named by its own expression', () => {
    const r = nsgRule('nsg', 'deny-all', { priority: unknown('var.deny_priority'), access: 'Deny' })
    const rt = routeTable('rt', 'rt', [['0.0.0.0/0', 'Internet']])
    const m = model({
      routeTables: [rt],
      subnets: [subnet('s', 'snet-app', ['10.1.0.0/24'], { nsg: 'nsg', routeTable: 'rt' })],
      nsgs: [nsg('nsg', 'nsg-app', [r])],
    })
    const p = pathOf(m)
    expect(p.nsg?.access).toBe('unknown')
    expect(p.nsg?.defaultRule).toBe('AllowInternetOutBound')
    expect(p.verdict).toBe('unknown')
    expect(expressions(p)).toEqual(['var.deny_priority'])
    expect(p.unknowns[0]!.attribute).toBe('priority')
    expect(p.unknowns[0]!.object).toBe(r)
  })

  test('a deny of AzurePlatformLKM with an unresolved direction leaves the platform exception unknown', () => {
    const lkm = nsgRule('nsg', 'deny-lkm', {
      priority: 200,
      access: 'Deny',
      destinations: ['AzurePlatformLKM'],
    })
    lkm.direction = unknown('var.direction')
    const p = pathOf(denied([lkm]))
    expect(p.nsg?.access).toBe('Deny')
    expect(p.nsg?.platformException).toBe('unknown')
    expect(p.verdict).toBe('unknown')
    expect(expressions(p)).toEqual(['var.direction'])
  })

  test('an AzurePlatformLKM rule with unresolved access leaves the platform exception unknown', () => {
    const lkm = nsgRule('nsg', 'lkm', { priority: 200, access: 'Deny', destinations: ['AzurePlatformLKM'] })
    lkm.access = unknown('var.access')
    const p = pathOf(denied([lkm]))
    expect(p.nsg?.platformException).toBe('unknown')
    expect(p.verdict).toBe('unknown')
    expect(expressions(p)).toEqual(['var.access'])
  })

  test('an outbound deny with unresolved destinations may deny AzurePlatformLKM', () => {
    const r = nsgRule('nsg', 'deny-some', { priority: 200, access: 'Deny' })
    r.destinationAddressPrefixes = unknown('var.blocked')
    const p = pathOf(denied([r]))
    expect(p.nsg?.access).toBe('Deny')
    expect(p.nsg?.platformException).toBe('unknown')
    expect(p.verdict).toBe('unknown')
    expect(expressions(p)).toEqual(['var.blocked'])
    // Known destinations without the tag: the exception applies and KMS gets out.
    r.destinationAddressPrefixes = known(['Storage'])
    const on = pathOf(denied([r]))
    expect(on.nsg?.platformException).toBe(true)
    expect(on.verdict).toBe('reaches')
  })

  test('an unresolved NSG reference is unknown even when the routes keep the platform exception on', () => {
    const m = model({
      subnets: [subnet('s', 'snet-app', ['10.1.0.0/24'], { nsg: unknown('module.sec.nsg_id') })],
    })
    const p = pathOf(m)
    expect(p.outcome).toBe('internet')
    expect(p.verdict).toBe('unknown')
    expect(expressions(p)).toEqual(['module.sec.nsg_id'])
  })

  test('an unresolved route table may override 0.0.0.0/0: the platform exception is unknown', () => {
    const p = pathOf(denied([], { routeTable: unknown('module.net.route_table_id') }))
    expect(p.nsg?.access).toBe('Deny')
    expect(p.nsg?.platformException).toBe('unknown')
    expect(p.verdict).toBe('unknown')
    // Named once, though both the route and the NSG side depend on it.
    expect(expressions(p)).toEqual(['module.net.route_table_id'])
  })

  test('a BGP 0.0.0.0/0 with unresolved BGP route propagation leaves the platform exception unknown', () => {
    const rt = routeTable('rt', 'rt', [[`${NEW1}/32`, 'Internet']])
    rt.bgpRoutePropagation = unknown('var.bgp')
    const bgp: EffectiveRouteEntry = {
      source: 'VirtualNetworkGateway',
      state: 'Active',
      addressPrefix: ['0.0.0.0/0'],
      nextHopType: 'VirtualNetworkGateway',
      nextHopIpAddress: ['10.0.255.4'],
    }
    const m = denied([], { routeTable: 'rt' })
    m.routeTables.push(rt)
    m.subnets[0]!.effectiveRoutes = { nicId: NIC, routes: [bgp] }
    const p = pathOf(m)
    expect(p.outcome).toBe('internet')
    expect(p.nsg?.platformException).toBe('unknown')
    expect(p.verdict).toBe('unknown')
    expect(expressions(p)).toEqual(['var.bgp'])
    expect(p.unknowns[0]!.attribute).toBe('bgpRoutePropagation')
  })
})

describe('Azure Firewall: unresolved values', () => {
  const spoke = (extra: Partial<NetworkModel>) =>
    model({
      routeTables: [routeTable('rt', 'rt-spoke', [['0.0.0.0/0', 'VirtualAppliance', '10.0.1.4']])],
      subnets: [subnet('s', 'snet-app', ['10.1.0.0/24'], { routeTable: 'rt' })],
      ...extra,
    })
  const fqdnPolicy = () =>
    policy('pol', [
      group('g', 'pol', 100, [
        collection('c', 100, 'Allow', [fwRule('kms', { fqdns: ['azkms.core.windows.net'] })]),
      ]),
    ])

  test('an unresolved DNS proxy setting is named when an FQDN rule depends on it', () => {
    const pol = fqdnPolicy()
    pol.dnsProxy = unknown('var.dns_proxy')
    const p = pathOf(
      spoke({ firewalls: [firewall('fw', '10.0.1.4', { policy: 'pol' })], firewallPolicies: [pol] }),
    )
    expect(p.firewall?.dnsProxy).toBe('unknown')
    expect(p.firewall?.action).toBe('unknown')
    expect(p.verdict).toBe('unknown')
    expect(expressions(p)).toEqual(['var.dns_proxy'])
    expect(p.unknowns[0]!.attribute).toBe('dnsProxy')
  })

  test('a child policy and its base with different DNS proxy settings: the child’s own setting wins', () => {
    // FQDN network rules in the child match only when DNS proxy is on for the firewall's policy.
    const verdictWith = (child: boolean | undefined, base: boolean) => {
      const pol = fqdnPolicy()
      pol.basePolicyId = known('base')
      if (child !== undefined) pol.dnsProxy = known(child)
      const basePol = policy('base', [], { dnsProxy: base })
      const m = spoke({
        firewalls: [firewall('fw', '10.0.1.4', { policy: 'pol' })],
        firewallPolicies: [pol, basePol],
      })
      return [policyDnsProxy(pol, indexModel(m)), pathOf(m).firewall?.action]
    }
    expect(verdictWith(true, false)).toEqual([true, 'Allow'])
    expect(verdictWith(false, true)).toEqual([false, 'Deny'])
    // Not set in the child: inherited from the base.
    expect(verdictWith(undefined, true)).toEqual([true, 'Allow'])
    expect(verdictWith(undefined, false)).toEqual([false, 'Deny'])
  })

  test('DNS proxy not set by a policy whose base policy does not resolve is unknown, not off', () => {
    const child = fqdnPolicy()
    child.basePolicyId = unknown('var.base_policy_id')
    const m = spoke({ firewalls: [firewall('fw', '10.0.1.4', { policy: 'pol' })], firewallPolicies: [child] })
    expect(policyDnsProxy(child, indexModel(m))).toBe('unknown')
    const p = pathOf(m)
    expect(p.firewall?.dnsProxy).toBe('unknown')
    expect(p.verdict).toBe('unknown')
    expect(expressions(p)).toEqual(['var.base_policy_id'])
  })

  test('a forced-tunnelling firewall without a subnet in the sources: its way out is unknown', () => {
    const fw = firewall('fw', '10.0.1.4', {
      classic: [collection('c', 100, 'Allow', [fwRule('kms', { destinations: ['*'] })])],
      forcedTunnelling: true,
    })
    const p = pathOf(spoke({ firewalls: [fw] }))
    expect(p.firewall?.action).toBe('Allow')
    expect(p.outcome).toBe('unknown')
    expect(p.verdict).toBe('unknown')
    expect(expressions(p)).toEqual(['subnet of fw'])
    expect(p.unknowns[0]!.object).toBe(fw)
  })
})

test('a literal next hop with a modelled firewall whose address is not known yet is unknown, not an appliance', () => {
  const fwIp = unknown(
    'azurerm_firewall.hub.ip_configuration[0].private_ip_address',
    'computed at apply time',
  )
  const withFirewall = model({
    subnets: [subnet('s', 'snet-app', ['10.1.0.0/24'], { routeTable: 'rt' })],
    routeTables: [routeTable('rt', 'rt-spoke', [['0.0.0.0/0', 'VirtualAppliance', '10.0.0.4']])],
    firewalls: [firewall('fw', fwIp)],
  })
  const p = pathOf(withFirewall)
  expect(p.verdict).toBe('unknown')
  expect(expressions(p)).toEqual(['azurerm_firewall.hub.ip_configuration[0].private_ip_address'])
  // With no firewall in the model the hop is an appliance nobody can verify.
  const nvaOnly = { ...withFirewall, firewalls: [] }
  expect(pathOf(nvaOnly).verdict).toBe('unverified')
})
