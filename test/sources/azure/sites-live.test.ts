/**
 * Live reads of the local sites of a VPN gateway without BGP, against the HTTPS stand-in for ARM. Such a
 * gateway propagates exactly its local network gateways' address spaces into the subnets that let gateway
 * routes propagate (here a spoke peered with useRemoteGateways): on-premises prefixes leave KMS alone (the
 * spoke is reachable), a `0.0.0.0/0` site is a forced tunnel (named), a site that cannot be read is named,
 * and another gateway's sites do not count.
 */
import { armRouteTable, armVnet, netId, type ArmResource, type RouteSpec } from '../../helpers/arm-inventory'
import {
  armError,
  startArmServer,
  type ArmServer,
  type FakeResponse,
  type RecordedRequest,
} from '../../helpers/arm-server'
import { scanDeployed } from '../../helpers/live-scan'

const SUB = '9b4e2c71-5d3a-4f08-b6e1-2c7a9d0f3e58'
const NET = 'Microsoft.Network'
const HUB_VNET = netId(SUB, 'rg-connectivity', 'virtualNetworks', 'vnet-hub-weu')
const SPOKE_VNET = netId(SUB, 'rg-spoke-app', 'virtualNetworks', 'vnet-spoke-app')
const OTHER_VNET = netId(SUB, 'rg-branch', 'virtualNetworks', 'vnet-branch')
const GATEWAY = netId(SUB, 'rg-connectivity', 'virtualNetworkGateways', 'vgw-hub-weu')
const OTHER_GATEWAY = netId(SUB, 'rg-branch', 'virtualNetworkGateways', 'vgw-branch')

const peering = (from: string, to: string, name: string, useRemoteGateways: boolean) => ({
  name,
  id: `${from}/virtualNetworkPeerings/${name}`,
  type: `${NET}/virtualNetworks/virtualNetworkPeerings`,
  properties: {
    peeringState: 'Connected',
    remoteVirtualNetwork: { id: to },
    allowVirtualNetworkAccess: true,
    allowForwardedTraffic: true,
    allowGatewayTransit: !useRemoteGateways,
    useRemoteGateways,
  },
})

/** A route-based VPN gateway without BGP, as ARM returns it. */
const gateway = (id: string, vnet: string): ArmResource => ({
  id,
  name: id.split('/').pop()!,
  type: `${NET}/virtualNetworkGateways`,
  location: 'westeurope',
  properties: {
    provisioningState: 'Succeeded',
    ipConfigurations: [
      {
        name: 'default',
        id: `${id}/ipConfigurations/default`,
        properties: { privateIPAllocationMethod: 'Dynamic', subnet: { id: `${vnet}/subnets/GatewaySubnet` } },
      },
    ],
    sku: { name: 'VpnGw1AZ', tier: 'VpnGw1AZ', capacity: 2 },
    gatewayType: 'Vpn',
    vpnType: 'RouteBased',
    enableBgp: false,
    activeActive: false,
  },
})

/** A local network gateway (on-premises site) as ARM returns it. */
const site = (rg: string, name: string, prefixes: string[]): ArmResource => ({
  id: netId(SUB, rg, 'localNetworkGateways', name),
  name,
  type: `${NET}/localNetworkGateways`,
  location: 'westeurope',
  properties: {
    provisioningState: 'Succeeded',
    localNetworkAddressSpace: { addressPrefixes: prefixes },
    gatewayIpAddress: '203.0.113.10',
  },
})

/** A site-to-site connection between a gateway and a local network gateway. */
const connection = (rg: string, name: string, gatewayId: string, siteId: string): ArmResource => ({
  id: netId(SUB, rg, 'connections', name),
  name,
  type: `${NET}/connections`,
  location: 'westeurope',
  properties: {
    provisioningState: 'Succeeded',
    virtualNetworkGateway1: { id: gatewayId },
    localNetworkGateway2: { id: siteId },
    connectionType: 'IPsec',
    connectionProtocol: 'IKEv2',
    routingWeight: 0,
    enableBgp: false,
    connectionStatus: 'Connected',
    usePolicyBasedTrafficSelectors: false,
  },
})

const SPOKE_RT = netId(SUB, 'rg-spoke-app', 'routeTables', 'rt-spoke-app')

function estate(opts: {
  hubSites: string[][]
  otherSite?: string[]
  /** A route table on snet-app: its routes, and whether it stops gateway routes. */
  spokeTable?: { routes: RouteSpec[]; disableBgp?: boolean }
}): ArmResource[] {
  const hub = armVnet(SUB, 'rg-connectivity', 'vnet-hub-weu', '10.0.0.0/16', [
    {
      name: 'GatewaySubnet',
      prefix: '10.0.0.0/27',
      ipConfigurations: [`${GATEWAY}/ipConfigurations/default`],
    },
  ]) as ArmResource
  hub.properties.virtualNetworkPeerings = [peering(HUB_VNET, SPOKE_VNET, 'peer-hub-to-spoke', false)]
  const spoke = armVnet(SUB, 'rg-spoke-app', 'vnet-spoke-app', '10.1.0.0/16', [
    { name: 'snet-app', prefix: '10.1.1.0/24', ...(opts.spokeTable ? { routeTableId: SPOKE_RT } : {}) },
  ]) as ArmResource
  spoke.properties.virtualNetworkPeerings = [peering(SPOKE_VNET, HUB_VNET, 'peer-spoke-to-hub', true)]
  const hubSites = opts.hubSites.map((p, i) => site('rg-connectivity', `lgw-onprem-${i + 1}`, p))
  const out: ArmResource[] = [
    hub,
    spoke,
    gateway(GATEWAY, HUB_VNET),
    ...hubSites,
    ...hubSites.map((s, i) => connection('rg-connectivity', `cn-onprem-${i + 1}`, GATEWAY, s.id)),
    ...(opts.spokeTable
      ? [
          armRouteTable(
            SUB,
            'rg-spoke-app',
            'rt-spoke-app',
            opts.spokeTable.routes,
            opts.spokeTable.disableBgp ?? false,
          ),
        ]
      : []),
  ]
  if (opts.otherSite) {
    // Another VNet with its own gateway and a forced-tunnel site, not peered with the spoke.
    const other = armVnet(SUB, 'rg-branch', 'vnet-branch', '10.9.0.0/16', [
      {
        name: 'GatewaySubnet',
        prefix: '10.9.0.0/27',
        ipConfigurations: [`${OTHER_GATEWAY}/ipConfigurations/default`],
      },
    ])
    const s = site('rg-branch', 'lgw-branch', opts.otherSite)
    out.push(
      other,
      gateway(OTHER_GATEWAY, OTHER_VNET),
      s,
      connection('rg-branch', 'cn-branch', OTHER_GATEWAY, s.id),
    )
  }
  return out
}

const servers: ArmServer[] = []
afterAll(async () => Promise.all(servers.map((s) => s.close())))

async function readAndJudge(
  resources: ArmResource[],
  intercept?: (req: RecordedRequest) => FakeResponse | undefined,
) {
  const server = await startArmServer({
    inventory: { subscriptions: { [SUB]: resources } },
    ...(intercept ? { intercept } : {}),
  })
  servers.push(server)
  const { live, result } = await scanDeployed(server, [SUB])
  return { server, live, result, app: result.verdict.subnets.find((s) => s.subnet === 'snet-app') }
}

test('a VPN gateway without BGP whose local sites hold on-premises prefixes only leaves the spoke reachable', async () => {
  const { server, live, app } = await readAndJudge(
    estate({ hubSites: [['192.168.0.0/16', '172.16.0.0/12']] }),
  )
  expect(app?.state).toBe('reachable')
  expect(
    live.model.bgp?.localNetworkGateways.map((l) => [l.name.known && l.name.value, l.addressPrefixes]),
  ).toEqual([
    ['lgw-onprem-1', expect.objectContaining({ known: true, value: ['192.168.0.0/16', '172.16.0.0/12'] })],
  ])
  const paths = server.requests.map((r) => r.path)
  expect(paths).toContain(`${GATEWAY}/connections`)
  expect(paths).toContain(netId(SUB, 'rg-connectivity', 'localNetworkGateways', 'lgw-onprem-1'))
  expect(live.warnings).toEqual([])
})

test('a local site with 0.0.0.0/0 is a gateway route in the spoke: KMS goes on-premises (blocked), naming the site', async () => {
  const { app, result } = await readAndJudge(estate({ hubSites: [['192.168.0.0/16'], ['0.0.0.0/0']] }))
  expect(app?.state).toBe('blocked')
  expect(app?.hop).toMatch(/local network gateway lgw-onprem-2/)
  expect(app?.hop).toMatch(/0\.0\.0\.0\/0 → VirtualNetworkGateway/)
  const kms001 = result.findings.find((f) => f.ruleId === 'KMS001')
  expect(kms001?.subnets).toContain('vnet-spoke-app/snet-app')
  expect(kms001?.message).toMatch(
    /gateway route 0\.0\.0\.0\/0 \(the address space of local network gateway lgw-onprem-2 of VPN gateway vgw-hub-weu/,
  )
  expect(kms001?.message).toContain('peer-spoke-to-hub')
  expect(result.findings.filter((f) => f.ruleId === 'KMS014')).toEqual([])
})

test('a site prefix covering a KMS address is judged by longest prefix against the spoke’s user routes', async () => {
  // 20.0.0.0/8 covers 20.118.99.224 only: that address goes on-premises, 40.83.235.53 stays on the system route.
  const narrow = await readAndJudge(estate({ hubSites: [['192.168.0.0/16', '20.0.0.0/8']] }))
  expect(narrow.app?.state).toBe('blocked')
  expect(narrow.result.findings.find((f) => f.ruleId === 'KMS001')?.kmsAddresses).toEqual(['20.118.99.224'])

  // A user 0.0.0.0/0 → Internet does not beat the longer site prefix …
  const shorter = await readAndJudge(
    estate({
      hubSites: [['20.0.0.0/8']],
      spokeTable: { routes: [{ name: 'default', addressPrefix: '0.0.0.0/0', nextHopType: 'Internet' }] },
    }),
  )
  expect(shorter.app?.state).toBe('blocked')

  // … /32 routes to the KMS addresses do, and so does a table that stops gateway routes.
  const kms32 = ['20.118.99.224', '40.83.235.53', '23.102.135.246'].map((a, i) => ({
    name: `kms-${i + 1}`,
    addressPrefix: `${a}/32`,
    nextHopType: 'Internet',
  }))
  const bypassed = await readAndJudge(estate({ hubSites: [['0.0.0.0/0']], spokeTable: { routes: kms32 } }))
  expect(bypassed.app?.state).toBe('reachable')
  const stopped = await readAndJudge(
    estate({ hubSites: [['0.0.0.0/0']], spokeTable: { routes: [], disableBgp: true } }),
  )
  expect(stopped.app?.state).toBe('reachable')

  // Equal prefixes: the user route wins over the site's (a user 0.0.0.0/0 → Internet against a site 0.0.0.0/0).
  const tie = await readAndJudge(
    estate({
      hubSites: [['0.0.0.0/0']],
      spokeTable: { routes: [{ name: 'default', addressPrefix: '0.0.0.0/0', nextHopType: 'Internet' }] },
    }),
  )
  expect(tie.app?.state).toBe('reachable')
})

test('another gateway’s forced-tunnel site does not reach the spoke: still reachable', async () => {
  const { app, live } = await readAndJudge(
    estate({ hubSites: [['192.168.0.0/16']], otherSite: ['0.0.0.0/0'] }),
  )
  expect(live.model.bgp?.localNetworkGateways).toHaveLength(2)
  expect(app?.state).toBe('reachable')
})

test('a site or a connection list that cannot be read leaves the spoke undecided, named', async () => {
  const siteRefused = await readAndJudge(estate({ hubSites: [['192.168.0.0/16']] }), (req) =>
    /\/localNetworkGateways\/lgw-onprem-1$/.test(req.path)
      ? armError(
          403,
          'AuthorizationFailed',
          'The client does not have authorization to perform action Microsoft.Network/localNetworkGateways/read.',
        )
      : undefined,
  )
  expect(siteRefused.app?.state).toBe('undecided')
  expect(siteRefused.app?.why).toMatch(
    /local network gateway lgw-onprem-1 of connection cn-onprem-1 could not be read \(HTTP 403/,
  )

  const listRefused = await readAndJudge(estate({ hubSites: [['192.168.0.0/16']] }), (req) =>
    req.path.endsWith('/connections')
      ? armError(500, 'InternalServerError', 'An error occurred.')
      : undefined,
  )
  expect(listRefused.app?.state).toBe('undecided')
  expect(listRefused.app?.why).toMatch(
    /the connections of VPN gateway vgw-hub-weu could not be read \(HTTP 500/,
  )
})
