/**
 * A template deployment the scan cannot read (its template is not known before apply, a template spec, a
 * nested template linked by URI) may put any network resource in place, or change the existing ones of its
 * scope: routes into a route table, a route table or NSG onto a subnet, rules into an NSG or a firewall
 * policy, a hub route table's default route. As an opaque module (adapt.ts givenToOpaqueModules) it is
 * named where it may decide a path, never passed over:
 *
 * - a subnet without a route table may get one: its route table is unknown;
 * - a subnet without an NSG may get one: its NSG is unknown;
 * - a route table it may add routes to gets a route whose prefix and next hop are unknown (only a known
 *   /32 for a KMS address still wins over it);
 * - an NSG gets a rule of unknown priority, direction, access and traffic;
 * - a firewall policy gets a rule collection group of unknown priority and action holding a network rule
 *   of unknown traffic; a classic firewall an unknown rule collection; a firewall whose policy is outside
 *   the scope may be given another policy (its policy is unknown); an IP group's addresses are unknown;
 * - a Virtual WAN hub route table gets a route of unknown destinations and next hop; a hub of the scope
 *   without a declared defaultRouteTable gets one holding that route.
 *
 * Which objects: those in the deployment's subscription (`scope`; undefined = any: a management group or
 * tenant deployment, or one whose subscription is not stated). An object whose own subscription is not
 * stated may be in any. Subnets in other subscriptions are reached through these objects (a spoke's
 * default route to the hub firewall of the deployment's subscription) and so are undecided too. A template
 * can deploy into other resource groups through nested deployments, so the resource group does not narrow
 * it.
 */
import type { ModelBuilder } from '../../../model/build'
import type {
  FirewallRule,
  FirewallRuleCollection,
  HubRoute,
  HubRouteTable,
  ModelObject,
  NsgRule,
  Route,
  RuleCollectionGroup,
} from '../../../model/network'
import { known, unknown, type Unknown } from '../../../model/value'
import type { EvaluatedResource } from '../../evaluation/evaluated'

export function mayChangeSubnets(
  b: ModelBuilder,
  r: EvaluatedResource,
  why: string,
  scope: string | undefined,
  what = 'an ARM template the scan cannot read',
): void {
  const cannot = `${r.address} deploys ${what}: ${why}`
  b.unresolved(
    r.origin,
    `${cannot}. Subnets it may change (route tables, routes, network security groups), and those whose path crosses a firewall, firewall policy or route table it may change, are undecided.`,
    r.address,
    r.address,
  )
  const inScope = (o: ModelObject) =>
    scope === undefined || o.subscription === undefined || o.subscription === scope
  // What each added part is: written by this deployment, at its lines, named for the object it is in.
  const part = (id: string, into: ModelObject) => ({
    id,
    name: known(`${r.address} in ${into.name.known ? into.name.value : into.address}`),
    origin: r.origin,
    format: 'terraform' as const,
    sourceType: r.type,
    address: r.address,
  })
  // Twice deferred: after the links that attach route tables and NSGs to subnets.
  b.defer(() =>
    b.defer(() => {
      for (const s of b.model.subnets) {
        if (s.dedicatedTo !== undefined || !inScope(s)) continue
        if (!s.routeTableId)
          s.routeTableId = unknown(
            r.address,
            `${cannot}; it may attach a route table to this subnet`,
            r.origin,
          )
        if (!s.nsgId)
          s.nsgId = unknown(
            r.address,
            `${cannot}; it may attach a network security group to this subnet`,
            r.origin,
          )
      }
      for (const t of b.model.routeTables) {
        if (!inScope(t)) continue
        const may = unknown(r.address, `${cannot}; it may add routes to this route table`, r.origin)
        const route: Route = {
          ...part(`${t.id}/routes/${r.address}`, t),
          routeTableId: t.id,
          addressPrefix: may,
          nextHopType: may,
        }
        t.routes.push(route)
      }
      for (const nsg of b.model.nsgs) {
        if (!inScope(nsg)) continue
        const may = unknown(r.address, `${cannot}; it may add rules to this network security group`, r.origin)
        const rule: NsgRule = {
          ...part(`${nsg.id}/securityRules/${r.address}`, nsg),
          nsgId: nsg.id,
          priority: may,
          direction: may,
          access: may,
          protocol: may,
          sourceAddressPrefixes: may,
          destinationAddressPrefixes: may,
          destinationPortRanges: may,
        }
        nsg.rules.push(rule)
      }
      const collection = (id: string, into: ModelObject, may: Unknown): FirewallRuleCollection => {
        const rule: FirewallRule = {
          ...part(`${id}/rules/${r.address}`, into),
          protocols: may,
          sourceAddresses: may,
          sourceIpGroups: may,
          destinationAddresses: may,
          destinationIpGroups: may,
          destinationFqdns: may,
          destinationPorts: may,
        }
        return { ...part(id, into), kind: 'network', priority: may, action: may, rules: [rule] }
      }
      const policies = new Set<string>()
      for (const p of b.model.firewallPolicies) {
        if (!inScope(p)) continue
        policies.add(p.id)
        const may = unknown(
          r.address,
          `${cannot}; it may add rule collection groups to this firewall policy`,
          r.origin,
        )
        const id = `${p.id}/ruleCollectionGroups/${r.address}`
        const group: RuleCollectionGroup = {
          ...part(id, p),
          policyId: known(p.id),
          priority: may,
          collections: [collection(`${id}/ruleCollections/${r.address}`, p, may)],
        }
        p.ruleCollectionGroups.push(group)
      }
      for (const fw of b.model.firewalls) {
        if (!inScope(fw)) continue
        if (!fw.policyId) {
          const may = unknown(r.address, `${cannot}; it may add rule collections to this firewall`, r.origin)
          fw.classicCollections.push(collection(`${fw.id}/ruleCollections/${r.address}`, fw, may))
        } else if (fw.policyId.known && !policies.has(fw.policyId.value))
          // Its policy is outside the scope: the deployment may give it another.
          fw.policyId = unknown(
            fw.policyId.value,
            `${cannot}; it may give this firewall another policy`,
            r.origin,
          )
      }
      for (const g of b.model.ipGroups)
        if (inScope(g))
          g.cidrs = unknown(r.address, `${cannot}; it may change the addresses of this IP group`, r.origin)
      const wan = b.model.virtualWan
      for (const hub of wan?.hubs ?? []) {
        if (!inScope(hub)) continue
        const may = unknown(r.address, `${cannot}; it may add routes to this hub route table`, r.origin)
        const onHub = (t: HubRouteTable) => t.hubId.known && t.hubId.value === hub.id
        if (
          !wan!.routeTables.some((t) => onHub(t) && t.name.known && /^defaultroutetable$/i.test(t.name.value))
        )
          wan!.routeTables.push({
            ...part(`${hub.id}/hubRouteTables/defaultRouteTable`, hub),
            name: known('defaultRouteTable'),
            hubId: known(hub.id),
            routes: [],
          })
        for (const t of wan!.routeTables) {
          if (!onHub(t)) continue
          const route: HubRoute = {
            ...part(`${t.id}/routes/${r.address}`, t),
            destinations: may,
            nextHop: may,
          }
          // First: the hub's routes are matched in order here, and this one may be any of them.
          t.routes.unshift(route)
        }
      }
    }),
  )
}
