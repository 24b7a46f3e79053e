/**
 * The scan's second pass over units that read a VNet another unit declares (src/analysis/cross-unit-vnets.ts).
 * Units are judged one after another, in several workers, and dropped; each tells what VNets it declares
 * and which undeclared ones its undecided subnets rest on (JudgedUnit.vnets). Once all shares are judged,
 * the units whose needs another unit's VNets may answer are judged again, in one worker, with those facts
 * laid into their models (./second-pass.ts), and their first judgements are replaced. Units that need nothing, or whose needs
 * no unit declares, are not judged again: their verdicts stay as they were.
 *
 * Not with live state: it reads every VNet. Only among the units judged in this scan: a pull request run
 * adds the untouched units reading a changed unit's VNets to its selection, and never reuses the findings
 * of units resting on other units' VNets (src/action/pull-request.ts, docs/workflows.md). A unit judged
 * again carries the digest of the facts it got (JudgedUnit.received): the cache-dir keys it by them.
 */
import { createHash } from 'node:crypto'
import * as path from 'node:path'
import {
  type ConnectionFact,
  connectionFactsFor,
  gatewayFactsFor,
  type GatewayFact,
  factsFor,
  type VnetFact,
  withReadGateways,
} from '../analysis/cross-unit-vnets'
import { type FirewallFact, firewallFactsFor } from '../analysis/cross-unit-firewalls'
import { type GatewayIdentity, type SiteFact, siteFactsFor } from '../analysis/cross-unit-sites'
import { sameResource } from '../analysis/azure-identity'
import { type AttachFact, attachFactsFor } from '../analysis/cross-unit-attachments'
import { known } from '../model/value'
import { sameVnet } from '../model/vnet'
import type { SubnetVerdict } from '../analysis/verdict'
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

/** Whether two VNet keys (ARM-id form) surely name one VNet. */
const sameVnetKey = (a: string, b: string): boolean => sameVnet(known(a), known(b)) === true

/** The addresses of a unit's undecided subnets: the only ones whose needs are asked for. */
export const undecidedSubnets = (verdicts: readonly SubnetVerdict[]): Set<string> =>
  new Set(verdicts.filter((v) => v.state === 'undecided').map((v) => v.address))

/** Which units to judge again, with the facts each gets; undefined when none would change. */
export function planRejudge(judged: readonly JudgedUnit[]): Rejudge | undefined {
  const all = judged.flatMap((u) => u.vnets?.declared ?? [])
  const allReadGateways = judged.flatMap((u) => u.vnets?.readVnetGateways ?? [])
  const allFirewalls = judged.flatMap((u) => u.vnets?.firewalls ?? [])
  const allSites = judged.flatMap((u) => u.vnets?.sites ?? [])
  const allGateways = judged.flatMap((u) => (u.vnets?.vpnGateways ?? []).map((g) => ({ g, from: u.unit })))
  const allConnections = judged.flatMap((u) => u.vnets?.connections ?? [])
  const allAttachments = judged.flatMap((u) => u.vnets?.attachments ?? [])
  if (all.length === 0 && allFirewalls.length === 0 && allSites.length === 0) return undefined
  const facts: Record<number, VnetFact[]> = {}
  const firewalls: Record<number, FirewallFact[]> = {}
  const sites: Record<number, SiteFact[]> = {}
  const settled: Record<number, GatewayIdentity[]> = {}
  const connections: Record<number, ConnectionFact[]> = {}
  const attachments: Record<number, AttachFact[]> = {}
  const vnetGateways: Record<number, GatewayFact[]> = {}
  const units = new Set<string>()
  for (const u of judged) {
    if (u.unit === undefined) continue
    // With the gateways other units build in them (not those it builds itself: it has them).
    const built = allReadGateways.filter((g) => g.from !== u.unit)
    const given = (u.vnets?.needs.length ? factsFor(u.vnets.needs, u.unit, all) : []).map((f) =>
      built.length > 0 ? withReadGateways(f, built) : f,
    )
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
    // Gateways its connections read that another unit declares: its notices naming them go.
    const declaredElsewhere = (u.vnets?.undeclaredGateways ?? []).filter((g) =>
      allGateways.some((d) => d.from !== u.unit && sameResource(d.g, g)),
    )
    if (declaredElsewhere.length > 0) settled[u.order] = declaredElsewhere
    // Hub connections another unit makes to the VNets this unit declares (it does not know it needs them),
    // and to the VNets it is given (a subnet vended into a spoke VNet the landing zone declares and the
    // connectivity unit connects: the landing zone's facts do not know the connection). Only sure ones for
    // the latter: the given VNet's key and the connection's are the same.
    const connected = [
      ...(allConnections.length > 0 && u.vnets?.declared.length
        ? connectionFactsFor(u.vnets.declared, u.unit, allConnections)
        : []),
      ...(allConnections.length > 0 && given.length > 0
        ? connectionFactsFor(given, u.unit, allConnections).filter((c) =>
            given.some((f) => f.key !== undefined && c.key !== undefined && sameVnetKey(f.key, c.key)),
          )
        : []),
    ].filter((c, i, all) => all.indexOf(c) === i)
    if (connected.length > 0) connections[u.order] = connected
    // NSGs, route tables and NICs other units attach to its subnets (it does not know they exist).
    const attached =
      allAttachments.length > 0 && u.vnets?.declared.length
        ? attachFactsFor(u.vnets.declared, u.unit, allAttachments)
        : []
    if (attached.length > 0) attachments[u.order] = attached
    // Gateways other units build in VNets it declares.
    const gatewaysIn =
      allReadGateways.length > 0 && u.vnets?.declared.length
        ? gatewayFactsFor(u.vnets.declared, u.unit, allReadGateways)
        : []
    if (gatewaysIn.length > 0) vnetGateways[u.order] = gatewaysIn
    if (
      given.length === 0 &&
      givenFirewalls.length === 0 &&
      givenSites.length === 0 &&
      declaredElsewhere.length === 0 &&
      connected.length === 0 &&
      attached.length === 0 &&
      gatewaysIn.length === 0
    )
      continue
    facts[u.order] = [...new Set([...(facts[u.order] ?? []), ...given])]
    if (givenFirewalls.length > 0)
      firewalls[u.order] = [...new Set([...(firewalls[u.order] ?? []), ...givenFirewalls])]
    if (givenSites.length > 0) sites[u.order] = [...new Set([...(sites[u.order] ?? []), ...givenSites])]
    units.add(u.unit)
  }
  // The attaching units are judged again too: their notices saying the subnet is not declared go.
  const settledAttachments: Record<number, number[]> = {}
  for (const a of Object.values(attachments).flat()) {
    // A redeclared subnet is judged by its own unit too: no notice of its to settle; nor where the subnet
    // may be another (its resource group not known): the notice naming it stays.
    if (a.kind === 'subnet' || a.resourceGroup === undefined) continue
    ;(settledAttachments[a.order] ??= []).push(a.index)
    facts[a.order] ??= []
    units.add(a.from)
  }
  if (units.size === 0) return undefined
  // The units declaring what the readers are given: the second pass asks them for the objects.
  const providers = new Set([
    ...Object.values(firewalls).flatMap((fs) => fs.map((f) => f.from)),
    ...Object.values(facts).flatMap((fs) => fs.flatMap((f) => (f.hub ? [f.from] : []))),
    ...Object.values(connections).flatMap((cs) => cs.map((c) => c.from)),
    ...Object.values(attachments).flatMap((as) => as.map((a) => a.from)),
  ])
  return {
    units: [...units],
    facts,
    ...(providers.size > 0 ? { providers: [...providers] } : {}),
    ...(Object.keys(firewalls).length > 0 ? { firewalls } : {}),
    ...(Object.keys(sites).length > 0 ? { sites } : {}),
    ...(Object.keys(settled).length > 0 ? { settled } : {}),
    ...(Object.keys(connections).length > 0 ? { connections } : {}),
    ...(Object.keys(attachments).length > 0 ? { attachments, settledAttachments } : {}),
    ...(Object.keys(vnetGateways).length > 0 ? { vnetGateways } : {}),
  }
}

/**
 * A digest of the facts a unit was judged again with, the same for the same facts in another checkout of
 * the repository (paths under `root` are taken relative to it): a unit's findings depend on them
 * (ScanResult.crossUnit, the cache-dir's key of such a unit). `foreign`: the digest of the other units'
 * objects laid into its model in the second pass (./second-pass.ts), such as a firewall's policy: a change to
 * it changes the unit's findings as much as a change to a VNet fact.
 */
export function factsDigest(facts: readonly VnetFact[], root: string, foreign?: string): string {
  const text = JSON.stringify([...facts].map((f) => portableJson(f, root)).sort())
  return createHash('sha256')
    .update(foreign === undefined ? text : `${text}\u0000${foreign}`)
    .digest('hex')
}

/** The digest of plain data, the same in another checkout of the repository (as factsDigest takes it). */
export function portableDigest(x: unknown, root: string): string {
  return createHash('sha256').update(portableJson(x, root)).digest('hex')
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
