/**
 * Bounded concurrency and a time budget for the live reads. ARM throttles per subscription and per
 * principal, and a run that fans out to every subscription × resource type at once gets 429s instead of
 * answers; a small pool keeps the request rate steady. The budget keeps a slow tenant from holding a CI job
 * for ever: once it is spent, running requests are aborted and queued ones are not started, and the caller
 * names what was left unread.
 */

import { setMaxListeners } from 'node:events'

/** Runs at most `limit` tasks at a time, in submission order. */
export class Pool {
  private active = 0
  private readonly waiting: (() => void)[] = []

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new Error(`concurrency must be a positive integer, got ${limit}`)
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve))
    this.active++
    try {
      return await task()
    } finally {
      this.active--
      this.waiting.shift()?.()
    }
  }
}

export interface Budget {
  /** Aborted when the budget is spent or the caller's own signal aborts. */
  signal: AbortSignal
  expired(): boolean
  /** Clears the timer so a finished run does not keep the process alive. */
  dispose(): void
}

/** A whole-run deadline; no `timeBudgetMs` = no deadline (only the caller's signal, if any). */
export function createBudget(timeBudgetMs?: number, outer?: AbortSignal): Budget {
  const controller = new AbortController()
  // Every request in flight listens on this one signal; more than Node's default of 10 is expected.
  setMaxListeners(0, controller.signal)
  const abort = () => controller.abort(new Error('time budget spent'))
  const timer = timeBudgetMs !== undefined && timeBudgetMs >= 0 ? setTimeout(abort, timeBudgetMs) : undefined
  timer?.unref?.()
  if (outer?.aborted) abort()
  else outer?.addEventListener('abort', abort, { once: true })
  return {
    signal: controller.signal,
    expired: () => controller.signal.aborted,
    dispose: () => {
      if (timer) clearTimeout(timer)
      outer?.removeEventListener('abort', abort)
    },
  }
}

/** An abort (ours or the SDK's AbortError) as opposed to a failed request. */
export function isAbort(err: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (err instanceof Error && err.name === 'AbortError')
}
