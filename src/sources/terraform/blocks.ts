/**
 * A block body → one object value, as Terraform sees it: arguments (each stamped with its own lines),
 * nested blocks as a list of objects under the block type in source order, and `dynamic` blocks expanded
 * into the blocks they generate (or one unknown for all of them).
 */
import type { Origin } from '../../model/value'
import { attr, blockOrigin, evalAttr, evalAttrRead, exprText, staticString } from './attributes'
import { bind, type Ctx } from './expr'
import type { HclAttribute, HclBlock, HclBody } from './hcl-ast'
import { MAX_INSTANCES } from './instances'
import { list, num, obj, sortedKeys, stamp, stampAt, str, unknownVal, type Val } from './values'

/**
 * Evaluates a block body: arguments, and nested blocks (literal and `dynamic`) as a list of objects under
 * the block type, in source order. Each argument's value is stamped with the argument's own lines.
 */
export function evalBody(body: HclBody, ctx: Ctx, o: Origin, skip?: Set<string>): Val {
  const attrs: Record<string, Val> = {}
  const as = body.attributes
  // A long body (a generated one) checks names against a set, a short one against the names before.
  const seen = as.length > 16 ? new Set<string>() : undefined
  for (let i = 0; i < as.length; i++) {
    const a = as[i]
    if (skip?.has(a.name)) continue
    if (seen ? seen.has(a.name) : writtenBefore(as, i)) continue
    seen?.add(a.name)
    const v = evalAttr(a.expr, ctx)
    // A reference (`var.x`, `local.y.z`) is already stamped with its own lines, which are inside the
    // argument's: stamping it again would walk all of it to return it unchanged.
    attrs[a.name] = a.expr.type === 'traversal' || a.expr.type === 'variable' ? v : stampAt(v, ctx.file, a)
  }
  if (body.blocks.length > 0) {
    const groups = new Map<string, { items: Val[]; unknown?: Val; first: number; last: number }>()
    for (const b of body.blocks) {
      const type = b.type === 'dynamic' ? (b.labels[0] ?? '') : b.type
      if (skip?.has(type) || type === '') continue
      let g = groups.get(type)
      if (!g) groups.set(type, (g = { items: [], first: b.startLine, last: b.endLine }))
      g.last = b.endLine
      if (b.type === 'dynamic') {
        const r = expandDynamic(b, type, ctx)
        if (Array.isArray(r)) g.items.push(...r)
        else g.unknown = r
      } else {
        g.items.push(evalBody(b.body, ctx, blockOrigin(ctx.file, b)))
      }
    }
    for (const [type, g] of groups) {
      if (type in attrs) continue
      const lo: Origin = { file: ctx.file, startLine: g.first, endLine: g.last }
      attrs[type] = g.unknown ? stamp(g.unknown, lo) : list(g.items, lo)
    }
  }
  return obj(attrs, o)
}

/**
 * Is attribute `i`'s name also that of an earlier attribute (the first one wins)? Comparing the names
 * before it is several times cheaper than asking the object being built (`name in attrs`), whose shape
 * V8 cannot predict (measured: 10x on 20,000 bodies of 3-8 attributes).
 */
function writtenBefore(as: HclAttribute[], i: number): boolean {
  const name = as[i].name
  for (let j = 0; j < i; j++) if (as[j].name === name) return true
  return false
}

/** `dynamic "x" { for_each, iterator, content {} }` → the generated blocks, or one unknown for all of them. */
function expandDynamic(b: HclBlock, type: string, ctx: Ctx): Val[] | Val {
  const o = blockOrigin(ctx.file, b)
  const fe = attr(b.body, 'for_each')
  if (!fe) return unknownVal(`dynamic "${type}"`, 'dynamic block without for_each', o)
  const coll = evalAttrRead(fe.expr, ctx)
  if (coll.kind === 'unknown') {
    return unknownVal(coll.expression, `dynamic "${type}" for_each is unknown: ${coll.reason}`, o)
  }
  const it = attr(b.body, 'iterator')
  const iter = it?.expr.type === 'variable' ? it.expr.name : (staticString(it?.expr) ?? type)
  const content = b.body.blocks.find((x) => x.type === 'content')
  if (!content) return []
  let pairs: [Val, Val][]
  if (coll.kind === 'list') pairs = coll.items.map((v, i) => [coll.set ? v : num(i, o), v])
  else if (coll.kind === 'object') pairs = sortedKeys(coll.attrs).map((k) => [str(k, o), coll.attrs[k]])
  else if (coll.kind === 'null') pairs = []
  else
    return unknownVal(exprText(fe.expr), `dynamic "${type}" for_each is a ${coll.kind}, not a collection`, o)
  if (pairs.length > MAX_INSTANCES)
    return unknownVal(exprText(fe.expr), `dynamic "${type}" has too many elements`, o)
  const items = pairs.map(([key, value]) =>
    evalBody(content.body, bind(ctx, iter, obj({ key, value }, o)), blockOrigin(ctx.file, content)),
  )
  return items
}
