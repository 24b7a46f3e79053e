/**
 * The one line per undecided subnet (summary, CLI, check run) says where the path stopped, why, and what
 * decides it, each once: the hop quotes the expression (short), `why` the reason, `to decide` the remedy
 * for that reason.
 */
import { scan } from '../../src/pipeline/scan'
import { subnetVerdictLine } from '../../src/report/verdict'
import { tree } from '../helpers/tree'

const run = async (files: Record<string, string>) => {
  const result = await scan({
    path: tree(files, 'kms-line-'),
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
  })
  return result.verdict.subnets
}

const count = (text: string, part: string) => text.split(part).length - 1

test('a subnet of a VNet named by a variable: the reason once, and the BGP remedy', async () => {
  // A shared subnet module, as landing-zone repositories write one: the VNet is the caller's.
  const [v] = await run({
    'main.tf': `
variable "virtual_network_name" {
  type = string
}

resource "azurerm_subnet" "app" {
  name                 = "snet-app"
  resource_group_name  = "rg-spoke"
  virtual_network_name = var.virtual_network_name
  address_prefixes     = ["10.1.1.0/24"]
}
`,
  })
  expect(v.state).toBe('undecided')
  const line = subnetVerdictLine(v)
  expect(count(line, v.why!)).toBe(1)
  expect(line).toContain('to decide: set `live: true` with `effective-routes: true`')
})

test('a long expression is quoted on one line, cut to 100 characters in the middle (an id keeps its name)', async () => {
  const long = Array.from({ length: 7 }, (_, i) => `var.route_table_ids["spoke-${i}"]`).join(',\n    ')
  const [v] = await run({
    'main.tf': `
variable "route_table_ids" {
  type = map(string)
}

resource "azurerm_virtual_network" "spoke" {
  name                = "vnet-spoke"
  location            = "westeurope"
  resource_group_name = "rg-spoke"
  address_space       = ["10.1.0.0/16"]
}

resource "azurerm_subnet" "app" {
  name                 = "snet-app"
  resource_group_name  = "rg-spoke"
  virtual_network_name = azurerm_virtual_network.spoke.name
  address_prefixes     = ["10.1.1.0/24"]
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = coalesce(
    ${long}
  )
}
`,
  })
  expect(v.state).toBe('undecided')
  const quoted = /`([^`]*)`/.exec(v.hop!)![1]
  expect(quoted).toMatch(/^coalesce\( var\.route_table_ids\["spoke-0"\], var/)
  expect(quoted).toHaveLength(100)
  expect(quoted).toContain('…')
  expect(quoted.endsWith('var.route_table_ids["spoke-6"] )')).toBe(true)
  expect(subnetVerdictLine(v)).not.toContain('\n')
})
