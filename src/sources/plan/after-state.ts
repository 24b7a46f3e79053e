/**
 * A resource's planned after-state (`change.after` with `change.after_unknown`) as a value tree. Values
 * Terraform computes at apply time are absent or null in `after` and `true` in `after_unknown`: they become
 * unknown, never "not set", so a subnet whose route table id is computed is not mistaken for one without.
 */
import type { Origin } from '../../model/value'
import type { HclValue } from '../evaluation/evaluated'

export type Path = (string | number)[]

/** Called for every unknown to name it and, where the configuration says, link it to a resource. */
export type UnknownAt = (path: Path) => Extract<HclValue, { kind: 'unknown' }>

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x)

export function afterState(
  after: unknown,
  afterUnknown: unknown,
  origin: Origin,
  unknownAt: UnknownAt,
): HclValue {
  const build = (v: unknown, mark: unknown, path: Path): HclValue => {
    if (mark === true) return unknownAt(path)
    if (Array.isArray(v) || Array.isArray(mark)) {
      const list = Array.isArray(v) ? v : []
      const marks = Array.isArray(mark) ? mark : []
      const n = Math.max(list.length, marks.length)
      const items: HclValue[] = []
      for (let i = 0; i < n; i++) items.push(build(list[i] ?? null, marks[i], [...path, i]))
      return { kind: 'list', items, origin }
    }
    if (isObj(v) || isObj(mark)) {
      const obj = isObj(v) ? v : {}
      const marks = isObj(mark) ? mark : {}
      const attrs: Record<string, HclValue> = {}
      for (const k of new Set([...Object.keys(obj), ...Object.keys(marks)]))
        attrs[k] = build(obj[k] ?? null, marks[k], [...path, k])
      return { kind: 'object', attrs, origin }
    }
    if (typeof v === 'string') return { kind: 'string', value: v, origin }
    if (typeof v === 'number') return { kind: 'number', value: v, origin }
    if (typeof v === 'boolean') return { kind: 'bool', value: v, origin }
    return { kind: 'null', origin }
  }
  return build(after, afterUnknown, [])
}

/** A path as Terraform prints it: `route[0].next_hop_in_ip_address`. */
export function pathText(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('')
}
