/**
 * BGP sources and Virtual Network Manager of a pull request's IaC laid over the deployed ones (overlay.ts
 * does the rest of the model). An IaC gateway, Route Server, local site or peering replaces the deployed
 * one of the same kind and name (peerings: of the same local VNet); deployed ones the IaC does not mention
 * stay, so a spoke added in the IaC with `use_remote_gateways` still meets the deployed hub gateway.
 *
 * Virtual Network Manager: the deployed rules are what Azure applies now (committed, or read per VNet as
 * effective rules); the IaC's come on top of them (their commit is judged as the IaC sources say), and an
 * IaC rule replaces a deployed rule of the same name in the collection of the same name.
 */
import {
  emptyGatewayModel,
  emptyNetworkManager,
  type GatewayModel,
  type ModelObject,
  type NetworkManagerModel,
  type VnetPeering,
} from '../../model/network'
import type { Value } from '../../model/value'

const lower = (v: Value<string> | undefined) => (v?.known ? v.value.toLowerCase() : undefined)

/** Deployed items without a same-keyed IaC item (and not deleted), then the IaC items. */
function replaceByKey<T extends ModelObject>(
  deployed: T[],
  iac: T[],
  key: (o: T) => string | undefined,
  isDeleted: (id: string) => boolean,
): T[] {
  const iacKeys = new Set(iac.map(key).filter((k) => k !== undefined))
  return [
    ...structuredClone(iac),
    ...deployed
      .filter((d) => !isDeleted(d.id))
      .filter((d) => {
        const k = key(d)
        return k === undefined || !iacKeys.has(k)
      })
      .map((d) => structuredClone(d)),
  ]
}

export function overlayGateways(
  deployed: GatewayModel | undefined,
  iac: GatewayModel | undefined,
  isDeleted: (id: string) => boolean,
): GatewayModel | undefined {
  if (!deployed && !iac) return undefined
  const d = deployed ?? emptyGatewayModel()
  const i = iac ?? emptyGatewayModel()
  const named = (o: ModelObject & { kind?: string }) => {
    const n = lower(o.name)
    return n === undefined ? undefined : `${o.kind ?? ''}/${n}`
  }
  const peering = (p: VnetPeering) => {
    const v = lower(p.vnetId.known ? p.vnetId : p.vnetName)
    const n = lower(p.name)
    return v === undefined || n === undefined ? undefined : `${v}/${n}`
  }
  return {
    gateways: replaceByKey(d.gateways, i.gateways, named, isDeleted),
    localNetworkGateways: replaceByKey(d.localNetworkGateways, i.localNetworkGateways, named, isDeleted),
    peerings: replaceByKey(d.peerings, i.peerings, peering, isDeleted),
  }
}

export function overlayNetworkManager(
  deployed: NetworkManagerModel | undefined,
  iac: NetworkManagerModel | undefined,
  isDeleted: (id: string) => boolean,
): NetworkManagerModel | undefined {
  if (!deployed && !iac) return undefined
  const d = deployed ?? emptyNetworkManager()
  const i = iac ?? emptyNetworkManager()
  // Groups and configurations are referenced by model id: keep both sides' (ids differ), dropping deleted ones.
  const keep = <T extends ModelObject>(xs: T[]) =>
    xs.filter((x) => !isDeleted(x.id)).map((x) => structuredClone(x))
  // A rule's key: its name within its collection (the id's parent segment names the collection).
  const ruleKey = (r: ModelObject) => {
    const n = lower(r.name)
    const parts = r.address.toLowerCase().split('/')
    const at = parts.lastIndexOf('rules')
    const collection = at > 0 ? parts[at - 1] : undefined
    return n === undefined || collection === undefined ? undefined : `${collection}/${n}`
  }
  return {
    groups: [...structuredClone(i.groups), ...keep(d.groups)],
    configurations: [...structuredClone(i.configurations), ...keep(d.configurations)],
    adminRules: replaceByKey(d.adminRules, i.adminRules, ruleKey, isDeleted),
    routes: replaceByKey(d.routes, i.routes, ruleKey, isDeleted),
  }
}
