/**
 * Every rule's examples by rule id: data for docs/rules.md (src/report/rules-doc.ts) and the example-driven
 * tests (test/rules/examples.test.ts), kept apart from the rules' logic.
 */
import { kms001Examples } from './kms001'
import { kms002Examples } from './kms002'
import { kms003Examples } from './kms003'
import { kms004Examples } from './kms004'
import { kms005Examples } from './kms005'
import { kms006Examples } from './kms006'
import { kms007Examples } from './kms007'
import { kms008Examples } from './kms008'
import { kms009Examples } from './kms009'
import { kms010Examples } from './kms010'
import { kms011Examples } from './kms011'
import { kms012Examples } from './kms012'
import { kms013Examples } from './kms013'
import { kms014Examples } from './kms014'
import { kms015Examples } from './kms015'
import type { RuleExample } from './types'

export type { RuleExample } from './types'

const BY_RULE: Readonly<Record<string, readonly RuleExample[]>> = {
  KMS001: kms001Examples,
  KMS002: kms002Examples,
  KMS003: kms003Examples,
  KMS004: kms004Examples,
  KMS005: kms005Examples,
  KMS006: kms006Examples,
  KMS007: kms007Examples,
  KMS008: kms008Examples,
  KMS009: kms009Examples,
  KMS010: kms010Examples,
  KMS011: kms011Examples,
  KMS012: kms012Examples,
  KMS013: kms013Examples,
  KMS014: kms014Examples,
  KMS015: kms015Examples,
}

/** The examples of a rule; none for a rule without examples (test/rules/examples.test.ts requires them). */
export function examplesOf(ruleId: string): readonly RuleExample[] {
  return BY_RULE[ruleId] ?? []
}
