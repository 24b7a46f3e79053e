/**
 * Azure Virtual Network Manager in azurerm: network groups and static members, security admin
 * configurations, admin rule collections and admin rules, routing configurations, routing rule
 * collections and routing rules, and the deployments that commit configurations. Same model and links as
 * the ARM shapes (src/sources/mapping/arm-avnm.ts); a configuration no azurerm_network_manager_deployment in the
 * scan commits stays "deployment unknown".
 */
import type { NetworkGroup, NetworkManagerConfiguration } from '../../../model/network'
import { known, unknown, type Value } from '../../../model/value'
import {
  addAdminRule,
  addManagedRoute,
  addMember,
  adminPrefixes,
  findByRef,
  linkCollection,
  linkGroups,
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

const adminRule: Adapter = (r, b) => {
  // `source { address_prefix }` / `destination { address_prefix }` blocks; none = any.
  const prefixOf = (item: HclValue) => str(attr(item, 'address_prefix'))
  const fields = {
    sources: adminPrefixes(arg(r, 'source'), prefixOf, r.origin, true),
    destinations: adminPrefixes(arg(r, 'destination'), prefixOf, r.origin, true),
  }
  const optional = {
    priority: num(arg(r, 'priority')),
    direction: str(arg(r, 'direction')),
    access: str(arg(r, 'action')),
    protocol: str(arg(r, 'protocol')),
    ports: strList(arg(r, 'destination_port_ranges')),
  }
  for (const [k, v] of Object.entries(optional)) if (v) Object.assign(fields, { [k]: v })
  const spelled = { access: 'action', collection: 'admin_rule_collection_id' }
  addAdminRule(b, header(r), fields, spelled, str(arg(r, 'admin_rule_collection_id')))
}

const routingRule: Adapter = (r, b) => {
  const dest = items(arg(r, 'destination'))[0]
  const hop = items(arg(r, 'next_hop'))[0]
  const fields = {
    destination: str(attr(dest, 'address')),
    nextHopType: str(attr(hop, 'type')),
    nextHopAddress: str(attr(hop, 'address')),
  }
  const spelled = {
    destination: 'destination.address',
    nextHopType: 'next_hop.type',
    collection: 'rule_collection_id',
  }
  addManagedRoute(b, header(r), fields, spelled, str(arg(r, 'rule_collection_id')))
}

/**
 * azurerm_network_manager_deployment commits the configurations it lists, of its `scope_access` (commit
 * type): a `Routing` deployment commits routing configurations, `SecurityAdmin` security admin ones, and
 * `Connectivity` none the model holds. An unknown `scope_access` may commit either: named.
 */
/**
 * A deployment commits its configurations to one region (`location`): VNets elsewhere do not get them. A
 * second deployment of the same configuration adds its region.
 */
const deployment: Adapter = (r, b) => {
  const ids = arg(r, 'configuration_ids')
  const scope = str(arg(r, 'scope_access'))
  const kind = scope?.known ? scope.value.trim().toLowerCase() : undefined
  const location = str(arg(r, 'location'))
  b.defer(() => {
    for (const ref of refList(ids)) {
      const c = findByRef(networkManager(b).configurations, ref)
      if (!c) continue
      const had = c.deployed.known && c.deployed.value
      if (scope && !scope.known) {
        if (!had)
          c.deployed = unknown(
            scope.expression,
            `${r.address} may commit it: its scope_access (commit type) is not known (${scope.reason ?? 'computed'})`,
            r.origin,
          )
        continue
      }
      if (kind !== undefined && kind !== c.kind.toLowerCase()) continue
      const before = had ? c.deployedRegions : undefined
      c.deployed = known(true, r.origin)
      if (had && before === undefined) continue // already committed everywhere the scan compares
      const regions: Value<string[]> | undefined = !location
        ? undefined
        : location.known
          ? known([location.value], location.origin)
          : unknown(
              location.expression,
              `${r.address} commits it to a region the scan cannot read`,
              location.origin,
            )
      c.deployedRegions =
        regions === undefined
          ? undefined
          : before?.known && regions.known
            ? known([...new Set([...before.value, ...regions.value])], regions.origin)
            : before && !before.known
              ? before
              : regions
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
