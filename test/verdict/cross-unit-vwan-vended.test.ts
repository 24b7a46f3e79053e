/**
 * Virtual WAN across three units: the connectivity root connects a spoke VNet it only reads; the landing
 * zone declares the VNet and snet-app; a vending root adds snet-vend to the same VNet (reading it with
 * `data`). The vending root is judged again with the landing zone's facts, which know nothing of the
 * connection: it must get the connectivity root's hub facts too (src/pipeline/cross-unit.ts planRejudge),
 * or its subnet reads "reachable" by the system route while snet-app beside it is blocked at the hub firewall.
 */
import { scan } from '../../src/pipeline/scan'
import {
  TF_RULES_DNS_ONLY,
  tfRulesKmsAllowed,
  tfSubnetOfReadVnet,
  tfVirtualWan,
  tfVwanRoutingIntent,
} from '../helpers/hcl-network'
import { tfLandingZone } from '../helpers/tf-units'
import { tree } from '../helpers/tree'

const files = (rules: string) => ({
  'connectivity/main.tf': tfVirtualWan({
    rules,
    hubRouting: tfVwanRoutingIntent(),
    spokeSubnet: false,
    spokeVnetReadIn: 'rg-spoke-app',
  }),
  'landing-zone/main.tf': tfLandingZone(),
  'vending/main.tf': tfSubnetOfReadVnet('vnet-spoke-app', 'rg-spoke-app', 'snet-vend', '10.1.6.0/24'),
})

const judge = async (f: Record<string, string>, workers = false) => {
  const result = await scan({ path: tree(f, 'kms-vwan-vended-'), cloud: 'AzureCloud', varFiles: [], workers })
  const of = (name: string) => {
    const v = result.verdict.subnets.find((s) => s.subnet === name)
    if (!v) throw new Error(`${name} not judged: ${JSON.stringify(result.verdict.subnets)}`)
    return v
  }
  return { app: of('snet-app'), vend: of('snet-vend') }
}

describe('Terraform: a subnet vended into a spoke VNet another root connects to a secured hub', () => {
  test('routing intent → hub firewall allowing only DNS: the vended subnet is blocked too (KMS003)', async () => {
    const { app, vend } = await judge(files(TF_RULES_DNS_ONLY))
    expect(app.state).toBe('blocked')
    expect(vend.state).toBe('blocked')
    expect(vend.hop).toBe('firewall afw-vhub-weu: no rule allows TCP 1688')
  })

  test('in scan workers: the same verdict', async () => {
    const { vend } = await judge(files(TF_RULES_DNS_ONLY), true)
    expect(vend.state).toBe('blocked')
  })

  test('control: the hub firewall allows KMS: both reachable, through the firewall', async () => {
    const { app, vend } = await judge(files(tfRulesKmsAllowed(['20.118.99.224', '40.83.235.53'])))
    expect(app.state).toBe('reachable')
    expect(vend.state).toBe('reachable')
    expect(vend.path).toContain('afw-vhub-weu')
  })
})
