/**
 * KMS010: a route or rule names the KMS endpoint of another Azure cloud than the one scanned (copied from
 * a Government or China template, or the wrong cloud was chosen). It does nothing for activation here.
 */
import { displayName } from '../analysis/lookup'
import { KMS_CATALOGUE } from '../kms/catalogue'
import { groupBy, listText, makeFinding, unique } from './findings'
import { kmsReferences } from './kms-references'
import type { Finding, Rule } from './types'

export const kms010: Rule = {
  id: 'KMS010',
  title: 'Route or rule names the KMS endpoint of another cloud',
  severity: 'warning',
  explanation:
    'Each Azure cloud has its own KMS endpoint (public: `azkms.core.windows.net`, US Government: ' +
    '`azkms.core.usgovcloudapi.net`, China: `azkms.core.chinacloudapi.cn`). A route or rule naming another ' +
    "cloud's addresses does not let this cloud's KMS traffic out: the bypass you meant to add is missing.",
  fix: "Name the scanned cloud's KMS addresses instead (or scan with the right `cloud`).",
  check(ctx) {
    const findings: Finding[] = []
    const own = KMS_CATALOGUE[ctx.cloud]
    const refs = kmsReferences(ctx.model).filter((r) => r.named.some((n) => n.cloud !== ctx.cloud))
    // Routes of one table are one resource: one finding for the table's foreign routes.
    const groups = groupBy(refs, (r) => (r.kind === 'route' ? `table:${r.object.routeTableId}` : r.object.id))
    for (const group of groups.values()) {
      const r = group[0]!
      const foreign = group.flatMap((g) => g.named.filter((n) => n.cloud !== ctx.cloud))
      const names = group.map((g) => displayName(g.object))
      const clouds = unique(foreign.map((n) => n.cloud))
      const what =
        r.kind === 'route'
          ? group.length > 1
            ? 'routes'
            : 'route'
          : r.kind === 'nsg'
            ? 'NSG rule'
            : 'firewall network rule'
      const message =
        `The ${what} ${listText(names)} ${group.length > 1 ? 'name' : 'names'} ${listText(unique(foreign.map((n) => n.text)))}, the KMS endpoint of ` +
        `${listText(clouds)}, but this network is scanned as ${ctx.cloud}, whose Windows VMs activate against ` +
        `${own.current.fqdn} (${listText([...own.current.addresses])}). It does nothing for activation here. ` +
        `Name ${listText([...own.current.addresses, ...own.legacy.addresses])} instead, or scan with the right cloud.`
      findings.push(
        makeFinding(kms010, ctx, r.object, {
          message,
          kmsAddresses: unique(foreign.flatMap((n) => n.addresses)),
        }),
      )
    }
    return findings
  },
}
