/**
 * ARM templates deployed from Terraform: azurerm_resource_group_template_deployment and its subscription,
 * management group and tenant siblings, the deprecated azurerm_template_deployment, and azapi_resource of
 * type Microsoft.Resources/deployments. The template is evaluated by the ARM source
 * (src/sources/arm/embedded.ts) with the parameters Terraform passes, in the deployment's resource group,
 * and its resources join this unit's model like any other: a hub route table's routes written through a
 * template (as aztfmod/terraform-azurerm-caf writes them) decide the spokes' paths.
 *
 * What the scan cannot read (a template that is not known before apply, a template spec, a nested template
 * linked by URI) is named: every subnet it may change is undecided, never reachable
 * (src/sources/mapping/may-change.ts).
 */
import { cloudFromEnvironment, type CloudName } from '../../../kms/catalogue'
import type { ModelBuilder } from '../../../model/build'
import { ARM } from '../../../model/build'
import type { HubRouteTable } from '../../../model/network'
import { evaluateEmbeddedTemplate, type EmbeddedResult, type EmbeddedSource } from '../../arm/embedded'
import type { EvaluatedResource, HclValue } from '../../evaluation/evaluated'
import {
  attr,
  attrCI,
  firstUnknown,
  fromJson,
  fromUnknown,
  str,
  unknownNode,
} from '../../evaluation/value-tree'
import { known } from '../../../model/value'
import type { ArmResourceInput } from '../../arm/types'
import { addArmResource } from '../../mapping/arm-shapes'
import { mayChange, pathChildType, scopeOfPart, unplacedChildren } from '../../mapping/may-change'
import { instancesUnknown } from '../../mapping/conditional'
import { parsePlain } from '../../parsing/json-lines'

/** azurerm types that deploy an ARM template, and the arguments they carry it in. */
const AZURERM: Record<string, { template: string; parameters: string }> = {
  azurerm_resource_group_template_deployment: {
    template: 'template_content',
    parameters: 'parameters_content',
  },
  azurerm_subscription_template_deployment: {
    template: 'template_content',
    parameters: 'parameters_content',
  },
  azurerm_management_group_template_deployment: {
    template: 'template_content',
    parameters: 'parameters_content',
  },
  azurerm_tenant_template_deployment: { template: 'template_content', parameters: 'parameters_content' },
  azurerm_template_deployment: { template: 'template_body', parameters: 'parameters_body' },
}

/** Is this resource one that deploys an ARM template? (azapi: by its `type`.) */
export function deploysTemplate(r: EvaluatedResource): boolean {
  if (Object.hasOwn(AZURERM, r.type)) return r.mode === 'managed'
  if (r.type !== 'azapi_resource' || r.mode !== 'managed') return false
  const type = str(attr(r.body, 'type'))
  return type?.known === true && /^microsoft\.resources\/deployments(@|$)/i.test(type.value.trim())
}

export interface TemplateContext {
  /** ARM templates file() read, text → paths (TerraformEvaluation.templateFiles). */
  templateFiles?: Map<string, string[]>
  /** azurerm provider `environment`s seen: the cloud `environment()` answers for. */
  environments: string[]
  /** Reads a template linked by relativePath from one file() read (TerraformEvaluation.readLinked). */
  readLinked?: (file: string) => { ok: true; text: string } | { ok: false; reason: string }
}

/** A JSON string as a value tree; `jsonencode(x)` of an x with unknown parts as x itself. */
function tree(v: HclValue | undefined): HclValue | { why: string } | undefined {
  if (v === undefined || v.kind === 'null') return undefined
  if (v.kind === 'unknown') return v.encoded ?? { why: v.reason }
  if (v.kind !== 'string') return v
  try {
    return fromJson(parsePlain(v.value), v.origin)
  } catch (e) {
    return { why: `it is not valid JSON (${(e as Error).message})` }
  }
}

/** `{ p: { value: x } }` (or a whole parameters file) → values by lower-case name. */
function parameterValues(params: HclValue, into: Map<string, HclValue>): void {
  const section =
    params.kind === 'object' && attrCI(params, '$schema') && attrCI(params, 'parameters')
      ? attrCI(params, 'parameters')!
      : params
  if (section.kind !== 'object') return
  for (const [name, p] of Object.entries(section.attrs)) {
    const value = p.kind === 'object' ? attrCI(p, 'value') : undefined
    into.set(
      name.toLowerCase(),
      p.kind === 'unknown'
        ? p
        : (value ??
            unknownNode(
              `parameters.${name}`,
              p.kind === 'object' && attrCI(p, 'reference')
                ? `parameter "${name}" is a Key Vault reference, resolved at deployment`
                : `parameter "${name}" is passed without a value`,
              p.origin,
            )),
    )
  }
}

interface Deployment {
  template: EmbeddedSource | { why: string }
  parameters: Map<string, HclValue>
  unsupplied?: string
  resourceGroup?: string
}

/**
 * Of identical template files, the one a deployment read: the nearest to the file declaring it (a module
 * reads `${path.module}/x.json`; two hub modules may each ship the same template).
 */
function nearest(files: string[] | undefined, from: string): string | undefined {
  if (!files || files.length < 2) return files?.[0]
  const shared = (f: string) => {
    let i = 0
    while (i < f.length && i < from.length && f[i] === from[i]) i++
    return f.slice(0, i).lastIndexOf('/')
  }
  return files.reduce((best, f) => (shared(f) > shared(best) ? f : best))
}

function azurermDeployment(r: EvaluatedResource, context: TemplateContext): Deployment {
  const args = AZURERM[r.type]
  const parameters = new Map<string, HclValue>()
  const d: Deployment = { template: { why: '' }, parameters }
  const rg = str(attr(r.body, 'resource_group_name'))
  if (rg?.known) d.resourceGroup = rg.value
  const params = tree(attr(r.body, args.parameters))
  if (params && 'why' in params) d.unsupplied = `${args.parameters} is not known: ${params.why}`
  else if (params) parameterValues(params, parameters)
  // The deprecated resource also takes a map of string values.
  const map = attr(r.body, 'parameters')
  if (r.type === 'azurerm_template_deployment' && map?.kind === 'object')
    for (const [k, v] of Object.entries(map.attrs)) parameters.set(k.toLowerCase(), v)
  const spec = str(attr(r.body, 'template_spec_version_id'))
  const content = attr(r.body, args.template)
  if (spec && (content === undefined || content.kind === 'null')) {
    d.template = {
      why: `it deploys the template spec ${spec.known ? spec.value : spec.expression}, which is not in the scanned sources`,
    }
    return d
  }
  if (content?.kind === 'string') {
    const file = nearest(context.templateFiles?.get(content.value), r.origin.file)
    d.template = { text: content.value, site: content.origin, ...(file !== undefined ? { file } : {}) }
    return d
  }
  const t = tree(content)
  d.template =
    t === undefined
      ? { why: `${args.template} is not set` }
      : 'why' in t
        ? { why: `${args.template} is not known (${t.why})` }
        : { value: t, site: content!.origin }
  return d
}

/** azapi_resource `Microsoft.Resources/deployments`: the body's `properties.template` and `parameters`. */
function azapiDeployment(r: EvaluatedResource): Deployment {
  const parameters = new Map<string, HclValue>()
  const d: Deployment = { template: { why: '' }, parameters }
  const parent = str(attr(r.body, 'parent_id'))
  const rg = parent?.known ? /\/resourceGroups\/([^/]+)/i.exec(parent.value)?.[1] : undefined
  if (rg !== undefined) d.resourceGroup = rg
  const body = tree(attr(r.body, 'body'))
  if (body === undefined || 'why' in body) {
    d.template = { why: `its body is not known${body ? ` (${body.why})` : ''}` }
    return d
  }
  const props = attrCI(body, 'properties')
  if (props?.kind === 'unknown') {
    d.template = { why: `its properties are not known (${props.reason})` }
    return d
  }
  const params = tree(attrCI(props, 'parameters'))
  if (params && 'why' in params) d.unsupplied = `the deployment's parameters are not known: ${params.why}`
  else if (params) parameterValues(params, parameters)
  if (attrCI(props, 'parametersLink'))
    d.unsupplied = 'the parameters are linked by URI (parametersLink), which the scan does not follow'
  const template = attrCI(props, 'template')
  const link =
    str(attrCI(attrCI(props, 'templateLink'), 'uri')) ?? str(attrCI(attrCI(props, 'templateLink'), 'id'))
  if (template === undefined || template.kind === 'null')
    d.template = {
      why: link
        ? `its template is linked (${link.known ? link.value : link.expression}), which the scan does not follow`
        : 'it has no template',
    }
  else {
    const t = tree(template)
    d.template =
      t === undefined || 'why' in t
        ? { why: `its template is not known${t ? ` (${t.why})` : ''}` }
        : { value: t, site: template.origin }
  }
  return d
}

/**
 * The subscription whose objects the deployment may change: its own (the provider configuration's, an azapi
 * parent's); undefined = any (a management group or tenant deployment reaches every subscription under it,
 * and one whose subscription is not stated may be any).
 */
function scopeOf(r: EvaluatedResource): string | undefined {
  if (
    r.type === 'azurerm_management_group_template_deployment' ||
    r.type === 'azurerm_tenant_template_deployment'
  )
    return undefined
  if (r.type !== 'azapi_resource') return r.subscription
  const parent = str(attr(r.body, 'parent_id'))
  return parent?.known
    ? /^\/subscriptions\/([^/]+)/i.exec(parent.value.trim())?.[1]?.toLowerCase()
    : undefined
}

function cloudOf(context: TemplateContext): CloudName {
  for (const env of context.environments) {
    const cloud = cloudFromEnvironment(env)
    if (cloud) return cloud
  }
  return 'AzureCloud'
}

/**
 * A child resource named `format("%s/%s", hub.name, "rt")` where the parent's name is known only at apply
 * (an azurecaf name, as CAF names every hub): its own name is still known, and its parent is the resource
 * the unknown part refers to (src/sources/terraform/functions.ts keeps format()'s pieces).
 */
function nameFromParts(input: ArmResourceInput): void {
  const v = input.body.kind === 'object' ? input.body.attrs.name : undefined
  if (input.name.known || input.parent || v?.kind !== 'unknown' || !v.parts) return
  const pieces = v.parts.map((p) =>
    typeof p === 'string' ? p : p.kind === 'string' || p.kind === 'number' ? String(p.value) : p,
  )
  const at = pieces.findLastIndex((p) => typeof p === 'string' && p.includes('/'))
  if (at < 0 || pieces.slice(at + 1).some((p) => typeof p !== 'string')) return
  const text = pieces[at] as string
  const own = text.slice(text.lastIndexOf('/') + 1) + pieces.slice(at + 1).join('')
  const before = [...pieces.slice(0, at), text.slice(0, text.lastIndexOf('/'))].filter((p) => p !== '')
  const parent = before.length === 1 ? before[0] : undefined
  if (own === '' || own.includes('/') || parent === undefined || typeof parent === 'string') return
  if (parent.kind !== 'unknown') return
  input.name = known(own, v.origin)
  input.parent = fromUnknown(parent)
}

/**
 * Adds the resources the template deploys to the model; what cannot be read is named on the subnets it
 * may change.
 */
/** The template evaluated with what Terraform passes it; why not, when it cannot be read. */
function evaluateDeployment(
  r: EvaluatedResource,
  context: TemplateContext,
): EmbeddedResult | { why: string } {
  const d = r.type === 'azapi_resource' ? azapiDeployment(r) : azurermDeployment(r, context)
  if ('why' in d.template) return { why: d.template.why }
  const result = evaluateEmbeddedTemplate({
    template: d.template,
    parameters: d.parameters,
    ...(d.unsupplied !== undefined ? { unsupplied: d.unsupplied } : {}),
    cloud: cloudOf(context),
    ...(context.readLinked ? { readFile: context.readLinked } : {}),
    idBase: r.address,
    prefix: `${r.address}: `,
    target: {
      ...(d.resourceGroup !== undefined ? { resourceGroup: d.resourceGroup } : {}),
      ...(r.subscription !== undefined ? { subscriptionId: r.subscription } : {}),
    },
  })
  return result.error !== undefined ? { why: result.error } : result
}

/**
 * `output_content` of an azurerm_*_template_deployment: the JSON of the template's outputs,
 * `{"name":{"type":…,"value":…}}`, known only after apply; its structure is kept as jsonencode() keeps it
 * (HclValue.encoded), so `jsondecode(….output_content).routeTableId.value` is the template's output, and an
 * output known only at apply stays unknown with its ref. undefined when the template cannot be read.
 */
export function outputContent(r: EvaluatedResource, context: TemplateContext): HclValue | undefined {
  if (!Object.hasOwn(AZURERM, r.type) || r.type === 'azurerm_template_deployment') return undefined
  const result = evaluateDeployment(r, context)
  if ('why' in result || !result.outputs) return undefined
  const first = firstUnknown(result.outputs)
  return {
    kind: 'unknown',
    expression: `${r.address}.output_content`,
    reason: first?.reason ?? 'the outputs of a template deployment are known after apply',
    origin: r.origin,
    ref: { resource: r.address, attribute: 'output_content' },
    encoded: result.outputs,
  }
}

export function addTemplateDeployment(r: EvaluatedResource, b: ModelBuilder, context: TemplateContext): void {
  const scope = scopeOf(r)
  const result = evaluateDeployment(r, context)
  if ('why' in result) {
    mayChangeSubnets(b, r, result.why, scope)
    return
  }
  for (const d of result.diagnostics) b.model.diagnostics.push({ ...d, address: r.address })
  const condition = instancesUnknown(r)
  const tables: string[] = []
  for (const input of result.resources) {
    if (condition && !input.condition) input.condition = condition
    // A resource of a nested deployment whose subscription cannot be evaluated may be in any: not the
    // deploying one's.
    if (input.subscription === undefined && input.stated !== 'any' && r.subscription !== undefined)
      input.subscription = r.subscription
    nameFromParts(input)
    if (addArmResource(b, input) && input.armType.toLowerCase() === ARM.hubRouteTable.toLowerCase())
      tables.push(input.id)
  }
  if (tables.length > 0) replaceDeclaredHubTables(b, tables)
  const own = (address: string) => address.replace(`${r.address}: `, '')
  for (const u of result.unread)
    mayChangeSubnets(
      b,
      r,
      `${own(u.what)}: ${u.why}`,
      scopeOfPart(u, scope),
      u.kind === 'unplaced' ? UNPLACED : undefined,
    )
  // A child of a nested deployment with its own subscriptionId may change that subscription's objects
  // (any, when it cannot be evaluated), not the deploying one's: one part per scope.
  unplacedChildren(b, result.resources, pathChildType, (open) => {
    const byScope = new Map<string | undefined, string[]>()
    for (const o of open) {
      const at = scopeOfPart(o.input.stated !== undefined ? { subscription: o.input.stated } : {}, scope)
      byScope.set(at, [...(byScope.get(at) ?? []), `${own(o.input.address)}: ${o.why}`])
    }
    for (const [at, whys] of byScope) mayChangeSubnets(b, r, whys.join('; '), at, UNPLACED)
  })
}

const UNPLACED = 'an ARM template with a resource the scan cannot place'

/** What a deployment the scan cannot (wholly) follow may change, named by the Terraform resource. */
function mayChangeSubnets(
  b: ModelBuilder,
  r: EvaluatedResource,
  why: string,
  scope: string | undefined,
  what = 'an ARM template the scan cannot read',
): void {
  mayChange(b, {
    address: r.address,
    origin: r.origin,
    sourceType: r.type,
    format: 'terraform',
    cannot: `${r.address} deploys ${what}: ${why}`,
    scope,
  })
}

/**
 * A hub route table the template writes that Terraform also declares (aztfmod's CAF declares an empty
 * azurerm_virtual_hub_route_table, ignores changes to its routes, and writes them through a template):
 * the template's PUT sets the table's routes, so the declared table, which connections refer to, gets
 * them, and the template's copy is dropped.
 */
function replaceDeclaredHubTables(b: ModelBuilder, ids: string[]): void {
  // Twice deferred: after the links that give both tables their hub.
  b.defer(() =>
    b.defer(() => {
      const wan = b.model.virtualWan
      if (!wan) return
      const same = (a: HubRouteTable, t: HubRouteTable) =>
        a !== t &&
        a.name.known &&
        t.name.known &&
        a.name.value.toLowerCase() === t.name.value.toLowerCase() &&
        a.hubId.known &&
        t.hubId.known &&
        a.hubId.value === t.hubId.value
      for (const id of ids) {
        const t = wan.routeTables.find((x) => x.id === id)
        const declared = t ? wan.routeTables.filter((a) => same(a, t) && !ids.includes(a.id)) : []
        if (!t || declared.length !== 1) continue
        // The routes are the declared table's now: their ids under its id, not the dropped copy's.
        for (const route of t.routes)
          if (route.id.startsWith(`${t.id}/`)) route.id = declared[0].id + route.id.slice(t.id.length)
        declared[0].routes = t.routes
        wan.routeTables.splice(wan.routeTables.indexOf(t), 1)
      }
    }),
  )
}
