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
 * A VNet as a finding or a verdict names it: its name, where Azure puts it as far as the source says, and
 * the label its text carries. Findings of two units (two root modules, two deployments) are labelled each
 * in its own model; the report labels them again across all units (src/report/vnet-labels.ts) from these.
 */
export interface VnetMention {
  name: string
  /** The label the finding's text carries now (`vnet-spoke`, `vnet-spoke (rg-spoke-a)`). */
  label: string
  /** The label its unit gave it (labelVnets): what the report goes back to when no other unit shares the name. */
  unitLabel: string
  subscription?: string
  resourceGroup?: string
  /** The VNet key in its unit, or the subnet's address: the qualifier of last resort. */
  key: string
}

/** Where a subnet's VNet is: the subscription and resource group the source states or its key holds. */
function placeOf(s: Subnet): { subscription?: string; resourceGroup?: string; key: string } {
  const fromKey = scopeOfKey(s.vnetId?.known ? s.vnetId.value : undefined)
  const subscription = s.subscription ?? fromKey.subscription
  const resourceGroup = s.resourceGroup ?? fromKey.resourceGroup
  return {
    ...(subscription !== undefined ? { subscription: subscription.toLowerCase() } : {}),
    ...(resourceGroup !== undefined ? { resourceGroup } : {}),
    key: s.vnetId?.known ? s.vnetId.value : s.address,
  }
}

/** The subnet's VNet as findings and verdicts carry it; undefined when its name is not known. */
export function vnetMentionOf(s: Subnet): VnetMention | undefined {
  if (!s.vnetName?.known) return undefined
  const label = s.vnetLabel ?? s.vnetName.value
  return { name: s.vnetName.value, label, unitLabel: label, ...placeOf(s) }
}

type Place = { subscription?: string; resourceGroup?: string; key: string }

const placeOfMention = (m: VnetMention): Place => ({
  key: m.key,
  ...(m.subscription !== undefined ? { subscription: m.subscription } : {}),
  ...(m.resourceGroup !== undefined ? { resourceGroup: m.resourceGroup } : {}),
})

/**
 * What tells same-named VNets apart, one qualifier per VNet in order: the resource group where the groups
 * differ, the subscription and group where only the subscriptions do, else the VNet key itself.
 */
function qualifiers(places: readonly Place[]): string[] {
  const distinct = (f: (p: Place) => string | undefined) =>
    places.every((p) => f(p) !== undefined) && new Set(places.map(f)).size === places.length
  const byGroup = distinct((p) => p.resourceGroup?.toLowerCase())
  const bySubscription = distinct((p) =>
    p.resourceGroup === undefined ? undefined : `${p.subscription ?? ''}/${p.resourceGroup.toLowerCase()}`,
  )
  const byKey = keyQualifiers(places.map((p) => p.key))
  return places.map((p, i) =>
    byGroup
      ? p.resourceGroup!
      : bySubscription && p.subscription !== undefined
        ? `subscription ${p.subscription}, ${p.resourceGroup}`
        : byKey[i]!,
  )
}

/** The file of a Bicep (`infra/main.bicep::hub.vnet`) or ARM (`infra/main.json#Microsoft.Network/…`) model key. */
const fileOfKey = (key: string): string | undefined => /^(.+?\.(?:bicep|json))(?:::|#)/.exec(key)?.[1]

/**
 * Qualifiers of last resort, kept short: a Bicep or ARM VNet by the end of its file's path that no other
 * VNet of the name shares (`All-in-One-Bicep/main.json`, not the template path and resource chain),
 * anything else (a Terraform address, two VNets of one file) by its whole key.
 */
function keyQualifiers(keys: readonly string[]): string[] {
  const files = keys.map(fileOfKey)
  return keys.map((key, i) => {
    const file = files[i]
    if (!file || files.some((f, j) => j !== i && f === file)) return key
    const parts = file.split('/')
    for (let n = 1; n < parts.length; n++) {
      const tail = parts.slice(-n).join('/')
      if (files.every((f, j) => j === i || !f || (f !== tail && !f.endsWith(`/${tail}`)))) return tail
    }
    return file
  })
}

/**
 * Gives the subnets of same-named VNets a label that tells them apart (`vnet-spoke (rg-spoke-a)`), so a
 * report about two `vnet-spoke` in two resource groups or subscriptions does not read as one VNet. Names
 * that are unique in the model stay short. Within a model VNets are told apart by key (vnetId).
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
    const labels = new Map<string, string>()
    const q = qualifiers([...vnets.values()].map(placeOf))
    ;[...vnets.keys()].forEach((k, i) => labels.set(k, q[i]!))
    for (const s of subnets)
      s.vnetLabel = `${s.vnetName!.known ? s.vnetName!.value : ''} (${labels.get(keyOf(s))})`
  }
}

/**
 * The labels of VNets mentioned across a whole report (several units, or a pull request's base and
 * head), by Azure identity: mentions of one name in one resource group are one VNet unless they state two
 * subscriptions (a mention without one is the VNet of that group whatever its subscription); without a
 * resource group, a mention is its own VNet. A name only one VNet has keeps `single` (by default the
 * label its unit gave it). Returns the label each mention should carry.
 */
export function labelMentions(
  mentions: readonly VnetMention[],
  single: (m: VnetMention) => string = (m) => m.unitLabel,
): Map<VnetMention, string> {
  const out = new Map<VnetMention, string>()
  const byName = new Map<string, VnetMention[]>()
  for (const m of mentions) {
    const k = m.name.toLowerCase()
    const list = byName.get(k)
    if (list) list.push(m)
    else byName.set(k, [m])
  }
  for (const group of byName.values()) {
    // Azure identity of each mention: subscription/group/name, the subscription only where it tells apart.
    const groups = new Map<string, Set<string>>()
    for (const m of group)
      if (m.resourceGroup !== undefined && m.subscription !== undefined) {
        const rg = m.resourceGroup.toLowerCase()
        groups.set(rg, (groups.get(rg) ?? new Set()).add(m.subscription))
      }
    const identity = (m: VnetMention): string => {
      if (m.resourceGroup === undefined) return `?${m.key.toLowerCase()}`
      const rg = m.resourceGroup.toLowerCase()
      const subscriptions = groups.get(rg)
      if (!subscriptions || subscriptions.size < 2) return `/${rg}`
      return `${m.subscription ?? '?'}/${rg}`
    }
    const vnets = new Map<string, Place>()
    for (const m of group) {
      const id = identity(m)
      const place = vnets.get(id)
      if (!place) vnets.set(id, placeOfMention(m))
      else if (place.subscription === undefined && m.subscription !== undefined)
        place.subscription = m.subscription
    }
    if (vnets.size < 2) {
      for (const m of group) out.set(m, single(m))
      continue
    }
    const q = qualifiers([...vnets.values()])
    const labelOf = new Map([...vnets.keys()].map((id, i) => [id, q[i]!]))
    for (const m of group) out.set(m, `${m.name} (${labelOf.get(identity(m))})`)
  }
  return out
}
