/** KMS012: a file could not be parsed (or was skipped); what it declares is not part of the verdicts. */
import { tfBase } from './example-hcl'
import type { Finding, Rule } from './types'

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
  ],
  check(ctx) {
    return ctx.model.diagnostics
      .filter((d) => d.ruleId === 'KMS012')
      .map((d): Finding => ({
        ruleId: kms012.id,
        severity: d.severity ?? kms012.severity,
        title: kms012.title,
        message: `${d.message} What it declares is not part of the analysis, so KMS verdicts may be incomplete.`,
        location: d.origin,
        resource: d.address ?? d.origin.file,
        kmsAddresses: [],
        cloud: ctx.cloud,
      }))
  },
}
