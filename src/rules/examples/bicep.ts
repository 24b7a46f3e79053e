/**
 * Building blocks for the rules' Bicep examples, so every example is a complete, realistic template
 * (location parameter, spoke VNet, snet-app) and the part that matters stands out. Routes, NSG rules
 * and firewall rule collections are the ARM-shaped data of arm.ts, written as Bicep.
 */
import { API, Expr, type RouteShape, type Shape } from './arm'
import type { RuleExample } from './types'

const IDENT = /^[A-Za-z_]\w*$/

/** ARM-shaped data as a Bicep value: multi-line objects and arrays, expressions written bare. */
export function toBicepValue(x: Shape, pad = ''): string {
  if (x instanceof Expr) return x.bicep
  if (Array.isArray(x)) {
    if (x.length === 0) return '[]'
    return `[\n${x.map((i) => `${pad}  ${toBicepValue(i, `${pad}  `)}`).join('\n')}\n${pad}]`
  }
  if (typeof x === 'object') {
    const entries = Object.entries(x).filter((e): e is [string, Shape] => e[1] !== undefined)
    if (entries.length === 0) return '{}'
    const lines = entries.map(
      ([k, v]) => `${pad}  ${IDENT.test(k) ? k : `'${k}'`}: ${toBicepValue(v, `${pad}  `)}`,
    )
    return `{\n${lines.join('\n')}\n${pad}}`
  }
  if (typeof x === 'string') return `'${x.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
  return String(x)
}

/** A Bicep reference (`rtSpoke.id`): not valid in ARM, so only the Bicep builders use it. */
export const ref = (text: string): Expr => new Expr(text, text)

const LOCATION = ref('location')

/** `resource <symbol> '<type>@<api>' = { ... }`. */
export function bicepResource(symbol: string, type: string, body: Record<string, Shape | undefined>): string {
  return `resource ${symbol} '${type}@${API}' = ${toBicepValue(body as Shape)}\n`
}

/** A whole template: the location parameter, `params` (declarations), then the resources. */
export function bicepTemplate(resources: string[], params: string[] = []): string {
  const head = [
    'param location string = resourceGroup().location',
    ...(params.length > 0 ? ['', ...params] : []),
  ]
  return `${[head.join('\n'), ...resources.map((r) => r.trim())].join('\n\n')}\n`
}

/** The spoke VNet with snet-app; `subnet` adds properties (route table, NSG, NAT gateway links). */
export function bicepSpokeVnet(subnet: Record<string, Shape> = {}): string {
  return bicepResource('vnetSpoke', 'Microsoft.Network/virtualNetworks', {
    name: 'vnet-spoke',
    location: LOCATION,
    properties: {
      addressSpace: { addressPrefixes: ['10.1.0.0/16'] },
      subnets: [{ name: 'snet-app', properties: { addressPrefix: '10.1.0.0/24', ...subnet } }],
    },
  })
}

/** The spoke route table rtSpoke (rt-spoke) with the given routes. */
export function bicepSpokeRouteTable(routes: Shape[]): string {
  return bicepResource('rtSpoke', 'Microsoft.Network/routeTables', {
    name: 'rt-spoke',
    location: LOCATION,
    properties: { disableBgpRoutePropagation: true, routes },
  })
}

/** rt-spoke with the given routes, and the spoke VNet with snet-app associated with it. */
export function bicepRouted(routes: Shape[]): string[] {
  return [bicepSpokeRouteTable(routes), bicepSpokeVnet({ routeTable: { id: ref('rtSpoke.id') } })]
}

/** Hub VNet, public IP, firewall policy with one rule collection group, and the firewall afwHub. */
export function bicepHubFirewall(
  ruleCollections: Shape[],
  policyProperties: Record<string, Shape> = {},
): string[] {
  return [
    bicepResource('vnetHub', 'Microsoft.Network/virtualNetworks', {
      name: 'vnet-hub',
      location: LOCATION,
      properties: {
        addressSpace: { addressPrefixes: ['10.0.0.0/16'] },
        subnets: [{ name: 'AzureFirewallSubnet', properties: { addressPrefix: '10.0.1.0/26' } }],
      },
    }),
    bicepResource('pipFirewall', 'Microsoft.Network/publicIPAddresses', {
      name: 'pip-afw-hub',
      location: LOCATION,
      sku: { name: 'Standard' },
      properties: { publicIPAllocationMethod: 'Static' },
    }),
    bicepResource('afwpHub', 'Microsoft.Network/firewallPolicies', {
      name: 'afwp-hub',
      location: LOCATION,
      properties: { sku: { tier: 'Standard' }, ...policyProperties },
    }),
    bicepResource('rcgEgress', 'Microsoft.Network/firewallPolicies/ruleCollectionGroups', {
      parent: ref('afwpHub'),
      name: 'rcg-egress',
      properties: { priority: 200, ruleCollections },
    }),
    bicepResource('afwHub', 'Microsoft.Network/azureFirewalls', {
      name: 'afw-hub',
      location: LOCATION,
      dependsOn: [ref('rcgEgress')],
      properties: {
        sku: { name: 'AZFW_VNet', tier: 'Standard' },
        firewallPolicy: { id: ref('afwpHub.id') },
        ipConfigurations: [
          {
            name: 'ipconfig',
            properties: {
              subnet: { id: ref("'${vnetHub.id}/subnets/AzureFirewallSubnet'") },
              publicIPAddress: { id: ref('pipFirewall.id') },
            },
          },
        ],
      },
    }),
  ]
}

/** The firewall's private address, known after deployment. */
export const BICEP_FIREWALL_IP = ref('afwHub.properties.ipConfigurations[0].properties.privateIPAddress')

/**
 * nsg-app (nsgApp) with the given rules, and the spoke VNet with snet-app linked to it (and to rtSpoke if
 * `routed`).
 */
export function bicepAppNsg(rules: Shape[], routed = false): string[] {
  const subnet: Record<string, Shape> = { networkSecurityGroup: { id: ref('nsgApp.id') } }
  if (routed) subnet.routeTable = { id: ref('rtSpoke.id') }
  return [
    bicepResource('nsgApp', 'Microsoft.Network/networkSecurityGroups', {
      name: 'nsg-app',
      location: LOCATION,
      properties: { securityRules: rules },
    }),
    bicepSpokeVnet(subnet),
  ]
}

/** A NAT gateway (natSpoke) with its public IP. */
export const BICEP_NAT_GATEWAY: string[] = [
  bicepResource('pipNat', 'Microsoft.Network/publicIPAddresses', {
    name: 'pip-nat',
    location: LOCATION,
    sku: { name: 'Standard' },
    properties: { publicIPAllocationMethod: 'Static' },
  }),
  bicepResource('natSpoke', 'Microsoft.Network/natGateways', {
    name: 'ng-spoke',
    location: LOCATION,
    sku: { name: 'Standard' },
    properties: { publicIpAddresses: [{ id: ref('pipNat.id') }] },
  }),
]

/** Routes as `Microsoft.Network/routeTables/routes` resources of the route table `parent` (a symbol). */
export function bicepChildRoutes(parent: string, routes: RouteShape[]): string[] {
  return routes.map((r) =>
    bicepResource(r.name.replace(/\W/g, '_'), 'Microsoft.Network/routeTables/routes', {
      parent: ref(parent),
      name: r.name,
      properties: r.properties,
    }),
  )
}

/** An example of `kind`: one template, main.bicep (`params` are extra parameter declarations). */
export function bicepExample(
  kind: RuleExample['kind'],
  description: string,
  resources: string[],
  params: string[] = [],
  extra: Pick<RuleExample, 'cloud'> & { files?: Record<string, string> } = {},
): RuleExample {
  const ex: RuleExample = {
    kind,
    format: 'bicep',
    description,
    files: { 'main.bicep': bicepTemplate(resources, params), ...extra.files },
  }
  if (extra.cloud) ex.cloud = extra.cloud
  return ex
}
