/**
 * Live reads of Azure Virtual Network Manager security admin rules against the HTTPS stand-in for ARM,
 * judged by the scan: the effective rules of each VNet first (authoritative), then, where Azure refuses
 * them, the network managers of the scanned subscription (groups, static members, committed rules), then
 * their configurations as they are now. A Deny on TCP 1688 blocks the VNet it is in effect for and no
 * other; an AlwaysAllow overrides an NSG deny; no admin rule leaves the NSG to decide; a read that fails
 * is named as undecided, never taken for "no rule".
 */
import {
  armNetworkManager,
  armNsg,
  armRouteTable,
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

const SUB = '5c2e8a71-94d3-4b0f-8e6a-1d7c3b9f0a42'
const NET = 'Microsoft.Network'
const NM = netId(SUB, 'rg-avnm', 'networkManagers', 'nm-platform')
const GROUP = `${NM}/networkGroups/ng-spokes`
const CONFIG = `${NM}/securityAdminConfigurations/sac-baseline`
const COLLECTION = `${CONFIG}/ruleCollections/rc-kms`
const APP_VNET = netId(SUB, 'rg-spoke-app', 'virtualNetworks', 'vnet-spoke-app')
const WEB_VNET = netId(SUB, 'rg-spoke-web', 'virtualNetworks', 'vnet-spoke-web')

type Access = 'Deny' | 'AlwaysAllow' | 'Allow'

/** The rule's properties as ARM returns them (listed, active and effective rules share them). */
const ruleProperties = (access: Access) => ({
  description: 'Windows activation through Azure KMS',
  protocol: 'Tcp',
  sources: [{ addressPrefix: '*', addressPrefixType: 'IPPrefix' }],
  destinations: [
    { addressPrefix: '20.118.99.224', addressPrefixType: 'IPPrefix' },
    { addressPrefix: '40.83.235.53', addressPrefixType: 'IPPrefix' },
  ],
  sourcePortRanges: ['0-65535'],
  destinationPortRanges: ['1688'],
  access,
  priority: 100,
  direction: 'Outbound',
  provisioningState: 'Succeeded',
})

const RULE_ID = (access: Access) => `${COLLECTION}/rules/${access.toLowerCase()}-kms`

/** The shape of `listNetworkManagerEffectiveSecurityAdminRules` and (with commitTime, region) `listActiveSecurityAdminRules`. */
const reportedRule = (access: Access, extra: Record<string, unknown> = {}) => ({
  id: RULE_ID(access),
  configurationDescription: 'Platform baseline',
  ruleCollectionDescription: 'KMS',
  ruleCollectionAppliesToGroups: [{ networkGroupId: GROUP }],
  ruleGroups: [{ id: GROUP, properties: { memberType: 'VirtualNetwork', provisioningState: 'Succeeded' } }],
  kind: 'Custom',
  properties: ruleProperties(access),
  ...extra,
})

/** Two spokes (app in the network group, web not), their NSGs, and the network manager's resources. */
function estate(
  opts: {
    access?: Access
    nsgDeniesKms?: boolean
    defaultRoute?: boolean
    /** The web spoke is in northeurope and a static member of the group too. */
    webInGroupNorth?: boolean
  } = {},
): ArmResource[] {
  const nsgRules = opts.nsgDeniesKms
    ? [
        {
          name: 'deny-kms',
          priority: 100,
          direction: 'Outbound' as const,
          access: 'Deny' as const,
          protocol: 'Tcp',
          destinationAddressPrefix: 'Internet',
          destinationPortRange: '1688',
        },
      ]
    : []
  const nsgApp = armNsg(SUB, 'rg-spoke-app', 'nsg-app', nsgRules)
  const nsgWeb = armNsg(SUB, 'rg-spoke-web', 'nsg-web', nsgRules)
  // A default route of the subnet's own turns Azure's platform exception for KMS off: the NSG's deny counts.
  // It also makes an admin Deny count for sure (whether Azure's platform rule passes a Deny is not documented).
  const tables =
    opts.nsgDeniesKms || opts.defaultRoute
      ? [
          armRouteTable(
            SUB,
            'rg-spoke-app',
            'rt-app',
            [{ name: 'default', addressPrefix: '0.0.0.0/0', nextHopType: 'Internet' }],
            true,
          ),
          armRouteTable(
            SUB,
            'rg-spoke-web',
            'rt-web',
            [{ name: 'default', addressPrefix: '0.0.0.0/0', nextHopType: 'Internet' }],
            true,
          ),
        ]
      : []
  const nm: ArmResource[] = [
    ...armNetworkManager(SUB, 'rg-avnm', 'nm-platform', {
      accesses: ['SecurityAdmin'],
      group: 'ng-spokes',
      members: {
        'sm-spoke-app': APP_VNET,
        ...(opts.webInGroupNorth
          ? { 'sm-spoke-web': netId(SUB, 'rg-spoke-web', 'virtualNetworks', 'vnet-spoke-web') }
          : {}),
      },
    }),
    {
      id: CONFIG,
      name: 'sac-baseline',
      type: `${NET}/networkManagers/securityAdminConfigurations`,
      properties: { description: 'Platform baseline', provisioningState: 'Succeeded' },
    },
    {
      id: COLLECTION,
      name: 'rc-kms',
      type: `${NET}/networkManagers/securityAdminConfigurations/ruleCollections`,
      properties: { appliesToGroups: [{ networkGroupId: GROUP }], provisioningState: 'Succeeded' },
    },
    ...(opts.access
      ? [
          {
            id: RULE_ID(opts.access),
            name: `${opts.access.toLowerCase()}-kms`,
            type: `${NET}/networkManagers/securityAdminConfigurations/ruleCollections/rules`,
            kind: 'Custom',
            properties: ruleProperties(opts.access),
          },
        ]
      : []),
  ]
  return [
    armVnet(SUB, 'rg-spoke-app', 'vnet-spoke-app', '10.1.0.0/16', [
      { name: 'snet-app', prefix: '10.1.1.0/24', nsgId: nsgApp.id, routeTableId: tables[0]?.id },
    ]),
    {
      ...armVnet(SUB, 'rg-spoke-web', 'vnet-spoke-web', '10.2.0.0/16', [
        { name: 'snet-web', prefix: '10.2.1.0/24', nsgId: nsgWeb.id, routeTableId: tables[1]?.id },
      ]),
      ...(opts.webInGroupNorth ? { location: 'northeurope' } : {}),
    },
    nsgApp,
    nsgWeb,
    ...tables,
    ...nm,
  ]
}

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
    /** Effective rules per VNet id; VNets not listed have none. */
    effective?: Record<string, unknown[]>
    active?: unknown[]
    intercept?: (req: RecordedRequest) => FakeResponse | undefined
  } = {},
) {
  const server = await startArmServer({
    inventory: {
      subscriptions: { [SUB]: resources },
      effectiveAdminRules: opts.effective ?? {},
      activeAdminRules: { [NM]: opts.active ?? [] },
    },
    ...(opts.intercept ? { intercept: opts.intercept } : {}),
  })
  servers.push(server)
  const { live, result } = await scanDeployed(server, [SUB])
  const verdict = (subnet: string) => result.verdict.subnets.find((s) => s.subnet === subnet)
  return { server, live, result, app: verdict('snet-app'), web: verdict('snet-web') }
}

const noEffectiveAction = (req: RecordedRequest) =>
  req.path.endsWith('/listNetworkManagerEffectiveSecurityAdminRules')
    ? refuse('Microsoft.Network/virtualNetworks/listNetworkManagerEffectiveSecurityAdminRules/action')
    : undefined

test('effective rules: a Deny on TCP 1688 in effect for the app VNet blocks it (KMS015), the web VNet stays reachable', async () => {
  const { server, live, result, app, web } = await readAndJudge(
    estate({ access: 'Deny', defaultRoute: true }),
    {
      effective: { [APP_VNET]: [reportedRule('Deny')] },
    },
  )
  expect(app?.state).toBe('blocked')
  expect(app?.hop).toContain('deny-kms')
  expect(web?.state).toBe('reachable')
  const f = result.findings.find((x) => x.ruleId === 'KMS015')!
  expect(f.subnets).toEqual(['vnet-spoke-app/snet-app'])
  expect(f.deployed).toBe(true)
  // Every VNet read is asked (POST), and the effective view is authoritative: the network managers are not read.
  const asked = server.requests.filter((r) =>
    r.path.endsWith('/listNetworkManagerEffectiveSecurityAdminRules'),
  )
  expect(asked.map((r) => [r.method, r.path.replace(/\/listNetwork.*$/, '')]).sort()).toEqual([
    ['POST', APP_VNET],
    ['POST', WEB_VNET],
  ])
  // The network managers are listed (for their routing configurations), but not read for admin rules.
  expect(
    server.requests.some((r) =>
      /\/(listActiveSecurityAdminRules|securityAdminConfigurations|networkGroups)\b/.test(r.path),
    ),
  ).toBe(false)
  expect(live.warnings).toEqual([])
})

test('effective rules: the same Deny where Azure’s KMS platform rule may be in force (no default route of its own) is undecided, named by KMS015', async () => {
  const { app, web, result } = await readAndJudge(estate({ access: 'Deny' }), {
    effective: { [APP_VNET]: [reportedRule('Deny')] },
  })
  expect(app?.state).toBe('undecided')
  expect(web?.state).toBe('reachable')
  expect(result.findings.find((x) => x.ruleId === 'KMS015')?.subnets).toEqual(['vnet-spoke-app/snet-app'])
})

test('effective rules: an AlwaysAllow lets KMS out although the NSG denies it; without it the NSG blocks', async () => {
  const allowed = await readAndJudge(estate({ access: 'AlwaysAllow', nsgDeniesKms: true }), {
    effective: { [APP_VNET]: [reportedRule('AlwaysAllow')] },
  })
  expect(allowed.app?.state).toBe('reachable')
  expect(allowed.web?.state).toBe('blocked')
  expect(allowed.web?.hop).toContain('nsg-web')
})

test('effective rules: none in effect leaves the NSG to decide, and no Virtual Network Manager in the model', async () => {
  const denied = await readAndJudge(estate({ nsgDeniesKms: true }))
  expect(denied.live.model.networkManager).toBeUndefined()
  expect(denied.app?.state).toBe('blocked')
  expect(denied.app?.hop).toContain('nsg-app')
  expect(denied.result.findings.filter((x) => x.ruleId === 'KMS006')).toHaveLength(2)
  const open = await readAndJudge(estate())
  expect(open.app?.state).toBe('reachable')
  expect(open.web?.state).toBe('reachable')
})

test('fallback: without the effective view, the committed rules of the network manager and its groups decide', async () => {
  const { server, live, app, web } = await readAndJudge(estate({ access: 'Deny', defaultRoute: true }), {
    active: [reportedRule('Deny', { commitTime: '2026-11-30T08:12:44Z', region: 'westeurope' })],
    intercept: noEffectiveAction,
  })
  expect(live.warnings.join('\n')).toMatch(
    /effective security admin rules could not be read for 2 of 2 virtual networks \(HTTP 403 AuthorizationFailed/,
  )
  expect(app?.state).toBe('blocked')
  expect(web?.state).toBe('reachable')
  const asked = server.requests.find((r) => r.path.endsWith('/listActiveSecurityAdminRules'))
  expect(asked?.method).toBe('POST')
})

test('fallback: a Deny committed in one region applies to the group’s VNets there, not to a member in another region', async () => {
  const { app, web } = await readAndJudge(
    estate({ access: 'Deny', defaultRoute: true, webInGroupNorth: true }),
    {
      active: [reportedRule('Deny', { commitTime: '2026-11-30T08:12:44Z', region: 'westeurope' })],
      intercept: noEffectiveAction,
    },
  )
  expect(app?.state).toBe('blocked')
  expect(web?.state).toBe('reachable')
})

test('fallback: a Deny rule whose commit state cannot be read is undecided for the group’s VNet, named', async () => {
  const { app, web } = await readAndJudge(estate({ access: 'Deny' }), {
    intercept: (req) =>
      noEffectiveAction(req) ??
      (req.path.endsWith('/listActiveSecurityAdminRules')
        ? refuse('Microsoft.Network/networkManagers/listActiveSecurityAdminRules/action')
        : undefined),
  })
  expect(app?.state).toBe('undecided')
  expect(app?.hop).toContain('sac-baseline')
  expect(app?.why).toMatch(/whether it is committed could not be read \(HTTP 403/)
  expect(web?.state).toBe('reachable')
})

test('fallback: network managers that cannot be read (403) leave every subnet undecided, naming the read', async () => {
  const { live, app, web } = await readAndJudge(estate({ access: 'Deny' }), {
    effective: { [APP_VNET]: [reportedRule('Deny')] },
    intercept: (req) =>
      noEffectiveAction(req) ??
      (/\/providers\/Microsoft\.Network\/networkManagers$/i.test(req.path)
        ? refuse('Microsoft.Network/networkManagers/read')
        : undefined),
  })
  expect(live.warnings.join('\n')).toContain(
    `subscription ${SUB}: networkManagers could not be read (HTTP 403`,
  )
  for (const v of [app, web]) {
    expect(v?.state).toBe('undecided')
    expect(v?.why).toMatch(/the network managers of subscriptions\/.* could not be read \(HTTP 403/)
    expect(v?.resolve).toMatch(/grant the identity the read it was refused/)
  }
})
