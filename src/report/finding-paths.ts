/**
 * The paths a finding is about, for renderers: rule messages do not carry them (they live in the report
 * model as `path` and `subnetPaths`), so each format shows them once, beside the message.
 */
import type { Finding } from '../rules/types'

/** Every distinct path of the finding, the first (`path`) first: one per affected subnet. */
export function findingPaths(f: Finding): string[] {
  const all = [...(f.path !== undefined ? [f.path] : []), ...(f.subnetPaths ?? []).map((s) => s.path)]
  return [...new Set(all)]
}

/** `Path: a → b`, `Paths: a → b; c → d`, or undefined for a finding without a traced path. */
export function pathsLine(f: Finding, label = 'Path'): string | undefined {
  const paths = findingPaths(f)
  if (paths.length === 0) return undefined
  return `${label}${paths.length > 1 ? 's' : ''}: ${paths.join('; ')}`
}

/** The message and its paths as one text, for formats that have a single text field per finding. */
export function messageWithPaths(f: Finding, message = f.message): string {
  const paths = pathsLine(f)
  return paths ? `${message} ${paths}.` : message
}
