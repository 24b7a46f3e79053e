/**
 * KMS001: a current KMS address follows a route to the VPN/ExpressRoute gateway. The request then
 * leaves from on-premises, and Azure KMS refuses activation requests that do not come from an Azure
 * public IP (Microsoft: "Windows activation fails in forced tunneling scenario").
 */
import { displayName } from '../analysis/lookup'
import {
  addressesOf,
  datesText,
  groupBy,
  listText,
  makeFinding,
  pathParts,
  whoText,
  WHY_PUBLIC,
} from './findings'
import { deciderOf, decidingKey, isBgp } from './effective'
import type { Finding, Rule } from './types'

export const kms001: Rule = {
  id: 'KMS001',
  title: 'KMS traffic is forced through the VPN/ExpressRoute gateway',
  severity: 'error',
  explanation:
    'A route with next hop `VirtualNetworkGateway` (usually `0.0.0.0/0`, forced tunnelling) sends the KMS request ' +
    'on-premises, so it reaches Azure KMS from a non-Azure address. Azure KMS only activates requests that come ' +
    'from an Azure public IP: Windows VMs stay unactivated, show a watermark and lose features once the grace ' +
    'period ends. A bypass for some KMS addresses is not enough: Windows may use any address ' +
    '`azkms.core.windows.net` resolves to.',
  fix:
    'Add a `/32` route with next hop `Internet` for every KMS address of the cloud (for the public cloud ' +
    '20.118.99.224, 40.83.235.53 and 23.102.135.246) to the route table, as Microsoft documents for forced ' +
    'tunnelling. Longest prefix match makes them win over `0.0.0.0/0`.',
  check(ctx) {
    const findings: Finding[] = []
    const paths = ctx.analysis.paths.filter((p) => p.outcome === 'gateway' && decidingKey(p))
    for (const group of groupBy(paths, decidingKey).values()) {
      const current = group.filter((p) => p.kms.kind === 'current')
      if (current.length === 0) continue // only the legacy address: KMS009
      // No Route in code when an effective route decided (live, e.g. learned over BGP): the subnet's table.
      const { route, effective, table, at, text, target: into } = deciderOf(ctx, group[0]!)
      const blocked = addressesOf(current)
      const bypassed = ctx.analysis.kmsAddresses
        .filter((k) => k.kind === 'current' && !blocked.includes(k.address))
        .map((k) => k.address)
      const toAdd = addressesOf(group)
      const viaFirewall = current.some((p) => p.firewall)
      const subject =
        effective && isBgp(effective)
          ? `${text}, which is advertised over BGP from on-premises and is in no route table of the code,`
          : text
      const target =
        into ??
        (route
          ? 'the route table'
          : effective
            ? `a route table associated with ${displayName(effective.subnet)}`
            : 'a route table associated with the subnet')
      const message =
        `The ${subject} sends Azure KMS traffic (TCP 1688) for ${listText(blocked)} ` +
        `${viaFirewall ? 'that the Azure Firewall lets through ' : ''}to the virtual network gateway, so it ` +
        `leaves through on-premises (forced tunnelling)` +
        `${bypassed.length > 0 ? `, although ${listText(bypassed)} ${bypassed.length > 1 ? 'have' : 'has'} a bypass` : ''}. ` +
        `${WHY_PUBLIC}, so ${whoText(current)} fail to activate. ` +
        `Add /32 routes with next hop Internet for ${listText(toAdd)} to ${target}. ` +
        (effective && isBgp(effective)
          ? `They win over the BGP ${effective.prefix} on prefix length (a user route Azure marks hasBgpOverride ` +
            `wins over overlapping BGP routes whatever its length). `
          : '') +
        datesText(ctx.cloud)
      findings.push(
        makeFinding(kms001, ctx, at, {
          message,
          kmsAddresses: blocked,
          ...pathParts(current),
          fix: table && { kind: 'add-routes', table, like: route, addresses: toAdd },
        }),
      )
    }
    return findings
  },
}
