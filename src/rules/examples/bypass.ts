/**
 * Examples of a forced tunnel (0.0.0.0/0 to the VPN gateway) with per-address KMS bypass routes, in
 * Terraform, Bicep and ARM JSON: the bad one bypasses only some of the addresses, the good one all three.
 * KMS005 and KMS009 differ only in which addresses the bad one leaves out.
 */
import { KMS_CATALOGUE } from '../../kms/catalogue'
import { tfBase, tfKmsBypass, tfRoute, tfSpokeRouteTable } from './hcl'
import { armExample, armRouted, kmsBypass, route } from './arm'
import { bicepExample, bicepRouted } from './bicep'
import type { RuleExample } from './types'

const PUBLIC = KMS_CATALOGUE.AzureCloud
const ALL = [...PUBLIC.current.addresses, ...PUBLIC.legacy.addresses]

export function bypassExamples(
  bad: { description: string; addresses: readonly string[] },
  good: { description: string },
): RuleExample[] {
  const forced = tfRoute('default-to-onprem', '0.0.0.0/0', 'VirtualNetworkGateway')
  const toGateway = route('default-to-onprem', '0.0.0.0/0', 'VirtualNetworkGateway')
  const badRoutes = [toGateway, ...kmsBypass([...bad.addresses])]
  const goodRoutes = [toGateway, ...kmsBypass(ALL)]
  return [
    {
      kind: 'bad',
      format: 'terraform',
      description: bad.description,
      files: { 'main.tf': tfBase() + tfSpokeRouteTable([forced, ...tfKmsBypass([...bad.addresses])]) },
    },
    {
      kind: 'good',
      format: 'terraform',
      description: good.description,
      files: { 'main.tf': tfBase() + tfSpokeRouteTable([forced, ...tfKmsBypass(ALL)]) },
    },
    bicepExample('bad', bad.description, bicepRouted(badRoutes)),
    bicepExample('good', good.description, bicepRouted(goodRoutes)),
    armExample('bad', bad.description, armRouted(badRoutes)),
    armExample('good', good.description, armRouted(goodRoutes)),
  ]
}
