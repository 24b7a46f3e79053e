/**
 * Where each Azure cloud's Resource Manager and Entra ID (token authority) live. Sovereign clouds have
 * their own endpoints and tokens for one cloud are refused by another, so the cloud chosen for the KMS
 * catalogue also decides where the live network is read from. Overridable for Azure Stack and tests.
 */
import type { CloudName } from '../../kms/catalogue'

export interface CloudEndpoints {
  /** Azure Resource Manager, e.g. `https://management.azure.com` (no trailing slash). */
  resourceManager: string
  /** Entra ID authority host, e.g. `https://login.microsoftonline.com`. */
  authorityHost: string
  /** Azure portal, for links to deployed resources in reports. */
  portal: string
}

export const CLOUD_ENDPOINTS: Readonly<Record<CloudName, CloudEndpoints>> = {
  AzureCloud: {
    resourceManager: 'https://management.azure.com',
    authorityHost: 'https://login.microsoftonline.com',
    portal: 'https://portal.azure.com',
  },
  AzureUSGovernment: {
    resourceManager: 'https://management.usgovcloudapi.net',
    authorityHost: 'https://login.microsoftonline.us',
    portal: 'https://portal.azure.us',
  },
  AzureChinaCloud: {
    resourceManager: 'https://management.chinacloudapi.cn',
    authorityHost: 'https://login.chinacloudapi.cn',
    portal: 'https://portal.azure.cn',
  },
}

const trimSlash = (url: string) => url.replace(/\/+$/, '')

/** The endpoints of `cloud`, with any of them replaced by `overrides` (trailing slashes removed). */
export function cloudEndpoints(cloud: CloudName, overrides: Partial<CloudEndpoints> = {}): CloudEndpoints {
  const base = CLOUD_ENDPOINTS[cloud]
  if (!base) throw new Error(`unknown Azure cloud '${cloud}'`)
  return {
    resourceManager: trimSlash(overrides.resourceManager || base.resourceManager),
    authorityHost: trimSlash(overrides.authorityHost || base.authorityHost),
    portal: trimSlash(overrides.portal || base.portal),
  }
}

/** A link that opens a deployed resource in the portal of its cloud. */
export function portalLink(armId: string, cloud: CloudName = 'AzureCloud'): string {
  const id = armId.startsWith('/') ? armId : `/${armId}`
  return `${CLOUD_ENDPOINTS[cloud].portal}/#@/resource${id}`
}
