/**
 * KMS007: an Azure Firewall network rule names a KMS FQDN, but DNS proxy is off. Network rules match
 * FQDNs only when the firewall resolves them itself (DNS proxy on); otherwise the rule never matches.
 */
import { displayName } from '../analysis/lookup'
import { KMS_CATALOGUE } from '../kms/catalogue'
import { tfBase, tfHubFirewall, TF_ROUTE_TO_FIREWALL } from './example-hcl'
import { listText, makeFinding, unique } from './findings'
import { kmsReferences } from './kms-references'
import {
  ARM_ROUTE_TO_FIREWALL,
  ARM_SPOKE_WITH_ROUTES,
  armExample,
  armHubFirewall,
  networkCollection,
  route,
} from './example-arm'
import { BICEP_FIREWALL_IP, bicepExample, bicepHubFirewall, bicepRouted } from './example-bicep'
import type { Finding, Rule, RuleExample } from './types'

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

export const kms007: Rule = {
  id: 'KMS007',
  title: 'Firewall network rule uses a KMS FQDN without DNS proxy',
  severity: 'error',
  explanation:
    'Azure Firewall network rules can use FQDNs only when DNS proxy is enabled on the firewall (or its policy): ' +
    'the firewall must resolve the name itself to know which addresses the rule covers. With DNS proxy off a ' +
    'rule naming `azkms.core.windows.net` never matches, and KMS traffic falls through to a deny.',
  fix: 'Enable DNS proxy on the firewall policy (and point the VNets DNS at the firewall), or use the KMS IP addresses.',
  examples: [
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
  ],
  check(ctx) {
    const findings: Finding[] = []
    for (const r of kmsReferences(ctx.model)) {
      if (r.kind !== 'firewall' || r.dnsProxy !== false) continue
      const fqdns = r.named.filter((n) => !/^[\d.]+(\/\d+)?$/.test(n.text))
      if (fqdns.length === 0) continue
      const owner = r.policy ?? r.firewall
      const ownerText = r.policy
        ? `firewall policy ${displayName(r.policy)}`
        : `firewall ${displayName(r.firewall!)}`
      const addresses = unique(fqdns.flatMap((n) => n.addresses))
      const message =
        `The firewall network rule ${displayName(r.object)} allows ${listText(unique(fqdns.map((n) => n.text)))} by ` +
        `name, but DNS proxy is off on ${ownerText}. Network rules match FQDNs only when the firewall resolves them ` +
        `(DNS proxy on), so this rule never matches and KMS traffic to ${listText(addresses)} is denied unless ` +
        `another rule allows it; Windows VMs behind this firewall then fail to activate. Enable DNS proxy on ` +
        `${ownerText} or name the KMS IP addresses instead.`
      findings.push(
        makeFinding(kms007, ctx, r.object, {
          message,
          kmsAddresses: addresses,
          ...(owner && { fix: { kind: 'enable-dns-proxy', target: owner }, format: owner.format }),
        }),
      )
    }
    return findings
  },
}
