import * as fs from 'node:fs'
import * as path from 'node:path'
import { renderRulesDoc } from '../../src/report/rules-doc'
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

test('every rule shows its fix and its good and bad examples in Terraform, Bicep and ARM JSON', () => {
  const doc = renderRulesDoc()
  const sections = doc.split(/^## (?=KMS\d{3}: )/m).slice(1)
  expect(sections.map((s) => s.slice(0, 6))).toEqual(allRules.map((r) => r.id))
  const missing: string[] = []
  for (const [i, rule] of allRules.entries()) {
    const section = sections[i]!
    const examples = section.slice(section.indexOf('### Examples'))
    for (const label of ['Terraform', 'Bicep', 'ARM JSON']) {
      if (!section.includes(`\n${label}:\n\n\`\`\``)) missing.push(`${rule.id}: fix in ${label}`)
      const part = examples.split(/^#### /m).find((p) => p.startsWith(`${label}\n`)) ?? ''
      for (const kind of ['Bad', 'Good'])
        if (!part.includes(`**${kind}**`))
          missing.push(`${rule.id}: ${kind.toLowerCase()} example in ${label}`)
    }
  }
  expect(missing).toEqual([])
})
