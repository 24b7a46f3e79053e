/**
 * Virtual WAN across units, as landing zones build it: the connectivity root module (or deployment)
 * declares the Virtual WAN, the secured hub with its Azure Firewall and routing, and the spoke VNet with
 * its hub connection; the landing-zone unit reads the spoke VNet (`data`, Bicep `existing`) and adds the
 * subnet its VMs use. The subnet's default route comes from the hub, which only the connectivity unit
 * declares: it is followed there (routing intent or hub route → the hub firewall's policy decides; a hub
 * VPN gateway → BGP, named), never passed and never left as "not followed".
 */
import { scan } from '../../src/pipeline/scan'
import {
  TF_RULES_DNS_ONLY,
  TF_VWAN_VPN_GATEWAY,
  tfRulesKmsAllowed,
  tfSubnetOfReadVnet,
  tfVirtualWan,
  tfVwanDefaultRoute,
  tfVwanRoutingIntent,
} from '../helpers/hcl-network'
import { tree } from '../helpers/tree'
import { bicepVwan, type VwanTemplateSpec } from '../helpers/vwan-templates'

const KMS_ALLOWED = tfRulesKmsAllowed(['20.118.99.224', '40.83.235.53'])

/** The landing zone: snet-app added to vnet-spoke-app, which it reads with `data`. */
const LANDING_ZONE = tfSubnetOfReadVnet('vnet-spoke-app', 'rg-spoke-app', 'snet-app', '10.1.1.0/24')

const judge = async (files: Record<string, string>) => {
  const result = await scan({
    path: tree(files, 'kms-cross-vwan-'),
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
  })
  const app = result.verdict.subnets.find((s) => s.subnet === 'snet-app')
  if (!app) throw new Error(`snet-app not judged: ${JSON.stringify(result.verdict.subnets)}`)
  return { app, findings: result.findings }
}

const connectivity = (opts: Omit<Parameters<typeof tfVirtualWan>[0], 'spokeSubnet'>) =>
  tfVirtualWan({ ...opts, spokeSubnet: false })

describe('Terraform: the connectivity root declares the secured hub and the spoke’s connection', () => {
  test('routing intent Internet → hub firewall allowing only DNS: the landing zone’s subnet is blocked there (KMS003)', async () => {
    const { app, findings } = await judge({
      'connectivity/main.tf': connectivity({ rules: TF_RULES_DNS_ONLY, hubRouting: tfVwanRoutingIntent() }),
      'landing-zone/main.tf': LANDING_ZONE,
    })
    expect(app.state).toBe('blocked')
    expect(app.hop).toBe('firewall afw-vhub-weu: no rule allows TCP 1688')
    expect(app.path).toContain('virtual hub vhub-weu: routing intent Internet')
    const kms003 = findings.find((f) => f.ruleId === 'KMS003' && f.message.includes('snet-app'))
    expect(kms003?.message).toContain('afw-vhub-weu')
    // The hop is the connectivity root's routing intent, in its own file.
    expect(kms003?.location.file).toMatch(/connectivity[/\\]main\.tf$/)
  })

  test('the connectivity root loaded after the landing zone: the same verdict', async () => {
    // The second pass asks the connectivity root for the hub's facts; here it is loaded after the reader.
    const { app } = await judge({
      'a-landing-zone/main.tf': LANDING_ZONE,
      'z-connectivity/main.tf': connectivity({ rules: TF_RULES_DNS_ONLY, hubRouting: tfVwanRoutingIntent() }),
    })
    expect(app.state).toBe('blocked')
    expect(app.hop).toBe('firewall afw-vhub-weu: no rule allows TCP 1688')
  })

  test('the landing zone’s findings are keyed by the hub’s policy (cache-dir, PR mode)', async () => {
    const digest = async (rules: string) => {
      const result = await scan({
        path: tree(
          {
            'connectivity/main.tf': connectivity({ rules, hubRouting: tfVwanRoutingIntent() }),
            'landing-zone/main.tf': LANDING_ZONE,
          },
          'kms-cross-vwan-',
        ),
        cloud: 'AzureCloud',
        varFiles: [],
        workers: false,
      })
      return result.crossUnit?.find((c) => c.key.includes('landing-zone'))?.facts
    }
    const [dnsOnly, kms] = [await digest(TF_RULES_DNS_ONLY), await digest(KMS_ALLOWED)]
    expect(dnsOnly).toBeDefined()
    expect(dnsOnly).not.toBe(kms)
  })

  test('control: the hub firewall allows KMS: reachable, through the firewall', async () => {
    const { app } = await judge({
      'connectivity/main.tf': connectivity({ rules: KMS_ALLOWED, hubRouting: tfVwanRoutingIntent() }),
      'landing-zone/main.tf': LANDING_ZONE,
    })
    expect(app.state).toBe('reachable')
    expect(app.path).toContain('afw-vhub-weu: rule azure-kms (Allow)')
  })

  test('no routing intent: the hub default route table’s 0.0.0.0/0 → firewall decides, both ways', async () => {
    const blocked = await judge({
      'connectivity/main.tf': connectivity({ rules: TF_RULES_DNS_ONLY, hubRouting: tfVwanDefaultRoute() }),
      'landing-zone/main.tf': LANDING_ZONE,
    })
    expect(blocked.app.state).toBe('blocked')
    expect(blocked.app.path).toContain('defaultRouteTable 0.0.0.0/0')
    const allowed = await judge({
      'connectivity/main.tf': connectivity({ rules: KMS_ALLOWED, hubRouting: tfVwanDefaultRoute() }),
      'landing-zone/main.tf': LANDING_ZONE,
    })
    expect(allowed.app.state).toBe('reachable')
  })

  test('a connection without internet security does not take the hub’s default route: reachable to the Internet', async () => {
    const { app } = await judge({
      'connectivity/main.tf': connectivity({
        rules: TF_RULES_DNS_ONLY,
        hubRouting: tfVwanRoutingIntent(),
        internetSecurity: false,
      }),
      'landing-zone/main.tf': LANDING_ZONE,
    })
    expect(app.state).toBe('reachable')
    expect(app.path).toContain('system route 0.0.0.0/0 → Internet')
  })

  test('no routing intent, a hub VPN gateway: undecided, naming the gateway (BGP)', async () => {
    const { app } = await judge({
      'connectivity/main.tf': connectivity({
        rules: TF_RULES_DNS_ONLY,
        hubRouting: '',
        extra: TF_VWAN_VPN_GATEWAY,
      }),
      'landing-zone/main.tf': LANDING_ZONE,
    })
    expect(app.state).toBe('undecided')
    expect(`${app.hop} ${app.why}`).toContain('vpng-vhub-weu')
  })

  test('a connection and routing intent under a count the scan cannot evaluate: the stricter way stands, as within one unit', async () => {
    const enabled = `
variable "enabled" {
  type = bool
}
`
    const { app } = await judge({
      'connectivity/main.tf':
        enabled +
        connectivity({
          rules: TF_RULES_DNS_ONLY,
          hubRouting: tfVwanRoutingIntent('var.enabled ? 1 : 0'),
          connectionCount: 'var.enabled ? 1 : 0',
        }),
      'landing-zone/main.tf': LANDING_ZONE,
    })
    // Deployed, the hub firewall blocks; not deployed, the system route reaches: the stricter way stands.
    expect(app.state).toBe('blocked')
    expect(app.hop).toBe('firewall afw-vhub-weu: no rule allows TCP 1688')
  })

  test('the connection’s count is the connectivity root’s: a like-written count in the landing zone is another condition', async () => {
    // Both roots write `count = var.enabled ? 1 : 0`: two variables, two conditions. The landing zone's
    // route table (0.0.0.0/0 → Internet, beating the hub's route) is associated only when its own is true.
    const enabled = `
variable "enabled" {
  type = bool
}
`
    const { app } = await judge({
      'connectivity/main.tf':
        enabled +
        connectivity({
          rules: TF_RULES_DNS_ONLY,
          hubRouting: tfVwanRoutingIntent(),
          connectionCount: 'var.enabled ? 1 : 0',
        }),
      'landing-zone/main.tf':
        enabled +
        LANDING_ZONE +
        `
resource "azurerm_route_table" "app" {
  name                = "rt-app"
  location            = "westeurope"
  resource_group_name = "rg-spoke-app"

  route {
    name           = "internet"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "Internet"
  }
}

resource "azurerm_subnet_route_table_association" "app" {
  count          = var.enabled ? 1 : 0
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.app.id
}
`,
    })
    // With rt-app: out to the Internet; without it: the hub firewall blocks. Taken as one condition, both
    // would come and go together and the subnet would read "reachable".
    expect(app.state).toBe('undecided')
    expect(app.why).toContain('rt-app')
  })

  test('control: a spoke VNet in another resource group is another VNet: not connected, undecided as undeclared', async () => {
    const { app } = await judge({
      'connectivity/main.tf': connectivity({ rules: TF_RULES_DNS_ONLY, hubRouting: tfVwanRoutingIntent() }),
      'landing-zone/main.tf': tfSubnetOfReadVnet('vnet-spoke-app', 'rg-other', 'snet-app', '10.1.1.0/24'),
    })
    expect(app.state).toBe('undecided')
    expect(app.why).toContain('vnet-spoke-app is not declared in the scanned sources')
  })
})

describe('Terraform: a hub connection to a hub the scan does not declare', () => {
  test('subnet vending connects its VNet to a hub it reads with `data`: undecided, naming the hub (not reachable)', async () => {
    const { app } = await judge({
      'vending/main.tf': `
data "azurerm_virtual_hub" "weu" {
  name                = "vhub-weu"
  resource_group_name = "rg-vwan"
}

resource "azurerm_virtual_network" "spoke" {
  name                = "vnet-spoke-app"
  resource_group_name = "rg-spoke-app"
  location            = "westeurope"
  address_space       = ["10.1.0.0/16"]
}

resource "azurerm_subnet" "app" {
  name                 = "snet-app"
  resource_group_name  = "rg-spoke-app"
  virtual_network_name = azurerm_virtual_network.spoke.name
  address_prefixes     = ["10.1.1.0/24"]
}

resource "azurerm_virtual_hub_connection" "spoke" {
  name                      = "conn-spoke-app"
  virtual_hub_id            = data.azurerm_virtual_hub.weu.id
  remote_virtual_network_id = azurerm_virtual_network.spoke.id
  internet_security_enabled = true
}
`,
    })
    expect(app.state).toBe('undecided')
    expect(app.hop).toContain('conn-spoke-app')
    expect(app.why).toContain('routing intent, route tables and gateways are not known')
  })

  test('control: the same connection without internet security gets no default route from the hub: reachable', async () => {
    const { app } = await judge({
      'vending/main.tf': `
data "azurerm_virtual_hub" "weu" {
  name                = "vhub-weu"
  resource_group_name = "rg-vwan"
}

resource "azurerm_virtual_network" "spoke" {
  name                = "vnet-spoke-app"
  resource_group_name = "rg-spoke-app"
  location            = "westeurope"
  address_space       = ["10.1.0.0/16"]
}

resource "azurerm_subnet" "app" {
  name                 = "snet-app"
  resource_group_name  = "rg-spoke-app"
  virtual_network_name = azurerm_virtual_network.spoke.name
  address_prefixes     = ["10.1.1.0/24"]
}

resource "azurerm_virtual_hub_connection" "spoke" {
  name                      = "conn-spoke-app"
  virtual_hub_id            = data.azurerm_virtual_hub.weu.id
  remote_virtual_network_id = azurerm_virtual_network.spoke.id
  internet_security_enabled = false
}
`,
    })
    expect(app.state).toBe('reachable')
  })
})

describe('Bicep: the connectivity deployment declares the secured hub, the landing zone reads the spoke as existing', () => {
  const files = (spec: Omit<VwanTemplateSpec, 'params' | 'spokeSubnet'>) => ({
    'platform/connectivity/main.bicep': `targetScope = 'subscription'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-vwan'
  location: 'westeurope'
}

module hub 'modules/vwan.bicep' = {
  name: 'vwan'
  scope: resourceGroup('rg-vwan')
  dependsOn: [rg]
}
`,
    'platform/connectivity/modules/vwan.bicep': bicepVwan({ ...spec, params: {}, spokeSubnet: false }),
    'landing-zones/app/main.bicep': `resource spoke 'Microsoft.Network/virtualNetworks@2023-09-01' existing = {
  name: 'vnet-spoke-app'
  scope: resourceGroup('rg-vwan')
}

module subnet 'subnet.bicep' = {
  name: 'snet-app'
  scope: resourceGroup('rg-vwan')
  params: {
    vnetName: spoke.name
  }
}
`,
    'landing-zones/app/subnet.bicep': `param vnetName string

resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' existing = {
  name: vnetName
}

resource app 'Microsoft.Network/virtualNetworks/subnets@2023-09-01' = {
  parent: vnet
  name: 'snet-app'
  properties: {
    addressPrefix: '10.1.1.0/24'
  }
}
`,
  })

  test('routing intent → hub firewall allowing only DNS: blocked at the firewall', async () => {
    const { app } = await judge(files({ kmsAllowed: false, routing: 'intent' }))
    expect(app.state).toBe('blocked')
    expect(app.hop).toBe('firewall afw-vhub-weu: no rule allows TCP 1688')
  })

  test('control: the firewall allows KMS: reachable', async () => {
    const { app } = await judge(files({ kmsAllowed: true, routing: 'intent' }))
    expect(app.state).toBe('reachable')
  })

  test('no routing intent: hub route 0.0.0.0/0 → firewall allowing only DNS: blocked', async () => {
    const blocked = await judge(files({ kmsAllowed: false, routing: 'hubRoute' }))
    expect(blocked.app.state).toBe('blocked')
    expect(blocked.app.path).toContain('defaultRouteTable 0.0.0.0/0')
  })
})
