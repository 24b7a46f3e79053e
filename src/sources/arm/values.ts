/**
 * Helpers for the ARM evaluator's values: value trees (HclValue) that may hold unknowns anywhere.
 * Functions that only make sense on fully known data convert to plain JSON and back; the rest keep
 * unknown parts in place (a list of route prefixes with one unknown item is still a list).
 */
import type { Origin } from '../../model/value'
import type { HclValue } from '../evaluation/evaluated'
import {
  firstUnknown,
  fromJson,
  memberCI,
  placeAt,
  unknownNode,
  type HclUnknown,
} from '../evaluation/value-tree'

export type Unk = HclUnknown

export { unknownNode as unk, firstUnknown, placeAt as at, memberCI as member }

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

export function describe(v: HclValue): string {
  return v.kind === 'list' ? 'array' : v.kind === 'bool' ? 'bool' : v.kind
}
