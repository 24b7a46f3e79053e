/**
 * Evaluates one HCL expression to a value, given a context that resolves references.
 *
 * What is not known statically becomes `unknown` (never an exception out of here, except EvalError for
 * invalid operations, which the attribute-level caller turns into an unknown and which try()/can() catch).
 * References into resource instances keep a ResourceRef so the adapters can link a route to its firewall.
 */
import type { Origin, ResourceRef } from '../../model/value'
import type { HclExpr, HclExprOf, HclStep, HclTemplatePart } from './hcl-ast'
import { builtin } from './functions'
import { parseTemplateText } from './hcl-native'
import { sizeOf, spend } from '../evaluation/budget'
import {
  asBool,
  asNumber,
  asString,
  bool,
  equals,
  EvalError,
  known,
  list,
  num,
  nul,
  obj,
  sortedKeys,
  stamp,
  stampAt,
  str,
  typeName,
  UnknownHit,
  unknownVal,
  type Val,
  type ValOf,
} from './values'

/** Names bound by for expressions, dynamic block iterators, count and each; innermost first. */
export interface Binding {
  name: string
  value: Val
  next?: Binding
}

/** What an expression can refer to besides its bindings: the module instance it is evaluated in. */
export interface Env {
  /**
   * Resolves a reference whose first name is `name` (var, local, module, data, path, terraform, a resource
   * type, ...). May consume some of the following traversal steps; returns how many.
   */
  lookup(name: string, steps: HclStep[], ctx: Ctx, e: HclExpr): { value: Val; used: number }
  /** file()/fileexists(): the file's text, or undefined when it is missing or outside the scan root. */
  readFile(path: string, origin: Origin): string | undefined
}

export interface Ctx {
  env: Env
  /** File the expression was written in (origins of the values it writes). */
  file: string
  bindings?: Binding
  /** Rendering a templatefile() template, which may not call templatefile() again. */
  inTemplateFile?: boolean
}

export function bind(ctx: Ctx, name: string, value: Val): Ctx {
  // Field by field: a spread that then adds a field is many times slower on Node 20 (for, count, each).
  const c: Ctx = { env: ctx.env, file: ctx.file, bindings: { name, value, next: ctx.bindings } }
  if (ctx.inTemplateFile) c.inTemplateFile = true
  return c
}

function origin(ctx: Ctx, e: { startLine: number; endLine: number }): Origin {
  return { file: ctx.file, startLine: e.startLine, endLine: e.endLine }
}

function textOf(e: HclExpr): string {
  return e.type === 'literal' ? JSON.stringify(e.value) : e.text
}

/** An unknown standing for expression `e`, caused by the unknown `cause`. */
function unknownFor(e: HclExpr, ctx: Ctx, cause: ValOf<'unknown'>): Val {
  return unknownVal(textOf(e), cause.reason, origin(ctx, e))
}

export function evalExpr(e: HclExpr, ctx: Ctx): Val {
  switch (e.type) {
    case 'literal': {
      const o = origin(ctx, e)
      const v = e.value
      if (v === null) return nul(o)
      if (typeof v === 'string') return str(v, o)
      if (typeof v === 'number') return num(v, o)
      return bool(v, o)
    }
    case 'paren':
      return evalExpr(e.expr, ctx)
    case 'invalid':
      return unknownVal(e.text, 'syntax error in this expression', origin(ctx, e))
    default:
      try {
        return evalComposite(e, ctx)
      } catch (x) {
        if (x instanceof UnknownHit) return unknownFor(e, ctx, x.value)
        throw x
      }
  }
}

/**
 * evalExpr for a value of which only the content is used here: a template's interpolation, a condition,
 * an operand, a key or an index (also count and for_each: see evalAttrRead). A reference (`var.x`, `local.y.z`) is then not stamped with the lines
 * that read it, which is an origin and a copy of the value per reference, and which nothing here keeps.
 * Unknowns and errors are those of evalExpr (an unknown's reason is what a reader of it sees).
 */
export function evalRead(e: HclExpr, ctx: Ctx): Val {
  if (e.type !== 'traversal' && e.type !== 'variable') return evalExpr(e, ctx)
  try {
    if (e.type === 'traversal') return evalTraversal(e, ctx)
    for (let b = ctx.bindings; b; b = b.next) if (b.name === e.name) return b.value
    return ctx.env.lookup(e.name, [], ctx, e).value
  } catch (x) {
    if (x instanceof UnknownHit) return unknownFor(e, ctx, x.value)
    throw x
  }
}

function evalComposite(e: HclExpr, ctx: Ctx): Val {
  switch (e.type) {
    case 'template':
      return evalTemplate(e, ctx)
    case 'variable': {
      for (let b = ctx.bindings; b; b = b.next) if (b.name === e.name) return stampAt(b.value, ctx.file, e)
      return stampAt(ctx.env.lookup(e.name, [], ctx, e).value, ctx.file, e)
    }
    case 'traversal':
      // A referenced value was written elsewhere (a variable default, a tfvars file, a local): it takes the
      // lines of the reference, which are the lines a person edits in the resource that uses it.
      return stampAt(evalTraversal(e, ctx), ctx.file, e)
    case 'call':
      return evalCall(e, ctx)
    case 'conditional': {
      const c = evalRead(e.cond, ctx)
      return asBool(c, 'condition') ? evalExpr(e.then, ctx) : evalExpr(e.else, ctx)
    }
    case 'unary': {
      const v = evalRead(e.operand, ctx)
      return e.op === '!' ? bool(!asBool(v), origin(ctx, e)) : num(-asNumber(v), origin(ctx, e))
    }
    case 'binary':
      return evalBinary(e, ctx)
    case 'tuple': {
      const items: Val[] = []
      for (const i of e.items) items.push(evalExpr(i, ctx))
      return list(items, origin(ctx, e))
    }
    case 'object': {
      const attrs: Record<string, Val> = {}
      for (const it of e.items) {
        const k = evalRead(it.key, ctx)
        attrs[asString(k, 'object key')] = evalExpr(it.value, ctx)
      }
      return obj(attrs, origin(ctx, e))
    }
    case 'for':
      return evalFor(e, ctx)
    default:
      return evalExpr(e, ctx)
  }
}

// ---- templates ----

function evalTemplate(e: HclExprOf<'template'>, ctx: Ctx): Val {
  // A template that is only `${expr}` yields the value itself, not its string form (HCL rule); this also
  // keeps the ref of `"${azurerm_subnet.s.id}"`.
  if (e.parts.length === 1 && e.parts[0].kind === 'interp') return evalExpr(e.parts[0].expr, ctx)
  let text: string
  try {
    text = renderParts(e.parts, ctx)
  } catch (x) {
    const parts = x instanceof UnknownHit ? templatePieces(e.parts, ctx) : undefined
    if (!parts) throw x
    // `"${azurerm_virtual_hub.h.name}/rt"` with the hub's name known only at apply: the pieces stay, as
    // format()'s do, so a reader can still tell the known ones and what the unknown one refers to.
    const reason = (x as UnknownHit).value.reason
    return { kind: 'unknown', expression: e.text, reason, origin: origin(ctx, e), parts }
  }
  const v = str(text, origin(ctx, e))
  spend(sizeOf(v), v.origin)
  return v
}

/**
 * The pieces of a template of literals and interpolations, an unknown interpolated value kept as it is;
 * undefined when it has directives, interpolates a collection or an unknown with pieces of its own.
 */
function templatePieces(parts: HclTemplatePart[], ctx: Ctx): (string | Val)[] | undefined {
  const out: (string | Val)[] = []
  for (const p of parts) {
    if (p.kind === 'literal') {
      if (p.value !== '') out.push(p.value)
      continue
    }
    if (p.kind !== 'interp') return undefined
    const v = evalRead(p.expr, ctx)
    if (v.kind === 'list' || v.kind === 'object' || v.kind === 'null') return undefined
    // An unknown that keeps pieces of its own is not nested in another's: templates interpolating
    // templates would double their pieces at each level (the string-doubling bomb reached 2 GB).
    if (v.kind === 'unknown' && v.parts) return undefined
    out.push(v.kind === 'unknown' ? v : asString(v))
  }
  return out
}

function renderParts(parts: HclTemplatePart[], ctx: Ctx): string {
  let out = ''
  for (const p of parts) {
    switch (p.kind) {
      case 'literal':
        out += p.value
        break
      case 'interp':
        out += asString(evalRead(p.expr, ctx), 'interpolated value')
        break
      case 'if':
        out += renderParts(asBool(evalRead(p.cond, ctx), 'template condition') ? p.then : p.else, ctx)
        break
      case 'for': {
        const coll = known(evalExpr(p.coll, ctx))
        const pairs = entries(coll)
        spend(pairs.length, origin(ctx, p.coll))
        for (const [k, v] of pairs) {
          let c = bind(ctx, p.valueVar, v)
          if (p.keyVar) c = bind(c, p.keyVar, k)
          out += renderParts(p.body, c)
        }
        break
      }
    }
  }
  return out
}

/** Key/value pairs of a collection as for expressions see them: index or sorted key. */
function entries(coll: Exclude<Val, { kind: 'unknown' }>): [Val, Val][] {
  if (coll.kind === 'list') {
    return coll.items.map((v, i) => [coll.set ? v : num(i, coll.origin), v])
  }
  if (coll.kind === 'object') return sortedKeys(coll.attrs).map((k) => [str(k, coll.origin), coll.attrs[k]])
  throw new EvalError(`cannot iterate over a ${typeName(coll)}`)
}

// ---- for expressions ----

/** Bound on the elements a for expression may produce, so a pathological input cannot hang the scan. */
const MAX_FOR_ELEMENTS = 100_000

function evalFor(e: HclExprOf<'for'>, ctx: Ctx): Val {
  const coll = known(evalExpr(e.coll, ctx))
  const pairs = entries(coll)
  if (pairs.length > MAX_FOR_ELEMENTS)
    throw new EvalError(`for expression over more than ${MAX_FOR_ELEMENTS} elements`)
  const o = origin(ctx, e)
  // Each for makes as many values as it has elements: nested fors of 1,000 make 10^9, which the budget stops.
  spend(pairs.length, o)
  if (e.result === 'tuple') {
    const items: Val[] = []
    for (const [k, v] of pairs) {
      let c = bind(ctx, e.valueVar, v)
      if (e.keyVar) c = bind(c, e.keyVar, k)
      if (e.cond && !asBool(evalRead(e.cond, c), 'for condition')) continue
      items.push(evalExpr(e.value, c))
    }
    return list(items, o)
  }
  const attrs: Record<string, Val> = {}
  const groups: Record<string, Val[]> = {}
  for (const [k, v] of pairs) {
    let c = bind(ctx, e.valueVar, v)
    if (e.keyVar) c = bind(c, e.keyVar, k)
    if (e.cond && !asBool(evalRead(e.cond, c), 'for condition')) continue
    const key = asString(evalRead(e.key!, c), 'for key')
    const val = evalExpr(e.value, c)
    if (e.group) (groups[key] ??= []).push(val)
    else {
      if (key in attrs) throw new EvalError(`duplicate key "${key}" in for expression (use ... to group)`)
      attrs[key] = val
    }
  }
  if (e.group) for (const k of Object.keys(groups)) attrs[k] = list(groups[k], o)
  return obj(attrs, o)
}

// ---- operators ----

function evalBinary(e: HclExprOf<'binary'>, ctx: Ctx): Val {
  const o = origin(ctx, e)
  if (e.op === '&&' || e.op === '||') {
    // A decisive known side settles the answer even when the other side is unknown.
    const decisive = e.op === '||'
    const l = evalRead(e.left, ctx)
    if (l.kind !== 'unknown' && asBool(l) === decisive) return bool(decisive, o)
    const r = evalRead(e.right, ctx)
    if (r.kind !== 'unknown' && asBool(r) === decisive) return bool(decisive, o)
    known(l)
    known(r)
    return bool(!decisive, o)
  }
  const l = evalRead(e.left, ctx)
  const r = evalRead(e.right, ctx)
  switch (e.op) {
    case '==':
      return bool(equals(l, r), o)
    case '!=':
      return bool(!equals(l, r), o)
  }
  const a = asNumber(l, 'left operand')
  const b = asNumber(r, 'right operand')
  switch (e.op) {
    case '+':
      return num(a + b, o)
    case '-':
      return num(a - b, o)
    case '*':
      return num(a * b, o)
    case '/':
      if (b === 0) throw new EvalError('division by zero')
      return num(a / b, o)
    case '%':
      if (b === 0) throw new EvalError('modulo by zero')
      return num(a % b, o)
    case '<':
      return bool(a < b, o)
    case '<=':
      return bool(a <= b, o)
    case '>':
      return bool(a > b, o)
    case '>=':
      return bool(a >= b, o)
  }
  throw new EvalError(`unknown operator ${e.op}`)
}

// ---- function calls ----

function evalCall(e: HclExprOf<'call'>, ctx: Ctx): Val {
  const o = origin(ctx, e)
  if (e.name === 'try') {
    for (const a of e.args) {
      try {
        return evalExpr(a, ctx)
      } catch (x) {
        if (!(x instanceof EvalError)) throw x
      }
    }
    throw new EvalError('try: no argument could be evaluated')
  }
  if (e.name === 'can') {
    if (e.args.length !== 1) throw new EvalError('can takes one argument')
    let v: Val
    try {
      v = evalExpr(e.args[0], ctx)
    } catch (x) {
      if (x instanceof EvalError) return bool(false, o)
      throw x
    }
    known(v)
    return bool(true, o)
  }
  if (e.name === 'templatefile') return templateFile(e, ctx, o)
  const fn = builtin(e.name)
  if (!fn) return unknownVal(e.text, `function ${e.name} is not evaluated`, o)
  let args = e.args.map((a) => evalExpr(a, ctx))
  if (e.expandFinal && args.length > 0) {
    const last = known(args[args.length - 1])
    if (last.kind !== 'list')
      throw new EvalError(`the argument expanded with ... must be a list, not a ${typeName(last)}`)
    args = [...args.slice(0, -1), ...last.items]
  }
  const v = fn(args, new CallAt(o, ctx.env))
  // jsonencode()/format() keeping unknown parts: named by the call as written, as any unknown call is.
  if (v.kind === 'unknown' && (v.encoded || v.parts)) v.expression = e.text
  spend(sizeOf(v), o)
  return v
}

/** Where a function is called (CallSite): one object per call rather than an object and a closure. */
class CallAt {
  constructor(
    readonly origin: Origin,
    private readonly env: Env,
  ) {}

  readFile(p: string): string | undefined {
    return this.env.readFile(p, this.origin)
  }
}

/**
 * `templatefile(path, vars)`: the file, read through the env (the read boundary: a path outside the scan
 * is a located notice and nothing is read), parsed with the same template parser as strings, and rendered
 * with only `vars` in scope (Terraform: a template sees its variables and the functions, nothing else,
 * and cannot call templatefile itself). The result takes the call's lines: that is where a person edits.
 */
function templateFile(e: HclExprOf<'call'>, ctx: Ctx, o: Origin): Val {
  if (e.args.length !== 2) throw new EvalError(`templatefile takes 2 arguments, got ${e.args.length}`)
  if (ctx.inTemplateFile) throw new EvalError('templatefile cannot be called from inside a template file')
  const file = asString(evalExpr(e.args[0], ctx), 'templatefile path')
  const vars = known(evalExpr(e.args[1], ctx))
  if (vars.kind !== 'object')
    throw new EvalError(`templatefile: vars must be an object, not a ${typeName(vars)}`)
  const text = ctx.env.readFile(file, o)
  if (text === undefined)
    throw new EvalError(`templatefile: ${file} cannot be read (outside the scanned directory or missing)`)
  const { parts, errors } = parseTemplateText(file, text, 1)
  if (errors.length > 0)
    throw new EvalError(`templatefile: ${file} is not a valid template (${errors[0].message})`)
  const inside: Env = {
    lookup(name) {
      throw new EvalError(`templatefile: ${name} is not one of the variables passed to ${file}`)
    },
    readFile: (p, at) => ctx.env.readFile(p, at),
  }
  let tctx: Ctx = { env: inside, file: ctx.file, inTemplateFile: true }
  for (const k of sortedKeys(vars.attrs)) tctx = bind(tctx, k, vars.attrs[k])
  const template: HclExprOf<'template'> = {
    type: 'template',
    parts,
    text,
    startLine: e.startLine,
    endLine: e.endLine,
  }
  return stamp(evalTemplate(template, tctx), o)
}

// ---- traversals ----

function evalTraversal(e: HclExprOf<'traversal'>, ctx: Ctx): Val {
  let v: Val
  let used = 0
  if (e.target.type === 'variable') {
    const name = e.target.name
    let b = ctx.bindings
    while (b && b.name !== name) b = b.next
    if (b) v = b.value
    else ({ value: v, used } = ctx.env.lookup(name, e.steps, ctx, e))
  } else v = evalExpr(e.target, ctx)
  return applySteps(v, e.steps, ctx, e, used)
}

/**
 * The resource instances a collection holds (`azurerm_subnet.this`, a map of their ids), when each of its
 * elements carries a ref; undefined otherwise (an element that names no resource may be anything).
 */
function instancesIn(v: Val): ResourceRef[] | undefined {
  const items = v.kind === 'list' ? v.items : v.kind === 'object' ? Object.values(v.attrs) : undefined
  if (!items || items.length === 0) return undefined
  const out: ResourceRef[] = []
  for (const i of items) {
    if ((i.kind !== 'object' && i.kind !== 'list' && i.kind !== 'unknown') || !i.ref) return undefined
    out.push(i.ref)
  }
  return out
}

/** Joins a ref path: '' + 'id' → 'id', 'ip_configuration' + '[0]' → 'ip_configuration[0]'. */
function joinPath(path: string, step: string): string {
  return path === '' || step.startsWith('[') ? path + step : `${path}.${step}`
}

/**
 * Applies traversal steps. A value carrying a resource ref passes it on to what is read out of it, so
 * `local.fw.ip_configuration[0].private_ip_address` still names the firewall.
 */
export function applySteps(start: Val, steps: HclStep[], ctx: Ctx, e: HclExpr, from = 0): Val {
  let v = start
  for (let s = from; s < steps.length; s++) {
    const step = steps[s]
    if (step.kind === 'splat') {
      if (v.kind === 'unknown') return v.ref || v.among ? v : unknownFor(e, ctx, v)
      if (v.kind === 'null') v = list([], v.origin)
      else if (v.kind === 'list') {
        // The elements of a resource's list are that resource's too (`vnet.subnet[*].id` names the VNet).
        const ref = v.ref
        v = list(
          v.items.map((i, n) =>
            applySteps(
              ref && (i.kind === 'object' || i.kind === 'list') && !i.ref
                ? { ...i, ref: { resource: ref.resource, attribute: joinPath(ref.attribute, `[${n}]`) } }
                : i,
              step.steps,
              ctx,
              e,
            ),
          ),
          v.origin,
        )
      } else v = list([applySteps(v, step.steps, ctx, e)], v.origin)
      continue
    }
    let seg: string
    let child: Val | undefined
    if (step.kind === 'attr') {
      seg = step.name
      if (v.kind === 'object') child = v.attrs[step.name]
      else if (v.kind === 'null') throw new EvalError(`cannot read .${step.name} of null`)
      else if (v.kind !== 'unknown') throw new EvalError(`cannot read .${step.name} of a ${typeName(v)}`)
    } else {
      const key = evalRead(step.key, ctx)
      if (key.kind === 'unknown') {
        if (v.kind === 'unknown') return v
        const among = instancesIn(v)
        if (!among) return unknownFor(e, ctx, key)
        // `azurerm_subnet.this[var.k]`: one of the collection's instances, not any resource at all. The
        // following steps (`.id`) read the same attribute of each.
        const u = unknownFor(e, ctx, key) as ValOf<'unknown'>
        u.among = among
        v = u
        continue
      }
      if (v.kind === 'list') {
        const i = asNumber(key, 'index')
        seg = `[${i}]`
        if (!Number.isInteger(i) || i < 0) throw new EvalError(`invalid index ${i}`)
        child = v.items[i]
        if (child === undefined && !v.ref)
          throw new EvalError(`index ${i} is out of range (${v.items.length} elements)`)
      } else if (v.kind === 'object') {
        const k = asString(key, 'key')
        seg = `[${JSON.stringify(k)}]`
        child = v.attrs[k]
        if (child === undefined && !v.ref) throw new EvalError(`no element with key "${k}"`)
      } else if (v.kind === 'unknown') {
        const k = known(key)
        seg = k.kind === 'number' ? `[${k.value}]` : `[${JSON.stringify(asString(k))}]`
      } else if (v.kind === 'null') throw new EvalError('cannot index null')
      else throw new EvalError(`cannot index a ${typeName(v)}`)
    }
    if (v.kind === 'unknown') {
      if (v.among) {
        const u: ValOf<'unknown'> = {
          kind: 'unknown',
          expression: v.expression,
          reason: v.reason,
          origin: v.origin,
        }
        u.among = v.among.map((r) => ({ resource: r.resource, attribute: joinPath(r.attribute, seg) }))
        v = u
        continue
      }
      // Reading into an unknown part of a resource extends its ref (`identity[0].principal_id`).
      if (v.ref) {
        const attribute = joinPath(v.ref.attribute, seg)
        v = unknownVal(`${v.ref.resource}.${attribute}`, v.reason, v.origin, {
          resource: v.ref.resource,
          attribute,
        })
      }
      continue
    }
    const ref = v.kind === 'list' || v.kind === 'object' ? v.ref : undefined
    if (child === undefined) {
      if (!ref) throw new EvalError(`object has no attribute "${seg}"`)
      // Not an argument of the resource: the provider computes it at apply time.
      const attribute = joinPath(ref.attribute, seg)
      v = unknownVal(`${ref.resource}.${attribute}`, 'computed at apply time', origin(ctx, e), {
        resource: ref.resource,
        attribute,
      })
      continue
    }
    // A composite, or a value not known until apply (`name = "vnet-${random_pet.x.id}"`), read through a
    // resource still names that resource: what refers to `azurerm_virtual_network.spoke.name` is linked to
    // that VNet by its address when the name itself cannot be known. A resource's own name is that resource
    // even when it was set from another's output (`name = azurecaf_name.vnet.result`, CAF's naming provider).
    const ownName = child.kind === 'unknown' && seg === 'name' && !ref?.attribute
    if (
      ref &&
      (child.kind === 'object' || child.kind === 'list' || child.kind === 'unknown') &&
      (!child.ref || ownName)
    ) {
      child = Object.assign({}, child, {
        ref: { resource: ref.resource, attribute: joinPath(ref.attribute, seg) },
      })
    }
    v = child
  }
  return v
}
