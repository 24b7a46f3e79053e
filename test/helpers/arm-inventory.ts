/**
 * Deployed-resource inventories in the JSON shape ARM returns (`id`, `name`, `type`, `location`,
 * `properties`), for the fake ARM server and the live-read benchmark. Builders make single resources as
 * recorded from real subscriptions (trimmed of fields we never read); `generateInventory` makes N
 * subscriptions of a hub-and-spoke estate.
 */

export interface ArmResource {
  id: string
  name: string
  type: string
  location?: string
  etag?: string
  properties: Record<string, unknown>
  [extra: string]: unknown
}

export interface ArmEffectiveRoute {
  name?: string | null
  disableBgpRoutePropagation?: boolean
  source: 'Default' | 'User' | 'VirtualNetworkGateway' | 'Unknown'
  state: 'Active' | 'Invalid'
  addressPrefix: string[]
  nextHopIpAddress: string[]
  nextHopType: string
  hasBgpOverride?: boolean
}

export interface ArmInventory {
  /** Resources per subscription id (lower case keys not required: the server compares case-insensitively). */
  subscriptions: Record<string, ArmResource[]>
  /** Effective routes by NIC ARM id (any case). */
  effectiveRoutes?: Record<string, ArmEffectiveRoute[]>
  /** Effective security admin rules by VNet ARM id (any case), as ARM returns them; none = no rule. */
  effectiveAdminRules?: Record<string, unknown[]>
  /** Committed security admin rules by network manager ARM id (any case); none = nothing committed. */
  activeAdminRules?: Record<string, unknown[]>
  /** Azure Resource Graph network group memberships: member VNet or subnet ARM id → network group ARM ids. */
  groupMemberships?: Record<string, string[]>
  /** Deployment status entries (`listDeploymentStatus`) by network manager ARM id (any case); none = nothing committed. */
  deploymentStatus?: Record<string, unknown[]>
  /** Virtual hub effective routes by hub connection ARM id (any case), as getEffectiveVirtualHubRoutes returns them. */
  hubEffectiveRoutes?: Record<string, unknown[]>
}

const NET = 'Microsoft.Network'
export const rgId = (sub: string, rg: string) => `/subscriptions/${sub}/resourceGroups/${rg}`
export const netId = (sub: string, rg: string, type: string, name: string) =>
  `${rgId(sub, rg)}/providers/${NET}/${type}/${name}`

export interface RouteSpec {
  name: string
  addressPrefix: string
  nextHopType: string
  nextHopIpAddress?: string
}

export function armRouteTable(
  sub: string,
  rg: string,
  name: string,
  routes: RouteSpec[],
  disableBgp = false,
) {
  const id = netId(sub, rg, 'routeTables', name)
  return {
    id,
    name,
    type: `${NET}/routeTables`,
    location: 'westeurope',
    etag: 'W/"00000000-0000-0000-0000-000000000000"',
    properties: {
      provisioningState: 'Succeeded',
      resourceGuid: '11111111-1111-1111-1111-111111111111',
      disableBgpRoutePropagation: disableBgp,
      routes: routes.map((r) => ({
        name: r.name,
        id: `${id}/routes/${r.name}`,
        etag: 'W/"0"',
        type: `${NET}/routeTables/routes`,
        properties: {
          provisioningState: 'Succeeded',
          addressPrefix: r.addressPrefix,
          nextHopType: r.nextHopType,
          ...(r.nextHopIpAddress ? { nextHopIpAddress: r.nextHopIpAddress } : {}),
          hasBgpOverride: false,
        },
      })),
      subnets: [],
    },
  } satisfies ArmResource
}

export interface SubnetSpec {
  name: string
  prefix: string
  routeTableId?: string
  nsgId?: string
  natGatewayId?: string
  defaultOutboundAccess?: boolean
  /** NIC ip configuration ids, as ARM lists them on the subnet. */
  ipConfigurations?: string[]
}

export function armVnet(sub: string, rg: string, name: string, space: string, subnets: SubnetSpec[]) {
  const id = netId(sub, rg, 'virtualNetworks', name)
  return {
    id,
    name,
    type: `${NET}/virtualNetworks`,
    location: 'westeurope',
    properties: {
      provisioningState: 'Succeeded',
      addressSpace: { addressPrefixes: [space] },
      subnets: subnets.map((s) => ({
        name: s.name,
        id: `${id}/subnets/${s.name}`,
        type: `${NET}/virtualNetworks/subnets`,
        properties: {
          provisioningState: 'Succeeded',
          addressPrefix: s.prefix,
          ...(s.routeTableId ? { routeTable: { id: s.routeTableId } } : {}),
          ...(s.nsgId ? { networkSecurityGroup: { id: s.nsgId } } : {}),
          ...(s.natGatewayId ? { natGateway: { id: s.natGatewayId } } : {}),
          ...(s.defaultOutboundAccess !== undefined
            ? { defaultOutboundAccess: s.defaultOutboundAccess }
            : {}),
          ...(s.ipConfigurations ? { ipConfigurations: s.ipConfigurations.map((i) => ({ id: i })) } : {}),
          delegations: [],
          privateEndpointNetworkPolicies: 'Disabled',
          privateLinkServiceNetworkPolicies: 'Enabled',
        },
      })),
      virtualNetworkPeerings: [],
      enableDdosProtection: false,
    },
  } satisfies ArmResource
}

export interface NsgRuleSpec {
  name: string
  priority: number
  direction: 'Inbound' | 'Outbound'
  access: 'Allow' | 'Deny'
  protocol: string
  destinationAddressPrefix?: string
  destinationAddressPrefixes?: string[]
  destinationPortRange?: string
  destinationPortRanges?: string[]
}

export function armNsg(sub: string, rg: string, name: string, rules: NsgRuleSpec[]) {
  const id = netId(sub, rg, 'networkSecurityGroups', name)
  const rule = (r: NsgRuleSpec, collection: string) => ({
    name: r.name,
    id: `${id}/${collection}/${r.name}`,
    type: `${NET}/networkSecurityGroups/${collection}`,
    properties: {
      provisioningState: 'Succeeded',
      protocol: r.protocol,
      sourcePortRange: '*',
      sourceAddressPrefix: '*',
      ...(r.destinationAddressPrefix !== undefined
        ? { destinationAddressPrefix: r.destinationAddressPrefix }
        : {}),
      destinationAddressPrefixes: r.destinationAddressPrefixes ?? [],
      ...(r.destinationPortRange !== undefined ? { destinationPortRange: r.destinationPortRange } : {}),
      destinationPortRanges: r.destinationPortRanges ?? [],
      sourcePortRanges: [],
      sourceAddressPrefixes: [],
      access: r.access,
      priority: r.priority,
      direction: r.direction,
    },
  })
  return {
    id,
    name,
    type: `${NET}/networkSecurityGroups`,
    location: 'westeurope',
    properties: {
      provisioningState: 'Succeeded',
      securityRules: rules.map((r) => rule(r, 'securityRules')),
      // As ARM returns them; the reader must not turn these into model rules (the analysis adds them).
      defaultSecurityRules: [
        rule(
          {
            name: 'DenyAllOutBound',
            priority: 65500,
            direction: 'Outbound',
            access: 'Deny',
            protocol: '*',
            destinationAddressPrefix: '*',
            destinationPortRange: '*',
          },
          'defaultSecurityRules',
        ),
      ],
    },
  } satisfies ArmResource
}

export interface FirewallSpec {
  privateIp: string
  subnetId?: string
  policyId?: string
  forcedTunnelling?: boolean
  dnsProxy?: boolean
  /** Classic network rule collections. */
  networkRuleCollections?: {
    name: string
    priority: number
    action: 'Allow' | 'Deny'
    rules: {
      name: string
      protocols: string[]
      destinationAddresses: string[]
      destinationPorts: string[]
      sourceAddresses?: string[]
    }[]
  }[]
  hub?: boolean
}

export function armFirewall(sub: string, rg: string, name: string, spec: FirewallSpec) {
  const id = netId(sub, rg, 'azureFirewalls', name)
  const props: Record<string, unknown> = {
    provisioningState: 'Succeeded',
    sku: { name: spec.hub ? 'AZFW_Hub' : 'AZFW_VNet', tier: 'Standard' },
    threatIntelMode: 'Alert',
    additionalProperties:
      spec.dnsProxy !== undefined ? { 'Network.DNS.EnableProxy': String(spec.dnsProxy) } : {},
    ipConfigurations: spec.hub
      ? []
      : [
          {
            name: 'ipconfig',
            id: `${id}/azureFirewallIpConfigurations/ipconfig`,
            properties: {
              privateIPAddress: spec.privateIp,
              privateIPAllocationMethod: 'Dynamic',
              provisioningState: 'Succeeded',
              ...(spec.subnetId ? { subnet: { id: spec.subnetId } } : {}),
              publicIPAddress: { id: netId(sub, rg, 'publicIPAddresses', `${name}-pip`) },
            },
          },
        ],
    networkRuleCollections: (spec.networkRuleCollections ?? []).map((c) => ({
      name: c.name,
      id: `${id}/networkRuleCollections/${c.name}`,
      properties: {
        priority: c.priority,
        action: { type: c.action },
        rules: c.rules.map((r) => ({
          name: r.name,
          protocols: r.protocols,
          sourceAddresses: r.sourceAddresses ?? ['*'],
          destinationAddresses: r.destinationAddresses,
          destinationPorts: r.destinationPorts,
          sourceIpGroups: [],
          destinationIpGroups: [],
          destinationFqdns: [],
        })),
        provisioningState: 'Succeeded',
      },
    })),
    applicationRuleCollections: [],
    natRuleCollections: [],
  }
  if (spec.hub)
    props.hubIPAddresses = { privateIPAddress: spec.privateIp, publicIPs: { count: 1, addresses: [] } }
  if (spec.policyId) props.firewallPolicy = { id: spec.policyId }
  if (spec.forcedTunnelling)
    props.managementIpConfiguration = {
      name: 'mgmt',
      id: `${id}/azureFirewallIpConfigurations/mgmt`,
      properties: { privateIPAddress: '10.0.2.4' },
    }
  return {
    id,
    name,
    type: `${NET}/azureFirewalls`,
    location: 'westeurope',
    properties: props,
  } satisfies ArmResource
}

export function armFirewallPolicy(
  sub: string,
  rg: string,
  name: string,
  opts: { dnsProxy?: boolean; basePolicyId?: string; groupNames?: string[] } = {},
) {
  const id = netId(sub, rg, 'firewallPolicies', name)
  return {
    id,
    name,
    type: `${NET}/firewallPolicies`,
    location: 'westeurope',
    properties: {
      provisioningState: 'Succeeded',
      sku: { tier: 'Standard' },
      threatIntelMode: 'Alert',
      ...(opts.dnsProxy !== undefined ? { dnsSettings: { servers: [], enableProxy: opts.dnsProxy } } : {}),
      ...(opts.basePolicyId ? { basePolicy: { id: opts.basePolicyId } } : {}),
      ruleCollectionGroups: (opts.groupNames ?? []).map((g) => ({ id: `${id}/ruleCollectionGroups/${g}` })),
      firewalls: [],
      childPolicies: [],
    },
  } satisfies ArmResource
}

export interface PolicyNetworkRuleSpec {
  name: string
  ipProtocols: string[]
  sourceAddresses?: string[]
  destinationAddresses?: string[]
  destinationIpGroups?: string[]
  destinationFqdns?: string[]
  destinationPorts: string[]
}

export interface PolicyCollectionSpec {
  name: string
  priority: number
  action: 'Allow' | 'Deny'
  network?: PolicyNetworkRuleSpec[]
  application?: { name: string; protocols: { protocolType: string; port: number }[]; targetFqdns: string[] }[]
}

export function armRuleCollectionGroup(
  policyId: string,
  name: string,
  priority: number,
  collections: PolicyCollectionSpec[],
) {
  return {
    id: `${policyId}/ruleCollectionGroups/${name}`,
    name,
    type: `${NET}/FirewallPolicies/RuleCollectionGroups`,
    etag: '00000000-0000-0000-0000-000000000000',
    properties: {
      provisioningState: 'Succeeded',
      priority,
      ruleCollections: collections.map((c) => ({
        ruleCollectionType: 'FirewallPolicyFilterRuleCollection',
        name: c.name,
        priority: c.priority,
        action: { type: c.action },
        rules: [
          ...(c.network ?? []).map((r) => ({
            ruleType: 'NetworkRule',
            name: r.name,
            ipProtocols: r.ipProtocols,
            sourceAddresses: r.sourceAddresses ?? ['*'],
            sourceIpGroups: [],
            destinationAddresses: r.destinationAddresses ?? [],
            destinationIpGroups: r.destinationIpGroups ?? [],
            destinationFqdns: r.destinationFqdns ?? [],
            destinationPorts: r.destinationPorts,
          })),
          ...(c.application ?? []).map((r) => ({
            ruleType: 'ApplicationRule',
            name: r.name,
            protocols: r.protocols,
            sourceAddresses: ['*'],
            sourceIpGroups: [],
            targetFqdns: r.targetFqdns,
            fqdnTags: [],
            webCategories: [],
            targetUrls: [],
            terminateTLS: false,
            destinationAddresses: [],
          })),
        ],
      })),
    },
  } satisfies ArmResource
}

/**
 * A hub firewall's platform rule collection group: DNS to the Azure resolver always, TCP 1688 to the KMS
 * addresses only when `kmsAllowed` (the positive and negative controls of the Virtual WAN live tests).
 */
export function armPlatformRuleGroup(policyId: string, kmsAllowed: boolean) {
  return armRuleCollectionGroup(policyId, 'rcg-platform', 100, [
    {
      name: 'platform',
      priority: 100,
      action: 'Allow',
      network: [
        {
          name: 'dns',
          ipProtocols: ['UDP'],
          destinationAddresses: ['168.63.129.16'],
          destinationPorts: ['53'],
        },
        ...(kmsAllowed
          ? [
              {
                name: 'azure-kms',
                ipProtocols: ['TCP'],
                destinationAddresses: ['20.118.99.224', '40.83.235.53'],
                destinationPorts: ['1688'],
              },
            ]
          : []),
      ],
    },
  ])
}

export function armIpGroup(sub: string, rg: string, name: string, ipAddresses: string[]) {
  return {
    id: netId(sub, rg, 'ipGroups', name),
    name,
    type: `${NET}/ipGroups`,
    location: 'westeurope',
    properties: { provisioningState: 'Succeeded', ipAddresses, firewalls: [], firewallPolicies: [] },
  } satisfies ArmResource
}

export function armNatGateway(sub: string, rg: string, name: string) {
  return {
    id: netId(sub, rg, 'natGateways', name),
    name,
    type: `${NET}/natGateways`,
    location: 'westeurope',
    sku: { name: 'Standard' },
    properties: { provisioningState: 'Succeeded', idleTimeoutInMinutes: 4, publicIpAddresses: [] },
  } satisfies ArmResource
}

/**
 * A NIC in `subnetId`; `nsgId`: the NSG set on it; `id`: an id of another shape (a VM scale set instance's
 * NIC lives under Microsoft.Compute/virtualMachineScaleSets/<set>/virtualMachines/<i>/networkInterfaces).
 */
export function armNic(
  sub: string,
  rg: string,
  name: string,
  subnetId: string,
  vmId?: string,
  opts: { nsgId?: string; id?: string } = {},
) {
  const id = opts.id ?? netId(sub, rg, 'networkInterfaces', name)
  return {
    id,
    name,
    type: `${NET}/networkInterfaces`,
    location: 'westeurope',
    properties: {
      provisioningState: 'Succeeded',
      ipConfigurations: [
        {
          name: 'ipconfig1',
          id: `${id}/ipConfigurations/ipconfig1`,
          type: `${NET}/networkInterfaces/ipConfigurations`,
          properties: {
            privateIPAddress: '10.1.0.4',
            privateIPAllocationMethod: 'Dynamic',
            subnet: { id: subnetId },
            primary: true,
            privateIPAddressVersion: 'IPv4',
          },
        },
      ],
      ...(vmId ? { virtualMachine: { id: vmId } } : {}),
      ...(opts.nsgId ? { networkSecurityGroup: { id: opts.nsgId } } : {}),
      enableAcceleratedNetworking: false,
      enableIPForwarding: false,
    },
  } satisfies ArmResource
}

export interface InventorySize {
  subscriptions: number
  /** Per subscription: spokes, each a route table, an NSG and a vnet with two subnets. */
  spokes: number
  /** Per subscription: hub firewalls, each with a policy and one rule collection group. */
  firewalls: number
  /**
   * Per subscription, a Virtual Network Manager with one network group (every spoke a static member) and a
   * committed routing configuration (one rule collection, two routing rules), and a VPN gateway without BGP
   * in the first hub with this many site-to-site connections to local network gateways.
   */
  managed?: { vpnSites: number }
}

export const subscriptionIdOf = (i: number) => `00000000-0000-0000-0000-${String(i + 1).padStart(12, '0')}`

/**
 * A hub-and-spoke estate per subscription: spoke route tables send 0.0.0.0/0 to the hub firewall (forced
 * tunnel) and every third one also routes the KMS addresses to the Internet; each firewall's policy allows KMS
 * on TCP 1688. Deterministic, so benchmark runs are comparable.
 */
export function generateInventory(size: InventorySize): ArmInventory {
  const subscriptions: Record<string, ArmResource[]> = {}
  const deploymentStatus: Record<string, unknown[]> = {}
  for (let s = 0; s < size.subscriptions; s++) {
    const sub = subscriptionIdOf(s)
    const out: ArmResource[] = []
    for (let f = 0; f < size.firewalls; f++) {
      const rg = `rg-hub-${f}`
      const policy = armFirewallPolicy(sub, rg, `fwp-${f}`, { dnsProxy: true, groupNames: ['kms'] })
      out.push(policy, kmsRuleCollectionGroup(policy.id))
      out.push(
        armFirewall(sub, rg, `fw-${f}`, {
          privateIp: `10.${f}.0.4`,
          subnetId: `${netId(sub, rg, 'virtualNetworks', `vnet-hub-${f}`)}/subnets/AzureFirewallSubnet`,
          policyId: policy.id,
        }),
      )
      out.push(
        armVnet(sub, rg, `vnet-hub-${f}`, `10.${f}.0.0/16`, [
          { name: 'AzureFirewallSubnet', prefix: `10.${f}.0.0/26` },
        ]),
      )
    }
    for (let k = 0; k < size.spokes; k++) {
      const rg = `rg-spoke-${k}`
      const routes: RouteSpec[] = [
        {
          name: 'default',
          addressPrefix: '0.0.0.0/0',
          nextHopType: 'VirtualAppliance',
          nextHopIpAddress: '10.0.0.4',
        },
      ]
      if (k % 3 === 0)
        routes.push({ name: 'kms', addressPrefix: '20.118.99.224/32', nextHopType: 'Internet' })
      const rt = armRouteTable(sub, rg, `rt-spoke-${k}`, routes)
      const nsg = armNsg(sub, rg, `nsg-spoke-${k}`, [
        {
          name: 'deny-internet',
          priority: 4000,
          direction: 'Outbound',
          access: 'Deny',
          protocol: '*',
          destinationAddressPrefix: 'Internet',
          destinationPortRange: '*',
        },
      ])
      out.push(rt, nsg)
      const second = 100 + (k % 100)
      out.push(
        armVnet(sub, rg, `vnet-spoke-${k}`, `10.${second}.0.0/16`, [
          { name: 'workload', prefix: `10.${second}.1.0/24`, routeTableId: rt.id, nsgId: nsg.id },
          { name: 'data', prefix: `10.${second}.2.0/24`, routeTableId: rt.id },
        ]),
      )
    }
    if (size.managed) managedEstate(sub, size.spokes, size.managed.vpnSites, out, deploymentStatus)
    subscriptions[sub] = out
  }
  return { subscriptions, ...(size.managed ? { deploymentStatus } : {}) }
}

/** The network manager (UDR management) and the VPN gateway with local sites of one generated subscription. */
function managedEstate(
  sub: string,
  spokes: number,
  vpnSites: number,
  out: ArmResource[],
  deploymentStatus: Record<string, unknown[]>,
): void {
  const nm = netId(sub, 'rg-avnm', 'networkManagers', 'nm-platform')
  const group = `${nm}/networkGroups/ng-spokes`
  const config = `${nm}/routingConfigurations/rc-egress`
  const collection = `${config}/ruleCollections/rcol-spokes`
  out.push(
    ...armNetworkManager(sub, 'rg-avnm', 'nm-platform', {
      accesses: ['SecurityAdmin', 'Routing'],
      group: 'ng-spokes',
      members: Object.fromEntries(
        Array.from({ length: spokes }, (_, k) => [
          `sm-${k}`,
          netId(sub, `rg-spoke-${k}`, 'virtualNetworks', `vnet-spoke-${k}`),
        ]),
      ),
    }),
    {
      id: config,
      name: 'rc-egress',
      type: `${NET}/networkManagers/routingConfigurations`,
      properties: { routeTableUsageMode: 'UseExisting', provisioningState: 'Succeeded' },
    },
    {
      id: collection,
      name: 'rcol-spokes',
      type: `${NET}/networkManagers/routingConfigurations/ruleCollections`,
      properties: {
        appliesTo: [{ networkGroupId: group }],
        disableBgpRoutePropagation: 'False',
        provisioningState: 'Succeeded',
      },
    },
    ...['10.250.0.0/16', '10.251.0.0/16'].map((destination, i) => ({
      id: `${collection}/rules/r-${i}`,
      name: `r-${i}`,
      type: `${NET}/networkManagers/routingConfigurations/ruleCollections/rules`,
      properties: {
        destination: { type: 'AddressPrefix', destinationAddress: destination },
        nextHop: { nextHopType: 'VirtualAppliance', nextHopAddress: '10.0.0.4' },
        provisioningState: 'Succeeded',
      },
    })),
  )
  deploymentStatus[nm] = [
    {
      commitTime: '2026-12-01T09:30:12Z',
      region: 'westeurope',
      deploymentStatus: 'Deployed',
      configurationIds: [config],
      deploymentType: 'Routing',
    },
  ]
  if (vpnSites === 0) return
  const rg = 'rg-hub-0'
  const gateway = netId(sub, rg, 'virtualNetworkGateways', 'vgw-hub-0')
  const hub = out.find((r) => r.id === netId(sub, rg, 'virtualNetworks', 'vnet-hub-0'))
  const subnets = hub?.properties.subnets as
    { name: string; properties: Record<string, unknown> }[] | undefined
  subnets?.push({
    id: `${hub!.id}/subnets/GatewaySubnet`,
    name: 'GatewaySubnet',
    properties: {
      addressPrefix: '10.0.1.0/27',
      ipConfigurations: [{ id: `${gateway}/ipConfigurations/default` }],
    },
  } as never)
  out.push({
    id: gateway,
    name: 'vgw-hub-0',
    type: `${NET}/virtualNetworkGateways`,
    location: 'westeurope',
    properties: {
      provisioningState: 'Succeeded',
      gatewayType: 'Vpn',
      vpnType: 'RouteBased',
      enableBgp: false,
    },
  })
  for (let i = 0; i < vpnSites; i++) {
    const site = netId(sub, rg, 'localNetworkGateways', `lgw-site-${i}`)
    out.push(
      {
        id: site,
        name: `lgw-site-${i}`,
        type: `${NET}/localNetworkGateways`,
        location: 'westeurope',
        properties: {
          provisioningState: 'Succeeded',
          localNetworkAddressSpace: { addressPrefixes: [`192.168.${i}.0/24`] },
          gatewayIpAddress: `203.0.113.${i + 1}`,
        },
      },
      {
        id: netId(sub, rg, 'connections', `cn-site-${i}`),
        name: `cn-site-${i}`,
        type: `${NET}/connections`,
        location: 'westeurope',
        properties: {
          provisioningState: 'Succeeded',
          virtualNetworkGateway1: { id: gateway },
          localNetworkGateway2: { id: site },
          connectionType: 'IPsec',
          enableBgp: false,
        },
      },
    )
  }
}

/** Rule collection groups of the generated policies (the server lists them under their policy). */
export function kmsRuleCollectionGroup(policyId: string) {
  return armRuleCollectionGroup(policyId, 'kms', 100, [
    {
      name: 'allow-kms',
      priority: 100,
      action: 'Allow',
      network: [
        {
          name: 'kms',
          ipProtocols: ['TCP'],
          destinationAddresses: ['20.118.99.224', '40.83.235.53'],
          destinationPorts: ['1688'],
        },
      ],
    },
  ])
}

export interface SecuredHubSpec {
  sub: string
  rg: string
  name: string
  location: string
  /** The hub's address prefix; the hub firewall takes `.132` of it, as Azure assigns it in a /23 hub. */
  addressPrefix: string
  firewallIp: string
  /** Hub VNet connections: connection name → spoke VNet ARM id. */
  connections: Record<string, string>
  /** Whether the firewall policy's platform group allows KMS. */
  kmsAllowed: boolean
  /** Routing intent sending Internet (and, with `private`, private) traffic to the hub firewall. */
  intent?: { private?: boolean; provisioningState?: string }
  /** Routes of the hub's default route table; absent: the connections name no route table. */
  defaultRoutes?: unknown[]
  /** A site-to-site VPN gateway in the hub (its ARM id). */
  vpnGatewayId?: string
}

/**
 * A Virtual WAN secured hub as ARM returns it: the hub, its VNet connections (internet security on),
 * routing intent, default route table, the hub firewall, its policy and the platform rule collection group.
 */
export function armSecuredHub(spec: SecuredHubSpec): ArmResource[] {
  const hub = netId(spec.sub, spec.rg, 'virtualHubs', spec.name)
  const fw = netId(spec.sub, spec.rg, 'azureFirewalls', `afw-${spec.name}`)
  const policy = netId(spec.sub, spec.rg, 'firewallPolicies', `afwp-${spec.name}`)
  const defaultTable = `${hub}/hubRouteTables/defaultRouteTable`
  const firewall = armFirewall(spec.sub, spec.rg, `afw-${spec.name}`, {
    privateIp: spec.firewallIp,
    policyId: policy,
    hub: true,
  }) as ArmResource
  firewall.properties.virtualHub = { id: hub }
  const routingPolicies = [{ name: 'InternetTraffic', destinations: ['Internet'], nextHop: fw }]
  if (spec.intent?.private)
    routingPolicies.push({ name: 'PrivateTrafficPolicy', destinations: ['PrivateTraffic'], nextHop: fw })
  return [
    {
      id: hub,
      name: spec.name,
      type: `${NET}/virtualHubs`,
      location: spec.location,
      properties: {
        provisioningState: 'Succeeded',
        addressPrefix: spec.addressPrefix,
        virtualWan: { id: netId(spec.sub, spec.rg, 'virtualWans', 'vwan-contoso') },
        ...(spec.vpnGatewayId ? { vpnGateway: { id: spec.vpnGatewayId } } : {}),
        azureFirewall: { id: fw },
        sku: 'Standard',
        routingState: 'Provisioned',
      },
    },
    ...Object.entries(spec.connections).map(([name, spoke]) => ({
      id: `${hub}/hubVirtualNetworkConnections/${name}`,
      name,
      type: `${NET}/virtualHubs/hubVirtualNetworkConnections`,
      properties: {
        provisioningState: 'Succeeded',
        remoteVirtualNetwork: { id: spoke },
        enableInternetSecurity: true,
        ...(spec.defaultRoutes
          ? {
              routingConfiguration: {
                associatedRouteTable: { id: defaultTable },
                propagatedRouteTables: { labels: ['default'], ids: [{ id: defaultTable }] },
              },
            }
          : {}),
      },
    })),
    ...(spec.intent
      ? [
          {
            id: `${hub}/routingIntent/hubRoutingIntent`,
            name: 'hubRoutingIntent',
            type: `${NET}/virtualHubs/routingIntent`,
            properties: { provisioningState: spec.intent.provisioningState ?? 'Succeeded', routingPolicies },
          },
        ]
      : []),
    ...(spec.defaultRoutes
      ? [
          {
            id: defaultTable,
            name: 'defaultRouteTable',
            type: `${NET}/virtualHubs/hubRouteTables`,
            properties: { provisioningState: 'Succeeded', routes: spec.defaultRoutes, labels: ['default'] },
          },
        ]
      : []),
    firewall,
    armFirewallPolicy(spec.sub, spec.rg, `afwp-${spec.name}`, { groupNames: ['rcg-platform'] }),
    armPlatformRuleGroup(policy, spec.kmsAllowed),
  ]
}

/** A network manager with its scope (the subscription) and scope accesses, and one VNet network group. */
export function armNetworkManager(
  sub: string,
  rg: string,
  name: string,
  opts: { accesses: string[]; group: string; members: Record<string, string>; description?: string },
): ArmResource[] {
  const nm = netId(sub, rg, 'networkManagers', name)
  const group = `${nm}/networkGroups/${opts.group}`
  return [
    {
      id: nm,
      name,
      type: `${NET}/networkManagers`,
      location: 'westeurope',
      properties: {
        networkManagerScopes: { subscriptions: [`/subscriptions/${sub}`], managementGroups: [] },
        networkManagerScopeAccesses: opts.accesses,
        provisioningState: 'Succeeded',
      },
    },
    {
      id: group,
      name: opts.group,
      type: `${NET}/networkManagers/networkGroups`,
      properties: { memberType: 'VirtualNetwork', provisioningState: 'Succeeded' },
    },
    ...Object.entries(opts.members).map(([member, vnetId]) => ({
      id: `${group}/staticMembers/${member}`,
      name: member,
      type: `${NET}/networkManagers/networkGroups/staticMembers`,
      properties: { resourceId: vnetId, region: 'westeurope', provisioningState: 'Succeeded' },
    })),
  ]
}

/**
 * A Virtual Network Manager routing configuration (UDR management) of network manager `nm`, as ARM returns
 * it: one rule collection applying to the manager's network group `group`, with `rules` (destination
 * prefix → next hop). Its routes reach the group's subnets only where a commit deployed it
 * (armRoutingDeploymentStatus).
 */
export function armRoutingConfiguration(
  nm: string,
  name: string,
  opts: {
    group: string
    collection: string
    rules: { name: string; destination: string; nextHop: { nextHopType: string; nextHopAddress?: string } }[]
    /** The collection's `disableBgpRoutePropagation` (ARM spells it as a string). */
    disableBgpRoutePropagation?: boolean
    description?: string
  },
): ArmResource[] {
  const config = `${nm}/routingConfigurations/${name}`
  const collection = `${config}/ruleCollections/${opts.collection}`
  return [
    {
      id: config,
      name,
      type: `${NET}/networkManagers/routingConfigurations`,
      properties: {
        ...(opts.description ? { description: opts.description } : {}),
        routeTableUsageMode: 'ManagedOnly',
        provisioningState: 'Succeeded',
        resourceGuid: '3f1e2d4c-5b6a-4789-8a9b-0c1d2e3f4a5b',
      },
    },
    {
      id: collection,
      name: opts.collection,
      type: `${NET}/networkManagers/routingConfigurations/ruleCollections`,
      properties: {
        appliesTo: [{ networkGroupId: `${nm}/networkGroups/${opts.group}` }],
        disableBgpRoutePropagation: opts.disableBgpRoutePropagation === false ? 'False' : 'True',
        provisioningState: 'Succeeded',
      },
    },
    ...opts.rules.map((r) => ({
      id: `${collection}/rules/${r.name}`,
      name: r.name,
      type: `${NET}/networkManagers/routingConfigurations/ruleCollections/rules`,
      properties: {
        destination: { type: 'AddressPrefix', destinationAddress: r.destination },
        nextHop: r.nextHop,
        provisioningState: 'Succeeded',
      },
    })),
  ]
}

/** `listDeploymentStatus` of a network manager as ARM returns it after a routing commit of `configs` to `region`. */
export const armRoutingDeploymentStatus = (configs: string[], status = 'Deployed', region = 'westeurope') => [
  {
    commitTime: '2026-12-01T09:30:12.417Z',
    region,
    deploymentStatus: status,
    configurationIds: configs,
    deploymentType: 'Routing',
    errorMessage: '',
  },
]

/**
 * A route-based VPN gateway as ARM returns it, in the GatewaySubnet `gatewaySubnetId`; BGP on with `bgp`
 * (its ASN and peering address), off without. `publicIp`: the name of its public IP in the same group.
 */
export function armVpnGateway(
  sub: string,
  rg: string,
  name: string,
  gatewaySubnetId: string,
  opts: { sku: string; bgp?: { asn: number; peeringAddress: string }; publicIp?: string },
): ArmResource {
  const id = netId(sub, rg, 'virtualNetworkGateways', name)
  return {
    id,
    name,
    type: `${NET}/virtualNetworkGateways`,
    location: 'westeurope',
    properties: {
      provisioningState: 'Succeeded',
      ipConfigurations: [
        {
          name: 'default',
          id: `${id}/ipConfigurations/default`,
          properties: {
            privateIPAllocationMethod: 'Dynamic',
            subnet: { id: gatewaySubnetId },
            ...(opts.publicIp
              ? { publicIPAddress: { id: netId(sub, rg, 'publicIPAddresses', opts.publicIp) } }
              : {}),
          },
        },
      ],
      sku: { name: opts.sku, tier: opts.sku, capacity: 2 },
      gatewayType: 'Vpn',
      vpnType: 'RouteBased',
      enableBgp: opts.bgp !== undefined,
      activeActive: false,
      ...(opts.bgp
        ? { bgpSettings: { asn: opts.bgp.asn, bgpPeeringAddress: opts.bgp.peeringAddress, peerWeight: 0 } }
        : {}),
    },
  }
}
