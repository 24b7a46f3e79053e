/**
 * The runner's protocol, as @actions/core 3 speaks it: inputs from INPUT_* variables, workflow commands on
 * stdout (`::error file=…::message`, `::add-mask::`), outputs appended to the GITHUB_OUTPUT file and the job
 * summary to GITHUB_STEP_SUMMARY. Written out here, the same bytes as @actions/core's, because loading
 * @actions/core loads its HTTP client for OIDC tokens (@actions/http-client and undici, a megabyte of code
 * and node's http, https, http2 and zlib), and the action's entry had to load all of that before the first
 * input was read: 60-80 ms of CPU on the path of every run (bench/pr.mjs, Node 20). Only an OIDC token
 * needs @actions/core now (getIdToken, loaded when live Azure asks for one).
 */
import { randomUUID } from 'node:crypto'
import { appendFileSync, existsSync } from 'node:fs'
import { access, appendFile } from 'node:fs/promises'
import { constants } from 'node:fs'
import { EOL } from 'node:os'

/** What an annotation command carries besides its message (@actions/core AnnotationProperties). */
export interface AnnotationProperties {
  title?: string
  file?: string
  startLine?: number
  endLine?: number
  startColumn?: number
  endColumn?: number
}

/** @actions/core toCommandValue: strings as they are, anything else as JSON, nothing as ''. */
function commandValue(input: unknown): string {
  if (input === null || input === undefined) return ''
  if (typeof input === 'string' || input instanceof String) return String(input)
  return JSON.stringify(input)
}

const escapeData = (s: unknown): string =>
  commandValue(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')

const escapeProperty = (s: unknown): string =>
  commandValue(s)
    .replace(/%/g, '%25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A')
    .replace(/:/g, '%3A')
    .replace(/,/g, '%2C')

/** `::command key=value,…::message`, properties with an empty value left out, as @actions/core writes it. */
export function commandLine(
  command: string,
  properties: Record<string, string | number | undefined>,
  message: unknown,
): string {
  const props = Object.entries(properties)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${escapeProperty(v)}`)
  return `::${command}${props.length > 0 ? ` ${props.join(',')}` : ''}::${escapeData(message)}`
}

function issue(
  command: string,
  properties: Record<string, string | number | undefined>,
  message: unknown,
): void {
  process.stdout.write(commandLine(command, properties, message) + EOL)
}

/** @actions/core toCommandProperties: the annotation's fields under the names the runner reads. */
function annotationProperties(p: AnnotationProperties): Record<string, string | number | undefined> {
  if (Object.keys(p).length === 0) return {}
  return {
    title: p.title,
    file: p.file,
    line: p.startLine,
    endLine: p.endLine,
    col: p.startColumn,
    endColumn: p.endColumn,
  }
}

/** The input `name` (INPUT_<NAME>, spaces as underscores), trimmed; '' when not given. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim()
}

/** Masked in every later line of the log. */
export function setSecret(secret: string): void {
  issue('add-mask', {}, secret)
}

/**
 * The heredoc form of the GITHUB_OUTPUT file, with a random delimiter the name and value must not hold; where
 * the file is not set, the `set-output` command.
 */
export function setOutput(name: string, value: unknown): void {
  const file = process.env.GITHUB_OUTPUT || ''
  if (!file) {
    process.stdout.write(EOL)
    issue('set-output', { name }, commandValue(value))
    return
  }
  const delimiter = `ghadelimiter_${randomUUID()}`
  const text = commandValue(value)
  if (name.includes(delimiter))
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`)
  if (text.includes(delimiter))
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`)
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`)
  appendFileSync(file, `${name}<<${delimiter}${EOL}${text}${EOL}${delimiter}${EOL}`, { encoding: 'utf8' })
}

export function info(message: string): void {
  process.stdout.write(message + EOL)
}

export function debug(message: string): void {
  issue('debug', {}, message)
}

export function error(message: string | Error, properties: AnnotationProperties = {}): void {
  issue('error', annotationProperties(properties), message instanceof Error ? message.toString() : message)
}

export function warning(message: string | Error, properties: AnnotationProperties = {}): void {
  issue('warning', annotationProperties(properties), message instanceof Error ? message.toString() : message)
}

export function notice(message: string | Error, properties: AnnotationProperties = {}): void {
  issue('notice', annotationProperties(properties), message instanceof Error ? message.toString() : message)
}

/** The step fails (exit code 1) with `message` as an error. */
export function setFailed(message: string | Error): void {
  process.exitCode = 1
  error(message)
}

/** Appends `markdown` and a line end to the job summary file (GITHUB_STEP_SUMMARY), as core.summary.addRaw(…, true).write() does. */
export async function appendSummary(markdown: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY
  if (!file)
    throw new Error(
      'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.',
    )
  try {
    await access(file, constants.R_OK | constants.W_OK)
  } catch {
    throw new Error(
      `Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`,
    )
  }
  await appendFile(file, markdown + EOL, { encoding: 'utf8' })
}
