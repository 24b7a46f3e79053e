/**
 * A module the scan does not evaluate (a registry module before `terraform init`) given a subnet of another
 * root module by a literal ARM id: an application root hands
 * `/subscriptions/…/resourceGroups/rg-spoke-app/providers/Microsoft.Network/virtualNetworks/vnet-spoke-app/subnets/snet-app`
 * to its egress module, the landing-zone root declares that subnet. Within one unit such a subnet is
 * undecided, naming the module (./opaque-module.test.ts); across units the declaring root read it
 * "reachable". Now the module is handed over as an unknown route table and NSG of that subnet, laid on it
 * when the declaring root is judged again (src/analysis/cross-unit-attachments.ts).
 */
import { scan } from '../../src/pipeline/scan'
import { tree } from '../helpers/tree'
import { TF_PROVIDER, tfLandingZone } from '../helpers/tf-units'

const SUB = '00000000-0000-0000-0000-000000000001'
const id = (rg: string, vnet: string, subnet: string) =>
  `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Network/virtualNetworks/${vnet}/subnets/${subnet}`

const app = (subnetId: string) => `${TF_PROVIDER}
module "egress" {
  source    = "contoso/egress/azurerm"
  version   = "~> 1.0"
  subnet_id = "${subnetId}"
}
`

const landingZoneRow = async (subnetId: string) => {
  const result = await scan({
    path: tree(
      { 'landing-zone/main.tf': tfLandingZone(), 'app/main.tf': app(subnetId) },
      'kms-xunit-opaque-',
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

test('the landing zone’s snet-app given to the app root’s unevaluated module by ARM id: undecided, naming the module and its root (was: reachable)', async () => {
  const v = await landingZoneRow(id('rg-spoke-app', 'vnet-spoke-app', 'snet-app'))
  expect(v.state).toBe('undecided')
  expect(v.why).toMatch(/module\.egress \(source "contoso\/egress\/azurerm"\) is not evaluated/)
  expect(v.why).toMatch(/root module app/)
  expect(v.resolve).toMatch(/terraform init/)
})

test('negative control: another subnet of that VNet: no effect (reachable)', async () => {
  expect((await landingZoneRow(id('rg-spoke-app', 'vnet-spoke-app', 'snet-other'))).state).toBe('reachable')
})

test('negative control: the same names in another resource group: no effect (reachable)', async () => {
  expect((await landingZoneRow(id('rg-elsewhere', 'vnet-spoke-app', 'snet-app'))).state).toBe('reachable')
})
