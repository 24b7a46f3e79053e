/** Collecting paged ARM answers: the SDK's iterators (`nextLink`), and `skipToken`-paged POST actions. */

/** Every item of an SDK page iterator. */
export async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const x of pages) out.push(x)
  return out
}

/** Pages of a `skipToken`-paged POST (these calls are not paged by the SDK itself). */
export async function allPages<T>(
  page: (skipToken: string | undefined) => Promise<{ value?: T[]; skipToken?: string }>,
): Promise<T[]> {
  const out: T[] = []
  let token: string | undefined
  // A server that keeps sending the same token must not keep us here.
  for (let i = 0; i < 100; i++) {
    const r = await page(token)
    out.push(...(r.value ?? []))
    if (!r.skipToken || r.skipToken === token) break
    token = r.skipToken
  }
  return out
}
