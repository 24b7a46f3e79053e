/**
 * The evaluation budget of one unit (a Terraform root module with its modules, a Bicep or ARM deployment,
 * a plan). A pull request can write a file that expands to 1e9 values (nested `for`, `copy.count`,
 * `range`, module fan-out, expressions that double a string): every evaluator spends from the budget of
 * the unit it is evaluating where it makes values, and once the budget is spent every further spend
 * throws, so the evaluator winds down through its own error handling (values become unknown) instead
 * of hanging or running out of memory. The unit then gets one located KMS012 finding saying where the
 * budget ran out; the other units are judged as usual.
 *
 * Units are evaluated one at a time (src/pipeline/scan.ts draws them one after another), so the budget in
 * force is ambient: set around a unit's evaluation by `withBudget`, read by `spend`. This keeps the
 * evaluators' signatures as they are.
 */
import type { Origin } from '../../model/value'
import type { SourceDiagnostic } from '../../model/network'
import { currentWatch, watchPhase } from './unit-watch'

export interface BudgetLimits {
  /** Values one unit may make (list elements, object attributes, instances, kilobytes of strings). */
  values: number
  /** Wall-clock time for one unit's evaluation: the last resort, for a cost no count sees. */
  timeMs: number
}

/**
 * Far above any real network (the largest landing zones we have seen make some 10^5 values), far below
 * what hurts: a million small values stay within a few hundred MB and a few seconds.
 */
export const DEFAULT_LIMITS: BudgetLimits = { values: 1_000_000, timeMs: 60_000 }

/**
 * What larger things cost in values: an instance carries its values (so about 20,000 resource instances fit
 * one unit).
 */
export const COST = { moduleInstance: 100, resourceInstance: 50 }

export class BudgetExceeded extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BudgetExceeded'
  }
}

export class Budget {
  private spent = 0
  private calls = 0
  private readonly deadline: number
  /** Why and where the budget ran out, once it has. */
  exceeded?: { why: string; origin?: Origin }

  constructor(private readonly limits: BudgetLimits = DEFAULT_LIMITS) {
    this.deadline = Date.now() + limits.timeMs
  }

  spend(n: number, origin?: Origin): void {
    if (this.exceeded) throw new BudgetExceeded(this.exceeded.why)
    this.spent += n
    let why: string | undefined
    if (this.spent > this.limits.values)
      why = `it makes more than ${this.limits.values.toLocaleString('en-US')} values`
    else if ((++this.calls & 1023) === 0 && Date.now() > this.deadline)
      why = `its evaluation takes more than ${Math.round(this.limits.timeMs / 1000)} s`
    if (why) {
      this.exceeded = origin ? { why, origin } : { why }
      throw new BudgetExceeded(why)
    }
  }
}

let current: Budget | undefined

/** Runs one unit's evaluation under `budget` (synchronous or not: one unit at a time). */
export async function withBudget<T>(budget: Budget, f: () => T | Promise<T>): Promise<T> {
  const outer = current
  current = budget
  try {
    return await f()
  } finally {
    current = outer
  }
}

/** Synchronous form of withBudget. */
export function withBudgetSync<T>(budget: Budget, f: () => T): T {
  const outer = current
  current = budget
  try {
    return f()
  } finally {
    current = outer
  }
}

/** Spends `n` values of the unit being evaluated (no-op outside a unit, e.g. a test of one function). */
export function spend(n: number, origin?: Origin): void {
  current?.spend(n, origin)
}

/** What a value costs: its elements, or a string's length in 64-character pieces. */
export function sizeOf(v: { kind: string; items?: unknown[]; attrs?: object; value?: unknown }): number {
  if (v.items) return v.items.length
  if (v.attrs) return Object.keys(v.attrs).length
  if (typeof v.value === 'string') return 1 + (v.value.length >> 6)
  return 1
}

/** Throws if the budget in force has run out: for loops that make nothing but may run long. */
export function checkBudget(): void {
  current?.spend(0)
}

/** The unit's finding when its budget ran out: where, and what it means for the verdicts. */
export function budgetFinding(budget: Budget, unit: Origin): SourceDiagnostic | undefined {
  if (!budget.exceeded) return undefined
  const at = budget.exceeded.origin ?? unit
  return {
    ruleId: 'KMS012',
    severity: 'warning',
    origin: at,
    message:
      `Stopped evaluating here: ${budget.exceeded.why} (the evaluation budget of one deployment unit). ` +
      'Values past this point are unknown; check that the expression does not expand without bound.',
  }
}

/** Why a unit's evaluation crashed, in words (the error is a bug or a resource the budget did not see). */
function crashReason(e: unknown): string {
  if (e instanceof RangeError && /call stack/i.test(e.message)) return 'it is nested too deeply to follow'
  if (e instanceof RangeError) return `it is too large to follow (${e.message})`
  return `the evaluator failed (${e instanceof Error ? e.message : String(e)})`
}

export interface UnitOutcome<T> {
  /** undefined when the evaluation crashed: nothing of the unit is judged. */
  value: T | undefined
  /** The unit's budget or crash finding, if any. */
  problems: SourceDiagnostic[]
  /**
   * The unit's key in the scan worker's watch (src/sources/evaluation/unit-watch.ts): the phases that follow
   * (model, analysis) name it, so a worker that dies in them costs this unit only.
   */
  subject: string
}

function outcome<T>(
  budget: Budget,
  unit: Origin,
  what: string,
  run: () => T,
): Omit<UnitOutcome<T>, 'subject'> {
  const problems: SourceDiagnostic[] = []
  let value: T | undefined
  try {
    value = run()
  } catch (e) {
    if (!(e instanceof BudgetExceeded))
      problems.push({
        ruleId: 'KMS012',
        severity: 'warning',
        origin: unit,
        message: `Could not evaluate ${what}: ${crashReason(e)}. Nothing it declares is part of the analysis.`,
      })
  }
  const over = budgetFinding(budget, unit)
  if (over) problems.push(over)
  return { value, problems }
}

/** The unit's key in the watch, and on its findings' way through the scan (Judgement.subject). */
const unitSubject = (unit: Origin, what: string): string => `${unit.file}:${unit.startLine}\u0000${what}`

/**
 * Under the scan worker (src/pipeline/scan-isolated.ts): a unit that killed an earlier worker (in its
 * evaluation, model or analysis) is not evaluated again, only named; any other unit is recorded as the one
 * being evaluated, then evaluated.
 */
function watched(unit: Origin, what: string): UnitOutcome<never> | undefined {
  const watch = currentWatch()
  if (!watch) return undefined
  const subject = unitSubject(unit, what)
  const why = watch.skipped(subject)
  if (why === undefined) {
    watch.at('evaluation', subject)
    return undefined
  }
  return {
    subject,
    value: undefined,
    problems: [
      {
        ruleId: 'KMS012',
        severity: 'warning',
        origin: unit,
        message:
          `Could not evaluate ${what}: ${why}. Nothing it declares is part of the analysis; ` +
          'every other unit is judged.',
      },
    ],
  }
}

/** Evaluates one unit under a fresh budget: an overrun or a crash costs this unit only, and is named. */
export function evaluateUnitSync<T>(unit: Origin, what: string, f: () => T): UnitOutcome<T> {
  const skipped = watched(unit, what)
  if (skipped) return skipped
  const budget = new Budget()
  const done = outcome(budget, unit, what, () => withBudgetSync(budget, f))
  return evaluated(done, unit, what)
}

/** Evaluated: what the worker does next with the unit is building its model. */
function evaluated<T>(done: Omit<UnitOutcome<T>, 'subject'>, unit: Origin, what: string): UnitOutcome<T> {
  const subject = unitSubject(unit, what)
  watchPhase('model', subject)
  return { ...done, subject }
}

/** evaluateUnitSync for an evaluator that awaits (Bicep loads its parser). */
export async function evaluateUnit<T>(
  unit: Origin,
  what: string,
  f: () => Promise<T>,
): Promise<UnitOutcome<T>> {
  const skipped = watched(unit, what)
  if (skipped) return skipped
  const budget = new Budget()
  let settled: { ok: true; value: T } | { ok: false; error: unknown }
  try {
    settled = { ok: true, value: await withBudget(budget, f) }
  } catch (error) {
    settled = { ok: false, error }
  }
  const done = outcome(budget, unit, what, () => {
    if (!settled.ok) throw settled.error
    return settled.value
  })
  return evaluated(done, unit, what)
}
