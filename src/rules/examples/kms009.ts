/**
 * KMS009's good and bad examples in Terraform, Bicep and ARM JSON: rendered into docs/rules.md and
 * run through the whole scan by test/rules/examples.test.ts. Not rule logic: the rule is in
 * ../kms009-legacy-not-bypassed.ts.
 */
import { KMS_CATALOGUE } from '../../kms/catalogue'
import { bypassExamples } from './bypass'
import type { RuleExample } from './types'

export const kms009Examples: RuleExample[] = bypassExamples(
  {
    description: 'Only the current addresses are bypassed.',
    addresses: KMS_CATALOGUE.AzureCloud.current.addresses,
  },
  { description: 'All three addresses are bypassed.' },
)
