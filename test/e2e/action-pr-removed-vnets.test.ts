/**
 * A pull request that removes or renames a VNet another, untouched root reads (`data`), through the built
 * action on a real git base → head: the reader is judged at head (where what it reads is gone) and at base
 * (with the VNet), as a full scan of each side judges it, so what the change does to its subnets is shown
 * and fails the check like any other finding; not only named.
 */
import { runPullRequest } from './pr-run'

const PROVIDER = 'provider "azurerm" {\n  features {}\n}\n'

const hub = (name: string) => `${PROVIDER}
resource "azurerm_virtual_network" "hub" {
  name                = "${name}"
  location            = "westeurope"
  resource_group_name = "rg-hub"
  address_space       = ["10.0.0.0/16"]
}
`

const VENDING = `${PROVIDER}
data "azurerm_virtual_network" "hub" {
  name                = "vnet-hub"
  resource_group_name = "rg-hub"
}

resource "azurerm_subnet" "shared" {
  name                 = "snet-shared"
  resource_group_name  = "rg-hub"
  virtual_network_name = data.azurerm_virtual_network.hub.name
  address_prefixes     = ["10.0.5.0/24"]
}
`

const OTHER = `${PROVIDER}
resource "azurerm_virtual_network" "other" {
  name                = "vnet-other"
  location            = "westeurope"
  resource_group_name = "rg-other"
  address_space       = ["10.9.0.0/16"]
}
`

const base = {
  'connectivity/main.tf': hub('vnet-hub'),
  'vending/main.tf': VENDING,
  'other/main.tf': OTHER,
}

describe('a change that renames or removes the hub VNet an untouched vending root reads (dist/index.js, scope new)', () => {
  it('renamed: the vending subnet, reachable at base, is newly undecided at head, as a full scan says', async () => {
    const head = { 'connectivity/main.tf': hub('vnet-hub-weu') }
    const [pr, full] = await Promise.all([
      runPullRequest(base, head, { path: '.', scope: 'new', 'fail-on': 'warning' }),
      runPullRequest(base, head, { path: '.', scope: 'all', 'fail-on': 'warning' }),
    ])
    expect(full.outputs).toMatchObject({ undecided: '1', reachable: '0' })
    expect(pr.outputs).toMatchObject({ 'new-findings': '1', undecided: '1', verdict: 'undecided' })
    expect(pr.summary).toContain('Newly exposed:\n- vnet-hub/snet-shared (KMS014)')
    expect(pr.summary).toContain(
      '1 unit it does not touch was judged with it at head and base, as it may read the virtual networks or firewalls it changes: vending',
    )
    expect(pr.summary).toContain('1 unit it does not touch was not judged')
    expect(pr.status).toBe(1)
    expect(pr.annotations.map((a) => a.path)).toEqual(['vending/main.tf'])
  })

  it('removed with its root module: the same', async () => {
    const pr = await runPullRequest(
      base,
      { 'connectivity/main.tf': null },
      { path: '.', scope: 'new', 'fail-on': 'warning' },
    )
    expect(pr.outputs).toMatchObject({ 'new-findings': '1', undecided: '1' })
    expect(pr.status).toBe(1)
  })

  it('control: a rename no unit reads is nothing new', async () => {
    const pr = await runPullRequest(
      { ...base, 'vending/main.tf': VENDING.replace(/vnet-hub/g, 'vnet-shared') },
      { 'connectivity/main.tf': hub('vnet-hub-weu') },
      { path: '.', scope: 'new', 'fail-on': 'warning' },
    )
    expect(pr.outputs).toMatchObject({ 'new-findings': '0' })
    expect(pr.summary).toContain('2 units it does not touch were not judged')
  })
})
