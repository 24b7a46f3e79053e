/**
 * Azure Virtual Network Manager in azurerm: network groups and static members, security admin
 * configurations, admin rule collections and admin rules, routing configurations, routing rule
 * collections and routing rules, and the deployments that commit configurations. Same model and links as
 * the ARM shapes (src/sources/mapping/arm-avnm.ts); a configuration no azurerm_network_manager_deployment in the
 * scan commits stays "deployment unknown".
 */
import type { NetworkGroup, NetworkManagerConfiguration } from '../../../model/network'
import { known, unknown, type Unknown, type Value } from '../../../model/value'
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
import { addCommit, type Commit, recordDependencies } from '../../mapping/avnm-commits'
import { ifDeployed, instancesUnknown, notDeny } from '../../mapping/conditional'
import { attr, bool, items, num, str, strList } from '../../evaluation/value-tree'
import type { HclValue } from '../../evaluation/evaluated'
import { arg, header, type Adapter } from './common'

const refList = (v: HclValue | undefined): Value<string>[] =>
  v?.kind === 'list' ? v.items.flatMap((i) => (str(i) ? [str(i)!] : [])) : v ? [str(v)!].filter(Boolean) : []

const group: Adapter = (r, b) => {
  const g: NetworkGroup = Object.assign(header(r), { staticVnets: [] })
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
  const action = str(arg(r, 'action'))
  const condition = instancesUnknown(r)
  const optional = {
    priority: num(arg(r, 'priority')),
    direction: str(arg(r, 'direction')),
    access: action && ifDeployed(action, condition, notDeny, `security admin rule ${r.address}`),
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
 * type: `Routing`, `SecurityAdmin`; `Connectivity` commits none the model holds) to one region
 * (`location`); ../../mapping/avnm-commits.ts decides, with the other commits, where each is deployed.
 * A deployment whose instances the scan cannot count (`count = var.x ? 1 : 0` with var.x unknown) may not
 * exist: its commit is conditional, named.
 */
const deployment: Adapter = (r, b) => {
  const ids = arg(r, 'configuration_ids')
  const scope = str(arg(r, 'scope_access'))
  const location = str(arg(r, 'location'))
  const h = header(r)
  const kind: Value<NetworkManagerConfiguration['kind']> | 'other' | undefined = !scope
    ? undefined
    : !scope.known
      ? scope
      : /^securityadmin$/i.test(scope.value.trim())
        ? known('securityAdmin', scope.origin)
        : /^routing$/i.test(scope.value.trim())
          ? known('routing', scope.origin)
          : 'other'
  if (kind === 'other') return
  const regions: Value<string[]> | 'everywhere' = !location
    ? 'everywhere'
    : location.known
      ? known([location.value], location.origin)
      : location
  const commit: Commit = {
    by: h,
    label: r.address,
    oneRegion: true,
    configurations: ids?.kind === 'unknown' ? (str(ids) as Unknown) : refList(ids),
    regions,
  }
  if (kind) commit.kind = kind
  const condition = instancesUnknown(r)
  if (condition) commit.condition = condition
  addCommit(b, commit)
  // `depends_on` orders the commits, as ARM's dependsOn does: the later commit of a type to a region decides.
  if (r.dependsOn) recordDependencies(b, r.address, r.dependsOn)
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
