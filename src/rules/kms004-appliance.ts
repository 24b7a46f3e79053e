/**
 * KMS004: a KMS address is routed to a network virtual appliance that is not a modelled Azure Firewall.
 * Whether it allows TCP 1688 and translates to an Azure public IP cannot be read from the code.
 */
import { addressesOf, groupBy, listText, makeFinding, pathParts, whoText } from './findings'
import { deciderOf, decidingKey } from './effective'
import type { Finding, Rule } from './types'

export const kms004: Rule = {
  id: 'KMS004',
  title: 'KMS traffic goes through an appliance that cannot be checked',
  severity: 'warning',
  explanation:
    'The route sends KMS traffic to a network virtual appliance that is not an Azure Firewall in the scanned ' +
    'code. Activation works only if the appliance allows TCP 1688 to the KMS addresses **and** sends the ' +
    'request out from an Azure public IP (not back on-premises). Nothing in the code shows either.',
  fix:
    'Route the KMS addresses (`/32`) straight to `Internet`, or make sure the appliance allows TCP 1688 to them ' +
    'and source-NATs to an Azure public IP.',
  check(ctx) {
    const findings: Finding[] = []
    const paths = ctx.analysis.paths.filter(
      (p) => p.outcome === 'appliance' && decidingKey(p) && p.kms.kind === 'current',
    )
    for (const group of groupBy(paths, decidingKey).values()) {
      // No Route in code when an effective route (live) decided: point at its subnet.
      const { route, effective, table, at, text } = deciderOf(ctx, group[0]!)
      const addresses = addressesOf(group)
      const hop = route?.nextHopIpAddress
      const hopText = hop
        ? hop.known
          ? hop.value
          : hop.expression
        : (effective?.route.nextHopIpAddress[0] ??
          (group[0]!.selection.nextHopIpAddress?.known
            ? group[0]!.selection.nextHopIpAddress.value
            : undefined) ??
          'an unnamed address')
      const message =
        `The ${text} ` +
        `sends Azure KMS traffic (TCP 1688) for ` +
        `${listText(addresses)} to the appliance at ${hopText}, which is not an Azure Firewall in the scanned code. ` +
        `Activation of ${whoText(group)} works only if it allows TCP 1688 and sends the request out from an Azure ` +
        `public IP. Route ${listText(addresses)} (/32) to Internet, or confirm the appliance does both.`
      findings.push(
        makeFinding(kms004, ctx, at, {
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
