import {
  readEffectiveRoutes,
  selectEffectiveRoute,
  toEffectiveRoute,
  type EffectiveRoute,
} from '../../../src/sources/azure/effective-routes'
import { armNic, armVnet, netId, type ArmEffectiveRoute } from '../../helpers/arm-inventory'
import { armError, startArmServer, staticCredential, TEST_TOKEN } from '../../helpers/arm-server'

const KMS = '20.118.99.224'
const route = (
  source: EffectiveRoute['source'],
  prefix: string | string[],
  nextHopType: string,
  extra: Partial<EffectiveRoute> = {},
): EffectiveRoute => ({
  source,
  state: 'Active',
  addressPrefix: Array.isArray(prefix) ? prefix : [prefix],
  nextHopType,
  nextHopIpAddress: [],
  ...extra,
})
const SYSTEM_DEFAULT = route('Default', '0.0.0.0/0', 'Internet')
const hop = (routes: EffectiveRoute[]) => selectEffectiveRoute(routes, KMS)?.route.nextHopType

describe('selectEffectiveRoute', () => {
  it('takes the system default route when nothing else covers the address', () => {
    expect(selectEffectiveRoute([route('Default', '10.0.0.0/16', 'VnetLocal'), SYSTEM_DEFAULT], KMS)).toEqual(
      {
        route: SYSTEM_DEFAULT,
        prefix: '0.0.0.0/0',
      },
    )
  })

  it('prefers a BGP default route to the system one on equal prefixes', () => {
    expect(hop([SYSTEM_DEFAULT, route('VirtualNetworkGateway', '0.0.0.0/0', 'VirtualNetworkGateway')])).toBe(
      'VirtualNetworkGateway',
    )
  })

  it('prefers a user route to a BGP route on equal prefixes, whatever the order', () => {
    const bgp = route('VirtualNetworkGateway', '0.0.0.0/0', 'VirtualNetworkGateway')
    const udr = route('User', '0.0.0.0/0', 'VirtualAppliance')
    expect(hop([bgp, udr, SYSTEM_DEFAULT])).toBe('VirtualAppliance')
    expect(hop([udr, bgp, SYSTEM_DEFAULT])).toBe('VirtualAppliance')
  })

  it('lets a longer BGP prefix beat a shorter user route', () => {
    expect(
      hop([
        route('User', '0.0.0.0/0', 'VirtualAppliance'),
        route('VirtualNetworkGateway', '20.0.0.0/8', 'VirtualNetworkGateway'),
      ]),
    ).toBe('VirtualNetworkGateway')
  })

  it('lets a user route with hasBgpOverride beat an overlapping longer BGP route', () => {
    const routes = [
      route('User', '0.0.0.0/0', 'Internet', { hasBgpOverride: true }),
      route('VirtualNetworkGateway', '20.0.0.0/8', 'VirtualNetworkGateway'),
      SYSTEM_DEFAULT,
    ]
    expect(selectEffectiveRoute(routes, KMS)).toEqual({ route: routes[0], prefix: '0.0.0.0/0' })
  })

  it('does not let hasBgpOverride beat a longer user or system route', () => {
    const routes = [
      route('User', '0.0.0.0/0', 'Internet', { hasBgpOverride: true }),
      route('User', '20.118.0.0/16', 'VirtualAppliance'),
    ]
    expect(hop(routes)).toBe('VirtualAppliance')
  })

  it('ignores an override route that does not cover the address', () => {
    expect(
      hop([
        route('User', '10.0.0.0/8', 'VirtualAppliance', { hasBgpOverride: true }),
        route('VirtualNetworkGateway', '0.0.0.0/0', 'VirtualNetworkGateway'),
        SYSTEM_DEFAULT,
      ]),
    ).toBe('VirtualNetworkGateway')
  })

  it('ignores Invalid routes', () => {
    expect(
      hop([
        route('User', `${KMS}/32`, 'Internet', { state: 'Invalid' }),
        route('User', '0.0.0.0/0', 'VirtualAppliance'),
      ]),
    ).toBe('VirtualAppliance')
  })

  it('matches any of a route’s prefixes, reporting the one that matched', () => {
    const r = route('User', ['10.0.0.0/8', `${KMS}/32`], 'Internet')
    expect(
      selectEffectiveRoute([route('VirtualNetworkGateway', '0.0.0.0/0', 'VirtualNetworkGateway'), r], KMS),
    ).toEqual({
      route: r,
      prefix: `${KMS}/32`,
    })
  })

  it('returns undefined when no route covers the address', () => {
    expect(selectEffectiveRoute([route('Default', '10.0.0.0/8', 'VnetLocal')], KMS)).toBeUndefined()
  })
})

describe('toEffectiveRoute', () => {
  it('normalises the SDK shape', () => {
    expect(
      toEffectiveRoute({
        source: 'user',
        state: 'invalid',
        addressPrefix: ['0.0.0.0/0'],
        nextHopType: 'VirtualAppliance',
      }),
    ).toEqual({
      source: 'User',
      state: 'Invalid',
      addressPrefix: ['0.0.0.0/0'],
      nextHopType: 'VirtualAppliance',
      nextHopIpAddress: [],
    })
  })
})

const SUB = 'aaaaaaaa-0000-0000-0000-0000000000e1'
const VNET = netId(SUB, 'rg-spoke', 'virtualNetworks', 'vnet-spoke')
const WORKLOAD = `${VNET}/subnets/workload`
const EMPTY = `${VNET}/subnets/empty`
const NIC_FIRST = netId(SUB, 'rg-vms', 'networkInterfaces', 'nic-first')
const NIC_SECOND = netId(SUB, 'rg-vms', 'networkInterfaces', 'nic-second')
const VM = (n: string) =>
  `/subscriptions/${SUB}/resourceGroups/rg-vms/providers/Microsoft.Compute/virtualMachines/${n}`

const ROUTES: ArmEffectiveRoute[] = [
  {
    name: null,
    source: 'Default',
    state: 'Active',
    addressPrefix: ['10.1.0.0/16'],
    nextHopIpAddress: [],
    nextHopType: 'VnetLocal',
  },
  {
    name: null,
    source: 'VirtualNetworkGateway',
    state: 'Active',
    addressPrefix: ['0.0.0.0/0'],
    nextHopIpAddress: ['10.255.0.10'],
    nextHopType: 'VirtualNetworkGateway',
  },
  {
    name: 'kms',
    source: 'User',
    state: 'Active',
    addressPrefix: [`${KMS}/32`],
    nextHopIpAddress: [],
    nextHopType: 'Internet',
    hasBgpOverride: true,
  },
  {
    name: null,
    source: 'Default',
    state: 'Invalid',
    addressPrefix: ['0.0.0.0/0'],
    nextHopIpAddress: [],
    nextHopType: 'Internet',
  },
]

function inventory() {
  return {
    subscriptions: {
      [SUB]: [
        armVnet(SUB, 'rg-spoke', 'vnet-spoke', '10.1.0.0/16', [
          { name: 'workload', prefix: '10.1.1.0/24' },
          { name: 'empty', prefix: '10.1.2.0/24' },
        ]),
        // Without a VM: must be tried after the ones with a VM.
        armNic(SUB, 'rg-vms', 'nic-detached', WORKLOAD),
        armNic(SUB, 'rg-vms', 'nic-first', WORKLOAD, VM('vm1')),
        armNic(SUB, 'rg-vms', 'nic-second', WORKLOAD, VM('vm2')),
      ],
    },
    effectiveRoutes: { [NIC_SECOND]: ROUTES, [NIC_FIRST]: ROUTES },
  }
}

describe.each(['async-operation', 'location'] as const)('readEffectiveRoutes (%s polling)', (lroStyle) => {
  it('reads one NIC per subnet through the long-running operation and names the subnets it could not check', async () => {
    const server = await startArmServer({
      inventory: inventory(),
      lroStyle,
      lroPolls: 2,
      // The first NIC's VM is deallocated: Azure refuses, the next NIC of the subnet is tried.
      intercept: (req) =>
        req.method === 'POST' && req.path.includes('nic-first')
          ? armError(
              400,
              'VMNotRunning',
              'The virtual machine associated with the network interface is not running.',
            )
          : undefined,
    })
    try {
      const r = await readEffectiveRoutes({
        credential: staticCredential(),
        endpoint: server.url,
        subnetIds: [
          WORKLOAD,
          EMPTY,
          `/subscriptions/${SUB.replace('e1', 'ff')}/resourceGroups/x/providers/Microsoft.Network/virtualNetworks/v/subnets/s`,
        ],
        clientOptions: server.clientOptions,
        pollIntervalMs: 5,
      })
      expect(r.subnets).toHaveLength(1)
      const [s] = r.subnets
      expect(s!.subnetId).toBe(WORKLOAD.toLowerCase())
      expect(s!.nicId.toLowerCase()).toBe(NIC_SECOND.toLowerCase())
      expect(s!.routes).toEqual([
        {
          source: 'Default',
          state: 'Active',
          addressPrefix: ['10.1.0.0/16'],
          nextHopIpAddress: [],
          nextHopType: 'VnetLocal',
        },
        {
          source: 'VirtualNetworkGateway',
          state: 'Active',
          addressPrefix: ['0.0.0.0/0'],
          nextHopIpAddress: ['10.255.0.10'],
          nextHopType: 'VirtualNetworkGateway',
        },
        {
          name: 'kms',
          source: 'User',
          state: 'Active',
          addressPrefix: [`${KMS}/32`],
          nextHopIpAddress: [],
          nextHopType: 'Internet',
          hasBgpOverride: true,
        },
        {
          source: 'Default',
          state: 'Invalid',
          addressPrefix: ['0.0.0.0/0'],
          nextHopIpAddress: [],
          nextHopType: 'Internet',
        },
      ])
      expect(selectEffectiveRoute(s!.routes, KMS)?.route.nextHopType).toBe('Internet')
      expect(r.unchecked.map((u) => u.subnetId)).toEqual([
        EMPTY.toLowerCase(),
        expect.stringContaining('-0000000000ff/'),
      ])
      expect(r.unchecked[0]!.reason).toBe('no network interface in the subnet')
      expect(r.unchecked[1]!.reason).toMatch(/HTTP 404 SubscriptionNotFound/)

      const posts = server.requests.filter((q) => q.method === 'POST')
      expect(posts.map((q) => q.path)).toEqual([
        `${NIC_FIRST}/effectiveRouteTable`,
        `${NIC_SECOND}/effectiveRouteTable`,
      ])
      expect(server.requests.find((q) => q.path.endsWith('/networkInterfaces'))?.path).toBe(
        `/subscriptions/${SUB}/providers/Microsoft.Network/networkInterfaces`,
      )
      const polls = server.requests.filter((q) => q.path.startsWith('/lro/'))
      expect(polls.length).toBeGreaterThanOrEqual(3)
      for (const q of server.requests) {
        expect(q.query['api-version']).toBeTruthy()
        expect(q.authorization).toBe(`Bearer ${TEST_TOKEN}`)
      }
    } finally {
      await server.close()
    }
  })
})

it('names the subnets left unchecked when the time budget runs out', async () => {
  const server = await startArmServer({ inventory: inventory(), lroPolls: 1000 })
  try {
    const started = Date.now()
    const r = await readEffectiveRoutes({
      credential: staticCredential(),
      endpoint: server.url,
      subnetIds: [WORKLOAD],
      clientOptions: server.clientOptions,
      pollIntervalMs: 20,
      timeBudgetMs: 300,
    })
    expect(Date.now() - started).toBeLessThan(2000)
    expect(r.subnets).toEqual([])
    expect(r.unchecked).toEqual([
      { subnetId: WORKLOAD.toLowerCase(), reason: 'not checked: the time budget ran out' },
    ])
  } finally {
    await server.close()
  }
})
