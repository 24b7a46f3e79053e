/**
 * KMS013: the NSG would deny KMS, and only Azure's platform exception (KMS on 1688 is let out by a
 * platform rule NSGs do not see) keeps activation working. Adding a 0.0.0.0/0 route later (a firewall,
 * forced tunnelling) silently turns the exception off.
 */
import { KMS_CATALOGUE } from '../kms/catalogue'
import { tfAppNsg, tfBase, tfNsgRule } from './example-hcl'
import { whoText } from './findings'
import { nsgDenyFindings } from './nsg-deny'
import { armAppNsg, armExample, nsgRule } from './example-arm'
import { bicepAppNsg, bicepExample } from './example-bicep'
import type { Rule, RuleExample } from './types'

const PUBLIC = KMS_CATALOGUE.AzureCloud
const ALL = [...PUBLIC.current.addresses, ...PUBLIC.legacy.addresses]
const DENY = tfNsgRule({ name: 'deny-internet-out', priority: 4000, access: 'Deny', destination: 'Internet' })

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
  bicepExample('bad', 'A deny-all outbound NSG on a subnet with default routing.', bicepAppNsg([NSG_DENY])),
  bicepExample('good', 'KMS is allowed explicitly.', bicepAppNsg([NSG_ALLOW, NSG_DENY])),
  armExample('bad', 'A deny-all outbound NSG on a subnet with default routing.', armAppNsg([NSG_DENY])),
  armExample('good', 'KMS is allowed explicitly.', armAppNsg([NSG_ALLOW, NSG_DENY])),
]

export const kms013: Rule = {
  id: 'KMS013',
  title: 'Activation relies on the NSG platform exception',
  severity: 'notice',
  explanation:
    "The subnet's NSG denies KMS traffic, but Azure lets KMS out anyway through a platform rule that NSGs do " +
    'not see (NSG overview, "Azure platform considerations"). The exception ends as soon as the route table ' +
    'overrides `0.0.0.0/0` or a rule denies `AzurePlatformLKM`: a later change to routing would break ' +
    'activation with no change to this NSG.',
  fix: 'Allow TCP 1688 to the KMS addresses explicitly, before the deny rule.',
  examples: [
    {
      kind: 'bad',
      format: 'terraform',
      description: 'A deny-all outbound NSG on a subnet with default routing.',
      files: { 'main.tf': tfBase() + tfAppNsg([DENY]) },
    },
    {
      kind: 'good',
      format: 'terraform',
      description: 'KMS is allowed explicitly.',
      files: {
        'main.tf':
          tfBase() +
          tfAppNsg([
            tfNsgRule({
              name: 'allow-azure-kms',
              priority: 100,
              access: 'Allow',
              destination: `[${ALL.map((a) => `"${a}"`).join(', ')}]`,
              port: '1688',
            }),
            DENY,
          ]),
      },
    },
    ...TEMPLATE_EXAMPLES,
  ],
  check(ctx) {
    return nsgDenyFindings(
      kms013,
      ctx,
      true,
      (group) =>
        `. ${whoText(group)} still activate only because Azure lets KMS out ` +
        `through a platform rule NSGs do not see; a 0.0.0.0/0 route added later (firewall, forced tunnel) ends ` +
        `that and breaks activation. Allow TCP 1688 to the KMS addresses explicitly, before this rule.`,
    )
  },
}
