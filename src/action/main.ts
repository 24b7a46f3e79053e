/**
 * The GitHub Action: the runner's side of src/action/run.ts. Only this file touches the runner
 * (./runner.ts, and @actions/core for an OIDC token) and builds the GitHub client of src/github/octokit.ts;
 * everything that decides something is passed these functions.
 */
import * as runner from './runner'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { allRules } from '../rules/index'
import { escapeMarkdown, neutraliseCommands } from '../report/escape'
import { formatJsonReport } from '../report/json'
import { formatSarif } from '../report/sarif'
import { runGuard } from './run'
import { readEventPayload } from '../github/context'
import type { Octokit } from '../github/octokit'

/**
 * The GitHub client for `token`, loaded a turn of the event loop later: Octokit brings @actions/http-client
 * and undici with Node's HTTP modules (about 1.3 MB of bundle, ~70 ms of CPU), and by then the run has
 * started the git processes of a pull request (src/action/pull-request.ts evaluate), which work meanwhile.
 */
function lazyClient(token: string): Promise<Octokit> {
  const client = new Promise<void>((start) => setImmediate(start))
    .then(() => import('../github/octokit'))
    .then(({ githubClient, mannersFromEnv }) =>
      githubClient(token, {
        baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
        manners: mannersFromEnv(process.env),
        log: runner.info,
      }),
    )
  // Awaited where it is used; a run that never uses it must not end on an unhandled rejection.
  client.catch(() => undefined)
  return client
}

export async function run(): Promise<void> {
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
      getInput: runner.getInput,
      setSecret: runner.setSecret,
      setOutput: runner.setOutput,
      octokitFor: lazyClient,
      sink: { error: runner.error, warning: runner.warning, notice: runner.notice },
      // Warnings quote API and ARM messages: data, so it must not be able to issue workflow commands.
      log: { info: runner.info, warning: (m) => runner.warning(neutraliseCommands(m)) },
      writeSummary,
      // @actions/core (and its HTTP client) only for the token of a live Azure sign-in.
      getIdToken: async (audience) => (await import('@actions/core')).getIDToken(audience),
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
    runner.setOutput('report-file', reportFile)
    runner.setOutput('sarif-file', sarifFile)
    if (outcome.failure) runner.setFailed(outcome.failure)
  } catch (error) {
    // The message only: a stack or an error object could carry more than a user should see in a log.
    const message = error instanceof Error ? error.message : String(error)
    // The outputs and the summary tell what happened: no verdict when the run did not get that far,
    // and only the reports that were written.
    runner.setOutput('report-file', reportFile)
    runner.setOutput('sarif-file', sarifFile)
    if (!finished) {
      runner.setOutput('verdict', 'error')
      await writeSummary(
        `## Azure KMS Guard could not finish\n\n${escapeMarkdown(message)}\n\n` +
          'No verdict was reached and no findings are reported for this run.\n',
      ).catch(() => undefined)
    }
    runner.setFailed(`Azure KMS Guard: ${message}`)
  }
}

async function writeText(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, text, 'utf8')
}

/** The summary only exists on a runner; a local run (act, tests) without it still gets everything else. */
async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    runner.debug('GITHUB_STEP_SUMMARY is not set: no job summary written')
    return
  }
  await runner.appendSummary(markdown)
}
