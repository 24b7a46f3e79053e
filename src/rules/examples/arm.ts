import type { RuleExample } from './types'

/** A template expression or reference: ARM writes it as `"[text]"`, Bicep as the bare expression. */
export class Expr {
  constructor(
    readonly arm: string,
    readonly bicep: string,
  ) {}
}

/** An expression written the same way in both formats (`resourceGroup().location`). */
export const expr = (text: string): Expr => new Expr(text, text)

export type Shape = string | number | boolean | Expr | Shape[] | { [key: string]: Shape | undefined }

export const API = '2023-09-01'

/** ARM-shaped data as template JSON: expressions become `[...]` strings. */
export function toArmJson(x: Shape | undefined): unknown {
  if (x instanceof Expr) return `[${x.arm}]`
  if (Array.isArray(x)) return x.map(toArmJson)
  if (x !== null && typeof x === 'object')
    return Object.fromEntries(
      Object.entries(x)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, toArmJson(v)]),
    )
  return x
}

export type RouteShape = {
  name: string
  properties: { [key: string]: Shape | undefined }
}

/** A route: `ip` is the next hop address for VirtualAppliance. */
export function route(name: string, prefix: string, hop: string | Expr, ip?: string | Expr): RouteShape {
  return { name, properties: { addressPrefix: prefix, nextHopType: hop, nextHopIpAddress: ip } }
}

/** Routes sending each KMS address straight to the Internet. */
export function kmsBypass(addresses: readonly string[]): RouteShape[] {
  return addresses.map((a) => route(`kms-${a.replace(/\./g, '-')}`, `${a}/32`, 'Internet'))
}

/** An outbound NSG security rule; `destinations` with more than one entry uses the plural property. */
export function nsgRule(r: {
  name: string
  priority: number
  access: 'Allow' | 'Deny'
  destinations: readonly string[]
  port?: string
}): Shape {
  const dest: Record<string, Shape> =
    r.destinations.length === 1
      ? { destinationAddressPrefix: r.destinations[0]! }
      : { destinationAddressPrefixes: [...r.destinations] }
  return {
    name: r.name,
    properties: {
      priority: r.priority,
      direction: 'Outbound',
      access: r.access,
      protocol: r.port ? 'Tcp' : '*',
      sourcePortRange: '*',
      destinationPortRange: r.port ?? '*',
      sourceAddressPrefix: '*',
      ...dest,
    },
  }
}

/** A firewall policy filter collection with one network rule, to addresses or (`fqdns`) names. */
export function networkCollection(c: {
  name: string
  priority: number
  destinations?: readonly string[]
  fqdns?: readonly string[]
  ports: readonly string[]
  action?: 'Allow' | 'Deny'
}): Shape {
  return {
    ruleCollectionType: 'FirewallPolicyFilterRuleCollection',
    name: c.name,
    priority: c.priority,
    action: { type: c.action ?? 'Allow' },
    rules: [
      {
        ruleType: 'NetworkRule',
        name: c.name,
        ipProtocols: ['TCP'],
        sourceAddresses: ['10.1.0.0/16'],
        destinationAddresses: c.destinations ? [...c.destinations] : undefined,
        destinationFqdns: c.fqdns ? [...c.fqdns] : undefined,
        destinationPorts: [...c.ports],
      },
    ],
  }
}

// ---- ARM templates ---------------------------------------------------------------------------------

const LOCATION = expr("parameters('location')")
const id = (type: string, ...names: string[]) =>
  expr(`resourceId('${type}', ${names.map((n) => `'${n}'`).join(', ')})`)

export const ARM_ROUTE_TABLE_ID = id('Microsoft.Network/routeTables', 'rt-spoke')
export const ARM_NSG_ID = id('Microsoft.Network/networkSecurityGroups', 'nsg-app')
export const ARM_NAT_ID = id('Microsoft.Network/natGateways', 'ng-spoke')
const FIREWALL_ID = id('Microsoft.Network/azureFirewalls', 'afw-hub')
const POLICY_ID = id('Microsoft.Network/firewallPolicies', 'afwp-hub')

/** Routes as `Microsoft.Network/routeTables/routes` resources of the route table `table` of the template. */
export function armChildRoutes(table: string, routes: RouteShape[]): Shape[] {
  return routes.map((r) => ({
    type: 'Microsoft.Network/routeTables/routes',
    apiVersion: API,
    name: `${table}/${r.name}`,
    dependsOn: [id('Microsoft.Network/routeTables', table)],
    properties: r.properties,
  }))
}

/** An example of `kind`: one deployment template, azuredeploy.json. */
export function armExample(
  kind: RuleExample['kind'],
  description: string,
  resources: Shape[],
  parameters: Record<string, Shape> = {},
  extra: Pick<RuleExample, 'cloud'> & { files?: Record<string, string> } = {},
): RuleExample {
  const ex: RuleExample = {
    kind,
    format: 'arm',
    description,
    files: { 'azuredeploy.json': armTemplate(resources, parameters), ...extra.files },
  }
  if (extra.cloud) ex.cloud = extra.cloud
  return ex
}

/** A whole deployment template; `parameters` are added to `location`. */
export function armTemplate(
  resources: Shape[],
  parameters: Record<string, Shape> = {},
  location = 'resourceGroup().location',
): string {
  const template = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: { location: { type: 'string', defaultValue: expr(location) }, ...parameters },
    resources,
  }
  return `${compactLists(JSON.stringify(toArmJson(template), null, 2))}\n`
}

/** Short lists of plain values on one line, as people write them: `["10.1.0.0/16"]`. */
function compactLists(json: string): string {
  return json.replace(
    /\[\n\s+((?:"[^"\n]*"|-?\d+|true|false)(?:,\n\s+(?:"[^"\n]*"|-?\d+|true|false))*)\n\s+\]/g,
    (all, items: string) => {
      const line = `[${items.split(/,\n\s+/).join(', ')}]`
      return line.length <= 80 ? line : all
    },
  )
}

/** The spoke VNet with snet-app; `subnet` adds properties (route table, NSG, NAT gateway links). */
export function armSpokeVnet(subnet: Record<string, Shape> = {}, dependsOn: Expr[] = []): Shape {
  return {
    type: 'Microsoft.Network/virtualNetworks',
    apiVersion: API,
    name: 'vnet-spoke',
    location: LOCATION,
    dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
    properties: {
      addressSpace: { addressPrefixes: ['10.1.0.0/16'] },
      subnets: [{ name: 'snet-app', properties: { addressPrefix: '10.1.0.0/24', ...subnet } }],
    },
  }
}

/** The spoke VNet with snet-app associated with rt-spoke. */
export const ARM_SPOKE_WITH_ROUTES = armSpokeVnet({ routeTable: { id: ARM_ROUTE_TABLE_ID } }, [
  ARM_ROUTE_TABLE_ID,
])

/** The spoke route table rt-spoke with the given routes. */
export function armSpokeRouteTable(routes: Shape[], dependsOn: Expr[] = []): Shape {
  return {
    type: 'Microsoft.Network/routeTables',
    apiVersion: API,
    name: 'rt-spoke',
    location: LOCATION,
    dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
    properties: { disableBgpRoutePropagation: true, routes },
  }
}

/** Spoke VNet, and rt-spoke with the given routes on snet-app. */
export function armRouted(routes: Shape[], extra: Shape[] = []): Shape[] {
  return [armSpokeRouteTable(routes), ARM_SPOKE_WITH_ROUTES, ...extra]
}

/** Hub VNet, public IP, firewall policy with one rule collection group, and the firewall. */
export function armHubFirewall(
  ruleCollections: Shape[],
  policyProperties: Record<string, Shape> = {},
): Shape[] {
  return [
    {
      type: 'Microsoft.Network/virtualNetworks',
      apiVersion: API,
      name: 'vnet-hub',
      location: LOCATION,
      properties: {
        addressSpace: { addressPrefixes: ['10.0.0.0/16'] },
        subnets: [{ name: 'AzureFirewallSubnet', properties: { addressPrefix: '10.0.1.0/26' } }],
      },
    },
    {
      type: 'Microsoft.Network/publicIPAddresses',
      apiVersion: API,
      name: 'pip-afw-hub',
      location: LOCATION,
      sku: { name: 'Standard' },
      properties: { publicIPAllocationMethod: 'Static' },
    },
    {
      type: 'Microsoft.Network/firewallPolicies',
      apiVersion: API,
      name: 'afwp-hub',
      location: LOCATION,
      properties: { sku: { tier: 'Standard' }, ...policyProperties },
    },
    {
      type: 'Microsoft.Network/firewallPolicies/ruleCollectionGroups',
      apiVersion: API,
      name: 'afwp-hub/rcg-egress',
      dependsOn: [POLICY_ID],
      properties: { priority: 200, ruleCollections },
    },
    {
      type: 'Microsoft.Network/azureFirewalls',
      apiVersion: API,
      name: 'afw-hub',
      location: LOCATION,
      dependsOn: [
        id('Microsoft.Network/virtualNetworks', 'vnet-hub'),
        id('Microsoft.Network/publicIPAddresses', 'pip-afw-hub'),
        id('Microsoft.Network/firewallPolicies/ruleCollectionGroups', 'afwp-hub', 'rcg-egress'),
      ],
      properties: {
        sku: { name: 'AZFW_VNet', tier: 'Standard' },
        firewallPolicy: { id: POLICY_ID },
        ipConfigurations: [
          {
            name: 'ipconfig',
            properties: {
              subnet: {
                id: id('Microsoft.Network/virtualNetworks/subnets', 'vnet-hub', 'AzureFirewallSubnet'),
              },
              publicIPAddress: { id: id('Microsoft.Network/publicIPAddresses', 'pip-afw-hub') },
            },
          },
        ],
      },
    },
  ]
}

/** rt-spoke sending everything to the hub firewall's private address (known after deployment). */
export const ARM_ROUTE_TO_FIREWALL = armSpokeRouteTable(
  [
    route(
      'default-via-firewall',
      '0.0.0.0/0',
      'VirtualAppliance',
      expr(`reference(${FIREWALL_ID.arm}, '${API}').ipConfigurations[0].properties.privateIPAddress`),
    ),
  ],
  [FIREWALL_ID],
)

/**
 * nsg-app with the given rules, and the spoke VNet with snet-app linked to it (and to rt-spoke if `routed`).
 */
export function armAppNsg(rules: Shape[], routed = false): Shape[] {
  const subnet: Record<string, Shape> = { networkSecurityGroup: { id: ARM_NSG_ID } }
  if (routed) subnet.routeTable = { id: ARM_ROUTE_TABLE_ID }
  return [
    {
      type: 'Microsoft.Network/networkSecurityGroups',
      apiVersion: API,
      name: 'nsg-app',
      location: LOCATION,
      properties: { securityRules: rules },
    },
    armSpokeVnet(subnet, routed ? [ARM_NSG_ID, ARM_ROUTE_TABLE_ID] : [ARM_NSG_ID]),
  ]
}

/** A NAT gateway with its public IP. */
export const ARM_NAT_GATEWAY: Shape[] = [
  {
    type: 'Microsoft.Network/publicIPAddresses',
    apiVersion: API,
    name: 'pip-nat',
    location: LOCATION,
    sku: { name: 'Standard' },
    properties: { publicIPAllocationMethod: 'Static' },
  },
  {
    type: 'Microsoft.Network/natGateways',
    apiVersion: API,
    name: 'ng-spoke',
    location: LOCATION,
    sku: { name: 'Standard' },
    dependsOn: [id('Microsoft.Network/publicIPAddresses', 'pip-nat')],
    properties: { publicIpAddresses: [{ id: id('Microsoft.Network/publicIPAddresses', 'pip-nat') }] },
  },
]
