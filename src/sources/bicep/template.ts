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
 *
 * This file holds the declarations (params, vars, resources, modules, outputs) and what they emit; the
 * expressions they are written with are evaluated by expressions.ts, references to resources by
 * resource-refs.ts.
 */
import * as path from 'node:path'
import { known, unknown, type Origin, type Unknown, type Value } from '../../model/value'
import { isModelledArmType } from '../mapping/arm-shapes'
import { evaluateEmbeddedTemplate } from '../arm/embedded'
import { mayChangePaths, type UnreadPart } from '../mapping/may-change'
import {
  avmCannotDecideKms,
  avmChangesOwnNetworkOnly,
  avmModuleKind,
  evaluateAvmModule,
  unmappedAvmPattern,
  unmappedAvmPatternListed,
} from './avm'
import { Expressions, toV, type Scope } from './expressions'
import { depIds, providerId } from './resource-refs'
import { literalString } from './string-literals'
import {
  isSym,
  type Decl,
  type DeclKind,
  type Env,
  type ModuleInst,
  type ResourceInst,
  type Val,
} from './symbols'
import {
  broken,
  field,
  hasToken,
  identifierOf,
  kids,
  originOf,
  valueAfterEquals,
  type Node,
  type ParsedFile,
} from './syntax'
import type { BicepResource, DeploymentContext } from './types'
import { derived, getAttr, render, vNull, vStr, vUnknown, type V, type VUnknown } from './values'

const IN_PROGRESS = Symbol('in progress')

/** A name, type or parent as a model value: known when it is a string, else unknown saying why. */
export function toValue(v: V, fallback: Origin, what: string): Value<string> {
  if (v.kind === 'string') return known(v.value, v.origin)
  if (v.kind === 'unknown') return unknown(v.expression, v.reason, v.origin, v.ref)
  return unknown(render(v), `${what} is not a string`, v.origin ?? fallback)
}

export class Template implements Scope {
  private readonly decls = new Map<string, Decl>()
  private readonly cache = new Map<Decl, Val | typeof IN_PROGRESS>()
  private outputCache: Record<string, V> | undefined
  private readonly expressions: Expressions

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
    /**
     * The subscription this instance deploys to, when a calling module's scope names it
     * (`resourceGroup('<subscription>', '<group>')`, `subscription('<subscription>')`), lower case.
     */
    readonly subscription?: string,
  ) {
    this.expressions = new Expressions(this, file.path, ctx.cloud)
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
          ? toV(this.expressions.ev(expr, { site }), { site })
          : vUnknown(d.name, 'syntax error in the output declaration', site)
    }
    this.outputCache = out
    return out
  }

  // ---- declarations --------------------------------------------------------------------------------

  declaration(key: string): Decl | undefined {
    return this.decls.get(key)
  }

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
    const env: Env = { site }
    if (broken(d.node) && d.kind !== 'resource' && d.kind !== 'module')
      return vUnknown(d.name, 'syntax error in the declaration', site)
    switch (d.kind) {
      case 'param': {
        const given = this.inputs.get(d.name)
        if (given) return given
        if (this.missingReason) return vUnknown(d.name, this.missingReason, site)
        const def = valueAfterEquals(d.node)
        if (def) return toV(this.expressions.ev(def, env), env)
        // A parameter of a nullable type (`param lock lockType?`) that nobody sets is null.
        const type = kids(d.node).find((k) => k.type === 'type')
        if (type && this.file.text[type.endIndex - 1] === '?') return vNull(site)
        return vUnknown(d.name, `parameter ${d.name} has no value (no default, no parameter file)`, site)
      }
      case 'var': {
        const expr = valueAfterEquals(d.node)
        return expr
          ? this.expressions.ev(expr, env)
          : vUnknown(d.name, 'syntax error in the declaration', site)
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
      const cond = toV(this.expressions.ev(condNode, env), env)
      if (cond.kind === 'bool') return { single: build(obj, env, address, cond.value) }
      const diagnosticsBefore = this.ctx.diagnostics.length
      const resourcesBefore = this.ctx.resources.length
      const single = build(obj, env, address, true)
      // What this declaration deployed (itself, its nested children, a module's resources; not another
      // declaration it referred to and so evaluated meanwhile) exists only if the condition holds.
      const own = this.ctx.resources
        .slice(resourcesBefore)
        .filter(
          (r) =>
            r.address === address ||
            [`${address}::`, `${address}.`, `${address}[`].some((a) => r.address.startsWith(a)),
        )
      const why = cond.kind === 'unknown' ? (cond.reason ?? 'computed') : 'not a boolean'
      const text = condNode.text.replace(/^\(([\s\S]*)\)$/, '$1').trim()
      const condition = unknown(
        text,
        `its condition ${text} cannot be evaluated (${why})`,
        this.origin(condNode),
      ) as Unknown
      for (const r of own) r.condition ??= condition
      // Only a condition that decides whether something the model judges exists is worth a notice:
      // not one of a lock, a role assignment, or a module deploying only such things.
      if (own.some((r) => isModelledArmType(r.armType)))
        this.ctx.diagnostics.splice(diagnosticsBefore, 0, {
          ruleId: 'KMS011',
          origin: this.origin(condNode),
          message: `${address}: the condition ${condNode.text} cannot be evaluated (${
            cond.kind === 'unknown' ? cond.reason : 'not a boolean'
          }); judged as if deployed, except where being deployed could let KMS through (README: conditions)`,
          expression: condNode.text,
        })
      return { single }
    }
    if (body.type === 'for_statement') {
      const items = this.expressions.loop(body, env, (inner, loopEnv, i) => {
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
    if (r.unknownList && isModelledArmType(armType)) {
      this.ctx.diagnostics.push({
        ruleId: 'KMS011',
        origin: site,
        message: `${address}: the instances of this loop cannot be evaluated (${r.unknownList.reason}); its resources are not judged`,
        expression: r.unknownList.expression,
      })
      // Any number of them, each maybe a resource the scan declares (a PUT replaces it) or a child of one.
      if (mayChangePaths(armType) && !existing)
        this.unread(
          address,
          `it loops over a collection that cannot be evaluated (${r.unknownList.reason}); any number of ${armType} resources`,
          site,
          this.ownScope().subscription,
          'loop',
        )
    }
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
    const body = this.expressions.evalObject(obj, env, ['parent', 'scope', 'dependsOn'], special)
    const ownName = getAttr(body, 'name') ?? vUnknown(`${address}.name`, 'name not set', o.origin)
    let parent = o.parent
    let parentValue: Value<string> | undefined
    if (special.parent) {
      const p = this.expressions.ev(special.parent, { ...env, site: this.origin(special.parent) })
      if (isSym(p) && p.sym === 'resource') parent = p.r
      else parentValue = toValue(toV(p, env), o.origin, 'parent')
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
    const where = special.scope ? this.scopeOf(special.scope, env) : this.ownScope()
    const rg = where.resourceGroup
    if (rg !== undefined) inst.resourceGroup = rg
    if (o.existing || !o.deployed) return inst
    if (/^microsoft\.resources\/deployments$/i.test(o.armType)) {
      // A telemetry deployment (an empty inline template) cannot change a path: not worth naming.
      if (!inlineMayDeployModelled(body)) return inst
      if (this.inlineDeployment(body, address, where, this.scopeBeyond(special.scope))) return inst
      this.unread(
        address,
        deploymentResourceWhy(body),
        o.origin,
        where.subscription ?? this.scopeBeyond(special.scope),
      )
      return inst
    }
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
    if (where.subscription !== undefined) out.subscription = where.subscription
    if (this.ctx.variant !== undefined) out.variant = this.ctx.variant
    // An existing parent whose name is not known is not some resource of the scan: it may be any of them.
    if (parent?.existing && providerId(parent) === parent.id && parent.declared === undefined)
      out.parent = toValue(parent.name, o.origin, 'parent')
    else if (parent) out.parent = known(parent.existing ? providerId(parent) : parent.id, o.origin)
    else if (parentValue) out.parent = parentValue
    const after: string[] = []
    if (special.dependsOn?.type === 'array')
      after.push(...kids(special.dependsOn).flatMap((k) => depIds(this.expressions.ev(k, env))))
    // A reference to another resource is a dependency too (Bicep adds it to `dependsOn`). Only a
    // deployment script's order matters to the model (Virtual Network Manager commits replace each other).
    if (/^microsoft\.resources\/deploymentscripts$/i.test(o.armType)) after.push(...this.referenced(obj))
    if (after.length) out.dependsOn = [...new Set(after)]
    this.ctx.resources.push(out)
    return inst
  }

  /**
   * A `Microsoft.Resources/deployments` resource with its template written inline: evaluated by the ARM
   * template walker as ARM evaluates a nested deployment (src/sources/arm/embedded.ts), its resources
   * judged like the template's own. With `expressionEvaluationOptions.scope: 'inner'` its `parameters()` are
   * the values passed in `properties.parameters`; with the default outer scope they and `variables()` name
   * the compiled template's, which the scan does not rebuild: unknown, said so. Where it deploys: its
   * `subscriptionId` / `resourceGroup` (one the scan cannot evaluate: any subscription), else the
   * declaration's scope. false when the template cannot be read (named as not read by the caller).
   */
  private inlineDeployment(
    body: V,
    address: string,
    where: { resourceGroup?: string; subscription?: string },
    beyond: 'any' | undefined,
  ): boolean {
    const props = body.kind === 'object' ? getAttr(body, 'properties') : undefined
    const template = props?.kind === 'object' ? getAttr(props, 'template') : undefined
    if (props?.kind !== 'object' || template?.kind !== 'object') return false
    const options = getAttr(props, 'expressionEvaluationOptions')
    const scope = options?.kind === 'object' ? getAttr(options, 'scope') : undefined
    const inner = scope?.kind === 'string' && scope.value.toLowerCase() === 'inner'
    const parameters = new Map<string, V>()
    let unsupplied: string | undefined
    if (inner) {
      const given = getAttr(props, 'parameters')
      if (given?.kind === 'unknown')
        unsupplied = `the deployment's parameters are not known (${given.reason})`
      else if (given?.kind === 'object')
        for (const [k, p] of Object.entries(given.attrs)) {
          const value = p.kind === 'object' ? getAttr(p, 'value') : undefined
          const reference = p.kind === 'object' && getAttr(p, 'reference') !== undefined
          parameters.set(
            k.toLowerCase(),
            p.kind === 'unknown'
              ? p
              : (value ??
                  vUnknown(
                    `parameters.${k}`,
                    reference
                      ? `parameter "${k}" is a Key Vault reference, resolved at deployment`
                      : `parameter "${k}" is passed without a value`,
                    p.origin,
                  )),
          )
        }
      if (getAttr(props, 'parametersLink') !== undefined)
        unsupplied = 'set by a parameters file linked by URI, which is not followed'
    }
    // The deployment's own target, as ARM reads `subscriptionId` and `resourceGroup` on a deployment.
    const own = (k: string): string | null | undefined => {
      const v = body.kind === 'object' ? getAttr(body, k) : undefined
      return v === undefined ? undefined : v.kind === 'string' ? v.value : null
    }
    const sub = own('subscriptionId')
    const rg = own('resourceGroup')
    const subscription = sub === undefined ? where.subscription : (sub?.toLowerCase() ?? undefined)
    const resourceGroup = rg === undefined && sub === undefined ? where.resourceGroup : (rg ?? undefined)
    const stated = sub === null ? 'any' : (subscription ?? beyond)
    const result = evaluateEmbeddedTemplate({
      template: { value: template, site: template.origin },
      parameters,
      ...(unsupplied !== undefined ? { unsupplied } : {}),
      cloud: this.ctx.cloud,
      idBase: `${this.ctx.idPrefix}${address}`,
      prefix: `${address}::`,
      target: {
        ...(resourceGroup !== undefined ? { resourceGroup } : {}),
        ...(subscription !== undefined ? { subscriptionId: subscription } : {}),
        ...(stated !== undefined ? { stated } : {}),
      },
    })
    if (result.error !== undefined) return false
    for (const r of result.resources) {
      const out: BicepResource = { ...r, format: 'bicep' }
      if (this.ctx.variant !== undefined) out.variant = this.ctx.variant
      this.ctx.resources.push(out)
    }
    this.ctx.diagnostics.push(...result.diagnostics)
    this.ctx.unread.push(...result.unread)
    return true
  }

  /** The model ids of the resources and modules of this template an expression refers to by name. */
  private referenced(node: Node): string[] {
    const out: string[] = []
    const walk = (n: Node): void => {
      if (n.type === 'identifier') {
        const d = this.decls.get(n.text)
        if (d && (d.kind === 'resource' || d.kind === 'module')) out.push(...depIds(this.symbol(n.text)))
        return
      }
      if (n.type === 'member_expression') {
        const object = field(n, 'object')
        if (object) walk(object)
        return
      }
      const children = kids(n)
      // A property name and a called function's name are not references.
      const skip = n.type === 'object_property' || n.type === 'call_expression' ? children[0] : undefined
      for (const k of children) if (k !== skip || k.type !== 'identifier') walk(k)
    }
    walk(node)
    return out
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
    const unreadBefore = this.ctx.unread.length
    const types = new Set<string>()
    let paths = false
    let parts = false
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
        if (isModelledArmType(r.armType)) {
          types.add(r.armType.split('/').pop()!)
          paths ||= mayChangePaths(r.armType)
        }
      parts = this.ctx.unread.length > unreadBefore
      unread ||= parts
      unread ||= this.ctx.diagnostics.slice(diagnostics).some((x) => /not evaluated/.test(x.message))
      // Syntax errors are reported once per file: keep those, drop the rest of the trial.
      const kept = this.ctx.diagnostics.slice(diagnostics).filter((x) => x.ruleId === 'KMS012')
      this.ctx.resources.length = resources
      this.ctx.diagnostics.length = diagnostics
      this.ctx.unread.length = unreadBefore
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
    // Any number of instances, each of which may change the network of its scope: named, not dropped.
    if (paths || parts)
      this.unread(
        address,
        `it loops over a collection that cannot be evaluated (${why.reason}); ${what} not judged for any instance`,
        site,
        this.ownScope().subscription,
        'loop',
      )
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
    const body = this.expressions.evalObject(obj, env, ['scope', 'dependsOn'], special)
    const name = getAttr(body, 'name') ?? vUnknown(`${address}.name`, 'deployment name not set', site)
    const where = special.scope ? this.scopeOf(special.scope, env) : this.ownScope()
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
      const why =
        unmappedAvmPattern(source, params) ??
        `${/^ts[:/]/i.test(source) ? 'template spec' : 'registry'} module ${source} is not evaluated; its resources are not in the model and its outputs are unknown`
      this.ctx.diagnostics.push({
        ruleId: 'KMS011',
        origin: site,
        message: `${address}: ${why}`,
        expression: source,
      })
      if (!avmChangesOwnNetworkOnly(source) && !unmappedAvmPatternListed(source, params))
        this.unread(address, why, site, where.subscription ?? this.scopeBeyond(special.scope))
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
      this.unread(
        address,
        `local module ${source} is not evaluated (${why})`,
        site,
        where.subscription ?? this.scopeBeyond(special.scope),
      )
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
      where.resourceGroup,
      where.subscription,
    )
    child.run()
    return { address, name, outputs: child.outputs() }
  }

  /** Where this instance deploys: its resource group and subscription, as far as its caller said. */
  private ownScope(): { resourceGroup?: string; subscription?: string } {
    return {
      ...(this.resourceGroup !== undefined ? { resourceGroup: this.resourceGroup } : {}),
      ...(this.subscription !== undefined ? { subscription: this.subscription } : {}),
    }
  }

  /**
   * The resource group and subscription a `scope:` names: `resourceGroup('rg-hub')` gives the group (in
   * this instance's subscription), `resourceGroup('<subscription>', 'rg-hub')` both, `subscription('<id>')`
   * the subscription alone; `resourceGroup()` is this instance's own scope; anything else (a name known
   * only at deployment) leaves them unknown.
   */
  private scopeOf(scope: Node, env: Env): { resourceGroup?: string; subscription?: string } {
    const text = scope.text.trim()
    if (/^resourceGroup\(\s*\)$/.test(text)) return this.ownScope()
    const v = toV(this.expressions.ev(scope, { ...env, site: this.origin(scope) }), env)
    const field = (k: string) => {
      const a = v.kind === 'object' ? getAttr(v, k) : undefined
      return a?.kind === 'string' ? a.value : undefined
    }
    if (/^resourceGroup\(/i.test(text)) {
      const rg = field('name')
      if (rg === undefined) return {}
      const stated = /^\/subscriptions\/([^/]+)\//i.exec(field('id') ?? '')?.[1]?.toLowerCase()
      const sub = stated ?? this.subscription
      return { resourceGroup: rg, ...(sub !== undefined ? { subscription: sub } : {}) }
    }
    if (/^subscription\(/i.test(text)) {
      const sub = /^subscription\(\s*\)$/i.test(text)
        ? this.subscription
        : field('subscriptionId')?.toLowerCase()
      return sub !== undefined ? { subscription: sub } : {}
    }
    return {}
  }

  /** A part the scan does not read or cannot place, for src/sources/mapping/may-change.ts. */
  private unread(
    what: string,
    why: string,
    origin: Origin,
    subscription: string | 'any' | undefined,
    kind?: UnreadPart['kind'],
  ): void {
    this.ctx.unread.push({
      what,
      why,
      origin,
      ...(subscription !== undefined ? { subscription } : {}),
      ...(kind !== undefined ? { kind } : {}),
    })
  }

  /**
   * A `scope:` beyond one subscription the scan can name: a management group, the tenant, or a
   * subscription it cannot evaluate ('any'); undefined for a resource group scope (same subscription).
   */
  private scopeBeyond(scope: Node | undefined): 'any' | undefined {
    const text = scope?.text.trim()
    return text !== undefined &&
      /^(managementGroup|tenant|subscription)\(/i.test(text) &&
      !/^subscription\(\s*\)$/i.test(text)
      ? 'any'
      : undefined
  }

  private reportSyntax(): void {
    if (!this.file.syntaxError || this.ctx.reported.has(this.file.path)) return
    this.ctx.reported.add(this.file.path)
    this.ctx.diagnostics.push({ ruleId: 'KMS012', ...this.file.syntaxError })
  }
}

/** The full ARM name of a child resource: `<parent name>/<own name>`. */
function joinNames(parent: V, own: V, origin: Origin): V {
  if (parent.kind === 'string' && own.kind === 'string')
    return vStr(`${parent.value}/${own.value}`, own.origin)
  const u = parent.kind === 'unknown' ? parent : own.kind === 'unknown' ? own : undefined
  return u
    ? derived(`${render(parent)}/${render(own)}`, u, origin)
    : vUnknown(`${render(parent)}/${render(own)}`, 'name is not a string', origin)
}

/**
 * Could a `Microsoft.Resources/deployments` resource put something the model judges in place? No only when
 * its template is written inline and every resource in it (and in templates nested in it) has a literal
 * type the model has no place for.
 */
function inlineMayDeployModelled(body: V): boolean {
  const props = body.kind === 'object' ? getAttr(body, 'properties') : undefined
  const template = props?.kind === 'object' ? getAttr(props, 'template') : undefined
  const may = (resource: V): boolean => {
    const type = resource.kind === 'object' ? getAttr(resource, 'type') : undefined
    if (type?.kind !== 'string' || type.value.startsWith('[') || isModelledArmType(type.value)) return true
    const nested = resource.kind === 'object' ? getAttr(resource, 'resources') : undefined
    if (nested !== undefined && resourcesOf(nested).some(may)) return true
    return /^microsoft\.resources\/deployments$/i.test(type.value) && inlineMayDeployModelled(resource)
  }
  const resources = template?.kind === 'object' ? getAttr(template, 'resources') : undefined
  if (
    template?.kind !== 'object' ||
    (resources !== undefined && resources.kind !== 'list' && resources.kind !== 'object')
  )
    return true
  return resources !== undefined && resourcesOf(resources).some(may)
}

/** The resources of a template's `resources`: an array, or an object of symbolic names. */
const resourcesOf = (v: V): V[] =>
  v.kind === 'list' ? v.items : v.kind === 'object' ? Object.values(v.attrs) : [v]

/** Why a `Microsoft.Resources/deployments` resource is not read: Bicep writes nested deployments as modules. */
function deploymentResourceWhy(body: V): string {
  const props = body.kind === 'object' ? getAttr(body, 'properties') : undefined
  const link = props?.kind === 'object' ? getAttr(props, 'templateLink') : undefined
  const uri = link?.kind === 'object' ? (getAttr(link, 'uri') ?? getAttr(link, 'id')) : undefined
  const where = uri?.kind === 'string' ? ` (${uri.value})` : uri ? ` (${render(uri)})` : ''
  return link
    ? `its template is linked${where}, which the scan does not follow`
    : 'its inline template is not an object the scan can read'
}
