/**
 * Bicep's binary operators on values: `&&`, `||` and `??` short-circuit (a decided left side makes an
 * unknown right side irrelevant, so the right side is passed as a thunk); comparisons and arithmetic on
 * known values; anything involving an unknown is unknown for the same reason.
 */
import type { Origin } from '../../model/value'
import { derived, equals, firstUnknown, vBool, vNum, vUnknown, type V } from './values'

/** `left op right`, with the operands evaluated on demand. */
export function binary(op: string, leftOf: () => V, rightOf: () => V, text: string, origin: Origin): V {
  const left = leftOf()
  // Short circuits: a decided left side makes an unknown right side irrelevant.
  if (op === '&&' && left.kind === 'bool' && !left.value) return vBool(false, origin)
  if (op === '||' && left.kind === 'bool' && left.value) return vBool(true, origin)
  if (op === '??') {
    if (left.kind === 'unknown') return derived(text, left, origin)
    return left.kind === 'null' ? rightOf() : left
  }
  const right = rightOf()
  if (op === '&&' || op === '||') {
    if (right.kind === 'bool' && right.value === (op === '||')) return vBool(op === '||', origin)
    if (left.kind === 'unknown') return derived(text, left, origin)
    if (right.kind === 'unknown') return derived(text, right, origin)
    if (left.kind === 'bool' && right.kind === 'bool')
      return vBool(op === '&&' ? left.value && right.value : left.value || right.value, origin)
    return vUnknown(text, 'type error: logical operator on non-booleans', origin)
  }
  if (op === '==' || op === '!=' || op === '=~' || op === '!~') {
    const e = equals(left, right, op === '=~' || op === '!~')
    if (e === undefined) return derived(text, firstUnknown(left) ?? firstUnknown(right)!, origin)
    return vBool(op === '==' || op === '=~' ? e : !e, origin)
  }
  if (left.kind === 'unknown') return derived(text, left, origin)
  if (right.kind === 'unknown') return derived(text, right, origin)
  if (left.kind === 'number' && right.kind === 'number') {
    const a = left.value
    const b = right.value
    switch (op) {
      case '+':
        return vNum(a + b, origin)
      case '-':
        return vNum(a - b, origin)
      case '*':
        return vNum(a * b, origin)
      case '/':
        return b === 0 ? vUnknown(text, 'division by zero', origin) : vNum(Math.trunc(a / b), origin)
      case '%':
        return b === 0 ? vUnknown(text, 'division by zero', origin) : vNum(a % b, origin)
      case '<':
        return vBool(a < b, origin)
      case '<=':
        return vBool(a <= b, origin)
      case '>':
        return vBool(a > b, origin)
      case '>=':
        return vBool(a >= b, origin)
    }
  }
  if (left.kind === 'string' && right.kind === 'string' && ['<', '<=', '>', '>='].includes(op)) {
    const c = left.value < right.value ? -1 : left.value > right.value ? 1 : 0
    return vBool(op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0, origin)
  }
  return vUnknown(text, `type error: ${left.kind} ${op} ${right.kind}`, origin)
}
