/**
 * The catalogue of Azure KMS endpoints per cloud: the only place in the code base where these
 * facts live. Sources: Microsoft's "Windows activation fails in forced tunneling scenario"
 * troubleshooting article and the 2022 KMS address change announcement.
 */

export type CloudName = 'AzureCloud' | 'AzureUSGovernment' | 'AzureChinaCloud'

export const CLOUDS: readonly CloudName[] = ['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud']

export const KMS_PORT = 1688
export const KMS_PROTOCOL = 'TCP'

export interface KmsEndpoint {
  fqdn: string
  addresses: readonly string[]
}

export interface CloudKms {
  cloud: CloudName
  /** The endpoint Windows images use today. */
  current: KmsEndpoint
  /** The old endpoint, which Microsoft still lists and asks routes for. */
  legacy: KmsEndpoint
}

export const KMS_CATALOGUE: Readonly<Record<CloudName, CloudKms>> = {
  AzureCloud: {
    cloud: 'AzureCloud',
    current: { fqdn: 'azkms.core.windows.net', addresses: ['20.118.99.224', '40.83.235.53'] },
    legacy: { fqdn: 'kms.core.windows.net', addresses: ['23.102.135.246'] },
  },
  AzureUSGovernment: {
    cloud: 'AzureUSGovernment',
    current: { fqdn: 'azkms.core.usgovcloudapi.net', addresses: ['52.126.105.2'] },
    legacy: { fqdn: 'kms.core.usgovcloudapi.net', addresses: ['23.97.0.13'] },
  },
  AzureChinaCloud: {
    cloud: 'AzureChinaCloud',
    current: { fqdn: 'azkms.core.chinacloudapi.cn', addresses: ['159.27.28.100', '163.228.64.161'] },
    legacy: { fqdn: 'kms.core.chinacloudapi.cn', addresses: ['42.159.7.249'] },
  },
}

/** Dates worth citing in messages. */
export const KMS_DATES = {
  /** From this day azkms.core.windows.net resolves to the two new addresses. */
  newAddressesLive: '2022-10-03',
  /**
   * From this day kms.core.windows.net points at 20.118.99.224 (Microsoft's table still lists
   * 23.102.135.246).
   */
  legacyFqdnMoved: '2023-03-01',
} as const

export type KmsAddressKind = 'current' | 'legacy'

export interface KmsAddress {
  cloud: CloudName
  address: string
  kind: KmsAddressKind
  fqdn: string
}

/** Every KMS address of a cloud, current first. */
export function kmsAddresses(cloud: CloudName): KmsAddress[] {
  const c = KMS_CATALOGUE[cloud]
  return [
    ...c.current.addresses.map((address) => ({
      cloud,
      address,
      kind: 'current' as const,
      fqdn: c.current.fqdn,
    })),
    ...c.legacy.addresses.map((address) => ({
      cloud,
      address,
      kind: 'legacy' as const,
      fqdn: c.legacy.fqdn,
    })),
  ]
}

/**
 * What a KMS FQDN reaches when a firewall resolves it (DNS proxy on). kms.core.windows.net now resolves
 * to 20.118.99.224 (since 2023-03-01) although Microsoft's table lists 23.102.135.246: a rule naming only
 * the legacy FQDN covers at most one of the current addresses, and never 40.83.235.53.
 */
export function addressesOfFqdn(
  fqdn: string,
): { cloud: CloudName; kind: KmsAddressKind; addresses: string[] } | undefined {
  const f = fqdn.trim().toLowerCase().replace(/\.$/, '')
  for (const c of CLOUDS) {
    const k = KMS_CATALOGUE[c]
    if (f === k.current.fqdn) return { cloud: c, kind: 'current', addresses: [...k.current.addresses] }
    if (f === k.legacy.fqdn) {
      // The public legacy name was re-pointed at the first new address; the sovereign ones were not.
      const addresses = c === 'AzureCloud' ? ['20.118.99.224'] : [...k.legacy.addresses]
      return { cloud: c, kind: 'legacy', addresses }
    }
  }
  return undefined
}

/** Which cloud and kind a literal address belongs to, if it is a KMS address at all. */
export function classifyKmsAddress(address: string): KmsAddress | undefined {
  return kmsByAddress().get(address)
}

let byAddress: Map<string, KmsAddress> | undefined
/** Every KMS address of every cloud, the first cloud listing it first. Read only by the callers. */
function kmsByAddress(): Map<string, KmsAddress> {
  if (!byAddress) {
    byAddress = new Map()
    for (const c of CLOUDS)
      for (const a of kmsAddresses(c)) if (!byAddress.has(a.address)) byAddress.set(a.address, a)
  }
  return byAddress
}

/** azurerm provider `environment` values and Bicep/ARM `environment().name` → cloud. */
export function cloudFromEnvironment(env: string): CloudName | undefined {
  switch (env.trim().toLowerCase()) {
    case 'public':
    case 'azurecloud':
      return 'AzureCloud'
    case 'usgovernment':
    case 'azureusgovernment':
      return 'AzureUSGovernment'
    case 'china':
    case 'azurechinacloud':
      return 'AzureChinaCloud'
    default:
      return undefined
  }
}
