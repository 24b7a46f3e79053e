/**
 * One run of the action from inputs to verdict: inputs, config, live state, evaluation, then every
 * publication. The runner's side (core.getInput, core.setOutput, the summary file, Octokit) comes in as
 * `deps`, so the tests drive exactly this with a stand-in GitHub server and recorders.
 */
import * as path from 'node:path'
import type { TokenCredential } from '@azure/core-auth'
import { loadConfig } from '../config/config'
import { contextFromEvent, type RunContext } from '../github/context'
import type { StickyCommentResult } from '../github/comment'
import type { GitRunner } from '../github/git'
import type { EarlyGit } from '../compare/early-git'
import type { EarlyFiles } from '../github/early-files'
import type { Octokit } from '../github/octokit'
import type { SuggestionsResult } from '../github/suggestions'
import { neutraliseCommands } from '../report/escape'
import type { AnnotationSink } from '../report/annotations'
import { toText } from '../report/text'
import { verdictHeadline } from '../report/verdict'
import type { ClientOptions } from '../sources/azure/index'
import { readActionInputs, type ActionInputs, type GetInput } from './inputs'
import type { LiveState } from './live'
import { comparesWithBase, evaluate, type Evaluation } from './pull-request'
import { failureMessage, tally, tallyOutputs } from './tally'
import {
  composeSummary,
  hiddenNote,
  reportModel,
  publishAnnotations,
  publishComment,
  publishSuggestions,
  type AnnotationOutcome,
  type Log,
} from './publish'

export interface GuardDeps {
  workspace: string
  /** GITHUB_* variables: the event, the repository, the server and run for links. */
  env: NodeJS.ProcessEnv
  /** The event payload (GITHUB_EVENT_PATH, parsed); `{}` when there is none. */
  payload: Record<string, unknown>
  getInput: GetInput
  setSecret(secret: string): void
  setOutput(name: string, value: string | number): void
  /** The GitHub client; a promise (or a thenable) when it loads while the run goes on (src/action/main.ts). */
  octokitFor(token: string): Octokit | PromiseLike<Octokit>
  sink: AnnotationSink
  log: Log
  writeSummary(markdown: string): Promise<void>
  /** core.getIDToken, for OIDC sign-in to Azure. */
  getIdToken?: (audience: string) => Promise<string>
  /** Tests: a credential and client options for the stand-in ARM server. */
  azureCredential?: TokenCredential
  azureClientOptions?: ClientOptions
  git?: GitRunner
  /** git's reads started by the action's entry (src/compare/early-git.ts). */
  early?: EarlyGit
  /** The changed files asked for by the action's entry (src/github/early-files.ts). */
  earlyFiles?: EarlyFiles
}

export interface GuardOutcome {
  inputs: ActionInputs
  ctx: RunContext
  ev: Evaluation
  live?: LiveState
  summary: string
  annotations: AnnotationOutcome
  comment?: StickyCommentResult
  suggestions?: SuggestionsResult
  /** Set when the step fails on its findings. */
  failure?: string
}

async function readLive(inputs: ActionInputs, deps: GuardDeps): Promise<LiveState> {
  // Loaded only when asked for: the Azure SDK is most of the bundle (dist/index.js was 8.4 MB with it),
  // and parsing it cost every run half a second before the scan started. The bundler puts it in a chunk.
  const { armEndpoint, liveCloud, liveCredential, readDeployed } = await import('./live')
  const live = inputs.live!
  const cloud = liveCloud(inputs.cloud)
  const state = await readDeployed({
    credential: deps.azureCredential ?? liveCredential(live, cloud, deps.getIdToken),
    cloud,
    endpoint: armEndpoint(live, cloud),
    subscriptionIds: live.subscriptionIds,
    ...(live.resourceGroups ? { resourceGroups: live.resourceGroups } : {}),
    effectiveRoutes: live.effectiveRoutes,
    timeBudgetMs: live.timeBudgetMs,
    ...(deps.azureClientOptions ? { clientOptions: deps.azureClientOptions } : {}),
  })
  // Warnings name the subscription or resource group; the credential is never part of them.
  for (const w of state.warnings) deps.log.warning(`Live Azure: ${w}`)
  for (const i of state.incomplete) deps.log.warning(`Live Azure: not read within live-time-budget: ${i}`)
  if (state.unchecked.length > 0)
    deps.log.warning(
      `Live Azure: effective routes not checked for ${state.unchecked.length} subnet(s); the job summary names them`,
    )
  return state
}

function urls(env: NodeJS.ProcessEnv, ctx: RunContext): { blobUrl?: string; runUrl?: string } {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: id } = env
  // Links go to the commit judged (the pull request head, not the merge commit GITHUB_SHA names).
  const sha = ctx.headSha || env.GITHUB_SHA
  return {
    ...(server && repo && sha ? { blobUrl: `${server}/${repo}/blob/${sha}` } : {}),
    ...(server && repo && id ? { runUrl: `${server}/${repo}/actions/runs/${id}` } : {}),
  }
}

/** The secrets of a run: each is masked by the runner and replaced by *** in any text we print. */
export class Secrets {
  private readonly known: string[] = []
  constructor(private readonly setSecret: (s: string) => void) {}
  add(secret: string | undefined): void {
    const s = secret?.trim()
    // Very short values would mask ordinary words; GitHub and Azure secrets are long.
    if (!s || s.length < 8 || this.known.includes(s)) return
    this.known.push(s)
    this.setSecret(s)
  }
  scrub(text: string): string {
    let out = text
    for (const s of this.known) out = out.split(s).join('***')
    return out
  }
}

export async function runGuard(input: GuardDeps): Promise<GuardOutcome> {
  let deps = input
  const { workspace } = deps
  const ctx = contextFromEvent(deps.env.GITHUB_EVENT_NAME ?? '', deps.payload, deps.env)
  const inputs = readActionInputs(deps.getInput, {
    workspace,
    pullRequest: comparesWithBase(ctx),
    env: deps.env,
  })
  // Every secret the action knows is registered before anything can log it (the runner masks it in
  // every later line) and scrubbed from what we print ourselves (an API error body may echo it).
  const secrets = new Secrets(deps.setSecret)
  secrets.add(inputs.token)
  secrets.add(deps.env.AZURE_CLIENT_SECRET)
  secrets.add(deps.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
  const raw = deps.log
  const log: Log = {
    info: (m) => raw.info(secrets.scrub(m)),
    warning: (m) => raw.warning(secrets.scrub(m)),
  }
  deps = {
    ...deps,
    log,
    ...(input.getIdToken
      ? {
          getIdToken: async (audience: string) => {
            const token = await input.getIdToken!(audience)
            secrets.add(token)
            return token
          },
        }
      : {}),
  }
  const client = inputs.token ? deps.octokitFor(inputs.token) : undefined
  const config = loadConfig(path.dirname(inputs.configFile), path.basename(inputs.configFile))
  const live = inputs.live ? await readLive(inputs, deps) : undefined
  const { blobUrl, runUrl } = urls(deps.env, ctx)

  const ev = await evaluate({
    ctx,
    workspace,
    scope: inputs.scope,
    scanOptions: {
      path: inputs.path,
      cloud: inputs.cloud,
      varFiles: inputs.varFiles,
      planFiles: inputs.planFiles,
      ...(live ? { deployed: live.deployed } : {}),
      ...(inputs.downloadModules ? { downloadModules: inputs.downloadModules } : {}),
      ...(inputs.baseline ? { baseline: inputs.baseline } : {}),
    },
    config,
    wantComparison: inputs.comment,
    ...(client ? { octokit: client } : {}),
    ...(deps.git ? { git: deps.git } : {}),
    ...(deps.early ? { early: deps.early } : {}),
    ...(deps.earlyFiles ? { earlyFiles: deps.earlyFiles } : {}),
    ...(deps.env.RUNNER_TEMP ? { tempRoot: deps.env.RUNNER_TEMP } : {}),
    ...(inputs.cacheDir ? { cacheDir: inputs.cacheDir } : {}),
  })
  for (const w of ev.warnings) log.warning(w)
  for (const l of ev.log ?? []) log.info(l)
  log.info(neutraliseCommands(toText(ev.result, workspace)).trimEnd())

  const failOnDeployed = inputs.live?.failOnDeployed ?? false
  const summaryInput = {
    ev,
    workspace,
    failOn: inputs.failOn,
    failOnDeployed,
    event: comparesWithBase(ctx) ? ('pull-request' as const) : ('branch' as const),
    failOnUnknown: inputs.failOnUnknown,
    ...(blobUrl ? { blobUrl } : {}),
    ...(live ? { live } : {}),
  }
  // One model for the summary, the check run and the comment, so their verdicts and counts agree.
  const model = reportModel(summaryInput)
  let summary = composeSummary(summaryInput, model)
  const octokit = await client
  const annotations = await publishAnnotations({
    ctx,
    ev,
    workspace,
    failOn: inputs.failOn,
    failOnDeployed,
    failOnUnknown: inputs.failOnUnknown,
    summary,
    model,
    ...(octokit ? { octokit } : {}),
    sink: deps.sink,
    log,
    ...(runUrl ? { detailsUrl: runUrl } : {}),
  })
  const hidden = hiddenNote(annotations)
  if (hidden) summary += `\n${hidden}`
  await deps.writeSummary(summary)

  const outcome: GuardOutcome = { inputs, ctx, ev, summary, annotations, ...(live ? { live } : {}) }
  if (octokit && inputs.comment) {
    const comment = await publishComment({
      ctx,
      ev,
      model,
      workspace,
      failOnDeployed,
      whenClean: inputs.commentWhenClean,
      octokit,
      ...(runUrl ? { runUrl } : {}),
    })
    if (comment) outcome.comment = comment
    if (comment && !comment.ok) log.warning(`Pull request comment not written: ${comment.reason}`)
    const suggestions = await publishSuggestions({ ctx, ev, workspace, octokit })
    if (suggestions) outcome.suggestions = suggestions
    if (suggestions && !suggestions.ok) log.warning(`Suggestions not posted: ${suggestions.reason}`)
    else if (suggestions?.posted) log.info(`Posted ${suggestions.posted} suggestion(s).`)
  }

  // One tally for the outputs, the failure and (in publish) the headline and the check run.
  const t = tally(ev, inputs.failOn, failOnDeployed, inputs.failOnUnknown)
  for (const [k, v] of Object.entries(tallyOutputs(t, ev.result.suppressed.length))) deps.setOutput(k, v)
  deps.setOutput('annotations', annotations.via)
  const verdict = ev.result.verdict
  deps.setOutput('verdict', verdict.overall)
  deps.setOutput('subnets', verdict.subnets.length)
  deps.setOutput('reachable', verdict.reachable)
  deps.setOutput('blocked', verdict.blocked)
  deps.setOutput('undecided', verdict.undecided)
  log.info(`Verdict: ${verdictHeadline(verdict)}`)
  const failure = failureMessage(t, inputs.failOn, ev.scope, ev.result.verdict)
  if (failure) outcome.failure = failure
  return outcome
}
