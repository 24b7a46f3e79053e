/**
 * A subnet added to a virtual network the scan does not declare (subnet vending: a Terraform data source,
 * a Bicep `existing` VNet, an ARM subnet child of a VNet deployed elsewhere). Whether that VNet has a VPN or
 * ExpressRoute gateway, or uses the hub's through a peering with use_remote_gateways, is declared elsewhere,
 * and on-premises often advertises 0.0.0.0/0 over BGP: wherever a learned route could beat the subnet's own
 * route, the subnet is undecided, and the hop names the VNet. What decides it statically: the VNet declared,
 * gateway route propagation off, or /32 routes for KMS; a forced tunnel stays blocked.
 */
import * as path from 'node:path'
import { scan } from '../../src/pipeline/scan'
import { TF_SPOKE_VNET } from '../helpers/hcl-network'
import { tree } from '../helpers/tree'

const run = (files: Record<string, string>) =>
  scan({ path: tree(files, 'kms-undeclared-'), cloud: 'AzureCloud', varFiles: [], workers: false })

const TF_DATA_VNET = `
data "azurerm_virtual_network" "spoke" {
  name                = "vnet-spoke"
  resource_group_name = "rg-spoke"
}
`

const tfSubnet = (vnet: string) => `
resource "azurerm_subnet" "app" {
  name                 = "snet-app"
  resource_group_name  = "rg-spoke"
  virtual_network_name = ${vnet}
  address_prefixes     = ["10.1.1.0/24"]
}
`

const tfRouteTable = (propagation: boolean, routes: string) => `
resource "azurerm_route_table" "spoke" {
  name                          = "rt-spoke"
  location                      = "westeurope"
  resource_group_name           = "rg-spoke"
  bgp_route_propagation_enabled = ${propagation}
${routes}
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.spoke.id
}
`

const route = (name: string, prefix: string, hop: string) => `  route {
    name           = "${name}"
    address_prefix = "${prefix}"
    next_hop_type  = "${hop}"
  }`

const app = async (files: Record<string, string>) => {
  const result = await run(files)
  const v = result.verdict.subnets.find((s) => s.subnet === 'snet-app')
  if (!v) throw new Error(`snet-app not judged: ${JSON.stringify(result.verdict)}`)
  return { v, findings: result.findings }
}

describe('Terraform: a subnet in a VNet read with data', () => {
  test('no route table: undecided, the hop names the VNet and what would decide it (KMS014)', async () => {
    const { v, findings } = await app({
      'main.tf': TF_DATA_VNET + tfSubnet('data.azurerm_virtual_network.spoke.name'),
    })
    expect(v.state).toBe('undecided')
    expect(v.hop).toContain('the gateways and peerings of vnet-spoke')
    expect(v.why).toContain('vnet-spoke is not declared in the scanned sources')
    const kms014 = findings.filter((f) => f.ruleId === 'KMS014')
    expect(kms014.map((f) => f.subnets)).toEqual([['vnet-spoke/snet-app']])
    expect(kms014[0]!.message).toContain('`live: true`')
  })

  test('a literal VNet name no resource declares is the same', async () => {
    const { v } = await app({ 'main.tf': tfSubnet('"vnet-spoke"') })
    expect(v.state).toBe('undecided')
  })

  test('the VNet declared: reachable (its gateways and peerings are taken to be declared with it)', async () => {
    const { v } = await app({ 'main.tf': TF_SPOKE_VNET + tfSubnet('azurerm_virtual_network.spoke.name') })
    expect(v.state).toBe('reachable')
  })

  test('gateway route propagation off decides it: reachable', async () => {
    const { v } = await app({
      'main.tf':
        TF_DATA_VNET +
        tfSubnet('data.azurerm_virtual_network.spoke.name') +
        tfRouteTable(false, route('default', '0.0.0.0/0', 'Internet')),
    })
    expect(v.state).toBe('reachable')
  })

  test('a user route a learned route may beat: undecided, and the path still shows the route the code has', async () => {
    const { v } = await app({
      'main.tf':
        TF_DATA_VNET +
        tfSubnet('data.azurerm_virtual_network.spoke.name') +
        tfRouteTable(true, route('default', '0.0.0.0/0', 'Internet')),
    })
    expect(v.state).toBe('undecided')
    expect(v.path).toBe(
      'snet-app → rt-spoke: 0.0.0.0/0 → Internet unless a route learned over BGP beats it → ?',
    )
  })

  test('/32 routes for the KMS addresses win over anything learned: reachable', async () => {
    const kms = ['20.118.99.224', '40.83.235.53', '23.102.135.246']
      .map((a, i) => route(`kms-${i}`, `${a}/32`, 'Internet'))
      .join('\n')
    const { v } = await app({
      'main.tf': TF_DATA_VNET + tfSubnet('data.azurerm_virtual_network.spoke.name') + tfRouteTable(true, kms),
    })
    expect(v.state).toBe('reachable')
  })

  test('a forced tunnel stays blocked', async () => {
    const { v } = await app({
      'main.tf':
        TF_DATA_VNET +
        tfSubnet('data.azurerm_virtual_network.spoke.name') +
        tfRouteTable(true, route('default', '0.0.0.0/0', 'VirtualNetworkGateway')),
    })
    expect(v.state).toBe('blocked')
  })
})

describe('Bicep and ARM', () => {
  test('Bicep: a subnet of an existing VNet is undecided; declared, it is reachable', async () => {
    const subnet = `
resource app 'Microsoft.Network/virtualNetworks/subnets@2023-09-01' = {
  parent: vnet
  name: 'snet-app'
  properties: {
    addressPrefix: '10.1.1.0/24'
  }
}
`
    const existing = await app({
      'main.bicep': `resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' existing = {\n  name: 'vnet-spoke'\n}\n${subnet}`,
    })
    expect(existing.v.state).toBe('undecided')
    expect(existing.v.hop).toContain('the gateways and peerings of vnet-spoke')

    const declared = await app({
      'main.bicep': `resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-spoke'
  location: 'westeurope'
  properties: {
    addressSpace: {
      addressPrefixes: ['10.1.0.0/16']
    }
  }
}
${subnet}`,
    })
    expect(declared.v.state).toBe('reachable')
  })

  test('ARM: a subnet child resource of a VNet the template does not deploy is undecided', async () => {
    const template = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [
        {
          type: 'Microsoft.Network/virtualNetworks/subnets',
          apiVersion: '2023-09-01',
          name: 'vnet-spoke/snet-app',
          properties: { addressPrefix: '10.1.1.0/24' },
        },
      ],
    }
    const { v } = await app({ [path.join('arm', 'azuredeploy.json')]: JSON.stringify(template, null, 2) })
    expect(v.state).toBe('undecided')
    expect(v.hop).toContain('the gateways and peerings of vnet-spoke')
  })
})

describe('a declared VNet whose name is known only at apply time is still the subnets’ own', () => {
  const RANDOM = `
resource "random_pet" "suffix" {}
`

  test('Terraform: virtual_network_name = azurerm_virtual_network.spoke.name, the name with a random suffix', async () => {
    const { v } = await app({
      'main.tf': `${RANDOM}
resource "azurerm_virtual_network" "spoke" {
  name                = "vnet-spoke-\${random_pet.suffix.id}"
  location            = "westeurope"
  resource_group_name = "rg-spoke"
  address_space       = ["10.1.0.0/16"]
}
${tfSubnet('azurerm_virtual_network.spoke.name')}`,
    })
    expect(v.state).toBe('reachable')
  })

  test('Terraform AVM virtual network module: its subnets are in the VNet it creates', async () => {
    const { v } = await app({
      'main.tf': `${RANDOM}
module "spoke" {
  source  = "Azure/avm-res-network-virtualnetwork/azurerm"
  version = "0.8.1"

  name                = "vnet-spoke-\${random_pet.suffix.id}"
  location            = "westeurope"
  resource_group_name = "rg-spoke"
  address_space       = ["10.1.0.0/16"]
  subnets = {
    app = {
      name             = "snet-app"
      address_prefixes = ["10.1.1.0/24"]
    }
  }
}
`,
    })
    expect(v.state).toBe('reachable')
  })
})
