/** KMS012: a file could not be parsed (or was skipped); what it declares is not part of the verdicts. */
import { diagnosticFinding } from './findings'
import type { Rule } from './types'

export const kms012: Rule = {
  id: 'KMS012',
  title: 'A file could not be read',
  severity: 'warning',
  explanation:
    'A file in the scanned path could not be parsed (a syntax error, an unsupported construct) or was skipped. ' +
    'Routes, NSGs and firewall rules it declares are missing from the analysis, so verdicts may be wrong.',
  fix: 'Fix the syntax error (run `terraform validate` / `az bicep build`), or exclude the file from the scanned path.',
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
