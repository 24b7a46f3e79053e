/**
 * Reads the local sites of deployed VPN gateways without BGP: each gateway's connections
 * (`virtualNetworkGateways/connections`) and the local network gateways they name. Without BGP a VPN gateway
 * propagates exactly its local sites' address spaces as gateway routes into the subnets that let gateway routes
 * propagate: a `0.0.0.0/0`, or any prefix covering a KMS address, sends KMS into the tunnel. map-sites.ts says
 * how they are mapped; a read that fails becomes a site whose address space is unknown, named.
 */
import type { LocalNetworkGateway, VirtualNetworkGatewayConnectionListEntity } from '@azure/arm-network'
import { armScope } from './client'
import type { LiveGatewaySites } from './map-sites'
import { collect } from './paging'
import type { ReaderPort } from './reader-port'

export async function readGatewaySites(
  reader: ReaderPort,
  gatewayIds: string[],
): Promise<LiveGatewaySites[]> {
  const sites = new Map<string, Promise<{ value?: LocalNetworkGateway; error?: string }>>()
  const site = (id: string) => {
    const key = id.toLowerCase()
    let read = sites.get(key)
    if (!read) {
      read = reader.one(id, `localNetworkGateways/${armScope(id).name}`, (c, rg, n, o) =>
        c.localNetworkGateways.get(rg, n, o),
      )
      sites.set(key, read)
    }
    return read
  }
  return Promise.all(
    gatewayIds.map(async (gatewayId): Promise<LiveGatewaySites> => {
      const name = armScope(gatewayId).name
      const list = await reader.one(gatewayId, `virtualNetworkGateways/${name}/connections`, (c, rg, n, o) =>
        collect<VirtualNetworkGatewayConnectionListEntity>(
          c.virtualNetworkGateways.listConnections(rg, n, o),
        ),
      )
      if (!list.value) return { gatewayId, error: list.error ?? 'no answer' }
      const connections = await Promise.all(
        list.value.map(async (connection) => {
          const id = connection.localNetworkGateway2?.id
          if (!id) return { connection }
          const r = await site(id)
          return {
            connection,
            ...(r.value ? { site: r.value } : {}),
            ...(r.error ? { error: r.error } : {}),
          }
        }),
      )
      return { gatewayId, connections }
    }),
  )
}
