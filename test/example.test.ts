import * as path from 'node:path'
import { scan } from '../src/pipeline/scan'

// The README's first command scans this example; what it shows a newcomer is pinned here.
test('the bundled hub-and-spoke example reports the breaks its README describes', async () => {
  const dir = path.join(process.cwd(), 'examples', 'hub-spoke')
  const result = await scan({ path: dir, cloud: 'auto', varFiles: [], workers: false })
  const found = result.findings
    .map((f) => `${f.ruleId} ${path.basename(f.location.file)} ${f.resource}`)
    .sort()
  expect(found).toEqual([
    'KMS001 legacy.tf azurerm_route_table.legacy',
    'KMS003 spokes.tf azurerm_route_table.spoke',
    'KMS005 hub.tf azurerm_firewall_policy_rule_collection_group.platform',
    'KMS005 legacy.tf azurerm_route_table.legacy',
    'KMS006 spokes.tf azurerm_network_security_group.data',
    'KMS007 hub.tf azurerm_firewall_policy_rule_collection_group.platform',
  ])
  expect(result.clouds).toEqual(['AzureCloud'])
  const kms001 = result.findings.find((f) => f.ruleId === 'KMS001')!
  expect(kms001.kmsAddresses).toEqual(['20.118.99.224', '40.83.235.53'])
  expect(kms001.subnetPaths).toEqual([
    expect.objectContaining({
      subnet: 'vnet-contoso-legacy/snet-legacy-vms',
      path: 'snet-legacy-vms → rt-contoso-legacy: 0.0.0.0/0 → VirtualNetworkGateway',
    }),
  ])
})
