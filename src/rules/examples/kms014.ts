/**
 * KMS014's good and bad examples in Terraform, Bicep and ARM JSON: rendered into docs/rules.md and
 * run through the whole scan by test/rules/examples.test.ts. Not rule logic: the rule is in
 * ../kms014-bgp-learned.ts.
 */
import { KMS_CATALOGUE } from '../../kms/catalogue'
import { tfBase, tfHubVnet, tfKmsBypass, tfPublicIp, tfSpokeRouteTable } from './hcl'
import { API, armExample, armSpokeVnet, expr, kmsBypass, type Shape } from './arm'
import { bicepExample, bicepResource, bicepRouted, bicepSpokeVnet, ref } from './bicep'
import type { RuleExample } from './types'

const CURRENT = KMS_CATALOGUE.AzureCloud.current.addresses

// ---- examples: a hub VNet with a VPN gateway that speaks BGP, a spoke peered to it ------------------

const TF_HUB = `${tfHubVnet('gateway', 'GatewaySubnet', '10.0.0.0/27')}${tfPublicIp('vpn', 'pip-vgw-hub')}
resource "azurerm_virtual_network_gateway" "hub" {
  name                = "vgw-hub"
  location            = azurerm_resource_group.net.location
  resource_group_name = azurerm_resource_group.net.name
  type                = "Vpn"
  vpn_type            = "RouteBased"
  sku                 = "VpnGw2AZ"
  bgp_enabled         = true

  ip_configuration {
    name                 = "vnetGatewayConfig"
    public_ip_address_id = azurerm_public_ip.vpn.id
    subnet_id            = azurerm_subnet.gateway.id
  }
}

resource "azurerm_virtual_network_peering" "spoke_to_hub" {
  name                      = "peer-spoke-to-hub"
  resource_group_name       = azurerm_resource_group.net.name
  virtual_network_name      = azurerm_virtual_network.spoke.name
  remote_virtual_network_id = azurerm_virtual_network.hub.id
  allow_forwarded_traffic   = true
  use_remote_gateways       = true
}
`

const TF_NO_PROPAGATION = `
resource "azurerm_route_table" "spoke" {
  name                          = "rt-spoke"
  location                      = azurerm_resource_group.net.location
  resource_group_name           = azurerm_resource_group.net.name
  bgp_route_propagation_enabled = false
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.spoke.id
}
`

const LOCATION = ref('location')

const armId = (type: string, ...names: string[]) =>
  expr(`resourceId('${type}', ${names.map((n) => `'${n}'`).join(', ')})`)

const BICEP_HUB = [
  bicepResource('vnetHub', 'Microsoft.Network/virtualNetworks', {
    name: 'vnet-hub',
    location: LOCATION,
    properties: {
      addressSpace: { addressPrefixes: ['10.0.0.0/16'] },
      subnets: [{ name: 'GatewaySubnet', properties: { addressPrefix: '10.0.0.0/27' } }],
    },
  }),
  bicepResource('vgwHub', 'Microsoft.Network/virtualNetworkGateways', {
    name: 'vgw-hub',
    location: LOCATION,
    properties: {
      gatewayType: 'Vpn',
      vpnType: 'RouteBased',
      sku: { name: 'VpnGw2AZ', tier: 'VpnGw2AZ' },
      enableBgp: true,
      ipConfigurations: [
        {
          name: 'vnetGatewayConfig',
          properties: {
            subnet: { id: armId('Microsoft.Network/virtualNetworks/subnets', 'vnet-hub', 'GatewaySubnet') },
            publicIPAddress: { id: ref('pipVgw.id') },
          },
        },
      ],
    },
  }),
  bicepResource('pipVgw', 'Microsoft.Network/publicIPAddresses', {
    name: 'pip-vgw-hub',
    location: LOCATION,
    sku: { name: 'Standard' },
    properties: { publicIPAllocationMethod: 'Static' },
  }),
  bicepResource('peerSpokeToHub', 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings', {
    parent: ref('vnetSpoke'),
    name: 'peer-spoke-to-hub',
    properties: {
      remoteVirtualNetwork: { id: ref('vnetHub.id') },
      allowForwardedTraffic: true,
      useRemoteGateways: true,
    },
  }),
]

const ARM_HUB: Shape[] = [
  {
    type: 'Microsoft.Network/virtualNetworks',
    apiVersion: API,
    name: 'vnet-hub',
    location: expr("parameters('location')"),
    properties: {
      addressSpace: { addressPrefixes: ['10.0.0.0/16'] },
      subnets: [{ name: 'GatewaySubnet', properties: { addressPrefix: '10.0.0.0/27' } }],
    },
  },
  {
    type: 'Microsoft.Network/virtualNetworkGateways',
    apiVersion: API,
    name: 'vgw-hub',
    location: expr("parameters('location')"),
    dependsOn: [armId('Microsoft.Network/virtualNetworks', 'vnet-hub')],
    properties: {
      gatewayType: 'ExpressRoute',
      sku: { name: 'ErGw1AZ', tier: 'ErGw1AZ' },
      ipConfigurations: [
        {
          name: 'vnetGatewayConfig',
          properties: {
            subnet: { id: armId('Microsoft.Network/virtualNetworks/subnets', 'vnet-hub', 'GatewaySubnet') },
          },
        },
      ],
    },
  },
  {
    type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
    apiVersion: API,
    name: 'vnet-spoke/peer-spoke-to-hub',
    dependsOn: [armId('Microsoft.Network/virtualNetworks', 'vnet-spoke')],
    properties: {
      remoteVirtualNetwork: { id: armId('Microsoft.Network/virtualNetworks', 'vnet-hub') },
      allowForwardedTraffic: true,
      useRemoteGateways: true,
    },
  },
]

const ARM_KMS_ROUTES: Shape = {
  type: 'Microsoft.Network/routeTables',
  apiVersion: API,
  name: 'rt-spoke',
  location: expr("parameters('location')"),
  properties: { routes: kmsBypass(CURRENT) },
}

const EXAMPLES: RuleExample[] = [
  {
    kind: 'bad',
    format: 'terraform',
    description:
      'The spoke uses the hub’s VPN gateway (use_remote_gateways); the gateway speaks BGP and snet-app has no route table, so whatever on-premises advertises reaches it.',
    files: { 'main.tf': tfBase() + TF_HUB },
  },
  {
    kind: 'good',
    format: 'terraform',
    description: 'snet-app’s route table turns gateway route propagation off.',
    files: { 'main.tf': tfBase() + TF_HUB + TF_NO_PROPAGATION },
  },
  {
    kind: 'good',
    format: 'terraform',
    description: 'Routes for the KMS addresses (/32 → Internet) win over anything learned over BGP.',
    files: { 'main.tf': tfBase() + TF_HUB + tfSpokeRouteTable(tfKmsBypass([...CURRENT])) },
  },
  bicepExample(
    'bad',
    'The spoke uses the hub’s VPN gateway, which speaks BGP; snet-app has no route table.',
    [bicepSpokeVnet(), ...BICEP_HUB],
  ),
  bicepExample('good', 'snet-app’s route table disables BGP route propagation.', [
    ...bicepRouted([]),
    ...BICEP_HUB,
  ]),
  armExample('bad', 'The spoke uses the hub’s ExpressRoute gateway; snet-app has no route table.', [
    armSpokeVnet(),
    ...ARM_HUB,
  ]),
  armExample('good', 'Routes for the KMS addresses (/32 → Internet) decide before BGP.', [
    ARM_KMS_ROUTES,
    armSpokeVnet({ routeTable: { id: armId('Microsoft.Network/routeTables', 'rt-spoke') } }, [
      armId('Microsoft.Network/routeTables', 'rt-spoke'),
    ]),
    ...ARM_HUB,
  ]),
]

export const kms014Examples: RuleExample[] = EXAMPLES
