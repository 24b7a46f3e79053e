/** NSG denies of KMS, shared by KMS006 (exception off: activation breaks) and KMS013 (exception on). */
import { isKmsServiceTag, parseIpv4Prefix } from '../analysis/addresses'
import { displayName } from '../analysis/lookup'
import { overridesDefault } from '../analysis/nsg'
import { nicName } from '../analysis/routes'
import type { KmsPath } from '../analysis/types'
import { groupBy } from './findings'

/** Paths on which a custom NSG rule denies a current KMS address, grouped by that rule. */
export function nsgDenies(paths: KmsPath[], exception: boolean): KmsPath[][] {
  const denied = paths.filter(
    (p) =>
      p.kms.kind === 'current' &&
      p.nsg?.access === 'Deny' &&
      p.nsg.rule &&
      p.nsg.platformException === exception,
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
