/**
 * KMS003: the route sends KMS traffic to an Azure Firewall whose rules do not allow TCP 1688 to the KMS
 * address. Azure Firewall denies what no rule allows, and only network rules can match KMS.
 */
import { displayName } from '../analysis/lookup'
import type { FirewallVerdict, KmsPath } from '../analysis/types'
import { KMS_CATALOGUE } from '../kms/catalogue'
import { tfBase, tfHubFirewall, TF_ROUTE_TO_FIREWALL } from './example-hcl'
import {
  addressesOf,
  groupBy,
  listText,
  makeFinding,
  pathParts,
  routeText,
  tableOfRoute,
  whoText,
  withPath,
} from './findings'
import { decidingKey, effectiveRouteText } from './effective'
import {
  ARM_ROUTE_TO_FIREWALL,
  ARM_SPOKE_WITH_ROUTES,
  armExample,
  armHubFirewall,
  networkCollection as collection,
} from './example-arm'
import { BICEP_FIREWALL_IP, bicepExample, bicepHubFirewall, bicepRouted } from './example-bicep'
import { route } from './example-arm'
import type { Finding, Rule, RuleExample } from './types'

const PUBLIC = KMS_CATALOGUE.AzureCloud
const ALL = [...PUBLIC.current.addresses, ...PUBLIC.legacy.addresses]

export function networkCollection(
  name: string,
  priority: number,
  destinations: string[],
  ports: string[],
): string {
  return `  network_rule_collection {
    name     = "${name}"
    priority = ${priority}
    action   = "Allow"

    rule {
      name                  = "${name}"
      protocols             = ["TCP"]
      source_addresses      = ["10.1.0.0/16"]
      destination_addresses = [${destinations.map((d) => `"${d}"`).join(', ')}]
      destination_ports     = [${ports.map((p) => `"${p}"`).join(', ')}]
    }
  }`
}

function decidedBy(p: KmsPath): string {
  const fv = p.firewall!
  if (!fv.rule) return 'no network rule matches it, so the firewall denies it by default'
  const where = fv.collection ? ` in collection ${displayName(fv.collection)}` : ''
  const policy = fv.policy ? ` of policy ${displayName(fv.policy)}` : ''
  return `rule ${displayName(fv.rule)}${where}${policy} denies it`
}

const HTTPS_ONLY = collection({ name: 'allow-https', priority: 200, destinations: ['*'], ports: ['443'] })
const KMS_ALLOWED = collection({ name: 'allow-azure-kms', priority: 100, destinations: ALL, ports: ['1688'] })
const DENY_FIRST = collection({
  name: 'deny-all',
  priority: 100,
  destinations: ['*'],
  ports: ['*'],
  action: 'Deny',
})
const KMS_AFTER = collection({ name: 'allow-azure-kms', priority: 300, destinations: ALL, ports: ['1688'] })
const BICEP_TO_FIREWALL = bicepRouted([
  route('default-via-firewall', '0.0.0.0/0', 'VirtualAppliance', BICEP_FIREWALL_IP),
])
const ARM_TO_FIREWALL = [ARM_ROUTE_TO_FIREWALL, ARM_SPOKE_WITH_ROUTES]
const TEMPLATE_EXAMPLES: RuleExample[] = [
  bicepExample('bad', 'Spoke traffic goes to the hub firewall, which only allows HTTPS.', [
    ...BICEP_TO_FIREWALL,
    ...bicepHubFirewall([HTTPS_ONLY]),
  ]),
  bicepExample('bad', 'A deny-all collection is processed before the KMS allow.', [
    ...BICEP_TO_FIREWALL,
    ...bicepHubFirewall([DENY_FIRST, KMS_AFTER]),
  ]),
  bicepExample('good', 'The hub firewall allows TCP 1688 to the KMS addresses.', [
    ...BICEP_TO_FIREWALL,
    ...bicepHubFirewall([KMS_ALLOWED, HTTPS_ONLY]),
  ]),
  armExample('bad', 'Spoke traffic goes to the hub firewall, which only allows HTTPS.', [
    ...ARM_TO_FIREWALL,
    ...armHubFirewall([HTTPS_ONLY]),
  ]),
  armExample('bad', 'A deny-all collection is processed before the KMS allow.', [
    ...ARM_TO_FIREWALL,
    ...armHubFirewall([DENY_FIRST, KMS_AFTER]),
  ]),
  armExample('good', 'The hub firewall allows TCP 1688 to the KMS addresses.', [
    ...ARM_TO_FIREWALL,
    ...armHubFirewall([KMS_ALLOWED, HTTPS_ONLY]),
  ]),
]

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
  examples: [
    {
      kind: 'bad',
      format: 'terraform',
      description: 'Spoke traffic goes to the hub firewall, which only allows HTTPS.',
      files: {
        'main.tf':
          tfBase() +
          TF_ROUTE_TO_FIREWALL +
          tfHubFirewall(networkCollection('allow-https', 200, ['*'], ['443'])),
      },
    },
    {
      kind: 'good',
      format: 'terraform',
      description: 'The hub firewall allows TCP 1688 to the KMS addresses.',
      files: {
        'main.tf':
          tfBase() +
          TF_ROUTE_TO_FIREWALL +
          tfHubFirewall(networkCollection('allow-azure-kms', 100, ALL, ['1688'])),
      },
    },
    ...TEMPLATE_EXAMPLES,
  ],
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
      const message = withPath(
        `The ${route ? routeText(route, table ? displayName(table) : undefined) : effective ? effectiveRouteText(effective) : `default route 0.0.0.0/0 of ${hub!.text}`} ` +
          `sends Azure KMS traffic (TCP 1688) to ` +
          `Azure Firewall ${displayName(fv.firewall)}, and ${listText(reasons)}. ` +
          `${whoText(group)} cannot reach Azure KMS and fail to activate. ` +
          `Add a network rule allowing TCP 1688 to ${listText(addresses)}, processed before any rule that denies it.` +
          kmsLookalikes(fv),
        group,
      )
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

/** Names in application rules that look meant for KMS: its host names, or the Windows FQDN tags. */
const KMS_FQDN =
  /(^|\.)(az)?kms\.core\.(windows\.net|usgovcloudapi\.net|chinacloudapi\.cn)$|^\*\.core\.windows\.net$/i
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
        ? r.destinationFqdns.value.filter((f) => KMS_FQDN.test(f.trim()))
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
