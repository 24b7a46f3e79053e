/** Finds Virtual Network Manager objects by the references sources write to them. */
import type { Value } from '../../model/value'

/** Finds an AVNM object by a reference: model id, ref to a model id, ARM id or `a/b/name` (last segment). */
export function findByRef<T extends { id: string; name?: Value<string> | string }>(
  list: T[],
  ref: Value<string> | undefined,
): T | undefined {
  if (!ref) return undefined
  const text = ref.known ? ref.value : ref.ref?.resource
  if (text === undefined) return undefined
  const byId = list.find((x) => x.id === text)
  if (byId) return byId
  const last = text.split('/').filter(Boolean).pop()?.toLowerCase()
  const named = list.filter((x) => {
    const n = typeof x.name === 'string' ? x.name : x.name?.known ? x.name.value : undefined
    return n?.toLowerCase() === last
  })
  return named.length === 1 ? named[0] : undefined
}
