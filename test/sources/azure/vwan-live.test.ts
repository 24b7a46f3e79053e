/**
 * Live reads of Virtual WAN against the HTTPS stand-in for ARM: hubs, their VNet connections, routing
 * intent and route tables (child listings per hub), the hub firewall and its policy, mapped into the same
 * vWAN model the IaC sources fill, then judged: a secured hub whose routing intent sends Internet traffic
 * to a firewall allowing only DNS blocks the spoke; a KMS rule makes it reachable.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { scan } from '../../../src/pipeline/scan'
import { armSecuredHub, armVnet, netId, type ArmResource } from '../../helpers/arm-inventory'
import { armError, startArmServer, type ArmServer } from '../../helpers/arm-server'
import { scanDeployed } from '../../helpers/live-scan'

const SUB = '7d3b1c2e-5f7a-4c1d-9a55-2f0e8b6c4d21'
const HUB = netId(SUB, 'rg-vwan', 'virtualHubs', 'vhub-weu')
const FW = netId(SUB, 'rg-vwan', 'azureFirewalls', 'afw-vhub-weu')
const SPOKE = netId(SUB, 'rg-spoke-app', 'virtualNetworks', 'vnet-spoke-app')

/** A secured hub as ARM returns it: hub, connection, routing intent, default route table, firewall, policy. */
function securedHub(kmsAllowed: boolean): ArmResource[] {
  return [
    ...armSecuredHub({
      sub: SUB,
      rg: 'rg-vwan',
      name: 'vhub-weu',
      location: 'westeurope',
      addressPrefix: '10.100.0.0/23',
      firewallIp: '10.100.0.132',
      connections: { 'conn-spoke-app': SPOKE },
      kmsAllowed,
      intent: { private: true },
      defaultRoutes: [
        {
          name: '_policy_InternetTraffic',
          destinationType: 'CIDR',
          destinations: ['0.0.0.0/0'],
          nextHopType: 'ResourceId',
          nextHop: FW,
        },
      ],
    }),
    armVnet(SUB, 'rg-spoke-app', 'vnet-spoke-app', '10.1.0.0/16', [
      { name: 'snet-app', prefix: '10.1.1.0/24' },
    ]),
  ]
}

const servers: ArmServer[] = []
afterAll(async () => Promise.all(servers.map((s) => s.close())))

async function readAndJudge(
  resources: ArmResource[],
  intercept?: Parameters<typeof startArmServer>[0]['intercept'],
) {
  const server = await startArmServer({ inventory: { subscriptions: { [SUB]: resources } }, intercept })
  servers.push(server)
  return { server, ...(await scanDeployed(server, [SUB])) }
}

test('live: hubs and their child resources are read and mapped into the vWAN model', async () => {
  const { server, live } = await readAndJudge(securedHub(false))
  const w = live.model.virtualWan!
  expect(w.hubs.map((h) => h.id)).toEqual([HUB.toLowerCase()])
  expect(w.connections).toMatchObject([
    { vnetName: { known: true, value: 'vnet-spoke-app' }, internetSecurity: { known: true, value: true } },
  ])
  // The default route table is the hub's own: not an explicit association.
  expect(w.connections[0].associatedRouteTableId).toBeUndefined()
  expect(w.routingIntents[0].internetNextHop).toMatchObject({ known: true, value: FW.toLowerCase() })
  expect(w.routeTables[0].routes[0].destinations).toMatchObject({ value: ['0.0.0.0/0'] })
  expect(live.model.firewalls[0].virtualHubId).toMatchObject({ value: HUB.toLowerCase() })
  const children = server.requests.map((r) => r.path).filter((p) => p.includes('/virtualHubs/vhub-weu/'))
  expect(children.map((p) => p.split('/').pop()).sort()).toEqual([
    'hubRouteTables',
    'hubVirtualNetworkConnections',
    'routingIntent',
  ])
  expect(live.warnings).toEqual([])
})

test('live: routing intent → hub firewall allowing only DNS blocks the spoke at the firewall', async () => {
  const { result } = await readAndJudge(securedHub(false))
  const app = result.verdict.subnets.find((s) => s.subnet === 'snet-app')
  expect(app).toMatchObject({ state: 'blocked', vnet: 'vnet-spoke-app' })
  expect(app?.hop).toContain('afw-vhub-weu')
  expect(result.findings.filter((f) => f.ruleId === 'KMS003')).toHaveLength(1)
})

test('live negative control: a KMS rule in the hub policy makes the spoke reachable', async () => {
  const { result } = await readAndJudge(securedHub(true))
  expect(result.findings.filter((f) => f.severity !== 'notice')).toEqual([])
  expect(result.verdict.subnets.find((s) => s.subnet === 'snet-app')?.state).toBe('reachable')
})

test('live: routing intent that cannot be read leaves the spoke undecided, never reachable', async () => {
  const { live, result } = await readAndJudge(securedHub(true), (req) =>
    req.path.endsWith('/routingIntent')
      ? armError(403, 'AuthorizationFailed', 'no read on routingIntent')
      : undefined,
  )
  expect(live.warnings.join('\n')).toContain('virtualHubs/vhub-weu/routingIntent could not be read')
  expect(result.verdict.subnets.find((s) => s.subnet === 'snet-app')?.state).toBe('undecided')
})

test('overlay: routing intent added in Terraform to a deployed hub sends the deployed spoke to the DNS-only firewall', async () => {
  // Deployed: the secured hub without routing intent (the spoke leaves through Azure's default route).
  const deployed = securedHub(false)
    .filter((r) => !/\/routingIntent\//.test(r.id))
    .map((r) => (/\/hubRouteTables\//.test(r.id) ? { ...r, properties: { ...r.properties, routes: [] } } : r))
  const before = await readAndJudge(deployed)
  expect(before.result.verdict.subnets.find((s) => s.subnet === 'snet-app')?.state).toBe('reachable')

  // The pull request adds routing intent to that hub, by its ARM id.
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kms-vwan-overlay-')))
  fs.writeFileSync(
    path.join(dir, 'main.tf'),
    `resource "azurerm_virtual_hub_routing_intent" "weu" {
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
    deployed: { model: before.live.model, cloud: 'AzureCloud' },
  })
  const app = after.verdict.subnets.find((s) => s.subnet === 'snet-app')
  expect(app).toMatchObject({ state: 'blocked' })
  expect(app?.hop).toContain('afw-vhub-weu')
  const kms003 = after.findings.filter((f) => f.ruleId === 'KMS003')
  expect(kms003).toHaveLength(1)
  expect(kms003[0].location.file).toBe(path.join(dir, 'main.tf'))
})
