/**
 * Fix text: rules describe a change in model terms (change.ts); this writes it in the format of the
 * object it changes, to paste next to the lines the finding annotates. Plan and live findings, which
 * have no file to edit, get Azure CLI commands.
 */
import type { SourceFormat } from '../../model/network'
import { fixFormat, type FixChange } from './change'
import { renderArm } from './arm'
import { renderBicep } from './bicep'
import { renderCli } from './cli'
import { renderTerraform } from './terraform'

export type { FixChange } from './change'

const RENDERERS: Record<SourceFormat, (change: FixChange) => string> = {
  terraform: renderTerraform,
  bicep: renderBicep,
  arm: renderArm,
  plan: renderCli,
  live: renderCli,
}

export function renderFix(change: FixChange): string {
  return RENDERERS[fixFormat(change)](change)
}

/** The fenced-code language of fix text in a format (the summary's Fixes section). */
export const FIX_LANGUAGE: Record<SourceFormat, string> = {
  terraform: 'hcl',
  plan: 'text', // plan and live fixes are Azure CLI commands (there is no source line to edit)
  bicep: 'bicep',
  arm: 'json',
  live: 'text',
}
