/**
 * Walking a syntax tree: every expression inside an expression or a body, in source order. Used to learn
 * what a module call is given and who reads its outputs, without evaluating anything.
 */
import type { HclBody, HclExpr, HclStep, HclTemplatePart } from './hcl-ast'

/** Calls `visit` on `e` and every expression inside it. */
export function walkExpr(e: HclExpr, visit: (e: HclExpr) => void): void {
  visit(e)
  const parts = (ps: HclTemplatePart[]): void => {
    for (const p of ps) {
      if (p.kind === 'interp') walkExpr(p.expr, visit)
      else if (p.kind === 'if') {
        walkExpr(p.cond, visit)
        parts(p.then)
        parts(p.else)
      } else if (p.kind === 'for') {
        walkExpr(p.coll, visit)
        parts(p.body)
      }
    }
  }
  const steps = (ss: HclStep[]): void => {
    for (const st of ss) {
      if (st.kind === 'index') walkExpr(st.key, visit)
      else if (st.kind === 'splat') steps(st.steps)
    }
  }
  switch (e.type) {
    case 'template':
      return parts(e.parts)
    case 'traversal':
      walkExpr(e.target, visit)
      return steps(e.steps)
    case 'call':
      return e.args.forEach((a) => walkExpr(a, visit))
    case 'conditional':
      return [e.cond, e.then, e.else].forEach((x) => walkExpr(x, visit))
    case 'unary':
      return walkExpr(e.operand, visit)
    case 'binary':
      walkExpr(e.left, visit)
      return walkExpr(e.right, visit)
    case 'tuple':
      return e.items.forEach((x) => walkExpr(x, visit))
    case 'object':
      return e.items.forEach((x) => (walkExpr(x.key, visit), walkExpr(x.value, visit)))
    case 'for':
      for (const x of [e.coll, e.key, e.value, e.cond]) if (x) walkExpr(x, visit)
      return
    case 'paren':
      return walkExpr(e.expr, visit)
  }
}

/** Calls `visit` on every expression of a body and of the blocks inside it. */
export function walkBody(body: HclBody, visit: (e: HclExpr) => void): void {
  for (const a of body.attributes) walkExpr(a.expr, visit)
  for (const b of body.blocks) walkBody(b.body, visit)
}
