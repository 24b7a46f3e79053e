/**
 * A Virtual WAN estate as Bicep and as an ARM template (as `bicep build` writes it), written the way a
 * platform team writes a secured hub: vwan-prod with hub vhub-weu, its Azure Firewall afw-vhub-weu (policy
 * afwp-vhub-weu allowing TCP 1688 to the KMS addresses, or only DNS), and spoke vnet-spoke-app/snet-app
 * connected to the hub. The hub sends Internet traffic to the firewall by routing intent or by a 0.0.0.0/0
 * in its defaultRouteTable; optionally it has a VPN gateway. Any of the connection, the routing intent and
 * the hub route table can be deployed only under a condition (a Bicep `if`, an ARM `condition`), and the
 * connection's internet security can be an expression.
 */

export interface VwanTemplateSpec {
  kmsAllowed: boolean
  /** How the hub sends Internet traffic to its firewall. */
  routing: 'intent' | 'hubRoute'
  /** Conditions, as Bicep expressions (`deployIntent`); ARM gets `[parameters('deployIntent')]`. */
  conditions?: { connection?: string; intent?: string; hubRoute?: string }
  /** `enableInternetSecurity`: a literal, or a parameter name. */
  internetSecurity?: boolean | string
  vpnGateway?: boolean
  /** The spoke VNet has no subnet here: another deployment adds snet-app to it (reading it as `existing`). */
  spokeSubnet?: false
  /** The spoke subnet has no default outbound access (and no NAT gateway). */
  privateSubnet?: boolean
  /**
   * Bicep: the spoke VNet is only read (`existing`, scope this resource group), not declared: another deployment
   * declares it (with spokeSubnet: false, the connection is all this one says of the spoke).
   */
  spokeVnetReadIn?: string
  /** Bool parameters the conditions read, with their defaults (undefined: no default). */
  params: Record<string, boolean | undefined>
}

const KMS = ['20.118.99.224', '40.83.235.53']

const bicepIf = (c: string | undefined) => (c ? `if (${c}) ` : '')

/** The spoke VNet in Bicep: declared (with snet-app unless spokeSubnet: false), or read as `existing`. */
const spokeVnetBicep = (s: VwanTemplateSpec): string =>
  s.spokeVnetReadIn
    ? `resource spoke 'Microsoft.Network/virtualNetworks@2023-09-01' existing = {
  name: 'vnet-spoke-app'
  scope: resourceGroup('${s.spokeVnetReadIn}')
}

`
    : `resource spoke 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-spoke-app'
  location: location
  properties: {
    addressSpace: { addressPrefixes: ['10.1.0.0/16'] }${
      s.spokeSubnet === false
        ? ''
        : `
    subnets: [
      {
        name: 'snet-app'
        properties: { addressPrefix: '10.1.1.0/24'${s.privateSubnet ? ', defaultOutboundAccess: false' : ''} }
      }
    ]`
    }
  }
}

`

export function bicepVwan(s: VwanTemplateSpec): string {
  const params = Object.entries(s.params)
    .map(([n, v]) => `param ${n} bool${v === undefined ? '' : ` = ${v}`}`)
    .join('\n')
  const security =
    typeof s.internetSecurity === 'string' ? s.internetSecurity : String(s.internetSecurity ?? true)
  const rule = s.kmsAllowed
    ? `{
            ruleType: 'NetworkRule'
            name: 'azure-kms'
            ipProtocols: ['TCP']
            sourceAddresses: ['10.0.0.0/8']
            destinationAddresses: ['${KMS.join("', '")}']
            destinationPorts: ['1688']
          }`
    : `{
            ruleType: 'NetworkRule'
            name: 'dns'
            ipProtocols: ['UDP']
            sourceAddresses: ['10.0.0.0/8']
            destinationAddresses: ['168.63.129.16']
            destinationPorts: ['53']
          }`
  const routing =
    s.routing === 'intent'
      ? `resource intent 'Microsoft.Network/virtualHubs/routingIntent@2023-09-01' = ${bicepIf(s.conditions?.intent)}{
  parent: hub
  name: 'routingIntent'
  properties: {
    routingPolicies: [
      {
        name: 'InternetTraffic'
        destinations: ['Internet']
        nextHop: firewall.id
      }
    ]
  }
}`
      : `resource defaultRouteTable 'Microsoft.Network/virtualHubs/hubRouteTables@2023-09-01' = ${bicepIf(s.conditions?.hubRoute)}{
  parent: hub
  name: 'defaultRouteTable'
  properties: {
    labels: ['default']
    routes: [
      {
        name: 'all-traffic'
        destinationType: 'CIDR'
        destinations: ['0.0.0.0/0']
        nextHopType: 'ResourceId'
        nextHop: firewall.id
      }
    ]
  }
}`
  const vpn = s.vpnGateway
    ? `
resource vpnGateway 'Microsoft.Network/vpnGateways@2023-09-01' = {
  name: 'vpng-vhub-weu'
  location: location
  properties: {
    virtualHub: { id: hub.id }
    vpnGatewayScaleUnit: 1
  }
}
`
    : ''
  return `${params}
param location string = 'westeurope'

resource vwan 'Microsoft.Network/virtualWans@2023-09-01' = {
  name: 'vwan-prod'
  location: location
  properties: { type: 'Standard' }
}

resource hub 'Microsoft.Network/virtualHubs@2023-09-01' = {
  name: 'vhub-weu'
  location: location
  properties: {
    addressPrefix: '10.100.0.0/23'
    virtualWan: { id: vwan.id }
  }
}

resource policy 'Microsoft.Network/firewallPolicies@2023-09-01' = {
  name: 'afwp-vhub-weu'
  location: location
  properties: {}
}

resource rcg 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2023-09-01' = {
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
          ${rule}
        ]
      }
    ]
  }
}

resource firewall 'Microsoft.Network/azureFirewalls@2023-09-01' = {
  name: 'afw-vhub-weu'
  location: location
  properties: {
    sku: { name: 'AZFW_Hub', tier: 'Standard' }
    virtualHub: { id: hub.id }
    firewallPolicy: { id: policy.id }
    hubIPAddresses: { publicIPs: { count: 1 } }
  }
}

${routing}
${vpn}
${spokeVnetBicep(s)}resource connection 'Microsoft.Network/virtualHubs/hubVirtualNetworkConnections@2023-09-01' = ${bicepIf(s.conditions?.connection)}{
  parent: hub
  name: 'conn-spoke-app'
  properties: {
    remoteVirtualNetwork: { id: spoke.id }
    enableInternetSecurity: ${security}
  }
}
`
}

const rid = (type: string, ...names: string[]) =>
  `[resourceId('${type}', ${names.map((n) => `'${n}'`).join(', ')})]`
const HUB = 'Microsoft.Network/virtualHubs'
const FIREWALL = rid('Microsoft.Network/azureFirewalls', 'afw-vhub-weu')
const armIf = (c: string | undefined) => (c ? { condition: `[parameters('${c}')]` } : {})

export function armVwan(s: VwanTemplateSpec): string {
  const rule = s.kmsAllowed
    ? {
        ruleType: 'NetworkRule',
        name: 'azure-kms',
        ipProtocols: ['TCP'],
        sourceAddresses: ['10.0.0.0/8'],
        destinationAddresses: KMS,
        destinationPorts: ['1688'],
      }
    : {
        ruleType: 'NetworkRule',
        name: 'dns',
        ipProtocols: ['UDP'],
        sourceAddresses: ['10.0.0.0/8'],
        destinationAddresses: ['168.63.129.16'],
        destinationPorts: ['53'],
      }
  const routing =
    s.routing === 'intent'
      ? {
          type: `${HUB}/routingIntent`,
          apiVersion: '2023-09-01',
          name: 'vhub-weu/routingIntent',
          ...armIf(s.conditions?.intent),
          properties: {
            routingPolicies: [{ name: 'InternetTraffic', destinations: ['Internet'], nextHop: FIREWALL }],
          },
          dependsOn: [rid(HUB, 'vhub-weu'), FIREWALL],
        }
      : {
          type: `${HUB}/hubRouteTables`,
          apiVersion: '2023-09-01',
          name: 'vhub-weu/defaultRouteTable',
          ...armIf(s.conditions?.hubRoute),
          properties: {
            labels: ['default'],
            routes: [
              {
                name: 'all-traffic',
                destinationType: 'CIDR',
                destinations: ['0.0.0.0/0'],
                nextHopType: 'ResourceId',
                nextHop: FIREWALL,
              },
            ],
          },
          dependsOn: [rid(HUB, 'vhub-weu'), FIREWALL],
        }
  const security =
    typeof s.internetSecurity === 'string'
      ? `[parameters('${s.internetSecurity}')]`
      : (s.internetSecurity ?? true)
  const parameters = Object.fromEntries(
    Object.entries(s.params).map(([n, v]) => [
      n,
      { type: 'bool', ...(v === undefined ? {} : { defaultValue: v }) },
    ]),
  )
  return JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { location: { type: 'string', defaultValue: 'westeurope' }, ...parameters },
      resources: [
        {
          type: 'Microsoft.Network/virtualWans',
          apiVersion: '2023-09-01',
          name: 'vwan-prod',
          location: "[parameters('location')]",
          properties: { type: 'Standard' },
        },
        {
          type: HUB,
          apiVersion: '2023-09-01',
          name: 'vhub-weu',
          location: "[parameters('location')]",
          properties: {
            addressPrefix: '10.100.0.0/23',
            virtualWan: { id: rid('Microsoft.Network/virtualWans', 'vwan-prod') },
          },
        },
        {
          type: 'Microsoft.Network/firewallPolicies',
          apiVersion: '2023-09-01',
          name: 'afwp-vhub-weu',
          location: "[parameters('location')]",
          properties: {},
        },
        {
          type: 'Microsoft.Network/firewallPolicies/ruleCollectionGroups',
          apiVersion: '2023-09-01',
          name: 'afwp-vhub-weu/rcg-platform',
          properties: {
            priority: 100,
            ruleCollections: [
              {
                ruleCollectionType: 'FirewallPolicyFilterRuleCollection',
                name: 'platform',
                priority: 100,
                action: { type: 'Allow' },
                rules: [rule],
              },
            ],
          },
        },
        {
          type: 'Microsoft.Network/azureFirewalls',
          apiVersion: '2023-09-01',
          name: 'afw-vhub-weu',
          location: "[parameters('location')]",
          properties: {
            sku: { name: 'AZFW_Hub', tier: 'Standard' },
            virtualHub: { id: rid(HUB, 'vhub-weu') },
            firewallPolicy: { id: rid('Microsoft.Network/firewallPolicies', 'afwp-vhub-weu') },
            hubIPAddresses: { publicIPs: { count: 1 } },
          },
        },
        routing,
        ...(s.vpnGateway
          ? [
              {
                type: 'Microsoft.Network/vpnGateways',
                apiVersion: '2023-09-01',
                name: 'vpng-vhub-weu',
                location: "[parameters('location')]",
                properties: { virtualHub: { id: rid(HUB, 'vhub-weu') }, vpnGatewayScaleUnit: 1 },
              },
            ]
          : []),
        {
          type: 'Microsoft.Network/virtualNetworks',
          apiVersion: '2023-09-01',
          name: 'vnet-spoke-app',
          location: "[parameters('location')]",
          properties: {
            addressSpace: { addressPrefixes: ['10.1.0.0/16'] },
            ...(s.spokeSubnet === false
              ? {}
              : {
                  subnets: [
                    {
                      name: 'snet-app',
                      properties: {
                        addressPrefix: '10.1.1.0/24',
                        ...(s.privateSubnet ? { defaultOutboundAccess: false } : {}),
                      },
                    },
                  ],
                }),
          },
        },
        {
          type: `${HUB}/hubVirtualNetworkConnections`,
          apiVersion: '2023-09-01',
          name: 'vhub-weu/conn-spoke-app',
          ...armIf(s.conditions?.connection),
          properties: {
            remoteVirtualNetwork: { id: rid('Microsoft.Network/virtualNetworks', 'vnet-spoke-app') },
            enableInternetSecurity: security,
          },
          dependsOn: [rid(HUB, 'vhub-weu'), rid('Microsoft.Network/virtualNetworks', 'vnet-spoke-app')],
        },
      ],
    },
    null,
    2,
  )
}
