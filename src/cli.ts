/**
 * The CLI: `azure-kms-guard scan [PATH]`. The same pipeline and reporters as the action; exit codes
 * are the contract with scripts: 0 clean, 1 findings at or above --fail-on, 2 usage or internal error.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { realpathSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { isMainThread } from 'node:worker_threads'
import { CLOUDS } from './kms/catalogue'
import { parseCloud, parseRegistries } from './options'
import { allRules } from './rules/index'
import { scan } from './scan'
import { plainLine } from './report/escape'
import { countFindings, describeCounts, failsAt, FAIL_ON_LEVELS, parseFailOn } from './report/exit'
import { formatJsonReport } from './report/json'
import { toMarkdown } from './report/markdown'
import { formatSarif } from './report/sarif'
import { toText } from './report/text'
import { TOOL_NAME, TOOL_VERSION } from './report/tool'

export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
  /** Directory relative paths are resolved against and reports are relative to. */
  cwd: string
  /** Colours in the text format (a TTY without NO_COLOR). */
  color?: boolean
  /** Terminal width for wrapping. */
  columns?: number
  /** Parse in worker threads (the pipeline's default when unset); tests running from source pass false. */
  workers?: boolean
}

export const EXIT_CLEAN = 0
export const EXIT_FINDINGS = 1
export const EXIT_ERROR = 2

const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const
type Format = (typeof FORMATS)[number]

export const USAGE = `Usage: ${TOOL_NAME} scan [PATH] [options]

Reports everything in Azure network IaC (Terraform) that breaks Windows activation
on Azure KMS (TCP 1688).

Options:
  --format text|json|sarif|markdown   output format (default: text)
  --cloud NAME                        auto, ${CLOUDS.join(', ')} (default: auto)
  --var-file FILE                     Terraform var file; repeatable, later wins
  --download-modules                  fetch Terraform registry and git modules that
                                      \`terraform init\` has not installed (TF_TOKEN_<host>
                                      tokens are sent to their own host only)
  --module-cache DIR                  where downloaded modules are kept
                                      (default: $RUNNER_TEMP or the temp folder)
  --module-registry [HOST=]URL        use URL for the module registry HOST
                                      (default host registry.terraform.io); repeatable
  --fail-on error|warning|notice|never
                                      exit 1 when a finding is at or above this (default: error)
  --output FILE                       write the report to FILE instead of stdout
  -h, --help                          show this help
  -v, --version                       show the version

Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage or internal error.
`

class UsageError extends Error {}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f', default: 'text' },
        cloud: { type: 'string', default: 'auto' },
        'var-file': { type: 'string', multiple: true, default: [] },
        'download-modules': { type: 'boolean', default: false },
        'module-cache': { type: 'string' },
        'module-registry': { type: 'string', multiple: true, default: [] },
        'fail-on': { type: 'string', default: 'error' },
        output: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    })
  } catch (error) {
    return usageError(io, error instanceof Error ? error.message : String(error))
  }
  const { values, positionals } = parsed
  if (values.help) {
    io.stdout(USAGE)
    return EXIT_CLEAN
  }
  if (values.version) {
    io.stdout(`${TOOL_VERSION}\n`)
    return EXIT_CLEAN
  }

  try {
    const [command, path = '.', ...extra] = positionals
    if (command === undefined) throw new UsageError('missing command: scan')
    if (command !== 'scan') throw new UsageError(`unknown command '${command}'`)
    if (extra.length > 0) throw new UsageError(`one PATH only (got also '${extra.join("', '")}')`)
    const format = values.format as Format
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`)
    const cloud = parseCloud(values.cloud)
    if (!cloud) throw new UsageError(`--cloud must be one of auto, ${CLOUDS.join(', ')}`)
    const failOn = parseFailOn(values['fail-on'])
    if (!failOn) throw new UsageError(`--fail-on must be one of ${FAIL_ON_LEVELS.join(', ')}`)
    let registries: Map<string, string>
    try {
      registries = parseRegistries(values['module-registry'])
    } catch (e) {
      throw new UsageError(`--${(e as Error).message}`)
    }
    const download = values['download-modules']
    if (!download && (values['module-cache'] !== undefined || registries.size > 0))
      throw new UsageError('--module-cache and --module-registry need --download-modules')

    const result = await scan({
      path: resolve(io.cwd, path),
      cloud,
      varFiles: values['var-file'].map((f) => resolve(io.cwd, f)),
      ...(download
        ? {
            downloadModules: {
              registries,
              ...(values['module-cache'] !== undefined
                ? { cacheDir: resolve(io.cwd, values['module-cache']) }
                : {}),
            },
          }
        : {}),
      ...(io.workers !== undefined ? { workers: io.workers } : {}),
    })

    const toFile = values.output !== undefined
    let report: string
    switch (format) {
      case 'json':
        report = formatJsonReport(result, io.cwd)
        break
      case 'sarif':
        report = formatSarif(result, io.cwd, allRules)
        break
      case 'markdown':
        report = toMarkdown(result, io.cwd, { failOn }) + '\n'
        break
      default:
        report = toText(result, io.cwd, { color: !toFile && io.color === true, width: io.columns })
    }
    if (toFile) {
      const file = resolve(io.cwd, values.output!)
      await mkdir(dirname(file), { recursive: true })
      await writeFile(file, report, 'utf8')
      io.stderr(
        `${TOOL_NAME}: ${describeCounts(countFindings(result.findings))}; report written to ${file}\n`,
      )
    } else io.stdout(report)

    return failsAt(result.findings, failOn) ? EXIT_FINDINGS : EXIT_CLEAN
  } catch (error) {
    if (error instanceof UsageError) return usageError(io, error.message)
    io.stderr(`${TOOL_NAME}: error: ${plainLine(error instanceof Error ? error.message : String(error))}\n`)
    return EXIT_ERROR
  }
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`${TOOL_NAME}: ${plainLine(message)}\nRun '${TOOL_NAME} --help' for usage.\n`)
  return EXIT_ERROR
}

/**
 * True when this module is the program (node dist/cli/index.js): not imported by a test, and not a parse
 * worker started from the same bundle (a worker sees the same argv).
 */
function isEntryPoint(): boolean {
  const script = process.argv[1]
  if (!script || !isMainThread) return false
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url))
  } catch {
    return false
  }
}

if (isEntryPoint()) {
  main(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    color: process.stdout.isTTY === true && !process.env.NO_COLOR,
    columns: process.stdout.columns,
  }).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      process.stderr.write(
        `${TOOL_NAME}: error: ${plainLine(error instanceof Error ? error.message : String(error))}\n`,
      )
      process.exitCode = EXIT_ERROR
    },
  )
}
