/**
 * Helpers for the ARM evaluator's values: value trees (HclValue) that may hold unknowns anywhere.
 * Functions that only make sense on fully known data convert to plain JSON and back; the rest keep
 * unknown parts in place (a list of route prefixes with one unknown item is still a list).
 */
import type { Origin, ResourceRef } from '../../model/value'
import type { HclValue } from '../terraform/evaluated'
import { fromJson } from '../value-tree'

export type Unk = Extract<HclValue, { kind: 'unknown' }>

export function unk(expression: string, reason: string, origin: Origin, ref?: ResourceRef): Unk {
  return ref
    ? { kind: 'unknown', expression, reason, origin, ref }
    : { kind: 'unknown', expression, reason, origin }
}

/** The first unknown anywhere in the tree, or undefined when it is fully known. */
export function firstUnknown(v: HclValue): Unk | undefined {
  switch (v.kind) {
    case 'unknown':
      return v
    case 'list':
      for (const i of v.items) {
        const u = firstUnknown(i)
        if (u) return u
      }
      return undefined
    case 'object':
      for (const i of Object.values(v.attrs)) {
        const u = firstUnknown(i)
        if (u) return u
      }
      return undefined
    default:
      return undefined
  }
}

/** Plain JSON of a fully known tree (call firstUnknown first). */
export function toPlain(v: HclValue): unknown {
  switch (v.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return v.value
    case 'null':
    case 'unknown':
      return null
    case 'list':
      return v.items.map(toPlain)
    case 'object': {
      const o: Record<string, unknown> = {}
      for (const [k, x] of Object.entries(v.attrs)) o[k] = toPlain(x)
      return o
    }
  }
}

export function fromPlain(json: unknown, origin: Origin): HclValue {
  return fromJson(json, origin)
}

/** The same tree with every node at `origin`: a value used at a place is reported at that place. */
export function at(v: HclValue, origin: Origin): HclValue {
  switch (v.kind) {
    case 'list':
      return { kind: 'list', items: v.items.map((i) => at(i, origin)), origin }
    case 'object': {
      const attrs: Record<string, HclValue> = {}
      for (const [k, x] of Object.entries(v.attrs)) attrs[k] = at(x, origin)
      return { kind: 'object', attrs, origin }
    }
    default:
      return { ...v, origin }
  }
}

/** Property lookup as ARM does it: exact name first, then ignoring case. */
export function member(obj: Extract<HclValue, { kind: 'object' }>, name: string): HclValue | undefined {
  if (name in obj.attrs) return obj.attrs[name]
  const lower = name.toLowerCase()
  for (const [k, v] of Object.entries(obj.attrs)) if (k.toLowerCase() === lower) return v
  return undefined
}

export function describe(v: HclValue): string {
  return v.kind === 'list' ? 'array' : v.kind === 'bool' ? 'bool' : v.kind
}
