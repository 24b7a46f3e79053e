/**
 * First-match rule processing, shared by NSG and Azure Firewall evaluation: rules in their priority order,
 * the first that matches decides; rules that only might match, or whose place in the order is unknown,
 * keep the verdict open when they could decide otherwise.
 */
import type { ModelObject } from '../model/network'
import { type Tri, type Value, unknown } from '../model/value'
import type { UnresolvedValue } from './types'

export type Access = 'Allow' | 'Deny' | 'unknown'

/**
 * `Allow`/`Deny` (any case) of an NSG rule's access or a firewall collection's action; else unknown, named.
 */
export function accessOf(
  v: Value<string>,
  attribute: string,
  object: ModelObject,
): { access: Access; unresolved?: UnresolvedValue } {
  const a = v.known ? v.value.trim().toLowerCase() : undefined
  if (a === 'allow') return { access: 'Allow' }
  if (a === 'deny') return { access: 'Deny' }
  const value = v.known ? unknown(v.value, 'not Allow or Deny', v.origin) : v
  return { access: 'unknown', unresolved: { value, attribute, object } }
}

export interface Candidate<T> {
  item: T
  match: Tri
  /** Why the match is unknown. */
  unknowns: UnresolvedValue[]
  access: { access: Access; unresolved?: UnresolvedValue }
  /** Why the rule's place in the order is unknown (an unresolved priority); empty when it is known. */
  unplaced: UnresolvedValue[]
}

/**
 * Walks `candidates` (placed ones in priority order) to the first definite match; none = `fallback`.
 * `open`: what else could decide first (e.g. a base policy we cannot see).
 */
export function firstMatch<T>(
  candidates: Candidate<T>[],
  fallback: 'Allow' | 'Deny',
  open: UnresolvedValue[] = [],
): { decided?: T; access: Access; unknowns: UnresolvedValue[] } {
  const pending: { access: Access; unknowns: UnresolvedValue[] }[] = []
  let decided: Candidate<T> | undefined
  for (const c of candidates) {
    if (c.unplaced.length > 0 || c.match === false) continue
    if (c.match === 'unknown') {
      pending.push({ access: c.access.access, unknowns: c.unknowns })
      continue
    }
    decided = c
    if (c.access.unresolved) pending.push({ access: 'unknown', unknowns: [c.access.unresolved] })
    break
  }
  const access = decided ? decided.access.access : fallback
  for (const c of candidates)
    if (c.unplaced.length > 0 && c.match !== false)
      pending.push({
        access: c.access.access,
        unknowns: [...c.unplaced, ...c.unknowns, ...(c.access.unresolved ? [c.access.unresolved] : [])],
      })
  if (open.length > 0) pending.push({ access: 'unknown', unknowns: open })
  const conflicting = pending.filter((p) => p.access !== access || p.access === 'unknown')
  if (conflicting.length > 0 || access === 'unknown')
    return { decided: decided?.item, access: 'unknown', unknowns: conflicting.flatMap((p) => p.unknowns) }
  return { decided: decided?.item, access, unknowns: [] }
}
