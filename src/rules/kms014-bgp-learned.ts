/**
 * KMS014: a subnet learns routes over BGP (a VPN or ExpressRoute gateway in its VNet or, through a peering
 * with use_remote_gateways, in the hub; an Azure Route Server and the NVAs peering with it; a Virtual WAN
 * hub's gateways) and no user route decides KMS first. Forced tunnelling is often a 0.0.0.0/0 advertised
 * from on-premises, with no route in any file: the code cannot tell where KMS traffic goes.
 */
import { KMS_CATALOGUE } from '../kms/catalogue'
import type { BgpExposure, KmsPath } from '../analysis/types'
import { displayName } from '../analysis/lookup'
import { tfBase, tfKmsBypass, tfSpokeRouteTable } from './example-hcl'
import { addressesOf, allAddresses, groupBy, listText, makeFinding, pathParts } from './findings'
import { API, armExample, armSpokeVnet, expr, kmsBypass, type Shape } from './example-arm'
import { bicepExample, bicepResource, bicepRouted, bicepSpokeVnet, ref } from './example-bicep'
import type { Finding, Rule, RuleExample } from './types'

const CURRENT = KMS_CATALOGUE.AzureCloud.current.addresses

// ---- examples: a hub VNet with a VPN gateway that speaks BGP, a spoke peered to it ------------------

const TF_HUB = `
resource "azurerm_virtual_network" "hub" {
  name                = "vnet-hub"
  location            = azurerm_resource_group.net.location
  resource_group_name = azurerm_resource_group.net.name
  address_space       = ["10.0.0.0/16"]
}

resource "azurerm_subnet" "gateway" {
  name                 = "GatewaySubnet"
  resource_group_name  = azurerm_resource_group.net.name
  virtual_network_name = azurerm_virtual_network.hub.name
  address_prefixes     = ["10.0.0.0/27"]
}

resource "azurerm_public_ip" "vpn" {
  name                = "pip-vgw-hub"
  location            = azurerm_resource_group.net.location
  resource_group_name = azurerm_resource_group.net.name
  allocation_method   = "Static"
  sku                 = "Standard"
}

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

/** The BGP exposure that left a path undecided, if that is what did. */
function exposureOf(p: KmsPath): { bgp: BgpExposure; at: KmsPath['unknowns'][number] } | undefined {
  const at = p.unknowns.find((u) => u.bgp)
  return at ? { bgp: at.bgp!, at } : undefined
}

export const kms014: Rule = {
  id: 'KMS014',
  title: 'Routes learned over BGP may decide where KMS traffic goes',
  severity: 'warning',
  explanation:
    'The subnet’s VNet has a VPN or ExpressRoute gateway, or an Azure Route Server that appliances peer with, ' +
    'or uses one in a peered hub (`use_remote_gateways`), and its route table lets gateway routes propagate ' +
    '(no route table at all propagates too). Azure then adds whatever on-premises or the appliances advertise. ' +
    'Forced tunnelling is often done that way: a 0.0.0.0/0 advertised over BGP, with no route in any file, sends ' +
    'KMS traffic on-premises, where activation fails. Azure picks the longest prefix first and prefers a user ' +
    'route only on equal prefixes: a user /32 for a KMS address wins over anything learned, but a user ' +
    '0.0.0.0/0 loses to a more specific learned route (forced tunnelling is often advertised as 0.0.0.0/1 + ' +
    '128.0.0.0/1). So subnets whose KMS traffic follows the system route, or a user route shorter than /32 ' +
    'that lets it out, are named. The code cannot tell what is advertised: the subnet is undecided.',
  fix:
    'Let the deployed network decide: `live: true` with `effective-routes: true` reads the routes Azure uses. ' +
    'Or turn gateway route propagation off on the subnet’s route table (`bgp_route_propagation_enabled = false`, ' +
    '`disableBgpRoutePropagation: true`) and write the routes it needs, or add routes for the KMS addresses ' +
    '(`/32`, next hop `Internet`).',
  examples: EXAMPLES,
  check(ctx) {
    const findings: Finding[] = []
    const paths = ctx.analysis.paths.filter((p) => p.kms.kind === 'current' && exposureOf(p))
    // One finding per place to change (the route table, or the subnet without one) and source of routes.
    const groups = groupBy(paths, (p) => {
      const e = exposureOf(p)!
      return `${e.at.object.id}\u0000${e.bgp.sources}`
    })
    for (const group of groups.values()) {
      const { bgp, at } = exposureOf(group[0]!)!
      const parts = pathParts(group)
      const where = parts.subnets?.length ? listText(parts.subnets) : displayName(at.object)
      const message =
        `${where} learn${parts.subnets && parts.subnets.length === 1 ? 's' : ''} routes over BGP from ${bgp.sources}: ` +
        `${bgp.because}; ${bgp.propagation}. No route in the code decides Azure KMS traffic (TCP 1688) for ` +
        `${listText(addressesOf(group))} first, so a route advertised from on-premises or an appliance (forced ` +
        'tunnelling often advertises 0.0.0.0/0) may send it where activation fails; the code cannot tell. ' +
        'Decide it with `live: true` and `effective-routes: true` (the effective routes Azure uses), or turn ' +
        'gateway route propagation off on the route table and write the routes the subnet needs, or add routes ' +
        'for the KMS addresses (/32, next hop Internet), which win over anything learned over BGP.'
      const finding = makeFinding(kms014, ctx, at.object, {
        location: at.value.origin ?? at.object.origin,
        message,
        kmsAddresses: addressesOf(group),
        ...parts,
      })
      // On a route table, the fix that needs no live read: routes for the KMS addresses, which beat BGP.
      const table = ctx.model.routeTables.find((t) => t.id === at.object.id)
      if (table) finding.fix = { kind: 'add-routes', table, addresses: allAddresses(ctx.cloud) }
      findings.push(finding)
    }
    return findings
  },
}
