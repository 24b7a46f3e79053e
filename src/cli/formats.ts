/** The CLI's output formats, each a view of one ScanResult. */
import { allRules } from '../rules/index'
import type { ScanResult } from '../pipeline/scan-types'
import type { FailOn } from '../report/exit'
import { formatAzurePipelines } from '../report/azure-pipelines'
import { formatGitlab } from '../report/gitlab'
import { formatJsonReport } from '../report/json'
import { formatJunit } from '../report/junit'
import { toMarkdown } from '../report/markdown'
import { formatSarif } from '../report/sarif'
import { toText } from '../report/text'

export const FORMATS = ['text', 'json', 'sarif', 'markdown', 'junit', 'gitlab', 'azure-pipelines'] as const
export type Format = (typeof FORMATS)[number]

export const FORMAT_HELP: Record<Format, string> = {
  text: 'a table for people (the default)',
  json: 'the JSON report (docs: README, "JSON report")',
  sarif: 'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers',
  markdown: 'the job summary as Markdown',
  junit: 'JUnit XML, for Azure DevOps PublishTestResults and GitLab reports:junit',
  gitlab: 'GitLab Code Quality JSON, for artifacts:reports:codequality',
  'azure-pipelines': 'Azure DevOps ##vso[task.logissue] logging commands',
}

export interface RenderOptions {
  cwd: string
  failOn: FailOn
  failOnUnknown?: boolean
  color: boolean
  columns?: number
  /** For SARIF's invocation: when the run started and the exit code it ends with. */
  startTime?: Date
  exitCode?: number
}

export function render(format: Format, result: ScanResult, o: RenderOptions): string {
  switch (format) {
    case 'json':
      return formatJsonReport(result, o.cwd)
    case 'sarif':
      return formatSarif(result, allRules, {
        ...(o.startTime ? { startTime: o.startTime } : {}),
        ...(o.exitCode !== undefined ? { exitCode: o.exitCode } : {}),
      })
    case 'markdown':
      return toMarkdown(result, o.cwd, { failOn: o.failOn, failOnUnknown: o.failOnUnknown === true }) + '\n'
    case 'junit':
      return formatJunit(result, o.cwd, allRules)
    case 'gitlab':
      return formatGitlab(result, o.cwd)
    case 'azure-pipelines':
      return formatAzurePipelines(result, o.cwd)
    case 'text':
      return toText(result, o.cwd, { color: o.color, ...(o.columns ? { width: o.columns } : {}) })
  }
}
