/**
 * KMS013's good and bad examples in Terraform, Bicep and ARM JSON: rendered into docs/rules.md and
 * run through the whole scan by test/rules/examples.test.ts. Not rule logic: the rule is in
 * ../kms013-platform-exception.ts.
 */
import { KMS_CATALOGUE } from '../../kms/catalogue'
import { tfAppNsg, tfBase, tfNsgRule } from './hcl'
import { armAppNsg, armExample, nsgRule } from './arm'
import { bicepAppNsg, bicepExample } from './bicep'
import type { RuleExample } from './types'

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

export const kms013Examples: RuleExample[] = [
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
]
