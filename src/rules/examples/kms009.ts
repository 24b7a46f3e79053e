/**
 * KMS009's good and bad examples in Terraform, Bicep and ARM JSON: rendered into docs/rules.md and
 * run through the whole scan by test/rules/examples.test.ts. Not rule logic: the rule is in
 * ../kms009-legacy-not-bypassed.ts.
 */
import { KMS_CATALOGUE } from '../../kms/catalogue'
import { tfBase, tfKmsBypass, tfRoute, tfSpokeRouteTable } from './hcl'
import { armExample, armRouted, kmsBypass, route } from './arm'
import { bicepExample, bicepRouted } from './bicep'
import type { RuleExample } from './types'

const PUBLIC = KMS_CATALOGUE.AzureCloud
const FORCED = tfRoute('default-to-onprem', '0.0.0.0/0', 'VirtualNetworkGateway')

const TO_GATEWAY = route('default-to-onprem', '0.0.0.0/0', 'VirtualNetworkGateway')
const CURRENT = [TO_GATEWAY, ...kmsBypass(PUBLIC.current.addresses)]
const ALL_THREE = [TO_GATEWAY, ...kmsBypass([...PUBLIC.current.addresses, ...PUBLIC.legacy.addresses])]
const TEMPLATE_EXAMPLES: RuleExample[] = [
  bicepExample('bad', 'Only the current addresses are bypassed.', bicepRouted(CURRENT)),
  bicepExample('good', 'All three addresses are bypassed.', bicepRouted(ALL_THREE)),
  armExample('bad', 'Only the current addresses are bypassed.', armRouted(CURRENT)),
  armExample('good', 'All three addresses are bypassed.', armRouted(ALL_THREE)),
]

export const kms009Examples: RuleExample[] = [
  {
    kind: 'bad',
    format: 'terraform',
    description: 'Only the current addresses are bypassed.',
    files: {
      'main.tf': tfBase() + tfSpokeRouteTable([FORCED, ...tfKmsBypass([...PUBLIC.current.addresses])]),
    },
  },
  {
    kind: 'good',
    format: 'terraform',
    description: 'All three addresses are bypassed.',
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
