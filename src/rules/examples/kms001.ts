/**
 * KMS001's good and bad examples in Terraform, Bicep and ARM JSON: rendered into docs/rules.md and
 * run through the whole scan by test/rules/examples.test.ts. Not rule logic: the rule is in
 * ../kms001-forced-tunnel.ts.
 */
import { KMS_CATALOGUE } from '../../kms/catalogue'
import { tfBase, tfKmsBypass, tfRoute, tfSpokeRouteTable } from './hcl'
import { armChildRoutes, armExample, armRouted, kmsBypass, route } from './arm'
import { bicepChildRoutes, bicepExample, bicepRouted } from './bicep'
import type { RuleExample } from './types'

const PUBLIC = KMS_CATALOGUE.AzureCloud
const ALL = [...PUBLIC.current.addresses, ...PUBLIC.legacy.addresses]
const FORCED = tfRoute('default-to-onprem', '0.0.0.0/0', 'VirtualNetworkGateway')

const TO_GATEWAY = route('default-to-onprem', '0.0.0.0/0', 'VirtualNetworkGateway')
const TEMPLATE_EXAMPLES: RuleExample[] = [
  bicepExample('bad', 'Forced tunnel with no KMS bypass routes.', bicepRouted([TO_GATEWAY])),
  bicepExample(
    'bad',
    'Forced tunnel that bypasses only the old KMS address.',
    bicepRouted([TO_GATEWAY, ...kmsBypass(PUBLIC.legacy.addresses)]),
  ),
  bicepExample(
    'good',
    'Forced tunnel with a /32 Internet route for every KMS address.',
    bicepRouted([TO_GATEWAY, ...kmsBypass(ALL)]),
  ),
  bicepExample('good', 'The bypass routes as child resources of the route table.', [
    ...bicepRouted([TO_GATEWAY]),
    ...bicepChildRoutes('rtSpoke', kmsBypass(ALL)),
  ]),
  armExample('bad', 'Forced tunnel with no KMS bypass routes.', armRouted([TO_GATEWAY])),
  armExample(
    'bad',
    'Forced tunnel that bypasses only the old KMS address.',
    armRouted([TO_GATEWAY, ...kmsBypass(PUBLIC.legacy.addresses)]),
  ),
  armExample(
    'good',
    'Forced tunnel with a /32 Internet route for every KMS address.',
    armRouted([TO_GATEWAY, ...kmsBypass(ALL)]),
  ),
  armExample('good', 'The bypass routes as routeTables/routes resources.', [
    ...armRouted([TO_GATEWAY]),
    ...armChildRoutes('rt-spoke', kmsBypass(ALL)),
  ]),
]

export const kms001Examples: RuleExample[] = [
  {
    kind: 'bad',
    format: 'terraform',
    description: 'Forced tunnel with no KMS bypass routes.',
    files: { 'main.tf': tfBase() + tfSpokeRouteTable([FORCED]) },
  },
  {
    kind: 'bad',
    format: 'terraform',
    description: 'Forced tunnel that bypasses only the old KMS address.',
    files: {
      'main.tf': tfBase() + tfSpokeRouteTable([FORCED, ...tfKmsBypass([PUBLIC.legacy.addresses[0]!])]),
    },
  },
  {
    kind: 'good',
    format: 'terraform',
    description: 'Forced tunnel with a /32 Internet route for every KMS address.',
    files: { 'main.tf': tfBase() + tfSpokeRouteTable([FORCED, ...tfKmsBypass(ALL)]) },
  },
  ...TEMPLATE_EXAMPLES,
]
