import { AzureLogger, setLogLevel } from '@azure/logger'
import { generateInventory } from '../../helpers/arm-inventory'
import { LIVE_KINDS, readLiveNetwork } from '../../../src/sources/azure/read'
import type { Known } from '../../../src/model/value'
import {
  armError,
  startArmServer,
  staticCredential,
  TEST_TOKEN,
  type ArmServer,
} from '../../helpers/arm-server'
import {
  FW,
  FW_SUBNET,
  IPG,
  liveInventory,
  NAT,
  NSG_SPOKE,
  POLICY,
  RT_ELSEWHERE,
  RT_SPOKE,
  STRAY,
  SUB_A,
  SUB_DENIED,
  SUB_MISSING,
  WORKLOAD,
} from './fixture'

const k = <T>(v: { known: boolean } | undefined): T => {
  expect(v?.known).toBe(true)
  return (v as Known<T>).value
}

describe('readLiveNetwork against a fake ARM over HTTPS', () => {
  let server: ArmServer
  const credential = staticCredential()
  let throttled = 0
  const logs: string[] = []
  const originalLog = AzureLogger.log
  let result: Awaited<ReturnType<typeof readLiveNetwork>>

  beforeAll(async () => {
    server = await startArmServer({
      inventory: liveInventory(),
      pageSize: 2,
      intercept: (req) => {
        if (req.path.toLowerCase().includes(SUB_DENIED))
          return armError(
            403,
            'AuthorizationFailed',
            `The client 'ci' does not have authorization to perform action 'Microsoft.Network/routeTables/read' over scope '/subscriptions/${SUB_DENIED}'.`,
          )
        // The first route table listing of SUB_A is throttled once, as ARM does under load.
        if (req.path.endsWith('/routeTables') && req.path.includes(SUB_A) && throttled++ === 0)
          return { ...armError(429, 'TooManyRequests', 'throttled'), headers: { 'Retry-After': '1' } }
        return undefined
      },
    })
    // The SDK's own logging at its most verbose: the token must not appear in it either.
    setLogLevel('verbose')
    AzureLogger.log = (...args: unknown[]) => logs.push(args.map(String).join(' '))
    try {
      result = await readLiveNetwork({
        credential,
        subscriptionIds: [SUB_A, SUB_DENIED, SUB_MISSING],
        endpoint: server.url,
        clientOptions: server.clientOptions,
        concurrency: 3,
      })
    } finally {
      setLogLevel()
      AzureLogger.log = originalLog
    }
  })
  afterAll(() => server.close())

  it('names the unreadable subscriptions in one warning each and reads the others', () => {
    expect(result.warnings).toHaveLength(2)
    expect(result.warnings.find((w) => w.includes(SUB_DENIED))).toMatch(/HTTP 403 AuthorizationFailed/)
    expect(result.warnings.find((w) => w.includes(SUB_MISSING))).toMatch(/HTTP 404 SubscriptionNotFound/)
    expect(result.incomplete).toEqual([])
    expect(result.model.routeTables.length).toBe(5)
  })

  it('sends api-version and a bearer token on every request, with the token scope of the endpoint', () => {
    expect(server.requests.length).toBeGreaterThan(10)
    for (const r of server.requests) {
      expect(r.query['api-version']).toMatch(/^\d{4}-\d{2}-\d{2}/)
      expect(r.authorization).toBe(`Bearer ${TEST_TOKEN}`)
    }
    expect(credential.calls.every((s) => s.length === 1 && s[0] === `${server.url}/.default`)).toBe(true)
  })

  it('never writes the token into warnings or the SDK log', () => {
    expect(logs.length).toBeGreaterThan(0)
    expect(logs.join('\n')).not.toContain(TEST_TOKEN)
    expect(logs.join('\n')).toMatch(/authorization/i)
    expect(JSON.stringify(result)).not.toContain(TEST_TOKEN)
  })

  it('lists whole subscriptions and follows nextLink pages', () => {
    const paths = server.requests.map((r) => r.path.toLowerCase())
    for (const type of [
      'routetables',
      'virtualnetworks',
      'networksecuritygroups',
      'azurefirewalls',
      'firewallpolicies',
      'ipgroups',
      'natgateways',
    ])
      expect(paths).toContain(`/subscriptions/${SUB_A}/providers/microsoft.network/${type}`)
    const pages = server.requests.filter((r) => r.path.endsWith('/routeTables') && r.path.includes(SUB_A))
    // 5 tables at 2 per page: 3 pages, plus the throttled first attempt.
    expect(pages.map((r) => r.query.$skiptoken ?? '0')).toEqual(['0', '0', '2', '4'])
    expect(paths).toContain(
      `/subscriptions/${SUB_A}/resourcegroups/rg-hub/providers/microsoft.network/firewallpolicies/fwp-hub/rulecollectiongroups`,
    )
  })

  it('retries a 429 after its Retry-After', () => {
    const [first, second] = server.requests.filter(
      (r) => r.path.endsWith('/routeTables') && r.path.includes(SUB_A),
    )
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950)
    expect(result.model.routeTables.map((t) => t.id)).toContain(RT_SPOKE.toLowerCase())
  })

  it('maps route tables with lowercased ids, ARM ids as origin and address', () => {
    const rt = result.model.routeTables.find((t) => t.id === RT_SPOKE.toLowerCase())!
    expect(rt).toMatchObject({
      format: 'live',
      sourceType: 'Microsoft.Network/routeTables',
      address: RT_SPOKE,
      origin: { file: RT_SPOKE, startLine: 1, endLine: 1 },
      name: { known: true, value: 'rt-Spoke' },
      bgpRoutePropagation: { known: true, value: true },
    })
    expect(
      rt.routes.map((r) => [
        r.id,
        k(r.addressPrefix),
        k(r.nextHopType),
        r.nextHopIpAddress?.known ? r.nextHopIpAddress.value : undefined,
      ]),
    ).toEqual([
      [`${RT_SPOKE}/routes/default`.toLowerCase(), '0.0.0.0/0', 'VirtualAppliance', '10.0.1.4'],
      [`${RT_SPOKE}/routes/kms`.toLowerCase(), '20.118.99.224/32', 'Internet', undefined],
    ])
    expect(rt.routes[0]!.routeTableId).toBe(rt.id)
    const filler = result.model.routeTables.find((t) => t.address.endsWith('rt-filler-0'))!
    expect(filler.bgpRoutePropagation).toEqual(expect.objectContaining({ known: true, value: false }))
  })

  it('maps subnets with their associations, and a reference to an unread table as Unknown', () => {
    const workload = result.model.subnets.find((s) => s.id === WORKLOAD.toLowerCase())!
    expect(k(workload.vnetName)).toBe('vnet-spoke')
    expect(k(workload.addressPrefixes)).toEqual(['10.1.1.0/24'])
    expect(k(workload.routeTableId)).toBe(RT_SPOKE.toLowerCase())
    expect(k(workload.nsgId)).toBe(NSG_SPOKE.toLowerCase())
    expect(k(workload.natGatewayId)).toBe(NAT.toLowerCase())
    expect(k(workload.defaultOutboundAccess)).toBe(false)
    const stray = result.model.subnets.find((s) => s.id === STRAY.toLowerCase())!
    expect(stray.routeTableId).toMatchObject({ known: false, ref: { resource: RT_ELSEWHERE.toLowerCase() } })
    expect(stray.defaultOutboundAccess).toBeUndefined()
    expect(result.model.subnets.map((s) => s.id)).toContain(FW_SUBNET.toLowerCase())
  })

  it('keeps NSG security rules and leaves the default rules to the analysis', () => {
    const nsg = result.model.nsgs.find((n) => n.id === NSG_SPOKE.toLowerCase())!
    expect(nsg.rules).toHaveLength(1)
    const rule = nsg.rules[0]!
    expect([k(rule.priority), k(rule.direction), k(rule.access), k(rule.protocol)]).toEqual([
      100,
      'Outbound',
      'Allow',
      'Tcp',
    ])
    expect(k(rule.destinationAddressPrefixes)).toEqual(['20.118.99.224', '40.83.235.53'])
    expect(k(rule.destinationPortRanges)).toEqual(['1688'])
    expect(k(rule.sourceAddressPrefixes)).toEqual(['*'])
    expect(rule.nsgId).toBe(nsg.id)
  })

  it('maps the firewall: address, subnet, policy, forced tunnelling, DNS proxy, classic rules', () => {
    const fw = result.model.firewalls.find((f) => f.id === FW.toLowerCase())!
    expect(k(fw.privateIpAddress)).toBe('10.0.1.4')
    expect(k(fw.subnetId)).toBe(FW_SUBNET.toLowerCase())
    expect(k(fw.policyId)).toBe(POLICY.toLowerCase())
    expect(fw.forcedTunnelling).toBe(true)
    expect(k(fw.dnsProxy)).toBe(true)
    expect(k(fw.sku)).toBe('AZFW_VNet')
    const [c] = fw.classicCollections
    expect([c!.kind, k(c!.priority), k(c!.action)]).toEqual(['network', 200, 'Allow'])
    expect(k(c!.rules[0]!.protocols)).toEqual(['TCP'])
    expect(k(c!.rules[0]!.destinationPorts)).toEqual(['1688'])
  })

  it('maps the policy with its rule collection groups and IP group references', () => {
    const p = result.model.firewallPolicies.find((x) => x.id === POLICY.toLowerCase())!
    expect(k(p.dnsProxy)).toBe(true)
    expect(
      p.ruleCollectionGroups.map((g) => [g.name.known && g.name.value, k(g.priority), k(g.policyId)]),
    ).toEqual([
      ['kms', 100, p.id],
      ['web', 300, p.id],
    ])
    const [net] = p.ruleCollectionGroups[0]!.collections
    expect([net!.kind, k(net!.priority), k(net!.action)]).toEqual(['network', 110, 'Allow'])
    const rule = net!.rules[0]!
    expect(k(rule.protocols)).toEqual(['TCP'])
    expect(k(rule.destinationIpGroups)).toEqual([IPG.toLowerCase()])
    expect(k(rule.destinationPorts)).toEqual(['1688'])
    const [app] = p.ruleCollectionGroups[1]!.collections
    expect(app!.kind).toBe('application')
    expect(k(app!.rules[0]!.protocols)).toEqual(['Https:443'])
    expect(k(app!.rules[0]!.destinationFqdns)).toEqual(['*.update.microsoft.com'])
    const ipg = result.model.ipGroups.find((g) => g.id === IPG.toLowerCase())!
    expect(k(ipg.cidrs)).toEqual(['20.118.99.224/32', '40.83.235.53/32'])
    expect(result.model.natGateways.map((n) => n.id)).toEqual([NAT.toLowerCase()])
  })
})

describe('readLiveNetwork robustness', () => {
  const credential = staticCredential()

  it('stops at the time budget and lists what it did not read', async () => {
    const server = await startArmServer({ inventory: liveInventory(), latencyMs: 400 })
    try {
      const started = Date.now()
      const r = await readLiveNetwork({
        credential,
        subscriptionIds: [SUB_A],
        endpoint: server.url,
        clientOptions: server.clientOptions,
        concurrency: 2,
        timeBudgetMs: 150,
      })
      expect(Date.now() - started).toBeLessThan(1500)
      expect(r.warnings).toEqual([])
      // Every listing of the subscription (route tables ... virtual hubs and their gateways).
      expect(r.incomplete).toHaveLength(LIVE_KINDS.length)
      expect(r.incomplete).toContain(`subscriptions/${SUB_A}/routeTables`)
      expect(r.model.routeTables).toEqual([])
    } finally {
      await server.close()
    }
  })

  it('bounds the requests in flight', async () => {
    let inFlight = 0
    let peak = 0
    const server = await startArmServer({
      inventory: liveInventory(),
      intercept: async () => {
        peak = Math.max(peak, ++inFlight)
        await new Promise((r) => setTimeout(r, 30))
        inFlight--
        return undefined
      },
    })
    try {
      const r = await readLiveNetwork({
        credential,
        subscriptionIds: [SUB_A, SUB_A.replace('a', 'e')],
        endpoint: server.url,
        clientOptions: server.clientOptions,
        concurrency: 2,
      })
      expect(r.model.routeTables.length).toBe(5)
      expect(peak).toBe(2)
    } finally {
      await server.close()
    }
  })

  it('reads only the given resource groups and warns about a missing one', async () => {
    const server = await startArmServer({ inventory: liveInventory() })
    try {
      const r = await readLiveNetwork({
        credential,
        subscriptionIds: [SUB_A],
        resourceGroups: ['RG-Spoke', 'rg-gone'],
        endpoint: server.url,
        clientOptions: server.clientOptions,
      })
      expect(r.warnings).toEqual([`resource group rg-gone in subscription ${SUB_A} was not found`])
      expect(r.model.routeTables.map((t) => t.id)).toEqual([RT_SPOKE.toLowerCase()])
      expect(r.model.firewalls).toEqual([])
      expect(server.requests.every((q) => /\/resourceGroups\/(RG-Spoke|rg-gone)\//.test(q.path))).toBe(true)
    } finally {
      await server.close()
    }
  })

  it('names the resource types a subscription refuses and reads the rest', async () => {
    const server = await startArmServer({
      inventory: liveInventory(),
      intercept: (req) =>
        /\/(firewallPolicies|ipGroups)$/.test(req.path)
          ? armError(403, 'AuthorizationFailed', 'no read permission on this resource type')
          : undefined,
    })
    try {
      const r = await readLiveNetwork({
        credential,
        subscriptionIds: [SUB_A],
        endpoint: server.url,
        clientOptions: server.clientOptions,
      })
      expect(r.warnings).toEqual([
        `subscription ${SUB_A}: firewallPolicies, ipGroups could not be read (HTTP 403 AuthorizationFailed: no read permission on this resource type); they are left out of the live model`,
      ])
      expect(r.model.routeTables).toHaveLength(5)
      expect(r.model.firewalls).toHaveLength(1)
      expect(r.model.firewalls[0]!.policyId).toMatchObject({ known: false })
    } finally {
      await server.close()
    }
  })

  it('retries 5xx and leaves out a policy whose rule collection groups cannot be read', async () => {
    let failures = 0
    const server = await startArmServer({
      inventory: liveInventory(),
      intercept: (req) => {
        if (req.path.endsWith('/networkSecurityGroups') && failures++ < 2)
          return armError(503, 'ServiceUnavailable', 'try again')
        if (req.path.toLowerCase().endsWith('/rulecollectiongroups'))
          return armError(500, 'InternalServerError', 'boom')
        return undefined
      },
    })
    try {
      const r = await readLiveNetwork({
        credential,
        subscriptionIds: [SUB_A],
        endpoint: server.url,
        clientOptions: {
          ...server.clientOptions,
          retryOptions: { ...server.clientOptions.retryOptions, maxRetries: 2 },
        },
      })
      expect(r.model.nsgs).toHaveLength(1)
      expect(r.model.firewallPolicies).toEqual([])
      expect(r.warnings).toHaveLength(1)
      expect(r.warnings[0]).toMatch(
        /fwp-hub\/ruleCollectionGroups could not be read \(HTTP 500 InternalServerError/,
      )
      // The firewall still points at the policy, now as an Unknown the analysis reports.
      const fw = r.model.firewalls[0]!
      expect(fw.policyId).toMatchObject({ known: false, ref: { resource: POLICY.toLowerCase() } })
      // 1 + 2 retries of the group listing.
      expect(
        server.requests.filter((q) => q.path.toLowerCase().endsWith('/rulecollectiongroups')),
      ).toHaveLength(3)
    } finally {
      await server.close()
    }
  })
})

describe('throttling without Retry-After', () => {
  it('retries a 429 that does not say when', async () => {
    let throttled = 0
    const server = await startArmServer({
      inventory: liveInventory(),
      intercept: (req) =>
        req.path.endsWith('/routeTables') && throttled++ === 0
          ? armError(429, 'TooManyRequests', 'slow down')
          : undefined,
    })
    try {
      const r = await readLiveNetwork({
        credential: staticCredential(),
        subscriptionIds: [SUB_A],
        endpoint: server.url,
        clientOptions: server.clientOptions,
      })
      expect(r.warnings).toEqual([])
      expect(r.model.routeTables).toHaveLength(5)
      expect(throttled).toBe(2)
    } finally {
      await server.close()
    }
  })
})

describe('generated inventories (benchmark input)', () => {
  it('reads N subscriptions of a generated estate completely', async () => {
    const inventory = generateInventory({ subscriptions: 3, spokes: 7, firewalls: 2 })
    const server = await startArmServer({ inventory, pageSize: 4, latencyMs: 2 })
    try {
      const r = await readLiveNetwork({
        credential: staticCredential(),
        subscriptionIds: Object.keys(inventory.subscriptions),
        endpoint: server.url,
        clientOptions: server.clientOptions,
        concurrency: 8,
      })
      expect(r.warnings).toEqual([])
      expect(r.incomplete).toEqual([])
      expect(r.model.routeTables).toHaveLength(3 * 7)
      expect(r.model.nsgs).toHaveLength(3 * 7)
      expect(r.model.subnets).toHaveLength(3 * (7 * 2 + 2))
      expect(r.model.firewalls).toHaveLength(3 * 2)
      expect(r.model.firewallPolicies.map((p) => p.ruleCollectionGroups.length)).toEqual(Array(6).fill(1))
      expect(r.model.routeTables.filter((t) => t.routes.length === 2)).toHaveLength(3 * 3)
      // Every subnet's table was read, so no reference is left Unknown.
      expect(r.model.subnets.every((s) => s.routeTableId === undefined || s.routeTableId.known)).toBe(true)
    } finally {
      await server.close()
    }
  })
})
