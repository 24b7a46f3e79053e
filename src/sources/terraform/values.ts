/**
 * Values while the evaluator works: HclValue plus two internal marks, and the helpers every operator and
 * function shares (type checks, conversions, equality, unknown propagation).
 *
 * Unknown propagation is done with an exception: a helper that needs a known primitive and meets an unknown
 * throws UnknownHit; the expression being evaluated catches it and becomes unknown itself (naming its own
 * source text and the first cause). This keeps a hundred function bodies free of unknown checks.
 */
import { usedAt, type Origin, type ResourceRef } from '../../model/value'
import type { HclValue } from '../evaluation/evaluated'

/**
 * `ref` on an object or list: this value is (part of) a resource instance, at `ref.attribute` ('' for the
 * instance itself); attributes it does not have are computed by the provider, so reading one gives an
 * unknown with a ref rather than an error. `set` marks lists made by toset() (for_each accepts them).
 */
export type Val =
  | { kind: 'string'; value: string; origin: Origin }
  | { kind: 'number'; value: number; origin: Origin }
  | { kind: 'bool'; value: boolean; origin: Origin }
  | { kind: 'null'; origin: Origin }
  | { kind: 'list'; items: Val[]; origin: Origin; ref?: ResourceRef; set?: boolean }
  | { kind: 'object'; attrs: Record<string, Val>; origin: Origin; ref?: ResourceRef }
  | {
      kind: 'unknown'
      expression: string
      reason: string
      ref?: ResourceRef
      origin: Origin
      /** jsonencode() of a value with unknown parts: that value (HclValue.encoded). */
      encoded?: Val
      /** format() with unknown arguments: the pieces in order (HclValue.parts). */
      parts?: (string | Val)[]
      /** One of these resource instances' attributes, which one not known (HclValue.among). */
      among?: ResourceRef[]
    }

export type ValOf<K extends Val['kind']> = Extract<Val, { kind: K }>

/** An invalid operation (type error, missing attribute, bad function argument). try()/can() catch it. */
export class EvalError extends Error {}

/** Thrown by the helpers below when a known value is needed and an unknown was found. */
export class UnknownHit extends Error {
  constructor(readonly value: ValOf<'unknown'>) {
    super(value.reason)
  }
}

export const str = (value: string, origin: Origin): Val => ({ kind: 'string', value, origin })
export const num = (value: number, origin: Origin): Val => ({ kind: 'number', value, origin })
export const bool = (value: boolean, origin: Origin): Val => ({ kind: 'bool', value, origin })
export const nul = (origin: Origin): Val => ({ kind: 'null', origin })
export const list = (items: Val[], origin: Origin, set?: boolean): Val =>
  set ? { kind: 'list', items, origin, set: true } : { kind: 'list', items, origin }
export const obj = (attrs: Record<string, Val>, origin: Origin): Val => ({ kind: 'object', attrs, origin })
export { unknownNode as unknownVal } from '../evaluation/value-tree'

/** Throws UnknownHit for an unknown; returns the value otherwise. */
export function known(v: Val): Exclude<Val, { kind: 'unknown' }> {
  if (v.kind === 'unknown') throw new UnknownHit(v)
  return v
}

/** Throws UnknownHit if the value or anything inside it is unknown. */
export function knownDeep(v: Val): Val {
  if (v.kind === 'unknown') throw new UnknownHit(v)
  if (v.kind === 'list') for (const i of v.items) knownDeep(i)
  else if (v.kind === 'object') for (const k in v.attrs) knownDeep(v.attrs[k])
  return v
}

export function typeName(v: Val): string {
  switch (v.kind) {
    case 'list':
      return v.set ? 'set' : 'list'
    case 'object':
      return 'object'
    default:
      return v.kind
  }
}

/** Number formatting as Terraform prints numbers in strings (integers without a decimal point). */
export function numberToString(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0)
  return String(n)
}

/** Terraform's automatic conversion to string (numbers and bools convert; null and collections do not). */
export function asString(v: Val, what = 'value'): string {
  const k = known(v)
  switch (k.kind) {
    case 'string':
      return k.value
    case 'number':
      return numberToString(k.value)
    case 'bool':
      return k.value ? 'true' : 'false'
    case 'null':
      throw new EvalError(`${what} is null, a string is required`)
    default:
      throw new EvalError(`${what} is a ${typeName(k)}, a string is required`)
  }
}

export function asNumber(v: Val, what = 'value'): number {
  const k = known(v)
  if (k.kind === 'number') return k.value
  if (k.kind === 'string') {
    const t = k.value.trim()
    if (t !== '' && /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t)
    throw new EvalError(`${what} "${k.value}" is not a number`)
  }
  if (k.kind === 'null') throw new EvalError(`${what} is null, a number is required`)
  throw new EvalError(`${what} is a ${typeName(k)}, a number is required`)
}

export function asBool(v: Val, what = 'value'): boolean {
  const k = known(v)
  if (k.kind === 'bool') return k.value
  if (k.kind === 'string' && (k.value === 'true' || k.value === 'false')) return k.value === 'true'
  if (k.kind === 'null') throw new EvalError(`${what} is null, a bool is required`)
  throw new EvalError(`${what} is a ${typeName(k)}, a bool is required`)
}

/** Elements of a list, set or tuple; a map's values are not accepted (Terraform does not either). */
export function asList(v: Val, what = 'value'): Val[] {
  const k = known(v)
  if (k.kind === 'list') return k.items
  if (k.kind === 'null') throw new EvalError(`${what} is null, a list is required`)
  throw new EvalError(`${what} is a ${typeName(k)}, a list is required`)
}

export function asObject(v: Val, what = 'value'): Record<string, Val> {
  const k = known(v)
  if (k.kind === 'object') return k.attrs
  if (k.kind === 'null') throw new EvalError(`${what} is null, a map is required`)
  throw new EvalError(`${what} is a ${typeName(k)}, a map is required`)
}

/** Sorted keys, as Terraform iterates maps and objects. */
export function sortedKeys(attrs: Record<string, Val>): string[] {
  return Object.keys(attrs).sort()
}

/**
 * Equality as `==` sees it: same type and value, recursively. A string and a number are different values.
 * Unknown anywhere makes the answer unknown (UnknownHit).
 */
export function equals(a: Val, b: Val): boolean {
  const x = known(a)
  const y = known(b)
  if (x.kind !== y.kind) return false
  switch (x.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return x.value === (y as typeof x).value
    case 'null':
      return true
    case 'list': {
      const yi = (y as typeof x).items
      if (x.items.length !== yi.length) return false
      for (let i = 0; i < yi.length; i++) if (!equals(x.items[i], yi[i])) return false
      return true
    }
    case 'object': {
      const ya = (y as typeof x).attrs
      const xk = Object.keys(x.attrs)
      if (xk.length !== Object.keys(ya).length) return false
      for (const k of xk) if (!(k in ya) || !equals(x.attrs[k], ya[k])) return false
      return true
    }
  }
}

/** A known value as plain JSON-able data (jsonencode, keys for sets). Unknown → UnknownHit. */
export function toPlain(v: Val): unknown {
  const k = known(v)
  switch (k.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return k.value
    case 'null':
      return null
    case 'list':
      return k.items.map(toPlain)
    case 'object': {
      const o: Record<string, unknown> = {}
      for (const key of sortedKeys(k.attrs)) o[key] = toPlain(k.attrs[key])
      return o
    }
  }
}

/** Plain data (jsondecode, yamldecode) as a value. */
export function fromPlain(x: unknown, origin: Origin): Val {
  if (x === null || x === undefined) return nul(origin)
  if (typeof x === 'string') return str(x, origin)
  if (typeof x === 'number') return num(x, origin)
  if (typeof x === 'boolean') return bool(x, origin)
  if (Array.isArray(x))
    return list(
      x.map((i) => fromPlain(i, origin)),
      origin,
    )
  if (typeof x === 'object') {
    const attrs: Record<string, Val> = {}
    for (const [k, v] of Object.entries(x as Record<string, unknown>)) attrs[k] = fromPlain(v, origin)
    return obj(attrs, origin)
  }
  return str(String(x), origin)
}

/** Set semantics: unique by value, keeping first occurrence order. */
export function distinctVals(items: Val[]): Val[] {
  const out: Val[] = []
  const seen = new Set<string>()
  for (const i of items) {
    const key = JSON.stringify(toPlain(i)) + '|' + typeName(known(i))
    if (seen.has(key)) continue
    seen.add(key)
    out.push(i)
  }
  return out
}

function within(inner: Origin, outer: Origin): boolean {
  return inner.file === outer.file && inner.startLine >= outer.startLine && inner.endLine <= outer.endLine
}

/**
 * The value handed to the adapters for one attribute. Parts written inside the attribute keep their own
 * lines; everything that came from elsewhere (a variable, a local, a tfvars file, another resource) gets
 * the attribute's origin: a finding should point at the lines a person changes in *this* resource, and the
 * variable's own default may be in a file that is not even part of the pull request.
 * Internal marks (ref on objects and lists, set) are dropped; an unknown keeps its ref.
 */
export function finalize(v: Val, site: Origin): HclValue {
  const inside = within(v.origin, site)
  const origin = inside ? v.origin : usedAt(site, v.origin)
  switch (v.kind) {
    case 'string':
    case 'number':
    case 'bool':
      // Written inside the attribute: the value is already what the adapters get (values are never changed).
      return inside ? v : ({ kind: v.kind, value: v.value, origin } as HclValue)
    case 'null':
      return inside ? v : { kind: 'null', origin }
    case 'list': {
      let items: HclValue[] | undefined
      for (let i = 0; i < v.items.length; i++) {
        const f = finalize(v.items[i], site)
        if (f !== v.items[i]) (items ??= v.items.slice() as HclValue[])[i] = f
      }
      if (inside && !items && !v.ref && !v.set) return v as HclValue
      return { kind: 'list', items: items ?? (v.items as HclValue[]), origin }
    }
    case 'object': {
      let attrs: Record<string, HclValue> | undefined
      for (const k in v.attrs) {
        const f = finalize(v.attrs[k], site)
        if (f !== v.attrs[k]) (attrs ??= { ...(v.attrs as Record<string, HclValue>) })[k] = f
      }
      if (inside && !attrs && !v.ref) return v as HclValue
      return { kind: 'object', attrs: attrs ?? (v.attrs as Record<string, HclValue>), origin }
    }
    case 'unknown': {
      const encoded = v.encoded && finalize(v.encoded, site)
      let parts: (string | HclValue)[] | undefined
      if (v.parts)
        for (let i = 0; i < v.parts.length; i++) {
          const p = v.parts[i]
          const f = typeof p === 'string' ? p : finalize(p, site)
          if (f !== p) (parts ??= v.parts.slice() as (string | HclValue)[])[i] = f
        }
      // Written inside the attribute with nothing inside it to change: an unknown has no internal mark, so
      // it is already what the adapters get (its copy made every list and object above it a copy too).
      if (inside && encoded === v.encoded && !parts) return v as HclValue
      const u: HclValue = v.ref
        ? { kind: 'unknown', expression: v.expression, reason: v.reason, ref: v.ref, origin }
        : { kind: 'unknown', expression: v.expression, reason: v.reason, origin }
      if (encoded) u.encoded = encoded
      if (v.parts) u.parts = parts ?? (v.parts as (string | HclValue)[])
      if (v.among) u.among = v.among
      return u
    }
  }
}

/**
 * stamp(v, the origin of `file` lines `span`), without making that origin when `v` is not a list or an
 * object and was written inside the span (most arguments are literals): one object less per argument.
 */
export function stampAt(v: Val, file: string, span: { startLine: number; endLine: number }): Val {
  const o = v.origin
  if (
    v.kind !== 'list' &&
    v.kind !== 'object' &&
    o.file === file &&
    o.startLine >= span.startLine &&
    o.endLine <= span.endLine
  )
    return v
  return stamp(v, { file, startLine: span.startLine, endLine: span.endLine })
}

/**
 * Gives every part of `v` that was not written inside `site` the origin `site` (see finalize for why).
 * Returns `v` itself when nothing changes, so values written in place are not copied.
 */
export function stamp(v: Val, site: Origin): Val {
  const inside = within(v.origin, site)
  switch (v.kind) {
    case 'list': {
      let items: Val[] | undefined
      for (let i = 0; i < v.items.length; i++) {
        const s = stamp(v.items[i], site)
        if (s !== v.items[i]) (items ??= v.items.slice())[i] = s
      }
      if (inside && !items) return v
      return withOrigin(v, inside ? v.origin : usedAt(site, v.origin), items)
    }
    case 'object': {
      let attrs: Record<string, Val> | undefined
      for (const k in v.attrs) {
        const s = stamp(v.attrs[k], site)
        if (s !== v.attrs[k]) (attrs ??= { ...v.attrs })[k] = s
      }
      if (inside && !attrs) return v
      return withOrigin(v, inside ? v.origin : usedAt(site, v.origin), undefined, attrs)
    }
    default:
      return inside ? v : withOrigin(v, usedAt(site, v.origin))
  }
}

/**
 * `v` with another origin (and, for a list or object, other items or attributes), built field by field
 * in the constructors' order: an object spread (`{ ...v, origin }`) was the costliest line of the
 * evaluator, as it cannot know the shape it copies.
 */
function withOrigin(v: Val, origin: Origin, items?: Val[], attrs?: Record<string, Val>): Val {
  switch (v.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return { kind: v.kind, value: v.value, origin } as Val
    case 'null':
      return { kind: 'null', origin }
    case 'list': {
      const l: ValOf<'list'> = { kind: 'list', items: items ?? v.items, origin }
      if (v.ref) l.ref = v.ref
      if (v.set) l.set = v.set
      return l
    }
    case 'object': {
      const o: ValOf<'object'> = { kind: 'object', attrs: attrs ?? v.attrs, origin }
      if (v.ref) o.ref = v.ref
      return o
    }
    case 'unknown': {
      const u: Val = v.ref
        ? { kind: 'unknown', expression: v.expression, reason: v.reason, origin, ref: v.ref }
        : { kind: 'unknown', expression: v.expression, reason: v.reason, origin }
      if (v.encoded) u.encoded = v.encoded
      if (v.parts) u.parts = v.parts
      if (v.among) u.among = v.among
      return u
    }
  }
}
