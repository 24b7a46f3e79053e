/**
 * The one place the run's numbers come from: the summary headline, the check run's title and conclusion,
 * the step outputs, the failure message and the exit code all read this, so they agree in every
 * combination of `scope`, `fail-on` and `fail-on-deployed`.
 *
 * The findings judged against `fail-on` are those in scope, plus deployed-only ones with
 * `fail-on-deployed`. `errors` / `warnings` / `notices` count them (what the headline shows); `findings`
 * counts every finding of the head; `new` / `fixed` count the comparison's findings among those that
 * could be judged (deployed-only ones only with `fail-on-deployed`).
 */
import { conclusionFor, type Conclusion } from '../github/check-run'
import {
  countAtOrAbove,
  countFindings,
  describeCounts,
  failsAt,
  plural,
  type Counts,
  type FailOn,
} from '../report/exit'
import { verdictFails, verdictHeadline } from '../report/verdict'
import type { Finding } from '../rules/types'
import type { ScanVerdict } from '../analysis/verdict'
import type { Evaluation } from './pull-request'

export interface Tally {
  /** Judged against fail-on: annotated (file findings) and counted in the headline. */
  judged: Finding[]
  counts: Counts
  /** Every finding of the head scan. */
  total: number
  /** Findings listed but not judged: outside the scope, or deployed-only without fail-on-deployed. */
  notJudged: Counts
  /** Undefined when there was no base to compare with. */
  new?: number
  fixed?: number
  /** Judged findings at or above fail-on. */
  atOrAbove: number
  /** The findings reach fail-on. */
  findingsFail: boolean
  /** With fail-on-unknown: subnets the analysis could not decide fail the step. */
  undecidedFail: boolean
  fails: boolean
  conclusion: Conclusion
  /** The check run's title. */
  title: string
}

export function tally(ev: Evaluation, failOn: FailOn, failOnDeployed: boolean, failOnUnknown = false): Tally {
  const judged = [...ev.failing, ...(failOnDeployed ? ev.deployedFailing : [])]
  const judgedSet = new Set(judged)
  const counts = countFindings(judged)
  const eligible = (f: Finding) => failOnDeployed || !f.deployed
  const verdict = ev.result.verdict
  const findingsFail = failsAt(judged, failOn)
  const undecidedFail = verdict ? verdictFails(verdict, failOnUnknown) : false
  const t: Tally = {
    judged,
    counts,
    total: ev.result.findings.length,
    notJudged: countFindings(ev.result.findings.filter((f) => !judgedSet.has(f))),
    atOrAbove: countAtOrAbove(judged, failOn),
    findingsFail,
    undecidedFail,
    fails: findingsFail || undecidedFail,
    conclusion: conclusionFor(judged, failOn, verdict, failOnUnknown),
    title:
      judged.length === 0
        ? verdict
          ? verdictHeadline(verdict)
          : 'Windows activation (KMS) is not blocked'
        : findingsFail
          ? `${plural(judged.length, 'finding')} break Windows activation`
          : `${plural(judged.length, 'finding')} below fail-on '${failOn}'`,
  }
  if (ev.comparison) {
    t.new = ev.comparison.new.filter(eligible).length
    t.fixed = ev.comparison.fixed.filter(eligible).length
  }
  return t
}

/** The step outputs the tally decides (the action adds report-file, sarif-file, annotations). */
export function tallyOutputs(t: Tally, suppressed: number): Record<string, string | number> {
  return {
    errors: t.counts.errors,
    warnings: t.counts.warnings,
    notices: t.counts.notices,
    findings: t.total,
    failing: t.judged.length,
    'new-findings': t.new ?? '',
    'fixed-findings': t.fixed ?? '',
    suppressed,
  }
}

/** The step's failure message, or undefined when it passes. */
export function failureMessage(
  t: Tally,
  failOn: FailOn,
  scope: string,
  verdict?: ScanVerdict,
): string | undefined {
  if (t.findingsFail)
    return (
      `Azure KMS Guard: ${plural(t.atOrAbove, 'finding')} at or above fail-on '${failOn}' ` +
      `(${describeCounts(t.counts)}, scope ${scope}): Windows activation (KMS, TCP 1688) ` +
      'would break. See the annotations and the job summary.'
    )
  if (t.undecidedFail && verdict)
    return (
      `Azure KMS Guard (fail-on-unknown): ${verdictHeadline(verdict)}. ` +
      'The job summary names each subnet, the hop not followed and what would decide it.'
    )
  return undefined
}
