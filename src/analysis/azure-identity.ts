/**
 * Whether two references name the same Azure resource across the units of one scan: the same name in the
 * same resource group (both known, Azure compares them without case), and the same subscription where both
 * say one. A resource group known on one side only is not a match: a name alone could be another resource.
 */
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
