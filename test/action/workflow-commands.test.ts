/**
 * src/action/workflow-commands.ts speaks the runner's protocol in place of @actions/core: for the same calls
 * it must write the same bytes, commands on stdout and the GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files.
 * Compared here with @actions/core itself, on values that need every escape.
 */
import * as core from '@actions/core'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as ours from '../../src/action/workflow-commands'
import { captureStdout as stdout } from '../helpers/capture-stdout'

const MESSAGES = [
  'plain',
  'percent 100% and %25 already',
  'lines\nand\r\nreturns\r',
  '::error::nested command',
  '',
]
const PROPS: core.AnnotationProperties[] = [
  {},
  { title: 'KMS001: forced tunnel, to: an NVA' },
  { title: 't', file: 'dir, with: comma/main.tf', startLine: 3, endLine: 5 },
  { title: 'cols', file: 'a.tf', startLine: 1, endLine: 1, startColumn: 2, endColumn: 9 },
  { title: '', file: 'a.tf', startLine: 0 },
]

describe('workflow commands, byte for byte as @actions/core writes them', () => {
  let dir: string
  const saved = { ...process.env }
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kms-wfc-'))
  })
  afterEach(() => {
    process.env = { ...saved }
    process.exitCode = undefined
    rmSync(dir, { recursive: true, force: true })
  })

  it('annotations, with and without properties', () => {
    for (const m of MESSAGES)
      for (const p of PROPS)
        for (const kind of ['error', 'warning', 'notice'] as const)
          expect(stdout(() => ours[kind](m, p))).toBe(stdout(() => core[kind](m, p)))
    const e = new Error('boom: 50%')
    expect(stdout(() => ours.error(e))).toBe(stdout(() => core.error(e)))
  })

  it('masks, debug lines, info lines and the failure', () => {
    for (const m of MESSAGES) {
      expect(stdout(() => ours.setSecret(m))).toBe(stdout(() => core.setSecret(m)))
      expect(stdout(() => ours.debug(m))).toBe(stdout(() => core.debug(m)))
      expect(stdout(() => ours.info(m))).toBe(stdout(() => core.info(m)))
    }
    const theirs = stdout(() => core.setFailed('Azure KMS Guard: 2 findings\nfail'))
    expect(process.exitCode).toBe(1)
    process.exitCode = undefined
    expect(stdout(() => ours.setFailed('Azure KMS Guard: 2 findings\nfail'))).toBe(theirs)
    expect(process.exitCode).toBe(1)
  })

  it('inputs: INPUT_<NAME> with spaces as underscores, trimmed, empty when unset', () => {
    process.env['INPUT_GITHUB-TOKEN'] = '  ghs_x  '
    process.env.INPUT_CONFIG_FILE = 'kms.yml\n'
    for (const name of ['github-token', 'config file', 'Config File', 'missing'])
      expect(ours.getInput(name)).toBe(core.getInput(name))
  })

  it('outputs: the GITHUB_OUTPUT heredoc, and the set-output command without the file', () => {
    const mine = join(dir, 'mine.txt')
    const theirs = join(dir, 'theirs.txt')
    writeFileSync(mine, '')
    writeFileSync(theirs, '')
    const values: [string, string | number][] = [
      ['verdict', 'reachable'],
      ['failing', 3],
      ['report-file', ''],
      ['summary', 'two\nlines'],
    ]
    for (const [k, v] of values) {
      process.env.GITHUB_OUTPUT = mine
      ours.setOutput(k, v)
      process.env.GITHUB_OUTPUT = theirs
      core.setOutput(k, v)
    }
    const uuid = (s: string) => s.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_X')
    expect(uuid(readFileSync(mine, 'utf8'))).toBe(uuid(readFileSync(theirs, 'utf8')))
    expect(readFileSync(mine, 'utf8')).toContain('summary<<ghadelimiter_')

    delete process.env.GITHUB_OUTPUT
    for (const [k, v] of values)
      expect(stdout(() => ours.setOutput(k, v))).toBe(stdout(() => core.setOutput(k, v)))
    process.env.GITHUB_OUTPUT = join(dir, 'absent.txt')
    expect(() => ours.setOutput('a', 'b')).toThrow(/Missing file at path/)
  })

  it('the job summary: appended with a line end, and the same errors without a usable file', async () => {
    const mine = join(dir, 'mine.md')
    const theirs = join(dir, 'theirs.md')
    writeFileSync(mine, 'before\n')
    writeFileSync(theirs, 'before\n')
    for (const md of ['## Azure KMS Guard', '| a | b |\n|---|---|', '']) {
      process.env.GITHUB_STEP_SUMMARY = mine
      await ours.appendSummary(md)
      process.env.GITHUB_STEP_SUMMARY = theirs
      await core.summary.addRaw(md, true).write()
    }
    expect(readFileSync(mine, 'utf8')).toBe(readFileSync(theirs, 'utf8'))

    // @actions/core keeps the first summary path it was given, so these are compared with its messages.
    delete process.env.GITHUB_STEP_SUMMARY
    await expect(ours.appendSummary('x')).rejects.toThrow(
      'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.',
    )
    process.env.GITHUB_STEP_SUMMARY = join(dir, 'absent.md')
    await expect(ours.appendSummary('x')).rejects.toThrow(
      `Unable to access summary file: '${join(dir, 'absent.md')}'.`,
    )
  })
})
