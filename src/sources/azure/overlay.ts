/**
 * Lays a pull request's IaC over the deployed network, so the analysis sees what will run after the apply:
 * the IaC rarely describes the whole estate (the hub firewall lives in another repository, subnets were made
 * by hand), and checking it alone would leave a forced tunnel with no firewall to judge, or a route table
 * with no subnets.
 *
 * - A resource the IaC defines replaces its deployed counterpart: matched by ARM id when the IaC knows it
 *   (plan JSON, an explicit id), else by type + name (+ vnet for subnets, + resource group when known).
 *   A name that matches several deployed resources is not guessed at: both stay and a notice says why.
 * - Resources the IaC deletes are gone, with their children (deleting a route deletes it from the table).
 * - Deployed resources the IaC does not mention complete the picture, with their references rewritten to
 *   the IaC objects that replace their targets (a live subnet now points at the IaC's route table).
 *
 * Deployed-only objects keep format 'live', which reporters use to say "deployed" and link to the portal
 * (clouds.ts `portalLink`). Neither input is modified.
 */
import type {
  DetachedAssociation,
  DetachedRoute,
  FirewallRule,
  ModelObject,
  NetworkModel,
  RouteTable,
  Subnet,
} from '../../model/network'
import { emptyModel } from '../../model/network'
import { known, unknown, type DeployedRef, type Value } from '../../model/value'
import { armScope, liveId } from './arm-id'
import { overlayGateways, overlayNetworkManager } from './overlay-bgp'
import { overlayVirtualWan } from './overlay-vwan'
import { overlayNetworkInterfaces } from './overlay-nics'
import { deployedVnetKeys, rekeyVnets } from './overlay-vnets'

export { portalLink } from './clouds'

export interface OverlayOptions {
  /** ARM ids (any case) of resources the IaC deletes, e.g. a plan's delete actions; children go with them. */
  deletedIds?: string[]
  /** ARM id of an IaC object by its model id, when the source knows it (plan JSON, what-if). */
  armIds?: Record<string, string>
  /** Resource group of an IaC object by its model id, to tell same-named deployed resources apart. */
  resourceGroups?: Record<string, string>
}

type Kind = 'routeTables' | 'subnets' | 'nsgs' | 'firewalls' | 'firewallPolicies' | 'ipGroups' | 'natGateways'
const KINDS: Kind[] = [
  'routeTables',
  'subnets',
  'nsgs',
  'firewalls',
  'firewallPolicies',
  'ipGroups',
  'natGateways',
]

const lower = (v: Value<string> | undefined) => (v?.known ? v.value.toLowerCase() : undefined)

/** What identifies a resource by name within its type: the name, and the vnet for subnets. */
function nameKey(kind: Kind, o: ModelObject): string | undefined {
  const name = lower(o.name)
  if (name === undefined) return undefined
  if (kind !== 'subnets') return name
  const vnet = lower((o as Subnet).vnetName)
  return vnet === undefined ? undefined : `${vnet}/${name}`
}

export function overlayModels(
  deployed: NetworkModel,
  given: NetworkModel,
  opts: OverlayOptions = {},
): NetworkModel {
  // The IaC's VNets by the deployed VNets' keys, so IaC and deployed objects of one VNet meet.
  const vnetKeys = deployedVnetKeys(deployed, given)
  const iac = rekeyVnets(given, vnetKeys.rekey)
  const out = emptyModel()
  const deletedRoots = (opts.deletedIds ?? []).map(liveId)
  const isDeleted = (id: string) => deletedRoots.some((d) => id === d || id.startsWith(`${d}/`))
  /** Deployed model id → the IaC model id that replaces it. */
  const replaced = new Map<string, string>()
  const deployedIds = new Set(KINDS.flatMap((k) => deployed[k].map((o: ModelObject) => o.id)))

  for (const kind of KINDS) {
    const byName = new Map<string, ModelObject[]>()
    for (const d of deployed[kind] as ModelObject[]) {
      const key = nameKey(kind, d)
      if (key !== undefined) byName.set(key, [...(byName.get(key) ?? []), d])
    }
    for (const i of iac[kind] as ModelObject[]) {
      const armId = opts.armIds?.[i.id] ?? (/^\/subscriptions\//i.test(i.id) ? i.id : undefined)
      if (armId !== undefined) {
        const id = liveId(armId)
        if (deployedIds.has(id)) replaced.set(id, i.id)
        continue
      }
      const key = nameKey(kind, i)
      // The resource group the IaC gives (the source's own, or the caller's map) tells same-named tables apart.
      const rg = (opts.resourceGroups?.[i.id] ?? i.resourceGroup)?.toLowerCase()
      // So does the subscription the IaC states (a provider alias, a module or nested deployment scope).
      const sub = i.subscription?.toLowerCase()
      const candidates = (key !== undefined ? (byName.get(key) ?? []) : []).filter((d) => {
        const scope = armScope(d.address)
        return (
          (rg === undefined || scope.resourceGroup?.toLowerCase() === rg) &&
          (sub === undefined || scope.subscriptionId?.toLowerCase() === sub)
        )
      })
      if (candidates.length === 1) replaced.set(candidates[0]!.id, i.id)
      else if (candidates.length > 1)
        out.diagnostics.push({
          ruleId: 'KMS012',
          severity: 'notice',
          origin: i.origin,
          address: i.address,
          message:
            `${i.address} matches ${candidates.length} deployed resources named ${key} ` +
            `(${candidates.map((c) => c.address).join(', ')}); all are kept: give the resource group to tell them apart`,
        })
    }
  }

  // A reference from a deployed object: to the IaC replacement if any, Unknown if the IaC deletes its target.
  const fromDeployed = (v: Value<string> | undefined, attribute: string): Value<string> | undefined => {
    if (!v) return v
    const id = v.known ? v.value : v.ref?.resource
    if (id === undefined) return v
    const to = replaced.get(id)
    if (to !== undefined) return known(to, v.origin)
    if (isDeleted(id))
      return unknown(v.known ? v.value : v.expression, 'refers to a resource the IaC deletes', v.origin, {
        resource: id,
        attribute,
      })
    return v
  }
  // A reference from the IaC written as an ARM id (a hard-coded id, an existing resource): to the deployed object.
  const fromIac = (v: Value<string> | undefined): Value<string> | undefined => {
    if (!v) return v
    const text = v.known ? v.value : (v.ref?.resource ?? v.expression)
    if (!text.toLowerCase().startsWith('/subscriptions/')) return v
    const id = liveId(text)
    const to = replaced.get(id) ?? (deployedIds.has(id) && !isDeleted(id) ? id : undefined)
    return to !== undefined ? known(to, v.origin) : v
  }
  const list = (
    v: Value<string[]>,
    map: (x: Value<string>) => Value<string> | undefined,
  ): Value<string[]> => {
    if (!v.known) return v
    const ids: string[] = []
    for (const id of v.value) {
      const r = map(known(id, v.origin))
      if (!r?.known) return r ?? v
      ids.push(r.value)
    }
    return known(ids, v.origin)
  }
  const rewriteRules = (rules: FirewallRule[], map: (x: Value<string>) => Value<string> | undefined) => {
    for (const r of rules) {
      r.sourceIpGroups = list(r.sourceIpGroups, map)
      r.destinationIpGroups = list(r.destinationIpGroups, map)
    }
  }

  // Deployed objects that stay: neither replaced nor deleted, their deleted children removed.
  const keep = <T extends ModelObject>(items: T[]): T[] =>
    items.filter((o) => !replaced.has(o.id) && !isDeleted(o.id)).map((o) => structuredClone(o))
  const live = {
    routeTables: keep(deployed.routeTables),
    subnets: keep(deployed.subnets),
    nsgs: keep(deployed.nsgs),
    firewalls: keep(deployed.firewalls),
    firewallPolicies: keep(deployed.firewallPolicies),
    ipGroups: keep(deployed.ipGroups),
    natGateways: keep(deployed.natGateways),
  }
  for (const t of live.routeTables) t.routes = t.routes.filter((r) => !isDeleted(r.id))
  for (const n of live.nsgs) n.rules = n.rules.filter((r) => !isDeleted(r.id))
  for (const s of live.subnets) {
    s.routeTableId = fromDeployed(s.routeTableId, 'routeTable.id')
    s.nsgId = fromDeployed(s.nsgId, 'networkSecurityGroup.id')
    s.natGatewayId = fromDeployed(s.natGatewayId, 'natGateway.id')
    for (const k of ['routeTableId', 'nsgId', 'natGatewayId'] as const) if (s[k] === undefined) delete s[k]
  }
  const deployedRule = (x: Value<string>) => fromDeployed(x, 'ipGroup.id')
  for (const f of live.firewalls) {
    if (f.policyId) f.policyId = fromDeployed(f.policyId, 'firewallPolicy.id')
    if (f.subnetId) f.subnetId = fromDeployed(f.subnetId, 'subnet.id')
    f.classicCollections = f.classicCollections.filter((c) => !isDeleted(c.id))
    rewriteRules(
      f.classicCollections.flatMap((c) => c.rules),
      deployedRule,
    )
  }
  for (const p of live.firewallPolicies) {
    if (p.basePolicyId) p.basePolicyId = fromDeployed(p.basePolicyId, 'basePolicy.id')
    p.ruleCollectionGroups = p.ruleCollectionGroups.filter((g) => !isDeleted(g.id))
    rewriteRules(
      p.ruleCollectionGroups.flatMap((g) => g.collections.flatMap((c) => c.rules)),
      deployedRule,
    )
  }

  // IaC objects as they are, with ARM-id references to deployed resources resolved.
  const mine = {
    routeTables: structuredClone(iac.routeTables),
    subnets: structuredClone(iac.subnets),
    nsgs: structuredClone(iac.nsgs),
    firewalls: structuredClone(iac.firewalls),
    firewallPolicies: structuredClone(iac.firewallPolicies),
    ipGroups: structuredClone(iac.ipGroups),
    natGateways: structuredClone(iac.natGateways),
  }
  const replacedSubnet = new Map(
    [...replaced].filter(([d]) => deployed.subnets.some((s) => s.id === d)).map(([d, i]) => [i, d]),
  )
  for (const s of mine.subnets) {
    s.routeTableId = fromIac(s.routeTableId)
    s.nsgId = fromIac(s.nsgId)
    s.natGatewayId = fromIac(s.natGatewayId)
    // azurerm subnets carry their route table, NSG and NAT gateway in separate association resources: a
    // Terraform subnet without one leaves the deployed association alone (Bicep/ARM subnets replace it).
    const was = replacedSubnet.get(s.id)
    const old = was !== undefined ? deployed.subnets.find((d) => d.id === was) : undefined
    if (old && s.format === 'terraform')
      for (const k of ['routeTableId', 'nsgId', 'natGatewayId'] as const)
        if (s[k] === undefined && old[k] !== undefined) {
          const carried = fromDeployed(old[k], k)
          if (carried) s[k] = carried
        }
    for (const k of ['routeTableId', 'nsgId', 'natGatewayId'] as const) if (s[k] === undefined) delete s[k]
  }
  const iacRule = (x: Value<string>) => fromIac(x)
  for (const f of mine.firewalls) {
    if (f.policyId) f.policyId = fromIac(f.policyId)
    if (f.subnetId) f.subnetId = fromIac(f.subnetId)
    rewriteRules(
      f.classicCollections.flatMap((c) => c.rules),
      iacRule,
    )
  }
  for (const p of mine.firewallPolicies) {
    if (p.basePolicyId) p.basePolicyId = fromIac(p.basePolicyId)
    rewriteRules(
      p.ruleCollectionGroups.flatMap((g) => g.collections.flatMap((c) => c.rules)),
      iacRule,
    )
  }

  for (const k of KINDS)
    (out[k] as ModelObject[]) = [...(mine[k] as ModelObject[]), ...(live[k] as ModelObject[])]
  out.diagnostics.unshift(...iac.diagnostics, ...vnetKeys.diagnostics, ...deployed.diagnostics)
  attachDetachedRoutes(out, live.routeTables, iac.detachedRoutes ?? [])
  const byIdentity = (ref: DeployedRef) =>
    deployedByIdentity(deployed, ref, (id) => (isDeleted(id) ? undefined : (replaced.get(id) ?? id)))
  resolveDeployedRefs(out, mine.subnets, byIdentity)
  attachDetachedAssociations(out, live.subnets, iac.detachedAssociations ?? [], byIdentity)
  // NICs with an NSG of their own (src/analysis/nic-nsgs.ts). The IaC's, in IaC or deployed subnets: a VM's
  // NIC in a workload root reading its subnet through a data source meets the deployed subnet here. The
  // deployed ones the IaC does not define (or delete) stay, pointing at the IaC's replacements.
  const nics = overlayNetworkInterfaces(deployed.networkInterfaces ?? [], iac.networkInterfaces ?? [], {
    ...opts,
    isDeleted,
    fromDeployed,
    notice: (d) => out.diagnostics.push(d),
  })
  const mineNics = nics.iac.map((nic) => {
    const at = (v: Value<string>) => resolveDeployed(out, fromIac(v) ?? v, byIdentity, nic) ?? v
    nic.subnetIds = nic.subnetIds.map(at)
    if (nic.nsgId) nic.nsgId = at(nic.nsgId)
    return nic
  })
  if (mineNics.length + nics.deployed.length > 0) out.networkInterfaces = [...mineNics, ...nics.deployed]
  out.cloudHints = [...new Set([...iac.cloudHints, ...deployed.cloudHints])]
  // Where BGP routes come from (gateways, peerings) and Virtual Network Manager: the IaC's over the deployed
  // ones (subnets with effective routes ignore BGP sources).
  const bgp = overlayGateways(deployed.bgp, iac.bgp, isDeleted)
  if (bgp) out.bgp = bgp
  const nm = overlayNetworkManager(deployed.networkManager, iac.networkManager, isDeleted)
  if (nm) out.networkManager = nm
  if (iac.moved) out.moved = iac.moved
  const wan = overlayVirtualWan(deployed.virtualWan, iac.virtualWan, { fromDeployed, fromIac, isDeleted })
  if (wan) out.virtualWan = wan
  return out
}

/** Objects of the overlay that come from the deployed state (for "deployed" labels in reports). */
export function isDeployedOnly(o: ModelObject): boolean {
  return o.format === 'live'
}

/**
 * Routes the IaC adds by name to a table it does not define (`azurerm_route` with `route_table_name`):
 * attached to the deployed table with that name, in the route's resource group (and subscription, when
 * known). A route replaces a deployed route of the same name, as Azure does. Several candidates are named
 * in a notice, never guessed; none leaves the source's "cannot tell which route table" notice in place.
 */
function attachDetachedRoutes(out: NetworkModel, tables: RouteTable[], detached: DetachedRoute[]): void {
  const eq = (a: string | undefined, b: string | undefined) =>
    a === undefined || b === undefined || a.toLowerCase() === b.toLowerCase()
  for (const d of detached) {
    const candidates = tables.filter((t) => {
      const scope = armScope(t.address)
      return (
        t.name.known &&
        t.name.value.toLowerCase() === d.tableName.toLowerCase() &&
        eq(scope.resourceGroup, d.resourceGroup) &&
        eq(scope.subscriptionId, d.subscription)
      )
    })
    if (candidates.length === 1) {
      const table = candidates[0]!
      const route = { ...structuredClone(d.route), routeTableId: table.id }
      const name = route.name.known ? route.name.value.toLowerCase() : undefined
      table.routes = table.routes.filter(
        (r) => !(name && r.name.known && r.name.value.toLowerCase() === name),
      )
      table.routes.push(route)
      out.diagnostics = out.diagnostics.filter((x) => x !== d.diagnostic)
    } else if (candidates.length > 1)
      out.diagnostics.push({
        ruleId: 'KMS012',
        severity: 'notice',
        origin: d.route.origin,
        address: d.route.address,
        message:
          `${d.route.address} adds a route to route table ${d.tableName}, and ${candidates.length} deployed route ` +
          `tables have that name (${candidates.map((c) => c.address).join(', ')}); the route is not attached to ` +
          'any of them: give resource_group_name to say which',
      })
  }
}

const KIND_OF_ARM_TYPE: Record<string, Kind> = {
  'microsoft.network/routetables': 'routeTables',
  'microsoft.network/virtualnetworks/subnets': 'subnets',
  'microsoft.network/networksecuritygroups': 'nsgs',
  'microsoft.network/azurefirewalls': 'firewalls',
  'microsoft.network/firewallpolicies': 'firewallPolicies',
  'microsoft.network/ipgroups': 'ipGroups',
  'microsoft.network/natgateways': 'natGateways',
}

/** Deployed objects a reference names by Azure identity: their ids in the overlay, and their ARM ids. */
type ByIdentity = (ref: DeployedRef) => { id: string; address: string }[]

/**
 * The deployed objects with `ref`'s type, names (virtual network and subnet for subnets), resource group
 * and subscription (each compared when the reference knows it), as the overlay names them (`redirect`:
 * the IaC object that replaces one, none when the IaC deletes it).
 */
function deployedByIdentity(
  deployed: NetworkModel,
  ref: DeployedRef,
  redirect: (id: string) => string | undefined,
): { id: string; address: string }[] {
  const kind = KIND_OF_ARM_TYPE[ref.armType.toLowerCase()]
  if (!kind) return []
  const same = (a: string | undefined, b: string | undefined) =>
    b === undefined || (a !== undefined && a.toLowerCase() === b.toLowerCase())
  const out: { id: string; address: string }[] = []
  for (const d of deployed[kind] as ModelObject[]) {
    const names = kind === 'subnets' ? [lower((d as Subnet).vnetName), lower(d.name)] : [lower(d.name)]
    if (names.length !== ref.names.length || names.some((n, i) => n !== ref.names[i]!.toLowerCase())) continue
    const scope = armScope(d.address)
    if (!same(scope.resourceGroup, ref.resourceGroup) || !same(scope.subscriptionId, ref.subscription))
      continue
    const id = redirect(d.id)
    if (id !== undefined) out.push({ id, address: d.address })
  }
  return out
}

const refText = (ref: DeployedRef): string =>
  `${ref.names.join('/')}${ref.resourceGroup ? ` in resource group ${ref.resourceGroup}` : ''}${ref.subscription ? ` of subscription ${ref.subscription}` : ''}`

/**
 * A reference from the IaC to a resource it only reads (`data "azurerm_route_table"`, an ARM id): the
 * deployed object with that identity. Several are named in a notice, never guessed at; none leaves the
 * reference Unknown, saying the deployed network has no such resource either.
 */
function resolveDeployed(
  out: NetworkModel,
  v: Value<string> | undefined,
  byIdentity: ByIdentity,
  at: { origin: ModelObject['origin']; address: string },
): Value<string> | undefined {
  if (!v || v.known || !v.deployed) return v
  const found = byIdentity(v.deployed)
  if (found.length === 1) return known(found[0]!.id, v.origin)
  if (found.length === 0)
    return {
      ...v,
      reason: `${v.reason ?? 'not resolved'}; the deployed network has no ${refText(v.deployed)} either`,
    }
  out.diagnostics.push({
    ruleId: 'KMS012',
    severity: 'notice',
    origin: at.origin,
    address: at.address,
    message:
      `${at.address} refers to ${refText(v.deployed)}, and ${found.length} deployed resources match ` +
      `(${found.map((f) => f.address).join(', ')}); none is chosen: give the resource group (and subscription) to say which`,
  })
  return { ...v, reason: `ambiguous: ${found.length} deployed resources match ${refText(v.deployed)}` }
}

/** IaC subnets whose route table, NSG or NAT gateway is a deployed one read through a data source or id. */
function resolveDeployedRefs(out: NetworkModel, subnets: Subnet[], byIdentity: ByIdentity): void {
  for (const s of subnets)
    for (const k of ['routeTableId', 'nsgId', 'natGatewayId'] as const) {
      const v = resolveDeployed(out, s[k], byIdentity, s)
      if (v) s[k] = v
    }
}

/**
 * Associations the IaC makes for a deployed subnet (its `subnet_id` a data source or an ARM id): the
 * deployed subnet with that identity gets the association's route table, NSG or NAT gateway, and the
 * notice that said the subnet was unknown goes. An ambiguous subnet is named in a notice, not guessed.
 */
function attachDetachedAssociations(
  out: NetworkModel,
  liveSubnets: Subnet[],
  detached: DetachedAssociation[],
  byIdentity: ByIdentity,
): void {
  for (const d of detached) {
    const found = byIdentity(d.subnet)
    const subnet = found.length === 1 ? liveSubnets.find((s) => s.id === found[0]!.id) : undefined
    if (!subnet) {
      if (found.length > 1)
        out.diagnostics.push({
          ruleId: 'KMS012',
          severity: 'notice',
          origin: d.origin,
          address: d.address,
          message:
            `${d.address} associates subnet ${refText(d.subnet)}, and ${found.length} deployed subnets match ` +
            `(${found.map((f) => f.address).join(', ')}); the association is not applied to any: give the resource group to say which`,
        })
      continue
    }
    const target = resolveDeployed(out, d.target, byIdentity, d)
    if (target) subnet[d.field] = target
    if (d.field === 'routeTableId') subnet.routeTableOrigin = d.origin
    if (d.field === 'nsgId') subnet.nsgOrigin = d.origin
    out.diagnostics = out.diagnostics.filter((x) => x !== d.diagnostic)
  }
}
