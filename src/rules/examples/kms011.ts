/**
 * KMS011's good and bad examples in Terraform, Bicep and ARM JSON: rendered into docs/rules.md and
 * run through the whole scan by test/rules/examples.test.ts. Not rule logic: the rule is in
 * ../kms011-unresolved.ts.
 */
import { tfBase, tfSpokeRouteTable } from './hcl'
import { armExample, armRouted, expr, route } from './arm'
import { bicepExample, bicepRouted, ref } from './bicep'
import type { RuleExample } from './types'

const ROUTE_WITH_VAR = `  route {
    name           = "default"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = var.default_next_hop
  }`

const BICEP_PARAM_HOP = route('default', '0.0.0.0/0', ref('defaultNextHop'))
const ARM_PARAM_HOP = route('default', '0.0.0.0/0', expr("parameters('defaultNextHop')"))
const TEMPLATE_EXAMPLES: RuleExample[] = [
  bicepExample(
    'bad',
    'The default route’s next hop comes from a parameter with no default and no parameter file.',
    bicepRouted([BICEP_PARAM_HOP]),
    ["@description('Next hop of the default route.')", 'param defaultNextHop string'],
  ),
  bicepExample('bad', 'The next hop address is an output of a registry module the scan cannot read.', [
    `module hubFirewall 'br:contoso.azurecr.io/bicep/network/hub-firewall:1.2.0' = {
  name: 'hub-firewall'
  params: {
    location: location
  }
}
`,
    ...bicepRouted([
      route('default-via-firewall', '0.0.0.0/0', 'VirtualAppliance', ref('hubFirewall.outputs.privateIp')),
    ]),
  ]),
  bicepExample('good', 'The parameter has a default the scan can use.', bicepRouted([BICEP_PARAM_HOP]), [
    "@description('Next hop of the default route.')",
    "param defaultNextHop string = 'Internet'",
  ]),
  bicepExample(
    'good',
    'The parameter gets its value from a .bicepparam file.',
    bicepRouted([BICEP_PARAM_HOP]),
    ['param defaultNextHop string'],
    { files: { 'main.bicepparam': "using 'main.bicep'\n\nparam defaultNextHop = 'Internet'\n" } },
  ),
  armExample(
    'bad',
    'The default route’s next hop comes from a parameter with no default value.',
    armRouted([ARM_PARAM_HOP]),
    {
      defaultNextHop: { type: 'string' },
    },
  ),
  armExample(
    'bad',
    'The next hop address is read with reference() from a firewall in another resource group.',
    armRouted([
      route(
        'default-via-firewall',
        '0.0.0.0/0',
        'VirtualAppliance',
        expr(
          "reference(resourceId('rg-hub', 'Microsoft.Network/azureFirewalls', 'afw-hub'), '2023-09-01').ipConfigurations[0].properties.privateIPAddress",
        ),
      ),
    ]),
  ),
  armExample('good', 'The parameter has a default value the scan can use.', armRouted([ARM_PARAM_HOP]), {
    defaultNextHop: { type: 'string', defaultValue: 'Internet' },
  }),
  armExample(
    'good',
    'The parameter gets its value from a parameter file.',
    armRouted([ARM_PARAM_HOP]),
    { defaultNextHop: { type: 'string' } },
    {
      files: {
        'azuredeploy.parameters.json': `${JSON.stringify(
          {
            $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
            contentVersion: '1.0.0.0',
            parameters: { defaultNextHop: { value: 'Internet' } },
          },
          null,
          2,
        )}\n`,
      },
    },
  ),
]

export const kms011Examples: RuleExample[] = [
  {
    kind: 'bad',
    format: 'terraform',
    description: 'The default route’s next hop comes from a variable with no value.',
    files: {
      'main.tf':
        tfBase() +
        '\nvariable "default_next_hop" {\n  type = string\n}\n' +
        tfSpokeRouteTable([ROUTE_WITH_VAR]),
    },
  },
  {
    kind: 'good',
    format: 'terraform',
    description: 'The variable has a default the scan can use.',
    files: {
      'main.tf':
        tfBase() +
        '\nvariable "default_next_hop" {\n  type    = string\n  default = "Internet"\n}\n' +
        tfSpokeRouteTable([ROUTE_WITH_VAR]),
    },
  },
  ...TEMPLATE_EXAMPLES,
]
