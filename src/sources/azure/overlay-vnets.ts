/**
 * VNet keys across the overlay (overlay.ts). The IaC keys a VNet it declares by its model id
 * (`azurerm_virtual_network.spoke`), the deployed network by its ARM id (src/model/vnet.ts): laid over
 * each other, an IaC subnet must still meet the deployed gateway of its VNet, and an IaC peering or
 * network group member the deployed subnets. So each IaC VNet key is rewritten to the deployed VNet with
 * the same name and resource group (as the IaC's subnets in it say); a name that matches several deployed
 * VNets is not guessed at: the IaC subnets' VNet becomes unknown, naming the candidates.
 */
import type { NetworkModel, Subnet } from '../../model/network'
import { known, unknown, type Value } from '../../model/value'
import { vnetKeyOfArmId } from '../../model/vnet'
import { armScope } from './arm-id'

type Rekey = Map<string, Value<string>>

const lower = (s: string | undefined) => s?.toLowerCase()

/** IaC VNet key → the deployed VNet's key (or an Unknown naming several). */
export function deployedVnetKeys(deployed: NetworkModel, iacSubnets: Subnet[]): Rekey {
  // Deployed VNets by name: key, resource group, subscription.
  const vnets = new Map<string, { id: string; resourceGroup?: string }[]>()
  for (const d of deployed.subnets) {
    const id = d.vnetId?.known ? d.vnetId.value : undefined
    if (id === undefined || !d.vnetName?.known) continue
    const name = d.vnetName.value.toLowerCase()
    const list = vnets.get(name) ?? []
    if (!list.some((v) => v.id === id)) {
      const rg = lower(armScope(d.address).resourceGroup)
      list.push({ id, ...(rg ? { resourceGroup: rg } : {}) })
    }
    vnets.set(name, list)
  }
  const deployedKeys = new Set([...vnets.values()].flat().map((v) => v.id))
  const out: Rekey = new Map()
  for (const s of iacSubnets) {
    const key = s.vnetId
    if (!key?.known || out.has(key.value) || deployedKeys.has(key.value) || !s.vnetName?.known) continue
    // The resource group: the subnet's own, or the one its key names.
    const rg = lower(s.resourceGroup ?? armScope(vnetKeyOfArmId(key.value) ?? '').resourceGroup)
    const candidates = (vnets.get(s.vnetName.value.toLowerCase()) ?? []).filter(
      (v) => rg === undefined || v.resourceGroup === rg,
    )
    if (candidates.length === 1) out.set(key.value, known(candidates[0]!.id, key.origin))
    else if (candidates.length > 1)
      out.set(
        key.value,
        unknown(
          key.value,
          `virtual network ${s.vnetName.value} matches ${candidates.length} deployed VNets (${candidates.map((c) => c.id).join(', ')}): give its resource group to say which`,
          key.origin,
        ),
      )
  }
  return out
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
