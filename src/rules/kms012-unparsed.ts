/** KMS012: a file could not be parsed (or was skipped); what it declares is not part of the verdicts. */
import { tfBase } from './example-hcl'
import { armExample, armRouted, kmsBypass, route } from './example-arm'
import { bicepExample, bicepRouted, bicepTemplate } from './example-bicep'
import { diagnosticFinding } from './findings'
import type { Rule, RuleExample } from './types'

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

export const kms012: Rule = {
  id: 'KMS012',
  title: 'A file could not be read',
  severity: 'warning',
  explanation:
    'A file in the scanned path could not be parsed (a syntax error, an unsupported construct) or was skipped. ' +
    'Routes, NSGs and firewall rules it declares are missing from the analysis, so verdicts may be wrong.',
  fix: 'Fix the syntax error (run `terraform validate` / `az bicep build`), or exclude the file from the scanned path.',
  examples: [
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
  ],
  check(ctx) {
    return ctx.model.diagnostics
      .filter((d) => d.ruleId === 'KMS012')
      .map((d) =>
        diagnosticFinding(
          kms012,
          ctx,
          d,
          `${d.message} What it declares is not part of the analysis, so KMS verdicts may be incomplete.`,
        ),
      )
  },
}
