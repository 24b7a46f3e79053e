import * as core from '@actions/core'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as runner from '../../src/action/runner'
import { HOSTILE } from '../report/findings'

/** What one call writes to stdout. */
function stdoutOf(fn: () => void): string {
  const original = process.stdout.write.bind(process.stdout)
  let out = ''
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += chunk.toString()
    return true
  }) as typeof process.stdout.write
  try {
    fn()
  } finally {
    process.stdout.write = original
  }
  return out
}

/** The runner module writes what @actions/core writes, byte for byte, for the same call. */
function same(call: (impl: typeof runner | typeof core) => void): string {
  const ours = stdoutOf(() => call(runner))
  expect(ours).toBe(stdoutOf(() => call(core)))
  return ours
}

const env = { ...process.env }
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'runner-'))
})
afterEach(() => {
  process.env = { ...env }
  process.exitCode = undefined
  rmSync(dir, { recursive: true, force: true })
})

describe('workflow commands as @actions/core writes them', () => {
  test('annotations with hostile text and every property', () => {
    for (const severity of ['error', 'warning', 'notice'] as const) {
      const out = same((impl) =>
        impl[severity](HOSTILE, {
          title: `KMS001: ${HOSTILE}`,
          file: 'infra/a,b:c.tf',
          startLine: 3,
          endLine: 4,
          startColumn: 1,
          endColumn: 9,
        }),
      )
      expect(out.trimEnd().split('\n')).toHaveLength(1)
    }
  })

  test('annotations without properties, with unset ones, and with an Error', () => {
    same((impl) => impl.error('plain 100% done'))
    same((impl) => impl.warning('x', { title: undefined, file: 'a.tf' }))
    same((impl) => impl.notice('x', { title: '' }))
    same((impl) => impl.error(new Error('boom\nsecond line')))
  })

  test('info, debug and masks', () => {
    same((impl) => impl.info(`line ${HOSTILE}`))
    same((impl) => impl.debug('a\r\nb %'))
    same((impl) => impl.setSecret('ghs_notARealToken\n%'))
  })

  test('setFailed sets exit code 1 and writes an error', () => {
    stdoutOf(() => runner.setFailed('Azure KMS Guard: failed'))
    expect(process.exitCode).toBe(1)
    process.exitCode = undefined
    same((impl) => impl.setFailed('Azure KMS Guard: failed'))
  })
})

describe('inputs', () => {
  test('INPUT_<NAME> with spaces as underscores, upper-cased, trimmed; empty when unset', () => {
    process.env['INPUT_FAIL-ON'] = '  error \n'
    process.env.INPUT_MY_INPUT = ' x '
    for (const name of ['fail-on', 'my input', 'absent'])
      expect(runner.getInput(name)).toBe(core.getInput(name))
    expect(runner.getInput('fail-on')).toBe('error')
  })
})

describe('outputs', () => {
  test('into GITHUB_OUTPUT under a random delimiter, as @actions/core writes them', () => {
    const file = join(dir, 'output.txt')
    process.env.GITHUB_OUTPUT = file
    const written = (impl: typeof runner | typeof core) => {
      writeFileSync(file, '')
      impl.setOutput('verdict', 'blocked')
      impl.setOutput('subnets', 12)
      impl.setOutput('multi', 'a\nb')
      return readFileSync(file, 'utf8').replace(/ghadelimiter_[0-9a-f-]{36}/g, 'DELIMITER')
    }
    const ours = written(runner)
    expect(ours).toBe(written(core))
    expect(ours).toContain('subnets<<DELIMITER\n12\nDELIMITER\n')
  })

  test('a missing GITHUB_OUTPUT file is an error; no GITHUB_OUTPUT is a command', () => {
    process.env.GITHUB_OUTPUT = join(dir, 'gone.txt')
    expect(() => runner.setOutput('a', 'b')).toThrow(`Missing file at path: ${join(dir, 'gone.txt')}`)
    delete process.env.GITHUB_OUTPUT
    same((impl) => impl.setOutput('name', 'va:l,ue'))
  })
})

describe('job summary', () => {
  test('appended with a line break, as core.summary.addRaw(text, true).write()', async () => {
    const file = join(dir, 'summary.md')
    process.env.GITHUB_STEP_SUMMARY = file
    writeFileSync(file, 'before\n')
    await runner.appendSummary('## Azure KMS Guard')
    const ours = readFileSync(file, 'utf8')
    writeFileSync(file, 'before\n')
    await core.summary.addRaw('## Azure KMS Guard', true).write()
    expect(ours).toBe(readFileSync(file, 'utf8'))
    expect(ours).toBe('before\n## Azure KMS Guard\n')
  })

  test('without GITHUB_STEP_SUMMARY, or a file it cannot write, the same errors', async () => {
    delete process.env.GITHUB_STEP_SUMMARY
    await expect(runner.appendSummary('x')).rejects.toThrow(
      'Unable to find environment variable for $GITHUB_STEP_SUMMARY',
    )
    process.env.GITHUB_STEP_SUMMARY = join(dir, 'missing', 'summary.md')
    await expect(runner.appendSummary('x')).rejects.toThrow(
      `Unable to access summary file: '${join(dir, 'missing', 'summary.md')}'`,
    )
  })
})
