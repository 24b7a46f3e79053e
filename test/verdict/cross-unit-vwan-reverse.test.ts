/**
 * Virtual WAN across units, the other way round: the connectivity root module declares the secured hub and
 * the spoke's hub connection, but only reads the spoke VNet (`data "azurerm_virtual_network"`); the
 * landing-zone root declares the VNet and its subnets. Judged alone, the landing zone sees no connection:
 * its subnet's default route is the system route to the Internet, "reachable", although the hub's routing
 * intent sends 0.0.0.0/0 to a firewall that may block TCP 1688. The connectivity root tells the others which
 * VNets it connects without declaring them (by Azure identity); the second pass gives the unit declaring
 * such a VNet the hub's facts, obtained from the connectivity root (src/pipeline/second-pass.ts).
 */
import { scan } from '../../src/pipeline/scan'
import {
  TF_RULES_DNS_ONLY,
  tfRulesKmsAllowed,
  tfVirtualWan,
  tfVwanRoutingIntent,
} from '../helpers/hcl-network'
import { tree } from '../helpers/tree'
import { bicepVwan } from '../helpers/vwan-templates'

const KMS_ALLOWED = tfRulesKmsAllowed(['20.118.99.224', '40.83.235.53'])

/** The connectivity root: the secured hub, and conn-spoke-app to vnet-spoke-app in `rg`, read by data source. */
const connectivity = (rules: string, rg = 'rg-spoke-app') =>
  tfVirtualWan({ rules, hubRouting: tfVwanRoutingIntent(), spokeSubnet: false, spokeVnetReadIn: rg })

/** The landing zone: vnet-spoke-app with snet-app, in rg-spoke-app. */
const LANDING_ZONE = `
resource "azurerm_virtual_network" "spoke" {
  name                = "vnet-spoke-app"
  location            = "westeurope"
  resource_group_name = "rg-spoke-app"
  address_space       = ["10.1.0.0/16"]
}

resource "azurerm_subnet" "app" {
  name                 = "snet-app"
  resource_group_name  = "rg-spoke-app"
  virtual_network_name = azurerm_virtual_network.spoke.name
  address_prefixes     = ["10.1.1.0/24"]
}
`

const judge = async (files: Record<string, string>, workers = false) => {
  const result = await scan({
    path: tree(files, 'kms-vwan-reverse-'),
    cloud: 'AzureCloud',
    varFiles: [],
    workers,
  })
  const app = result.verdict.subnets.find((s) => s.subnet === 'snet-app')
  if (!app) throw new Error(`snet-app not judged: ${JSON.stringify(result.verdict.subnets)}`)
  return { app, findings: result.findings, crossUnit: result.crossUnit }
}

describe('Terraform: the connectivity root connects a spoke VNet the landing-zone root declares', () => {
  test('routing intent → hub firewall allowing only DNS: the landing zone’s subnet is blocked (KMS003)', async () => {
    const { app, findings } = await judge({
      'connectivity/main.tf': connectivity(TF_RULES_DNS_ONLY),
      'landing-zone/main.tf': LANDING_ZONE,
    })
    expect(app.state).toBe('blocked')
    expect(app.hop).toBe('firewall afw-vhub-weu: no rule allows TCP 1688')
    expect(app.path).toContain('virtual hub vhub-weu: routing intent Internet')
    const kms003 = findings.find((f) => f.ruleId === 'KMS003' && f.message.includes('snet-app'))
    expect(kms003?.message).toContain('afw-vhub-weu')
  })

  test('the landing zone loaded before the connectivity root, in scan workers: the same verdict', async () => {
    const { app } = await judge(
      {
        'a-landing-zone/main.tf': LANDING_ZONE,
        'z-connectivity/main.tf': connectivity(TF_RULES_DNS_ONLY),
      },
      true,
    )
    expect(app.state).toBe('blocked')
  })

  test('control: the hub firewall allows KMS: reachable, through the firewall', async () => {
    const { app } = await judge({
      'connectivity/main.tf': connectivity(KMS_ALLOWED),
      'landing-zone/main.tf': LANDING_ZONE,
    })
    expect(app.state).toBe('reachable')
    expect(app.path).toContain('afw-vhub-weu')
  })

  test('the landing zone’s findings are keyed by the hub’s policy (cache-dir, PR mode)', async () => {
    const facts = async (rules: string) =>
      (
        await judge({ 'connectivity/main.tf': connectivity(rules), 'landing-zone/main.tf': LANDING_ZONE })
      ).crossUnit?.find((c) => c.key.includes('landing-zone'))?.facts
    const [dnsOnly, kms] = [await facts(TF_RULES_DNS_ONLY), await facts(KMS_ALLOWED)]
    expect(dnsOnly).toBeDefined()
    expect(dnsOnly).not.toBe(kms)
  })

  test('the connection’s resource group is not known: the landing zone’s subnet is undecided, naming it', async () => {
    // `resource_group_name = var.spoke_rg` with no value: the connection may be to this VNet or to a namesake.
    const { app } = await judge({
      'connectivity/main.tf': `variable "spoke_rg" {\n  type = string\n}\n${connectivity(TF_RULES_DNS_ONLY, '${var.spoke_rg}')}`,
      'landing-zone/main.tf': LANDING_ZONE,
    })
    expect(app.state).toBe('undecided')
    expect(app.why).toContain(
      'azurerm_virtual_hub_connection.spoke in root module connectivity may connect this VNet',
    )
  })

  test('control: the connection reads a VNet of that name in another resource group: the landing zone is not connected', async () => {
    const { app } = await judge({
      'connectivity/main.tf': connectivity(TF_RULES_DNS_ONLY, 'rg-spoke-other'),
      'landing-zone/main.tf': LANDING_ZONE,
    })
    expect(app.state).toBe('reachable')
    expect(app.path).toContain('system route 0.0.0.0/0 → Internet')
  })
})

describe('Bicep: the connectivity deployment connects the spoke it reads as existing; the landing zone declares it', () => {
  const files = (kmsAllowed: boolean) => ({
    'platform/connectivity/main.bicep': `targetScope = 'subscription'

module hub 'modules/vwan.bicep' = {
  name: 'vwan'
  scope: resourceGroup('rg-vwan')
}
`,
    'platform/connectivity/modules/vwan.bicep': bicepVwan({
      kmsAllowed,
      routing: 'intent',
      params: {},
      spokeSubnet: false,
      spokeVnetReadIn: 'rg-spoke-app',
    }),
    'landing-zones/app/main.bicep': `targetScope = 'subscription'

module spoke 'spoke.bicep' = {
  name: 'spoke'
  scope: resourceGroup('rg-spoke-app')
}
`,
    'landing-zones/app/spoke.bicep': `resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-spoke-app'
  location: resourceGroup().location
  properties: {
    addressSpace: { addressPrefixes: ['10.1.0.0/16'] }
    subnets: [
      {
        name: 'snet-app'
        properties: { addressPrefix: '10.1.1.0/24' }
      }
    ]
  }
}
`,
  })

  test('routing intent → hub firewall allowing only DNS: blocked at the firewall', async () => {
    const { app } = await judge(files(false))
    expect(app.state).toBe('blocked')
    expect(app.hop).toBe('firewall afw-vhub-weu: no rule allows TCP 1688')
  })

  test('control: the firewall allows KMS: reachable', async () => {
    const { app } = await judge(files(true))
    expect(app.state).toBe('reachable')
    expect(app.path).toContain('afw-vhub-weu')
  })
})
