/**
 * The built action with `live: true` against the HTTPS ARM stand-in, for a local site that covers KMS: the
 * deployed spoke uses the hub's VPN gateway (no BGP) through its peering, and the gateway's only site has
 * 0.0.0.0/0 in its address space. Azure puts that prefix into the spoke's subnets as a gateway route, so a
 * subnet without effective routes (snet-empty) sends KMS on-premises: the action names the site (KMS001) and
 * counts the subnet as blocked. snet-live, whose NIC's effective routes were read, is decided by them.
 */
import { armVnet, armVpnGateway, netId, type ArmResource } from '../helpers/arm-inventory'
import { liveInventory, SUB, VNET_ID } from '../action/live-fixture'
import { expectSignedInWithoutLeaks, runLiveAction, startLiveArm, type LiveArm } from '../helpers/live-action'

const NET = 'Microsoft.Network'
const HUB = netId(SUB, 'rg-hub', 'virtualNetworks', 'vnet-hub')
const GATEWAY = netId(SUB, 'rg-hub', 'virtualNetworkGateways', 'vgw-hub')
const SITE = netId(SUB, 'rg-hub', 'localNetworkGateways', 'lgw-datacenter')

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

function hubWithSite(): ArmResource[] {
  const hub = armVnet(SUB, 'rg-hub', 'vnet-hub', '10.0.0.0/16', [
    {
      name: 'GatewaySubnet',
      prefix: '10.0.0.0/27',
      ipConfigurations: [`${GATEWAY}/ipConfigurations/default`],
    },
  ]) as ArmResource
  hub.properties.virtualNetworkPeerings = [peering(HUB, VNET_ID, 'peer-hub-to-spoke', false)]
  return [
    hub,
    armVpnGateway(SUB, 'rg-hub', 'vgw-hub', `${HUB}/subnets/GatewaySubnet`, { sku: 'VpnGw1AZ' }),
    {
      id: SITE,
      name: 'lgw-datacenter',
      type: `${NET}/localNetworkGateways`,
      location: 'westeurope',
      properties: {
        provisioningState: 'Succeeded',
        localNetworkAddressSpace: { addressPrefixes: ['192.168.0.0/16', '0.0.0.0/0'] },
        gatewayIpAddress: '203.0.113.10',
      },
    },
    {
      id: netId(SUB, 'rg-hub', 'connections', 'cn-datacenter'),
      name: 'cn-datacenter',
      type: `${NET}/connections`,
      location: 'westeurope',
      properties: {
        provisioningState: 'Succeeded',
        virtualNetworkGateway1: { id: GATEWAY },
        localNetworkGateway2: { id: SITE },
        connectionType: 'IPsec',
        connectionProtocol: 'IKEv2',
        enableBgp: false,
        connectionStatus: 'Connected',
      },
    },
  ]
}

describe('action with a live local site covering KMS (dist/index.js)', () => {
  let live: LiveArm
  beforeAll(async () => {
    const inventory = liveInventory()
    const resources = inventory.subscriptions[SUB]!
    const spoke = resources.find((r) => r.id === VNET_ID)!
    spoke.properties.virtualNetworkPeerings = [peering(VNET_ID, HUB, 'peer-spoke-to-hub', true)]
    resources.push(...hubWithSite())
    live = await startLiveArm(inventory)
  })
  afterAll(() => live.arm.close())

  it('judges the site’s 0.0.0.0/0 as the gateway route it is: KMS001 for the spoke subnet without effective routes', async () => {
    const r = await runLiveAction(live)
    if (r.status !== 1) console.log(r.stdout, r.stderr)
    expect(r.status).toBe(1)
    expectSignedInWithoutLeaks(live, r)
    // The gateway's connections and the site they name were read.
    expect(live.arm.requests.some((q) => q.path === `${GATEWAY}/connections`)).toBe(true)
    expect(live.arm.requests.some((q) => q.path === SITE)).toBe(true)
    expect(r.summary).toContain('KMS001')
    expect(r.summary).toContain('lgw-datacenter')
    expect(r.summary).toContain('snet-empty')
    expect(Number(r.outputs.blocked)).toBeGreaterThanOrEqual(1)
  }, 120_000)
})
