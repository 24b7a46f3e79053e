/**
 * What each bad rule example must report, by `<rule> <format>: <description>`: every finding of its rule,
 * with the resource it names, the file and lines it points at (the deciding route, rule or subnet), a
 * line of that region that shows which object it is, and the KMS addresses it is about. A new bad
 * example needs its entry here (test/rules/examples.test.ts checks that every one has).
 */
export interface ExpectedFinding {
  resource: string
  file: string
  /** Start and end line of the finding's location. */
  lines: [number, number]
  /** A line (trimmed) inside those lines: the name of the object the finding points at. */
  shows: string
  kmsAddresses: string[]
}

export const EXAMPLE_FINDINGS: Record<string, ExpectedFinding[]> = {
  'KMS001 terraform: Forced tunnel with no KMS bypass routes.': [
    {
      resource: 'azurerm_route_table.spoke',
      file: 'main.tf',
      lines: [38, 42],
      shows: 'name           = "default-to-onprem"',
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS001 terraform: Forced tunnel that bypasses only the old KMS address.': [
    {
      resource: 'azurerm_route_table.spoke',
      file: 'main.tf',
      lines: [38, 42],
      shows: 'name           = "default-to-onprem"',
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS001 bicep: Forced tunnel with no KMS bypass routes.': [
    {
      resource: 'rtSpoke',
      file: 'main.bicep',
      lines: [9, 15],
      shows: "name: 'default-to-onprem'",
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS001 bicep: Forced tunnel that bypasses only the old KMS address.': [
    {
      resource: 'rtSpoke',
      file: 'main.bicep',
      lines: [9, 15],
      shows: "name: 'default-to-onprem'",
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS001 arm: Forced tunnel with no KMS bypass routes.': [
    {
      resource: 'Microsoft.Network/routeTables/rt-spoke',
      file: 'azuredeploy.json',
      lines: [19, 25],
      shows: '"name": "default-to-onprem",',
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS001 arm: Forced tunnel that bypasses only the old KMS address.': [
    {
      resource: 'Microsoft.Network/routeTables/rt-spoke',
      file: 'azuredeploy.json',
      lines: [19, 25],
      shows: '"name": "default-to-onprem",',
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS002 terraform: An isolated subnet whose default route drops everything, KMS included.': [
    {
      resource: 'azurerm_route_table.spoke',
      file: 'main.tf',
      lines: [38, 42],
      shows: 'name           = "blackhole-internet"',
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS002 bicep: An isolated subnet whose default route drops everything, KMS included.': [
    {
      resource: 'rtSpoke',
      file: 'main.bicep',
      lines: [9, 15],
      shows: "name: 'blackhole-internet'",
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS002 bicep: KMS addresses sent to VnetLocal, where no KMS lives.': [
    {
      resource: 'rtSpoke',
      file: 'main.bicep',
      lines: [9, 15],
      shows: "name: 'kms-local'",
      kmsAddresses: ['20.118.99.224'],
    },
    {
      resource: 'rtSpoke',
      file: 'main.bicep',
      lines: [16, 22],
      shows: "name: 'kms-local-2'",
      kmsAddresses: ['40.83.235.53'],
    },
  ],
  'KMS002 arm: An isolated subnet whose default route drops everything, KMS included.': [
    {
      resource: 'Microsoft.Network/routeTables/rt-spoke',
      file: 'azuredeploy.json',
      lines: [19, 25],
      shows: '"name": "blackhole-internet",',
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS003 terraform: Spoke traffic goes to the hub firewall, which only allows HTTPS.': [
    {
      resource: 'azurerm_route_table.spoke',
      file: 'main.tf',
      lines: [38, 43],
      shows: 'name           = "default-via-firewall"',
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS003 bicep: Spoke traffic goes to the hub firewall, which only allows HTTPS.': [
    {
      resource: 'rtSpoke',
      file: 'main.bicep',
      lines: [9, 16],
      shows: "name: 'default-via-firewall'",
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS003 bicep: A deny-all collection is processed before the KMS allow.': [
    {
      resource: 'rtSpoke',
      file: 'main.bicep',
      lines: [9, 16],
      shows: "name: 'default-via-firewall'",
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS003 arm: Spoke traffic goes to the hub firewall, which only allows HTTPS.': [
    {
      resource: 'Microsoft.Network/routeTables/rt-spoke',
      file: 'azuredeploy.json',
      lines: [20, 27],
      shows: '"name": "default-via-firewall",',
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS003 arm: A deny-all collection is processed before the KMS allow.': [
    {
      resource: 'Microsoft.Network/routeTables/rt-spoke',
      file: 'azuredeploy.json',
      lines: [20, 27],
      shows: '"name": "default-via-firewall",',
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS004 terraform: Everything goes to a third-party appliance at 10.0.2.4.': [
    {
      resource: 'azurerm_route_table.spoke',
      file: 'main.tf',
      lines: [38, 43],
      shows: 'name           = "default-via-nva"',
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS004 bicep: Everything goes to a third-party appliance at 10.0.2.4.': [
    {
      resource: 'rtSpoke',
      file: 'main.bicep',
      lines: [9, 16],
      shows: "name: 'default-via-nva'",
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS004 arm: Everything goes to a third-party appliance at 10.0.2.4.': [
    {
      resource: 'Microsoft.Network/routeTables/rt-spoke',
      file: 'azuredeploy.json',
      lines: [19, 26],
      shows: '"name": "default-via-nva",',
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS005 terraform: A forced-tunnel bypass written before the KMS move.': [
    {
      resource: 'azurerm_route_table.spoke',
      file: 'main.tf',
      lines: [44, 48],
      shows: 'name           = "kms-23-102-135-246"',
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS005 bicep: A forced-tunnel bypass written before the KMS move.': [
    {
      resource: 'rtSpoke',
      file: 'main.bicep',
      lines: [16, 22],
      shows: "name: 'kms-23-102-135-246'",
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS005 arm: A forced-tunnel bypass written before the KMS move.': [
    {
      resource: 'Microsoft.Network/routeTables/rt-spoke',
      file: 'azuredeploy.json',
      lines: [26, 32],
      shows: '"name": "kms-23-102-135-246",',
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS006 terraform: Forced tunnel with KMS bypass routes, but the NSG denies outbound Internet.': [
    {
      resource: 'azurerm_network_security_group.app',
      file: 'main.tf',
      lines: [73, 83],
      shows: 'name                         = "deny-internet-out"',
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS006 bicep: Forced tunnel with KMS bypass routes, but the NSG denies outbound Internet.': [
    {
      resource: 'nsgApp',
      file: 'main.bicep',
      lines: [46, 58],
      shows: "name: 'deny-internet-out'",
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS006 arm: Forced tunnel with KMS bypass routes, but the NSG denies outbound Internet.': [
    {
      resource: 'Microsoft.Network/networkSecurityGroups/nsg-app',
      file: 'azuredeploy.json',
      lines: [57, 69],
      shows: '"name": "deny-internet-out",',
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS007 terraform: The policy allows azkms.core.windows.net by name, DNS proxy off.': [
    {
      resource: 'azurerm_firewall_policy_rule_collection_group.hub',
      file: 'main.tf',
      lines: [89, 95],
      shows: 'name              = "azure-kms"',
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS007 bicep: The policy allows azkms.core.windows.net by name, DNS proxy off.': [
    {
      resource: 'rcgEgress',
      file: 'main.bicep',
      lines: [99, 114],
      shows: "name: 'allow-azure-kms'",
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS007 arm: The policy allows azkms.core.windows.net by name, DNS proxy off.': [
    {
      resource: 'Microsoft.Network/firewallPolicies/ruleCollectionGroups/afwp-hub/rcg-egress',
      file: 'azuredeploy.json',
      lines: [112, 119],
      shows: '"name": "allow-azure-kms",',
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS008 terraform: A private subnet with nothing to take traffic out.': [
    {
      resource: 'azurerm_subnet.app',
      file: 'main.tf',
      lines: [26, 32],
      shows: 'name                 = "snet-app"',
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS008 bicep: A private subnet with nothing to take traffic out.': [
    {
      resource: 'vnetSpoke',
      file: 'main.bicep',
      lines: [13, 19],
      shows: "name: 'snet-app'",
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS008 arm: A private subnet with nothing to take traffic out.': [
    {
      resource: 'Microsoft.Network/virtualNetworks/vnet-spoke',
      file: 'azuredeploy.json',
      lines: [21, 27],
      shows: '"name": "snet-app",',
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS009 terraform: Only the current addresses are bypassed.': [
    {
      resource: 'azurerm_route_table.spoke',
      file: 'main.tf',
      lines: [33, 55],
      shows: 'name                = "rt-spoke"',
      kmsAddresses: ['23.102.135.246'],
    },
  ],
  'KMS009 bicep: Only the current addresses are bypassed.': [
    {
      resource: 'rtSpoke',
      file: 'main.bicep',
      lines: [3, 32],
      shows: "name: 'rt-spoke'",
      kmsAddresses: ['23.102.135.246'],
    },
  ],
  'KMS009 arm: Only the current addresses are bypassed.': [
    {
      resource: 'Microsoft.Network/routeTables/rt-spoke',
      file: 'azuredeploy.json',
      lines: [11, 42],
      shows: '"name": "rt-spoke",',
      kmsAddresses: ['23.102.135.246'],
    },
  ],
  'KMS010 terraform: A public-cloud network with the US Government KMS bypass copied in.': [
    {
      resource: 'azurerm_route_table.spoke',
      file: 'main.tf',
      lines: [56, 60],
      shows: 'name           = "kms-52-126-105-2"',
      kmsAddresses: ['52.126.105.2', '23.97.0.13'],
    },
  ],
  'KMS010 bicep: A public-cloud network with the US Government KMS bypass copied in.': [
    {
      resource: 'rtSpoke',
      file: 'main.bicep',
      lines: [30, 36],
      shows: "name: 'kms-52-126-105-2'",
      kmsAddresses: ['52.126.105.2', '23.97.0.13'],
    },
  ],
  'KMS010 bicep: An NSG rule allowing KMS names the US Government addresses.': [
    {
      resource: 'nsgApp',
      file: 'main.bicep',
      lines: [8, 23],
      shows: "name: 'allow-azure-kms'",
      kmsAddresses: ['52.126.105.2', '23.97.0.13'],
    },
  ],
  'KMS010 arm: A public-cloud network with the US Government KMS bypass copied in.': [
    {
      resource: 'Microsoft.Network/routeTables/rt-spoke',
      file: 'azuredeploy.json',
      lines: [40, 46],
      shows: '"name": "kms-52-126-105-2",',
      kmsAddresses: ['52.126.105.2', '23.97.0.13'],
    },
  ],
  'KMS010 arm: An NSG rule allowing KMS names the US Government addresses.': [
    {
      resource: 'Microsoft.Network/networkSecurityGroups/nsg-app',
      file: 'azuredeploy.json',
      lines: [18, 30],
      shows: '"name": "allow-azure-kms",',
      kmsAddresses: ['52.126.105.2', '23.97.0.13'],
    },
  ],
  'KMS011 terraform: The default route’s next hop comes from a variable with no value.': [
    {
      resource: 'azurerm_route_table.spoke',
      file: 'main.tf',
      lines: [45, 45],
      shows: 'next_hop_type  = var.default_next_hop',
      kmsAddresses: ['20.118.99.224', '40.83.235.53', '23.102.135.246'],
    },
  ],
  'KMS011 bicep: The default route’s next hop comes from a parameter with no default and no parameter file.':
    [
      {
        resource: 'rtSpoke',
        file: 'main.bicep',
        lines: [16, 16],
        shows: 'nextHopType: defaultNextHop',
        kmsAddresses: ['20.118.99.224', '40.83.235.53', '23.102.135.246'],
      },
    ],
  // The module may also add routes to rt-spoke or give the subnet an NSG (src/sources/mapping/may-change.ts):
  // that, not the next hop it outputs, is the first hop the scan cannot follow.
  // One finding per part and line: the module names the subnets it leaves undecided, and why.
  'KMS011 bicep: The next hop address is an output of a registry module the scan cannot read.': [
    {
      resource: 'hubFirewall',
      file: 'main.bicep',
      lines: [3, 8],
      shows: "name: 'hub-firewall'",
      kmsAddresses: ['20.118.99.224', '40.83.235.53', '23.102.135.246'],
    },
  ],
  'KMS011 arm: The default route’s next hop comes from a parameter with no default value.': [
    {
      resource: 'Microsoft.Network/routeTables/rt-spoke',
      file: 'azuredeploy.json',
      lines: [26, 26],
      shows: '"nextHopType": "[parameters(\'defaultNextHop\')]"',
      kmsAddresses: ['20.118.99.224', '40.83.235.53', '23.102.135.246'],
    },
  ],
  'KMS011 arm: The next hop address is read with reference() from a firewall in another resource group.': [
    {
      resource: 'Microsoft.Network/routeTables/rt-spoke',
      file: 'azuredeploy.json',
      lines: [24, 24],
      shows:
        "\"nextHopIpAddress\": \"[reference(resourceId('rg-hub', 'Microsoft.Network/azureFirewalls', 'afw-hub'), '2023-09-01').ipConfigurations[0].properties.privateIPAddress]\"",
      kmsAddresses: ['20.118.99.224', '40.83.235.53', '23.102.135.246'],
    },
  ],
  'KMS012 terraform: A route table block that is never closed.': [
    {
      resource: 'main.tf',
      file: 'main.tf',
      lines: [35, 35],
      shows: 'location            = azurerm_resource_group.net.location',
      kmsAddresses: [],
    },
  ],
  'KMS012 bicep: A route whose property line was half written.': [
    {
      resource: 'main.bicep',
      file: 'main.bicep',
      lines: [12, 12],
      shows: "addressPrefix: '0.0.0.0/0' 'Internet'",
      kmsAddresses: [],
    },
  ],
  'KMS012 arm: A deployment template with a missing comma.': [
    {
      resource: 'azuredeploy.json',
      file: 'azuredeploy.json',
      lines: [23, 23],
      shows: '"nextHopType": "Internet"',
      kmsAddresses: [],
    },
  ],
  'KMS013 terraform: A deny-all outbound NSG on a subnet with default routing.': [
    {
      resource: 'azurerm_network_security_group.app',
      file: 'main.tf',
      lines: [38, 48],
      shows: 'name                         = "deny-internet-out"',
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS013 bicep: A deny-all outbound NSG on a subnet with default routing.': [
    {
      resource: 'nsgApp',
      file: 'main.bicep',
      lines: [8, 20],
      shows: "name: 'deny-internet-out'",
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS013 arm: A deny-all outbound NSG on a subnet with default routing.': [
    {
      resource: 'Microsoft.Network/networkSecurityGroups/nsg-app',
      file: 'azuredeploy.json',
      lines: [18, 30],
      shows: '"name": "deny-internet-out",',
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS014 terraform: The spoke uses the hub’s VPN gateway (use_remote_gateways); the gateway speaks BGP and snet-app has no route table, so whatever on-premises advertises reaches it.':
    [
      {
        resource: 'azurerm_subnet.app',
        file: 'main.tf',
        lines: [26, 31],
        shows: 'name                 = "snet-app"',
        kmsAddresses: ['20.118.99.224', '40.83.235.53'],
      },
    ],
  'KMS014 bicep: The spoke uses the hub’s VPN gateway, which speaks BGP; snet-app has no route table.': [
    {
      resource: 'vnetSpoke',
      file: 'main.bicep',
      lines: [13, 18],
      shows: "name: 'snet-app'",
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS014 arm: The spoke uses the hub’s ExpressRoute gateway; snet-app has no route table.': [
    {
      resource: 'Microsoft.Network/virtualNetworks/vnet-spoke',
      file: 'azuredeploy.json',
      lines: [21, 26],
      shows: '"name": "snet-app",',
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
  'KMS015 terraform: The network manager’s baseline denies outbound Internet on every port for the spoke VNets.':
    [
      {
        resource: 'azurerm_network_manager_admin_rule.egress',
        file: 'main.tf',
        lines: [68, 81],
        shows: 'name                     = "deny-internet-out"',
        kmsAddresses: ['20.118.99.224', '40.83.235.53'],
      },
    ],
  'KMS015 bicep: A baseline admin rule denies outbound Internet; the commit is done by the pipeline (not in the template), so the verdict names it too.':
    [
      {
        resource: 'denyInternetOut',
        file: 'main.bicep',
        lines: [70, 98],
        shows: "name: 'deny-internet-out'",
        kmsAddresses: ['20.118.99.224', '40.83.235.53'],
      },
    ],
  'KMS015 arm: A baseline admin rule denies outbound Internet on every port.': [
    {
      resource:
        'Microsoft.Network/networkManagers/securityAdminConfigurations/ruleCollections/rules/avnm-corp/sac-baseline/rc-egress/deny-internet-out',
      file: 'azuredeploy.json',
      lines: [82, 110],
      shows: '"name": "avnm-corp/sac-baseline/rc-egress/deny-internet-out",',
      kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    },
  ],
}
