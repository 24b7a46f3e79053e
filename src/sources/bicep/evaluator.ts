/**
 * Evaluates one Bicep template instance (an entry template, or a local module called with its params) to
 * ARM-shaped resources whose bodies are value trees. Declarations are evaluated lazily and memoised, as
 * Bicep allows them in any order; whatever cannot be known before deployment becomes an unknown value
 * that says why, and references to other resources keep a ref to their model id so the model builder can
 * link them exactly as it links Terraform references.
 *
 * Model ids: `<entry path relative to the root>::<address>`, where the address is the symbolic path
 * (`rtSpoke`, `hub.rtSpoke[1]`). A child resource whose parent is declared in the scan and whose name is
 * known gets `<parent id>/<collection>/<name>` instead: the ARM shape mapper gives inline children
 * (`properties.subnets[*]`) exactly that id, so `'${vnet.id}/subnets/app'` finds either spelling.
 *
 * A reference `x.id` to a declared resource is an unknown with ref `{ resource: <model id of x>,
 * attribute: 'id' }` (ARM ids exist only after deployment), as in the Terraform source. An `existing`
 * resource is not emitted; its id is the provider-relative id `Microsoft.Network/routeTables/rt-hub`, which
 * the model builder resolves by type and names against whatever the scan declares.
 */
import * as path from 'node:path'
import { known, unknown, type Origin, type Value } from '../../model/value'
import { isModelledArmType } from '../mapping/arm-shapes'
import { avmCannotDecideKms, avmModuleKind, evaluateAvmModule } from './avm'
import { callBuiltin } from './functions'
import { field, hasToken, kids, originOf, broken, type Node, type ParsedFile } from './syntax'
import type { BicepResource, DeploymentContext } from './types'
import {
  DEPLOYMENT_TIME,
  at,
  deepAt,
  derived,
  equals,
  firstUnknown,
  getAttr,
  render,
  scalarText,
  vBool,
  vList,
  vNull,
  vNum,
  vObj,
  vStr,
  vUnknown,
  type V,
  type VObject,
  type VUnknown,
} from './values'
import { sizeOf, spend } from '../evaluation/budget'

export interface ResourceInst {
  id: string
  address: string
  armType: string
  apiVersion?: string
  /** Full ARM name (`rt-hub/kms-0` for children). */
  name: V
  /** Own name as written. */
  ownName: V
  body: V
  existing: boolean
  /**
   * An `existing` resource whose name is the name of a resource the scan declares (`policy.name` passed
   * down to a module): the model id of that resource, which this one is.
   */
  declared?: string
  /** The resource group it is in, when the scan can tell (see Template.resourceGroup). */
  resourceGroup?: string
  origin: Origin
}

export interface ModuleInst {
  address: string
  name: V
  outputs: Record<string, V>
  /** Set when the outputs cannot be known at all (registry module, not deployed...). */
  outputsUnknown?: VUnknown
}

/** Things an expression can denote besides a value: resources, modules, lambdas. */
export type Sym =
  | { sym: 'resource'; r: ResourceInst }
  | { sym: 'resources'; list: ResourceInst[] | VUnknown; expression: string }
  /** A path into a resource (`fw.properties.ipConfigurations[0]`): declared value if any, else a ref. */
  | { sym: 'rpath'; r: ResourceInst; path: string; value: V | undefined }
  | { sym: 'module'; m: ModuleInst }
  | { sym: 'modules'; list: ModuleInst[] | VUnknown; expression: string }
  | { sym: 'lambda'; params: string[]; body: Node; env: Env }
  | { sym: 'namespace'; name: string }

export type Val = V | Sym

const isSym = (v: Val): v is Sym => 'sym' in v

export interface Env {
  t: Template
  locals?: Map<string, Val>
  /** Origin of the property being evaluated: where parameter values land. */
  site: Origin
}

type DeclKind = 'param' | 'var' | 'resource' | 'module' | 'output' | 'func'

interface Decl {
  kind: DeclKind
  name: string
  node: Node
  /** For nested resources: the key of the enclosing resource declaration. */
  parent?: string
}

const IN_PROGRESS = Symbol('in progress')

/** The expression node after the `=` of a declaration. */
function valueAfterEquals(node: Node): Node | undefined {
  return field(node, 'value')
}

function identifierOf(node: Node): string {
  return kids(node).find((k) => k.type === 'identifier')?.text ?? ''
}

/** A string literal without interpolation (resource types, module paths). */
export function literalString(node: Node | undefined): string | undefined {
  if (node?.type !== 'string') return undefined
  if (kids(node).some((k) => k.type === 'interpolation')) return undefined
  return decodeStringParts(node)
}

function decodeEscape(text: string): string {
  switch (text[1]) {
    case 'n':
      return '\n'
    case 'r':
      return '\r'
    case 't':
      return '\t'
    case 'u': {
      const hex = /\{([0-9a-fA-F]+)\}/.exec(text)?.[1]
      return hex ? String.fromCodePoint(parseInt(hex, 16)) : text
    }
    default:
      return text.slice(1)
  }
}

function isMultiline(node: Node): boolean {
  return hasToken(node, "'''")
}

function decodeStringParts(node: Node): string {
  let out = ''
  for (const k of kids(node)) {
    if (k.type === 'string_content') out += k.text
    else if (k.type === 'escape_sequence') out += isMultiline(node) ? k.text : decodeEscape(k.text)
  }
  return isMultiline(node) ? out.replace(/^\r?\n/, '') : out
}

export function toValue(v: V, fallback: Origin, what: string): Value<string> {
  if (v.kind === 'string') return known(v.value, v.origin)
  if (v.kind === 'unknown') return unknown(v.expression, v.reason, v.origin, v.ref)
  return unknown(render(v), `${what} is not a string`, v.origin ?? fallback)
}

export class Template {
  private readonly decls = new Map<string, Decl>()
  private readonly cache = new Map<Decl, Val | typeof IN_PROGRESS>()
  private outputCache: Record<string, V> | undefined

  constructor(
    readonly ctx: DeploymentContext,
    readonly file: ParsedFile,
    /** Parameter values given by a parameter file or the calling module. */
    private readonly inputs: Map<string, V>,
    /** Address prefix of this instance: '' for the entry, `hub.` for module `hub`. */
    readonly prefix: string,
    /** Absolute paths of the templates calling this one (cycle guard). */
    private readonly stack: string[],
    /** Set when the parameter file is unreadable: parameters it does not give are unknown, not defaulted. */
    private readonly missingReason?: string,
    /**
     * The resource group this instance deploys to, when a calling module's `scope: resourceGroup('name')`
     * says so: declared resources are registered in it, so `existing` ones find them by name and group.
     */
    readonly resourceGroup?: string,
  ) {
    for (const stmt of kids(file.root)) this.collect(stmt)
  }

  origin(node: Node): Origin {
    return originOf(this.file.path, node)
  }

  private collect(stmt: Node, parent?: string): void {
    const kinds: Record<string, DeclKind> = {
      parameter_declaration: 'param',
      variable_declaration: 'var',
      resource_declaration: 'resource',
      module_declaration: 'module',
      output_declaration: 'output',
      user_defined_function: 'func',
    }
    const kind = kinds[stmt.type]
    if (!kind) return
    const name = kind === 'func' ? (field(stmt, 'name')?.text ?? '') : identifierOf(stmt)
    const key = parent ? `${parent}::${name}` : name
    const decl: Decl = { kind, name, node: stmt, parent }
    this.decls.set(kind === 'output' ? `output ${key}` : key, decl)
    // Nested child resources may be referred to by their plain name inside the parent as well.
    if (parent && !this.decls.has(name)) this.decls.set(name, decl)
    if (kind === 'resource') {
      const body = valueAfterEquals(stmt)
      const obj =
        body?.type === 'object' ? body : body ? kids(body).find((k) => k.type === 'object') : undefined
      for (const prop of obj ? kids(obj) : [])
        for (const inner of kids(prop)) if (inner.type === 'resource_declaration') this.collect(inner, key)
    }
  }

  /** Evaluates every resource and module (emitting resources into the context). */
  run(): void {
    for (const [key, d] of this.decls) if (d.kind === 'resource' || d.kind === 'module') this.symbol(key)
  }

  outputs(): Record<string, V> {
    if (this.outputCache) return this.outputCache
    const out: Record<string, V> = {}
    for (const [key, d] of this.decls) {
      if (d.kind !== 'output') continue
      const site = this.origin(d.node)
      const expr = valueAfterEquals(d.node)
      out[key.slice('output '.length)] =
        expr && !broken(d.node)
          ? this.toV(this.ev(expr, { t: this, site }), { t: this, site })
          : vUnknown(d.name, 'syntax error in the output declaration', site)
    }
    this.outputCache = out
    return out
  }

  // ---- declarations --------------------------------------------------------------------------------

  /** The value or symbol of a declaration, evaluated once. */
  symbol(key: string): Val {
    // Keyed by declaration: a nested resource is reachable as `parent::child` and as `child`.
    const d = this.decls.get(key)!
    const cached = this.cache.get(d)
    const site = this.origin(d.node)
    if (cached === IN_PROGRESS) return vUnknown(key, 'circular reference', site)
    if (cached !== undefined) return cached
    this.cache.set(d, IN_PROGRESS)
    let v: Val
    try {
      v = this.declare(d, site)
    } finally {
      this.cache.delete(d)
    }
    this.cache.set(d, v)
    return v
  }

  private declare(d: Decl, site: Origin): Val {
    const env: Env = { t: this, site }
    if (broken(d.node) && d.kind !== 'resource' && d.kind !== 'module')
      return vUnknown(d.name, 'syntax error in the declaration', site)
    switch (d.kind) {
      case 'param': {
        const given = this.inputs.get(d.name)
        if (given) return given
        if (this.missingReason) return vUnknown(d.name, this.missingReason, site)
        const def = valueAfterEquals(d.node)
        if (def) return this.toV(this.ev(def, env), env)
        // A parameter of a nullable type (`param lock lockType?`) that nobody sets is null.
        const type = kids(d.node).find((k) => k.type === 'type')
        if (type && this.file.text[type.endIndex - 1] === '?') return vNull(site)
        return vUnknown(d.name, `parameter ${d.name} has no value (no default, no parameter file)`, site)
      }
      case 'var': {
        const expr = valueAfterEquals(d.node)
        return expr ? this.ev(expr, env) : vUnknown(d.name, 'syntax error in the declaration', site)
      }
      case 'resource':
        return this.resourceDecl(d, env)
      case 'module':
        return this.moduleDecl(d, env)
      default:
        return vUnknown(d.name, `${d.kind} ${d.name} is not a value`, site)
    }
  }

  /** Iterates the instances of a resource or module body: plain, `if (...)`, or `[for ...]`. */
  private instances<T>(
    body: Node,
    env: Env,
    address: string,
    build: (obj: Node, env: Env, address: string, deployed: boolean) => T,
  ): { single?: T; list?: T[]; unknownList?: VUnknown } {
    if (body.type === 'object') return { single: build(body, env, address, true) }
    if (body.type === 'if_statement') {
      const [condNode, obj] = kids(body)
      const cond = this.toV(this.ev(condNode, env), env)
      if (cond.kind === 'bool') return { single: build(obj, env, address, cond.value) }
      const diagnosticsBefore = this.ctx.diagnostics.length
      const resourcesBefore = this.ctx.resources.length
      const single = build(obj, env, address, true)
      // Only a condition that decides whether something the model judges exists is worth a notice:
      // not one of a lock, a role assignment, or a module deploying only such things.
      if (this.ctx.resources.slice(resourcesBefore).some((r) => isModelledArmType(r.armType)))
        this.ctx.diagnostics.splice(diagnosticsBefore, 0, {
          ruleId: 'KMS011',
          origin: this.origin(condNode),
          message: `${address}: the condition ${condNode.text} cannot be evaluated (${
            cond.kind === 'unknown' ? cond.reason : 'not a boolean'
          }); judged as if deployed`,
          expression: condNode.text,
        })
      return { single }
    }
    if (body.type === 'for_statement') {
      const items = this.loop(body, env, (inner, loopEnv, i) => {
        const r = this.instances(inner, loopEnv, `${address}[${i}]`, build)
        return r.single as T
      })
      if (!Array.isArray(items)) return { unknownList: items }
      return { list: items }
    }
    return { unknownList: vUnknown(body.text, 'unsupported declaration body', this.origin(body)) }
  }

  private resourceDecl(d: Decl, env: Env): Val {
    const node = d.node
    const typeText = literalString(kids(node).find((k) => k.type === 'string'))
    const body = valueAfterEquals(node)
    const site = this.origin(node)
    if (typeText === undefined || !body)
      return vUnknown(
        d.name,
        broken(node) ? 'syntax error in the declaration' : 'resource type not literal',
        site,
      )
    let parentInst: ResourceInst | undefined
    let parentUnknown: VUnknown | undefined
    if (d.parent) {
      const p = this.symbol(d.parent)
      if (!isSym(p) || p.sym !== 'resource')
        parentUnknown = vUnknown(d.parent, 'parent resource is not a single resource', site)
      else parentInst = p.r
    }
    const at = typeText.indexOf('@')
    const ownType = at >= 0 ? typeText.slice(0, at) : typeText
    const armType = parentInst ? `${parentInst.armType}/${ownType}` : ownType
    const apiVersion = at >= 0 ? typeText.slice(at + 1) : parentInst?.apiVersion
    const existing = hasToken(node, 'existing')
    const address = `${this.prefix}${d.parent ? `${d.parent}::` : ''}${d.name}`
    const r = this.instances(body, env, address, (obj, e, addr, deployed) =>
      this.buildResource(obj, e, addr, {
        armType,
        apiVersion,
        existing,
        deployed: deployed && !broken(node),
        parent: parentInst,
        parentUnknown,
        origin: site,
      }),
    )
    if (broken(node) && !this.ctx.reported.has(this.file.path)) this.reportSyntax()
    if (r.single) return { sym: 'resource', r: r.single }
    // A loop over a collection not known builds no instance: say so rather than judge a network without them.
    if (r.unknownList && isModelledArmType(armType))
      this.ctx.diagnostics.push({
        ruleId: 'KMS011',
        origin: site,
        message: `${address}: the instances of this loop cannot be evaluated (${r.unknownList.reason}); its resources are not judged`,
        expression: r.unknownList.expression,
      })
    return { sym: 'resources', list: r.list ?? r.unknownList!, expression: d.name }
  }

  private buildResource(
    obj: Node,
    env: Env,
    address: string,
    o: {
      armType: string
      apiVersion?: string
      existing: boolean
      deployed: boolean
      parent?: ResourceInst
      parentUnknown?: VUnknown
      origin: Origin
    },
  ): ResourceInst {
    const special: Record<string, Node> = {}
    const body = this.evalObject(obj, env, ['parent', 'scope', 'dependsOn'], special)
    const ownName = getAttr(body, 'name') ?? vUnknown(`${address}.name`, 'name not set', o.origin)
    let parent = o.parent
    let parentValue: Value<string> | undefined
    if (special.parent) {
      const p = this.ev(special.parent, { ...env, site: this.origin(special.parent) })
      if (isSym(p) && p.sym === 'resource') parent = p.r
      else parentValue = toValue(this.toV(p, env), o.origin, 'parent')
    } else if (o.parentUnknown) parentValue = toValue(o.parentUnknown, o.origin, 'parent')
    const name: V = parent ? joinNames(parent.name, ownName, o.origin) : ownName
    const collection = o.armType.split('/').pop()!
    // An existing resource named by a declared resource's name is that resource, even when the name
    // itself is only known at deployment.
    const declared =
      o.existing && !parent && ownName.kind === 'unknown' && ownName.ref?.attribute === 'name'
        ? ownName.ref.resource
        : undefined
    const id =
      declared ??
      (parent && ownName.kind === 'string'
        ? `${parent.id}/${collection}/${ownName.value}`
        : `${this.ctx.idPrefix}${address}`)
    const inst: ResourceInst = {
      id,
      address,
      armType: o.armType,
      apiVersion: o.apiVersion,
      name,
      ownName,
      body,
      existing: o.existing,
      origin: o.origin,
    }
    if (declared !== undefined) inst.declared = declared
    const rg = special.scope ? this.scopeGroup(special.scope, env) : this.resourceGroup
    if (rg !== undefined) inst.resourceGroup = rg
    if (o.existing || !o.deployed) return inst
    const out: BicepResource = {
      armType: o.armType,
      name: toValue(name, o.origin, 'name'),
      body,
      id,
      address,
      origin: o.origin,
      format: 'bicep',
    }
    if (o.apiVersion) out.apiVersion = o.apiVersion
    if (rg !== undefined) out.resourceGroup = known(rg, o.origin)
    if (this.ctx.variant !== undefined) out.variant = this.ctx.variant
    if (parent) out.parent = known(parent.existing ? providerId(parent) : parent.id, o.origin)
    else if (parentValue) out.parent = parentValue
    if (special.dependsOn?.type === 'array') {
      const ids = kids(special.dependsOn).flatMap((k) => depIds(this.ev(k, env)))
      if (ids.length) out.dependsOn = ids
    }
    this.ctx.resources.push(out)
    return inst
  }

  private moduleDecl(d: Decl, env: Env): Val {
    const node = d.node
    const source = literalString(kids(node).find((k) => k.type === 'string'))
    const body = valueAfterEquals(node)
    const site = this.origin(node)
    if (source === undefined || !body || broken(node)) {
      if (broken(node)) this.reportSyntax()
      return vUnknown(
        d.name,
        broken(node) ? 'syntax error in the declaration' : 'module path not literal',
        site,
      )
    }
    const address = `${this.prefix}${d.name}`
    const r = this.instances(body, env, address, (obj, e, addr, deployed) =>
      this.buildModule(obj, e, addr, source, deployed, site),
    )
    if (r.single) return { sym: 'module', m: r.single }
    if (r.unknownList) this.unknownModuleLoop(body, env, address, source, site, r.unknownList)
    return { sym: 'modules', list: r.list ?? r.unknownList!, expression: d.name }
  }

  /**
   * A module loop over a collection the scan cannot see deploys an unknown number of instances. One
   * instance is built with the loop variable unknown, only to learn what the module deploys, then taken
   * back: if that includes anything the model judges (or cannot be read), the loop is named, never dropped.
   */
  private unknownModuleLoop(
    body: Node,
    env: Env,
    address: string,
    source: string,
    site: Origin,
    why: VUnknown,
  ): void {
    const head = field(body, 'variable')
    const inner = field(body, 'body')
    const resources = this.ctx.resources.length
    const diagnostics = this.ctx.diagnostics.length
    const types = new Set<string>()
    let unread = false
    if (head && inner) {
      const locals = new Map(env.locals ?? [])
      const names =
        head.type === 'for_loop_parameters'
          ? kids(head)
              .filter((k) => k.type === 'loop_variable' || k.type === 'loop_enumerator')
              .map((k) => k.text)
          : [head.text]
      for (const n of names) locals.set(n, derived(n, why, site))
      try {
        this.instances(inner, { ...env, locals }, `${address}[*]`, (obj, e, addr, deployed) =>
          this.buildModule(obj, e, addr, source, deployed, site),
        )
      } catch {
        unread = true
      }
      for (const r of this.ctx.resources.slice(resources))
        if (isModelledArmType(r.armType)) types.add(r.armType.split('/').pop()!)
      unread ||= this.ctx.diagnostics.slice(diagnostics).some((x) => /not evaluated/.test(x.message))
      // Syntax errors are reported once per file: keep those, drop the rest of the trial.
      const kept = this.ctx.diagnostics.slice(diagnostics).filter((x) => x.ruleId === 'KMS012')
      this.ctx.resources.length = resources
      this.ctx.diagnostics.length = diagnostics
      this.ctx.diagnostics.push(...kept)
    }
    if (types.size === 0 && !unread) return
    const what =
      types.size > 0
        ? `the ${[...types].sort().join(', ')} it deploys are`
        : `what it deploys (module ${source} is not evaluated) is`
    this.ctx.diagnostics.push({
      ruleId: 'KMS011',
      origin: site,
      message: `${address}: this module loop runs over a collection that cannot be evaluated (${why.reason}), so ${what} not judged for any instance. Give the collection a value the scan can see (a parameter default or a .bicepparam / parameters file).`,
      expression: why.expression,
    })
  }

  private buildModule(
    obj: Node,
    env: Env,
    address: string,
    source: string,
    deployed: boolean,
    site: Origin,
  ): ModuleInst {
    const special: Record<string, Node> = {}
    const body = this.evalObject(obj, env, ['scope', 'dependsOn'], special)
    const name = getAttr(body, 'name') ?? vUnknown(`${address}.name`, 'deployment name not set', site)
    const group = special.scope ? this.scopeGroup(special.scope, env) : this.resourceGroup
    const paramsV = getAttr(body, 'params')
    const params = new Map<string, V>()
    if (paramsV?.kind === 'object') for (const [k, v] of Object.entries(paramsV.attrs)) params.set(k, v)
    const notDeployed = vUnknown(`${address}.outputs`, 'module not deployed (its condition is false)', site)
    if (!deployed) return { address, name, outputs: {}, outputsUnknown: notDeployed }
    if (paramsV?.kind === 'unknown')
      return { address, name, outputs: {}, outputsUnknown: derived(`${address}.outputs`, paramsV, site) }
    if (/^(br[:/]|ts[:/])/i.test(source)) {
      const avm = avmModuleKind(source)
      if (avm) {
        const res = evaluateAvmModule(avm, params, { address, origin: site, ctx: this.ctx })
        return { address, name, outputs: res.outputs }
      }
      if (avmCannotDecideKms(source))
        return {
          address,
          name,
          outputs: {},
          outputsUnknown: vUnknown(`${address}.outputs`, 'registry module output', site),
        }
      this.ctx.diagnostics.push({
        ruleId: 'KMS011',
        origin: site,
        message: `${address}: registry module ${source} is not evaluated; its resources are not in the model and its outputs are unknown`,
        expression: source,
      })
      return {
        address,
        name,
        outputs: {},
        outputsUnknown: vUnknown(`${address}.outputs`, 'registry module output', site),
      }
    }
    const file = path.resolve(path.dirname(this.file.path), source)
    const parsed = this.ctx.files.get(file)
    if (!parsed || this.stack.includes(file)) {
      const why = parsed ? 'the module calls itself' : 'the module file is not among the scanned files'
      this.ctx.diagnostics.push({
        ruleId: 'KMS011',
        origin: site,
        message: `${address}: local module ${source} is not evaluated (${why})`,
        expression: source,
      })
      return { address, name, outputs: {}, outputsUnknown: vUnknown(`${address}.outputs`, why, site) }
    }
    if (parsed.syntaxError && !this.ctx.reported.has(parsed.path)) {
      this.ctx.reported.add(parsed.path)
      this.ctx.diagnostics.push({ ruleId: 'KMS012', ...parsed.syntaxError })
    }
    const child = new Template(
      this.ctx,
      parsed,
      params,
      `${address}.`,
      [...this.stack, this.file.path],
      undefined,
      group,
    )
    child.run()
    return { address, name, outputs: child.outputs() }
  }

  /**
   * The resource group a `scope:` names: `resourceGroup('rg-hub')` (or with a subscription first) gives
   * its name; `resourceGroup()` is this instance's own group; anything else (a subscription, a name known
   * only at deployment) leaves the group unknown.
   */
  private scopeGroup(scope: Node, env: Env): string | undefined {
    if (/^resourceGroup\(\s*\)$/.test(scope.text.trim())) return this.resourceGroup
    const v = this.toV(this.ev(scope, { ...env, site: this.origin(scope) }), env)
    const name = v.kind === 'object' ? getAttr(v, 'name') : undefined
    return /^resourceGroup\(/i.test(scope.text.trim()) && name?.kind === 'string' ? name.value : undefined
  }

  private reportSyntax(): void {
    if (!this.file.syntaxError || this.ctx.reported.has(this.file.path)) return
    this.ctx.reported.add(this.file.path)
    this.ctx.diagnostics.push({ ruleId: 'KMS012', ...this.file.syntaxError })
  }

  // ---- expressions ---------------------------------------------------------------------------------

  /**
   * Evaluates an object literal; keys listed in `skip` are handed back unevaluated in `special`. A spread
   * `...obj` adds obj's properties in place; one whose value is unknown goes to `unknownSpread` (the
   * caller makes the whole object unknown) or, in a resource or module body, makes `properties` unknown
   * unless they are written after it.
   */
  evalObject(
    node: Node,
    env: Env,
    skip: string[],
    special: Record<string, Node>,
    unknownSpread?: VUnknown[],
  ): VObject {
    const attrs: Record<string, V> = {}
    for (const prop of kids(node)) {
      if (prop.type === 'spread') {
        const site = this.origin(prop)
        const v = this.toV(this.ev(kids(prop)[0], { ...env, site }), { ...env, site })
        if (v.kind === 'object') Object.assign(attrs, v.attrs)
        else if (v.kind === 'unknown' && unknownSpread) unknownSpread.push(v)
        else if (v.kind === 'unknown') attrs.properties = derived(prop.text, v, site)
        else if (v.kind !== 'null')
          attrs.properties = vUnknown(prop.text, 'spread of a value that is not an object', site)
        continue
      }
      if (prop.type !== 'object_property') continue
      const parts = kids(prop)
      if (parts.some((p) => p.type === 'resource_declaration')) continue
      const keyNode = parts[0]
      const valueNode = parts[parts.length - 1]
      if (!keyNode || !valueNode || parts.length < 2) continue
      const key = keyNode.type === 'string' ? (literalString(keyNode) ?? keyNode.text) : keyNode.text
      if (skip.includes(key)) {
        special[key] = valueNode
        continue
      }
      const site = this.origin(prop)
      const propEnv = { ...env, site }
      attrs[key] = at(this.toV(this.ev(valueNode, propEnv), propEnv), site)
    }
    return vObj(attrs, this.origin(node))
  }

  /** A symbol as a plain value: resources become their (unknown) id, the way ARM serialises them. */
  toV(v: Val, env: Env): V {
    if (!isSym(v)) return v
    switch (v.sym) {
      case 'resource':
        return idOf(v.r, env.site)
      case 'resources':
        return Array.isArray(v.list)
          ? vList(
              v.list.map((r) => idOf(r, env.site)),
              env.site,
            )
          : v.list
      case 'rpath':
        return v.value ?? rpathUnknown(v.r, v.path, env.site)
      case 'module':
      case 'modules':
        return vUnknown(v.sym === 'module' ? v.m.address : v.expression, 'a module is not a value', env.site)
      case 'lambda':
        return vUnknown('lambda', 'a lambda is not a value', env.site)
      case 'namespace':
        return vUnknown(v.name, 'a namespace is not a value', env.site)
    }
  }

  ev(node: Node, env: Env): Val {
    const origin = this.origin(node)
    if (broken(node)) return vUnknown(node.text, 'syntax error', origin)
    switch (node.type) {
      case 'string':
        return this.evalString(node, env)
      case 'number':
        return vNum(Number(node.text), origin)
      case 'boolean':
        return vBool(node.text === 'true', origin)
      case 'null':
        return vNull(origin)
      case 'array': {
        const items: V[] = []
        for (const k of kids(node)) {
          if (k.type !== 'spread') {
            items.push(at(this.toV(this.ev(k, env), env), this.origin(k)))
            continue
          }
          // `...list`: its items, in place; an unknown list leaves the whole array unknown.
          const spread = this.toV(this.ev(kids(k)[0], env), env)
          if (spread.kind === 'list') items.push(...spread.items)
          else if (spread.kind === 'unknown') return derived(node.text, spread, origin)
          else return vUnknown(node.text, 'spread of a value that is not an array', origin)
        }
        return vList(items, origin)
      }
      case 'object': {
        const unknownSpread: VUnknown[] = []
        const obj = this.evalObject(node, env, [], {}, unknownSpread)
        return unknownSpread.length > 0 ? derived(node.text, unknownSpread[0], origin) : obj
      }
      case 'parenthesized_expression': {
        const inner = kids(node)
        return inner.length === 1
          ? this.ev(inner[0], env)
          : vUnknown(node.text, 'unsupported expression', origin)
      }
      case 'identifier':
        return this.lookup(node.text, env, origin)
      case 'member_expression':
        return this.member(node, env)
      case 'subscript_expression':
        return this.subscript(node, env)
      case 'resource_expression': {
        const obj = field(node, 'object')
        const res = field(node, 'resource')
        const key = `${obj?.text ?? ''}::${res?.text ?? ''}`
        const d = this.decls.get(key)
        return d ? this.symbol(key) : vUnknown(node.text, `no nested resource ${key}`, origin)
      }
      case 'call_expression':
        return this.call(node, env)
      case 'binary_expression':
        return this.binary(
          node.tokens![0],
          () => this.toV(this.ev(field(node, 'left')!, env), env),
          () => this.toV(this.ev(field(node, 'right')!, env), env),
          node.text,
          origin,
        )
      case 'unary_expression': {
        const op = node.tokens![0]
        const arg = this.toV(this.ev(field(node, 'argument')!, env), env)
        if (arg.kind === 'unknown') return derived(node.text, arg, origin)
        if (op === '!' && arg.kind === 'bool') return vBool(!arg.value, origin)
        if (op === '-' && arg.kind === 'number') return vNum(-arg.value, origin)
        return vUnknown(node.text, `type error: ${op} on ${arg.kind}`, origin)
      }
      case 'ternary_expression': {
        const cond = this.toV(this.ev(field(node, 'condition')!, env), env)
        if (cond.kind === 'unknown') return derived(node.text, cond, origin)
        if (cond.kind !== 'bool') return vUnknown(node.text, 'condition is not a boolean', origin)
        return this.ev(field(node, cond.value ? 'consequence' : 'alternative')!, env)
      }
      case 'lambda_expression': {
        const head = field(node, 'parameters')!
        const params = head.type === 'identifier' ? [head.text] : kids(head).map((k) => k.text)
        return { sym: 'lambda', params, body: field(node, 'body')!, env }
      }
      case 'for_statement': {
        const items = this.loop(node, env, (body, loopEnv) => this.loopBody(body, loopEnv))
        if (!Array.isArray(items)) return items
        return vList(
          items.filter((i): i is V => i !== undefined),
          origin,
        )
      }
      default:
        return vUnknown(node.text, `unsupported expression (${node.type})`, origin)
    }
  }

  private loopBody(body: Node, env: Env): V | undefined {
    if (body.type === 'if_statement') {
      const [condNode, obj] = kids(body)
      const cond = this.toV(this.ev(condNode, env), env)
      if (cond.kind === 'bool' && !cond.value) return undefined
      if (cond.kind !== 'bool')
        return vUnknown(body.text, 'loop filter cannot be evaluated', this.origin(body))
      return this.toV(this.ev(obj, env), env)
    }
    return at(this.toV(this.ev(body, env), env), this.origin(body))
  }

  /**
   * Runs a `[for ...]`: the collection must be a known array (or a resource/module collection); an unknown
   * collection makes the whole result unknown, since even its length is not known.
   */
  loop<T>(node: Node, env: Env, each: (body: Node, env: Env, index: number) => T): T[] | VUnknown {
    const origin = this.origin(node)
    const collNode = field(node, 'collection')
    const body = field(node, 'body')
    const head = field(node, 'variable')
    if (!collNode || !body || !head) return vUnknown(node.text, 'malformed loop', origin)
    let itemName = head.text
    let indexName: string | undefined
    if (head.type === 'for_loop_parameters') {
      itemName = kids(head).find((k) => k.type === 'loop_variable')?.text ?? ''
      indexName = kids(head).find((k) => k.type === 'loop_enumerator')?.text
    }
    const coll = this.ev(collNode, env)
    let elements: Val[]
    if (isSym(coll) && (coll.sym === 'resources' || coll.sym === 'modules')) {
      if (!Array.isArray(coll.list)) return derived(node.text, coll.list, origin)
      elements = coll.list.map((x) =>
        coll.sym === 'resources'
          ? { sym: 'resource', r: x as ResourceInst }
          : { sym: 'module', m: x as ModuleInst },
      )
    } else {
      const v = this.toV(coll, env)
      if (v.kind === 'unknown') return derived(node.text, v, origin)
      if (v.kind !== 'list') return vUnknown(node.text, 'loop over a value that is not an array', origin)
      elements = v.items
    }
    // Nested loops of 1,000 elements make 10^9 values: each element is spent from the unit's budget.
    spend(elements.length, origin)
    return elements.map((el, i) => {
      const locals = new Map(env.locals ?? [])
      locals.set(itemName, el)
      if (indexName) locals.set(indexName, vNum(i, origin))
      return each(body, { ...env, locals }, i)
    })
  }

  private lookup(name: string, env: Env, origin: Origin): Val {
    const local = env.locals?.get(name)
    if (local !== undefined) return local
    const d = this.decls.get(name)
    if (d && (d.kind === 'param' || d.kind === 'var' || d.kind === 'resource' || d.kind === 'module')) {
      const v = this.symbol(name)
      // A parameter's value belongs to the property that uses it (see deepAt).
      if (d.kind === 'param' && !isSym(v)) return deepAt(v, env.site)
      return v
    }
    if (name === 'az' || name === 'sys') return { sym: 'namespace', name }
    return vUnknown(name, `unknown symbol ${name}`, origin)
  }

  private member(node: Node, env: Env): Val {
    const origin = this.origin(node)
    const objNode = field(node, 'object')!
    const prop = field(node, 'property')?.text ?? ''
    const safe = hasToken(node, '.?')
    const obj = this.ev(objNode, env)
    return this.access(obj, prop, safe, node.text, origin)
  }

  /** `x[i]`; `obj` (with the expression's text and origin) when the object was evaluated already. */
  private subscript(node: Node, env: Env, given?: Val, text = node.text, origin = this.origin(node)): Val {
    const obj = given ?? this.ev(field(node, 'object')!, env)
    const index = this.toV(this.ev(field(node, 'index')!, env), env)
    const safe = hasToken(node, '?')
    if (index.kind === 'unknown') return derived(text, index, origin)
    if (isSym(obj) && (obj.sym === 'resources' || obj.sym === 'modules')) {
      if (!Array.isArray(obj.list)) return derived(text, obj.list, origin)
      const el = index.kind === 'number' ? obj.list[index.value] : undefined
      if (!el) return vUnknown(text, 'index out of range', origin)
      return obj.sym === 'resources'
        ? { sym: 'resource', r: el as ResourceInst }
        : { sym: 'module', m: el as ModuleInst }
    }
    if (index.kind === 'number') return this.access(obj, index.value, safe, text, origin)
    if (index.kind === 'string') return this.access(obj, index.value, safe, text, origin)
    return vUnknown(text, 'index is not a number or string', origin)
  }

  /** `x.prop` and `x[i]` on values and symbols. */
  private access(obj: Val, key: string | number, safe: boolean, expression: string, origin: Origin): Val {
    if (isSym(obj)) {
      switch (obj.sym) {
        case 'resource':
          return resourceMember(obj.r, key, origin)
        case 'rpath': {
          const seg = typeof key === 'number' ? `[${key}]` : `.${key}`
          return {
            sym: 'rpath',
            r: obj.r,
            path: obj.path + seg,
            value: obj.value ? child(obj.value, key) : undefined,
          }
        }
        case 'module': {
          if (key === 'name') return obj.m.name
          if (key !== 'outputs')
            return vUnknown(expression, `module property ${key} is not evaluated`, origin)
          return obj.m.outputsUnknown ?? vObj(obj.m.outputs, origin)
        }
        case 'namespace':
          return { sym: 'namespace', name: `${obj.name}.${key}` }
        default:
          return vUnknown(expression, 'cannot access a property of a collection', origin)
      }
    }
    if (obj.kind === 'unknown') {
      const seg = typeof key === 'number' ? `[${key}]` : `.${key}`
      const ref = obj.ref ? { resource: obj.ref.resource, attribute: obj.ref.attribute + seg } : undefined
      return vUnknown(expression, obj.reason, origin, ref)
    }
    if (obj.kind === 'null' && safe) return vNull(origin)
    const c = child(obj, key)
    if (c !== undefined) return c
    if (safe) return vNull(origin)
    return vUnknown(expression, `${typeof key === 'number' ? 'index' : 'property'} ${key} not found`, origin)
  }

  private evalString(node: Node, env: Env): V {
    const origin = this.origin(node)
    if (isMultiline(node)) return vStr(decodeStringParts(node), origin)
    const parts: (string | V)[] = []
    for (const k of kids(node)) {
      if (k.type === 'string_content') parts.push(k.text)
      else if (k.type === 'escape_sequence') parts.push(decodeEscape(k.text))
      else if (k.type === 'interpolation') {
        const inner = kids(k)[0]
        parts.push(
          inner ? this.toV(this.ev(inner, env), env) : vUnknown(k.text, 'empty interpolation', origin),
        )
      }
    }
    const unknowns = parts.filter((p): p is VUnknown => typeof p !== 'string' && p.kind === 'unknown')
    if (unknowns.length === 0) {
      return vStr(parts.map((p) => (typeof p === 'string' ? p : scalarText(p))).join(''), origin)
    }
    // `'${vnet.id}/subnets/app'`: still a reference, to the child with that model id.
    const [head, ...rest] = parts
    if (
      unknowns.length === 1 &&
      head === unknowns[0] &&
      head.ref?.attribute === 'id' &&
      rest.every((p) => typeof p === 'string' || p.kind === 'string')
    ) {
      const tail = rest.map((p) => (typeof p === 'string' ? p : scalarText(p))).join('')
      if (/^\/[A-Za-z]+\/[^/]+$/.test(tail))
        return vUnknown(node.text, head.reason, origin, {
          resource: head.ref.resource + tail,
          attribute: 'id',
        })
    }
    return { ...derived(node.text, unknowns[0], origin), parts }
  }

  private binary(op: string, leftOf: () => V, rightOf: () => V, text: string, origin: Origin): V {
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

  private call(node: Node, env: Env): Val {
    const origin = this.origin(node)
    const fnNode = field(node, 'function')!
    let name = fnNode.text
    if (fnNode.type === 'member_expression') {
      const ns = field(fnNode, 'object')?.text
      const prop = field(fnNode, 'property')?.text ?? ''
      if (ns === 'az' || ns === 'sys') name = prop
      else return vUnknown(node.text, `function ${fnNode.text} is not evaluated`, origin)
    }
    const argsNode = field(node, 'arguments')
    const argNodes = argsNode ? kids(argsNode) : []
    const args = argNodes.map((a) => this.ev(a, env))
    const lower = name.toLowerCase()
    const lambdaResult = this.lambdaCall(lower, args, node, env)
    if (lambdaResult) return lambdaResult
    const values = args.map((a) => this.toV(a, env))
    const builtin = callBuiltin(name, values, { expression: node.text, origin, cloud: this.ctx.cloud })
    if (builtin) spend(sizeOf(builtin), origin)
    if (builtin) return builtin
    const udf = this.decls.get(name)
    if (udf?.kind === 'func') return this.callUdf(udf, values, env, node)
    return vUnknown(node.text, `function ${name} is not evaluated`, origin)
  }

  private callUdf(d: Decl, args: V[], env: Env, call: Node): V {
    const params = kids(field(d.node, 'parameters') ?? d.node)
      .filter((k) => k.type === 'parameter')
      .map((p) => identifierOf(p))
    const body = valueAfterEquals(d.node) ?? kids(d.node).pop()
    const lambdaBody = kids(d.node).find(
      (k) => k.type !== 'identifier' && k.type !== 'parameters' && k.type !== 'type',
    )
    const expr = body ?? lambdaBody
    if (!expr) return vUnknown(call.text, `function ${d.name} has no body`, this.origin(call))
    const locals = new Map<string, Val>()
    params.forEach((p, i) => locals.set(p, args[i] ?? vNull(env.site)))
    return this.toV(this.ev(expr, { t: this, locals, site: env.site }), env)
  }

  private applyLambda(l: Extract<Sym, { sym: 'lambda' }>, args: Val[]): V {
    const locals = new Map(l.env.locals ?? [])
    l.params.forEach((p, i) => locals.set(p, args[i] ?? vNull(l.env.site)))
    const env = { ...l.env, locals }
    return this.toV(this.ev(l.body, env), env)
  }

  /** map, filter, reduce, toObject, mapValues: the built-ins that take lambdas. */
  private lambdaCall(fn: string, args: Val[], node: Node, env: Env): V | undefined {
    const lambda = args.find((a): a is Extract<Sym, { sym: 'lambda' }> => isSym(a) && a.sym === 'lambda')
    if (!lambda) return undefined
    const origin = this.origin(node)
    const first = this.toV(args[0], env)
    if (first.kind === 'unknown') return derived(node.text, first, origin)
    const list = first.kind === 'list' ? first.items : undefined
    switch (fn) {
      case 'map':
        if (!list) break
        return vList(
          list.map((x, i) => this.applyLambda(lambda, [x, vNum(i, origin)])),
          origin,
        )
      case 'filter': {
        if (!list) break
        const out: V[] = []
        for (const [i, x] of list.entries()) {
          const keep = this.applyLambda(lambda, [x, vNum(i, origin)])
          if (keep.kind === 'unknown') return derived(node.text, keep, origin)
          if (keep.kind === 'bool' && keep.value) out.push(x)
        }
        return vList(out, origin)
      }
      case 'reduce': {
        if (!list) break
        let acc = this.toV(args[1], env)
        list.forEach((x, i) => (acc = this.applyLambda(lambda, [acc, x, vNum(i, origin)])))
        return acc
      }
      case 'toobject': {
        if (!list) break
        const valueLambda = args[2] && isSym(args[2]) && args[2].sym === 'lambda' ? args[2] : undefined
        const attrs: Record<string, V> = {}
        for (const x of list) {
          const k = this.applyLambda(lambda, [x])
          if (k.kind !== 'string') return k.kind === 'unknown' ? derived(node.text, k, origin) : undefined
          attrs[k.value] = valueLambda ? this.applyLambda(valueLambda, [x]) : x
        }
        return vObj(attrs, origin)
      }
      case 'mapvalues': {
        if (first.kind !== 'object') break
        const attrs: Record<string, V> = {}
        for (const [k, x] of Object.entries(first.attrs)) attrs[k] = this.applyLambda(lambda, [x])
        return vObj(attrs, origin)
      }
    }
    return vUnknown(node.text, `function ${fn} is not evaluated`, origin)
  }
}

function child(v: V, key: string | number): V | undefined {
  if (typeof key === 'number') {
    if (v.kind === 'list') return v.items[key]
    return undefined
  }
  if (v.kind === 'object') return getAttr(v, key)
  return undefined
}

function joinNames(parent: V, own: V, origin: Origin): V {
  if (parent.kind === 'string' && own.kind === 'string')
    return vStr(`${parent.value}/${own.value}`, own.origin)
  const u = parent.kind === 'unknown' ? parent : own.kind === 'unknown' ? own : undefined
  return u
    ? derived(`${render(parent)}/${render(own)}`, u, origin)
    : vUnknown(`${render(parent)}/${render(own)}`, 'name is not a string', origin)
}

/** `Microsoft.Network/virtualNetworks/vnet-hub/subnets/app` from an existing resource's type and names. */
function providerId(r: ResourceInst): string {
  const types = r.armType.split('/')
  const names = r.name.kind === 'string' ? r.name.value.split('/') : []
  if (names.length !== types.length - 1) return r.id
  let id = types[0]
  types.slice(1).forEach((t, i) => (id += `/${t}/${names[i]}`))
  // With its group the id matches only the resource of that name in that group (ModelBuilder.resolve).
  return r.resourceGroup !== undefined ? `/resourceGroups/${r.resourceGroup}/providers/${id}` : id
}

function idOf(r: ResourceInst, origin: Origin): V {
  if (r.declared !== undefined)
    return vUnknown(`${r.address}.id`, DEPLOYMENT_TIME, origin, { resource: r.declared, attribute: 'id' })
  if (r.existing) {
    const id = providerId(r)
    return id === r.id
      ? vUnknown(`${r.address}.id`, 'existing resource with an unknown name', origin)
      : vStr(id, origin)
  }
  return vUnknown(`${r.address}.id`, DEPLOYMENT_TIME, origin, { resource: r.id, attribute: 'id' })
}

function resourceMember(r: ResourceInst, key: string | number, origin: Origin): Val {
  switch (key) {
    case 'id':
      return idOf(r, origin)
    case 'name':
      // A name known only at deployment still says which resource it names, for `existing` elsewhere.
      return r.name.kind === 'unknown' && !r.existing
        ? vUnknown(r.name.expression, r.name.reason, r.name.origin, { resource: r.id, attribute: 'name' })
        : r.name
    case 'type':
      return vStr(r.armType, origin)
    case 'apiVersion':
      return r.apiVersion
        ? vStr(r.apiVersion, origin)
        : vUnknown(`${r.address}.apiVersion`, 'not set', origin)
  }
  const value = r.existing ? undefined : child(r.body, key)
  return { sym: 'rpath', r, path: typeof key === 'number' ? `[${key}]` : String(key), value }
}

function rpathUnknown(r: ResourceInst, p: string, origin: Origin): V {
  if (r.declared !== undefined)
    return vUnknown(`${r.address}.${p}`, 'assigned by Azure at deployment', origin, {
      resource: r.declared,
      attribute: p,
    })
  if (r.existing) {
    // With a known name the ARM id lets the model find the resource when another module of the scan
    // declares it (a spoke routing to the hub's firewall through an `existing` reference).
    const id = providerId(r)
    return vUnknown(
      `${r.address}.${p}`,
      'property of an existing resource, not declared in the template',
      origin,
      id === r.id ? undefined : { resource: id, attribute: p },
    )
  }
  return vUnknown(`${r.address}.${p}`, 'assigned by Azure at deployment', origin, {
    resource: r.id,
    attribute: p,
  })
}

function depIds(v: Val): string[] {
  if ('sym' in v) {
    if (v.sym === 'resource') return [v.r.id]
    if (v.sym === 'resources' && Array.isArray(v.list)) return v.list.map((r) => r.id)
    if (v.sym === 'module') return [v.m.address]
    return []
  }
  return []
}

export { isSym }
