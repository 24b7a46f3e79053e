/**
 * The CLI: `azure-kms-guard scan [PATH]` (and `hook FILE...` for pre-commit). The same pipeline and
 * reporters as the action; exit codes are the contract with scripts (see `--help` and README). The
 * program (dist/cli/index.js) is bin.ts, which starts the scan worker before it loads this module.
 */
import { parseCommandLine, usage, UsageError } from './args'
import { EXIT_CLEAN, EXIT_ERROR, runCli, type CliIo } from './run'
import { plainLine } from '../report/escape'
import { TOOL_NAME, TOOL_VERSION } from '../report/tool'
import { exitWhenWritten } from '../pipeline/exit-when-written'

export { EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, EXIT_UNREADABLE, type CliIo } from './run'
export const USAGE = usage()

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const opts = parseCommandLine(argv)
    if (opts.command === 'help') {
      io.stdout(USAGE)
      return EXIT_CLEAN
    }
    if (opts.command === 'version') {
      io.stdout(`${TOOL_VERSION}\n`)
      return EXIT_CLEAN
    }
    return await runCli(opts, io)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    if (error instanceof UsageError) {
      // Config problems span lines (one per problem); each line is made safe on its own.
      io.stderr(
        `${TOOL_NAME}: ${message.split('\n').map(plainLine).join('\n')}\nRun '${TOOL_NAME} --help' for usage.\n`,
      )
      return EXIT_ERROR
    }
    io.stderr(`${TOOL_NAME}: error: ${plainLine(message)}\n`)
    return EXIT_ERROR
  }
}

/** Runs the command line of this process and exits with its code (bin.ts calls it). */
export function runProgram(): void {
  main(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    color: process.stdout.isTTY === true && !process.env.NO_COLOR,
    columns: process.stdout.columns,
    progress: process.stderr.isTTY === true,
  }).then(
    (code) => exitWhenWritten(code),
    (error: unknown) => {
      process.stderr.write(
        `${TOOL_NAME}: error: ${plainLine(error instanceof Error ? error.message : String(error))}\n`,
      )
      exitWhenWritten(EXIT_ERROR)
    },
  )
}
