/**
 * A route behind a condition the scan cannot evaluate, more specific than a forced tunnel, sending KMS to
 * a firewall that allows it (or an appliance vouched for in the config): deployed, KMS gets out; not
 * deployed, the forced tunnel takes it on-premises. The verdict is decided only where both ways agree
 * (src/analysis/conditions.ts): here it is undecided, naming the route and its condition. Where both ways
 * block (the firewall allows only DNS) it stays blocked; where both ways reach (no forced tunnel) it is
 * reachable.
 */
import { parseConfig } from '../../src/config/config'
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

const tree = (files: Record<string, string>) => treeOn(files, 'kms-cond-routes-')

const app = async (files: Record<string, string>, config?: string) => {
  const dir = tree(files)
  const result = await scan({
    path: dir,
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
    ...(config ? { config: { ...parseConfig(config, `${dir}/.azure-kms-guard.yml`) } } : {}),
  })
  return result.verdict.subnets.find((s) => s.subnet === 'snet-app')!
}

const KMS = ['20.118.99.224', '40.83.235.53']

/** Both ways named: deployed it reaches (through the firewall), not deployed the forced tunnel blocks it. */
const BOTH_WAYS =
  /if it is, KMS traffic reaches Azure KMS \(.*\); if not, it is blocked \(.*VirtualNetworkGateway/

describe('Terraform: azurerm_route to the hub firewall with a count the scan cannot evaluate', () => {
  const tf = (opts: { kmsAllowed: boolean; forcedTunnel?: boolean; tfvars?: string }) => {
    const routes = KMS.map(
      (ip, i) => `
resource "azurerm_route" "kms_${i}" {
  count                  = var.inspect_kms ? 1 : 0
  name                   = "kms-${i}"
  resource_group_name    = "rg-spoke"
  route_table_name       = azurerm_route_table.app.name
  address_prefix         = "${ip}/32"
  next_hop_type          = "VirtualAppliance"
  next_hop_in_ip_address = azurerm_firewall.hub.ip_configuration[0].private_ip_address
}
`,
    ).join('')
    const tunnel = `
  route {
    name           = "forced-tunnel"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "VirtualNetworkGateway"
  }`
    return {
      'main.tf': `${TF_SPOKE_APP}${TF_HUB_VNET}${tfHubFirewall(opts.kmsAllowed ? tfRulesKmsAllowed(KMS) : TF_RULES_DNS_ONLY)}
variable "inspect_kms" {
  type = bool
}

resource "azurerm_route_table" "app" {
  name                          = "rt-app"
  location                      = "westeurope"
  resource_group_name           = "rg-spoke"
  bgp_route_propagation_enabled = false
${opts.forcedTunnel === false ? '' : tunnel}
}
${routes}
resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.app.id
}
`,
      ...(opts.tfvars ? { 'terraform.tfvars': opts.tfvars } : {}),
    }
  }

  test('the firewall allows KMS, var.inspect_kms unknown: undecided, naming the route, its count and both ways', async () => {
    const v = await app(tf({ kmsAllowed: true }))
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(
      /route kms-0 \(azurerm_route\.kms_0\[\*\]\) may not be deployed: its count or for_each cannot be evaluated/,
    )
    expect(v.why).toMatch(BOTH_WAYS)
    expect(v.resolve).toMatch(/a var file/)
  })

  test('known: true reaches through the firewall, false is the forced tunnel', async () => {
    expect((await app(tf({ kmsAllowed: true, tfvars: 'inspect_kms = true\n' }))).state).toBe('reachable')
    const off = await app(tf({ kmsAllowed: true, tfvars: 'inspect_kms = false\n' }))
    expect(off.state).toBe('blocked')
    expect(off.hop).toMatch(/forced-tunnel 0\.0\.0\.0\/0 → VirtualNetworkGateway/)
  })

  test('negative control: the firewall allows only DNS, so both ways block: blocked, by the firewall', async () => {
    const v = await app(tf({ kmsAllowed: false }))
    expect(v.state).toBe('blocked')
    expect(v.hop).toMatch(/firewall afw-hub/)
  })

  test('negative control: no forced tunnel, so both ways reach: reachable', async () => {
    expect((await app(tf({ kmsAllowed: true, forcedTunnel: false }))).state).toBe('reachable')
  })
})

/** The spoke's table: the forced tunnel, and a route per KMS address to `hop` only `if (inspectKms)`. */
const bicepSpoke = (hop: string, forcedTunnel = true) => `
resource rtApp 'Microsoft.Network/routeTables@2023-09-01' = {
  name: 'rt-app'
  location: location
  properties: {
    disableBgpRoutePropagation: true
    routes: ${forcedTunnel ? "[ { name: 'forced-tunnel', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualNetworkGateway' } } ]" : '[]'}
  }
}

resource kmsRoutes 'Microsoft.Network/routeTables/routes@2023-09-01' = [for (ip, i) in ['20.118.99.224', '40.83.235.53']: if (inspectKms) {
  parent: rtApp
  name: 'kms-\${i}'
  properties: {
    addressPrefix: '\${ip}/32'
    nextHopType: 'VirtualAppliance'
    nextHopIpAddress: ${hop}
  }
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

/** The hub firewall afw-hub in vnet-hub, its policy allowing TCP 1688 to the KMS addresses (or only DNS). */
const bicepHubFirewall = (kmsAllowed: boolean) => `
resource vnetHub 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-hub'
  location: location
  properties: {
    addressSpace: { addressPrefixes: ['10.0.0.0/16'] }
    subnets: [ { name: 'AzureFirewallSubnet', properties: { addressPrefix: '10.0.1.0/26' } } ]
  }
}

resource pipFirewall 'Microsoft.Network/publicIPAddresses@2023-09-01' = {
  name: 'pip-afw-hub'
  location: location
  sku: { name: 'Standard' }
  properties: { publicIPAllocationMethod: 'Static' }
}

resource policy 'Microsoft.Network/firewallPolicies@2023-09-01' = {
  name: 'afwp-hub'
  location: location
  properties: {}
}

resource platform 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2023-09-01' = {
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

resource firewall 'Microsoft.Network/azureFirewalls@2023-09-01' = {
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
          publicIPAddress: { id: pipFirewall.id }
        }
      }
    ]
  }
}
`

describe('Bicep: a route to the hub firewall `if (inspectKms)`', () => {
  const bicep = (param: string, kmsAllowed: boolean, forcedTunnel = true) => ({
    'main.bicep': `${param}
param location string = 'westeurope'
${bicepHubFirewall(kmsAllowed)}${bicepSpoke('firewall.properties.ipConfigurations[0].properties.privateIPAddress', forcedTunnel)}`,
  })

  test('inspectKms without a value: undecided, naming the route and its condition', async () => {
    const v = await app(bicep('param inspectKms bool', true))
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(
      /route kms-0 \(kmsRoutes\[0\]\) may not be deployed: its condition inspectKms cannot be evaluated/,
    )
    expect(v.why).toMatch(BOTH_WAYS)
  })

  test('known: true reaches, false is the forced tunnel', async () => {
    expect((await app(bicep('param inspectKms bool = true', true))).state).toBe('reachable')
    expect((await app(bicep('param inspectKms bool = false', true))).state).toBe('blocked')
  })

  test('negative controls: DNS-only firewall stays blocked; without a forced tunnel it is reachable', async () => {
    expect((await app(bicep('param inspectKms bool', false))).state).toBe('blocked')
    expect((await app(bicep('param inspectKms bool', true, false))).state).toBe('reachable')
  })
})

describe('Bicep: a route to an appliance the config vouches for, `if (inspectKms)`', () => {
  const files = (param: string) => ({
    'main.bicep': `${param}
param location string = 'westeurope'
${bicepSpoke("'10.0.2.4'")}`,
  })
  const config =
    'allowed-appliances:\n  - address: 10.0.2.4\n    reason: egress NVA with a public IP in Azure\n'

  test('inspectKms without a value: undecided; known true: reachable', async () => {
    const v = await app(files('param inspectKms bool'), config)
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(/route kms-0 \(kmsRoutes\[0\]\) may not be deployed/)
    expect((await app(files('param inspectKms bool = true'), config)).state).toBe('reachable')
  })
})

/** The same as an ARM template (as `bicep build` writes it): the routes carry a `condition`. */
const armTemplate = (inspectKms: object, kmsAllowed: boolean) =>
  JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: {
        location: { type: 'string', defaultValue: 'westeurope' },
        inspectKms: { type: 'bool', ...inspectKms },
        kmsAddresses: { type: 'array', defaultValue: KMS },
      },
      resources: [
        ...armHubFirewall({
          rules: [
            kmsAllowed
              ? armKmsRule(KMS)
              : {
                  ruleType: 'NetworkRule',
                  name: 'dns',
                  ipProtocols: ['UDP'],
                  sourceAddresses: ['10.0.0.0/8'],
                  destinationAddresses: ['*'],
                  destinationPorts: ['53'],
                },
          ],
        }),
        {
          type: 'Microsoft.Network/routeTables',
          apiVersion: '2023-09-01',
          name: 'rt-app',
          location: "[parameters('location')]",
          properties: {
            disableBgpRoutePropagation: true,
            routes: [
              {
                name: 'forced-tunnel',
                properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualNetworkGateway' },
              },
            ],
          },
        },
        {
          copy: { name: 'kmsRoutes', count: "[length(parameters('kmsAddresses'))]" },
          condition: "[parameters('inspectKms')]",
          type: 'Microsoft.Network/routeTables/routes',
          apiVersion: '2023-09-01',
          name: "[format('rt-app/kms-{0}', copyIndex())]",
          properties: {
            addressPrefix: "[format('{0}/32', parameters('kmsAddresses')[copyIndex()])]",
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

describe("ARM: routes to the hub firewall with condition [parameters('inspectKms')]", () => {
  test('without a value: undecided, naming the route and its condition', async () => {
    const v = await app({ 'azuredeploy.json': armTemplate({}, true) })
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(
      /route kms-0 .* may not be deployed: its condition \[parameters\('inspectKms'\)\] cannot be evaluated/,
    )
    expect(v.why).toMatch(BOTH_WAYS)
  })

  test('known: true reaches, false is the forced tunnel; DNS-only firewall: blocked either way', async () => {
    expect((await app({ 'azuredeploy.json': armTemplate({ defaultValue: true }, true) })).state).toBe(
      'reachable',
    )
    expect((await app({ 'azuredeploy.json': armTemplate({ defaultValue: false }, true) })).state).toBe(
      'blocked',
    )
    expect((await app({ 'azuredeploy.json': armTemplate({}, false) })).state).toBe('blocked')
  })
})
