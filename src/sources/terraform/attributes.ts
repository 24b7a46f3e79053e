/**
 * Reading one argument of a block: finding it, its literal string, the lines of a block, and evaluating
 * it so that nothing escapes (an error becomes an unknown that names the expression and why).
 */
import type { Origin } from '../../model/value'
import { evalExpr, evalRead, type Ctx } from './expr'
import type { HclAttribute, HclBody, HclExpr } from './hcl-ast'
import { EvalError, unknownVal, type Val } from './values'

export function blockOrigin(file: string, b: { startLine: number; endLine: number }): Origin {
  return { file, startLine: b.startLine, endLine: b.endLine }
}

export function attr(body: HclBody, name: string): HclAttribute | undefined {
  // A loop, not find(): a closure per call, and this runs for every argument every evaluation asks about.
  const as = body.attributes
  for (let i = 0; i < as.length; i++) if (as[i].name === name) return as[i]
  return undefined
}

/** A string the parser already knows (a literal, or a template without interpolations). */
export function staticString(e: HclExpr | undefined): string | undefined {
  if (!e) return undefined
  if (e.type === 'literal' && typeof e.value === 'string') return e.value
  if (e.type === 'template' && e.parts.every((p) => p.kind === 'literal')) {
    return e.parts.map((p) => (p.kind === 'literal' ? p.value : '')).join('')
  }
  return undefined
}

export function errorReason(x: unknown): string {
  if (x instanceof EvalError) return x.message
  if (x instanceof RangeError) return 'expression nested too deeply'
  return `could not evaluate: ${x instanceof Error ? x.message : String(x)}`
}

export function exprText(e: HclExpr): string {
  return e.type === 'literal' ? JSON.stringify(e.value) : e.text
}

/** Evaluates an attribute's expression; nothing escapes: errors become an unknown naming the expression. */
export function evalAttr(e: HclExpr, ctx: Ctx, read = evalExpr): Val {
  try {
    return read(e, ctx)
  } catch (x) {
    return unknownVal(exprText(e), errorReason(x), {
      file: ctx.file,
      startLine: e.startLine,
      endLine: e.endLine,
    })
  }
}

/**
 * evalAttr for count and for_each (also of dynamic blocks): what they yield is bound to count/each/the
 * iterator, whose readers stamp what they read with their own lines. Stamping it with the lines of
 * for_each first (a copy of a whole map per reference, `for_each = var.routes`) changes no origin a
 * reader ends with: usedAt keeps the first place written, and no reader's lines overlap for_each's.
 */
export function evalAttrRead(e: HclExpr, ctx: Ctx): Val {
  return evalAttr(e, ctx, evalRead)
}
