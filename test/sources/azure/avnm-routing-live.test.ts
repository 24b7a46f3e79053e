/**
 * Live reads of Azure Virtual Network Manager routing configurations (UDR management) against the HTTPS
 * stand-in for ARM, judged by the scan. A committed configuration whose rule collection applies to the app
 * spoke's network group sends 0.0.0.0/0 to the hub firewall: its policy decides KMS for that spoke and no
 * other. Positive and negative controls: a firewall that allows KMS, a rule that keeps 0.0.0.0/0 → Internet,
 * a configuration not committed, all stay clean; a commit state or rules that cannot be read are named as
 * undecided, never taken for "no route".
 */
import {
  armFirewall,
  armFirewallPolicy,
  armPlatformRuleGroup,
  armNetworkManager,
  armRouteTable,
  armRoutingConfiguration,
  armRoutingDeploymentStatus,
  armVnet,
  netId,
  type ArmResource,
} from '../../helpers/arm-inventory'
import {
  armError,
  startArmServer,
  type ArmServer,
  type FakeResponse,
  type RecordedRequest,
} from '../../helpers/arm-server'
import { scanDeployed } from '../../helpers/live-scan'

const SUB = '7d1c4f0e-2b8a-4e61-9c35-8a0f6e2d4b17'
const NM = netId(SUB, 'rg-avnm', 'networkManagers', 'nm-platform')
const GROUP = `${NM}/networkGroups/ng-spokes`
const CONFIG = `${NM}/routingConfigurations/rc-egress`
const APP_VNET = netId(SUB, 'rg-spoke-app', 'virtualNetworks', 'vnet-spoke-app')
const POLICY = netId(SUB, 'rg-hub', 'firewallPolicies', 'fwp-hub')

const MANAGED_RT = netId(SUB, 'rg-avnm-managed', 'routeTables', 'rt-avnm-managed')
const NORTH_VNET = netId(SUB, 'rg-spoke-north', 'virtualNetworks', 'vnet-spoke-north')

interface Opts {
  /** The routing rule's next hop for 0.0.0.0/0; default the hub firewall. */
  nextHop?: { nextHopType: string; nextHopAddress?: string }
  kmsAllowed?: boolean
  /** Static members of the group; default the app spoke. [] = Azure Policy (dynamic) membership. */
  members?: string[]
  /** Add vnet-spoke-north (snet-north) in northeurope. */
  north?: boolean
  /** The route table the committed configuration made, in the manager's own resource group, on snet-app. */
  managedTable?: boolean
}

function estate(opts: Opts = {}): ArmResource[] {
  const nextHop = opts.nextHop ?? { nextHopType: 'VirtualAppliance', nextHopAddress: '10.0.1.4' }
  const members = opts.members ?? [APP_VNET]
  return [
    armVnet(SUB, 'rg-hub', 'vnet-hub', '10.0.0.0/16', [
      { name: 'AzureFirewallSubnet', prefix: '10.0.1.0/26' },
    ]),
    armVnet(SUB, 'rg-spoke-app', 'vnet-spoke-app', '10.1.0.0/16', [
      { name: 'snet-app', prefix: '10.1.1.0/24', ...(opts.managedTable ? { routeTableId: MANAGED_RT } : {}) },
    ]),
    ...(opts.managedTable
      ? [
          armRouteTable(
            SUB,
            'rg-avnm-managed',
            'rt-avnm-managed',
            [
              {
                name: 'default-egress',
                addressPrefix: '0.0.0.0/0',
                nextHopType: 'VirtualAppliance',
                nextHopIpAddress: '10.0.1.4',
              },
            ],
            true,
          ),
        ]
      : []),
    armVnet(SUB, 'rg-spoke-web', 'vnet-spoke-web', '10.2.0.0/16', [
      { name: 'snet-web', prefix: '10.2.1.0/24' },
    ]),
    ...(opts.north
      ? [
          {
            ...armVnet(SUB, 'rg-spoke-north', 'vnet-spoke-north', '10.3.0.0/16', [
              { name: 'snet-north', prefix: '10.3.1.0/24' },
            ]),
            location: 'northeurope',
          },
        ]
      : []),
    armFirewall(SUB, 'rg-hub', 'afw-hub', {
      privateIp: '10.0.1.4',
      subnetId: `${netId(SUB, 'rg-hub', 'virtualNetworks', 'vnet-hub')}/subnets/AzureFirewallSubnet`,
      policyId: POLICY,
    }),
    armFirewallPolicy(SUB, 'rg-hub', 'fwp-hub', { groupNames: ['rcg-platform'] }),
    armPlatformRuleGroup(POLICY, opts.kmsAllowed ?? false),
    ...armNetworkManager(SUB, 'rg-avnm', 'nm-platform', {
      accesses: ['SecurityAdmin', 'Routing'],
      group: 'ng-spokes',
      members: Object.fromEntries(members.map((vnet) => [`sm-${vnet.split('/').pop()}`, vnet])),
    }),
    ...armRoutingConfiguration(NM, 'rc-egress', {
      group: 'ng-spokes',
      collection: 'rcol-spokes',
      description: 'Spoke egress through the hub firewall',
      rules: [{ name: 'default-egress', destination: '0.0.0.0/0', nextHop }],
    }),
  ]
}

const committed = armRoutingDeploymentStatus

const servers: ArmServer[] = []
afterAll(async () => Promise.all(servers.map((s) => s.close())))

const refuse = (what: string): FakeResponse =>
  armError(
    403,
    'AuthorizationFailed',
    `The client 'kms-guard' with object id '0000' does not have authorization to perform action '${what}' over scope '/subscriptions/${SUB}' or the scope is invalid.`,
  )

async function readAndJudge(
  resources: ArmResource[],
  opts: {
    status?: unknown[]
    /** Azure Resource Graph network group memberships: member ARM id → group ids. */
    memberships?: Record<string, string[]>
    intercept?: (req: RecordedRequest) => FakeResponse | undefined
    /** Read only these resource groups (the `resource-groups` input). */
    resourceGroups?: string[]
  } = {},
) {
  const server = await startArmServer({
    inventory: {
      subscriptions: { [SUB]: resources },
      deploymentStatus: { [NM]: opts.status ?? [] },
      groupMemberships: opts.memberships ?? {},
    },
    ...(opts.intercept ? { intercept: opts.intercept } : {}),
  })
  servers.push(server)
  const { live, result } = await scanDeployed(server, [SUB], opts.resourceGroups)
  const verdict = (subnet: string) => result.verdict.subnets.find((s) => s.subnet === subnet)
  return {
    server,
    live,
    result,
    app: verdict('snet-app'),
    web: verdict('snet-web'),
    north: verdict('snet-north'),
  }
}

test('a committed routing configuration sends the app spoke’s 0.0.0.0/0 to a firewall that allows only DNS: blocked there, the web spoke stays reachable', async () => {
  const { server, live, app, web, result } = await readAndJudge(estate(), { status: committed([CONFIG]) })
  expect(app?.state).toBe('blocked')
  expect(app?.hop).toMatch(/afw-hub|fwp-hub/)
  expect(web?.state).toBe('reachable')
  const routes = live.model.networkManager?.routes ?? []
  expect(
    routes.map((r) => [r.name.known && r.name.value, r.destination.known && r.destination.value]),
  ).toEqual([['default-egress', '0.0.0.0/0']])
  expect(routes[0]?.bgpRoutePropagation).toMatchObject({ known: true, value: false })
  const finding = result.findings.find((f) => f.subnets?.includes('vnet-spoke-app/snet-app'))
  expect(finding).toBeDefined()
  // The commit state is asked for the VNets' region and for routing only.
  const status = server.requests.find((r) => r.path.endsWith('/listDeploymentStatus'))
  expect(status?.method).toBe('POST')
  expect(JSON.parse(status?.body ?? '{}')).toEqual({ regions: ['westeurope'], deploymentTypes: ['Routing'] })
  expect(live.warnings).toEqual([])
})

test('negative controls: the same committed route to a firewall that allows KMS, or 0.0.0.0/0 → Internet, stays reachable and clean', async () => {
  for (const e of [estate({ kmsAllowed: true }), estate({ nextHop: { nextHopType: 'Internet' } })]) {
    const { app, web, result } = await readAndJudge(e, { status: committed([CONFIG]) })
    expect(app?.state).toBe('reachable')
    expect(web?.state).toBe('reachable')
    expect(result.findings.filter((f) => f.subnets?.includes('vnet-spoke-app/snet-app'))).toEqual([])
  }
})

test('a configuration that is not committed (another one is) puts no route: the app spoke stays reachable', async () => {
  const { app, live } = await readAndJudge(estate(), {
    status: committed([`${NM}/routingConfigurations/rc-other`]),
  })
  expect(app?.state).toBe('reachable')
  expect(live.model.networkManager?.configurations.find((c) => c.kind === 'routing')?.deployed).toMatchObject(
    {
      known: true,
      value: false,
    },
  )
})

test('a commit still deploying, or a deployment status that cannot be read, leaves the app spoke undecided, named', async () => {
  const deploying = await readAndJudge(estate(), { status: committed([CONFIG], 'Deploying') })
  expect(deploying.app?.state).toBe('undecided')
  expect(deploying.app?.why).toMatch(/its commit in westeurope is not complete \(Deploying\)/)
  expect(deploying.web?.state).toBe('reachable')

  const refused = await readAndJudge(estate(), {
    intercept: (req) =>
      req.path.endsWith('/listDeploymentStatus')
        ? refuse('Microsoft.Network/networkManagers/listDeploymentStatus/action')
        : undefined,
  })
  expect(refused.app?.state).toBe('undecided')
  expect(refused.app?.why).toMatch(/whether it is committed could not be read \(HTTP 403/)
  expect(refused.web?.state).toBe('reachable')
})

test('a commit in some regions only: member spokes in the committed region get the managed route, those elsewhere do not', async () => {
  const members = [APP_VNET, NORTH_VNET]
  const { app, north, server } = await readAndJudge(estate({ members, north: true }), {
    status: committed([CONFIG]),
  })
  // westeurope has the commit: the app spoke's KMS goes to the firewall, which allows only DNS.
  expect(app?.state).toBe('blocked')
  // northeurope has none: the managed route is not there, the system route decides.
  expect(north?.state).toBe('reachable')
  const status = server.requests.find((r) => r.path.endsWith('/listDeploymentStatus'))
  expect(JSON.parse(status?.body ?? '{}').regions).toEqual(['northeurope', 'westeurope'])

  // A commit still deploying in northeurope leaves only that spoke undecided, named.
  const mixed = await readAndJudge(estate({ members, north: true }), {
    status: [...committed([CONFIG]), ...committed([CONFIG], 'Deploying', 'northeurope')],
  })
  expect(mixed.app?.state).toBe('blocked')
  expect(mixed.north?.state).toBe('undecided')
  expect(mixed.north?.why).toMatch(/its commit in northeurope is not complete \(Deploying\)/)
})

test('the route table the manager made for a member subnet, outside the scanned resource groups, is read by id and decides', async () => {
  const { app, web, server } = await readAndJudge(estate({ managedTable: true }), {
    status: committed([CONFIG]),
    resourceGroups: ['rg-hub', 'rg-spoke-app', 'rg-spoke-web', 'rg-avnm'],
  })
  expect(server.requests.some((r) => r.method === 'GET' && r.path === MANAGED_RT)).toBe(true)
  // Its 0.0.0.0/0 (and the rule with that destination) sends KMS to the firewall, which allows only DNS.
  expect(app?.state).toBe('blocked')
  expect(app?.hop).toContain('afw-hub')
  expect(web?.state).toBe('reachable')
})

test('rules that cannot be read leave the group’s spoke undecided, never "no route"', async () => {
  const { app, web, live } = await readAndJudge(estate(), {
    status: committed([CONFIG]),
    intercept: (req) =>
      /\/ruleCollections\/rcol-spokes\/rules$/i.test(req.path)
        ? armError(500, 'InternalServerError', 'An error occurred.')
        : undefined,
  })
  expect(app?.state).toBe('undecided')
  expect(app?.why).toMatch(/the rules of routing rule collection rcol-spokes could not be read \(HTTP 500/)
  expect(web?.state).toBe('reachable')
  expect(live.warnings.join('\n')).toMatch(/rcol-spokes\/rules could not be read/)
})

test('a network manager without routing configurations costs one request and changes nothing', async () => {
  const resources = estate().filter((r) => !r.type.includes('/routingConfigurations'))
  const { server, app, live } = await readAndJudge(resources)
  expect(app?.state).toBe('reachable')
  expect(live.model.networkManager).toBeUndefined()
  const asked = server.requests.filter((r) => /\/networkManagers\/nm-platform\//i.test(r.path))
  expect(asked.map((r) => r.path.split('/').pop())).toEqual(['routingConfigurations'])
})

const APP_SUBNET = `${APP_VNET}/subnets/snet-app`

test('a group whose members come from Azure Policy: Resource Graph’s memberships decide (the app spoke is a member: blocked; web: reachable)', async () => {
  const { server, app, web, live } = await readAndJudge(estate({ members: [] }), {
    status: committed([CONFIG]),
    memberships: { [APP_VNET]: [GROUP] },
  })
  expect(app?.state).toBe('blocked')
  expect(web?.state).toBe('reachable')
  const asked = server.requests.filter((r) => r.path === '/providers/Microsoft.ResourceGraph/resources')
  expect(asked).toHaveLength(1)
  expect(JSON.parse(asked[0]!.body ?? '{}')).toMatchObject({
    subscriptions: [SUB],
    query: expect.stringMatching(/networkgroupmemberships/),
  })
  expect(live.warnings).toEqual([])
})

test('without Resource Graph (refused), a group whose members come from Azure Policy leaves both spokes undecided, naming the group', async () => {
  const { app, web, live } = await readAndJudge(estate({ members: [] }), {
    status: committed([CONFIG]),
    memberships: { [APP_VNET]: [GROUP] },
    intercept: (req) =>
      req.path === '/providers/Microsoft.ResourceGraph/resources'
        ? refuse('Microsoft.ResourceGraph/resources/read')
        : undefined,
  })
  for (const v of [app, web]) {
    expect(v?.state).toBe('undecided')
    expect(v?.why).toMatch(/ng-spokes/)
  }
  expect(live.warnings.join('\n')).toMatch(
    /network group memberships could not be read from Azure Resource Graph \(HTTP 403/,
  )
})

test('a subnet-type group: the member subnet is decided from Resource Graph, the other spoke is not a member', async () => {
  const resources = estate({ members: [APP_SUBNET] }).map((r) =>
    r.id === GROUP ? { ...r, properties: { ...r.properties, memberType: 'Subnet' } } : r,
  )
  const { app, web } = await readAndJudge(resources, {
    status: committed([CONFIG]),
    memberships: { [APP_SUBNET]: [GROUP] },
  })
  expect(app?.state).toBe('blocked')
  expect(web?.state).toBe('reachable')
})
