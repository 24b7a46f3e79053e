/**
 * A VPN gateway one root module builds in a hub VNet another root module declares (the connectivity root
 * reads vnet-hub by `data`, adds its GatewaySubnet and a BGP VPN gateway). Judged alone, the network root saw
 * no gateway in vnet-hub and read its own snet-shared "reachable"; now it is judged again with the gateway
 * laid into its VNet (GatewayFact, layReadVnetGateways): BGP may bring 0.0.0.0/0 there (KMS014).
 */
import { scan } from '../../src/pipeline/scan'
import { tree } from '../helpers/tree'
import { tfLocalSite } from '../helpers/hcl-network'
import { tfGatewayInReadHub, tfHubNetwork } from '../helpers/tf-units'

/** The connectivity root with its gateway and, with `site`, an on-premises site of those prefixes. */
const shared = async (bgp: boolean, site?: string[]) => {
  const connectivity = tfGatewayInReadHub(bgp) + (site ? tfLocalSite(site) : '')
  const result = await scan({
    path: tree({ 'network/main.tf': tfHubNetwork(), 'connectivity/main.tf': connectivity }, 'kms-xunit-gw-'),
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
  })
  return result.verdict.subnets.find((s) => s.subnet === 'snet-shared')!
}

test('a BGP VPN gateway another root builds in the hub VNet: the hub’s own subnet is undecided, naming it', async () => {
  const v = await shared(true)
  expect(v.state).toBe('undecided')
  expect(`${v.hop} ${v.why}`).toContain('vgw-hub')
})

test('without BGP its site decides: on-premises prefixes leave the subnet reachable, 0.0.0.0/0 blocks it', async () => {
  expect((await shared(false, ['192.168.0.0/16'])).state).toBe('reachable')
  expect((await shared(false, ['0.0.0.0/0'])).state).toBe('blocked')
})
