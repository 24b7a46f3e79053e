/**
 * A route whose next hop is written as the address Azure will give the firewall (`10.0.1.4`, the first
 * usable address of a 10.0.1.0/26 AzureFirewallSubnet), while the firewall's own private address is only
 * known after deployment. AzureFirewallSubnet holds the firewall and nothing else, so an address in it is
 * the firewall's: its policy decides. An address outside every such subnet is not that firewall.
 */
import { tfBase, tfHubFirewall, tfRoute, tfSpokeRouteTable } from '../../src/rules/examples/hcl'
import { scan } from '../../src/pipeline/scan'
import { tree } from '../helpers/tree'

const run = async (files: Record<string, string>) => {
  const result = await scan({
    path: tree(files, 'kms-fw-literal-'),
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
  })
  const app = result.verdict.subnets.find((s) => s.subnet.endsWith('snet-app'))
  if (!app) throw new Error(`snet-app not judged: ${JSON.stringify(result.verdict)}`)
  return { app, findings: result.findings }
}

const KMS_RULE = `  network_rule_collection {
    name     = "platform"
    priority = 100
    action   = "Allow"

    rule {
      name                  = "azure-kms"
      protocols             = ["TCP"]
      source_addresses      = ["10.1.0.0/16"]
      destination_addresses = ["20.118.99.224", "40.83.235.53"]
      destination_ports     = ["1688"]
    }
  }`

const DNS_RULE = `  network_rule_collection {
    name     = "platform"
    priority = 100
    action   = "Allow"

    rule {
      name                  = "dns"
      protocols             = ["UDP"]
      source_addresses      = ["10.1.0.0/16"]
      destination_addresses = ["10.0.2.4"]
      destination_ports     = ["53"]
    }
  }`

const routeTo = (ip: string) =>
  tfSpokeRouteTable([tfRoute('default-via-firewall', '0.0.0.0/0', 'VirtualAppliance', `"${ip}"`)])

describe('Terraform: a literal next hop and a firewall whose address is assigned at deployment', () => {
  test('in the AzureFirewallSubnet: the firewall decides (its policy allows KMS: reachable)', async () => {
    const { app } = await run({ 'main.tf': tfBase() + tfHubFirewall(KMS_RULE) + routeTo('10.0.1.4') })
    expect(app.state).toBe('reachable')
    expect(app.path).toContain('afw-hub')
  })

  test('in the AzureFirewallSubnet, a policy without a KMS rule: blocked, KMS003 names the firewall', async () => {
    const { app, findings } = await run({
      'main.tf': tfBase() + tfHubFirewall(DNS_RULE) + routeTo('10.0.1.4'),
    })
    expect(app.state).toBe('blocked')
    expect(findings.filter((f) => f.ruleId === 'KMS003').map((f) => f.message)).toEqual([
      expect.stringContaining('Azure Firewall afw-hub'),
    ])
  })

  test('outside it: not the firewall, an appliance the scan cannot see into (undecided, named)', async () => {
    const { app } = await run({ 'main.tf': tfBase() + tfHubFirewall(KMS_RULE) + routeTo('10.0.9.4') })
    expect(app.state).toBe('undecided')
    expect(app.hop).toBe('appliance 10.0.9.4')
  })
})

test('Bicep: a hub firewall and a spoke route to its address as a parameter default', async () => {
  // The shape of Microsoft's AKS landing zone accelerator: `param firewallIP string = '10.0.1.4'`.
  const { app } = await run({
    'main.bicep': `
param firewallIP string = '10.0.1.4'

resource hub 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-hub'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: ['10.0.0.0/16'] }
    subnets: [
      {
        name: 'AzureFirewallSubnet'
        properties: { addressPrefix: '10.0.1.0/26' }
      }
    ]
  }
}

resource policy 'Microsoft.Network/firewallPolicies@2023-09-01' = {
  name: 'afwp-hub'
  location: 'westeurope'
}

resource rules 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2023-09-01' = {
  parent: policy
  name: 'rcg-egress'
  properties: {
    priority: 200
    ruleCollections: [
      {
        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'
        name: 'dns-only'
        priority: 100
        action: { type: 'Allow' }
        rules: [
          {
            ruleType: 'NetworkRule'
            name: 'dns'
            ipProtocols: ['UDP']
            sourceAddresses: ['10.1.0.0/16']
            destinationAddresses: ['10.0.2.4']
            destinationPorts: ['53']
          }
        ]
      }
    ]
  }
}

resource firewall 'Microsoft.Network/azureFirewalls@2023-09-01' = {
  name: 'afw-hub'
  location: 'westeurope'
  properties: {
    firewallPolicy: { id: policy.id }
    ipConfigurations: [
      {
        name: 'ipconfig'
        properties: {
          subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-hub', 'AzureFirewallSubnet') }
        }
      }
    ]
  }
  dependsOn: [hub]
}

resource rt 'Microsoft.Network/routeTables@2023-09-01' = {
  name: 'rt-spoke'
  location: 'westeurope'
  properties: {
    disableBgpRoutePropagation: true
    routes: [
      {
        name: 'default-via-firewall'
        properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: firewallIP }
      }
    ]
  }
}

resource spoke 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-spoke'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: ['10.1.0.0/16'] }
    subnets: [
      {
        name: 'snet-app'
        properties: { addressPrefix: '10.1.0.0/24', routeTable: { id: rt.id } }
      }
    ]
  }
}
`,
  })
  expect(app.state).toBe('blocked')
  expect(app.hop).toContain('afw-hub')
})
