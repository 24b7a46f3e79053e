/**
 * Terraform plan JSON (`terraform show -json plan.out`) as a TerraformEvaluation, the same shape the HCL
 * evaluator produces, so `terraformToModel` maps it unchanged. A plan knows what HCL alone cannot
 * (module outputs, variables, for_each keys), so the scan judges what will actually be applied.
 *
 * Judged: the planned after-state of every resource that will exist after apply (resource_changes, or
 * planned_values when a plan has no changes section); resources only being deleted are left out. Every
 * value's origin is the resource's object in the plan file.
 */
import type { EvaluatedResource, HclValue, TerraformEvaluation } from '../evaluation/evaluated'
import {
  elements,
  originOf,
  parseJson,
  plain,
  prop,
  type JsonDoc,
  type JsonNode,
} from '../parsing/json-lines'
import { afterState, pathText, type Path } from './after-state'
import { ConfigIndex, modulePathOf } from './references'

/** Plan JSON by content: `format_version` with `resource_changes` or `planned_values`. */
export function isTerraformPlan(text: string): boolean {
  if (!/^\s*\{/.test(text) || !text.includes('"format_version"')) return false
  return text.includes('"resource_changes"') || text.includes('"planned_values"')
}

/**
 * Resource addresses of a plan evaluation: the lead prefers .tf locations for these when both are scanned.
 */
export function planAddresses(evaluation: TerraformEvaluation): string[] {
  return evaluation.resources.map((r) => r.address)
}

const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x)

interface Candidate {
  node: JsonNode
  address: string
  mode: 'managed' | 'data'
  type: string
  name: string
  moduleAddress?: string
  index?: unknown
  after: unknown
  afterUnknown: unknown
}

/** Only-delete (and `forget`, Terraform 1.7 `removed` blocks) changes leave nothing to judge. */
function goesAway(actions: unknown): boolean {
  return (
    Array.isArray(actions) && actions.length > 0 && actions.every((a) => a === 'delete' || a === 'forget')
  )
}

function fromChanges(doc: JsonDoc, changes: JsonNode): Candidate[] {
  const out: Candidate[] = []
  for (const node of elements(changes)) {
    const rc = plain(node)
    if (!isObj(rc) || !isObj(rc.change) || typeof rc.address !== 'string') continue
    if (goesAway(rc.change.actions) || rc.change.after === null || rc.change.after === undefined) continue
    out.push({
      node,
      address: rc.address,
      mode: rc.mode === 'data' ? 'data' : 'managed',
      type: String(rc.type ?? ''),
      name: String(rc.name ?? ''),
      moduleAddress: typeof rc.module_address === 'string' ? rc.module_address : undefined,
      index: rc.index,
      after: rc.change.after,
      afterUnknown: rc.change.after_unknown,
    })
  }
  return out
}

/**
 * Resources of a values tree (planned_values, prior_state.values). No after_unknown there: computed
 * attributes are simply absent (handled by the caller).
 */
function fromPlannedValues(module: JsonNode | undefined, out: Candidate[] = []): Candidate[] {
  for (const node of elements(prop(module, 'resources'))) {
    const r = plain(node)
    if (!isObj(r) || typeof r.address !== 'string') continue
    const moduleAddress = /^(.*)\.(?:data\.)?[^.]+\.[^.]+$/.exec(r.address.replace(/\[[^\]]*\]$/, ''))?.[1]
    out.push({
      node,
      address: r.address,
      mode: r.mode === 'data' ? 'data' : 'managed',
      type: String(r.type ?? ''),
      name: String(r.name ?? ''),
      moduleAddress: moduleAddress?.startsWith('module.') ? moduleAddress : undefined,
      index: r.index,
      after: r.values ?? {},
      afterUnknown: undefined,
    })
  }
  for (const child of elements(prop(module, 'child_modules'))) fromPlannedValues(child, out)
  return out
}

function providerEnvironments(config: unknown): string[] {
  const out: string[] = []
  const providers = isObj(config) && isObj(config.provider_config) ? config.provider_config : {}
  for (const p of Object.values(providers)) {
    if (!isObj(p) || p.name !== 'azurerm' || !isObj(p.expressions)) continue
    const env = p.expressions.environment
    if (isObj(env) && typeof env.constant_value === 'string' && !out.includes(env.constant_value))
      out.push(env.constant_value)
  }
  return out
}

export function planToEvaluation(path: string, text: string): TerraformEvaluation {
  const evaluation: TerraformEvaluation = { resources: [], providerEnvironments: [], diagnostics: [] }
  const parsed = parseJson(path, text)
  if (!parsed.ok) {
    evaluation.diagnostics.push({
      ruleId: 'KMS012',
      origin: { file: path, startLine: parsed.line, endLine: parsed.line },
      message: `Cannot read this Terraform plan: ${parsed.message}.`,
    })
    return evaluation
  }
  const { doc } = parsed
  const changes = prop(doc.root, 'resource_changes')
  const candidates =
    changes?.type === 'array'
      ? fromChanges(doc, changes)
      : fromPlannedValues(prop(prop(doc.root, 'planned_values'), 'root_module'))
  // Data sources read while planning are in the refreshed prior state, not in resource_changes.
  if (changes?.type === 'array') {
    const seen = new Set(candidates.map((c) => c.address))
    const prior = fromPlannedValues(prop(prop(prop(doc.root, 'prior_state'), 'values'), 'root_module'))
    for (const c of prior) if (c.mode === 'data' && !seen.has(c.address)) candidates.push(c)
  }
  const configuration = plain(prop(doc.root, 'configuration'))
  evaluation.providerEnvironments = providerEnvironments(configuration)
  const variables = plain(prop(doc.root, 'variables'))
  if (isObj(variables)) {
    evaluation.planVariables = new Map()
    for (const [name, v] of Object.entries(variables))
      if (isObj(v) && 'value' in v) evaluation.planVariables.set(name, v.value)
  }
  const rootModule =
    isObj(configuration) && isObj(configuration.root_module) ? configuration.root_module : undefined
  const config = new ConfigIndex(
    rootModule,
    candidates.map((c) => c.address),
  )

  for (const c of candidates) {
    const origin = originOf(doc, c.node)
    const modules = modulePathOf(c.moduleAddress)
    const configAddress = `${c.mode === 'data' ? 'data.' : ''}${c.type}.${c.name}`
    const ctx = {
      modules,
      prefix: c.moduleAddress ? `${c.moduleAddress}.` : '',
      selfKey: c.index === undefined || c.index === null ? undefined : `[${JSON.stringify(c.index)}]`,
    }
    const unknownAt = (p: Path): Extract<HclValue, { kind: 'unknown' }> => {
      const refs = config.referencesAt(modules, configAddress, p)
      // Nothing in the configuration feeds it: a computed attribute of the resource itself (the firewall's
      // private address), named the way the HCL evaluator names it.
      const ref =
        refs.length > 0 ? config.resolve(refs, ctx) : { resource: c.address, attribute: pathText(p) }
      const u: Extract<HclValue, { kind: 'unknown' }> = {
        kind: 'unknown',
        expression: refs[0] ?? `${c.address}.${pathText(p)}`,
        reason: 'known after apply',
        origin,
      }
      if (ref) u.ref = ref
      return u
    }
    const body = afterState(c.after, c.afterUnknown, origin, unknownAt)
    if (body.kind !== 'object') continue
    if (c.afterUnknown === undefined)
      markUnsetConfigured(body, config.configuredAttributes(modules, configAddress), unknownAt)
    const resource: EvaluatedResource = {
      mode: c.mode,
      type: c.type,
      name: c.name,
      address: c.address,
      origin,
      body,
    }
    const dependsOn = config.dependsOn(modules, configAddress)
    if (dependsOn.length > 0) resource.dependsOn = dependsOn.map((d) => ctx.prefix + d)
    evaluation.resources.push(resource)
  }
  return evaluation
}

/**
 * Without after_unknown, an attribute the configuration sets by reference but the planned values lack is
 * computed at apply time: unknown, not "not set".
 */
function markUnsetConfigured(
  body: Extract<HclValue, { kind: 'object' }>,
  configured: string[],
  unknownAt: (p: Path) => Extract<HclValue, { kind: 'unknown' }>,
): void {
  for (const name of configured) {
    const v = body.attrs[name]
    if (v === undefined || v.kind === 'null') body.attrs[name] = unknownAt([name])
  }
}
