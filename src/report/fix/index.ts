/**
 * Fix text, rendered at the report edge: rules describe a change in model terms (rules/fix-change.ts); this
 * writes it in the format of the object it changes, to paste next to the lines the finding annotates. Plan
 * and live findings, which have no file to edit, get Azure CLI commands.
 */
import type { SourceFormat } from '../../model/network'
import type { FixChange } from '../../rules/fix-change'
import type { Finding } from '../../rules/types'
import { renderArm } from './arm'
import { renderBicep } from './bicep'
import { renderCli } from './cli'
import { renderTerraform } from './terraform'

export type { FixChange } from '../../rules/fix-change'

const RENDERERS: Record<SourceFormat, (change: FixChange) => string> = {
  terraform: renderTerraform,
  bicep: renderBicep,
  arm: renderArm,
  plan: renderCli,
  live: renderCli,
}

/** The format the fix is written in: that of the object it changes. */
export function fixFormat(change: FixChange): SourceFormat {
  switch (change.kind) {
    case 'add-routes':
      return change.table.format
    case 'allow-kms-firewall':
      return change.policy?.format ?? change.firewall.format
    case 'allow-kms-nsg':
      return change.deny.format
    case 'add-outbound':
      return change.subnet.format
    case 'enable-dns-proxy':
      return change.target.format
    case 'set-destinations':
      return change.rule.format
  }
}

export function renderFix(change: FixChange): string {
  return RENDERERS[fixFormat(change)](change)
}

/**
 * Fix texts rendered, by change: every format of a report renders each finding's fix, and the scan's merge
 * renders them as the findings come in from the scan workers (src/pipeline/scan-merge.ts prepareMerge), so
 * the report after the last unit finds them done. A change is never altered once a rule made it (the worker
 * trims its routes before sending it: a new object), so its text stays what it was.
 */
const rendered = new WeakMap<FixChange, string>()

/** A finding's fix as text to paste, in the format of the object it changes; undefined when it has none. */
export function fixText(f: Pick<Finding, 'fix'>): string | undefined {
  if (!f.fix) return undefined
  let text = rendered.get(f.fix)
  if (text === undefined) rendered.set(f.fix, (text = renderFix(f.fix)))
  return text
}

/** The fenced-code language of a finding's fix text. */
export function fixLanguage(f: Pick<Finding, 'fix'>): string {
  return f.fix ? FIX_LANGUAGE[fixFormat(f.fix)] : 'text'
}

/** The fenced-code language of fix text in a format (the summary's Fixes section). */
export const FIX_LANGUAGE: Record<SourceFormat, string> = {
  terraform: 'hcl',
  plan: 'text', // plan and live fixes are Azure CLI commands (there is no source line to edit)
  bicep: 'bicep',
  arm: 'json',
  live: 'text',
}
