/** Model objects by id, and readable names for messages and path strings. */
import type {
  AzureFirewall,
  FirewallPolicy,
  IpGroup,
  ModelObject,
  NetworkModel,
  NetworkSecurityGroup,
  RouteTable,
  Subnet,
} from '../model/network'

export interface ModelIndex {
  model: NetworkModel
  routeTables: Map<string, RouteTable>
  subnets: Map<string, Subnet>
  nsgs: Map<string, NetworkSecurityGroup>
  firewalls: Map<string, AzureFirewall>
  policies: Map<string, FirewallPolicy>
  ipGroups: Map<string, IpGroup>
}

function byId<T extends ModelObject>(items: T[]): Map<string, T> {
  return new Map(items.map((i) => [i.id, i]))
}

export function indexModel(model: NetworkModel): ModelIndex {
  return {
    model,
    routeTables: byId(model.routeTables),
    subnets: byId(model.subnets),
    nsgs: byId(model.nsgs),
    firewalls: byId(model.firewalls),
    policies: byId(model.firewallPolicies),
    ipGroups: byId(model.ipGroups),
  }
}

/** The Azure name when known, else the readable address. */
export function displayName(o: ModelObject): string {
  return o.name.known ? o.name.value : o.address
}
