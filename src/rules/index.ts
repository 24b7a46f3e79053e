/**
 * Every rule, and running them. Findings come back sorted by file and line, then rule id.
 */
import { compareFindings } from './order'
import { kms001 } from './kms001-forced-tunnel'
import { kms002 } from './kms002-dropped'
import { kms003 } from './kms003-firewall-denies'
import { kms004 } from './kms004-appliance'
import { kms005 } from './kms005-legacy-only'
import { kms006 } from './kms006-nsg-denies'
import { kms007 } from './kms007-fqdn-without-dns-proxy'
import { kms008 } from './kms008-no-outbound'
import { kms009 } from './kms009-legacy-not-bypassed'
import { kms010 } from './kms010-other-cloud'
import { kms011 } from './kms011-unresolved'
import { kms012 } from './kms012-unparsed'
import { kms013 } from './kms013-platform-exception'
import { kms014 } from './kms014-bgp-learned'
import { kms015 } from './kms015-admin-rule-denies'
import type { Finding, Rule, RuleContext } from './types'

export type { Finding, Rule, RuleContext } from './types'

export const allRules: readonly Rule[] = [
  kms001,
  kms002,
  kms003,
  kms004,
  kms005,
  kms006,
  kms007,
  kms008,
  kms009,
  kms010,
  kms011,
  kms012,
  kms013,
  kms014,
  kms015,
]

export { compareFindings }

export function runRules(ctx: RuleContext, rules: readonly Rule[] = allRules): Finding[] {
  return rules.flatMap((r) => r.check(ctx)).sort(compareFindings)
}
