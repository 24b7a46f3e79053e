/**
 * The verdict in words, the same for every renderer: the headline (summary, check run title, the CLI's
 * last line) and one line per subnet that is not reachable. Plain text: callers escape for their format.
 */
import type { ScanVerdict, SubnetVerdict } from '../analysis/verdict'
import { plural } from './exit'

const KMS = 'Windows activation (KMS, TCP 1688)'

/** e.g. "Windows activation (KMS, TCP 1688) is blocked for 1 of 3 subnets; could not be decided for 1". */
export function verdictHeadline(v: ScanVerdict): string {
  const total = v.subnets.length
  const files = `${plural(v.files.read, 'file')} read, ${v.files.skipped} skipped`
  switch (v.overall) {
    case 'none':
      return (
        `No Azure subnet found to judge (${files}${v.unusedRouteTables > 0 ? `; ${plural(v.unusedRouteTables, 'route table')} no subnet uses` : ''}): ` +
        `${KMS} was not checked for any VM`
      )
    case 'blocked':
      return (
        `${KMS} is blocked for ${v.blocked} of ${plural(total, 'subnet')}` +
        (v.undecided > 0 ? `; could not be decided for ${v.undecided}` : '') +
        (v.reachable > 0 ? `; reachable from ${v.reachable}` : '')
      )
    case 'undecided':
      return (
        `${KMS} could not be decided for ${v.undecided} of ${plural(total, 'subnet')}` +
        (v.reachable > 0 ? `; reachable from ${v.reachable}` : '')
      )
    case 'reachable':
      return total === 1
        ? `${KMS} is reachable from the 1 subnet judged`
        : `${KMS} is reachable from all ${total} subnets judged`
  }
}

/** The subnet as a reader finds it: name, VNet, variant. */
export function subnetLabel(s: SubnetVerdict): string {
  return `${s.subnet}${s.vnet ? ` (VNet ${s.vnet})` : ''}${s.variant ? ` [${s.variant}]` : ''}`
}

/** "snet-app (VNet vnet-spoke): blocked at route 0.0.0.0/0 → ...", or undecided with why and the remedy. */
export function subnetVerdictLine(s: SubnetVerdict): string {
  if (s.state === 'blocked') return `${subnetLabel(s)}: blocked at ${s.hop ?? s.path}`
  if (s.state === 'reachable') return `${subnetLabel(s)}: reachable (${s.path})`
  return `${subnetLabel(s)}: not decided at ${s.hop ?? s.path}: ${s.why ?? 'not followed'}; to decide: ${s.resolve ?? ''}`
}

/** True when the verdict fails the run under fail-on-unknown: an undecided subnet, or nothing judged. */
export function verdictFails(v: ScanVerdict, failOnUnknown: boolean): boolean {
  return failOnUnknown && (v.overall === 'none' || v.undecided > 0)
}
