/**
 * Reading HclValue trees as model Values. Format-neutral: the Terraform evaluator produces these trees,
 * and the Bicep and ARM sources build the same shape, so every adapter reads its input through here.
 *
 * Rules shared by all readers:
 * - a missing attribute or `null` reads as undefined ("not set"), so adapters can apply Azure's default;
 * - an `unknown` stays Unknown with its expression, reason, origin and ref, never a guess;
 * - scalars are coerced the way Terraform and ARM coerce them (`"100"` is a number, `1688` a port string).
 */
import type { HclValue } from './evaluated'
import {
  known,
  unknown,
  usedAt,
  type Origin,
  type ResourceRef,
  type Unknown,
  type Value,
} from '../../model/value'

export type HclObject = Extract<HclValue, { kind: 'object' }>
export type HclUnknown = Extract<HclValue, { kind: 'unknown' }>

export function isObject(v: HclValue | undefined): v is HclObject {
  return v !== undefined && v.kind === 'object'
}

/**
 * An attribute of an object; undefined when absent or null. An attribute of an unknown is the unknown
 * itself: a block produced by an unresolved `dynamic` (or an ARM body that is not known) has unknown
 * contents, which is not the same as "not set".
 */
export function attr(obj: HclValue | undefined, name: string): HclValue | undefined {
  if (obj?.kind === 'unknown') return obj
  if (!isObject(obj)) return undefined
  const v = obj.attrs[name]
  return v === undefined || v.kind === 'null' ? undefined : v
}

/** Follows a path of attribute names (ARM's `properties.subnet.id`); undefined as soon as one is missing. */
export function path(obj: HclValue | undefined, ...names: string[]): HclValue | undefined {
  let cur = obj
  for (const n of names) cur = attr(cur, n)
  return cur
}

/** Attribute lookup ignoring case: ARM property names are case-insensitive and templates vary. */
export function attrCI(obj: HclValue | undefined, name: string): HclValue | undefined {
  if (obj?.kind === 'unknown') return obj
  if (!isObject(obj)) return undefined
  const direct = attr(obj, name)
  if (direct) return direct
  const lower = name.toLowerCase()
  for (const [k, v] of Object.entries(obj.attrs)) if (k.toLowerCase() === lower && v.kind !== 'null') return v
  return undefined
}

/** The unknown node every evaluator builds (Terraform's unknownVal, ARM's unk, Bicep's vUnknown). */
export function unknownNode(
  expression: string,
  reason: string,
  origin: Origin,
  ref?: ResourceRef,
): HclUnknown {
  return ref
    ? { kind: 'unknown', expression, reason, origin, ref }
    : { kind: 'unknown', expression, reason, origin }
}

/** The first unknown anywhere in the tree (depth first), or undefined when it is fully known. */
export function firstUnknown(v: HclValue): HclUnknown | undefined {
  if (v.kind === 'unknown') return v
  const parts = v.kind === 'list' ? v.items : v.kind === 'object' ? Object.values(v.attrs) : []
  for (const p of parts) {
    const u = firstUnknown(p)
    if (u) return u
  }
  return undefined
}

/**
 * The same tree with every node at `site`: a value used at a place is reported at that place, and each
 * node remembers where it was written when that is another file (Origin.from, see usedAt).
 */
export function placeAt(v: HclValue, site: Origin): HclValue {
  const origin = usedAt(site, v.origin)
  switch (v.kind) {
    case 'list':
      return { kind: 'list', items: v.items.map((i) => placeAt(i, site)), origin }
    case 'object': {
      const attrs: Record<string, HclValue> = {}
      for (const [k, x] of Object.entries(v.attrs)) attrs[k] = placeAt(x, site)
      return { kind: 'object', attrs, origin }
    }
    default:
      return Object.assign({}, v, { origin })
  }
}

/**
 * A member of an object as ARM and Bicep look it up: exact name first, then ignoring case. Unlike attrCI a
 * `null` member is returned as it is (an expression reading it gets null, not "absent").
 */
export function memberCI(obj: HclObject, name: string): HclValue | undefined {
  if (name in obj.attrs) return obj.attrs[name]
  const lower = name.toLowerCase()
  for (const [k, v] of Object.entries(obj.attrs)) if (k.toLowerCase() === lower) return v
  return undefined
}

export function fromUnknown(v: HclUnknown): Unknown {
  const u = unknown(v.expression, v.reason, v.origin, v.ref)
  if (v.among) u.among = v.among
  return u
}

/** A readable rendering of a value, used as the expression of an Unknown built from a composite. */
export function render(v: HclValue): string {
  switch (v.kind) {
    case 'string':
      return JSON.stringify(v.value)
    case 'number':
    case 'bool':
      return String(v.value)
    case 'null':
      return 'null'
    case 'unknown':
      return v.expression
    case 'list':
      return `[${v.items.map(render).join(', ')}]`
    case 'object':
      return `{ ${Object.entries(v.attrs)
        .map(([k, x]) => `${k} = ${render(x)}`)
        .join(', ')} }`
  }
}

function wrongType(v: HclValue, wanted: string): Unknown {
  return unknown(render(v), `expected ${wanted}, got ${v.kind}`, v.origin)
}

export function str(v: HclValue | undefined): Value<string> | undefined {
  if (v === undefined) return undefined
  switch (v.kind) {
    case 'string':
      return known(v.value, v.origin)
    case 'number':
    case 'bool':
      return known(String(v.value), v.origin)
    case 'unknown':
      return fromUnknown(v)
    case 'null':
      return undefined
    default:
      return wrongType(v, 'a string')
  }
}

/** `str(v)`'s value when it is known, else undefined, without building the Value (names, resource groups). */
export function knownStr(v: HclValue | undefined): string | undefined {
  if (v === undefined) return undefined
  if (v.kind === 'string') return v.value
  return v.kind === 'number' || v.kind === 'bool' ? String(v.value) : undefined
}

export function num(v: HclValue | undefined): Value<number> | undefined {
  if (v === undefined) return undefined
  switch (v.kind) {
    case 'number':
      return known(v.value, v.origin)
    case 'string': {
      const n = Number(v.value.trim())
      return v.value.trim() !== '' && Number.isFinite(n) ? known(n, v.origin) : wrongType(v, 'a number')
    }
    case 'unknown':
      return fromUnknown(v)
    case 'null':
      return undefined
    default:
      return wrongType(v, 'a number')
  }
}

export function bool(v: HclValue | undefined): Value<boolean> | undefined {
  if (v === undefined) return undefined
  switch (v.kind) {
    case 'bool':
      return known(v.value, v.origin)
    case 'string': {
      const s = v.value.trim().toLowerCase()
      if (s === 'true') return known(true, v.origin)
      if (s === 'false') return known(false, v.origin)
      return wrongType(v, 'a bool')
    }
    case 'unknown':
      return fromUnknown(v)
    case 'null':
      return undefined
    default:
      return wrongType(v, 'a bool')
  }
}

/**
 * A list of strings. One unknown item makes the whole list unknown: a rule whose destinations are
 * partly unknown cannot be judged, and the expression shown to the user names the unresolved part.
 * A lone scalar is read as a one-item list (ARM and old azurerm arguments accept either).
 */
export function strList(v: HclValue | undefined): Value<string[]> | undefined {
  if (v === undefined) return undefined
  if (v.kind === 'unknown') return fromUnknown(v)
  if (v.kind === 'null') return undefined
  if (v.kind !== 'list') {
    const one = str(v)
    if (one === undefined || !one.known) return one
    return known([one.value], v.origin)
  }
  const out: string[] = []
  for (const item of v.items) {
    if (item.kind === 'null') continue
    const s = str(item)
    if (s === undefined) continue
    if (!s.known) return unknownList(v, s)
    out.push(s.value)
  }
  return known(out, v.origin)
}

/**
 * The Unknown for a list containing `part`: the list's rendering, the part's reason, and its ref when it is
 * the only unknown.
 */
export function unknownList(list: Extract<HclValue, { kind: 'list' }>, part: Unknown): Unknown {
  const unknowns = list.items.filter((i) => i.kind === 'unknown')
  const ref = unknowns.length === 1 ? part.ref : undefined
  return unknown(render(list), part.reason, list.origin, ref)
}

/**
 * Merges a singular and a plural argument (`source_address_prefix` / `source_address_prefixes`); empty = not
 * set.
 */
export function oneOrMany(single: HclValue | undefined, many: HclValue | undefined): Value<string[]> {
  // A known single value (the usual `source_address_prefix = "*"`) without the Value str() would make.
  const k = knownStr(single)
  if (k !== undefined) return known([k], single!.origin)
  const s = str(single)
  if (s !== undefined) return s.known ? known([s.value], s.origin) : s
  return strList(many) ?? known([])
}

/** Items of a list; a lone object reads as a one-item list (a single nested block written as an object). */
export function items(v: HclValue | undefined): HclValue[] {
  if (v === undefined) return []
  if (v.kind === 'list') return v.items.filter((i) => i.kind !== 'null')
  return [v]
}

/** The origin of a value, or the fallback (the enclosing block) when the value is absent. */
export function originOf(v: HclValue | undefined, fallback: Origin): Origin {
  return v ? v.origin : fallback
}

/** Negates a known boolean (`disable_bgp_route_propagation` → propagation); unknowns pass through. */
export function not(v: Value<boolean>): Value<boolean> {
  return v.known ? known(!v.value, v.origin) : v
}

/**
 * Turns parsed JSON into a value tree, every node carrying `origin`. Used for azapi `body =
 * jsonencode({...})` when the evaluator hands back the encoded string, so line information is only that of
 * the attribute.
 */
export function fromJson(json: unknown, origin: Origin): HclValue {
  if (json === null || json === undefined) return { kind: 'null', origin }
  if (typeof json === 'string') return { kind: 'string', value: json, origin }
  if (typeof json === 'number') return { kind: 'number', value: json, origin }
  if (typeof json === 'boolean') return { kind: 'bool', value: json, origin }
  if (Array.isArray(json)) return { kind: 'list', items: json.map((j) => fromJson(j, origin)), origin }
  const attrs: Record<string, HclValue> = {}
  for (const [k, v] of Object.entries(json as Record<string, unknown>)) attrs[k] = fromJson(v, origin)
  return { kind: 'object', attrs, origin }
}

/**
 * References that are shown but never followed (application security group ids): each literal id, or the
 * model id a ref names. `idOf` picks the id out of an item (ARM writes `{ id: ... }`).
 */
export function refIds(
  list: HclValue | undefined,
  idOf: (item: HclValue) => HclValue | undefined = (i) => i,
): Value<string[]> | undefined {
  if (list === undefined) return undefined
  if (list.kind === 'unknown') return fromUnknown(list)
  const out: string[] = []
  for (const item of items(list)) {
    const id = str(idOf(item))
    if (id === undefined) continue
    if (id.known) out.push(id.value)
    else if (id.ref) out.push(id.ref.resource)
    else return unknown(render(list), id.reason, list.origin)
  }
  return known(out, list.origin)
}
