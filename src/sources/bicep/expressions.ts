/**
 * Evaluates Bicep expressions of one template instance to values or symbols (see symbols.ts): literals,
 * strings with interpolations, member and index access on values, resources and modules, operators,
 * built-in and user-defined function calls, lambdas and `[for ...]` loops. Declarations are the template's
 * (template.ts) and reached through `Scope`, so this file does not import the template. Whatever cannot be
 * known before deployment becomes an unknown value that says why.
 */
import type { CloudName } from '../../kms/catalogue'
import type { Origin } from '../../model/value'
import { sizeOf, spend } from '../evaluation/budget'
import { callBuiltin } from './functions'
import { binary } from './operators'
import { idOf, resourceMember, rpathUnknown, withAzureIds } from './resource-refs'
import { decodeEscape, decodeStringParts, isMultiline, literalString } from './string-literals'
import { isSym, type Decl, type Env, type ModuleInst, type ResourceInst, type Sym, type Val } from './symbols'
import { broken, field, hasToken, identifierOf, kids, originOf, valueAfterEquals, type Node } from './syntax'
import {
  at,
  child,
  deepAt,
  derived,
  scalarText,
  vBool,
  vList,
  vNull,
  vNum,
  vObj,
  vStr,
  vUnknown,
  type V,
  type VObject,
  type VUnknown,
} from './values'

/** What expressions read from the template they are written in. */
export interface Scope {
  /** The declaration `key` (a name, or `parent::child` for a nested resource), if the template has one. */
  declaration(key: string): Decl | undefined
  /** The value or symbol of a declaration, evaluated once. */
  symbol(key: string): Val
}

export class Expressions {
  constructor(
    private readonly scope: Scope,
    /** The template's file: the origin of every value. */
    private readonly file: string,
    /** The cloud the deployment is judged under (`environment()` and friends). */
    private readonly cloud: CloudName,
  ) {}

  origin(node: Node): Origin {
    return originOf(this.file, node)
  }

  /**
   * Evaluates an object literal; keys listed in `skip` are handed back unevaluated in `special`. A spread
   * `...obj` adds obj's properties in place; one whose value is unknown goes to `unknownSpread` (the
   * caller makes the whole object unknown) or, in a resource or module body, makes `properties` unknown
   * unless they are written after it.
   */
  evalObject(
    node: Node,
    env: Env,
    skip: string[],
    special: Record<string, Node>,
    unknownSpread?: VUnknown[],
  ): VObject {
    const attrs: Record<string, V> = {}
    for (const prop of kids(node)) {
      if (prop.type === 'spread') {
        const site = this.origin(prop)
        const v = toV(this.ev(kids(prop)[0], { ...env, site }), { ...env, site })
        if (v.kind === 'object') Object.assign(attrs, v.attrs)
        else if (v.kind === 'unknown' && unknownSpread) unknownSpread.push(v)
        else if (v.kind === 'unknown') attrs.properties = derived(prop.text, v, site)
        else if (v.kind !== 'null')
          attrs.properties = vUnknown(prop.text, 'spread of a value that is not an object', site)
        continue
      }
      if (prop.type !== 'object_property') continue
      const parts = kids(prop)
      if (parts.some((p) => p.type === 'resource_declaration')) continue
      const keyNode = parts[0]
      const valueNode = parts[parts.length - 1]
      if (!keyNode || !valueNode || parts.length < 2) continue
      const key = keyNode.type === 'string' ? (literalString(keyNode) ?? keyNode.text) : keyNode.text
      if (skip.includes(key)) {
        special[key] = valueNode
        continue
      }
      const site = this.origin(prop)
      const propEnv = { ...env, site }
      attrs[key] = at(toV(this.ev(valueNode, propEnv), propEnv), site)
    }
    return vObj(attrs, this.origin(node))
  }

  ev(node: Node, env: Env): Val {
    const origin = this.origin(node)
    if (broken(node)) return vUnknown(node.text, 'syntax error', origin)
    switch (node.type) {
      case 'string':
        return this.evalString(node, env)
      case 'number':
        return vNum(Number(node.text), origin)
      case 'boolean':
        return vBool(node.text === 'true', origin)
      case 'null':
        return vNull(origin)
      case 'array': {
        const items: V[] = []
        for (const k of kids(node)) {
          if (k.type !== 'spread') {
            items.push(at(toV(this.ev(k, env), env), this.origin(k)))
            continue
          }
          // `...list`: its items, in place; an unknown list leaves the whole array unknown.
          const spread = toV(this.ev(kids(k)[0], env), env)
          if (spread.kind === 'list') items.push(...spread.items)
          else if (spread.kind === 'unknown') return derived(node.text, spread, origin)
          else return vUnknown(node.text, 'spread of a value that is not an array', origin)
        }
        return vList(items, origin)
      }
      case 'object': {
        const unknownSpread: VUnknown[] = []
        const obj = this.evalObject(node, env, [], {}, unknownSpread)
        return unknownSpread.length > 0 ? derived(node.text, unknownSpread[0], origin) : obj
      }
      case 'parenthesized_expression': {
        const inner = kids(node)
        return inner.length === 1
          ? this.ev(inner[0], env)
          : vUnknown(node.text, 'unsupported expression', origin)
      }
      case 'identifier':
        return this.lookup(node.text, env, origin)
      case 'member_expression':
        return this.member(node, env)
      case 'subscript_expression':
        return this.subscript(node, env)
      case 'resource_expression': {
        const obj = field(node, 'object')
        const res = field(node, 'resource')
        const key = `${obj?.text ?? ''}::${res?.text ?? ''}`
        const d = this.scope.declaration(key)
        return d ? this.scope.symbol(key) : vUnknown(node.text, `no nested resource ${key}`, origin)
      }
      case 'call_expression':
        return this.call(node, env)
      case 'binary_expression':
        return binary(
          node.tokens![0],
          () => toV(this.ev(field(node, 'left')!, env), env),
          () => toV(this.ev(field(node, 'right')!, env), env),
          node.text,
          origin,
        )
      case 'unary_expression': {
        const op = node.tokens![0]
        const arg = toV(this.ev(field(node, 'argument')!, env), env)
        if (arg.kind === 'unknown') return derived(node.text, arg, origin)
        if (op === '!' && arg.kind === 'bool') return vBool(!arg.value, origin)
        if (op === '-' && arg.kind === 'number') return vNum(-arg.value, origin)
        return vUnknown(node.text, `type error: ${op} on ${arg.kind}`, origin)
      }
      case 'ternary_expression': {
        const cond = toV(this.ev(field(node, 'condition')!, env), env)
        if (cond.kind === 'unknown') return derived(node.text, cond, origin)
        if (cond.kind !== 'bool') return vUnknown(node.text, 'condition is not a boolean', origin)
        return this.ev(field(node, cond.value ? 'consequence' : 'alternative')!, env)
      }
      case 'lambda_expression': {
        const head = field(node, 'parameters')!
        const params = head.type === 'identifier' ? [head.text] : kids(head).map((k) => k.text)
        return { sym: 'lambda', params, body: field(node, 'body')!, env }
      }
      case 'for_statement': {
        const items = this.loop(node, env, (body, loopEnv) => this.loopBody(body, loopEnv))
        if (!Array.isArray(items)) return items
        return vList(
          items.filter((i): i is V => i !== undefined),
          origin,
        )
      }
      default:
        return vUnknown(node.text, `unsupported expression (${node.type})`, origin)
    }
  }

  private loopBody(body: Node, env: Env): V | undefined {
    if (body.type === 'if_statement') {
      const [condNode, obj] = kids(body)
      const cond = toV(this.ev(condNode, env), env)
      if (cond.kind === 'bool' && !cond.value) return undefined
      if (cond.kind !== 'bool')
        return vUnknown(body.text, 'loop filter cannot be evaluated', this.origin(body))
      return toV(this.ev(obj, env), env)
    }
    return at(toV(this.ev(body, env), env), this.origin(body))
  }

  /**
   * Runs a `[for ...]`: the collection must be a known array (or a resource/module collection); an unknown
   * collection makes the whole result unknown, since even its length is not known.
   */
  loop<T>(node: Node, env: Env, each: (body: Node, env: Env, index: number) => T): T[] | VUnknown {
    const origin = this.origin(node)
    const collNode = field(node, 'collection')
    const body = field(node, 'body')
    const head = field(node, 'variable')
    if (!collNode || !body || !head) return vUnknown(node.text, 'malformed loop', origin)
    let itemName = head.text
    let indexName: string | undefined
    if (head.type === 'for_loop_parameters') {
      itemName = kids(head).find((k) => k.type === 'loop_variable')?.text ?? ''
      indexName = kids(head).find((k) => k.type === 'loop_enumerator')?.text
    }
    const coll = this.ev(collNode, env)
    let elements: Val[]
    if (isSym(coll) && (coll.sym === 'resources' || coll.sym === 'modules')) {
      if (!Array.isArray(coll.list)) return derived(node.text, coll.list, origin)
      elements = coll.list.map((x) =>
        coll.sym === 'resources'
          ? { sym: 'resource', r: x as ResourceInst }
          : { sym: 'module', m: x as ModuleInst },
      )
    } else {
      const v = toV(coll, env)
      if (v.kind === 'unknown') return derived(node.text, v, origin)
      if (v.kind !== 'list') return vUnknown(node.text, 'loop over a value that is not an array', origin)
      elements = v.items
    }
    // Nested loops of 1,000 elements make 10^9 values: each element is spent from the unit's budget.
    spend(elements.length, origin)
    return elements.map((el, i) => {
      const locals = new Map(env.locals ?? [])
      locals.set(itemName, el)
      if (indexName) locals.set(indexName, vNum(i, origin))
      return each(body, { ...env, locals }, i)
    })
  }

  private lookup(name: string, env: Env, origin: Origin): Val {
    const local = env.locals?.get(name)
    if (local !== undefined) return local
    const d = this.scope.declaration(name)
    if (d && (d.kind === 'param' || d.kind === 'var' || d.kind === 'resource' || d.kind === 'module')) {
      const v = this.scope.symbol(name)
      // A parameter's value belongs to the property that uses it (see deepAt).
      if (d.kind === 'param' && !isSym(v)) return deepAt(v, env.site)
      return v
    }
    if (name === 'az' || name === 'sys') return { sym: 'namespace', name }
    return vUnknown(name, `unknown symbol ${name}`, origin)
  }

  private member(node: Node, env: Env): Val {
    const origin = this.origin(node)
    const objNode = field(node, 'object')!
    const prop = field(node, 'property')?.text ?? ''
    const safe = hasToken(node, '.?')
    const obj = this.ev(objNode, env)
    return this.access(obj, prop, safe, node.text, origin)
  }

  /** `x[i]`; `obj` (with the expression's text and origin) when the object was evaluated already. */
  private subscript(node: Node, env: Env, given?: Val, text = node.text, origin = this.origin(node)): Val {
    const obj = given ?? this.ev(field(node, 'object')!, env)
    const index = toV(this.ev(field(node, 'index')!, env), env)
    const safe = hasToken(node, '?')
    if (index.kind === 'unknown') return derived(text, index, origin)
    if (isSym(obj) && (obj.sym === 'resources' || obj.sym === 'modules')) {
      if (!Array.isArray(obj.list)) return derived(text, obj.list, origin)
      const el = index.kind === 'number' ? obj.list[index.value] : undefined
      if (!el) return vUnknown(text, 'index out of range', origin)
      return obj.sym === 'resources'
        ? { sym: 'resource', r: el as ResourceInst }
        : { sym: 'module', m: el as ModuleInst }
    }
    if (index.kind === 'number') return this.access(obj, index.value, safe, text, origin)
    if (index.kind === 'string') return this.access(obj, index.value, safe, text, origin)
    return vUnknown(text, 'index is not a number or string', origin)
  }

  /** `x.prop` and `x[i]` on values and symbols. */
  private access(obj: Val, key: string | number, safe: boolean, expression: string, origin: Origin): Val {
    if (isSym(obj)) {
      switch (obj.sym) {
        case 'resource':
          return resourceMember(obj.r, key, origin)
        case 'rpath': {
          const seg = typeof key === 'number' ? `[${key}]` : `.${key}`
          return {
            sym: 'rpath',
            r: obj.r,
            path: obj.path + seg,
            value: obj.value ? child(obj.value, key) : undefined,
          }
        }
        case 'module': {
          if (key === 'name') return obj.m.name
          if (key !== 'outputs')
            return vUnknown(expression, `module property ${key} is not evaluated`, origin)
          return obj.m.outputsUnknown ?? vObj(obj.m.outputs, origin)
        }
        case 'namespace':
          return { sym: 'namespace', name: `${obj.name}.${key}` }
        default:
          return vUnknown(expression, 'cannot access a property of a collection', origin)
      }
    }
    if (obj.kind === 'unknown') {
      const seg = typeof key === 'number' ? `[${key}]` : `.${key}`
      const ref = obj.ref ? { resource: obj.ref.resource, attribute: obj.ref.attribute + seg } : undefined
      return vUnknown(expression, obj.reason, origin, ref)
    }
    if (obj.kind === 'null' && safe) return vNull(origin)
    const c = child(obj, key)
    if (c !== undefined) return c
    if (safe) return vNull(origin)
    return vUnknown(expression, `${typeof key === 'number' ? 'index' : 'property'} ${key} not found`, origin)
  }

  private evalString(node: Node, env: Env): V {
    const origin = this.origin(node)
    if (isMultiline(node)) return vStr(decodeStringParts(node), origin)
    const parts: (string | V)[] = []
    for (const k of kids(node)) {
      if (k.type === 'string_content') parts.push(k.text)
      else if (k.type === 'escape_sequence') parts.push(decodeEscape(k.text))
      else if (k.type === 'interpolation') {
        const inner = kids(k)[0]
        parts.push(inner ? toV(this.ev(inner, env), env) : vUnknown(k.text, 'empty interpolation', origin))
      }
    }
    const unknowns = parts.filter((p): p is VUnknown => typeof p !== 'string' && p.kind === 'unknown')
    if (unknowns.length === 0) {
      return vStr(parts.map((p) => (typeof p === 'string' ? p : scalarText(p))).join(''), origin)
    }
    // `'${vnet.id}/subnets/app'`: still a reference, to the child with that model id.
    const [head, ...rest] = parts
    if (
      unknowns.length === 1 &&
      head === unknowns[0] &&
      head.ref?.attribute === 'id' &&
      rest.every((p) => typeof p === 'string' || p.kind === 'string')
    ) {
      const tail = rest.map((p) => (typeof p === 'string' ? p : scalarText(p))).join('')
      if (/^\/[A-Za-z]+\/[^/]+$/.test(tail))
        return vUnknown(node.text, head.reason, origin, {
          resource: head.ref.resource + tail,
          attribute: 'id',
        })
    }
    return { ...derived(node.text, unknowns[0], origin), parts }
  }

  private call(node: Node, env: Env): Val {
    const origin = this.origin(node)
    const fnNode = field(node, 'function')!
    let name = fnNode.text
    if (fnNode.type === 'member_expression') {
      const ns = field(fnNode, 'object')?.text
      const prop = field(fnNode, 'property')?.text ?? ''
      if (ns === 'az' || ns === 'sys') name = prop
      else return vUnknown(node.text, `function ${fnNode.text} is not evaluated`, origin)
    }
    const argsNode = field(node, 'arguments')
    const argNodes = argsNode ? kids(argsNode) : []
    const args = argNodes.map((a) => this.ev(a, env))
    const lower = name.toLowerCase()
    const lambdaResult = this.lambdaCall(lower, args, node, env)
    if (lambdaResult) return lambdaResult
    const values = args.map((a) => toV(a, env))
    const builtin = callBuiltin(name, values, { expression: node.text, origin, cloud: this.cloud })
    if (builtin) spend(sizeOf(builtin), origin)
    if (builtin) return builtin
    const udf = this.scope.declaration(name)
    if (udf?.kind === 'func') return this.callUdf(udf, values, env, node)
    return vUnknown(node.text, `function ${name} is not evaluated`, origin)
  }

  private callUdf(d: Decl, args: V[], env: Env, call: Node): V {
    const params = kids(field(d.node, 'parameters') ?? d.node)
      .filter((k) => k.type === 'parameter')
      .map((p) => identifierOf(p))
    const body = valueAfterEquals(d.node) ?? kids(d.node).pop()
    const lambdaBody = kids(d.node).find(
      (k) => k.type !== 'identifier' && k.type !== 'parameters' && k.type !== 'type',
    )
    const expr = body ?? lambdaBody
    if (!expr) return vUnknown(call.text, `function ${d.name} has no body`, this.origin(call))
    const locals = new Map<string, Val>()
    params.forEach((p, i) => locals.set(p, args[i] ?? vNull(env.site)))
    return toV(this.ev(expr, { locals, site: env.site }), env)
  }

  private applyLambda(l: Extract<Sym, { sym: 'lambda' }>, args: Val[]): V {
    const locals = new Map(l.env.locals ?? [])
    l.params.forEach((p, i) => locals.set(p, args[i] ?? vNull(l.env.site)))
    const env = { ...l.env, locals }
    return toV(this.ev(l.body, env), env)
  }

  /** map, filter, reduce, toObject, mapValues: the built-ins that take lambdas. */
  private lambdaCall(fn: string, args: Val[], node: Node, env: Env): V | undefined {
    const lambda = args.find((a): a is Extract<Sym, { sym: 'lambda' }> => isSym(a) && a.sym === 'lambda')
    if (!lambda) return undefined
    const origin = this.origin(node)
    const first = toV(args[0], env)
    if (first.kind === 'unknown') return derived(node.text, first, origin)
    const list = first.kind === 'list' ? first.items : undefined
    switch (fn) {
      case 'map':
        if (!list) break
        return vList(
          list.map((x, i) => this.applyLambda(lambda, [x, vNum(i, origin)])),
          origin,
        )
      case 'filter': {
        if (!list) break
        const out: V[] = []
        for (const [i, x] of list.entries()) {
          const keep = this.applyLambda(lambda, [x, vNum(i, origin)])
          if (keep.kind === 'unknown') return derived(node.text, keep, origin)
          if (keep.kind === 'bool' && keep.value) out.push(x)
        }
        return vList(out, origin)
      }
      case 'reduce': {
        if (!list) break
        let acc = toV(args[1], env)
        list.forEach((x, i) => (acc = this.applyLambda(lambda, [acc, x, vNum(i, origin)])))
        return acc
      }
      case 'toobject': {
        if (!list) break
        const valueLambda = args[2] && isSym(args[2]) && args[2].sym === 'lambda' ? args[2] : undefined
        const attrs: Record<string, V> = {}
        for (const x of list) {
          const k = this.applyLambda(lambda, [x])
          if (k.kind !== 'string') return k.kind === 'unknown' ? derived(node.text, k, origin) : undefined
          attrs[k.value] = valueLambda ? this.applyLambda(valueLambda, [x]) : x
        }
        return vObj(attrs, origin)
      }
      case 'mapvalues': {
        if (first.kind !== 'object') break
        const attrs: Record<string, V> = {}
        for (const [k, x] of Object.entries(first.attrs)) attrs[k] = this.applyLambda(lambda, [x])
        return vObj(attrs, origin)
      }
    }
    return vUnknown(node.text, `function ${fn} is not evaluated`, origin)
  }
}

/** A symbol as a plain value: resources become their (unknown) id, the way ARM serialises them. */
export function toV(v: Val, env: Env): V {
  if (!isSym(v)) return v
  switch (v.sym) {
    case 'resource':
      return idOf(v.r, env.site)
    case 'resources':
      return Array.isArray(v.list)
        ? vList(
            v.list.map((r) => idOf(r, env.site)),
            env.site,
          )
        : v.list
    case 'rpath':
      return v.value ? withAzureIds(v.r, v.path, v.value, env.site) : rpathUnknown(v.r, v.path, env.site)
    case 'module':
    case 'modules':
      return vUnknown(v.sym === 'module' ? v.m.address : v.expression, 'a module is not a value', env.site)
    case 'lambda':
      return vUnknown('lambda', 'a lambda is not a value', env.site)
    case 'namespace':
      return vUnknown(v.name, 'a namespace is not a value', env.site)
  }
}
