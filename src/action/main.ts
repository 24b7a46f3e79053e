/**
 * The GitHub Action: the runner's side of src/action/run.ts. Only this file touches the runner
 * (src/action/workflow-commands.ts: inputs, outputs, annotations, masks, the job summary; @actions/core for
 * an OIDC token) and builds the GitHub client of src/github/octokit.ts;
 * everything that decides something is passed these functions.
 */
import * as core from './workflow-commands'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { allRules } from '../rules/index'
import { escapeMarkdown, neutraliseCommands } from '../report/escape'
import { formatJsonReport } from '../report/json'
import { formatSarif } from '../report/sarif'
import { runGuard } from './run'
import { readEventPayload } from '../github/context'
import type { Octokit } from '../github/octokit'
import type { EarlyGit } from '../compare/early-git'
import type { EarlyFiles } from '../github/early-files'

/**
 * The GitHub client for `token`, loaded when first awaited: the changed files come from the entry's early
 * request (src/github/early-files.ts) when it was answered, and then the client is first needed for the
 * check run. The run asks for it as soon as the head scan is in the worker (src/action/pull-request.ts),
 * so it loads while this thread would wait, not before the head scan (Octokit and its plugins: tens of
 * milliseconds of loading on the path of every run).
 */
function lazyClient(token: string): PromiseLike<Octokit> {
  let client: Promise<Octokit> | undefined
  const load = (): Promise<Octokit> =>
    (client ??= import('../github/octokit').then(async ({ githubClient, mannersFromEnv, proxyFetch }) => {
      const fetch = await proxyFetch(process.env)
      const octokit = githubClient(token, {
        baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
        manners: mannersFromEnv(process.env),
        log: core.info,
        ...(fetch ? { fetch } : {}),
      })
      // Node's fetch loads its HTTP client (undici) at the first request, 25-100 ms of this thread: the check
      // run's, at the end of the run. Reading one of its classes loads it now, while the worker scans.
      if (!fetch) void typeof globalThis.Response
      return octokit
    }))
  return { then: (onLoaded, onFailed) => load().then(onLoaded, onFailed) }
}

/**
 * `early`: git's reads the entry started before this code loaded (src/compare/early-git.ts); `earlyFiles`: its
 * request for the changed files (src/github/early-files.ts).
 */
export async function run(early?: EarlyGit, earlyFiles?: EarlyFiles): Promise<void> {
  const startTime = new Date()
  let reportFile = ''
  let sarifFile = ''
  let finished = false
  try {
    const workspace = resolve(process.env.GITHUB_WORKSPACE || process.cwd())
    const payload = readEventPayload(process.env)
    const outcome = await runGuard({
      workspace,
      env: process.env,
      payload,
      getInput: core.getInput,
      setSecret: core.setSecret,
      setOutput: core.setOutput,
      octokitFor: lazyClient,
      sink: { error: core.error, warning: core.warning, notice: core.notice },
      // Warnings quote API and ARM messages: data, so it must not be able to issue workflow commands.
      log: { info: core.info, warning: (m) => core.warning(neutraliseCommands(m)) },
      writeSummary,
      // @actions/core only here, loaded when live Azure asks for a token: its HTTP client is a megabyte of
      // code no other run needs (src/action/workflow-commands.ts).
      getIdToken: async (audience) => (await import('@actions/core')).getIDToken(audience),
      ...(early ? { early } : {}),
      ...(earlyFiles ? { earlyFiles } : {}),
    })

    const { inputs, ev } = outcome
    finished = true
    if (inputs.reportFile) {
      reportFile = resolve(workspace, inputs.reportFile)
      await writeText(reportFile, formatJsonReport(ev.result, workspace))
    }
    if (inputs.sarifFile) {
      sarifFile = resolve(workspace, inputs.sarifFile)
      await writeText(
        sarifFile,
        formatSarif(ev.result, allRules, { startTime, exitCode: outcome.failure ? 1 : 0 }),
      )
    }
    core.setOutput('report-file', reportFile)
    core.setOutput('sarif-file', sarifFile)
    if (outcome.failure) core.setFailed(outcome.failure)
  } catch (error) {
    // The message only: a stack or an error object could carry more than a user should see in a log.
    const message = error instanceof Error ? error.message : String(error)
    // The outputs and the summary tell what happened: no verdict when the run did not get that far,
    // and only the reports that were written.
    core.setOutput('report-file', reportFile)
    core.setOutput('sarif-file', sarifFile)
    if (!finished) {
      core.setOutput('verdict', 'error')
      await writeSummary(
        `## Azure KMS Guard could not finish\n\n${escapeMarkdown(message)}\n\n` +
          'No verdict was reached and no findings are reported for this run.\n',
      ).catch(() => undefined)
    }
    core.setFailed(`Azure KMS Guard: ${message}`)
  }
}

async function writeText(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, text, 'utf8')
}

/** The summary only exists on a runner; a local run (act, tests) without it still gets everything else. */
async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.debug('GITHUB_STEP_SUMMARY is not set: no job summary written')
    return
  }
  await core.appendSummary(markdown)
}
