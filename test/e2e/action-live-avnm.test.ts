/**
 * The built action with `live: true` against the HTTPS ARM stand-in, for the reads added for issue 9:
 * Azure Virtual Network Manager. The deployed VNet has a security admin rule in effect that denies TCP 1688
 * (read per VNet through listNetworkManagerEffectiveSecurityAdminRules); the action names it (KMS015) for
 * the deployed subnet it blocks. Sign-in as in test/helpers/live-action.ts (environment credential, `adfs`
 * authority served by the stand-in).
 */
import { liveInventory, SUB, VNET_ID } from '../action/live-fixture'
import { expectSignedInWithoutLeaks, runLiveAction, startLiveArm, type LiveArm } from '../helpers/live-action'

const NM = `/subscriptions/${SUB}/resourceGroups/rg-avnm/providers/Microsoft.Network/networkManagers/nm-platform`
const RULE = `${NM}/securityAdminConfigurations/sac-baseline/ruleCollections/rc-egress/rules/deny-kms`

/** As listNetworkManagerEffectiveSecurityAdminRules returns it. */
const DENY_KMS = {
  id: RULE,
  configurationDescription: 'Platform baseline',
  ruleCollectionDescription: 'Egress',
  ruleCollectionAppliesToGroups: [{ networkGroupId: `${NM}/networkGroups/ng-spokes` }],
  ruleGroups: [{ id: `${NM}/networkGroups/ng-spokes`, properties: { memberType: 'VirtualNetwork' } }],
  kind: 'Custom',
  properties: {
    protocol: 'Tcp',
    sources: [{ addressPrefix: '*', addressPrefixType: 'IPPrefix' }],
    destinations: [{ addressPrefix: 'Internet', addressPrefixType: 'ServiceTag' }],
    sourcePortRanges: ['0-65535'],
    destinationPortRanges: ['1688'],
    access: 'Deny',
    priority: 10,
    direction: 'Outbound',
    provisioningState: 'Succeeded',
  },
}

describe('action with live Azure Virtual Network Manager (dist/index.js)', () => {
  let live: LiveArm
  beforeAll(async () => {
    live = await startLiveArm({ ...liveInventory(), effectiveAdminRules: { [VNET_ID]: [DENY_KMS] } })
  })
  afterAll(() => live.arm.close())

  it('names the security admin rule that denies KMS on the deployed subnets (KMS015)', async () => {
    const r = await runLiveAction(live)
    if (r.status !== 1) console.log(r.stdout, r.stderr)
    expect(r.status).toBe(1)
    expectSignedInWithoutLeaks(live, r)

    // The admin rule was asked for per VNet (a read-only POST) and named for the deployed subnet it blocks.
    expect(
      live.arm.requests.some(
        (q) => q.method === 'POST' && q.path === `${VNET_ID}/listNetworkManagerEffectiveSecurityAdminRules`,
      ),
    ).toBe(true)
    expect(r.summary).toContain('KMS015')
    expect(r.summary).toContain('deny-kms')
    expect(r.summary).toContain('snet-empty')
    expect(Number(r.outputs.blocked)).toBeGreaterThanOrEqual(1)
  }, 120_000)
})
