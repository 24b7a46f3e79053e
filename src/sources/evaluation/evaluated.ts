/**
 * The evaluated value tree every source yields: every resource instance with its arguments and nested
 * blocks evaluated to values that keep their origin and unknown-ness. The Terraform evaluator hands it to
 * the azurerm/azapi adapters; Bicep, ARM and plan JSON produce the same values for the ARM-shape mappers.
 */
import type { Origin, ResourceRef } from '../../model/value'
import type { MovedAddress } from '../terraform/moved'

export type HclValue =
  | { kind: 'string'; value: string; origin: Origin }
  | { kind: 'number'; value: number; origin: Origin }
  | { kind: 'bool'; value: boolean; origin: Origin }
  | { kind: 'null'; origin: Origin }
  /** Tuples, lists and sets. */
  | { kind: 'list'; items: HclValue[]; origin: Origin }
  /** Objects and maps; also the body of a nested block. */
  | { kind: 'object'; attrs: Record<string, HclValue>; origin: Origin }
  /**
   * Not known before apply, or not resolvable statically. `expression` is the source text.
   * `ref` is set when the value is an attribute of another resource instance in the scan,
   * e.g. `azurerm_firewall.hub.ip_configuration[0].private_ip_address` gives
   * { resource: 'azurerm_firewall.hub', attribute: 'ip_configuration[0].private_ip_address' }
   * and `azurerm_subnet.app.id` gives { resource: 'azurerm_subnet.app', attribute: 'id' }.
   * `resource` is the instance address exactly as EvaluatedResource.address spells it.
   */
  | {
      kind: 'unknown'
      expression: string
      reason: string
      ref?: ResourceRef
      origin: Origin
      /**
       * A string built by interpolation with some pieces unknown: every piece in order (text and values),
       * so a reader can still pick out the known ones and the references (a deployment script's
       * `arguments`, src/sources/mapping/avnm-commit.ts).
       */
      parts?: (string | HclValue)[]
      /**
       * Set on `jsonencode(x)` when part of `x` is unknown: `x` itself, so a reader of the JSON (an ARM
       * template or its parameters in azurerm_*_template_deployment) keeps the known parts and the refs of
       * the unknown ones instead of one unknown string.
       */
      encoded?: HclValue
      /**
       * Set where a collection of resource instances is indexed by a key not known statically
       * (`azurerm_subnet.this[var.k].id`): the value is the attribute of one of these instances, which one is
       * not known. Readers narrow "some subnet" to these instead of any of the unit's.
       */
      among?: ResourceRef[]
    }

export interface EvaluatedResource {
  /** `resource` or `data`. */
  mode: 'managed' | 'data'
  /** e.g. `azurerm_route_table`. */
  type: string
  /** e.g. `spoke`. */
  name: string
  /**
   * Full instance address as Terraform prints it: `module.hub.azurerm_route_table.this["spoke"]`,
   * `azurerm_route.r[0]`, `azurerm_subnet.app`.
   */
  address: string
  /** The whole block. */
  origin: Origin
  /**
   * Arguments and nested blocks. A nested block type that appears (literally or through `dynamic`)
   * is a `list` of `object`s under its block type name, e.g. attrs.route.items[0].attrs.name.
   * Each attribute value's origin is the attribute's own lines.
   */
  body: { kind: 'object'; attrs: Record<string, HclValue>; origin: Origin }
  /** Leading comment lines of the block (for inline suppressions later). */
  comments?: string[]
  /**
   * Where this instance comes from beyond its own block: the `for_each` entries (often a var-file line)
   * and module calls above it. See ModelObject.inputs.
   */
  inputs?: Origin[]
  /**
   * The subscription an azurerm resource deploys to, where its provider configuration states it
   * (`provider = azurerm.spoke` and that alias's `subscription_id`), lower case; undefined = not stated.
   */
  subscription?: string
  /**
   * What `depends_on` names, as addresses in the same form as `address` but without instance keys
   * (`azurerm_network_manager_deployment.security`, `module.hub.azurerm_x.y`; a module as `module.hub`):
   * the order Terraform applies them in, which decides between Virtual Network Manager commits.
   */
  dependsOn?: string[]
  /**
   * Set when the instance exists only under a count/for_each the scan cannot evaluate (its address holds
   * `[*]`): the module instance and the expression as written. Instances with the same key come and go
   * together (ModelObject.condition's `key`).
   */
  conditionKey?: string
}

export interface TerraformEvaluation {
  resources: EvaluatedResource[]
  /** azurerm provider `environment` values seen (`public`, `usgovernment`, `china`). */
  providerEnvironments: string[]
  diagnostics: { ruleId: 'KMS011' | 'KMS012'; origin: Origin; message: string; expression?: string }[]
  /** `moved` blocks (src/sources/terraform/moved.ts), addresses as the resources spell them. */
  moved?: MovedAddress[]
  /**
   * ARM templates read by file() (text → paths): the template of an azurerm_*_template_deployment is
   * located in its own file by its text.
   */
  templateFiles?: Map<string, string[]>
  /**
   * Reads a file through the scan's read boundary: a template that a template read by file() links by
   * `templateLink.relativePath` (adapters/template-deployment.ts).
   */
  readLinked?: (file: string) => { ok: true; text: string } | { ok: false; reason: string }
  /** Module calls not evaluated (not fetched, unreadable) and the resources handed to them. */
  opaqueModules?: OpaqueModule[]
  /**
   * Plan JSON only: the root module's input variables the plan was made with (`variables.<name>.value`),
   * which tell the environment of a root it describes (src/sources/terraform/plan-environments.ts).
   */
  planVariables?: Map<string, unknown>
}

/**
 * A subnet id as far as it is known: the VNet (the model id of a declared one, or its name, resource group
 * and subscription from an ARM id) and the subnet's name; undefined parts may be anything.
 */
export interface GivenSubnetId {
  vnet?: string
  vnetName?: string
  resourceGroup?: string
  subscription?: string
  subnet?: string
}

/**
 * A module call that is not evaluated, with the resources its arguments name or their values carry (through
 * locals, maps, for expressions, other modules' outputs), by full address: an instance
 * (`module.net.azurerm_subnet.this["app"]`) or a resource with all its instances (`azurerm_subnet.app`,
 * `azurerm_virtual_network.spoke.subnet` for its inline subnets). It may attach a route table or NSG to a
 * subnet it is given.
 */
export interface OpaqueModule {
  module: string
  given: string[]
  /**
   * Subnets it is given by an id the code builds rather than reads (`"${azurerm_virtual_network.v.id}/subnets/app"`,
   * an ARM id written out): every subnet that id can be.
   */
  subnetIds?: GivenSubnetId[]
  /** Why it is not evaluated ("registry module not fetched"). */
  why: string
  source?: string
  origin: Origin
}
