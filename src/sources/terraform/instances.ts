/**
 * count and for_each: the instances a resource or module block declares, each with its address and the
 * binding (`count.index`, `each.key` / `each.value`) its body is evaluated with. When they cannot be known
 * there is one representative instance `x.y[*]` with unknown bindings, so references still name the block.
 */
import type { Origin } from '../../model/value'
import { attr, blockOrigin, errorReason, exprText } from './attributes'
import type { HclBlock, HclExpr } from './hcl-ast'
import type { Binding } from './expr'
import { asNumber, EvalError, num, obj, sortedKeys, str, unknownVal, type Val } from './values'

/** Most instances one count/for_each may create; beyond it the expansion is treated as unknown. */
export const MAX_INSTANCES = 10_000

export interface Inst {
  address: string
  bindings?: Binding
  /** Where a for_each entry was written, when outside the block (a var-file line): see EvaluatedResource.inputs. */
  from?: Origin
}

export interface Expansion {
  insts: Inst[]
  /** How instances are keyed; `unknown`: one representative instance `x.y[*]`. */
  keyed: 'none' | 'count' | 'each' | 'unknown'
  keys: (number | string)[]
  reason?: string
  /** keyed `unknown`: the count or for_each as written (`count = var.hub ? 1 : 0`), which says whose instances come and go together. */
  written?: string
}

export function instanceKey(k: number | string): string {
  return typeof k === 'number' ? `[${k}]` : `[${JSON.stringify(k)}]`
}

class UnknownForEach extends Error {}

/** for_each → sorted [key, value] pairs: map/object by key, set/list of strings by value. */
function forEachPairs(v: Val, o: Origin): [string, Val][] {
  if (v.kind === 'unknown') throw new UnknownForEach(v.reason)
  if (v.kind === 'object') return sortedKeys(v.attrs).map((k) => [k, v.attrs[k]])
  if (v.kind === 'list') {
    // Terraform wants a set; a list of strings is accepted too (the analysis does not need the error).
    const keys = new Set<string>()
    for (const i of v.items) {
      if (i.kind === 'unknown') throw new UnknownForEach(i.reason)
      if (i.kind !== 'string') throw new EvalError(`for_each set elements must be strings, not ${i.kind}`)
      keys.add(i.value)
    }
    return [...keys].sort().map((k) => [k, str(k, o)])
  }
  if (v.kind === 'null') throw new EvalError('for_each is null')
  throw new EvalError(`for_each must be a map or a set of strings, not a ${v.kind}`)
}

/** count / for_each of a resource or module block → instances with their bindings. */
export function expandBlock(
  block: HclBlock,
  file: string,
  base: string,
  /** Evaluates count or for_each (one reference level deeper). */
  evaluate: (e: HclExpr) => Val,
  /** Where the entries of `for_each = var.x` were written (see ModuleInstance.entriesWritten). */
  entriesWritten: (e: HclExpr) => Map<string, Origin> | undefined,
): Expansion {
  const count = attr(block.body, 'count')
  const forEach = attr(block.body, 'for_each')
  const unknownExp = (reason: string, kind: 'count' | 'each'): Expansion => {
    const u = unknownVal(base, reason, blockOrigin(file, block))
    const value = kind === 'count' ? obj({ index: u }, u.origin) : obj({ key: u, value: u }, u.origin)
    const a = kind === 'count' ? count : forEach
    return {
      insts: [{ address: `${base}[*]`, bindings: { name: kind, value } }],
      keyed: 'unknown',
      keys: [],
      reason,
      ...(a ? { written: `${a.name} = ${exprText(a.expr)}` } : {}),
    }
  }
  if (count) {
    const v = evaluate(count.expr)
    if (v.kind === 'unknown') return unknownExp(`count is unknown: ${v.reason}`, 'count')
    let n: number
    try {
      n = asNumber(v, 'count')
    } catch (x) {
      return unknownExp(`invalid count: ${errorReason(x)}`, 'count')
    }
    if (!Number.isInteger(n) || n < 0) return unknownExp(`invalid count ${n}`, 'count')
    if (n > MAX_INSTANCES) return unknownExp(`count ${n} exceeds ${MAX_INSTANCES} instances`, 'count')
    const insts: Inst[] = []
    const keys: number[] = []
    // One origin for every instance's count.index: origins are never changed once made.
    const o = blockOrigin(file, count)
    for (let i = 0; i < n; i++) {
      insts.push({
        address: `${base}[${i}]`,
        bindings: { name: 'count', value: obj({ index: num(i, o) }, o) },
      })
      keys.push(i)
    }
    return { insts, keyed: 'count', keys }
  }
  if (forEach) {
    const v = evaluate(forEach.expr)
    const o = blockOrigin(file, forEach)
    let pairs: [string, Val][]
    try {
      pairs = forEachPairs(v, o)
    } catch (x) {
      if (x instanceof UnknownForEach) return unknownExp(`for_each is unknown: ${x.message}`, 'each')
      return unknownExp(`invalid for_each: ${errorReason(x)}`, 'each')
    }
    if (pairs.length > MAX_INSTANCES) return unknownExp(`for_each exceeds ${MAX_INSTANCES} instances`, 'each')
    const written = entriesWritten(forEach.expr)
    return {
      insts: pairs.map(([k, value]) => {
        const inst: Inst = {
          address: `${base}${instanceKey(k)}`,
          bindings: { name: 'each', value: obj({ key: str(k, o), value }, o) },
        }
        const from = written?.get(k)
        if (from && from.file !== file) inst.from = from
        return inst
      }),
      keyed: 'each',
      keys: pairs.map(([k]) => k),
    }
  }
  return { insts: [{ address: base }], keyed: 'none', keys: [] }
}
