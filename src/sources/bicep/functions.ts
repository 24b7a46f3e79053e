/**
 * Bicep's built-in functions over value trees. Only what network templates use to compute addresses,
 * names and switches is evaluated; anything else is an unknown that says which function stopped us, so a
 * finding never rests on a guess. Functions that take lambdas (map, filter) live in the evaluator, which
 * owns scopes.
 */
import { armCidrHost, armCidrSubnet, armParseCidr } from '../evaluation/cidr'
import type { CloudName } from '../../kms/catalogue'
import type { Origin } from '../../model/value'
import { fromJson } from '../evaluation/value-tree'
import {
  DEPLOYMENT_TIME,
  derived,
  equals,
  firstUnknown,
  getAttr,
  scalarText,
  toPlain,
  vBool,
  vList,
  vNull,
  vNum,
  vObj,
  vStr,
  vUnknown,
  type V,
  type VUnknown,
} from './values'
import { parsePlain } from '../parsing/json-lines'

export interface CallSite {
  /** Source text of the whole call, the expression of any unknown it yields. */
  expression: string
  origin: Origin
  cloud: CloudName
}

class Fail extends Error {}

/** Functions whose result exists only at deployment (hashes, times, deployment metadata). */
const DEPLOYMENT_ONLY = new Set([
  'uniquestring',
  'guid',
  'newguid',
  'utcnow',
  'deployment',
  'tenant',
  'managementgroup',
  'reference',
  'list',
  'listkeys',
  'pickzones',
  'getsecret',
])

/**
 * Calls a built-in. Returns undefined for a name that is not a built-in we evaluate (the evaluator then
 * tries user functions and reports `function f is not evaluated`).
 */
export function callBuiltin(name: string, args: V[], site: CallSite): V | undefined {
  const fn = name.toLowerCase()
  if (DEPLOYMENT_ONLY.has(fn)) return vUnknown(site.expression, DEPLOYMENT_TIME, site.origin)
  const impl = BUILTINS[fn]
  if (!impl) return undefined
  try {
    return impl(args, site)
  } catch (e) {
    if (e instanceof Unresolved) return e.value
    if (e instanceof Fail) return vUnknown(site.expression, `${name}(): ${e.message}`, site.origin)
    throw e
  }
}

/** Thrown inside an implementation to return an unknown from deep inside argument checks. */
class Unresolved extends Error {
  constructor(readonly value: VUnknown) {
    super(value.reason)
  }
}

type Impl = (args: V[], site: CallSite) => V

/** Stops at a top-level unknown argument: structure-level functions can work with unknown items. */
function shallow(args: V[], site: CallSite): void {
  for (const a of args)
    if (a.kind === 'unknown') throw new Unresolved(derived(site.expression, a, site.origin))
}

/** Stops at an unknown anywhere: text-level functions need every part known. */
function deep(args: V[], site: CallSite): void {
  for (const a of args) {
    const u = firstUnknown(a)
    if (u) throw new Unresolved(derived(site.expression, u, site.origin))
  }
}

function arity(args: V[], min: number, max = min): void {
  if (args.length < min || args.length > max)
    throw new Fail(`expects ${min === max ? min : `${min} to ${max}`} arguments, got ${args.length}`)
}

function s(v: V | undefined, what = 'argument'): string {
  if (v?.kind !== 'string') throw new Fail(`${what} must be a string`)
  return v.value
}

function n(v: V | undefined, what = 'argument'): number {
  if (v?.kind === 'number') return v.value
  if (v?.kind === 'string' && /^-?\d+$/.test(v.value.trim())) return Number(v.value)
  throw new Fail(`${what} must be an integer`)
}

const textFn =
  (f: (args: V[], site: CallSite) => V): Impl =>
  (args, site) => {
    deep(args, site)
    return f(args, site)
  }

const structFn =
  (f: (args: V[], site: CallSite) => V): Impl =>
  (args, site) => {
    shallow(args, site)
    return f(args, site)
  }

function mergeObjects(a: V, b: V, origin: Origin): V {
  if (a.kind !== 'object' || b.kind !== 'object') return b
  const attrs = { ...a.attrs }
  for (const [k, v] of Object.entries(b.attrs)) attrs[k] = k in attrs ? mergeObjects(attrs[k], v, origin) : v
  return vObj(attrs, origin)
}

/** .NET composite formatting as ARM's format() does it, for the plain `{0}` placeholders templates use. */
function dotnetFormat(fmt: string, values: V[]): string {
  return fmt.replace(/\{\{|\}\}|\{(\d+)(?:[,:][^}]*)?\}/g, (m, i: string | undefined) => {
    if (m === '{{') return '{'
    if (m === '}}') return '}'
    const v = values[Number(i)]
    if (v === undefined) throw new Fail(`format index ${i} out of range`)
    return scalarText(v)
  })
}

// ---- CIDR functions: ARM's, which Bicep compiles to ------------------------------------------------

const cidrFail = (message: string): Error => new Fail(message)

// ---- resource ids ------------------------------------------------------------------------------------

/**
 * `resourceId()` as a provider-relative id (`Microsoft.Network/routeTables/rt-hub`), prefixed with the
 * resource group when the call names one: subscription and resource group are not known before deployment,
 * and the model builder resolves references by type and names, which this form carries exactly.
 */
function resourceIdOf(args: V[], leadingScopes: number): string {
  const texts = args.map((a) => s(a))
  const typeAt = texts.findIndex((t) => /^[A-Za-z0-9]+\.[A-Za-z0-9.]+\/[^/]/.test(t))
  if (typeAt < 0) throw new Fail('no resource type argument')
  if (typeAt > leadingScopes) throw new Fail('too many arguments before the resource type')
  const type = texts[typeAt]
  const names = texts.slice(typeAt + 1).flatMap((x) => x.split('/'))
  const segments = type.split('/')
  const typeNames = segments.slice(1)
  if (typeNames.length !== names.length) throw new Fail(`${type} needs ${typeNames.length} names`)
  let id = segments[0]
  typeNames.forEach((t, i) => (id += `/${t}/${names[i]}`))
  const rg = typeAt >= 1 && leadingScopes === 2 ? texts[typeAt - 1] : undefined
  return rg !== undefined ? `/resourceGroups/${rg}/providers/${id}` : id
}

// ---- scope functions ---------------------------------------------------------------------------------

function scopeObject(site: CallSite, fields: Record<string, V | undefined>): V {
  const attrs: Record<string, V> = {}
  for (const [k, v] of Object.entries(fields))
    attrs[k] = v ?? vUnknown(`${site.expression}.${k}`, DEPLOYMENT_TIME, site.origin)
  return vObj(attrs, site.origin)
}

// ---- the table ---------------------------------------------------------------------------------------

const emptyOf = structFn((args, site) => {
  arity(args, 1)
  const [a] = args
  if (a.kind === 'null') return vBool(true, site.origin)
  if (a.kind === 'string') return vBool(a.value === '', site.origin)
  if (a.kind === 'list') return vBool(a.items.length === 0, site.origin)
  if (a.kind === 'object') return vBool(Object.keys(a.attrs).length === 0, site.origin)
  throw new Fail('argument must be an array, object or string')
})

const BUILTINS: Record<string, Impl> = {
  concat: structFn((args, site) => {
    if (args.length === 0) return vList([], site.origin)
    if (args.every((a) => a.kind === 'list' || a.kind === 'null'))
      return vList(
        args.flatMap((a) => (a.kind === 'list' ? a.items : [])),
        site.origin,
      )
    deep(args, site)
    return vStr(args.map(scalarText).join(''), site.origin)
  }),
  union: structFn((args, site) => {
    if (args.every((a) => a.kind === 'object'))
      return args.reduce<V>((acc, a) => mergeObjects(acc, a, site.origin), vObj({}, site.origin))
    if (args.every((a) => a.kind === 'list')) {
      const out: V[] = []
      for (const a of args)
        for (const item of a.kind === 'list' ? a.items : [])
          if (!out.some((o) => equals(o, item) === true)) out.push(item)
      return vList(out, site.origin)
    }
    throw new Fail('arguments must be all objects or all arrays')
  }),
  contains: structFn((args, site) => {
    arity(args, 2)
    const [c, item] = args
    if (c.kind === 'object') {
      deep([item], site)
      return vBool(getAttr(c, s(item)) !== undefined, site.origin)
    }
    if (c.kind === 'string') {
      deep([c, item], site)
      return vBool(c.value.includes(scalarText(item)), site.origin)
    }
    if (c.kind === 'list') {
      let undecided: VUnknown | undefined
      for (const x of c.items) {
        const e = equals(x, item)
        if (e === true) return vBool(true, site.origin)
        if (e === undefined) undecided ??= firstUnknown(x) ?? firstUnknown(item)
      }
      if (undecided) return derived(site.expression, undecided, site.origin)
      return vBool(false, site.origin)
    }
    throw new Fail('first argument must be an array, object or string')
  }),
  length: structFn((args, site) => {
    arity(args, 1)
    const [a] = args
    if (a.kind === 'string' || a.kind === 'list' || a.kind === 'object')
      return vNum(
        a.kind === 'string'
          ? a.value.length
          : a.kind === 'list'
            ? a.items.length
            : Object.keys(a.attrs).length,
        site.origin,
      )
    throw new Fail('argument must be an array, object or string')
  }),
  // The id of a resource the scan declares is known only at deployment but is never empty: AVM passes
  // `routeTable.id` through module outputs and tests `!empty(routeTableResourceId)` before using it.
  empty: (args, site) =>
    args.length === 1 && args[0].kind === 'unknown' && args[0].ref?.attribute === 'id'
      ? vBool(false, site.origin)
      : emptyOf(args, site),
  first: structFn((args, site) => {
    arity(args, 1)
    const [a] = args
    if (a.kind === 'list') return a.items[0] ?? vNull(site.origin)
    return vStr(s(a).slice(0, 1), site.origin)
  }),
  last: structFn((args, site) => {
    arity(args, 1)
    const [a] = args
    if (a.kind === 'list') return a.items[a.items.length - 1] ?? vNull(site.origin)
    return vStr(s(a).slice(-1), site.origin)
  }),
  take: structFn((args, site) => {
    arity(args, 2)
    const [a, c] = args
    if (a.kind === 'list') return vList(a.items.slice(0, Math.max(0, n(c))), site.origin)
    return vStr(s(a).slice(0, Math.max(0, n(c))), site.origin)
  }),
  skip: structFn((args, site) => {
    arity(args, 2)
    const [a, c] = args
    if (a.kind === 'list') return vList(a.items.slice(Math.max(0, n(c))), site.origin)
    return vStr(s(a).slice(Math.max(0, n(c))), site.origin)
  }),
  format: textFn((args, site) => vStr(dotnetFormat(s(args[0], 'format string'), args.slice(1)), site.origin)),
  tolower: textFn((args, site) => vStr(s(args[0]).toLowerCase(), site.origin)),
  toupper: textFn((args, site) => vStr(s(args[0]).toUpperCase(), site.origin)),
  trim: textFn((args, site) => vStr(s(args[0]).trim(), site.origin)),
  replace: textFn((args, site) => {
    arity(args, 3)
    return vStr(s(args[0]).split(s(args[1])).join(s(args[2])), site.origin)
  }),
  split: textFn((args, site) => {
    arity(args, 2)
    const text = s(args[0])
    const delims = args[1].kind === 'list' ? args[1].items.map((d) => s(d)) : [s(args[1])]
    const parts = delims.reduce<string[]>((acc, d) => acc.flatMap((p) => p.split(d)), [text])
    return vList(
      parts.map((p) => vStr(p, site.origin)),
      site.origin,
    )
  }),
  join: textFn((args, site) => {
    arity(args, 2)
    const [list, d] = args
    if (list.kind !== 'list') throw new Fail('first argument must be an array')
    return vStr(list.items.map(scalarText).join(s(d)), site.origin)
  }),
  startswith: textFn((args, site) =>
    vBool(s(args[0]).toLowerCase().startsWith(s(args[1]).toLowerCase()), site.origin),
  ),
  endswith: textFn((args, site) =>
    vBool(s(args[0]).toLowerCase().endsWith(s(args[1]).toLowerCase()), site.origin),
  ),
  indexof: textFn((args, site) =>
    vNum(s(args[0]).toLowerCase().indexOf(s(args[1]).toLowerCase()), site.origin),
  ),
  lastindexof: textFn((args, site) =>
    vNum(s(args[0]).toLowerCase().lastIndexOf(s(args[1]).toLowerCase()), site.origin),
  ),
  substring: textFn((args, site) => {
    arity(args, 2, 3)
    const text = s(args[0])
    const start = n(args[1])
    const len = args[2] ? n(args[2]) : text.length - start
    if (start < 0 || len < 0 || start + len > text.length) throw new Fail('index out of range')
    return vStr(text.substr(start, len), site.origin)
  }),
  range: textFn((args, site) => {
    arity(args, 2)
    const start = n(args[0])
    const count = n(args[1])
    if (count < 0 || count > 10000) throw new Fail('count out of range')
    return vList(
      Array.from({ length: count }, (_, i) => vNum(start + i, site.origin)),
      site.origin,
    )
  }),
  coalesce: (args, site) => {
    for (const a of args) {
      if (a.kind === 'unknown') return derived(site.expression, a, site.origin)
      if (a.kind !== 'null') return a
    }
    return vNull(site.origin)
  },
  string: textFn((args, site) => {
    arity(args, 1)
    const [a] = args
    return vStr(a.kind === 'string' ? a.value : JSON.stringify(toPlain(a)), site.origin)
  }),
  int: textFn((args, site) => {
    arity(args, 1)
    return vNum(Math.trunc(n(args[0])), site.origin)
  }),
  bool: textFn((args, site) => {
    arity(args, 1)
    const [a] = args
    if (a.kind === 'bool') return a
    if (a.kind === 'number') return vBool(a.value !== 0, site.origin)
    const t = s(a).trim().toLowerCase()
    if (t === 'true' || t === 'false') return vBool(t === 'true', site.origin)
    throw new Fail(`${JSON.stringify(t)} is not a boolean`)
  }),
  json: textFn((args, site) => {
    arity(args, 1)
    try {
      return fromJson(parsePlain(s(args[0])), site.origin)
    } catch (e) {
      if (e instanceof Fail) throw e
      throw new Fail('argument is not valid JSON')
    }
  }),
  array: structFn((args, site) => {
    arity(args, 1)
    return args[0].kind === 'list' ? args[0] : vList([args[0]], site.origin)
  }),
  createarray: (args, site) => vList(args, site.origin),
  createobject: (args, site) => {
    if (args.length % 2 !== 0) throw new Fail('expects key/value pairs')
    const attrs: Record<string, V> = {}
    for (let i = 0; i < args.length; i += 2) {
      deep([args[i]], site)
      attrs[s(args[i], 'key')] = args[i + 1]
    }
    return vObj(attrs, site.origin)
  },
  items: structFn((args, site) => {
    arity(args, 1)
    const [o] = args
    if (o.kind !== 'object') throw new Fail('argument must be an object')
    return vList(
      Object.keys(o.attrs)
        .sort((a, b) => a.localeCompare(b))
        .map((k) => vObj({ key: vStr(k, site.origin), value: o.attrs[k] }, site.origin)),
      site.origin,
    )
  }),
  objectkeys: structFn((args, site) => {
    const [o] = args
    if (o?.kind !== 'object') throw new Fail('argument must be an object')
    return vList(
      Object.keys(o.attrs).map((k) => vStr(k, site.origin)),
      site.origin,
    )
  }),
  min: textFn((args, site) => {
    const nums = args.flatMap((a) => (a.kind === 'list' ? a.items : [a])).map((a) => n(a))
    return vNum(Math.min(...nums), site.origin)
  }),
  max: textFn((args, site) => {
    const nums = args.flatMap((a) => (a.kind === 'list' ? a.items : [a])).map((a) => n(a))
    return vNum(Math.max(...nums), site.origin)
  }),
  cidrsubnet: textFn((args, site) => {
    arity(args, 3)
    return vStr(armCidrSubnet(s(args[0]), n(args[1]), n(args[2]), cidrFail), site.origin)
  }),
  cidrhost: textFn((args, site) => {
    arity(args, 2)
    return vStr(armCidrHost(s(args[0]), n(args[1]), cidrFail), site.origin)
  }),
  parsecidr: textFn((args, site) => {
    arity(args, 1)
    const parts = armParseCidr(s(args[0]), cidrFail)
    const o = site.origin
    return vObj(
      Object.fromEntries(
        Object.entries(parts).map(([k, v]) => [k, typeof v === 'number' ? vNum(v, o) : vStr(v, o)]),
      ),
      o,
    )
  }),
  resourceid: textFn((args, site) => vStr(resourceIdOf(args, 2), site.origin)),
  subscriptionresourceid: textFn((args, site) => vStr(`/providers/${resourceIdOf(args, 1)}`, site.origin)),
  tenantresourceid: textFn((args, site) => vStr(`/providers/${resourceIdOf(args, 0)}`, site.origin)),
  resourcegroup: (args, site) => {
    // resourceGroup('name') names a scope we know; resourceGroup() is wherever the deployment goes.
    const last = args[args.length - 1]
    const name = last?.kind === 'string' ? last : undefined
    // resourceGroup('<subscription>', '<name>'): its id says both (Template.scopeOf reads it).
    const first = args.length > 1 ? args[0] : undefined
    const id =
      first?.kind === 'string' && name
        ? vStr(`/subscriptions/${first.value}/resourceGroups/${name.value}`, site.origin)
        : undefined
    return scopeObject(site, { name, location: undefined, id })
  },
  subscription: (args, site) =>
    scopeObject(site, {
      // subscription('<id>') names it; subscription() is wherever the deployment goes.
      subscriptionId: args[0]?.kind === 'string' ? args[0] : undefined,
      id: undefined,
      displayName: undefined,
      tenantId: undefined,
    }),
  environment: (_args, site) => {
    const o = site.origin
    return vObj({ name: vStr(site.cloud, o) }, o)
  },
  not: textFn((args, site) => vBool(!truthy(args[0]), site.origin)),
  and: textFn((args, site) => vBool(args.every(truthy), site.origin)),
  or: textFn((args, site) => vBool(args.some(truthy), site.origin)),
  equals: (args, site) => {
    arity(args, 2)
    const e = equals(args[0], args[1])
    if (e === undefined)
      return derived(site.expression, firstUnknown(args[0]) ?? firstUnknown(args[1])!, site.origin)
    return vBool(e, site.origin)
  },
  if: structFn((args) => {
    arity(args, 3)
    return truthy(args[0]) ? args[1] : args[2]
  }),
}

export function truthy(v: V): boolean {
  if (v.kind !== 'bool') throw new Fail('condition must be a boolean')
  return v.value
}
