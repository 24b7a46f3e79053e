/**
 * Walks one ARM template (and the templates it nests) into resource instances: parameters and variables
 * evaluated lazily, copy loops and conditions expanded, child resources given their composed type and
 * name, nested deployments (inline or linked by relative path) run with their own or the outer scope.
 *
 * Names and types are expanded before any body is evaluated, so that `reference()` can find a resource
 * declared later in the template, and the outputs of a nested deployment are computed when first needed.
 */
import * as path from 'node:path'
import type { CloudName } from '../../kms/catalogue'
import { known, unknown, type Origin, type Unknown, type Value } from '../../model/value'
import type { HclValue } from '../evaluation/evaluated'
import { isModelledArmType } from '../mapping/arm-shapes'
import { mayChangePaths, type UnreadPart } from '../mapping/may-change'
import { render } from '../evaluation/value-tree'
import { evaluateString, type Scope } from './evaluate'
import { RESOURCE_GROUP_PLACEHOLDER, SUBSCRIPTION_PLACEHOLDER } from './functions'
import {
  elements,
  entries,
  originOf,
  parseJson,
  prop,
  stringOf,
  type JsonDoc,
  type JsonNode,
} from '../parsing/json-lines'
import type { ArmDiagnostic, ArmResourceInput } from './types'
import { unk } from './values'
import { spend } from '../evaluation/budget'

/** Copy loop indices by loop name (lower case); a string is why the index is not known. */
interface Loops {
  byName: Record<string, number | string>
  current?: string
}

const NO_LOOPS: Loops = { byName: {} }

/** The resource group and subscription a template level deploys to, where the template says them. */
export interface DeploymentTarget {
  resourceGroup?: string
  subscriptionId?: string
  /**
   * The subscription a nested deployment (or one around it) states as its own, which may differ from the
   * deployment's: what it cannot follow may change that subscription's objects ('any': stated but not
   * known, or a management group or tenant scope). undefined: the deployment's own.
   */
  stated?: string | 'any'
}

/** What one deployment (a template with one parameter file) collects across all nesting levels. */
export interface DeploymentSink {
  cloud: CloudName
  /** Prefix of model ids: the template's path relative to the root, with the variant. */
  idBase: string
  variant?: string
  resources: ArmResourceInput[]
  diagnostics: ArmDiagnostic[]
  /** Every expanded instance, for `reference()` and `resourceInfo()` by id. */
  instances: Instance[]
  usedIds: Set<string>
  /** Templates linked by `templateLink.relativePath`: read through the read boundary. */
  readFile(file: string): { ok: true; text: string } | { ok: false; reason: string }
  /** Linked templates followed, so the caller does not also judge them on their own. */
  linked: Set<string>
  /** Templates whose nested deployments are running now (cycle guard), outermost first. */
  running?: string[]
  /** Set when a link closed a cycle. */
  cyclic?: boolean
  /**
   * Nested deployments whose template is not read (linked by URI, missing, too deep) and resources whose
   * type cannot be evaluated, for the caller to name what they may change (src/sources/mapping/may-change.ts).
   */
  unread: UnreadPart[]
}

/**
 * A JSON node that already holds its value (an unknown part of a value tree laid out as JSON,
 * src/sources/arm/embedded.ts): taken as it is, not evaluated as template text.
 */
export const PRESET = Symbol('preset value')

/** ARM refuses a copy loop of more than 800 (resources, properties, variables and outputs alike). */
export const MAX_COPY = 800

/** Deepest nesting of deployments followed (ARM itself stops a deployment tree well before this). */
export const MAX_DEPLOYMENT_DEPTH = 32

interface Instance {
  level: TemplateLevel
  node: JsonNode
  symbol?: string
  type: string
  name: HclValue
  loops: Loops
  address: string
  id: string
  existing: boolean
  state: 'pending' | 'running' | 'done'
  /** Nested deployments: `{ outputs: { x: { type, value } } }` once run. */
  outputs?: HclValue
  /** Set when it exists only if a condition the scan cannot evaluate holds (its own or an enclosing one). */
  condition?: Unknown
}

const DEPLOYMENTS = 'microsoft.resources/deployments'

/** Keys of a resource that are not part of what Azure stores. */
const META = new Set([
  'type',
  'apiversion',
  'copy',
  'condition',
  'dependson',
  'resources',
  'comments',
  'existing',
])

function nameText(v: HclValue): string | undefined {
  return v.kind === 'string' ? v.value : v.kind === 'number' ? String(v.value) : undefined
}

const eqi = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

/**
 * `/…/providers/Microsoft.Network/routeTables/rt/routes/r` or `Microsoft.Network/routeTables/rt` → type and
 * full name.
 */
function parseId(id: string): { type: string; name: string } | undefined {
  const parts = id.split('/').filter((p) => p !== '')
  let i = -1
  for (let k = parts.length - 1; k >= 0; k--)
    if (eqi(parts[k], 'providers')) {
      i = k + 1
      break
    }
  if (i < 0) i = /^[A-Za-z0-9]+\.[A-Za-z0-9.]+$/.test(parts[0] ?? '') ? 0 : -1
  if (i < 0) return undefined
  const rest = parts.slice(i + 1)
  if (rest.length < 2 || rest.length % 2 !== 0) return undefined
  const types = rest.filter((_, k) => k % 2 === 0)
  const names = rest.filter((_, k) => k % 2 === 1)
  return { type: `${parts[i]}/${types.join('/')}`, name: names.join('/') }
}

/** The ARM id of an instance, in the same form `resourceId()` produces. */
function armIdOf(type: string, name: string): string {
  const [ns, ...types] = type.split('/')
  const names = name.split('/')
  const segments = [ns]
  types.forEach((t, i) => segments.push(t, names[i] ?? ''))
  return `/subscriptions/${SUBSCRIPTION_PLACEHOLDER}/resourceGroups/${RESOURCE_GROUP_PLACEHOLDER}/providers/${segments.join('/')}`
}

export class TemplateLevel {
  private readonly params = new Map<string, HclValue | 'running'>()
  private readonly vars = new Map<string, HclValue | 'running'>()
  private readonly instances: Instance[] = []

  /**
   * @param supplied parameter values (lower-case names) from a parameter file or a nested deployment
   * @param outer for nested templates with the (default) outer evaluation scope: whose parameters and
   *   variables the expressions see
   * @param unsupplied why a parameter not in `supplied` is unknown, when something not read (a
   *   parametersLink) may set any of them: its default value would be a guess
   */
  constructor(
    private readonly sink: DeploymentSink,
    readonly doc: JsonDoc,
    private readonly template: JsonNode,
    private readonly supplied: Map<string, HclValue>,
    private readonly prefix: string,
    private readonly outer?: TemplateLevel,
    private readonly unsupplied?: string,
    /** The condition of the nested deployment that runs this template, when the scan cannot evaluate it. */
    private readonly condition?: Unknown,
    /**
     * Where its resources are deployed, when a nested deployment says it (`resourceGroup`,
     * `subscriptionId`): their Azure identity (two same-named VNets in two groups are two VNets).
     */
    private readonly target: DeploymentTarget = {},
  ) {}

  /** What `resourceGroup()`, `subscription()` and `resourceId()` mean here (outer scope: the parent's). */
  private functionTarget(): DeploymentTarget {
    return this.outer ? this.outer.functionTarget() : this.target
  }

  /** Expands and evaluates every resource of the template; returns the template's outputs. */
  run(): HclValue {
    const resources = prop(this.template, 'resources')
    if (resources?.type === 'object')
      for (const [symbol, node] of entries(resources)) this.expand(node, NO_LOOPS, symbol)
    else for (const node of elements(resources)) this.expand(node, NO_LOOPS)
    for (const inst of this.instances) this.evaluate(inst)
    return this.outputs()
  }

  // ---- parameters and variables ------------------------------------------------------------------

  parameter(name: string): HclValue | undefined {
    if (this.outer) return this.outer.parameter(name)
    const key = name.toLowerCase()
    const memo = this.params.get(key)
    const decl = prop(prop(this.template, 'parameters'), name)
    // Defaults that refer to each other (a → b → a) would recurse for ever: the cycle is unknown.
    if (memo === 'running')
      return unk(
        `parameters('${name}')`,
        `the default value of parameter "${name}" refers to itself`,
        originOf(this.doc, decl ?? this.template),
      )
    if (memo) return memo
    if (!decl) return undefined
    this.params.set(key, 'running')
    const def = prop(decl, 'defaultValue')
    const nullable = prop(decl, 'nullable')
    const v =
      this.supplied.get(key) ??
      (this.unsupplied !== undefined
        ? unk(`parameters('${name}')`, this.unsupplied, originOf(this.doc, decl))
        : def
          ? this.value(def, NO_LOOPS)
          : // A nullable parameter (Bicep `param lock lockType?`) nobody sets is null, as at deployment.
            nullable?.type === 'boolean' && nullable.value === true
            ? { kind: 'null', origin: originOf(this.doc, decl) }
            : unk(
                `parameters('${name}')`,
                `parameter "${name}" has no value (no default value and no parameter file sets it)`,
                originOf(this.doc, decl),
              ))
    this.params.set(key, v)
    return v
  }

  variable(name: string): HclValue | undefined {
    if (this.outer) return this.outer.variable(name)
    const key = name.toLowerCase()
    const memo = this.vars.get(key)
    if (memo === 'running')
      return unk(
        `variables('${name}')`,
        `variable "${name}" refers to itself`,
        originOf(this.doc, this.template),
      )
    if (memo) return memo
    const section = prop(this.template, 'variables')
    let v: HclValue | undefined
    this.vars.set(key, 'running')
    const node = entries(section).find(([k]) => k.toLowerCase() === key && k !== 'copy')?.[1]
    if (node) v = this.value(node, NO_LOOPS)
    else {
      // Variable copy loops: `variables.copy: [{ name, count, input }]`.
      const spec = elements(prop(section, 'copy')).find((c) => eqi(stringOf(prop(c, 'name')) ?? '', name))
      if (spec) v = this.copyList(spec, name, NO_LOOPS)
    }
    if (v) this.vars.set(key, v)
    else this.vars.delete(key)
    return v
  }

  // ---- values --------------------------------------------------------------------------------------

  scope(loops: Loops): Scope {
    const target = this.functionTarget()
    return {
      cloud: this.sink.cloud,
      ...(target.resourceGroup !== undefined ? { resourceGroupName: target.resourceGroup } : {}),
      ...(target.subscriptionId !== undefined ? { subscriptionId: target.subscriptionId } : {}),
      parameter: (n) => this.parameter(n),
      variable: (n) => this.variable(n),
      copyIndex: (loop) => {
        const key = (loop ?? loops.current)?.toLowerCase()
        if (key === undefined) return 'copyIndex() is used outside a copy loop'
        return loops.byName[key] ?? `copyIndex('${loop}') is used outside that loop`
      },
      reference: (target, full, site, text) => this.reference(target, full, site, text),
      resourceInfo: (symbol, site) => this.resourceInfo(symbol, site),
    }
  }

  /**
   * A JSON node of the template evaluated: strings as expressions, objects with their property copy loops.
   */
  value(node: JsonNode, loops: Loops): HclValue {
    const origin = originOf(this.doc, node)
    switch (node.type) {
      case 'string':
        return (
          (node as { [PRESET]?: HclValue })[PRESET] ??
          evaluateString(node.value as string, origin, this.scope(loops))
        )
      case 'number':
        return { kind: 'number', value: node.value as number, origin }
      case 'boolean':
        return { kind: 'bool', value: node.value as boolean, origin }
      case 'null':
        return { kind: 'null', origin }
      case 'array':
        return { kind: 'list', items: elements(node).map((n) => this.value(n, loops)), origin }
      default: {
        const attrs: Record<string, HclValue> = {}
        for (const [k, v] of entries(node)) {
          if (k === 'copy' && v.type === 'array') {
            for (const spec of elements(v)) {
              const name = stringOf(prop(spec, 'name'))
              if (name !== undefined) attrs[name] = this.copyList(spec, name, loops)
            }
          } else attrs[k] = this.value(v, loops)
        }
        return { kind: 'object', attrs, origin }
      }
    }
  }

  /** `{ name, count, input }` → the list of inputs, each with copyIndex(name) set. */
  private copyList(spec: JsonNode, name: string, loops: Loops): HclValue {
    const origin = originOf(this.doc, spec)
    const countNode = prop(spec, 'count')
    const input = prop(spec, 'input')
    const count = countNode ? this.value(countNode, loops) : unk('count', 'copy loop without count', origin)
    if (count.kind === 'unknown')
      return unk(`copy ${name}`, `the count of copy loop "${name}" is not known: ${count.reason}`, origin)
    const n = countOf(count)
    if (n === undefined || !input)
      return unk(`copy ${name}`, `copy loop "${name}" has no usable count or input`, origin)
    if (n > MAX_COPY)
      return unk(`copy ${name}`, `copy loop "${name}" counts ${n}, over ARM's limit of ${MAX_COPY}`, origin)
    spend(n, origin)
    const items: HclValue[] = []
    for (let i = 0; i < n; i++)
      items.push(
        this.value(input, { byName: { ...loops.byName, [name.toLowerCase()]: i }, current: loops.current }),
      )
    return { kind: 'list', items, origin }
  }

  // ---- resources -----------------------------------------------------------------------------------

  private expand(
    node: JsonNode,
    parentLoops: Loops,
    symbol?: string,
    parent?: { type: string; name: HclValue; condition?: Unknown },
  ) {
    const copy = prop(node, 'copy')
    const loopsList: Loops[] = []
    if (copy?.type === 'object') {
      const loopName = (stringOf(prop(copy, 'name')) ?? symbol ?? 'copy').toLowerCase()
      const countNode = prop(copy, 'count')
      const count = countNode ? this.value(countNode, parentLoops) : undefined
      const counted = count && countOf(count)
      const n = counted !== undefined && counted <= MAX_COPY ? counted : undefined
      if (n !== undefined) spend(n, originOf(this.doc, copy))
      if (n !== undefined)
        for (let i = 0; i < n; i++)
          loopsList.push({ byName: { ...parentLoops.byName, [loopName]: i }, current: loopName })
      else {
        const why =
          count?.kind === 'unknown'
            ? count.reason
            : counted !== undefined
              ? `${counted} is over ARM's limit of ${MAX_COPY}`
              : 'no usable count'
        const reason = `the count of copy loop "${loopName}" is not known (${why})`
        loopsList.push({ byName: { ...parentLoops.byName, [loopName]: reason }, current: loopName })
        if (mayDeployModelled(node, parent?.type))
          this.notice(
            node,
            `${this.describe(node)}: ${reason}; judged as one instance with unknown values`,
            countNode,
          )
      }
    } else loopsList.push(parentLoops)

    for (const loops of loopsList) {
      const cond = prop(node, 'condition')
      // A child resource or a nested deployment's resources exist only if their parent does.
      let condition = parent ? parent.condition : this.condition
      if (cond) {
        const c = this.value(cond, loops)
        if (c.kind === 'bool' && !c.value) continue
        if (c.kind !== 'bool') {
          const why = c.kind === 'unknown' ? (c.reason ?? 'computed') : 'not a bool'
          const text = stringOf(cond) ?? render(c)
          condition = unknown(
            text,
            `its condition ${text} cannot be evaluated (${why})`,
            originOf(this.doc, cond),
          ) as Unknown
          if (mayDeployModelled(node, parent?.type))
            this.notice(
              node,
              `${this.describe(node)}: the condition cannot be evaluated (${why}); judged as deployed, except where being deployed could let KMS through (README: conditions)`,
              cond,
            )
        }
      }
      const typeNode = prop(node, 'type')
      const ownType = typeNode ? this.value(typeNode, loops) : undefined
      if (ownType?.kind !== 'string') {
        this.notice(
          node,
          `${this.describe(node)}: the resource type cannot be evaluated; resource skipped`,
          typeNode,
        )
        // It may be any resource: a route, a rule, an association.
        this.sink.unread.push({
          what: this.describe(node),
          why: `the resource type cannot be evaluated${ownType?.kind === 'unknown' ? ` (${ownType.reason ?? 'computed'})` : ''}`,
          origin: originOf(this.doc, typeNode ?? node),
          kind: 'unplaced',
          ...(this.target.stated !== undefined ? { subscription: this.target.stated } : {}),
        })
        continue
      }
      const nameNode = prop(node, 'name')
      const ownName = nameNode
        ? this.value(nameNode, loops)
        : unk('name', 'no name', originOf(this.doc, node))
      // A nested child spells a short type and name (`routes`, `r1`); a full type comes with a full name.
      const short = parent !== undefined && !ownType.value.includes('/')
      const type = short ? `${parent.type}/${ownType.value}` : ownType.value
      const name = short ? this.joinNames(parent.name, ownName) : ownName
      const index = loops.current !== undefined ? loops.byName[loops.current] : undefined
      const shownName =
        nameText(name) ??
        `${stringOf(nameNode) ?? render(name)}${typeof index === 'number' ? `[${index}]` : ''}`
      const address = `${this.prefix}${type}/${shownName}`
      const inst: Instance = {
        level: this,
        node,
        symbol,
        type,
        name,
        loops,
        address,
        id: this.uniqueId(address),
        existing: prop(node, 'existing')?.value === true,
        state: 'pending',
      }
      if (condition) inst.condition = condition
      this.instances.push(inst)
      this.sink.instances.push(inst)
      // A copy loop of unknown count whose instances' names are not known either may redeclare any route
      // table, NSG or VNet of its scope (a PUT replaces it): judged as one instance, and named as a loop.
      // (A child's unknown name leaves its parent unknown: src/sources/mapping/may-change.ts names it.)
      if (
        typeof index === 'string' &&
        name.kind === 'unknown' &&
        type.split('/').length === 2 &&
        !inst.existing &&
        mayChangePaths(type)
      )
        this.sink.unread.push({
          what: address,
          why: `${index}; its instances' names are not known either`,
          origin: originOf(this.doc, prop(node, 'copy') ?? node),
          kind: 'loop',
          ...(this.target.stated !== undefined ? { subscription: this.target.stated } : {}),
        })
      for (const child of elements(prop(node, 'resources')))
        this.expand(child, loops, undefined, { type, name, ...(condition ? { condition } : {}) })
    }
  }

  private joinNames(parent: HclValue, own: HclValue): HclValue {
    const p = nameText(parent)
    const o = nameText(own)
    if (p !== undefined && o !== undefined) return { kind: 'string', value: `${p}/${o}`, origin: own.origin }
    const u = own.kind === 'unknown' ? own : parent
    return unk(
      `${render(parent)}/${render(own)}`,
      u.kind === 'unknown' ? u.reason : 'name is not a string',
      own.origin,
    )
  }

  private uniqueId(address: string): string {
    const base = `${this.sink.idBase}#${address}`
    let id = base
    for (let n = 2; this.sink.usedIds.has(id); n++) id = `${base}#${n}`
    this.sink.usedIds.add(id)
    return id
  }

  private evaluate(inst: Instance): void {
    if (inst.state !== 'pending' || inst.existing) return
    inst.state = 'running'
    if (eqi(inst.type, DEPLOYMENTS)) this.runDeployment(inst)
    else {
      const attrs: Record<string, HclValue> = {}
      for (const [k, v] of entries(inst.node))
        if (!META.has(k.toLowerCase())) attrs[k] = this.value(v, inst.loops)
      attrs.name = inst.name
      const origin = originOf(this.doc, inst.node)
      const input: ArmResourceInput = {
        armType: inst.type,
        name: this.nameValue(inst.name),
        body: { kind: 'object', attrs, origin },
        id: inst.id,
        address: inst.address,
        origin,
        format: 'arm',
        sourceType: inst.type,
      }
      if (this.sink.variant !== undefined) input.variant = this.sink.variant
      if (inst.condition) input.condition = inst.condition
      if (this.target.resourceGroup !== undefined)
        input.resourceGroup = known(this.target.resourceGroup, origin)
      // A nested deployment's subscriptionId: two same-named VNets in two subscriptions are two VNets.
      const sub = this.target.subscriptionId
      if (sub !== undefined && !sub.includes('{')) input.subscription = sub.toLowerCase()
      if (this.target.stated !== undefined) input.stated = this.target.stated
      const after = this.dependencies(inst)
      if (after.length > 0) input.dependsOn = after
      this.sink.resources.push(input)
    }
    inst.state = 'done'
  }

  /** The model ids of the resources a `dependsOn` names (ids, names or symbolic names in this deployment). */
  private dependencies(inst: Instance): string[] {
    const out: string[] = []
    for (const entry of elements(prop(inst.node, 'dependsOn'))) {
      const v = this.value(entry, inst.loops)
      const target = nameText(v)
      const dep = target !== undefined ? this.find(target) : undefined
      if (dep) out.push(dep.id)
    }
    return out
  }

  private nameValue(v: HclValue): Value<string> {
    const t = nameText(v)
    if (t !== undefined) return known(t, v.origin)
    if (v.kind === 'unknown') return unknown(v.expression, v.reason, v.origin, v.ref)
    return unknown(render(v), 'the name is not a string', v.origin)
  }

  // ---- nested deployments --------------------------------------------------------------------------

  private runDeployment(inst: Instance): void {
    const props = prop(inst.node, 'properties')
    const inner = eqi(stringOf(prop(prop(props, 'expressionEvaluationOptions'), 'scope')) ?? 'outer', 'inner')
    const prefix = `${this.prefix}${inst.type}/${nameText(inst.name) ?? '?'}/`
    let doc = this.doc
    let template = prop(props, 'template')
    let linked = false
    if (!template) {
      const link = prop(props, 'templateLink')
      const rel = stringOf(prop(link, 'relativePath'))
      const file = rel !== undefined ? path.join(path.dirname(this.doc.path), rel) : undefined
      const read = file !== undefined ? this.sink.readFile(file) : undefined
      const cycle = file !== undefined && (this.sink.running ?? []).includes(file)
      const parsed = file !== undefined && read?.ok && !cycle ? parseJson(file, read.text) : undefined
      if (cycle) this.sink.cyclic = true
      if (!parsed?.ok) {
        const what =
          rel === undefined
            ? stringOf(prop(link, 'id')) !== undefined && stringOf(prop(link, 'uri')) === undefined
              ? 'template specs (templateLink.id) are not followed'
              : 'templates linked by URI are not followed'
            : cycle
              ? `the linked template ${rel} links back to a template it is part of (a cycle); not followed again`
              : read && !read.ok
                ? `the linked template ${rel} ${read.reason}`
                : parsed && !parsed.ok
                  ? `the linked template ${rel} cannot be read (${parsed.message})`
                  : `the linked template ${rel} is not in the scan`
        this.notice(inst.node, `${inst.address}: ${what}; its resources are not judged`, link)
        const stated = this.targetOf(inst).stated
        this.sink.unread.push({
          what: inst.address,
          why: what,
          origin: originOf(this.doc, link ?? inst.node),
          ...(stated !== undefined ? { subscription: stated } : {}),
        })
        inst.outputs = unk(inst.address, what, originOf(this.doc, inst.node))
        return
      }
      this.sink.linked.add(parsed.doc.path)
      doc = parsed.doc
      template = parsed.doc.root
      linked = true
    }
    let level: TemplateLevel
    if (inner || linked) {
      const supplied = new Map<string, HclValue>()
      for (const [k, v] of entries(prop(props, 'parameters'))) {
        // Parameter copy loops (what Bicep emits for `params: { routes: [for …] }`): each loop is the
        // value of the parameter it names.
        if (k === 'copy' && v.type === 'array') {
          for (const spec of elements(v)) {
            const name = stringOf(prop(spec, 'name'))
            if (name !== undefined) supplied.set(name.toLowerCase(), this.copyList(spec, name, inst.loops))
          }
          continue
        }
        supplied.set(k.toLowerCase(), this.suppliedParameter(k, v, inst.loops))
      }
      const parametersLink = prop(props, 'parametersLink')
      if (parametersLink)
        this.notice(
          inst.node,
          `${inst.address}: parametersLink is not followed; the parameters it may set are unknown`,
        )
      const unsupplied = parametersLink
        ? 'set by a parameters file linked by URI, which is not followed'
        : undefined
      level = new TemplateLevel(
        this.sink,
        doc,
        template,
        supplied,
        prefix,
        undefined,
        unsupplied,
        inst.condition,
        this.targetOf(inst),
      )
    } else
      level = new TemplateLevel(
        this.sink,
        doc,
        template,
        new Map(),
        prefix,
        this,
        undefined,
        inst.condition,
        this.targetOf(inst),
      )
    const running = (this.sink.running ??= [])
    if (running.length >= MAX_DEPLOYMENT_DEPTH) {
      const what = `deployments nested more than ${MAX_DEPLOYMENT_DEPTH} deep are not followed`
      this.notice(inst.node, `${inst.address}: ${what}; its resources are not judged`)
      const stated = this.targetOf(inst).stated
      this.sink.unread.push({
        what: inst.address,
        why: what,
        origin: originOf(this.doc, inst.node),
        ...(stated !== undefined ? { subscription: stated } : {}),
      })
      inst.outputs = unk(inst.address, what, originOf(this.doc, inst.node))
      return
    }
    running.push(doc.path)
    try {
      const outputs = level.run()
      inst.outputs = { kind: 'object', attrs: { outputs }, origin: outputs.origin }
    } finally {
      running.pop()
    }
  }

  /**
   * Where a nested deployment deploys: its `resourceGroup` / `subscriptionId` when known, else this
   * level's own target (a deployment without them deploys where its parent does). A resource group
   * the scan cannot evaluate leaves it unsaid: references then match by name, as without nesting.
   */
  private targetOf(inst: Instance): DeploymentTarget {
    const text = (key: string) => {
      const node = prop(inst.node, key)
      const v = node ? this.value(node, inst.loops) : undefined
      return v?.kind === 'string' ? v.value : node ? null : undefined
    }
    const rg = text('resourceGroup')
    const sub = text('subscriptionId')
    const out: DeploymentTarget = {}
    const ownRg = rg === undefined && sub === undefined ? this.target.resourceGroup : (rg ?? undefined)
    const ownSub = sub === undefined ? this.target.subscriptionId : (sub ?? undefined)
    if (ownRg !== undefined) out.resourceGroup = ownRg
    if (ownSub !== undefined) out.subscriptionId = ownSub
    // A management group or tenant scope reaches every subscription under it; a subscriptionId the scan
    // cannot evaluate may be any; `subscription().subscriptionId` (a placeholder here) is the deployment's.
    const scope = text('scope')
    const stated =
      prop(inst.node, 'managementGroupId') !== undefined ||
      scope === null ||
      (scope !== undefined && /managementGroups|^\/$/i.test(scope))
        ? 'any'
        : sub === null
          ? 'any'
          : sub !== undefined && !sub.includes('{')
            ? sub.toLowerCase()
            : this.target.stated
    if (stated !== undefined) out.stated = stated
    return out
  }

  /**
   * A nested deployment's `parameters.<k>`: `{ value }`, or a Key Vault `{ reference }` read at deployment.
   */
  private suppliedParameter(k: string, v: JsonNode, loops: Loops): HclValue {
    const valueNode = prop(v, 'value')
    if (valueNode) return this.value(valueNode, loops)
    const origin = originOf(this.doc, v)
    if (prop(v, 'reference'))
      return unk(
        `parameters.${k}`,
        `parameter "${k}" is a Key Vault reference, resolved at deployment`,
        origin,
      )
    return unk(`parameters.${k}`, `parameter "${k}" is passed without a value`, origin)
  }

  private outputs(): HclValue {
    const section = prop(this.template, 'outputs')
    const attrs: Record<string, HclValue> = {}
    for (const [k, v] of entries(section)) {
      const cond = prop(v, 'condition')
      const c = cond ? this.value(cond, NO_LOOPS) : undefined
      if (c?.kind === 'bool' && !c.value) continue
      const copy = prop(v, 'copy')
      // An output whose condition is not known may not exist: its value is not known either.
      const value =
        c && c.kind !== 'bool'
          ? unk(
              `outputs.${k}`,
              `the condition of output "${k}" cannot be evaluated (${c.kind === 'unknown' ? c.reason : 'not a bool'})`,
              originOf(this.doc, v),
            )
          : copy?.type === 'object'
            ? this.copyList(copy, stringOf(prop(copy, 'name')) ?? k, NO_LOOPS)
            : prop(v, 'value')
              ? this.value(prop(v, 'value')!, NO_LOOPS)
              : unk(`outputs.${k}`, 'output without value', originOf(this.doc, v))
      const type = stringOf(prop(v, 'type'))
      attrs[k] = {
        kind: 'object',
        attrs:
          type !== undefined
            ? { type: { kind: 'string', value: type, origin: value.origin }, value }
            : { value },
        origin: value.origin,
      }
    }
    return {
      kind: 'object',
      attrs,
      origin: section ? originOf(this.doc, section) : originOf(this.doc, this.template),
    }
  }

  // ---- references ----------------------------------------------------------------------------------

  /** An instance by symbolic name, ARM id or plain name: this level first, then the whole deployment. */
  private find(target: string): Instance | undefined {
    const bySymbol = this.instances.find((i) => i.symbol !== undefined && i.symbol === target)
    if (bySymbol) return bySymbol
    const parsed = target.includes('/') ? parseId(target) : undefined
    const match = (i: Instance) =>
      parsed
        ? eqi(i.type, parsed.type) && eqi(nameText(i.name) ?? '', parsed.name)
        : eqi(nameText(i.name) ?? '', target)
    const local = this.instances.filter(match)
    if (local.length === 1) return local[0]
    const all = this.sink.instances.filter(match)
    return all.length === 1 ? all[0] : undefined
  }

  private reference(target: HclValue, full: boolean, site: Origin, text: string): HclValue {
    if (target.kind === 'unknown') return unk(text, target.reason, site)
    const key = nameText(target)
    const inst = key !== undefined ? this.find(key) : undefined
    if (!inst)
      return unk(
        text,
        `reference() to ${key ?? render(target)}, which is not in this template, is resolved at deployment`,
        site,
      )
    if (eqi(inst.type, DEPLOYMENTS)) {
      if (inst.state === 'running') return unk(text, 'circular reference between nested deployments', site)
      inst.level.evaluate(inst)
      const out = inst.outputs ?? unk(text, 'the deployment has no outputs', site)
      return full ? { kind: 'object', attrs: { properties: out }, origin: site } : out
    }
    // An `existing` resource is not deployed here, so no model object stands for it: no ref.
    if (inst.existing)
      return unk(text, `reference() to the existing resource ${inst.address} is resolved at deployment`, site)
    return unk(text, 'reference() is resolved at deployment', site, {
      resource: inst.id,
      attribute: full ? '' : 'properties',
    })
  }

  private resourceInfo(symbol: string, site: Origin): HclValue | undefined {
    const inst = this.instances.find((i) => i.symbol === symbol)
    if (!inst) return undefined
    const name = nameText(inst.name)
    const id: HclValue =
      name !== undefined
        ? { kind: 'string', value: armIdOf(inst.type, name), origin: site }
        : unk(`resourceInfo('${symbol}').id`, 'the name is not known', site)
    return {
      kind: 'object',
      attrs: { id, name: inst.name, type: { kind: 'string', value: inst.type, origin: site } },
      origin: site,
    }
  }

  // ---- diagnostics ---------------------------------------------------------------------------------

  private describe(node: JsonNode): string {
    const type = stringOf(prop(node, 'type')) ?? 'resource'
    const name = stringOf(prop(node, 'name')) ?? '?'
    return `${this.prefix}${type}/${name}`
  }

  private notice(node: JsonNode, message: string, at?: JsonNode): void {
    const d: ArmDiagnostic = { ruleId: 'KMS011', origin: originOf(this.doc, at ?? node), message }
    if (at?.type === 'string') d.expression = at.value as string
    this.sink.diagnostics.push(d)
  }
}

/** The resource nodes of a `resources` array, or of a symbolic-name `resources` object. */
function resourceNodes(resources: JsonNode | undefined): JsonNode[] {
  return resources?.type === 'object' ? entries(resources).map(([, n]) => n) : elements(resources)
}

/**
 * Could this resource put something the model judges in place (itself, a child, or what a nested
 * deployment declares)? Read from literal types only; an expression type or a linked template counts as
 * yes. An unknown condition or count of anything else (a lock, a role assignment) cannot change a KMS
 * verdict and is not worth a notice.
 */
function mayDeployModelled(node: JsonNode, parentType?: string): boolean {
  const own = stringOf(prop(node, 'type'))
  if (own === undefined || own.startsWith('[')) return true
  const type = parentType !== undefined && !own.includes('/') ? `${parentType}/${own}` : own
  if (isModelledArmType(type)) return true
  if (eqi(type, DEPLOYMENTS)) {
    const template = prop(prop(node, 'properties'), 'template')
    if (template?.type !== 'object') return true
    if (resourceNodes(prop(template, 'resources')).some((r) => mayDeployModelled(r))) return true
  }
  return resourceNodes(prop(node, 'resources')).some((r) => mayDeployModelled(r, type))
}

/** A copy count: a non-negative integer, or a string spelling one; undefined for anything else. */
function countOf(v: HclValue): number | undefined {
  const n =
    v.kind === 'number' ? v.value : v.kind === 'string' && v.value.trim() !== '' ? Number(v.value) : NaN
  return Number.isInteger(n) && n >= 0 ? n : undefined
}
