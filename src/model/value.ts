/**
 * Every value in the network model remembers where it came from and whether it is known.
 * Unknown is a first-class answer: it flows through the analysis and ends as a KMS011 notice
 * naming the expression, never as a guessed verdict.
 */

/**
 * A place in a scanned source: file path (absolute on disk, or an ARM id for live state) and 1-based lines.
 */
export interface Origin {
  file: string
  startLine: number
  endLine: number
  /**
   * Where the value used here was written, when that is another file: the module call argument, the
   * tfvars entry or the parameter file line a person changes (the first place, through every hand-over).
   */
  from?: Origin
}

/**
 * `site` for a value used there that was written at `written`: the same origin when it was written in
 * `site`'s file, else `site` remembering where (Origin.from). Evaluators call it where a value crosses
 * from a variable, parameter or module input to the attribute that uses it.
 */
export function usedAt(site: Origin, written: Origin): Origin {
  const first = written.from ?? written
  if (first.file === site.file) return site
  return { file: site.file, startLine: site.startLine, endLine: site.endLine, from: first }
}

/**
 * A reference to another resource that an unknown value stands for, e.g. the Terraform expression
 * `azurerm_firewall.hub.ip_configuration[0].private_ip_address` is unknown until apply, but it names
 * the firewall whose private address it is. `resource` is the model id of that resource.
 */
export interface ResourceRef {
  resource: string
  attribute: string
}

export interface Known<T> {
  known: true
  value: T
  origin?: Origin
}

export interface Unknown {
  known: false
  /** The source text (or a readable rendering) of what could not be resolved. */
  expression: string
  /** Why: "computed at apply time", "registry module output", "function X is not evaluated", ... */
  reason?: string
  ref?: ResourceRef
  origin?: Origin
  /**
   * Set when the reference names, by Azure identity, a resource the scanned sources read but do not
   * declare (a Terraform `data` source, an ARM id): the live overlay resolves it to the deployed object.
   */
  deployed?: DeployedRef
  /**
   * Set where the value is an attribute of one of several resource instances, which one not known
   * (`azurerm_subnet.this[var.k].id`, HclValue.among): those instances' refs.
   */
  among?: ResourceRef[]
  /**
   * A reference resolved (ModelBuilder.resolve) from `among`: the model ids of the objects it may be. What
   * it sets is judged on each of them as "maybe", not on every object of its type.
   */
  candidates?: string[]
  /**
   * Set where values of several objects are unknown for one cause, each with a reason of its own (a part
   * of a deployment the scan cannot follow, which may add a route to one table and a rule to one NSG):
   * the cause, so that one notice names them together (src/rules/kms011-unresolved.ts).
   */
  cause?: string
}

/**
 * The cause every value a part of a deployment the scan cannot follow leaves unknown shares (Unknown.cause),
 * and the key of the notice naming that part (its address at its line): src/rules/kms011-unresolved.ts
 * gives one finding per part and line, the notice only where no subnet's verdict names the part.
 */
export const partCause = (o: Origin, address: string): string => `${partLine(o)}\u0000${address}`

/** The line of a part (PartCause without the address), for the source's own notices, which may name none. */
export const partLine = (o: Origin): string => `part\u0000${o.file}\u0000${o.startLine}`

/**
 * A resource outside the IaC by Azure identity: type, names outermost first, resource group, subscription.
 */
export interface DeployedRef {
  armType: string
  names: string[]
  resourceGroup?: string
  subscription?: string
}

export type Value<T> = Known<T> | Unknown

export function known<T>(value: T, origin?: Origin): Known<T> {
  return origin ? { known: true, value, origin } : { known: true, value }
}

export function unknown(expression: string, reason?: string, origin?: Origin, ref?: ResourceRef): Unknown {
  const u: Unknown = { known: false, expression }
  if (reason !== undefined) u.reason = reason
  if (origin) u.origin = origin
  if (ref) u.ref = ref
  return u
}

export function isKnown<T>(v: Value<T> | undefined): v is Known<T> {
  return v !== undefined && v.known
}

/** The value if known, else the fallback. */
export function valueOr<T>(v: Value<T> | undefined, fallback: T): T {
  return v !== undefined && v.known ? v.value : fallback
}

/** Three-valued logic for verdicts that may depend on unknown values. */
export type Tri = true | false | 'unknown'

export function triAnd(a: Tri, b: Tri): Tri {
  if (a === false || b === false) return false
  if (a === 'unknown' || b === 'unknown') return 'unknown'
  return true
}

export function triOr(a: Tri, b: Tri): Tri {
  if (a === true || b === true) return true
  if (a === 'unknown' || b === 'unknown') return 'unknown'
  return false
}
