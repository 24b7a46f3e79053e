/**
 * New, existing and fixed findings between the base commit and the head of a pull request, by what they
 * are about (src/rules/identity.ts): the rule, the unit, the decisive hop and the subnets harmed, each by
 * Azure identity. Editing lines above a route, renaming a resource in the code (`moved`, a new address
 * for the same Azure name, `count` → `for_each`) or moving a file changes none of them; a subnet newly
 * exposed to an already broken path does, for that subnet.
 */
import * as path from 'node:path'
import type { AzureRef, Finding } from '../rules/types'
import { findingIdentity, subnetIdentityChoices } from '../rules/identity'
import { displayPath, repoPath } from '../report/paths'
import { affectedLabel, labelsAcross } from '../report/vnet-labels'

export interface Comparison {
  /** In head, and harming at least one subnet the base finding did not: introduced by this change. */
  new: Finding[]
  /** In both, for every subnet (the head's copy, with the head's lines). */
  existing: Finding[]
  /** In base, not in head for at least one subnet: fixed by this change. Re-rooted onto the head checkout. */
  fixed: Finding[]
  /** New findings that also harm subnets the base already had broken: the subnets this change exposes. */
  newSubnets: Map<Finding, AzureRef[]>
  /** Fixed findings that still harm some subnets in head: the subnets this change fixes. */
  fixedSubnets: Map<Finding, AzureRef[]>
}

export interface CompareOptions {
  /** Root the base was scanned at (a temp checkout), to make its paths repository-relative. */
  baseRoot: string
  headRoot: string
  /** Head path → base path for files renamed by the change (repository-relative, forward slashes). */
  renamed?: Record<string, string>
}

/** A finding with no Azure identity (a file that does not parse) is about its file, repository-relative. */
function anchored(f: Finding, root: string, renamed?: Record<string, string>): Finding {
  if (f.hop) return f
  const rel = displayPath(f.location.file, root)
  const file = renamed?.[rel] ?? rel
  // The resource of a file-level finding is the file itself, which the rename may have changed.
  const names = f.resource === rel || rel.endsWith(`/${f.resource}`) ? '' : f.resource
  return { ...f, resource: JSON.stringify([file, names]) }
}

/**
 * The finding's identity as one string, for baselines and fingerprints: findingIdentity (rule, cloud,
 * unit, decisive hop, subnets by Azure identity); the file, repository-relative, only for findings that
 * have no Azure identity. No line numbers and no message.
 */
export function findingKey(f: Finding, root: string, renamed?: Record<string, string>): string {
  return findingIdentity(anchored(f, root, renamed))
}

/**
 * One entry per subnet the finding harms (one without a subnet when it names none): its identity, then
 * the identities it had before Terraform `moved` blocks, and the subnet.
 */
function entries(f: Finding, root: string, renamed?: Record<string, string>): [string[], AzureRef?][] {
  const g = anchored(f, root, renamed)
  const affected = f.affected ?? []
  if (affected.length === 0) return subnetIdentityChoices(g).map((ids) => [ids])
  const seen = new Set<string>()
  const out: [string[], AzureRef?][] = []
  for (const a of affected) {
    const ids = subnetIdentityChoices({ ...g, affected: [a] })[0]!
    if (seen.has(ids[0]!)) continue
    seen.add(ids[0]!)
    out.push([ids, a])
  }
  return out
}

const refsOf = (list: [string[], AzureRef?][]): AzureRef[] => list.flatMap(([, a]) => (a ? [a] : []))

/**
 * Matches subnet by subnet, as multisets: two head findings about the same subnet and hop against one in
 * base is one existing and one new. A fixed finding's file is rewritten from the base checkout onto the
 * head root, so every reporter shows it with the repository's path (the temp dir is gone by then anyway).
 */
export function compareFindings(
  base: readonly Finding[],
  head: readonly Finding[],
  opts: CompareOptions,
): Comparison {
  const pool = new Map<string, number>()
  const baseEntries = base.map((f) => entries(f, opts.baseRoot))
  for (const list of baseEntries) for (const [[id]] of list) pool.set(id!, (pool.get(id!) ?? 0) + 1)

  const result: Comparison = {
    new: [],
    existing: [],
    fixed: [],
    newSubnets: new Map(),
    fixedSubnets: new Map(),
  }
  for (const f of head) {
    const list = entries(f, opts.headRoot, opts.renamed)
    // The base spells the address the head had before its `moved` blocks: any of the ids may match.
    const fresh = list.filter(([ids]) => {
      const id = ids.find((i) => (pool.get(i) ?? 0) > 0)
      if (id === undefined) return true
      pool.set(id, pool.get(id)! - 1)
      return false
    })
    if (fresh.length === 0) result.existing.push(f)
    else {
      result.new.push(f)
      if (fresh.length < list.length) result.newSubnets.set(f, refsOf(fresh))
    }
  }
  // What is left in the pool was in base and is not in head: fixed, for those subnets.
  base.forEach((f, i) => {
    const list = baseEntries[i]!
    const gone = list.filter(([[id]]) => {
      const n = pool.get(id!) ?? 0
      if (n > 0) pool.set(id!, n - 1)
      return n > 0
    })
    if (gone.length === 0) return
    const g = reroot(f, opts.baseRoot, opts.headRoot)
    result.fixed.push(g)
    if (gone.length < list.length) result.fixedSubnets.set(g, refsOf(gone))
  })
  return result
}

/** One subnet a change fixes or newly exposes, and the rules it does so for. */
export interface SubnetChange {
  subnet: string
  rules: string[]
}

/**
 * The subnets a change fixes (a base finding no longer harms them) and newly exposes (a head finding
 * harms them and did not before), by their readable Azure names, each once with its rules.
 */
export function subnetChanges(c: Comparison): { fixed: SubnetChange[]; exposed: SubnetChange[] } {
  // Labels tell same-named VNets apart across base and head, newly exposed or not.
  const labels = labelsAcross([...c.new, ...c.existing, ...c.fixed])
  const collect = (findings: readonly Finding[], only: Map<Finding, AzureRef[]>): SubnetChange[] => {
    const bySubnet = new Map<string, Set<string>>()
    for (const f of findings)
      for (const a of only.get(f) ?? f.affected ?? []) {
        // A deployment variant (a parameter file, a Terraform environment) is its own deployment of the subnet.
        const at = f.unit?.indexOf('@') ?? -1
        const label = affectedLabel(f, a, labels) + (at >= 0 ? ` [${f.unit!.slice(at + 1)}]` : '')
        const rules = bySubnet.get(label) ?? new Set<string>()
        rules.add(f.ruleId)
        bySubnet.set(label, rules)
      }
    return [...bySubnet]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([subnet, rules]) => ({ subnet, rules: [...rules].sort() }))
  }
  return { fixed: collect(c.fixed, c.fixedSubnets), exposed: collect(c.new, c.newSubnets) }
}

/**
 * `vnet-spoke/snet-b and vnet-spoke (rg-spoke-b)/snet-c`: the subnets of finding `f` named in "newly
 * exposed" notes, labelled as the report labels them (a VNet name another VNet of the report shares is
 * qualified by resource group, or subscription).
 */
export function subnetList(refs: readonly AzureRef[], f: Finding): string {
  const names = refs.map((r) => affectedLabel(f, r))
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

function reroot(f: Finding, from: string, to: string): Finding {
  const rel = repoPath(f.location.file, from)
  return rel === undefined ? f : { ...f, location: { ...f.location, file: path.join(to, rel) } }
}

/** The `renamed` map from the changed-file list (`previousPath` is set on renames). */
export function renamesFrom(
  files: readonly { path: string; previousPath?: string }[],
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const f of files) if (f.previousPath) out[f.path] = f.previousPath
  return out
}
