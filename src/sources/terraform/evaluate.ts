/**
 * Evaluates parsed Terraform the way `terraform plan` would see it before apply, per module directory:
 * root modules with their tfvars, local child modules once per call (and per count/for_each instance),
 * variables, locals, count/for_each expansion, dynamic blocks and references between resources.
 *
 * Everything is lazy and memoised per module instance: a local, a variable, a resource instance body or a
 * module output is evaluated once, on first use, whether that use is another expression or the final walk
 * that lists every resource instance. Cycles and runaway nesting end as unknown values, never as exceptions.
 */
import * as path from 'node:path'
import { usedAt, type Origin } from '../../model/value'
import { makeBoundary, readSource, refusedReference, type ReadBoundary } from '../parsing/read-source'
import { COST, spend } from '../evaluation/budget'
import type { EvaluatedResource, TerraformEvaluation } from '../evaluation/evaluated'
import { avmKind, expandAvm, type AvmExpansion, type AvmKind } from './modules/avm'
import { bind, evalExpr, type Binding, type Ctx, type Env } from './expr'
import type { HclAttribute, HclBlock, HclBody, HclExpr, HclFile, HclStep, HclTemplatePart } from './hcl-ast'
import { movedBlocks, type MovedAddress } from './moved'
import { convertToType } from './types'
import {
  asNumber,
  asString,
  EvalError,
  finalize,
  list,
  num,
  obj,
  sortedKeys,
  stamp,
  str,
  unknownVal,
  type Val,
} from './values'

export interface EvaluateOptions {
  /** Scan root (absolute): file() reads nothing outside it. */
  root: string
  /** The user's var files (absolute paths, also present in `files`), lowest precedence first. */
  varFiles: string[]
  /** What file() may read; default: the scan root. */
  boundary?: ReadBoundary
  /** Registry and git modules installed (`terraform init`) or downloaded; their files are in `files`. */
  modules?: ModuleResolver
}

/** Where the code of non-local module calls is. */
export interface ModuleResolver {
  /** The directory of call `key` (`a`, `a.b`: call names from the root) of the root module in `rootDir`. */
  resolve(rootDir: string, key: string, source: string): { dir: string } | { reason: string }
  /** Every directory it may answer: they are never root modules. */
  dirs: ReadonlySet<string>
}

/** Most instances one count/for_each may create; beyond it the expansion is treated as unknown. */
export const MAX_INSTANCES = 10_000
/** Deepest chain of references (local → variable → module output → ...) followed before giving up. */
const MAX_DEPTH = 400
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
/** Why a registry or git module call is not evaluated when nothing installed it. */
export const NOT_FETCHED =
  'registry module not fetched (run `terraform init` before the scan, or scan with --download-modules)'

const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on'])

interface Decl {
  mode: 'managed' | 'data'
  type: string
  name: string
  block: HclBlock
  file: string
}

interface CallDecl {
  name: string
  block: HclBlock
  file: string
  source: string | undefined
  /** Resolved directory of a local source that was scanned. */
  dir: string | undefined
  /** Why the module is not evaluated (registry/git source, missing directory). */
  notFetched: string | undefined
  /** A registry or git source: the resolver may know its directory. */
  remote: boolean
  /** An Azure Verified Module read from its inputs when its code is not installed (modules/avm.ts). */
  avm?: AvmKind
}

/** What a module reference and the final walk need of one instance of a called module. */
interface ChildModule {
  output(name: string, o: Origin): Val
  allOutputs(o: Origin): Val
  collect(): void
}

/** What one directory declares, indexed once and shared by all instances of the module. */
interface DirModule {
  dir: string
  variables: Map<string, { block: HclBlock; file: string }>
  locals: Map<string, { attr: HclAttribute; file: string }>
  outputs: Map<string, { block: HclBlock; file: string }>
  /** `type.name` → managed resource. */
  resources: Map<string, Decl>
  /** type → name → managed resource: references look up here, without joining a key first. */
  resourcesByType: Map<string, Map<string, Decl>>
  /** `type.name` → data source. */
  data: Map<string, Decl>
  calls: Map<string, CallDecl>
  providers: { block: HclBlock; file: string }[]
  /** Auto-loaded tfvars files of the directory, lowest precedence first. */
  tfvars: HclFile[]
  /** `moved` blocks, relative to this module. */
  moved: MovedAddress[]
}

interface Inst {
  address: string
  bindings?: Binding
  /** Where a for_each entry was written, when outside the block (a var-file line): see EvaluatedResource.inputs. */
  from?: Origin
}

interface Expansion {
  insts: Inst[]
  /** How instances are keyed; `unknown`: one representative instance `x.y[*]`. */
  keyed: 'none' | 'count' | 'each' | 'unknown'
  keys: (number | string)[]
  reason?: string
}

type InputSource = (name: string) => Val | undefined

const isConfig = (p: string): boolean => p.endsWith('.tf') || p.endsWith('.tf.json')
const isTfvars = (p: string): boolean => p.endsWith('.tfvars') || p.endsWith('.tfvars.json')

function blockOrigin(file: string, b: { startLine: number; endLine: number }): Origin {
  return { file, startLine: b.startLine, endLine: b.endLine }
}

function attr(body: HclBody, name: string): HclAttribute | undefined {
  return body.attributes.find((a) => a.name === name)
}

/** A string the parser already knows (a literal, or a template without interpolations). */
function staticString(e: HclExpr | undefined): string | undefined {
  if (!e) return undefined
  if (e.type === 'literal' && typeof e.value === 'string') return e.value
  if (e.type === 'template' && e.parts.every((p) => p.kind === 'literal')) {
    return e.parts.map((p) => (p.kind === 'literal' ? p.value : '')).join('')
  }
  return undefined
}

function instanceKey(k: number | string): string {
  return typeof k === 'number' ? `[${k}]` : `[${JSON.stringify(k)}]`
}

function errorReason(x: unknown): string {
  if (x instanceof EvalError) return x.message
  if (x instanceof RangeError) return 'expression nested too deeply'
  return `could not evaluate: ${x instanceof Error ? x.message : String(x)}`
}

function exprText(e: HclExpr): string {
  return e.type === 'literal' ? JSON.stringify(e.value) : e.text
}

/** Evaluates an attribute's expression; nothing escapes: errors become an unknown naming the expression. */
function evalAttr(e: HclExpr, ctx: Ctx): Val {
  try {
    return evalExpr(e, ctx)
  } catch (x) {
    return unknownVal(exprText(e), errorReason(x), {
      file: ctx.file,
      startLine: e.startLine,
      endLine: e.endLine,
    })
  }
}

class Evaluator {
  readonly resources: EvaluatedResource[] = []
  /** `moved` blocks of every module instance, with the instance's address prefix. */
  readonly moved: MovedAddress[] = []
  readonly environments: string[] = []
  readonly diagnostics: TerraformEvaluation['diagnostics'] = []
  private readonly reported = new Set<string>()
  private readonly fileCache = new Map<string, string | undefined>()
  /** Directories of installed module code (and the local modules it calls): not the user's to edit. */
  installedDirs: ReadonlySet<string> = new Set()
  depth = 0

  constructor(
    readonly dirs: Map<string, DirModule>,
    readonly root: string,
    private readonly boundary: ReadBoundary,
    readonly modules?: ModuleResolver,
  ) {}

  notFetched(call: CallDecl, reason = call.notFetched, site?: Origin): void {
    const key = `${call.file}:${call.block.startLine}`
    if (this.reported.has(key)) return
    this.reported.add(key)
    this.diagnostics.push({
      ruleId: 'KMS011',
      origin: site ?? blockOrigin(call.file, call.block),
      message: `Module "${call.name}" (source "${call.source ?? '?'}") is not evaluated: ${reason}; its outputs are unknown.`,
      expression: `module.${call.name}`,
    })
  }

  /** A notice about a module call that was read (from its inputs) but leaves something open. */
  moduleNotice(call: CallDecl, message: string, site?: Origin): void {
    const key = `${call.file}:${call.block.startLine}:${message}`
    if (this.reported.has(key)) return
    this.reported.add(key)
    this.diagnostics.push({
      ruleId: 'KMS011',
      origin: site ?? blockOrigin(call.file, call.block),
      message,
      expression: `module.${call.name}`,
    })
  }

  environment(env: string): void {
    if (!this.environments.includes(env)) this.environments.push(env)
  }

  /**
   * file()/templatefile()/fileexists(): through the read boundary (real path inside the scan root, a
   * regular file). A refusal other than a missing file is a notice at the call, naming the path written.
   */
  readFile(abs: string, written: string, origin: Origin): string | undefined {
    if (this.fileCache.has(abs)) return this.fileCache.get(abs)
    const read = readSource(abs, this.boundary)
    if (!read.ok && read.reason !== 'does not exist') {
      const key = `${origin.file}:${origin.startLine}:${written}`
      if (!this.reported.has(key)) {
        this.reported.add(key)
        this.diagnostics.push(refusedReference(origin, written, read.reason))
      }
    }
    const text = read.ok ? read.text : undefined
    this.fileCache.set(abs, text)
    return text
  }

  /** Runs `f` one level deeper, refusing to go past MAX_DEPTH (long reference chains, hidden cycles). */
  deeper<T>(f: () => T): T {
    if (this.depth >= MAX_DEPTH) throw new EvalError('references nested too deeply')
    this.depth++
    try {
      return f()
    } finally {
      this.depth--
    }
  }
}

const BUSY: unique symbol = Symbol('busy')

/** One instance of a module directory: the root module, or one call (one count/for_each key) of it. */
class ModuleInstance implements Env {
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

  constructor(
    private readonly ev: Evaluator,
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

  private ctx(file: string, bindings?: Binding): Ctx {
    return { env: this, file, bindings }
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
    const o: Origin = { file: ctx.file, startLine: e.startLine, endLine: e.endLine }
    switch (name) {
      case 'module':
        if (!attrName) throw new EvalError('`module` must be followed by a module name')
        return this.moduleRef(attrName, steps, ctx, e, o)
      case 'data': {
        const second = steps[1]
        if (!attrName || second?.kind !== 'attr')
          throw new EvalError('`data` must be followed by a type and a name')
        const decl = this.dm.data.get(`${attrName}.${second.name}`)
        if (!decl) throw new EvalError(`reference to undeclared data source data.${attrName}.${second.name}`)
        return this.resourceRef(decl, steps, 2, o)
      }
      case 'path': {
        if (attrName === 'module') return { value: str(this.pathModule(), o), used: 1 }
        if (attrName === 'root') return { value: str('.', o), used: 1 }
        if (attrName === 'cwd') return { value: str(this.rootDir, o), used: 1 }
        throw new EvalError(`unknown path attribute ${attrName}`)
      }
      case 'terraform':
        if (attrName === 'workspace') return { value: str('default', o), used: 1 }
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
      default: {
        if (!attrName) throw new EvalError(`unknown name ${name}`)
        const decl = this.dm.resourcesByType.get(name)?.get(attrName)
        if (!decl) throw new EvalError(`reference to undeclared resource ${name}.${attrName}`)
        return this.resourceRef(decl, steps, 1, o)
      }
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
      v = this.ev.deeper(() => evalAttr(decl.attr.expr, this.ctx(decl.file)))
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
    const count = attr(block.body, 'count')
    const forEach = attr(block.body, 'for_each')
    const ctx = this.ctx(file)
    const unknownExp = (reason: string, kind: 'count' | 'each'): Expansion => {
      const u = unknownVal(base, reason, blockOrigin(file, block))
      const value = kind === 'count' ? obj({ index: u }, u.origin) : obj({ key: u, value: u }, u.origin)
      return {
        insts: [{ address: `${base}[*]`, bindings: { name: kind, value } }],
        keyed: 'unknown',
        keys: [],
        reason,
      }
    }
    if (count) {
      const v = this.ev.deeper(() => evalAttr(count.expr, ctx))
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
      for (let i = 0; i < n; i++) {
        const o = blockOrigin(file, count)
        insts.push({
          address: `${base}[${i}]`,
          bindings: { name: 'count', value: obj({ index: num(i, o) }, o) },
        })
        keys.push(i)
      }
      return { insts, keyed: 'count', keys }
    }
    if (forEach) {
      const v = this.ev.deeper(() => evalAttr(forEach.expr, ctx))
      const o = blockOrigin(file, forEach)
      let pairs: [string, Val][]
      try {
        pairs = forEachPairs(v, o)
      } catch (x) {
        if (x instanceof UnknownForEach) return unknownExp(`for_each is unknown: ${x.message}`, 'each')
        return unknownExp(`invalid for_each: ${errorReason(x)}`, 'each')
      }
      if (pairs.length > MAX_INSTANCES)
        return unknownExp(`for_each exceeds ${MAX_INSTANCES} instances`, 'each')
      const written = this.entriesWritten(forEach.expr)
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
      const body = this.ev.deeper(() =>
        this.evalBody(
          decl.block.body,
          this.ctx(decl.file, inst.bindings),
          blockOrigin(decl.file, decl.block),
          RESOURCE_META,
        ),
      )
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
      v = body.kind === 'object' ? { ...body, ref: { resource: inst.address, attribute: '' } } : body
      this.instanceValues.set(inst.address, v)
    }
    return v
  }

  private resourceRef(decl: Decl, steps: HclStep[], used: number, o: Origin): { value: Val; used: number } {
    const exp = this.expansion(decl)
    switch (exp.keyed) {
      case 'none':
        return { value: this.instanceValue(decl, exp.insts[0]), used }
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

  /**
   * Evaluates a block body: arguments, and nested blocks (literal and `dynamic`) as a list of objects under
   * the block type, in source order. Each argument's value is stamped with the argument's own lines.
   */
  evalBody(body: HclBody, ctx: Ctx, o: Origin, skip?: Set<string>): Val {
    const attrs: Record<string, Val> = {}
    const as = body.attributes
    // A long body (a generated one) checks names against a set, a short one against the names before.
    const seen = as.length > 16 ? new Set<string>() : undefined
    for (let i = 0; i < as.length; i++) {
      const a = as[i]
      if (skip?.has(a.name)) continue
      if (seen ? seen.has(a.name) : writtenBefore(as, i)) continue
      seen?.add(a.name)
      const site = blockOrigin(ctx.file, a)
      attrs[a.name] = stamp(evalAttr(a.expr, ctx), site)
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
          const r = this.expandDynamic(b, type, ctx)
          if (Array.isArray(r)) g.items.push(...r)
          else g.unknown = r
        } else {
          g.items.push(this.evalBody(b.body, ctx, blockOrigin(ctx.file, b)))
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

  /** `dynamic "x" { for_each, iterator, content {} }` → the generated blocks, or one unknown for all of them. */
  private expandDynamic(b: HclBlock, type: string, ctx: Ctx): Val[] | Val {
    const o = blockOrigin(ctx.file, b)
    const fe = attr(b.body, 'for_each')
    if (!fe) return unknownVal(`dynamic "${type}"`, 'dynamic block without for_each', o)
    const coll = evalAttr(fe.expr, ctx)
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
      return unknownVal(
        exprText(fe.expr),
        `dynamic "${type}" for_each is a ${coll.kind}, not a collection`,
        o,
      )
    if (pairs.length > MAX_INSTANCES)
      return unknownVal(exprText(fe.expr), `dynamic "${type}" has too many elements`, o)
    const items = pairs.map(([key, value]) =>
      this.evalBody(content.body, bind(ctx, iter, obj({ key, value }, o)), blockOrigin(ctx.file, content)),
    )
    return items
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
        return new MappedModule(this.ev, kind, inst.address, input, site, origins, call)
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
  private mayDecide(call: CallDecl): string {
    const given = new Set<string>()
    for (const a of call.block.body.attributes)
      if (!MODULE_META.has(a.name)) walkExpr(a.expr, (e) => this.refName(e, given))
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

  /** Adds the resource or module a traversal names (`azurerm_subnet.app.id` → `azurerm_subnet.app`). */
  private refName(e: HclExpr, out: Set<string>): void {
    if (e.type !== 'traversal' || e.target.type !== 'variable') return
    const first = e.steps[0]
    if (first?.kind !== 'attr') return
    const root = e.target.name
    if (root === 'module') out.add(`module.${first.name}`)
    else if (root === 'data') {
      const second = e.steps[1]
      if (second?.kind === 'attr') out.add(`data.${first.name}.${second.name}`)
    } else if (root !== 'azurerm_resource_group' && this.dm.resources.has(`${root}.${first.name}`))
      out.add(`${root}.${first.name}`)
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
      v = value
        ? this.ev.deeper(() => evalAttr(value.expr, this.ctx(decl.file)))
        : unknownVal(`output ${name}`, 'output without value', blockOrigin(decl.file, decl.block))
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

  // ---- the final walk ----

  /** Lists every resource instance of this module and of the modules it calls. */
  collect(): void {
    const ev = this.ev
    for (const decls of [this.dm.resources, this.dm.data]) {
      for (const decl of decls.values()) {
        const exp = this.expansion(decl)
        const o = blockOrigin(decl.file, decl.block)
        spend(exp.insts.length * COST.resourceInstance, o)
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
        else ev.notFetched(call, `${where.reason}; ${this.mayDecide(call)}`, this.site)
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

/**
 * One instance of an Azure Verified Module read from its inputs (modules/avm.ts): the azurerm resources
 * it would create, at the module call's lines, and the outputs other code reads.
 */
class MappedModule implements ChildModule {
  private expansion: AvmExpansion | undefined

  constructor(
    private readonly ev: Evaluator,
    private readonly kind: AvmKind,
    /** `module.rt` or `module.rt["k"]`. */
    private readonly address: string,
    private readonly input: (name: string) => Val | undefined,
    private readonly site: Origin,
    private readonly origins: Origin[],
    private readonly call: CallDecl,
  ) {}

  private get expanded(): AvmExpansion {
    this.expansion ??= this.ev.deeper(() => expandAvm(this.kind, this.input, this.address, this.site))
    return this.expansion
  }

  output(name: string, o: Origin): Val {
    const v = this.expanded.outputs[name]
    return (
      v ??
      unknownVal(
        `${this.address}.${name}`,
        `output ${name} of ${this.call.source ?? 'the module'} is not read from its inputs`,
        o,
      )
    )
  }

  allOutputs(o: Origin): Val {
    return obj({ ...this.expanded.outputs }, o)
  }

  collect(): void {
    const { resources, problems } = this.expanded
    spend(resources.length * COST.resourceInstance, this.site)
    for (const r of resources) {
      const address = `${this.address}.${r.type}.${r.name}${r.key === undefined ? '' : instanceKey(r.key)}`
      const fin = atSite(finalize(r.body, this.site), this.site, this.ev.installedDirs)
      this.ev.resources.push({
        mode: 'managed',
        type: r.type,
        name: r.name,
        address,
        origin: this.site,
        body: fin.kind === 'object' ? fin : { kind: 'object', attrs: {}, origin: this.site },
        inputs: this.origins,
      })
    }
    for (const p of problems)
      this.ev.moduleNotice(
        this.call,
        `Module "${this.call.name}" (source "${this.call.source ?? '?'}") is read from its inputs because its code is not installed, but ${p}; what it creates is not checked. Give the value in a var file, or run \`terraform init\` before the scan (or scan with --download-modules).`,
        this.site,
      )
  }
}

/** Origins inside installed module code moved to the user's module block that called it. */
function atSite(v: Val, site: Origin, installed: ReadonlySet<string>): Val {
  const inside = installed.has(path.dirname(v.origin.file))
  // A value the user wrote and handed to the module (its `from`) stays the line to change.
  const from = v.origin.from
  const origin = !inside
    ? v.origin
    : from && !installed.has(path.dirname(from.file))
      ? usedAt(site, from)
      : site
  if (v.kind === 'list') return { ...v, origin, items: v.items.map((i) => atSite(i, site, installed)) }
  if (v.kind === 'object') {
    const attrs: Record<string, Val> = {}
    for (const k in v.attrs) attrs[k] = atSite(v.attrs[k], site, installed)
    return { ...v, origin, attrs }
  }
  return inside ? { ...v, origin } : v
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

/** Calls `visit` on `e` and every expression inside it. */
function walkExpr(e: HclExpr, visit: (e: HclExpr) => void): void {
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

function walkBody(body: HclBody, visit: (e: HclExpr) => void): void {
  for (const a of body.attributes) walkExpr(a.expr, visit)
  for (const b of body.blocks) walkBody(b.body, visit)
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

// ---- indexing the files ----

function isLocalSource(s: string): boolean {
  return s.startsWith('./') || s.startsWith('../') || s.startsWith('.\\') || s.startsWith('..\\')
}

function indexDir(dir: string, files: HclFile[]): DirModule {
  const dm: DirModule = {
    dir,
    variables: new Map(),
    locals: new Map(),
    outputs: new Map(),
    resources: new Map(),
    resourcesByType: new Map(),
    data: new Map(),
    calls: new Map(),
    providers: [],
    tfvars: [],
    moved: movedBlocks(files.map((f) => f.body)),
  }
  for (const f of files) {
    for (const b of f.body.blocks) {
      const [l0, l1] = b.labels
      switch (b.type) {
        case 'variable':
          if (l0 !== undefined && !dm.variables.has(l0)) dm.variables.set(l0, { block: b, file: f.path })
          break
        case 'locals':
          for (const a of b.body.attributes)
            if (!dm.locals.has(a.name)) dm.locals.set(a.name, { attr: a, file: f.path })
          break
        case 'output':
          if (l0 !== undefined && !dm.outputs.has(l0)) dm.outputs.set(l0, { block: b, file: f.path })
          break
        case 'resource':
        case 'data': {
          if (l0 === undefined || l1 === undefined) break
          const map = b.type === 'resource' ? dm.resources : dm.data
          const key = `${l0}.${l1}`
          if (map.has(key)) break
          const decl: Decl = {
            mode: b.type === 'resource' ? 'managed' : 'data',
            type: l0,
            name: l1,
            block: b,
            file: f.path,
          }
          map.set(key, decl)
          if (b.type === 'resource') {
            let named = dm.resourcesByType.get(l0)
            if (!named) dm.resourcesByType.set(l0, (named = new Map()))
            named.set(l1, decl)
          }
          break
        }
        case 'module': {
          if (l0 === undefined || dm.calls.has(l0)) break
          const source = staticString(attr(b.body, 'source')?.expr)
          let localDir: string | undefined
          let notFetched: string | undefined
          if (source === undefined) notFetched = 'its source is not a literal string'
          else if (isLocalSource(source)) localDir = path.resolve(dir, source.replace(/\\/g, '/'))
          else notFetched = NOT_FETCHED
          const remote = source !== undefined && localDir === undefined
          const call: CallDecl = {
            name: l0,
            block: b,
            file: f.path,
            source,
            dir: localDir,
            notFetched,
            remote,
          }
          const avm = remote ? avmKind(source) : undefined
          if (avm) call.avm = avm
          dm.calls.set(l0, call)
          break
        }
        case 'provider':
          if (l0 === 'azurerm') dm.providers.push({ block: b, file: f.path })
          break
      }
    }
  }
  return dm
}

/** tfvars precedence within a directory: terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars(.json) by name. */
function tfvarsRank(p: string): [number, string] {
  const base = path.basename(p)
  if (base === 'terraform.tfvars') return [0, base]
  if (base === 'terraform.tfvars.json') return [1, base]
  return [2, base]
}

function isAutoLoaded(p: string): boolean {
  const base = path.basename(p)
  return (
    base === 'terraform.tfvars' ||
    base === 'terraform.tfvars.json' ||
    base.endsWith('.auto.tfvars') ||
    base.endsWith('.auto.tfvars.json')
  )
}

/**
 * Evaluates every module of the scan. `files` holds all parsed .tf, .tf.json and tfvars files (absolute
 * paths) including the user's var files, which `options.varFiles` lists in precedence order.
 */
export function evaluateTerraform(files: HclFile[], options: EvaluateOptions): TerraformEvaluation {
  const diagnostics: TerraformEvaluation['diagnostics'] = []
  for (const f of files) {
    for (const e of f.errors) {
      diagnostics.push({
        ruleId: 'KMS012',
        origin: e.origin,
        message: `Syntax error in ${path.basename(f.path)} at line ${e.origin.startLine}: ${e.message}. Terraform cannot load this file; the rest of it was read as far as possible.`,
      })
    }
  }

  const byPath = new Map(files.map((f) => [f.path, f]))
  const configByDir = new Map<string, HclFile[]>()
  const tfvarsByDir = new Map<string, HclFile[]>()
  const varFileSet = new Set(options.varFiles)
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const dir = path.dirname(f.path)
    if (isConfig(f.path)) {
      let l = configByDir.get(dir)
      if (!l) configByDir.set(dir, (l = []))
      l.push(f)
    } else if (isTfvars(f.path) && isAutoLoaded(f.path) && !varFileSet.has(f.path)) {
      let l = tfvarsByDir.get(dir)
      if (!l) tfvarsByDir.set(dir, (l = []))
      l.push(f)
    }
  }

  const dirs = new Map<string, DirModule>()
  for (const [dir, fs_] of configByDir) {
    const dm = indexDir(dir, fs_)
    dm.tfvars = (tfvarsByDir.get(dir) ?? []).sort((a, b) => {
      const [ra, na] = tfvarsRank(a.path)
      const [rb, nb] = tfvarsRank(b.path)
      return ra - rb || (na < nb ? -1 : na > nb ? 1 : 0)
    })
    dirs.set(dir, dm)
  }
  // A local module directory that was not scanned cannot be evaluated.
  for (const dm of dirs.values()) {
    for (const call of dm.calls.values()) {
      if (call.dir && !dirs.has(call.dir)) {
        call.notFetched = `module directory ${path.relative(options.root, call.dir) || '.'} is not part of the scan`
      }
    }
  }

  // Root modules: directories no other scanned directory calls; then any directory left unreached
  // (modules that only call each other) so nothing is silently skipped.
  const called = new Set<string>()
  for (const dm of dirs.values())
    for (const c of dm.calls.values()) if (c.dir && !c.notFetched && c.dir !== dm.dir) called.add(c.dir)
  const sortedDirs = [...dirs.keys()].sort()
  const reached = new Set<string>()
  const reach = (d: string): void => {
    if (reached.has(d)) return
    reached.add(d)
    for (const c of dirs.get(d)!.calls.values()) if (c.dir && !c.notFetched && dirs.has(c.dir)) reach(c.dir)
  }
  // Installed module code (and the local modules it calls) is only ever evaluated through a call.
  for (const d of options.modules?.dirs ?? []) if (dirs.has(d)) reach(d)
  const installedDirs = new Set(reached)
  const roots = sortedDirs.filter((d) => !called.has(d) && !installedDirs.has(d))
  roots.forEach(reach)
  for (const d of sortedDirs) {
    if (!reached.has(d)) {
      roots.push(d)
      reach(d)
    }
  }

  const ev = new Evaluator(
    dirs,
    options.root,
    options.boundary ?? makeBoundary([options.root]),
    options.modules,
  )
  ev.installedDirs = installedDirs
  ev.diagnostics.push(...diagnostics)
  const varFiles = options.varFiles.map((p) => byPath.get(p)).filter((f): f is HclFile => f !== undefined)
  for (const dir of roots) {
    const dm = dirs.get(dir)!
    // Later assignments win: directory tfvars by precedence, then the user's var files in order.
    const assigned = new Map<string, { expr: HclExpr; file: string }>()
    for (const f of [...dm.tfvars, ...varFiles]) {
      for (const a of f.body.attributes) assigned.set(a.name, { expr: a.expr, file: f.path })
    }
    const memo = new Map<string, Val>()
    const inputs: InputSource = (name) => {
      const a = assigned.get(name)
      if (!a) return undefined
      let v = memo.get(name)
      if (!v) {
        v = evalAttr(a.expr, { env: NO_REFERENCES, file: a.file })
        memo.set(name, v)
      }
      return v
    }
    try {
      new ModuleInstance(ev, dm, '', inputs, dir, []).collect()
    } catch {
      // collect() guards every evaluation; this only keeps one broken module from ending the scan.
    }
  }
  return {
    resources: ev.resources,
    providerEnvironments: ev.environments,
    diagnostics: ev.diagnostics,
    ...(ev.moved.length > 0 ? { moved: ev.moved } : {}),
  }
}

/** tfvars files hold literal values: any reference in them is an error, as in Terraform. */
const NO_REFERENCES: Env = {
  lookup(name) {
    throw new EvalError(`variables files cannot refer to ${name}`)
  },
  readFile() {
    return undefined
  },
}
