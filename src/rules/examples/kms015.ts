/**
 * KMS015's good and bad examples in Terraform, Bicep and ARM JSON: rendered into docs/rules.md and
 * run through the whole scan by test/rules/examples.test.ts. Not rule logic: the rule is in
 * ../kms015-admin-rule-denies.ts.
 */
import { tfBase } from './hcl'
import { API, armExample, armSpokeVnet, expr, type Shape } from './arm'
import { bicepExample, bicepResource, bicepSpokeVnet, ref } from './bicep'
import type { RuleExample } from './types'

// ---- examples: a network manager whose baseline denies outbound Internet on every port --------------

const tfManager = (action: string, ports: string) => `
data "azurerm_subscription" "current" {}

resource "azurerm_network_manager" "corp" {
  name                = "avnm-corp"
  location            = azurerm_resource_group.net.location
  resource_group_name = azurerm_resource_group.net.name
  scope_accesses      = ["SecurityAdmin"]

  scope {
    subscription_ids = [data.azurerm_subscription.current.id]
  }
}

resource "azurerm_network_manager_network_group" "spokes" {
  name               = "ng-spokes"
  network_manager_id = azurerm_network_manager.corp.id
}

resource "azurerm_network_manager_static_member" "spoke" {
  name                      = "sm-vnet-spoke"
  network_group_id          = azurerm_network_manager_network_group.spokes.id
  target_virtual_network_id = azurerm_virtual_network.spoke.id
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

resource "azurerm_network_manager_admin_rule" "egress" {
  name                     = "deny-internet-out"
  admin_rule_collection_id = azurerm_network_manager_admin_rule_collection.egress.id
  action                   = "${action}"
  direction                = "Outbound"
  priority                 = 100
  protocol                 = "Tcp"
  destination_port_ranges  = [${ports}]

  destination {
    address_prefix_type = "ServiceTag"
    address_prefix      = "Internet"
  }
}

resource "azurerm_network_manager_deployment" "baseline" {
  network_manager_id = azurerm_network_manager.corp.id
  location           = azurerm_resource_group.net.location
  scope_access       = "SecurityAdmin"
  configuration_ids  = [azurerm_network_manager_security_admin_configuration.baseline.id]
}
`

const bicepManager = (ports: string[]) => [
  bicepResource('avnm', 'Microsoft.Network/networkManagers', {
    name: 'avnm-corp',
    location: ref('location'),
    properties: {
      networkManagerScopes: { subscriptions: [ref('subscription().id')] },
      networkManagerScopeAccesses: ['SecurityAdmin'],
    },
  }),
  bicepResource('ngSpokes', 'Microsoft.Network/networkManagers/networkGroups', {
    parent: ref('avnm'),
    name: 'ng-spokes',
    properties: {},
  }),
  bicepResource('smSpoke', 'Microsoft.Network/networkManagers/networkGroups/staticMembers', {
    parent: ref('ngSpokes'),
    name: 'sm-vnet-spoke',
    properties: { resourceId: ref('vnetSpoke.id') },
  }),
  bicepResource('sacBaseline', 'Microsoft.Network/networkManagers/securityAdminConfigurations', {
    parent: ref('avnm'),
    name: 'sac-baseline',
    properties: {},
  }),
  bicepResource('rcEgress', 'Microsoft.Network/networkManagers/securityAdminConfigurations/ruleCollections', {
    parent: ref('sacBaseline'),
    name: 'rc-egress',
    properties: { appliesToGroups: [{ networkGroupId: ref('ngSpokes.id') }] },
  }),
  bicepResource(
    'denyInternetOut',
    'Microsoft.Network/networkManagers/securityAdminConfigurations/ruleCollections/rules',
    {
      parent: ref('rcEgress'),
      name: 'deny-internet-out',
      kind: 'Custom',
      properties: {
        access: 'Deny',
        direction: 'Outbound',
        priority: 100,
        protocol: 'Tcp',
        sources: [{ addressPrefixType: 'IPPrefix', addressPrefix: '*' }],
        destinations: [{ addressPrefixType: 'ServiceTag', addressPrefix: 'Internet' }],
        sourcePortRanges: ['0-65535'],
        destinationPortRanges: ports,
      },
    },
  ),
]

const id = (type: string, ...names: string[]) =>
  expr(`resourceId('${type}', ${names.map((n) => `'${n}'`).join(', ')})`)

const armManager = (ports: string[]): Shape[] => [
  {
    type: 'Microsoft.Network/networkManagers',
    apiVersion: API,
    name: 'avnm-corp',
    location: expr("parameters('location')"),
    properties: {
      networkManagerScopes: { subscriptions: [expr('subscription().id')] },
      networkManagerScopeAccesses: ['SecurityAdmin'],
    },
  },
  {
    type: 'Microsoft.Network/networkManagers/networkGroups',
    apiVersion: API,
    name: 'avnm-corp/ng-spokes',
    dependsOn: [id('Microsoft.Network/networkManagers', 'avnm-corp')],
    properties: {},
  },
  {
    type: 'Microsoft.Network/networkManagers/networkGroups/staticMembers',
    apiVersion: API,
    name: 'avnm-corp/ng-spokes/sm-vnet-spoke',
    dependsOn: [id('Microsoft.Network/networkManagers/networkGroups', 'avnm-corp', 'ng-spokes')],
    properties: { resourceId: id('Microsoft.Network/virtualNetworks', 'vnet-spoke') },
  },
  {
    type: 'Microsoft.Network/networkManagers/securityAdminConfigurations',
    apiVersion: API,
    name: 'avnm-corp/sac-baseline',
    dependsOn: [id('Microsoft.Network/networkManagers', 'avnm-corp')],
    properties: {},
  },
  {
    type: 'Microsoft.Network/networkManagers/securityAdminConfigurations/ruleCollections',
    apiVersion: API,
    name: 'avnm-corp/sac-baseline/rc-egress',
    dependsOn: [
      id('Microsoft.Network/networkManagers/securityAdminConfigurations', 'avnm-corp', 'sac-baseline'),
    ],
    properties: {
      appliesToGroups: [
        { networkGroupId: id('Microsoft.Network/networkManagers/networkGroups', 'avnm-corp', 'ng-spokes') },
      ],
    },
  },
  {
    type: 'Microsoft.Network/networkManagers/securityAdminConfigurations/ruleCollections/rules',
    apiVersion: API,
    name: 'avnm-corp/sac-baseline/rc-egress/deny-internet-out',
    kind: 'Custom',
    dependsOn: [
      id(
        'Microsoft.Network/networkManagers/securityAdminConfigurations/ruleCollections',
        'avnm-corp',
        'sac-baseline',
        'rc-egress',
      ),
    ],
    properties: {
      access: 'Deny',
      direction: 'Outbound',
      priority: 100,
      protocol: 'Tcp',
      sources: [{ addressPrefixType: 'IPPrefix', addressPrefix: '*' }],
      destinations: [{ addressPrefixType: 'ServiceTag', addressPrefix: 'Internet' }],
      sourcePortRanges: ['0-65535'],
      destinationPortRanges: ports,
    },
  },
]

const EXAMPLES: RuleExample[] = [
  {
    kind: 'bad',
    format: 'terraform',
    description: 'The network manager’s baseline denies outbound Internet on every port for the spoke VNets.',
    files: { 'main.tf': tfBase() + tfManager('Deny', '"0-65535"') },
  },
  {
    kind: 'good',
    format: 'terraform',
    description: 'The baseline denies only SMB and RDP outbound; KMS (1688) is not touched.',
    files: { 'main.tf': tfBase() + tfManager('Deny', '"445", "3389"') },
  },
  bicepExample(
    'bad',
    'A baseline admin rule denies outbound Internet; the commit is done by the pipeline (not in the template), so the verdict names it too.',
    [bicepSpokeVnet(), ...bicepManager(['0-65535'])],
  ),
  bicepExample('good', 'The baseline denies only SMB and RDP outbound.', [
    bicepSpokeVnet(),
    ...bicepManager(['445', '3389']),
  ]),
  armExample('bad', 'A baseline admin rule denies outbound Internet on every port.', [
    armSpokeVnet(),
    ...armManager(['0-65535']),
  ]),
  armExample('good', 'The baseline denies only SMB and RDP outbound.', [
    armSpokeVnet(),
    ...armManager(['445', '3389']),
  ]),
]

export const kms015Examples: RuleExample[] = EXAMPLES
