/**
 * Azure DevOps logging commands (`--format azure-pipelines`): one `##vso[task.logissue]` per finding,
 * so a pipeline run lists each finding with its file and line. Everything from a scanned file is
 * escaped the way the agent unescapes it, and `##vso[` / `##[` inside the data are broken, so a file's
 * content can never start a command of its own.
 * https://learn.microsoft.com/azure/devops/pipelines/scripts/logging-commands
 */
import type { Finding } from '../rules/types'
import type { ScanResult } from '../pipeline/scan-types'
import { countFindings, describeCounts, sortFindings } from './exit'
import { stripControl } from './escape'
import { messageWithPaths } from './finding-paths'
import { displayPath } from './paths'

/** The agent's escaping (VssStringUtil): `%` first, then line breaks, and in properties `;` and `]`. */
function escapeData(s: string): string {
  return breakCommands(stripControl(s)).replace(/%/g, '%AZP25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/;/g, '%3B').replace(/]/g, '%5D')
}

/** A zero-width space splits the markers the agent looks for anywhere in a line. */
function breakCommands(s: string): string {
  return s.replace(/##vso\[/gi, '##\u200bvso[').replace(/##\[/g, '#\u200b#[')
}

const TYPE: Record<Finding['severity'], 'error' | 'warning'> = {
  error: 'error',
  warning: 'warning',
  // Azure DevOps has no notice level: a notice is a warning there, and its text says it is a notice.
  notice: 'warning',
}

export function formatAzurePipelines(result: ScanResult, cwd: string): string {
  const lines: string[] = []
  for (const f of sortFindings(result.findings)) {
    const props = [
      `type=${TYPE[f.severity]}`,
      `sourcepath=${escapeProperty(displayPath(f.location.file, cwd))}`,
      `linenumber=${f.location.startLine}`,
      `code=${escapeProperty(f.ruleId)}`,
    ]
    const level = f.severity === 'notice' ? ' (notice)' : ''
    lines.push(
      `##vso[task.logissue ${props.join(';')};]${escapeData(`${f.ruleId}${level}: ${f.title}. ${messageWithPaths(f)}`)}`,
    )
  }
  lines.push(
    `azure-kms-guard: ${describeCounts(countFindings(result.findings))}; ${result.filesScanned} files scanned`,
  )
  return lines.join('\n') + '\n'
}
