/**
 * Suppressions from the config file's `suppress:` list. They are how JSON sources (ARM templates,
 * plan files), which cannot hold comments, are suppressed; they work for every other format too.
 */
import * as path from 'node:path'
import type { Finding } from '../rules/types'
import type { ConfigSuppression } from '../config/config'
import { CONFIG_FILE } from '../config/config-file'
import { matchesGlob } from '../config/glob'
import { displayPath } from '../report/paths'
import type { Suppressed } from './inline'
import { expiredFinding, hasExpired } from './expiry'

export function applyConfigSuppressions(
  findings: readonly Finding[],
  entries: readonly ConfigSuppression[],
  root: string,
  configFile: string = path.join(root, CONFIG_FILE),
  now: Date = new Date(),
): { kept: Finding[]; suppressed: Suppressed[] } {
  const kept: Finding[] = []
  const suppressed: Suppressed[] = []
  for (const f of findings) {
    const rel = displayPath(f.location.file, root)
    const entry = entries.find(
      (e) =>
        (e.rule === '*' || e.rule === f.ruleId) &&
        (e.path === undefined || matchesGlob(rel, e.path)) &&
        (e.resource === undefined || e.resource === f.resource),
    )
    const origin = entry && { file: configFile, startLine: entry.line, endLine: entry.line }
    if (!entry || !origin) kept.push(f)
    else if (hasExpired(entry.until, now))
      kept.push(expiredFinding(f, entry.until!, entry.reason, origin, root))
    else suppressed.push({ finding: f, reason: entry.reason, kind: 'config', origin })
  }
  return { kept, suppressed }
}
