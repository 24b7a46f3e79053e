/**
 * Chains of units in a pull request run, through the built action on a real git base → head. The
 * connectivity root declares the hub VNet and its VPN gateway; the on-premises root links its site to that
 * gateway (read by data source); a spoke root peers with the hub using its gateways, a vending root adds a
 * subnet to the hub VNet. A change to the on-premises site alone changes what the gateway propagates to the
 * hub's subnets and to every spoke using it: a full scan of the head judges all of them with the site. A
 * run that judges only the changed on-premises root (it declares no VNet) would pass: it must judge the
 * unit declaring the gateway its site links to, and in turn the units reading that unit's VNets.
 */
import { runPullRequest } from './pr-run'
import { TF_HUB_VNET, tfHubVpnGateway, tfLocalSite, tfSubnetOfReadVnet } from '../helpers/hcl-network'
import { TF_PROVIDER, tfMoreSubnets, tfOtherLandingZone, tfSpokeUsingHub } from '../helpers/tf-units'

/** The connectivity root: vnet-hub with vgw-hub (BGP off) and snet-shared. */
const CONNECTIVITY = `${TF_PROVIDER}${TF_HUB_VNET}${tfHubVpnGateway(false)}
resource "azurerm_subnet" "shared" {
  name                 = "snet-shared"
  resource_group_name  = "rg-hub"
  virtual_network_name = azurerm_virtual_network.hub.name
  address_prefixes     = ["10.0.5.0/24"]
}
`

/** The on-premises root: lgw-datacenter (`prefixes`) connected to vgw-hub, read by data source. */
const onprem = (prefixes: string[]) => `${TF_PROVIDER}
data "azurerm_virtual_network_gateway" "hub" {
  name                = "vgw-hub"
  resource_group_name = "rg-hub"
}
${tfLocalSite(prefixes, 'data.azurerm_virtual_network_gateway.hub.id')}`

const base = (prefixes: string[]) => ({
  'platform/connectivity/main.tf': CONNECTIVITY,
  'platform/onprem/main.tf': onprem(prefixes),
  'landing-zones/spoke1/main.tf': tfSpokeUsingHub({ hubSide: true }),
  'landing-zones/vending/main.tf':
    TF_PROVIDER + tfSubnetOfReadVnet('vnet-hub', 'rg-hub', 'snet-vend', '10.0.6.0/24'),
  'landing-zones/other/main.tf': tfOtherLandingZone(),
})

describe('a change to the on-premises site alone, linked to the VPN gateway an untouched connectivity root declares (dist/index.js)', () => {
  it('the site now covers the KMS addresses: the hub’s, the vended and the spoke’s subnets are newly blocked, as in the full scan', async () => {
    const head = { 'platform/onprem/main.tf': onprem(['0.0.0.0/1', '128.0.0.0/1']) }
    const [pr, full] = await Promise.all([
      runPullRequest(base(['192.168.0.0/16']), head, { path: '.', scope: 'new' }),
      runPullRequest(base(['192.168.0.0/16']), head, { path: '.', scope: 'all' }),
    ])
    expect(full.outputs).toMatchObject({ blocked: '3', verdict: 'blocked' })
    expect(pr.outputs).toMatchObject({ blocked: '3', 'new-findings': '3', verdict: 'blocked' })
    expect(pr.summary).toContain('vnet-hub/snet-shared')
    expect(pr.summary).toContain('vnet-hub/snet-vend')
    expect(pr.summary).toContain('vnet-spoke1/snet-app')
    expect(pr.summary).toContain('1 unit it does not touch was not judged')
    expect(pr.status).toBe(1)
  })

  it('control: the site stays on-premises only: reachable as in the full scan, nothing new', async () => {
    const head = { 'platform/onprem/main.tf': onprem(['192.168.0.0/16', '172.16.0.0/12']) }
    const pr = await runPullRequest(base(['192.168.0.0/16']), head, { path: '.', scope: 'new' })
    expect(pr.outputs).toMatchObject({
      blocked: '0',
      undecided: '0',
      'new-findings': '0',
      verdict: 'reachable',
    })
    expect(pr.status).toBe(0)
  })
})

/** The connectivity root with snet-shared and the subnet `added` to the hub VNet. */
const connectivityWith = (added: string) =>
  CONNECTIVITY + tfMoreSubnets([added], { rg: 'rg-hub', net: '10.0', vnet: 'azurerm_virtual_network.hub' })

describe('the on-premises site in an untouched root links to the gateway the changed units declare or use (dist/index.js)', () => {
  const forced = ['0.0.0.0/1', '128.0.0.0/1']

  it('the connectivity root adds a subnet to the hub: the site’s forced tunnel blocks it, new, as in the full scan', async () => {
    const head = { 'platform/connectivity/main.tf': connectivityWith('snet-added') }
    const [pr, full] = await Promise.all([
      runPullRequest(base(forced), head, { path: '.', scope: 'new' }),
      runPullRequest(base(forced), head, { path: '.', scope: 'all' }),
    ])
    expect(full.outputs).toMatchObject({ blocked: '4', undecided: '0' })
    expect(pr.outputs).toMatchObject({ undecided: '0', 'new-findings': '1', verdict: 'blocked' })
    expect(pr.summary).toContain('Newly exposed:\n- vnet-hub/snet-added (KMS001)')
    expect(pr.status).toBe(1)
  })

  it('the spoke root adds a subnet: judged with the hub and the site linked to its gateway: blocked, new', async () => {
    const head = { 'landing-zones/spoke1/main.tf': tfSpokeUsingHub({ hubSide: true, more: ['snet-added'] }) }
    const [pr, full] = await Promise.all([
      runPullRequest(base(forced), head, { path: '.', scope: 'new' }),
      runPullRequest(base(forced), head, { path: '.', scope: 'all' }),
    ])
    expect(full.outputs).toMatchObject({ blocked: '4', undecided: '0' })
    expect(pr.outputs).toMatchObject({ undecided: '0', 'new-findings': '1', verdict: 'blocked' })
    expect(pr.summary).toContain('Newly exposed:\n- vnet-spoke1/snet-added (KMS001)')
    expect(pr.status).toBe(1)
  })
})
