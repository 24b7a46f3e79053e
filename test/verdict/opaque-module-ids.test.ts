/**
 * A subnet handed to a module the scan does not evaluate by an id the code builds or looks up rather than
 * reads: an id rebuilt from the VNet's (`"${azurerm_virtual_network.spoke.id}/subnets/snet-app"`), a lookup
 * with a key known only at plan (`azurerm_subnet.this[var.subnet_key].id`, `local.subnets[var.name].id`), or
 * an ARM id written out. The subnets it can be are undecided, naming the module; a subnet it cannot be stays
 * reachable.
 */
import { tfBase } from '../../src/rules/examples/hcl'
import { scan } from '../../src/pipeline/scan'
import { tree } from '../helpers/tree'

const run = async (text: string) => {
  const result = await scan({
    path: tree({ 'main.tf': text }, 'kms-opaque-ids-'),
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
  })
  return new Map(result.verdict.subnets.map((s) => [s.subnet.replace(/.*\//, ''), s]))
}

const registryModule = (args: string) => `
module "egress" {
  source  = "contoso/egress/azurerm"
  version = "~> 1.0"
${args}
}
`

/** Subnets keyed by name (for_each), beside snet-app of tfBase. */
const KEYED_SUBNETS = `
locals {
  subnets = {
    web  = "10.1.1.0/24"
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

variable "subnet_key" {
  type = string
}
`

const undecidedByEgress = (s: { state: string; why?: string } | undefined) => {
  expect(s?.state).toBe('undecided')
  expect(s?.why).toMatch(/^module\.egress \(source "contoso\/egress\/azurerm"\) is not evaluated/)
}

describe('Terraform: a subnet id a module that is not evaluated is given, built or looked up', () => {
  test('rebuilt from the VNet id ("${vnet.id}/subnets/snet-app"): that subnet is undecided, the others not', async () => {
    const subnets = await run(
      tfBase() +
        KEYED_SUBNETS +
        registryModule('  subnet_id = "${azurerm_virtual_network.spoke.id}/subnets/snet-app"'),
    )
    undecidedByEgress(subnets.get('snet-app'))
    expect(subnets.get('snet-web')?.state).toBe('reachable')
  })

  test('rebuilt from the VNet id with a name known only at plan: every subnet of the VNet is undecided', async () => {
    const subnets = await run(
      tfBase() +
        KEYED_SUBNETS +
        registryModule('  subnet_id = "${azurerm_virtual_network.spoke.id}/subnets/snet-${var.subnet_key}"'),
    )
    undecidedByEgress(subnets.get('snet-app'))
    undecidedByEgress(subnets.get('snet-web'))
    undecidedByEgress(subnets.get('snet-data'))
  })

  test('looked up with a key known only at plan (azurerm_subnet.this[var.subnet_key].id): each it can be', async () => {
    const subnets = await run(
      tfBase() + KEYED_SUBNETS + registryModule('  subnet_id = azurerm_subnet.this[var.subnet_key].id'),
    )
    undecidedByEgress(subnets.get('snet-web'))
    undecidedByEgress(subnets.get('snet-data'))
    expect(subnets.get('snet-app')?.state).toBe('reachable')
  })

  test('looked up in a local with a key known only at plan (local.spoke_subnets[var.subnet_key].id): each it can be', async () => {
    const locals = `
locals {
  spoke_subnets = azurerm_subnet.this
}
`
    const subnets = await run(
      tfBase() +
        KEYED_SUBNETS +
        locals +
        registryModule('  subnet_id = local.spoke_subnets[var.subnet_key].id'),
    )
    undecidedByEgress(subnets.get('snet-web'))
    undecidedByEgress(subnets.get('snet-data'))
    expect(subnets.get('snet-app')?.state).toBe('reachable')
  })

  test('an ARM subnet id written out: that subnet is undecided', async () => {
    const id =
      '/subscriptions/5d3a8e21-4b7c-4f90-a6e2-1c9b0d8f7e43/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/snet-app'
    const subnets = await run(tfBase() + KEYED_SUBNETS + registryModule(`  subnet_id = "${id}"`))
    undecidedByEgress(subnets.get('snet-app'))
    expect(subnets.get('snet-web')?.state).toBe('reachable')
  })

  test('negative control: an ARM id of a subnet in another VNet leaves these reachable', async () => {
    const id =
      '/subscriptions/5d3a8e21-4b7c-4f90-a6e2-1c9b0d8f7e43/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-shared/subnets/snet-app'
    const subnets = await run(tfBase() + KEYED_SUBNETS + registryModule(`  subnet_id = "${id}"`))
    expect(subnets.get('snet-app')?.state).toBe('reachable')
    expect(subnets.get('snet-web')?.state).toBe('reachable')
  })
})
