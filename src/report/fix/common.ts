/** Pieces every format's fix text shares: names of the added routes and rules, priorities. */
import { displayName } from '../../analysis/lookup'
import type { NsgRule, Route, RouteTable } from '../../model/network'
import type { FixChange } from '../../rules/fix-change'

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

/**
 * The fix with only what the renderers read of a route table's routes (how each is written, for
 * separateRoutes): the scan worker sends findings to the calling thread by structured clone, and the
 * full routes of the tables findings name were 60% of those bytes. `tables` keeps one copy per table, as
 * the clone keeps one per object. Keep it in step with what this folder reads of `table.routes`.
 */
export function fixAsRendered(change: FixChange, tables: Map<RouteTable, RouteTable>): FixChange {
  if (change.kind !== 'add-routes') return change
  let table = tables.get(change.table)
  if (!table) {
    const routes = change.table.routes.map(
      (r) =>
        (r.managedBy === undefined
          ? { sourceType: r.sourceType }
          : { sourceType: r.sourceType, managedBy: r.managedBy }) as Route,
    )
    table = { ...change.table, routes }
    tables.set(change.table, table)
  }
  return { ...change, table }
}
