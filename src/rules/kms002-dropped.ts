/**
 * KMS002: a current KMS address follows a route with next hop None (Azure drops the packet) or
 * VnetLocal (it stays in the virtual network, where no KMS lives).
 */
import { addressesOf, groupBy, listText, makeFinding, pathParts, whoText } from './findings'
import { deciderOf, decidingKey } from './effective'
import type { Finding, Rule } from './types'

export const kms002: Rule = {
  id: 'KMS002',
  title: 'KMS traffic is dropped by a route',
  severity: 'error',
  explanation:
    'A route with next hop `None` makes Azure drop the traffic; next hop `VnetLocal` keeps it inside the virtual ' +
    'network. Either way the KMS request never reaches Azure KMS and Windows VMs cannot activate.',
  fix: 'Add `/32` routes with next hop `Internet` for the KMS addresses, or change the route so it does not capture them.',
  check(ctx) {
    const findings: Finding[] = []
    const paths = ctx.analysis.paths.filter(
      (p) =>
        (p.outcome === 'none' || p.outcome === 'vnetLocal') && decidingKey(p) && p.kms.kind === 'current',
    )
    for (const group of groupBy(paths, decidingKey).values()) {
      // No Route in code when an effective route (live) decided: point at its subnet.
      const { route, table, at, text, target } = deciderOf(ctx, group[0]!)
      const addresses = addressesOf(group)
      const what =
        group[0]!.outcome === 'none'
          ? 'to next hop None, so Azure drops it'
          : 'to next hop VnetLocal, so it stays inside the virtual network, where there is no KMS'
      const message =
        `The ${text} sends Azure KMS traffic (TCP 1688) for ${listText(addresses)} ${what}. ` +
        `${whoText(group)} cannot reach Azure KMS and fail to activate. ` +
        `Add /32 routes with next hop Internet for ${listText(addresses)} to ${target ?? 'the route table'}.`
      findings.push(
        makeFinding(kms002, ctx, at, {
          message,
          kmsAddresses: addresses,
          ...pathParts(group),
          fix: table && { kind: 'add-routes', table, like: route, addresses: addresses },
        }),
      )
    }
    return findings
  },
}
