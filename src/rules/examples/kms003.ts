/**
 * KMS003's good and bad examples in Terraform, Bicep and ARM JSON: rendered into docs/rules.md and
 * run through the whole scan by test/rules/examples.test.ts. Not rule logic: the rule is in
 * ../kms003-firewall-denies.ts.
 */
import { KMS_CATALOGUE } from '../../kms/catalogue'
import { tfBase, tfHubFirewall, TF_ROUTE_TO_FIREWALL } from './hcl'
import {
  ARM_ROUTE_TO_FIREWALL,
  ARM_SPOKE_WITH_ROUTES,
  armExample,
  armHubFirewall,
  networkCollection as collection,
} from './arm'
import { BICEP_FIREWALL_IP, bicepExample, bicepHubFirewall, bicepRouted } from './bicep'
import { route } from './arm'
import type { RuleExample } from './types'

const PUBLIC = KMS_CATALOGUE.AzureCloud
const ALL = [...PUBLIC.current.addresses, ...PUBLIC.legacy.addresses]

/** A Terraform network rule collection allowing TCP to `destinations` on `ports`. */
function tfNetworkCollection(
  name: string,
  priority: number,
  destinations: string[],
  ports: string[],
): string {
  return `  network_rule_collection {
    name     = "${name}"
    priority = ${priority}
    action   = "Allow"

    rule {
      name                  = "${name}"
      protocols             = ["TCP"]
      source_addresses      = ["10.1.0.0/16"]
      destination_addresses = [${destinations.map((d) => `"${d}"`).join(', ')}]
      destination_ports     = [${ports.map((p) => `"${p}"`).join(', ')}]
    }
  }`
}

const HTTPS_ONLY = collection({ name: 'allow-https', priority: 200, destinations: ['*'], ports: ['443'] })
const KMS_ALLOWED = collection({ name: 'allow-azure-kms', priority: 100, destinations: ALL, ports: ['1688'] })
const DENY_FIRST = collection({
  name: 'deny-all',
  priority: 100,
  destinations: ['*'],
  ports: ['*'],
  action: 'Deny',
})
const KMS_AFTER = collection({ name: 'allow-azure-kms', priority: 300, destinations: ALL, ports: ['1688'] })
const BICEP_TO_FIREWALL = bicepRouted([
  route('default-via-firewall', '0.0.0.0/0', 'VirtualAppliance', BICEP_FIREWALL_IP),
])
const ARM_TO_FIREWALL = [ARM_ROUTE_TO_FIREWALL, ARM_SPOKE_WITH_ROUTES]
const TEMPLATE_EXAMPLES: RuleExample[] = [
  bicepExample('bad', 'Spoke traffic goes to the hub firewall, which only allows HTTPS.', [
    ...BICEP_TO_FIREWALL,
    ...bicepHubFirewall([HTTPS_ONLY]),
  ]),
  bicepExample('bad', 'A deny-all collection is processed before the KMS allow.', [
    ...BICEP_TO_FIREWALL,
    ...bicepHubFirewall([DENY_FIRST, KMS_AFTER]),
  ]),
  bicepExample('good', 'The hub firewall allows TCP 1688 to the KMS addresses.', [
    ...BICEP_TO_FIREWALL,
    ...bicepHubFirewall([KMS_ALLOWED, HTTPS_ONLY]),
  ]),
  armExample('bad', 'Spoke traffic goes to the hub firewall, which only allows HTTPS.', [
    ...ARM_TO_FIREWALL,
    ...armHubFirewall([HTTPS_ONLY]),
  ]),
  armExample('bad', 'A deny-all collection is processed before the KMS allow.', [
    ...ARM_TO_FIREWALL,
    ...armHubFirewall([DENY_FIRST, KMS_AFTER]),
  ]),
  armExample('good', 'The hub firewall allows TCP 1688 to the KMS addresses.', [
    ...ARM_TO_FIREWALL,
    ...armHubFirewall([KMS_ALLOWED, HTTPS_ONLY]),
  ]),
]

export const kms003Examples: RuleExample[] = [
  {
    kind: 'bad',
    format: 'terraform',
    description: 'Spoke traffic goes to the hub firewall, which only allows HTTPS.',
    files: {
      'main.tf':
        tfBase() +
        TF_ROUTE_TO_FIREWALL +
        tfHubFirewall(tfNetworkCollection('allow-https', 200, ['*'], ['443'])),
    },
  },
  {
    kind: 'good',
    format: 'terraform',
    description: 'The hub firewall allows TCP 1688 to the KMS addresses.',
    files: {
      'main.tf':
        tfBase() +
        TF_ROUTE_TO_FIREWALL +
        tfHubFirewall(tfNetworkCollection('allow-azure-kms', 100, ALL, ['1688'])),
    },
  },
  ...TEMPLATE_EXAMPLES,
]
