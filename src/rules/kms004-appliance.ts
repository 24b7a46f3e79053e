/**
 * KMS004: a KMS address is routed to a network virtual appliance that is not a modelled Azure Firewall.
 * Whether it allows TCP 1688 and translates to an Azure public IP cannot be read from the code.
 */
import { displayName } from '../analysis/lookup'
import { KMS_CATALOGUE } from '../kms/catalogue'
import { tfBase, tfKmsBypass, tfRoute, tfSpokeRouteTable } from './example-hcl'
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
import { routeBypassFix } from './fixes'
import type { Finding, Rule } from './types'

const PUBLIC = KMS_CATALOGUE.AzureCloud
const TO_NVA = tfRoute('default-via-nva', '0.0.0.0/0', 'VirtualAppliance', '"10.0.2.4"')

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
  examples: [
    {
      kind: 'bad',
      format: 'terraform',
      description: 'Everything goes to a third-party appliance at 10.0.2.4.',
      files: { 'main.tf': tfBase() + tfSpokeRouteTable([TO_NVA]) },
    },
    {
      kind: 'good',
      format: 'terraform',
      description: 'KMS bypasses the appliance.',
      files: {
        'main.tf':
          tfBase() +
          tfSpokeRouteTable([
            TO_NVA,
            ...tfKmsBypass([...PUBLIC.current.addresses, ...PUBLIC.legacy.addresses]),
          ]),
      },
    },
  ],
  check(ctx) {
    const findings: Finding[] = []
    const paths = ctx.analysis.paths.filter(
      (p) => p.outcome === 'appliance' && p.decidingRoute && p.kms.kind === 'current',
    )
    for (const group of groupBy(paths, (p) => p.decidingRoute!.id).values()) {
      const route = group[0]!.decidingRoute!
      const table = tableOfRoute(ctx, route)
      const addresses = addressesOf(group)
      const hop = route.nextHopIpAddress
      const hopText = hop ? (hop.known ? hop.value : hop.expression) : 'an unnamed address'
      const message = withPath(
        `The ${routeText(route, table ? displayName(table) : undefined)} sends Azure KMS traffic (TCP 1688) for ` +
          `${listText(addresses)} to the appliance at ${hopText}, which is not an Azure Firewall in the scanned code. ` +
          `Activation of ${whoText(group)} works only if it allows TCP 1688 and sends the request out from an Azure ` +
          `public IP. Route ${listText(addresses)} (/32) to Internet, or confirm the appliance does both.`,
        group,
      )
      const f = makeFinding(kms004, ctx, route, {
        message,
        kmsAddresses: addresses,
        path: group[0]!.text,
        subnets: subnetsOf(group),
      })
      if (table) f.fix = routeBypassFix(table, route, addresses)
      findings.push(f)
    }
    return findings
  },
}
