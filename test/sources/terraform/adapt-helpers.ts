/**
 * Builds EvaluatedResource inputs by hand (the evaluator is written separately): plain JS values become
 * HclValues, every attribute on its own line so that origins can be asserted.
 */
import type { Origin } from '../../../src/model/value'
import type {
  EvaluatedResource,
  HclValue,
  TerraformEvaluation,
} from '../../../src/sources/evaluation/evaluated'

export const FILE = '/repo/network.tf'

/** Marks a value the evaluator could not resolve. */
export class Unresolved {
  constructor(
    readonly expression: string,
    readonly reason: string,
    readonly resource?: string,
    readonly attribute?: string,
  ) {}
}

/** `azurerm_subnet.app.id` → unknown with ref { resource: 'azurerm_subnet.app', attribute: 'id' }. */
export function ref(resource: string, attribute: string): Unresolved {
  return new Unresolved(`${resource}.${attribute}`, 'computed at apply time', resource, attribute)
}

export function unresolved(expression: string, reason = 'variable without a value'): Unresolved {
  return new Unresolved(expression, reason)
}

export type Js = string | number | boolean | null | Unresolved | Js[] | { [k: string]: Js }

export function origin(startLine: number, endLine = startLine): Origin {
  return { file: FILE, startLine, endLine }
}

/** Converts `js` starting at `line`; returns the value and the next free line. */
function convert(js: Js, line: number): [HclValue, number] {
  if (js instanceof Unresolved) {
    const v: HclValue = {
      kind: 'unknown',
      expression: js.expression,
      reason: js.reason,
      origin: origin(line),
    }
    if (js.resource && js.attribute) v.ref = { resource: js.resource, attribute: js.attribute }
    return [v, line + 1]
  }
  if (js === null) return [{ kind: 'null', origin: origin(line) }, line + 1]
  if (typeof js === 'string') return [{ kind: 'string', value: js, origin: origin(line) }, line + 1]
  if (typeof js === 'number') return [{ kind: 'number', value: js, origin: origin(line) }, line + 1]
  if (typeof js === 'boolean') return [{ kind: 'bool', value: js, origin: origin(line) }, line + 1]
  const start = line
  if (Array.isArray(js)) {
    // Lists of scalars sit on one line; lists of blocks take the lines of their blocks.
    if (js.every((i) => typeof i !== 'object' || i === null || i instanceof Unresolved)) {
      const items = js.map((i) => convert(i, start)[0])
      return [{ kind: 'list', items, origin: origin(start) }, start + 1]
    }
    const items: HclValue[] = []
    for (const i of js) {
      const [v, next] = convert(i, line)
      items.push(v)
      line = next
    }
    return [{ kind: 'list', items, origin: origin(start, line - 1) }, line]
  }
  const attrs: Record<string, HclValue> = {}
  line++ // the block's opening line
  for (const [k, v] of Object.entries(js)) {
    const [hv, next] = convert(v, line)
    attrs[k] = hv
    line = next
  }
  return [{ kind: 'object', attrs, origin: origin(start, line) }, line + 1]
}

export function hcl(js: Js, line = 1): HclValue {
  return convert(js, line)[0]
}

let nextLine = 1

/** A managed resource at the next free lines of FILE; `address` defaults to `type.name`. */
export function resource(
  type: string,
  name: string,
  attrs: Record<string, Js>,
  opts: { address?: string; mode?: 'managed' | 'data' } = {},
): EvaluatedResource {
  const [body, next] = convert(attrs, nextLine)
  nextLine = next + 1
  if (body.kind !== 'object') throw new Error('resource body must be an object')
  return {
    mode: opts.mode ?? 'managed',
    type,
    name,
    address: opts.address ?? `${type}.${name}`,
    origin: body.origin,
    body,
  }
}

export function evaluation(
  resources: EvaluatedResource[],
  extra: Partial<TerraformEvaluation> = {},
): TerraformEvaluation {
  return { resources, providerEnvironments: [], diagnostics: [], ...extra }
}

/** Walks a value tree: strings step into object attributes, numbers into list items. */
export function at(v: HclValue, ...steps: (string | number)[]): HclValue {
  let cur = v
  for (const s of steps) {
    const next =
      typeof s === 'number'
        ? cur.kind === 'list'
          ? cur.items[s]
          : undefined
        : cur.kind === 'object'
          ? cur.attrs[s]
          : undefined
    if (!next) throw new Error(`no ${s} in ${cur.kind}`)
    cur = next
  }
  return cur
}
