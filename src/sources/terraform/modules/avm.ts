/**
 * Azure Verified Modules for Terraform that shape routing, read from their inputs when their code is not
 * available (no `terraform init`, no --download-modules), as the Bicep AVM modules are (bicep/avm.ts).
 * Each call becomes the azurerm resources the module creates, so the usual adapters judge them; the
 * input names and shapes follow the modules' variables.tf in Azure/terraform-azurerm-avm-res-network-*
 * (routetable, virtualnetwork, networksecuritygroup, azurefirewall, firewallpolicy and its
 * rule_collection_groups submodule), Azure/terraform-azurerm-avm-ptn-hubnetworking (hub VNets with a
 * firewall, its policy and route tables, mesh peering between hubs) and Azure/terraform-azurerm-avm-ptn-
 * virtualwan (the WAN, hubs, hub firewalls, routing intent, hub route tables, connections, gateways), and the
 * virtualnetwork module's `modules/subnet` and `modules/peering` submodules (azapi subnets and peerings
 * under a VNet given by `parent_id`). When the real code is installed or
 * downloaded it is evaluated instead, and this mapping is not used. Written by hand: no library reads
 * Terraform module inputs into azurerm resources.
 */
import type { Origin } from '../../../model/value'
import { bool, list, obj, str, unknownVal, type Val } from '../values'
import { parseSource } from './source'

export type AvmKind =
  | 'routetable'
  | 'virtualnetwork'
  | 'networksecuritygroup'
  | 'azurefirewall'
  | 'firewallpolicy'
  | 'rule-collection-group'
  | 'hubnetworking'
  | 'virtualwan'
  | 'virtualnetwork-subnet'
  | 'virtualnetwork-peering'

/** The AVM module a registry source names, if it is one this mapping knows. */
export function avmKind(source: string): AvmKind | undefined {
  const s = parseSource(source)
  if (s.kind !== 'registry' || s.namespace.toLowerCase() !== 'azure' || s.system !== 'azurerm')
    return undefined
  if (s.host !== 'registry.terraform.io' && s.host !== 'registry.opentofu.org') return undefined
  if (s.name.toLowerCase() === 'avm-ptn-hubnetworking') return s.subdir ? undefined : 'hubnetworking'
  if (s.name.toLowerCase() === 'avm-ptn-virtualwan') return s.subdir ? undefined : 'virtualwan'
  const m =
    /^avm-res-network-(routetable|virtualnetwork|networksecuritygroup|azurefirewall|firewallpolicy)$/.exec(
      s.name.toLowerCase(),
    )
  if (!m) return undefined
  const subdir = s.subdir?.replace(/\/+$/, '')
  if (m[1] === 'firewallpolicy' && subdir === 'modules/rule_collection_groups') return 'rule-collection-group'
  if (m[1] === 'virtualnetwork' && subdir === 'modules/subnet') return 'virtualnetwork-subnet'
  if (m[1] === 'virtualnetwork' && subdir === 'modules/peering') return 'virtualnetwork-peering'
  return s.subdir ? undefined : (m[1] as AvmKind)
}

export interface AvmResource {
  type: string
  /** Name and instance key: `this`, `this["app"]`. */
  name: string
  key?: string
  body: Val
}

export interface AvmExpansion {
  resources: AvmResource[]
  outputs: Record<string, Val>
  /** What the inputs leave open (an unknown collection): each becomes a notice at the module call. */
  problems: string[]
}

type Input = (name: string) => Val | undefined

/** An attribute of an object value (undefined when absent or null). */
function at(v: Val | undefined, name: string): Val | undefined {
  if (v?.kind !== 'object') return undefined
  const x = v.attrs[name]
  return x === undefined || x.kind === 'null' ? undefined : x
}

/** The entries of a map or list input; an unknown collection gives one unknown entry. */
function entries(v: Val | undefined): [string | undefined, Val][] {
  if (v === undefined || v.kind === 'null') return []
  if (v.kind === 'object')
    return Object.keys(v.attrs)
      .sort()
      .map((k) => [k, v.attrs[k]])
  if (v.kind === 'list') return v.items.map((x, i) => [String(i), x])
  return [[undefined, v]]
}

/** Only the attributes that are set. */
function pick(v: Val, names: readonly string[], o: Origin): Val {
  if (v.kind === 'unknown') return v
  const attrs: Record<string, Val> = {}
  for (const n of names) {
    const x = at(v, n)
    if (x !== undefined) attrs[n] = x
  }
  return obj(attrs, v.kind === 'object' ? v.origin : o)
}

function blocks(v: Val | undefined, names: readonly string[], o: Origin): Val {
  if (v?.kind === 'unknown') return v
  return list(
    entries(v).map(([, x]) => pick(x, names, o)),
    v?.origin ?? o,
  )
}

const ROUTE = ['name', 'address_prefix', 'next_hop_type', 'next_hop_in_ip_address'] as const
const SECURITY_RULE = [
  'name',
  'priority',
  'direction',
  'access',
  'protocol',
  'source_port_range',
  'source_port_ranges',
  'destination_port_range',
  'destination_port_ranges',
  'source_address_prefix',
  'source_address_prefixes',
  'destination_address_prefix',
  'destination_address_prefixes',
  'source_application_security_group_ids',
  'destination_application_security_group_ids',
] as const
const IP_CONFIGURATION = ['name', 'subnet_id', 'public_ip_address_id'] as const

type Emit = (type: string, name: string, body: Record<string, Val>, key?: string) => Val

/**
 * The association resources azurerm gives a subnet its route table, NSG and NAT gateway with, for the
 * targets given, in that order (the route table, VNet and hub networking modules all write them).
 */
/**
 * A VNet's name as the subnets emitted with it read it: a name not known here (a random suffix, an input
 * computed at apply time) keeps a reference to the VNet, so each subnet is matched to its own VNet as
 * `virtual_network_name = azurerm_virtual_network.this.name` would be, not left in a VNet no one can tell.
 */
function nameOfVnet(name: Val | undefined, vnetId: Val): Val | undefined {
  return name?.kind === 'unknown' && !name.ref && vnetId.kind === 'unknown' && vnetId.ref
    ? { ...name, ref: { resource: vnetId.ref.resource, attribute: 'name' } }
    : name
}

function associate(
  emit: Emit,
  subnetId: Val,
  targets: { routeTable?: Val | undefined; nsg?: Val | undefined; nat?: Val | undefined },
  key?: string,
): void {
  const { routeTable, nsg, nat } = targets
  if (routeTable)
    emit(
      'azurerm_subnet_route_table_association',
      'this',
      { subnet_id: subnetId, route_table_id: routeTable },
      key,
    )
  if (nsg)
    emit(
      'azurerm_subnet_network_security_group_association',
      'this',
      { subnet_id: subnetId, network_security_group_id: nsg },
      key,
    )
  if (nat)
    emit('azurerm_subnet_nat_gateway_association', 'this', { subnet_id: subnetId, nat_gateway_id: nat }, key)
}

export function expandAvm(kind: AvmKind, input: Input, address: string, site: Origin): AvmExpansion {
  const idOf = (type: string, name: string, key?: string): Val => {
    const resource = `${address}.${type}.${name}${key === undefined ? '' : `[${JSON.stringify(key)}]`}`
    return unknownVal(`${resource}.id`, 'computed at apply time', site, { resource, attribute: 'id' })
  }
  const set = (attrs: Record<string, Val>, name: string, v: Val | undefined): void => {
    if (v !== undefined && v.kind !== 'null') attrs[name] = v
  }
  const named = (): Record<string, Val> => {
    const a: Record<string, Val> = {}
    set(a, 'name', input('name') ?? unknownVal(`${address}.name`, 'required input name not given', site))
    set(a, 'resource_group_name', input('resource_group_name'))
    set(a, 'location', input('location'))
    return a
  }
  const resources: AvmResource[] = []
  const outputs: Record<string, Val> = {}
  const problems: string[] = []
  const emit: Emit = (type, name, body, key) => {
    resources.push({ type, name, key, body: obj(body, site) })
    return idOf(type, name, key)
  }

  switch (kind) {
    case 'routetable': {
      const body = named()
      set(body, 'bgp_route_propagation_enabled', input('bgp_route_propagation_enabled'))
      set(body, 'disable_bgp_route_propagation', input('disable_bgp_route_propagation'))
      body.route = blocks(input('routes'), ROUTE, site)
      const id = emit('azurerm_route_table', 'this', body)
      for (const [key, subnet] of entries(input('subnet_resource_ids')))
        associate(emit, subnet, { routeTable: id }, key)
      outputs.resource_id = id
      outputs.name = body.name
      outputs.resource = obj({ ...body, id }, site)
      break
    }
    case 'networksecuritygroup': {
      const body = named()
      body.security_rule = blocks(input('security_rules'), SECURITY_RULE, site)
      const id = emit('azurerm_network_security_group', 'this', body)
      outputs.resource_id = id
      outputs.name = body.name
      outputs.resource = obj({ ...body, id }, site)
      break
    }
    case 'virtualnetwork': {
      const body = named()
      const parent = input('parent_id')
      // Newer versions take the resource group's id (`parent_id`) instead of its name.
      if (!body.resource_group_name) set(body, 'resource_group_name', groupOf(parent, site))
      set(body, 'address_space', input('address_space'))
      const vnetId = emit('azurerm_virtual_network', 'this', body)
      const subnets: Record<string, Val> = {}
      const subnetInput = input('subnets')
      if (subnetInput?.kind === 'unknown')
        problems.push(`subnets is unknown (${subnetInput.reason}): the subnets it creates are not known`)
      for (const [key, s] of subnetInput?.kind === 'unknown' ? [] : entries(subnetInput)) {
        const k = key ?? '*'
        const sb: Record<string, Val> = {}
        set(sb, 'name', at(s, 'name') ?? (s.kind === 'unknown' ? s : undefined))
        set(sb, 'resource_group_name', body.resource_group_name)
        set(sb, 'virtual_network_name', nameOfVnet(body.name, vnetId))
        const prefixes = at(s, 'address_prefixes') ?? at(s, 'address_prefix')
        set(
          sb,
          'address_prefixes',
          prefixes?.kind === 'string' ? list([prefixes], prefixes.origin) : prefixes,
        )
        const subnetId = emit('azurerm_subnet', 'this', sb, k)
        const targets = {
          routeTable: at(at(s, 'route_table'), 'id'),
          nsg: at(at(s, 'network_security_group'), 'id'),
          nat: at(at(s, 'nat_gateway'), 'id'),
        }
        associate(emit, subnetId, targets, k)
        subnets[k] = obj(
          { resource_id: subnetId, name: sb.name ?? unknownVal(`${address}.subnets`, 'not set', site) },
          site,
        )
      }
      outputs.resource_id = vnetId
      outputs.name = body.name
      // Peerings (main.peering.tf): what a spoke's routing through its hub depends on.
      for (const [key, p] of entries(input('peerings'))) {
        if (key === undefined || p.kind !== 'object') continue
        const pb: Record<string, Val> = {}
        set(pb, 'name', at(p, 'name'))
        set(pb, 'resource_group_name', body.resource_group_name)
        set(pb, 'virtual_network_name', body.name)
        set(pb, 'remote_virtual_network_id', at(p, 'remote_virtual_network_resource_id'))
        for (const [n, dflt] of [
          ['allow_virtual_network_access', true],
          ['allow_forwarded_traffic', false],
          ['allow_gateway_transit', false],
          ['use_remote_gateways', false],
        ] as const)
          pb[n] = at(p, n) ?? bool(dflt, p.origin)
        emit('azurerm_virtual_network_peering', 'this', pb, key)
      }
      outputs.subnets = obj(subnets, site)
      outputs.resource = obj({ ...body, id: vnetId }, site)
      break
    }
    case 'azurefirewall': {
      const body = named()
      set(body, 'sku_name', input('firewall_sku_name'))
      set(body, 'sku_tier', input('firewall_sku_tier'))
      set(body, 'firewall_policy_id', input('firewall_policy_id'))
      set(body, 'private_ip_ranges', input('firewall_private_ip_ranges'))
      const configs = [input('firewall_ip_configuration'), input('ip_configurations')]
      const items: Val[] = []
      let unknownConfig: Val | undefined
      for (const c of configs) {
        const b = blocks(c, IP_CONFIGURATION, site)
        if (b.kind === 'list') items.push(...b.items)
        else unknownConfig = b
      }
      body.ip_configuration = unknownConfig ?? list(items, site)
      const hub = input('firewall_virtual_hub')
      if (hub) body.virtual_hub = list([pick(hub, ['virtual_hub_id', 'public_ip_count'], site)], site)
      const id = emit('azurerm_firewall', 'this', body)
      const resource = `${address}.azurerm_firewall.this`
      outputs.resource_id = id
      outputs.name = body.name
      outputs.resource = obj(
        {
          ...body,
          id,
          ip_configuration: list(
            [
              obj(
                {
                  private_ip_address: unknownVal(
                    `${resource}.ip_configuration[0].private_ip_address`,
                    'computed at apply time',
                    site,
                    {
                      resource,
                      attribute: 'ip_configuration[0].private_ip_address',
                    },
                  ),
                },
                site,
              ),
            ],
            site,
          ),
        },
        site,
      )
      break
    }
    case 'firewallpolicy': {
      const body = named()
      set(body, 'sku', input('firewall_policy_sku'))
      set(body, 'base_policy_id', input('firewall_policy_base_policy_id'))
      set(body, 'private_ip_ranges', input('firewall_policy_private_ip_ranges'))
      const dns = input('firewall_policy_dns')
      if (dns) body.dns = list([pick(dns, ['proxy_enabled', 'servers'], site)], site)
      const id = emit('azurerm_firewall_policy', 'this', body)
      outputs.resource_id = id
      outputs.name = body.name
      outputs.resource = obj({ ...body, id }, site)
      break
    }
    case 'rule-collection-group': {
      const p = 'firewall_policy_rule_collection_group_'
      const body: Record<string, Val> = {}
      set(body, 'name', input(`${p}name`))
      set(body, 'priority', input(`${p}priority`))
      set(body, 'firewall_policy_id', input(`${p}firewall_policy_id`))
      for (const c of ['network_rule_collection', 'application_rule_collection', 'nat_rule_collection'])
        set(body, c, input(`${p}${c}`))
      const id = emit('azurerm_firewall_policy_rule_collection_group', 'this', body)
      outputs.resource_id = id
      outputs.resource = obj({ ...body, id }, site)
      break
    }
    case 'virtualnetwork-subnet':
      avmSubnet(input, { emit, site, outputs, address, problems })
      break
    case 'virtualnetwork-peering':
      avmPeering(input, { emit, site, outputs, address, problems })
      break
    case 'hubnetworking':
      hubNetworking(input('hub_virtual_networks'), { emit, site, outputs, address, problems })
      break
    case 'virtualwan':
      virtualWan(input, { emit, site, outputs, address, problems })
      break
  }
  return { resources, outputs, problems }
}

interface HubCtx {
  emit: Emit
  site: Origin
  address: string
  outputs: Record<string, Val>
  problems: string[]
}

const isSet = (v: Val | undefined): v is Val => v !== undefined && v.kind !== 'null'

/** `try(x, fallback)` for a boolean: the default when absent. */
function flag(v: Val | undefined, dflt: boolean): boolean | undefined {
  if (v === undefined || v.kind === 'null') return dflt
  return v.kind === 'bool' ? v.value : undefined
}

/** The resource group named by a resource group id (`parent_id`). */
function groupOf(parent: Val | undefined, o: Origin): Val | undefined {
  if (parent?.kind !== 'string') return parent
  const rg = /\/resourceGroups\/([^/]+)/i.exec(parent.value)?.[1]
  return rg ? str(rg, parent.origin) : unknownVal('parent_id', 'not a resource group id', o)
}

/** A route of the pattern's `route_table_entries_*` (it spells the next hop `next_hop_ip_address`). */
function entryRoute(e: Val, o: Origin): Val {
  if (e.kind === 'unknown') return e
  const r: Record<string, Val> = {}
  for (const n of ['name', 'address_prefix', 'next_hop_type']) {
    const x = at(e, n)
    if (x) r[n] = x
  }
  const hop = at(e, 'next_hop_ip_address')
  if (hop) r.next_hop_in_ip_address = hop
  return obj(r, e.origin ?? o)
}

/**
 * Azure/avm-ptn-hubnetworking/azurerm (locals.*.tf, main.*.tf): per entry of `hub_virtual_networks`, a
 * VNet; with `firewall`, an AzureFirewallSubnet whose route table sends 0.0.0.0/0 to the Internet, the
 * firewall (and a policy when `firewall.firewall_policy` is given without `firewall_policy_id`); a route
 * table for the user subnets sending 0.0.0.0/0 (and other hubs' `routing_address_space`) to the firewall
 * or `hub_router_ip_address`; mesh peering between hubs. Spokes peer to it with their own code.
 */
function hubNetworking(hubsInput: Val | undefined, c: HubCtx): void {
  const { emit, site: o } = c
  if (hubsInput?.kind === 'unknown') {
    c.problems.push(
      `hub_virtual_networks is unknown (${hubsInput.reason}): the hub networks, firewalls and route tables it creates are not known`,
    )
    return
  }
  const hubs = entries(hubsInput).filter((e): e is [string, Val] => e[0] !== undefined)
  const firewallIp = new Map<string, Val>()
  const firewallName = new Map<string, Val>()
  const userTable = new Map<string, boolean>()
  // First pass: the firewalls' addresses, which every hub's routes refer to.
  for (const [k, hub] of hubs) {
    const fw = at(hub, 'firewall')
    if (fw) {
      const resource = `${c.address}.azurerm_firewall.this[${JSON.stringify(k)}]`
      firewallIp.set(
        k,
        unknownVal(`${resource}.ip_configuration[0].private_ip_address`, 'computed at apply time', o, {
          resource,
          attribute: 'ip_configuration[0].private_ip_address',
        }),
      )
      firewallName.set(k, at(fw, 'name') ?? str(`fw-${k}`, fw.origin))
    } else {
      const router = at(hub, 'hub_router_ip_address')
      if (router) firewallIp.set(k, router)
    }
    userTable.set(k, firewallIp.has(k))
  }
  const mesh = (hub: Val): boolean => flag(at(hub, 'mesh_peering_enabled'), true) !== false
  const meshRoutes = (src: string, srcHub: Val): Val[] => {
    if (!mesh(srcHub)) return []
    const out: Val[] = []
    for (const [dst, dstHub] of hubs) {
      if (dst === src || !mesh(dstHub) || !firewallIp.has(dst)) continue
      const space = at(dstHub, 'routing_address_space')
      for (const cidr of space?.kind === 'list' ? space.items : space ? [space] : []) {
        const name = cidr.kind === 'string' ? cidr.value.replace('/', '-') : 'routing_address_space'
        out.push(
          obj(
            {
              name: str(`${src}-${dst}-${name}`, cidr.origin),
              address_prefix: cidr,
              next_hop_type: str('VirtualAppliance', cidr.origin),
              next_hop_in_ip_address: firewallIp.get(dst)!,
            },
            cidr.origin,
          ),
        )
      }
    }
    return out
  }
  const listOf = (v: Val | undefined): Val[] => entries(v).map(([, x]) => x)
  const outs = {
    firewalls: {} as Record<string, Val>,
    policies: {} as Record<string, Val>,
    rtFirewall: {} as Record<string, Val>,
    rtUser: {} as Record<string, Val>,
    names: {} as Record<string, Val>,
    ids: {} as Record<string, Val>,
    vnets: {} as Record<string, Val>,
  }
  for (const [k, hub] of hubs) {
    if (hub.kind === 'unknown') {
      c.problems.push(`hub_virtual_networks["${k}"] is unknown (${hub.reason})`)
      continue
    }
    const ho = hub.origin
    const rg = groupOf(at(hub, 'parent_id'), ho)
    const vnetName = at(hub, 'name') ?? unknownVal(`hub_virtual_networks["${k}"].name`, 'not set', ho)
    const located = (attrs: Record<string, Val>): Record<string, Val> => {
      if (rg) attrs.resource_group_name = rg
      const loc = at(hub, 'location')
      if (loc) attrs.location = loc
      return attrs
    }
    const vnetBody = located({ name: vnetName })
    const space = at(hub, 'address_space')
    if (space) vnetBody.address_space = space
    const vnetId = emit('azurerm_virtual_network', 'this', vnetBody, k)
    const subnetIds: Record<string, Val> = {}
    const subnet = (key: string, body: Record<string, Val>, rt?: Val, nsg?: Val, nat?: Val): Val => {
      const sb: Record<string, Val> = { ...body, virtual_network_name: nameOfVnet(vnetName, vnetId)! }
      if (rg) sb.resource_group_name = rg
      const id = emit('azurerm_subnet', 'this', sb, key)
      associate(emit, id, { routeTable: rt, nsg, nat }, key)
      subnetIds[key] = id
      return id
    }

    const fw = at(hub, 'firewall')
    let userRt: Val | undefined
    const userEntries = listOf(at(hub, 'route_table_entries_user_subnets'))
    if (userTable.get(k) || userEntries.length > 0) {
      const routes: Val[] = []
      if (userTable.get(k))
        routes.push(
          obj(
            {
              name: str(`${k}-0.0.0.0-0`, ho),
              address_prefix: str('0.0.0.0/0', ho),
              next_hop_type: str('VirtualAppliance', ho),
              next_hop_in_ip_address: firewallIp.get(k)!,
            },
            ho,
          ),
        )
      if (userTable.get(k)) routes.push(...meshRoutes(k, hub))
      routes.push(...userEntries.map((e) => entryRoute(e, ho)))
      const name = at(hub, 'route_table_name_user_subnets') ?? str(`rt-user-subnets-${k}`, ho)
      userRt = emit(
        'azurerm_route_table',
        'user_subnets',
        located({ name, bgp_route_propagation_enabled: bool(true, ho), route: list(routes, ho) }),
        k,
      )
      outs.rtUser[k] = obj({ id: userRt, name }, ho)
    }

    if (fw) {
      const fo = fw.origin
      const fwRoutes: Val[] = [
        obj(
          {
            name: str('internet', fo),
            address_prefix: str('0.0.0.0/0', fo),
            next_hop_type: str('Internet', fo),
          },
          fo,
        ),
        ...meshRoutes(k, hub),
        ...listOf(at(hub, 'route_table_entries_firewall')).map((e) => entryRoute(e, fo)),
      ]
      const rtName = at(hub, 'route_table_name_firewall') ?? str(`rt-firewall-${k}`, ho)
      const fwRt = emit(
        'azurerm_route_table',
        'firewall',
        located({ name: rtName, bgp_route_propagation_enabled: bool(true, fo), route: list(fwRoutes, fo) }),
        k,
      )
      outs.rtFirewall[k] = obj({ id: fwRt, name: rtName }, fo)
      const prefix = at(fw, 'subnet_address_prefix')
      const fwSubnet = subnet(
        `${k}-AzureFirewallSubnet`,
        {
          name: str('AzureFirewallSubnet', fo),
          ...(prefix ? { address_prefixes: list([prefix], prefix.origin) } : {}),
        },
        at(fw, 'subnet_route_table_id') ?? fwRt,
      )
      let policyId = at(fw, 'firewall_policy_id')
      const policy = at(fw, 'firewall_policy')
      if (!policyId && policy) {
        const body = located({ name: at(policy, 'name') ?? str(`fwp-${k}`, policy.origin) })
        for (const [from, to] of [
          ['sku', 'sku'],
          ['base_policy_id', 'base_policy_id'],
          ['private_ip_ranges', 'private_ip_ranges'],
        ]) {
          const x = at(policy, from)
          if (x) body[to] = x
        }
        const dns = at(policy, 'dns')
        if (dns) body.dns = list([pick(dns, ['proxy_enabled', 'servers'], policy.origin)], dns.origin)
        policyId = emit('azurerm_firewall_policy', 'this', body, k)
        outs.policies[k] = obj({ id: policyId, name: body.name }, policy.origin)
      }
      const fwBody = located({ name: firewallName.get(k)! })
      for (const n of ['sku_name', 'sku_tier', 'private_ip_ranges']) {
        const x = at(fw, n)
        if (x) fwBody[n] = x
      }
      if (policyId) fwBody.firewall_policy_id = policyId
      fwBody.ip_configuration = list([obj({ name: str('default', fo), subnet_id: fwSubnet }, fo)], fo)
      const fwId = emit('azurerm_firewall', 'this', fwBody, k)
      outs.firewalls[k] = obj(
        { id: fwId, name: firewallName.get(k)!, private_ip_address: firewallIp.get(k)! },
        fo,
      )
    }

    for (const [sk, s] of entries(at(hub, 'subnets'))) {
      if (sk === undefined) {
        c.problems.push(`hub_virtual_networks["${k}"].subnets is unknown`)
        continue
      }
      const rtInput = at(s, 'route_table')
      const generated = flag(at(rtInput, 'assign_generated_route_table'), true)
      const rt = generated === false ? at(rtInput, 'id') : generated === true ? userRt : at(rtInput, 'id')
      const prefixes = at(s, 'address_prefixes')
      subnet(
        `${k}-${sk}`,
        {
          name: at(s, 'name') ?? unknownVal(`subnets["${sk}"].name`, 'not set', s.origin),
          ...(prefixes ? { address_prefixes: prefixes } : {}),
        },
        rt,
        at(at(s, 'network_security_group'), 'id'),
        at(at(s, 'nat_gateway'), 'id'),
      )
    }

    outs.names[k] = vnetName
    outs.ids[k] = vnetId
    const vnetOut: Record<string, Val> = {
      name: vnetName,
      id: vnetId,
      virtual_network_resource_id: vnetId,
      subnet_ids: obj(subnetIds, ho),
    }
    if (rg) vnetOut.resource_group_name = rg
    for (const n of ['parent_id', 'location']) if (isSet(at(hub, n))) vnetOut[n] = at(hub, n)!
    if (space) vnetOut.address_spaces = space
    const router = firewallIp.get(k)
    if (router) vnetOut.hub_router_ip_address = router
    outs.vnets[k] = obj(vnetOut, ho)
  }

  // Mesh peering: every hub to every other (the pattern's locals.peering.tf).
  for (const [from, a] of hubs) {
    if (a.kind === 'unknown' || !mesh(a)) continue
    for (const [to] of hubs) {
      if (to === from || !outs.ids[to]) continue
      const body: Record<string, Val> = {
        name: str(`${from}-${to}`, a.origin),
        virtual_network_name: outs.names[from],
        remote_virtual_network_id: outs.ids[to],
        allow_virtual_network_access: bool(true, a.origin),
        allow_forwarded_traffic: bool(true, a.origin),
        allow_gateway_transit: bool(true, a.origin),
        use_remote_gateways: bool(false, a.origin),
      }
      const rg = groupOf(at(a, 'parent_id'), a.origin)
      if (rg) body.resource_group_name = rg
      emit('azurerm_virtual_network_peering', 'this', body, `${from}-${to}`)
    }
  }
  c.outputs.firewalls = obj(outs.firewalls, o)
  c.outputs.firewall_policies = obj(outs.policies, o)
  c.outputs.hub_route_tables_firewall = obj(outs.rtFirewall, o)
  c.outputs.hub_route_tables_user_subnets = obj(outs.rtUser, o)
  c.outputs.name = obj(outs.names, o)
  c.outputs.resource_id = obj(outs.ids, o)
  c.outputs.virtual_networks = obj(outs.vnets, o)
}

/**
 * Azure/avm-ptn-virtualwan/azurerm (main*.tf and its modules/): the WAN, `virtual_hubs`, `firewalls` in
 * them (`virtual_hub_key`), `routing_intents` whose policies name a firewall by `next_hop_firewall_key`,
 * `virtual_hub_route_tables`, `virtual_network_connections` and the hubs' VPN / ExpressRoute gateways.
 * Everything refers to hubs, firewalls and tables by map key; an unknown key leaves that link unknown.
 */
function virtualWan(input: (name: string) => Val | undefined, c: HubCtx): void {
  const { emit, site: o } = c
  const rg = input('resource_group_name')
  const withRg = (attrs: Record<string, Val>, own?: Val): Record<string, Val> => {
    const g = own ?? rg
    if (g) attrs.resource_group_name = g
    return attrs
  }
  const wanBody = withRg({
    name: input('virtual_wan_name') ?? unknownVal(`${c.address}.virtual_wan_name`, 'not given', o),
  })
  const loc = input('location')
  if (loc) wanBody.location = loc
  const wanId = emit('azurerm_virtual_wan', 'this', wanBody)
  const keyed = (name: string): [string, Val][] => {
    const v = input(name)
    if (v?.kind === 'unknown') {
      c.problems.push(`${name} is unknown (${v.reason})`)
      return []
    }
    return entries(v).filter((e): e is [string, Val] => e[0] !== undefined && e[1].kind === 'object')
  }
  const byKey = (ids: Map<string, Val>, key: Val | undefined, what: string, at: Origin): Val => {
    if (key?.kind === 'string' && ids.has(key.value)) return ids.get(key.value)!
    if (key?.kind === 'unknown') return key
    return unknownVal(
      `${what} ${key?.kind === 'string' ? `"${key.value}"` : ''}`.trim(),
      `no such key in ${what}`,
      at,
    )
  }
  const hubIds = new Map<string, Val>()
  for (const [k, h] of keyed('virtual_hubs')) {
    const body = withRg({}, at(h, 'resource_group'))
    for (const n of ['name', 'location', 'address_prefix', 'sku']) {
      const x = at(h, n)
      if (x) body[n] = x
    }
    body.virtual_wan_id = wanId
    hubIds.set(k, emit('azurerm_virtual_hub', 'this', body, k))
  }
  const firewallIds = new Map<string, Val>()
  const firewallIps: Record<string, Val> = {}
  for (const [k, f] of keyed('firewalls')) {
    const body = withRg({})
    for (const n of ['name', 'sku_tier', 'firewall_policy_id']) {
      const x = at(f, n)
      if (x) body[n] = x
    }
    body.sku_name = at(f, 'sku_name') ?? str('AZFW_Hub', f.origin)
    body.virtual_hub = list(
      [obj({ virtual_hub_id: byKey(hubIds, at(f, 'virtual_hub_key'), 'virtual_hubs', f.origin) }, f.origin)],
      f.origin,
    )
    firewallIds.set(k, emit('azurerm_firewall', 'this', body, k))
    const resource = `${c.address}.azurerm_firewall.this[${JSON.stringify(k)}]`
    firewallIps[k] = obj(
      {
        firewall_key: str(k, f.origin),
        private_ip_address: unknownVal(
          `${resource}.virtual_hub[0].private_ip_address`,
          'computed at apply time',
          o,
          {
            resource,
            attribute: 'virtual_hub[0].private_ip_address',
          },
        ),
      },
      f.origin,
    )
  }
  for (const [k, ri] of keyed('routing_intents')) {
    const policies = at(ri, 'routing_policies')
    const routing =
      policies?.kind === 'unknown'
        ? policies
        : list(
            entries(policies).map(([, p]) =>
              obj(
                {
                  ...(at(p, 'name') ? { name: at(p, 'name')! } : {}),
                  ...(at(p, 'destinations') ? { destinations: at(p, 'destinations')! } : {}),
                  next_hop: byKey(firewallIds, at(p, 'next_hop_firewall_key'), 'firewalls', p.origin),
                },
                p.origin,
              ),
            ),
            ri.origin,
          )
    emit(
      'azurerm_virtual_hub_routing_intent',
      'this',
      {
        ...(at(ri, 'name') ? { name: at(ri, 'name')! } : {}),
        virtual_hub_id: byKey(hubIds, at(ri, 'virtual_hub_key'), 'virtual_hubs', ri.origin),
        routing_policy: routing,
      },
      k,
    )
  }
  const tableIds = new Map<string, Val>()
  const tables = keyed('virtual_hub_route_tables')
  for (const [k] of tables)
    tableIds.set(
      k,
      unknownVal(
        `${c.address}.azurerm_virtual_hub_route_table.this["${k}"].id`,
        'computed at apply time',
        o,
        {
          resource: `${c.address}.azurerm_virtual_hub_route_table.this[${JSON.stringify(k)}]`,
          attribute: 'id',
        },
      ),
    )
  const connectionIds = new Map<string, Val>()
  const connections = keyed('virtual_network_connections')
  for (const [k] of connections)
    connectionIds.set(
      k,
      unknownVal(`${c.address}.azurerm_virtual_hub_connection.this["${k}"].id`, 'computed at apply time', o, {
        resource: `${c.address}.azurerm_virtual_hub_connection.this[${JSON.stringify(k)}]`,
        attribute: 'id',
      }),
    )
  for (const [k, t] of tables) {
    const routes = entries(at(t, 'routes')).map(([, r]) => {
      const attrs: Record<string, Val> = {}
      for (const n of ['name', 'destinations', 'destinations_type', 'next_hop_type']) {
        const x = at(r, n)
        if (x) attrs[n] = x
      }
      attrs.next_hop =
        at(r, 'next_hop') ??
        byKey(connectionIds, at(r, 'vnet_connection_key'), 'virtual_network_connections', r.origin)
      return obj(attrs, r.origin)
    })
    const body: Record<string, Val> = {
      virtual_hub_id: byKey(hubIds, at(t, 'virtual_hub_key'), 'virtual_hubs', t.origin),
      route: list(routes, t.origin),
    }
    for (const n of ['name', 'labels']) if (at(t, n)) body[n] = at(t, n)!
    emit('azurerm_virtual_hub_route_table', 'this', body, k)
  }
  for (const [k, v] of connections) {
    const body: Record<string, Val> = {
      virtual_hub_id: byKey(hubIds, at(v, 'virtual_hub_key'), 'virtual_hubs', v.origin),
      internet_security_enabled: at(v, 'internet_security_enabled') ?? bool(false, v.origin),
    }
    for (const n of ['name', 'remote_virtual_network_id']) if (at(v, n)) body[n] = at(v, n)!
    const routing = at(v, 'routing')
    if (routing) {
      const assoc =
        at(routing, 'associated_route_table_id') ??
        (at(routing, 'associated_route_table_key')
          ? byKey(
              tableIds,
              at(routing, 'associated_route_table_key'),
              'virtual_hub_route_tables',
              routing.origin,
            )
          : undefined)
      if (assoc)
        body.routing = list([obj({ associated_route_table_id: assoc }, routing.origin)], routing.origin)
    }
    emit('azurerm_virtual_hub_connection', 'this', body, k)
  }
  for (const [variable, type] of [
    ['vpn_gateways', 'azurerm_vpn_gateway'],
    ['expressroute_gateways', 'azurerm_express_route_gateway'],
  ] as const)
    for (const [k, g] of keyed(variable))
      emit(
        type,
        'this',
        withRg({
          ...(at(g, 'name') ? { name: at(g, 'name')! } : {}),
          virtual_hub_id: byKey(hubIds, at(g, 'virtual_hub_key'), 'virtual_hubs', g.origin),
        }),
        k,
      )
  c.outputs.virtual_wan_id = wanId
  c.outputs.firewall_ip_addresses = obj(firewallIps, o)
  c.outputs.resource_group_name = rg ?? unknownVal(`${c.address}.resource_group_name`, 'not given', o)
}

/** `{ id = x }` as the ARM reference object, when the input is set. */
function idRef(v: Val | undefined, o: Origin): Val | undefined {
  const id = at(v, 'id') ?? (v?.kind === 'unknown' ? v : undefined)
  return id ? obj({ id }, v?.origin ?? o) : undefined
}

/**
 * Azure/avm-res-network-virtualnetwork/azurerm//modules/subnet (main.tf): one azapi subnet under the VNet
 * `parent_id`, with the route table, NSG and NAT gateway given as `{ id }`; `default_outbound_access_enabled`
 * defaults to false there (a private subnet), `delegations`/`delegation` become ARM delegations, and
 * `ipam_pools` leaves the prefixes to Azure (unknown).
 */
function avmSubnet(input: Input, c: HubCtx): void {
  const o = c.site
  const props: Record<string, Val> = {}
  const pools = input('ipam_pools')
  if (isSet(pools))
    props.addressPrefixes = unknownVal(
      `${c.address}.ipam_pools`,
      'prefixes allocated from an IPAM pool at apply time',
      o,
    )
  else {
    const one = input('address_prefix')
    const many = input('address_prefixes')
    if (isSet(many)) props.addressPrefixes = many
    else if (isSet(one)) props.addressPrefix = one
  }
  for (const [arm, name] of [
    ['routeTable', 'route_table'],
    ['networkSecurityGroup', 'network_security_group'],
    ['natGateway', 'nat_gateway'],
  ] as const) {
    const ref = idRef(input(name), o)
    if (ref) props[arm] = ref
  }
  props.defaultOutboundAccess = input('default_outbound_access_enabled') ?? bool(false, o)
  const delegations = isSet(input('delegations')) ? input('delegations') : input('delegation')
  if (delegations?.kind === 'unknown') props.delegations = delegations
  else if (isSet(delegations))
    props.delegations = list(
      entries(delegations).map(([, d]) =>
        obj(
          {
            name: at(d, 'name') ?? str('delegation', o),
            properties: obj({ serviceName: at(at(d, 'service_delegation'), 'name') ?? d }, d.origin ?? o),
          },
          d.origin ?? o,
        ),
      ),
      delegations.origin ?? o,
    )
  const name = input('name') ?? unknownVal(`${c.address}.name`, 'required input name not given', o)
  const body: Record<string, Val> = {
    type: str('Microsoft.Network/virtualNetworks/subnets@2024-07-01', o),
    name,
    body: obj({ properties: obj(props, o) }, o),
  }
  const parent = input('parent_id')
  if (parent) body.parent_id = parent
  const id = c.emit('azapi_resource', 'subnet', body)
  c.outputs.resource_id = id
  c.outputs.name = name
  c.outputs.resource = obj({ ...body, id }, o)
}

/**
 * Azure/avm-res-network-virtualnetwork/azurerm//modules/peering (main.tf, variables.tf): the peering from
 * `parent_id` to `remote_virtual_network_id` and, with `create_reverse_peering`, the reverse one with the
 * `reverse_*` flags; gateway transit and remote gateways default to false, as the module's variables do.
 */
function avmPeering(input: Input, c: HubCtx): void {
  const o = c.site
  const flags = (prefix: string) => {
    const f: Record<string, Val> = {}
    for (const [arm, name, dflt] of [
      ['allowVirtualNetworkAccess', 'allow_virtual_network_access', true],
      ['allowForwardedTraffic', 'allow_forwarded_traffic', false],
      ['allowGatewayTransit', 'allow_gateway_transit', false],
      ['useRemoteGateways', 'use_remote_gateways', false],
    ] as const)
      f[arm] = input(`${prefix}${name}`) ?? bool(dflt, o)
    return f
  }
  const peering = (
    key: string,
    name: Val | undefined,
    parent: Val | undefined,
    remote: Val | undefined,
    prefix: string,
  ) => {
    const body: Record<string, Val> = {
      type: str('Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2024-07-01', o),
      name: name ?? unknownVal(`${c.address}.${prefix}name`, 'required input name not given', o),
      body: obj(
        {
          properties: obj(
            { ...flags(prefix), ...(remote ? { remoteVirtualNetwork: obj({ id: remote }, o) } : {}) },
            o,
          ),
        },
        o,
      ),
    }
    if (parent) body.parent_id = parent
    return c.emit('azapi_resource', key, body)
  }
  const local = input('parent_id')
  const remote = input('remote_virtual_network_id')
  const id = peering('this', input('name'), local, remote, '')
  c.outputs.resource_id = id
  c.outputs.name = input('name') ?? unknownVal(`${c.address}.name`, 'not set', o)
  const reverse = input('create_reverse_peering')
  if (reverse?.kind === 'unknown')
    c.problems.push(
      `create_reverse_peering is unknown (${reverse.reason}): whether the reverse peering exists is not known`,
    )
  if (reverse?.kind === 'bool' && reverse.value)
    c.outputs.reverse_resource_id = peering('reverse', input('reverse_name'), remote, local, 'reverse_')
}
