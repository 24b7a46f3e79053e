/**
 * Pull request runs judge only the units a change can affect (src/compare/units.ts), through the built
 * action on real git base → head fixtures. A unit's inputs are more than its .tf files: a file it reads
 * with file(), and the module manifest `terraform init` wrote, decide its verdict too, so a change to
 * either must re-judge it at head and at base (and not reuse the head's findings for the base).
 */
import { runPullRequest } from './pr-run'

const PROVIDER = 'provider "azurerm" {\n  features {}\n}\n'

const NETWORK = `resource "azurerm_virtual_network" "spoke" {
  name                = "vnet-spoke"
  location            = "westeurope"
  resource_group_name = "rg-net"
  address_space       = ["10.1.0.0/16"]
}

resource "azurerm_subnet" "app" {
  name                 = "snet-app"
  resource_group_name  = "rg-net"
  virtual_network_name = azurerm_virtual_network.spoke.name
  address_prefixes     = ["10.1.1.0/24"]
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.spoke.id
}
`

/** The default route's next hop comes from a JSON file the module reads with file(). */
const FROM_FILE = `${PROVIDER}${NETWORK}
locals {
  routing = jsondecode(file("\${path.module}/routing.json"))
}

resource "azurerm_route_table" "spoke" {
  name                = "rt-spoke"
  location            = "westeurope"
  resource_group_name = "rg-net"

  route {
    name           = "default"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = local.routing.next_hop
  }
}
`

const routing = (hop: string) => `{\n  "next_hop": "${hop}"\n}\n`

const table = (tunnel: boolean) => `resource "azurerm_route_table" "spoke" {
  name                = "rt-spoke"
  location            = "westeurope"
  resource_group_name = "rg-net"
${tunnel ? '\n  route {\n    name           = "default-to-onprem"\n    address_prefix = "0.0.0.0/0"\n    next_hop_type  = "VirtualNetworkGateway"\n  }\n' : ''}}
`

/** Another root module the changes never touch: with scope new it is not judged at all. */
const UNTOUCHED = { 'other/main.tf': PROVIDER + NETWORK + table(false) }

describe('pull request runs re-judge the units whose inputs changed (dist/index.js)', () => {
  it('a file read by file() that gains a forced tunnel fails the run; reverting it is a fix', async () => {
    const base = { ...UNTOUCHED, 'net/main.tf': FROM_FILE, 'net/routing.json': routing('Internet') }
    const head = { 'net/routing.json': routing('VirtualNetworkGateway') }
    for (const scope of ['new', 'all']) {
      // With scope all the comment's "fixed" section compares with the base: every unit is judged, and
      // the base reuses the head's findings only for units whose inputs hash the same.
      const r = await runPullRequest(base, head, { path: '.', scope, comment: String(scope === 'all') })
      if (r.status !== 1) console.log(r.stdout)
      expect(r.status).toBe(1)
      expect(r.outputs).toMatchObject({ 'new-findings': '1', 'fixed-findings': '0', failing: '1' })
      expect(r.annotations.map((a) => a.path)).toEqual(['net/main.tf'])
      if (scope === 'new') expect(r.summary).toContain('1 unit it does not touch was not judged')
    }
    const fixed = await runPullRequest(
      { ...base, 'net/routing.json': routing('VirtualNetworkGateway') },
      { 'net/routing.json': routing('Internet') },
      { path: '.' },
    )
    expect(fixed.status).toBe(0)
    expect(fixed.outputs).toMatchObject({ 'new-findings': '0', 'fixed-findings': '1', failing: '0' })
  }, 180_000)

  it('a committed module manifest that switches a module to another installed version is judged again', async () => {
    const manifest = (dir: string) =>
      JSON.stringify({
        Modules: [
          { Key: '', Source: '', Dir: '.' },
          { Key: 'net', Source: 'registry.terraform.io/contoso/net/azurerm', Version: '1.0.0', Dir: dir },
        ],
      })
    const base = {
      ...UNTOUCHED,
      'infra/main.tf': `${PROVIDER}\nmodule "net" {\n  source  = "contoso/net/azurerm"\n  version = "1.0.0"\n}\n`,
      'infra/.terraform/modules/modules.json': manifest('.terraform/modules/net'),
      'infra/.terraform/modules/net/main.tf': NETWORK + table(false),
      'infra/.terraform/modules/net-next/main.tf': NETWORK + table(true),
    }
    // Only the manifest changes: no .tf file of the unit does.
    const r = await runPullRequest(
      base,
      { 'infra/.terraform/modules/modules.json': manifest('.terraform/modules/net-next') },
      { path: '.' },
    )
    if (r.status !== 1) console.log(r.stdout)
    expect(r.status).toBe(1)
    expect(r.outputs).toMatchObject({ 'new-findings': '1', failing: '1' })
    expect(r.summary).toContain('1 unit it does not touch was not judged')
    // An installed module's own file changing is a change to every unit that reads it.
    const edited = await runPullRequest(
      base,
      { 'infra/.terraform/modules/net/main.tf': NETWORK + table(true) },
      { path: '.' },
    )
    expect(edited.status).toBe(1)
    expect(edited.outputs).toMatchObject({ 'new-findings': '1', failing: '1' })
  }, 180_000)

  it('a changed module called by two roots: both are judged again, found from git’s index without reading the rest', async () => {
    const spoke = (tunnel: boolean) =>
      `variable "rg" {\n  type = string\n}\n${(NETWORK + table(tunnel)).replaceAll('"rg-net"', 'var.rg')}`
    const caller = (rg: string) =>
      `${PROVIDER}\nmodule "spoke" {\n  source = "../../modules/spoke"\n  rg     = "${rg}"\n}\n`
    const r = await runPullRequest(
      {
        ...UNTOUCHED,
        'envs/prod/main.tf': caller('rg-prod'),
        'envs/stage/main.tf': caller('rg-stage'),
        'modules/spoke/main.tf': spoke(false),
      },
      { 'modules/spoke/main.tf': spoke(true) },
      { path: '.' },
    )
    if (r.status !== 1) console.log(r.stdout)
    expect(r.status).toBe(1)
    expect(r.outputs).toMatchObject({ 'new-findings': '2', failing: '2' })
    expect(r.stdout).toContain("Head: 2 Terraform units of 3 found affected from git's index")
    // The base's two units (its layout is the head's: the module's edit calls nothing new), written from git.
    expect(r.stdout).toMatch(/Base commit \w+: \d+ files written from git objects \(2 Terraform units/)
    expect(r.summary).toContain('1 unit it does not touch was not judged')
  }, 180_000)
})
