/**
 * Resources behind a condition the scan cannot evaluate: an ARM `condition`, a Bicep `if (…)` (on the
 * resource, or on a nested deployment or module around it), a Terraform `count`/`for_each` it cannot
 * evaluate. The source names the condition (KMS011). Judging such a resource "deployed" is a guess, and
 * a guess may only ever make the verdict stricter:
 *
 * - Presence only blocks or diverts KMS traffic (judged as deployed): route tables, and routes to a
 *   gateway or `None`; NSGs and their Deny rules; security admin Deny rules; firewall policies and their
 *   Deny rule collections; managed routes that are not to Internet.
 * - Presence decides where KMS goes, for better or worse: the resource keeps its condition
 *   (ModelObject.condition, set by the sources' headers) and the analysis judges a path through it both
 *   ways (src/analysis/conditions.ts): a route or managed route that wins for a KMS address (to a firewall
 *   or an NVA; more specific than a forced tunnel it lets KMS out, or not); a Virtual WAN hub connection,
 *   routing intent or hub route the path takes; a firewall the path reaches KMS through (absent, nothing
 *   answers the route's next hop); a subnet's route table, NSG or NAT gateway association
 *   (Subnet.associationConditions). (A connection's internet security that is not known is judged on and
 *   off the same way.)
 * - Presence may let KMS through (the deciding field is unknown, named by the condition): an NSG Allow
 *   rule; a security admin AlwaysAllow or Allow rule (an AlwaysAllow overrules the NSG, an Allow ends the
 *   admin rules before a lower-priority Deny); an Allow firewall rule collection; a route or managed route
 *   to Internet (it can take KMS around a forced tunnel); a route table that turns gateway route
 *   propagation off (it removes a forced tunnel learned over BGP); a Virtual Network Manager commit
 *   (./avnm-commits.ts).
 */
import type { Condition } from '../../model/network'
import { unknown, type Origin, type Unknown, type Value } from '../../model/value'

const RESOLVE =
  'Give what the condition reads a value the scan can see (a parameter default, a parameters file, a var file)'

/**
 * `v` as the verdict may use it: when the resource may not be deployed (`condition`) and `permissive`
 * says its value could let KMS through, an Unknown naming the condition; else `v` itself.
 */
export function ifDeployed<T>(
  v: Value<T>,
  condition: Unknown | undefined,
  permissive: (value: T) => boolean,
  what: string,
): Value<T> {
  if (!condition || !v.known || !permissive(v.value)) return v
  return unknown(
    condition.expression,
    `${what} may not be deployed: ${condition.reason ?? 'its condition cannot be evaluated'}; if it is, it is ${String(v.value)}, which can let KMS through. ${RESOLVE}`,
    condition.origin ?? v.origin,
  )
}

const is =
  (...values: string[]) =>
  (v: string) =>
    values.includes(v.trim().toLowerCase())

/** NSG rules, firewall rule collections: an Allow may let KMS through. */
export const allows = is('allow')
/** Security admin rules: everything but a Deny (AlwaysAllow overrules the NSG, Allow ends the admin rules). */
export const notDeny = (v: string) => !is('deny')(v)
/** Routes and managed routes: Internet can take KMS around a forced tunnel. */
export const toInternet = is('internet')
/** Route tables: gateway route propagation off removes a forced tunnel learned over BGP. */
export const propagationOff = (v: boolean) => !v

/**
 * A Terraform resource instance whose `count` or `for_each` the scan cannot evaluate (its address holds the
 * representative key `[*]`): it may be created zero times, so it exists under a condition.
 */
export function instancesUnknown(r: {
  address: string
  origin: Origin
  conditionKey?: string
}): Condition | undefined {
  const at = r.address.indexOf('[*]')
  if (at < 0) return undefined
  const c: Condition = unknown(
    `${r.address.slice(0, at)} count/for_each`,
    'its count or for_each cannot be evaluated (it may create no instance)',
    r.origin,
  ) as Unknown
  if (r.conditionKey !== undefined) c.key = r.conditionKey
  return c
}
