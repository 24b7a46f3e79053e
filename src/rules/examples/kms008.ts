/**
 * KMS008's good and bad examples in Terraform, Bicep and ARM JSON: rendered into docs/rules.md and
 * run through the whole scan by test/rules/examples.test.ts. Not rule logic: the rule is in
 * ../kms008-no-outbound.ts.
 */
import { tfBase, tfPublicIp } from './hcl'
import { ARM_NAT_GATEWAY, ARM_NAT_ID, armExample, armSpokeVnet } from './arm'
import { BICEP_NAT_GATEWAY, bicepExample, bicepSpokeVnet, ref } from './bicep'
import type { RuleExample } from './types'

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

export const kms008Examples: RuleExample[] = [
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
        tfPublicIp('nat', 'pip-nat') +
        `
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
]
