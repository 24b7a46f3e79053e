/**
 * The GitHub Action: inputs in, the pipeline, findings out to reporters, status set. Everything that
 * decides something lives elsewhere; this file only wires @actions/core to it.
 */
import * as core from '@actions/core'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { CLOUDS, type CloudName } from './kms/catalogue'
import { parseCloud, splitList } from './options'
import { allRules } from './rules/index'
import { scan } from './scan'
import { emitAnnotations } from './report/annotations'
import { neutraliseCommands } from './report/escape'
import {
  countAtOrAbove,
  countFindings,
  describeCounts,
  failsAt,
  FAIL_ON_LEVELS,
  parseFailOn,
} from './report/exit'
import { formatJsonReport } from './report/json'
import { toMarkdown } from './report/markdown'
import { formatSarif } from './report/sarif'
import { toText } from './report/text'

export async function run(): Promise<void> {
  try {
    const workspace = resolve(process.env.GITHUB_WORKSPACE || process.cwd())
    const inputs = readInputs(workspace)

    const result = await scan({ path: inputs.path, cloud: inputs.cloud, varFiles: inputs.varFiles })
    const counts = countFindings(result.findings)

    emitAnnotations(result.findings, workspace, {
      error: core.error,
      warning: core.warning,
      notice: core.notice,
    })
    // The log gets the readable table too; data in it is neutralised so it cannot issue commands.
    core.info(neutraliseCommands(toText(result, workspace)).trimEnd())

    await writeSummary(toMarkdown(result, workspace, { failOn: inputs.failOn, blobUrl: blobUrl() }))

    let reportFile = ''
    if (inputs.reportFile) {
      reportFile = resolve(workspace, inputs.reportFile)
      await writeText(reportFile, formatJsonReport(result, workspace))
    }
    let sarifFile = ''
    if (inputs.sarifFile) {
      sarifFile = resolve(workspace, inputs.sarifFile)
      await writeText(sarifFile, formatSarif(result, workspace, allRules))
    }

    core.setOutput('errors', counts.errors)
    core.setOutput('warnings', counts.warnings)
    core.setOutput('notices', counts.notices)
    core.setOutput('findings', counts.total)
    core.setOutput('report-file', reportFile)
    core.setOutput('sarif-file', sarifFile)

    if (failsAt(result.findings, inputs.failOn)) {
      const n = countAtOrAbove(result.findings, inputs.failOn)
      core.setFailed(
        `Azure KMS Guard: ${n === 1 ? '1 finding' : `${n} findings`} at or above fail-on '${inputs.failOn}' ` +
          `(${describeCounts(counts)}): Windows activation (KMS, TCP 1688) would break. ` +
          'See the annotations and the job summary.',
      )
    }
  } catch (error) {
    // The message only: a stack or an error object could carry more than a user should see in a log.
    core.setFailed(`Azure KMS Guard: ${error instanceof Error ? error.message : String(error)}`)
  }
}

interface Inputs {
  path: string
  cloud: CloudName | 'auto'
  varFiles: string[]
  failOn: NonNullable<ReturnType<typeof parseFailOn>>
  sarifFile: string
  reportFile: string
}

/** Reads and validates every input; throws with the input's name and the accepted values. */
export function readInputs(workspace: string): Inputs {
  const cloudInput = core.getInput('cloud') || 'auto'
  const cloud = parseCloud(cloudInput)
  if (!cloud) {
    throw new Error(`input 'cloud' must be one of auto, ${CLOUDS.join(', ')} (got '${cloudInput}')`)
  }
  const failOnInput = core.getInput('fail-on') || 'error'
  const failOn = parseFailOn(failOnInput)
  if (!failOn) {
    throw new Error(`input 'fail-on' must be one of ${FAIL_ON_LEVELS.join(', ')} (got '${failOnInput}')`)
  }
  return {
    path: resolve(workspace, core.getInput('path') || '.'),
    cloud,
    varFiles: splitList(core.getInput('var-files')).map((f) => resolve(workspace, f)),
    failOn,
    sarifFile: core.getInput('sarif-file'),
    reportFile: core.getInput('report-file'),
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
  await core.summary.addRaw(markdown, true).write()
}

function blobUrl(): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_SHA: sha } = process.env
  return server && repo && sha ? `${server}/${repo}/blob/${sha}` : undefined
}
