/**
 * Joins a Terraform plan with the .tf sources of the same scan: the plan decides the values (it knows
 * what variables, data sources and modules resolved to), the .tf files decide the locations (a person
 * changes the .tf line, not the plan JSON). Resources only one side knows are kept as they are.
 */
import type { Origin } from '../../model/value'
import type { EvaluatedResource, HclValue, TerraformEvaluation } from '../evaluation/evaluated'

/** Gives each plan value the origin of the same attribute in the .tf block, where there is one. */
function relocate(plan: HclValue, hcl: HclValue | undefined, fallback: Origin): HclValue {
  const origin = hcl?.origin ?? fallback
  if (plan.kind === 'object') {
    const attrs: Record<string, HclValue> = {}
    const hclAttrs = hcl?.kind === 'object' ? hcl.attrs : {}
    for (const [k, v] of Object.entries(plan.attrs)) attrs[k] = relocate(v, hclAttrs[k], origin)
    return { kind: 'object', attrs, origin }
  }
  if (plan.kind === 'list') {
    const hclItems = hcl?.kind === 'list' ? hcl.items : []
    return { kind: 'list', items: plan.items.map((v, i) => relocate(v, hclItems[i], origin)), origin }
  }
  return { ...plan, origin }
}

export function mergePlanWithSources(
  sources: TerraformEvaluation,
  plans: TerraformEvaluation[],
): TerraformEvaluation {
  if (plans.length === 0) return sources
  const byAddress = new Map<string, EvaluatedResource[]>()
  for (const r of sources.resources) {
    const list = byAddress.get(r.address)
    if (list) list.push(r)
    else byAddress.set(r.address, [r])
  }
  const replaced = new Set<EvaluatedResource>()
  const fromPlans: EvaluatedResource[] = []
  for (const plan of plans) {
    for (const p of plan.resources) {
      const matches = byAddress.get(p.address)
      // Only an unambiguous match: two root modules may both declare the same address.
      const h = matches?.length === 1 ? matches[0] : undefined
      if (!h || replaced.has(h)) {
        fromPlans.push(p)
        continue
      }
      replaced.add(h)
      const body = relocate(p.body, h.body, h.origin) as EvaluatedResource['body']
      fromPlans.push({ ...p, origin: h.origin, body, comments: h.comments ?? p.comments })
    }
  }
  return {
    resources: [...sources.resources.filter((r) => !replaced.has(r)), ...fromPlans],
    providerEnvironments: [
      ...new Set([...sources.providerEnvironments, ...plans.flatMap((p) => p.providerEnvironments)]),
    ],
    diagnostics: [...sources.diagnostics, ...plans.flatMap((p) => p.diagnostics)],
    ...(sources.moved ? { moved: sources.moved } : {}),
  }
}
