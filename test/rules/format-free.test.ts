/**
 * Rules produce format-free findings: what, where, and the change in model terms. Fix text per source
 * format and every output format are rendered at the report edge, so no rule module may import them.
 * Their examples (src/rules/examples) are data for the docs and tests, not rule logic: no rule imports them.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'

const RULES_DIR = path.join(process.cwd(), 'src', 'rules')
const ruleModules = () =>
  fs
    .readdirSync(RULES_DIR, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => ({ name, text: fs.readFileSync(path.join(RULES_DIR, name), 'utf8') }))

test('no rule module imports a report, GitHub or fix-text module', () => {
  const offenders: string[] = []
  for (const { name, text } of ruleModules()) {
    for (const m of text.matchAll(/from '([^']+)'/g)) {
      if (/\/(report|github|action)(\/|$)|sources\/fix/.test(m[1]!)) offenders.push(`${name}: ${m[1]}`)
    }
  }
  expect(ruleModules().length).toBeGreaterThan(10)
  expect(offenders).toEqual([])
})

test('no rule logic imports the rule examples', () => {
  const logic = ruleModules().filter(({ name }) => !name.startsWith(`examples${path.sep}`))
  const offenders = logic.flatMap(({ name, text }) =>
    [...text.matchAll(/from '([^']+)'/g)]
      .filter((m) => /(^|\/)examples(\/|$)/.test(m[1]!))
      .map((m) => `${name}: ${m[1]}`),
  )
  expect(logic.map((m) => m.name)).toContain('kms001-forced-tunnel.ts')
  expect(offenders).toEqual([])
})
