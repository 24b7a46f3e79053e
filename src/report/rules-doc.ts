/**
 * Renders docs/rules.md from the rules themselves: why each rule matters, the fix in every format the
 * fix renderer (src/report/fix) supports, and the good and bad examples (src/rules/examples).
 * test/rules/docs.test.ts keeps the file in sync.
 */
import { KMS_CATALOGUE } from '../kms/catalogue'
import type { SourceFormat } from '../model/network'
import { FIX_LANGUAGE, renderFix } from './fix'
import type { FixChange } from '../rules/fix-change'
import {
  DOC_FORMATS,
  SAMPLE_FIX_TEXT,
  sampleObjects,
  type SampleFixText,
  type SampleObjects,
} from './fix/samples'
import { allRules } from '../rules/index'
import { ruleAnchor } from './rule-anchor'
import type { Rule } from '../rules/types'
import { examplesOf, type RuleExample } from '../rules/examples'

const FORMATS = DOC_FORMATS.map((f) => ({ ...f, lang: FIX_LANGUAGE[f.format] }))

const PUBLIC = KMS_CATALOGUE.AzureCloud
const ALL = [...PUBLIC.current.addresses, ...PUBLIC.legacy.addresses]

/** The fix text a rule's findings carry, for a sample object in `format`; undefined = no fix text. */
function fixSample(rule: Rule, format: SourceFormat): SampleFixText | undefined {
  if (rule.id === 'KMS011') return SAMPLE_FIX_TEXT.unresolved[format]
  if (rule.id === 'KMS012') return SAMPLE_FIX_TEXT.unparsed[format]
  if (rule.id === 'KMS015') return SAMPLE_FIX_TEXT.adminRule[format]
  const change = sampleChange(rule, sampleObjects(format))
  return change && { text: renderFix(change) }
}

/** The change a rule's findings ask for, on the sample objects. */
function sampleChange(
  rule: Rule,
  { table, firewall, policy, deny, subnet }: SampleObjects,
): FixChange | undefined {
  switch (rule.id) {
    case 'KMS001':
    case 'KMS002':
    case 'KMS004':
    case 'KMS005':
    case 'KMS010':
    case 'KMS014':
      return { kind: 'add-routes', table, addresses: ALL }
    case 'KMS009':
      return { kind: 'add-routes', table, addresses: [...PUBLIC.legacy.addresses] }
    case 'KMS003':
      return { kind: 'allow-kms-firewall', firewall, policy, addresses: ALL }
    case 'KMS006':
    case 'KMS013':
      return { kind: 'allow-kms-nsg', deny, addresses: ALL }
    case 'KMS007':
      return { kind: 'enable-dns-proxy', target: policy }
    case 'KMS008':
      return { kind: 'add-outbound', subnet }
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
    const examples = examplesOf(rule.id)
      .filter((ex) => ex.format === f.format)
      .sort(byKind)
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
  const toc = allRules.map((r) => `| [${r.id}](#${ruleAnchor(r)}) | ${r.severity} | ${r.title} |`)
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
