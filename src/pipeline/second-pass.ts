/**
 * The scan's second pass as it runs in the scan worker (src/pipeline/cross-unit.ts plans it): each unit
 * judged again gets the other units' facts laid into its model. The facts the first pass gathered are
 * light (identities, gateways, peerings); what decides a firewall or a Virtual WAN hub (policies, rule
 * collections, routing) is obtained here, only for a unit that is given it, from the declaring unit's
 * model: Rejudge.providers are loaded again for that. A provider is not judged again unless it is itself
 * a reader; a reader loaded before its providers is held until they are (at the end, it goes with what was
 * provided: what was not stays undecided, named, as when judged alone).
 */
import {
  layForeignFirewalls,
  provideFirewalls,
  type FirewallFact,
  type ProvidedFirewall,
} from '../analysis/cross-unit-firewalls'
import type { HubFacts } from '../analysis/cross-unit-hubs'
import {
  layForeignVnets,
  layHubConnections,
  layReadVnetGateways,
  layMaybeConnections,
  provideHubs,
  type VnetFact,
} from '../analysis/cross-unit-vnets'
import { laySites, settleGatewayNotices } from '../analysis/cross-unit-sites'
import {
  type AttachFact,
  layAttachments,
  provideAttachments,
  settleAttachmentNotices,
  type ProvidedAttachment,
} from '../analysis/cross-unit-attachments'
import type { Judgement } from '../sources/judgement'
import { portableDigest } from './cross-unit'
import type { Rejudge } from './scan-types'

/** What one provider's model handed over. */
interface Provided {
  firewalls: ProvidedFirewall[]
  hubs: Map<string, HubFacts>
  attachments: ProvidedAttachment[]
}

interface Ask {
  firewalls: FirewallFact[]
  hubs: string[]
  attachments: AttachFact[]
  unit: string
}

/** What each provider (by its judgement's order) is asked for. */
function asksOf(rejudge: Rejudge): Map<number, Ask> {
  const asks = new Map<number, Ask>()
  const ask = (order: number, unit: string) => {
    const a = asks.get(order) ?? { firewalls: [], hubs: [], attachments: [], unit }
    asks.set(order, a)
    return a
  }
  for (const f of Object.values(rejudge.firewalls ?? {}).flat()) ask(f.order, f.unit).firewalls.push(f)
  for (const f of Object.values(rejudge.facts).flat())
    if (f.hub && f.key !== undefined) ask(f.order, f.unit).hubs.push(f.key)
  for (const c of Object.values(rejudge.connections ?? {}).flat())
    if (c.key !== undefined) ask(c.order, c.unit).hubs.push(c.key)
  for (const a of Object.values(rejudge.attachments ?? {}).flat()) ask(a.order, a.unit).attachments.push(a)
  return asks
}

const sameFirewall = (a: FirewallFact, b: FirewallFact) =>
  a.order === b.order &&
  a.name === b.name &&
  a.resourceGroup === b.resourceGroup &&
  a.subscription === b.subscription

/**
 * The judgements to judge again, facts laid; `received(order, digest)` is told, for each, the digest of the
 * objects laid into it (`root`: paths relative to it), on which its findings depend.
 */
export async function* secondPass(
  judgements: AsyncIterable<Judgement>,
  rejudge: Rejudge,
  root: string,
  received: (order: number, digest: string) => void,
): AsyncGenerator<Judgement> {
  const asks = asksOf(rejudge)
  const provided = new Map<number, Provided>()
  const hubOf = (f: VnetFact) => (f.key !== undefined ? provided.get(f.order)?.hubs.get(f.key) : undefined)
  const lay = (j: Judgement): Judgement => {
    const order = j.order!
    const facts = rejudge.facts[order]!
    const firewalls = (rejudge.firewalls?.[order] ?? []).flatMap((f) =>
      (provided.get(f.order)?.firewalls ?? []).filter((p) => sameFirewall(p.fact, f)),
    )
    layForeignVnets(j.model, facts, hubOf)
    layForeignFirewalls(j.model, firewalls)
    laySites(j.model, rejudge.sites?.[order] ?? [])
    settleGatewayNotices(j.model, rejudge.settled?.[order] ?? [])
    const connections = rejudge.connections?.[order] ?? []
    const connected = connections.flatMap((c) =>
      c.key !== undefined ? (provided.get(c.order)?.hubs.get(c.key) ?? []) : [],
    )
    layHubConnections(j.model, connected)
    layMaybeConnections(j.model, connections)
    const attached = (rejudge.attachments?.[order] ?? []).flatMap((a) =>
      (provided.get(a.order)?.attachments ?? []).filter(
        (p) => p.fact.order === a.order && p.fact.index === a.index,
      ),
    )
    layAttachments(j.model, attached)
    const gatewaysIn = rejudge.vnetGateways?.[order] ?? []
    layReadVnetGateways(j.model, gatewaysIn)
    const settled = rejudge.settledAttachments?.[order] ?? []
    settleAttachmentNotices(j.model, settled)
    const hubs = [...facts.flatMap((f) => hubOf(f) ?? []), ...connected]
    if (
      firewalls.length > 0 ||
      hubs.length > 0 ||
      connections.length > 0 ||
      attached.length > 0 ||
      settled.length > 0 ||
      gatewaysIn.length > 0
    )
      received(
        order,
        portableDigest(
          {
            firewalls: firewalls.map((p) => p.objects),
            hubs,
            connections,
            ...(attached.length > 0 ? { attached: attached.map((p) => [p.target, p.objects]) } : {}),
            ...(settled.length > 0 ? { settled } : {}),
            ...(gatewaysIn.length > 0 ? { gatewaysIn } : {}),
          },
          root,
        ),
      )
    return j
  }
  const needs = (order: number): number[] => [
    ...(rejudge.firewalls?.[order] ?? []).map((f) => f.order),
    ...rejudge.facts[order]!.flatMap((f) => (f.hub ? [f.order] : [])),
    ...(rejudge.connections?.[order] ?? []).map((c) => c.order),
    ...(rejudge.attachments?.[order] ?? []).map((a) => a.order),
  ]
  const ready = (order: number) => needs(order).every((o) => provided.has(o) || !asks.has(o))
  const waiting: Judgement[] = []
  for await (const j of judgements) {
    // ARM templates are formed whatever the selection: only the judgements named are used.
    if (j.order === undefined) continue
    const ask = asks.get(j.order)
    if (ask)
      provided.set(j.order, {
        firewalls: provideFirewalls(j.model, ask.firewalls),
        hubs: provideHubs(j.model, ask.hubs, ask.unit),
        attachments: provideAttachments(j.model, ask.attachments),
      })
    if (rejudge.facts[j.order]) {
      if (ready(j.order)) yield lay(j)
      else waiting.push(j)
    }
    for (let i = 0; i < waiting.length; i++)
      if (ready(waiting[i]!.order!)) yield lay(waiting.splice(i--, 1)[0]!)
  }
  for (const j of waiting) yield lay(j)
}
