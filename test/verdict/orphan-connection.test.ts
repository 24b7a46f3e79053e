/**
 * A site-to-site connection whose VPN gateway the scan does not declare (a `data
 * "azurerm_virtual_network_gateway"`, an ARM id of a gateway deployed elsewhere): the gateway propagates
 * the site's address space, and what on-premises advertises over BGP, to its VNet and the spokes that use
 * it, none of which the scan can tell. It used to link nothing, named only where some declared gateway
 * could be taken for it; now the connection is named (KMS011) with the gateway and the site's address space.
 */
import * as path from 'node:path'
import { scan } from '../../src/pipeline/scan'
import { tree } from '../helpers/tree'

const run = (files: Record<string, string>) =>
  scan({ path: tree(files, 'kms-orphan-connection-'), cloud: 'AzureCloud', varFiles: [], workers: false })

const SITE = `
resource "azurerm_local_network_gateway" "onprem" {
  name                = "lgw-datacenter"
  location            = "westeurope"
  resource_group_name = "rg-connectivity"
  gateway_address     = "203.0.113.10"
  address_space       = ["0.0.0.0/1", "128.0.0.0/1"]
}

resource "azurerm_virtual_network_gateway_connection" "onprem" {
  name                       = "cn-datacenter"
  location                   = "westeurope"
  resource_group_name        = "rg-connectivity"
  type                       = "IPsec"
  virtual_network_gateway_id = GATEWAY
  local_network_gateway_id   = azurerm_local_network_gateway.onprem.id
  shared_key                 = "not-a-secret"
}
`

const DATA_GATEWAY = `
data "azurerm_virtual_network_gateway" "hub" {
  name                = "vgw-hub"
  resource_group_name = "rg-hub"
}
`

const notices = async (files: Record<string, string>) =>
  (await run(files)).findings.filter((f) => f.ruleId === 'KMS011' && f.message.includes('cn-datacenter'))

describe('a connection whose VPN gateway is not declared', () => {
  test('Terraform: named, with the gateway the data source reads and the site’s address space', async () => {
    const found = await notices({
      'connectivity/main.tf':
        DATA_GATEWAY + SITE.replace('GATEWAY', 'data.azurerm_virtual_network_gateway.hub.id'),
    })
    expect(found).toHaveLength(1)
    expect(found[0]!.message).toContain('data.azurerm_virtual_network_gateway.hub.id')
    expect(found[0]!.message).toContain('which the scanned sources do not declare')
    expect(found[0]!.message).toContain('local network gateway lgw-datacenter (0.0.0.0/1, 128.0.0.0/1)')
    expect(found[0]!.message).toContain('`live: true`')
    expect(found[0]!.location.startLine).toBeGreaterThan(1)
  })

  test('Terraform: a declared gateway links it, and nothing is named', async () => {
    const gateway = `
resource "azurerm_virtual_network_gateway" "hub" {
  name                = "vgw-hub"
  location            = "westeurope"
  resource_group_name = "rg-hub"
  type                = "Vpn"
  vpn_type            = "RouteBased"
  sku                 = "VpnGw2AZ"

  ip_configuration {
    name                 = "vnetGatewayConfig"
    public_ip_address_id = "/subscriptions/0000/resourceGroups/rg-hub/providers/Microsoft.Network/publicIPAddresses/pip"
    subnet_id            = "/subscriptions/0000/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/GatewaySubnet"
  }
}
`
    expect(
      await notices({
        'connectivity/main.tf': gateway + SITE.replace('GATEWAY', 'azurerm_virtual_network_gateway.hub.id'),
      }),
    ).toEqual([])
  })

  test('ARM: a connection to a gateway the template does not deploy is named', async () => {
    const template = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [
        {
          type: 'Microsoft.Network/localNetworkGateways',
          apiVersion: '2023-09-01',
          name: 'lgw-datacenter',
          location: 'westeurope',
          properties: {
            gatewayIpAddress: '203.0.113.10',
            localNetworkAddressSpace: { addressPrefixes: ['0.0.0.0/1', '128.0.0.0/1'] },
          },
        },
        {
          type: 'Microsoft.Network/connections',
          apiVersion: '2023-09-01',
          name: 'cn-datacenter',
          location: 'westeurope',
          dependsOn: ["[resourceId('Microsoft.Network/localNetworkGateways', 'lgw-datacenter')]"],
          properties: {
            connectionType: 'IPsec',
            virtualNetworkGateway1: {
              id: "[resourceId('rg-hub', 'Microsoft.Network/virtualNetworkGateways', 'vgw-hub')]",
            },
            localNetworkGateway2: {
              id: "[resourceId('Microsoft.Network/localNetworkGateways', 'lgw-datacenter')]",
            },
            sharedKey: 'not-a-secret',
          },
        },
      ],
    }
    const found = await notices({ [path.join('arm', 'azuredeploy.json')]: JSON.stringify(template, null, 2) })
    expect(found).toHaveLength(1)
    expect(found[0]!.message).toContain('vgw-hub')
  })
})
