/**
 * Rules produce format-free findings: what, where, and the change in model terms. Fix text per source
 * format and every output format are rendered at the report edge, so no rule module may import them.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'

const RULES_DIR = path.join(process.cwd(), 'src', 'rules')

test('no rule module imports a report, GitHub or fix-text module', () => {
  const offenders: string[] = []
  for (const name of fs.readdirSync(RULES_DIR)) {
    const text = fs.readFileSync(path.join(RULES_DIR, name), 'utf8')
    for (const m of text.matchAll(/from '([^']+)'/g)) {
      if (/\/(report|github|action)(\/|$)|sources\/fix/.test(m[1]!)) offenders.push(`${name}: ${m[1]}`)
    }
  }
  expect(fs.readdirSync(RULES_DIR).length).toBeGreaterThan(10)
  expect(offenders).toEqual([])
})
