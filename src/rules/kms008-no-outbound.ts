/**
 * KMS008: the subnet has default outbound access disabled (a private subnet), no NAT gateway and no
 * route sending KMS to a firewall or appliance: nothing takes the request to the Internet.
 */
import { addressesOf, groupBy, listText, makeFinding, subnetLabel } from './findings'
import type { Finding, Rule } from './types'

export const kms008: Rule = {
  id: 'KMS008',
  title: 'Subnet has no outbound path',
  severity: 'warning',
  explanation:
    'A subnet with default outbound access disabled (`default_outbound_access_enabled = false`, ' +
    '`defaultOutboundAccess: false`) has no implicit public IP for outbound traffic. Without a NAT gateway, a ' +
    'public IP on each VM, an outbound load balancer rule or a route to a firewall, KMS requests cannot leave ' +
    'Azure and Windows VMs cannot activate. (VMs with their own public IP still can: this is a warning.)',
  fix: 'Associate a NAT gateway with the subnet, route KMS through a firewall, or enable default outbound access.',
  check(ctx) {
    const findings: Finding[] = []
    const paths = ctx.analysis.paths.filter(
      (p) => p.outcome === 'noOutbound' && p.subnet && p.kms.kind === 'current',
    )
    for (const group of groupBy(paths, (p) => p.subnet!.id).values()) {
      const subnet = group[0]!.subnet!
      const addresses = addressesOf(group)
      const message =
        `Subnet ${subnetLabel(subnet)} has default outbound access disabled, no NAT gateway and no route sending ` +
        `Azure KMS traffic (${listText(addresses)}, TCP 1688) to a firewall, so Windows VMs in it have no way to ` +
        `reach Azure KMS unless each has its own public IP or an outbound load balancer rule. Associate a NAT ` +
        `gateway, route KMS through a firewall, or enable default outbound access.`
      findings.push(
        makeFinding(kms008, ctx, subnet, {
          message,
          kmsAddresses: addresses,
          path: group[0]!.text,
          subnets: [subnetLabel(subnet)],
          fix: { kind: 'add-outbound', subnet },
        }),
      )
    }
    return findings
  },
}
