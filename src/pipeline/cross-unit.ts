/**
 * The scan's second pass over units that read a VNet another unit declares (src/analysis/cross-unit-vnets.ts).
 * Units are judged one after another, in several workers, and dropped; each tells what VNets it declares
 * and which undeclared ones its undecided subnets rest on (JudgedUnit.vnets). Once all shares are judged,
 * the units whose needs another unit's VNets may answer are judged again, in one worker, with those facts
 * laid into their models, and their first judgements are replaced. Units that need nothing, or whose needs
 * no unit declares, are not judged again: their verdicts stay as they were.
 *
 * Not with live state: it reads every VNet. Only among the units judged in this scan: a pull request run
 * adds the untouched units reading a changed unit's VNets to its selection, and never reuses the findings
 * of units resting on other units' VNets (src/action/pull-request.ts, docs/workflows.md). A unit judged
 * again carries the digest of the facts it got (JudgedUnit.received): the cache-dir keys it by them.
 */
import { createHash } from 'node:crypto'
import * as path from 'node:path'
import { factsFor, layForeignVnets, type VnetFact } from '../analysis/cross-unit-vnets'
import {
  type FirewallFact,
  firewallFactsFor,
  layForeignFirewalls,
  provideFirewalls,
  type ProvidedFirewall,
} from '../analysis/cross-unit-firewalls'
import { laySites, type SiteFact, siteFactsFor } from '../analysis/cross-unit-sites'
import type { SubnetVerdict } from '../analysis/verdict'
import type { ForeignObjects } from '../model/network'
import type { Judgement } from '../sources/judgement'
import type { JudgedUnit, ScanPart } from './scan-merge'
import type { Rejudge, ScanOptions } from './scan-types'

/** How a unit is named to the others (`root module connectivity`, `deployment hub/main.bicep`) and told apart. */
export function unitRef(
  j: Pick<Judgement, 'unit' | 'label'>,
  root: string,
): { name: string; from: string } | undefined {
  if (j.unit === undefined) return undefined
  const rel = path.relative(root, j.unit).split(path.sep).join('/') || path.basename(j.unit) || '.'
  const kind = /\.(bicep|bicepparam|json)$/i.test(j.unit) ? 'deployment' : 'root module'
  return { name: `${kind} ${rel}${j.label ? ` (variant ${j.label})` : ''}`, from: j.unit }
}

/** The addresses of a unit's undecided subnets: the only ones whose needs are asked for. */
export const undecidedSubnets = (verdicts: readonly SubnetVerdict[]): Set<string> =>
  new Set(verdicts.filter((v) => v.state === 'undecided').map((v) => v.address))

/** Which units to judge again, with the facts each gets; undefined when none would change. */
export function planRejudge(judged: readonly JudgedUnit[]): Rejudge | undefined {
  const all = judged.flatMap((u) => u.vnets?.declared ?? [])
  const allFirewalls = judged.flatMap((u) => u.vnets?.firewalls ?? [])
  const allSites = judged.flatMap((u) => u.vnets?.sites ?? [])
  if (all.length === 0 && allFirewalls.length === 0 && allSites.length === 0) return undefined
  const facts: Record<number, VnetFact[]> = {}
  const firewalls: Record<number, FirewallFact[]> = {}
  const sites: Record<number, SiteFact[]> = {}
  const units = new Set<string>()
  for (const u of judged) {
    if (u.unit === undefined) continue
    const given = u.vnets?.needs.length ? factsFor(u.vnets.needs, u.unit, all) : []
    const givenFirewalls = u.vnets?.firewallNeeds?.length
      ? firewallFactsFor(u.vnets.firewallNeeds, u.unit, allFirewalls)
      : []
    // Sites linked to the unit's VPN gateways, or to those of the VNets it is given.
    const gateways = [
      ...(u.vnets?.vpnGateways ?? []),
      ...given.flatMap((f) =>
        f.gateways.flatMap((g) =>
          g.kind === 'vpn' && g.name.known && g.resourceGroup !== undefined
            ? [{ name: g.name.value, resourceGroup: g.resourceGroup }]
            : [],
        ),
      ),
    ]
    const givenSites =
      gateways.length > 0 && allSites.length > 0 ? siteFactsFor(gateways, u.unit, allSites) : []
    if (given.length === 0 && givenFirewalls.length === 0 && givenSites.length === 0) continue
    facts[u.order] = [...new Set([...(facts[u.order] ?? []), ...given])]
    if (givenFirewalls.length > 0)
      firewalls[u.order] = [...new Set([...(firewalls[u.order] ?? []), ...givenFirewalls])]
    if (givenSites.length > 0) sites[u.order] = [...new Set([...(sites[u.order] ?? []), ...givenSites])]
    units.add(u.unit)
  }
  if (units.size === 0) return undefined
  const providers = new Set(Object.values(firewalls).flatMap((fs) => fs.map((f) => f.from)))
  return {
    units: [...units],
    facts,
    ...(Object.keys(firewalls).length > 0 ? { firewalls, providers: [...providers] } : {}),
    ...(Object.keys(sites).length > 0 ? { sites } : {}),
  }
}

/**
 * The second pass's judgements, each with the other units' facts laid into its model (`judgements`: the
 * units Rejudge.units and Rejudge.providers name, as loaded). A provider's judgement hands over the
 * firewalls asked of it and is not judged again unless it is itself named; a unit waiting for a provider
 * loaded after it is held until then (at the end, it goes with what was provided: a firewall not
 * provided stays undecided, named, as when judged alone).
 */
export async function* secondPass(
  judgements: AsyncIterable<Judgement>,
  rejudge: Rejudge,
): AsyncGenerator<Judgement> {
  const asked = new Map<number, FirewallFact[]>()
  for (const f of Object.values(rejudge.firewalls ?? {}).flat())
    asked.set(f.order, [...(asked.get(f.order) ?? []), f])
  const provided = new Map<number, ProvidedFirewall[]>()
  const lay = (j: Judgement): Judgement => {
    const order = j.order!
    layForeignVnets(j.model, rejudge.facts[order]!)
    const wanted = rejudge.firewalls?.[order] ?? []
    layForeignFirewalls(
      j.model,
      wanted.flatMap((f) => (provided.get(f.order) ?? []).filter((p) => sameFact(p.fact, f))),
    )
    laySites(j.model, rejudge.sites?.[order] ?? [])
    return j
  }
  const ready = (order: number) => (rejudge.firewalls?.[order] ?? []).every((f) => provided.has(f.order))
  const waiting: Judgement[] = []
  for await (const j of judgements) {
    // ARM templates are formed whatever the selection: only the judgements named are used.
    if (j.order === undefined) continue
    const ask = asked.get(j.order)
    if (ask) provided.set(j.order, provideFirewalls(j.model, ask))
    if (rejudge.facts[j.order]) {
      if (ready(j.order)) yield lay(j)
      else waiting.push(j)
    }
    for (let i = 0; i < waiting.length; i++)
      if (ready(waiting[i]!.order!)) yield lay(waiting.splice(i--, 1)[0]!)
  }
  for (const j of waiting) yield lay(j)
}

const sameFact = (a: FirewallFact, b: FirewallFact) =>
  a.order === b.order &&
  a.name === b.name &&
  a.resourceGroup === b.resourceGroup &&
  a.subscription === b.subscription

/**
 * A digest of the facts a unit was judged again with, the same for the same facts in another checkout of
 * the repository (paths under `root` are taken relative to it): a unit's findings depend on them
 * (ScanResult.crossUnit, the cache-dir's key of such a unit). `foreign`: the digest of the other units'
 * objects laid into its model in the second pass (foreignDigest), such as a firewall's policy: a change to
 * it changes the unit's findings as much as a change to a VNet fact.
 */
export function factsDigest(facts: readonly VnetFact[], root: string, foreign?: string): string {
  const text = JSON.stringify([...facts].map((f) => portableJson(f, root)).sort())
  return createHash('sha256')
    .update(foreign === undefined ? text : `${text}\u0000${foreign}`)
    .digest('hex')
}

/** The digest of other units' objects laid into a model (NetworkModel.foreign), as factsDigest takes it. */
export function foreignDigest(foreign: ForeignObjects, root: string): string {
  return createHash('sha256').update(portableJson(foreign, root)).digest('hex')
}

/** JSON of plain data with paths under `root` relative to it. */
function portableJson(x: unknown, root: string): string {
  const abs = path.resolve(root)
  const rel = (v: string) => (v.includes(abs) ? v.split(abs).join('.') : v)
  return JSON.stringify(x, (_k, v: unknown) => (typeof v === 'string' ? rel(v) : v))
}

/**
 * The parts with the units that read another unit's VNets judged again (`judge` runs a scan part with
 * ScanOptions.rejudge). A second pass that fails leaves the first judgements: undecided, as without it.
 */
export async function crossUnitPass(
  options: ScanOptions,
  parts: ScanPart[],
  judge: (options: ScanOptions) => Promise<JudgedUnit[] | undefined>,
): Promise<ScanPart[]> {
  if (options.deployed || options.rejudge) return parts
  const rejudge = planRejudge(parts.flatMap((p) => p.judged))
  if (!rejudge) return parts
  const { onProgress: _quiet, units, ...rest } = options
  // A pull request's head is judged from the files git knows, not from discovery: the same files again.
  const again = await judge({
    ...rest,
    ...(units?.files ? { units: { keyRoot: units.keyRoot, files: units.files } } : {}),
    rejudge,
  })
  if (!again || again.length === 0) return parts
  // What each unit needed when judged alone, and which facts it was judged with: its findings depend on them.
  const first = new Map(parts.flatMap((p) => p.judged.map((u) => [u.order, u.vnets?.needs ?? []] as const)))
  const root = units?.hashRoot ?? options.repoRoot ?? options.path
  for (const u of again) {
    const given = rejudge.facts[u.order]
    if (given) u.received = { facts: factsDigest(given, root, u.foreign), needs: first.get(u.order) ?? [] }
  }
  const replaced = new Set(again.map((u) => u.order))
  return parts.map((p, i) => ({
    ...p,
    judged: [...p.judged.filter((u) => !replaced.has(u.order)), ...(i === 0 ? again : [])],
  }))
}
