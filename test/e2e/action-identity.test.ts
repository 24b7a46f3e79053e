/**
 * The pull request verdict by Azure identity, through the built action (dist/index.js) on pull_request
 * events against the 127.0.0.1 GitHub stand-in, with real git base → head fixtures:
 * - a tfvars-only change adding spokes behind a hub firewall that blocks KMS fails, the new spokes'
 *   tfvars entries annotated (scope new and scope changed);
 * - a `moved` rename and an Azure-name-preserving rename without `moved` are clean;
 * - a module change under two root modules gives two findings; fixing it in the module reports both fixed;
 * - live: an `azurerm_route` added by name to a deployed table fails, on the table in the resource group
 *   the IaC names, not its same-named twin in another resource group.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { ArmServer } from '../helpers/arm-server'
import { armRouteTable, armVnet, type ArmInventory } from '../helpers/arm-inventory'
import { startLiveArm } from '../helpers/live-action'
import { blockLines } from './workspace'
import { runPullRequest, type PrRun } from './pr-run'
const suite = describe

const PROVIDER = 'provider "azurerm" {\n  features {}\n}\n'

// ---- the hub firewall that blocks KMS, and spokes from a var file ----

const HUB = `${PROVIDER}
variable "spokes" {
  type = map(object({ cidr = string }))
}

resource "azurerm_virtual_network" "hub" {
  name                = "vnet-hub"
  location            = "westeurope"
  resource_group_name = "rg-hub"
  address_space       = ["10.0.0.0/16"]
}

resource "azurerm_subnet" "firewall" {
  name                 = "AzureFirewallSubnet"
  resource_group_name  = "rg-hub"
  virtual_network_name = azurerm_virtual_network.hub.name
  address_prefixes     = ["10.0.1.0/26"]
}

# No rule allows KMS: the firewall denies it by default.
resource "azurerm_firewall_policy" "hub" {
  name                = "fwp-hub"
  location            = "westeurope"
  resource_group_name = "rg-hub"
}

resource "azurerm_firewall" "hub" {
  name                = "fw-hub"
  location            = "westeurope"
  resource_group_name = "rg-hub"
  sku_name            = "AZFW_VNet"
  sku_tier            = "Standard"
  firewall_policy_id  = azurerm_firewall_policy.hub.id

  ip_configuration {
    name      = "ipconfig"
    subnet_id = azurerm_subnet.firewall.id
  }
}

module "spoke" {
  source   = "./modules/spoke"
  for_each = var.spokes

  name     = each.key
  cidr     = each.value.cidr
  next_hop = azurerm_firewall.hub.ip_configuration[0].private_ip_address
}
`

const SPOKE_MODULE = `variable "name" {
  type = string
}

variable "cidr" {
  type = string
}

variable "next_hop" {
  type = string
}

resource "azurerm_virtual_network" "this" {
  name                = "vnet-\${var.name}"
  location            = "westeurope"
  resource_group_name = "rg-\${var.name}"
  address_space       = [var.cidr]
}

resource "azurerm_subnet" "workload" {
  name                 = "snet-workload"
  resource_group_name  = "rg-\${var.name}"
  virtual_network_name = azurerm_virtual_network.this.name
  address_prefixes     = [cidrsubnet(var.cidr, 8, 1)]
}

resource "azurerm_route_table" "this" {
  name                = "rt-\${var.name}"
  location            = "westeurope"
  resource_group_name = "rg-\${var.name}"

  route {
    name                   = "default-via-hub"
    address_prefix         = "0.0.0.0/0"
    next_hop_type          = "VirtualAppliance"
    next_hop_in_ip_address = var.next_hop
  }
}

resource "azurerm_subnet_route_table_association" "this" {
  subnet_id      = azurerm_subnet.workload.id
  route_table_id = azurerm_route_table.this.id
}
`

const tfvars = (names: string[]) =>
  `spokes = {\n${names.map((n, i) => `  ${n} = {\n    cidr = "10.${i + 1}.0.0/16"\n  }\n`).join('')}}\n`

// ---- a spoke network with a forced tunnel, for the rename cases ----

const NETWORK = `${PROVIDER}
resource "azurerm_virtual_network" "spoke" {
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
`

const tunnelTable = (address: string) => `resource "azurerm_route_table" "${address}" {
  name                = "rt-spoke"
  location            = "westeurope"
  resource_group_name = "rg-net"

  route {
    name           = "default-to-onprem"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "VirtualNetworkGateway"
  }
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.${address}.id
}
`

// ---- one module, two root modules ----

const moduleNet = (tunnel: boolean) =>
  NETWORK.replace(PROVIDER, '') +
  (tunnel ? tunnelTable('spoke') : tunnelTable('spoke').replace(/\n {2}route \{[^}]*\}\n/, ''))
const ROOT = `${PROVIDER}
module "net" {
  source = "../../modules/net"
}
`

suite('pull request verdicts by Azure identity (dist/index.js)', () => {
  it('fails a tfvars-only change that adds spokes behind a blocking hub firewall, annotating the new entries', async () => {
    const base = {
      'infra/main.tf': HUB,
      'infra/modules/spoke/main.tf': SPOKE_MODULE,
      'infra/terraform.tfvars': tfvars(['app']),
    }
    const head = { 'infra/terraform.tfvars': tfvars(['app', 'data', 'web']) }
    for (const scope of ['new', 'changed']) {
      const r = await runPullRequest(base, head, { path: 'infra', scope })
      if (r.status !== 1) console.log(r.stdout)
      expect(r.status).toBe(1)
      expect(r.conclusion).toBe('failure')
      expect(r.outputs.failing).toBe(scope === 'new' ? '2' : '3')
      if (scope === 'new') expect(r.outputs['new-findings']).toBe('2')
      // The new spokes' entries in the var file are annotated, each naming the finding it decides.
      const causes = r.annotations.filter((a) => a.path === 'infra/terraform.tfvars')
      const lines = causes.map((a) => a.start_line).sort((a, b) => a - b)
      expect(lines).toEqual([5, 8])
      expect(
        causes.every((a) =>
          /This change decides a finding: KMS003 at infra\/modules\/spoke\/main\.tf/.test(a.message),
        ),
      ).toBe(true)
      expect(r.annotations.filter((a) => a.path === 'infra/modules/spoke/main.tf').length).toBe(
        scope === 'new' ? 2 : 3,
      )
      // Three subnets named snet-workload in three VNets are three subnets.
      expect(r.summary).toMatch(scope === 'new' ? /for 2 subnets/ : /for 3 subnets/)
      if (scope !== 'new') continue
      // The summary names the subnets the change newly exposes, and only those.
      expect(r.summary).toContain('Subnets: 2 newly exposed, 0 fixed by this change')
      expect(r.summary).toContain('- vnet-data/snet-workload (KMS003)')
      expect(r.summary).toContain('- vnet-web/snet-workload (KMS003)')
      expect(r.summary).not.toContain('- vnet-app/snet-workload (KMS003)')
    }
  }, 180_000)

  it('a `moved` rename and a rename that keeps the Azure name are clean', async () => {
    const base = { 'infra/main.tf': NETWORK, 'infra/rt.tf': tunnelTable('spoke') }
    const moved = await runPullRequest(
      base,
      {
        'infra/rt.tf': `${tunnelTable('spoke_rt')}\nmoved {\n  from = azurerm_route_table.spoke\n  to   = azurerm_route_table.spoke_rt\n}\n`,
      },
      { path: 'infra' },
    )
    expect(moved.status).toBe(0)
    expect(moved.outputs).toMatchObject({
      'new-findings': '0',
      'fixed-findings': '0',
      failing: '0',
      errors: '0',
    })
    const renamed = await runPullRequest(
      base,
      { 'infra/rt.tf': null, 'infra/routing.tf': tunnelTable('hub_spoke') },
      { path: 'infra' },
    )
    expect(renamed.status).toBe(0)
    expect(renamed.outputs).toMatchObject({ 'new-findings': '0', 'fixed-findings': '0', failing: '0' })

    // The table's Azure name comes from a variable the scan has no value for: only `moved` ties the
    // head's address to the base's.
    const unnamed = (address: string) =>
      `variable "suffix" {\n  type = string\n}\n${tunnelTable(address).replace('"rt-spoke"', '"rt-${var.suffix}"')}`
    const movedUnnamed = await runPullRequest(
      { 'infra/main.tf': NETWORK, 'infra/rt.tf': unnamed('spoke') },
      {
        'infra/rt.tf': `${unnamed('spoke_rt')}\nmoved {\n  from = azurerm_route_table.spoke\n  to   = azurerm_route_table.spoke_rt\n}\n`,
      },
      { path: 'infra' },
    )
    if (movedUnnamed.status !== 0) console.log(movedUnnamed.stdout)
    expect(movedUnnamed.status).toBe(0)
    expect(movedUnnamed.outputs).toMatchObject({ 'new-findings': '0', 'fixed-findings': '0', failing: '0' })
  }, 180_000)

  it('a module change under two root modules is two findings; fixing it in the module reports both fixed', async () => {
    // A third root that does not call the module, broken on the base already: the change cannot touch it.
    const roots = {
      'envs/prod/main.tf': ROOT,
      'envs/stage/main.tf': ROOT,
      'envs/dev/main.tf': PROVIDER + moduleNet(true),
    }
    const broken = await runPullRequest(
      { ...roots, 'modules/net/main.tf': moduleNet(false) },
      { 'modules/net/main.tf': moduleNet(true) },
      { path: '.' },
    )
    expect(broken.status).toBe(1)
    // Both roots that call the changed module are judged again; the untouched one is not judged at all.
    expect(broken.outputs).toMatchObject({ 'new-findings': '2', failing: '2', errors: '2' })
    expect(broken.summary).toContain('1 unit it does not touch was not judged')
    expect(broken.summary).not.toContain('envs/dev')
    // With scope all every unit is judged (the base reuses the untouched unit's head findings).
    const all = await runPullRequest(
      { ...roots, 'modules/net/main.tf': moduleNet(false) },
      { 'modules/net/main.tf': moduleNet(true) },
      { path: '.', scope: 'all', comment: 'true' },
    )
    expect(all.status).toBe(1)
    expect(all.outputs).toMatchObject({ 'new-findings': '2', 'fixed-findings': '0', errors: '3' })
    expect(
      broken.annotations.map((a) => a.message).filter((m) => /root module envs\/(prod|stage)/.test(m)),
    ).toHaveLength(2)

    const fixed = await runPullRequest(
      { ...roots, 'modules/net/main.tf': moduleNet(true) },
      { 'modules/net/main.tf': moduleNet(false) },
      { path: '.' },
    )
    expect(fixed.status).toBe(0)
    expect(fixed.outputs).toMatchObject({ 'new-findings': '0', 'fixed-findings': '2', failing: '0' })
    expect(fixed.summary).toContain('Fixed by this change: 2 findings')
    expect(fixed.summary).toContain('Subnets: 0 newly exposed, 1 fixed by this change')
    expect(fixed.summary).toContain('- vnet-spoke/snet-app (KMS001)')
  }, 180_000)
})

// ---- live: the deployed network behind the stand-in ARM server ----

const SUB = '11111111-2222-3333-4444-555555555555'

function twinInventory(): ArmInventory {
  const net = armRouteTable(SUB, 'rg-net', 'rt-spoke', [])
  const other = armRouteTable(SUB, 'rg-other', 'rt-spoke', [])
  return {
    subscriptions: {
      [SUB]: [
        net,
        other,
        armVnet(SUB, 'rg-net', 'vnet-net', '10.1.0.0/16', [
          { name: 'snet-net', prefix: '10.1.1.0/24', routeTableId: net.id },
        ]),
        armVnet(SUB, 'rg-other', 'vnet-other', '10.2.0.0/16', [
          { name: 'snet-other', prefix: '10.2.1.0/24', routeTableId: other.id },
        ]),
      ],
    },
  }
}

const addedRoute = (rg: string) => `resource "azurerm_route" "to_onprem" {
  name                = "default-to-onprem"
  resource_group_name = "${rg}"
  route_table_name    = "rt-spoke"
  address_prefix      = "0.0.0.0/0"
  next_hop_type       = "VirtualNetworkGateway"
}
`

suite('live overlay by Azure identity (dist/index.js)', () => {
  let arm: ArmServer
  beforeAll(async () => {
    arm = (await startLiveArm(twinInventory())).arm
  })
  afterAll(() => arm.close())

  const liveEnv = (root: string) => {
    const ca = path.join(root, 'ca.pem')
    fs.writeFileSync(ca, arm.ca)
    return {
      NODE_EXTRA_CA_CERTS: ca,
      AZURE_CLIENT_ID: '00000000-0000-0000-0000-00000000c11e',
      AZURE_TENANT_ID: 'adfs',
      AZURE_CLIENT_SECRET: 'client-secret',
    }
  }
  const liveInputs = () => ({
    path: 'infra',
    live: 'true',
    'subscription-ids': SUB,
    'arm-endpoint': arm.url,
    'authority-host': arm.url,
  })

  it('fails a route added by name to the deployed table of the resource group the IaC names', async () => {
    for (const rg of ['rg-net', 'rg-other']) {
      const r = await runPullRequest(
        { 'infra/providers.tf': PROVIDER },
        { 'infra/route.tf': addedRoute(rg) },
        liveInputs(),
        liveEnv,
      )
      if (r.status !== 1) console.log(r.stdout)
      expect(r.status).toBe(1)
      expect(r.outputs).toMatchObject({ 'new-findings': '1', failing: '1', errors: '1' })
      const [a] = r.annotations
      expect(a).toMatchObject({ path: 'infra/route.tf', annotation_level: 'failure' })
      // The azurerm_route resource the pull request added, first to last line.
      const [start, end] = blockLines(addedRoute(rg), 'resource "azurerm_route" "to_onprem"')
      expect(a).toMatchObject({ start_line: start, end_line: end })
      // The twin in the other resource group is untouched: only this group's subnet is harmed.
      const subnet = rg === 'rg-net' ? 'snet-net' : 'snet-other'
      const twin = rg === 'rg-net' ? 'snet-other' : 'snet-net'
      // Messages are cut to 300 characters; the full text (with the subnets) is in raw_details.
      const text = `${a!.message}\n${(a as { raw_details?: string }).raw_details ?? ''}`
      expect(text).toContain(subnet)
      expect(text).not.toContain(twin)
      expect(r.summary).not.toMatch(/cannot tell which route table/)
    }
  }, 180_000)

  it('names the ambiguity when the route gives no resource group, instead of guessing', async () => {
    const r = await runPullRequest(
      { 'infra/providers.tf': PROVIDER },
      { 'infra/route.tf': addedRoute('x').replace('  resource_group_name = "x"\n', '') },
      { ...liveInputs(), 'fail-on': 'notice' },
      liveEnv,
    )
    expect(r.summary).toMatch(/2 deployed route tables have that name/)
    expect(r.summary).toContain('rg-net')
    expect(r.summary).toContain('rg-other')
  }, 180_000)

  const TUNNEL_TABLE = `resource "azurerm_route_table" "tunnel" {
  name                = "rt-tunnel"
  location            = "westeurope"
  resource_group_name = "rg-net"

  route {
    name           = "default-to-onprem"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "VirtualNetworkGateway"
  }
}
`
  const dataSubnet = (name: string, vnet: string, rg: string) => `data "azurerm_subnet" "deployed" {
  name                 = "${name}"
  virtual_network_name = "${vnet}"
  resource_group_name  = "${rg}"
}
`
  const dataTable = (rg?: string) => `data "azurerm_route_table" "deployed" {
  name = "rt-spoke"
${rg ? `  resource_group_name = "${rg}"\n` : ''}}
`
  const association = (table: string) => `resource "azurerm_subnet_route_table_association" "deployed" {
  subnet_id      = data.azurerm_subnet.deployed.id
  route_table_id = ${table}.id
}
`
  const textOf = (r: PrRun) =>
    r.annotations.map((a) => `${a.message}\n${(a as { raw_details?: string }).raw_details ?? ''}`).join('\n')

  it('an association of a deployed subnet (data source) attaches by name, resource group and vnet', async () => {
    const r = await runPullRequest(
      { 'infra/providers.tf': PROVIDER },
      {
        'infra/net.tf':
          TUNNEL_TABLE +
          dataSubnet('snet-net', 'vnet-net', 'rg-net') +
          association('azurerm_route_table.tunnel'),
      },
      liveInputs(),
      liveEnv,
    )
    if (r.status !== 1) console.log(r.stdout)
    expect(r.status).toBe(1)
    expect(r.outputs).toMatchObject({ 'new-findings': '1', failing: '1' })
    expect(textOf(r)).toContain('snet-net')
    expect(textOf(r)).not.toContain('snet-other')
    expect(r.summary).not.toMatch(/cannot tell which subnet/)
  }, 180_000)

  it('a data source table is the deployed one in the resource group it names; without one it is named ambiguous', async () => {
    // A forced tunnel added to rg-net's rt-spoke; the deployed snet-other is then associated with the
    // table the data source reads: rg-net's (harmed too) or rg-other's (untouched).
    for (const rg of ['rg-net', 'rg-other']) {
      const r = await runPullRequest(
        { 'infra/providers.tf': PROVIDER },
        {
          'infra/net.tf':
            addedRoute('rg-net') +
            dataSubnet('snet-other', 'vnet-other', 'rg-other') +
            dataTable(rg) +
            association('data.azurerm_route_table.deployed'),
        },
        liveInputs(),
        liveEnv,
      )
      if (r.status !== 1) console.log(r.stdout)
      expect(r.status).toBe(1)
      expect(textOf(r)).toContain('snet-net')
      if (rg === 'rg-net') expect(textOf(r)).toContain('snet-other')
      else expect(textOf(r)).not.toContain('snet-other')
    }
    const ambiguous = await runPullRequest(
      { 'infra/providers.tf': PROVIDER },
      {
        'infra/net.tf':
          dataSubnet('snet-other', 'vnet-other', 'rg-other') +
          dataTable() +
          association('data.azurerm_route_table.deployed'),
      },
      { ...liveInputs(), 'fail-on': 'notice' },
      liveEnv,
    )
    expect(ambiguous.summary).toMatch(/2 deployed resources match/)
    expect(ambiguous.summary).toContain('resourceGroups/rg-net/')
    expect(ambiguous.summary).toContain('resourceGroups/rg-other/')
  }, 180_000)
})
