/**
 * Every rule example, in every format (Terraform, Bicep, ARM JSON), through the whole pipeline: a bad
 * example must produce a finding of its rule, a good one none. Examples that expose a known bug in a
 * source or the analysis are skipped with the reason in the title until the bug is fixed.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { allRules } from '../../src/rules'
import { examplesOf, type RuleExample } from '../../src/rules/examples'
import { scan } from '../../src/pipeline/scan'
import { EXAMPLE_FINDINGS } from './example-findings'

/** `<rule> <format> <kind>: <description>` → why the example is skipped (a bug for the lead to fix). */
/** Examples that expose a known bug, skipped with the reason in the title. Empty when none is known. */
const KNOWN_BUGS: Record<string, string> = {}

const keyOf = (id: string, ex: RuleExample) => `${id} ${ex.format} ${ex.kind}: ${ex.description}`

const cases = allRules.flatMap((rule) =>
  examplesOf(rule.id).map((ex, i) => ({
    name: `${rule.id} ${ex.format} ${ex.kind} #${i + 1}: ${ex.description}`,
    rule,
    ex,
    skip: KNOWN_BUGS[keyOf(rule.id, ex)],
  })),
)

describe('rule examples', () => {
  let tmp: string
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-examples-'))
  })
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

  const run = async ({ rule, ex, name }: (typeof cases)[number]) => {
    const dir = path.join(tmp, name.replace(/[^A-Za-z0-9]+/g, '-'))
    fs.mkdirSync(dir, { recursive: true })
    for (const [file, content] of Object.entries(ex.files)) fs.writeFileSync(path.join(dir, file), content)
    const result = await scan({ path: dir, cloud: ex.cloud ?? 'AzureCloud', varFiles: [], workers: false })
    // Every example is read in full, except the one that is about a file that cannot be read.
    if (!(rule.id === 'KMS012' && ex.kind === 'bad'))
      expect(result.findings.filter((f) => f.ruleId === 'KMS012').map((f) => f.message)).toEqual([])
    const mine = result.findings.filter((f) => f.ruleId === rule.id)
    if (ex.kind === 'bad') {
      expect(mine.length).toBeGreaterThan(0)
      // Not just some finding: the rule's own, on the right object, lines and KMS addresses.
      const seen = mine.map((f) => {
        const file = path.relative(dir, f.location.file)
        const region = (ex.files[file] ?? '')
          .split('\n')
          .slice(f.location.startLine - 1, f.location.endLine)
          .map((l) => l.trim())
        return { ...f, file, region }
      })
      const expected = EXAMPLE_FINDINGS[`${rule.id} ${ex.format}: ${ex.description}`] ?? []
      expect(
        seen.map(({ resource, file, location, kmsAddresses }) => ({
          resource,
          file,
          lines: [location.startLine, location.endLine],
          kmsAddresses,
        })),
      ).toEqual(expected.map(({ shows: _shows, ...rest }) => rest))
      expect(seen.map((f, i) => f.region.includes(expected[i]!.shows))).toEqual(expected.map(() => true))
    } else expect(mine.map((f) => f.message)).toEqual([])
  }

  test.each(cases.filter((c) => !c.skip))('$name', run)
  const skipped = cases.filter((c) => c.skip)
  if (skipped.length > 0) test.skip.each(skipped)('$name (skipped, known bug: $skip)', run)

  test('every bad example has its expected findings, and every entry names an example', () => {
    const bad = cases
      .filter((c) => c.ex.kind === 'bad')
      .map((c) => `${c.rule.id} ${c.ex.format}: ${c.ex.description}`)
    expect(bad.filter((k) => !(k in EXAMPLE_FINDINGS))).toEqual([])
    expect(Object.keys(EXAMPLE_FINDINGS).filter((k) => !bad.includes(k))).toEqual([])
  })

  test('every known bug names an existing example', () => {
    const keys = new Set(cases.map((c) => keyOf(c.rule.id, c.ex)))
    expect(Object.keys(KNOWN_BUGS).filter((k) => !keys.has(k))).toEqual([])
  })

  test.each(allRules.map((r) => [r.id, r] as const))(
    '%s has a good and a bad example in Terraform, Bicep and ARM JSON',
    (_id, rule) => {
      for (const format of ['terraform', 'bicep', 'arm'] as const)
        for (const kind of ['good', 'bad'] as const)
          expect(
            examplesOf(rule.id).some((ex) => ex.format === format && ex.kind === kind)
              ? 'present'
              : `${format} ${kind} missing`,
          ).toBe('present')
    },
  )
})
