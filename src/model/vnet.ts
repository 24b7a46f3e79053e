/**
 * VNet keys: what tells one virtual network from another when a subnet, a gateway, a peering, a hub
 * connection or a network group member names it. Names are not enough (every landing zone has a
 * `vnet-spoke` per subscription), so a key is the VNet's Azure identity as far as the source knows it:
 *
 * - live state: the VNet's ARM id, lowercased (its model id, src/sources/azure/arm-id.ts);
 * - IaC: the model id of the VNet resource the scan declares (`azurerm_virtual_network.spoke`);
 * - IaC naming a VNet it does not declare: the ARM id it gives, lowercased, or, where it has only a name,
 *   that name qualified by its resource group (`/resourcegroups/rg-a/providers/microsoft.network/
 *   virtualnetworks/vnet-spoke`, no subscription);
 * - Unknown where the source cannot tell which VNet (a name without a resource group, an ambiguous or
 *   unresolved reference). Unknown never matches silently: `sameVnet` says 'unknown' and the analysis
 *   names the hop.
 */
import type { NetworkModel, Subnet } from './network'
import type { Tri, Value } from './value'

const VNET_PATH =
  /^(?:\/subscriptions\/([^/]+))?\/resourcegroups\/([^/]+)\/providers\/microsoft\.network\/virtualnetworks\/([^/]+)/i

/** The key of a VNet named by an ARM id (of the VNet or of anything under it); undefined without a resource group. */
export function vnetKeyOfArmId(armId: string): string | undefined {
  const m = VNET_PATH.exec(armId.trim().replace(/\/+$/, ''))
  if (!m) return undefined
  return m[0].toLowerCase()
}

/** The key of a VNet the source names only by name and resource group. */
export function vnetKeyOfName(name: string, resourceGroup: string): string {
  return `/resourcegroups/${resourceGroup}/providers/microsoft.network/virtualnetworks/${name}`.toLowerCase()
}

/**
 * Whether two keys name the same VNet: true, false, or 'unknown' when either is not known. Keys of the
 * ARM-id form are compared by resource group and name, and by subscription when both say it (an IaC
 * key without subscription is the subscription the IaC deploys to, which the IaC does not say: it matches a
 * deployed VNet in any subscription; src/sources/azure/overlay-vnets.ts names two such matches as ambiguous).
 */
export function sameVnet(a: Value<string> | undefined, b: Value<string> | undefined): Tri {
  if (!a?.known || !b?.known) return 'unknown'
  const x = a.value.toLowerCase()
  const y = b.value.toLowerCase()
  if (x === y) return true
  const p = VNET_PATH.exec(x)
  const q = VNET_PATH.exec(y)
  if (!p || !q || p[0] !== x || q[0] !== y) return false
  if (p[2] !== q[2] || p[3] !== q[3]) return false
  return p[1] === undefined || q[1] === undefined || p[1] === q[1]
}

/** Subscription and resource group of a VNet key of the ARM-id form, lower case where Azure ignores case. */
function scopeOfKey(key: string | undefined): { subscription?: string; resourceGroup?: string } {
  const m = key === undefined ? null : VNET_PATH.exec(key)
  if (!m) return {}
  return { ...(m[1] ? { subscription: m[1] } : {}), resourceGroup: m[2]! }
}

/**
 * Gives the subnets of same-named VNets a label that tells them apart (`vnet-spoke (rg-spoke-a)`), so a
 * report about two `vnet-spoke` in two resource groups or subscriptions does not read as one VNet. Names
 * that are unique in the model stay short. The qualifier is the resource group where the groups differ,
 * the subscription and group where only the subscriptions do, else the VNet key itself.
 */
export function labelVnets(model: NetworkModel): void {
  const byName = new Map<string, Subnet[]>()
  for (const s of model.subnets) {
    delete s.vnetLabel
    if (!s.vnetName?.known) continue
    const name = s.vnetName.value.toLowerCase()
    byName.set(name, [...(byName.get(name) ?? []), s])
  }
  for (const subnets of byName.values()) {
    const keyOf = (s: Subnet) => (s.vnetId?.known ? s.vnetId.value.toLowerCase() : `?${s.id}`)
    const vnets = new Map<string, Subnet>()
    for (const s of subnets) if (!vnets.has(keyOf(s))) vnets.set(keyOf(s), s)
    if (vnets.size < 2) continue
    const scope = (s: Subnet) => {
      const fromKey = scopeOfKey(s.vnetId?.known ? s.vnetId.value : undefined)
      const rg = s.resourceGroup ?? fromKey.resourceGroup
      return { resourceGroup: rg?.toLowerCase(), subscription: fromKey.subscription }
    }
    const scopes = [...vnets.values()].map(scope)
    const distinct = (f: (x: ReturnType<typeof scope>) => string | undefined) =>
      scopes.every((x) => f(x) !== undefined) && new Set(scopes.map(f)).size === scopes.length
    const byGroup = distinct((x) => x.resourceGroup)
    const bySubscription = distinct((x) => `${x.subscription ?? ''}/${x.resourceGroup ?? ''}`)
    for (const s of subnets) {
      const x = scope(s)
      const rg = s.resourceGroup ?? x.resourceGroup
      const qualifier = byGroup
        ? rg
        : bySubscription && x.subscription !== undefined
          ? `subscription ${x.subscription}, ${rg}`
          : s.vnetId?.known
            ? s.vnetId.value
            : s.address
      s.vnetLabel = `${s.vnetName!.known ? s.vnetName!.value : ''} (${qualifier})`
    }
  }
}
