/**
 * Virtual WAN in Terraform: a spoke connected to a secured hub gets its default route from the hub
 * (routing intent → the hub firewall, whose policy decides), or from a hub route table, or, with a hub
 * VPN gateway, possibly from on-premises over BGP (undecided).
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
import { tree as treeOn } from '../helpers/tree'

const tree = (files: Record<string, string>) => treeOn(files, 'kms-vwan-')

const run = (dir: string) => scan({ path: dir, cloud: 'AzureCloud', varFiles: [], workers: false })

const DNS_ONLY = TF_RULES_DNS_ONLY
const KMS_ALLOWED = tfRulesKmsAllowed(['20.118.99.224', '40.83.235.53'])

const estate = tfVirtualWan
const INTENT = tfVwanRoutingIntent()

test('routing intent Internet → hub firewall whose policy allows only DNS: blocked at the firewall (KMS003)', async () => {
  const result = await run(tree({ 'main.tf': estate({ rules: DNS_ONLY, hubRouting: INTENT }) }))
  expect(result.verdict.overall).toBe('blocked')
  const app = result.verdict.subnets.find((s) => s.subnet === 'snet-app')!
  expect(app.hop).toBe('firewall afw-vhub-weu: no rule allows TCP 1688')
  expect(app.path).toContain('virtual hub vhub-weu: routing intent Internet: 0.0.0.0/0 → VirtualAppliance')
  const kms003 = result.findings.find((f) => f.ruleId === 'KMS003')!
  expect(kms003.resource).toBe('azurerm_virtual_hub_routing_intent.weu')
  expect(kms003.message).toContain('routing intent Internet')
  expect(kms003.message).toContain('afw-vhub-weu')
})

test('a secured hub whose firewall allows KMS stays clean and reachable', async () => {
  const result = await run(tree({ 'main.tf': estate({ rules: KMS_ALLOWED, hubRouting: INTENT }) }))
  expect(result.verdict.overall).toBe('reachable')
  expect(result.findings.filter((f) => f.severity !== 'notice')).toEqual([])
  expect(result.verdict.subnets[0]!.path).toContain('afw-vhub-weu: rule azure-kms (Allow)')
})

test('a connection without internet security does not take the hub default route', async () => {
  const result = await run(
    tree({ 'main.tf': estate({ rules: DNS_ONLY, hubRouting: INTENT, internetSecurity: false }) }),
  )
  expect(result.verdict.overall).toBe('reachable')
  expect(result.verdict.subnets[0]!.path).toContain('system route 0.0.0.0/0 → Internet')
})

test('no routing intent: a 0.0.0.0/0 in the hub default route table to the firewall decides', async () => {
  const hubRouting = tfVwanDefaultRoute()
  const blocked = await run(tree({ 'main.tf': estate({ rules: DNS_ONLY, hubRouting }) }))
  expect(blocked.verdict.overall).toBe('blocked')
  expect(blocked.verdict.subnets[0]!.path).toContain('defaultRouteTable 0.0.0.0/0')
  const allowed = await run(tree({ 'main.tf': estate({ rules: KMS_ALLOWED, hubRouting }) }))
  expect(allowed.verdict.overall).toBe('reachable')
})

test('a hub VPN gateway and no static default route: BGP from on-premises is undecided, named', async () => {
  const extra = TF_VWAN_VPN_GATEWAY
  const result = await run(tree({ 'main.tf': estate({ rules: KMS_ALLOWED, hubRouting: '', extra }) }))
  expect(result.verdict.overall).toBe('undecided')
  const app = result.verdict.subnets[0]!
  expect(app.hop).toContain('VPN gateway vpng-vhub-weu of virtual hub vhub-weu')
  expect(app.why).toMatch(/BGP/)
  expect(app.resolve).toMatch(/live: true/)
  expect(result.findings.some((f) => f.ruleId === 'KMS014' && f.message.includes('vpng-vhub-weu'))).toBe(true)
})

test('routing intent to an NVA in the hub is not followed: undecided, with the appliance named', async () => {
  const hubRouting = `
resource "azurerm_virtual_hub_routing_intent" "weu" {
  name           = "ri-vhub-weu"
  virtual_hub_id = azurerm_virtual_hub.weu.id
  routing_policy {
    name         = "InternetTrafficPolicy"
    destinations = ["Internet"]
    next_hop     = "/subscriptions/0000/resourceGroups/rg-vwan/providers/Microsoft.Network/networkVirtualAppliances/nva-vhub-weu"
  }
}`
  const result = await run(tree({ 'main.tf': estate({ rules: KMS_ALLOWED, hubRouting }) }))
  expect(result.verdict.overall).toBe('undecided')
  expect(result.verdict.subnets[0]!.hop).toContain('nva-vhub-weu')
  expect(result.verdict.subnets[0]!.resolve).toMatch(/allowed-appliances/)
  expect(result.findings.some((f) => f.ruleId === 'KMS004')).toBe(true)
})
