/**
 * What a part of a deployment the scan cannot follow may change, decided in one place for every source:
 *
 * - a deployment the scan cannot read: a Terraform azurerm_*_template_deployment whose template is not
 *   known before apply, a template spec, a nested deployment linked by URI, a Bicep registry module or
 *   template spec module, a module loop over a collection the scan cannot see;
 * - a resource the scan cannot place: its type cannot be evaluated, or it is a child resource (a route, an
 *   NSG rule, a rule collection group, a subnet, a hub route table or its routes, a routing intent) whose
 *   parent cannot be told.
 *
 * Such a part may put any network resource in place, or change the existing ones of its scope: routes into
 * a route table, a route table or NSG onto a subnet or NIC, rules into an NSG or a firewall policy, a hub
 * route table's default route. It is named where it may decide a path, never passed over:
 *
 * - a subnet without a route table may get one: its route table is unknown;
 * - a subnet without an NSG may get one: its NSG is unknown; so may a network interface;
 * - a route table it may add routes to gets a route whose prefix and next hop are unknown (only a known
 *   /32 for a KMS address still wins over it);
 * - an NSG gets a rule of unknown priority, direction, access and traffic;
 * - a firewall policy gets a rule collection group of unknown priority and action holding a network rule
 *   of unknown traffic; a classic firewall an unknown rule collection; a firewall whose policy is outside
 *   the scope may be given another policy (its policy is unknown); an IP group's addresses are unknown;
 * - a Virtual WAN hub route table gets a route of unknown destinations and next hop; a hub of the scope
 *   without a declared defaultRouteTable gets one holding that route.
 *
 * Which objects: those in the part's subscription (`scope`; undefined = any: a management group or tenant
 * deployment, one whose subscription is not stated or cannot be evaluated, a standalone template whose
 * target is chosen at deployment). An object whose own subscription is not stated may be in any. Subnets
 * in other subscriptions are reached through these objects (a spoke's default route to the hub firewall of
 * the deployment's subscription) and so are undecided too. A template can deploy into other resource
 * groups through nested deployments, so the resource group does not narrow it.
 */
import { ARM, type ModelBuilder } from '../../model/build'
import type {
  FirewallRule,
  FirewallRuleCollection,
  HubRoute,
  HubRouteTable,
  ModelObject,
  NsgRule,
  Route,
  RuleCollectionGroup,
  SourceFormat,
} from '../../model/network'
import {
  known,
  partCause,
  unknown as unknownValue,
  type Origin,
  type Unknown,
  type Value,
} from '../../model/value'
import { armTypeOf, isModelledArmType, type ArmResourceInput } from './arm-shapes'

/** A part of a deployment the scan does not read or cannot place, as a template walker reports it. */
export interface UnreadPart {
  /** The nested deployment, module or resource (its address). */
  what: string
  why: string
  origin: Origin
  /**
   * What kind of part: undefined for a deployment or module the scan does not read; 'unplaced' for a
   * resource it cannot place (its type cannot be evaluated); 'loop' for a loop over a collection it cannot
   * see (any number of instances).
   */
  kind?: 'unplaced' | 'loop'
  /**
   * The subscription it deploys to when it states its own (a nested deployment's `subscriptionId`, a
   * module's `scope`): a known one, or 'any' when stated but not known (or a management group / tenant
   * scope). undefined: the subscription of the deployment around it.
   */
  subscription?: string | 'any'
}

/** The part named: who writes it (for the model objects it adds), and the sentence that says why. */
export interface Unfollowed {
  address: string
  origin: Origin
  /** The source's own type of who writes it (`azurerm_resource_group_template_deployment`, `Microsoft.Resources/deployments`). */
  sourceType: string
  format: SourceFormat
  /** What cannot be followed and why: the start of every reason it leaves on the subnets. */
  cannot: string
  /** The subscription whose objects it may change; undefined = any. */
  scope: string | undefined
  /**
   * What it can change where its type tells (a child resource whose parent cannot be told): only the
   * routes of route tables, the rules of NSGs, the rule collection groups of firewall policies, the routes
   * of hub route tables. undefined: anything of its scope.
   */
  only?: ChildKind
}

/** What a child resource of unknown parent can change: its parent type's contents, nothing else. */
export type ChildKind = 'routes' | 'nsgRules' | 'policyGroups' | 'hubRoutes'

const CHILD_KINDS: Record<string, ChildKind> = {
  [`${ARM.routeTable}/routes`.toLowerCase()]: 'routes',
  [`${ARM.nsg}/securityRules`.toLowerCase()]: 'nsgRules',
  [`${ARM.firewallPolicy}/ruleCollectionGroups`.toLowerCase()]: 'policyGroups',
  [ARM.hubRouteTable.toLowerCase()]: 'hubRoutes',
}

/**
 * What a child resource the scan cannot place can change, by its type: a route only the routes of a route
 * table (it cannot attach a table to a subnet without one: a child's PUT needs its parent to exist), an NSG
 * rule only an NSG's rules, a rule collection group only a firewall policy (one outside the scope, too,
 * which a firewall of the scope may use), a hub route table only a hub's tables. undefined: any other
 * (a subnet may attach anything; Virtual Network Manager rules reach whole VNets).
 */
export const childKind = (armType: string): ChildKind | undefined =>
  CHILD_KINDS[armTypeOf(armType).toLowerCase()]

/** A part's own subscription scope, given the scope of the deployment around it. */
export function scopeOfPart(
  part: Pick<UnreadPart, 'subscription'>,
  around: string | undefined,
): string | undefined {
  if (part.subscription === 'any') return undefined
  return part.subscription ?? around
}

/**
 * A standalone Bicep or ARM deployment's parts the scan cannot follow, each named with its file and line
 * (`at`): nested deployments and modules it does not read, resources whose type cannot be evaluated,
 * child resources whose parent cannot be told. A standalone template's subscription is chosen at
 * deployment: what they may change is any subscription's, unless a nested deployment or module states one.
 */
export function layUnfollowedParts(
  b: ModelBuilder,
  inputs: ArmResourceInput[],
  unread: UnreadPart[],
  format: SourceFormat,
  at: (o: Origin) => string,
): void {
  // The instances of one loop (`jumpHosts[0]`, `jumpHosts[1]`) not read for one reason are one part.
  const parts = new Map<string, UnreadPart>()
  for (const u of unread) {
    const key = `${u.origin.file}:${u.origin.startLine}:${u.kind ?? ''}:${u.subscription ?? ''}:${u.why}`
    const seen = parts.get(key)
    parts.set(
      key,
      seen && seen.what !== u.what ? { ...seen, what: seen.what.replace(/\[\d+\]/g, '[*]') } : (seen ?? u),
    )
  }
  for (const u of parts.values())
    mayChange(b, {
      address: u.what,
      origin: u.origin,
      sourceType: 'Microsoft.Resources/deployments',
      format,
      cannot: `${u.what} (${at(u.origin)}) ${PART[u.kind ?? 'unread']}: ${u.why}`,
      scope: scopeOfPart(u, undefined),
    })
  unplacedChildren(b, inputs, pathChildType, (open) => {
    for (const { input, why } of open)
      mayChange(b, {
        address: input.address,
        origin: input.origin,
        sourceType: input.sourceType ?? input.armType,
        format,
        cannot: `${input.address} (${at(input.origin)}) is a resource the scan cannot place: ${why}`,
        scope: input.subscription,
        ...optional(childKind(input.armType)),
      })
  })
}

const optional = (only: ChildKind | undefined) => (only !== undefined ? { only } : {})

/** What each kind of part is, in the sentence that names it (resolve hints in src/analysis/verdict.ts match these). */
const PART = {
  unread: 'deploys what the scan cannot read',
  unplaced: 'is a resource the scan cannot place',
  loop: 'deploys instances the scan cannot count',
}

/**
 * Child types that may decide another subnet's path when their parent cannot be told: a route, a subnet
 * (redeclared, with its route table and NSG), an NSG rule, a rule collection group, a hub route table, a
 * routing intent, Virtual Network Manager rules. Not the BGP and hub parts, which the model keeps with
 * their parent unknown and the analysis takes as possibly anyone's, naming them where they decide: a
 * peering whose local VNet cannot be told may be any VNet's (src/analysis/bgp.ts follows its
 * useRemoteGateways for every subnet), a hub connection whose hub cannot be told leaves its VNet's
 * subnets undecided (src/analysis/vwan.ts), and a Route Server's bgpConnection or ipConfiguration whose
 * hub cannot be told is a Route Server of a VNet the scan cannot tell (./arm-gateways.ts).
 */
const NM = 'Microsoft.Network/networkManagers'

const PATH_CHILDREN = new Set(
  [
    `${ARM.routeTable}/routes`,
    ARM.subnet,
    `${ARM.nsg}/securityRules`,
    `${ARM.firewallPolicy}/ruleCollectionGroups`,
    ARM.hubRouteTable,
    `${ARM.virtualHub}/routingIntent`,
    `${NM}/securityAdminConfigurations/ruleCollections`,
    `${NM}/securityAdminConfigurations/ruleCollections/rules`,
    `${NM}/routingConfigurations/ruleCollections`,
    `${NM}/routingConfigurations/ruleCollections/rules`,
  ].map((t) => t.toLowerCase()),
)

/**
 * Could resources of this type, any number of them with names the scan cannot tell, change the path of a
 * subnet the scan judges? A top-level type the model has a place for may be a redeclaration of one it
 * judges (a PUT replaces it); a child type only if it is one of PATH_CHILDREN.
 */
export function mayChangePaths(armType: string): boolean {
  const type = armTypeOf(armType)
  return isModelledArmType(type) && (type.split('/').length === 2 || PATH_CHILDREN.has(type.toLowerCase()))
}

/** The ARM type of a child resource that may decide a path (PATH_CHILDREN); undefined for any other. */
export const pathChildType = (armType: string): string | undefined => {
  const type = armTypeOf(armType)
  return isModelledArmType(type) && PATH_CHILDREN.has(type.toLowerCase()) ? type : undefined
}

/**
 * A child resource (a route, an NSG rule, a rule collection group, a subnet, a hub route table) whose
 * parent the scan cannot tell (`format('{0}/{1}', parameters('routeTableName'), 'r')` with the table's name
 * known only at deployment) may be in any parent of its scope: `report` gets each with why, in the link
 * step, to name what it may change (not a notice beside a "reachable"). A parent that is known but not in
 * the sources is another network's.
 */
export function unplacedChildren(
  b: ModelBuilder,
  inputs: ArmResourceInput[],
  typeOf: (armType: string) => string | undefined,
  report: (open: { input: ArmResourceInput; why: string }[]) => void,
): void {
  const open: { input: ArmResourceInput; parentType: string; parent: Value<string> | undefined }[] = []
  const out: { input: ArmResourceInput; why: string }[] = []
  for (const input of inputs) {
    const type = typeOf(input.armType)
    if (type === undefined || type.split('/').length < 3) continue
    const named =
      input.name.known && input.name.value.includes('/')
        ? known(input.name.value.slice(0, input.name.value.lastIndexOf('/')), input.name.origin)
        : input.name.known
          ? undefined
          : input.name
    const parent = input.parent ?? named
    // A hub route table in a known hub whose own name is not known (Bicep `parent: hub, name: tableName`)
    // may be any table of that hub: its defaultRouteTable, which the connections use, included.
    if (parent?.known && !input.name.known && type.toLowerCase() === ARM.hubRouteTable.toLowerCase())
      out.push({
        input,
        why: `its name is not known (${input.name.reason ?? input.name.expression}): it may be any route table of its hub, the defaultRouteTable included`,
      })
    if (parent?.known) continue
    open.push({ input, parentType: type.slice(0, type.lastIndexOf('/')), parent })
  }
  if (open.length === 0 && out.length === 0) return
  b.defer(() => {
    for (const { input, parentType, parent } of open) {
      const id = b.resolve(parentType, parent, { near: input.id })
      if (id?.known) continue
      const reason = id && !id.known ? (id.reason ?? id.expression) : 'no parent given'
      out.push({ input, why: `which ${parentType} it belongs to is not known (${reason})` })
    }
    if (out.length > 0) report(out)
  })
}

/** The notices mayChange wrote: another part of the same deployment resource does not replace them. */
const OWN_NOTICES = new WeakSet<object>()

export function mayChange(b: ModelBuilder, r: Unfollowed): void {
  const { cannot, scope } = r
  const may = (kind: ChildKind) => r.only === undefined || r.only === kind
  // This notice names the part with why and what it may change: an earlier one at its line for the same
  // part (the link step's "cannot tell which route table this route belongs to") says less, twice.
  b.model.diagnostics = b.model.diagnostics.filter(
    (d) =>
      OWN_NOTICES.has(d) ||
      !(
        d.ruleId === 'KMS011' &&
        d.address === r.address &&
        d.origin.file === r.origin.file &&
        d.origin.startLine === r.origin.startLine
      ),
  )
  b.unresolved(
    r.origin,
    `${cannot}. Subnets it may change (route tables, routes, network security groups), and those whose path crosses a firewall, firewall policy or route table it may change, are undecided.`,
    r.address,
    r.address,
  )
  OWN_NOTICES.add(b.model.diagnostics.at(-1)!)
  const cause = partCause(r.origin, r.address)
  const unknown = (expression: string, reason: string, origin: Origin): Unknown => ({
    ...unknownValue(expression, reason, origin),
    cause,
  })
  const inScope = (o: ModelObject) =>
    scope === undefined || o.subscription === undefined || o.subscription === scope
  // What each added part is: written by this deployment, at its lines, named for the object it is in.
  const part = (id: string, into: ModelObject) => ({
    id,
    name: known(`${r.address} in ${into.name.known ? into.name.value : into.address}`),
    origin: r.origin,
    format: r.format,
    sourceType: r.sourceType,
    address: r.address,
  })
  // Twice deferred: after the links that attach route tables and NSGs to subnets.
  b.defer(() =>
    b.defer(() => {
      for (const s of r.only === undefined ? b.model.subnets : []) {
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
      // A VM's NIC filters its traffic with its own NSG before the subnet's: one the part may give an NSG
      // decides for that subnet's VMs too (src/analysis/nic-nsgs.ts).
      for (const nic of r.only === undefined ? (b.model.networkInterfaces ?? []) : [])
        if (inScope(nic) && !nic.nsgId)
          nic.nsgId = unknown(
            r.address,
            `${cannot}; it may attach a network security group to this network interface`,
            r.origin,
          )
      for (const t of may('routes') ? b.model.routeTables : []) {
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
      for (const nsg of may('nsgRules') ? b.model.nsgs : []) {
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
      for (const p of may('policyGroups') ? b.model.firewallPolicies : []) {
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
      for (const fw of may('policyGroups') ? b.model.firewalls : []) {
        if (!inScope(fw)) continue
        if (!fw.policyId) {
          if (r.only !== undefined) continue
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
      for (const g of r.only === undefined ? b.model.ipGroups : [])
        if (inScope(g))
          g.cidrs = unknown(r.address, `${cannot}; it may change the addresses of this IP group`, r.origin)
      const wan = b.model.virtualWan
      for (const hub of may('hubRoutes') ? (wan?.hubs ?? []) : []) {
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
