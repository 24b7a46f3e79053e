/**
 * Which environment of a root module a Terraform plan describes. A plan is made for one environment
 * (`terraform plan -var-file=env/prod.tfvars`) and records the variables it was made with; a root with
 * environments (environments.ts) is judged once per environment, and the plan belongs with the one whose
 * var files assign what the plan records. Merged into whichever environment was judged first, a dev plan
 * replaced prod's forced tunnel with dev's routes in prod's judgement.
 *
 * Values are compared loosely where Terraform converts them on the way into the plan: a tfvars "10" for a
 * number variable is 10 in the plan, and optional object attributes the var file leaves out are there as
 * null or their defaults, so only what the var file writes is compared.
 */

/** True when the plan's value is what the var file wrote, after Terraform's type conversion. */
function agrees(written: unknown, planned: unknown): boolean {
  if (written === null || planned === null) return written === planned
  if (Array.isArray(written))
    return (
      Array.isArray(planned) &&
      planned.length === written.length &&
      written.every((w, i) => agrees(w, planned[i]))
    )
  if (typeof written === 'object') {
    if (typeof planned !== 'object' || Array.isArray(planned)) return false
    const p = planned as Record<string, unknown>
    return Object.entries(written as Record<string, unknown>).every(([k, w]) => k in p && agrees(w, p[k]))
  }
  if (typeof planned === 'object') return false
  // string ↔ number ↔ bool conversions: Terraform writes "10" for 10 and "true" for true.
  return String(written) === String(planned)
}

/**
 * The index of the environment a plan made with `planned` variables describes: the one whose var files
 * (`assigned`, per environment) agree with the plan on every variable both have and on the most of them.
 * Undefined when none agrees on any, when two agree equally, or when the plan records no variables: then
 * it is merged into no environment and judged on its own, beside them (never into the wrong one).
 */
export function environmentOfPlan(
  planned: ReadonlyMap<string, unknown> | undefined,
  assigned: readonly ReadonlyMap<string, unknown>[],
): number | undefined {
  if (!planned || planned.size === 0) return undefined
  let best: number | undefined
  let bestCount = 0
  let tie = false
  assigned.forEach((values, i) => {
    let count = 0
    for (const [name, value] of values) {
      if (!planned.has(name)) continue
      if (!agrees(value, planned.get(name))) return
      count++
    }
    if (count > bestCount) [best, bestCount, tie] = [i, count, false]
    else if (count === bestCount && count > 0) tie = true
  })
  return tie ? undefined : best
}
