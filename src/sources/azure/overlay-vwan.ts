/**
 * Virtual WAN of a pull request's IaC laid over the deployed one (overlay.ts does the rest of the model):
 * an IaC hub, connection, routing intent, hub route table or gateway replaces the deployed one of the same
 * name (children: in the hub of the same name; a hub has one routing intent whatever its name). Deployed
 * objects that stay point at the IaC hub that replaced theirs, and their next hops follow the overlay's
 * own rewriting (a firewall the IaC replaces or deletes).
 */
import { emptyVirtualWan, type ModelObject, type VirtualWanModel } from '../../model/network'
import { known, type Value } from '../../model/value'

export interface OverlayRefs {
  /** A reference from a deployed object: to its IaC replacement, or Unknown when the IaC deletes it. */
  fromDeployed: (v: Value<string> | undefined, attribute: string) => Value<string> | undefined
  /** A reference from the IaC written as an ARM id: to the deployed object. */
  fromIac: (v: Value<string> | undefined) => Value<string> | undefined
  isDeleted: (id: string) => boolean
}

const lower = (v: Value<string> | undefined) => (v?.known ? v.value.toLowerCase() : undefined)

export function overlayVirtualWan(
  deployed: VirtualWanModel | undefined,
  iac: VirtualWanModel | undefined,
  ref: OverlayRefs,
): VirtualWanModel | undefined {
  if (!deployed && !iac) return undefined
  const d = deployed ?? emptyVirtualWan()
  const i = structuredClone(iac ?? emptyVirtualWan())
  const name = (o: ModelObject) => lower(o.name)
  const iacHubName = new Map(i.hubs.map((h) => [h.id, name(h)]))
  const deployedHubName = new Map(d.hubs.map((h) => [h.id, name(h)]))
  const hubNameOf = (hubId: Value<string>, names: Map<string, string | undefined>) =>
    hubId.known ? (names.get(hubId.value) ?? hubId.value.split('/').pop()?.toLowerCase()) : undefined
  // Deployed hub id → IaC hub id, by name.
  const hubReplaced = new Map<string, string>()
  for (const h of d.hubs) {
    const twin = i.hubs.find((x) => name(x) !== undefined && name(x) === name(h))
    if (twin) hubReplaced.set(h.id, twin.id)
  }
  const childKey = (o: ModelObject & { hubId: Value<string> }, names: Map<string, string | undefined>) => {
    const hub = hubNameOf(o.hubId, names)
    const n = name(o)
    return hub !== undefined && n !== undefined ? `${hub}/${n}` : undefined
  }
  const keepChildren = <T extends ModelObject & { hubId: Value<string> }>(
    deployedItems: T[],
    iacItems: T[],
    oneOfAKind = false,
  ): T[] => {
    const iacKeys = new Set(
      iacItems.map((o) => (oneOfAKind ? hubNameOf(o.hubId, iacHubName) : childKey(o, iacHubName))),
    )
    return deployedItems
      .filter((o) => !ref.isDeleted(o.id))
      .filter((o) => {
        const k = oneOfAKind ? hubNameOf(o.hubId, deployedHubName) : childKey(o, deployedHubName)
        return k === undefined || !iacKeys.has(k)
      })
      .map((o) => {
        const c = structuredClone(o)
        if (c.hubId.known && hubReplaced.has(c.hubId.value))
          c.hubId = known(hubReplaced.get(c.hubId.value)!, c.hubId.origin)
        return c
      })
  }
  // An IaC child of a deployed hub names it by ARM id (`virtual_hub_id = "/subscriptions/..."`).
  const deployedHubIds = new Set(d.hubs.map((h) => h.id))
  const deployedHub = (v: Value<string>): Value<string> | undefined => {
    const text = v.known ? v.value : (v.ref?.resource ?? v.expression)
    if (!/^\/subscriptions\//i.test(text)) return undefined
    const id = text.toLowerCase()
    const to = hubReplaced.get(id) ?? (deployedHubIds.has(id) && !ref.isDeleted(id) ? id : undefined)
    return to === undefined ? undefined : known(to, v.origin)
  }
  const out: VirtualWanModel = {
    hubs: [
      ...i.hubs,
      ...d.hubs.filter((h) => !hubReplaced.has(h.id) && !ref.isDeleted(h.id)).map((h) => structuredClone(h)),
    ],
    connections: [...i.connections, ...keepChildren(d.connections, i.connections)],
    // A hub has one routing intent, whatever its name.
    routingIntents: [...i.routingIntents, ...keepChildren(d.routingIntents, i.routingIntents, true)],
    routeTables: [...i.routeTables, ...keepChildren(d.routeTables, i.routeTables)],
    gateways: [
      ...i.gateways,
      ...d.gateways
        .filter(
          (g) =>
            !ref.isDeleted(g.id) && !i.gateways.some((x) => name(x) !== undefined && name(x) === name(g)),
        )
        .map((g) => structuredClone(g)),
    ],
  }
  const iacIds = new Set(
    [...i.hubs, ...i.connections, ...i.routingIntents, ...i.routeTables, ...i.gateways].map((o) => o.id),
  )
  for (const c of [...out.connections, ...out.routingIntents, ...out.routeTables, ...out.gateways]) {
    const fromIac = iacIds.has(c.id)
    if (fromIac) c.hubId = deployedHub(c.hubId) ?? ref.fromIac(c.hubId) ?? c.hubId
  }
  // A deployed connection's effective hub routes say how the hub routes today; once the IaC changes that
  // hub (routing intent, route tables, gateways), they no longer do: its configuration decides again.
  const touched = new Set(
    [
      ...i.hubs.map((h) => known(h.id)),
      ...[...i.routingIntents, ...i.routeTables, ...i.gateways].map((x) => x.hubId),
    ].flatMap((v) => (v.known ? [v.value] : [])),
  )
  for (const c of out.connections)
    if (!iacIds.has(c.id) && c.effectiveRouteTableId && c.hubId.known && touched.has(c.hubId.value))
      delete c.effectiveRouteTableId
  for (const r of out.routingIntents) {
    if (!r.internetNextHop) continue
    r.internetNextHop = iacIds.has(r.id)
      ? ref.fromIac(r.internetNextHop)
      : ref.fromDeployed(r.internetNextHop, 'nextHop')
  }
  for (const t of out.routeTables)
    for (const r of t.routes)
      r.nextHop =
        (iacIds.has(t.id) ? ref.fromIac(r.nextHop) : ref.fromDeployed(r.nextHop, 'nextHop')) ?? r.nextHop
  return out
}
