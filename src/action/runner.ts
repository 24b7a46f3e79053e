/**
 * The runner's side of the action: inputs, outputs, workflow commands (annotations, masks, logs) and the
 * job summary, written exactly as @actions/core writes them (test/action/runner.test.ts compares the two).
 *
 * Why not @actions/core itself: importing it loads @actions/http-client and undici with Node's http, https
 * and http2 modules (for its OIDC client), about 70 ms of CPU before the action could start its first git
 * process. The action needs that stack only to talk to GitHub, so it is loaded with the GitHub client,
 * after the pull request's git work has started (src/action/main.ts); @actions/core itself only for an
 * OIDC token (live Azure sign-in).
 */
import { randomUUID } from 'node:crypto'
import { appendFileSync, existsSync } from 'node:fs'
import { access, appendFile } from 'node:fs/promises'
import { constants } from 'node:fs'
import { EOL } from 'node:os'
import { escapeCommandData, escapeCommandProperty } from '../report/escape'

/** Where an annotation points (@actions/core's AnnotationProperties). */
export interface AnnotationProperties {
  title?: string
  file?: string
  startLine?: number
  endLine?: number
  startColumn?: number
  endColumn?: number
}

/** A value as a workflow command carries it: strings as they are, anything else as JSON. */
function commandValue(input: unknown): string {
  if (input === null || input === undefined) return ''
  if (typeof input === 'string' || input instanceof String) return input as string
  return JSON.stringify(input)
}

const escapeData = (s: unknown): string => escapeCommandData(commandValue(s))
const escapeProperty = (s: unknown): string => escapeCommandProperty(commandValue(s))

/**
 * `::command key=value,…::message` on a line of its own; properties without a value are left out (but, as
 * @actions/core writes it, the space after the command is there whenever properties were given).
 */
function issueCommand(command: string, properties: Record<string, unknown>, message: unknown): void {
  let line = `::${command}`
  if (Object.keys(properties).length > 0)
    line +=
      ' ' +
      Object.entries(properties)
        .filter(([, v]) => v)
        .map(([k, v]) => `${k}=${escapeProperty(v)}`)
        .join(',')
  process.stdout.write(`${line}::${escapeData(message)}${EOL}`)
}

function annotationProperties(p: AnnotationProperties): Record<string, unknown> {
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

const annotate =
  (command: 'error' | 'warning' | 'notice') =>
  (message: string | Error, properties: AnnotationProperties = {}): void =>
    issueCommand(
      command,
      annotationProperties(properties),
      message instanceof Error ? message.toString() : message,
    )

export const error = annotate('error')
export const warning = annotate('warning')
export const notice = annotate('notice')

/** An action input (`INPUT_<NAME>`), trimmed. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim()
}

/** Masks `secret` in every later line of the job's log. */
export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret)
}

export function info(message: string): void {
  process.stdout.write(message + EOL)
}

export function debug(message: string): void {
  issueCommand('debug', {}, message)
}

/** A step output: into the GITHUB_OUTPUT file under a delimiter no value can hold, else as a command. */
export function setOutput(name: string, value: unknown): void {
  const file = process.env.GITHUB_OUTPUT || ''
  if (!file) {
    process.stdout.write(EOL)
    issueCommand('set-output', { name }, commandValue(value))
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

/** Fails the step (exit code 1) with `message` as an error annotation. */
export function setFailed(message: string | Error): void {
  process.exitCode = 1
  error(message)
}

/** Appends `markdown` and a line break to the job summary (GITHUB_STEP_SUMMARY). */
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
