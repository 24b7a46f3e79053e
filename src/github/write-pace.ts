/**
 * How far apart the action's writes to GitHub go. @octokit/plugin-throttling spaces every write 1 s apart
 * (3 s for those that notify people: comments, reviews) from the first one on, following GitHub's advice for
 * clients that make "a large number" of writes. One run makes a handful (the check run, the sticky comment,
 * one review), so waiting before each cost a pull request run a second or more for nothing; the secondary
 * rate limits are about bursts (80 content-creating requests a minute). So the first few writes go at once,
 * and only a run that writes more (a check run with hundreds of annotations, 50 per request)
 * is spaced as the plugin would. Rate-limit answers (Retry-After, reset) are still the plugin's to wait for.
 *
 * Hand-written: the plugin takes its groups as Bottleneck groups, and Bottleneck has no "burst, then
 * spacing" limiter; this is the part of a group's interface the plugin calls (`key(id).schedule(options, fn)`).
 */

/** Writes that go without waiting; later ones are spaced. */
export const UNPACED_WRITES = 5

export interface PaceOptions {
  /** Writes that go at once. */
  burst: number
  /** Least time between the starts of two later writes. */
  spacingMs: number
  /** Waits (tests pass a recorder: no test sits through real waits). */
  sleep?: (ms: number) => Promise<void>
  now?: () => number
}

/** What the throttling plugin calls on a group. */
export interface PaceGroup {
  key(id: string): { schedule(...args: unknown[]): Promise<unknown> }
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** A limiter for one client: its writes share one count, whatever key the plugin asks for. */
export function writePace(opts: PaceOptions): PaceGroup {
  const sleep = opts.sleep ?? realSleep
  const now = opts.now ?? Date.now
  let granted = 0
  let next = -Infinity
  const limiter = {
    async schedule(...args: unknown[]): Promise<unknown> {
      // Bottleneck's signature: schedule([options,] fn, ...args).
      const at = args.findIndex((a) => typeof a === 'function')
      const fn = args[at] as (...a: unknown[]) => unknown
      // The slot is taken before any wait, so concurrent writes queue in the order they asked.
      const t = now()
      const slot = granted++ < opts.burst ? t : Math.max(t, next)
      next = slot + opts.spacingMs
      if (slot > t) await sleep(slot - t)
      return fn(...args.slice(at + 1))
    },
  }
  return { key: () => limiter }
}
