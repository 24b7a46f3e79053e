/**
 * Sample objects and fix text for docs/rules.md: what the fix of each rule looks like in each format,
 * on objects named as that format's source would name them.
 */
import type {
  AzureFirewall,
  FirewallPolicy,
  ModelObject,
  NsgRule,
  RouteTable,
  SourceFormat,
  Subnet,
} from '../../model/network'
import { known } from '../../model/value'

/** The formats docs show fixes and examples in, with their labels. */
export const DOC_FORMATS: { format: SourceFormat; label: string }[] = [
  { format: 'terraform', label: 'Terraform' },
  { format: 'bicep', label: 'Bicep' },
  { format: 'arm', label: 'ARM JSON' },
]

/** A sample object as each format's source would name it (Terraform address, Bicep symbol, ARM name). */
function sample(
  format: SourceFormat,
  types: { terraform: string; arm: string },
  name: string,
  names: { terraform: string; bicep: string },
): ModelObject {
  const origin = { file: 'main', startLine: 1, endLine: 1 }
  const sourceType = format === 'terraform' ? types.terraform : types.arm
  const address = format === 'terraform' ? names.terraform : format === 'bicep' ? names.bicep : name
  return { id: address, name: known(name), origin, format, sourceType, address }
}

export interface SampleFixText {
  text: string
  /** Fence language when it is not the format's own (commands). */
  lang?: string
}

/**
 * Fix text that no finding carries, for the docs: setting an unresolved value (KMS011) and checking a file
 * that cannot be read (KMS012).
 */
export const SAMPLE_FIX_TEXT: Record<
  'unresolved' | 'unparsed' | 'adminRule',
  Partial<Record<SourceFormat, SampleFixText>>
> = {
  unresolved: {
    terraform: {
      text: [
        'variable "default_next_hop" {',
        '  type    = string',
        '  default = "Internet"',
        '}',
        '',
        '# or pass the var file the pipeline uses: var-files: envs/prod.tfvars',
      ].join('\n'),
    },
    bicep: {
      text: [
        "param defaultNextHop string = 'Internet'",
        '',
        '// or a main.bicepparam beside the template:',
        "// using 'main.bicep'",
        "// param defaultNextHop = 'Internet'",
      ].join('\n'),
    },
    arm: {
      text: [
        '"parameters": {',
        '  "defaultNextHop": {',
        '    "type": "string",',
        '    "defaultValue": "Internet"',
        '  }',
        '}',
        '// or set it in azuredeploy.parameters.json: "defaultNextHop": { "value": "Internet" }',
      ].join('\n'),
    },
  },
  adminRule: {
    terraform: {
      text: [
        'resource "azurerm_network_manager_admin_rule" "allow_kms" {',
        '  name                     = "allow-azure-kms"',
        '  admin_rule_collection_id = azurerm_network_manager_admin_rule_collection.egress.id',
        '  action                   = "AlwaysAllow"',
        '  direction                = "Outbound"',
        '  priority                 = 10',
        '  protocol                 = "Tcp"',
        '  destination_port_ranges  = ["1688"]',
        '',
        '  destination {',
        '    address_prefix_type = "IPPrefix"',
        '    address_prefix      = "20.118.99.224/32"',
        '  }',
        '',
        '  destination {',
        '    address_prefix_type = "IPPrefix"',
        '    address_prefix      = "40.83.235.53/32"',
        '  }',
        '}',
      ].join('\n'),
    },
    bicep: {
      text: [
        "resource allowKms 'Microsoft.Network/networkManagers/securityAdminConfigurations/ruleCollections/rules@2023-09-01' = {",
        '  parent: rcEgress',
        "  name: 'allow-azure-kms'",
        "  kind: 'Custom'",
        '  properties: {',
        "    access: 'AlwaysAllow'",
        "    direction: 'Outbound'",
        '    priority: 10',
        "    protocol: 'Tcp'",
        "    destinations: [{ addressPrefixType: 'IPPrefix', addressPrefix: '20.118.99.224/32' }, { addressPrefixType: 'IPPrefix', addressPrefix: '40.83.235.53/32' }]",
        "    destinationPortRanges: ['1688']",
        '  }',
        '}',
      ].join('\n'),
    },
    arm: {
      text: [
        '{',
        '  "type": "Microsoft.Network/networkManagers/securityAdminConfigurations/ruleCollections/rules",',
        '  "apiVersion": "2023-09-01",',
        '  "name": "avnm-corp/sac-baseline/rc-egress/allow-azure-kms",',
        '  "kind": "Custom",',
        '  "properties": {',
        '    "access": "AlwaysAllow",',
        '    "direction": "Outbound",',
        '    "priority": 10,',
        '    "protocol": "Tcp",',
        '    "destinations": [',
        '      { "addressPrefixType": "IPPrefix", "addressPrefix": "20.118.99.224/32" },',
        '      { "addressPrefixType": "IPPrefix", "addressPrefix": "40.83.235.53/32" }',
        '    ],',
        '    "destinationPortRanges": ["1688"]',
        '  }',
        '}',
      ].join('\n'),
    },
  },
  unparsed: {
    terraform: { text: 'terraform fmt -check\nterraform validate', lang: 'sh' },
    bicep: { text: 'az bicep build --file main.bicep', lang: 'sh' },
    arm: {
      text: 'az deployment group validate --resource-group <resource group> --template-file azuredeploy.json',
      lang: 'sh',
    },
  },
}

export interface SampleObjects {
  table: RouteTable
  firewall: AzureFirewall
  policy: FirewallPolicy
  deny: NsgRule
  subnet: Subnet
}

/** A spoke route table, a hub firewall and its policy, an NSG deny rule and a subnet, in `format`. */
export function sampleObjects(format: SourceFormat): SampleObjects {
  const table: RouteTable = {
    ...sample(
      format,
      { terraform: 'azurerm_route_table', arm: 'Microsoft.Network/routeTables' },
      'rt-spoke',
      { terraform: 'azurerm_route_table.spoke', bicep: 'rtSpoke' },
    ),
    routes: [],
    bgpRoutePropagation: known(true),
  }
  const firewall: AzureFirewall = {
    ...sample(format, { terraform: 'azurerm_firewall', arm: 'Microsoft.Network/azureFirewalls' }, 'afw-hub', {
      terraform: 'azurerm_firewall.hub',
      bicep: 'afwHub',
    }),
    privateIpAddress: known('10.0.1.4'),
    classicCollections: [],
    forcedTunnelling: false,
  }
  const policy: FirewallPolicy = {
    ...sample(
      format,
      { terraform: 'azurerm_firewall_policy', arm: 'Microsoft.Network/firewallPolicies' },
      'afwp-hub',
      { terraform: 'azurerm_firewall_policy.hub', bicep: 'afwpHub' },
    ),
    ruleCollectionGroups: [],
  }
  const deny: NsgRule = {
    ...sample(
      format,
      { terraform: 'azurerm_network_security_group', arm: 'Microsoft.Network/networkSecurityGroups' },
      'deny-internet-out',
      { terraform: 'azurerm_network_security_group.app', bicep: 'nsgApp' },
    ),
    nsgId: 'nsg',
    priority: known(4000),
    direction: known('Outbound'),
    access: known('Deny'),
    protocol: known('*'),
    sourceAddressPrefixes: known(['*']),
    destinationAddressPrefixes: known(['Internet']),
    destinationPortRanges: known(['*']),
  }
  const subnet: Subnet = {
    ...sample(
      format,
      { terraform: 'azurerm_subnet', arm: 'Microsoft.Network/virtualNetworks/subnets' },
      'snet-app',
      { terraform: 'azurerm_subnet.app', bicep: 'vnetSpoke' },
    ),
    addressPrefixes: known(['10.1.0.0/24']),
  }
  return { table, firewall, policy, deny, subnet }
}
