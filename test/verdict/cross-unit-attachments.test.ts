/**
 * NSGs and VM NICs one root module attaches to subnets another declares (src/analysis/cross-unit-attachments.ts).
 * The platform team's root declares the spoke (snet-app, its route table overriding 0.0.0.0/0: Azure's
 * platform exception for KMS is off); an application root reads snet-app with `data "azurerm_subnet"` and
 * associates its NSG with the subnet, or builds its VM's NIC there with an NSG of its own. Before, the
 * platform root judged snet-app alone ("reachable") and the application root could not judge it (a notice).
 */
import { scan } from '../../src/pipeline/scan'
import { tree as treeOn } from '../helpers/tree'

const run = async (files: Record<string, string>) => {
  const result = await scan({
    path: treeOn(files, 'kms-xunit-attach-'),
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
  })
  return { result, app: result.verdict.subnets.find((s) => s.subnet === 'snet-app')! }
}

/** The platform root: vnet-spoke/snet-app in rg-spoke with rt-app (0.0.0.0/0 → Internet), and `nsg` if given. */
const platform = (nsg = '') => `
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

resource "azurerm_route_table" "app" {
  name                          = "rt-app"
  location                      = "westeurope"
  resource_group_name           = "rg-spoke"
  bgp_route_propagation_enabled = false

  route {
    name           = "default-internet"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "Internet"
  }
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.app.id
}
${nsg}`

const PLATFORM_NSG = `
resource "azurerm_network_security_group" "app" {
  name                = "nsg-app"
  location            = "westeurope"
  resource_group_name = "rg-spoke"
}

resource "azurerm_subnet_network_security_group_association" "app" {
  subnet_id                 = azurerm_subnet.app.id
  network_security_group_id = azurerm_network_security_group.app.id
}
`

/** The application root: reads snet-app; nsg-workload denies Internet outbound unless `allowKms`. */
const workload = (attach: 'nic' | 'subnet', allowKms = false) => `
data "azurerm_subnet" "app" {
  name                 = "snet-app"
  virtual_network_name = "vnet-spoke"
  resource_group_name  = "rg-spoke"
}

resource "azurerm_network_security_group" "workload" {
  name                = "nsg-workload"
  location            = "westeurope"
  resource_group_name = "rg-workload"
${
  allowKms
    ? `
  security_rule {
    name                         = "allow-kms"
    priority                     = 100
    direction                    = "Outbound"
    access                       = "Allow"
    protocol                     = "Tcp"
    source_port_range            = "*"
    destination_port_range       = "1688"
    source_address_prefix        = "*"
    destination_address_prefixes = ["20.118.99.224/32", "40.83.235.53/32"]
  }
`
    : ''
}
  security_rule {
    name                       = "deny-internet-out"
    priority                   = 4000
    direction                  = "Outbound"
    access                     = "Deny"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "*"
    source_address_prefix      = "*"
    destination_address_prefix = "Internet"
  }
}
${
  attach === 'subnet'
    ? `
resource "azurerm_subnet_network_security_group_association" "app" {
  subnet_id                 = data.azurerm_subnet.app.id
  network_security_group_id = azurerm_network_security_group.workload.id
}
`
    : `
resource "azurerm_network_interface" "vm" {
  name                = "nic-vm-app-01"
  location            = "westeurope"
  resource_group_name = "rg-workload"

  ip_configuration {
    name                          = "ipconfig1"
    subnet_id                     = data.azurerm_subnet.app.id
    private_ip_address_allocation = "Dynamic"
  }
}

resource "azurerm_network_interface_security_group_association" "vm" {
  network_interface_id      = azurerm_network_interface.vm.id
  network_security_group_id = azurerm_network_security_group.workload.id
}
`
}`

describe('an NSG another root module attaches to the platform root’s subnet', () => {
  test('a VM NIC’s NSG in the application root blocks snet-app (KMS006 at its rule, in the application root)', async () => {
    const { result, app } = await run({ 'platform/main.tf': platform(), 'app/main.tf': workload('nic') })
    expect(app.state).toBe('blocked')
    expect(app.hop).toMatch(/NSG nsg-workload on NIC nic-vm-app-01: rule deny-internet-out denies/)
    const f = result.findings.find((x) => x.ruleId === 'KMS006')!
    expect(f.message).toMatch(/nsg-workload \(set on network interface nic-vm-app-01\)/)
    expect(f.location.file).toMatch(/app\/main\.tf$/)
  })

  test('a subnet NSG association in the application root blocks snet-app', async () => {
    const { app } = await run({ 'platform/main.tf': platform(), 'app/main.tf': workload('subnet') })
    expect(app.state).toBe('blocked')
    expect(app.hop).toMatch(/NSG nsg-workload: rule deny-internet-out denies/)
  })

  test('negative control: the application NSG allows KMS first: reachable', async () => {
    for (const attach of ['nic', 'subnet'] as const) {
      const { app } = await run({ 'platform/main.tf': platform(), 'app/main.tf': workload(attach, true) })
      expect(app.state).toBe('reachable')
    }
  })

  test('both roots set the subnet’s NSG: undecided, naming the other root’s association', async () => {
    const { app } = await run({
      'platform/main.tf': platform(PLATFORM_NSG),
      'app/main.tf': workload('subnet', true),
    })
    expect(app.state).toBe('undecided')
    expect(`${app.hop} ${app.why}`).toMatch(/root module app.*applied last/)
  })
})
