import { analyze } from '../../src/analysis'
import type { KmsPath } from '../../src/analysis/types'
import type { EffectiveRouteEntry, NetworkModel, RouteTable, Subnet } from '../../src/model/network'
import { known, unknown } from '../../src/model/value'
import { runRules } from '../../src/rules'
import { fixText } from '../../src/report/fix'
import type { Finding } from '../../src/rules/types'
import { collection, firewall, fwRule, model, nsg, nsgRule, route, routeTable, subnet } from './helpers'

const [NEW1, NEW2, OLD] = ['20.118.99.224', '40.83.235.53', '23.102.135.246']
const NIC = '/subscriptions/s1/resourceGroups/rg-app/providers/Microsoft.Network/networkInterfaces/nic-app-01'

function entry(
  source: EffectiveRouteEntry['source'],
  prefix: string,
  hop: string,
  opts: { ip?: string; state?: 'Active' | 'Invalid'; name?: string; override?: boolean } = {},
): EffectiveRouteEntry {
  const e: EffectiveRouteEntry = {
    source,
    state: opts.state ?? 'Active',
    addressPrefix: [prefix],
    nextHopType: hop,
    nextHopIpAddress: opts.ip ? [opts.ip] : [],
  }
  if (opts.name) e.name = opts.name
  if (opts.override !== undefined) e.hasBgpOverride = opts.override
  return e
}

/** What Azure reports for a NIC in a vnet whose gateway learns 0.0.0.0/0 from on-premises. */
const VNET = entry('Default', '10.1.0.0/16', 'VnetLocal')
// Azure marks the system default route Invalid once a BGP or user 0.0.0.0/0 overrides it.
const SYSTEM_DEFAULT_OVERRIDDEN = entry('Default', '0.0.0.0/0', 'Internet', { state: 'Invalid' })
const BGP_DEFAULT = entry('VirtualNetworkGateway', '0.0.0.0/0', 'VirtualNetworkGateway', { ip: '10.0.255.4' })

const bypassRoutes = (addresses: string[]): [string, string][] =>
  addresses.map((a) => [`${a}/32`, 'Internet'])

function live(
  routes: EffectiveRouteEntry[],
  opts: { table?: RouteTable | string; nsg?: string } = {},
): { subnet: Subnet; tables: RouteTable[] } {
  const tableId = typeof opts.table === 'string' ? opts.table : opts.table?.id
  const s = subnet('s-app', 'snet-app', ['10.1.0.0/24'], {
    ...(tableId ? { routeTable: tableId } : {}),
    ...(opts.nsg ? { nsg: opts.nsg } : {}),
  })
  s.effectiveRoutes = { nicId: NIC, routes }
  return { subnet: s, tables: opts.table && typeof opts.table !== 'string' ? [opts.table] : [] }
}

function build(
  routes: EffectiveRouteEntry[],
  opts: Parameters<typeof live>[1] = {},
  extra: Partial<NetworkModel> = {},
) {
  const { subnet: s, tables } = live(routes, opts)
  return model({ routeTables: tables, subnets: [s], ...extra })
}

function pathOf(m: NetworkModel, address: string): KmsPath {
  const p = analyze(m, 'AzureCloud').paths.find((x) => x.kms.address === address)
  if (!p) throw new Error(`no path for ${address}`)
  return p
}

const run = (m: NetworkModel): Finding[] =>
  runRules({ cloud: 'AzureCloud', model: m, analysis: analyze(m, 'AzureCloud') })
const only = (fs: Finding[], id: string) => fs.filter((f) => f.ruleId === id)

describe('effective routes in the analysis', () => {
  test('a 0.0.0.0/0 learned over BGP forces KMS on-premises; the subnet stands for the route', () => {
    const m = build([VNET, SYSTEM_DEFAULT_OVERRIDDEN, BGP_DEFAULT])
    const p = pathOf(m, NEW1)
    expect(p.selection.winner).toEqual({ kind: 'effective', route: BGP_DEFAULT, prefix: '0.0.0.0/0' })
    expect(p.outcome).toBe('gateway')
    expect(p.verdict).toBe('blocked')
    expect(p.text).toBe('snet-app → effective routes (nic-app-01): 0.0.0.0/0 → VirtualNetworkGateway (BGP)')
    expect(p.decidingRoute).toBeUndefined()
    expect(p.decidingEffectiveRoute).toMatchObject({ nicId: NIC, prefix: '0.0.0.0/0', route: BGP_DEFAULT })
    expect(p.decidingEffectiveRoute!.subnet.name).toEqual(known('snet-app', p.subnet!.origin))
    expect(p.deciding).toBe(p.subnet)
  })

  test('without BGP routes the reported system default route lets KMS out', () => {
    const p = pathOf(build([VNET, entry('Default', '0.0.0.0/0', 'Internet')]), NEW1)
    expect(p.selection.winner).toEqual({ kind: 'system', prefix: '0.0.0.0/0' })
    expect(p.verdict).toBe('reaches')
    expect(p.text).toBe('snet-app → effective routes (nic-app-01): 0.0.0.0/0 → Internet (system route)')
    expect(p.decidingEffectiveRoute).toBeUndefined()
  })

  test("the model's /32 bypass routes beat the BGP 0.0.0.0/0 on prefix length", () => {
    const rt = routeTable('rt', 'rt-spoke', bypassRoutes([NEW1, NEW2, OLD]))
    const m = build([VNET, SYSTEM_DEFAULT_OVERRIDDEN, BGP_DEFAULT], { table: rt })
    for (const a of [NEW1, NEW2, OLD]) {
      const p = pathOf(m, a)
      expect(p.verdict).toBe('reaches')
      expect(p.selection.winner?.kind).toBe('user')
    }
    expect(pathOf(m, NEW1).text).toBe(
      `snet-app → effective routes (nic-app-01): ${NEW1}/32 → Internet (user route r0 in rt-spoke)`,
    )
  })

  test("the model's route table stands in for the reported user routes (a pull request deletes a bypass)", () => {
    // Deployed: a bypass for NEW1. The model's table (the pull request) no longer has it.
    const reported = [VNET, SYSTEM_DEFAULT_OVERRIDDEN, BGP_DEFAULT, entry('User', `${NEW1}/32`, 'Internet')]
    const rt = routeTable('rt', 'rt-spoke', [])
    expect(pathOf(build(reported, { table: rt }), NEW1).outcome).toBe('gateway')
    // When the association does not resolve in the model, the deployed routes are all there is.
    const p = pathOf(build(reported, { table: 'rt-elsewhere' }), NEW1)
    expect(p.outcome).toBe('internet')
    expect(p.selection.winner?.kind).toBe('effective')
  })

  test('a user route Azure marks hasBgpOverride beats a longer BGP route; without it the BGP route wins', () => {
    const bgp24 = entry('VirtualNetworkGateway', '20.118.99.0/24', 'VirtualNetworkGateway', {
      ip: '10.0.255.4',
    })
    const withFlag = (override: boolean) => [
      VNET,
      entry('Default', '0.0.0.0/0', 'Internet'),
      bgp24,
      entry('User', '20.0.0.0/8', 'Internet', { name: 'azure-20', override }),
    ]
    // The table in the model has the same route; the flag (read-only in ARM) comes from the reported route.
    const rt = routeTable('rt', 'rt-spoke', [route('rt', 'azure-20', '20.0.0.0/8', 'Internet')])
    expect(pathOf(build(withFlag(true), { table: rt }), NEW1).outcome).toBe('internet')
    expect(pathOf(build(withFlag(false), { table: rt }), NEW1).outcome).toBe('gateway')
    expect(pathOf(build(withFlag(true), { table: 'unresolved-table' }), NEW1).outcome).toBe('internet')
  })

  test("BGP routes are dropped when the model's table disables BGP route propagation", () => {
    const rt = routeTable('rt', 'rt-spoke', [])
    rt.bgpRoutePropagation = known(false)
    const p = pathOf(build([VNET, SYSTEM_DEFAULT_OVERRIDDEN, BGP_DEFAULT], { table: rt }), NEW1)
    // The reported system route was Invalid only because of the BGP route: it applies again.
    expect(p.selection.winner).toEqual({ kind: 'system', prefix: '0.0.0.0/0' })
    expect(p.verdict).toBe('reaches')
    rt.bgpRoutePropagation = unknown('var.bgp')
    const u = pathOf(build([VNET, SYSTEM_DEFAULT_OVERRIDDEN, BGP_DEFAULT], { table: rt }), NEW1)
    expect(u.verdict).toBe('unknown')
    expect(u.unknowns.map((x) => x.attribute)).toEqual(['bgpRoutePropagation'])
    expect(u.unknowns.map((x) => x.value.expression)).toEqual(['var.bgp'])
  })

  test('a VirtualAppliance effective route leads to the firewall with that private address', () => {
    const reported = [
      VNET,
      SYSTEM_DEFAULT_OVERRIDDEN,
      entry('User', '0.0.0.0/0', 'VirtualAppliance', { ip: '10.0.1.4', name: 'to-fw' }),
    ]
    const allow = collection('allow', 100, 'Allow', [fwRule('allow.kms', { destinations: ['*'] })])
    const fwAllow = firewall('fw-hub', '10.0.1.4', { classic: [allow] })
    const p = pathOf(build(reported, { table: 'rt-elsewhere' }, { firewalls: [fwAllow] }), NEW1)
    expect(p.firewall?.firewall).toBe(fwAllow)
    expect(p.verdict).toBe('reaches')
    expect(p.text).toBe(
      'snet-app → effective routes (nic-app-01): 0.0.0.0/0 → VirtualAppliance 10.0.1.4 (user route to-fw, deployed)' +
        ' → fw-hub: rule kms (Allow) → Internet',
    )
    // A firewall that allows nothing: KMS003 at the subnet, as no route in code sent it there.
    const m = build(reported, { table: 'rt-elsewhere' }, { firewalls: [firewall('fw-hub', '10.0.1.4')] })
    expect(pathOf(m, NEW1).outcome).toBe('firewallDenied')
    const f = only(run(m), 'KMS003')
    expect(f).toHaveLength(1)
    expect(f[0]!.resource).toBe('s-app')
    expect(f[0]!.message).toContain('deployed user route to-fw (0.0.0.0/0) in the effective routes of subnet')
    // Another address: an appliance nothing models (KMS004, also at the subnet).
    const nva = build(reported, { table: 'rt-elsewhere' })
    expect(pathOf(nva, NEW1).outcome).toBe('appliance')
    const f4 = only(run(nva), 'KMS004')
    expect(f4.map((x) => x.resource)).toEqual(['s-app'])
    expect(f4[0]!.message).toContain('appliance at 10.0.1.4')
  })

  test('a next hop type the analysis does not know makes the verdict unknown, pointing at the subnet', () => {
    const p = pathOf(build([VNET, entry('VirtualNetworkGateway', '0.0.0.0/0', 'MysteryHop')]), NEW1)
    expect(p.verdict).toBe('unknown')
    expect(p.unknowns).toHaveLength(1)
    expect(p.unknowns[0]!.attribute).toBe('effectiveRoutes')
    expect(p.unknowns[0]!.object).toBe(p.subnet)
  })

  test('a BGP 0.0.0.0/0 in the effective routes turns the NSG platform exception off', () => {
    const deny = nsg('nsg', 'nsg-app', [nsgRule('nsg', 'deny-out', { priority: 4000, access: 'Deny' })])
    const rt = routeTable('rt', 'rt-spoke', bypassRoutes([NEW1, NEW2, OLD]))
    const withBgp = build(
      [VNET, SYSTEM_DEFAULT_OVERRIDDEN, BGP_DEFAULT],
      { table: rt, nsg: 'nsg' },
      { nsgs: [deny] },
    )
    const p = pathOf(withBgp, NEW1)
    expect(p.nsg?.platformException).toBe(false)
    expect(p.verdict).toBe('blocked')
    const f6 = only(run(withBgp), 'KMS006')
    expect(f6).toHaveLength(1)
    expect(f6[0]!.message).toContain('override 0.0.0.0/0 with a route learned over BGP')
    // The same subnet without the BGP route: the exception applies (KMS013, activation works).
    const noBgp = build(
      [VNET, entry('Default', '0.0.0.0/0', 'Internet')],
      { table: rt, nsg: 'nsg' },
      {
        nsgs: [deny],
      },
    )
    expect(pathOf(noBgp, NEW1).nsg?.platformException).toBe(true)
    expect(pathOf(noBgp, NEW1).verdict).toBe('reaches')
  })
})

describe('rules on effective routes', () => {
  test('KMS001 for a BGP default route points at the subnet and says it comes over BGP', () => {
    const rt = routeTable('rt', 'rt-spoke', [])
    const m = build([VNET, SYSTEM_DEFAULT_OVERRIDDEN, BGP_DEFAULT], { table: rt })
    const f = only(run(m), 'KMS001')
    expect(f).toHaveLength(1)
    const s = m.subnets[0]!
    expect(f[0]!.resource).toBe(s.address)
    expect(f[0]!.location).toEqual(s.origin)
    expect(f[0]!.kmsAddresses).toEqual([NEW1, NEW2])
    expect(f[0]!.path).toBe(
      'snet-app → effective routes (nic-app-01): 0.0.0.0/0 → VirtualNetworkGateway (BGP)',
    )
    expect(f[0]!.message).toContain(
      'route 0.0.0.0/0 learned over BGP in the effective routes of subnet snet-app',
    )
    expect(f[0]!.message).toContain('advertised over BGP from on-premises')
    expect(f[0]!.message).toContain(
      `Add /32 routes with next hop Internet for ${NEW1}, ${NEW2} and ${OLD} to rt-spoke`,
    )
    expect(f[0]!.message).toContain('hasBgpOverride')
    // The fix goes into the subnet's route table, in its format.
    expect(fixText(f[0]!)).toContain(`address_prefix = "${NEW2}/32"`)
  })

  test('KMS001 without a route table names the subnet to give one, and has no fix to paste', () => {
    const f = only(run(build([VNET, SYSTEM_DEFAULT_OVERRIDDEN, BGP_DEFAULT])), 'KMS001')
    expect(f).toHaveLength(1)
    expect(f[0]!.message).toContain('to a route table associated with snet-app')
    expect(f[0]!.fix).toBeUndefined()
  })

  test('a /32 user route for each KMS address beats the BGP 0.0.0.0/0: no KMS001, no KMS009', () => {
    const rt = routeTable('rt', 'rt-spoke', bypassRoutes([NEW1, NEW2, OLD]))
    const fs = run(build([VNET, SYSTEM_DEFAULT_OVERRIDDEN, BGP_DEFAULT], { table: rt }))
    expect(fs.map((f) => f.ruleId)).toEqual([])
  })

  test('current addresses bypassed, the legacy one follows BGP: KMS009 at the route table', () => {
    const rt = routeTable('rt', 'rt-spoke', bypassRoutes([NEW1, NEW2]))
    const fs = run(build([VNET, SYSTEM_DEFAULT_OVERRIDDEN, BGP_DEFAULT], { table: rt }))
    expect(fs.map((f) => f.ruleId)).toEqual(['KMS009'])
    expect(fs[0]!.resource).toBe('rt')
    expect(fs[0]!.kmsAddresses).toEqual([OLD])
    expect(fs[0]!.message).toContain('route 0.0.0.0/0 learned over BGP')
  })

  test('hasBgpOverride on a user route covering KMS: no KMS001 despite a more specific BGP route', () => {
    const bgp = entry('VirtualNetworkGateway', '20.0.0.0/6', 'VirtualNetworkGateway', { ip: '10.0.255.4' })
    const covering = (override: boolean) => [
      VNET,
      SYSTEM_DEFAULT_OVERRIDDEN,
      BGP_DEFAULT,
      bgp,
      entry('User', '0.0.0.0/1', 'Internet', { name: 'low-half', override }),
    ]
    const rt = routeTable('rt', 'rt-spoke', [route('rt', 'low-half', '0.0.0.0/1', 'Internet')])
    // NEW1 and NEW2 lie in 0.0.0.0/1; 20.0.0.0/6 covers NEW1 only.
    expect(only(run(build(covering(true), { table: rt })), 'KMS001')).toEqual([])
    const without = only(run(build(covering(false), { table: rt })), 'KMS001')
    expect(without).toHaveLength(1)
    expect(without[0]!.kmsAddresses).toEqual([NEW1])
    expect(without[0]!.message).toContain('route 20.0.0.0/6 learned over BGP')
  })

  test('KMS002 for a dropping effective route points at the subnet', () => {
    const reported = [
      VNET,
      SYSTEM_DEFAULT_OVERRIDDEN,
      entry('User', '0.0.0.0/0', 'None', { name: 'blackhole' }),
    ]
    const f = only(run(build(reported, { table: 'rt-elsewhere' })), 'KMS002')
    expect(f).toHaveLength(1)
    expect(f[0]!.resource).toBe('s-app')
    expect(f[0]!.message).toContain('deployed user route blackhole (0.0.0.0/0)')
  })
})
