import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { emptyModel } from '../../../src/model/network'
import { scan } from '../../../src/pipeline/scan'
import { mapRouteTable } from '../../../src/sources/azure/map'
import { deletedArmIds } from '../../../src/sources/plan/deletes'

const RT =
  '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-spoke/providers/Microsoft.Network/routeTables/rt-legacy'

/** A `terraform show -json` plan that only deletes the given azurerm_route resources. */
function planDeleting(routes: string[]): string {
  return JSON.stringify({
    format_version: '1.2',
    terraform_version: '1.9.5',
    resource_changes: [
      ...routes.map((name) => ({
        address: `azurerm_route.${name}`,
        mode: 'managed',
        type: 'azurerm_route',
        name,
        change: { actions: ['delete'], before: { id: `${RT}/routes/${name}`, name }, after: null },
      })),
      {
        address: 'azurerm_route_table.replaced',
        mode: 'managed',
        type: 'azurerm_route_table',
        name: 'replaced',
        change: { actions: ['delete', 'create'], before: { id: `${RT}-old` }, after: { name: 'rt-new' } },
      },
    ],
  })
}

test('the ARM ids a plan deletes, not those it replaces', () => {
  expect(deletedArmIds(planDeleting(['kms1']))).toEqual([`${RT}/routes/kms1`])
  expect(deletedArmIds('{ not json')).toEqual([])
})

test('with live state, a route the plan deletes is gone before the network is judged', async () => {
  // Deployed: a forced tunnel whose KMS bypass routes exist today.
  const table = mapRouteTable({
    id: RT,
    name: 'rt-legacy',
    disableBgpRoutePropagation: false,
    routes: [
      { name: 'default', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualNetworkGateway' },
      { name: 'kms1', addressPrefix: '20.118.99.224/32', nextHopType: 'Internet' },
      { name: 'kms2', addressPrefix: '40.83.235.53/32', nextHopType: 'Internet' },
    ].map((r) => ({ ...r, id: `${RT}/routes/${r.name}` })),
  })
  const deployed = { ...emptyModel(), routeTables: [table] }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-plan-deletes-'))

  fs.writeFileSync(path.join(dir, 'plan.json'), planDeleting([]))
  const before = await scan({
    path: dir,
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
    deployed: { model: deployed, cloud: 'AzureCloud' },
  })
  expect(before.findings.filter((f) => f.ruleId === 'KMS001')).toEqual([])

  fs.writeFileSync(path.join(dir, 'plan.json'), planDeleting(['kms1']))
  const after = await scan({
    path: dir,
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
    deployed: { model: deployed, cloud: 'AzureCloud' },
  })
  const kms001 = after.findings.filter((f) => f.ruleId === 'KMS001')
  expect(kms001.map((f) => f.kmsAddresses)).toEqual([['20.118.99.224']])
  expect(kms001[0].deployed).toBe(true)
})
