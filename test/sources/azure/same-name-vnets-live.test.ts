/**
 * Two VNets with one name (`vnet-spoke`, one per landing zone) are two VNets: read live against the HTTPS
 * stand-in for ARM, a VPN gateway with BGP, a Virtual Network Manager admin Deny or a Virtual WAN hub
 * connection that one of them has changes that one's subnets only. The other, alike in all but its
 * resource group or subscription, stays reachable.
 */
import {
  armRouteTable,
  armNetworkManager,
  armSecuredHub,
  armVnet,
  armVpnGateway,
  netId,
  type ArmResource,
} from '../../helpers/arm-inventory'
import { armError, startArmServer, type ArmServer } from '../../helpers/arm-server'
import { scanDeployed } from '../../helpers/live-scan'

const SUB_A = '1b7e4c90-3a5d-4f21-8c6e-9d0a2b4f6e13'
const SUB_B = '8e2d6a14-7c3b-4e95-a0f1-5b9c7d3e2a68'
const NET = 'Microsoft.Network'

const servers: ArmServer[] = []
afterAll(async () => Promise.all(servers.map((s) => s.close())))

async function readAndJudge(
  subscriptions: Record<string, ArmResource[]>,
  extra: {
    effectiveAdminRules?: Record<string, unknown[]>
    activeAdminRules?: Record<string, unknown[]>
  } = {},
  intercept?: Parameters<typeof startArmServer>[0]['intercept'],
) {
  const server = await startArmServer({ inventory: { subscriptions, ...extra }, intercept })
  servers.push(server)
  const { live, result } = await scanDeployed(server, Object.keys(subscriptions))
  /** The verdict of the subnet with this ARM id. */
  const at = (subnetId: string) =>
    result.verdict.subnets.find((s) => s.address.toLowerCase() === subnetId.toLowerCase())
  return { live, result, at }
}

// ---- BGP: a VPN gateway in one of two `vnet-spoke`, in two subscriptions --------------------------

const SPOKE_A = netId(SUB_A, 'rg-spoke', 'virtualNetworks', 'vnet-spoke')
const SPOKE_B = netId(SUB_B, 'rg-spoke', 'virtualNetworks', 'vnet-spoke')
const GATEWAY = netId(SUB_A, 'rg-spoke', 'virtualNetworkGateways', 'vgw-spoke')

function vpnGateway(): ArmResource {
  return armVpnGateway(SUB_A, 'rg-spoke', 'vgw-spoke', `${SPOKE_A}/subnets/GatewaySubnet`, {
    sku: 'VpnGw1AZ',
    bgp: { asn: 65515, peeringAddress: '10.1.0.30' },
    publicIp: 'pip-vgw-spoke',
  })
}

test('live BGP: the VPN gateway of vnet-spoke in one subscription leaves the same-named VNet of another alone', async () => {
  const { live, at, result } = await readAndJudge({
    [SUB_A]: [
      armVnet(SUB_A, 'rg-spoke', 'vnet-spoke', '10.1.0.0/16', [
        {
          name: 'GatewaySubnet',
          prefix: '10.1.0.0/27',
          ipConfigurations: [`${GATEWAY}/ipConfigurations/default`],
        },
        { name: 'snet-app', prefix: '10.1.1.0/24' },
      ]),
      vpnGateway(),
    ],
    [SUB_B]: [
      armVnet(SUB_B, 'rg-spoke', 'vnet-spoke', '10.1.0.0/16', [{ name: 'snet-app', prefix: '10.1.1.0/24' }]),
    ],
  })
  expect(live.model.bgp?.gateways.map((g) => g.vnetId)).toEqual([
    expect.objectContaining({ known: true, value: SPOKE_A.toLowerCase() }),
  ])
  // Same name, same resource group: the subscription tells them apart in every label.
  expect(at(`${SPOKE_A}/subnets/snet-app`)).toMatchObject({
    state: 'undecided',
    vnet: `vnet-spoke (subscription ${SUB_A}, rg-spoke)`,
  })
  expect(at(`${SPOKE_A}/subnets/snet-app`)?.hop).toContain('vgw-spoke')
  // Same name, same resource group name, another subscription: no gateway reaches it.
  expect(at(`${SPOKE_B}/subnets/snet-app`)).toMatchObject({
    state: 'reachable',
    vnet: `vnet-spoke (subscription ${SUB_B}, rg-spoke)`,
  })
  const kms014 = result.findings.filter((f) => f.ruleId === 'KMS014')
  expect(kms014).toHaveLength(1)
})

// ---- Virtual Network Manager: an admin Deny for one of two `vnet-spoke`, in two resource groups ----

const SUB = SUB_A
const IN_GROUP = netId(SUB, 'rg-spoke-a', 'virtualNetworks', 'vnet-spoke')
const OUTSIDE = netId(SUB, 'rg-spoke-b', 'virtualNetworks', 'vnet-spoke')
const NM = netId(SUB, 'rg-avnm', 'networkManagers', 'nm-platform')
const GROUP = `${NM}/networkGroups/ng-spokes`
const CONFIG = `${NM}/securityAdminConfigurations/sac-baseline`
const RULE = `${CONFIG}/ruleCollections/rc-kms/rules/deny-kms`

const denyKms = {
  protocol: 'Tcp',
  sources: [{ addressPrefix: '*', addressPrefixType: 'IPPrefix' }],
  destinations: [
    { addressPrefix: '20.118.99.224', addressPrefixType: 'IPPrefix' },
    { addressPrefix: '40.83.235.53', addressPrefixType: 'IPPrefix' },
  ],
  sourcePortRanges: ['0-65535'],
  destinationPortRanges: ['1688'],
  access: 'Deny',
  priority: 100,
  direction: 'Outbound',
  provisioningState: 'Succeeded',
}

const reported = (extra: Record<string, unknown> = {}) => ({
  id: RULE,
  ruleCollectionAppliesToGroups: [{ networkGroupId: GROUP }],
  ruleGroups: [{ id: GROUP, properties: { memberType: 'VirtualNetwork' } }],
  kind: 'Custom',
  properties: denyKms,
  ...extra,
})

/** Two `vnet-spoke` (each with its own default route, so an admin Deny counts) and the network manager. */
function avnmEstate(): ArmResource[] {
  const spoke = (rg: string) => {
    const rt = armRouteTable(
      SUB,
      rg,
      'rt-spoke',
      [{ name: 'default', addressPrefix: '0.0.0.0/0', nextHopType: 'Internet' }],
      true,
    )
    return [
      armVnet(SUB, rg, 'vnet-spoke', '10.1.0.0/16', [
        { name: 'snet-app', prefix: '10.1.1.0/24', routeTableId: rt.id },
      ]),
      rt,
    ]
  }
  return [
    ...spoke('rg-spoke-a'),
    ...spoke('rg-spoke-b'),
    ...armNetworkManager(SUB, 'rg-avnm', 'nm-platform', {
      accesses: ['SecurityAdmin'],
      group: 'ng-spokes',
      members: { 'sm-spoke-a': IN_GROUP },
    }),
    {
      id: CONFIG,
      name: 'sac-baseline',
      type: `${NET}/networkManagers/securityAdminConfigurations`,
      properties: { provisioningState: 'Succeeded' },
    },
    {
      id: `${CONFIG}/ruleCollections/rc-kms`,
      name: 'rc-kms',
      type: `${NET}/networkManagers/securityAdminConfigurations/ruleCollections`,
      properties: { appliesToGroups: [{ networkGroupId: GROUP }], provisioningState: 'Succeeded' },
    },
    {
      id: RULE,
      name: 'deny-kms',
      type: `${NET}/networkManagers/securityAdminConfigurations/ruleCollections/rules`,
      kind: 'Custom',
      properties: denyKms,
    },
  ]
}

test('live AVNM, effective rules: a Deny in effect for vnet-spoke in rg-spoke-a does not block vnet-spoke in rg-spoke-b', async () => {
  const { at } = await readAndJudge(
    { [SUB]: avnmEstate() },
    { effectiveAdminRules: { [IN_GROUP]: [reported()] } },
  )
  expect(at(`${IN_GROUP}/subnets/snet-app`)).toMatchObject({ state: 'blocked' })
  expect(at(`${OUTSIDE}/subnets/snet-app`)).toMatchObject({ state: 'reachable' })
})

test('live AVNM, network manager: the static member in rg-spoke-a is blocked by the committed Deny, its namesake in rg-spoke-b is not', async () => {
  const { at, result } = await readAndJudge(
    { [SUB]: avnmEstate() },
    { activeAdminRules: { [NM]: [reported({ commitTime: '2026-11-30T08:12:44Z', region: 'westeurope' })] } },
    (req) =>
      req.path.endsWith('/listNetworkManagerEffectiveSecurityAdminRules')
        ? armError(403, 'AuthorizationFailed', 'no listNetworkManagerEffectiveSecurityAdminRules/action')
        : undefined,
  )
  expect(at(`${IN_GROUP}/subnets/snet-app`)).toMatchObject({ state: 'blocked' })
  expect(at(`${OUTSIDE}/subnets/snet-app`)).toMatchObject({ state: 'reachable' })
  expect(result.findings.filter((f) => f.ruleId === 'KMS015')).toHaveLength(1)
})

// ---- Virtual WAN: a hub connection of one of two `vnet-spoke`, in two resource groups ---------------

function vwanEstate(): ArmResource[] {
  return [
    ...armSecuredHub({
      sub: SUB,
      rg: 'rg-vwan',
      name: 'vhub-weu',
      location: 'westeurope',
      addressPrefix: '10.100.0.0/23',
      firewallIp: '10.100.0.132',
      connections: { 'conn-spoke-a': IN_GROUP },
      kmsAllowed: false,
      intent: {},
    }),
    armVnet(SUB, 'rg-spoke-a', 'vnet-spoke', '10.1.0.0/16', [{ name: 'snet-app', prefix: '10.1.1.0/24' }]),
    armVnet(SUB, 'rg-spoke-b', 'vnet-spoke', '10.2.0.0/16', [{ name: 'snet-app', prefix: '10.2.1.0/24' }]),
  ]
}

test('live Virtual WAN: the secured hub’s DNS-only firewall blocks the connected vnet-spoke, not its unconnected namesake', async () => {
  const { at } = await readAndJudge({ [SUB]: vwanEstate() })
  const connected = at(`${IN_GROUP}/subnets/snet-app`)
  expect(connected).toMatchObject({ state: 'blocked' })
  expect(connected?.hop).toContain('afw-vhub-weu')
  expect(at(`${OUTSIDE}/subnets/snet-app`)).toMatchObject({ state: 'reachable' })
})
