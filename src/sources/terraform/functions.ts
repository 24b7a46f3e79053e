/**
 * Terraform's built-in functions, as far as they can be computed before apply.
 *
 * Each function receives evaluated arguments; helpers from values.ts throw UnknownHit when an argument it
 * needs is unknown, and the caller turns that into an unknown result. Functions whose result cannot be
 * known statically (uuid, timestamp) are left out; calling one gives an unknown "function f is not
 * evaluated". try(), can() and templatefile() are not here: the first two need their arguments unevaluated,
 * templatefile() renders a template with the expression evaluator (see expr.ts).
 */
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import type * as Yaml from 'yaml'
import type * as Re2 from 're2js'
import type { Origin } from '../../model/value'
import { cidrhost, cidrnetmask, cidrsubnet, cidrsubnets } from './cidr'
import {
  asBool,
  asList,
  asNumber,
  asObject,
  asString,
  bool,
  distinctVals,
  equals,
  EvalError,
  fromPlain,
  known,
  knownDeep,
  list,
  nul,
  num,
  numberToString,
  obj,
  sortedKeys,
  str,
  toPlain,
  typeName,
  UnknownHit,
  type Val,
} from './values'
import { parsePlain } from '../parsing/json-lines'

/*
 * yaml and re2js load on first use: few configurations call yamldecode(), yamlencode(), regex(), regexall()
 * or replace() with a pattern, and running their module code cost every scan worker's start ~10 ms. In
 * the bundle `require` is the bundler's (synchronous: the code is in the bundle, only run later); the
 * tests load the sources as ES modules, which have no `require`, so they get one from createRequire.
 */
let yamlModule: typeof Yaml | undefined
let re2Module: typeof Re2 | undefined
function yaml(): typeof Yaml {
  if (yamlModule) return yamlModule
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundler's lazy require (see above)
  const m = typeof require === 'function' ? require('yaml') : createRequire(import.meta.url)('yaml')
  return (yamlModule = m as typeof Yaml)
}
function re2(): typeof Re2 {
  if (re2Module) return re2Module
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundler's lazy require (see above)
  const m = typeof require === 'function' ? require('re2js') : createRequire(import.meta.url)('re2js')
  return (re2Module = m as typeof Re2)
}

export interface CallSite {
  origin: Origin
  /** Reads a file for file()/fileexists(), relative to the module directory; undefined if not allowed. */
  readFile(path: string): string | undefined
}

export type TfFunction = (args: Val[], site: CallSite) => Val

function arity(name: string, args: Val[], min: number, max = min): void {
  if (args.length < min || args.length > max) {
    throw new EvalError(
      `${name} takes ${min === max ? min : `${min} to ${max}`} arguments, got ${args.length}`,
    )
  }
}

/** Grapheme-agnostic but code-point-correct string functions (Terraform counts Unicode characters). */
const chars = (s: string): string[] => Array.from(s)

/**
 * Terraform's regex(), regexall() and replace() use Go's RE2: no backreferences or lookaround, and matching
 * in linear time. re2js is RE2 in JavaScript, so patterns mean what they mean to Terraform and none
 * (`^(a+)+$` on a long input) can backtrack for ever, as it would in JavaScript's own engine.
 */
function goRegex(pattern: string): Re2.RE2JS {
  try {
    return re2().RE2JS.compile(pattern)
  } catch {
    throw new EvalError(`invalid regular expression ${JSON.stringify(pattern)}`)
  }
}

/** The value regex() returns for one match: the match, a list of groups, or an object of named groups. */
function matchValue(m: RegExpExecArray, o: Origin): Val {
  if (m.groups && Object.keys(m.groups).length > 0) {
    const attrs: Record<string, Val> = {}
    for (const [k, v] of Object.entries(m.groups)) attrs[k] = v === undefined ? nul(o) : str(v, o)
    return obj(attrs, o)
  }
  if (m.length > 1)
    return list(
      m.slice(1).map((g) => (g === undefined ? nul(o) : str(g, o))),
      o,
    )
  return str(m[0], o)
}

/**
 * The pieces of a format() whose verbs are all `%s` (and `%%`), an unknown argument kept as it is;
 * undefined for any other verb.
 */
function formatParts(spec: string, args: Val[]): (string | Val)[] | undefined {
  const texts = spec.split(/(%%|%s)/)
  if (/%(?!%|s)/.test(texts.filter((_, i) => i % 2 === 0).join(''))) return undefined
  const parts: (string | Val)[] = []
  let next = 0
  for (const [i, t] of texts.entries()) {
    if (i % 2 === 0 || t === '%%') parts.push(t === '%%' ? '%' : t)
    else {
      const v = args[next++]
      if (v === undefined || v.kind === 'list' || v.kind === 'object' || v.kind === 'null') return undefined
      parts.push(v.kind === 'unknown' ? v : asString(v))
    }
  }
  return parts.filter((p) => p !== '')
}

/** Go-style fmt verbs as Terraform's format() supports them. */
function format(spec: string, args: Val[]): string {
  let argIndex = 0
  return spec.replace(
    /%([-+# 0]*)(\d+|\*)?(?:\.(\d+))?(?:\[(\d+)\])?([a-zA-Z%])/g,
    (_all, flags: string, width, prec, explicit, verb: string) => {
      if (verb === '%') return '%'
      if (explicit) argIndex = Number(explicit) - 1
      const a = args[argIndex++]
      if (a === undefined) throw new EvalError(`format: not enough arguments for "${spec}"`)
      let out: string
      switch (verb) {
        case 's':
          out = asString(a)
          break
        case 'q':
          out = JSON.stringify(asString(a))
          break
        case 'v':
        case '#v': {
          const k = known(a)
          out =
            k.kind === 'string' || k.kind === 'number' || k.kind === 'bool'
              ? asString(k)
              : JSON.stringify(toPlain(k))
          break
        }
        case 'd':
          out = numberToString(Math.trunc(asNumber(a)))
          break
        case 'f':
        case 'F':
          out = asNumber(a).toFixed(prec !== undefined ? Number(prec) : 6)
          break
        case 'e':
          out = asNumber(a).toExponential(prec !== undefined ? Number(prec) : 6)
          break
        case 'g':
          out = String(asNumber(a))
          break
        case 't':
          out = String(asBool(a))
          break
        case 'x':
        case 'X': {
          const k = known(a)
          out =
            k.kind === 'number'
              ? Math.trunc(k.value).toString(16)
              : Buffer.from(asString(k), 'utf8').toString('hex')
          if (verb === 'X') out = out.toUpperCase()
          break
        }
        case 'o':
          out = Math.trunc(asNumber(a)).toString(8)
          break
        case 'b':
          out = Math.trunc(asNumber(a)).toString(2)
          break
        default:
          throw new EvalError(`format: unsupported verb %${verb}`)
      }
      if (flags.includes('+') && (verb === 'd' || verb === 'f') && !out.startsWith('-')) out = '+' + out
      if (width !== undefined && width !== '*') {
        const w = Number(width)
        if (out.length < w) {
          out = flags.includes('-')
            ? out.padEnd(w)
            : flags.includes('0') && verb !== 's'
              ? out.padStart(w, '0')
              : out.padStart(w)
        }
      }
      return out
    },
  )
}

function flattenInto(v: Val, out: Val[]): void {
  const k = known(v)
  if (k.kind === 'list') for (const i of k.items) flattenInto(i, out)
  else out.push(v)
}

function toSet(v: Val, o: Origin): Val {
  return list(distinctVals(asList(v)), o, true)
}

const F: Record<string, TfFunction> = {
  // ---- numeric ----
  abs: (a, s) => (arity('abs', a, 1), num(Math.abs(asNumber(a[0])), s.origin)),
  ceil: (a, s) => (arity('ceil', a, 1), num(Math.ceil(asNumber(a[0])), s.origin)),
  floor: (a, s) => (arity('floor', a, 1), num(Math.floor(asNumber(a[0])), s.origin)),
  log: (a, s) => (arity('log', a, 2), num(Math.log(asNumber(a[0])) / Math.log(asNumber(a[1])), s.origin)),
  max: (a, s) => {
    if (a.length === 0) throw new EvalError('max needs at least one argument')
    return num(Math.max(...a.map((x) => asNumber(x))), s.origin)
  },
  min: (a, s) => {
    if (a.length === 0) throw new EvalError('min needs at least one argument')
    return num(Math.min(...a.map((x) => asNumber(x))), s.origin)
  },
  parseint: (a, s) => {
    arity('parseint', a, 2)
    const text = asString(a[0])
    const base = asNumber(a[1])
    if (base < 2 || base > 62) throw new EvalError('parseint base must be between 2 and 62')
    const digits = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'.slice(0, base)
    let t = text
    let sign = 1
    if (t.startsWith('-')) {
      sign = -1
      t = t.slice(1)
    } else if (t.startsWith('+')) t = t.slice(1)
    if (t === '') throw new EvalError(`cannot parse "${text}" as a base ${base} integer`)
    let n = 0
    for (const ch of t) {
      const d = digits.indexOf(base <= 36 ? ch.toLowerCase() : ch)
      if (d < 0) throw new EvalError(`cannot parse "${text}" as a base ${base} integer`)
      n = n * base + d
    }
    return num(sign * n, s.origin)
  },
  pow: (a, s) => (arity('pow', a, 2), num(Math.pow(asNumber(a[0]), asNumber(a[1])), s.origin)),
  signum: (a, s) => (arity('signum', a, 1), num(Math.sign(asNumber(a[0])), s.origin)),

  // ---- strings ----
  chomp: (a, s) => (arity('chomp', a, 1), str(asString(a[0]).replace(/(\r?\n)+$/, ''), s.origin)),
  endswith: (a, s) => (arity('endswith', a, 2), bool(asString(a[0]).endsWith(asString(a[1])), s.origin)),
  format: (a, s) => {
    if (a.length === 0) throw new EvalError('format needs a format string')
    const spec = asString(a[0])
    try {
      return str(format(spec, a.slice(1)), s.origin)
    } catch (x) {
      const parts = x instanceof UnknownHit ? formatParts(spec, a.slice(1)) : undefined
      if (!parts) throw x
      // `format("%s/%s", hub.name, "rt")` with the hub's name known only at apply: the pieces stay, so a
      // reader can still tell the known ones and what the unknown one refers to (HclValue.parts).
      return {
        kind: 'unknown',
        expression: 'format(…)',
        reason: (x as UnknownHit).value.reason,
        origin: s.origin,
        parts,
      }
    }
  },
  formatlist: (a, s) => {
    if (a.length === 0) throw new EvalError('formatlist needs a format string')
    const spec = asString(a[0])
    const rest = a.slice(1).map((x) => known(x))
    let n = -1
    for (const r of rest) {
      if (r.kind === 'list') {
        if (n >= 0 && r.items.length !== n)
          throw new EvalError('formatlist: all lists must have the same length')
        n = r.items.length
      }
    }
    if (n < 0) n = 1
    const out: Val[] = []
    for (let i = 0; i < n; i++)
      out.push(
        str(
          format(
            spec,
            rest.map((r) => (r.kind === 'list' ? r.items[i] : r)),
          ),
          s.origin,
        ),
      )
    return list(out, s.origin)
  },
  indent: (a, s) => {
    arity('indent', a, 2)
    const pad = ' '.repeat(asNumber(a[0]))
    return str(asString(a[1]).replace(/\n/g, '\n' + pad), s.origin)
  },
  join: (a, s) => {
    if (a.length < 2) throw new EvalError('join needs a separator and at least one list')
    const sep = asString(a[0])
    const parts: string[] = []
    for (const l of a.slice(1)) for (const i of asList(l)) parts.push(asString(i, 'join element'))
    return str(parts.join(sep), s.origin)
  },
  lower: (a, s) => (arity('lower', a, 1), str(asString(a[0]).toLowerCase(), s.origin)),
  upper: (a, s) => (arity('upper', a, 1), str(asString(a[0]).toUpperCase(), s.origin)),
  replace: (a, s) => {
    arity('replace', a, 3)
    const text = asString(a[0])
    const search = asString(a[1])
    const repl = asString(a[2])
    if (search.length > 1 && search.startsWith('/') && search.endsWith('/')) {
      const re = goRegex(search.slice(1, -1))
      // Go's `${name}` and `${1}` are `$<name>` and `$1` to the matcher.
      const jsRepl = repl.replace(/\$\{(\w+)\}/g, '$$<$1>').replace(/\$<(\d+)>/g, '$$$1')
      return str(re.matcher(text).replaceAll(jsRepl), s.origin)
    }
    return str(search === '' ? text : text.split(search).join(repl), s.origin)
  },
  split: (a, s) => {
    arity('split', a, 2)
    const sep = asString(a[0])
    const text = asString(a[1])
    const parts = sep === '' ? chars(text) : text.split(sep)
    return list(
      parts.map((p) => str(p, s.origin)),
      s.origin,
    )
  },
  strrev: (a, s) => (arity('strrev', a, 1), str(chars(asString(a[0])).reverse().join(''), s.origin)),
  substr: (a, s) => {
    arity('substr', a, 3)
    const cs = chars(asString(a[0]))
    let off = asNumber(a[1])
    let len = asNumber(a[2])
    if (off < 0) off = Math.max(0, cs.length + off)
    if (off > cs.length) throw new EvalError('substr offset is past the end of the string')
    if (len < 0) len = cs.length - off
    return str(cs.slice(off, off + len).join(''), s.origin)
  },
  title: (a, s) => (
    arity('title', a, 1),
    str(
      asString(a[0]).replace(/(^|[^\p{L}\p{N}'])(\p{L})/gu, (_m, p, c: string) => p + c.toUpperCase()),
      s.origin,
    )
  ),
  trim: (a, s) => {
    arity('trim', a, 2)
    const cut = new Set(chars(asString(a[1])))
    const cs = chars(asString(a[0]))
    let i = 0
    let j = cs.length
    while (i < j && cut.has(cs[i])) i++
    while (j > i && cut.has(cs[j - 1])) j--
    return str(cs.slice(i, j).join(''), s.origin)
  },
  trimprefix: (a, s) => {
    arity('trimprefix', a, 2)
    const t = asString(a[0])
    const p = asString(a[1])
    return str(t.startsWith(p) ? t.slice(p.length) : t, s.origin)
  },
  trimsuffix: (a, s) => {
    arity('trimsuffix', a, 2)
    const t = asString(a[0])
    const p = asString(a[1])
    return str(p !== '' && t.endsWith(p) ? t.slice(0, t.length - p.length) : t, s.origin)
  },
  trimspace: (a, s) => (arity('trimspace', a, 1), str(asString(a[0]).trim(), s.origin)),
  startswith: (a, s) => (
    arity('startswith', a, 2),
    bool(asString(a[0]).startsWith(asString(a[1])), s.origin)
  ),
  strcontains: (a, s) => (
    arity('strcontains', a, 2),
    bool(asString(a[0]).includes(asString(a[1])), s.origin)
  ),
  regex: (a, s) => {
    arity('regex', a, 2)
    const m = goRegex(asString(a[0])).exec(asString(a[1])) as RegExpExecArray | null
    if (!m) throw new EvalError('regex: pattern did not match')
    return matchValue(m, s.origin)
  },
  regexall: (a, s) => {
    arity('regexall', a, 2)
    const re = goRegex(asString(a[0]))
    const text = asString(a[1])
    const out: Val[] = []
    for (const m of re.matchAll(text)) out.push(matchValue(m as RegExpExecArray, s.origin))
    return list(out, s.origin)
  },

  // ---- collections ----
  alltrue: (a, s) => (
    arity('alltrue', a, 1),
    bool(
      asList(a[0]).every((x) => asBool(x)),
      s.origin,
    )
  ),
  anytrue: (a, s) => {
    arity('anytrue', a, 1)
    // A true element decides the answer even if another is unknown.
    let unknownSeen: Val | undefined
    for (const x of asList(a[0])) {
      if (x.kind === 'unknown') unknownSeen = x
      else if (asBool(x)) return bool(true, s.origin)
    }
    if (unknownSeen) known(unknownSeen)
    return bool(false, s.origin)
  },
  chunklist: (a, s) => {
    arity('chunklist', a, 2)
    const l = asList(a[0])
    const n = asNumber(a[1])
    if (n < 0) throw new EvalError('chunklist size must not be negative')
    if (n === 0) return list([list(l, s.origin)], s.origin)
    const out: Val[] = []
    for (let i = 0; i < l.length; i += n) out.push(list(l.slice(i, i + n), s.origin))
    return list(out, s.origin)
  },
  coalesce: (a) => {
    for (const x of a) {
      // A resource's id is never null or empty: before apply it is already the result, still naming the
      // resource (`coalesce(try(var.rt_id, ""), azurerm_virtual_hub_route_table.rt.id)`, CAF's vWAN code).
      if (x.kind === 'unknown' && x.ref && /(^|\.)id$/.test(x.ref.attribute)) return x
      const k = known(x)
      if (k.kind === 'null') continue
      if (k.kind === 'string' && k.value === '') continue
      return x
    }
    throw new EvalError('coalesce: no non-null, non-empty argument')
  },
  coalescelist: (a) => {
    for (const x of a) {
      if (asList(x).length > 0) return x
    }
    throw new EvalError('coalescelist: no non-empty list argument')
  },
  compact: (a, s) => {
    arity('compact', a, 1)
    const out: Val[] = []
    for (const x of asList(a[0])) {
      const k = known(x)
      if (k.kind === 'null' || (k.kind === 'string' && k.value === '')) continue
      out.push(x)
    }
    return list(out, s.origin)
  },
  concat: (a, s) => {
    const out: Val[] = []
    for (const l of a) out.push(...asList(l))
    return list(out, s.origin)
  },
  contains: (a, s) => {
    arity('contains', a, 2)
    return bool(
      asList(a[0]).some((x) => equals(x, a[1])),
      s.origin,
    )
  },
  distinct: (a, s) => (arity('distinct', a, 1), list(distinctVals(asList(a[0])), s.origin)),
  element: (a) => {
    arity('element', a, 2)
    const l = asList(a[0])
    const i = Math.floor(asNumber(a[1]))
    if (l.length === 0) throw new EvalError('element: the list is empty')
    if (i < 0) throw new EvalError('element: index must not be negative')
    return l[i % l.length]
  },
  flatten: (a, s) => {
    arity('flatten', a, 1)
    const out: Val[] = []
    for (const x of asList(a[0])) flattenInto(x, out)
    return list(out, s.origin)
  },
  index: (a, s) => {
    arity('index', a, 2)
    const l = asList(a[0])
    for (let i = 0; i < l.length; i++) if (equals(l[i], a[1])) return num(i, s.origin)
    throw new EvalError('index: the value is not in the list')
  },
  keys: (a, s) => (
    arity('keys', a, 1),
    list(
      sortedKeys(asObject(a[0])).map((k) => str(k, s.origin)),
      s.origin,
    )
  ),
  length: (a, s) => {
    arity('length', a, 1)
    const k = known(a[0])
    if (k.kind === 'string') return num(chars(k.value).length, s.origin)
    if (k.kind === 'list') return num(k.items.length, s.origin)
    if (k.kind === 'object') return num(Object.keys(k.attrs).length, s.origin)
    throw new EvalError(`length of a ${typeName(k)} is not defined`)
  },
  lookup: (a) => {
    arity('lookup', a, 2, 3)
    const m = asObject(a[0])
    const key = asString(a[1])
    if (key in m) return m[key]
    if (a.length === 3) return a[2]
    throw new EvalError(`lookup: the map has no key "${key}"`)
  },
  matchkeys: (a, s) => {
    arity('matchkeys', a, 3)
    const vals = asList(a[0])
    const ks = asList(a[1])
    const search = asList(a[2])
    if (vals.length !== ks.length) throw new EvalError('matchkeys: values and keys must have the same length')
    const out: Val[] = []
    for (let i = 0; i < ks.length; i++) if (search.some((x) => equals(x, ks[i]))) out.push(vals[i])
    return list(out, s.origin)
  },
  merge: (a, s) => {
    const attrs: Record<string, Val> = {}
    for (const m of a) {
      const k = known(m)
      if (k.kind === 'null') continue
      Object.assign(attrs, asObject(k))
    }
    return obj(attrs, s.origin)
  },
  one: (a, s) => {
    arity('one', a, 1)
    const l = asList(a[0])
    if (l.length === 0) return nul(s.origin)
    if (l.length === 1) return l[0]
    throw new EvalError('one: the list has more than one element')
  },
  range: (a, s) => {
    arity('range', a, 1, 3)
    const n = a.map((x) => asNumber(x))
    const [start, limit, step] =
      n.length === 1 ? [0, n[0], 1] : n.length === 2 ? [0 + n[0], n[1], n[0] <= n[1] ? 1 : -1] : n
    if (step === 0) throw new EvalError('range: step must not be zero')
    const out: Val[] = []
    for (let i = start; step > 0 ? i < limit : i > limit; i += step) {
      if (out.length >= 1_000_000) throw new EvalError('range: too many elements')
      out.push(num(i, s.origin))
    }
    return list(out, s.origin)
  },
  reverse: (a, s) => (arity('reverse', a, 1), list(asList(a[0]).slice().reverse(), s.origin)),
  setintersection: (a, s) => {
    if (a.length === 0) throw new EvalError('setintersection needs at least one set')
    let cur = distinctVals(asList(a[0]))
    for (const other of a.slice(1)) {
      const o = asList(other)
      cur = cur.filter((x) => o.some((y) => equals(x, y)))
    }
    return list(cur, s.origin, true)
  },
  setproduct: (a, s) => {
    if (a.length < 2) throw new EvalError('setproduct needs at least two sets')
    let out: Val[][] = [[]]
    for (const l of a) {
      const next: Val[][] = []
      for (const prefix of out) for (const x of asList(l)) next.push([...prefix, x])
      out = next
      if (out.length > 100_000) throw new EvalError('setproduct: too many elements')
    }
    return list(
      out.map((t) => list(t, s.origin)),
      s.origin,
    )
  },
  setsubtract: (a, s) => {
    arity('setsubtract', a, 2)
    const b = asList(a[1])
    return list(
      distinctVals(asList(a[0])).filter((x) => !b.some((y) => equals(x, y))),
      s.origin,
      true,
    )
  },
  setunion: (a, s) => {
    const all: Val[] = []
    for (const l of a) all.push(...asList(l))
    return list(distinctVals(all), s.origin, true)
  },
  slice: (a, s) => {
    arity('slice', a, 3)
    const l = asList(a[0])
    const from = asNumber(a[1])
    const to = asNumber(a[2])
    if (from < 0 || to > l.length || from > to) throw new EvalError('slice: index out of range')
    return list(l.slice(from, to), s.origin)
  },
  sort: (a, s) => {
    arity('sort', a, 1)
    const l = asList(a[0])
    const keyed = l.map((x) => ({ x, k: asString(x) }))
    keyed.sort((p, q) => (p.k < q.k ? -1 : p.k > q.k ? 1 : 0))
    return list(
      keyed.map((p) => p.x),
      s.origin,
    )
  },
  sum: (a, s) => {
    arity('sum', a, 1)
    const l = asList(a[0])
    if (l.length === 0) throw new EvalError('sum: the list is empty')
    return num(
      l.reduce((acc, x) => acc + asNumber(x), 0),
      s.origin,
    )
  },
  transpose: (a, s) => {
    arity('transpose', a, 1)
    const m = asObject(a[0])
    const out: Record<string, Val[]> = {}
    for (const k of sortedKeys(m))
      for (const v of asList(m[k])) (out[asString(v)] ??= []).push(str(k, s.origin))
    const attrs: Record<string, Val> = {}
    for (const k of Object.keys(out)) attrs[k] = list(out[k], s.origin)
    return obj(attrs, s.origin)
  },
  values: (a, s) => {
    arity('values', a, 1)
    const m = asObject(a[0])
    return list(
      sortedKeys(m).map((k) => m[k]),
      s.origin,
    )
  },
  zipmap: (a, s) => {
    arity('zipmap', a, 2)
    const ks = asList(a[0])
    const vs = asList(a[1])
    if (ks.length !== vs.length) throw new EvalError('zipmap: keys and values must have the same length')
    const attrs: Record<string, Val> = {}
    ks.forEach((k, i) => (attrs[asString(k)] = vs[i]))
    return obj(attrs, s.origin)
  },

  // ---- type conversion ----
  tobool: (a, s) => {
    arity('tobool', a, 1)
    return known(a[0]).kind === 'null' ? a[0] : bool(asBool(a[0]), s.origin)
  },
  tonumber: (a, s) => {
    arity('tonumber', a, 1)
    return known(a[0]).kind === 'null' ? a[0] : num(asNumber(a[0]), s.origin)
  },
  tostring: (a, s) => {
    arity('tostring', a, 1)
    return known(a[0]).kind === 'null' ? a[0] : str(asString(a[0]), s.origin)
  },
  tolist: (a, s) => {
    arity('tolist', a, 1)
    const k = known(a[0])
    if (k.kind === 'null') return k
    return list(asList(k), s.origin)
  },
  toset: (a, s) => {
    arity('toset', a, 1)
    const k = known(a[0])
    if (k.kind === 'null') return k
    return toSet(k, s.origin)
  },
  tomap: (a, s) => {
    arity('tomap', a, 1)
    const k = known(a[0])
    if (k.kind === 'null') return k
    return obj(asObject(k), s.origin)
  },
  sensitive: (a) => (arity('sensitive', a, 1), a[0]),
  nonsensitive: (a) => (arity('nonsensitive', a, 1), a[0]),
  issensitive: (a, s) => (arity('issensitive', a, 1), bool(false, s.origin)),
  ephemeralasnull: (a) => (arity('ephemeralasnull', a, 1), a[0]),
  type: (a, s) => (arity('type', a, 1), str(typeName(known(a[0])), s.origin)),

  // ---- encoding ----
  jsonencode: (a, s) => {
    arity('jsonencode', a, 1)
    try {
      return str(JSON.stringify(toPlain(knownDeep(a[0]))), s.origin)
    } catch (x) {
      if (!(x instanceof UnknownHit)) throw x
      // The JSON is not known, but its structure is: kept for readers of it (HclValue.encoded).
      return {
        kind: 'unknown',
        expression: 'jsonencode(…)',
        reason: x.value.reason,
        origin: s.origin,
        encoded: a[0],
      }
    }
  },
  jsondecode: (a, s) => {
    arity('jsondecode', a, 1)
    // The JSON of a value with parts known only at apply (jsonencode(), a template deployment's
    // output_content): that value, its unknown parts kept with their refs.
    if (a[0].kind === 'unknown' && a[0].encoded) return a[0].encoded
    try {
      return fromPlain(parsePlain(asString(a[0])), s.origin)
    } catch (e) {
      if (e instanceof SyntaxError) throw new EvalError(`jsondecode: ${e.message}`)
      throw e
    }
  },
  yamlencode: (a, s) => (
    arity('yamlencode', a, 1),
    str(yaml().stringify(toPlain(knownDeep(a[0]))), s.origin)
  ),
  yamldecode: (a, s) => {
    arity('yamldecode', a, 1)
    try {
      return fromPlain(yaml().parse(asString(a[0])), s.origin)
    } catch (e) {
      if (e instanceof EvalError) throw e
      throw new EvalError(`yamldecode: ${(e as Error).message}`)
    }
  },
  base64encode: (a, s) => (
    arity('base64encode', a, 1),
    str(Buffer.from(asString(a[0]), 'utf8').toString('base64'), s.origin)
  ),
  base64decode: (a, s) => (
    arity('base64decode', a, 1),
    str(Buffer.from(asString(a[0]), 'base64').toString('utf8'), s.origin)
  ),
  urlencode: (a, s) => (arity('urlencode', a, 1), str(encodeURIComponent(asString(a[0])), s.origin)),
  md5: (a, s) => (arity('md5', a, 1), str(createHash('md5').update(asString(a[0])).digest('hex'), s.origin)),
  sha1: (a, s) => (
    arity('sha1', a, 1),
    str(createHash('sha1').update(asString(a[0])).digest('hex'), s.origin)
  ),
  sha256: (a, s) => (
    arity('sha256', a, 1),
    str(createHash('sha256').update(asString(a[0])).digest('hex'), s.origin)
  ),
  sha512: (a, s) => (
    arity('sha512', a, 1),
    str(createHash('sha512').update(asString(a[0])).digest('hex'), s.origin)
  ),

  // ---- network ----
  cidrhost: (a, s) => (arity('cidrhost', a, 2), str(cidrhost(asString(a[0]), asNumber(a[1])), s.origin)),
  cidrnetmask: (a, s) => (arity('cidrnetmask', a, 1), str(cidrnetmask(asString(a[0])), s.origin)),
  cidrsubnet: (a, s) => (
    arity('cidrsubnet', a, 3),
    str(cidrsubnet(asString(a[0]), asNumber(a[1]), asNumber(a[2])), s.origin)
  ),
  cidrsubnets: (a, s) => {
    if (a.length < 1) throw new EvalError('cidrsubnets needs a prefix')
    const prefix = asString(a[0])
    const bits = a.slice(1).map((x) => asNumber(x))
    return list(
      cidrsubnets(prefix, bits).map((c) => str(c, s.origin)),
      s.origin,
    )
  },

  // ---- files and paths ----
  file: (a, s) => {
    arity('file', a, 1)
    const p = asString(a[0])
    const text = s.readFile(p)
    if (text === undefined)
      throw new EvalError(`file ${p} cannot be read (outside the scanned directory or missing)`)
    return str(text, s.origin)
  },
  fileexists: (a, s) => (arity('fileexists', a, 1), bool(s.readFile(asString(a[0])) !== undefined, s.origin)),
  basename: (a, s) => (
    arity('basename', a, 1),
    str(asString(a[0]).replace(/\/+$/, '').split('/').pop() ?? '', s.origin)
  ),
  dirname: (a, s) => {
    arity('dirname', a, 1)
    const p = asString(a[0])
    const i = p.lastIndexOf('/')
    return str(i < 0 ? '.' : i === 0 ? '/' : p.slice(0, i), s.origin)
  },
}

/** The function named, or undefined if it is not evaluated statically. */
export function builtin(name: string): TfFunction | undefined {
  // Terraform also accepts the functions under the `core::` namespace.
  const n = name.startsWith('core::') ? name.slice(6) : name
  return Object.prototype.hasOwnProperty.call(F, n) ? F[n] : undefined
}
