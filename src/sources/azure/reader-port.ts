/**
 * What the reads of child resources (read-avnm.ts, read-avnm-routing.ts, read-sites.ts) need of the live
 * reader (read.ts's LiveReader), named here so that read.ts imports them and not the other way round.
 */
import type {
  NetworkInterface,
  NetworkManagementClient,
  NetworkManager,
  NetworkSecurityGroup,
} from '@azure/arm-network'

export interface ReaderPort {
  readonly signal: AbortSignal
  /** The ARM endpoint of the cloud (Azure Resource Graph answers there too). */
  readonly endpoint: string
  addWarning(w: string): void
  client(subscriptionId: string): NetworkManagementClient
  /** What the scanned scopes' listings held (with the other resource types). */
  readonly listed: {
    networkManagers: NetworkManager[]
    networkInterfaces: NetworkInterface[]
    networkSecurityGroups: NetworkSecurityGroup[]
  }
  /** Why a scope's listing of a resource type failed where its VNets were read (read.ts's LiveReader). */
  listingError(scope: ReadScope, kind: 'networkManagers' | 'networkInterfaces'): string | undefined
  /** Lists one resource type of a scope into `listed`; false when it did not complete (warned). */
  list(scope: ReadScope, kind: 'networkInterfaces'): Promise<boolean>
  /** Scopes and resource types the time budget left unread, e.g. `subscriptions/<id>/networkInterfaces`. */
  readonly incomplete: readonly string[]
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
