/**
 * KMS010's good and bad examples in Terraform, Bicep and ARM JSON: rendered into docs/rules.md and
 * run through the whole scan by test/rules/examples.test.ts. Not rule logic: the rule is in
 * ../kms010-other-cloud.ts.
 */
import { KMS_CATALOGUE } from '../../kms/catalogue'
import { tfBase, tfKmsBypass, tfRoute, tfSpokeRouteTable } from './hcl'
import { armExample, armRouted, kmsBypass, nsgRule, route, armAppNsg } from './arm'
import { bicepAppNsg, bicepExample, bicepRouted } from './bicep'
import type { RuleExample } from './types'

const GOV = KMS_CATALOGUE.AzureUSGovernment
const PUBLIC = KMS_CATALOGUE.AzureCloud
const FORCED = tfRoute('default-to-onprem', '0.0.0.0/0', 'VirtualNetworkGateway')
const GOV_ALL = [...GOV.current.addresses, ...GOV.legacy.addresses]

const TO_GATEWAY = route('default-to-onprem', '0.0.0.0/0', 'VirtualNetworkGateway')
const COPIED = [TO_GATEWAY, ...kmsBypass([...PUBLIC.current.addresses, ...GOV_ALL])]
const GOV_BYPASS = [TO_GATEWAY, ...kmsBypass(GOV_ALL)]
const GOV_NSG_ALLOW = nsgRule({
  name: 'allow-azure-kms',
  priority: 100,
  access: 'Allow',
  destinations: GOV_ALL,
  port: '1688',
})
const GOV_CLOUD = { cloud: 'AzureUSGovernment' as const }
const TEMPLATE_EXAMPLES: RuleExample[] = [
  bicepExample(
    'bad',
    'A public-cloud network with the US Government KMS bypass copied in.',
    bicepRouted(COPIED),
  ),
  bicepExample(
    'bad',
    'An NSG rule allowing KMS names the US Government addresses.',
    bicepAppNsg([GOV_NSG_ALLOW]),
  ),
  bicepExample(
    'good',
    'The same bypass in a US Government network, scanned as AzureUSGovernment.',
    bicepRouted(GOV_BYPASS),
    [],
    GOV_CLOUD,
  ),
  armExample('bad', 'A public-cloud network with the US Government KMS bypass copied in.', armRouted(COPIED)),
  armExample(
    'bad',
    'An NSG rule allowing KMS names the US Government addresses.',
    armAppNsg([GOV_NSG_ALLOW]),
  ),
  armExample(
    'good',
    'The same bypass in a US Government network, scanned as AzureUSGovernment.',
    armRouted(GOV_BYPASS),
    {},
    GOV_CLOUD,
  ),
]

export const kms010Examples: RuleExample[] = [
  {
    kind: 'bad',
    format: 'terraform',
    description: 'A public-cloud network with the US Government KMS bypass copied in.',
    files: {
      'main.tf':
        tfBase() + tfSpokeRouteTable([FORCED, ...tfKmsBypass([...PUBLIC.current.addresses, ...GOV_ALL])]),
    },
  },
  {
    kind: 'good',
    format: 'terraform',
    description: 'The same bypass in a US Government network, scanned as AzureUSGovernment.',
    cloud: 'AzureUSGovernment',
    files: { 'main.tf': tfBase('', 'usgovernment') + tfSpokeRouteTable([FORCED, ...tfKmsBypass(GOV_ALL)]) },
  },
  ...TEMPLATE_EXAMPLES,
]
