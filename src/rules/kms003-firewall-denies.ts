/**
 * KMS003: the route sends KMS traffic to an Azure Firewall whose rules do not allow TCP 1688 to the KMS
 * address. Azure Firewall denies what no rule allows, and only network rules can match KMS.
 */
import { displayName } from '../analysis/lookup'
import type { KmsPath } from '../analysis/types'
import { KMS_CATALOGUE } from '../kms/catalogue'
import { tfBase, tfHubFirewall, TF_ROUTE_TO_FIREWALL } from './example-hcl'
import {
  addressesOf,
  groupBy,
  listText,
  makeFinding,
  routeText,
  subnetsOf,
  tableOfRoute,
  whoText,
  withPath,
} from './findings'
import { firewallAllowFix } from './fixes'
import type { Finding, Rule } from './types'

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
  ],
  check(ctx) {
    const findings: Finding[] = []
    const paths = ctx.analysis.paths.filter(
      (p) =>
        p.outcome === 'firewallDenied' && p.kms.kind === 'current' && p.selection.winner?.kind === 'user',
    )
    const routeOf = (p: KmsPath) =>
      p.selection.winner?.kind === 'user' ? p.selection.winner.route : undefined
    for (const group of groupBy(paths, (p) => routeOf(p)!.id).values()) {
      const route = routeOf(group[0]!)!
      const table = tableOfRoute(ctx, route)
      const fv = group[0]!.firewall!
      const addresses = addressesOf(group)
      const reasons = [...groupBy(group, (p) => decidedBy(p)).entries()].map(
        ([why, ps]) => `for ${listText(addressesOf(ps))} ${why}`,
      )
      const message = withPath(
        `The ${routeText(route, table ? displayName(table) : undefined)} sends Azure KMS traffic (TCP 1688) to ` +
          `Azure Firewall ${displayName(fv.firewall)}, and ${listText(reasons)}. ` +
          `${whoText(group)} cannot reach Azure KMS and fail to activate. ` +
          `Add a network rule allowing TCP 1688 to ${listText(addresses)}, processed before any rule that denies it.`,
        group,
      )
      const denyPriority = group.map((p) => p.firewall?.collection?.priority).find((v) => v?.known)
      const fix = firewallAllowFix(
        fv.firewall,
        fv.policy,
        addresses,
        denyPriority?.known ? denyPriority.value : undefined,
      )
      findings.push(
        makeFinding(kms003, ctx, route, {
          message,
          kmsAddresses: addresses,
          path: group[0]!.text,
          subnets: subnetsOf(group),
          fix,
          format: fv.policy?.format ?? fv.firewall.format,
        }),
      )
    }
    return findings
  },
}
