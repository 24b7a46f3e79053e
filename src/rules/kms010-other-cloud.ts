/**
 * KMS010: a route or rule names the KMS endpoint of another Azure cloud than the one scanned (copied from
 * a Government or China template, or the wrong cloud was chosen). It does nothing for activation here.
 */
import { displayName } from '../analysis/lookup'
import { KMS_CATALOGUE } from '../kms/catalogue'
import { tfBase, tfKmsBypass, tfRoute, tfSpokeRouteTable } from './example-hcl'
import { groupBy, listText, makeFinding, unique } from './findings'
import { kmsReferences } from './kms-references'
import { armExample, armRouted, kmsBypass, nsgRule, route, armAppNsg } from './example-arm'
import { bicepAppNsg, bicepExample, bicepRouted } from './example-bicep'
import type { Finding, Rule, RuleExample } from './types'

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

export const kms010: Rule = {
  id: 'KMS010',
  title: 'Route or rule names the KMS endpoint of another cloud',
  severity: 'warning',
  explanation:
    'Each Azure cloud has its own KMS endpoint (public: `azkms.core.windows.net`, US Government: ' +
    '`azkms.core.usgovcloudapi.net`, China: `azkms.core.chinacloudapi.cn`). A route or rule naming another ' +
    "cloud's addresses does not let this cloud's KMS traffic out: the bypass you meant to add is missing.",
  fix: "Name the scanned cloud's KMS addresses instead (or scan with the right `cloud`).",
  examples: [
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
  ],
  check(ctx) {
    const findings: Finding[] = []
    const own = KMS_CATALOGUE[ctx.cloud]
    const refs = kmsReferences(ctx.model).filter((r) => r.named.some((n) => n.cloud !== ctx.cloud))
    // Routes of one table are one resource: one finding for the table's foreign routes.
    const groups = groupBy(refs, (r) => (r.kind === 'route' ? `table:${r.object.routeTableId}` : r.object.id))
    for (const group of groups.values()) {
      const r = group[0]!
      const foreign = group.flatMap((g) => g.named.filter((n) => n.cloud !== ctx.cloud))
      const names = group.map((g) => displayName(g.object))
      const clouds = unique(foreign.map((n) => n.cloud))
      const what =
        r.kind === 'route'
          ? group.length > 1
            ? 'routes'
            : 'route'
          : r.kind === 'nsg'
            ? 'NSG rule'
            : 'firewall network rule'
      const message =
        `The ${what} ${listText(names)} ${group.length > 1 ? 'name' : 'names'} ${listText(unique(foreign.map((n) => n.text)))}, the KMS endpoint of ` +
        `${listText(clouds)}, but this network is scanned as ${ctx.cloud}, whose Windows VMs activate against ` +
        `${own.current.fqdn} (${listText([...own.current.addresses])}). It does nothing for activation here. ` +
        `Name ${listText([...own.current.addresses, ...own.legacy.addresses])} instead, or scan with the right cloud.`
      findings.push(
        makeFinding(kms010, ctx, r.object, {
          message,
          kmsAddresses: unique(foreign.flatMap((n) => n.addresses)),
        }),
      )
    }
    return findings
  },
}
