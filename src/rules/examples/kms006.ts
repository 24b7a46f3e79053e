/**
 * KMS006's good and bad examples in Terraform, Bicep and ARM JSON: rendered into docs/rules.md and
 * run through the whole scan by test/rules/examples.test.ts. Not rule logic: the rule is in
 * ../kms006-nsg-denies.ts.
 */
import { KMS_CATALOGUE } from '../../kms/catalogue'
import { tfAppNsg, tfBase, tfKmsBypass, tfNsgRule, tfRoute, tfSpokeRouteTable } from './hcl'
import { armAppNsg, armExample, armSpokeRouteTable, kmsBypass, nsgRule, route } from './arm'
import { bicepAppNsg, bicepExample, bicepSpokeRouteTable } from './bicep'
import type { RuleExample } from './types'

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

export const kms006Examples: RuleExample[] = [
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
]
