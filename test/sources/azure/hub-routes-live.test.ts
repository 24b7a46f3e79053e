/**
 * Virtual WAN hub effective routes (`virtualHubs/effectiveRoutes`, a long-running POST) against the HTTPS
 * stand-in for ARM, read with `effective-routes` for the connections of every hub, with routing intent or not: a hub
 * with a VPN gateway leaves a spoke undecided from its configuration (on-premises may advertise 0.0.0.0/0);
 * the routes the hub really gives the connection decide: 0.0.0.0/0 to the hub firewall → its policy
 * decides; no default route → the spoke's own Internet route; a default route to on-premises → named.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { readDeployed } from '../../../src/action/live'
import { scan } from '../../../src/pipeline/scan'
import { armSecuredHub, armVnet, netId, type ArmResource } from '../../helpers/arm-inventory'
import {
  armError,
  startArmServer,
  staticCredential,
  type ArmServer,
  type RecordedRequest,
} from '../../helpers/arm-server'

const SUB = '9e1d4c7b-2a6f-4f83-b5e0-7c8d1a2b3f64'
const NET = 'Microsoft.Network'
const HUB = netId(SUB, 'rg-vwan', 'virtualHubs', 'vhub-neu')
const FW = netId(SUB, 'rg-vwan', 'azureFirewalls', 'afw-vhub-neu')
const VPN = netId(SUB, 'rg-vwan', 'vpnGateways', 'vpngw-vhub-neu')
const SPOKE = netId(SUB, 'rg-spoke-app', 'virtualNetworks', 'vnet-spoke-app')
const CONNECTION = `${HUB}/hubVirtualNetworkConnections/conn-spoke-app`

/** A hub with a site-to-site VPN gateway and a firewall, no routing intent, an empty default route table. */
function hub(kmsAllowed: boolean, opts: { intent?: boolean; intentState?: string } = {}): ArmResource[] {
  return [
    ...armSecuredHub({
      sub: SUB,
      rg: 'rg-vwan',
      name: 'vhub-neu',
      location: 'northeurope',
      addressPrefix: '10.110.0.0/23',
      firewallIp: '10.110.0.132',
      connections: { 'conn-spoke-app': SPOKE },
      kmsAllowed,
      ...(opts.intent ? { intent: { private: true, provisioningState: opts.intentState } } : {}),
      defaultRoutes: [],
      vpnGatewayId: VPN,
    }),
    {
      id: VPN,
      name: 'vpngw-vhub-neu',
      type: `${NET}/vpnGateways`,
      location: 'northeurope',
      properties: {
        provisioningState: 'Succeeded',
        virtualHub: { id: HUB },
        bgpSettings: { asn: 65515, bgpPeeringAddress: '10.110.0.12,10.110.0.13', peerWeight: 0 },
        vpnGatewayScaleUnit: 1,
        connections: [],
      },
    },
    armVnet(SUB, 'rg-spoke-app', 'vnet-spoke-app', '10.12.0.0/16', [
      { name: 'snet-app', prefix: '10.12.1.0/24' },
    ]),
  ]
}

/** Routes as `getEffectiveVirtualHubRoutes` returns them for a connection. */
const ON_PREMISES = {
  addressPrefixes: ['192.168.0.0/16'],
  nextHops: [VPN],
  nextHopType: 'VPN_S2S_Gateway',
  asPath: '65010',
  routeOrigin: VPN,
}
const DEFAULT_TO_FIREWALL = {
  addressPrefixes: ['0.0.0.0/0'],
  nextHops: [FW],
  nextHopType: 'Azure Firewall',
  asPath: '',
  routeOrigin: `${HUB}/hubRouteTables/defaultRouteTable`,
}
const DEFAULT_FROM_ON_PREMISES = {
  addressPrefixes: ['0.0.0.0/0'],
  nextHops: [VPN],
  nextHopType: 'VPN_S2S_Gateway',
  asPath: '65010',
  routeOrigin: VPN,
}

const servers: ArmServer[] = []
afterAll(async () => Promise.all(servers.map((s) => s.close())))

async function judge(
  resources: ArmResource[],
  opts: {
    hubRoutes?: unknown[]
    effectiveRoutes?: boolean
    intercept?: (r: RecordedRequest) => ReturnType<typeof armError> | undefined
  } = {},
) {
  const server = await startArmServer({
    inventory: {
      subscriptions: { [SUB]: resources },
      ...(opts.hubRoutes ? { hubEffectiveRoutes: { [CONNECTION]: opts.hubRoutes } } : {}),
    },
    ...(opts.intercept ? { intercept: opts.intercept } : {}),
    lroPolls: 0,
  })
  servers.push(server)
  const live = await readDeployed({
    credential: staticCredential(),
    cloud: 'AzureCloud',
    endpoint: server.url,
    subscriptionIds: [SUB],
    effectiveRoutes: opts.effectiveRoutes ?? true,
    timeBudgetMs: 60_000,
    clientOptions: server.clientOptions,
  })
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kms-hub-routes-')))
  const result = await scan({
    path: dir,
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
    deployed: live.deployed,
  })
  return { server, live, result, app: result.verdict.subnets.find((s) => s.subnet === 'snet-app') }
}

test('without effective routes the hub VPN gateway leaves the spoke undecided (BGP), and the hub routes are not asked for', async () => {
  const { server, app } = await judge(hub(false), { effectiveRoutes: false })
  expect(app?.state).toBe('undecided')
  expect(app?.hop).toContain('vpngw-vhub-neu')
  expect(server.requests.some((r) => r.path.endsWith('/effectiveRoutes'))).toBe(false)
})

test('hub effective routes with 0.0.0.0/0 to the hub firewall: its DNS-only policy blocks the spoke (KMS003)', async () => {
  const { server, app, result, live } = await judge(hub(false), {
    hubRoutes: [ON_PREMISES, DEFAULT_TO_FIREWALL],
  })
  const asked = server.requests.filter(
    (r) => r.method === 'POST' && r.path.endsWith('/virtualHubs/vhub-neu/effectiveRoutes'),
  )
  expect(asked).toHaveLength(1)
  expect(JSON.parse(asked[0]!.body ?? '{}')).toEqual({
    resourceId: CONNECTION,
    virtualWanResourceType: 'HubVirtualNetworkConnection',
  })
  expect(live.warnings).toEqual([])
  expect(app?.state).toBe('blocked')
  expect(app?.hop).toContain('afw-vhub-neu')
  expect(result.findings.filter((f) => f.ruleId === 'KMS003')).toHaveLength(1)
})

test('negative control: the same route to a firewall that allows KMS is reachable', async () => {
  const { app } = await judge(hub(true), { hubRoutes: [ON_PREMISES, DEFAULT_TO_FIREWALL] })
  expect(app?.state).toBe('reachable')
})

test('hub effective routes without a default route: the spoke keeps its own Internet route (reachable)', async () => {
  const { app, result } = await judge(hub(false), { hubRoutes: [ON_PREMISES] })
  expect(app?.state).toBe('reachable')
  expect(result.findings.filter((f) => f.ruleId === 'KMS014')).toEqual([])
})

test('a default route learned from on-premises through the hub VPN gateway is named, not followed', async () => {
  const { app } = await judge(hub(false), { hubRoutes: [ON_PREMISES, DEFAULT_FROM_ON_PREMISES] })
  expect(app?.state).toBe('undecided')
  expect(app?.hop).toContain('0.0.0.0/0 → VPN_S2S_Gateway vpngw-vhub-neu')
  expect(app?.why).toContain('AS path 65010), which the scan does not follow')
})

test('hub effective routes that cannot be read (403) leave the spoke undecided, and the warning names the connection', async () => {
  const { app, live } = await judge(hub(true), {
    hubRoutes: [ON_PREMISES],
    intercept: (r) =>
      r.path.endsWith('/effectiveRoutes')
        ? armError(
            403,
            'AuthorizationFailed',
            "no authorization to perform action 'Microsoft.Network/virtualHubs/effectiveRoutes/action'",
          )
        : undefined,
  })
  expect(app?.state).toBe('undecided')
  expect(live.warnings.join('\n')).toMatch(/conn-spoke-app: effective routes could not be read \(HTTP 403/)
})

test('overlay: routing intent added in Terraform to the hub outweighs the deployed effective routes', async () => {
  const before = await judge(hub(false), { hubRoutes: [ON_PREMISES] })
  expect(before.app?.state).toBe('reachable')
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kms-hub-routes-overlay-')))
  fs.writeFileSync(
    path.join(dir, 'main.tf'),
    `resource "azurerm_virtual_hub_routing_intent" "neu" {
  name           = "hubRoutingIntent"
  virtual_hub_id = "${HUB}"
  routing_policy {
    name         = "InternetTrafficPolicy"
    destinations = ["Internet"]
    next_hop     = "${FW}"
  }
}
`,
  )
  const after = await scan({
    path: dir,
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
    deployed: before.live.deployed,
  })
  const app = after.verdict.subnets.find((s) => s.subnet === 'snet-app')
  expect(app?.state).toBe('blocked')
  expect(app?.hop).toContain('afw-vhub-neu')
})

test('routing intent → the hub firewall: the hub effective routes are read too, and 0.0.0.0/0 to a firewall that allows KMS is reachable', async () => {
  const { server, app, live } = await judge(hub(true, { intent: true }), {
    hubRoutes: [ON_PREMISES, DEFAULT_TO_FIREWALL],
  })
  expect(
    server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/effectiveRoutes')),
  ).toHaveLength(1)
  expect(live.warnings).toEqual([])
  expect(app?.state).toBe('reachable')
})

test('routing intent configured but not in force (its provisioning failed): the hub sends 0.0.0.0/0 on-premises, named, not "reachable"', async () => {
  const { app } = await judge(hub(true, { intent: true, intentState: 'Failed' }), {
    hubRoutes: [ON_PREMISES, DEFAULT_FROM_ON_PREMISES],
  })
  expect(app?.state).toBe('undecided')
  expect(app?.hop).toContain('0.0.0.0/0 → VPN_S2S_Gateway vpngw-vhub-neu')
})

test('routing intent and effective routes that cannot be read: the intent’s configuration decides (its firewall’s policy), and the warning names the connection', async () => {
  const { app, live } = await judge(hub(false, { intent: true }), {
    intercept: (r) =>
      r.path.endsWith('/effectiveRoutes')
        ? armError(
            403,
            'AuthorizationFailed',
            "no authorization to perform action 'Microsoft.Network/virtualHubs/effectiveRoutes/action'",
          )
        : undefined,
  })
  expect(app?.state).toBe('blocked')
  expect(app?.hop).toContain('afw-vhub-neu')
  expect(live.warnings.join('\n')).toMatch(/conn-spoke-app: effective routes could not be read \(HTTP 403/)
})
