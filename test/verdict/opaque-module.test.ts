/**
 * A subnet handed to a module the scan does not evaluate (a registry module before `terraform init`) may get
 * a route table or an NSG from it: it is undecided, naming the module, unless the code gives it both.
 */
import { tfBase, tfRoute, tfSpokeRouteTable } from '../../src/rules/examples/hcl'
import { scan } from '../../src/pipeline/scan'
import { tree } from '../helpers/tree'

const run = async (text: string) => {
  const result = await scan({
    path: tree({ 'main.tf': text }, 'kms-opaque-'),
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
  })
  const app = result.verdict.subnets.find((s) => s.subnet.endsWith('snet-app'))
  if (!app) throw new Error(`snet-app not judged: ${JSON.stringify(result.verdict)}`)
  return app
}

const registryModule = (args: string) => `
module "egress" {
  source  = "contoso/egress/azurerm"
  version = "~> 1.0"
${args}
}
`

const NSG = `
resource "azurerm_network_security_group" "app" {
  name                = "nsg-app"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.net.name
}

resource "azurerm_subnet_network_security_group_association" "app" {
  subnet_id                 = azurerm_subnet.app.id
  network_security_group_id = azurerm_network_security_group.app.id
}
`

describe('Terraform: a subnet given to a module that is not evaluated', () => {
  test('no route table of its own: undecided, naming the module and what resolves it', async () => {
    const app = await run(tfBase() + registryModule('  subnet_id = azurerm_subnet.app.id'))
    expect(app.state).toBe('undecided')
    expect(app.why).toBe(
      'module.egress (source "contoso/egress/azurerm") is not evaluated (registry module not fetched) and is given this subnet: it may attach a route table to it',
    )
    expect(app.resolve).toMatch(/terraform init/)
  })

  test('a module not given the subnet changes nothing: reachable', async () => {
    const app = await run(tfBase() + registryModule('  name = "egress"'))
    expect(app.state).toBe('reachable')
  })

  test('the code gives the subnet its route table and NSG: decided by them', async () => {
    const routes = tfSpokeRouteTable([tfRoute('default', '0.0.0.0/0', 'VirtualNetworkGateway')])
    const app = await run(tfBase() + routes + NSG + registryModule('  subnet_id = azurerm_subnet.app.id'))
    expect(app.state).toBe('blocked')
  })
})

/** Subnets keyed by name (for_each), as landing-zone spokes declare them. */
const KEYED_SUBNETS = `
locals {
  subnets = {
    app  = "10.1.1.0/24"
    data = "10.1.2.0/24"
  }
}

resource "azurerm_subnet" "this" {
  for_each             = local.subnets
  name                 = "snet-\${each.key}"
  resource_group_name  = azurerm_resource_group.net.name
  virtual_network_name = azurerm_virtual_network.spoke.name
  address_prefixes     = [each.value]
}
`

const runAll = async (files: Record<string, string>) => {
  const result = await scan({
    path: tree(files, 'kms-opaque-'),
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
  })
  return new Map(result.verdict.subnets.map((s) => [s.subnet.replace(/.*\//, ''), s]))
}

describe('Terraform: a subnet handed to a module that is not evaluated through values', () => {
  const undecidedByEgress = (s: { state: string; why?: string } | undefined) => {
    expect(s?.state).toBe('undecided')
    expect(s?.why).toMatch(/^module\.egress \(source "contoso\/egress\/azurerm"\) is not evaluated/)
  }

  test('through a local holding a map of subnet ids: undecided', async () => {
    const locals = `
locals {
  subnet_ids = { app = azurerm_subnet.app.id }
}
`
    undecidedByEgress(await run(tfBase() + locals + registryModule('  subnets = local.subnet_ids')))
  })

  test('through a for expression over a local: undecided', async () => {
    const locals = `
locals {
  spoke_subnets = [azurerm_subnet.app]
}
`
    const args = '  subnet_ids = [for s in local.spoke_subnets : s.id]'
    undecidedByEgress(await run(tfBase() + locals + registryModule(args)))
  })

  test('through an object built in a local, read by attribute: undecided', async () => {
    const locals = `
locals {
  network = {
    vnet_id = azurerm_virtual_network.spoke.id
    subnets = { app = { id = azurerm_subnet.app.id, name = azurerm_subnet.app.name } }
  }
}
`
    undecidedByEgress(await run(tfBase() + locals + registryModule('  subnets = local.network.subnets')))
  })

  test("through a local module's output: undecided", async () => {
    const network = tfBase().replace(/terraform \{[\s\S]*?\n\}\n\nprovider "azurerm" \{[\s\S]*?\n\}\n/, '')
    const subnets = await runAll({
      'network/main.tf': `${network}
output "subnet_ids" {
  value = { app = azurerm_subnet.app.id }
}
`,
      'main.tf': `provider "azurerm" {
  features {}
}

module "network" {
  source = "./network"
}
${registryModule('  subnet_id = module.network.subnet_ids["app"]')}`,
    })
    undecidedByEgress(subnets.get('snet-app'))
  })

  test('only the keyed subnet it is given: the other stays reachable', async () => {
    const subnets = await runAll({
      'main.tf': tfBase() + KEYED_SUBNETS + registryModule('  subnet_id = azurerm_subnet.this["app"].id'),
    })
    undecidedByEgress(subnets.get('snet-app'))
    expect(subnets.get('snet-data')?.state).toBe('reachable')
  })

  test('given through a map built by a for expression over keyed subnets: each is undecided', async () => {
    const args = '  subnet_ids = { for k, s in azurerm_subnet.this : k => s.id }'
    const subnets = await runAll({ 'main.tf': tfBase() + KEYED_SUBNETS + registryModule(args) })
    undecidedByEgress(subnets.get('snet-app'))
    undecidedByEgress(subnets.get('snet-data'))
  })

  test('one module instance per subnet (for_each over a local, each.value): undecided', async () => {
    const locals = `
locals {
  subnet_ids = { app = azurerm_subnet.app.id }
}
`
    const args = '  for_each  = local.subnet_ids\n  subnet_id = each.value'
    undecidedByEgress(await run(tfBase() + locals + registryModule(args)))
  })

  test("a VNet's inline subnets handed over by a splat through a local: undecided", async () => {
    const inline = tfBase()
      .replace(/resource "azurerm_subnet" "app" \{[\s\S]*?\n\}\n/, '')
      .replace(
        'address_space       = ["10.1.0.0/16"]',
        'address_space       = ["10.1.0.0/16"]\n\n  subnet {\n    name             = "snet-app"\n    address_prefixes = ["10.1.0.0/24"]\n  }',
      )
    const locals = `
locals {
  spoke_subnet_ids = azurerm_virtual_network.spoke.subnet[*].id
}
`
    undecidedByEgress(await run(inline + locals + registryModule('  subnet_ids = local.spoke_subnet_ids')))
  })

  test('a local holding only the VNet id, not a subnet: reachable', async () => {
    const locals = `
locals {
  network = { vnet_id = azurerm_virtual_network.spoke.id, location = azurerm_resource_group.net.location }
}
`
    const app = await run(tfBase() + locals + registryModule('  vnet_id = local.network.vnet_id'))
    expect(app.state).toBe('reachable')
  })
})
