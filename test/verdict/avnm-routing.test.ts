/**
 * Azure Virtual Network Manager UDR management in Terraform: the routes a committed routing configuration
 * puts into the subnets of its network groups join route selection as user routes (longest prefix; a
 * routing rule with the same destination as a route of the subnet's own table is ignored; conflicting rules
 * are applied at random), so a managed 0.0.0.0/0 to a firewall, an NVA or the VPN gateway is judged like a
 * UDR. A configuration no deployment commits, or a group whose members the scan cannot list, leaves the
 * subnet undecided where the route would change the path, named.
 */
import { scan } from '../../src/pipeline/scan'
import {
  TF_HUB_VNET,
  TF_HUB_VPN_GATEWAY,
  TF_RULES_DNS_ONLY as DNS_ONLY,
  tfNetworkManager,
  tfRulesKmsAllowed,
} from '../helpers/hcl-network'
import { tree as treeOn } from '../helpers/tree'

const tree = (files: Record<string, string>) => treeOn(files, 'kms-avnm-udr-')

const run = (dir: string) => scan({ path: dir, cloud: 'AzureCloud', varFiles: [], workers: false })

const KMS_ALLOWED = tfRulesKmsAllowed(['20.118.99.224', '40.83.235.53', '23.102.135.246'])

const TO_FIREWALL = `
  next_hop {
    type    = "VirtualAppliance"
    address = azurerm_firewall.hub.ip_configuration[0].private_ip_address
  }`

const TO_GATEWAY = `
  next_hop {
    type = "VirtualNetworkGateway"
  }`

const rule = (key: string, name: string, destination: string, nextHop: string) => `
resource "azurerm_network_manager_routing_rule" "${key}" {
  name               = "${name}"
  rule_collection_id = azurerm_network_manager_routing_rule_collection.spokes.id

  destination {
    type    = "AddressPrefix"
    address = "${destination}"
  }
${nextHop}
}
`

/** A hub with an Azure Firewall, a spoke, and a network manager whose routing configuration targets the spoke. */
function estate(opts: {
  firewallRules?: string
  routingRules: string
  deployed?: boolean
  staticMember?: boolean
  propagation?: boolean
  spokeExtra?: string
}): string {
  return `${TF_HUB_VNET}
resource "azurerm_subnet" "firewall" {
  name                 = "AzureFirewallSubnet"
  resource_group_name  = "rg-hub"
  virtual_network_name = azurerm_virtual_network.hub.name
  address_prefixes     = ["10.0.1.0/26"]
}

resource "azurerm_firewall_policy" "hub" {
  name                = "afwp-hub"
  resource_group_name = "rg-hub"
  location            = "westeurope"
}

resource "azurerm_firewall_policy_rule_collection_group" "hub" {
  name               = "rcg-platform"
  firewall_policy_id = azurerm_firewall_policy.hub.id
  priority           = 100
${opts.firewallRules ?? KMS_ALLOWED}
}

resource "azurerm_public_ip" "firewall" {
  name                = "pip-afw-hub"
  location            = "westeurope"
  resource_group_name = "rg-hub"
  allocation_method   = "Static"
  sku                 = "Standard"
}

resource "azurerm_firewall" "hub" {
  name                = "afw-hub"
  location            = "westeurope"
  resource_group_name = "rg-hub"
  sku_name            = "AZFW_VNet"
  sku_tier            = "Standard"
  firewall_policy_id  = azurerm_firewall_policy.hub.id

  ip_configuration {
    name                 = "ipconfig"
    subnet_id            = azurerm_subnet.firewall.id
    public_ip_address_id = azurerm_public_ip.firewall.id
  }
}
${tfNetworkManager('Routing', opts.staticMember !== false)}
resource "azurerm_network_manager_routing_configuration" "spokes" {
  name               = "rc-spokes"
  network_manager_id = azurerm_network_manager.corp.id
}

resource "azurerm_network_manager_routing_rule_collection" "spokes" {
  name                     = "rrc-spokes"
  routing_configuration_id = azurerm_network_manager_routing_configuration.spokes.id
  network_group_ids        = [azurerm_network_manager_network_group.spokes.id]${
    opts.propagation === undefined ? '' : `\n  bgp_route_propagation_enabled = ${opts.propagation}`
  }
}
${opts.routingRules}${
    opts.deployed === false
      ? ''
      : `
resource "azurerm_network_manager_deployment" "routing" {
  network_manager_id = azurerm_network_manager.corp.id
  location           = "westeurope"
  scope_access       = "Routing"
  configuration_ids  = [azurerm_network_manager_routing_configuration.spokes.id]
}
`
  }${opts.spokeExtra ?? ''}`
}

const app = async (text: string) => {
  const result = await run(tree({ 'main.tf': text }))
  return { ...result, app: result.verdict.subnets.find((s) => s.subnet === 'snet-app')! }
}

const SPOKE_TABLE = (routes: string) => `
resource "azurerm_route_table" "app" {
  name                          = "rt-app"
  location                      = "westeurope"
  resource_group_name           = "rg-spoke"
  bgp_route_propagation_enabled = false
${routes}
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.app.id
}
`

const KMS_BYPASS = `
  route {
    name           = "kms-1"
    address_prefix = "20.118.99.224/32"
    next_hop_type  = "Internet"
  }
  route {
    name           = "kms-2"
    address_prefix = "40.83.235.53/32"
    next_hop_type  = "Internet"
  }`

test('a committed managed 0.0.0.0/0 to the hub firewall whose policy allows only DNS: blocked at the firewall', async () => {
  const { app: v, findings } = await app(
    estate({
      firewallRules: DNS_ONLY,
      routingRules: rule('default', 'default-to-fw', '0.0.0.0/0', TO_FIREWALL),
    }),
  )
  expect(v.state).toBe('blocked')
  expect(v.hop).toBe('firewall afw-hub: no rule allows TCP 1688')
  expect(v.path).toContain(
    'Virtual Network Manager routing configuration rc-spokes, managed route default-to-fw: 0.0.0.0/0 → VirtualAppliance',
  )
  const kms003 = findings.find((f) => f.ruleId === 'KMS003')!
  expect(kms003.subnets).toEqual(['vnet-spoke/snet-app'])
})

test('negative control: the same managed route to a firewall that allows KMS is reachable and clean', async () => {
  const {
    app: v,
    findings,
    verdict,
  } = await app(estate({ routingRules: rule('default', 'default-to-fw', '0.0.0.0/0', TO_FIREWALL) }))
  expect(v.state).toBe('reachable')
  expect(v.path).toContain('afw-hub: rule azure-kms (Allow)')
  expect(verdict.overall).toBe('reachable')
  expect(findings.filter((f) => f.severity !== 'notice')).toEqual([])
})

test('a committed managed 0.0.0.0/0 to the VPN gateway is a forced tunnel: KMS001 at the routing rule', async () => {
  const { app: v, findings } = await app(
    estate({ routingRules: rule('default', 'forced-tunnel', '0.0.0.0/0', TO_GATEWAY) }),
  )
  expect(v.state).toBe('blocked')
  expect(v.hop).toBe(
    'managed route forced-tunnel 0.0.0.0/0 → VirtualNetworkGateway (on-premises) of Virtual Network Manager ' +
      'routing configuration rc-spokes (azurerm_network_manager_routing_rule.default)',
  )
  const kms001 = findings.find((f) => f.ruleId === 'KMS001')!
  expect(kms001.resource).toBe('azurerm_network_manager_routing_rule.default')
  expect(kms001.message).toContain(
    'managed route forced-tunnel (0.0.0.0/0) of Virtual Network Manager routing configuration rc-spokes',
  )
  expect(kms001.message).toContain(
    'to the rule collection of forced-tunnel (routing rules, next hop Internet)',
  )
})

test('longest prefix: /32 routes to KMS in the subnet’s own table win over a managed forced tunnel', async () => {
  const { app: v, findings } = await app(
    estate({
      routingRules: rule('default', 'forced-tunnel', '0.0.0.0/0', TO_GATEWAY),
      spokeExtra: SPOKE_TABLE(KMS_BYPASS),
    }),
  )
  expect(v.state).toBe('reachable')
  expect(findings.filter((f) => f.ruleId === 'KMS001')).toEqual([])
  // The legacy address has no bypass: the managed route sends it on-premises (KMS009 at the table).
  expect(findings.find((f) => f.ruleId === 'KMS009')?.resource).toBe('azurerm_route_table.app')
})

test('/32 managed routes to KMS beside a managed forced tunnel win on prefix length', async () => {
  const rules =
    rule('default', 'forced-tunnel', '0.0.0.0/0', TO_GATEWAY) +
    rule('kms1', 'kms-1', '20.118.99.224/32', '  next_hop {\n    type = "Internet"\n  }') +
    rule('kms2', 'kms-2', '40.83.235.53/32', '  next_hop {\n    type = "Internet"\n  }')
  const { app: v } = await app(estate({ routingRules: rules }))
  expect(v.state).toBe('reachable')
  expect(v.path).toContain('managed route kms-1: 20.118.99.224/32 → Internet')
})

test('a routing rule with the same destination as a route of the subnet’s own table is ignored', async () => {
  const own = SPOKE_TABLE(`
  route {
    name           = "default"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "Internet"
  }`)
  const { app: v } = await app(
    estate({ routingRules: rule('default', 'forced-tunnel', '0.0.0.0/0', TO_GATEWAY), spokeExtra: own }),
  )
  expect(v.state).toBe('reachable')
  expect(v.path).toContain('rt-app: 0.0.0.0/0 → Internet')
})

test('conflicting routing rules (same destination, other next hops) are applied at random: undecided', async () => {
  const rules =
    rule('default', 'default-to-fw', '0.0.0.0/0', TO_FIREWALL) +
    rule('tunnel', 'forced-tunnel', '0.0.0.0/0', TO_GATEWAY)
  const { app: v } = await app(estate({ routingRules: rules }))
  expect(v.state).toBe('undecided')
  expect(v.why).toMatch(/Azure applies one of conflicting routing rules at random/)
})

test('a configuration no deployment commits: undecided where its route would decide, named', async () => {
  const { app: v } = await app(
    estate({ routingRules: rule('default', 'forced-tunnel', '0.0.0.0/0', TO_GATEWAY), deployed: false }),
  )
  expect(v.state).toBe('undecided')
  expect(v.hop).toContain('managed route forced-tunnel 0.0.0.0/0 → VirtualNetworkGateway')
  expect(v.why).toMatch(/no commit of this configuration/)
  expect(v.resolve).toMatch(/azurerm_network_manager_deployment/)
})

test('an uncommitted managed route that cannot change the path leaves the verdict decided', async () => {
  const { app: v } = await app(
    estate({
      routingRules: rule('default', 'forced-tunnel', '0.0.0.0/0', TO_GATEWAY),
      deployed: false,
      spokeExtra: SPOKE_TABLE(KMS_BYPASS),
    }),
  )
  expect(v.state).toBe('reachable')
})

test('a group whose members come from Azure Policy: the managed route may apply, undecided', async () => {
  const { app: v } = await app(
    estate({ routingRules: rule('default', 'forced-tunnel', '0.0.0.0/0', TO_GATEWAY), staticMember: false }),
  )
  expect(v.state).toBe('undecided')
  expect(v.why).toMatch(/dynamic membership/)
})

test('a managed 0.0.0.0/0 turns off the platform exception for KMS: the NSG’s deny then blocks', async () => {
  const nsg = `
resource "azurerm_network_security_group" "app" {
  name                = "nsg-app"
  location            = "westeurope"
  resource_group_name = "rg-spoke"

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

resource "azurerm_subnet_network_security_group_association" "app" {
  subnet_id                 = azurerm_subnet.app.id
  network_security_group_id = azurerm_network_security_group.app.id
}
`
  const withRoute = await app(
    estate({ routingRules: rule('default', 'default-to-fw', '0.0.0.0/0', TO_FIREWALL), spokeExtra: nsg }),
  )
  expect(withRoute.app.state).toBe('blocked')
  expect(withRoute.app.hop).toContain('NSG nsg-app: rule deny-internet-out denies')
  // Without any route over 0.0.0.0/0 Azure's platform rule lets KMS past the NSG.
  const without = await app(
    estate({ routingRules: rule('spokes', 'spoke-to-spoke', '10.2.0.0/16', TO_FIREWALL), spokeExtra: nsg }),
  )
  expect(without.app.state).toBe('reachable')
})

/** The hub gets a VPN gateway with BGP; the spoke uses it through its peering. */
const GATEWAY = `${TF_HUB_VPN_GATEWAY}
resource "azurerm_virtual_network_peering" "spoke_to_hub" {
  name                      = "peer-spoke-to-hub"
  resource_group_name       = "rg-spoke"
  virtual_network_name      = azurerm_virtual_network.spoke.name
  remote_virtual_network_id = azurerm_virtual_network.hub.id
  allow_forwarded_traffic   = true
  use_remote_gateways       = true
}
`

test('BGP: a managed 0.0.0.0/0 to the firewall loses to a more specific learned route where the collection propagates gateway routes', async () => {
  const rules = rule('default', 'default-to-fw', '0.0.0.0/0', TO_FIREWALL)
  const propagating = await app(estate({ routingRules: rules, propagation: true, spokeExtra: GATEWAY }))
  expect(propagating.app.state).toBe('undecided')
  expect(propagating.app.why).toContain('more specific than the managed route default-to-fw (0.0.0.0/0)')
  expect(propagating.app.why).toContain('lets gateway routes propagate')
  // azurerm's default for a routing rule collection is no propagation: the managed table keeps BGP out.
  const quiet = await app(estate({ routingRules: rules, spokeExtra: GATEWAY }))
  expect(quiet.app.state).toBe('reachable')
})

/** Bicep: a spoke (with or without its own /32 routes to KMS) and a routing configuration for its group. */
function bicepEstate(ownKmsRoutes: boolean): string {
  const table = ownKmsRoutes
    ? `
resource rt 'Microsoft.Network/routeTables@2023-09-01' = {
  name: 'rt-app'
  location: location
  properties: {
    disableBgpRoutePropagation: true
    routes: [
      { name: 'kms-1', properties: { addressPrefix: '20.118.99.224/32', nextHopType: 'Internet' } }
      { name: 'kms-2', properties: { addressPrefix: '40.83.235.53/32', nextHopType: 'Internet' } }
    ]
  }
}
`
    : ''
  return `param location string = 'westeurope'
${table}
resource spoke 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-spoke'
  location: location
  properties: {
    addressSpace: { addressPrefixes: ['10.1.0.0/16'] }
    subnets: [
      {
        name: 'snet-app'
        properties: {
          addressPrefix: '10.1.1.0/24'${ownKmsRoutes ? '\n          routeTable: { id: rt.id }' : ''}
        }
      }
    ]
  }
}

resource avnm 'Microsoft.Network/networkManagers@2024-05-01' = {
  name: 'avnm-corp'
  location: location
  properties: {
    networkManagerScopes: { subscriptions: [subscription().id] }
    networkManagerScopeAccesses: ['Routing']
  }
}

resource spokes 'Microsoft.Network/networkManagers/networkGroups@2024-05-01' = {
  parent: avnm
  name: 'ng-spokes'
  properties: {}
}

resource member 'Microsoft.Network/networkManagers/networkGroups/staticMembers@2024-05-01' = {
  parent: spokes
  name: 'sm-vnet-spoke'
  properties: { resourceId: spoke.id }
}

resource routing 'Microsoft.Network/networkManagers/routingConfigurations@2024-05-01' = {
  parent: avnm
  name: 'rc-spokes'
  properties: {}
}

resource collection 'Microsoft.Network/networkManagers/routingConfigurations/ruleCollections@2024-05-01' = {
  parent: routing
  name: 'rrc-spokes'
  properties: {
    appliesTo: [{ networkGroupId: spokes.id }]
    disableBgpRoutePropagation: 'True'
  }
}

resource tunnel 'Microsoft.Network/networkManagers/routingConfigurations/ruleCollections/rules@2024-05-01' = {
  parent: collection
  name: 'forced-tunnel'
  properties: {
    destination: { type: 'AddressPrefix', destinationAddress: '0.0.0.0/0' }
    nextHop: { nextHopType: 'VirtualNetworkGateway' }
  }
}
`
}

test('Bicep: a managed forced tunnel the template cannot commit leaves the spoke undecided, named', async () => {
  const result = await run(tree({ 'main.bicep': bicepEstate(false) }))
  const v = result.verdict.subnets.find((s) => s.subnet === 'snet-app')!
  expect(v.state).toBe('undecided')
  expect(v.hop).toContain('managed route forced-tunnel 0.0.0.0/0 → VirtualNetworkGateway')
  expect(v.why).toContain('the commit is a POST action')
})

test('Bicep negative control: /32 routes to KMS in the spoke’s own table win whatever the managed route', async () => {
  const result = await run(tree({ 'main.bicep': bicepEstate(true) }))
  expect(result.verdict.subnets.find((s) => s.subnet === 'snet-app')!.state).toBe('reachable')
  expect(result.findings.filter((f) => f.severity !== 'notice')).toEqual([])
})

test('ARM: routing configuration resources by name path are read as in Bicep', async () => {
  const resource = (type: string, name: string, properties: unknown) => ({
    type: `Microsoft.Network/${type}`,
    apiVersion: '2024-05-01',
    name,
    ...(type === 'networkManagers' || type === 'virtualNetworks' ? { location: 'westeurope' } : {}),
    properties,
  })
  const template = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    resources: [
      resource('virtualNetworks', 'vnet-spoke', {
        addressSpace: { addressPrefixes: ['10.1.0.0/16'] },
        subnets: [{ name: 'snet-app', properties: { addressPrefix: '10.1.1.0/24' } }],
      }),
      resource('networkManagers', 'avnm-corp', {}),
      resource('networkManagers/networkGroups', 'avnm-corp/ng-spokes', {}),
      resource('networkManagers/networkGroups/staticMembers', 'avnm-corp/ng-spokes/sm-vnet-spoke', {
        resourceId: "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-spoke')]",
      }),
      resource('networkManagers/routingConfigurations', 'avnm-corp/rc-spokes', {}),
      resource('networkManagers/routingConfigurations/ruleCollections', 'avnm-corp/rc-spokes/rrc-spokes', {
        appliesTo: [
          {
            networkGroupId:
              "[resourceId('Microsoft.Network/networkManagers/networkGroups', 'avnm-corp', 'ng-spokes')]",
          },
        ],
      }),
      resource(
        'networkManagers/routingConfigurations/ruleCollections/rules',
        'avnm-corp/rc-spokes/rrc-spokes/to-nva',
        {
          destination: { type: 'AddressPrefix', destinationAddress: '0.0.0.0/0' },
          nextHop: { nextHopType: 'VirtualAppliance', nextHopAddress: '10.0.1.4' },
        },
      ),
    ],
  }
  const result = await run(tree({ 'azuredeploy.json': JSON.stringify(template, null, 2) }))
  const v = result.verdict.subnets.find((s) => s.subnet === 'snet-app')!
  expect(v.state).toBe('undecided')
  expect(v.hop).toContain('managed route to-nva 0.0.0.0/0 → VirtualAppliance')
  expect(v.why).toContain('Virtual Network Manager routing configuration rc-spokes (UDR management) may put')
})

test('a deployment of another commit type (scope_access SecurityAdmin) does not commit the routing configuration', async () => {
  const text = estate({ routingRules: rule('default', 'forced-tunnel', '0.0.0.0/0', TO_GATEWAY) }).replace(
    'scope_access       = "Routing"',
    'scope_access       = "SecurityAdmin"',
  )
  const { app: v } = await app(text)
  expect(v.state).toBe('undecided')
  expect(v.why).toMatch(/no commit of this configuration/)
})

test('KMS009: managed /32 bypasses for the current addresses and a managed forced tunnel, no own table: at the forced tunnel', async () => {
  const rules =
    rule('default', 'forced-tunnel', '0.0.0.0/0', TO_GATEWAY) +
    rule('kms1', 'kms-1', '20.118.99.224/32', '  next_hop {\n    type = "Internet"\n  }') +
    rule('kms2', 'kms-2', '40.83.235.53/32', '  next_hop {\n    type = "Internet"\n  }')
  const { app: v, findings } = await app(estate({ routingRules: rules }))
  expect(v.state).toBe('reachable')
  const kms009 = findings.filter((f) => f.ruleId === 'KMS009')
  expect(kms009).toHaveLength(1)
  expect(kms009[0]!.resource).toBe('azurerm_network_manager_routing_rule.default')
  expect(kms009[0]!.message).toContain('23.102.135.246')
  expect(kms009[0]!.message).toContain(
    'the rule collection of forced-tunnel (routing rules, next hop Internet)',
  )
})

test('KMS009 negative control: a managed /32 for the legacy address too leaves nothing to say', async () => {
  const rules =
    rule('default', 'forced-tunnel', '0.0.0.0/0', TO_GATEWAY) +
    rule('kms1', 'kms-1', '20.118.99.224/32', '  next_hop {\n    type = "Internet"\n  }') +
    rule('kms2', 'kms-2', '40.83.235.53/32', '  next_hop {\n    type = "Internet"\n  }') +
    rule('legacy', 'kms-legacy', '23.102.135.246/32', '  next_hop {\n    type = "Internet"\n  }')
  const { app: v, findings } = await app(estate({ routingRules: rules }))
  expect(v.state).toBe('reachable')
  expect(findings.filter((f) => f.ruleId === 'KMS009')).toEqual([])
})
