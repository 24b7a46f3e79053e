/**
 * One instance of a module directory (the root module, or one count/for_each key of a module call), as
 * `terraform plan` would see it: variables, locals, resource instances and module outputs are evaluated
 * lazily and memoised on first use, whether that use is another expression or the final walk (`collect`)
 * that lists every resource instance. Cycles and runaway nesting end as unknown values, never as
 * exceptions. Child modules are instances of their own directory, or MappedModule for an Azure Verified
 * Module read from its inputs.
 */
import * as path from 'node:path'
import type { Origin } from '../../model/value'
import { COST, spend } from '../evaluation/budget'
import type { EvaluatedResource, GivenSubnetId } from '../evaluation/evaluated'
import { attr, blockOrigin, errorReason, evalAttr, evalAttrRead, exprText, staticString } from './attributes'
import { evalBody } from './blocks'
import { givenSubnetIds } from './given-subnet-ids'
import { atSite, type EvaluationState } from './evaluation-state'
import { evalExpr, type Binding, type Ctx, type Env } from './expr'
import type { HclBlock, HclExpr, HclStep } from './hcl-ast'
import { expandBlock, instanceKey, type Expansion, type Inst } from './instances'
import { NOT_FETCHED, type CallDecl, type Decl, type DirModule } from './module-index'
import type { AvmKind } from './modules/avm'
import { MappedModule } from './modules/mapped'
import { computedAttributes } from './computed'
import { convertToType } from './types'
import { walkBody, walkExpr } from './walk'
import { asNumber, asString, EvalError, finalize, list, obj, str, unknownVal, type Val } from './values'

/** Deepest module nesting followed. */
const MAX_MODULE_DEPTH = 24

/** Arguments that configure Terraform itself rather than the resource; they are not part of the body. */
const RESOURCE_META = new Set([
  'count',
  'for_each',
  'depends_on',
  'provider',
  'lifecycle',
  'provisioner',
  'connection',
])

const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on'])

/** First names of a reference that are not a resource type (`var` and `local` are looked up before). */
const SPECIAL_NAMES = new Set(['module', 'data', 'path', 'terraform', 'count', 'each', 'self'])

/**
 * The resources and module calls a resource's `depends_on` names, prefixed with the module instance's
 * address (`prefix`): `depends_on = [azurerm_x.y, module.m]` → `azurerm_x.y`, `module.m`.
 */
function dependsOnOf(decl: Decl, prefix: string): string[] | undefined {
  const e = attr(decl.block.body, 'depends_on')?.expr
  if (e?.type !== 'tuple') return undefined
  const out: string[] = []
  for (const item of e.items) {
    // Data sources are read, not applied: they order no commit.
    if (item.type !== 'traversal' || item.target.type !== 'variable' || item.target.name === 'data') continue
    const first = item.steps[0]
    if (first?.kind === 'attr') out.push(`${prefix}${item.target.name}.${first.name}`)
  }
  return out.length > 0 ? out : undefined
}

/** `["app"]`, `[0]` for an index step with a literal key (an instance address's spelling); else undefined. */
function literalKey(step: HclStep | undefined): string | undefined {
  if (step?.kind !== 'index') return undefined
  const k = step.key
  const text =
    k.type === 'literal'
      ? k.value
      : k.type === 'template' && k.parts.every((p) => p.kind === 'literal')
        ? k.parts.map((p) => (p.kind === 'literal' ? p.value : '')).join('')
        : undefined
  if (typeof text === 'number') return `[${text}]`
  return typeof text === 'string' ? `[${JSON.stringify(text)}]` : undefined
}

/** The resource instances a value carries (`ref`s of its parts), by full address. */
function carriedRefs(v: Val, out: Set<string>): void {
  if ((v.kind === 'list' || v.kind === 'object' || v.kind === 'unknown') && v.ref) {
    out.add(v.ref.resource)
    // A VNet's inline subnets (`azurerm_virtual_network.spoke.subnet`), as their model ids begin.
    const whole = v.ref.attribute === '' && v.kind === 'object' && v.attrs.subnet !== undefined
    if (whole || /^subnet\b/.test(v.ref.attribute)) out.add(`${v.ref.resource}.subnet`)
  }
  if (v.kind === 'list') for (const i of v.items) carriedRefs(i, out)
  else if (v.kind === 'object') for (const k in v.attrs) carriedRefs(v.attrs[k]!, out)
  // A string built with a part known only at apply (`"${azurerm_subnet.app.id}/…"`) keeps its pieces.
  else if (v.kind === 'unknown' && v.parts)
    for (const p of v.parts) if (typeof p !== 'string') carriedRefs(p, out)
}

/** What a module reference and the final walk need of one instance of a called module. */
export interface ChildModule {
  output(name: string, o: Origin): Val
  allOutputs(o: Origin): Val
  collect(): void
}

export type InputSource = (name: string) => Val | undefined

const BUSY: unique symbol = Symbol('busy')

/** `azurerm.spoke` as a `provider` argument or a `providers` map entry writes it (a word, a reference, a string). */
function providerName(e: HclExpr): string {
  const text = e.type === 'literal' ? String(e.value) : e.text
  return text.trim().replace(/^"|"$/g, '')
}

/** One instance of a module directory: the root module, or one call (one count/for_each key) of it. */
export class ModuleInstance implements Env {
  private readonly varMemo = new Map<string, Val>()

  private readonly localMemo = new Map<string, Val | typeof BUSY>()

  private readonly outputMemo = new Map<string, Val | typeof BUSY>()

  /** By declaration (one per mode, type and name in a directory): no key string to build per reference. */
  private readonly expansions = new Map<Decl, Expansion>()

  private readonly bodies = new Map<string, Val | typeof BUSY>()

  private readonly instanceValues = new Map<string, Val>()

  private readonly children = new Map<string, { exp: Expansion; instances: ChildModule[] }>()

  /** Module calls (and their for_each entries) above this instance: EvaluatedResource.inputs. */
  origins: Origin[] = []

  /**
   * The azurerm provider configurations the caller passes to this module (`azurerm`, `azurerm.<alias>`),
   * each with the subscription it deploys to where its `subscription_id` evaluates (undefined: not said).
   * The root module gets none: its own provider blocks say them.
   */
  providerSubscriptions: ReadonlyMap<string, string | undefined> = new Map()

  /**
   * Set when a module call above has a count/for_each the scan cannot evaluate: which condition its
   * resources exist under (EvaluatedResource.conditionKey; every unknown count above, outermost first).
   */
  conditionKey?: string

  private visibleProviders?: Map<string, string | undefined>

  constructor(
    private readonly ev: EvaluationState,
    readonly dm: DirModule,
    /** Address prefix: '' or `module.a.` / `module.a["k"].module.b.`. */
    readonly prefix: string,
    private readonly inputs: InputSource,
    /** The root module's directory: Terraform's working directory. */
    private readonly rootDir: string,
    /** Directories of the modules above, to stop recursive module calls. */
    private readonly chain: string[],
    /** Module key: call names from the root joined by `.` ('' for the root), as modules.json keys them. */
    private readonly key = '',
    /**
     * Set inside installed (registry/git) module code: the user's outermost module block that called it.
     * Findings point there, at the lines a person edits, not into `.terraform` or a download cache.
     */
    private readonly site?: Origin,
  ) {}

  /** Contexts without bindings, one per file: a Ctx is never changed once made (bind() makes another). */
  private plainCtx?: Map<string, Ctx>

  private ctx(file: string, bindings?: Binding): Ctx {
    if (bindings) return { env: this, file, bindings }
    let c = (this.plainCtx ??= new Map()).get(file)
    if (!c) this.plainCtx.set(file, (c = { env: this, file, bindings }))
    return c
  }

  readFile(p: string, origin: Origin): string | undefined {
    if (path.isAbsolute(p)) return this.ev.readFile(p, p, origin)
    // Terraform resolves file() against the working directory (the root module; `${path.module}/x` is
    // relative to it). A bare name used inside a child module is also tried against the module directory.
    return (
      this.ev.readFile(path.resolve(this.rootDir, p), p, origin) ??
      this.ev.readFile(path.resolve(this.dm.dir, p), p, origin)
    )
  }

  // ---- references ----

  lookup(name: string, steps: HclStep[], ctx: Ctx, e: HclExpr): { value: Val; used: number } {
    const first = steps[0]
    const attrName = first?.kind === 'attr' ? first.name : undefined
    // var and local, most references, need no origin of their own: none is allocated for them.
    if (name === 'var') {
      if (!attrName) throw new EvalError('`var` must be followed by a variable name')
      return { value: this.variable(attrName), used: 1 }
    }
    if (name === 'local') {
      if (!attrName) throw new EvalError('`local` must be followed by a name')
      return { value: this.local(attrName, ctx.file, e), used: 1 }
    }
    // Nor a resource or a data source without count or for_each (resourceRef makes one where it needs it).
    if (!SPECIAL_NAMES.has(name)) {
      if (!attrName) throw new EvalError(`unknown name ${name}`)
      const decl = this.dm.resourcesByType.get(name)?.get(attrName)
      if (!decl) throw new EvalError(`reference to undeclared resource ${name}.${attrName}`)
      return this.resourceRef(decl, steps, 1, ctx.file, e)
    }
    if (name === 'data') {
      const second = steps[1]
      if (!attrName || second?.kind !== 'attr')
        throw new EvalError('`data` must be followed by a type and a name')
      const decl = this.dm.data.get(`${attrName}.${second.name}`)
      if (!decl) throw new EvalError(`reference to undeclared data source data.${attrName}.${second.name}`)
      return this.resourceRef(decl, steps, 2, ctx.file, e)
    }
    const o: Origin = { file: ctx.file, startLine: e.startLine, endLine: e.endLine }
    switch (name) {
      case 'module':
        if (!attrName) throw new EvalError('`module` must be followed by a module name')
        return this.moduleRef(attrName, steps, ctx, e, o)
      case 'path': {
        if (attrName === 'module') return { value: str(this.pathModule(), o), used: 1 }
        if (attrName === 'root') return { value: str('.', o), used: 1 }
        if (attrName === 'cwd') return { value: str(this.rootDir, o), used: 1 }
        throw new EvalError(`unknown path attribute ${attrName}`)
      }
      case 'terraform':
        if (attrName === 'workspace') {
          const w = this.ev.workspace(this.rootDir)
          return { value: w.name !== undefined ? str(w.name, o) : unknownVal(exprText(e), w.why, o), used: 1 }
        }
        return {
          value: unknownVal(exprText(e), `terraform.${attrName} is not evaluated`, o),
          used: steps.length,
        }
      case 'count':
        throw new EvalError('count.index is only available in a block with count')
      case 'each':
        throw new EvalError('each.key/each.value are only available in a block with for_each')
      case 'self':
        return { value: unknownVal(exprText(e), 'self is not evaluated', o), used: steps.length }
      default:
        // Every other name in SPECIAL_NAMES has its case above: one added there without a case lands here.
        throw new EvalError(`unknown name ${name}`)
    }
  }

  private pathModule(): string {
    const rel = path.relative(this.rootDir, this.dm.dir).split(path.sep).join('/')
    return rel === '' ? '.' : rel
  }

  private variable(name: string): Val {
    const memo = this.varMemo.get(name)
    if (memo) return memo
    const decl = this.dm.variables.get(name)
    if (!decl) throw new EvalError(`reference to undeclared input variable ${name}`)
    const v = this.ev.deeper(() => {
      const body = decl.block.body
      let value = this.inputs(name)
      const nullable = attr(body, 'nullable')
      const notNullable = nullable?.expr.type === 'literal' && nullable.expr.value === false
      if (value === undefined || (value.kind === 'null' && notNullable)) {
        const def = attr(body, 'default')
        value = def
          ? evalAttr(def.expr, this.ctx(decl.file))
          : unknownVal(`var.${name}`, `no value for variable ${name}`, blockOrigin(decl.file, decl.block))
      }
      const type = attr(body, 'type')
      return type ? convertToType(value, type.expr, (e) => evalAttr(e, this.ctx(decl.file))) : value
    })
    this.varMemo.set(name, v)
    return v
  }

  /** local.`name`, read at `e` in `file` (the origin of the unknown a cycle or an error gives). */
  private local(name: string, file: string, e: HclExpr): Val {
    const memo = this.localMemo.get(name)
    if (memo !== undefined && memo !== BUSY) return memo
    const o: Origin = { file, startLine: e.startLine, endLine: e.endLine }
    if (memo === BUSY) return unknownVal(`local.${name}`, `local.${name} refers to itself`, o)
    const decl = this.dm.locals.get(name)
    if (!decl) throw new EvalError(`reference to undeclared local value ${name}`)
    this.localMemo.set(name, BUSY)
    let v: Val
    try {
      this.ev.enter()
      try {
        v = evalAttr(decl.attr.expr, this.ctx(decl.file))
      } finally {
        this.ev.leave()
      }
    } catch (x) {
      v = unknownVal(`local.${name}`, errorReason(x), o)
    }
    this.localMemo.set(name, v)
    return v
  }

  // ---- resources ----

  /** The instances of a resource (or data source): evaluates count/for_each once. */
  expansion(decl: Decl): Expansion {
    let exp = this.expansions.get(decl)
    if (!exp) {
      const base = `${this.prefix}${decl.mode === 'data' ? 'data.' : ''}${decl.type}.${decl.name}`
      exp = this.expand(decl.block, decl.file, base)
      this.expansions.set(decl, exp)
    }
    return exp
  }

  /** count / for_each of a resource or module block → instances with their bindings. */
  private expand(block: HclBlock, file: string, base: string): Expansion {
    const ctx = this.ctx(file)
    return expandBlock(
      block,
      file,
      base,
      (e) => this.ev.deeper(() => evalAttrRead(e, ctx)),
      (e) => this.entriesWritten(e),
    )
  }

  /**
   * `for_each = var.x`: where each entry of the variable was written (a var-file line, a module call's
   * argument). References take the origin of the line that reads them, so this reads the variable itself.
   */
  private entriesWritten(e: HclExpr): Map<string, Origin> | undefined {
    if (e.type !== 'traversal' || e.target.type !== 'variable' || e.target.name !== 'var') return undefined
    const step = e.steps[0]
    if (e.steps.length !== 1 || step?.kind !== 'attr') return undefined
    let v: Val
    try {
      v = this.variable(step.name)
    } catch {
      return undefined
    }
    const out = new Map<string, Origin>()
    if (v.kind === 'object') for (const k in v.attrs) out.set(k, v.attrs[k]!.origin)
    else if (v.kind === 'list') for (const i of v.items) if (i.kind === 'string') out.set(i.value, i.origin)
    return out
  }

  /** Evaluated body of one resource instance (memoised; a cycle gives an EvalError). */
  instanceBody(decl: Decl, inst: Inst): Val {
    const memo = this.bodies.get(inst.address)
    if (memo === BUSY) throw new EvalError(`${inst.address} refers to itself`)
    if (memo) return memo
    this.bodies.set(inst.address, BUSY)
    try {
      let body: Val
      this.ev.enter()
      try {
        body = evalBody(
          decl.block.body,
          this.ctx(decl.file, inst.bindings),
          blockOrigin(decl.file, decl.block),
          RESOURCE_META,
        )
      } finally {
        this.ev.leave()
      }
      this.bodies.set(inst.address, body)
      return body
    } catch (x) {
      this.bodies.delete(inst.address)
      throw x
    }
  }

  /** A resource instance as other expressions see it: its arguments, and a ref for everything else. */
  private instanceValue(decl: Decl, inst: Inst): Val {
    let v = this.instanceValues.get(inst.address)
    if (!v) {
      const body = this.instanceBody(decl, inst)
      const computed = computedAttributes(decl.type, body, inst.address)
      // Built field by field, not spread or assigned: on Node 20 a spread with fields after it costs a few
      // µs per object (issue 13), and this runs for every resource instance. A body is what evalBody makes
      // (obj(): kind, attrs, origin), so these are all its fields. The attributes (user-named keys) are spread.
      v =
        body.kind === 'object'
          ? {
              kind: 'object',
              attrs: computed ? { ...body.attrs, ...computed } : body.attrs,
              origin: body.origin,
              ref: { resource: inst.address, attribute: '' },
            }
          : body
      this.instanceValues.set(inst.address, v)
    }
    return v
  }

  /** A reference to a resource or data source, at `e` in `file`. */
  private resourceRef(
    decl: Decl,
    steps: HclStep[],
    used: number,
    file: string,
    e: HclExpr,
  ): { value: Val; used: number } {
    const exp = this.expansion(decl)
    if (exp.keyed === 'none') return { value: this.instanceValue(decl, exp.insts[0]), used }
    const o: Origin = { file, startLine: e.startLine, endLine: e.endLine }
    switch (exp.keyed) {
      case 'count':
        return {
          value: list(
            exp.insts.map((i) => this.instanceValue(decl, i)),
            o,
          ),
          used,
        }
      case 'each': {
        const attrs: Record<string, Val> = {}
        exp.insts.forEach((inst, i) => (attrs[exp.keys[i] as string] = this.instanceValue(decl, inst)))
        return { value: obj(attrs, o), used }
      }
      case 'unknown': {
        // Unknown count/for_each: `x.y[k]` reads the one representative instance, so references still
        // name the resource (and its route/ip_configuration blocks stay visible).
        const next = steps[used]
        if (next?.kind === 'index') return { value: this.instanceValue(decl, exp.insts[0]), used: used + 1 }
        const base = exp.insts[0].address.slice(0, -3)
        return { value: unknownVal(base, exp.reason ?? 'unknown instances', o), used: steps.length }
      }
    }
  }

  // ---- modules ----

  /** The directory a call's code is in, or why there is none. */
  private callDir(call: CallDecl): { dir: string } | { reason: string } {
    if (call.dir && !call.notFetched) return { dir: call.dir }
    if (!call.remote || !this.ev.modules) return { reason: call.notFetched ?? 'module not evaluated' }
    const found = this.ev.modules.resolve(this.rootDir, this.childKey(call), call.source!)
    if ('dir' in found && !this.ev.dirs.has(found.dir))
      return { reason: 'its installed directory holds no Terraform files' }
    return found
  }

  private childKey(call: CallDecl): string {
    return this.key === '' ? call.name : `${this.key}.${call.name}`
  }

  private childCall(call: CallDecl): { exp: Expansion; instances: ChildModule[] } | undefined {
    const where = this.callDir(call)
    if (!('dir' in where)) return this.mapped(call, where) ? this.mappedCall(call, call.avm!) : undefined
    let c = this.children.get(call.name)
    if (!c) {
      const exp = this.expand(call.block, call.file, `${this.prefix}module.${call.name}`)
      // count = 100 over 7 levels of modules is 10^14 instances: each instance is spent from the budget.
      spend(exp.insts.length * COST.moduleInstance, blockOrigin(call.file, call.block))
      const dm = this.ev.dirs.get(where.dir)!
      const site = this.site ?? (call.remote ? blockOrigin(call.file, call.block) : undefined)
      const providers = this.providersFor(call)
      const instances = exp.insts.map((inst) => {
        const inputs: InputSource = (name) => {
          if (MODULE_META.has(name)) return undefined
          const a = attr(call.block.body, name)
          return a ? evalAttr(a.expr, this.ctx(call.file, inst.bindings)) : undefined
        }
        const child = new ModuleInstance(
          this.ev,
          dm,
          `${inst.address}.`,
          inputs,
          this.rootDir,
          [...this.chain, this.dm.dir],
          this.childKey(call),
          site,
        )
        child.providerSubscriptions = providers
        const key = this.conditionKeyOf(exp)
        if (key !== undefined) child.conditionKey = key
        child.origins = [
          ...this.origins,
          blockOrigin(call.file, call.block),
          ...(inst.from ? [inst.from] : []),
        ]
        return child
      })
      c = { exp, instances }
      this.children.set(call.name, c)
    }
    return c
  }

  /**
   * An Azure Verified Module is read from its inputs only when nothing installed or downloaded code for
   * the root module: after a failed init or download, that failure is what the user must see.
   */
  private mapped(call: CallDecl, where: { reason: string }): boolean {
    return call.avm !== undefined && where.reason === NOT_FETCHED
  }

  /** An Azure Verified Module whose code is not here, read from its inputs, once per instance. */
  private mappedCall(call: CallDecl, kind: AvmKind): { exp: Expansion; instances: ChildModule[] } {
    let c = this.children.get(call.name)
    if (!c) {
      const exp = this.expand(call.block, call.file, `${this.prefix}module.${call.name}`)
      const site = this.site ?? blockOrigin(call.file, call.block)
      spend(exp.insts.length * COST.moduleInstance, site)
      const instances = exp.insts.map((inst) => {
        const memo = new Map<string, Val | undefined>()
        const input = (name: string): Val | undefined => {
          if (!memo.has(name)) {
            const a = attr(call.block.body, name)
            memo.set(name, a ? evalAttr(a.expr, this.ctx(call.file, inst.bindings)) : undefined)
          }
          return memo.get(name)
        }
        const origins = [
          ...this.origins,
          blockOrigin(call.file, call.block),
          ...(inst.from ? [inst.from] : []),
        ]
        return new MappedModule(
          this.ev,
          kind,
          inst.address,
          input,
          site,
          origins,
          call,
          this.conditionKeyOf(exp),
        )
      })
      c = { exp, instances }
      this.children.set(call.name, c)
    }
    return c
  }

  /**
   * What a module call that is not evaluated may decide: the resources handed to it and the resources that
   * use its outputs. A registry module often creates or attaches route tables, NSGs and firewalls.
   */
  private mayDecide(call: CallDecl, given: Set<string>): string {
    const users = new Set<string>()
    const mine = `module.${call.name}`
    for (const decl of [...this.dm.resources.values(), ...this.dm.calls.values()]) {
      const seen = new Set<string>()
      walkBody(decl.block.body, (e) => this.refName(e, seen))
      const name = 'type' in decl ? `${decl.type}.${decl.name}` : `module.${decl.name}`
      if (seen.has(mine) && name !== mine) users.add(name)
    }
    const parts: string[] = []
    const names = (s: Set<string>) => [...s].sort().join(', ')
    if (given.size > 0) parts.push(`it is given ${names(given)}`)
    if (users.size > 0) parts.push(`${names(users)} ${users.size === 1 ? 'uses' : 'use'} its outputs`)
    const scope = parts.length > 0 ? `${parts.join(', and ')}: the` : 'the'
    return `${scope} route tables, subnets, NSGs or firewalls it may create or attach can decide the KMS path of Windows VM subnets, and are not checked`
  }

  /**
   * The resources and modules a call's arguments name, by address within this module (`azurerm_subnet.app`),
   * and the resource instances their values carry, by full address (`module.net.azurerm_subnet.this["app"]`):
   * a subnet id handed over through a local, a map, a for expression or another module's output is still
   * that subnet's (values keep the resource they were read from, ./expr.ts). An argument whose value lost
   * track of what it was built from (an unknown without a ref) keeps what its text names.
   */
  private givenTo(call: CallDecl): { named: Set<string>; carried: Set<string>; ids: GivenSubnetId[] } {
    const named = new Set<string>()
    const carried = new Set<string>()
    const ids: GivenSubnetId[] = []
    let exp: Expansion | undefined
    try {
      exp = this.expand(call.block, call.file, `${this.prefix}module.${call.name}`)
    } catch {
      exp = undefined
    }
    for (const a of call.block.body.attributes) {
      if (a.name !== 'for_each' && MODULE_META.has(a.name)) continue
      walkExpr(a.expr, (e) => this.refName(e, named, true))
      for (const inst of a.name === 'for_each' ? [undefined] : (exp?.insts ?? [undefined])) {
        const ctx = this.ctx(call.file, inst?.bindings)
        try {
          const v = this.ev.deeper(() => evalAttr(a.expr, ctx))
          carriedRefs(v, carried)
          givenSubnetIds(v, ids)
          walkExpr(a.expr, (e) => this.lookedUpIn(e, ctx, carried))
        } catch {
          // Too deep to evaluate: what the text names stands.
        }
      }
    }
    return { named, carried, ids }
  }

  /**
   * `local.subnets[var.name].id`, `azurerm_subnet.this[var.key].id` with a key known only at plan: the
   * value is any element of the collection looked up in, so everything the collection carries is given.
   */
  private lookedUpIn(e: HclExpr, ctx: Ctx, carried: Set<string>): void {
    if (e.type !== 'traversal') return
    for (const [i, step] of e.steps.entries()) {
      if (step.kind !== 'index' || step.key.type === 'literal') continue
      if (this.ev.deeper(() => evalExpr(step.key, ctx)).kind !== 'unknown') continue
      const collection: HclExpr = { ...e, steps: e.steps.slice(0, i) }
      carriedRefs(
        this.ev.deeper(() => evalExpr(collection, ctx)),
        carried,
      )
      return
    }
  }

  /**
   * Adds the resource or module a traversal names (`azurerm_subnet.app.id` → `azurerm_subnet.app`); with
   * `keyed`, a resource's instance where a literal key says which (`azurerm_subnet.this["app"]`).
   */
  private refName(e: HclExpr, out: Set<string>, keyed = false): void {
    if (e.type !== 'traversal' || e.target.type !== 'variable') return
    const first = e.steps[0]
    if (first?.kind !== 'attr') return
    const root = e.target.name
    if (root === 'module') out.add(`module.${first.name}`)
    else if (root === 'data') {
      const second = e.steps[1]
      if (second?.kind === 'attr') out.add(`data.${first.name}.${second.name}`)
    } else if (root !== 'azurerm_resource_group' && this.dm.resources.has(`${root}.${first.name}`)) {
      const key = keyed ? literalKey(e.steps[1]) : undefined
      out.add(`${root}.${first.name}${key ?? ''}`)
    }
  }

  private moduleRef(
    name: string,
    steps: HclStep[],
    ctx: Ctx,
    e: HclExpr,
    o: Origin,
  ): { value: Val; used: number } {
    const call = this.dm.calls.get(name)
    if (!call) throw new EvalError(`reference to undeclared module ${name}`)
    const child = this.childCall(call)
    if (!child) {
      const where = this.callDir(call)
      return {
        value: unknownVal(exprText(e), 'reason' in where ? where.reason : 'module not evaluated', o),
        used: steps.length,
      }
    }
    const { exp, instances } = child
    let used = 1
    let inst: ChildModule | undefined
    if (exp.keyed === 'none') inst = instances[0]
    else if (steps[1]?.kind === 'index') {
      used = 2
      if (exp.keyed === 'unknown') inst = instances[0]
      else {
        const k = evalExpr(steps[1].key, ctx)
        if (k.kind === 'unknown') return { value: unknownVal(exprText(e), k.reason, o), used: steps.length }
        const want = exp.keyed === 'count' ? asNumber(k) : asString(k)
        const i = exp.keys.indexOf(want)
        if (i < 0) throw new EvalError(`module.${name} has no instance ${instanceKey(want)}`)
        inst = instances[i]
      }
    }
    if (inst) {
      const out = steps[used]
      if (out?.kind === 'attr') return { value: inst.output(out.name, o), used: used + 1 }
      return { value: inst.allOutputs(o), used }
    }
    if (exp.keyed === 'unknown')
      return { value: unknownVal(exprText(e), exp.reason ?? 'unknown instances', o), used: steps.length }
    if (exp.keyed === 'count')
      return {
        value: list(
          instances.map((m) => m.allOutputs(o)),
          o,
        ),
        used,
      }
    const attrs: Record<string, Val> = {}
    instances.forEach((m, i) => (attrs[exp.keys[i] as string] = m.allOutputs(o)))
    return { value: obj(attrs, o), used }
  }

  output(name: string, o: Origin): Val {
    const memo = this.outputMemo.get(name)
    if (memo === BUSY) return unknownVal(`module output ${name}`, `output ${name} refers to itself`, o)
    if (memo) return memo
    const decl = this.dm.outputs.get(name)
    if (!decl) throw new EvalError(`module ${this.prefix.slice(0, -1)} has no output "${name}"`)
    const value = attr(decl.block.body, 'value')
    this.outputMemo.set(name, BUSY)
    let v: Val
    try {
      if (value) {
        this.ev.enter()
        try {
          v = evalAttr(value.expr, this.ctx(decl.file))
        } finally {
          this.ev.leave()
        }
      } else v = unknownVal(`output ${name}`, 'output without value', blockOrigin(decl.file, decl.block))
    } catch (x) {
      v = unknownVal(`output ${name}`, errorReason(x), o)
    }
    this.outputMemo.set(name, v)
    return v
  }

  allOutputs(o: Origin): Val {
    const attrs: Record<string, Val> = {}
    for (const name of this.dm.outputs.keys()) attrs[name] = this.output(name, o)
    return obj(attrs, o)
  }

  // ---- provider configurations (a resource's subscription) ----

  /** The provider configurations visible here: the caller's, then this module's own provider blocks. */
  private providers(): ReadonlyMap<string, string | undefined> {
    if (this.visibleProviders) return this.visibleProviders
    const m = new Map(this.providerSubscriptions)
    for (const p of this.dm.providers) {
      const alias = staticString(attr(p.block.body, 'alias')?.expr)
      const sub = attr(p.block.body, 'subscription_id')
      const v = sub ? evalAttr(sub.expr, this.ctx(p.file)) : undefined
      const id = v?.kind === 'string' && v.value.trim() !== '' ? v.value.trim().toLowerCase() : undefined
      m.set(alias ? `azurerm.${alias}` : 'azurerm', id)
    }
    return (this.visibleProviders = m)
  }

  /**
   * What a module call passes: its `providers` map (`{ azurerm = azurerm.spoke }`), else, as Terraform
   * does, the default azurerm configuration alone.
   */
  private providersFor(call: CallDecl): Map<string, string | undefined> {
    const visible = this.providers()
    const out = new Map<string, string | undefined>()
    const given = attr(call.block.body, 'providers')
    if (!given) {
      if (visible.has('azurerm')) out.set('azurerm', visible.get('azurerm'))
      return out
    }
    if (given.expr.type === 'object')
      for (const item of given.expr.items)
        out.set(providerName(item.key), visible.get(providerName(item.value)))
    return out
  }

  /** The subscription an azurerm resource or data source deploys to, where its provider configuration says. */
  private subscriptionOf(decl: Decl): string | undefined {
    if (!decl.type.startsWith('azurerm_')) return undefined
    const p = attr(decl.block.body, 'provider')
    return this.providers().get(p ? providerName(p.expr) : 'azurerm')
  }

  // ---- the final walk ----

  /**
   * The condition instances of a block here exist under, when its count/for_each cannot be evaluated (or a
   * call above's cannot): the module instance and the expression as written, so that resources under the
   * same `count = var.hub ? 1 : 0` in one module instance come and go together, in whichever file.
   */
  private conditionKeyOf(exp: Expansion): string | undefined {
    const own =
      exp.keyed === 'unknown' && exp.written !== undefined ? `${this.prefix}\u0000${exp.written}` : undefined
    // Under a call's condition and its own: both (another object under the call's alone may be there
    // without it).
    if (this.conditionKey === undefined || own === undefined) return this.conditionKey ?? own
    return `${this.conditionKey}\u0001${own}`
  }

  /** Lists every resource instance of this module and of the modules it calls. */
  collect(): void {
    const ev = this.ev
    for (const decls of [this.dm.resources, this.dm.data]) {
      for (const decl of decls.values()) {
        const exp = this.expansion(decl)
        const o = blockOrigin(decl.file, decl.block)
        spend(exp.insts.length * COST.resourceInstance, o)
        const subscription = this.subscriptionOf(decl)
        const dependsOn = dependsOnOf(decl, this.prefix)
        for (const inst of exp.insts) {
          let body: Val
          try {
            body = this.instanceBody(decl, inst)
          } catch (x) {
            body = obj({}, o)
            void x
          }
          let fin = finalize(body, o)
          if (this.site) fin = atSite(fin, this.site, this.ev.installedDirs)
          const r: EvaluatedResource = {
            mode: decl.mode,
            type: decl.type,
            name: decl.name,
            address: inst.address,
            origin: this.site ?? o,
            body: fin.kind === 'object' ? fin : { kind: 'object', attrs: {}, origin: this.site ?? o },
          }
          if (decl.block.comments) r.comments = decl.block.comments
          const inputs = inst.from ? [...this.origins, inst.from] : this.origins
          if (inputs.length > 0) r.inputs = inputs
          if (subscription !== undefined) r.subscription = subscription
          if (dependsOn) r.dependsOn = dependsOn
          const conditionKey = this.conditionKeyOf(exp)
          if (conditionKey !== undefined) r.conditionKey = conditionKey
          ev.resources.push(r)
        }
      }
    }
    for (const m of this.dm.moved) ev.moved.push({ from: this.prefix + m.from, to: this.prefix + m.to })
    for (const p of this.dm.providers) {
      const env = attr(p.block.body, 'environment')
      if (!env) continue
      const v = evalAttr(env.expr, this.ctx(p.file))
      if (v.kind === 'string') ev.environment(v.value.toLowerCase())
    }
    for (const call of this.dm.calls.values()) {
      const where = this.callDir(call)
      if (!('dir' in where)) {
        if (this.mapped(call, where)) this.mappedCall(call, call.avm!).instances.forEach((m) => m.collect())
        else {
          const { named, carried, ids } = this.givenTo(call)
          const given = new Set([...named].map((g) => this.prefix + g))
          for (const c of carried) given.add(c)
          const shown = new Set(
            [...given].map((g) => (g.startsWith(this.prefix) ? g.slice(this.prefix.length) : g)),
          )
          ev.notFetched(call, `${where.reason}; ${this.mayDecide(call, shown)}`, this.site)
          ev.opaqueModules.push({
            module: `${this.prefix}module.${call.name}`,
            given: [...given],
            ...(ids.length > 0 ? { subnetIds: ids } : {}),
            why: where.reason,
            ...(call.source !== undefined ? { source: call.source } : {}),
            origin: this.site ?? blockOrigin(call.file, call.block),
          })
        }
        continue
      }
      if (
        this.chain.includes(where.dir) ||
        where.dir === this.dm.dir ||
        this.chain.length >= MAX_MODULE_DEPTH
      ) {
        call.notFetched = 'the module calls itself (recursion is not evaluated)'
        ev.notFetched(call, call.notFetched, this.site)
        continue
      }
      this.childCall(call)?.instances.forEach((m) => m.collect())
    }
  }
}
