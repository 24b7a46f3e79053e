/**
 * What the run is about, from the event that started it: which commits to compare and whether the
 * pull request comes from a fork (whose token cannot write checks or comments).
 */
import * as fs from 'node:fs'

export type EventKind =
  'pull_request' | 'pull_request_target' | 'merge_group' | 'push' | 'workflow_dispatch' | 'schedule' | 'other'

export interface RunContext {
  kind: EventKind
  /** The event name as GitHub spells it (kept for `other`). */
  eventName: string
  /** The commit to compare against; undefined when there is none (first push, dispatch, schedule). */
  baseSha?: string
  /** The commit under test: the PR head (not the merge commit, so check runs land on the PR). */
  headSha: string
  prNumber?: number
  /** Head repository differs from the base repository (or was deleted). */
  isFork: boolean
  owner: string
  repo: string
}

type Json = Record<string, unknown>

/** payload.a.b.c, or undefined when any step is missing: event payloads are untyped JSON. */
function at(obj: unknown, ...keys: string[]): unknown {
  let v = obj
  for (const k of keys) v = v !== null && typeof v === 'object' ? (v as Json)[k] : undefined
  return v
}

const ZERO_SHA = /^0+$/

function num(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined
}

/** Events with a base commit to compare with. */
export function comparesWithBase(ctx: RunContext): boolean {
  return ctx.kind === 'pull_request' || ctx.kind === 'pull_request_target' || ctx.kind === 'merge_group'
}

/** True for the events that have a pull request to comment on and a base to compare with. */
export function isPullRequest(ctx: RunContext): boolean {
  return ctx.kind === 'pull_request' || ctx.kind === 'pull_request_target'
}

export function contextFromEvent(
  eventName: string,
  payload: Json,
  env: { GITHUB_REPOSITORY?: string; GITHUB_SHA?: string } = {},
): RunContext {
  const [envOwner, envRepo] = (env.GITHUB_REPOSITORY ?? '/').split('/')
  const owner = str(at(payload, 'repository', 'owner', 'login')) ?? envOwner ?? ''
  const repo = str(at(payload, 'repository', 'name')) ?? envRepo ?? ''
  const sha = env.GITHUB_SHA ?? ''
  const base = { eventName, owner, repo, isFork: false }

  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      const pr = at(payload, 'pull_request')
      const baseRepo = str(at(pr, 'base', 'repo', 'full_name')) ?? `${owner}/${repo}`
      // A PR whose fork was deleted has head.repo null: treat it as a fork, its token is just as limited.
      const headRepo = str(at(pr, 'head', 'repo', 'full_name'))
      return {
        ...base,
        kind: eventName,
        baseSha: str(at(pr, 'base', 'sha')),
        headSha: str(at(pr, 'head', 'sha')) ?? sha,
        prNumber: num(at(pr, 'number')) ?? num(payload.number),
        isFork: headRepo === undefined || headRepo.toLowerCase() !== baseRepo.toLowerCase(),
      }
    }
    case 'merge_group': {
      const mg = at(payload, 'merge_group')
      return {
        ...base,
        kind: 'merge_group',
        baseSha: str(at(mg, 'base_sha')),
        headSha: str(at(mg, 'head_sha')) ?? sha,
      }
    }
    case 'push': {
      // `before` is all zeros when a branch is created: there is nothing to compare with.
      const before = str(payload.before)
      return {
        ...base,
        kind: 'push',
        baseSha: before && !ZERO_SHA.test(before) ? before : undefined,
        headSha: str(payload.after) ?? sha,
      }
    }
    case 'workflow_dispatch':
    case 'schedule':
      return { ...base, kind: eventName, headSha: sha }
    default:
      return { ...base, kind: 'other', headSha: sha }
  }
}

/** The GITHUB_EVENT_PATH payload; a missing payload reads as `{}`. */
export function readEventPayload(env: NodeJS.ProcessEnv = process.env): Json {
  const file = env.GITHUB_EVENT_PATH
  return file && fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Json) : {}
}

/** Reads GITHUB_EVENT_NAME and the GITHUB_EVENT_PATH payload; a missing payload reads as `{}`. */
export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  return contextFromEvent(env.GITHUB_EVENT_NAME ?? '', readEventPayload(env), env)
}
