/**
 * KMS006: the subnet's NSG denies outbound TCP 1688 to a current KMS address, and Azure's platform
 * exception (which lets KMS out past NSGs) is off because the route table overrides 0.0.0.0/0 or a rule
 * denies AzurePlatformLKM (NSG overview, "Azure platform considerations").
 */
import { KMS_CATALOGUE } from '../kms/catalogue'
import { tfAppNsg, tfBase, tfKmsBypass, tfNsgRule, tfRoute, tfSpokeRouteTable } from './example-hcl'
import { whoText } from './findings'
import { exceptionOffReason, nsgDenyFindings } from './nsg-deny'
import { armAppNsg, armExample, armSpokeRouteTable, kmsBypass, nsgRule, route } from './example-arm'
import { bicepAppNsg, bicepExample, bicepSpokeRouteTable } from './example-bicep'
import type { Rule, RuleExample } from './types'

const PUBLIC = KMS_CATALOGUE.AzureCloud
const ALL = [...PUBLIC.current.addresses, ...PUBLIC.legacy.addresses]
const TUNNEL = tfSpokeRouteTable([
  tfRoute('default-to-onprem', '0.0.0.0/0', 'VirtualNetworkGateway'),
  ...tfKmsBypass(ALL),
])
const DENY = tfNsgRule({ name: 'deny-internet-out', priority: 4000, access: 'Deny', destination: 'Internet' })
const ALLOW = tfNsgRule({
  name: 'allow-azure-kms',
  priority: 100,
  access: 'Allow',
  destination: `[${ALL.map((a) => `"${a}"`).join(', ')}]`,
  port: '1688',
})

const TUNNEL_ROUTES = [route('default-to-onprem', '0.0.0.0/0', 'VirtualNetworkGateway'), ...kmsBypass(ALL)]
const NSG_DENY = nsgRule({
  name: 'deny-internet-out',
  priority: 4000,
  access: 'Deny',
  destinations: ['Internet'],
})
const NSG_ALLOW = nsgRule({
  name: 'allow-azure-kms',
  priority: 100,
  access: 'Allow',
  destinations: ALL,
  port: '1688',
})
const TEMPLATE_EXAMPLES: RuleExample[] = [
  bicepExample('bad', 'Forced tunnel with KMS bypass routes, but the NSG denies outbound Internet.', [
    bicepSpokeRouteTable(TUNNEL_ROUTES),
    ...bicepAppNsg([NSG_DENY], true),
  ]),
  bicepExample('good', 'The NSG allows KMS before its deny rule.', [
    bicepSpokeRouteTable(TUNNEL_ROUTES),
    ...bicepAppNsg([NSG_ALLOW, NSG_DENY], true),
  ]),
  armExample('bad', 'Forced tunnel with KMS bypass routes, but the NSG denies outbound Internet.', [
    armSpokeRouteTable(TUNNEL_ROUTES),
    ...armAppNsg([NSG_DENY], true),
  ]),
  armExample('good', 'The NSG allows KMS before its deny rule.', [
    armSpokeRouteTable(TUNNEL_ROUTES),
    ...armAppNsg([NSG_ALLOW, NSG_DENY], true),
  ]),
]

export const kms006: Rule = {
  id: 'KMS006',
  title: 'NSG denies KMS and no platform exception applies',
  severity: 'error',
  explanation:
    'Azure normally lets KMS traffic (TCP 1688 to the Azure KMS addresses) out through a platform rule that ' +
    'NSGs do not see, so a deny-all outbound NSG does not break activation. That exception is lost when the ' +
    "subnet's route table overrides `0.0.0.0/0` (forced tunnelling, a firewall) or an NSG rule denies the " +
    '`AzurePlatformLKM` service tag. Then the NSG deny applies and Windows VMs cannot activate.',
  fix: 'Add an outbound NSG rule allowing TCP 1688 to the KMS addresses with a lower priority number than the deny.',
  examples: [
    {
      kind: 'bad',
      format: 'terraform',
      description: 'Forced tunnel with KMS bypass routes, but the NSG denies outbound Internet.',
      files: { 'main.tf': tfBase() + TUNNEL + tfAppNsg([DENY]) },
    },
    {
      kind: 'good',
      format: 'terraform',
      description: 'The NSG allows KMS before its deny rule.',
      files: { 'main.tf': tfBase() + TUNNEL + tfAppNsg([ALLOW, DENY]) },
    },
    ...TEMPLATE_EXAMPLES,
  ],
  check(ctx) {
    return nsgDenyFindings(
      kms006,
      ctx,
      false,
      (group) =>
        `, and Azure's platform exception for KMS does not apply because ${exceptionOffReason(group[0]!)}. ` +
        `${whoText(group)} cannot reach Azure KMS and fail to activate. ` +
        `Add an outbound rule allowing TCP 1688 to the KMS addresses with a lower priority number.`,
    )
  },
}
