/**
 * What a reference to a resource the template declares evaluates to: `x.id` and properties assigned by
 * Azure are unknowns whose ref names the resource's model id (so the model builder links them as it links
 * Terraform references); an `existing` resource answers with its provider-relative id
 * (`Microsoft.Network/routeTables/rt-hub`), which the model builder resolves by type and names; properties
 * the template sets are their declared values.
 */
import type { Origin } from '../../model/value'
import type { ResourceInst, Val } from './symbols'
import { DEPLOYMENT_TIME, child, vStr, vUnknown, type V } from './values'

/** `Microsoft.Network/virtualNetworks/vnet-hub/subnets/app` from an existing resource's type and names. */
export function providerId(r: ResourceInst): string {
  const types = r.armType.split('/')
  const names = r.name.kind === 'string' ? r.name.value.split('/') : []
  if (names.length !== types.length - 1) return r.id
  let id = types[0]
  types.slice(1).forEach((t, i) => (id += `/${t}/${names[i]}`))
  // With its group the id matches only the resource of that name in that group (ModelBuilder.resolve).
  return r.resourceGroup !== undefined ? `/resourceGroups/${r.resourceGroup}/providers/${id}` : id
}

/** `x.id`: a ref to the resource's model id (or the provider-relative id of an `existing` one). */
export function idOf(r: ResourceInst, origin: Origin): V {
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

/** `x.id`, `x.name`, `x.type`, `x.apiVersion`, or a path into the resource (`x.properties...`). */
export function resourceMember(r: ResourceInst, key: string | number, origin: Origin): Val {
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

/** A path into a resource that has no declared value: what Azure assigns, as a ref to the resource. */
export function rpathUnknown(r: ResourceInst, p: string, origin: Origin): V {
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

/**
 * A resource's declared list of child objects taken as a value (`output subnets array =
 * vnet.properties.subnets`, a variable, a module parameter): Azure assigns each child its `id`, so an element
 * the template wrote without one gets what `vnet.properties.subnets[0].id` gives read in place, a ref to the
 * resource with that path (the model builder finds the inline subnet by it), not "property id not found".
 */
export function withAzureIds(r: ResourceInst, p: string, value: V, origin: Origin): V {
  if (r.existing) return value
  const withId = (o: V, at: string): V =>
    o.kind === 'object' && !Object.keys(o.attrs).some((k) => k.toLowerCase() === 'id')
      ? {
          ...o,
          attrs: {
            ...o.attrs,
            id: vUnknown(`${r.address}.${at}.id`, 'assigned by Azure at deployment', origin, {
              resource: r.declared ?? r.id,
              attribute: `${at}.id`,
            }),
          },
        }
      : o
  if (value.kind === 'list') return { ...value, items: value.items.map((x, i) => withId(x, `${p}[${i}]`)) }
  return /\[\d+\]$/.test(p) ? withId(value, p) : value
}

/** The model ids a `dependsOn` entry names (module addresses for modules). */
export function depIds(v: Val): string[] {
  if ('sym' in v) {
    if (v.sym === 'resource') return [v.r.id]
    if (v.sym === 'resources' && Array.isArray(v.list)) return v.list.map((r) => r.id)
    if (v.sym === 'module') return [v.m.address]
    return []
  }
  return []
}
