/**
 * Links values that are unknown until apply to the resource they come from, through the plan's
 * `configuration` section: `expressions.<attr>.references` lists what an expression reads, e.g.
 * `["azurerm_subnet.app.id", "azurerm_subnet.app"]`. The result is the ref the HCL evaluator would give
 * (`{ resource: 'azurerm_subnet.app', attribute: 'id' }`), so the model links the association the same way.
 *
 * References are written relative to the module they appear in and without instance keys when the
 * expression does not index (`azurerm_subnet.this.id` inside a `for_each`, usually via `each.key`). The
 * instance chosen: the one the reference names; else the only instance; else the instance with the same
 * key as the referring resource (the common `for_each = var.x` on both sides); else no ref (KMS011).
 * `var.x` inside a module follows the module call's argument; `module.m.out` follows the output.
 */
import type { ResourceRef } from '../../model/value'
import type { Path } from './after-state'

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x)

interface ConfigModule {
  resources?: { address?: string; expressions?: Record<string, unknown>; depends_on?: unknown }[]
  module_calls?: Record<string, { expressions?: Record<string, unknown>; module?: ConfigModule }>
  outputs?: Record<string, { expression?: unknown }>
}

/** Where a reference is read: the module's configuration path and the module instance prefix in addresses. */
export interface RefContext {
  /** Module call names from the root, without keys: `['spoke']`. */
  modules: string[]
  /** Address prefix of the module instance: `module.spoke["a"].` (empty at the root). */
  prefix: string
  /** Instance key of the referring resource, as an address suffix: `[0]`, `["a"]`. */
  selfKey?: string
}

const NOT_RESOURCES = new Set(['var', 'local', 'module', 'each', 'count', 'path', 'terraform', 'self'])

/** `module.a["x"].module.b[0]` → `['a', 'b']`. */
export function modulePathOf(moduleAddress: string | undefined): string[] {
  if (!moduleAddress) return []
  return [...moduleAddress.matchAll(/module\.([^.[]+)(?:\[[^\]]*\])?/g)].map((m) => m[1])
}

export class ConfigIndex {
  private readonly resources = new Map<string, Record<string, unknown>>()

  private readonly dependencies = new Map<string, string[]>()

  /** @param instances every resource instance address of the plan */
  constructor(
    private readonly root: ConfigModule | undefined,
    private readonly instances: string[],
  ) {
    const walk = (m: ConfigModule | undefined, path: string[]) => {
      for (const r of m?.resources ?? []) {
        if (!r.address) continue
        this.resources.set(`${path.join('.')}|${r.address}`, r.expressions ?? {})
        if (Array.isArray(r.depends_on))
          this.dependencies.set(
            `${path.join('.')}|${r.address}`,
            r.depends_on.filter((d): d is string => typeof d === 'string'),
          )
      }
      for (const [name, call] of Object.entries(m?.module_calls ?? {})) walk(call.module, [...path, name])
    }
    walk(root, [])
  }

  private module(path: string[]): ConfigModule | undefined {
    let m = this.root
    for (const name of path) m = m?.module_calls?.[name]?.module
    return m
  }

  /** The `references` of the expression at `path` of a resource (blocks are lists of expression objects). */
  referencesAt(modules: string[], resource: string, path: Path): string[] {
    let cur: unknown = this.resources.get(`${modules.join('.')}|${resource}`)
    for (const seg of path) {
      if (isObj(cur) && ('references' in cur || 'constant_value' in cur)) break
      if (typeof seg === 'number') {
        if (!Array.isArray(cur)) break
        cur = cur[seg] ?? (cur.length === 1 ? cur[0] : undefined)
      } else cur = isObj(cur) ? cur[seg] : undefined
      if (cur === undefined) return []
    }
    return isObj(cur) && Array.isArray(cur.references)
      ? cur.references.filter((r) => typeof r === 'string')
      : []
  }

  /** What a resource's `depends_on` names, relative to its module (`azurerm_x.y`, `module.m`). */
  dependsOn(modules: string[], resource: string): string[] {
    return this.dependencies.get(`${modules.join('.')}|${resource}`) ?? []
  }

  /** Top-level attributes the configuration sets from other objects (not constants). */
  configuredAttributes(modules: string[], resource: string): string[] {
    const exprs = this.resources.get(`${modules.join('.')}|${resource}`) ?? {}
    return Object.keys(exprs).filter((k) => referencesOf(exprs[k]).length > 0)
  }

  /** The first reference of the list that names a resource of the plan (following variables and outputs). */
  resolve(references: string[], ctx: RefContext, depth = 0): ResourceRef | undefined {
    if (depth > 10) return undefined
    for (const ref of references) {
      const r = this.resolveOne(ref, ctx, depth)
      if (r) return r
    }
    return undefined
  }

  private resolveOne(ref: string, ctx: RefContext, depth: number): ResourceRef | undefined {
    const varMatch = /^var\.([A-Za-z0-9_-]+)/.exec(ref)
    if (varMatch) {
      if (ctx.modules.length === 0) return undefined
      const parentPath = ctx.modules.slice(0, -1)
      const call = this.module(parentPath)?.module_calls?.[ctx.modules[ctx.modules.length - 1]]
      const refs = referencesOf(call?.expressions?.[varMatch[1]])
      const parentPrefix = ctx.prefix.replace(/module\.[^.[]+(?:\[[^\]]*\])?\.$/, '')
      return this.resolve(
        refs,
        { modules: parentPath, prefix: parentPrefix, selfKey: ctx.selfKey },
        depth + 1,
      )
    }
    const modMatch = /^module\.([A-Za-z0-9_-]+)(\[[^\]]+\])?\.([A-Za-z0-9_-]+)/.exec(ref)
    if (modMatch) {
      const [, name, key, output] = modMatch
      const child = this.module([...ctx.modules, name])
      const refs = referencesOf(child?.outputs?.[output]?.expression)
      const base = `${ctx.prefix}module.${name}`
      let prefix: string | undefined
      if (key) prefix = `${base}${key}.`
      else {
        const found = new Set<string>()
        for (const a of this.instances) {
          const m = new RegExp(`^${escape(base)}(\\[[^\\]]*\\])?\\.`).exec(a)
          if (m) found.add(m[0])
        }
        if (found.size === 1) prefix = [...found][0]
      }
      if (prefix === undefined) return undefined
      return this.resolve(refs, { modules: [...ctx.modules, name], prefix, selfKey: ctx.selfKey }, depth + 1)
    }
    const m = /^((?:data\.)?[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)(\[[^\]]+\])?(?:\.(.+))?$/.exec(ref)
    if (!m || NOT_RESOURCES.has(m[1].split('.')[0])) return undefined
    const [, resource, key, attribute] = m
    const base = `${ctx.prefix}${resource}`
    const instance = this.pickInstance(base, key, ctx.selfKey)
    return instance ? { resource: instance, attribute: attribute ?? 'id' } : undefined
  }

  private pickInstance(
    base: string,
    key: string | undefined,
    selfKey: string | undefined,
  ): string | undefined {
    if (key !== undefined) return this.instances.includes(`${base}${key}`) ? `${base}${key}` : undefined
    const candidates = this.instances.filter(
      (a) => a === base || (a.startsWith(`${base}[`) && INSTANCE_KEY.test(a.slice(base.length))),
    )
    if (candidates.length === 1) return candidates[0]
    if (selfKey !== undefined && candidates.includes(`${base}${selfKey}`)) return `${base}${selfKey}`
    return undefined
  }
}

function referencesOf(expr: unknown): string[] {
  return isObj(expr) && Array.isArray(expr.references)
    ? expr.references.filter((r) => typeof r === 'string')
    : []
}

/** `[0]` or `["key"]`, and nothing after it. */
const INSTANCE_KEY = /^\[(?:\d+|"(?:[^"\\]|\\.)*")\]$/

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
