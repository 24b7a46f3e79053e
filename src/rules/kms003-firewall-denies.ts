/**
 * KMS003: the route sends KMS traffic to an Azure Firewall whose rules do not allow TCP 1688 to the KMS
 * address. Azure Firewall denies what no rule allows, and only network rules can match KMS.
 */
import { displayName } from '../analysis/lookup'
import { KMS_CATALOGUE } from '../kms/catalogue'
import type { FirewallVerdict, KmsPath } from '../analysis/types'
import {
  addressesOf,
  groupBy,
  listText,
  makeFinding,
  pathParts,
  routeText,
  tableOfRoute,
  whoText,
} from './findings'
import { decidingKey, effectiveRouteText } from './effective'
import type { Finding, Rule } from './types'

function decidedBy(p: KmsPath): string {
  const fv = p.firewall!
  if (!fv.rule) return 'no network rule matches it, so the firewall denies it by default'
  const where = fv.collection ? ` in collection ${displayName(fv.collection)}` : ''
  const policy = fv.policy ? ` of policy ${displayName(fv.policy)}` : ''
  return `rule ${displayName(fv.rule)}${where}${policy} denies it`
}

export const kms003: Rule = {
  id: 'KMS003',
  title: 'Azure Firewall does not allow KMS',
  severity: 'error',
  explanation:
    'Traffic routed to an Azure Firewall is denied unless a rule allows it. KMS is TCP 1688, which only ' +
    '**network** rules can match (application rules handle HTTP/S and MSSQL only). Without a network rule ' +
    'allowing TCP 1688 to the KMS addresses, or with a deny rule processed first, the request never reaches ' +
    'Azure KMS and Windows VMs cannot activate.',
  fix:
    'Add a network rule allowing TCP 1688 from the spoke ranges to the KMS addresses, in a rule collection ' +
    'processed before any collection that denies it (lower priority number; base policy groups come first).',
  check(ctx) {
    const findings: Finding[] = []
    const paths = ctx.analysis.paths.filter(
      (p) =>
        p.outcome === 'firewallDenied' &&
        p.kms.kind === 'current' &&
        (p.selection.winner?.kind === 'user' || p.decidingEffectiveRoute || p.decidingHub),
    )
    const routeOf = (p: KmsPath) =>
      p.selection.winner?.kind === 'user' ? p.selection.winner.route : undefined
    for (const group of groupBy(paths, (p) => routeOf(p)?.id ?? decidingKey(p)).values()) {
      const route = routeOf(group[0]!)
      // No Route in code when an effective route (live) decided: point at its subnet.
      const effective = route ? undefined : group[0]!.decidingEffectiveRoute
      const hub = route || effective ? undefined : group[0]!.decidingHub!
      const table = route && tableOfRoute(ctx, route)
      const fv = group[0]!.firewall!
      const addresses = addressesOf(group)
      const reasons = [...groupBy(group, (p) => decidedBy(p)).entries()].map(
        ([why, ps]) => `for ${listText(addressesOf(ps))} ${why}`,
      )
      const message =
        `The ${route ? routeText(route, table ? displayName(table) : undefined) : effective ? effectiveRouteText(effective) : `default route 0.0.0.0/0 of ${hub!.text}`} ` +
        `sends Azure KMS traffic (TCP 1688) to ` +
        `Azure Firewall ${displayName(fv.firewall)}, and ${listText(reasons)}. ` +
        `${whoText(group)} cannot reach Azure KMS and fail to activate. ` +
        `Add a network rule allowing TCP 1688 to ${listText(addresses)}, processed before any rule that denies it.` +
        kmsLookalikes(fv)
      const denyPriority = group.map((p) => p.firewall?.collection?.priority).find((v) => v?.known)
      findings.push(
        makeFinding(kms003, ctx, route ?? effective?.subnet ?? hub!.via, {
          message,
          kmsAddresses: addresses,
          ...pathParts(group),
          fix: {
            kind: 'allow-kms-firewall',
            firewall: fv.firewall,
            policy: fv.policy,
            addresses,
            before: denyPriority?.known ? denyPriority.value : undefined,
          },
          format: fv.policy?.format ?? fv.firewall.format,
        }),
      )
    }
    return findings
  },
}

/** The KMS host names of every cloud (a rule may be written for another cloud's). */
const KMS_HOSTS = Object.values(KMS_CATALOGUE).flatMap((c) => [c.current.fqdn, c.legacy.fqdn])

/**
 * How an application rule's FQDN takes in a KMS host name, or undefined: the name itself, or a wildcard
 * whose domain (two labels at least: `*.net` is meant for everything, not for KMS) a KMS host is under.
 * Platform rules like `*.windows.net` are the common case: written for Azure services, they read as if
 * they covered activation.
 */
function kmsHostIn(fqdn: string): string | undefined {
  const name = fqdn.trim().toLowerCase().replace(/\.$/, '')
  if (KMS_HOSTS.includes(name)) return name
  const domain = name.startsWith('*.') ? name.slice(2) : undefined
  if (!domain || !domain.includes('.')) return undefined
  const host = KMS_HOSTS.find((h) => h.endsWith(`.${domain}`))
  return host && `${name} covers ${host}`
}

const WINDOWS_TAG =
  /^(WindowsUpdate|WindowsDiagnostics|WindowsVirtualDesktop|MicrosoftActiveProtectionService)$/i

/**
 * An application rule (or FQDN tag) of the firewall that looks meant for KMS: say why it does not help.
 * Application rules only carry HTTP, HTTPS and MSSQL; KMS is TCP 1688, which only a network rule passes.
 */
function kmsLookalikes(fv: FirewallVerdict): string {
  const collections = [
    ...fv.firewall.classicCollections,
    ...(fv.policy?.ruleCollectionGroups.flatMap((g) => g.collections) ?? []),
  ].filter((c) => c.kind === 'application')
  const named: string[] = []
  for (const c of collections)
    for (const r of c.rules) {
      const fqdns = r.destinationFqdns.known
        ? r.destinationFqdns.value.flatMap((f) => kmsHostIn(f) ?? [])
        : []
      const tags = r.destinationFqdnTags?.known
        ? r.destinationFqdnTags.value.filter((t) => WINDOWS_TAG.test(t.trim()))
        : []
      if (fqdns.length + tags.length > 0)
        named.push(`${displayName(r)} (${[...fqdns, ...tags.map((t) => `FQDN tag ${t}`)].join(', ')})`)
    }
  if (named.length === 0) return ''
  return (
    `${named.length > 1 ? ' Application rules' : ' Application rule'} ${listText(named)} ${named.length > 1 ? 'look' : 'looks'} meant for activation, but ${named.length > 1 ? 'they cannot' : 'it cannot'} pass it: application rules ` +
    'only carry HTTP, HTTPS and MSSQL, and KMS is TCP 1688, so only a network rule to the KMS IP addresses lets it through.'
  )
}
