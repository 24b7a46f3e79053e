/** Virtual WAN in an ARM template: routing intent → hub firewall, whose policy decides. */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { scan } from '../../src/pipeline/scan'

function template(ports: string[]): string {
  const hub = "[resourceId('Microsoft.Network/virtualHubs', 'vhub-weu')]"
  const fw = "[resourceId('Microsoft.Network/azureFirewalls', 'afw-vhub-weu')]"
  return JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [
        {
          type: 'Microsoft.Network/virtualHubs',
          apiVersion: '2023-09-01',
          name: 'vhub-weu',
          location: 'westeurope',
          properties: { addressPrefix: '10.100.0.0/23' },
        },
        {
          type: 'Microsoft.Network/firewallPolicies',
          apiVersion: '2023-09-01',
          name: 'afwp-vhub',
          location: 'westeurope',
          properties: {},
        },
        {
          type: 'Microsoft.Network/firewallPolicies/ruleCollectionGroups',
          apiVersion: '2023-09-01',
          name: 'afwp-vhub/rcg-platform',
          dependsOn: ["[resourceId('Microsoft.Network/firewallPolicies', 'afwp-vhub')]"],
          properties: {
            priority: 100,
            ruleCollections: [
              {
                ruleCollectionType: 'FirewallPolicyFilterRuleCollection',
                name: 'platform',
                priority: 100,
                action: { type: 'Allow' },
                rules: [
                  {
                    ruleType: 'NetworkRule',
                    name: 'allowed',
                    ipProtocols: ['TCP', 'UDP'],
                    sourceAddresses: ['10.0.0.0/8'],
                    destinationAddresses: ['*'],
                    destinationPorts: ports,
                  },
                ],
              },
            ],
          },
        },
        {
          type: 'Microsoft.Network/azureFirewalls',
          apiVersion: '2023-09-01',
          name: 'afw-vhub-weu',
          location: 'westeurope',
          properties: {
            sku: { name: 'AZFW_Hub', tier: 'Standard' },
            virtualHub: { id: hub },
            firewallPolicy: { id: "[resourceId('Microsoft.Network/firewallPolicies', 'afwp-vhub')]" },
            hubIPAddresses: { publicIPs: { count: 1 } },
          },
        },
        {
          type: 'Microsoft.Network/virtualHubs/routingIntent',
          apiVersion: '2023-09-01',
          name: 'vhub-weu/ri-vhub-weu',
          properties: {
            routingPolicies: [{ name: 'InternetTraffic', destinations: ['Internet'], nextHop: fw }],
          },
        },
        {
          type: 'Microsoft.Network/virtualNetworks',
          apiVersion: '2023-09-01',
          name: 'vnet-spoke-app',
          location: 'westeurope',
          properties: {
            addressSpace: { addressPrefixes: ['10.1.0.0/16'] },
            subnets: [{ name: 'snet-app', properties: { addressPrefix: '10.1.1.0/24' } }],
          },
        },
        {
          type: 'Microsoft.Network/virtualHubs/hubVirtualNetworkConnections',
          apiVersion: '2023-09-01',
          name: 'vhub-weu/conn-spoke-app',
          properties: {
            remoteVirtualNetwork: {
              id: "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke-app')]",
            },
            enableInternetSecurity: true,
          },
        },
      ],
    },
    null,
    2,
  )
}

async function judge(ports: string[]) {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kms-vwan-arm-')))
  fs.writeFileSync(path.join(dir, 'azuredeploy.json'), template(ports))
  return scan({ path: dir, cloud: 'AzureCloud', varFiles: [], workers: false })
}

test('ARM: the hub firewall of a secured hub allows only DNS: blocked; allowing 1688 keeps it clean', async () => {
  const dns = await judge(['53'])
  expect(dns.verdict.overall).toBe('blocked')
  expect(dns.verdict.subnets[0]!.hop).toBe('firewall afw-vhub-weu: no rule allows TCP 1688')
  expect(dns.findings.some((f) => f.ruleId === 'KMS003')).toBe(true)
  const kms = await judge(['53', '1688'])
  expect(kms.verdict.overall).toBe('reachable')
  expect(kms.findings.filter((f) => f.severity === 'error')).toEqual([])
})
