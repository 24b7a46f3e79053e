/** NSG denies of KMS, shared by KMS006 (exception off: activation breaks) and KMS013 (exception on). */
import { isKmsServiceTag, parseIpv4Prefix } from '../analysis/addresses'
import { displayName } from '../analysis/lookup'
import { overridesDefault } from '../analysis/nsg'
import { nicName } from '../analysis/routes'
import type { KmsPath, NsgVerdict } from '../analysis/types'
import type { NetworkInterface } from '../model/network'
import { addressesOf, allAddresses, groupBy, listText, makeFinding, pathParts } from './findings'
import type { Finding, Rule, RuleContext } from './types'

/** A custom NSG rule denying a current KMS address on a path: the subnet's NSG, or one set on its NICs. */
interface Denial {
  path: KmsPath
  verdict: NsgVerdict
  /** Set for an NSG on network interfaces: their VMs are the ones harmed. */
  nics?: NetworkInterface[]
}

/** Denials of KMS with the platform exception `exception`, grouped by the denying rule. */
function nsgDenies(paths: KmsPath[], exception: boolean): Denial[][] {
  const denied: Denial[] = []
  const denies = (v: NsgVerdict) => v.access === 'Deny' && v.rule && v.platformException === exception
  for (const p of paths) {
    // A security admin rule that decides (AlwaysAllow, Deny) comes before the NSGs: their denies do not count.
    if (p.kms.kind !== 'current' || (p.securityAdmin?.rule && p.securityAdmin.access !== 'Allow')) continue
    if (p.nsg && denies(p.nsg)) denied.push({ path: p, verdict: p.nsg })
    for (const l of p.nicNsgs ?? [])
      if (l.placed && denies(l.verdict)) denied.push({ path: p, verdict: l.verdict, nics: l.nics })
  }
  return [...groupBy(denied, (d) => d.verdict.rule!.id).values()]
}

/** Why Azure's platform exception for KMS does not apply on this path. */
export function exceptionOffReason(p: KmsPath, nsg: NsgVerdict | undefined = p.nsg): string {
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
  const lkm = nsg?.nsg.rules.find(
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
  consequence: (group: KmsPath[], nsg: NsgVerdict) => string,
): Finding[] {
  return nsgDenies(ctx.analysis.paths, exception).map((denials) => {
    const group = denials.map((d) => d.path)
    const { verdict, nics } = denials[0]!
    const deny = verdict.rule!
    const addresses = addressesOf(group)
    const on = nics
      ? ` (set on network interface${nics.length > 1 ? 's' : ''} ${listText(nics.map(displayName))})`
      : ''
    const message =
      `The NSG rule ${displayName(deny)} in ${displayName(verdict.nsg)}${on} denies outbound TCP 1688 to ` +
      `${listText(addresses)} (Azure KMS)${consequence(group, verdict)}`
    return makeFinding(rule, ctx, deny, {
      message,
      kmsAddresses: addresses,
      ...pathParts(group),
      fix: { kind: 'allow-kms-nsg', deny, addresses: allAddresses(ctx.cloud) },
    })
  })
}
