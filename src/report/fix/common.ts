/** Pieces every format's fix text shares: names of the added routes and rules, priorities. */
import { displayName } from '../../analysis/lookup'
import type { NsgRule, Route, RouteTable } from '../../model/network'

export const routeName = (a: string) => `kms-${a.replace(/\./g, '-')}`
export const tfName = (a: string) => `kms_${a.replace(/\./g, '_')}`
export const json = (x: unknown) => JSON.stringify(x, null, 2)
export { displayName as nameOf }

/** A priority that comes before `before` (lower number wins), within Azure's allowed range. */
export function priorityBefore(before: number | undefined, min: number): number {
  if (before === undefined) return min
  return Math.max(min, before - 10)
}

/** The allow rule's priority, and a note (without comment marker) when it cannot come before the deny. */
export function nsgAllowPriority(deny: NsgRule): { priority: number; note?: string } {
  const denyPriority = deny.priority.known ? deny.priority.value : undefined
  const priority = priorityBefore(denyPriority, 100)
  if (denyPriority !== undefined && priority >= denyPriority)
    return { priority, note: `renumber: the allow must have a lower priority number than ${denyPriority}` }
  return { priority }
}

/** Routes in this table are written as separate resources (azurerm_route, routeTables/routes). */
export function separateRoutes(table: RouteTable, like: Route | undefined): boolean {
  const separate = (r: Route) => /azurerm_route$|routeTables\/routes$/i.test(r.sourceType)
  // A managed (Virtual Network Manager) route says nothing of how the table writes its routes.
  if (like && !like.managedBy) return separate(like)
  return table.routes.length > 0 && table.routes.every(separate)
}
