/**
 * Azure Verified Modules for network resources, read from their documented parameters. The registry
 * modules are not downloaded: each is mapped to the ARM resources its main.bicep deploys, so a hub built
 * from `br/public:avm/res/network/...` is judged like one written out by hand. Parameter names follow the
 * modules' main.bicep in Azure/bicep-registry-modules (route-table, network-security-group,
 * firewall-policy, azure-firewall, virtual-network).
 */
import { known, type Origin } from '../../model/value'
import type { DeploymentContext } from './evaluator'
import type { BicepResource } from './types'
import { DEPLOYMENT_TIME, getAttr, vBool, vList, vObj, vStr, vUnknown, type V } from './values'

export type AvmKind =
  'route-table' | 'network-security-group' | 'firewall-policy' | 'azure-firewall' | 'virtual-network'

const KINDS: AvmKind[] = [
  'route-table',
  'network-security-group',
  'firewall-policy',
  'azure-firewall',
  'virtual-network',
]

/** `br/public:avm/res/network/route-table:0.4.0` or the `br:mcr.microsoft.com/bicep/avm/...` spelling. */
export function avmModuleKind(source: string): AvmKind | undefined {
  const m = /(?:^|\/|:)avm\/res\/network\/([a-z-]+):/i.exec(source)
  const kind = m?.[1].toLowerCase() as AvmKind | undefined
  return kind && KINDS.includes(kind) ? kind : undefined
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
      sourceType: `avm/res/network/${kind}`,
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
