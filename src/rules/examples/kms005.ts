/**
 * KMS005's good and bad examples in Terraform, Bicep and ARM JSON: rendered into docs/rules.md and
 * run through the whole scan by test/rules/examples.test.ts. Not rule logic: the rule is in
 * ../kms005-legacy-only.ts.
 */
import { KMS_CATALOGUE } from '../../kms/catalogue'
import { tfBase, tfKmsBypass, tfRoute, tfSpokeRouteTable } from './hcl'
import { armExample, armRouted, kmsBypass, route } from './arm'
import { bicepExample, bicepRouted } from './bicep'
import type { RuleExample } from './types'

const PUBLIC = KMS_CATALOGUE.AzureCloud
const FORCED = tfRoute('default-to-onprem', '0.0.0.0/0', 'VirtualNetworkGateway')

const TO_GATEWAY = route('default-to-onprem', '0.0.0.0/0', 'VirtualNetworkGateway')
const OLD = [TO_GATEWAY, ...kmsBypass(PUBLIC.legacy.addresses)]
const BOTH = [TO_GATEWAY, ...kmsBypass([...PUBLIC.current.addresses, ...PUBLIC.legacy.addresses])]
const TEMPLATE_EXAMPLES: RuleExample[] = [
  bicepExample('bad', 'A forced-tunnel bypass written before the KMS move.', bicepRouted(OLD)),
  bicepExample('good', 'The bypass covers the current and the old addresses.', bicepRouted(BOTH)),
  armExample('bad', 'A forced-tunnel bypass written before the KMS move.', armRouted(OLD)),
  armExample('good', 'The bypass covers the current and the old addresses.', armRouted(BOTH)),
]

export const kms005Examples: RuleExample[] = [
  {
    kind: 'bad',
    format: 'terraform',
    description: 'A forced-tunnel bypass written before the KMS move.',
    files: {
      'main.tf': tfBase() + tfSpokeRouteTable([FORCED, ...tfKmsBypass([...PUBLIC.legacy.addresses])]),
    },
  },
  {
    kind: 'good',
    format: 'terraform',
    description: 'The bypass covers the current and the old addresses.',
    files: {
      'main.tf':
        tfBase() +
        tfSpokeRouteTable([
          FORCED,
          ...tfKmsBypass([...PUBLIC.current.addresses, ...PUBLIC.legacy.addresses]),
        ]),
    },
  },
  ...TEMPLATE_EXAMPLES,
]
