import * as fs from 'node:fs'
import * as path from 'node:path'
import { renderRulesDoc } from '../../src/rules/docs'
import { allRules } from '../../src/rules'

const DOC = path.resolve('docs/rules.md')

test('docs/rules.md is generated from the rules (UPDATE_DOCS=1 to regenerate)', () => {
  const doc = renderRulesDoc()
  for (const r of allRules) expect(doc).toContain(`## ${r.id}: ${r.title}`)
  if (process.env.UPDATE_DOCS === '1') {
    fs.mkdirSync(path.dirname(DOC), { recursive: true })
    fs.writeFileSync(DOC, doc)
  }
  expect(fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '(missing)').toBe(doc)
})
