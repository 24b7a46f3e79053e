/**
 * KMS002's good and bad examples in Terraform, Bicep and ARM JSON: rendered into docs/rules.md and
 * run through the whole scan by test/rules/examples.test.ts. Not rule logic: the rule is in
 * ../kms002-dropped.ts.
 */
import { KMS_CATALOGUE } from '../../kms/catalogue'
import { tfBase, tfKmsBypass, tfRoute, tfSpokeRouteTable } from './hcl'
import { armExample, armRouted, kmsBypass, route } from './arm'
import { bicepExample, bicepRouted } from './bicep'
import type { RuleExample } from './types'

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

export const kms002Examples: RuleExample[] = [
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
]
