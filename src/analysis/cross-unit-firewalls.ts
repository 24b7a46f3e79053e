/**
 * Azure Firewalls across the units of one scan. The hub's root module (or deployment) declares the
 * firewall and its policy; a spoke or workspace unit routes 0.0.0.0/0 to its private address, read with
 * `data "azurerm_firewall"` (src/model/build.ts firewallReadHop: alone, the hop is undecided, naming the
 * firewall "not in the scanned sources"). Here:
 *
 * - what a judged unit tells the others (firewallFacts): the firewalls it declares, by Azure identity
 *   (name, resource group, subscription where it says it), and what it needs (firewallNeeds): the
 *   firewalls its routes' next hops read and it does not declare;
 * - which facts answer a need (firewallFactsFor): a firewall of that name in that resource group
 *   (subscription where both say it), declared by exactly one other unit; a need whose resource group is
 *   not known, or that two units answer, is given nothing and stays undecided, named;
 * - in the second pass, the declaring unit is judged again first and hands over the firewalls asked of it
 *   with their policies and IP groups, ids prefixed by the unit (provideFirewalls, ./cross-unit-hubs.ts
 *   rehome), and they are laid into the reading unit's model (layForeignFirewalls): the firewall joins NetworkModel.foreign
 *   and the hops reading it refer to it, so its policy decides as for a firewall of the unit (KMS003).
 *   A forced-tunnelling firewall's own subnet is not handed over: what it sends on stays undecided, named.
 */
import type { AzureFirewall, ForeignObjects, NetworkModel, Route } from '../model/network'
import type { DeployedRef } from '../model/value'
import { unknown } from '../model/value'
import { readFirewall, sameResource } from './azure-identity'
import { firewallObjects, idsOf, layForeignObjects, rehome } from './cross-unit-hubs'

/**
 * A firewall one unit declares, as the other units of the scan may read it: its identity only. Its
 * objects (policies, rule collections, IP groups) are obtained only for a unit that needs it, in the
 * second pass, from the declaring unit judged there again (provideFirewalls): shipping them from every
 * unit whether any reads them cost a 30 MB scan 170 MB of peak RSS and 60% more CPU.
 */
export interface FirewallFact {
  /** The declaring unit, as reports name it, its scan identity (a unit is never given its own) and order. */
  unit: string
  from: string
  order: number
  name: string
  resourceGroup?: string
  subscription?: string
}

/** A firewall handed to a unit that reads it: the firewall (first), its policies and IP groups, ids prefixed by the unit. */
export interface ProvidedFirewall {
  fact: FirewallFact
  objects: ForeignObjects
}

/** A firewall a unit's routes send traffic to, read by a data source, that the unit does not declare. */
export interface FirewallNeed {
  name: string
  resourceGroup?: string
  subscription?: string
}

const routesOf = (model: NetworkModel): Route[] => [
  ...model.routeTables.flatMap((t) => t.routes),
  ...(model.detachedRoutes ?? []).map((d) => d.route),
]

const identity = (fw: AzureFirewall) =>
  fw.name.known
    ? {
        name: fw.name.value,
        ...(fw.resourceGroup !== undefined ? { resourceGroup: fw.resourceGroup } : {}),
        ...(fw.subscription !== undefined ? { subscription: fw.subscription.toLowerCase() } : {}),
      }
    : undefined

/** The firewalls the unit declares with a known name, as the other units may read them. */
export function firewallFacts(
  model: NetworkModel,
  unit: { name: string; from: string; order: number },
): FirewallFact[] {
  return model.firewalls.flatMap((fw) => {
    const id = identity(fw)
    return id ? [{ unit: unit.name, from: unit.from, order: unit.order, ...id }] : []
  })
}

/**
 * The declaring unit's side of the second pass: the objects of the firewalls it was asked for (`asked`:
 * facts it told, by identity), their ids prefixed by the unit (./cross-unit-hubs.ts rehome).
 */
export function provideFirewalls(model: NetworkModel, asked: readonly FirewallFact[]): ProvidedFirewall[] {
  return asked.flatMap((fact) => {
    const fw = model.firewalls.find((f) => {
      const id = identity(f)
      return id !== undefined && sameResource(id, fact)
    })
    if (!fw) return []
    const objects = firewallObjects(model, [fw])
    return [{ fact, objects: rehome(objects, idsOf([objects]), `${fact.unit}#`) }]
  })
}

/** The firewalls the unit's routes read and it does not declare. */
export function firewallNeeds(model: NetworkModel): FirewallNeed[] {
  const needs = new Map<string, FirewallNeed>()
  for (const r of routesOf(model)) {
    const d = readFirewall(r.nextHopIpAddress)
    if (!d) continue
    const need: FirewallNeed = {
      name: d.names[0]!,
      ...(d.resourceGroup !== undefined ? { resourceGroup: d.resourceGroup } : {}),
      ...(d.subscription !== undefined ? { subscription: d.subscription.toLowerCase() } : {}),
    }
    needs.set(JSON.stringify(need).toLowerCase(), need)
  }
  return [...needs.values()]
}

/** Is the fact surely the firewall the need (or a hop's read) names? */
function answers(need: FirewallNeed | DeployedRef, fact: FirewallFact): boolean {
  const name = 'name' in need ? need.name : need.names[0]
  return name !== undefined && sameResource({ ...need, name }, fact)
}

/** The facts of other units that answer a unit's needs: for each need, the one firewall that surely is it. */
export function firewallFactsFor(
  needs: readonly FirewallNeed[],
  from: string,
  all: readonly FirewallFact[],
): FirewallFact[] {
  const out: FirewallFact[] = []
  for (const n of needs) {
    const found = all.filter((f) => f.from !== from && answers(n, f))
    // Two units declaring it (two variants, two copies) cannot be told apart: nothing is taken.
    if (found.length === 1 && !out.includes(found[0]!)) out.push(found[0]!)
  }
  return out
}

/** Lays other units' firewalls into a model: the hops reading one refer to it, so its policy decides. */
export function layForeignFirewalls(model: NetworkModel, provided: readonly ProvidedFirewall[]): void {
  if (provided.length === 0) return
  for (const p of provided) layForeignObjects(model, p.objects)
  for (const r of routesOf(model)) {
    const hop = r.nextHopIpAddress!
    const d = readFirewall(hop)
    const given = d && provided.find((p) => answers(d, p.fact))
    if (!given || hop.known) continue
    const fw = given.objects.firewalls[0]!
    r.nextHopIpAddress = unknown(
      hop.expression,
      `the private address of Azure Firewall ${given.fact.name}, declared in ${given.fact.unit}: assigned at deployment`,
      hop.origin,
      { resource: fw.id, attribute: 'private_ip_address' },
    )
  }
}
