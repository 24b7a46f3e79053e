/**
 * Renders docs/rules.md from the rules themselves: why each rule matters, the fix in every format the
 * fix builders support, and the good and bad examples. test/rules/docs.test.ts keeps the file in sync.
 */
import { KMS_CATALOGUE } from '../kms/catalogue'
import type {
  AzureFirewall,
  FirewallPolicy,
  ModelObject,
  NsgRule,
  RouteTable,
  SourceFormat,
  Subnet,
} from '../model/network'
import { known } from '../model/value'
import { allRules } from './index'
import { dnsProxyFix, firewallAllowFix, nsgAllowFix, outboundFix, routeBypassFix } from './fixes'
import type { Rule } from './types'

const FORMATS: { format: SourceFormat; label: string; lang: string }[] = [
  { format: 'terraform', label: 'Terraform', lang: 'hcl' },
  { format: 'bicep', label: 'Bicep', lang: 'bicep' },
  { format: 'arm', label: 'ARM JSON', lang: 'json' },
]

const PUBLIC = KMS_CATALOGUE.AzureCloud
const ALL = [...PUBLIC.current.addresses, ...PUBLIC.legacy.addresses]

function sample(format: SourceFormat, sourceType: string, name: string, address: string): ModelObject {
  const origin = { file: 'main', startLine: 1, endLine: 1 }
  return { id: address, name: known(name), origin, format, sourceType, address }
}

/** The fix text a rule's findings carry, for a sample object in `format`; undefined = no fix text. */
function fixSample(rule: Rule, format: SourceFormat): string | undefined {
  const table: RouteTable = {
    ...sample(format, 'azurerm_route_table', 'rt-spoke', 'azurerm_route_table.spoke'),
    routes: [],
    bgpRoutePropagation: known(true),
  }
  const fw: AzureFirewall = {
    ...sample(format, 'azurerm_firewall', 'afw-hub', 'azurerm_firewall.hub'),
    privateIpAddress: known('10.0.1.4'),
    classicCollections: [],
    forcedTunnelling: false,
  }
  const policy: FirewallPolicy = {
    ...sample(format, 'azurerm_firewall_policy', 'afwp-hub', 'azurerm_firewall_policy.hub'),
    ruleCollectionGroups: [],
  }
  const deny: NsgRule = {
    ...sample(
      format,
      'azurerm_network_security_group',
      'deny-internet-out',
      'azurerm_network_security_group.app',
    ),
    nsgId: 'nsg',
    priority: known(4000),
    direction: known('Outbound'),
    access: known('Deny'),
    protocol: known('*'),
    sourceAddressPrefixes: known(['*']),
    destinationAddressPrefixes: known(['Internet']),
    destinationPortRanges: known(['*']),
  }
  const subnet: Subnet = {
    ...sample(format, 'azurerm_subnet', 'snet-app', 'azurerm_subnet.app'),
    addressPrefixes: known(['10.1.0.0/24']),
  }
  switch (rule.id) {
    case 'KMS001':
    case 'KMS002':
    case 'KMS004':
    case 'KMS005':
      return routeBypassFix(table, undefined, ALL)
    case 'KMS009':
      return routeBypassFix(table, undefined, [...PUBLIC.legacy.addresses])
    case 'KMS003':
      return firewallAllowFix(fw, policy, ALL)
    case 'KMS006':
    case 'KMS013':
      return nsgAllowFix(deny, ALL)
    case 'KMS007':
      return dnsProxyFix(policy, true)
    case 'KMS008':
      return outboundFix(subnet)
    default:
      return undefined
  }
}

function fence(lang: string, text: string): string {
  return `\`\`\`${lang}\n${text.replace(/\n+$/, '')}\n\`\`\``
}

function renderRule(rule: Rule): string {
  const out: string[] = [`## ${rule.id}: ${rule.title}`, '', `Severity: **${rule.severity}**`, '']
  out.push('### Why it matters', '', rule.explanation, '', '### Fix', '', rule.fix, '')
  for (const f of FORMATS) {
    const text = fixSample(rule, f.format)
    if (text) out.push(`${f.label}:`, '', fence(f.lang, text), '')
  }
  out.push('### Examples', '')
  for (const ex of [...rule.examples].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'bad' ? -1 : 1))) {
    const cloud = ex.cloud ? ` (scanned as ${ex.cloud})` : ''
    out.push(`**${ex.kind === 'bad' ? 'Bad' : 'Good'}** (${ex.format})${cloud}: ${ex.description}`, '')
    for (const [name, content] of Object.entries(ex.files)) {
      const lang = FORMATS.find((x) => x.format === ex.format)?.lang ?? ''
      out.push(`\`${name}\``, '', fence(lang, content), '')
    }
  }
  return out.join('\n')
}

export function renderRulesDoc(): string {
  const toc = allRules.map(
    (r) => `| [${r.id}](#${r.id.toLowerCase()}-${slug(r.title)}) | ${r.severity} | ${r.title} |`,
  )
  return [
    '# Rules',
    '',
    '<!-- Generated from src/rules by `UPDATE_DOCS=1 npm test -- test/rules/docs`. Do not edit by hand. -->',
    '',
    'Windows VMs on Azure activate against Azure KMS over TCP 1688, and the request must leave from an Azure',
    'public IP. Each rule below reports one way a network change breaks that.',
    '',
    '| Rule | Severity | Title |',
    '|---|---|---|',
    ...toc,
    '',
    ...allRules.map(renderRule),
  ].join('\n')
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-')
}
