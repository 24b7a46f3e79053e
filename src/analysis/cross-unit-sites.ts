/**
 * Local sites across the units of one scan. An on-premises connectivity unit declares the local network
 * gateway and its site-to-site connection to the hub's VPN gateway, which it reads by data source (or ARM
 * id); the connectivity unit declares that gateway. Judged alone, the gateway's sites are "not in the
 * scanned sources" (its VNet's subnets, and spokes using it, are undecided) and the connection is named as
 * orphaned. Here the site is linked to the gateway by Azure identity (name, resource group, subscription
 * where both say it), so the gateway propagates its address space as within one unit (./bgp.ts):
 *
 * - siteFacts: the sites a unit declares whose connections name a VPN gateway it does not declare;
 * - vpnGateways: the VPN gateways a unit declares, by identity (what the sites may be linked to);
 * - siteFactsFor: the sites linked to any of a unit's gateways (its own, or another unit's it was given);
 * - laySites: the sites join the unit's model, linked to its gateways of that identity;
 * - undeclaredGateways, settleGatewayNotices: the site's unit named its connection (KMS011) as linking the
 *   site to a gateway "the scanned sources do not declare"; where another unit declares it, that notice is
 *   stale and goes (the declaring unit judges the site's address space).
 */
import type { LocalNetworkGateway, NetworkModel, VnetGateway } from '../model/network'
import type { DeployedRef } from '../model/value'
import { sameResource } from './azure-identity'

/** A VPN gateway by Azure identity. */
export interface GatewayIdentity {
  name: string
  resourceGroup: string
  subscription?: string
}

/** A site one unit declares, linked by a connection to a VPN gateway the unit only reads. */
export interface SiteFact {
  unit: string
  from: string
  gateway: GatewayIdentity
  /** The site, id prefixed by the unit, not linked (laySites links it). */
  site: LocalNetworkGateway
}

const GATEWAY = 'microsoft.network/virtualnetworkgateways'

/** The gateway a connection reads, by identity, where it says name and resource group. */
function identityOf(d: DeployedRef): GatewayIdentity | undefined {
  if (d.armType.toLowerCase() !== GATEWAY || d.names.length !== 1 || !d.resourceGroup) return undefined
  return {
    name: d.names[0]!,
    resourceGroup: d.resourceGroup,
    ...(d.subscription ? { subscription: d.subscription.toLowerCase() } : {}),
  }
}

/** Is `g` the VPN gateway `id` names (./azure-identity.ts)? */
function isGateway(g: VnetGateway, id: GatewayIdentity): boolean {
  if (g.kind !== 'vpn' || !g.name.known) return false
  return sameResource(
    { name: g.name.value, resourceGroup: g.resourceGroup, subscription: g.subscription },
    id,
  )
}

/** The sites a unit declares whose connections name a VPN gateway it does not declare. */
export function siteFacts(model: NetworkModel, unit: { name: string; from: string }): SiteFact[] {
  const out: SiteFact[] = []
  for (const l of model.bgp?.localNetworkGateways ?? []) {
    for (const d of l.gatewaysRead ?? []) {
      const gateway = identityOf(d)
      if (!gateway) continue
      const { gatewayIds: _linked, gatewaysRead: _read, ...site } = l
      out.push({ unit: unit.name, from: unit.from, gateway, site: { ...site, id: `${unit.name}#${l.id}` } })
    }
  }
  return out
}

/** The VPN gateways a model holds with a known name and resource group (its own, or laid from another unit). */
export function vpnGateways(model: NetworkModel): GatewayIdentity[] {
  return (model.bgp?.gateways ?? []).flatMap((g) =>
    g.kind === 'vpn' && g.name.known && g.resourceGroup !== undefined
      ? [
          {
            name: g.name.value,
            resourceGroup: g.resourceGroup,
            ...(g.subscription ? { subscription: g.subscription.toLowerCase() } : {}),
          },
        ]
      : [],
  )
}

/** The sites of other units linked to any of these gateways. */
export function siteFactsFor(
  gateways: readonly GatewayIdentity[],
  from: string,
  all: readonly SiteFact[],
): SiteFact[] {
  return all.filter((s) => s.from !== from && gateways.some((g) => sameResource(g, s.gateway)))
}

/** The VPN gateways a unit's connections read that it does not declare: its KMS011 notices name them. */
export function undeclaredGateways(model: NetworkModel): GatewayIdentity[] {
  const out = new Map<string, GatewayIdentity>()
  for (const d of model.diagnostics) {
    const g = d.undeclared && identityOf(d.undeclared)
    if (g) out.set(JSON.stringify(g).toLowerCase(), g)
  }
  return [...out.values()]
}

/** Drops the notices naming as undeclared a VPN gateway another unit of the scan declares (`declared`). */
export function settleGatewayNotices(model: NetworkModel, declared: readonly GatewayIdentity[]): void {
  if (declared.length === 0) return
  model.diagnostics = model.diagnostics.filter((d) => {
    const g = d.undeclared && identityOf(d.undeclared)
    return !g || !declared.some((x) => sameResource(x, g))
  })
}

/** Lays other units' sites into a model, linked to its VPN gateways of the identity their connections name. */
export function laySites(model: NetworkModel, facts: readonly SiteFact[]): void {
  const bgp = model.bgp
  if (!bgp || facts.length === 0) return
  for (const f of facts) {
    const gatewayIds = bgp.gateways.filter((g) => isGateway(g, f.gateway)).map((g) => g.id)
    if (gatewayIds.length === 0) continue
    const laid = bgp.localNetworkGateways.find((l) => l.id === f.site.id)
    if (laid) laid.gatewayIds = [...new Set([...(laid.gatewayIds ?? []), ...gatewayIds])]
    else bgp.localNetworkGateways.push({ ...f.site, gatewayIds })
  }
}
