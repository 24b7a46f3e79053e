/**
 * KMS008: the subnet has default outbound access disabled (a private subnet), no NAT gateway and no
 * route sending KMS to a firewall or appliance: nothing takes the request to the Internet.
 */
import { addressesOf, groupBy, listText, makeFinding, subnetLabel, withPath } from './findings'
import { tfBase } from './example-hcl'
import { ARM_NAT_GATEWAY, ARM_NAT_ID, armExample, armSpokeVnet } from './example-arm'
import { BICEP_NAT_GATEWAY, bicepExample, bicepSpokeVnet, ref } from './example-bicep'
import type { Finding, Rule, RuleExample } from './types'

const PRIVATE = '  default_outbound_access_enabled = false'

const TEMPLATE_EXAMPLES: RuleExample[] = [
  bicepExample('bad', 'A private subnet with nothing to take traffic out.', [
    bicepSpokeVnet({ defaultOutboundAccess: false }),
  ]),
  bicepExample('good', 'The private subnet goes out through a NAT gateway.', [
    bicepSpokeVnet({ defaultOutboundAccess: false, natGateway: { id: ref('natSpoke.id') } }),
    ...BICEP_NAT_GATEWAY,
  ]),
  armExample('bad', 'A private subnet with nothing to take traffic out.', [
    armSpokeVnet({ defaultOutboundAccess: false }),
  ]),
  armExample('good', 'The private subnet goes out through a NAT gateway.', [
    armSpokeVnet({ defaultOutboundAccess: false, natGateway: { id: ARM_NAT_ID } }, [ARM_NAT_ID]),
    ...ARM_NAT_GATEWAY,
  ]),
]

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
  examples: [
    {
      kind: 'bad',
      format: 'terraform',
      description: 'A private subnet with nothing to take traffic out.',
      files: { 'main.tf': tfBase(PRIVATE) },
    },
    {
      kind: 'good',
      format: 'terraform',
      description: 'The private subnet goes out through a NAT gateway.',
      files: {
        'main.tf':
          tfBase(PRIVATE) +
          `
resource "azurerm_public_ip" "nat" {
  name                = "pip-nat"
  location            = azurerm_resource_group.net.location
  resource_group_name = azurerm_resource_group.net.name
  allocation_method   = "Static"
  sku                 = "Standard"
}

resource "azurerm_nat_gateway" "spoke" {
  name                = "ng-spoke"
  location            = azurerm_resource_group.net.location
  resource_group_name = azurerm_resource_group.net.name
}

resource "azurerm_nat_gateway_public_ip_association" "spoke" {
  nat_gateway_id       = azurerm_nat_gateway.spoke.id
  public_ip_address_id = azurerm_public_ip.nat.id
}

resource "azurerm_subnet_nat_gateway_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  nat_gateway_id = azurerm_nat_gateway.spoke.id
}
`,
      },
    },
    ...TEMPLATE_EXAMPLES,
  ],
  check(ctx) {
    const findings: Finding[] = []
    const paths = ctx.analysis.paths.filter(
      (p) => p.outcome === 'noOutbound' && p.subnet && p.kms.kind === 'current',
    )
    for (const group of groupBy(paths, (p) => p.subnet!.id).values()) {
      const subnet = group[0]!.subnet!
      const addresses = addressesOf(group)
      const message = withPath(
        `Subnet ${subnetLabel(subnet)} has default outbound access disabled, no NAT gateway and no route sending ` +
          `Azure KMS traffic (${listText(addresses)}, TCP 1688) to a firewall, so Windows VMs in it have no way to ` +
          `reach Azure KMS unless each has its own public IP or an outbound load balancer rule. Associate a NAT ` +
          `gateway, route KMS through a firewall, or enable default outbound access.`,
        group,
      )
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
