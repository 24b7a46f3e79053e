/**
 * KMS015: an Azure Virtual Network Manager security admin rule denies outbound TCP 1688 to a current KMS
 * address for a subnet's VNet. Admin rules are evaluated before NSGs: no NSG rule can allow it back.
 */
import { displayName } from '../analysis/lookup'
import type { KmsPath } from '../analysis/types'
import type { AdminRule } from '../model/network'
import { tfBase } from './example-hcl'
import { addressesOf, groupBy, listText, makeFinding, pathParts } from './findings'
import { API, armExample, armSpokeVnet, expr, type Shape } from './example-arm'
import { bicepExample, bicepResource, bicepSpokeVnet, ref } from './example-bicep'
import type { Finding, Rule, RuleExample } from './types'

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

/** The admin rule that may deny the path: deciding (blocked) or open (a Deny that may apply). */
function denyingRule(p: KmsPath): { rule: AdminRule; sure: boolean } | undefined {
  const a = p.securityAdmin
  if (!a) return undefined
  if (a.access === 'Deny' && a.rule && p.verdict === 'blocked') return { rule: a.rule, sure: true }
  // A Deny that decides while Azure's platform exception for KMS may be in force: undecided, named.
  if (a.access === 'Deny' && a.rule && p.verdict === 'unknown') return { rule: a.rule, sure: false }
  const open = a.open.find((o) => o.access === 'Deny')
  if (open && p.verdict === 'unknown') return { rule: open.rule, sure: false }
  return undefined
}

export const kms015: Rule = {
  id: 'KMS015',
  title: 'A Virtual Network Manager security admin rule denies KMS traffic',
  severity: 'error',
  explanation:
    'Azure Virtual Network Manager security admin rules are evaluated before network security groups. A Deny ' +
    'that matches outbound TCP 1688 to the KMS addresses drops the traffic whatever the subnet’s NSG allows, ' +
    'so Windows VMs in the VNets of the rule’s network groups cannot activate. A rule whose configuration is ' +
    'not seen committed, or whose group gets its members from Azure Policy, may apply: it is named, and the ' +
    'subnet is undecided. Azure lets KMS out through a platform rule NSGs do not see while no route overrides ' +
    '0.0.0.0/0 (NSG overview, "Azure platform considerations"); whether that rule also passes a security admin ' +
    'Deny is not documented, so there the Deny is named and the subnet is undecided.',
  fix:
    'Add a security admin rule with a lower priority number that lets TCP 1688 to the KMS addresses out: ' +
    '`AlwaysAllow` (the NSG is not consulted) or `Allow` (the NSG decides). Then commit the configuration.',
  examples: EXAMPLES,
  check(ctx) {
    const findings: Finding[] = []
    const paths = ctx.analysis.paths.filter((p) => p.kms.kind === 'current' && denyingRule(p))
    for (const group of groupBy(paths, (p) => denyingRule(p)!.rule.id).values()) {
      const { rule, sure } = denyingRule(group[0]!)!
      const parts = pathParts(group)
      const who = parts.subnets?.length ? `Windows VMs in ${listText(parts.subnets)}` : 'Windows VMs'
      const message = sure
        ? `Security admin rule ${displayName(rule)} (Azure Virtual Network Manager) denies outbound TCP 1688 to ` +
          `${listText(addressesOf(group))}. Admin rules are evaluated before NSGs, so no NSG rule lets it through: ` +
          `${who} cannot activate Windows. Add a higher-priority admin rule (lower number) that allows TCP 1688 ` +
          'to the KMS addresses (AlwaysAllow, or Allow to let the NSG decide), and commit the configuration.'
        : `Security admin rule ${displayName(rule)} (Azure Virtual Network Manager) denies outbound TCP 1688 to ` +
          `${listText(addressesOf(group))} if it applies to ${who.replace('Windows VMs in ', '')}: ` +
          `${group[0]!.unknowns.map((u) => u.value.reason ?? u.value.expression).join('; ')}. If it does, ` +
          'activation fails whatever the NSG allows; allow TCP 1688 to the KMS addresses in a higher-priority admin rule.'
      findings.push(makeFinding(kms015, ctx, rule, { message, kmsAddresses: addressesOf(group), ...parts }))
    }
    return findings
  },
}
