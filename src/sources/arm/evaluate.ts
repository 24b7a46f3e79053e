/**
 * Evaluates ARM template language expressions against a scope (parameters, variables, copy loops,
 * resources of the template). Functions that read the deployment's scope (`parameters`, `copyIndex`,
 * `reference`...) are handled here; the rest are in functions.ts.
 */
import type { CloudName } from '../../kms/catalogue'
import type { Origin } from '../../model/value'
import type { HclValue } from '../evaluation/evaluated'
import { ExpressionError, expressionText, parseExpression, type Expr } from './expression'
import { applyFunction } from './functions'
import { at, member, unk, type Unk } from './values'
import { sizeOf, spend } from '../evaluation/budget'

/** What an expression can see. Implemented by the template walker. */
export interface Scope {
  cloud: CloudName
  /** undefined = no such parameter. */
  parameter(name: string): HclValue | undefined
  /** undefined = no such variable. */
  variable(name: string): HclValue | undefined
  /**
   * The index of a copy loop (undefined name = the enclosing resource loop); a string is why it is unknown.
   */
  copyIndex(loop: string | undefined): number | string
  /**
   * `reference(target)`: the outputs of a nested deployment of the scan, or an unknown with a ref to the
   * resource when it is one of the scan's.
   */
  reference(target: HclValue, full: boolean, site: Origin, text: string): HclValue
  /** Symbolic-name templates: `resourceInfo('rt')` (id, name, type). */
  resourceInfo?(symbol: string, site: Origin): HclValue | undefined
}

/** Functions that read the deployment at run time: their results are never known before deployment. */
const DEPLOYMENT_TIME =
  /^(list[a-z]*|reference|pickzones|providers|newguid|utcnow|guid|uniquestring|deployment|tenant|managementgroup)$/i

const cache = new Map<string, Expr | ExpressionError>()

function parsed(src: string): Expr | ExpressionError {
  let e = cache.get(src)
  if (e === undefined) {
    try {
      e = parseExpression(src)
    } catch (err) {
      if (!(err instanceof ExpressionError)) throw err
      e = err
    }
    if (cache.size > 20000) cache.clear()
    cache.set(src, e)
  }
  return e
}

/**
 * A JSON string of a template: a literal, or an expression evaluated in the scope. The result, known or
 * not, is placed at `site` (the string's lines); an unknown result names the whole expression as written.
 */
export function evaluateString(s: string, site: Origin, scope: Scope): HclValue {
  const t = expressionText(s)
  if ('literal' in t) return { kind: 'string', value: t.literal, origin: site }
  const expr = parsed(t.expression)
  if (expr instanceof ExpressionError) return unk(s, `cannot parse expression: ${expr.message}`, site)
  const v = at(new Evaluator(scope, site).eval(expr), site)
  return v.kind === 'unknown' ? { ...v, expression: s } : v
}

/** ARM's lambda functions: the arguments (from the first) that are lambdas (template-functions-lambda). */
const LAMBDA_FUNCTIONS: Record<string, number> = {
  filter: 1,
  map: 1,
  sort: 1,
  groupby: 1,
  mapvalues: 1,
  reduce: 2,
  toobject: 1,
}

class Evaluator {
  constructor(
    private readonly scope: Scope,
    private readonly site: Origin,
    /** The lambda variables in scope (`lambdaVariables('x')`), by name. */
    private readonly vars: ReadonlyMap<string, HclValue> = new Map(),
  ) {}

  eval(e: Expr): HclValue {
    switch (e.k) {
      case 'str':
        return { kind: 'string', value: e.value, origin: this.site }
      case 'num':
        return { kind: 'number', value: e.value, origin: this.site }
      case 'prop':
        return this.access(this.eval(e.target), e.name, e.text, `.${e.name}`)
      case 'index': {
        const target = this.eval(e.target)
        const index = this.eval(e.index)
        if (index.kind === 'unknown') return unk(e.text, index.reason, this.site)
        if (index.kind === 'number') return this.item(target, index.value, e.text)
        if (index.kind === 'string') return this.access(target, index.value, e.text, `['${index.value}']`)
        return unk(e.text, `cannot index with a ${index.kind}`, this.site)
      }
      case 'call':
        return this.call(e)
    }
  }

  /**
   * filter, map, sort, groupBy, mapValues, reduce, toObject with their lambdas (`lambda('x', 'i', body)`:
   * the variables, the item's index optional, then the body), as Microsoft's ARM template lambda functions
   * document them. An unknown collection, or a lambda result that decides the shape (a filter's bool, a
   * sort's order, a key) and is unknown, makes the result unknown with its reason; map keeps an unknown
   * item where it is.
   */
  private lambdaCall(e: Extract<Expr, { k: 'call' }>, name: string): HclValue {
    const site = this.site
    const lambdas: { params: string[]; body: Expr }[] = []
    for (const a of e.args.slice(LAMBDA_FUNCTIONS[name])) {
      if (a.k !== 'call' || a.name.toLowerCase() !== 'lambda' || a.args.length < 2)
        return unk(e.text, `${e.name}() needs a lambda`, site)
      const params = a.args.slice(0, -1).map((p) => (p.k === 'str' ? p.value : undefined))
      if (params.some((p) => p === undefined)) return unk(e.text, 'lambda variables must be strings', site)
      lambdas.push({ params: params as string[], body: a.args.at(-1)! })
    }
    if (lambdas.length === 0) return unk(e.text, `${e.name}() needs a lambda`, site)
    const apply = (l: (typeof lambdas)[number], values: HclValue[]): HclValue => {
      const vars = new Map(this.vars)
      l.params.forEach((p, i) => {
        if (values[i] !== undefined) vars.set(p, values[i])
      })
      return new Evaluator(this.scope, site, vars).eval(l.body)
    }
    const input = this.eval(e.args[0]!)
    if (input.kind === 'unknown') return unk(e.text, input.reason, site)
    const index = (i: number): HclValue => ({ kind: 'number', value: i, origin: site })
    const [fn, second] = lambdas
    if (name === 'mapvalues') {
      if (input.kind !== 'object') return unk(e.text, 'mapValues() needs an object', site)
      const attrs: Record<string, HclValue> = {}
      for (const [k, v] of Object.entries(input.attrs)) attrs[k] = apply(fn!, [v])
      return { kind: 'object', attrs, origin: site }
    }
    if (input.kind !== 'list') return unk(e.text, `${e.name}() needs an array`, site)
    const items = input.items
    switch (name) {
      case 'map':
        return { kind: 'list', items: items.map((x, i) => apply(fn!, [x, index(i)])), origin: site }
      case 'filter': {
        const kept: HclValue[] = []
        for (const [i, x] of items.entries()) {
          const keep = apply(fn!, [x, index(i)])
          if (keep.kind === 'unknown') return unk(e.text, keep.reason, site)
          if (keep.kind !== 'bool') return unk(e.text, 'the lambda of filter() must return a bool', site)
          if (keep.value) kept.push(x)
        }
        return { kind: 'list', items: kept, origin: site }
      }
      case 'reduce': {
        let acc = this.eval(e.args[1]!)
        for (const [i, x] of items.entries()) acc = apply(fn!, [acc, x, index(i)])
        return acc.kind === 'unknown' ? unk(e.text, acc.reason, site) : acc
      }
      case 'sort': {
        let why: string | undefined
        const sorted = [...items].sort((a, b) => {
          if (why !== undefined) return 0
          const less = apply(fn!, [a, b])
          if (less.kind === 'bool') return less.value ? -1 : apply(fn!, [b, a]).kind === 'bool' ? 1 : 0
          why =
            less.kind === 'unknown' ? (less.reason ?? 'unknown') : 'the lambda of sort() must return a bool'
          return 0
        })
        return why !== undefined ? unk(e.text, why, site) : { kind: 'list', items: sorted, origin: site }
      }
      case 'groupby':
      case 'toobject': {
        const attrs: Record<string, HclValue> = {}
        for (const x of items) {
          const key = apply(fn!, [x])
          if (key.kind === 'unknown') return unk(e.text, key.reason, site)
          if (key.kind !== 'string')
            return unk(e.text, `the key lambda of ${e.name}() must return a string`, site)
          if (name === 'groupby') {
            const group = attrs[key.value]
            attrs[key.value] = {
              kind: 'list',
              items: [...(group?.kind === 'list' ? group.items : []), x],
              origin: site,
            }
          } else attrs[key.value] = second ? apply(second, [x]) : x
        }
        return { kind: 'object', attrs, origin: site }
      }
    }
    return unk(e.text, `function ${e.name}() is not evaluated`, site)
  }

  /** Property of an object. On an unknown with a ref (a `reference()`), the ref's attribute path grows. */
  private access(target: HclValue, name: string, text: string, step: string): HclValue {
    if (target.kind === 'unknown') return this.deeper(target, text, step)
    if (target.kind === 'object')
      return member(target, name) ?? unk(text, `the object has no property "${name}"`, this.site)
    return unk(text, `cannot read property "${name}" of a ${target.kind}`, this.site)
  }

  private item(target: HclValue, index: number, text: string): HclValue {
    if (target.kind === 'unknown') return this.deeper(target, text, `[${index}]`)
    if (target.kind === 'list')
      return target.items[index] ?? unk(text, `index ${index} is out of range`, this.site)
    if (target.kind === 'string' && index < target.value.length)
      return { kind: 'string', value: target.value[index], origin: this.site }
    return unk(text, `cannot index a ${target.kind}`, this.site)
  }

  private deeper(u: Unk, text: string, step: string): Unk {
    if (!u.ref) return unk(text, u.reason, this.site)
    const attribute = u.ref.attribute === '' ? step.replace(/^\./, '') : `${u.ref.attribute}${step}`
    return unk(text, u.reason, this.site, { resource: u.ref.resource, attribute })
  }

  private call(e: Extract<Expr, { k: 'call' }>): HclValue {
    const name = e.name.toLowerCase()
    const site = this.site
    switch (name) {
      case 'parameters':
      case 'variables': {
        const key = this.eval(e.args[0] ?? { k: 'str', value: '', text: "''" })
        if (key.kind === 'unknown') return unk(e.text, key.reason, site)
        if (key.kind !== 'string') return unk(e.text, `${e.name}() needs a name`, site)
        const v = name === 'parameters' ? this.scope.parameter(key.value) : this.scope.variable(key.value)
        return (
          v ??
          unk(e.text, `no ${name === 'parameters' ? 'parameter' : 'variable'} named "${key.value}"`, site)
        )
      }
      case 'copyindex': {
        let loop: string | undefined
        let offset = 0
        for (const a of e.args.map((x) => this.eval(x))) {
          if (a.kind === 'string') loop = a.value
          else if (a.kind === 'number') offset = a.value
          else if (a.kind === 'unknown') return unk(e.text, a.reason, site)
        }
        const i = this.scope.copyIndex(loop)
        return typeof i === 'number'
          ? { kind: 'number', value: i + offset, origin: site }
          : unk(e.text, i, site)
      }
      case 'if': {
        const c = this.eval(e.args[0])
        if (c.kind === 'bool') return this.eval(e.args[c.value ? 1 : 2])
        if (c.kind === 'unknown') return unk(e.text, c.reason, site)
        return unk(e.text, 'if() needs a bool condition', site)
      }
      case 'and':
      case 'or': {
        // Short-circuit on a deciding known operand even when another operand is unknown.
        const decisive = name === 'or'
        let pending: Unk | undefined
        for (const a of e.args) {
          const v = this.eval(a)
          if (v.kind === 'bool') {
            if (v.value === decisive) return { kind: 'bool', value: decisive, origin: site }
          } else if (v.kind === 'unknown') pending ??= v
          else return unk(e.text, `${e.name}() needs bool operands`, site)
        }
        return pending ? unk(e.text, pending.reason, site) : { kind: 'bool', value: !decisive, origin: site }
      }
      case 'coalesce': {
        for (const a of e.args) {
          const v = this.eval(a)
          if (v.kind === 'unknown') return unk(e.text, v.reason, site, v.ref)
          if (v.kind !== 'null') return v
        }
        return { kind: 'null', origin: site }
      }
      case 'reference': {
        const target = this.eval(e.args[0] ?? { k: 'str', value: '', text: "''" })
        const full = e.args.length >= 3 && /^'full'$/i.test(e.args[2].text)
        return this.scope.reference(target, full, site, e.text)
      }
      case 'lambdavariables': {
        const key = e.args[0]?.k === 'str' ? e.args[0].value : undefined
        const v = key !== undefined ? this.vars.get(key) : undefined
        return v ?? unk(e.text, `lambdaVariables() outside a lambda that declares ${key ?? 'it'}`, site)
      }
      case 'lambda':
        return unk(e.text, 'a lambda is only a value as the argument of filter(), map() and the like', site)
      case 'resourceinfo': {
        const sym = e.args[0]?.k === 'str' ? e.args[0].value : undefined
        const info = sym !== undefined ? this.scope.resourceInfo?.(sym, site) : undefined
        return info ?? unk(e.text, 'resourceInfo() of a resource not in this template', site)
      }
    }
    if (Object.hasOwn(LAMBDA_FUNCTIONS, name)) {
      const v = this.lambdaCall(e, name)
      spend(sizeOf(v), site)
      return v
    }
    if (DEPLOYMENT_TIME.test(name)) return unk(e.text, `function ${e.name}() is resolved at deployment`, site)
    const args = e.args.map((a) => this.eval(a))
    const v = applyFunction(e.name, args, site, this.scope, e.text)
    if (!v) return unk(e.text, `function ${e.name}() is not evaluated`, site)
    // concat(x, x) over variables doubles a value per step: what a function makes is spent.
    spend(sizeOf(v), site)
    return v
  }
}
