/**
 * The NSG a hardened Windows VM carries on its NIC: Internet outbound denied (deny-internet-out, 4000), with
 * KMS (TCP 1688 to the two KMS addresses) allowed first (allow-kms, 100) when asked. One rule set, written
 * in each format the NIC tests need: Terraform, Bicep, and the ARM stand-in's inventory; and, in Bicep, the
 * route table that turns Azure's platform exception off, that NSG and the VM's NIC (nic-nsg, nic-nsg-placement).
 */
import type { NsgRuleSpec } from './arm-inventory'

const KMS_PREFIXES = ['20.118.99.224/32', '40.83.235.53/32']

const TF_ALLOW_KMS = `
  security_rule {
    name                         = "allow-kms"
    priority                     = 100
    direction                    = "Outbound"
    access                       = "Allow"
    protocol                     = "Tcp"
    source_port_range            = "*"
    destination_port_range       = "1688"
    source_address_prefix        = "*"
    destination_address_prefixes = ${JSON.stringify(KMS_PREFIXES)}
  }
`

/** `azurerm_network_security_group.<label>` named `name` in `resourceGroup`, with the rules above. */
export const tfDenyInternetNsg = (o: {
  label: string
  name: string
  resourceGroup: string
  allowKms?: boolean
}) => `
resource "azurerm_network_security_group" "${o.label}" {
  name                = "${o.name}"
  location            = "westeurope"
  resource_group_name = "${o.resourceGroup}"
${o.allowKms ? TF_ALLOW_KMS : ''}
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
`

/** The same rules as the entries of a Bicep NSG's `securityRules` array (without its brackets). */
export const bicepDenyInternetRules = (allowKms = false) => `${
  allowKms
    ? `
      {
        name: 'allow-kms'
        properties: {
          priority: 100
          direction: 'Outbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourcePortRange: '*'
          destinationPortRange: '1688'
          sourceAddressPrefix: '*'
          destinationAddressPrefixes: ['${KMS_PREFIXES.join("', '")}']
        }
      }`
    : ''
}
      {
        name: 'deny-internet-out'
        properties: {
          priority: 4000
          direction: 'Outbound'
          access: 'Deny'
          protocol: '*'
          sourcePortRange: '*'
          destinationPortRange: '*'
          sourceAddressPrefix: '*'
          destinationAddressPrefix: 'Internet'
        }
      }`

/** The same rules for the ARM stand-in (armNsg in arm-inventory.ts). */
export const armDenyInternetRules = (allowKms = false): NsgRuleSpec[] => [
  ...(allowKms
    ? [
        {
          name: 'allow-kms',
          priority: 100,
          direction: 'Outbound',
          access: 'Allow',
          protocol: 'Tcp',
          destinationAddressPrefixes: KMS_PREFIXES,
          destinationPortRange: '1688',
        } satisfies NsgRuleSpec,
      ]
    : []),
  {
    name: 'deny-internet-out',
    priority: 4000,
    direction: 'Outbound',
    access: 'Deny',
    protocol: '*',
    destinationAddressPrefix: 'Internet',
    destinationPortRange: '*',
  },
]

/** Bicep: the `location` parameter and rt-app, BGP off, 0.0.0.0/0 → Internet (Azure's platform exception for KMS is off). */
export const BICEP_RT_APP_INTERNET = `
param location string = resourceGroup().location

resource rt 'Microsoft.Network/routeTables@2023-09-01' = {
  name: 'rt-app'
  location: location
  properties: {
    disableBgpRoutePropagation: true
    routes: [
      {
        name: 'default-internet'
        properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'Internet' }
      }
    ]
  }
}
`

/** Bicep: nsg-vm with the rules above (`location` is the template's parameter). */
export const bicepNsgVm = (allowKms = false) => `
resource nsgVm 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {
  name: 'nsg-vm'
  location: location
  properties: {
    securityRules: [${bicepDenyInternetRules(allowKms)}
    ]
  }
}
`

/** Bicep: the VM's NIC nic-vm-app-01 in the subnet `subnetId` names, with the NSG `nsgId` names if given (Bicep expressions). */
export const bicepNic = (subnetId: string, nsgId?: string) => `
resource nic 'Microsoft.Network/networkInterfaces@2023-09-01' = {
  name: 'nic-vm-app-01'
  location: location
  properties: {
    ipConfigurations: [
      {
        name: 'ipconfig1'
        properties: {
          privateIPAllocationMethod: 'Dynamic'
          subnet: { id: ${subnetId} }
        }
      }
    ]${nsgId === undefined ? '' : `\n    networkSecurityGroup: { id: ${nsgId} }`}
  }
}
`
