/**
 * KMS002: a current KMS address follows a route with next hop None (Azure drops the packet) or
 * VnetLocal (it stays in the virtual network, where no KMS lives).
 */
import { KMS_CATALOGUE } from '../kms/catalogue'
import { tfBase, tfKmsBypass, tfRoute, tfSpokeRouteTable } from './example-hcl'
import { addressesOf, groupBy, listText, makeFinding, pathParts, whoText, withPath } from './findings'
import { deciderOf, decidingKey } from './effective'
import { armExample, armRouted, kmsBypass, route } from './example-arm'
import { bicepExample, bicepRouted } from './example-bicep'
import type { Finding, Rule, RuleExample } from './types'

const PUBLIC = KMS_CATALOGUE.AzureCloud
const BLACKHOLE = tfRoute('blackhole-internet', '0.0.0.0/0', 'None')

const DROP = route('blackhole-internet', '0.0.0.0/0', 'None')
const LET_OUT = kmsBypass([...PUBLIC.current.addresses, ...PUBLIC.legacy.addresses])
const TEMPLATE_EXAMPLES: RuleExample[] = [
  bicepExample(
    'bad',
    'An isolated subnet whose default route drops everything, KMS included.',
    bicepRouted([DROP]),
  ),
  bicepExample(
    'bad',
    'KMS addresses sent to VnetLocal, where no KMS lives.',
    bicepRouted([
      route('kms-local', '20.118.99.224/32', 'VnetLocal'),
      route('kms-local-2', '40.83.235.53/32', 'VnetLocal'),
    ]),
  ),
  bicepExample('good', 'The same isolated subnet with KMS let out.', bicepRouted([DROP, ...LET_OUT])),
  armExample(
    'bad',
    'An isolated subnet whose default route drops everything, KMS included.',
    armRouted([DROP]),
  ),
  armExample('good', 'The same isolated subnet with KMS let out.', armRouted([DROP, ...LET_OUT])),
]

export const kms002: Rule = {
  id: 'KMS002',
  title: 'KMS traffic is dropped by a route',
  severity: 'error',
  explanation:
    'A route with next hop `None` makes Azure drop the traffic; next hop `VnetLocal` keeps it inside the virtual ' +
    'network. Either way the KMS request never reaches Azure KMS and Windows VMs cannot activate.',
  fix: 'Add `/32` routes with next hop `Internet` for the KMS addresses, or change the route so it does not capture them.',
  examples: [
    {
      kind: 'bad',
      format: 'terraform',
      description: 'An isolated subnet whose default route drops everything, KMS included.',
      files: { 'main.tf': tfBase() + tfSpokeRouteTable([BLACKHOLE]) },
    },
    {
      kind: 'good',
      format: 'terraform',
      description: 'The same isolated subnet with KMS let out.',
      files: {
        'main.tf':
          tfBase() +
          tfSpokeRouteTable([
            BLACKHOLE,
            ...tfKmsBypass([...PUBLIC.current.addresses, ...PUBLIC.legacy.addresses]),
          ]),
      },
    },
    ...TEMPLATE_EXAMPLES,
  ],
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
      const message = withPath(
        `The ${text} sends Azure KMS traffic (TCP 1688) for ${listText(addresses)} ${what}. ` +
          `${whoText(group)} cannot reach Azure KMS and fail to activate. ` +
          `Add /32 routes with next hop Internet for ${listText(addresses)} to ${target ?? 'the route table'}.`,
        group,
      )
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
