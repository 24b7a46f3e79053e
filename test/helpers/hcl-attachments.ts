/**
 * Two root modules: the platform team's declares vnet-spoke/snet-app (rg-spoke) with a route table sending
 * 0.0.0.0/0 to the Internet (Azure's platform exception for KMS is off); an application's reads snet-app by
 * `data "azurerm_subnet"` and attaches its NSG to the subnet or to its VM's NIC (cross-unit attachments).
 */
import { tfDenyInternetNsg } from './nic-nsg'
/** The platform root: vnet-spoke/snet-app in rg-spoke with rt-app (0.0.0.0/0 → Internet), and `nsg` if given. */
export const platformSpoke = (nsg = '') => `
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

export const PLATFORM_NSG = `
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

/**
 * The application root: reads snet-app; nsg-workload denies Internet outbound unless `allowKms`, and is
 * associated with the subnet or the VM's NIC (`attach`) unless `attached` is false.
 */
export const appAttaching = (attach: 'nic' | 'subnet', allowKms = false, attached = true) => `
data "azurerm_subnet" "app" {
  name                 = "snet-app"
  virtual_network_name = "vnet-spoke"
  resource_group_name  = "rg-spoke"
}

${tfDenyInternetNsg({ label: 'workload', name: 'nsg-workload', resourceGroup: 'rg-workload', allowKms })}
${
  attach === 'subnet'
    ? attached
      ? `
resource "azurerm_subnet_network_security_group_association" "app" {
  subnet_id                 = data.azurerm_subnet.app.id
  network_security_group_id = azurerm_network_security_group.workload.id
}
`
      : ''
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

${
  attached
    ? `
resource "azurerm_network_interface_security_group_association" "vm" {
  network_interface_id      = azurerm_network_interface.vm.id
  network_security_group_id = azurerm_network_security_group.workload.id
}
`
    : ''
}`
}`
