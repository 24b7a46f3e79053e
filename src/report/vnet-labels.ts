/**
 * VNet labels across a whole report. Each unit (a Terraform root module, a Bicep or ARM deployment) is
 * labelled in its own model (src/model/vnet.ts labelVnets): two root modules that each declare
 * `vnet-spoke` in their own resource group would both read `vnet-spoke/snet-app`. This pass looks at
 * every VNet the report's findings and verdicts mention (Finding.vnets, SubnetVerdict.vnetMention) and
 * qualifies the names several VNets share, once, and renders the findings' texts from their parts with
 * those labels (Finding.texts, src/rules/mention-text.ts), so every format (text, Markdown, comment, SARIF,
 * JSON, annotations, JUnit, GitLab, Azure Pipelines) shows the same label, and none shows two subnets under one.
 */
import type { SubnetVerdict } from '../analysis/verdict'
import { labelMentions, type VnetMention } from '../model/vnet'
import type { AzureRef, Finding } from '../rules/types'
import { refLabel } from '../rules/identity'
import { renderTexts } from '../rules/mention-text'

/**
 * Renders one finding's texts with the report's labels (src/rules/mention-text.ts: from the parts the rule
 * wrote, never by searching its text). The finding's arrays are replaced, not changed (units may share them).
 */
function relabelFinding(f: Finding, labels: ReadonlyMap<VnetMention, string>): void {
  if (!f.vnets?.some((m) => (labels.get(m) ?? m.label) !== m.label)) return
  renderTexts(f, (m) => labels.get(m) ?? m.label)
  f.vnets = f.vnets.map((m) => ({ ...m, label: labels.get(m) ?? m.label }))
}

/**
 * Qualifies same-named VNets across the findings and verdicts of one report. Changes the findings and
 * verdicts given (their fields are replaced, so objects a unit cache shares are left as they were).
 */
export function labelReport(findings: readonly Finding[], verdicts: SubnetVerdict[]): void {
  const mentions: VnetMention[] = []
  for (const f of findings) for (const m of f.vnets ?? []) mentions.push(m)
  for (const v of verdicts) if (v.vnetMention) mentions.push(v.vnetMention)
  if (mentions.length === 0) return
  const labels = labelMentions(mentions)
  for (const f of findings) relabelFinding(f, labels)
  verdicts.forEach((v, i) => {
    const m = v.vnetMention
    const label = m && labels.get(m)
    if (!m || label === undefined || label === m.label) return
    verdicts[i] = { ...v, vnet: label, vnetMention: { ...m, label } }
  })
}

/** The finding's mention of the VNet a subnet ref names: same name, same group, no other subscription. */
function mentionOf(f: Finding, r: AzureRef): VnetMention | undefined {
  const vnet = r.parents?.[r.parents.length - 1]
  if (vnet === undefined || vnet.startsWith('?')) return undefined
  const same = (a: string | undefined, b: string | undefined) =>
    a === undefined || b === undefined || a.toLowerCase() === b.toLowerCase()
  return f.vnets?.find(
    (m) =>
      m.name.toLowerCase() === vnet.toLowerCase() &&
      same(m.resourceGroup, r.resourceGroup) &&
      same(m.subscription, r.subscription),
  )
}

/**
 * Readable names of a finding's affected subnets as the report labels them (`vnet-spoke (rg-spoke-b)/snet-app`),
 * for notes written after the scan ("newly exposes …"). `labels` relabels the mentions across a wider set
 * (a pull request's base and head, subnetLabelsAcross); a finding without mentions falls back to refLabel.
 */
export function affectedLabel(f: Finding, r: AzureRef, labels?: ReadonlyMap<VnetMention, string>): string {
  const m = r.name === undefined ? undefined : mentionOf(f, r)
  if (!m) return refLabel(r, f.affected ?? [])
  const parents = (r.parents ?? []).slice(0, -1)
  return [...parents, labels?.get(m) ?? m.label, r.name].join('/')
}

/**
 * Labels for the VNets of findings from several scans read together (a pull request's base and head):
 * each scan's labels stand unless the other scan has another VNet of the same name.
 */
export function labelsAcross(findings: readonly Finding[]): Map<VnetMention, string> {
  return labelMentions(
    findings.flatMap((f) => f.vnets ?? []),
    (m) => m.label,
  )
}
