/**
 * Whether two references name the same Azure resource across the units of one scan: the same name in the
 * same resource group (both known, Azure compares them without case), and the same subscription where both
 * say one. A resource group known on one side only is not a match: a name alone could be another resource.
 */
import type { DeployedRef, Value } from '../model/value'

export interface AzureIdentity {
  name: string
  resourceGroup?: string
  subscription?: string
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase()

export function sameResource(a: AzureIdentity, b: AzureIdentity): boolean {
  if (a.resourceGroup === undefined || b.resourceGroup === undefined) return false
  if (!same(a.name, b.name) || !same(a.resourceGroup, b.resourceGroup)) return false
  return a.subscription === undefined || b.subscription === undefined || same(a.subscription, b.subscription)
}

/**
 * The resource a value reads without the unit declaring it (a Terraform data source, a Bicep `existing`
 * resource, an ARM id: Unknown.deployed), by Azure identity: where it is of `armType` with `segments` name
 * segments and, with `group`, says its resource group.
 */
function readResource(
  v: Value<string> | undefined,
  armType: string,
  segments: number,
  group: boolean,
): DeployedRef | undefined {
  const d = v && !v.known ? v.deployed : undefined
  if (!d || d.armType.toLowerCase() !== armType || d.names.length !== segments) return undefined
  return group && !d.resourceGroup ? undefined : d
}

/** A subnet a value reads (a NIC's subnet, `data "azurerm_subnet"`), its resource group known. */
export const readSubnet = (v: Value<string> | undefined): DeployedRef | undefined =>
  readResource(v, 'microsoft.network/virtualnetworks/subnets', 2, true)

/** A firewall a route's next hop reads (`data "azurerm_firewall"`, a Bicep `existing` firewall). */
export const readFirewall = (v: Value<string> | undefined): DeployedRef | undefined =>
  readResource(v, 'microsoft.network/azurefirewalls', 1, false)
