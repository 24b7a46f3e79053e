/**
 * KMS009: a forced tunnel bypasses the current KMS addresses but not the legacy one that Microsoft's
 * forced-tunnelling article still lists. Activation works today, unless a current address's path is
 * blocked further on (an NSG, no outbound access) or undecided (a conditional bypass route): then the notice
 * says that instead of claiming it. The notice keeps the table complete.
 */
import { displayName } from '../analysis/lookup'
import type { KmsPath } from '../analysis/types'
import { KMS_CATALOGUE } from '../kms/catalogue'
import { addressesOf, groupBy, listText, makeFinding, pathParts, routeText, subnetLabel } from './findings'
import { deciderOf, decidingKey, effectiveRouteText, effectiveTable } from './effective'
import type { Finding, Rule } from './types'

/**
 * What to say about activation today when a current address's path is blocked further on (its bypass route
 * leads to an NSG that denies it, a subnet without outbound access) or undecided (a bypass route behind a
 * condition the scan cannot evaluate, a hop it cannot follow), ending where the legacy addresses are listed;
 * undefined otherwise (activation works today).
 */
function activationToday(paths: KmsPath[]): { text: string; undecided: boolean } | undefined {
  const current = paths.filter((q) => q.kms.kind === 'current')
  const blocked = current.find((q) => q.verdict === 'blocked')
  if (blocked) {
    const who = blocked.subnet ? ` for ${subnetLabel(blocked.subnet)}` : ''
    return {
      text: `Activation does not work today${who} either: ${blocked.kms.address} is blocked further on (${blocked.text}). Microsoft also lists`,
      undecided: false,
    }
  }
  const open = current.find((q) => q.verdict !== 'reaches')
  if (open) {
    const u = open.unknowns[0]
    const why = u ? (u.value.reason ?? u.value.expression) : open.text
    const who = open.subnet ? ` for ${subnetLabel(open.subnet)}` : ''
    return {
      text: `Whether activation works today${who} is not decided (${open.kms.address}: ${why}). Microsoft also lists`,
      undecided: true,
    }
  }
  return undefined
}

export const kms009: Rule = {
  id: 'KMS009',
  title: 'Forced tunnel bypasses the current KMS addresses but not the legacy one',
  severity: 'notice',
  explanation:
    "Microsoft's forced-tunnelling guidance still asks for a route to the legacy KMS address " +
    '(23.102.135.246 in the public cloud) next to the current ones. Windows uses the current addresses today, ' +
    'so activation works where they are reachable (the notice says when they are blocked further on or ' +
    'undecided); the legacy route covers older configurations that still target it.',
  fix: 'Add a `/32` route with next hop `Internet` for the legacy KMS address.',
  check(ctx) {
    const findings: Finding[] = []
    const source = (p: (typeof ctx.analysis.paths)[number]) => p.subnet?.id ?? `table:${p.routeTable?.id}`
    const bySource = groupBy(ctx.analysis.paths, source)
    const legacy = ctx.analysis.paths.filter((p) => {
      if (p.kms.kind !== 'legacy' || p.outcome !== 'gateway' || !decidingKey(p)) return false
      const current = bySource.get(source(p))!.filter((q) => q.kms.kind === 'current')
      // "Bypassed": every current address takes a user route that does not go to the gateway.
      return current.every((q) => q.outcome !== 'gateway' && q.selection.winner?.kind === 'user')
    })
    // An effective route (live, e.g. learned over BGP) has no table: the bypass goes in the subnet's table.
    // A Virtual Network Manager route sits beside the subnet's own table: the bypass goes in that table;
    // without one, in the route's rule collection (the finding is then at the managed route, as KMS001's).
    const tableIdOf = (p: KmsPath) =>
      (p.decidingRoute?.managedBy ? p.selection.table?.id : p.decidingRoute?.routeTableId) ??
      effectiveTable(p)?.id
    const keyOf = (p: KmsPath) => tableIdOf(p) ?? `managed:${decidingKey(p)}`
    for (const group of groupBy(legacy, keyOf).values()) {
      const route = group[0]!.decidingRoute
      const table = ctx.model.routeTables.find((t) => t.id === tableIdOf(group[0]!))
      const addresses = addressesOf(group)
      const current = KMS_CATALOGUE[ctx.cloud].current.addresses
      const today = activationToday(group.flatMap((p) => bySource.get(source(p))!))
      const sends = today?.undecided ? 'may send' : 'sends'
      const tail = `${today?.text ?? `Activation works today (Windows uses ${KMS_CATALOGUE[ctx.cloud].current.fqdn}), but Microsoft still lists`} ${listText(addresses)} for forced tunnelling.`
      if (!table) {
        if (!route?.managedBy) continue
        const { target } = deciderOf(ctx, group[0]!)
        const message =
          `The ${routeText(route)} forces the legacy KMS address ${listText(addresses)} through the virtual ` +
          `network gateway while Azure KMS traffic for ${listText([...current])} ${today?.undecided ? 'may go' : 'goes'} to the Internet. ${tail} ` +
          `Add a /32 route with next hop Internet for it to ${target}.`
        findings.push(
          makeFinding(kms009, ctx, route, { message, kmsAddresses: addresses, ...pathParts(group) }),
        )
        continue
      }
      const effective = route ? undefined : group[0]!.decidingEffectiveRoute
      const message =
        `Route table ${displayName(table)} ${sends} Azure KMS traffic for ${listText([...current])} to the Internet ` +
        `but ${effective ? `the ${effectiveRouteText(effective)} forces` : 'forces'} the legacy KMS address ` +
        `${listText(addresses)} through the virtual network gateway. ${tail} ` +
        `Add a /32 route with next hop Internet for it.`
      findings.push(
        makeFinding(kms009, ctx, table, {
          message,
          kmsAddresses: addresses,
          ...pathParts(group),
          fix: {
            kind: 'add-routes',
            table,
            like:
              route?.addressPrefix.known && route.addressPrefix.value.endsWith('/32')
                ? route
                : table.routes[0],
            addresses,
          },
        }),
      )
    }
    return findings
  },
}
