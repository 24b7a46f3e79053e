/**
 * KMS005: a route or rule written for KMS names only the old endpoint (23.102.135.246 or
 * kms.core.windows.net for the public cloud), not the addresses azkms.core.windows.net resolves to.
 */
import { displayName } from '../analysis/lookup'
import { KMS_CATALOGUE } from '../kms/catalogue'
import type { Route } from '../model/network'
import { allAddresses, datesText, listText, makeFinding, tableOfRoute, unique } from './findings'
import type { FixChange } from './fix-change'
import { kmsReferences } from './kms-references'
import type { Finding, Rule } from './types'

function hopOf(route: Route): string {
  return route.nextHopType.known ? route.nextHopType.value : 'its next hop'
}

export const kms005: Rule = {
  id: 'KMS005',
  title: 'KMS route or rule names only the old KMS endpoint',
  severity: 'warning',
  explanation:
    'Microsoft moved Azure KMS: since 2022-10-03 `azkms.core.windows.net` resolves to 20.118.99.224 and ' +
    '40.83.235.53, and since 2023-03-01 the old `kms.core.windows.net` points at 20.118.99.224. A route or rule ' +
    'written for the old address 23.102.135.246 (or the old name) no longer covers the traffic Windows sends, ' +
    'so activation fails as soon as that route or rule is what lets KMS out.',
  fix: 'Name the current KMS addresses too (keep the old one, which Microsoft still lists).',
  check(ctx) {
    const findings: Finding[] = []
    const current = [...KMS_CATALOGUE[ctx.cloud].current.addresses]
    const refs = kmsReferences(ctx.model).filter((r) => r.named.some((n) => n.cloud === ctx.cloud))
    // Routes: the table is what is "made for KMS"; judge which current addresses it has /32 routes for.
    const routed = new Map<string, string[]>()
    for (const r of refs)
      if (r.kind === 'route') {
        const list = routed.get(r.object.routeTableId) ?? []
        list.push(...r.named.flatMap((n) => (n.kind === 'current' ? n.addresses : [])))
        routed.set(r.object.routeTableId, list)
      }
    for (const r of refs) {
      const legacy = r.named.filter((n) => n.cloud === ctx.cloud && n.kind === 'legacy')
      if (legacy.length === 0) continue
      const missing =
        r.kind === 'route'
          ? current.filter((a) => !routed.get(r.object.routeTableId)!.includes(a))
          : current.filter((a) => !r.covers(a))
      if (missing.length === 0) continue
      const named = unique(legacy.map((n) => n.text))
      const what =
        r.kind === 'route'
          ? `The route ${displayName(r.object)} sends the old KMS address ${listText(named)} to ${hopOf(r.object)}, ` +
            `but its route table has no route for ${listText(missing)}`
          : `The ${r.kind === 'nsg' ? 'NSG' : 'firewall network'} rule ${displayName(r.object)} names the old KMS ` +
            `endpoint ${listText(named)} but not ${listText(missing)}`
      const message =
        `${what}. ${datesText(ctx.cloud)} Windows activation traffic goes to ${listText(missing)}, which this ` +
        `${r.kind === 'route' ? 'route table' : 'rule'} does not handle, so it can fail once this is what lets KMS out. ` +
        `Add ${listText(missing)} and keep ${listText(named)}.`
      let fix: FixChange | undefined
      if (r.kind === 'route') {
        const table = tableOfRoute(ctx, r.object)
        if (table) fix = { kind: 'add-routes', table, like: r.object, addresses: missing }
      } else {
        const existing =
          r.kind === 'nsg' ? r.object.destinationAddressPrefixes : r.object.destinationAddresses
        const keep = existing.known ? existing.value : []
        fix = {
          kind: 'set-destinations',
          rule: r.object,
          addresses: unique([...allAddresses(ctx.cloud), ...keep]),
        }
      }
      findings.push(makeFinding(kms005, ctx, r.object, { message, kmsAddresses: missing, fix }))
    }
    return findings
  },
}
