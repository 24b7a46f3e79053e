/**
 * Resources behind a condition the scan cannot evaluate are judged as deployed only where that makes the
 * verdict stricter (src/sources/mapping/conditional.ts). Where being deployed could let KMS through (a
 * security admin AlwaysAllow, an NSG Allow, a route to Internet around a forced tunnel) the hop is
 * undecided, naming the condition; a Deny under the same condition still blocks.
 */
import { scan } from '../../src/pipeline/scan'
import {
  TF_HUB_VNET,
  TF_RULES_DNS_ONLY,
  TF_SPOKE_APP,
  tfRulesKmsAllowed,
  TF_APP_INTERNET_WITH_NSG,
} from '../helpers/hcl-network'
import { tree as treeOn } from '../helpers/tree'

const tree = (files: Record<string, string>) => treeOn(files, 'kms-cond-hops-')

const app = async (files: Record<string, string>) => {
  const result = await scan({ path: tree(files), cloud: 'AzureCloud', varFiles: [], workers: false })
  return { ...result, app: result.verdict.subnets.find((s) => s.subnet === 'snet-app')! }
}

/** A spoke with an NSG rule on outbound 1688 (`nsg`), a default route of its own, in a network group. */
const spoke = (nsg: 'Allow' | 'Deny') => `param location string = 'westeurope'

resource nsgApp 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {
  name: 'nsg-app'
  location: location
  properties: {
    securityRules: [
      {
        name: 'kms-${nsg.toLowerCase()}'
        properties: {
          priority: 100
          direction: 'Outbound'
          access: '${nsg}'
          protocol: 'Tcp'
          sourceAddressPrefix: '*'
          sourcePortRange: '*'
          destinationAddressPrefix: 'Internet'
          destinationPortRange: '1688'
        }
      }
    ]
  }
}

resource rtApp 'Microsoft.Network/routeTables@2023-09-01' = {
  name: 'rt-app'
  location: location
  properties: {
    disableBgpRoutePropagation: true
    routes: [ { name: 'default', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'Internet' } } ]
  }
}

resource vnetSpoke 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-spoke'
  location: location
  properties: {
    addressSpace: { addressPrefixes: ['10.1.0.0/16'] }
    subnets: [
      {
        name: 'snet-app'
        properties: {
          addressPrefix: '10.1.1.0/24'
          networkSecurityGroup: { id: nsgApp.id }
          routeTable: { id: rtApp.id }
        }
      }
    ]
  }
}
`

/** A committed security admin configuration whose KMS rule (`access`) exists only `if (cond)`. */
const ADMIN = (access: string, cond: string) => `
resource networkManager 'Microsoft.Network/networkManagers@2024-05-01' = {
  name: 'avnm-corp'
  location: location
  properties: {
    networkManagerScopes: { subscriptions: ['/subscriptions/\${subscription().subscriptionId}'] }
    networkManagerScopeAccesses: ['SecurityAdmin']
  }
}

resource spokes 'Microsoft.Network/networkManagers/networkGroups@2024-05-01' = {
  parent: networkManager
  name: 'ng-spokes'
  properties: {}
}

resource spokeMember 'Microsoft.Network/networkManagers/networkGroups/staticMembers@2024-05-01' = {
  parent: spokes
  name: 'sm-vnet-spoke'
  properties: { resourceId: vnetSpoke.id }
}

resource baseline 'Microsoft.Network/networkManagers/securityAdminConfigurations@2024-05-01' = {
  parent: networkManager
  name: 'sac-baseline'
  properties: {}
}

resource egress 'Microsoft.Network/networkManagers/securityAdminConfigurations/ruleCollections@2024-05-01' = {
  parent: baseline
  name: 'rc-egress'
  properties: { appliesToGroups: [ { networkGroupId: spokes.id } ] }
}

resource kmsRule 'Microsoft.Network/networkManagers/securityAdminConfigurations/ruleCollections/rules@2024-05-01' = if (${cond}) {
  parent: egress
  name: 'kms-${access.toLowerCase()}'
  kind: 'Custom'
  properties: {
    access: '${access}'
    direction: 'Outbound'
    priority: 10
    protocol: 'Tcp'
    sources: [ { addressPrefixType: 'IPPrefix', addressPrefix: '*' } ]
    destinations: [
      { addressPrefixType: 'IPPrefix', addressPrefix: '20.118.99.224' }
      { addressPrefixType: 'IPPrefix', addressPrefix: '40.83.235.53' }
    ]
    destinationPortRanges: [ '1688' ]
  }
}

resource commit 'Microsoft.Resources/deploymentScripts@2023-08-01' = {
  name: 'ds-commit'
  location: location
  kind: 'AzureCLI'
  properties: {
    azCliVersion: '2.61.0'
    retentionInterval: 'PT1H'
    environmentVariables: [
      { name: 'CONFIG_ID', value: baseline.id }
      { name: 'REGION', value: location }
    ]
    scriptContent: 'az network manager post-commit --commit-type SecurityAdmin --configuration-ids "$CONFIG_ID" --target-locations "$REGION"'
  }
}
`

describe('a security admin rule behind a condition the scan cannot evaluate', () => {
  test('an AlwaysAllow over the NSG deny: undecided, naming the rule and its condition', async () => {
    const { app: v } = await app({
      'main.bicep': `param allowKms bool\n${spoke('Deny')}${ADMIN('AlwaysAllow', 'allowKms')}`,
    })
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(
      /security admin rule kmsRule may not be deployed: its condition allowKms cannot be evaluated .*if it is, it is AlwaysAllow, which can let KMS through/,
    )
  })

  test('known true: the AlwaysAllow decides; known false: the NSG deny decides', async () => {
    const on = await app({
      'main.bicep': `param allowKms bool = true\n${spoke('Deny')}${ADMIN('AlwaysAllow', 'allowKms')}`,
    })
    expect(on.app.state).toBe('reachable')
    const off = await app({
      'main.bicep': `param allowKms bool = false\n${spoke('Deny')}${ADMIN('AlwaysAllow', 'allowKms')}`,
    })
    expect(off.app.state).toBe('blocked')
  })

  test('a Deny under the same condition is judged as deployed (stricter): it blocks although the NSG allows', async () => {
    const { app: v } = await app({
      'main.bicep': `param denyKms bool\n${spoke('Allow')}${ADMIN('Deny', 'denyKms')}`,
    })
    expect(v.state).toBe('blocked')
    expect(v.hop).toMatch(/security admin rule kms-deny/)
  })
})

describe('Terraform: an NSG allow rule whose count cannot be evaluated', () => {
  const tf = (tfvars?: string) => ({
    'main.tf': `
variable "allow_kms" {
  type = bool
}

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

resource "azurerm_network_security_group" "app" {
  name                = "nsg-app"
  location            = "westeurope"
  resource_group_name = "rg-spoke"

  security_rule {
    name                       = "deny-kms"
    priority                   = 200
    direction                  = "Outbound"
    access                     = "Deny"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "1688"
    source_address_prefix      = "*"
    destination_address_prefix = "Internet"
  }
}

resource "azurerm_network_security_rule" "allow_kms" {
  count                       = var.allow_kms ? 1 : 0
  name                        = "allow-kms"
  resource_group_name         = "rg-spoke"
  network_security_group_name = azurerm_network_security_group.app.name
  priority                    = 100
  direction                   = "Outbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "1688"
  source_address_prefix       = "*"
  destination_address_prefixes = ["20.118.99.224/32", "40.83.235.53/32"]
}

${TF_APP_INTERNET_WITH_NSG}`,
    ...(tfvars ? { 'terraform.tfvars': tfvars } : {}),
  })

  test('var.allow_kms unknown: undecided, naming the rule and its count', async () => {
    const { app: v } = await app(tf())
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(
      /NSG rule azurerm_network_security_rule\.allow_kms\[\*\] may not be deployed: its count or for_each cannot be evaluated/,
    )
  })

  test('true: the allow decides; false: the deny decides', async () => {
    expect((await app(tf('allow_kms = true\n'))).app.state).toBe('reachable')
    expect((await app(tf('allow_kms = false\n'))).app.state).toBe('blocked')
  })
})

describe('a route to Internet around a forced tunnel, behind a condition', () => {
  const bicep = (param: string) => `${param}
param location string = 'westeurope'

resource rtApp 'Microsoft.Network/routeTables@2023-09-01' = {
  name: 'rt-app'
  location: location
  properties: {
    disableBgpRoutePropagation: true
    routes: [ { name: 'forced-tunnel', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualNetworkGateway' } } ]
  }
}

resource kmsBypass 'Microsoft.Network/routeTables/routes@2023-09-01' = [for (ip, i) in ['20.118.99.224', '40.83.235.53']: if (bypassKms) {
  parent: rtApp
  name: 'kms-\${i}'
  properties: { addressPrefix: '\${ip}/32', nextHopType: 'Internet' }
}]

resource vnetSpoke 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-spoke'
  location: location
  properties: {
    addressSpace: { addressPrefixes: ['10.1.0.0/16'] }
    subnets: [ { name: 'snet-app', properties: { addressPrefix: '10.1.1.0/24', routeTable: { id: rtApp.id } } } ]
  }
}
`

  test('bypassKms unknown: undecided (not reachable), naming the route and its condition', async () => {
    const { app: v } = await app({ 'main.bicep': bicep('param bypassKms bool') })
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(
      /route kmsBypass\[0\] may not be deployed: its condition bypassKms cannot be evaluated/,
    )
  })

  test('known false: the forced tunnel decides; known true: the bypass does', async () => {
    expect((await app({ 'main.bicep': bicep('param bypassKms bool = false') })).app.state).toBe('blocked')
    expect((await app({ 'main.bicep': bicep('param bypassKms bool = true') })).app.state).toBe('reachable')
  })
})

describe('Terraform: a firewall rule collection group allowing KMS whose count cannot be evaluated', () => {
  const rcg = (name: string, priority: number, rules: string, count = '') => `
resource "azurerm_firewall_policy_rule_collection_group" "${name}" {${count}
  name               = "rcg-${name}"
  firewall_policy_id = azurerm_firewall_policy.hub.id
  priority           = ${priority}
${rules}
}
`
  const tf = (tfvars?: string) => ({
    'main.tf': `${TF_SPOKE_APP}${TF_HUB_VNET}
variable "allow_kms" {
  type = bool
}

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
${rcg('platform', 100, TF_RULES_DNS_ONLY)}${rcg('kms', 200, tfRulesKmsAllowed(['20.118.99.224', '40.83.235.53']), '\n  count              = var.allow_kms ? 1 : 0')}
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

resource "azurerm_route_table" "app" {
  name                = "rt-app"
  location            = "westeurope"
  resource_group_name = "rg-spoke"

  route {
    name                   = "default-to-firewall"
    address_prefix         = "0.0.0.0/0"
    next_hop_type          = "VirtualAppliance"
    next_hop_in_ip_address = azurerm_firewall.hub.ip_configuration[0].private_ip_address
  }
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.app.id
}
`,
    ...(tfvars ? { 'terraform.tfvars': tfvars } : {}),
  })

  test('var.allow_kms unknown: undecided, naming the rule collection and its count', async () => {
    const { app: v } = await app(tf())
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(
      /firewall rule collection azurerm_firewall_policy_rule_collection_group\.kms\[\*\]\S* may not be deployed: its count or for_each cannot be evaluated/,
    )
  })

  test('true: the KMS rule lets it through; false: the DNS-only policy blocks it', async () => {
    expect((await app(tf('allow_kms = true\n'))).app.state).toBe('reachable')
    expect((await app(tf('allow_kms = false\n'))).app.state).toBe('blocked')
  })
})
