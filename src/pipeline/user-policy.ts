/**
 * What the user decided about findings, applied after the rules: the config's per-rule severities and
 * `off`, its path filters and suppressions, and inline `azure-kms-guard:ignore` comments. Suppressed
 * findings are kept aside (counted and listed in the summary, never annotated).
 */
import * as path from 'node:path'
import { KMS_CATALOGUE } from '../kms/catalogue'
import type { LoadedConfig } from '../config/config'
import { applyRuleSettings, filterByPaths } from '../config/apply'
import type { Finding } from '../rules/types'
import { applyConfigSuppressions } from '../suppress/config'
import { applySuppressions, type Suppressed } from '../suppress/inline'
import { readSource, type ReadBoundary } from '../sources/parsing/read-source'

/** A bad config is reported at its line like any other finding, so it is fixed where it is written. */
export function configProblemFindings(loaded: LoadedConfig | undefined): Finding[] {
  if (!loaded) return []
  return loaded.problems.map((p) => ({
    ruleId: 'KMS012',
    severity: 'warning',
    title: 'Configuration file could not be read',
    message: `${path.basename(p.file)}: ${p.message}`,
    location: { file: p.file, startLine: p.line ?? 1, endLine: p.line ?? 1 },
    resource: path.basename(p.file),
    kmsAddresses: [],
    // The config is not about a cloud; any name does for a finding that names no KMS address.
    cloud: KMS_CATALOGUE.AzureCloud.cloud,
  }))
}

export function applyUserPolicy(
  findings: Finding[],
  config: LoadedConfig | undefined,
  repoRoot: string,
  boundary: ReadBoundary,
  /** Reads a file for its inline suppressions (default: through the boundary). */
  read: (file: string) => string | undefined = (file) => {
    const r = readSource(file, boundary)
    return r.ok ? r.text : undefined
  },
): { findings: Finding[]; suppressed: Suppressed[] } {
  let kept = findings
  const suppressed: Suppressed[] = []
  if (config) {
    kept = filterByPaths(applyRuleSettings(kept, config.config.rules), config.config, repoRoot)
    const bySettings = applyConfigSuppressions(kept, config.config.suppress, repoRoot, config.file)
    kept = bySettings.kept
    suppressed.push(...bySettings.suppressed)
  }
  const inline = applySuppressions(kept, read, { root: repoRoot })
  suppressed.push(...inline.suppressed)
  return { findings: [...inline.kept, ...inline.problems], suppressed }
}
