/**
 * Virtual Network Manager commits → where each configuration is deployed. A commit (a deployment script's
 * `Deploy-AzNetworkManagerCommit` / `az network manager post-commit`, an azurerm_network_manager_deployment)
 * sets the whole set of configurations of its commit type for each region it targets: a later commit of
 * the same type to the same region replaces the earlier one, it does not add to it (Azure's docs on
 * configuration deployments in Virtual Network Manager describe a goal state per region: what a commit
 * leaves out of a region is removed there).
 *
 * So for a configuration and a region, the last commit of its type that targets the region decides. The
 * order is known where the sources say it (a `dependsOn` chain between the two, Bicep's implicit
 * dependency through a reference, Terraform's `depends_on`); two commits the scan cannot order that disagree leave the region
 * undecided, named. A commit the scan cannot be sure exists (an ARM `condition`, a Bicep `if`, a Terraform
 * `count` it cannot evaluate), or whose regions or configurations it cannot read, may decide: it leaves
 * the region undecided unless every way it can go gives the same answer.
 */
import type { ModelObject, NetworkManagerConfiguration } from '../../model/network'
import { known, unknown, type Tri, type Unknown, type Value } from '../../model/value'
import type { ModelBuilder } from '../../model/build'
import { findByRef } from './avnm-refs'

/** One commit as a source reads it. */
export interface Commit {
  /** The script or deployment resource making it. */
  by: ModelObject
  /** `deployment script ds-commit`, `azurerm_network_manager_deployment.routing`: for messages. */
  label: string
  /** The commit type; undefined = any kind (azurerm without scope_access); unknown = not readable. */
  kind?: Value<NetworkManagerConfiguration['kind']>
  /** The configurations committed: references (ids, names, refs), or unknown as a whole. */
  configurations: Value<string>[] | Unknown
  /** Target regions; 'everywhere' when the source does not say (compared nowhere). */
  regions: Value<string[]> | 'everywhere'
  /**
   * Set when the commit exists only if a condition the scan cannot evaluate holds; `reason` says which
   * (`its condition … cannot be evaluated (…)`).
   */
  condition?: Unknown
  /** The source commits to one region (azurerm's `location`): for messages. */
  oneRegion?: boolean
  /** Set when what the commit does cannot be read at all (a script the scan does not have). */
  opaque?: Unknown
}

interface State {
  commits: Commit[]
  /** Model id → the model ids it depends on (dependsOn, implicit references): the order of commits. */
  dependsOn: Map<string, string[]>
}

const states = new WeakMap<ModelBuilder, State>()

function state(b: ModelBuilder): State {
  let s = states.get(b)
  if (!s) {
    s = { commits: [], dependsOn: new Map() }
    states.set(b, s)
    const st = s
    // Every source adds its commits while resources are added; they are resolved once, after all.
    b.defer(() => resolveCommits(b, st))
  }
  return s
}

/** Records that `id` is deployed after each of `after` (model ids). */
export function recordDependencies(b: ModelBuilder, id: string, after: string[]): void {
  if (after.length === 0) return
  const s = states.get(b) ?? state(b)
  s.dependsOn.set(id, [...(s.dependsOn.get(id) ?? []), ...after])
}

export function addCommit(b: ModelBuilder, commit: Commit): void {
  state(b).commits.push(commit)
}

/** Azure's region names: `West Europe` and `westeurope` are the same region. */
export const regionKey = (r: string): string => r.replace(/\s+/g, '').toLowerCase()

/**
 * Does a dependency on `named` cover the object `id`: the same id, or `named` is a resource of many
 * instances (an ARM copy loop, a Terraform count/for_each: `x` covers `x[0]`) or a Terraform module call
 * (`module.m` covers `module.m.azurerm_x.y`).
 */
function covers(named: string, id: string): boolean {
  return id === named || (id.startsWith(named) && (id[named.length] === '[' || id[named.length] === '.'))
}

/** The dependencies recorded for `id`, under its own id or the name of the resource or module it is in. */
function dependenciesOf(s: State, id: string): string[] {
  const out = [...(s.dependsOn.get(id) ?? [])]
  for (let i = id.length - 1; i > 0; i--)
    if (id[i] === '[' || id[i] === '.') out.push(...(s.dependsOn.get(id.slice(0, i)) ?? []))
  return out
}

/** Does `later` run after `earlier`: a dependency path from one to the other. */
function runsAfter(s: State, later: Commit, earlier: Commit): boolean {
  const seen = new Set<string>()
  const stack = [later.by.id]
  while (stack.length > 0) {
    const id = stack.pop()!
    for (const d of dependenciesOf(s, id)) {
      if (covers(d, earlier.by.id)) return true
      if (!seen.has(d)) {
        seen.add(d)
        stack.push(d)
      }
    }
  }
  return false
}

interface Judged {
  commit: Commit
  /** Does the commit exist, of this configuration's kind, and target the region? */
  applies: Tri
  /** Does it commit this configuration? */
  contains: Tri
  /** Why `applies` or `contains` is unknown. */
  why?: Unknown
}

function judge(
  all: NetworkManagerConfiguration[],
  c: NetworkManagerConfiguration,
  commit: Commit,
  region: string | undefined,
): Judged {
  const out: Judged = { commit, applies: true, contains: false }
  const open = (why: Unknown) => {
    out.why ??= why
  }
  if (commit.opaque) {
    const o = commit.opaque
    const why = unknown(
      o.expression,
      `${commit.label} may commit it: ${o.reason ?? 'not readable'}`,
      o.origin,
    )
    return { commit, applies: 'unknown', contains: 'unknown', why: why as Unknown }
  }
  if (commit.kind && !commit.kind.known) {
    out.applies = 'unknown'
    open(
      unknown(
        commit.kind.expression,
        `${commit.label} may commit it: its commit type is not known (${commit.kind.reason ?? 'computed'})`,
        commit.kind.origin ?? commit.by.origin,
      ) as Unknown,
    )
  } else if (commit.kind && commit.kind.value !== c.kind) return { commit, applies: false, contains: false }
  if (commit.condition) {
    out.applies = 'unknown'
    const k = commit.condition
    open(
      unknown(
        k.expression,
        `${commit.label} may not be deployed: ${k.reason ?? 'its condition cannot be evaluated'}; so whether it commits is not known. Give what the condition reads a value the scan can see (a parameter default, a parameters file, a var file)`,
        k.origin ?? commit.by.origin,
      ) as Unknown,
    )
  }
  const regions = commit.regions
  if (regions !== 'everywhere') {
    if (!regions.known) {
      if (out.applies === true) out.applies = 'unknown'
      open(
        unknown(
          regions.expression,
          `${commit.label} commits it to ${commit.oneRegion ? 'a region' : 'regions'} the scan cannot read (${regions.reason ?? 'computed'})`,
          regions.origin,
        ) as Unknown,
      )
    } else if (region === undefined || !regions.value.some((r) => regionKey(r) === region))
      return { commit, applies: false, contains: false }
  }
  const configs = commit.configurations
  if (!Array.isArray(configs)) {
    out.contains = 'unknown'
    open(
      unknown(
        configs.expression,
        `${commit.label} may commit it: the configurations it commits are ${configs.reason ?? 'computed'}`,
        configs.origin ?? commit.by.origin,
      ) as Unknown,
    )
    return out
  }
  const ofKind = all.filter((x) => x.kind === c.kind)
  for (const ref of configs) {
    const found = findByRef(ofKind, ref)
    if (found === c) {
      out.contains = true
      return out
    }
    // A known id of a configuration the scan does not hold commits nothing here; an unknown one may.
    if (!found && !ref.known && !ref.ref) {
      out.contains = 'unknown'
      open(
        unknown(
          ref.expression,
          `${commit.label} may commit it: a configuration id it commits is not known (${ref.reason ?? 'computed'})`,
          ref.origin ?? commit.by.origin,
        ) as Unknown,
      )
    }
  }
  return out
}

/**
 * Whether `c` is deployed in `region` (a region key; undefined = a region no commit names): the last
 * commit that targets it decides; see the module comment.
 */
function deployedIn(
  s: State,
  all: NetworkManagerConfiguration[],
  c: NetworkManagerConfiguration,
  region: string | undefined,
  display: string,
): { is: Tri; why?: Unknown } {
  const candidates = s.commits.map((x) => judge(all, c, x, region)).filter((j) => j.applies !== false)
  // A commit surely made after another (to this region, of this type) replaces it.
  const last = candidates.filter(
    (j) => !candidates.some((k) => k !== j && k.applies === true && runsAfter(s, k.commit, j.commit)),
  )
  if (last.length === 0) return { is: false }
  const answers = new Set(last.map((j) => j.contains))
  if (answers.size === 1 && !answers.has('unknown')) {
    const v = [...answers][0] as boolean
    // Every possible last commit leaves it out; or commits it and one of them surely happens.
    if (!v || last.some((j) => j.applies === true)) return { is: v }
  }
  const open = last.find((j) => j.why)
  if (open?.why) return { is: 'unknown', why: open.why }
  // Sure commits that disagree, in an order the scan cannot tell.
  const withIt = last.filter((j) => j.contains === true).map((j) => j.commit.label)
  const without = last.filter((j) => j.contains === false).map((j) => j.commit.label)
  const where = region === undefined ? 'the same region' : display
  return {
    is: 'unknown',
    why: unknown(
      `${withIt[0] ?? last[0]!.commit.label}`,
      `${[...withIt, ...without].join(' and ')} commit ${c.kind === 'routing' ? 'routing' : 'security admin'} configurations to ${where} in an order the scan cannot tell (no dependsOn or depends_on between them): the last one replaces the others, and only ${withIt.join(', ')} includes it; make one depend on the other`,
      last[0]!.commit.by.origin,
    ) as Unknown,
  }
}

/** Sets `deployed`, `deployedRegions` and `regionsUndecided` of every configuration some commit may name. */
function resolveCommits(b: ModelBuilder, s: State): void {
  const configs = b.model.networkManager?.configurations ?? []
  const regions = new Map<string, string>()
  for (const commit of s.commits)
    if (commit.regions !== 'everywhere' && commit.regions.known)
      for (const r of commit.regions.value) if (!regions.has(regionKey(r))) regions.set(regionKey(r), r)
  for (const c of configs) {
    // A configuration no commit of its type can reach keeps its "not committed in the scanned
    // sources". One such commit is enough to decide the rest: it sets its regions' whole set.
    const naming = s.commits.filter((x) => !(x.kind?.known && x.kind.value !== c.kind))
    if (naming.length === 0) continue
    const elsewhere = deployedIn(s, configs, c, undefined, 'other regions')
    const origin = naming[0]!.by.origin
    const everywhere = naming.some((x) => x.regions === 'everywhere')
    if (everywhere && elsewhere.is === true) {
      c.deployed = known(true, origin)
      delete c.deployedRegions
      continue
    }
    if (elsewhere.is === 'unknown') {
      // A commit to regions the scan cannot read: every region is open.
      c.deployed = known(true, origin)
      c.deployedRegions = elsewhere.why!
      continue
    }
    const sure: string[] = []
    const undecided: { region: string; why: Unknown }[] = []
    for (const [key, display] of regions) {
      const r = deployedIn(s, configs, c, key, display)
      if (r.is === true) sure.push(display)
      else if (r.is === 'unknown') undecided.push({ region: display, why: r.why! })
    }
    c.deployed = known(true, origin)
    c.deployedRegions = known(sure, origin)
    if (undecided.length > 0) c.regionsUndecided = undecided
    else delete c.regionsUndecided
  }
}
