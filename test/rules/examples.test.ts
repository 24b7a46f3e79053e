/**
 * Every rule example through the whole pipeline: a bad example must produce a finding of its rule, a
 * good one none. Needs src/scan.ts and the Terraform source.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { allRules } from '../../src/rules'
import { scan } from '../../src/scan'

const cases = allRules.flatMap((rule) =>
  rule.examples.map((ex, i) => ({ name: `${rule.id} ${ex.kind} #${i + 1}: ${ex.description}`, rule, ex })),
)

describe('rule examples', () => {
  let tmp: string
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-examples-'))
  })
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

  test.each(cases)('$name', async ({ rule, ex, name }) => {
    const dir = path.join(tmp, name.replace(/[^A-Za-z0-9]+/g, '-'))
    fs.mkdirSync(dir, { recursive: true })
    for (const [file, content] of Object.entries(ex.files)) fs.writeFileSync(path.join(dir, file), content)
    const result = await scan({ path: dir, cloud: ex.cloud ?? 'AzureCloud', varFiles: [], workers: false })
    const mine = result.findings.filter((f) => f.ruleId === rule.id)
    if (ex.kind === 'bad') expect(mine.length).toBeGreaterThan(0)
    else expect(mine.map((f) => f.message)).toEqual([])
  })
})
