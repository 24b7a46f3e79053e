/**
 * Two VNets with one name in one resource group name, in two subscriptions, are two VNets where the IaC
 * says so: a Terraform provider alias with `subscription_id` (on the resource, or passed to a module through
 * `providers`), a Bicep module scoped to `resourceGroup('<subscription>', '<group>')`, an ARM nested
 * deployment with `subscriptionId`. References by name pick the VNet of their own subscription, labels and
 * finding identities carry the subscription, and a VPN gateway with BGP in one of them leaves the other alone.
 */
import { scan } from '../../src/pipeline/scan'
import { tree as treeOn } from '../helpers/tree'

const SUB_A = '1b7e4c90-3a5d-4f21-8c6e-9d0a2b4f6e13'
const SUB_B = '8e2d6a14-7c3b-4e95-a0f1-5b9c7d3e2a68'

async function run(files: Record<string, string>) {
  const result = await scan({
    path: treeOn(files, 'kms-subscription-'),
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
  })
  const at = (address: string) => result.verdict.subnets.find((s) => s.address === address)!
  return { ...result, at }
}

const PROVIDERS = `
provider "azurerm" {
  features {}
}

provider "azurerm" {
  alias           = "lz_a"
  subscription_id = "${SUB_A}"
  features {}
}

provider "azurerm" {
  alias           = "lz_b"
  subscription_id = "${SUB_B}"
  features {}
}
`

/** vnet-spoke with snet-app in rg-spoke, deployed through provider alias `alias` (none: the configuration passed in). */
const spoke = (key: string, space: number, alias?: string) => `
resource "azurerm_virtual_network" "spoke_${key}" {
${alias ? `  provider            = azurerm.${alias}\n` : ''}  name                = "vnet-spoke"
  location            = "westeurope"
  resource_group_name = "rg-spoke"
  address_space       = ["10.${space}.0.0/16"]
}

resource "azurerm_subnet" "app_${key}" {
${alias ? `  provider             = azurerm.${alias}\n` : ''}  name                 = "snet-app"
  resource_group_name  = "rg-spoke"
  virtual_network_name = azurerm_virtual_network.spoke_${key}.name
  address_prefixes     = ["10.${space}.1.0/24"]
}
`

/** A VPN gateway with BGP in the GatewaySubnet of the vnet-spoke of provider alias `alias`, named by name. */
const vpnIn = (alias: string) => `
resource "azurerm_subnet" "gateway" {
  provider             = azurerm.${alias}
  name                 = "GatewaySubnet"
  resource_group_name  = "rg-spoke"
  virtual_network_name = "vnet-spoke"
  address_prefixes     = ["10.${alias === 'lz_a' ? 1 : 2}.0.0/27"]
}

resource "azurerm_public_ip" "vpn" {
  provider            = azurerm.${alias}
  name                = "pip-vgw-spoke"
  location            = "westeurope"
  resource_group_name = "rg-spoke"
  allocation_method   = "Static"
  sku                 = "Standard"
}

resource "azurerm_virtual_network_gateway" "spoke" {
  provider            = azurerm.${alias}
  name                = "vgw-spoke"
  location            = "westeurope"
  resource_group_name = "rg-spoke"
  type                = "Vpn"
  vpn_type            = "RouteBased"
  sku                 = "VpnGw1AZ"
  bgp_enabled         = true

  ip_configuration {
    name                 = "default"
    public_ip_address_id = azurerm_public_ip.vpn.id
    subnet_id            = azurerm_subnet.gateway.id
  }
}
`

test('Terraform provider aliases: the VPN gateway of vnet-spoke in one subscription leaves its namesake in another reachable', async () => {
  const { at, findings } = await run({
    'main.tf': PROVIDERS + spoke('a', 1, 'lz_a') + spoke('b', 2, 'lz_b') + vpnIn('lz_a'),
  })
  // `virtual_network_name = "vnet-spoke"` in rg-spoke names the VNet of the gateway subnet's own subscription.
  expect(at('azurerm_subnet.app_a')).toMatchObject({
    state: 'undecided',
    vnet: `vnet-spoke (subscription ${SUB_A}, rg-spoke)`,
  })
  expect(at('azurerm_subnet.app_a').hop).toContain('vgw-spoke')
  expect(at('azurerm_subnet.app_b')).toMatchObject({
    state: 'reachable',
    vnet: `vnet-spoke (subscription ${SUB_B}, rg-spoke)`,
  })
  const kms014 = findings.filter((f) => f.ruleId === 'KMS014')
  expect(kms014.flatMap((f) => f.affected ?? []).map((a) => [a.subscription, a.resourceGroup])).toEqual([
    [SUB_A, 'rg-spoke'],
  ])
  expect(kms014.flatMap((f) => f.subnets ?? [])).toEqual([
    `vnet-spoke (subscription ${SUB_A}, rg-spoke)/snet-app`,
  ])
})

test('negative control: the gateway in the other subscription exposes that spoke, not this one', async () => {
  const { at } = await run({
    'main.tf': PROVIDERS + spoke('a', 1, 'lz_a') + spoke('b', 2, 'lz_b') + vpnIn('lz_b'),
  })
  expect(at('azurerm_subnet.app_a').state).toBe('reachable')
  expect(at('azurerm_subnet.app_b').state).toBe('undecided')
})

test('Terraform module called with `providers = { azurerm = azurerm.lz_b }`: its resources are in that subscription', async () => {
  const tunnel = `
resource "azurerm_route_table" "app" {
  name                = "rt-app"
  location            = "westeurope"
  resource_group_name = "rg-spoke"
  route {
    name           = "default-to-onprem"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "VirtualNetworkGateway"
  }
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app_m.id
  route_table_id = azurerm_route_table.app.id
}
`
  const { findings, verdict } = await run({
    'main.tf': `${PROVIDERS}${spoke('a', 1, 'lz_a')}
module "spoke_b" {
  source    = "./spoke"
  providers = {
    azurerm = azurerm.lz_b
  }
}
`,
    'spoke/main.tf': spoke('m', 2) + tunnel,
  })
  expect(verdict.subnets.map((s) => s.vnet).sort()).toEqual([
    `vnet-spoke (subscription ${SUB_A}, rg-spoke)`,
    `vnet-spoke (subscription ${SUB_B}, rg-spoke)`,
  ])
  const kms001 = findings.filter((f) => f.ruleId === 'KMS001')
  expect(kms001).toHaveLength(1)
  expect(kms001[0]!.affected?.map((a) => a.subscription)).toEqual([SUB_B])
  expect(kms001[0]!.hop).toMatchObject({
    subscription: SUB_B,
    resourceGroup: 'rg-spoke',
    parents: ['rt-app'],
  })
})

const BICEP_SPOKE = `
param addressSpace string
param forcedTunnel bool

resource rt 'Microsoft.Network/routeTables@2023-09-01' = {
  name: 'rt-app'
  location: 'westeurope'
  properties: {
    routes: [
      {
        name: 'default'
        properties: {
          addressPrefix: '0.0.0.0/0'
          nextHopType: forcedTunnel ? 'VirtualNetworkGateway' : 'Internet'
        }
      }
    ]
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-spoke'
  location: 'westeurope'
  properties: {
    addressSpace: {
      addressPrefixes: [addressSpace]
    }
    subnets: [
      {
        name: 'snet-app'
        properties: {
          addressPrefix: cidrSubnet(addressSpace, 24, 1)
          routeTable: {
            id: rt.id
          }
        }
      }
    ]
  }
}
`

test('Bicep modules scoped to resourceGroup(subscription, group): same group name, two subscriptions, two VNets', async () => {
  const module = (key: string, sub: string, space: number, tunnel: boolean) => `
module spoke${key} 'spoke.bicep' = {
  name: 'spoke-${key}'
  scope: resourceGroup('${sub}', 'rg-spoke')
  params: {
    addressSpace: '10.${space}.0.0/16'
    forcedTunnel: ${tunnel}
  }
}
`
  const { findings, verdict } = await run({
    'main.bicep': module('A', SUB_A, 1, true) + module('B', SUB_B, 2, false),
    'spoke.bicep': BICEP_SPOKE,
  })
  const byVnet = Object.fromEntries(verdict.subnets.map((s) => [s.vnet, s.state]))
  expect(byVnet).toEqual({
    [`vnet-spoke (subscription ${SUB_A}, rg-spoke)`]: 'blocked',
    [`vnet-spoke (subscription ${SUB_B}, rg-spoke)`]: 'reachable',
  })
  const kms001 = findings.filter((f) => f.ruleId === 'KMS001')
  expect(kms001.flatMap((f) => f.affected ?? []).map((a) => a.subscription)).toEqual([SUB_A])
})

test('Bicep: subscription(…) scope, then resourceGroup(name) inside, keeps the subscription', async () => {
  const { verdict } = await run({
    'main.bicep': `
targetScope = 'managementGroup'

module a 'lz.bicep' = {
  name: 'lz-a'
  scope: subscription('${SUB_A}')
  params: { space: 1 }
}
module b 'lz.bicep' = {
  name: 'lz-b'
  scope: subscription('${SUB_B}')
  params: { space: 2 }
}
`,
    'lz.bicep': `
targetScope = 'subscription'
param space int
module spoke 'spoke.bicep' = {
  name: 'spoke'
  scope: resourceGroup('rg-spoke')
  params: {
    addressSpace: '10.\${space}.0.0/16'
    forcedTunnel: false
  }
}
`,
    'spoke.bicep': BICEP_SPOKE,
  })
  expect(verdict.subnets.map((s) => s.vnet).sort()).toEqual([
    `vnet-spoke (subscription ${SUB_A}, rg-spoke)`,
    `vnet-spoke (subscription ${SUB_B}, rg-spoke)`,
  ])
})

test('ARM nested deployments with subscriptionId: same group name, two subscriptions, two VNets', async () => {
  const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'
  const nested = (key: string, sub: string, space: number, hop: string) => ({
    type: 'Microsoft.Resources/deployments',
    apiVersion: '2022-09-01',
    name: `spoke-${key}`,
    subscriptionId: sub,
    resourceGroup: 'rg-spoke',
    properties: {
      mode: 'Incremental',
      expressionEvaluationOptions: { scope: 'inner' },
      template: {
        $schema: SCHEMA,
        contentVersion: '1.0.0.0',
        resources: [
          {
            type: 'Microsoft.Network/routeTables',
            apiVersion: '2023-09-01',
            name: 'rt-app',
            location: 'westeurope',
            properties: {
              routes: [{ name: 'default', properties: { addressPrefix: '0.0.0.0/0', nextHopType: hop } }],
            },
          },
          {
            type: 'Microsoft.Network/virtualNetworks',
            apiVersion: '2023-09-01',
            name: 'vnet-spoke',
            location: 'westeurope',
            dependsOn: ["[resourceId('Microsoft.Network/routeTables', 'rt-app')]"],
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
          },
        ],
      },
    },
  })
  const template = {
    $schema: SCHEMA,
    contentVersion: '1.0.0.0',
    resources: [nested('a', SUB_A, 1, 'VirtualNetworkGateway'), nested('b', SUB_B, 2, 'Internet')],
  }
  const { findings, verdict } = await run({ 'azuredeploy.json': JSON.stringify(template, null, 2) })
  const byVnet = Object.fromEntries(verdict.subnets.map((s) => [s.vnet, s.state]))
  expect(byVnet).toEqual({
    [`vnet-spoke (subscription ${SUB_A}, rg-spoke)`]: 'blocked',
    [`vnet-spoke (subscription ${SUB_B}, rg-spoke)`]: 'reachable',
  })
  const kms001 = findings.filter((f) => f.ruleId === 'KMS001')
  expect(kms001.flatMap((f) => f.affected ?? []).map((a) => a.subscription)).toEqual([SUB_A])
})
