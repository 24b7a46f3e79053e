/**
 * KMS006: the subnet's NSG denies outbound TCP 1688 to a current KMS address, and Azure's platform
 * exception (which lets KMS out past NSGs) is off because the route table overrides 0.0.0.0/0 or a rule
 * denies AzurePlatformLKM (NSG overview, "Azure platform considerations").
 */
import { whoText } from './findings'
import { exceptionOffReason, nsgDenyFindings } from './nsg-deny'
import type { Rule } from './types'

export const kms006: Rule = {
  id: 'KMS006',
  title: 'NSG denies KMS and no platform exception applies',
  severity: 'error',
  explanation:
    'Azure normally lets KMS traffic (TCP 1688 to the Azure KMS addresses) out through a platform rule that ' +
    'NSGs do not see, so a deny-all outbound NSG does not break activation. That exception is lost when the ' +
    "subnet's route table overrides `0.0.0.0/0` (forced tunnelling, a firewall) or an NSG rule denies the " +
    '`AzurePlatformLKM` service tag. Then the NSG deny applies and Windows VMs cannot activate. This holds ' +
    "for the subnet's NSG and for an NSG set on a VM's network interface (Azure applies both).",
  fix: 'Add an outbound NSG rule allowing TCP 1688 to the KMS addresses with a lower priority number than the deny.',
  check(ctx) {
    return nsgDenyFindings(
      kms006,
      ctx,
      false,
      (group, nsg) =>
        `, and Azure's platform exception for KMS does not apply because ${exceptionOffReason(group[0]!, nsg)}. ` +
        `${whoText(group)} cannot reach Azure KMS and fail to activate. ` +
        `Add an outbound rule allowing TCP 1688 to the KMS addresses with a lower priority number.`,
    )
  },
}
