/**
 * Virtual WAN in Bicep, written out as resources and built from the Azure Verified Modules (the
 * virtual-wan, virtual-hub, azure-firewall and firewall-policy resource modules, and the
 * avm/ptn/network/virtual-wan pattern): a secured hub whose routing intent sends spoke Internet traffic
 * to the hub firewall, whose policy allows only DNS, blocks activation; a KMS rule makes it reachable.
 */
import * as path from 'node:path'
import { scan } from '../../src/pipeline/scan'
import { tree as treeOn } from '../helpers/tree'

const tree = (files: Record<string, string>) => treeOn(files, 'kms-vwan-bicep-')

const run = (dir: string) => scan({ path: dir, cloud: 'AzureCloud', varFiles: [], workers: false })

/** The policy's only rule collection: DNS, and with `kms` also TCP 1688 to the KMS addresses. */
function ruleCollections(kms: boolean): string {
  const kmsRule = kms
    ? `
          {
            ruleType: 'NetworkRule'
            name: 'azure-kms'
            ipProtocols: ['TCP']
            sourceAddresses: ['10.0.0.0/8']
            destinationAddresses: ['20.118.99.224', '40.83.235.53', '23.102.135.246']
            destinationPorts: ['1688']
          }`
    : ''
  return `[
      {
        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'
        name: 'platform'
        priority: 100
        action: { type: 'Allow' }
        rules: [
          {
            ruleType: 'NetworkRule'
            name: 'dns'
            ipProtocols: ['UDP']
            sourceAddresses: ['10.0.0.0/8']
            destinationAddresses: ['168.63.129.16']
            destinationPorts: ['53']
          }${kmsRule}
        ]
      }
    ]`
}

const SPOKE = `resource spoke 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-spoke-app'
  location: location
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
`

function plain(kms: boolean): string {
  return `param location string = 'westeurope'

resource vwan 'Microsoft.Network/virtualWans@2023-09-01' = {
  name: 'vwan-prod'
  location: location
  properties: { type: 'Standard' }
}

resource hub 'Microsoft.Network/virtualHubs@2023-09-01' = {
  name: 'vhub-weu'
  location: location
  properties: {
    addressPrefix: '10.100.0.0/23'
    virtualWan: { id: vwan.id }
  }
}

resource policy 'Microsoft.Network/firewallPolicies@2023-09-01' = {
  name: 'afwp-vhub-weu'
  location: location
  properties: {}
}

resource rcg 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2023-09-01' = {
  parent: policy
  name: 'rcg-platform'
  properties: {
    priority: 100
    ruleCollections: ${ruleCollections(kms)}
  }
}

resource firewall 'Microsoft.Network/azureFirewalls@2023-09-01' = {
  name: 'afw-vhub-weu'
  location: location
  properties: {
    sku: { name: 'AZFW_Hub', tier: 'Standard' }
    virtualHub: { id: hub.id }
    firewallPolicy: { id: policy.id }
    hubIPAddresses: { publicIPs: { count: 1 } }
  }
}

resource intent 'Microsoft.Network/virtualHubs/routingIntent@2023-09-01' = {
  parent: hub
  name: 'routingIntent'
  properties: {
    routingPolicies: [
      {
        name: 'InternetTraffic'
        destinations: ['Internet']
        nextHop: firewall.id
      }
    ]
  }
}

${SPOKE}
resource connection 'Microsoft.Network/virtualHubs/hubVirtualNetworkConnections@2023-09-01' = {
  parent: hub
  name: 'conn-spoke-app'
  properties: {
    remoteVirtualNetwork: { id: spoke.id }
    enableInternetSecurity: true
  }
}
`
}

function avm(kms: boolean): string {
  return `param location string = 'westeurope'

module vwan 'br/public:avm/res/network/virtual-wan:0.4.3' = {
  name: 'vwan'
  params: {
    name: 'vwan-prod'
    location: location
  }
}

module policy 'br/public:avm/res/network/firewall-policy:0.3.1' = {
  name: 'policy'
  params: {
    name: 'afwp-vhub-weu'
    ruleCollectionGroups: [
      {
        name: 'rcg-platform'
        priority: 100
        ruleCollections: ${ruleCollections(kms)}
      }
    ]
  }
}

module hub 'br/public:avm/res/network/virtual-hub:0.4.3' = {
  name: 'hub'
  params: {
    name: 'vhub-weu'
    addressPrefix: '10.100.0.0/23'
    virtualWanResourceId: vwan.outputs.resourceId
    azureFirewallResourceId: resourceId('Microsoft.Network/azureFirewalls', 'afw-vhub-weu')
    routingIntent: {
      internetToFirewall: true
      privateToFirewall: false
    }
    hubVirtualNetworkConnections: [
      {
        name: 'conn-spoke-app'
        remoteVirtualNetworkResourceId: spoke.id
        enableInternetSecurity: true
      }
    ]
  }
}

module firewall 'br/public:avm/res/network/azure-firewall:0.10.1' = {
  name: 'firewall'
  params: {
    name: 'afw-vhub-weu'
    virtualHubResourceId: hub.outputs.resourceId
    firewallPolicyId: policy.outputs.resourceId
    hubIPAddresses: { publicIPs: { count: 1 } }
  }
}

${SPOKE}`
}

function pattern(kms: boolean): string {
  return `param location string = 'westeurope'

module policy 'br/public:avm/res/network/firewall-policy:0.3.1' = {
  name: 'policy'
  params: {
    name: 'afwp-vhub-weu'
    ruleCollectionGroups: [
      {
        name: 'rcg-platform'
        priority: 100
        ruleCollections: ${ruleCollections(kms)}
      }
    ]
  }
}

module wan 'br/public:avm/ptn/network/virtual-wan:0.4.0' = {
  name: 'wan'
  params: {
    virtualWanParameters: {
      virtualWanName: 'vwan-prod'
    }
    virtualHubParameters: [
      {
        hubName: 'vhub-weu'
        hubLocation: location
        hubAddressPrefix: '10.100.0.0/23'
        hubVirtualNetworkConnections: [
          {
            name: 'conn-spoke-app'
            remoteVirtualNetworkResourceId: spoke.id
            enableInternetSecurity: true
          }
        ]
        secureHubParameters: {
          deploySecureHub: true
          azureFirewallName: 'afw-vhub-weu'
          azureFirewallSku: 'Standard'
          azureFirewallPublicIPCount: 1
          firewallPolicyResourceId: policy.outputs.resourceId
          routingIntent: {
            internetToFirewall: true
          }
        }
      }
    ]
  }
}

${SPOKE}`
}

describe.each([
  ['Bicep resources', plain],
  ['AVM resource modules', avm],
  ['AVM virtual-wan pattern', pattern],
])('secured Virtual WAN hub in %s', (_, build) => {
  test('routing intent → hub firewall allowing only DNS: the spoke subnet is blocked at the firewall', async () => {
    const dir = tree({ 'main.bicep': build(false) })
    const result = await run(dir)
    const app = result.verdict.subnets.find((s) => s.subnet === 'snet-app')
    expect(app).toMatchObject({ state: 'blocked', vnet: 'vnet-spoke-app' })
    expect(app?.hop).toContain('afw-vhub-weu')
    const kms003 = result.findings.filter((f) => f.ruleId === 'KMS003')
    expect(kms003).toHaveLength(1)
    expect(kms003[0].message).toContain('snet-app')
    expect(path.relative(dir, kms003[0].location.file)).toBe('main.bicep')
    expect(result.verdict.overall).toBe('blocked')
  })

  test('negative control: a KMS network rule in the policy makes the spoke reachable', async () => {
    const result = await run(tree({ 'main.bicep': build(true) }))
    expect(result.findings.filter((f) => f.severity !== 'notice')).toEqual([])
    expect(result.verdict.subnets.find((s) => s.subnet === 'snet-app')?.state).toBe('reachable')
  })
})
