/**
 * ARM ids of the resources a plan deletes (actions exactly ["delete"]: a replacement recreates). With
 * live state on, they are taken out of the deployed network before the plan's after-state is laid over
 * it, so a pull request that removes the KMS route is judged without it.
 */
import { parsePlain } from '../parsing/json-lines'
export function deletedArmIds(text: string): string[] {
  let plan: unknown
  try {
    plan = parsePlain(text)
  } catch {
    return []
  }
  const changes = (plan as { resource_changes?: unknown }).resource_changes
  if (!Array.isArray(changes)) return []
  const out: string[] = []
  for (const c of changes as { mode?: string; change?: { actions?: unknown; before?: { id?: unknown } } }[]) {
    const actions = c.change?.actions
    const id = c.change?.before?.id
    const deleteOnly = Array.isArray(actions) && actions.length === 1 && actions[0] === 'delete'
    if (c.mode !== 'data' && deleteOnly && typeof id === 'string' && id.startsWith('/subscriptions/'))
      out.push(id)
  }
  return out
}
