/**
 * Azure Verified Modules for network resources, read from their documented parameters. The registry
 * modules are not downloaded: each is mapped to the ARM resources its main.bicep deploys, so a hub built
 * from `br/public:avm/res/network/...` is judged like one written out by hand. Parameter names follow the
 * modules' main.bicep in Azure/bicep-registry-modules (route-table, network-security-group,
 * firewall-policy, azure-firewall, virtual-network).
 */
import { known, type Origin } from '../../model/value'
import type { BicepResource, DeploymentContext } from './types'
import { DEPLOYMENT_TIME, getAttr, vBool, vList, vObj, vStr, vUnknown, type V } from './values'

export type AvmKind =
  | 'route-table'
  | 'network-security-group'
  | 'firewall-policy'
  | 'azure-firewall'
  | 'virtual-network'
  | 'virtual-wan'
  | 'virtual-hub'
  | 'vpn-gateway'
  | 'express-route-gateway'
  /** avm/ptn/network/virtual-wan: the WAN, hubs, secured-hub firewalls, routing intent, gateways. */
  | 'ptn-virtual-wan'

const KINDS: AvmKind[] = [
  'route-table',
  'network-security-group',
  'firewall-policy',
  'azure-firewall',
  'virtual-network',
  'virtual-wan',
  'virtual-hub',
  'vpn-gateway',
  'express-route-gateway',
]

/** `br/public:avm/res/network/route-table:0.4.0` or the `br:mcr.microsoft.com/bicep/avm/...` spelling. */
export function avmModuleKind(source: string): AvmKind | undefined {
  if (/(?:^|\/|:)avm\/ptn\/network\/virtual-wan:/i.test(source)) return 'ptn-virtual-wan'
  const m = /(?:^|\/|:)avm\/res\/network\/([a-z-]+):/i.exec(source)
  const kind = m?.[1].toLowerCase() as AvmKind | undefined
  return kind && KINDS.includes(kind) ? kind : undefined
}

/**
 * Azure Verified Modules whose resources cannot change a VM subnet's path to KMS (private endpoints, public
 * IPs, DNS zones, key vaults, storage, monitoring, AVD, identities, role assignments, container registries,
 * a Bastion host in its dedicated subnet...): not evaluating them leaves no
 * verdict open, so they draw no KMS011 notice. Anything not listed here (a VM, a NIC, any network module
 * not mapped) still does.
 */
const CANNOT_DECIDE_KMS =
  /(?:^|\/|:)avm\/(?:ptn\/(?:network\/private-link-private-dns-zones|alz\/ama|authorization\/[a-z-]+)|res\/(?:network\/(?:private-endpoint|public-ip-address|public-ip-prefix|private-dns-zone|dns-zone|bastion-host)|container-registry\/registry|(?:key-vault|storage|insights|operational-insights|operations-management|automation|desktop-virtualization|managed-identity|authorization|web|sql|document-db|cache|recovery-services|resources|maintenance)\/[a-z-]+|compute\/(?:gallery|image|disk-encryption-set|availability-set|proximity-placement-group)))(?:\/[a-z-]+)*:/i

export function avmCannotDecideKms(source: string): boolean {
  return CANNOT_DECIDE_KMS.test(source)
}

/**
 * Azure Verified Modules that may decide KMS for what they build (a VM whose own NIC may get an NSG) but
 * change no network object that exists without them: their NICs are new, the subnet and NSG they name are
 * only named. Not evaluating them is a notice, but leaves the other subnets' paths as they are.
 */
const OWN_NETWORK_ONLY = /(?:^|\/|:)avm\/res\/compute\/virtual-machine(?:-scale-set)?:/i

export function avmChangesOwnNetworkOnly(source: string): boolean {
  return OWN_NETWORK_ONLY.test(source)
}

/**
 * avm/ptn/network/hub-networking is not mapped: it is orphaned upstream (no owner, no fixes), and its
 * peerings, peering routes and firewall subnet associations pair the n-th peering with the n-th hub and
 * the n-th firewall (`hubVirtualNetworkPeer_local[index]`, `hubAzureFirewall[index]` over the flattened
 * peerings), so what Azure gets differs from what the parameters say as soon as hubs have unequal
 * numbers of peerings. Mapping it would mean either copying that defect or modelling a network Azure does
 * not build. Instead the call is a named unknown listing, per hub, what it would decide: the VNet and its
 * subnets, the hub route table (gateway route propagation off) with its routes on AzureFirewallSubnet, the
 * Azure Firewall, and the peerings.
 */
/**
 * Does an unmapped pattern say everything it deploys (hub-networking with its hubVirtualNetworks known)?
 * Then it puts in place only the hubs it lists, named; it cannot change another VNet's subnets.
 */
export function unmappedAvmPatternListed(source: string, params: Map<string, V>): boolean {
  return (
    /(?:^|\/|:)avm\/ptn\/network\/hub-networking:/i.test(source) &&
    params.get('hubVirtualNetworks')?.kind === 'object'
  )
}

export function unmappedAvmPattern(source: string, params: Map<string, V>): string | undefined {
  if (!/(?:^|\/|:)avm\/ptn\/network\/hub-networking:/i.test(source)) return undefined
  const hubs = params.get('hubVirtualNetworks')
  const advice =
    'write these as resources, or with the avm/res/network modules the scan maps (virtual-network, route-table, azure-firewall)'
  if (hubs?.kind !== 'object')
    return (
      `avm/ptn/network/hub-networking (orphaned upstream) is not mapped; its hub VNets, route tables, ` +
      `Azure Firewalls and peerings${hubs?.kind === 'unknown' ? ` (hubVirtualNetworks: ${hubs.reason})` : ''} are not judged: ${advice}`
    )
  const text = (v: V | undefined, fallback: string) => (v?.kind === 'string' ? v.value : fallback)
  const parts = Object.keys(hubs.attrs)
    .sort()
    .map((key) => {
      const h = hubs.attrs[key]!
      const at = (k: string) => getAttr0(h, k)
      const subnets = itemsOf(at('subnets'))
        .map((s) => text(getAttr0(s, 'name'), '?'))
        .join(', ')
      const routes = at('routes')
      const routeCount =
        routes?.kind === 'list'
          ? `${routes.items.length} route${routes.items.length === 1 ? '' : 's'}`
          : 'its routes'
      const firewall = at('enableAzureFirewall')
      const fwName = text(
        getAttr0(at('azureFirewallSettings') ?? vObj({}, h.origin), 'azureFirewallName'),
        key,
      )
      const peers = itemsOf(at('peeringSettings')).map((x) =>
        text(getAttr0(x, 'remoteVirtualNetworkName'), '?'),
      )
      return [
        `VNet ${key}${subnets ? ` (subnets ${subnets})` : ''}`,
        `route table ${text(at('routeTableName'), key)} (gateway route propagation off, ${routeCount}) on AzureFirewallSubnet`,
        ...(firewall?.kind === 'bool' && !firewall.value
          ? []
          : [`Azure Firewall ${fwName}${firewall?.kind === 'bool' ? '' : ' (if enableAzureFirewall)'}`]),
        ...(peers.length > 0 ? [`peerings to ${peers.join(', ')}`] : []),
      ].join(', ')
    })
  return (
    `avm/ptn/network/hub-networking (orphaned upstream) is not mapped; it would decide ${parts.join('; ')}. ` +
    `These are not judged: ${advice}`
  )
}

interface Call {
  address: string
  origin: Origin
  ctx: DeploymentContext
}

/** true / false, or undefined when the answer depends on an unknown. */
function isEmpty(v: V | undefined): boolean | undefined {
  if (v === undefined || v.kind === 'null') return true
  if (v.kind === 'unknown') return undefined
  if (v.kind === 'string') return v.value === ''
  if (v.kind === 'list') return v.items.length === 0
  if (v.kind === 'object') return Object.keys(v.attrs).length === 0
  return false
}

function idRef(id: string, expression: string, origin: Origin): V {
  return vUnknown(expression, DEPLOYMENT_TIME, origin, { resource: id, attribute: 'id' })
}

/** `{ id: <value> }`, the ARM reference shape. */
function ref(v: V): V {
  return vObj({ id: v }, v.origin)
}

/** Sets `key` to `value` when given (AVM passes `null` for unset options, which ARM reads as absent). */
function put(attrs: Record<string, V>, key: string, value: V | undefined): void {
  if (value !== undefined && value.kind !== 'null') attrs[key] = value
}

export function evaluateAvmModule(
  kind: AvmKind,
  params: Map<string, V>,
  call: Call,
): { outputs: Record<string, V> } {
  const p = (name: string): V | undefined => {
    const v = params.get(name)
    return v?.kind === 'null' ? undefined : v
  }
  const o = call.origin
  const name = p('name') ?? vUnknown(`${call.address}.params.name`, 'required parameter name not given', o)
  const emit = (symbol: string, armType: string, body: V, extra: Partial<BicepResource> = {}): string => {
    const address = `${call.address}.${symbol}`
    const id = `${call.ctx.idPrefix}${address}`
    const r: BicepResource = {
      armType,
      name: name.kind === 'string' ? known(name.value, name.origin) : toName(name),
      body,
      id,
      address,
      origin: o,
      format: 'bicep',
      sourceType: kind === 'ptn-virtual-wan' ? 'avm/ptn/network/virtual-wan' : `avm/res/network/${kind}`,
      ...extra,
    }
    if (call.ctx.variant !== undefined) r.variant = call.ctx.variant
    call.ctx.resources.push(r)
    return id
  }
  const out = (id: string): Record<string, V> => ({
    name,
    resourceId: idRef(id, `${call.address}.outputs.resourceId`, o),
  })

  switch (kind) {
    case 'route-table': {
      const props: Record<string, V> = {}
      put(props, 'routes', p('routes') ?? vList([], o))
      put(props, 'disableBgpRoutePropagation', p('disableBgpRoutePropagation') ?? vBool(false, o))
      const id = emit(
        'routeTable',
        'Microsoft.Network/routeTables',
        vObj({ name, properties: vObj(props, o) }, o),
      )
      return { outputs: out(id) }
    }
    case 'network-security-group': {
      const rules = p('securityRules')
      const mapped =
        rules?.kind === 'list' ? vList(rules.items.map(nsgRule), rules.origin) : (rules ?? vList([], o))
      const id = emit(
        'networkSecurityGroup',
        'Microsoft.Network/networkSecurityGroups',
        vObj({ name, properties: vObj({ securityRules: mapped }, o) }, o),
      )
      return { outputs: out(id) }
    }
    case 'firewall-policy': {
      const props: Record<string, V> = {}
      const base = p('basePolicyResourceId')
      if (isEmpty(base) === false || base?.kind === 'unknown') props.basePolicy = ref(base!)
      const proxy = p('enableProxy')
      const servers = p('servers') ?? p('dnsServers')
      if (proxy?.kind !== 'bool' || proxy.value)
        put(
          props,
          'dnsSettings',
          proxy ? vObj(servers ? { enableProxy: proxy, servers } : { enableProxy: proxy }, o) : undefined,
        )
      const id = emit(
        'firewallPolicy',
        'Microsoft.Network/firewallPolicies',
        vObj({ name, properties: vObj(props, o) }, o),
      )
      const groups = p('ruleCollectionGroups')
      const list = groups?.kind === 'list' ? groups.items : groups?.kind === 'unknown' ? [groups] : []
      list.forEach((g, i) => {
        const gName =
          getAttr0(g, 'name') ??
          vUnknown(`${call.address}.params.ruleCollectionGroups[${i}].name`, 'not set', g.origin)
        const gProps: Record<string, V> = {}
        put(gProps, 'priority', getAttr0(g, 'priority'))
        put(gProps, 'ruleCollections', getAttr0(g, 'ruleCollections'))
        const body =
          g.kind === 'unknown' ? g : vObj({ name: gName, properties: vObj(gProps, g.origin) }, g.origin)
        const fullName =
          name.kind === 'string' && gName.kind === 'string'
            ? known(`${name.value}/${gName.value}`, gName.origin)
            : toName(gName)
        const address = `${call.address}.firewallPolicy_ruleCollectionGroups[${i}]`
        const r: BicepResource = {
          armType: 'Microsoft.Network/firewallPolicies/ruleCollectionGroups',
          name: fullName,
          body,
          id:
            gName.kind === 'string'
              ? `${id}/ruleCollectionGroups/${gName.value}`
              : `${call.ctx.idPrefix}${address}`,
          address,
          origin: g.origin,
          format: 'bicep',
          sourceType: `avm/res/network/${kind}`,
          parent: known(id, o),
        }
        if (call.ctx.variant !== undefined) r.variant = call.ctx.variant
        call.ctx.resources.push(r)
      })
      return { outputs: out(id) }
    }
    case 'azure-firewall':
      return { outputs: azureFirewall(p, name, call, emit, out) }
    case 'virtual-wan': {
      const props: Record<string, V> = {}
      put(props, 'type', p('type'))
      put(props, 'allowBranchToBranchTraffic', p('allowBranchToBranchTraffic'))
      const id = emit(
        'virtualWan',
        'Microsoft.Network/virtualWans',
        vObj({ name, properties: vObj(props, o) }, o),
      )
      return { outputs: out(id) }
    }
    case 'virtual-hub':
      return { outputs: out(virtualHub(p, name, call, emit)) }
    case 'vpn-gateway':
    case 'express-route-gateway': {
      const props: Record<string, V> = {}
      const hub = p('virtualHubResourceId')
      if (hub) props.virtualHub = ref(hub)
      const armType =
        kind === 'vpn-gateway' ? 'Microsoft.Network/vpnGateways' : 'Microsoft.Network/expressRouteGateways'
      const id = emit(
        kind === 'vpn-gateway' ? 'vpnGateway' : 'expressRouteGateway',
        armType,
        vObj({ name, properties: vObj(props, o) }, o),
      )
      return { outputs: out(id) }
    }
    case 'ptn-virtual-wan':
      return { outputs: virtualWanPattern(p, call) }
    case 'virtual-network': {
      const subnets = p('subnets') ?? vList([], o)
      const mapped = subnets.kind === 'list' ? vList(subnets.items.map(vnetSubnet), subnets.origin) : subnets
      const props: Record<string, V> = {
        addressSpace: vObj({ addressPrefixes: p('addressPrefixes') ?? vList([], o) }, o),
        subnets: mapped,
      }
      const id = emit(
        'virtualNetwork',
        'Microsoft.Network/virtualNetworks',
        vObj({ name, properties: vObj(props, o) }, o),
      )
      const outputs = out(id)
      if (subnets.kind === 'list') {
        const names = subnets.items.map(
          (s) => getAttr0(s, 'name') ?? vUnknown('subnet.name', 'not set', s.origin),
        )
        outputs.subnetNames = vList(names, o)
        outputs.subnetResourceIds = vList(
          names.map((n, i) =>
            n.kind === 'string'
              ? vUnknown(`${call.address}.outputs.subnetResourceIds[${i}]`, DEPLOYMENT_TIME, o, {
                  resource: `${id}/subnets/${n.value}`,
                  attribute: 'id',
                })
              : vUnknown(`${call.address}.outputs.subnetResourceIds[${i}]`, DEPLOYMENT_TIME, o),
          ),
          o,
        )
      } else {
        outputs.subnetNames = vUnknown(`${call.address}.outputs.subnetNames`, 'subnets not known', o)
        outputs.subnetResourceIds = vUnknown(
          `${call.address}.outputs.subnetResourceIds`,
          'subnets not known',
          o,
        )
      }
      return { outputs }
    }
  }
}

function getAttr0(v: V, key: string): V | undefined {
  if (v.kind !== 'object') return undefined
  const x = getAttr(v, key)
  return x?.kind === 'null' ? undefined : x
}

function toName(v: V) {
  if (v.kind === 'unknown')
    return { known: false as const, expression: v.expression, reason: v.reason, origin: v.origin }
  return { known: false as const, expression: 'name', reason: 'name is not a string', origin: v.origin }
}

/** AVM security rules take ASG resource ids where ARM takes `[{ id }]`. */
function nsgRule(rule: V): V {
  const props = getAttr0(rule, 'properties')
  if (rule.kind !== 'object' || props?.kind !== 'object') return rule
  const attrs = { ...props.attrs }
  for (const side of ['source', 'destination']) {
    const ids = getAttr0(props, `${side}ApplicationSecurityGroupResourceIds`)
    if (ids === undefined) continue
    delete attrs[`${side}ApplicationSecurityGroupResourceIds`]
    attrs[`${side}ApplicationSecurityGroups`] =
      ids.kind === 'list' ? vList(ids.items.map(ref), ids.origin) : ids
  }
  return vObj({ ...rule.attrs, properties: vObj(attrs, props.origin) }, rule.origin)
}

/** An AVM subnet object (`routeTableResourceId`, ...) as the ARM inline subnet it becomes. */
function vnetSubnet(s: V): V {
  if (s.kind !== 'object') return s
  const props: Record<string, V> = {}
  put(props, 'addressPrefix', getAttr0(s, 'addressPrefix'))
  put(props, 'addressPrefixes', getAttr0(s, 'addressPrefixes'))
  const refs: [string, string][] = [
    ['routeTableResourceId', 'routeTable'],
    ['networkSecurityGroupResourceId', 'networkSecurityGroup'],
    ['natGatewayResourceId', 'natGateway'],
  ]
  for (const [param, prop] of refs) {
    const v = getAttr0(s, param)
    if (v !== undefined && isEmpty(v) !== true) props[prop] = ref(v)
  }
  put(props, 'defaultOutboundAccess', getAttr0(s, 'defaultOutboundAccess'))
  const name = getAttr0(s, 'name')
  return vObj(
    name ? { name, properties: vObj(props, s.origin) } : { properties: vObj(props, s.origin) },
    s.origin,
  )
}

function azureFirewall(
  p: (name: string) => V | undefined,
  name: V,
  call: Call,
  emit: (symbol: string, armType: string, body: V) => string,
  out: (id: string) => Record<string, V>,
): Record<string, V> {
  const o = call.origin
  const vnet = p('virtualNetworkResourceId')
  const hub = isEmpty(vnet) === true
  const tier = p('azureSkuTier') ?? vStr('Standard', o)
  const props: Record<string, V> = {
    sku: vObj({ name: vStr(hub ? 'AZFW_Hub' : 'AZFW_VNet', o), tier }, o),
  }
  if (!hub && vnet) {
    const subnetId = childId(vnet, 'AzureFirewallSubnet')
    props.ipConfigurations = vList(
      [
        vObj(
          { name: vStr('ipconfig', o), properties: vObj({ subnet: ref(subnetId) }, vnet.origin) },
          vnet.origin,
        ),
      ],
      vnet.origin,
    )
    // The module adds a management IP configuration (forced tunnelling) for Basic or when asked to.
    const forced = forcedTunnelling(p, tier)
    if (forced !== false && vnet)
      props.managementIpConfiguration =
        forced === true
          ? vObj(
              {
                name: vStr('mgmt', o),
                properties: vObj({ subnet: ref(childId(vnet, 'AzureFirewallManagementSubnet')) }, o),
              },
              o,
            )
          : forced
  }
  const hubIps = p('hubIPAddresses')
  if (hub && hubIps) props.hubIPAddresses = hubIps
  const virtualHub = p('virtualHubResourceId') ?? p('virtualHubId')
  if (hub && virtualHub && isEmpty(virtualHub) !== true) props.virtualHub = ref(virtualHub)
  const policy = p('firewallPolicyId')
  if (policy && isEmpty(policy) !== true) props.firewallPolicy = ref(policy)
  for (const c of ['networkRuleCollections', 'applicationRuleCollections', 'natRuleCollections'])
    put(props, c, p(c))
  const id = emit(
    'azureFirewall',
    'Microsoft.Network/azureFirewalls',
    vObj({ name, properties: vObj(props, o) }, o),
  )
  const outputs = out(id)
  outputs.privateIp = vUnknown(`${call.address}.outputs.privateIp`, 'assigned by Azure at deployment', o, {
    resource: id,
    attribute: 'properties.ipConfigurations[0].properties.privateIPAddress',
  })
  return outputs
}

/** true, false, or the unknown it depends on. */
function forcedTunnelling(p: (name: string) => V | undefined, tier: V): boolean | V {
  const flag = p('enableForcedTunneling')
  if (tier.kind === 'string' && tier.value.toLowerCase() === 'basic') return true
  if (flag?.kind === 'bool' && flag.value) return true
  if (tier.kind === 'unknown') return tier
  if (flag?.kind === 'unknown') return flag
  return false
}

/** `<vnet id>/subnets/<name>`: a string when the vnet id is, else a ref to the inline subnet's model id. */
function childId(vnet: V, subnet: string): V {
  if (vnet.kind === 'string') return vStr(`${vnet.value}/subnets/${subnet}`, vnet.origin)
  if (vnet.kind === 'unknown' && vnet.ref?.attribute === 'id')
    return vUnknown(`${vnet.expression}/subnets/${subnet}`, vnet.reason, vnet.origin, {
      resource: `${vnet.ref.resource}/subnets/${subnet}`,
      attribute: 'id',
    })
  return vnet.kind === 'unknown'
    ? vUnknown(`${vnet.expression}/subnets/${subnet}`, vnet.reason, vnet.origin)
    : vnet
}

type Emit = (symbol: string, armType: string, body: V, extra?: Partial<BicepResource>) => string

/** A child resource of `parentId` (`<hub>/<child>`), as the module's nested deployments create it. */
function child(
  call: Call,
  parent: { id: string; name: V },
  symbol: string,
  armType: string,
  segment: string,
  childName: V,
  props: V,
): void {
  const o = call.origin
  const address = `${call.address}.${symbol}`
  const fullName =
    parent.name.kind === 'string' && childName.kind === 'string'
      ? known(`${parent.name.value}/${childName.value}`, childName.origin)
      : toName(childName.kind === 'string' ? parent.name : childName)
  const r: BicepResource = {
    armType,
    name: fullName,
    body: vObj({ name: childName, properties: props }, props.origin),
    id:
      childName.kind === 'string'
        ? `${parent.id}/${segment}/${childName.value}`
        : `${call.ctx.idPrefix}${address}`,
    address,
    origin: childName.origin.file === o.file ? childName.origin : o,
    format: 'bicep',
    sourceType: armType.split('/').slice(1).join('/'),
    parent: known(parent.id, o),
  }
  if (call.ctx.variant !== undefined) r.variant = call.ctx.variant
  call.ctx.resources.push(r)
}

/** The list items of an array parameter; an unknown array is one unknown item. */
function itemsOf(v: V | undefined): V[] {
  if (v === undefined || v.kind === 'null') return []
  if (v.kind === 'list') return v.items
  return [v]
}

/**
 * avm/res/network/virtual-hub: the hub, and its nested deployments: routing intent (when
 * `azureFirewallResourceId` and `routingIntent` are given; `internetToFirewall`/`privateToFirewall` default
 * to true), `hubRouteTables`, `hubVirtualNetworkConnections`.
 */
function virtualHub(p: (name: string) => V | undefined, name: V, call: Call, emit: Emit): string {
  const o = call.origin
  const props: Record<string, V> = {}
  put(props, 'addressPrefix', p('addressPrefix'))
  put(props, 'sku', p('sku'))
  for (const [param, prop] of [
    ['virtualWanResourceId', 'virtualWan'],
    ['azureFirewallResourceId', 'azureFirewall'],
    ['vpnGatewayResourceId', 'vpnGateway'],
    ['expressRouteGatewayResourceId', 'expressRouteGateway'],
    ['p2SVpnGatewayResourceId', 'p2SVpnGateway'],
  ]) {
    const v = p(param)
    if (v !== undefined && isEmpty(v) !== true) props[prop] = ref(v)
  }
  const routes = p('routeTableRoutes')
  if (routes && isEmpty(routes) !== true) props.routeTable = vObj({ routes }, routes.origin)
  const id = emit(
    'virtualHub',
    'Microsoft.Network/virtualHubs',
    vObj({ name, properties: vObj(props, o) }, o),
  )
  const hub = { id, name }
  const firewall = p('azureFirewallResourceId')
  const intent = p('routingIntent')
  if (firewall && isEmpty(firewall) !== true && intent && isEmpty(intent) !== true) {
    const policies = routingPolicies(
      firewall,
      getAttr0(intent, 'internetToFirewall') ?? vBool(true, intent.origin),
      getAttr0(intent, 'privateToFirewall') ?? vBool(true, intent.origin),
      intent.origin,
    )
    child(
      call,
      hub,
      'virtualHub_routingIntent',
      'Microsoft.Network/virtualHubs/routingIntent',
      'routingIntent',
      vStr('defaultRouteTable', intent.origin),
      vObj({ routingPolicies: policies }, intent.origin),
    )
  }
  itemsOf(p('hubRouteTables')).forEach((t, i) => {
    const tProps: Record<string, V> = {}
    put(tProps, 'labels', getAttr0(t, 'labels'))
    put(tProps, 'routes', getAttr0(t, 'routes'))
    child(
      call,
      hub,
      `virtualHub_routeTables[${i}]`,
      'Microsoft.Network/virtualHubs/hubRouteTables',
      'hubRouteTables',
      getAttr0(t, 'name') ??
        (t.kind === 'unknown' ? t : vUnknown(`hubRouteTables[${i}].name`, 'not set', t.origin)),
      t.kind === 'unknown' ? t : vObj(tProps, t.origin),
    )
  })
  itemsOf(p('hubVirtualNetworkConnections')).forEach((c, i) => {
    const cProps: Record<string, V> = {}
    put(cProps, 'enableInternetSecurity', getAttr0(c, 'enableInternetSecurity'))
    const remote = getAttr0(c, 'remoteVirtualNetworkResourceId')
    if (remote) cProps.remoteVirtualNetwork = ref(remote)
    put(cProps, 'routingConfiguration', getAttr0(c, 'routingConfiguration'))
    child(
      call,
      hub,
      `virtualHub_hubVirtualNetworkConnections[${i}]`,
      'Microsoft.Network/virtualHubs/hubVirtualNetworkConnections',
      'hubVirtualNetworkConnections',
      getAttr0(c, 'name') ??
        (c.kind === 'unknown' ? c : vUnknown(`hubVirtualNetworkConnections[${i}].name`, 'not set', c.origin)),
      c.kind === 'unknown' ? c : vObj(cProps, c.origin),
    )
  })
  return id
}

/** Routing intent policies as the modules write them: Internet and/or PrivateTraffic → the firewall. */
function routingPolicies(firewall: V, internet: V, priv: V, o: Origin): V {
  if (internet.kind === 'unknown') return internet
  if (priv.kind === 'unknown') return priv
  const policy = (policyName: string, destination: string): V =>
    vObj(
      {
        name: vStr(policyName, o),
        destinations: vList([vStr(destination, o)], o),
        nextHop: firewall,
      },
      o,
    )
  const out: V[] = []
  if (internet.kind === 'bool' && internet.value) out.push(policy('InternetTrafficPolicy', 'Internet'))
  if (priv.kind === 'bool' && priv.value) out.push(policy('PrivateTrafficPolicy', 'PrivateTraffic'))
  return vList(out, o)
}

/**
 * avm/ptn/network/virtual-wan (main.bicep): the WAN (`virtualWanParameters.virtualWanName`), one hub per
 * `virtualHubParameters` entry (with its route tables and connections), and for a secured hub
 * (`secureHubParameters.deploySecureHub`) the hub firewall with `firewallPolicyResourceId` and the routing
 * intent it names; S2S VPN and ExpressRoute gateways in the hub when asked for.
 */
function virtualWanPattern(p: (name: string) => V | undefined, call: Call): Record<string, V> {
  const o = call.origin
  const wanParams = p('virtualWanParameters')
  const wanName =
    getAttr0(wanParams ?? vObj({}, o), 'virtualWanName') ??
    vUnknown(`${call.address}.params.virtualWanParameters.virtualWanName`, 'not set', o)
  const sub = (address: string): Call => ({ ...call, address })
  const wan = evaluateAvmModule(
    'virtual-wan',
    new Map([['name', wanName]]),
    sub(`${call.address}.virtualWan`),
  )
  const hubs = p('virtualHubParameters')
  const hubOutputs: V[] = []
  const list = hubs?.kind === 'list' ? hubs.items : []
  if (hubs?.kind === 'unknown')
    call.ctx.diagnostics.push({
      ruleId: 'KMS011',
      origin: o,
      message: `${call.address}: virtualHubParameters cannot be evaluated (${hubs.reason}); the hubs, firewalls and routing intent this pattern deploys are not judged`,
      expression: hubs.expression,
    })
  list.forEach((h, i) => {
    const at = (k: string) => getAttr0(h, k)
    const hubName = at('hubName') ?? vUnknown(`virtualHubParameters[${i}].hubName`, 'not set', h.origin)
    const secure = at('secureHubParameters')
    const deploySecure = secure ? getAttr0(secure, 'deploySecureHub') : undefined
    const hubParams = new Map<string, V>([
      ['name', hubName],
      ['virtualWanResourceId', wan.outputs.resourceId],
    ])
    for (const [from, to] of [
      ['hubAddressPrefix', 'addressPrefix'],
      ['hubRouteTables', 'hubRouteTables'],
      ['hubVirtualNetworkConnections', 'hubVirtualNetworkConnections'],
      ['sku', 'sku'],
    ]) {
      const v = at(from)
      if (v) hubParams.set(to, v)
    }
    const hubCall = sub(`${call.address}.virtualHubModule[${i}]`)
    const hub = evaluateAvmModule('virtual-hub', hubParams, hubCall)
    hubOutputs.push(vObj({ name: hubName, resourceId: hub.outputs.resourceId }, h.origin))
    if (secure && deploySecure?.kind !== 'bool') {
      if (deploySecure?.kind === 'unknown')
        call.ctx.diagnostics.push({
          ruleId: 'KMS011',
          origin: secure.origin,
          message: `${call.address}: whether hub ${hubName.kind === 'string' ? hubName.value : i} is a secured hub cannot be evaluated (${deploySecure.reason}); judged without its firewall`,
          expression: deploySecure.expression,
        })
    } else if (secure && deploySecure?.kind === 'bool' && deploySecure.value) {
      const s = (k: string) => getAttr0(secure, k)
      const fwName =
        s('azureFirewallName') ?? vUnknown(`secureHubParameters.azureFirewallName`, 'not set', secure.origin)
      const fwParams = new Map<string, V>([
        ['name', fwName],
        ['virtualHubResourceId', hub.outputs.resourceId],
      ])
      const sku = s('azureFirewallSku')
      if (sku) fwParams.set('azureSkuTier', sku)
      const policy = s('firewallPolicyResourceId')
      if (policy) fwParams.set('firewallPolicyId', policy)
      const fw = evaluateAvmModule('azure-firewall', fwParams, sub(`${call.address}.firewallModule[${i}]`))
      const intent = s('routingIntent')
      if (intent && isEmpty(intent) !== true) {
        // The pattern deploys the intent itself (both flags default to false here, unlike virtual-hub).
        const hubId = `${call.ctx.idPrefix}${call.address}.virtualHubModule[${i}].virtualHub`
        child(
          sub(`${call.address}.routingIntent[${i}]`),
          { id: hubId, name: hubName },
          'routingIntent',
          'Microsoft.Network/virtualHubs/routingIntent',
          'routingIntent',
          vStr('routingIntent', intent.origin),
          vObj(
            {
              routingPolicies: routingPolicies(
                fw.outputs.resourceId,
                getAttr0(intent, 'internetToFirewall') ?? vBool(false, intent.origin),
                getAttr0(intent, 'privateToFirewall') ?? vBool(false, intent.origin),
                intent.origin,
              ),
            },
            intent.origin,
          ),
        )
      }
    }
    for (const [key, flag, nameKey, kind] of [
      ['s2sVpnParameters', 'deployS2SVpnGateway', 'vpnGatewayName', 'vpn-gateway'],
      [
        'expressRouteParameters',
        'deployExpressRouteGateway',
        'expressRouteGatewayName',
        'express-route-gateway',
      ],
    ] as const) {
      const g = at(key)
      const on = g ? getAttr0(g, flag) : undefined
      if (!g || on?.kind !== 'bool' || !on.value) continue
      evaluateAvmModule(
        kind,
        new Map([
          ['name', getAttr0(g, nameKey) ?? vUnknown(`${key}.${nameKey}`, 'not set', g.origin)],
          ['virtualHubResourceId', hub.outputs.resourceId],
        ]),
        sub(
          `${call.address}.${kind === 'vpn-gateway' ? 's2sVpnGatewayModule' : 'expressRouteGatewayModule'}[${i}]`,
        ),
      )
    }
  })
  return {
    name: wanName,
    resourceId: wan.outputs.resourceId,
    virtualHubs: vList(hubOutputs, o),
  }
}
