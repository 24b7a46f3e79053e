/**
 * Operator precedence the grammar gets wrong, put right before evaluation.
 *
 * tree-sitter-bicep 1.1 lets `.prop` and `[i]` after the right operand of a binary, unary or ternary
 * expression apply to the whole expression: `a.kind != 'None' || b.kind != 'None'` parses as
 * `((a.kind != 'None' || b).kind) != 'None'`, `1 + x.y` as `(1 + x).y`, `!a.b` as `(!a).b` and
 * `c ? a : b.x` as `(c ? a : b).x` and `x => x.name` as `(x => x).name`. This module flattens such a tree into operands and operators, hands
 * each member access or index to the operand it was written after, and rebuilds the tree with Bicep's
 * precedence. Operands that are not operator expressions stay tree-sitter nodes, evaluated as before.
 */
import type { Node } from './syntax'
import { field } from './syntax'

/** An expression as Bicep reads it; leaves are grammar nodes. */
export type Ex =
  | { k: 'node'; node: Node }
  /** `obj.prop`, `obj.?prop`, `obj[i]`: `post` is the member or subscript node the grammar built. */
  | { k: 'post'; obj: Ex; post: Node }
  | { k: 'un'; op: string; arg: Ex; from: Node }
  | { k: 'bin'; op: string; left: Ex; right: Ex }
  /** `cond ? a : alt`: condition and consequence are the grammar's; the alternative is re-associated. */
  | { k: 'tern'; node: Node; alt: Ex }
  /** `x => body`: parameters from the grammar's node; the body is re-associated. */
  | { k: 'lambda'; node: Node; body: Ex }

/** Operands and the operators between them (`items.length === ops.length + 1`). */
interface Seq {
  items: Item[]
  ops: string[]
}

type Item =
  | { k: 'node'; node: Node }
  | { k: 'post'; obj: Item; post: Node }
  | { k: 'un'; op: string; arg: Item; from: Node }
  | { k: 'tern'; node: Node; alt: Seq }
  | { k: 'lambda'; node: Node; body: Seq }

// Bicep's binary operators from loosest to tightest (all left-associative).
const PRECEDENCE: Record<string, number> = {
  '??': 1,
  '||': 2,
  '&&': 3,
  '==': 4,
  '!=': 4,
  '=~': 4,
  '!~': 4,
  '<': 5,
  '<=': 5,
  '>': 5,
  '>=': 5,
  '+': 6,
  '-': 6,
  '*': 7,
  '/': 7,
  '%': 7,
}

const OPERATOR_TYPES = new Set([
  'lambda_expression',
  'binary_expression',
  'unary_expression',
  'ternary_expression',
  'member_expression',
  'subscript_expression',
])

/** Is this node one whose tree may need re-association? */
export function isOperatorExpression(node: Node): boolean {
  return OPERATOR_TYPES.has(node.type)
}

/**
 * The node as Bicep reads it, or undefined when the grammar's tree is already right and the node is a
 * plain member access or index (evaluated by the caller as it is).
 */
export function reassociate(node: Node): Ex | undefined {
  const seq = flatten(node)
  const only = seq.items.length === 1 ? seq.items[0] : undefined
  if (only?.k === 'node' && only.node.id === node.id) return undefined
  return build(seq)
}

function flatten(node: Node): Seq {
  switch (node.type) {
    case 'binary_expression': {
      const left = field(node, 'left')
      const right = field(node, 'right')
      const op = field(node, 'operator')?.text
      if (!left || !right || !op || !(op in PRECEDENCE)) break
      const l = flatten(left)
      const r = flatten(right)
      const head = l.items[0]
      // A lambda reaches to the end of the argument: what follows belongs to its body.
      if (head.k === 'lambda') {
        const body = {
          items: [...head.body.items, ...l.items.slice(1), ...r.items],
          ops: [...head.body.ops, ...l.ops, op, ...r.ops],
        }
        return { items: [{ ...head, body }], ops: [] }
      }
      return { items: [...l.items, ...r.items], ops: [...l.ops, op, ...r.ops] }
    }
    case 'unary_expression': {
      const arg = field(node, 'argument')
      const op = field(node, 'operator')?.text
      if (!arg || !op) break
      const a = flatten(arg)
      // A prefix operator binds tighter than any binary one: it takes the first operand only.
      a.items[0] = { k: 'un', op, arg: a.items[0], from: node }
      return a
    }
    case 'ternary_expression': {
      const alt = field(node, 'alternative')
      if (!alt || !field(node, 'condition') || !field(node, 'consequence')) break
      return { items: [{ k: 'tern', node, alt: flatten(alt) }], ops: [] }
    }
    case 'lambda_expression': {
      const parts = node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment')
      if (parts.length < 2) break
      return { items: [{ k: 'lambda', node, body: flatten(parts[parts.length - 1]) }], ops: [] }
    }
    case 'member_expression':
    case 'subscript_expression': {
      const obj = field(node, 'object')
      if (!obj || !isOperatorExpression(obj)) break
      const o = flatten(obj)
      const only = o.items.length === 1 ? o.items[0] : undefined
      if (only?.k === 'node' && only.node.id === obj.id) break
      // The access belongs to the operand written right before it.
      o.items[o.items.length - 1] = attach(o.items[o.items.length - 1], node)
      return o
    }
  }
  return { items: [{ k: 'node', node }], ops: [] }
}

/** Applies a member access or index to an operand, inside its prefix operators and ternary alternative. */
function attach(item: Item, post: Node): Item {
  if (item.k === 'un') return { ...item, arg: attach(item.arg, post) }
  if (item.k === 'tern' || item.k === 'lambda') {
    const seq = item.k === 'tern' ? item.alt : item.body
    const items = [...seq.items]
    items[items.length - 1] = attach(items[items.length - 1], post)
    const next = { items, ops: seq.ops }
    return item.k === 'tern' ? { ...item, alt: next } : { ...item, body: next }
  }
  return { k: 'post', obj: item, post }
}

function build(seq: Seq): Ex {
  let i = 0
  let j = 0
  const operand = (): Ex => toEx(seq.items[i++])
  const climb = (min: number): Ex => {
    let left = operand()
    while (j < seq.ops.length && PRECEDENCE[seq.ops[j]] >= min) {
      const op = seq.ops[j++]
      const right = climb(PRECEDENCE[op] + 1)
      left = { k: 'bin', op, left, right }
    }
    return left
  }
  return climb(0)
}

function toEx(item: Item): Ex {
  switch (item.k) {
    case 'node':
      return item
    case 'post':
      return { k: 'post', obj: toEx(item.obj), post: item.post }
    case 'un':
      return { k: 'un', op: item.op, arg: toEx(item.arg), from: item.from }
    case 'tern':
      return { k: 'tern', node: item.node, alt: build(item.alt) }
    case 'lambda':
      return { k: 'lambda', node: item.node, body: build(item.body) }
  }
}

/** First and last grammar node of an expression, for its text and lines. */
export function span(ex: Ex): { start: Node; end: Node } {
  switch (ex.k) {
    case 'node':
      return { start: ex.node, end: ex.node }
    case 'post':
      return { start: span(ex.obj).start, end: ex.post }
    case 'un':
      return { start: ex.from, end: span(ex.arg).end }
    case 'bin':
      return { start: span(ex.left).start, end: span(ex.right).end }
    case 'tern':
      return { start: ex.node, end: span(ex.alt).end }
    case 'lambda':
      return { start: ex.node, end: span(ex.body).end }
  }
}
