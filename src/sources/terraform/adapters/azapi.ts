/**
 * azapi_resource and azapi_update_resource: ARM-shaped resources written in Terraform. The body is read
 * as an object (azapi v2, or v1 when the evaluator keeps the object) or decoded from the JSON string that
 * `jsonencode({...})` evaluates to (then every value carries the `body` attribute's lines); a jsonencode()
 * of an object with parts known only at apply is that object (HclValue.encoded).
 */
import { known, unknown, type Value } from '../../../model/value'
import { addArmResource, armTypeOf, patchArmResource, type ArmResourceInput } from '../../mapping/arm-shapes'
import { parseArmId, type ModelBuilder } from '../../../model/build'
import { fromJson, str } from '../../evaluation/value-tree'
import type { EvaluatedResource, HclValue } from '../../evaluation/evaluated'
import { arg, header, type Adapter } from './common'
import { parsePlain } from '../../parsing/json-lines'
import { instancesUnknown } from '../../mapping/conditional'

function body(r: EvaluatedResource): HclValue {
  const v = arg(r, 'body')
  if (v === undefined) return { kind: 'object', attrs: {}, origin: r.origin }
  // `jsonencode({...})` with parts known only at apply: the object, its unknown parts with their refs.
  if (v.kind === 'unknown' && v.encoded) return v.encoded
  if (v.kind !== 'string') return v
  try {
    return fromJson(parsePlain(v.value), v.origin)
  } catch {
    return { kind: 'unknown', expression: v.value, reason: 'body is not valid JSON', origin: v.origin }
  }
}

/** The resource group an ARM id names (`parent_id` of a top-level resource), for name lookups. */
function resourceGroupOf(id: Value<string> | undefined): Value<string> | undefined {
  if (!id?.known) return undefined
  const rg = /\/resourceGroups\/([^/]+)/i.exec(id.value)?.[1]
  return rg === undefined ? undefined : { known: true, value: rg, origin: id.origin }
}

function input(r: EvaluatedResource, type: string): ArmResourceInput {
  const parent = str(arg(r, 'parent_id'))
  const i: ArmResourceInput = {
    armType: type,
    name: header(r).name,
    body: body(r),
    id: r.address,
    address: r.address,
    origin: r.origin,
    format: 'terraform',
    sourceType: r.type,
  }
  if (parent) i.parent = parent
  const rg = resourceGroupOf(parent)
  if (rg) i.resourceGroup = rg
  return i
}

/** The type, or a KMS011 notice when it is not known (the resource may or may not be a network object). */
function typeOf(r: EvaluatedResource, b: ModelBuilder): string | undefined {
  const type = str(arg(r, 'type'))
  if (type?.known) return type.value
  b.unresolved(
    r.origin,
    `${r.address}: the resource type is not known, so this resource is not checked.`,
    type?.known === false ? type.expression : undefined,
    r.address,
  )
  return undefined
}

export const azapiResource: Adapter = (r, b) => {
  const type = typeOf(r, b)
  if (type !== undefined) addArmResource(b, input(r, type))
}

/**
 * The ARM id an update names by `parent_id` + `name`, or by name alone when the parent is a resource group
 * ref.
 */
function targetOf(r: EvaluatedResource, type: string): Value<string> {
  const parentId = str(arg(r, 'parent_id'))
  const name = str(arg(r, 'name'))
  const childType = type.split('/').length > 2
  if (!name?.known) return name ?? unknown('name', 'target of the update is not known', r.origin)
  if (parentId?.known) {
    // Under a resource group or subscription the id goes through the provider; under a resource it extends
    // it.
    const id = /\/providers\//i.test(parentId.value)
      ? `${parentId.value}/${type.split('/').slice(-1)[0]}/${name.value}`
      : `${parentId.value}/providers/${type}/${name.value}`
    return known(id, name.origin)
  }
  if (!childType) return name
  return parentId ?? unknown('parent_id', 'target of the update is not known', r.origin)
}

/**
 * The target is `resource_id`, or `parent_id` + `name`: as an ARM id string it resolves by type + name,
 * as a ref it names the target's model id.
 */
export const azapiUpdateResource: Adapter = (r, b) => {
  const type = typeOf(r, b)
  if (type === undefined) return
  const i = input(r, type)
  // Under a count or for_each the scan cannot evaluate, the update may not be applied: the subnet's
  // associations it sets are judged with and without it (Subnet.associationConditions).
  const condition = instancesUnknown(r)
  if (condition) i.condition = condition
  const target = str(arg(r, 'resource_id')) ?? targetOf(r, armTypeOf(type))
  if (target.known) {
    const rg = parseArmId(target.value)?.resourceGroup
    if (rg) i.resourceGroup = { known: true, value: rg, origin: target.origin }
  }
  patchArmResource(b, i, target)
}

export const azapiAdapters: Record<string, Adapter> = {
  azapi_resource: azapiResource,
  azapi_update_resource: azapiUpdateResource,
}
