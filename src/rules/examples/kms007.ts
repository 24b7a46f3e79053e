/**
 * KMS007's good and bad examples in Terraform, Bicep and ARM JSON: rendered into docs/rules.md and
 * run through the whole scan by test/rules/examples.test.ts. Not rule logic: the rule is in
 * ../kms007-fqdn-without-dns-proxy.ts.
 */
import { KMS_CATALOGUE } from '../../kms/catalogue'
import { tfBase, tfHubFirewall, TF_ROUTE_TO_FIREWALL } from './hcl'
import {
  ARM_ROUTE_TO_FIREWALL,
  ARM_SPOKE_WITH_ROUTES,
  armExample,
  armHubFirewall,
  networkCollection,
  route,
} from './arm'
import { BICEP_FIREWALL_IP, bicepExample, bicepHubFirewall, bicepRouted } from './bicep'
import type { RuleExample } from './types'

const FQDN_RULE = `  network_rule_collection {
    name     = "allow-azure-kms"
    priority = 100
    action   = "Allow"

    rule {
      name              = "azure-kms"
      protocols         = ["TCP"]
      source_addresses  = ["10.1.0.0/16"]
      destination_fqdns = ["${KMS_CATALOGUE.AzureCloud.current.fqdn}"]
      destination_ports = ["1688"]
    }
  }`

const FQDN_COLLECTION = networkCollection({
  name: 'allow-azure-kms',
  priority: 100,
  fqdns: [KMS_CATALOGUE.AzureCloud.current.fqdn],
  ports: ['1688'],
})
const DNS_PROXY = { dnsSettings: { enableProxy: true } }
const BICEP_TO_FIREWALL = bicepRouted([
  route('default-via-firewall', '0.0.0.0/0', 'VirtualAppliance', BICEP_FIREWALL_IP),
])
const ARM_TO_FIREWALL = [ARM_ROUTE_TO_FIREWALL, ARM_SPOKE_WITH_ROUTES]
const TEMPLATE_EXAMPLES: RuleExample[] = [
  bicepExample('bad', 'The policy allows azkms.core.windows.net by name, DNS proxy off.', [
    ...BICEP_TO_FIREWALL,
    ...bicepHubFirewall([FQDN_COLLECTION]),
  ]),
  bicepExample('good', 'The same rule with DNS proxy enabled on the policy.', [
    ...BICEP_TO_FIREWALL,
    ...bicepHubFirewall([FQDN_COLLECTION], DNS_PROXY),
  ]),
  armExample('bad', 'The policy allows azkms.core.windows.net by name, DNS proxy off.', [
    ...ARM_TO_FIREWALL,
    ...armHubFirewall([FQDN_COLLECTION]),
  ]),
  armExample('good', 'The same rule with DNS proxy enabled on the policy.', [
    ...ARM_TO_FIREWALL,
    ...armHubFirewall([FQDN_COLLECTION], DNS_PROXY),
  ]),
]

export const kms007Examples: RuleExample[] = [
  {
    kind: 'bad',
    format: 'terraform',
    description: 'The policy allows azkms.core.windows.net by name, DNS proxy off.',
    files: { 'main.tf': tfBase() + TF_ROUTE_TO_FIREWALL + tfHubFirewall(FQDN_RULE) },
  },
  {
    kind: 'good',
    format: 'terraform',
    description: 'The same rule with DNS proxy enabled on the policy.',
    files: {
      'main.tf':
        tfBase() +
        TF_ROUTE_TO_FIREWALL +
        tfHubFirewall(FQDN_RULE, '\n  dns {\n    proxy_enabled = true\n  }\n'),
    },
  },
  ...TEMPLATE_EXAMPLES,
]
