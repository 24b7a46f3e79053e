/**
 * An NSG a Terraform application root attaches to a subnet it reads by `data "azurerm_subnet"` whose resource
 * group comes from a variable without value: the platform root declares vnet-spoke/snet-app in rg-spoke, but
 * the scan cannot be sure the application's subnet is that one. The sure handover (./cross-unit-attachments
 * .test.ts) does not apply, and the platform root read snet-app "reachable" (its route table lets KMS out)
 * while the application's NSG, denying Internet outbound, may be on it. Now the platform's snet-app is judged
 * with and without the association: undecided where they differ, naming the association, its root and what
 * resolves it (as the Bicep day-2 redeclaration: ./bicep-foreign-subnet-maybe.test.ts).
 */
import { scan } from '../../src/pipeline/scan'
import { tree } from '../helpers/tree'
import { appAttaching, platformSpoke } from '../helpers/hcl-attachments'
import { TF_PROVIDER } from '../helpers/tf-units'

/** The application root, its data source reading the subnet from `rg` (an HCL expression). */
const app = (o: { rg: string; allowKms?: boolean; subnet?: string }) =>
  TF_PROVIDER +
  appAttaching('subnet', o.allowKms ?? false)
    .replace('resource_group_name  = "rg-spoke"', `resource_group_name  = ${o.rg}`)
    .replace('name                 = "snet-app"', `name                 = "${o.subnet ?? 'snet-app'}"`) +
  (o.rg.startsWith('var.') ? `\nvariable "${o.rg.slice(4)}" {\n  type = string\n}\n` : '')

const platformRow = async (application: string) => {
  const result = await scan({
    path: tree(
      { 'platform/main.tf': TF_PROVIDER + platformSpoke(), 'app/main.tf': application },
      'kms-xunit-attach-maybe-',
    ),
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
  })
  const rows = result.verdict.subnets.filter((s) => s.subnet === 'snet-app')
  if (rows.length !== 1)
    throw new Error(`snet-app judged ${rows.length} times: ${JSON.stringify(result.verdict)}`)
  return rows[0]!
}

test('resource group from a variable without value: the platform’s snet-app is undecided, naming the association and its root (was: reachable)', async () => {
  const v = await platformRow(app({ rg: 'var.spoke_rg' }))
  expect(v.state).toBe('undecided')
  expect(v.why).toMatch(/azurerm_subnet_network_security_group_association\.app .*root module app/)
  expect(v.why).toMatch(/resource group is not known/)
  expect(v.resolve).toMatch(/resource group/)
})

test('control: the application NSG allows KMS first: reachable either way', async () => {
  expect((await platformRow(app({ rg: 'var.spoke_rg', allowKms: true }))).state).toBe('reachable')
})

test('negative control: another subnet name: no effect (reachable)', async () => {
  expect((await platformRow(app({ rg: 'var.spoke_rg', subnet: 'snet-other' }))).state).toBe('reachable')
})

test('negative control: a resource group known and different: no effect (reachable)', async () => {
  expect((await platformRow(app({ rg: '"rg-elsewhere"' }))).state).toBe('reachable')
})

test('the same resource group, known: blocked through the application NSG (the sure handover, unchanged)', async () => {
  expect((await platformRow(app({ rg: '"rg-spoke"' }))).state).toBe('blocked')
})
