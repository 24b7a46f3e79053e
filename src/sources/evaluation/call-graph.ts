/**
 * Deployment units of a call graph (Terraform root modules and the modules they call, Bicep entry
 * templates and their modules): each node nobody calls, with every node it reaches; then, so that
 * nothing is silently skipped, nodes reached by none of them (modules that only call each other).
 */
export function callGraphUnits<T>(
  nodes: readonly T[],
  calls: ReadonlyMap<T, readonly T[]>,
): { root: T; members: T[] }[] {
  const called = new Set<T>()
  for (const targets of calls.values()) for (const t of targets) called.add(t)
  const reached = new Set<T>()
  const units: { root: T; members: T[] }[] = []
  const add = (root: T): void => {
    const seen = new Set<T>([root])
    const stack = [root]
    while (stack.length > 0) {
      for (const t of calls.get(stack.pop()!) ?? []) {
        if (seen.has(t)) continue
        seen.add(t)
        stack.push(t)
      }
    }
    seen.forEach((n) => reached.add(n))
    units.push({ root, members: [...seen] })
  }
  for (const n of nodes) if (!called.has(n)) add(n)
  for (const n of nodes) if (!reached.has(n)) add(n)
  return units
}
