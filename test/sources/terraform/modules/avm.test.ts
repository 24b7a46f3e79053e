/**
 * Azure Verified Modules for Terraform read from their inputs when their code is not installed: a spoke
 * built from the registry modules is judged without `terraform init` or a download.
 */
import * as path from 'node:path'
import { scan } from '../../../../src/pipeline/scan'
import { writeTree } from '../eval-helpers'
import { initialised, spokeMain } from './spoke'

const scanDir = (dir: string) => scan({ path: dir, cloud: 'AzureCloud', varFiles: [], workers: false })
const rules = async (dir: string) => (await scanDir(dir)).findings.map((f) => f.ruleId)

/** A spoke from the virtual network, route table and NSG modules, as the AVM examples wire them. */
function avmSpoke(opts: { tunnel?: boolean; nsgDenies?: boolean } = {}): string {
  return `module "rt" {
  source  = "Azure/avm-res-network-routetable/azurerm"
  version = "0.4.1"

  name                = "rt-spoke"
  location            = "westeurope"
  resource_group_name = "rg-spoke"
  routes = {
    ${opts.tunnel ? 'default' : 'onprem'} = {
      name           = "${opts.tunnel ? 'default-to-onprem' : 'onprem'}"
      address_prefix = "${opts.tunnel ? '0.0.0.0/0' : '192.168.0.0/16'}"
      next_hop_type  = "VirtualNetworkGateway"
    }
  }
}

module "nsg" {
  source  = "Azure/avm-res-network-networksecuritygroup/azurerm"
  version = "0.5.1"

  name                = "nsg-spoke"
  location            = "westeurope"
  resource_group_name = "rg-spoke"
  security_rules = {
    deny_internet = {
      name                       = "deny-internet-out"
      priority                   = 200
      direction                  = "Outbound"
      access                     = "${opts.nsgDenies ? 'Deny' : 'Allow'}"
      protocol                   = "*"
      source_port_range          = "*"
      destination_port_range     = "*"
      source_address_prefix      = "*"
      destination_address_prefix = "Internet"
    }
  }
}

module "vnet" {
  source  = "Azure/avm-res-network-virtualnetwork/azurerm"
  version = "0.22.1"

  name          = "vnet-spoke"
  location      = "westeurope"
  parent_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spoke"
  address_space = ["10.30.0.0/16"]
  subnets = {
    app = {
      name             = "snet-app"
      address_prefixes = ["10.30.1.0/24"]
      route_table = {
        id = module.rt.resource_id
      }
      network_security_group = {
        id = module.nsg.resource_id
      }
    }
  }
}
`
}

describe('Azure Verified Modules read from their inputs (offline)', () => {
  test('routetable with a forced tunnel and subnet_resource_ids: KMS001 at the module block', async () => {
    const dir = writeTree({ 'main.tf': spokeMain() })
    const result = await scanDir(dir)
    const kms001 = result.findings.filter((f) => f.ruleId === 'KMS001')
    expect(kms001).toHaveLength(1)
    expect(kms001[0].message).toContain('snet-workload')
    expect(path.relative(dir, kms001[0].location.file)).toBe('main.tf')
    expect(result.findings.map((f) => f.ruleId)).not.toContain('KMS011')
  })

  test('clean control: the same module with KMS bypass routes', async () => {
    expect(await rules(writeTree({ 'main.tf': spokeMain({ bypass: true }) }))).toEqual([])
  })

  test('virtualnetwork subnets take the route table and NSG of the other modules', async () => {
    expect(await rules(writeTree({ 'main.tf': avmSpoke({ tunnel: true }) }))).toEqual(['KMS001'])
    // The NSG denies Internet outbound: only Azure's platform exception for KMS keeps activation working.
    expect(await rules(writeTree({ 'main.tf': avmSpoke({ nsgDenies: true }) }))).toEqual(['KMS013'])
    expect(await rules(writeTree({ 'main.tf': avmSpoke() }))).toEqual([])
  })

  test('installed code wins over the mapping', async () => {
    // The installed package is the real module; the mapping is not used (no duplicate resources).
    const result = await scanDir(writeTree({ 'main.tf': spokeMain(), ...initialised() }))
    expect(result.findings.map((f) => f.ruleId)).toEqual(['KMS001'])
  })

  test('a module that is neither installed nor mapped names what it may decide', async () => {
    const dir = writeTree({
      'main.tf': spokeMain({ source: 'contoso/spoke-routing/azurerm' }).replace(
        '}\n\nmodule "spoke_rt"',
        '}\n\nresource "azurerm_subnet_route_table_association" "extra" {\n  subnet_id      = azurerm_subnet.workload.id\n  route_table_id = module.spoke_rt.resource_id\n}\n\nmodule "spoke_rt"',
      ),
    })
    const result = await scanDir(dir)
    const notice = result.findings.find(
      (f) => f.ruleId === 'KMS011' && f.message.startsWith('Module "spoke_rt"'),
    )
    expect(notice?.message).toContain('it is given azurerm_subnet.workload')
    expect(notice?.message).toContain('azurerm_subnet_route_table_association.extra uses its outputs')
    expect(notice?.message).toContain('--download-modules')
  })
})
