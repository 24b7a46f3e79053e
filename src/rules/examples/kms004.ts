/**
 * KMS004's good and bad examples in Terraform, Bicep and ARM JSON: rendered into docs/rules.md and
 * run through the whole scan by test/rules/examples.test.ts. Not rule logic: the rule is in
 * ../kms004-appliance.ts.
 */
import { KMS_CATALOGUE } from '../../kms/catalogue'
import { tfBase, tfKmsBypass, tfRoute, tfSpokeRouteTable } from './hcl'
import { armExample, armRouted, kmsBypass, route } from './arm'
import { bicepExample, bicepRouted } from './bicep'
import type { RuleExample } from './types'

const PUBLIC = KMS_CATALOGUE.AzureCloud
const TO_NVA = tfRoute('default-via-nva', '0.0.0.0/0', 'VirtualAppliance', '"10.0.2.4"')

const VIA_NVA = route('default-via-nva', '0.0.0.0/0', 'VirtualAppliance', '10.0.2.4')
const BYPASS = kmsBypass([...PUBLIC.current.addresses, ...PUBLIC.legacy.addresses])
const TEMPLATE_EXAMPLES: RuleExample[] = [
  bicepExample('bad', 'Everything goes to a third-party appliance at 10.0.2.4.', bicepRouted([VIA_NVA])),
  bicepExample('good', 'KMS bypasses the appliance.', bicepRouted([VIA_NVA, ...BYPASS])),
  armExample('bad', 'Everything goes to a third-party appliance at 10.0.2.4.', armRouted([VIA_NVA])),
  armExample('good', 'KMS bypasses the appliance.', armRouted([VIA_NVA, ...BYPASS])),
]

export const kms004Examples: RuleExample[] = [
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
  ...TEMPLATE_EXAMPLES,
]
