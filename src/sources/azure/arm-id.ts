/**
 * ARM ids as model ids. ARM ids are case-insensitive and Azure returns them in whatever case they were
 * created with (`resourceGroups/RG-HUB` here, `resourcegroups/rg-hub` there), so the model id of a
 * deployed resource is its ARM id lowercased; the original spelling is kept as the object's address.
 */

/** The model id of a deployed resource. */
export const liveId = (armId: string): string => armId.toLowerCase().replace(/\/+$/, '')

/** Subscription, resource group and last name segment of an ARM id. */
export function armScope(armId: string): { subscriptionId?: string; resourceGroup?: string; name?: string } {
  const parts = armId.split('/').filter(Boolean)
  const at = (key: string) => {
    const i = parts.findIndex((p) => p.toLowerCase() === key)
    return i >= 0 ? parts[i + 1] : undefined
  }
  return {
    subscriptionId: at('subscriptions'),
    resourceGroup: at('resourcegroups'),
    name: parts[parts.length - 1],
  }
}
