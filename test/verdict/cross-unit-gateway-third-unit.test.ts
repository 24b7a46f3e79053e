/**
 * A hub whose VNet gateway is built in a third root module: the network root declares vnet-hub, the
 * connectivity root reads it by `data` and builds GatewaySubnet and a VPN gateway in it (GatewayFact,
 * ./cross-unit-gateway-in-read-vnet.test.ts), and a spoke root peers with the hub using its gateways
 * (use_remote_gateways). The spoke is given the network root's facts of vnet-hub, which came from its first
 * judgement and had no gateway: the spoke read the gateway as not in the scanned sources. Now the gateways
 * other units build in a VNet go with its facts: with BGP, KMS014 names the gateway and its root; without, its
 * site decides.
 */
import { scan } from '../../src/pipeline/scan'
import { tree } from '../helpers/tree'
import { tfLocalSite } from '../helpers/hcl-network'
import { tfGatewayInReadHub, tfHubNetwork, tfSpokeUsingHub, TF_PROVIDER } from '../helpers/tf-units'

/** The spoke root's snet-app, judged in a full scan of the three roots (`site`: the connectivity root's site). */
const spoke = async (bgp: boolean, site?: string[], o: { hub?: string } = {}) => {
  const result = await scan({
    path: tree(
      {
        'network/main.tf': TF_PROVIDER + tfHubNetwork(),
        'connectivity/main.tf': TF_PROVIDER + tfGatewayInReadHub(bgp) + (site ? tfLocalSite(site) : ''),
        'spoke/main.tf': tfSpokeUsingHub(o),
      },
      'kms-xunit-gw3-',
    ),
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
  })
  const rows = result.verdict.subnets.filter((s) => s.subnet === 'snet-app')
  if (rows.length !== 1) throw new Error(`snet-app judged ${rows.length} times`)
  return { v: rows[0]!, findings: result.findings }
}

test('BGP VPN gateway in the third root: the spoke is undecided, KMS014 naming the gateway and its root', async () => {
  const { v, findings } = await spoke(true)
  expect(v.state).toBe('undecided')
  expect(`${v.hop} ${v.why}`).toContain('vgw-hub')
  expect(`${v.hop} ${v.why}`).not.toMatch(/not in the scanned sources/)
  const kms014 = findings.filter((f) => f.ruleId === 'KMS014' && f.message.includes('vgw-hub'))
  expect(kms014.length).toBeGreaterThan(0)
  expect(kms014.some((f) => f.message.includes('connectivity'))).toBe(true)
})

test('without BGP its site decides: on-premises prefixes leave the spoke reachable (was: undecided), 0.0.0.0/0 blocks it', async () => {
  expect((await spoke(false, ['192.168.0.0/16'])).v.state).toBe('reachable')
  expect((await spoke(false, ['0.0.0.0/0'])).v.state).toBe('blocked')
})

test('control: the spoke peers with another hub name: the gateway is not given, it stays undecided as before', async () => {
  const { v } = await spoke(false, ['192.168.0.0/16'], { hub: 'vnet-hub-other' })
  expect(v.state).toBe('undecided')
})
