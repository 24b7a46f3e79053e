/**
 * The local sites of deployed VPN gateways without BGP (read-sites.ts) → the model's local network gateways,
 * each linked to the gateways whose connections use it (`gatewayIds`), so src/analysis/bgp.ts weighs only a
 * gateway's own sites. A connection whose site could not be read, a gateway whose connections could not be
 * listed, and a VNet-to-VNet connection (it propagates the remote VNet's address space, not read) become sites
 * whose address space is unknown, naming why: the subnets they reach stay undecided, never "no route".
 */
import type {
  LocalNetworkGateway as ArmLocalNetworkGateway,
  VirtualNetworkGatewayConnectionListEntity,
} from '@azure/arm-network'
import type { LocalNetworkGateway } from '../../model/network'
import { known, unknown } from '../../model/value'
import { liveHeader, liveId } from './map'

export const LIVE_SITE_TYPES = {
  site: 'Microsoft.Network/localNetworkGateways',
  connection: 'Microsoft.Network/connections',
} as const

const lastSegment = (armId: string): string => armId.split('/').filter(Boolean).pop() ?? armId

/** What was read of one VPN gateway's connections; `connections` undefined = not listed (`error` says why). */
export interface LiveGatewaySites {
  gatewayId: string
  connections?: {
    connection: VirtualNetworkGatewayConnectionListEntity
    site?: ArmLocalNetworkGateway
    error?: string
  }[]
  error?: string
}

function mapSite(s: ArmLocalNetworkGateway): LocalNetworkGateway {
  const h = liveHeader(s.id!, s.name, LIVE_SITE_TYPES.site)
  const out: LocalNetworkGateway = {
    ...h,
    addressPrefixes: known(s.localNetworkAddressSpace?.addressPrefixes ?? [], h.origin),
    gatewayIds: [],
  }
  const b = s.bgpSettings
  if (b && (b.bgpPeeringAddress || b.asn !== undefined))
    out.bgpPeer = `${b.bgpPeeringAddress ?? '?'}${b.asn !== undefined ? ` AS ${b.asn}` : ''}`
  return out
}

/** A site whose address space is not known, standing for what could not be read. */
function unknownSite(armId: string, what: string, reason: string): LocalNetworkGateway {
  const h = liveHeader(armId, what, LIVE_SITE_TYPES.site)
  return { ...h, addressPrefixes: unknown(armId.replace(/^\//, ''), reason, h.origin), gatewayIds: [] }
}

/** The sites of the gateways read, one per local network gateway, linked to every gateway that uses it. */
export function mapGatewaySites(reads: LiveGatewaySites[]): LocalNetworkGateway[] {
  const out = new Map<string, LocalNetworkGateway>()
  const link = (site: LocalNetworkGateway, gatewayId: string) => {
    const existing = out.get(site.id) ?? site
    const id = liveId(gatewayId)
    if (!existing.gatewayIds!.includes(id)) existing.gatewayIds!.push(id)
    out.set(existing.id, existing)
  }
  for (const { gatewayId, connections, error } of reads) {
    const gw = lastSegment(gatewayId)
    if (!connections) {
      link(
        unknownSite(
          `${gatewayId}/connections`,
          `connections of ${gw}`,
          `the connections of VPN gateway ${gw} could not be read (${error ?? 'no answer'}); their local sites' address spaces propagate as gateway routes`,
        ),
        gatewayId,
      )
      continue
    }
    for (const { connection: c, site, error: siteError } of connections) {
      const connName = c.name ?? lastSegment(c.id ?? '')
      const siteId = c.localNetworkGateway2?.id
      if (site?.id) link(mapSite(site), gatewayId)
      else if (siteId)
        link(
          unknownSite(
            siteId,
            lastSegment(siteId),
            `local network gateway ${lastSegment(siteId)} of connection ${connName} could not be read (${siteError ?? 'no answer'})`,
          ),
          gatewayId,
        )
      else if ((c.connectionType ?? '').toLowerCase() === 'vnet2vnet')
        link(
          unknownSite(
            c.id ?? `${gatewayId}/connections/${connName}`,
            `VNet-to-VNet connection ${connName}`,
            `VNet-to-VNet connection ${connName} propagates the remote virtual network's address space, which the scan does not read`,
          ),
          gatewayId,
        )
    }
  }
  return [...out.values()].sort((a, b) => (a.id < b.id ? -1 : 1))
}
