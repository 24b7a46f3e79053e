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

/** The unit's own objects and, by id only, those of other units its paths reach (NetworkModel.foreign). */
export function indexModel(model: NetworkModel): ModelIndex {
  const f = model.foreign
  return {
    model,
    routeTables: byId([...model.routeTables, ...(f?.routeTables ?? [])]),
    subnets: byId(model.subnets),
    nsgs: byId([...model.nsgs, ...(f?.nsgs ?? [])]),
    firewalls: byId([...model.firewalls, ...(f?.firewalls ?? [])]),
    policies: byId([...model.firewallPolicies, ...(f?.firewallPolicies ?? [])]),
    ipGroups: byId([...model.ipGroups, ...(f?.ipGroups ?? [])]),
  }
}

/** Longest address shown in a sentence; the whole one stays in the finding's `resource`. */
const MAX_SHOWN = 80

/**
 * The Azure name when known, else the readable address. An ARM name expression can run to hundreds of
 * characters: in a sentence it is shortened in the middle, keeping the type and the expression's end.
 */
export function displayName(o: ModelObject): string {
  if (o.name.known) return o.name.value
  const a = o.address
  return a.length <= MAX_SHOWN ? a : `${a.slice(0, MAX_SHOWN - 21)}…${a.slice(-20)}`
}
