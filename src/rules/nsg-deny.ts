/** NSG denies of KMS, shared by KMS006 (exception off: activation breaks) and KMS013 (exception on). */
import { isKmsServiceTag, parseIpv4Prefix } from '../analysis/addresses'
import { displayName } from '../analysis/lookup'
import { overridesDefault } from '../analysis/nsg'
import { nicName } from '../analysis/routes'
import type { KmsPath } from '../analysis/types'
import { addressesOf, allAddresses, groupBy, listText, makeFinding, pathParts } from './findings'
import type { Finding, Rule, RuleContext } from './types'

/** Paths on which a custom NSG rule denies a current KMS address, grouped by that rule. */
function nsgDenies(paths: KmsPath[], exception: boolean): KmsPath[][] {
  const denied = paths.filter(
    (p) =>
      p.kms.kind === 'current' &&
      p.nsg?.access === 'Deny' &&
      p.nsg.rule &&
      p.nsg.platformException === exception &&
      // A security admin rule that decides (AlwaysAllow, Deny) comes before the NSG: its deny does not count.
      !(p.securityAdmin?.rule && p.securityAdmin.access !== 'Allow'),
  )
  return [...groupBy(denied, (p) => p.nsg!.rule!.id).values()]
}

/** Why Azure's platform exception for KMS does not apply on this path. */
export function exceptionOffReason(p: KmsPath): string {
  const override = p.routeTable?.routes.find((r) => {
    const pre = r.addressPrefix.known ? parseIpv4Prefix(r.addressPrefix.value) : undefined
    return pre?.bits === 0
  })
  if (override)
    return `route table ${displayName(p.routeTable!)} overrides 0.0.0.0/0 (route ${displayName(override)})`
  // Live state: a 0.0.0.0/0 among the subnet's effective routes, most likely learned over BGP.
  const effective = p.selection.effective?.routes.find(overridesDefault)
  if (effective)
    return (
      `the subnet's effective routes (NIC ${nicName(p.selection.effective!.nicId)}) override 0.0.0.0/0 with a ` +
      `${effective.source === 'VirtualNetworkGateway' ? 'route learned over BGP' : 'deployed user route'}`
    )
  const lkm = p.nsg?.nsg.rules.find(
    (r) => r.destinationAddressPrefixes.known && r.destinationAddressPrefixes.value.some(isKmsServiceTag),
  )
  return lkm
    ? `rule ${displayName(lkm)} denies the AzurePlatformLKM service tag`
    : 'the platform exception is off'
}

/**
 * One finding per NSG rule that denies KMS with the platform exception `exception`: the message names the
 * rule and the addresses, and `consequence` says what follows; the fix allows KMS before the rule.
 */
export function nsgDenyFindings(
  rule: Rule,
  ctx: RuleContext,
  exception: boolean,
  consequence: (group: KmsPath[]) => string,
): Finding[] {
  return nsgDenies(ctx.analysis.paths, exception).map((group) => {
    const p = group[0]!
    const deny = p.nsg!.rule!
    const addresses = addressesOf(group)
    const message =
      `The NSG rule ${displayName(deny)} in ${displayName(p.nsg!.nsg)} denies outbound TCP 1688 to ` +
      `${listText(addresses)} (Azure KMS)${consequence(group)}`
    return makeFinding(rule, ctx, deny, {
      message,
      kmsAddresses: addresses,
      ...pathParts(group),
      fix: { kind: 'allow-kms-nsg', deny, addresses: allAddresses(ctx.cloud) },
    })
  })
}
