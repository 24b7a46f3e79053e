/**
 * A pull request changing a unit that declares a VNet whose name the scan cannot evaluate (a variable
 * without a value), through the built action on a real git base → head. Which untouched units read that
 * VNet cannot be told by name, so every untouched unit reading a VNet, subnet or firewall of another unit
 * (a data source, Bicep `existing`, remote state, a literal name or ARM id) is judged with it: its subnets
 * are decided, or named undecided, as in a full scan of the head, never left out of the verdict.
 */
import { runPullRequest } from './pr-run'
import { tfSubnetOfReadVnet } from '../helpers/hcl-network'
import { TF_PROVIDER, tfMoreSubnets, tfOtherLandingZone } from '../helpers/tf-units'

/** The hub root: its VNet named by var.hub_name (no value anywhere), snet-shared and `more` subnets. */
const hub = (more: string[] = []) => `${TF_PROVIDER}
variable "hub_name" {
  type = string
}

resource "azurerm_virtual_network" "hub" {
  name                = var.hub_name
  location            = "westeurope"
  resource_group_name = "rg-hub"
  address_space       = ["10.0.0.0/16"]
}

resource "azurerm_subnet" "shared" {
  name                 = "snet-shared"
  resource_group_name  = "rg-hub"
  virtual_network_name = azurerm_virtual_network.hub.name
  address_prefixes     = ["10.0.5.0/24"]
}
${tfMoreSubnets(more, { rg: 'rg-hub', net: '10.0', vnet: 'azurerm_virtual_network.hub' })}`

describe('a change to a hub root whose VNet name is not known, read by an untouched vending root (dist/index.js)', () => {
  const base = {
    'platform/hub/main.tf': hub(),
    'landing-zones/vending/main.tf':
      TF_PROVIDER + tfSubnetOfReadVnet('vnet-hub', 'rg-hub', 'snet-vend', '10.0.6.0/24'),
    'landing-zones/other/main.tf': tfOtherLandingZone(),
  }
  const head = { 'platform/hub/main.tf': hub(['snet-db']) }

  it('the vending root is judged with it: its subnet is in the verdict as in the full scan, and fails with fail-on-unknown', async () => {
    const inputs = { path: '.', 'fail-on-unknown': 'true' }
    const [pr, full] = await Promise.all([
      runPullRequest(base, head, { ...inputs, scope: 'new' }),
      runPullRequest(base, head, { ...inputs, scope: 'all' }),
    ])
    expect(pr.outputs.undecided).toBe(full.outputs.undecided)
    expect(Number(pr.outputs.undecided)).toBeGreaterThan(0)
    expect(pr.summary).toContain('snet-vend')
    expect(pr.summary).toContain('landing-zones/vending')
    // The landing zone reading nothing of another unit is still left out.
    expect(pr.summary).toContain('1 unit it does not touch was not judged')
    expect(pr.status).toBe(full.status)
    expect(pr.status).toBe(1)
  })
})
