/**
 * Virtual WAN hops the scan cannot be sure of: a hub connection, routing intent or hub route deployed only
 * under a condition it cannot evaluate (Terraform count, Bicep `if`, ARM `condition`), and a connection's
 * internet security it cannot read. The path is judged both ways (src/analysis/conditions.ts): decided
 * where both agree, undecided where they differ, naming the hop and its condition. A hop whose presence
 * blocks KMS (routing intent to a firewall that allows only DNS) is judged as deployed: blocked.
 */
import { scan } from '../../src/pipeline/scan'
import {
  TF_RULES_DNS_ONLY,
  TF_VWAN_VPN_GATEWAY,
  tfRulesKmsAllowed,
  tfVirtualWan,
  tfVwanDefaultRoute,
  tfVwanRoutingIntent,
} from '../helpers/hcl-network'
import { armVwan, bicepVwan, type VwanTemplateSpec } from '../helpers/vwan-templates'
import { tree as treeOn } from '../helpers/tree'

const tree = (files: Record<string, string>) => treeOn(files, 'kms-cond-vwan-')

const app = async (files: Record<string, string>) => {
  const result = await scan({ path: tree(files), cloud: 'AzureCloud', varFiles: [], workers: false })
  return result.verdict.subnets.find((s) => s.subnet === 'snet-app')!
}

const KMS_ALLOWED = tfRulesKmsAllowed(['20.118.99.224', '40.83.235.53'])
const rules = (kmsAllowed: boolean) => (kmsAllowed ? KMS_ALLOWED : TF_RULES_DNS_ONLY)
const variable = (name: string) => `
variable "${name}" {
  type = bool
}
`

describe('Terraform', () => {
  test('routing intent with an unknown count, a hub VPN gateway behind it: undecided, naming the intent', async () => {
    const main = (kmsAllowed: boolean, tfvars?: string) => ({
      'main.tf': `${variable('secure_hub')}${tfVirtualWan({
        rules: rules(kmsAllowed),
        hubRouting: tfVwanRoutingIntent('var.secure_hub ? 1 : 0'),
        extra: TF_VWAN_VPN_GATEWAY,
      })}`,
      ...(tfvars ? { 'terraform.tfvars': tfvars } : {}),
    })
    const v = await app(main(true))
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(
      /routing intent ri-vhub-weu \(azurerm_virtual_hub_routing_intent\.weu\[\*\]\) may not be deployed: its count or for_each cannot be evaluated \(it may create no instance\); if it is, KMS traffic reaches Azure KMS .*afw-vhub-weu.*; if not, the path cannot be followed \(VPN gateway vpng-vhub-weu of virtual hub vhub-weu: on-premises may advertise a default route over BGP/,
    )
    // Known: deployed, the firewall decides; not deployed, BGP from on-premises (named as before).
    expect((await app(main(true, 'secure_hub = true\n'))).state).toBe('reachable')
    const off = await app(main(true, 'secure_hub = false\n'))
    expect(off.state).toBe('undecided')
    expect(off.hop).toMatch(/VPN gateway vpng-vhub-weu/)
    // Negative control: the intent's firewall allows only DNS: deployed it blocks, judged so.
    const dns = await app(main(false))
    expect(dns.state).toBe('blocked')
    expect(dns.hop).toBe('firewall afw-vhub-weu: no rule allows TCP 1688')
  })

  test('a hub connection with an unknown count, the spoke without default outbound access: undecided, naming the connection', async () => {
    const main = (privateSubnet: boolean) => ({
      'main.tf': `${variable('connect_spoke')}${tfVirtualWan({
        rules: KMS_ALLOWED,
        hubRouting: tfVwanRoutingIntent(),
        connectionCount: 'var.connect_spoke ? 1 : 0',
        privateSubnet,
      })}`,
    })
    const v = await app(main(true))
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(
      /virtual hub connection conn-spoke-app \(azurerm_virtual_hub_connection\.spoke\[\*\]\) may not be deployed: its count or for_each cannot be evaluated \(it may create no instance\); if it is, KMS traffic reaches Azure KMS .*; if not, it is blocked \(.*no outbound access/,
    )
    // Negative control: with default outbound access the spoke reaches KMS either way.
    expect((await app(main(false))).state).toBe('reachable')
  })

  test('a hub route 0.0.0.0/0 → firewall with an unknown count, private spoke: undecided; DNS-only firewall: blocked', async () => {
    const main = (kmsAllowed: boolean) => ({
      'main.tf': `${variable('inspect_internet')}${tfVirtualWan({
        rules: rules(kmsAllowed),
        hubRouting: tfVwanDefaultRoute('var.inspect_internet ? 1 : 0'),
        privateSubnet: true,
      })}`,
    })
    const v = await app(main(true))
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(
      /hub route all-traffic \(azurerm_virtual_hub_route_table_route\.default\[\*\]\) may not be deployed/,
    )
    expect((await app(main(false))).state).toBe('blocked')
  })

  test('internet_security_enabled unknown: decided where both values agree, undecided where they differ', async () => {
    const main = (kmsAllowed: boolean, privateSubnet = false) => ({
      'main.tf': `${variable('internet_security')}${tfVirtualWan({
        rules: rules(kmsAllowed),
        hubRouting: tfVwanRoutingIntent(),
        internetSecurity: 'var.internet_security',
        privateSubnet,
      })}`,
    })
    // On: the firewall allows KMS; off: the system route. Both reach.
    expect((await app(main(true))).state).toBe('reachable')
    // On: the DNS-only firewall blocks; off: the system route reaches.
    const dns = await app(main(false))
    expect(dns.state).toBe('undecided')
    expect(dns.hop).toMatch(/conn-spoke-app internetSecurity `var\.internet_security`/)
    // On: the firewall allows KMS; off: no outbound access.
    expect((await app(main(true, true))).state).toBe('undecided')
  })
})

/** The same cases in Bicep and as ARM templates. */
const formats: [string, (s: VwanTemplateSpec) => Record<string, string>, (p: string) => string][] = [
  ['Bicep', (s) => ({ 'main.bicep': bicepVwan(s) }), (p) => p],
  ['ARM', (s) => ({ 'azuredeploy.json': armVwan(s) }), (p) => `\\[parameters\\('${p}'\\)\\]`],
]

describe.each(formats)('%s', (_format, files, cond) => {
  test('routing intent under a condition, a hub VPN gateway behind it: undecided; DNS-only firewall: blocked', async () => {
    const spec = (kmsAllowed: boolean, secureHub?: boolean): VwanTemplateSpec => ({
      kmsAllowed,
      routing: 'intent',
      conditions: { intent: 'secureHub' },
      vpnGateway: true,
      params: { secureHub },
    })
    const v = await app(files(spec(true)))
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(
      new RegExp(
        `routing intent routingIntent \\(.*\\) may not be deployed: its condition ${cond('secureHub')} cannot be evaluated.*; if it is, KMS traffic reaches Azure KMS`,
      ),
    )
    expect((await app(files(spec(true, true)))).state).toBe('reachable')
    expect((await app(files(spec(false)))).state).toBe('blocked')
  })

  test('the hub connection under a condition, private spoke: undecided; with default outbound: reachable', async () => {
    const spec = (privateSubnet: boolean, connectSpoke?: boolean): VwanTemplateSpec => ({
      kmsAllowed: true,
      routing: 'intent',
      conditions: { connection: 'connectSpoke' },
      privateSubnet,
      params: { connectSpoke },
    })
    const v = await app(files(spec(true)))
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(
      new RegExp(
        `virtual hub connection conn-spoke-app \\(.*\\) may not be deployed: its condition ${cond('connectSpoke')}`,
      ),
    )
    expect((await app(files(spec(true, true)))).state).toBe('reachable')
    expect((await app(files(spec(true, false)))).state).toBe('blocked')
    expect((await app(files(spec(false)))).state).toBe('reachable')
  })

  test('the hub route table under a condition, private spoke: undecided; DNS-only firewall: blocked', async () => {
    const spec = (kmsAllowed: boolean): VwanTemplateSpec => ({
      kmsAllowed,
      routing: 'hubRoute',
      conditions: { hubRoute: 'inspectInternet' },
      privateSubnet: true,
      params: { inspectInternet: undefined },
    })
    const v = await app(files(spec(true)))
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(/hub route all-traffic \(.*\) may not be deployed/)
    expect((await app(files(spec(false)))).state).toBe('blocked')
  })

  test('enableInternetSecurity unknown: reachable where both values reach, undecided where they differ', async () => {
    const spec = (kmsAllowed: boolean): VwanTemplateSpec => ({
      kmsAllowed,
      routing: 'intent',
      internetSecurity: 'internetSecurity',
      params: { internetSecurity: undefined },
    })
    expect((await app(files(spec(true)))).state).toBe('reachable')
    const dns = await app(files(spec(false)))
    expect(dns.state).toBe('undecided')
    expect(dns.hop).toMatch(/conn-spoke-app internetSecurity/)
  })
})
