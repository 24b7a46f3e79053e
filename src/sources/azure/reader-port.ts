/**
 * What the reads of child resources (read-avnm.ts, read-avnm-routing.ts, read-sites.ts) need of the live
 * reader (read.ts's LiveReader), named here so that read.ts imports them and not the other way round.
 */
import type { NetworkManagementClient, NetworkManager } from '@azure/arm-network'

export interface ReaderPort {
  readonly signal: AbortSignal
  /** The ARM endpoint of the cloud (Azure Resource Graph answers there too). */
  readonly endpoint: string
  addWarning(w: string): void
  client(subscriptionId: string): NetworkManagementClient
  /** The network managers listed in the scanned scopes (with the other resource types). */
  readonly listed: { networkManagers: NetworkManager[] }
  /** Why a scope's listing of network managers failed where its VNets were read (read.ts's LiveReader). */
  listingError(scope: ReadScope, kind: 'networkManagers'): string | undefined
  /** One read of a resource or child list by ARM id: its value, or why it is missing (also warned unless quiet). */
  one<T>(
    armId: string,
    what: string,
    read: (
      c: NetworkManagementClient,
      rg: string,
      name: string,
      o: { abortSignal: AbortSignal },
    ) => Promise<T>,
    opts?: { quiet?: boolean },
  ): Promise<{ value?: T; error?: string }>
}

/** A subscription or resource group read (read.ts's Scope). */
export interface ReadScope {
  subscriptionId: string
  resourceGroup?: string
  label: string
}
