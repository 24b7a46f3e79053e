/**
 * VNet keys across the overlay (overlay.ts). The IaC keys a VNet it declares by its model id
 * (`azurerm_virtual_network.spoke`), the deployed network by its ARM id (src/model/vnet.ts): laid over
 * each other, an IaC subnet must still meet the deployed gateway of its VNet, and an IaC gateway, peering,
 * hub connection or network group member the deployed subnets (a VPN gateway or a `use_remote_gateways`
 * peering a pull request adds to a VNet whose subnets are only deployed exposes those subnets). So each IaC
 * VNet key, whatever names it (the declared VNet, its subnets, gateways, peerings, hub connections, group
 * members), is rewritten to the deployed VNet with the same name and resource group.
 *
 * - A name that matches several deployed VNets is not guessed at: the key becomes Unknown, naming the
 *   candidates, and the analysis names every hop that depends on it.
 * - A VNet whose subscription the IaC states (an ARM id, a Terraform provider alias with `subscription_id`,
 *   a Bicep module scoped to `resourceGroup('<subscription>', …)`, an ARM nested deployment's
 *   `subscriptionId`) matches only in that subscription; one without (a declared VNet under the default
 *   provider, a name and resource group) matches a deployed VNet in any scanned subscription: the IaC does
 *   not say which subscription it deploys to (the deployment command does). Two deployed VNets with that
 *   name and resource group in two subscriptions are then ambiguous, as above.
 * - When the IaC's resource group cannot be evaluated (a variable without a value, Bicep's
 *   `resourceGroup().name` deployed to a group it does not name), the only deployed VNet of that name in the
 *   scanned scope is taken, and a KMS012 notice says so: which deployed VNet, why, and what would tell
 *   (a var file or parameter file giving the resource group). This is an assumption, chosen over an Unknown
 *   key because the overlay already lays the IaC subnets of that VNet over the deployed subnets of the same
 *   VNet and subnet name (overlay.ts, by name when the resource group is not known): an Unknown VNet key
 *   would split those subnets from their own VNet's deployed gateway, peerings and hub connection, and would
 *   make every subnet of the VNet undecided wherever any gateway exists in the scan, for a var file the
 *   pipeline did not get. The notice keeps the assumption visible; the var file removes it.
 */
import type { NetworkModel, SourceDiagnostic } from '../../model/network'
import { known, unknown, type Origin, type Value } from '../../model/value'
import { vnetKeyOfArmId } from '../../model/vnet'
import { armScope } from './arm-id'

type Rekey = Map<string, Value<string>>

const lower = (s: string | undefined) => s?.toLowerCase()

/** An IaC VNet key and what the IaC says of that VNet. */
interface IacVnet {
  key: Value<string>
  name?: Value<string>
  /** The resource group as written: a string, an Unknown (not evaluated), or undefined (not said). */
  resourceGroup?: Value<string> | string
  /** The subscription the IaC states for it (ModelObject.subscription), lower case. */
  subscription?: string
  origin?: Origin
  address?: string
}

/** Every VNet key the IaC uses, with the best name and resource group it gives for each (declared VNets first). */
function iacVnets(iac: NetworkModel): IacVnet[] {
  const out = new Map<string, IacVnet>()
  const add = (v: IacVnet) => {
    if (!v.key.known) return
    const had = out.get(v.key.value)
    if (!had) out.set(v.key.value, v)
    else {
      if (!had.name?.known && v.name?.known) had.name = v.name
      if (had.resourceGroup === undefined && v.resourceGroup !== undefined)
        had.resourceGroup = v.resourceGroup
      had.subscription ??= v.subscription
      had.origin ??= v.origin
      had.address ??= v.address
    }
  }
  for (const v of iac.vnets ?? [])
    add({
      key: known(v.id, v.origin),
      name: v.name,
      ...(v.resourceGroup ? { resourceGroup: v.resourceGroup } : {}),
      ...(v.subscription !== undefined ? { subscription: v.subscription.toLowerCase() } : {}),
      origin: v.origin,
      address: v.address,
    })
  for (const s of iac.subnets)
    if (s.vnetId)
      add({
        key: s.vnetId,
        ...(s.vnetName ? { name: s.vnetName } : {}),
        ...(s.resourceGroup !== undefined ? { resourceGroup: s.resourceGroup } : {}),
        ...(s.subscription !== undefined ? { subscription: s.subscription.toLowerCase() } : {}),
        origin: s.origin,
        address: s.address,
      })
  const bgp = iac.bgp
  for (const g of bgp?.gateways ?? [])
    add({ key: g.vnetId, name: g.vnetName, origin: g.origin, address: g.address })
  for (const p of bgp?.peerings ?? []) {
    // A peering is a child of its local VNet: its resource group is that VNet's.
    const rg = p.resourceGroup
    add({
      key: p.vnetId,
      name: p.vnetName,
      ...(rg !== undefined ? { resourceGroup: rg } : {}),
      origin: p.origin,
      address: p.address,
    })
    add({ key: p.remoteVnetId, name: p.remoteVnetName, origin: p.origin, address: p.address })
  }
  for (const c of iac.virtualWan?.connections ?? [])
    add({ key: c.vnetId, origin: c.origin, address: c.address })
  for (const g of iac.networkManager?.groups ?? [])
    for (const m of g.staticVnets)
      add({ key: known(m.id), name: known(m.name), origin: g.origin, address: g.address })
  return [...out.values()]
}

/** What deployedVnetKeys found: the keys to rewrite, and the notices for matches it had to assume. */
export interface VnetRekey {
  rekey: Rekey
  diagnostics: SourceDiagnostic[]
}

/** IaC VNet key → the deployed VNet's key (or an Unknown naming several). */
export function deployedVnetKeys(deployed: NetworkModel, iac: NetworkModel): VnetRekey {
  // Deployed VNets by name: key, resource group, subscription.
  const vnets = new Map<
    string,
    { id: string; address: string; resourceGroup?: string; subscription?: string }[]
  >()
  for (const d of deployed.subnets) {
    const id = d.vnetId?.known ? d.vnetId.value : undefined
    if (id === undefined || !d.vnetName?.known) continue
    const name = d.vnetName.value.toLowerCase()
    const list = vnets.get(name) ?? []
    if (!list.some((v) => v.id === id)) {
      const scope = armScope(d.address)
      const rg = lower(scope.resourceGroup)
      const sub = lower(scope.subscriptionId)
      const address = vnetKeyOfArmId(d.address) ? d.address.replace(/\/subnets\/.*$/i, '') : id
      list.push({ id, address, ...(rg ? { resourceGroup: rg } : {}), ...(sub ? { subscription: sub } : {}) })
    }
    vnets.set(name, list)
  }
  const deployedKeys = new Set([...vnets.values()].flat().map((v) => v.id))
  const rekey: Rekey = new Map()
  const diagnostics: SourceDiagnostic[] = []
  for (const v of iacVnets(iac)) {
    const key = v.key as Extract<Value<string>, { known: true }>
    if (deployedKeys.has(key.value)) continue
    // The name: the IaC's, else the key's last segment when the key is an ARM id or a name with its group.
    const armKey = vnetKeyOfArmId(key.value)
    const name = v.name?.known ? v.name.value : armKey ? armScope(armKey).name : undefined
    if (name === undefined) continue
    const keyScope = armKey ? armScope(armKey) : {}
    // The resource group: the one the IaC writes for the VNet, or the one its key names.
    const written =
      typeof v.resourceGroup === 'string'
        ? v.resourceGroup
        : v.resourceGroup?.known
          ? v.resourceGroup.value
          : undefined
    const rg = lower(written ?? keyScope.resourceGroup)
    const sub = v.subscription ?? lower(keyScope.subscriptionId)
    const candidates = (vnets.get(name.toLowerCase()) ?? []).filter(
      (d) => (rg === undefined || d.resourceGroup === rg) && (sub === undefined || d.subscription === sub),
    )
    if (candidates.length === 1) {
      const match = candidates[0]!
      rekey.set(key.value, known(match.id, key.origin))
      if (rg === undefined && v.origin)
        diagnostics.push({
          ruleId: 'KMS012',
          severity: 'notice',
          origin: v.origin,
          ...(v.address ? { address: v.address } : {}),
          message:
            `virtual network ${name} (${v.address ?? key.value}) is taken to be the deployed ${match.address}: ` +
            `its resource group ${rgText(v.resourceGroup)}, and that is the only deployed VNet named ${name} in the ` +
            'scanned subscriptions; give the resource group a value (a var file or parameter file) to match it by ' +
            'resource group instead',
        })
    } else if (candidates.length > 1)
      rekey.set(
        key.value,
        unknown(
          key.value,
          `virtual network ${name} matches ${candidates.length} deployed VNets (${candidates.map((c) => c.id).join(', ')}): give its resource group to say which`,
          key.origin,
        ),
      )
  }
  return { rekey, diagnostics }
}

/** Why the resource group could not be compared, for the notice. */
function rgText(rg: IacVnet['resourceGroup']): string {
  if (rg !== undefined && typeof rg !== 'string' && !rg.known)
    return `cannot be evaluated (\`${rg.expression}\`${rg.reason ? `: ${rg.reason}` : ''})`
  return 'is not given'
}

/** The IaC model with its VNet keys rewritten to the deployed ones (a copy; the input is not changed). */
export function rekeyVnets(iac: NetworkModel, rekey: Rekey): NetworkModel {
  if (rekey.size === 0) return iac
  const to = (v: Value<string>): Value<string> => (v.known ? (rekey.get(v.value) ?? v) : v)
  const out = { ...iac }
  out.subnets = iac.subnets.map((s) => (s.vnetId ? { ...s, vnetId: to(s.vnetId) } : s))
  if (iac.bgp) {
    const bgp = structuredClone(iac.bgp)
    for (const g of bgp.gateways) g.vnetId = to(g.vnetId)
    for (const p of bgp.peerings) {
      p.vnetId = to(p.vnetId)
      p.remoteVnetId = to(p.remoteVnetId)
    }
    out.bgp = bgp
  }
  if (iac.virtualWan) {
    const wan = structuredClone(iac.virtualWan)
    for (const c of wan.connections) c.vnetId = to(c.vnetId)
    out.virtualWan = wan
  }
  if (iac.networkManager) {
    const nm = structuredClone(iac.networkManager)
    for (const g of nm.groups)
      g.staticVnets = g.staticVnets.flatMap((m) => {
        const id = to(known(m.id))
        if (id.known) return [{ ...m, id: id.value }]
        // Which deployed VNet the member is cannot be told: the group's membership is open.
        g.openMembership = id
        return []
      })
    out.networkManager = nm
  }
  return out
}
