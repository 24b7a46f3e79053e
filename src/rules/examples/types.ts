/** A rule example: files that, scanned, give at least one finding of the rule (bad) or none (good). */
import type { CloudName } from '../../kms/catalogue'
import type { SourceFormat } from '../../model/network'

export interface RuleExample {
  /** 'good' must give no finding of this rule; 'bad' must give at least one. */
  kind: 'good' | 'bad'
  format: SourceFormat
  /** A short description for docs. */
  description: string
  /** Files of the example: relative name → content. */
  files: Record<string, string>
  cloud?: CloudName
}
