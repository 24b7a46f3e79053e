/**
 * What a finding is about, by Azure identity: the rule, the cloud, the deployment unit, the subnet it
 * harms and the hop that decides it, each by subscription / resource group / parent names / name, and by
 * IaC address only where the source does not say the Azure name. Files, lines and IaC addresses play no
 * part when the name is known, so a `moved` block, a resource renamed in the code, a Bicep symbolic name
 * change or `count` → `for_each` keep the identity: Azure sees the same resource.
 *
 * One finding may harm several subnets; `subnetIdentities` gives one key per subnet, so a subnet newly
 * exposed to an already broken path is new for that subnet (src/compare keys on these).
 */
import { createHash } from 'node:crypto'
import type { ModelObject, NetworkModel } from '../model/network'
import { armScope } from '../sources/azure/arm-id'
import { formerAddresses, type MovedAddress } from '../sources/terraform/moved'
import type { AzureRef, Finding } from './types'

interface Placed {
  kind: string
  parents: ModelObject[]
}

const placements = new WeakMap<NetworkModel, Map<string, Placed>>()

/** Every object of the model by id, with what it is and its parents (computed once per model). */
function placementsOf(model: NetworkModel): Map<string, Placed> {
  const cached = placements.get(model)
  if (cached) return cached
  const m = new Map<string, Placed>()
  const put = (o: ModelObject, kind: string, parents: ModelObject[] = []) => {
    if (!m.has(o.id)) m.set(o.id, { kind, parents })
  }
  for (const t of model.routeTables) {
    put(t, 'routeTable')
    for (const r of t.routes) put(r, 'route', [t])
  }
  for (const s of model.subnets) put(s, 'subnet')
  for (const n of model.nsgs) {
    put(n, 'nsg')
    for (const r of n.rules) put(r, 'nsgRule', [n])
  }
  const foreign = model.foreign
  for (const f of [...model.firewalls, ...(foreign?.firewalls ?? [])]) {
    put(f, 'firewall')
    for (const c of f.classicCollections) {
      put(c, 'firewallRuleCollection', [f])
      for (const r of c.rules) put(r, 'firewallRule', [f, c])
    }
  }
  for (const p of [...model.firewallPolicies, ...(foreign?.firewallPolicies ?? [])]) {
    put(p, 'firewallPolicy')
    for (const g of p.ruleCollectionGroups) {
      put(g, 'ruleCollectionGroup', [p])
      for (const c of g.collections) {
        put(c, 'firewallRuleCollection', [p, g])
        for (const r of c.rules) put(r, 'firewallRule', [p, g, c])
      }
    }
  }
  for (const g of [...model.ipGroups, ...(foreign?.ipGroups ?? [])]) put(g, 'ipGroup')
  for (const n of model.natGateways) put(n, 'natGateway')
  placements.set(model, m)
  return m
}

const nameOf = (o: ModelObject): string | undefined => (o.name.known ? o.name.value : undefined)

/** A model object as Azure knows it. */
export function azureRef(model: NetworkModel, o: ModelObject): AzureRef {
  const placed = placementsOf(model).get(o.id)
  const ref: AzureRef = { kind: placed?.kind ?? o.sourceType, iac: o.id }
  const name = nameOf(o)
  if (name !== undefined) ref.name = name
  const parents = (placed?.parents ?? []).map((p) => nameOf(p) ?? p.id)
  if (placed?.kind === 'subnet') {
    const vnet = (o as { vnetName?: ModelObject['name'] }).vnetName
    parents.push(vnet?.known ? vnet.value : `?${o.id}`)
  }
  if (parents.length > 0) ref.parents = parents
  if (model.moved) {
    const formerly = formerRefs(ref, placed?.parents ?? [], model.moved)
    if (formerly.length > 0) ref.formerly = formerly
  }
  if (o.format === 'live') {
    const scope = armScope(o.address)
    if (scope.subscriptionId) ref.subscription = scope.subscriptionId.toLowerCase()
    if (scope.resourceGroup) ref.resourceGroup = scope.resourceGroup
  } else {
    if (o.resourceGroup !== undefined) ref.resourceGroup = o.resourceGroup
    // Stated by the IaC (a provider alias, a module or nested deployment scope): part of the identity.
    if (o.subscription !== undefined) ref.subscription = o.subscription
  }
  return ref
}

/** Most spellings of one ref tried: moves rarely chain, and each part of the key has its own. */
const MAX_FORMER = 16

/**
 * What the parts of `ref`'s key spelled by IaC address (its own address when the name is unknown, a
 * parent's when the parent's name is) were before the unit's `moved` blocks: one entry per combination.
 */
function formerRefs(
  ref: AzureRef,
  parentObjects: readonly ModelObject[],
  moved: readonly MovedAddress[],
): NonNullable<AzureRef['formerly']> {
  const spellings = (s: string): string[] => {
    const placeholder = s.startsWith('?')
    const address = placeholder ? s.slice(1) : s
    return [s, ...formerAddresses(address, moved).map((a) => (placeholder ? `?${a}` : a))]
  }
  const parents = ref.parents ?? []
  // Only address-spelled parents move: a parent named in Azure stays as it is.
  const parentChoices = parents.map((p, i) => {
    const object = parentObjects[i]
    const byAddress = object ? p === object.id : p.startsWith('?')
    return byAddress ? spellings(p) : [p]
  })
  const iacChoices = ref.name === undefined ? spellings(ref.iac) : [ref.iac]
  let combos: { iac: string; parents: string[] }[] = iacChoices.map((iac) => ({ iac, parents: [] }))
  for (const choice of parentChoices)
    combos = combos
      .flatMap((c) => choice.map((p) => ({ iac: c.iac, parents: [...c.parents, p] })))
      .slice(0, MAX_FORMER + 1)
  // The first combination is the ref as it is.
  return combos.slice(1).map((c) => (parents.length > 0 ? c : { iac: c.iac }))
}

/** The key of one resource: its Azure identity when the name is known, else its IaC address. */
export function refKey(r: AzureRef): string {
  if (r.name === undefined) return `iac:${r.kind}:${r.iac}`
  const parts = [r.kind, r.subscription ?? '', r.resourceGroup ?? '', ...(r.parents ?? []), r.name].map((p) =>
    p.toLowerCase(),
  )
  return `azure:${parts.join('/')}`
}

/** A finding that names no KMS address (a parse error) says the same whatever cloud is judged. */
const cloudOf = (f: Finding): string => (f.kmsAddresses.length === 0 ? '' : f.cloud)

/**
 * What the finding is anchored on: its hop, else (a file-level finding) its resource as the scan names it.
 */
function anchorKey(f: Finding, renamed?: Record<string, string>): string {
  if (f.hop) return refKey(f.hop)
  return `resource:${renamed?.[f.resource] ?? f.resource}`
}

function head(f: Finding, renamed?: Record<string, string>): string[] {
  return [f.ruleId, cloudOf(f), f.unit ?? '', anchorKey(f, renamed)]
}

export interface IdentityOptions {
  /**
   * New path → old path for files a change renames (repository- or scan-relative, as the finding's
   * `resource` spells it): only used by findings that have no Azure identity (a file that does not parse).
   */
  renamed?: Record<string, string>
}

/** The ref's key, then its keys under the IaC addresses it had before `moved` blocks. */
function refKeys(r: AzureRef): string[] {
  return [refKey(r), ...(r.formerly ?? []).map((was) => refKey({ ...r, ...was }))]
}

/**
 * Per affected subnet, its identity (as subnetIdentities gives it) followed by the identities it had
 * before Terraform `moved` blocks renamed its hop or subnet in the code: a head finding matches a base
 * finding by any of them.
 */
export function subnetIdentityChoices(f: Finding, opts: IdentityOptions = {}): string[][] {
  const [rule, cloud, unit] = head(f, opts.renamed)
  const hops = f.hop ? refKeys(f.hop) : [anchorKey(f, opts.renamed)]
  const affected = f.affected ?? []
  const out = new Map<string, string[]>()
  const subnets: (AzureRef | undefined)[] = affected.length === 0 ? [undefined] : affected
  for (const a of subnets) {
    const keys = a ? refKeys(a) : [undefined]
    const ids: string[] = []
    for (const k of keys)
      for (const h of hops)
        ids.push(JSON.stringify(k === undefined ? [rule, cloud, unit, h] : [rule, cloud, unit, h, k]))
    if (!out.has(ids[0]!)) out.set(ids[0]!, [...new Set(ids)])
  }
  return [...out.values()]
}

/** One key per affected subnet (or one for the whole finding when it names none). */
export function subnetIdentities(f: Finding, opts: IdentityOptions = {}): string[] {
  const h = head(f, opts.renamed)
  const affected = f.affected ?? []
  if (affected.length === 0) return [JSON.stringify(h)]
  return [...new Set(affected.map((a) => JSON.stringify([...h, refKey(a)])))]
}

/** The identity of the whole finding: rule, cloud, unit, decisive hop and every subnet it harms. */
export function findingIdentity(f: Finding, opts: IdentityOptions = {}): string {
  const subnets = [...new Set((f.affected ?? []).map(refKey))].sort()
  return JSON.stringify([...head(f, opts.renamed), subnets])
}

/**
 * A short stable hash of the whole identity (rule, cloud, unit, decisive hop and the subnets it harms), for
 * SARIF `partialFingerprints`: two findings of one scan never share it, whichever cloud judged them, and
 * it does not move with files, lines or wording.
 */
export function identityHash(f: Finding): string {
  return createHash('sha256').update(findingIdentity(f)).digest('hex').slice(0, 32)
}

/** The readable name of an affected subnet, `vnet-spoke/snet-app` (or its IaC address). */
export function refLabel(r: AzureRef, among: readonly AzureRef[] = []): string {
  if (r.name === undefined) return r.iac
  const parents = (r.parents ?? []).filter((p) => !p.startsWith('?'))
  const plain = [...parents, r.name].join('/')
  // Another ref of the same names elsewhere (two `vnet-spoke/snet-app` in two groups): say where.
  const scope = (x: AzureRef) => `${x.subscription ?? ''}/${(x.resourceGroup ?? '').toLowerCase()}`
  const twins = among.filter(
    (x) =>
      x !== r &&
      x.name !== undefined &&
      refLabel(x).toLowerCase() === plain.toLowerCase() &&
      scope(x) !== scope(r),
  )
  if (twins.length === 0 || parents.length === 0) return plain
  const sameGroup = twins.some(
    (x) => (x.resourceGroup ?? '').toLowerCase() === (r.resourceGroup ?? '').toLowerCase(),
  )
  const where =
    sameGroup && r.subscription !== undefined
      ? `subscription ${r.subscription}, ${r.resourceGroup ?? '?'}`
      : (r.resourceGroup ?? r.iac)
  const last = parents.length - 1
  return [...parents.slice(0, last), `${parents[last]} (${where})`, r.name].join('/')
}
