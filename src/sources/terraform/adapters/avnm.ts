/**
 * Azure Virtual Network Manager in azurerm: network groups and static members, security admin
 * configurations, admin rule collections and admin rules, routing configurations, routing rule
 * collections and routing rules, and the deployments that commit configurations. Same model and links as
 * the ARM shapes (src/sources/mapping/arm-avnm.ts); a configuration no azurerm_network_manager_deployment in the
 * scan commits stays "deployment unknown".
 */
import type {
  AdminRule,
  ManagedRoute,
  NetworkGroup,
  NetworkManagerConfiguration,
} from '../../../model/network'
import { known, unknown, type Value } from '../../../model/value'
import {
  addMember,
  findByRef,
  linkCollection,
  linkGroups,
  linkRule,
  networkManager,
  notCommitted,
  type AvnmCollection,
} from '../../mapping/arm-avnm'
import { vnetRef } from '../../mapping/arm-gateways'
import { attr, bool, items, num, str, strList } from '../../evaluation/value-tree'
import type { HclValue } from '../../evaluation/evaluated'
import { arg, header, type Adapter } from './common'

const refList = (v: HclValue | undefined): Value<string>[] =>
  v?.kind === 'list' ? v.items.flatMap((i) => (str(i) ? [str(i)!] : [])) : v ? [str(v)!].filter(Boolean) : []

const group: Adapter = (r, b) => {
  const g: NetworkGroup = { ...header(r), staticVnets: [] }
  networkManager(b).groups.push(g)
}

const staticMember: Adapter = (r, b) => {
  const groupRef = str(arg(r, 'network_group_id'))
  const vnet = str(arg(r, 'target_virtual_network_id'))
  b.defer(() => {
    const g = findByRef(networkManager(b).groups, groupRef)
    const member = vnetRef(b, vnet, { near: r.address }, 'target_virtual_network_id')
    addMember(g, member)
  })
}

function configuration(kind: NetworkManagerConfiguration['kind']): Adapter {
  return (r, b) => {
    const h = header(r)
    networkManager(b).configurations.push({
      ...h,
      kind,
      deployed: notCommitted(h.origin, 'no azurerm_network_manager_deployment lists it'),
    })
  }
}

function collection(configAttr: string): Adapter {
  return (r, b) => {
    const groups = arg(r, 'network_group_ids')
    const c: AvnmCollection = {
      id: r.address,
      origin: r.origin,
      configurationId: unknown(configAttr, 'not linked yet'),
      groupIds: unknown('network_group_ids', 'not linked yet'),
    }
    const name = str(arg(r, 'name'))
    if (name?.known) c.name = name.value
    // azurerm_network_manager_routing_rule_collection: `bgp_route_propagation_enabled` defaults to false.
    if (configAttr === 'routing_configuration_id')
      c.bgpRoutePropagation = bool(arg(r, 'bgp_route_propagation_enabled')) ?? known(false, r.origin)
    linkCollection(b, c, str(arg(r, configAttr)), () =>
      groups?.kind === 'unknown'
        ? unknown(groups.expression, groups.reason, groups.origin)
        : linkGroups(b, refList(groups), r.origin),
    )
  }
}

/** `source { address_prefix }` / `destination { address_prefix }` blocks; none = any. */
function prefixes(blocks: HclValue | undefined, origin: AdminRule['origin']): Value<string[]> {
  if (blocks?.kind === 'unknown') return unknown(blocks.expression, blocks.reason, blocks.origin)
  const list = items(blocks)
  if (list.length === 0) return known(['*'], origin)
  const out: string[] = []
  for (const item of list) {
    const v = str(attr(item, 'address_prefix'))
    if (!v) continue
    if (!v.known) return unknown(v.expression, v.reason, v.origin)
    out.push(v.value)
  }
  return known(out, origin)
}

const adminRule: Adapter = (r, b) => {
  const h = header(r)
  const rule: AdminRule = {
    ...h,
    configurationId: unknown('admin_rule_collection_id', 'not linked yet'),
    groupIds: unknown('admin_rule_collection_id', 'not linked yet'),
    priority: num(arg(r, 'priority')) ?? unknown('priority', 'not set', r.origin),
    direction: str(arg(r, 'direction')) ?? unknown('direction', 'not set', r.origin),
    access: str(arg(r, 'action')) ?? unknown('action', 'not set', r.origin),
    protocol: str(arg(r, 'protocol')) ?? unknown('protocol', 'not set', r.origin),
    sourceAddressPrefixes: prefixes(arg(r, 'source'), r.origin),
    destinationAddressPrefixes: prefixes(arg(r, 'destination'), r.origin),
    destinationPortRanges: strList(arg(r, 'destination_port_ranges')) ?? known(['*'], r.origin),
  }
  networkManager(b).adminRules.push(rule)
  linkRule(b, rule, str(arg(r, 'admin_rule_collection_id')))
}

const routingRule: Adapter = (r, b) => {
  const dest = items(arg(r, 'destination'))[0]
  const hop = items(arg(r, 'next_hop'))[0]
  const route: ManagedRoute = {
    ...header(r),
    configurationId: unknown('rule_collection_id', 'not linked yet'),
    groupIds: unknown('rule_collection_id', 'not linked yet'),
    destination: str(attr(dest, 'address')) ?? unknown('destination.address', 'not set', r.origin),
    nextHopType: str(attr(hop, 'type')) ?? unknown('next_hop.type', 'not set', r.origin),
  }
  const address = str(attr(hop, 'address'))
  if (address) route.nextHopAddress = address
  networkManager(b).routes.push(route)
  linkRule(b, route, str(arg(r, 'rule_collection_id')))
}

/**
 * azurerm_network_manager_deployment commits the configurations it lists, of its `scope_access` (commit
 * type): a `Routing` deployment commits routing configurations, `SecurityAdmin` security admin ones, and
 * `Connectivity` none the model holds. An unknown `scope_access` may commit either: named.
 */
const deployment: Adapter = (r, b) => {
  const ids = arg(r, 'configuration_ids')
  const scope = str(arg(r, 'scope_access'))
  const kind = scope?.known ? scope.value.trim().toLowerCase() : undefined
  b.defer(() => {
    for (const ref of refList(ids)) {
      const c = findByRef(networkManager(b).configurations, ref)
      if (!c || c.deployed.known) continue
      if (scope && !scope.known)
        c.deployed = unknown(
          scope.expression,
          `${r.address} may commit it: its scope_access (commit type) is not known (${scope.reason ?? 'computed'})`,
          r.origin,
        )
      else if (kind === undefined || kind === c.kind.toLowerCase()) c.deployed = known(true, r.origin)
    }
  })
}

export const networkManagerAdapters: Record<string, Adapter> = {
  azurerm_network_manager_network_group: group,
  azurerm_network_manager_static_member: staticMember,
  azurerm_network_manager_security_admin_configuration: configuration('securityAdmin'),
  azurerm_network_manager_admin_rule_collection: collection('security_admin_configuration_id'),
  azurerm_network_manager_admin_rule: adminRule,
  azurerm_network_manager_routing_configuration: configuration('routing'),
  azurerm_network_manager_routing_rule_collection: collection('routing_configuration_id'),
  azurerm_network_manager_routing_rule: routingRule,
  azurerm_network_manager_deployment: deployment,
}
