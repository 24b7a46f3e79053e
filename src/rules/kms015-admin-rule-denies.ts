/**
 * KMS015: an Azure Virtual Network Manager security admin rule denies outbound TCP 1688 to a current KMS
 * address for a subnet's VNet. Admin rules are evaluated before NSGs: no NSG rule can allow it back.
 */
import { displayName } from '../analysis/lookup'
import type { KmsPath } from '../analysis/types'
import type { AdminRule } from '../model/network'
import { addressesOf, groupBy, listText, makeFinding, pathParts } from './findings'
import type { Finding, Rule } from './types'

/** The admin rule that may deny the path: deciding (blocked) or open (a Deny that may apply). */
function denyingRule(p: KmsPath): { rule: AdminRule; sure: boolean } | undefined {
  const a = p.securityAdmin
  if (!a) return undefined
  if (a.access === 'Deny' && a.rule && p.verdict === 'blocked') return { rule: a.rule, sure: true }
  // A Deny that decides while Azure's platform exception for KMS may be in force: undecided, named.
  if (a.access === 'Deny' && a.rule && p.verdict === 'unknown') return { rule: a.rule, sure: false }
  const open = a.open.find((o) => o.access === 'Deny')
  if (open && p.verdict === 'unknown') return { rule: open.rule, sure: false }
  return undefined
}

export const kms015: Rule = {
  id: 'KMS015',
  title: 'A Virtual Network Manager security admin rule denies KMS traffic',
  severity: 'error',
  explanation:
    'Azure Virtual Network Manager security admin rules are evaluated before network security groups. A Deny ' +
    'that matches outbound TCP 1688 to the KMS addresses drops the traffic whatever the subnet’s NSG allows, ' +
    'so Windows VMs in the VNets of the rule’s network groups cannot activate. A rule whose configuration is ' +
    'not seen committed, or whose group gets its members from Azure Policy, may apply: it is named, and the ' +
    'subnet is undecided. Azure lets KMS out through a platform rule NSGs do not see while no route overrides ' +
    '0.0.0.0/0 (NSG overview, "Azure platform considerations"); whether that rule also passes a security admin ' +
    'Deny is not documented, so there the Deny is named and the subnet is undecided.',
  fix:
    'Add a security admin rule with a lower priority number that lets TCP 1688 to the KMS addresses out: ' +
    '`AlwaysAllow` (the NSG is not consulted) or `Allow` (the NSG decides). Then commit the configuration.',
  check(ctx) {
    const findings: Finding[] = []
    const paths = ctx.analysis.paths.filter((p) => p.kms.kind === 'current' && denyingRule(p))
    for (const group of groupBy(paths, (p) => denyingRule(p)!.rule.id).values()) {
      const { rule, sure } = denyingRule(group[0]!)!
      const parts = pathParts(group)
      const who = parts.subnets?.length ? `Windows VMs in ${listText(parts.subnets)}` : 'Windows VMs'
      const message = sure
        ? `Security admin rule ${displayName(rule)} (Azure Virtual Network Manager) denies outbound TCP 1688 to ` +
          `${listText(addressesOf(group))}. Admin rules are evaluated before NSGs, so no NSG rule lets it through: ` +
          `${who} cannot activate Windows. Add a higher-priority admin rule (lower number) that allows TCP 1688 ` +
          'to the KMS addresses (AlwaysAllow, or Allow to let the NSG decide), and commit the configuration.'
        : `Security admin rule ${displayName(rule)} (Azure Virtual Network Manager) denies outbound TCP 1688 to ` +
          `${listText(addressesOf(group))} if it applies to ${who.replace('Windows VMs in ', '')}: ` +
          `${group[0]!.unknowns.map((u) => u.value.reason ?? u.value.expression).join('; ')}. If it does, ` +
          'activation fails whatever the NSG allows; allow TCP 1688 to the KMS addresses in a higher-priority admin rule.'
      findings.push(makeFinding(kms015, ctx, rule, { message, kmsAddresses: addressesOf(group), ...parts }))
    }
    return findings
  },
}
