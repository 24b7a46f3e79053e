/**
 * KMS005's good and bad examples in Terraform, Bicep and ARM JSON: rendered into docs/rules.md and
 * run through the whole scan by test/rules/examples.test.ts. Not rule logic: the rule is in
 * ../kms005-legacy-only.ts.
 */
import { KMS_CATALOGUE } from '../../kms/catalogue'
import { bypassExamples } from './bypass'
import type { RuleExample } from './types'

export const kms005Examples: RuleExample[] = bypassExamples(
  {
    description: 'A forced-tunnel bypass written before the KMS move.',
    addresses: KMS_CATALOGUE.AzureCloud.legacy.addresses,
  },
  { description: 'The bypass covers the current and the old addresses.' },
)
