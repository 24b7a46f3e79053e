/**
 * Two VNets with one name are two VNets, in IaC too: landing zones give every spoke `vnet-spoke`, in its
 * own resource group. A VPN gateway with BGP, a Virtual Network Manager admin Deny or a Virtual WAN hub
 * connection of one of them changes that one's subnets only (Terraform: two azurerm_virtual_network with
 * the same `name`; Bicep: one module deployed to two resource groups). A reference the scan cannot
 * resolve leaves the subnets undecided, naming it, never silently unaffected.
 */
import { scan } from '../../src/pipeline/scan'
import { tree as treeOn } from '../helpers/tree'

const tree = (files: Record<string, string>) => treeOn(files, 'kms-same-name-')

async function run(files: Record<string, string>) {
  const result = await scan({ path: tree(files), cloud: 'AzureCloud', varFiles: [], workers: false })
  const at = (address: string) => result.verdict.subnets.find((s) => s.address === address)!
  return { ...result, at }
}

/** `vnet-spoke` in rg-spoke-a and in rg-spoke-b, each with snet-app and its own default route to Internet. */
const spoke = (key: string, rg: string, space: number) => `
resource "azurerm_virtual_network" "spoke_${key}" {
  name                = "vnet-spoke"
  location            = "westeurope"
  resource_group_name = "${rg}"
  address_space       = ["10.${space}.0.0/16"]
}

resource "azurerm_subnet" "app_${key}" {
  name                 = "snet-app"
  resource_group_name  = "${rg}"
  virtual_network_name = azurerm_virtual_network.spoke_${key}.name
  address_prefixes     = ["10.${space}.1.0/24"]
}
`

const SPOKES = spoke('a', 'rg-spoke-a', 1) + spoke('b', 'rg-spoke-b', 2)

const defaultRoutes = ['a', 'b']
  .map(
    (k) => `
resource "azurerm_route_table" "app_${k}" {
  name                          = "rt-app"
  location                      = "westeurope"
  resource_group_name           = "rg-spoke-${k}"
  bgp_route_propagation_enabled = false
  route {
    name           = "default"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "Internet"
  }
}

resource "azurerm_subnet_route_table_association" "app_${k}" {
  subnet_id      = azurerm_subnet.app_${k}.id
  route_table_id = azurerm_route_table.app_${k}.id
}
`,
  )
  .join('')

const vpnGateway = (subnetId: string) => `
resource "azurerm_public_ip" "vpn" {
  name                = "pip-vgw-spoke"
  location            = "westeurope"
  resource_group_name = "rg-spoke-a"
  allocation_method   = "Static"
  sku                 = "Standard"
}

resource "azurerm_virtual_network_gateway" "spoke" {
  name                = "vgw-spoke"
  location            = "westeurope"
  resource_group_name = "rg-spoke-a"
  type                = "Vpn"
  vpn_type            = "RouteBased"
  sku                 = "VpnGw1AZ"
  bgp_enabled         = true

  ip_configuration {
    name                 = "default"
    public_ip_address_id = azurerm_public_ip.vpn.id
    subnet_id            = ${subnetId}
  }
}
`

const GATEWAY_SUBNET = `
resource "azurerm_subnet" "gateway" {
  name                 = "GatewaySubnet"
  resource_group_name  = "rg-spoke-a"
  virtual_network_name = azurerm_virtual_network.spoke_a.name
  address_prefixes     = ["10.1.0.0/27"]
}
`

test('Terraform BGP: the VPN gateway of vnet-spoke in rg-spoke-a leaves vnet-spoke in rg-spoke-b reachable', async () => {
  const { at, findings } = await run({
    'main.tf': SPOKES + GATEWAY_SUBNET + vpnGateway('azurerm_subnet.gateway.id'),
  })
  // The two share a name: every label carries the resource group.
  expect(at('azurerm_subnet.app_a')).toMatchObject({ state: 'undecided', vnet: 'vnet-spoke (rg-spoke-a)' })
  expect(at('azurerm_subnet.app_a').hop).toContain('vgw-spoke')
  expect(at('azurerm_subnet.app_b')).toMatchObject({ state: 'reachable', vnet: 'vnet-spoke (rg-spoke-b)' })
  // One finding, about the subnet in rg-spoke-a only.
  const kms014 = findings.filter((f) => f.ruleId === 'KMS014')
  expect(kms014.flatMap((f) => (f.affected ?? []).map((a) => a.resourceGroup))).toEqual(['rg-spoke-a'])
  expect(kms014.flatMap((f) => f.subnets ?? [])).toEqual(['vnet-spoke (rg-spoke-a)/snet-app'])
})

test('Terraform BGP: a gateway whose subnet cannot be resolved may be in either VNet: both undecided, named', async () => {
  const { at } = await run({
    'main.tf': `${SPOKES}
variable "gateway_subnet_id" {
  type = string
}
${vpnGateway('var.gateway_subnet_id')}`,
  })
  for (const key of ['a', 'b']) {
    const v = at(`azurerm_subnet.app_${key}`)
    expect(v.state).toBe('undecided')
    expect(v.hop).toContain('vgw-spoke')
    expect(v.why).toMatch(/gateway's virtual network is not known .*var\.gateway_subnet_id/)
  }
})

const AVNM = `
data "azurerm_subscription" "current" {}

resource "azurerm_network_manager" "corp" {
  name                = "avnm-corp"
  location            = "westeurope"
  resource_group_name = "rg-avnm"
  scope_accesses      = ["SecurityAdmin"]
  scope {
    subscription_ids = [data.azurerm_subscription.current.id]
  }
}

resource "azurerm_network_manager_network_group" "spokes" {
  name               = "ng-spokes"
  network_manager_id = azurerm_network_manager.corp.id
}

resource "azurerm_network_manager_static_member" "spoke_a" {
  name                      = "sm-spoke-a"
  network_group_id          = azurerm_network_manager_network_group.spokes.id
  target_virtual_network_id = azurerm_virtual_network.spoke_a.id
}

resource "azurerm_network_manager_security_admin_configuration" "baseline" {
  name               = "sac-baseline"
  network_manager_id = azurerm_network_manager.corp.id
}

resource "azurerm_network_manager_admin_rule_collection" "egress" {
  name                            = "rc-egress"
  security_admin_configuration_id = azurerm_network_manager_security_admin_configuration.baseline.id
  network_group_ids               = [azurerm_network_manager_network_group.spokes.id]
}

resource "azurerm_network_manager_admin_rule" "kms" {
  name                     = "deny-kms"
  admin_rule_collection_id = azurerm_network_manager_admin_rule_collection.egress.id
  action                   = "Deny"
  direction                = "Outbound"
  priority                 = 10
  protocol                 = "Tcp"
  destination_port_ranges  = ["1688"]
  source {
    address_prefix_type = "IPPrefix"
    address_prefix      = "*"
  }
  destination {
    address_prefix_type = "IPPrefix"
    address_prefix      = "20.118.99.224"
  }
  destination {
    address_prefix_type = "IPPrefix"
    address_prefix      = "40.83.235.53"
  }
}

resource "azurerm_network_manager_deployment" "baseline" {
  network_manager_id = azurerm_network_manager.corp.id
  location           = "westeurope"
  scope_access       = "SecurityAdmin"
  configuration_ids  = [azurerm_network_manager_security_admin_configuration.baseline.id]
}
`

test('Terraform AVNM: the admin Deny of the group holding vnet-spoke in rg-spoke-a does not block its namesake', async () => {
  const { at, findings } = await run({ 'main.tf': SPOKES + defaultRoutes + AVNM })
  expect(at('azurerm_subnet.app_a')).toMatchObject({ state: 'blocked' })
  expect(at('azurerm_subnet.app_a').hop).toContain('deny-kms')
  expect(at('azurerm_subnet.app_b')).toMatchObject({ state: 'reachable' })
  expect(findings.filter((f) => f.ruleId === 'KMS015')).toHaveLength(1)
})

const VWAN = `
resource "azurerm_virtual_wan" "this" {
  name                = "vwan-contoso"
  resource_group_name = "rg-vwan"
  location            = "westeurope"
}

resource "azurerm_virtual_hub" "weu" {
  name                = "vhub-weu"
  resource_group_name = "rg-vwan"
  location            = "westeurope"
  virtual_wan_id      = azurerm_virtual_wan.this.id
  address_prefix      = "10.100.0.0/23"
}

resource "azurerm_firewall_policy" "hub" {
  name                = "afwp-vhub-weu"
  resource_group_name = "rg-vwan"
  location            = "westeurope"
}

resource "azurerm_firewall_policy_rule_collection_group" "hub" {
  name               = "rcg-platform"
  firewall_policy_id = azurerm_firewall_policy.hub.id
  priority           = 100
  network_rule_collection {
    name     = "dns"
    priority = 100
    action   = "Allow"
    rule {
      name                  = "dns"
      protocols             = ["UDP"]
      source_addresses      = ["10.0.0.0/8"]
      destination_addresses = ["*"]
      destination_ports     = ["53"]
    }
  }
}

resource "azurerm_firewall" "hub" {
  name                = "afw-vhub-weu"
  resource_group_name = "rg-vwan"
  location            = "westeurope"
  sku_name            = "AZFW_Hub"
  sku_tier            = "Standard"
  firewall_policy_id  = azurerm_firewall_policy.hub.id
  virtual_hub {
    virtual_hub_id  = azurerm_virtual_hub.weu.id
    public_ip_count = 1
  }
}

resource "azurerm_virtual_hub_routing_intent" "weu" {
  name           = "ri-vhub-weu"
  virtual_hub_id = azurerm_virtual_hub.weu.id
  routing_policy {
    name         = "InternetTrafficPolicy"
    destinations = ["Internet"]
    next_hop     = azurerm_firewall.hub.id
  }
}

resource "azurerm_virtual_hub_connection" "spoke_a" {
  name                      = "conn-spoke-a"
  virtual_hub_id            = azurerm_virtual_hub.weu.id
  remote_virtual_network_id = azurerm_virtual_network.spoke_a.id
  internet_security_enabled = true
}
`

test('Terraform Virtual WAN: the DNS-only hub firewall blocks the connected vnet-spoke, not its unconnected namesake', async () => {
  const { at } = await run({ 'main.tf': SPOKES + VWAN })
  expect(at('azurerm_subnet.app_a')).toMatchObject({ state: 'blocked' })
  expect(at('azurerm_subnet.app_a').hop).toContain('afw-vhub-weu')
  expect(at('azurerm_subnet.app_b')).toMatchObject({ state: 'reachable' })
})

// ---- Bicep: one spoke module deployed to two resource groups ---------------------------------------

const SPOKE_BICEP = `
param space string
param gateway bool = false
param location string = resourceGroup().location

resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-spoke'
  location: location
  properties: {
    addressSpace: { addressPrefixes: ['10.\${space}.0.0/16'] }
    subnets: concat(
      [{ name: 'snet-app', properties: { addressPrefix: '10.\${space}.1.0/24' } }],
      gateway ? [{ name: 'GatewaySubnet', properties: { addressPrefix: '10.\${space}.0.0/27' } }] : []
    )
  }
}

resource vgw 'Microsoft.Network/virtualNetworkGateways@2023-09-01' = if (gateway) {
  name: 'vgw-spoke'
  location: location
  properties: {
    gatewayType: 'Vpn'
    vpnType: 'RouteBased'
    enableBgp: true
    sku: { name: 'VpnGw1AZ', tier: 'VpnGw1AZ' }
    ipConfigurations: [
      {
        name: 'default'
        properties: {
          subnet: { id: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke', 'GatewaySubnet') }
        }
      }
    ]
  }
  dependsOn: [vnet]
}

output vnetId string = vnet.id
`

const MAIN_BICEP = `
targetScope = 'subscription'

module spokeA 'spoke.bicep' = {
  name: 'spoke-a'
  scope: resourceGroup('rg-spoke-a')
  params: { space: '1', gateway: true }
}

module spokeB 'spoke.bicep' = {
  name: 'spoke-b'
  scope: resourceGroup('rg-spoke-b')
  params: { space: '2' }
}
`

test('Bicep BGP: the spoke module with a VPN gateway in rg-spoke-a; its copy in rg-spoke-b stays reachable', async () => {
  const { verdict } = await run({ 'main.bicep': MAIN_BICEP, 'spoke.bicep': SPOKE_BICEP })
  const apps = verdict.subnets.filter((s) => s.subnet === 'snet-app')
  expect(apps).toHaveLength(2)
  const states = apps.map((s) => [s.address, s.state]).sort()
  expect(states).toEqual([
    [expect.stringMatching(/spokeA/), 'undecided'],
    [expect.stringMatching(/spokeB/), 'reachable'],
  ])
})

/**
 * The two spokes as an ARM template (what `bicep build` writes for modules scoped to resource groups):
 * nested deployments to rg-spoke-a and rg-spoke-b, and a third to rg-avnm whose network group names the
 * spoke in rg-spoke-a by `resourceId('rg-spoke-a', …)`.
 */
const ARM_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'
const nestedIn = (name: string, rg: string, resources: object[]) => ({
  type: 'Microsoft.Resources/deployments',
  apiVersion: '2022-09-01',
  name,
  resourceGroup: rg,
  properties: {
    mode: 'Incremental',
    expressionEvaluationOptions: { scope: 'inner' },
    template: { $schema: ARM_SCHEMA, contentVersion: '1.0.0.0', resources },
  },
})

const armSpoke = (key: string, space: number) =>
  nestedIn(`spoke-${key}`, `rg-spoke-${key}`, [
    {
      type: 'Microsoft.Network/routeTables',
      apiVersion: '2023-09-01',
      name: 'rt-app',
      location: 'westeurope',
      properties: {
        disableBgpRoutePropagation: true,
        routes: [{ name: 'default', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'Internet' } }],
      },
    },
    {
      type: 'Microsoft.Network/virtualNetworks',
      apiVersion: '2023-09-01',
      name: 'vnet-spoke',
      location: 'westeurope',
      properties: {
        addressSpace: { addressPrefixes: [`10.${space}.0.0/16`] },
        subnets: [
          {
            name: 'snet-app',
            properties: {
              addressPrefix: `10.${space}.1.0/24`,
              routeTable: { id: "[resourceId('Microsoft.Network/routeTables', 'rt-app')]" },
            },
          },
        ],
      },
      dependsOn: ["[resourceId('Microsoft.Network/routeTables', 'rt-app')]"],
    },
  ])

const NM = 'Microsoft.Network/networkManagers'
const armAvnm = nestedIn('avnm', 'rg-avnm', [
  {
    type: NM,
    apiVersion: '2024-05-01',
    name: 'avnm-corp',
    location: 'westeurope',
    properties: {
      networkManagerScopes: { subscriptions: ['[subscription().id]'] },
      networkManagerScopeAccesses: ['SecurityAdmin'],
    },
  },
  { type: `${NM}/networkGroups`, apiVersion: '2024-05-01', name: 'avnm-corp/ng-spoke-a', properties: {} },
  {
    type: `${NM}/networkGroups/staticMembers`,
    apiVersion: '2024-05-01',
    name: 'avnm-corp/ng-spoke-a/sm-vnet-spoke',
    properties: {
      resourceId: "[resourceId('rg-spoke-a', 'Microsoft.Network/virtualNetworks', 'vnet-spoke')]",
    },
  },
  {
    type: `${NM}/securityAdminConfigurations`,
    apiVersion: '2024-05-01',
    name: 'avnm-corp/sac-baseline',
    properties: {},
  },
  {
    type: `${NM}/securityAdminConfigurations/ruleCollections`,
    apiVersion: '2024-05-01',
    name: 'avnm-corp/sac-baseline/rc-egress',
    properties: {
      appliesToGroups: [{ networkGroupId: `[resourceId('${NM}/networkGroups', 'avnm-corp', 'ng-spoke-a')]` }],
    },
  },
  {
    type: `${NM}/securityAdminConfigurations/ruleCollections/rules`,
    apiVersion: '2024-05-01',
    name: 'avnm-corp/sac-baseline/rc-egress/deny-kms',
    kind: 'Custom',
    properties: {
      access: 'Deny',
      direction: 'Outbound',
      priority: 10,
      protocol: 'Tcp',
      sources: [{ addressPrefixType: 'IPPrefix', addressPrefix: '*' }],
      destinations: [{ addressPrefixType: 'ServiceTag', addressPrefix: 'Internet' }],
      destinationPortRanges: ['1688'],
    },
  },
  {
    type: 'Microsoft.Resources/deploymentScripts',
    apiVersion: '2023-08-01',
    name: 'ds-commit',
    location: 'westeurope',
    kind: 'AzureCLI',
    properties: {
      azCliVersion: '2.61.0',
      retentionInterval: 'PT1H',
      environmentVariables: [
        {
          name: 'CONFIG_ID',
          value: `[resourceId('${NM}/securityAdminConfigurations', 'avnm-corp', 'sac-baseline')]`,
        },
      ],
      scriptContent:
        'az network manager post-commit --commit-type SecurityAdmin --configuration-ids "$CONFIG_ID" --target-locations westeurope',
    },
  },
])

const MAIN_ARM = JSON.stringify(
  {
    $schema: 'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    resources: [armSpoke('a', 1), armSpoke('b', 2), armAvnm],
  },
  null,
  2,
)

test('ARM nested deployments: the admin Deny of the group naming vnet-spoke in rg-spoke-a does not touch its namesake in rg-spoke-b', async () => {
  const { verdict, findings } = await run({ 'azuredeploy.json': MAIN_ARM })
  const apps = verdict.subnets.filter((s) => s.subnet === 'snet-app')
  expect(apps).toHaveLength(2)
  const states = apps.map((s) => [s.address, s.state]).sort()
  expect(states).toEqual([
    [expect.stringMatching(/spoke-a/), 'blocked'],
    [expect.stringMatching(/spoke-b/), 'reachable'],
  ])
  const kms015 = findings.filter((f) => f.ruleId === 'KMS015')
  expect(kms015.flatMap((f) => (f.affected ?? []).map((a) => a.resourceGroup))).toEqual(['rg-spoke-a'])
})
