/**
 * The built action with `live: true` against the HTTPS ARM stand-in, for Azure Virtual Network Manager UDR
 * management: the deployed spoke vnet-spoke is a static member of ng-spokes, and the routing configuration
 * rc-onprem sends 0.0.0.0/0 to the VPN gateway. Committed to the spoke's region, Azure puts that route into
 * the spoke's subnets, so snet-empty (no route table, no NIC whose effective routes could be read) sends KMS
 * on-premises: the action names the routing configuration (KMS001) and counts the subnet as blocked. The
 * negative control: the same configuration, not committed (another one is), puts no route there.
 */
import {
  armNetworkManager,
  armRoutingConfiguration,
  armRoutingDeploymentStatus,
  netId,
} from '../helpers/arm-inventory'
import { liveInventory, SUB, VNET_ID } from '../action/live-fixture'
import { expectSignedInWithoutLeaks, runLiveAction, startLiveArm, type LiveArm } from '../helpers/live-action'

const NM = netId(SUB, 'rg-avnm', 'networkManagers', 'nm-platform')
const CONFIG = `${NM}/routingConfigurations/rc-onprem`

/** The deployed estate with the network manager and its routing configuration; `committed`: which configurations the region has. */
async function start(committed: string[]): Promise<LiveArm> {
  const inventory = liveInventory()
  inventory.subscriptions[SUB]!.push(
    ...armNetworkManager(SUB, 'rg-avnm', 'nm-platform', {
      accesses: ['Routing'],
      group: 'ng-spokes',
      members: { 'sm-vnet-spoke': VNET_ID },
    }),
    ...armRoutingConfiguration(NM, 'rc-onprem', {
      group: 'ng-spokes',
      collection: 'rcol-spokes',
      rules: [
        {
          name: 'default-onprem',
          destination: '0.0.0.0/0',
          nextHop: { nextHopType: 'VirtualNetworkGateway' },
        },
      ],
    }),
  )
  inventory.deploymentStatus = { [NM]: armRoutingDeploymentStatus(committed) }
  return startLiveArm(inventory)
}

describe('action with a live Virtual Network Manager routing configuration (dist/index.js)', () => {
  const lives: LiveArm[] = []
  afterAll(() => Promise.all(lives.map((l) => l.arm.close())))

  it('a committed 0.0.0.0/0 → VPN gateway blocks the member spoke’s subnet: KMS001 names the routing configuration', async () => {
    const live = await start([CONFIG])
    lives.push(live)
    const r = await runLiveAction(live)
    if (r.status !== 1) console.log(r.stdout, r.stderr)
    expect(r.status).toBe(1)
    expectSignedInWithoutLeaks(live, r)
    // The commit state was asked for, for routing.
    expect(live.arm.requests.some((q) => q.path === `${NM}/listDeploymentStatus`)).toBe(true)
    // The deployed routing rule is the finding (the IaC does not define it), naming its configuration and
    // the member spoke's subnet whose KMS traffic it sends on-premises.
    const row = r.summary
      .split('\n')
      .find((l) => l.includes('KMS001') && l.includes('routing configuration rc-onprem'))
    expect(row).toBeDefined()
    expect(row).toContain('vnet-spoke/snet-empty')
    expect(row).toContain('/routingConfigurations/rc-onprem/ruleCollections/rcol-spokes/rules/default-onprem')

    // Negative control: the configuration is not committed (another one is): no managed route, snet-empty
    // is not blocked by it, and one subnet fewer is blocked.
    const control = await start([`${NM}/routingConfigurations/rc-other`])
    lives.push(control)
    const c = await runLiveAction(control)
    expect(control.arm.requests.some((q) => q.path === `${NM}/listDeploymentStatus`)).toBe(true)
    expect(c.summary).not.toContain('rc-onprem')
    expect(c.summary).not.toContain('vnet-spoke/snet-empty fail to activate')
    expect(Number(c.outputs.blocked)).toBe(Number(r.outputs.blocked) - 1)
  }, 240_000)
})
