/**
 * KMS012's good and bad examples in Terraform, Bicep and ARM JSON: rendered into docs/rules.md and
 * run through the whole scan by test/rules/examples.test.ts. Not rule logic: the rule is in
 * ../kms012-unparsed.ts.
 */
import { tfBase } from './hcl'
import { armExample, armRouted, kmsBypass, route } from './arm'
import { bicepExample, bicepRouted, bicepTemplate } from './bicep'
import type { RuleExample } from './types'

const FINE = [route('default', '0.0.0.0/0', 'Internet'), ...kmsBypass(['20.118.99.224'])]
const BICEP_BROKEN = bicepTemplate(bicepRouted(FINE)).replace(
  "addressPrefix: '0.0.0.0/0'",
  "addressPrefix: '0.0.0.0/0' 'Internet'",
)
const ARM_BROKEN = armExample('bad', '', armRouted(FINE)).files['azuredeploy.json']!.replace(
  '"addressPrefix": "0.0.0.0/0",',
  '"addressPrefix": "0.0.0.0/0"',
)
const TEMPLATE_EXAMPLES: RuleExample[] = [
  {
    kind: 'bad',
    format: 'bicep',
    description: 'A route whose property line was half written.',
    files: { 'main.bicep': BICEP_BROKEN },
  },
  bicepExample('good', 'A valid template.', bicepRouted(FINE)),
  {
    kind: 'bad',
    format: 'arm',
    description: 'A deployment template with a missing comma.',
    files: { 'azuredeploy.json': ARM_BROKEN },
  },
  armExample('good', 'A valid template.', armRouted(FINE)),
]

export const kms012Examples: RuleExample[] = [
  {
    kind: 'bad',
    format: 'terraform',
    description: 'A route table block that is never closed.',
    files: {
      'main.tf':
        tfBase() +
        '\nresource "azurerm_route_table" "spoke" {\n  name                = "rt-spoke"\n  location            = azurerm_resource_group.net.location\n',
    },
  },
  {
    kind: 'good',
    format: 'terraform',
    description: 'A valid configuration.',
    files: { 'main.tf': tfBase() },
  },
  ...TEMPLATE_EXAMPLES,
]
