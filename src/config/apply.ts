/**
 * What the configuration changes about a scan: which files are read, which cloud judges them, and
 * the severity of each rule. Paths are repository-relative with forward slashes.
 */
import type { CloudName } from '../kms/catalogue'
import type { Finding } from '../rules/types'
import { displayPath } from '../report/paths'
import type { GuardConfig } from './config'
import { matchesAny, matchesGlob } from './glob'

/** No include = everything; exclude wins over include. */
export function isIncluded(relPath: string, config: Pick<GuardConfig, 'include' | 'exclude'>): boolean {
  if (config.include.length > 0 && !matchesAny(relPath, config.include)) return false
  return !matchesAny(relPath, config.exclude)
}

/**
 * The first `clouds` entry whose path matches, else the top-level `cloud`, else undefined (the input
 * decides).
 */
export function cloudForPath(
  relPath: string,
  config: Pick<GuardConfig, 'cloud' | 'clouds'>,
): CloudName | 'auto' | undefined {
  return config.clouds.find((c) => matchesGlob(relPath, c.path))?.cloud ?? config.cloud
}

/**
 * Severity overrides; `off` removes the rule's findings (problems of the config itself are added after, by
 * the scan).
 */
export function applyRuleSettings(findings: readonly Finding[], rules: GuardConfig['rules']): Finding[] {
  const out: Finding[] = []
  for (const f of findings) {
    const setting = rules[f.ruleId]
    if (setting === 'off') continue
    out.push(setting && setting !== f.severity ? { ...f, severity: setting } : f)
  }
  return out
}

/** Findings whose file the config excludes (the scan may read a whole directory). */
export function filterByPaths(findings: readonly Finding[], config: GuardConfig, root: string): Finding[] {
  return findings.filter((f) => {
    const rel = displayPath(f.location.file, root)
    return rel.startsWith('/') || isIncluded(rel, config)
  })
}
