/**
 * How the GitHub client behaves towards the API (issue 14): per-attempt timeout, retries, the longest rate
 * limit wait. Apart from the client (octokit.ts), so that the action's entry can time its early
 * changed-files request (src/github/early-files.ts) without loading Octokit.
 */

export interface ApiManners {
  /** Per attempt: the reply (headers and body) must arrive within this. */
  timeoutMs: number
  /** Retries of a 5xx or a network error (not of a timeout: a silent server would cost timeoutMs again). */
  retries: number
  /** The retry plugin waits (n+1)² × this before retry n+1. */
  retryBaseMs: number
  /** A rate limit whose Retry-After (or reset) is longer than this is not waited for: the step is skipped. */
  maxWaitS: number
}

export const DEFAULT_MANNERS: ApiManners = { timeoutMs: 30_000, retries: 2, retryBaseMs: 1000, maxWaitS: 60 }

/**
 * `AZURE_KMS_GUARD_API_TIMEOUT_MS` and `AZURE_KMS_GUARD_API_MAX_WAIT_S` tune the defaults (a slow GitHub
 * Enterprise Server, or tests that cannot wait 30 s); anything that is not a positive number is ignored.
 */
export function mannersFromEnv(env: NodeJS.ProcessEnv): ApiManners {
  const num = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v.trim()) ? Number(v) : undefined)
  const timeoutMs = num(env.AZURE_KMS_GUARD_API_TIMEOUT_MS)
  const maxWaitS = num(env.AZURE_KMS_GUARD_API_MAX_WAIT_S)
  return {
    ...DEFAULT_MANNERS,
    ...(timeoutMs ? { timeoutMs } : {}),
    ...(maxWaitS !== undefined ? { maxWaitS } : {}),
  }
}
