/**
 * The hub's Azure Firewall across units, as hub-and-spoke estates split it (AzureTRE, landing zones): the
 * core root module declares the hub VNet, the firewall and its policy; a spoke (workspace) root routes
 * 0.0.0.0/0 to the firewall's private address, read with `data "azurerm_firewall"`. Judged alone the spoke
 * is undecided (the firewall is not in its sources); judged with the core root, the firewall's policy
 * decides, as within one unit. A firewall no unit (or two units) declares stays undecided, named.
 */
import { scan } from '../../src/pipeline/scan'
import {
  TF_HUB_VNET,
  TF_RULES_DNS_ONLY,
  TF_SPOKE_APP,
  tfHubFirewall,
  tfRulesKmsAllowed,
} from '../helpers/hcl-network'
import { tree } from '../helpers/tree'

const KMS_ALLOWED = tfRulesKmsAllowed(['20.118.99.224', '40.83.235.53'])

/** The spoke root: snet-app routed to the hub firewall it reads as `data.azurerm_firewall.hub` in `rg`. */
const spoke = (rg = 'rg-hub') => `
data "azurerm_firewall" "hub" {
  name                = "afw-hub"
  resource_group_name = "${rg}"
}
${TF_SPOKE_APP}
resource "azurerm_route_table" "app" {
  name                          = "rt-app"
  location                      = "westeurope"
  resource_group_name           = "rg-spoke"
  bgp_route_propagation_enabled = false

  route {
    name                   = "default-via-firewall"
    address_prefix         = "0.0.0.0/0"
    next_hop_type          = "VirtualAppliance"
    next_hop_in_ip_address = data.azurerm_firewall.hub.ip_configuration[0].private_ip_address
  }
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.app.id
}
`

const judge = async (files: Record<string, string>) => {
  const result = await scan({
    path: tree(files, 'kms-cross-fw-'),
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
  })
  const app = result.verdict.subnets.find((s) => s.subnet === 'snet-app')
  if (!app) throw new Error(`snet-app not judged: ${JSON.stringify(result.verdict.subnets)}`)
  return { app, findings: result.findings }
}

describe('Terraform: a spoke root routing to the hub firewall the core root declares', () => {
  test('the firewall allows only DNS: blocked by it (KMS003 at the core root’s policy)', async () => {
    const { app, findings } = await judge({
      'core/main.tf': TF_HUB_VNET + tfHubFirewall(TF_RULES_DNS_ONLY),
      'workspace/main.tf': spoke(),
    })
    expect(app.state).toBe('blocked')
    expect(app.path).toContain('afw-hub: no rule matched (Deny)')
    const kms003 = findings.find((f) => f.ruleId === 'KMS003' && f.message.includes('snet-app'))
    expect(kms003?.message).toContain('afw-hub')
    expect(findings.map((f) => f.ruleId)).not.toContain('KMS004')
  })

  test('the core root loaded after the spoke: judged the same, its own findings once', async () => {
    // The second pass asks the declaring root for the firewall; here it is loaded after the reader.
    const { app, findings } = await judge({
      'a-workspace/main.tf': spoke(),
      'z-core/main.tf': TF_HUB_VNET + tfHubFirewall(TF_RULES_DNS_ONLY),
    })
    expect(app.state).toBe('blocked')
    expect(app.path).toContain('afw-hub: no rule matched (Deny)')
    const alone = await scan({
      path: tree({ 'z-core/main.tf': TF_HUB_VNET + tfHubFirewall(TF_RULES_DNS_ONLY) }, 'kms-cross-fw-'),
      cloud: 'AzureCloud',
      varFiles: [],
      workers: false,
    })
    const core = (fs: typeof findings) =>
      fs.filter((f) => !f.message.includes('snet-app')).map((f) => f.ruleId)
    expect(core(findings)).toEqual(core(alone.findings))
  })

  test('the spoke’s findings are keyed by the firewall policy it was judged with (cache-dir, PR mode)', async () => {
    // ScanResult.crossUnit carries the digest of what the spoke was judged with: a policy change in the
    // core root must change it, or a cache-dir would reuse the spoke's old verdict.
    const digest = async (rules: string) => {
      const result = await scan({
        path: tree(
          { 'core/main.tf': TF_HUB_VNET + tfHubFirewall(rules), 'workspace/main.tf': spoke() },
          'kms-cross-fw-',
        ),
        cloud: 'AzureCloud',
        varFiles: [],
        workers: false,
      })
      return result.crossUnit?.find((c) => c.key.includes('workspace'))?.facts
    }
    const [dnsOnly, kms, dnsOnlyAgain] = [
      await digest(TF_RULES_DNS_ONLY),
      await digest(KMS_ALLOWED),
      await digest(TF_RULES_DNS_ONLY),
    ]
    expect(dnsOnly).toBeDefined()
    expect(dnsOnly).not.toBe(kms)
    expect(dnsOnly).toBe(dnsOnlyAgain)
  })

  test('control: the firewall allows TCP 1688 to KMS: reachable through it', async () => {
    const { app } = await judge({
      'core/main.tf': TF_HUB_VNET + tfHubFirewall(KMS_ALLOWED),
      'workspace/main.tf': spoke(),
    })
    expect(app.state).toBe('reachable')
    expect(app.path).toContain('afw-hub: rule azure-kms (Allow)')
  })

  test('control: the spoke judged alone stays undecided, naming the firewall', async () => {
    const { app } = await judge({ 'workspace/main.tf': spoke() })
    expect(app.state).toBe('undecided')
    expect(app.why).toContain(
      'Azure Firewall afw-hub in rg-hub (read by data.azurerm_firewall.hub) is not in the scanned sources',
    )
  })

  test('a firewall of that name in another resource group is another firewall: undecided', async () => {
    const { app } = await judge({
      'core/main.tf': TF_HUB_VNET + tfHubFirewall(KMS_ALLOWED),
      'workspace/main.tf': spoke('rg-hub-dr'),
    })
    expect(app.state).toBe('undecided')
    expect(app.why).toContain('afw-hub in rg-hub-dr')
  })

  test('two roots declare afw-hub in rg-hub: which one cannot be told, undecided', async () => {
    const { app } = await judge({
      'core/main.tf': TF_HUB_VNET + tfHubFirewall(KMS_ALLOWED),
      'core-copy/main.tf': TF_HUB_VNET + tfHubFirewall(TF_RULES_DNS_ONLY),
      'workspace/main.tf': spoke(),
    })
    expect(app.state).toBe('undecided')
  })

  test('a forced-tunnelling firewall: its own subnet’s routes are the core root’s, not followed: undecided', async () => {
    const { app } = await judge({
      'core/main.tf': TF_HUB_VNET + tfHubFirewall(KMS_ALLOWED, { forcedTunnelling: true }),
      'workspace/main.tf': spoke(),
    })
    expect(app.state).toBe('undecided')
    expect(app.why).toContain('firewall subnet not in the scanned sources')
  })
})

describe('Bicep: a spoke deployment routing to the hub firewall it reads as existing', () => {
  const HUB = `targetScope = 'subscription'

module hub 'hub.bicep' = {
  name: 'hub'
  scope: resourceGroup('rg-hub')
}
`
  const hubModule = (kmsAllowed: boolean) => `param location string = 'westeurope'

resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-hub'
  location: location
  properties: {
    addressSpace: { addressPrefixes: ['10.0.0.0/16'] }
    subnets: [
      { name: 'AzureFirewallSubnet', properties: { addressPrefix: '10.0.1.0/26' } }
    ]
  }
}

resource policy 'Microsoft.Network/firewallPolicies@2023-09-01' = {
  name: 'afwp-hub'
  location: location
  properties: {}
}

resource rcg 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2023-09-01' = {
  parent: policy
  name: 'rcg-platform'
  properties: {
    priority: 100
    ruleCollections: [
      {
        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'
        name: 'platform'
        priority: 100
        action: { type: 'Allow' }
        rules: [
          {
            ruleType: 'NetworkRule'
            name: '${kmsAllowed ? 'azure-kms' : 'dns'}'
            ipProtocols: ['${kmsAllowed ? 'TCP' : 'UDP'}']
            sourceAddresses: ['10.0.0.0/8']
            destinationAddresses: [${kmsAllowed ? "'20.118.99.224', '40.83.235.53'" : "'168.63.129.16'"}]
            destinationPorts: ['${kmsAllowed ? '1688' : '53'}']
          }
        ]
      }
    ]
  }
}

resource firewall 'Microsoft.Network/azureFirewalls@2023-09-01' = {
  name: 'afw-hub'
  location: location
  properties: {
    sku: { name: 'AZFW_VNet', tier: 'Standard' }
    firewallPolicy: { id: policy.id }
    ipConfigurations: [
      {
        name: 'ipconfig'
        properties: { subnet: { id: '\${vnet.id}/subnets/AzureFirewallSubnet' } }
      }
    ]
  }
}
`
  const spokeBicep = `targetScope = 'subscription'

module spoke 'spoke.bicep' = {
  name: 'spoke'
  scope: resourceGroup('rg-spoke')
}
`
  const spokeModule = `param location string = 'westeurope'

resource hubFirewall 'Microsoft.Network/azureFirewalls@2023-09-01' existing = {
  name: 'afw-hub'
  scope: resourceGroup('rg-hub')
}

resource rt 'Microsoft.Network/routeTables@2023-09-01' = {
  name: 'rt-app'
  location: location
  properties: {
    disableBgpRoutePropagation: true
    routes: [
      {
        name: 'default-via-firewall'
        properties: {
          addressPrefix: '0.0.0.0/0'
          nextHopType: 'VirtualAppliance'
          nextHopIpAddress: hubFirewall.properties.ipConfigurations[0].properties.privateIPAddress
        }
      }
    ]
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-spoke'
  location: location
  properties: {
    addressSpace: { addressPrefixes: ['10.1.0.0/16'] }
    subnets: [
      { name: 'snet-app', properties: { addressPrefix: '10.1.1.0/24', routeTable: { id: rt.id } } }
    ]
  }
}
`
  const files = (kmsAllowed: boolean) => ({
    'hub/main.bicep': HUB,
    'hub/hub.bicep': hubModule(kmsAllowed),
    'spoke/main.bicep': spokeBicep,
    'spoke/spoke.bicep': spokeModule,
  })

  test('the firewall allows only DNS: blocked by it', async () => {
    const { app } = await judge(files(false))
    expect(app.state).toBe('blocked')
    expect(app.path).toContain('afw-hub: no rule matched (Deny)')
  })

  test('control: the firewall allows KMS: reachable', async () => {
    const { app } = await judge(files(true))
    expect(app.state).toBe('reachable')
  })
})
