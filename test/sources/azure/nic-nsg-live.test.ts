/**
 * NSGs on network interfaces, live. A hardened Windows VM carries an NSG on its NIC that denies Internet
 * outbound; its subnet's route table sends 0.0.0.0/0 away, so Azure's platform exception for KMS is off and
 * the VM cannot activate. Read from the HTTPS stand-in for ARM:
 *
 * - a workload root module's NIC (IaC) in a subnet the platform team deploys meets the deployed subnet;
 * - a NIC that exists only in Azure is read with the subscription (networkInterfaces), in another resource
 *   group than its VNet's, or as a VM scale set instance's; the IaC's NIC replaces the deployed one;
 * - a NIC listing that fails leaves the subnets holding NICs undecided, naming the permission to grant;
 * - the token goes to the ARM host only: a page linking elsewhere is refused, not followed.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { readDeployed } from '../../../src/action/live'
import { scan } from '../../../src/pipeline/scan'
import {
  armNic,
  armNsg,
  armRouteTable,
  armVnet,
  netId,
  type ArmEffectiveRoute,
} from '../../helpers/arm-inventory'
import {
  armError,
  startArmServer,
  staticCredential,
  TEST_TOKEN,
  type ArmServer,
  type ArmServerOptions,
} from '../../helpers/arm-server'
import { armDenyInternetRules, tfDenyInternetNsg } from '../../helpers/nic-nsg'

const SUB = '7d3f1b52-6a4e-4c19-9e0b-2f8a5c7d1e93'
const TABLE = netId(SUB, 'rg-spoke-app', 'routeTables', 'rt-app')
const VNET = netId(SUB, 'rg-spoke-app', 'virtualNetworks', 'vnet-spoke-app')
const APP = `${VNET}/subnets/snet-app`
const DATA = `${VNET}/subnets/snet-data`
const NSG_VM = netId(SUB, 'rg-workload', 'networkSecurityGroups', 'nsg-vm')
const NIC_VM = netId(SUB, 'rg-workload', 'networkInterfaces', 'nic-vm-app-01')
/**
 * The spoke: snet-app and snet-data, both with rt-app (0.0.0.0/0 → Internet: the platform exception is off)
 * unless `routeOverride` is false. `nic`: a VM NIC in snet-app (rg-workload) with nsg-vm (Internet denied,
 * KMS allowed first with `allowKms`), or none.
 */
function estate(opts: { nic?: 'vm' | 'scaleSet' | false; allowKms?: boolean; routeOverride?: boolean } = {}) {
  const table = opts.routeOverride === false ? undefined : TABLE
  const nic = opts.nic ?? 'vm'
  return [
    armRouteTable(SUB, 'rg-spoke-app', 'rt-app', [
      { name: 'default-internet', addressPrefix: '0.0.0.0/0', nextHopType: 'Internet' },
    ]),
    armVnet(SUB, 'rg-spoke-app', 'vnet-spoke-app', '10.1.0.0/16', [
      { name: 'snet-app', prefix: '10.1.1.0/24', ...(table ? { routeTableId: table } : {}) },
      { name: 'snet-data', prefix: '10.1.2.0/24', ...(table ? { routeTableId: table } : {}) },
    ]),
    armNsg(SUB, 'rg-workload', 'nsg-vm', armDenyInternetRules(opts.allowKms)),
    ...(nic === 'vm'
      ? [
          armNic(
            SUB,
            'rg-workload',
            'nic-vm-app-01',
            APP,
            `/subscriptions/${SUB}/resourceGroups/rg-workload/providers/Microsoft.Compute/virtualMachines/vm-app-01`,
            { nsgId: NSG_VM },
          ),
        ]
      : nic === 'scaleSet'
        ? [
            armNic(SUB, 'rg-workload', 'nic-vmss-app', APP, undefined, {
              nsgId: NSG_VM,
              id: `/subscriptions/${SUB}/resourceGroups/rg-workload/providers/Microsoft.Compute/virtualMachineScaleSets/vmss-app/virtualMachines/0/networkInterfaces/nic-vmss-app`,
            }),
          ]
        : []),
  ]
}

/** A workload root module's NIC (IaC) in the deployed snet-app; its NSG nsg-vm-iac, or none. */
const workload = (opts: { nsgOnNic: boolean; allowKms?: boolean; nicName?: string; nicGroup?: string }) => `
data "azurerm_subnet" "app" {
  name                 = "snet-app"
  virtual_network_name = "vnet-spoke-app"
  resource_group_name  = "rg-spoke-app"
}

resource "azurerm_network_interface" "vm" {
  name                = "${opts.nicName ?? 'nic-vm-app-02'}"
  location            = "westeurope"
  resource_group_name = "${opts.nicGroup ?? 'rg-workload'}"

  ip_configuration {
    name                          = "ipconfig1"
    subnet_id                     = data.azurerm_subnet.app.id
    private_ip_address_allocation = "Dynamic"
  }
}

${tfDenyInternetNsg({ label: 'vm', name: 'nsg-vm-iac', resourceGroup: 'rg-workload', allowKms: opts.allowKms })}
${
  opts.nsgOnNic
    ? `
resource "azurerm_network_interface_security_group_association" "vm" {
  network_interface_id      = azurerm_network_interface.vm.id
  network_security_group_id = azurerm_network_security_group.vm.id
}
`
    : ''
}`

const servers: ArmServer[] = []
afterAll(async () => Promise.all(servers.map((s) => s.close())))

async function judge(
  opts: {
    tf?: string
    resources?: ReturnType<typeof estate>
    resourceGroups?: string[]
    intercept?: ArmServerOptions['intercept']
    requestTimeoutMs?: number
    /** Read one NIC's effective routes per subnet too, these being the routes of every NIC. */
    effectiveRoutes?: ArmEffectiveRoute[]
  } = {},
) {
  const server = await startArmServer({
    inventory: {
      subscriptions: { [SUB]: opts.resources ?? estate({ nic: false }) },
      ...(opts.effectiveRoutes ? { effectiveRoutes: { [NIC_VM]: opts.effectiveRoutes } } : {}),
    },
    lroPolls: 0,
    ...(opts.intercept ? { intercept: opts.intercept } : {}),
  })
  servers.push(server)
  const live = await readDeployed({
    credential: staticCredential(),
    cloud: 'AzureCloud',
    endpoint: server.url,
    subscriptionIds: [SUB],
    ...(opts.resourceGroups ? { resourceGroups: opts.resourceGroups } : {}),
    effectiveRoutes: opts.effectiveRoutes !== undefined,
    timeBudgetMs: 60_000,
    clientOptions: {
      ...server.clientOptions,
      ...(opts.requestTimeoutMs ? { requestTimeoutMs: opts.requestTimeoutMs } : {}),
    },
  })
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kms-nic-nsg-live-')))
  if (opts.tf) fs.writeFileSync(path.join(dir, 'main.tf'), opts.tf)
  const result = await scan({
    path: dir,
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
    deployed: live.deployed,
  })
  const subnet = (id: string) =>
    result.verdict.subnets.find((s) => s.address.toLowerCase() === id.toLowerCase())!
  return { server, live, result, app: subnet(APP), data: subnet(DATA) }
}

describe("the IaC's NIC in a deployed subnet", () => {
  test("the workload's NIC NSG blocks KMS for the deployed subnet it reads (KMS006 naming the NIC)", async () => {
    const { result, app } = await judge({ tf: workload({ nsgOnNic: true }) })
    expect(app).toMatchObject({ state: 'blocked', format: 'live' })
    expect(app.hop).toMatch(/NSG nsg-vm-iac on NIC nic-vm-app-02: rule deny-internet-out denies/)
    expect(result.findings.find((f) => f.ruleId === 'KMS006')?.message).toMatch(
      /deny-internet-out in nsg-vm-iac \(set on network interface nic-vm-app-02\).*route table rt-app overrides 0\.0\.0\.0\/0/,
    )
  })

  test('negative control: the NSG not set on the NIC leaves the deployed subnet reachable', async () => {
    expect((await judge({ tf: workload({ nsgOnNic: false }) })).app.state).toBe('reachable')
  })
})

describe('NICs that exist only in Azure', () => {
  test('a deployed VM NIC whose NSG denies Internet outbound blocks KMS in its subnet only (KMS006 on the NIC)', async () => {
    const { result, app, data, server } = await judge({ resources: estate() })
    expect(app).toMatchObject({ state: 'blocked', format: 'live' })
    expect(app.hop).toMatch(/NSG nsg-vm on NIC nic-vm-app-01: rule deny-internet-out denies/)
    expect(result.findings.find((f) => f.ruleId === 'KMS006')?.message).toMatch(
      /deny-internet-out in nsg-vm \(set on network interface nic-vm-app-01\)/,
    )
    expect(data.state).toBe('reachable')
    // The token went with every request, and every request went to the stand-in (the ARM host).
    expect(server.requests.some((r) => /\/networkInterfaces$/i.test(r.path))).toBe(true)
    expect(server.requests.every((r) => r.authorization === `Bearer ${TEST_TOKEN}`)).toBe(true)
  })

  test('the platform exception lets KMS past the NIC NSG where no route overrides 0.0.0.0/0 (KMS013)', async () => {
    const { result, app } = await judge({ resources: estate({ routeOverride: false }) })
    expect(app.state).toBe('reachable')
    const f = result.findings.find((x) => x.ruleId === 'KMS013')
    expect(f?.message).toMatch(/nsg-vm/)
    expect(f?.message).toMatch(/nic-vm-app-01/)
  })

  test('negative control: a NIC NSG that allows KMS before its deny leaves the subnet reachable', async () => {
    const { result, app } = await judge({ resources: estate({ allowKms: true }) })
    expect(app.state).toBe('reachable')
    expect(result.findings.filter((f) => /nic-vm-app-01/.test(f.message))).toEqual([])
  })

  test('a scan of the network resource group reads the NIC its subnet lists in the workload group, and its NSG', async () => {
    const { app, server } = await judge({ resources: estate(), resourceGroups: ['rg-spoke-app'] })
    expect(app.state).toBe('blocked')
    expect(app.hop).toMatch(/NSG nsg-vm on NIC nic-vm-app-01/)
    const paths = server.requests.map((r) => r.path.toLowerCase())
    expect(paths).toContain(
      `/subscriptions/${SUB}/resourcegroups/rg-workload/providers/microsoft.network/networkinterfaces`,
    )
    expect(paths).toContain(NSG_VM.toLowerCase())
  })

  test("a VM scale set instance's NIC (not in the networkInterfaces listing) is read under its scale set", async () => {
    const { app } = await judge({ resources: estate({ nic: 'scaleSet' }) })
    expect(app.state).toBe('blocked')
    expect(app.hop).toMatch(/NSG nsg-vm on NIC nic-vmss-app/)
  })

  test('the IaC NIC replaces the deployed one (same name and group): its NSG allowing KMS decides', async () => {
    const iac = (nsgOnNic: boolean) =>
      judge({
        resources: estate(),
        tf: workload({ nsgOnNic, allowKms: true, nicName: 'nic-vm-app-01', nicGroup: 'rg-workload' }),
      })
    expect((await iac(true)).app.state).toBe('reachable')
    // An azurerm NIC without an association leaves the deployed one's NSG in place.
    const kept = await iac(false)
    expect(kept.app.state).toBe('blocked')
    expect(kept.app.hop).toMatch(/NSG nsg-vm on NIC nic-vm-app-01/)
  })
})

describe('with effective routes (effective-routes: true)', () => {
  const routes: ArmEffectiveRoute[] = [
    {
      source: 'User',
      state: 'Active',
      name: 'default-internet',
      addressPrefix: ['0.0.0.0/0'],
      nextHopIpAddress: [],
      nextHopType: 'Internet',
    },
  ]
  /** Requests listing NICs (a subscription's or a resource group's), not reading one. */
  const listings = (server: ArmServer) =>
    server.requests.filter((r) => r.method === 'GET' && /\/networkInterfaces$/i.test(r.path))

  test('the NICs the read listed are asked for their effective routes, not listed a second time', async () => {
    const { server, live, app } = await judge({ resources: estate(), effectiveRoutes: routes })
    // Was 2: the read's listing, then the effective routes' own networkInterfaces listing.
    expect(listings(server)).toHaveLength(1)
    expect(live.checked).toBe(1)
    expect(
      server.requests.filter((r) => /nic-vm-app-01\/effectiveRouteTable$/i.test(r.path)).length,
    ).toBeGreaterThan(0)
    expect(app.state).toBe('blocked')
    expect(app.path).toMatch(/effective routes \(nic-vm-app-01\): 0\.0\.0\.0\/0 → Internet/)
  })

  test('control: a NIC listing refused in the read: the effective routes list the NICs themselves', async () => {
    let seen = 0
    const { server, app } = await judge({
      resources: estate(),
      effectiveRoutes: routes,
      intercept: (r) =>
        r.method === 'GET' && /\/networkInterfaces$/i.test(r.path) && ++seen === 1
          ? armError(403, 'AuthorizationFailed', 'no access')
          : undefined,
    })
    expect(listings(server)).toHaveLength(2)
    expect(app.path).toMatch(/effective routes \(nic-vm-app-01\)/)
  })
})

describe('a NIC listing that fails', () => {
  const nicList = (r: { method: string; path: string }) =>
    r.method === 'GET' && /\/networkInterfaces$/i.test(r.path)

  test('403: the subnet holding a NIC is undecided, naming the permission; a subnet without NICs is not', async () => {
    const { app, data, live } = await judge({
      resources: estate(),
      intercept: (r) =>
        nicList(r)
          ? armError(
              403,
              'AuthorizationFailed',
              `The client 'kms-guard' does not have authorization to perform action 'Microsoft.Network/networkInterfaces/read' over scope '/subscriptions/${SUB}'.`,
            )
          : undefined,
    })
    expect(app.state).toBe('undecided')
    expect(`${app.hop} ${app.why}`).toMatch(/nic-vm-app-01/)
    expect(`${app.hop} ${app.why}`).toMatch(
      /HTTP 403 AuthorizationFailed.*grant Microsoft\.Network\/networkInterfaces\/read/,
    )
    expect(app.resolve).toMatch(/grant the identity the read it was refused/)
    expect(data.state).toBe('reachable')
    expect(live.warnings.join('\n')).toMatch(/networkInterfaces could not be read/)
    expect(JSON.stringify(live.warnings)).not.toContain(TEST_TOKEN)
  })

  test('throttling past the retries: undecided, naming the 429', async () => {
    const { app } = await judge({
      resources: estate(),
      intercept: (r) => (nicList(r) ? armError(429, 'TooManyRequests', 'Too many requests.') : undefined),
    })
    expect(app.state).toBe('undecided')
    expect(`${app.hop} ${app.why}`).toMatch(/HTTP 429/)
    expect(app.resolve).toMatch(/throttled the read \(HTTP 429\)/)
  })

  test('a listing that stalls past the request timeout: undecided, naming the timeout', async () => {
    const { app } = await judge({
      resources: estate(),
      requestTimeoutMs: 3000,
      intercept: (r) => (nicList(r) ? { status: 200, body: { value: [] }, stallAfterBytes: 3 } : undefined),
    })
    expect(app.state).toBe('undecided')
    expect(`${app.hop} ${app.why}`).toMatch(/no answer within 3 s/)
    expect(app.resolve).toMatch(/did not answer, run again later/)
  })

  test('a page linking to another host is not followed: the token stays with ARM, the subnet is undecided', async () => {
    const decoy = await startArmServer({ inventory: { subscriptions: {} } })
    servers.push(decoy)
    const { app } = await judge({
      resources: estate(),
      intercept: (r) =>
        nicList(r) && !r.query.$skiptoken
          ? {
              status: 200,
              body: {
                value: [],
                nextLink: `${decoy.url}${r.path}?api-version=${r.query['api-version']}&$skiptoken=1`,
              },
            }
          : undefined,
    })
    expect(decoy.requests).toEqual([])
    expect(app.state).toBe('undecided')
    expect(`${app.hop} ${app.why}`).toMatch(/not the ARM endpoint/)
  })
})
