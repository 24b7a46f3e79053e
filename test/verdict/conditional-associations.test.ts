/**
 * A subnet's association behind a count the scan cannot evaluate (azurerm_subnet_route_table_association,
 * _network_security_group_association, _nat_gateway_association): the path is judged with and without it
 * (src/analysis/conditions.ts). A private subnet (no default outbound access) whose route table sends KMS
 * to a firewall that allows it reaches Azure KMS only if the association is deployed: without it there is
 * no way out, so "reachable" was not followed both ways.
 */
import { scan } from '../../src/pipeline/scan'
import { TF_HUB_VNET, TF_SPOKE_VNET, tfHubFirewall, tfRulesKmsAllowed } from '../helpers/hcl-network'
import { tree as treeOn } from '../helpers/tree'

const tree = (files: Record<string, string>) => treeOn(files, 'kms-cond-assoc-')

const app = async (files: Record<string, string>) => {
  const result = await scan({ path: tree(files), cloud: 'AzureCloud', varFiles: [], workers: false })
  return result.verdict.subnets.find((s) => s.subnet === 'snet-app')!
}

const KMS = ['20.118.99.224', '40.83.235.53']

/** snet-app in vnet-spoke, without default outbound access unless `open`. */
const subnet = (open = false) => `${TF_SPOKE_VNET}
resource "azurerm_subnet" "app" {
  name                            = "snet-app"
  resource_group_name             = "rg-spoke"
  virtual_network_name            = azurerm_virtual_network.spoke.name
  address_prefixes                = ["10.1.1.0/24"]
  default_outbound_access_enabled = ${open}
}
`

const VARIABLES = `
variable "attach_route_table" {
  type        = bool
  description = "Send the spoke's traffic through the hub firewall"
}

variable "attach_nsg" {
  type = bool
}

variable "attach_nat" {
  type = bool
}
`

describe('Terraform: azurerm_subnet_route_table_association with `count = var.attach_route_table ? 1 : 0`', () => {
  const tf = (opts: { count?: string; open?: boolean; tfvars?: string }) => ({
    'variables.tf': VARIABLES,
    'hub.tf': `${TF_HUB_VNET}${tfHubFirewall(tfRulesKmsAllowed(KMS))}`,
    'spoke.tf': `${subnet(opts.open)}
resource "azurerm_route_table" "app" {
  name                          = "rt-app"
  location                      = "westeurope"
  resource_group_name           = "rg-spoke"
  bgp_route_propagation_enabled = false

  route {
    name                   = "default-via-firewall"
    address_prefix         = "0.0.0.0/0"
    next_hop_type          = "VirtualAppliance"
    next_hop_in_ip_address = azurerm_firewall.hub.ip_configuration[0].private_ip_address
  }
}

resource "azurerm_subnet_route_table_association" "app" {${opts.count ? `\n  count          = ${opts.count}` : ''}
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.app.id
}
`,
    ...(opts.tfvars ? { 'terraform.tfvars': opts.tfvars } : {}),
  })

  test('a private subnet: undecided, naming the association, its count and both ways', async () => {
    const v = await app(tf({ count: 'var.attach_route_table ? 1 : 0' }))
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(
      /the association of route table rt-app with snet-app may not be deployed: its count or for_each cannot be evaluated .*; if it is, KMS traffic reaches Azure KMS \(.*afw-hub.*\); if not, it is blocked \(.*no outbound access/,
    )
    expect(v.resolve).toMatch(/a var file/)
  })

  test('known: true reaches through the firewall, false has no way out', async () => {
    const on = await app(
      tf({ count: 'var.attach_route_table ? 1 : 0', tfvars: 'attach_route_table = true\n' }),
    )
    expect(on.state).toBe('reachable')
    const off = await app(
      tf({ count: 'var.attach_route_table ? 1 : 0', tfvars: 'attach_route_table = false\n' }),
    )
    expect(off.state).toBe('blocked')
  })

  test('negative controls: an association without count reaches; with default outbound access both ways reach', async () => {
    expect((await app(tf({}))).state).toBe('reachable')
    expect((await app(tf({ count: 'var.attach_route_table ? 1 : 0', open: true }))).state).toBe('reachable')
  })
})

describe('Terraform: azurerm_subnet_nat_gateway_association with an unknown count, on a private subnet', () => {
  const tf = (count?: string) => ({
    'variables.tf': VARIABLES,
    'spoke.tf': `${subnet()}
resource "azurerm_public_ip" "nat" {
  name                = "pip-ng-spoke"
  location            = "westeurope"
  resource_group_name = "rg-spoke"
  allocation_method   = "Static"
  sku                 = "Standard"
}

resource "azurerm_nat_gateway" "spoke" {
  name                = "ng-spoke"
  location            = "westeurope"
  resource_group_name = "rg-spoke"
  sku_name            = "Standard"
}

resource "azurerm_nat_gateway_public_ip_association" "spoke" {
  nat_gateway_id       = azurerm_nat_gateway.spoke.id
  public_ip_address_id = azurerm_public_ip.nat.id
}

resource "azurerm_subnet_nat_gateway_association" "app" {${count ? `\n  count          = ${count}` : ''}
  subnet_id      = azurerm_subnet.app.id
  nat_gateway_id = azurerm_nat_gateway.spoke.id
}
`,
  })

  test('undecided: with the NAT gateway KMS gets out, without it there is no way out', async () => {
    const v = await app(tf('var.attach_nat ? 1 : 0'))
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(/the association of NAT gateway with snet-app may not be deployed/)
    expect((await app(tf())).state).toBe('reachable')
  })
})

describe('Terraform: azurerm_subnet_network_security_group_association with an unknown count', () => {
  const tf = (access: 'Allow' | 'Deny') => ({
    'variables.tf': VARIABLES,
    'spoke.tf': `${subnet(true)}
resource "azurerm_network_security_group" "app" {
  name                = "nsg-app"
  location            = "westeurope"
  resource_group_name = "rg-spoke"

  security_rule {
    name                       = "kms-${access.toLowerCase()}"
    priority                   = 100
    direction                  = "Outbound"
    access                     = "${access}"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "1688"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }

  security_rule {
    name                       = "deny-platform"
    priority                   = 4000
    direction                  = "Outbound"
    access                     = "Deny"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "*"
    source_address_prefix      = "*"
    destination_address_prefix = "AzurePlatformLKM"
  }
}

resource "azurerm_subnet_network_security_group_association" "app" {
  count                     = var.attach_nsg ? 1 : 0
  subnet_id                 = azurerm_subnet.app.id
  network_security_group_id = azurerm_network_security_group.app.id
}
`,
  })

  test('a Deny under the condition still blocks (deployed is stricter); an Allow reaches either way', async () => {
    const deny = await app(tf('Deny'))
    expect(deny.state).toBe('blocked')
    expect(deny.hop).toMatch(/nsg-app/)
    expect((await app(tf('Allow'))).state).toBe('reachable')
  })
})

/**
 * Bicep has no association resource: a subnet declared inline in its VNet and again as a child resource
 * `if (attachRouteTable)` with a route table. Both declarations are the same Azure subnet, judged as one
 * with the route table association under the condition (test/verdict/bicep-subnet-redeclared.test.ts).
 */
describe('Bicep: snet-app redeclared `if (attachRouteTable)` with a route table', () => {
  const bicep = (opts: { privateSubnet: boolean; tunnel: boolean }) => ({
    'main.bicep': `param location string = 'westeurope'
param attachRouteTable bool

resource rtApp 'Microsoft.Network/routeTables@2023-09-01' = {
  name: 'rt-app'
  location: location
  properties: {
    disableBgpRoutePropagation: true
    routes: [
      {
        name: '${opts.tunnel ? 'forced-tunnel' : 'default-internet'}'
        properties: { addressPrefix: '0.0.0.0/0', nextHopType: '${opts.tunnel ? 'VirtualNetworkGateway' : 'Internet'}' }
      }
    ]
  }
}

resource vnetSpoke 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-spoke'
  location: location
  properties: {
    addressSpace: { addressPrefixes: ['10.1.0.0/16'] }
    subnets: [
      {
        name: 'snet-app'
        properties: { addressPrefix: '10.1.1.0/24', defaultOutboundAccess: ${!opts.privateSubnet} }
      }
    ]
  }
}

resource snetAppRouted 'Microsoft.Network/virtualNetworks/subnets@2023-09-01' = if (attachRouteTable) {
  parent: vnetSpoke
  name: 'snet-app'
  properties: {
    addressPrefix: '10.1.1.0/24'
    defaultOutboundAccess: ${!opts.privateSubnet}
    routeTable: { id: rtApp.id }
  }
}
`,
  })

  test('a private subnet has no way out with the Internet route or without it: blocked', async () => {
    expect((await app(bicep({ privateSubnet: true, tunnel: false }))).state).toBe('blocked')
  })

  test('with the table a forced tunnel blocks: blocked (deployed is stricter)', async () => {
    expect((await app(bicep({ privateSubnet: false, tunnel: true }))).state).toBe('blocked')
  })

  test('negative control: both declarations reach: reachable', async () => {
    expect((await app(bicep({ privateSubnet: false, tunnel: false }))).state).toBe('reachable')
  })
})

/**
 * azapi_update_resource patching a subnet's associations (as modules that create subnets inline in their
 * VNet do afterwards), under a count the scan cannot evaluate: the patch may not be applied, so what it
 * sets is judged with and without it; without it, the subnet keeps the association it had.
 */
describe('Terraform: azapi_update_resource patching snet-app under `count = var.patch ? 1 : 0`', () => {
  const patch = (properties: string, count?: string) => `
variable "patch" {
  type        = bool
  description = "Patch the subnet after it is created"
}

resource "azapi_update_resource" "app" {${count ? `\n  count       = ${count}` : ''}
  type        = "Microsoft.Network/virtualNetworks/subnets@2023-11-01"
  resource_id = azurerm_subnet.app.id
  body = {
    properties = {
      ${properties}
    }
  }
}
`
  const table = (name: string, hop: 'Internet' | 'VirtualNetworkGateway') => `
resource "azurerm_route_table" "${name}" {
  name                          = "rt-${name}"
  location                      = "westeurope"
  resource_group_name           = "rg-spoke"
  bgp_route_propagation_enabled = false

  route {
    name           = "default"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "${hop}"
  }
}
`
  /** snet-app forced through the gateway by its own association; the patch points it at rt-direct. */
  const forcedThenDirect = (count?: string) => ({
    'main.tf': `${subnet(true)}${table('forced', 'VirtualNetworkGateway')}${table('direct', 'Internet')}
resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.forced.id
}
${patch('routeTable = { id = azurerm_route_table.direct.id }', count)}`,
  })

  test('the patch would take KMS around the forced tunnel the subnet has without it: undecided, naming the patch', async () => {
    const v = await app(forcedThenDirect('var.patch ? 1 : 0'))
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(
      /the association of route table rt-direct with snet-app may not be deployed: its count or for_each cannot be evaluated .*; if it is, KMS traffic reaches Azure KMS .*; if not, it is blocked \(.*rt-forced/,
    )
  })

  test('negative control: the same patch without a count: applied, reachable', async () => {
    expect((await app(forcedThenDirect())).state).toBe('reachable')
  })

  test('a NAT gateway patched onto a private subnet is its only way out: undecided', async () => {
    const v = await app({
      'main.tf': `${subnet(false)}
resource "azurerm_public_ip" "nat" {
  name                = "pip-nat"
  location            = "westeurope"
  resource_group_name = "rg-spoke"
  allocation_method   = "Static"
  sku                 = "Standard"
}

resource "azurerm_nat_gateway" "app" {
  name                = "ng-app"
  location            = "westeurope"
  resource_group_name = "rg-spoke"
}
${patch('natGateway = { id = azurerm_nat_gateway.app.id }', 'var.patch ? 1 : 0')}`,
    })
    expect(v.state).toBe('undecided')
    expect(v.why).toContain('NAT gateway')
  })
})
