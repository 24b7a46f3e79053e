/**
 * An Azure Firewall deployed under a condition the scan cannot evaluate (a Terraform count, a Bicep `if`,
 * an ARM `condition`). Present, its policy decides; absent, nothing answers the route's next hop and the
 * traffic is dropped: "reachable" through it holds only where the other way agrees
 * (src/analysis/conditions.ts). A route under the same condition comes and goes with the firewall (the
 * same count text in the same module instance, in whichever file; the same `if`/`condition` text in one
 * template): both present or both absent, so that case is decided.
 */
import { scan } from '../../src/pipeline/scan'
import {
  TF_HUB_VNET,
  TF_RULES_DNS_ONLY,
  TF_SPOKE_APP,
  tfHubFirewall,
  tfRulesKmsAllowed,
} from '../helpers/hcl-network'
import { tree as treeOn } from '../helpers/tree'
import {
  ARM_FIREWALL_IP,
  ARM_SPOKE_APP,
  armHubFirewall,
  armKmsRule,
  armRid,
} from '../helpers/arm-hub-firewall'

const tree = (files: Record<string, string>) => treeOn(files, 'kms-cond-fw-')

const app = async (files: Record<string, string>) => {
  const result = await scan({ path: tree(files), cloud: 'AzureCloud', varFiles: [], workers: false })
  return result.verdict.subnets.find((s) => s.subnet === 'snet-app')!
}

const KMS = ['20.118.99.224', '40.83.235.53']

/** Both ways named: present the firewall lets KMS out, absent the route's next hop drops it. */
const FIREWALL_BOTH_WAYS =
  /firewall afw-hub \(.*\) may not be deployed: .*; if it is, KMS traffic reaches Azure KMS \(.*afw-hub.*\); if not, it is blocked \(.*afw-hub not deployed: nothing answers the next hop/

describe('Terraform: the hub firewall with `count = var.deploy_firewall ? 1 : 0`', () => {
  /**
   * firewall.tf: the hub and its firewall (under `firewallCount`, if any); spoke.tf: the spoke's table with
   * a default route to the firewall (under `routeCount`, if any).
   */
  const tf = (opts: {
    firewallCount?: string
    routeCount?: string
    kmsAllowed?: boolean
    tfvars?: string
    /** A count on the policy and its rule collection group. */
    policyCount?: string
  }) => {
    const hub = tfHubFirewall(opts.kmsAllowed === false ? TF_RULES_DNS_ONLY : tfRulesKmsAllowed(KMS))
    let firewall = opts.firewallCount
      ? hub.replace(
          'resource "azurerm_firewall" "hub" {\n',
          `resource "azurerm_firewall" "hub" {\n  count = ${opts.firewallCount}\n`,
        )
      : hub
    if (opts.policyCount)
      firewall = firewall
        .replace(
          'resource "azurerm_firewall_policy" "hub" {\n',
          `resource "azurerm_firewall_policy" "hub" {\n  count = ${opts.policyCount}\n`,
        )
        .replace(
          'resource "azurerm_firewall_policy_rule_collection_group" "platform" {\n',
          `resource "azurerm_firewall_policy_rule_collection_group" "platform" {\n  count = ${opts.policyCount}\n`,
        )
        .replace(/azurerm_firewall_policy\.hub\.id/g, 'azurerm_firewall_policy.hub[0].id')
    const fwRef = `azurerm_firewall.hub${opts.firewallCount ? '[0]' : ''}`
    return {
      'variables.tf': `
variable "deploy_firewall" {
  type        = bool
  description = "Deploy the hub firewall (off in the sandbox subscriptions)"
}

variable "inspect_egress" {
  type = bool
}
`,
      'firewall.tf': `${TF_HUB_VNET}${firewall}`,
      'spoke.tf': `${TF_SPOKE_APP}
resource "azurerm_route_table" "app" {
  name                          = "rt-app"
  location                      = "westeurope"
  resource_group_name           = "rg-spoke"
  bgp_route_propagation_enabled = false
}

resource "azurerm_route" "default" {${opts.routeCount ? `\n  count                  = ${opts.routeCount}` : ''}
  name                   = "default-via-firewall"
  resource_group_name    = "rg-spoke"
  route_table_name       = azurerm_route_table.app.name
  address_prefix         = "0.0.0.0/0"
  next_hop_type          = "VirtualAppliance"
  next_hop_in_ip_address = ${fwRef}.ip_configuration[0].private_ip_address
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.app.id
}
`,
      ...(opts.tfvars ? { 'terraform.tfvars': opts.tfvars } : {}),
    }
  }

  test('the route always there, the firewall maybe: undecided, naming the firewall, its count and both ways', async () => {
    const v = await app(tf({ firewallCount: 'var.deploy_firewall ? 1 : 0' }))
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(
      /firewall afw-hub \(azurerm_firewall\.hub\[\*\]\) may not be deployed: its count or for_each/,
    )
    expect(v.why).toMatch(FIREWALL_BOTH_WAYS)
    expect(v.resolve).toMatch(/a var file/)
  })

  test('route and firewall under the same count, in different files: one condition, decided (reachable)', async () => {
    const v = await app(
      tf({ firewallCount: 'var.deploy_firewall ? 1 : 0', routeCount: 'var.deploy_firewall ? 1 : 0' }),
    )
    expect(v.state).toBe('reachable')
  })

  test('route under another condition than the firewall: undecided (the route may point at no firewall)', async () => {
    const v = await app(
      tf({ firewallCount: 'var.deploy_firewall ? 1 : 0', routeCount: 'var.inspect_egress ? 1 : 0' }),
    )
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(FIREWALL_BOTH_WAYS)
  })

  test('the policy and its rule collections under the count of the firewall too: their Allow holds where the firewall is', async () => {
    const fw = 'var.deploy_firewall ? 1 : 0'
    const all = { firewallCount: fw, policyCount: fw }
    expect((await app(tf({ ...all, routeCount: fw }))).state).toBe('reachable')
    const always = await app(tf(all))
    expect(always.state).toBe('undecided')
    expect(always.why).toMatch(FIREWALL_BOTH_WAYS)
  })

  test('rule collections under another count than the firewall: their Allow is undecided', async () => {
    const fw = 'var.deploy_firewall ? 1 : 0'
    const v = await app(tf({ firewallCount: fw, routeCount: fw, policyCount: 'var.inspect_egress ? 1 : 0' }))
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(/firewall rule collection .* may not be deployed/)
  })

  test('known: deploy_firewall = true reaches through the firewall', async () => {
    const v = await app(
      tf({ firewallCount: 'var.deploy_firewall ? 1 : 0', tfvars: 'deploy_firewall = true\n' }),
    )
    expect(v.state).toBe('reachable')
  })

  test('negative controls: a firewall without a condition reaches; a DNS-only conditional firewall blocks either way', async () => {
    expect((await app(tf({}))).state).toBe('reachable')
    const dns = await app(tf({ firewallCount: 'var.deploy_firewall ? 1 : 0', kmsAllowed: false }))
    expect(dns.state).toBe('blocked')
    expect(dns.hop).toMatch(/firewall afw-hub/)
  })
})

/** The hub, its firewall afw-hub `if (firewallIf)` (when given), the policy allowing KMS (or only DNS). */
const bicepHub = (firewallIf: string | undefined, kmsAllowed = true, policyIf?: string) => `
resource vnetHub 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-hub'
  location: location
  properties: {
    addressSpace: { addressPrefixes: ['10.0.0.0/16'] }
    subnets: [ { name: 'AzureFirewallSubnet', properties: { addressPrefix: '10.0.1.0/26' } } ]
  }
}

resource policy 'Microsoft.Network/firewallPolicies@2023-09-01' = ${policyIf ? `if (${policyIf}) ` : ''}{
  name: 'afwp-hub'
  location: location
  properties: {}
}

resource platform 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2023-09-01' = ${policyIf ? `if (${policyIf}) ` : ''}{
  parent: policy
  name: 'rcg-platform'
  properties: {
    priority: 100
    ruleCollections: [
      {
        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'
        name: 'platform'
        priority: 100
        action: { type: 'Allow' }
        rules: [
          {
            ruleType: 'NetworkRule'
            name: '${kmsAllowed ? 'azure-kms' : 'dns'}'
            ipProtocols: ['${kmsAllowed ? 'TCP' : 'UDP'}']
            sourceAddresses: ['10.0.0.0/8']
            destinationAddresses: ${kmsAllowed ? "['20.118.99.224', '40.83.235.53']" : "['*']"}
            destinationPorts: ['${kmsAllowed ? '1688' : '53'}']
          }
        ]
      }
    ]
  }
}

resource firewall 'Microsoft.Network/azureFirewalls@2023-09-01' = ${firewallIf ? `if (${firewallIf}) ` : ''}{
  name: 'afw-hub'
  location: location
  properties: {
    sku: { name: 'AZFW_VNet', tier: 'Standard' }
    firewallPolicy: { id: policy.id }
    ipConfigurations: [
      {
        name: 'ipconfig'
        properties: {
          subnet: { id: '\${vnetHub.id}/subnets/AzureFirewallSubnet' }
        }
      }
    ]
  }
}
`

/** The spoke: rt-app with a default route to the firewall, as a child resource `if (routeIf)` when given. */
const bicepSpoke = (routeIf: string | undefined) => `
resource rtApp 'Microsoft.Network/routeTables@2023-09-01' = {
  name: 'rt-app'
  location: location
  properties: {
    disableBgpRoutePropagation: true
  }
}

resource defaultRoute 'Microsoft.Network/routeTables/routes@2023-09-01' = ${routeIf ? `if (${routeIf}) ` : ''}{
  parent: rtApp
  name: 'default-via-firewall'
  properties: {
    addressPrefix: '0.0.0.0/0'
    nextHopType: 'VirtualAppliance'
    nextHopIpAddress: firewall.properties.ipConfigurations[0].properties.privateIPAddress
  }
}

resource vnetSpoke 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-spoke'
  location: location
  properties: {
    addressSpace: { addressPrefixes: ['10.1.0.0/16'] }
    subnets: [ { name: 'snet-app', properties: { addressPrefix: '10.1.1.0/24', routeTable: { id: rtApp.id } } } ]
  }
}
`

describe('Bicep: the hub firewall `if (deployFirewall)`', () => {
  const bicep = (opts: {
    firewallIf?: string
    routeIf?: string
    kmsAllowed?: boolean
    param?: string
    policyIf?: string
  }) => ({
    'main.bicep': `param location string = 'westeurope'
${opts.param ?? 'param deployFirewall bool\nparam inspectEgress bool'}
${bicepHub(opts.firewallIf, opts.kmsAllowed, opts.policyIf)}${bicepSpoke(opts.routeIf)}`,
  })

  test('the route always there, the firewall maybe: undecided, naming the firewall, its condition and both ways', async () => {
    const v = await app(bicep({ firewallIf: 'deployFirewall' }))
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(
      /firewall afw-hub \(firewall\) may not be deployed: its condition deployFirewall cannot be evaluated/,
    )
    expect(v.why).toMatch(FIREWALL_BOTH_WAYS)
  })

  test('route and firewall under the same `if`: decided (reachable); under another: undecided', async () => {
    expect((await app(bicep({ firewallIf: 'deployFirewall', routeIf: 'deployFirewall' }))).state).toBe(
      'reachable',
    )
    expect((await app(bicep({ firewallIf: 'deployFirewall', routeIf: 'inspectEgress' }))).state).toBe(
      'undecided',
    )
  })

  test('policy and rule collection group `if (deployFirewall)` too: decided with the route under it', async () => {
    const all = { firewallIf: 'deployFirewall', policyIf: 'deployFirewall' }
    expect((await app(bicep({ ...all, routeIf: 'deployFirewall' }))).state).toBe('reachable')
    const other = await app(bicep({ ...all, routeIf: 'deployFirewall', policyIf: 'inspectEgress' }))
    expect(other.state).toBe('undecided')
    expect(other.why).toMatch(/firewall rule collection .* may not be deployed/)
  })

  test('negative controls: no condition reaches; a known true reaches; DNS-only blocks either way', async () => {
    expect((await app(bicep({}))).state).toBe('reachable')
    expect(
      (await app(bicep({ firewallIf: 'deployFirewall', param: 'param deployFirewall bool = true' }))).state,
    ).toBe('reachable')
    expect((await app(bicep({ firewallIf: 'deployFirewall', kmsAllowed: false }))).state).toBe('blocked')
  })
})

/** The same as an ARM template: the firewall and (optionally) the default route carry a `condition`. */
const armTemplate = (opts: {
  firewallCondition?: string
  routeCondition?: string
  deployFirewall?: object
}) =>
  JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: {
        location: { type: 'string', defaultValue: 'westeurope' },
        deployFirewall: { type: 'bool', ...opts.deployFirewall },
        inspectEgress: { type: 'bool' },
      },
      resources: [
        ...armHubFirewall({ rules: [armKmsRule(KMS)], firewallCondition: opts.firewallCondition }),
        {
          type: 'Microsoft.Network/routeTables',
          apiVersion: '2023-09-01',
          name: 'rt-app',
          location: "[parameters('location')]",
          properties: { disableBgpRoutePropagation: true },
        },
        {
          ...(opts.routeCondition ? { condition: opts.routeCondition } : {}),
          type: 'Microsoft.Network/routeTables/routes',
          apiVersion: '2023-09-01',
          name: 'rt-app/default-via-firewall',
          properties: {
            addressPrefix: '0.0.0.0/0',
            nextHopType: 'VirtualAppliance',
            nextHopIpAddress: ARM_FIREWALL_IP,
          },
          dependsOn: [armRid('Microsoft.Network/routeTables', 'rt-app')],
        },
        ARM_SPOKE_APP,
      ],
    },
    null,
    2,
  )

describe("ARM: the hub firewall with condition [parameters('deployFirewall')]", () => {
  const DEPLOY = "[parameters('deployFirewall')]"
  test('the route always there: undecided, naming the firewall and both ways', async () => {
    const v = await app({ 'azuredeploy.json': armTemplate({ firewallCondition: DEPLOY }) })
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(
      /firewall afw-hub .* may not be deployed: its condition \[parameters\('deployFirewall'\)\]/,
    )
    expect(v.why).toMatch(FIREWALL_BOTH_WAYS)
  })

  test('the route under the same condition: decided (reachable); under another: undecided', async () => {
    const same = armTemplate({ firewallCondition: DEPLOY, routeCondition: DEPLOY })
    expect((await app({ 'azuredeploy.json': same })).state).toBe('reachable')
    const other = armTemplate({ firewallCondition: DEPLOY, routeCondition: "[parameters('inspectEgress')]" })
    expect((await app({ 'azuredeploy.json': other })).state).toBe('undecided')
  })

  test('negative controls: no condition, or a known true, reaches', async () => {
    expect((await app({ 'azuredeploy.json': armTemplate({}) })).state).toBe('reachable')
    const known = armTemplate({ firewallCondition: DEPLOY, deployFirewall: { defaultValue: true } })
    expect((await app({ 'azuredeploy.json': known })).state).toBe('reachable')
  })
})
