// Generates a Terraform corpus of about `megabytes` MB shaped like a platform team's repository:
// shared local modules (spoke, hub), many landing-zone root modules calling them with tfvars, route
// tables with for_each routes, NSGs with dynamic rules, firewalls with policies and rule collection groups.
import { mkdirSync, writeFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const spokeModule = `variable "name" { type = string }
variable "location" { type = string }
variable "address_space" { type = string }
variable "firewall_ip" { type = string }
variable "subnets" { type = map(number) }
variable "extra_routes" {
  type    = map(object({ prefix = string, hop = string }))
  default = {}
}
variable "nsg_rules" {
  type    = list(object({ name = string, priority = number, access = string, port = string, dest = string }))
  default = []
}

resource "azurerm_virtual_network" "this" {
  name                = "vnet-\${var.name}"
  location            = var.location
  resource_group_name = "rg-\${var.name}"
  address_space       = [var.address_space]
}

resource "azurerm_subnet" "this" {
  for_each             = var.subnets
  name                 = each.key
  resource_group_name  = "rg-\${var.name}"
  virtual_network_name = azurerm_virtual_network.this.name
  address_prefixes     = [cidrsubnet(var.address_space, 8, each.value)]
}

resource "azurerm_route_table" "this" {
  name                          = "rt-\${var.name}"
  location                      = var.location
  resource_group_name           = "rg-\${var.name}"
  bgp_route_propagation_enabled = false

  route {
    name                   = "default"
    address_prefix         = "0.0.0.0/0"
    next_hop_type          = "VirtualAppliance"
    next_hop_in_ip_address = var.firewall_ip
  }

  dynamic "route" {
    for_each = var.extra_routes
    content {
      name           = route.key
      address_prefix = route.value.prefix
      next_hop_type  = route.value.hop
    }
  }
}

resource "azurerm_subnet_route_table_association" "this" {
  for_each       = azurerm_subnet.this
  subnet_id      = each.value.id
  route_table_id = azurerm_route_table.this.id
}

resource "azurerm_network_security_group" "this" {
  name                = "nsg-\${var.name}"
  location            = var.location
  resource_group_name = "rg-\${var.name}"

  dynamic "security_rule" {
    for_each = var.nsg_rules
    content {
      name                       = security_rule.value.name
      priority                   = security_rule.value.priority
      direction                  = "Outbound"
      access                     = security_rule.value.access
      protocol                   = "Tcp"
      source_address_prefix      = "*"
      source_port_range          = "*"
      destination_address_prefix = security_rule.value.dest
      destination_port_range     = security_rule.value.port
    }
  }
}

resource "azurerm_subnet_network_security_group_association" "this" {
  for_each                  = azurerm_subnet.this
  subnet_id                 = each.value.id
  network_security_group_id = azurerm_network_security_group.this.id
}

output "route_table_id" { value = azurerm_route_table.this.id }
`

function hub(i, rules) {
  const ruleBlocks = []
  for (let r = 0; r < rules; r++) {
    ruleBlocks.push(`    rule {
      name                  = "allow-${i}-${r}"
      protocols             = ["TCP"]
      source_addresses      = ["10.${i % 250}.0.0/16"]
      destination_addresses = ["203.0.${r % 250}.${(r * 7) % 250}/32"]
      destination_ports     = ["${1000 + r}"]
    }`)
  }
  return `resource "azurerm_subnet" "fw" {
  name                 = "AzureFirewallSubnet"
  resource_group_name  = "rg-hub-${i}"
  virtual_network_name = "vnet-hub-${i}"
  address_prefixes     = ["10.${i % 250}.0.0/26"]
}

resource "azurerm_firewall_policy" "hub" {
  name                = "afwp-hub-${i}"
  location            = var.location
  resource_group_name = "rg-hub-${i}"
  dns { proxy_enabled = true }
}

resource "azurerm_firewall_policy_rule_collection_group" "platform" {
  name               = "platform"
  firewall_policy_id = azurerm_firewall_policy.hub.id
  priority           = 100

  network_rule_collection {
    name     = "kms"
    priority = 100
    action   = "Allow"
    rule {
      name                  = "azure-kms"
      protocols             = ["TCP"]
      source_addresses      = ["*"]
      destination_addresses = ["20.118.99.224/32", "40.83.235.53/32", "23.102.135.246/32"]
      destination_ports     = ["1688"]
    }
  }

  network_rule_collection {
    name     = "workloads"
    priority = 300
    action   = "Allow"
${ruleBlocks.join('\n')}
  }
}

resource "azurerm_firewall" "hub" {
  name                = "afw-hub-${i}"
  location            = var.location
  resource_group_name = "rg-hub-${i}"
  sku_name            = "AZFW_VNet"
  sku_tier            = "Standard"
  firewall_policy_id  = azurerm_firewall_policy.hub.id
  ip_configuration {
    name      = "ipconfig"
    subnet_id = azurerm_subnet.fw.id
  }
}
`
}

function landingZone(i) {
  const spokes = []
  for (let s = 0; s < 4; s++) {
    spokes.push(`module "spoke_${s}" {
  source        = "../../modules/spoke"
  name          = "lz${i}-spoke${s}"
  location      = var.location
  address_space = "10.${(i * 4 + s) % 250}.0.0/16"
  firewall_ip   = azurerm_firewall.hub.ip_configuration[0].private_ip_address
  subnets       = { "snet-web" = 1, "snet-app" = 2, "snet-data" = 3 }
  extra_routes = {
    kms1 = { prefix = "20.118.99.224/32", hop = "Internet" }
    kms2 = { prefix = "40.83.235.53/32", hop = "Internet" }
    onprem = { prefix = "192.168.${s}.0/24", hop = "VirtualNetworkGateway" }
  }
  nsg_rules = [
    for n in range(12) : {
      name     = "rule-\${n}"
      priority = 100 + n * 10
      access   = n % 3 == 0 ? "Deny" : "Allow"
      port     = tostring(8000 + n)
      dest     = "VirtualNetwork"
    }
  ]
}
`)
  }
  return spokes.join('\n')
}

/** `landingZones` (optional) stops at that many landing zones (4 files each) whatever the size. */
export function generate(dir, megabytes, landingZones = Infinity) {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(join(dir, 'modules', 'spoke'), { recursive: true })
  writeFileSync(join(dir, 'modules', 'spoke', 'main.tf'), spokeModule)
  let bytes = spokeModule.length
  const target = megabytes * 1024 * 1024
  let i = 0
  while (bytes < target && i < landingZones) {
    const lz = join(dir, 'landing-zones', `lz-${String(i).padStart(4, '0')}`)
    mkdirSync(lz, { recursive: true })
    const files = {
      'variables.tf': 'variable "location" {\n  type    = string\n  default = "westeurope"\n}\n',
      'terraform.tfvars': `location = "${['westeurope', 'northeurope', 'eastus2'][i % 3]}"\n`,
      'hub.tf': hub(i, 40),
      'spokes.tf': landingZone(i),
    }
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(join(lz, name), text)
      bytes += Buffer.byteLength(text)
    }
    i++
  }
  return { bytes, landingZones: i }
}

function bicepLandingZone(i) {
  const rules = []
  for (let r = 0; r < 30; r++) {
    rules.push(`          {
            ruleType: 'NetworkRule'
            name: 'allow-${i}-${r}'
            ipProtocols: [ 'TCP' ]
            sourceAddresses: [ '10.${i % 250}.0.0/16' ]
            destinationAddresses: [ '203.0.${r % 250}.${(r * 7) % 250}/32' ]
            destinationPorts: [ '${1000 + r}' ]
          }`)
  }
  return `// Landing zone ${i}: hub firewall policy, spoke route tables and subnets.
param location string = resourceGroup().location
param prefix string = 'lz${i}'
param spokes array = [
  { name: 'web', addressSpace: '10.${(i * 3) % 250}.0.0/16' }
  { name: 'app', addressSpace: '10.${(i * 3 + 1) % 250}.0.0/16' }
  { name: 'data', addressSpace: '10.${(i * 3 + 2) % 250}.0.0/16' }
]
param firewallIp string = '10.${i % 250}.0.4'

var kmsAddresses = environment().name == 'AzureUSGovernment' ? [ '52.126.105.2', '23.97.0.13' ] : [ '20.118.99.224', '40.83.235.53', '23.102.135.246' ]

resource policy 'Microsoft.Network/firewallPolicies@2023-09-01' = {
  name: '\${prefix}-afwp'
  location: location
  properties: {
    dnsSettings: { enableProxy: true }
  }
}

resource platform 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2023-09-01' = {
  parent: policy
  name: 'platform'
  properties: {
    priority: 100
    ruleCollections: [
      {
        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'
        name: 'kms'
        priority: 100
        action: { type: 'Allow' }
        rules: [
          {
            ruleType: 'NetworkRule'
            name: 'azure-kms'
            ipProtocols: [ 'TCP' ]
            sourceAddresses: [ '*' ]
            destinationAddresses: [for a in kmsAddresses: '\${a}/32']
            destinationPorts: [ '1688' ]
          }
        ]
      }
      {
        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'
        name: 'workloads'
        priority: 300
        action: { type: 'Allow' }
        rules: [
${rules.join('\n')}
        ]
      }
    ]
  }
}

resource routeTables 'Microsoft.Network/routeTables@2023-09-01' = [for (spoke, idx) in spokes: {
  name: 'rt-\${prefix}-\${spoke.name}'
  location: location
  properties: {
    disableBgpRoutePropagation: true
    routes: concat([
      {
        name: 'default'
        properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: firewallIp }
      }
    ], [for (a, k) in kmsAddresses: {
      name: 'kms-\${k}'
      properties: { addressPrefix: '\${a}/32', nextHopType: 'Internet' }
    }])
  }
}]

resource vnets 'Microsoft.Network/virtualNetworks@2023-09-01' = [for (spoke, idx) in spokes: {
  name: 'vnet-\${prefix}-\${spoke.name}'
  location: location
  properties: {
    addressSpace: { addressPrefixes: [ spoke.addressSpace ] }
    subnets: [for n in range(1, 3): {
      name: 'snet-\${spoke.name}-\${n}'
      properties: {
        addressPrefix: cidrSubnet(spoke.addressSpace, 24, n)
        routeTable: { id: routeTables[idx].id }
      }
    }]
  }
}]
`
}

function armLandingZone(i) {
  const rules = []
  for (let r = 0; r < 30; r++) {
    rules.push({
      ruleType: 'NetworkRule',
      name: `allow-${i}-${r}`,
      ipProtocols: ['TCP'],
      sourceAddresses: [`10.${i % 250}.0.0/16`],
      destinationAddresses: [`203.0.${r % 250}.${(r * 7) % 250}/32`],
      destinationPorts: [`${1000 + r}`],
    })
  }
  const template = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: {
      prefix: { type: 'string', defaultValue: `lz${i}` },
      spokes: { type: 'array', defaultValue: ['web', 'app', 'data'] },
      kmsAddresses: { type: 'array', defaultValue: ['20.118.99.224', '40.83.235.53', '23.102.135.246'] },
      firewallIp: { type: 'string', defaultValue: `10.${i % 250}.0.4` },
    },
    variables: { location: '[resourceGroup().location]' },
    resources: [
      {
        type: 'Microsoft.Network/routeTables',
        apiVersion: '2023-09-01',
        name: "[concat('rt-', parameters('prefix'), '-', parameters('spokes')[copyIndex()])]",
        location: "[variables('location')]",
        copy: { name: 'tables', count: "[length(parameters('spokes'))]" },
        properties: {
          disableBgpRoutePropagation: true,
          routes: [
            {
              name: 'default',
              properties: {
                addressPrefix: '0.0.0.0/0',
                nextHopType: 'VirtualAppliance',
                nextHopIpAddress: "[parameters('firewallIp')]",
              },
            },
          ],
        },
      },
      {
        type: 'Microsoft.Network/routeTables/routes',
        apiVersion: '2023-09-01',
        name: "[concat('rt-', parameters('prefix'), '-web/kms-', copyIndex())]",
        copy: { name: 'kms', count: "[length(parameters('kmsAddresses'))]" },
        dependsOn: ['tables'],
        properties: {
          addressPrefix: "[concat(parameters('kmsAddresses')[copyIndex()], '/32')]",
          nextHopType: 'Internet',
        },
      },
      {
        type: 'Microsoft.Network/virtualNetworks',
        apiVersion: '2023-09-01',
        name: "[concat('vnet-', parameters('prefix'), '-', parameters('spokes')[copyIndex()])]",
        location: "[variables('location')]",
        copy: { name: 'vnets', count: "[length(parameters('spokes'))]" },
        properties: {
          addressSpace: {
            addressPrefixes: [`[concat('10.', string(copyIndex(${(i * 3) % 200})), '.0.0/16')]`],
          },
          subnets: [
            {
              name: 'snet-vms',
              properties: {
                addressPrefix: `[concat('10.', string(copyIndex(${(i * 3) % 200})), '.1.0/24')]`,
                routeTable: {
                  id: "[resourceId('Microsoft.Network/routeTables', concat('rt-', parameters('prefix'), '-', parameters('spokes')[copyIndex()]))]",
                },
              },
            },
          ],
        },
      },
      {
        type: 'Microsoft.Network/firewallPolicies',
        apiVersion: '2023-09-01',
        name: "[concat(parameters('prefix'), '-afwp')]",
        location: "[variables('location')]",
        properties: { dnsSettings: { enableProxy: true } },
      },
      {
        type: 'Microsoft.Network/firewallPolicies/ruleCollectionGroups',
        apiVersion: '2023-09-01',
        name: "[concat(parameters('prefix'), '-afwp/platform')]",
        properties: {
          priority: 100,
          ruleCollections: [
            {
              ruleCollectionType: 'FirewallPolicyFilterRuleCollection',
              name: 'workloads',
              priority: 300,
              action: { type: 'Allow' },
              rules,
            },
          ],
        },
      },
    ],
  }
  return JSON.stringify(template, null, 2) + '\n'
}

/** A Bicep or ARM corpus of about `megabytes` MB: one landing-zone template per directory. */
export function generateTemplates(dir, megabytes, format) {
  rmSync(dir, { recursive: true, force: true })
  let bytes = 0
  let i = 0
  const target = megabytes * 1024 * 1024
  while (bytes < target) {
    const lz = join(dir, `lz-${String(i).padStart(4, '0')}`)
    mkdirSync(lz, { recursive: true })
    const [name, text] =
      format === 'bicep' ? ['main.bicep', bicepLandingZone(i)] : ['azuredeploy.json', armLandingZone(i)]
    writeFileSync(join(lz, name), text)
    bytes += Buffer.byteLength(text)
    i++
  }
  return { bytes, landingZones: i }
}
