/**
 * The merge's head start (src/pipeline/scan-merge.ts prepareMerge): the calling thread of scan-isolated.ts
 * works on each unit's results as they come in from the scan workers, so less is left once the last unit
 * is in. What it prepares must be what the merge would have worked out itself: the scan's result and its
 * report are the same, and a unit changed after it came in (the second pass sets the VNet facts a unit
 * was judged again with) is merged as it is then, not as it was when prepared.
 */
import * as v8 from 'node:v8'
import { finishScan, prepareMerge, type ScanPart } from '../../src/pipeline/scan-merge'
import { scanPart } from '../../src/pipeline/scan'
import type { ScanOptions } from '../../src/pipeline/scan-types'
import { formatJsonReport } from '../../src/report/json'
import { TF_HUB_VPN_GATEWAY, TF_SPOKE_APP, tfHubVnet, tfSubnetOfReadVnet } from '../helpers/hcl-network'
import { tree } from '../helpers/tree'

/** KMS traffic of snet-app forced to the VPN gateway: a KMS001 finding, with its fix. */
const FORCED_TUNNEL = `
resource "azurerm_route_table" "app" {
  name                = "rt-app"
  location            = "westeurope"
  resource_group_name = "rg-spoke"

  route {
    name           = "default"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "VirtualNetworkGateway"
  }
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.app.id
}
`

/** A connectivity unit declaring the hub, a vending unit adding a subnet to it, a spoke that tunnels KMS. */
async function judged(): Promise<{ options: ScanOptions; part: ScanPart }> {
  const path = tree(
    {
      'connectivity/main.tf': tfHubVnet() + TF_HUB_VPN_GATEWAY,
      'vending/main.tf': tfSubnetOfReadVnet('vnet-hub', 'rg-hub', 'snet-shared', '10.0.5.0/24'),
      'spoke/main.tf': TF_SPOKE_APP + FORCED_TUNNEL,
    },
    'kms-prepare-merge-',
  )
  const options: ScanOptions = { path, cloud: 'AzureCloud', varFiles: [], workers: false }
  return { options, part: await scanPart(options) }
}

/** A copy of the part, as it crosses from a worker. */
const copy = (part: ScanPart): ScanPart => v8.deserialize(v8.serialize(part)) as ScanPart

const merged = (options: ScanOptions, part: ScanPart) =>
  finishScan(options, [part], () => import('../../src/pipeline/scan-level'))

test('units prepared as they come in merge into the same result and the same report', async () => {
  const { options, part } = await judged()
  const alone = await merged(options, copy(part))
  expect(alone.findings.some((f) => f.ruleId === 'KMS001' && f.fix)).toBe(true)
  expect(alone.crossUnit?.length).toBeGreaterThan(0)

  const prepared = copy(part)
  // Two messages, as a worker streams its units.
  prepareMerge(prepared.judged.slice(0, 1))
  prepareMerge(prepared.judged.slice(1))
  const ahead = await merged(options, prepared)
  expect(ahead).toEqual(alone)
  expect(formatJsonReport(ahead, options.path)).toBe(formatJsonReport(alone, options.path))
})

test('a unit given VNet facts after it was prepared is merged with them', async () => {
  const { options, part } = await judged()
  const prepared = copy(part)
  prepareMerge(prepared.judged)
  // What the second pass (src/pipeline/cross-unit.ts crossUnitPass) sets on a unit judged again.
  const vending = prepared.judged.find((u) => u.unit?.endsWith('vending'))!
  vending.received = { facts: 'digest-of-the-hub-facts', needs: vending.vnets?.needs ?? [] }
  const result = await merged(options, prepared)
  expect(result.crossUnit?.find((c) => c.key === 'vending')?.facts).toBe('digest-of-the-hub-facts')
})
