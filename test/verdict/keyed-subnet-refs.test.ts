/**
 * A subnet looked up in a collection of subnets by a key known only at plan (`azurerm_subnet.this[var.k].id`,
 * `local.subnet_ids[var.k]`): what is attached with it (a route table or NSG association, a VM's NIC with its
 * own NSG) is on one of that collection's subnets, and which one is not known. Those subnets are judged with
 * and without it (undecided where the two differ, naming the lookup); the unit's other subnets are not
 * touched. Was: the association dropped with a notice while every subnet read reachable, and a NIC so placed
 * left every subnet of the unit undecided.
 */
import { tfBase } from '../../src/rules/examples/hcl'
import { scan } from '../../src/pipeline/scan'
import { tfDenyInternetNsg } from '../helpers/nic-nsg'
import { tree } from '../helpers/tree'

const run = async (text: string) => {
  const result = await scan({
    path: tree({ 'main.tf': text }, 'kms-keyed-subnet-'),
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
  })
  return new Map(result.verdict.subnets.map((s) => [s.subnet.replace(/.*\//, ''), s]))
}

/** snet-web and snet-data keyed by name (for_each), beside snet-app of tfBase; `subnet_key` from `key`. */
const keyedSubnets = (key?: string) => `
locals {
  subnets = {
    web  = "10.1.1.0/24"
    data = "10.1.2.0/24"
  }
  subnet_ids = { for k, s in azurerm_subnet.this : k => s.id }
}

resource "azurerm_subnet" "this" {
  for_each             = local.subnets
  name                 = "snet-\${each.key}"
  resource_group_name  = azurerm_resource_group.net.name
  virtual_network_name = azurerm_virtual_network.spoke.name
  address_prefixes     = [each.value]
}

variable "subnet_key" {
  type = string${key ? `\n  default = "${key}"` : ''}
}
`

/** rt-isolated drops everything (0.0.0.0/0 → None), associated with the subnet `subnetId`. */
const isolatedTable = (subnetId: string) => `
resource "azurerm_route_table" "isolated" {
  name                = "rt-isolated"
  location            = azurerm_resource_group.net.location
  resource_group_name = azurerm_resource_group.net.name

  route {
    name           = "drop-all"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "None"
  }
}

resource "azurerm_subnet_route_table_association" "isolated" {
  subnet_id      = ${subnetId}
  route_table_id = azurerm_route_table.isolated.id
}
`

/**
 * rt-internet (0.0.0.0/0 → Internet, which turns Azure's platform exception for KMS off) on every subnet, and
 * a VM's NIC in `subnetId` carrying nsg-vm (Internet outbound denied, KMS allowed first when `allowKms`).
 */
const vmNic = (subnetId: string, allowKms = false) => `
resource "azurerm_route_table" "internet" {
  name                = "rt-internet"
  location            = azurerm_resource_group.net.location
  resource_group_name = azurerm_resource_group.net.name

  route {
    name           = "default-internet"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "Internet"
  }
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.internet.id
}

resource "azurerm_subnet_route_table_association" "this" {
  for_each       = azurerm_subnet.this
  subnet_id      = each.value.id
  route_table_id = azurerm_route_table.internet.id
}
${tfDenyInternetNsg({ label: 'vm', name: 'nsg-vm', resourceGroup: 'rg-network', allowKms })}
resource "azurerm_network_interface" "vm" {
  name                = "nic-vm-01"
  location            = azurerm_resource_group.net.location
  resource_group_name = azurerm_resource_group.net.name

  ip_configuration {
    name                          = "ipconfig1"
    subnet_id                     = ${subnetId}
    private_ip_address_allocation = "Dynamic"
  }
}

resource "azurerm_network_interface_security_group_association" "vm" {
  network_interface_id      = azurerm_network_interface.vm.id
  network_security_group_id = azurerm_network_security_group.vm.id
}
`

/** Undecided, the hop not followed (or why) naming the lookup. */
const undecidedBy = (s: { state: string; hop?: string; why?: string } | undefined, lookup: string) => {
  expect(s?.state).toBe('undecided')
  expect(`${s?.hop} ${s?.why}`).toContain(lookup)
}

describe('Terraform: a subnet looked up by a key known only at plan is one of that collection', () => {
  test.each([['azurerm_subnet.this[var.subnet_key].id'], ['local.subnet_ids[var.subnet_key]']])(
    'a route table associated with %s: the collection’s subnets undecided, saying which subnet is unknown; snet-app reachable',
    async (lookup) => {
      const subnets = await run(tfBase() + keyedSubnets() + isolatedTable(lookup))
      for (const name of ['snet-web', 'snet-data']) {
        const s = subnets.get(name)
        undecidedBy(s, lookup)
        expect(s?.why).toMatch(
          new RegExp(
            `the association of route table rt-isolated with ${name} may be made to another subnet: .*one of 2 subnets \\(snet-data, snet-web\\).*no value for variable subnet_key.*if it applies to this subnet, it is blocked.*if not, KMS traffic reaches Azure KMS`,
          ),
        )
        expect(s?.why).not.toMatch(/may not be deployed/)
      }
      expect(subnets.get('snet-app')?.state).toBe('reachable')
    },
  )

  test('control: the key given (default "web"): snet-web blocked, snet-data and snet-app reachable', async () => {
    const subnets = await run(
      tfBase() + keyedSubnets('web') + isolatedTable('azurerm_subnet.this[var.subnet_key].id'),
    )
    expect(subnets.get('snet-web')?.state).toBe('blocked')
    expect(subnets.get('snet-data')?.state).toBe('reachable')
    expect(subnets.get('snet-app')?.state).toBe('reachable')
  })

  test('associations for_each over a set known only at plan, by [each.key]: the collection’s subnets undecided, some of them', async () => {
    const forEach = `
variable "isolated" {
  type = set(string)
}
`
    const subnets = await run(
      tfBase() +
        keyedSubnets() +
        forEach +
        isolatedTable('azurerm_subnet.this[each.key].id').replace(
          'resource "azurerm_subnet_route_table_association" "isolated" {',
          'resource "azurerm_subnet_route_table_association" "isolated" {\n  for_each       = var.isolated',
        ),
    )
    for (const name of ['snet-web', 'snet-data']) {
      undecidedBy(subnets.get(name), 'azurerm_subnet.this[each.key].id')
      expect(subnets.get(name)?.why).toMatch(
        /some of 2 subnets \(snet-data, snet-web\).*which ones are not known/,
      )
    }
    expect(subnets.get('snet-app')?.state).toBe('reachable')
  })

  test('a VM NIC whose NSG denies KMS, in azurerm_subnet.this[var.subnet_key]: only snet-web and snet-data undecided', async () => {
    const lookup = 'azurerm_subnet.this[var.subnet_key].id'
    const subnets = await run(tfBase() + keyedSubnets() + vmNic(lookup))
    undecidedBy(subnets.get('snet-web'), lookup)
    undecidedBy(subnets.get('snet-data'), lookup)
    expect(subnets.get('snet-app')?.state).toBe('reachable')
  })

  test('control: the NIC in snet-app by a plain reference: snet-app blocked, the keyed subnets reachable', async () => {
    const subnets = await run(tfBase() + keyedSubnets() + vmNic('azurerm_subnet.app.id'))
    expect(subnets.get('snet-app')?.state).toBe('blocked')
    expect(subnets.get('snet-web')?.state).toBe('reachable')
    expect(subnets.get('snet-data')?.state).toBe('reachable')
  })

  test('control: the NIC’s NSG allows KMS first: every subnet reachable', async () => {
    const subnets = await run(
      tfBase() + keyedSubnets() + vmNic('azurerm_subnet.this[var.subnet_key].id', true),
    )
    for (const name of ['snet-app', 'snet-web', 'snet-data'])
      expect(subnets.get(name)?.state).toBe('reachable')
  })
})
