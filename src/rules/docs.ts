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
import type { Rule, RuleExample } from './types'

const FORMATS: { format: SourceFormat; label: string; lang: string }[] = [
  { format: 'terraform', label: 'Terraform', lang: 'hcl' },
  { format: 'bicep', label: 'Bicep', lang: 'bicep' },
  { format: 'arm', label: 'ARM JSON', lang: 'json' },
]

const PUBLIC = KMS_CATALOGUE.AzureCloud
const ALL = [...PUBLIC.current.addresses, ...PUBLIC.legacy.addresses]

/** A sample object as each format's source would name it (Terraform address, Bicep symbol, ARM name). */
function sample(
  format: SourceFormat,
  types: { terraform: string; arm: string },
  name: string,
  names: { terraform: string; bicep: string },
): ModelObject {
  const origin = { file: 'main', startLine: 1, endLine: 1 }
  const sourceType = format === 'terraform' ? types.terraform : types.arm
  const address = format === 'terraform' ? names.terraform : format === 'bicep' ? names.bicep : name
  return { id: address, name: known(name), origin, format, sourceType, address }
}

interface FixText {
  text: string
  /** Fence language when it is not the format's own (commands). */
  lang?: string
}

/** Fix text that no finding carries: an unresolved value (KMS011) and a file that cannot be read (KMS012). */
const FIX_TEXT: Record<string, Partial<Record<SourceFormat, FixText>>> = {
  KMS011: {
    terraform: {
      text: [
        'variable "default_next_hop" {',
        '  type    = string',
        '  default = "Internet"',
        '}',
        '',
        '# or pass the var file the pipeline uses: var-files: envs/prod.tfvars',
      ].join('\n'),
    },
    bicep: {
      text: [
        "param defaultNextHop string = 'Internet'",
        '',
        '// or a main.bicepparam beside the template:',
        "// using 'main.bicep'",
        "// param defaultNextHop = 'Internet'",
      ].join('\n'),
    },
    arm: {
      text: [
        '"parameters": {',
        '  "defaultNextHop": {',
        '    "type": "string",',
        '    "defaultValue": "Internet"',
        '  }',
        '}',
        '// or set it in azuredeploy.parameters.json: "defaultNextHop": { "value": "Internet" }',
      ].join('\n'),
    },
  },
  KMS012: {
    terraform: { text: 'terraform fmt -check\nterraform validate', lang: 'sh' },
    bicep: { text: 'az bicep build --file main.bicep', lang: 'sh' },
    arm: {
      text: 'az deployment group validate --resource-group <resource group> --template-file azuredeploy.json',
      lang: 'sh',
    },
  },
}

/** The fix text a rule's findings carry, for a sample object in `format`; undefined = no fix text. */
function fixSample(rule: Rule, format: SourceFormat): FixText | undefined {
  const own = FIX_TEXT[rule.id]
  if (own) return own[format]
  const text = fixFromBuilders(rule, format)
  return text ? { text } : undefined
}

function fixFromBuilders(rule: Rule, format: SourceFormat): string | undefined {
  const table: RouteTable = {
    ...sample(
      format,
      { terraform: 'azurerm_route_table', arm: 'Microsoft.Network/routeTables' },
      'rt-spoke',
      { terraform: 'azurerm_route_table.spoke', bicep: 'rtSpoke' },
    ),
    routes: [],
    bgpRoutePropagation: known(true),
  }
  const fw: AzureFirewall = {
    ...sample(format, { terraform: 'azurerm_firewall', arm: 'Microsoft.Network/azureFirewalls' }, 'afw-hub', {
      terraform: 'azurerm_firewall.hub',
      bicep: 'afwHub',
    }),
    privateIpAddress: known('10.0.1.4'),
    classicCollections: [],
    forcedTunnelling: false,
  }
  const policy: FirewallPolicy = {
    ...sample(
      format,
      { terraform: 'azurerm_firewall_policy', arm: 'Microsoft.Network/firewallPolicies' },
      'afwp-hub',
      { terraform: 'azurerm_firewall_policy.hub', bicep: 'afwpHub' },
    ),
    ruleCollectionGroups: [],
  }
  const deny: NsgRule = {
    ...sample(
      format,
      { terraform: 'azurerm_network_security_group', arm: 'Microsoft.Network/networkSecurityGroups' },
      'deny-internet-out',
      { terraform: 'azurerm_network_security_group.app', bicep: 'nsgApp' },
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
    ...sample(
      format,
      { terraform: 'azurerm_subnet', arm: 'Microsoft.Network/virtualNetworks/subnets' },
      'snet-app',
      { terraform: 'azurerm_subnet.app', bicep: 'vnetSpoke' },
    ),
    addressPrefixes: known(['10.1.0.0/24']),
  }
  switch (rule.id) {
    case 'KMS001':
    case 'KMS002':
    case 'KMS004':
    case 'KMS005':
    case 'KMS010':
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

const byKind = (a: RuleExample, b: RuleExample) => (a.kind === b.kind ? 0 : a.kind === 'bad' ? -1 : 1)

function renderRule(rule: Rule): string {
  const out: string[] = [`## ${rule.id}: ${rule.title}`, '', `Severity: **${rule.severity}**`, '']
  out.push('### Why it matters', '', rule.explanation, '', '### Fix', '', rule.fix, '')
  for (const f of FORMATS) {
    const fix = fixSample(rule, f.format)
    if (fix) out.push(`${f.label}:`, '', fence(fix.lang ?? f.lang, fix.text), '')
  }
  out.push('### Examples', '')
  for (const f of FORMATS) {
    const examples = rule.examples.filter((ex) => ex.format === f.format).sort(byKind)
    if (examples.length === 0) continue
    out.push(`#### ${f.label}`, '')
    for (const ex of examples) {
      const cloud = ex.cloud ? ` (scanned as ${ex.cloud})` : ''
      out.push(`**${ex.kind === 'bad' ? 'Bad' : 'Good'}**${cloud}: ${ex.description}`, '')
      for (const [name, content] of Object.entries(ex.files)) {
        out.push(`\`${name}\``, '', fence(langOf(name, f.lang), content), '')
      }
    }
  }
  return out.join('\n')
}

/** A file's fence language: a .bicepparam beside a template is Bicep, a parameter file JSON. */
function langOf(file: string, fallback: string): string {
  if (/\.bicep(param)?$/.test(file)) return 'bicep'
  if (/\.json$/.test(file)) return 'json'
  if (/\.tf(vars)?$/.test(file)) return 'hcl'
  return fallback
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
