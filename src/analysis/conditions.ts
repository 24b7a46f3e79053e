/**
 * A path through a hop the scan cannot be sure is there: an object deployed only under a condition it
 * cannot evaluate (ModelObject.condition: a route, a firewall, a Virtual WAN connection, routing intent or
 * hub route; Subnet.associationConditions: a subnet's route table, NSG or NAT gateway association), or a
 * Virtual WAN connection whose internet security is not known. The path is traced as written, and
 * again without each such hop it took (the condition false, the security off); the verdict stands only
 * where the other way agrees, else it is undecided, naming the hop and what each way gives.
 *
 * A conditional object is judged as deployed where that is stricter (src/sources/mapping/conditional.ts):
 * only a "reaches" through it is checked the other way; a block through it stands. Only the hops the path
 * actually took are tried (a route that did not win changes nothing when it is absent), and only paths
 * that took one cost a second trace: a network without conditions is traced once, as before.
 */
import type { Condition, HubConnection, ModelObject, RouteTable } from '../model/network'
import { unknown } from '../model/value'
import type { KmsPath, UnresolvedValue, Verdict } from './types'

/** What a trace takes as given beyond the model. */
export interface Assumptions {
  /** Conditions (conditionKey) taken as false: the objects deployed under them are not there. */
  absent?: ReadonlySet<string>
  /** Hub connections whose internet security is not known, taken as this value. */
  security?: ReadonlyMap<HubConnection, boolean>
}

/** A hop on the path that may be otherwise: the trace records it, tracePath tries the other way. */
export type Fork =
  | {
      kind: 'condition'
      key: string
      condition: Condition
      object: ModelObject
      what: string
      /**
       * Set where the hop stands instead of another the scan is as unsure of (a subnet's conditional
       * redeclaration, ./redeclarations.ts), not on top of one it knows: a block through it does not stand
       * alone, the other way is judged too.
       */
      alternative?: boolean
    }
  | { kind: 'security'; connection: HubConnection; unresolved: UnresolvedValue }

/**
 * One key per condition: objects under the same condition come and go together (its key; else the same text
 * in the same file).
 */
const conditionKey = (c: Condition): string => c.key ?? `${c.origin?.file ?? ''}\u0000${c.expression}`

/**
 * Is an object under condition `a` there whenever one under `b` is? The same condition, or one `b` is nested
 * under (Condition.key: `outer\u0001inner`, a Terraform module call's count and a resource's own inside it).
 */
export function presentWith(a: Condition | undefined, b: Condition | undefined): boolean {
  if (a === undefined || b === undefined) return false
  const ka = conditionKey(a)
  const kb = conditionKey(b)
  return ka === kb || kb.startsWith(`${ka}\u0001`)
}

/** Is the object (or what `condition` stands for, by default its own condition) taken as not deployed? */
export function isAbsent(o: ModelObject, assume: Assumptions, condition = o.condition): boolean {
  return condition !== undefined && assume.absent !== undefined && assume.absent.has(conditionKey(condition))
}

/** The table as deployed under the assumptions: without the routes whose condition is taken as false. */
export function presentTable(table: RouteTable | undefined, assume: Assumptions): RouteTable | undefined {
  if (!table || !assume.absent) return table
  const routes = table.routes.filter((r) => !isAbsent(r, assume))
  return routes.length === table.routes.length ? table : { ...table, routes }
}

/**
 * Records that the path went through `object` (`what`: `route r-kms`), when it is deployed under a condition
 * (its own, or `condition`: what stands for it, such as a subnet's association).
 */
export function touch(forks: Fork[], object: ModelObject, what: string, c = object.condition): void {
  if (!c) return
  const fork: Fork = { kind: 'condition', key: conditionKey(c), condition: c, object, what }
  // Which subnet an association is made to: it stands instead of none, neither way is stricter.
  if (c.which) fork.alternative = true
  forks.push(fork)
}

/** The same assumptions, with the fork taken the other way. */
function otherWay(assume: Assumptions, fork: Fork): Assumptions {
  if (fork.kind === 'condition') return { ...assume, absent: new Set([...(assume.absent ?? []), fork.key]) }
  return { ...assume, security: new Map([...(assume.security ?? []), [fork.connection, false]]) }
}

const forkKey = (f: Fork): unknown => (f.kind === 'condition' ? f.key : f.connection)

/** Ways tried one inside the other at most (each is one more trace of one subnet and one address). */
const MAX_DEPTH = 3

const OUTCOME: Record<Verdict, string> = {
  reaches: 'KMS traffic reaches Azure KMS',
  blocked: 'it is blocked',
  unknown: 'the path cannot be followed',
  unverified: 'it goes through an appliance the scan cannot follow',
}

/** What an undecided way could not follow, in words. */
const openHop = (u: UnresolvedValue): string =>
  `${u.value.expression}${u.value.reason ? `: ${u.value.reason}` : ''}`

/** The unresolved value an undecided path names: the condition, with what each way gives. */
function conditionUnknown(
  fork: Extract<Fork, { kind: 'condition' }>,
  deployed: KmsPath,
  absent: KmsPath | undefined,
): UnresolvedValue {
  const c = fork.condition
  const other = !absent
    ? 'the scan did not follow it (too many conditions on this path)'
    : `${OUTCOME[absent.verdict]} (${absent.verdict === 'unknown' && absent.unknowns[0] ? openHop(absent.unknowns[0]) : absent.text})`
  // What is unknown: which subnet the object is made for (Condition.which), or whether it is deployed.
  const reason = c.which
    ? `${fork.what} ${c.which}: ${c.reason ?? 'which subnet is not known'}; if it applies to this subnet, ` +
      `${OUTCOME[deployed.verdict]} (${deployed.text}); if not, ${other}`
    : `${fork.what} may not be deployed: ${c.reason ?? 'its condition cannot be evaluated'}; if it is, ` +
      `${OUTCOME[deployed.verdict]} (${deployed.text}); if not, ${other}`
  const value = unknown(c.expression, reason, c.origin ?? fork.object.origin)
  return { value, attribute: 'condition', object: fork.object }
}

/**
 * The path `trace` gives under `assume`, checked the other way at each fork it recorded. Hand-written: the
 * analysis' own case split, no library models it.
 */
export function judgeBothWays(
  trace: (assume: Assumptions, forks: Fork[]) => KmsPath,
  assume: Assumptions = {},
  depth = 0,
): KmsPath {
  const forks: Fork[] = []
  const path = trace(assume, forks)
  if (forks.length === 0) return path
  const seen = new Set<unknown>()
  for (const fork of forks) {
    const key = forkKey(fork)
    if (seen.has(key)) continue
    seen.add(key)
    if (path.verdict === 'unknown') {
      // Already undecided: an unknown security is named beside the rest.
      if (fork.kind === 'security' && !path.unknowns.includes(fork.unresolved))
        path.unknowns = [...path.unknowns, fork.unresolved]
      continue
    }
    // Deployed is stricter where it does not let KMS through: a block through a conditional hop stands
    // (not through an alternative: it stands instead of another declaration, not on top of one).
    if (fork.kind === 'condition' && !fork.alternative && path.verdict !== 'reaches') continue
    const other = depth < MAX_DEPTH ? judgeBothWays(trace, otherWay(assume, fork), depth + 1) : undefined
    if (other && other.verdict === path.verdict) continue
    const named = fork.kind === 'condition' ? conditionUnknown(fork, path, other) : fork.unresolved
    return { ...path, outcome: 'unknown', verdict: 'unknown', unknowns: [named] }
  }
  return path
}
