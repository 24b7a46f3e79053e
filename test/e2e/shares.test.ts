/**
 * Workers that share a scan (src/pipeline/shares.ts) through the built CLI: each judges its own units and
 * sends back findings; the merged report must be the one a single worker makes, byte for byte, and a
 * hostile file in one share's unit still costs only that file.
 * AZURE_KMS_GUARD_SPLIT_BYTES=0 shares even these small trees; AZURE_KMS_GUARD_SCAN_WORKERS sets how many.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import * as path from 'node:path'
import { control, workspace, badExample, type Workspace } from '../hostile/helpers'

const CLI = path.resolve('dist', 'cli', 'index.js')
if (!existsSync(CLI)) throw new Error(`${CLI} is missing: the build in test/global-setup.mjs failed`)

function scanJson(dir: string, workers: number, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, 'scan', dir, '--format', 'json', '--fail-on', 'never'], {
    env: {
      PATH: process.env.PATH ?? '',
      AZURE_KMS_GUARD_SCAN_WORKERS: String(workers),
      AZURE_KMS_GUARD_SPLIT_BYTES: '0',
      ...env,
    },
    encoding: 'utf8',
    timeout: 120_000,
  })
  expect(r.stderr).not.toMatch(/error/)
  expect(r.status).toBe(0)
  return r.stdout
}

const fixtures = path.resolve('test', 'fixtures')

describe('several workers make the report one worker makes', () => {
  // Terraform root modules sharing modules, Bicep deployments with parameter files, ARM templates, a plan
  // (matched to a unit: one worker then judges all), broken files (notices from several shares).
  test.each([
    ['every fixture, plan included', fixtures],
    ['Terraform', path.join(fixtures, 'terraform')],
    ['Bicep', path.join(fixtures, 'bicep')],
    ['ARM', path.join(fixtures, 'arm')],
    ['the examples', path.resolve('examples')],
  ])(
    '%s',
    (_name, dir) => {
      const one = scanJson(dir, 1)
      expect(JSON.parse(one).findings.length).toBeGreaterThan(0)
      expect(scanJson(dir, 2)).toBe(one)
      expect(scanJson(dir, 3)).toBe(one)
    },
    180_000,
  )
})

let ws: Workspace | undefined
afterEach(() => ws?.cleanup())

/**
 * A locals list of `n` two-digit numbers on one line: a parser allocates a node for each (and the
 * number's text). Not a few strings repeated: the lexer hands out the same string for those.
 */
function hugeList(n: number): string {
  const items: string[] = []
  for (let i = 0; i < n; i++) items.push(String(10 + (i % 90)))
  return `locals {\n  inventory = [${items.join(', ')}]\n}\n`
}

test('a file that exhausts its worker costs only that file; the other shares are judged', () => {
  const units: Record<string, string> = {}
  for (const u of ['a', 'b', 'c', 'd'])
    for (const [name, text] of Object.entries(badExample('KMS002', 'terraform'))) units[`${u}/${name}`] = text
  ws = workspace({ ...control('terraform'), ...units, 'bomb/inventory.tf': hugeList(1_000_000) })
  const report = JSON.parse(scanJson(ws.dir, 2, { AZURE_KMS_GUARD_UNIT_HEAP_MB: '64' })) as {
    findings: { ruleId: string; file: string; message: string }[]
  }
  expect(report.findings.filter((f) => f.file === path.join('bomb', 'inventory.tf'))).toEqual([
    expect.objectContaining({
      ruleId: 'KMS012',
      message: expect.stringMatching(
        /^Skipped this file: it could not be parsed: the worker parsing it ran out of memory/,
      ),
    }),
  ])
  for (const u of ['good', 'a', 'b', 'c', 'd'])
    expect(report.findings.some((f) => f.ruleId === 'KMS002' && f.file.startsWith(`${u}${path.sep}`))).toBe(
      true,
    )
}, 180_000)
