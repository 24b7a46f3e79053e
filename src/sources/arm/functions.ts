/**
 * The ARM template functions the evaluator computes. Two kinds:
 * - structural functions work on value trees and keep unknown parts in place (`createArray`, `union`,
 *   `concat` of arrays, `first`...), so one unknown item does not hide the known ones;
 * - plain functions need fully known arguments and compute on JSON (`format`, `toLower`, `resourceId`...);
 *   any unknown argument makes the result unknown with that argument's reason.
 * Functions listed nowhere are not evaluated: the result is unknown and its reason names the function.
 */
import type { CloudName } from '../../kms/catalogue'
import type { Origin } from '../../model/value'
import { armCidrHost, armCidrSubnet, armParseCidr } from '../evaluation/cidr'
import type { HclValue } from '../evaluation/evaluated'
import { describe, firstUnknown, fromPlain, member, toPlain, unk } from './values'
import { parsePlain } from '../parsing/json-lines'

export class FunctionError extends Error {}

export interface FunctionEnv {
  cloud: CloudName
  /**
   * The resource group and subscription `resourceGroup()`, `subscription()` and `resourceId()` mean, when
   * the template says them (a nested deployment's `resourceGroup` / `subscriptionId`); else placeholders.
   */
  resourceGroupName?: string
  subscriptionId?: string
}

/**
 * Placeholders for the subscription and resource group of the deployment. `resourceId()` needs them to
 * build an ARM id; arm-shapes links ids by type and names, so the placeholders never have to match anything.
 */
export const SUBSCRIPTION_PLACEHOLDER = '{subscriptionId}'
export const RESOURCE_GROUP_PLACEHOLDER = '{resourceGroup}'

type Structural = (args: HclValue[], site: Origin, env: FunctionEnv, text: string) => HclValue
type Plain = (args: unknown[], env: FunctionEnv) => unknown

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x)

function need<T>(ok: boolean, value: T, what: string): T {
  if (!ok) throw new FunctionError(what)
  return value
}

const asString = (x: unknown, fn: string): string =>
  need(typeof x === 'string', x as string, `${fn}: expected a string`)
const asInt = (x: unknown, fn: string): number => {
  const n = typeof x === 'string' ? Number(x.trim()) : x
  return need(
    typeof n === 'number' && Number.isFinite(n),
    Math.trunc(n as number),
    `${fn}: expected an integer`,
  )
}
const asArray = (x: unknown, fn: string): unknown[] =>
  need(Array.isArray(x), x as unknown[], `${fn}: expected an array`)

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]))
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a)
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]))
  }
  return false
}

/** ARM's `string()`: booleans as `True`/`False` (.NET), objects and arrays as compact JSON. */
function toArmString(x: unknown): string {
  if (typeof x === 'string') return x
  if (typeof x === 'boolean') return x ? 'True' : 'False'
  if (x === null) return ''
  if (typeof x === 'number') return String(x)
  return JSON.stringify(x)
}

/** .NET composite formatting as `format()` uses it: `{0}`, `{1:D3}`, `{{` and `}}`. */
function dotnetFormat(fmt: string, args: unknown[]): string {
  return fmt.replace(/\{\{|\}\}|\{(\d+)(?:,(-?\d+))?(?::([^}]*))?\}/g, (m, i, _align, spec) => {
    if (m === '{{') return '{'
    if (m === '}}') return '}'
    const idx = Number(i)
    if (idx >= args.length) throw new FunctionError(`format: no argument {${idx}}`)
    const a = args[idx]
    if (typeof a === 'number' && spec) {
      const d = /^[dD](\d+)$/.exec(spec)
      if (d) return String(Math.trunc(a)).padStart(Number(d[1]), '0')
      const n = /^[nN](\d*)$/.exec(spec)
      if (n)
        return a.toLocaleString('en-US', {
          minimumFractionDigits: Number(n[1] || 0),
          maximumFractionDigits: Number(n[1] || 0),
        })
    }
    return toArmString(a)
  })
}

/**
 * `format()` with an unknown argument: unknown, but keeping its pieces (the format's text and the
 * arguments in order) when the format itself is known, as Bicep's interpolated strings do (HclValue
 * `parts`), so a reader can still pick out the known pieces and the references.
 */
function formatParts(
  [fmt, ...rest]: HclValue[],
  text: string,
  cause: Extract<HclValue, { kind: 'unknown' }>,
  site: Origin,
): HclValue {
  const u = unk(text, cause.reason, site)
  if (fmt?.kind !== 'string' || u.kind !== 'unknown') return u
  const parts: (string | HclValue)[] = []
  let last = 0
  for (const m of fmt.value.matchAll(/\{\{|\}\}|\{(\d+)\}/g)) {
    parts.push(fmt.value.slice(last, m.index))
    last = m.index + m[0].length
    if (m[1] === undefined) parts.push(m[0][0])
    else {
      const a = rest[Number(m[1])]
      if (!a || a.kind === 'list' || a.kind === 'object') return u
      parts.push(a)
    }
  }
  parts.push(fmt.value.slice(last))
  return { ...u, parts }
}

const TYPE_RE = /^[A-Za-z0-9]+\.[A-Za-z0-9.]+\/[A-Za-z0-9/]+$/

/**
 * `resourceId([subscriptionId], [resourceGroupName], type, name1, [name2]...)` as a full ARM id. Without
 * an explicit subscription or resource group the placeholders stand in (see above).
 */
function resourceId(args: unknown[], scope: 'rg' | 'subscription' | 'tenant', env?: FunctionEnv): string {
  const strs = args.map((a) => toArmString(a))
  const t = strs.findIndex((s) => TYPE_RE.test(s))
  if (t < 0) throw new FunctionError('resourceId: no resource type argument')
  const type = strs[t]
  const names = strs.slice(t + 1)
  if (names.length === 0) throw new FunctionError('resourceId: no resource name')
  const before = strs.slice(0, t)
  let sub = env?.subscriptionId ?? SUBSCRIPTION_PLACEHOLDER
  let rg = env?.resourceGroupName ?? RESOURCE_GROUP_PLACEHOLDER
  if (scope === 'rg') {
    if (before.length >= 2) [sub, rg] = before
    else if (before.length === 1) rg = before[0]
  } else if (before.length >= 1) sub = before[0]
  const [ns, ...types] = type.split('/')
  const segments = [ns]
  types.forEach((ty, i) => segments.push(ty, names[i] ?? ''))
  // `resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet/snet')` spells the names in one argument.
  if (names.length === 1 && types.length > 1) {
    const parts = names[0].split('/')
    segments.length = 1
    types.forEach((ty, i) => segments.push(ty, parts[i] ?? ''))
  }
  const provider = `providers/${segments.join('/')}`
  if (scope === 'tenant') return `/${provider}`
  if (scope === 'subscription') return `/subscriptions/${sub}/${provider}`
  return `/subscriptions/${sub}/resourceGroups/${rg}/${provider}`
}

const cidrFail =
  (fn: string) =>
  (message: string): Error =>
    new FunctionError(`${fn}: ${message}`)

const PLAIN: Record<string, Plain> = {
  format: ([fmt, ...rest]) => dotnetFormat(asString(fmt, 'format'), rest),
  tolower: ([s]) => asString(s, 'toLower').toLowerCase(),
  toupper: ([s]) => asString(s, 'toUpper').toUpperCase(),
  trim: ([s]) => asString(s, 'trim').trim(),
  replace: ([s, a, b]) => asString(s, 'replace').split(asString(a, 'replace')).join(asString(b, 'replace')),
  split: ([s, d]) => {
    const delims = Array.isArray(d) ? d.map((x) => asString(x, 'split')) : [asString(d, 'split')]
    let parts = [asString(s, 'split')]
    for (const delim of delims) parts = parts.flatMap((p) => p.split(delim))
    return parts
  },
  join: ([a, d]) => asArray(a, 'join').map(toArmString).join(asString(d, 'join')),
  string: ([x]) => toArmString(x),
  int: ([x]) => asInt(x, 'int'),
  float: ([x]) => Number(x),
  bool: ([x]) => (typeof x === 'string' ? x.trim().toLowerCase() === 'true' : Boolean(x)),
  json: ([s]) => {
    try {
      return parsePlain(asString(s, 'json'))
    } catch {
      throw new FunctionError('json: invalid JSON')
    }
  },
  true: () => true,
  false: () => false,
  null: () => null,
  equals: ([a, b]) => deepEqual(a, b),
  not: ([a]) => !need(typeof a === 'boolean', a, 'not: expected a bool'),
  less: ([a, b]) => (a as number) < (b as number),
  lessorequals: ([a, b]) => (a as number) <= (b as number),
  greater: ([a, b]) => (a as number) > (b as number),
  greaterorequals: ([a, b]) => (a as number) >= (b as number),
  add: ([a, b]) => asInt(a, 'add') + asInt(b, 'add'),
  sub: ([a, b]) => asInt(a, 'sub') - asInt(b, 'sub'),
  mul: ([a, b]) => asInt(a, 'mul') * asInt(b, 'mul'),
  div: ([a, b]) => Math.trunc(asInt(a, 'div') / need(asInt(b, 'div') !== 0, asInt(b, 'div'), 'div: by zero')),
  mod: ([a, b]) => asInt(a, 'mod') % need(asInt(b, 'mod') !== 0, asInt(b, 'mod'), 'mod: by zero'),
  min: (args) => Math.min(...(Array.isArray(args[0]) ? args[0] : args).map((x) => asInt(x, 'min'))),
  max: (args) => Math.max(...(Array.isArray(args[0]) ? args[0] : args).map((x) => asInt(x, 'max'))),
  range: ([s, c]) => {
    // ARM's own limit: a count up to 10,000 (range(0, 1e9) would allocate a billion numbers).
    const count = asInt(c, 'range')
    if (count < 0 || count > 10_000) throw new FunctionError('range: the count must be 0 to 10000')
    return Array.from({ length: count }, (_, i) => asInt(s, 'range') + i)
  },
  startswith: ([s, p]) =>
    asString(s, 'startsWith').toLowerCase().startsWith(asString(p, 'startsWith').toLowerCase()),
  endswith: ([s, p]) => asString(s, 'endsWith').toLowerCase().endsWith(asString(p, 'endsWith').toLowerCase()),
  indexof: ([s, p]) =>
    Array.isArray(s)
      ? s.findIndex((x) => deepEqual(x, p))
      : asString(s, 'indexOf').toLowerCase().indexOf(asString(p, 'indexOf').toLowerCase()),
  lastindexof: ([s, p]) =>
    Array.isArray(s)
      ? s.map((x) => deepEqual(x, p)).lastIndexOf(true)
      : asString(s, 'lastIndexOf').toLowerCase().lastIndexOf(asString(p, 'lastIndexOf').toLowerCase()),
  substring: ([s, start, len]) => {
    const str = asString(s, 'substring')
    const from = asInt(start ?? 0, 'substring')
    return len === undefined ? str.slice(from) : str.substr(from, asInt(len, 'substring'))
  },
  padleft: ([s, n, c]) =>
    toArmString(s).padStart(asInt(n, 'padLeft'), c === undefined ? ' ' : asString(c, 'padLeft')),
  contains: ([c, x]) => {
    if (typeof c === 'string') return c.includes(toArmString(x))
    if (Array.isArray(c)) return c.some((i) => deepEqual(i, x))
    if (isObj(c)) return Object.keys(c).some((k) => k.toLowerCase() === toArmString(x).toLowerCase())
    throw new FunctionError('contains: expected a string, array or object')
  },
  intersection: (args) => {
    if (args.every(Array.isArray))
      return (args[0] as unknown[]).filter((x) =>
        args.every((a) => (a as unknown[]).some((y) => deepEqual(x, y))),
      )
    if (args.every(isObj)) {
      const [first, ...rest] = args as Record<string, unknown>[]
      return Object.fromEntries(
        Object.entries(first).filter(([k, v]) => rest.every((o) => deepEqual(o[k], v))),
      )
    }
    throw new FunctionError('intersection: expected arrays or objects')
  },
  items: ([o]) =>
    Object.keys(need(isObj(o), o as Record<string, unknown>, 'items: expected an object'))
      .sort()
      .map((key) => ({ key, value: (o as Record<string, unknown>)[key] })),
  resourceid: (args, env) => resourceId(args, 'rg', env),
  subscriptionresourceid: (args, env) => resourceId(args, 'subscription', env),
  tenantresourceid: (args) => resourceId(args, 'tenant'),
  extensionresourceid: ([scope, ...rest]) =>
    `${asString(scope, 'extensionResourceId')}/${resourceId(rest, 'tenant').slice(1)}`,
  parsecidr: ([c]) => armParseCidr(asString(c, 'parseCidr'), cidrFail('parseCidr')),
  cidrsubnet: ([c, n, i]) =>
    armCidrSubnet(
      asString(c, 'cidrSubnet'),
      asInt(n, 'cidrSubnet'),
      asInt(i, 'cidrSubnet'),
      cidrFail('cidrSubnet'),
    ),
  cidrhost: ([c, i]) => armCidrHost(asString(c, 'cidrHost'), asInt(i, 'cidrHost'), cidrFail('cidrHost')),
}

function isEmpty(v: HclValue): boolean | undefined {
  switch (v.kind) {
    case 'null':
      return true
    case 'string':
      return v.value === ''
    case 'list':
      return v.items.length === 0
    case 'object':
      return Object.keys(v.attrs).length === 0
    default:
      return undefined
  }
}

function mergeObjects(
  a: Extract<HclValue, { kind: 'object' }>,
  b: Extract<HclValue, { kind: 'object' }>,
  site: Origin,
) {
  const attrs: Record<string, HclValue> = { ...a.attrs }
  // union() merges nested objects deeply (later wins for everything else).
  for (const [k, v] of Object.entries(b.attrs)) {
    const prev = attrs[k]
    attrs[k] = prev?.kind === 'object' && v.kind === 'object' ? mergeObjects(prev, v, site) : v
  }
  return { kind: 'object' as const, attrs, origin: site }
}

function tryGet([value, ...keys]: HclValue[], site: Origin, text: string): HclValue {
  let cur: HclValue | undefined = value
  for (const k of keys) {
    // An unknown value or key leaves the result unknown, not null: the step may well exist.
    if (cur?.kind === 'unknown') return unk(text, cur.reason, site)
    if (k?.kind === 'unknown') return unk(text, k.reason, site)
    if (cur?.kind === 'object' && k?.kind === 'string') cur = member(cur, k.value)
    else if (cur?.kind === 'list' && k?.kind === 'number') cur = cur.items[k.value]
    else cur = undefined
    if (cur === undefined) return { kind: 'null', origin: site }
  }
  return cur ?? { kind: 'null', origin: site }
}

const STRUCTURAL: Record<string, Structural> = {
  createarray: (args, site) => ({ kind: 'list', items: args, origin: site }),
  array: ([x], site) => (x.kind === 'list' ? x : { kind: 'list', items: [x], origin: site }),
  createobject: (args, site, _env, text) => {
    const attrs: Record<string, HclValue> = {}
    for (let i = 0; i + 1 < args.length; i += 2) {
      const key = args[i]
      if (key.kind === 'unknown') return unk(text, key.reason, site)
      if (key.kind !== 'string') throw new FunctionError('createObject: keys must be strings')
      attrs[key.value] = args[i + 1]
    }
    return { kind: 'object', attrs, origin: site }
  },
  concat: (args, site, _env, text) => {
    if (args.length > 0 && args.every((a) => a.kind === 'list' || a.kind === 'null'))
      return { kind: 'list', items: args.flatMap((a) => (a.kind === 'list' ? a.items : [])), origin: site }
    const u = args.find((a) => firstUnknown(a))
    if (u) return unk(text, firstUnknown(u)!.reason, site)
    return { kind: 'string', value: args.map((a) => toArmString(toPlain(a))).join(''), origin: site }
  },
  union: (args, site) => {
    if (args.every((a) => a.kind === 'object'))
      return args.reduce((acc, a) => mergeObjects(acc, a, site), { kind: 'object', attrs: {}, origin: site })
    if (args.every((a) => a.kind === 'list')) {
      const items: HclValue[] = []
      const seen: unknown[] = []
      for (const a of args)
        for (const item of a.items) {
          const p = firstUnknown(item) ? undefined : toPlain(item)
          if (p !== undefined && seen.some((s) => deepEqual(s, p))) continue
          if (p !== undefined) seen.push(p)
          items.push(item)
        }
      return { kind: 'list', items, origin: site }
    }
    throw new FunctionError(`union: expected arrays or objects, got ${args.map(describe).join(', ')}`)
  },
  length: ([x], site) => {
    if (x.kind === 'list') return { kind: 'number', value: x.items.length, origin: site }
    if (x.kind === 'object') return { kind: 'number', value: Object.keys(x.attrs).length, origin: site }
    if (x.kind === 'string') return { kind: 'number', value: x.value.length, origin: site }
    throw new FunctionError(`length: expected an array, object or string, got ${describe(x)}`)
  },
  empty: ([x], site) => {
    const e = isEmpty(x)
    if (e === undefined)
      throw new FunctionError(`empty: expected an array, object or string, got ${describe(x)}`)
    return { kind: 'bool', value: e, origin: site }
  },
  first: ([x], site) => {
    if (x.kind === 'list') return x.items[0] ?? { kind: 'null', origin: site }
    if (x.kind === 'string') return { kind: 'string', value: x.value.slice(0, 1), origin: site }
    throw new FunctionError(`first: expected an array or string, got ${describe(x)}`)
  },
  last: ([x], site) => {
    if (x.kind === 'list') return x.items[x.items.length - 1] ?? { kind: 'null', origin: site }
    if (x.kind === 'string') return { kind: 'string', value: x.value.slice(-1), origin: site }
    throw new FunctionError(`last: expected an array or string, got ${describe(x)}`)
  },
  skip: ([x, n], site) => {
    const count = asInt(toPlain(n), 'skip')
    if (x.kind === 'list') return { kind: 'list', items: x.items.slice(Math.max(0, count)), origin: site }
    if (x.kind === 'string') return { kind: 'string', value: x.value.slice(Math.max(0, count)), origin: site }
    throw new FunctionError('skip: expected an array or string')
  },
  take: ([x, n], site) => {
    const count = Math.max(0, asInt(toPlain(n), 'take'))
    if (x.kind === 'list') return { kind: 'list', items: x.items.slice(0, count), origin: site }
    if (x.kind === 'string') return { kind: 'string', value: x.value.slice(0, count), origin: site }
    throw new FunctionError('take: expected an array or string')
  },
  trygetvalue: ([o, k], site, _env, text) => tryGet([o, k], site, text),
  // tryGet(value, key or index, ...): the value at that path, null where a step is missing. AVM's
  // compiled templates use it for every optional setting (`tryGet(parameters('lock'), 'kind')`).
  tryget: (args, site, _env, text) => tryGet(args, site, text),
  environment: (_args, site, env) => {
    const attrs: Record<string, HclValue> = { name: { kind: 'string', value: env.cloud, origin: site } }
    for (const k of ['gallery', 'graph', 'portal', 'resourceManager', 'authentication', 'suffixes'])
      attrs[k] = unk(`environment().${k}`, `environment().${k} is not evaluated`, site)
    return { kind: 'object', attrs, origin: site }
  },
  resourcegroup: (_args, site, env) => {
    const sub = env.subscriptionId ?? SUBSCRIPTION_PLACEHOLDER
    const rg = env.resourceGroupName
    return {
      kind: 'object',
      attrs: {
        id: {
          kind: 'string',
          value: `/subscriptions/${sub}/resourceGroups/${rg ?? RESOURCE_GROUP_PLACEHOLDER}`,
          origin: site,
        },
        name:
          rg !== undefined
            ? { kind: 'string', value: rg, origin: site }
            : unk('resourceGroup().name', 'the resource group is chosen at deployment', site),
        location: unk('resourceGroup().location', 'the resource group is chosen at deployment', site),
        tags: unk('resourceGroup().tags', 'the resource group is chosen at deployment', site),
        type: { kind: 'string', value: 'Microsoft.Resources/resourceGroups', origin: site },
      },
      origin: site,
    }
  },
  subscription: (_args, site, env) => ({
    kind: 'object',
    attrs: {
      id: {
        kind: 'string',
        value: `/subscriptions/${env.subscriptionId ?? SUBSCRIPTION_PLACEHOLDER}`,
        origin: site,
      },
      subscriptionId: { kind: 'string', value: env.subscriptionId ?? SUBSCRIPTION_PLACEHOLDER, origin: site },
      tenantId: unk('subscription().tenantId', 'the subscription is chosen at deployment', site),
      displayName: unk('subscription().displayName', 'the subscription is chosen at deployment', site),
    },
    origin: site,
  }),
}

/** Functions that need their arguments fully known, by the unknown-propagation rule above. */
const STRICT_STRUCTURAL = new Set(['length', 'empty', 'skip', 'take', 'first', 'last'])

/**
 * Applies a function to evaluated arguments. Returns undefined when the function is not one we evaluate
 * (the caller turns that into an unknown naming it).
 */
export function applyFunction(
  name: string,
  args: HclValue[],
  site: Origin,
  env: FunctionEnv,
  text: string,
): HclValue | undefined {
  const key = name.toLowerCase()
  try {
    const s = STRUCTURAL[key]
    if (s) {
      // Unknown top-level arguments (the list itself unknown, not an item of it) make these unknown.
      if (STRICT_STRUCTURAL.has(key) || key === 'union' || key === 'array') {
        const u = args.find((a) => a.kind === 'unknown')
        if (u && u.kind === 'unknown')
          return unk(text, u.reason, site, key === 'first' || key === 'last' ? u.ref : undefined)
      }
      return s(args, site, env, text)
    }
    const p = PLAIN[key]
    if (!p) return undefined
    for (const a of args) {
      const u = firstUnknown(a)
      if (u) return key === 'format' ? formatParts(args, text, u, site) : unk(text, u.reason, site)
    }
    return fromPlain(p(args.map(toPlain), env), site)
  } catch (e) {
    if (e instanceof FunctionError) return unk(text, e.message, site)
    throw e
  }
}
