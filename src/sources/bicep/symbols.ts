/**
 * What a Bicep expression can denote while a template is evaluated: plain values (the value tree, `V`) and
 * symbols, which are not values (a declared resource or module, a collection of them, a path into a
 * resource, a lambda, the `az`/`sys` namespaces), and the declarations they come from. Its own file so the
 * template (declarations), the expressions and the resource references share these types without
 * importing each other.
 */
import type { Origin } from '../../model/value'
import type { Node } from './syntax'
import type { V, VUnknown } from './values'

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

export const isSym = (v: Val): v is Sym => 'sym' in v

/** Where an expression is evaluated: loop variables and lambda parameters in scope, and the property site. */
export interface Env {
  locals?: Map<string, Val>
  /** Origin of the property being evaluated: where parameter values land. */
  site: Origin
}

export type DeclKind = 'param' | 'var' | 'resource' | 'module' | 'output' | 'func'

/** A declaration of the template: `param`, `var`, `resource`, `module`, `output` or `func`. */
export interface Decl {
  kind: DeclKind
  name: string
  node: Node
  /** For nested resources: the key of the enclosing resource declaration. */
  parent?: string
}
