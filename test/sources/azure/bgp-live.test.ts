/**
 * Live reads of where BGP routes come from, against the HTTPS stand-in for ARM: the VNet gateway a hub's
 * GatewaySubnet points at (read by id: virtualNetworkGateways has no subscription-wide listing), a Route
 * Server (a virtualHubs resource in RouteServerSubnet, with its bgpConnections) and the peerings listed on
 * each VNet. A spoke peered with useRemoteGateways to a BGP gateway is undecided (KMS014 names the gateway
 * and the peering) unless its effective routes are read, which then decide.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { readDeployed } from '../../../src/action/live'
import { scan } from '../../../src/pipeline/scan'
import { armNic, armVnet, netId, type ArmEffectiveRoute, type ArmResource } from '../../helpers/arm-inventory'
import { armError, startArmServer, staticCredential, type ArmServer } from '../../helpers/arm-server'

const SUB = '3f9a6d1e-8c2b-4e57-a1d0-6b5c4e3f2a19'
const NET = 'Microsoft.Network'
const HUB_VNET = netId(SUB, 'rg-connectivity', 'virtualNetworks', 'vnet-hub-weu')
const SPOKE_VNET = netId(SUB, 'rg-spoke-app', 'virtualNetworks', 'vnet-spoke-app')
const GATEWAY = netId(SUB, 'rg-connectivity', 'virtualNetworkGateways', 'vgw-hub-weu')
const ROUTE_SERVER = netId(SUB, 'rg-connectivity', 'virtualHubs', 'rs-hub-weu')
const APP_SUBNET = `${SPOKE_VNET}/subnets/snet-app`
const SPOKE_APP = 'vnet-spoke-app/snet-app'
const NIC = netId(SUB, 'rg-spoke-app', 'networkInterfaces', 'vm-app-01-nic')

interface Estate {
  useRemoteGateways?: boolean
  enableBgp?: boolean
  routeServer?: boolean
}

/** A hub with a VPN gateway (active-active BGP, as ARM returns it) and a spoke peered to it. */
function estate(opts: Estate = {}): ArmResource[] {
  const hub = armVnet(SUB, 'rg-connectivity', 'vnet-hub-weu', '10.0.0.0/16', [
    {
      name: 'GatewaySubnet',
      prefix: '10.0.0.0/27',
      ipConfigurations: [`${GATEWAY}/ipConfigurations/default`],
    },
    ...(opts.routeServer
      ? [
          {
            name: 'RouteServerSubnet',
            prefix: '10.0.1.0/27',
            ipConfigurations: [`${ROUTE_SERVER}/ipConfigurations/ipconfig1`],
          },
        ]
      : []),
    { name: 'snet-mgmt', prefix: '10.0.2.0/24' },
  ]) as ArmResource
  hub.properties.virtualNetworkPeerings = [
    {
      name: 'peer-hub-to-spoke-app',
      id: `${HUB_VNET}/virtualNetworkPeerings/peer-hub-to-spoke-app`,
      type: `${NET}/virtualNetworks/virtualNetworkPeerings`,
      properties: {
        peeringState: 'Connected',
        remoteVirtualNetwork: { id: SPOKE_VNET },
        allowVirtualNetworkAccess: true,
        allowForwardedTraffic: true,
        allowGatewayTransit: true,
        useRemoteGateways: false,
        remoteAddressSpace: { addressPrefixes: ['10.1.0.0/16'] },
      },
    },
  ]
  const spoke = armVnet(SUB, 'rg-spoke-app', 'vnet-spoke-app', '10.1.0.0/16', [
    { name: 'snet-app', prefix: '10.1.1.0/24', ipConfigurations: [`${NIC}/ipConfigurations/ipconfig1`] },
  ]) as ArmResource
  spoke.properties.virtualNetworkPeerings = [
    {
      name: 'peer-spoke-app-to-hub',
      id: `${SPOKE_VNET}/virtualNetworkPeerings/peer-spoke-app-to-hub`,
      type: `${NET}/virtualNetworks/virtualNetworkPeerings`,
      properties: {
        peeringState: 'Connected',
        remoteVirtualNetwork: { id: HUB_VNET },
        allowVirtualNetworkAccess: true,
        allowForwardedTraffic: true,
        allowGatewayTransit: false,
        useRemoteGateways: opts.useRemoteGateways ?? true,
        remoteAddressSpace: { addressPrefixes: ['10.0.0.0/16'] },
      },
    },
  ]
  const gateway: ArmResource = {
    id: GATEWAY,
    name: 'vgw-hub-weu',
    type: `${NET}/virtualNetworkGateways`,
    location: 'westeurope',
    properties: {
      provisioningState: 'Succeeded',
      ipConfigurations: [
        {
          name: 'default',
          id: `${GATEWAY}/ipConfigurations/default`,
          properties: {
            privateIPAllocationMethod: 'Dynamic',
            subnet: { id: `${HUB_VNET}/subnets/GatewaySubnet` },
            publicIPAddress: { id: netId(SUB, 'rg-connectivity', 'publicIPAddresses', 'pip-vgw-hub-weu') },
          },
        },
      ],
      sku: { name: 'VpnGw2AZ', tier: 'VpnGw2AZ', capacity: 2 },
      gatewayType: 'Vpn',
      vpnType: 'RouteBased',
      vpnGatewayGeneration: 'Generation2',
      enableBgp: opts.enableBgp ?? true,
      activeActive: false,
      bgpSettings: {
        asn: 65515,
        bgpPeeringAddress: '10.0.0.30',
        peerWeight: 0,
        bgpPeeringAddresses: [
          {
            ipconfigurationId: `${GATEWAY}/ipConfigurations/default`,
            defaultBgpIpAddresses: ['10.0.0.30'],
            customBgpIpAddresses: [],
            tunnelIpAddresses: ['20.61.10.4'],
          },
        ],
      },
    },
  }
  const routeServer: ArmResource[] = opts.routeServer
    ? [
        {
          id: ROUTE_SERVER,
          name: 'rs-hub-weu',
          type: `${NET}/virtualHubs`,
          location: 'westeurope',
          kind: 'RouteServer',
          properties: {
            provisioningState: 'Succeeded',
            sku: 'Standard',
            allowBranchToBranchTraffic: false,
            virtualRouterAsn: 65515,
            virtualRouterIps: ['10.0.1.4', '10.0.1.5'],
            routingState: 'Provisioned',
            hubRoutingPreference: 'ExpressRoute',
          },
        },
        {
          id: `${ROUTE_SERVER}/bgpConnections/nva-fw-01`,
          name: 'nva-fw-01',
          type: `${NET}/virtualHubs/bgpConnections`,
          properties: {
            peerIp: '10.0.2.4',
            peerAsn: 65010,
            provisioningState: 'Succeeded',
            connectionState: 'Connected',
          },
        },
      ]
    : []
  return [
    hub,
    spoke,
    gateway,
    ...routeServer,
    armNic(
      SUB,
      'rg-spoke-app',
      'vm-app-01-nic',
      APP_SUBNET,
      netId(SUB, 'rg-spoke-app', 'virtualMachines', 'vm-app-01').replace(NET, 'Microsoft.Compute'),
    ),
  ]
}

const servers: ArmServer[] = []
afterAll(async () => Promise.all(servers.map((s) => s.close())))

async function readAndJudge(
  resources: ArmResource[],
  opts: {
    effectiveRoutes?: ArmEffectiveRoute[]
    intercept?: Parameters<typeof startArmServer>[0]['intercept']
  } = {},
) {
  const server = await startArmServer({
    inventory: {
      subscriptions: { [SUB]: resources },
      ...(opts.effectiveRoutes ? { effectiveRoutes: { [NIC]: opts.effectiveRoutes } } : {}),
    },
    intercept: opts.intercept,
    lroPolls: 0,
  })
  servers.push(server)
  const live = await readDeployed({
    credential: staticCredential(),
    cloud: 'AzureCloud',
    endpoint: server.url,
    subscriptionIds: [SUB],
    effectiveRoutes: opts.effectiveRoutes !== undefined,
    timeBudgetMs: 60_000,
    clientOptions: { ...server.clientOptions },
  })
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kms-bgp-live-')))
  const result = await scan({
    path: dir,
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
    deployed: live.deployed,
  })
  const app = result.verdict.subnets.find((s) => s.subnet === 'snet-app')
  return { server, live, result, app }
}

const route = (
  r: Partial<ArmEffectiveRoute> & Pick<ArmEffectiveRoute, 'addressPrefix' | 'nextHopType' | 'source'>,
): ArmEffectiveRoute => ({
  state: 'Active',
  nextHopIpAddress: [],
  ...r,
})
const SYSTEM: ArmEffectiveRoute[] = [
  route({ source: 'Default', addressPrefix: ['10.1.0.0/16'], nextHopType: 'VnetLocal' }),
  route({ source: 'Default', addressPrefix: ['10.0.0.0/16'], nextHopType: 'VNetPeering' }),
]

test('live: the gateway, Route Server and peerings are read into the BGP model', async () => {
  const { server, live } = await readAndJudge(estate({ routeServer: true }))
  const bgp = live.deployed.model.bgp!
  expect(bgp.gateways).toEqual([
    expect.objectContaining({
      id: GATEWAY.toLowerCase(),
      kind: 'vpn',
      vnetName: expect.objectContaining({ value: 'vnet-hub-weu' }),
      bgp: expect.objectContaining({ known: true, value: true }),
    }),
    expect.objectContaining({
      id: ROUTE_SERVER.toLowerCase(),
      kind: 'routeServer',
      vnetName: expect.objectContaining({ value: 'vnet-hub-weu' }),
      peers: ['nva-fw-01 10.0.2.4 AS 65010'],
    }),
  ])
  expect(
    bgp.peerings.map((p) => [p.name.known && p.name.value, p.useRemoteGateways, p.allowGatewayTransit]),
  ).toEqual([
    [
      'peer-hub-to-spoke-app',
      expect.objectContaining({ value: false }),
      expect.objectContaining({ value: true }),
    ],
    [
      'peer-spoke-app-to-hub',
      expect.objectContaining({ value: true }),
      expect.objectContaining({ value: false }),
    ],
  ])
  // A Route Server is a virtualHubs resource, but no Virtual WAN hub: its vWAN children are not asked for.
  expect(live.deployed.model.virtualWan).toBeUndefined()
  expect(server.requests.some((r) => r.path.endsWith('/hubVirtualNetworkConnections'))).toBe(false)
  expect(server.requests.filter((r) => r.path.endsWith('/virtualNetworkGateways/vgw-hub-weu'))).toHaveLength(
    1,
  )
  expect(live.warnings).toEqual([])
})

test('live: a spoke using the hub’s BGP gateway without effective routes is undecided; KMS014 names gateway and peering', async () => {
  const { app, result } = await readAndJudge(estate())
  expect(app).toMatchObject({ state: 'undecided', vnet: 'vnet-spoke-app' })
  const f = result.findings.find((x) => x.ruleId === 'KMS014' && x.subnets?.includes(SPOKE_APP))!
  expect(f.message).toContain('vgw-hub-weu')
  expect(f.message).toContain('peer-spoke-app-to-hub')
  expect(f.message).toMatch(/BGP is enabled/)
})

test('live negative control: without use_remote_gateways the hub gateway does not reach the spoke: reachable', async () => {
  const { app, result } = await readAndJudge(estate({ useRemoteGateways: false }))
  expect(app?.state).toBe('reachable')
  expect(
    result.findings.filter((x) => x.ruleId === 'KMS014' && x.subnets?.includes('vnet-spoke-app/snet-app')),
  ).toEqual([])
})

test('live: effective routes decide the spoke over the BGP gateway: an advertised default route blocks it', async () => {
  const tunnel = await readAndJudge(estate(), {
    effectiveRoutes: [
      ...SYSTEM,
      route({
        source: 'VirtualNetworkGateway',
        addressPrefix: ['0.0.0.0/0'],
        nextHopType: 'VirtualNetworkGateway',
        nextHopIpAddress: ['10.0.0.30'],
      }),
      route({ source: 'Default', state: 'Invalid', addressPrefix: ['0.0.0.0/0'], nextHopType: 'Internet' }),
    ],
  })
  expect(tunnel.live.checked).toBe(1)
  expect(tunnel.app?.state).toBe('blocked')
  // The spoke's NIC answered: no KMS014 for it (the hub's own subnet, without a VM, still has one).
  const kms014 = tunnel.result.findings.filter((x) => x.ruleId === 'KMS014')
  expect(kms014.some((x) => x.subnets?.includes(SPOKE_APP))).toBe(false)
  expect(kms014.some((x) => x.subnets?.includes('vnet-hub-weu/snet-mgmt'))).toBe(true)

  const direct = await readAndJudge(estate(), {
    effectiveRoutes: [
      ...SYSTEM,
      route({ source: 'Default', addressPrefix: ['0.0.0.0/0'], nextHopType: 'Internet' }),
    ],
  })
  expect(direct.app?.state).toBe('reachable')
})

test('live: a gateway that cannot be read (403) leaves the spoke undecided, naming the gateway and why', async () => {
  const { app, live, result } = await readAndJudge(estate(), {
    intercept: (req) =>
      req.path.endsWith('/virtualNetworkGateways/vgw-hub-weu')
        ? armError(
            403,
            'AuthorizationFailed',
            'does not have authorization to perform action Microsoft.Network/virtualNetworkGateways/read',
          )
        : undefined,
  })
  expect(live.warnings.join('\n')).toContain('virtualNetworkGateways/vgw-hub-weu could not be read (HTTP 403')
  expect(app?.state).toBe('undecided')
  const f = result.findings.find((x) => x.ruleId === 'KMS014' && x.subnets?.includes(SPOKE_APP))!
  expect(f.message).toContain('vgw-hub-weu')
  expect(f.message).toMatch(/BGP may be enabled/)
})

test('live: NVAs peering with a Route Server in the hub make the hub’s own subnet undecided, named', async () => {
  const { result } = await readAndJudge(
    estate({ routeServer: true, enableBgp: false, useRemoteGateways: false }),
  )
  const mgmt = result.verdict.subnets.find((s) => s.subnet === 'snet-mgmt')
  expect(mgmt?.state).toBe('undecided')
  const f = result.findings.find((x) => x.ruleId === 'KMS014' && x.message.includes('rs-hub-weu'))!
  expect(f.message).toContain('nva-fw-01 10.0.2.4 AS 65010')
})
