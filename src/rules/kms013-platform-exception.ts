/**
 * KMS013: the NSG would deny KMS, and only Azure's platform exception (KMS on 1688 is let out by a
 * platform rule NSGs do not see) keeps activation working. Adding a 0.0.0.0/0 route later (a firewall,
 * forced tunnelling) silently turns the exception off.
 */
import { whoText } from './findings'
import { nsgDenyFindings } from './nsg-deny'
import type { Rule } from './types'

export const kms013: Rule = {
  id: 'KMS013',
  title: 'Activation relies on the NSG platform exception',
  severity: 'notice',
  explanation:
    "The subnet's NSG (or a VM network interface's) denies KMS traffic, but Azure lets KMS out anyway through a platform rule that NSGs do " +
    'not see (NSG overview, "Azure platform considerations"). The exception ends as soon as the route table ' +
    'overrides `0.0.0.0/0` or a rule denies `AzurePlatformLKM`: a later change to routing would break ' +
    'activation with no change to this NSG.',
  fix: 'Allow TCP 1688 to the KMS addresses explicitly, before the deny rule.',
  check(ctx) {
    return nsgDenyFindings(
      kms013,
      ctx,
      true,
      (group) =>
        `. ${whoText(group)} still activate only because Azure lets KMS out ` +
        `through a platform rule NSGs do not see; a 0.0.0.0/0 route added later (firewall, forced tunnel) ends ` +
        `that and breaks activation. Allow TCP 1688 to the KMS addresses explicitly, before this rule.`,
    )
  },
}
