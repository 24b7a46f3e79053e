/**
 * Seeded fuzzing of the fixtures: a fixed seed and a fixed number of mutations (deletions, duplications,
 * hostile tokens such as brackets, loops over 10^9, deep nesting), each run through the unit evaluation
 * the scan uses. Every mutation must end (no hang), throw nothing out of the unit, and leave only
 * located diagnostics. No timing is asserted.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { evaluateUnit, evaluateUnitSync } from '../../src/sources/evaluation/budget'
import { evaluateArmTemplates } from '../../src/sources/arm'
import { evaluateBicep } from '../../src/sources/bicep'
import { parseHcl } from '../../src/sources/terraform/parse'
import { evaluateTerraform } from '../../src/sources/terraform/evaluate'
import { terraformToModel } from '../../src/sources/terraform/adapt'

const FIXTURES = path.resolve('test/fixtures')
const SEED = 14
const PER_FORMAT = 700

/** mulberry32: a small seeded PRNG, so every run mutates the same way. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const TOKENS = [
  '[',
  ']',
  '{',
  '}',
  '(',
  ')',
  '"',
  "'",
  ',',
  '\n',
  '${',
  '%{',
  '\\',
  '[[',
  '0',
  '-1',
  '1e9',
  'null',
  'concat(',
  'range(0, 1000000000)',
  '[for x in range(1000) : [for y in range(1000) : x]]',
  '[for a in range(0, 1000): [for b in range(0, 1000): b]]',
  '[range(0, 1000000000)]',
  'count = 100000000',
  '"copy": {"name": "c", "count": 1000000000}',
  'flatten(',
  'regex("^(a+)+$", "aaaaaaaaaaaaaaaaaaaaaaaaaaaab")',
  '['.repeat(600),
  '{'.repeat(600),
  'module "m" {\n source = "./"\n count = 100\n}\n',
]

function mutate(text: string, rnd: () => number): string {
  const at = () => Math.floor(rnd() * (text.length + 1))
  let out = text
  const steps = 1 + Math.floor(rnd() * 3)
  for (let s = 0; s < steps; s++) {
    const i = at()
    const j = Math.min(out.length, i + Math.floor(rnd() * 200))
    switch (Math.floor(rnd() * 4)) {
      case 0:
        out = out.slice(0, i) + out.slice(j)
        break
      case 1:
        out = out.slice(0, j) + out.slice(i, j) + out.slice(j)
        break
      default:
        out = out.slice(0, i) + TOKENS[Math.floor(rnd() * TOKENS.length)] + out.slice(i)
    }
  }
  return out
}

const read = (rel: string) => fs.readFileSync(path.join(FIXTURES, rel), 'utf8')
const located = (d: { origin: { startLine: number } }) =>
  Number.isInteger(d.origin.startLine) && d.origin.startLine >= 1

test(`ARM templates: ${PER_FORMAT} seeded mutations end with located diagnostics`, () => {
  const rnd = prng(SEED)
  const text = read('arm/hub-spoke/azuredeploy.json')
  for (let n = 0; n < PER_FORMAT; n++) {
    const file = '/fuzz/azuredeploy.json'
    for (const d of evaluateArmTemplates([{ path: file, text: mutate(text, rnd) }], {
      root: '/fuzz',
      cloud: 'AzureCloud',
    }))
      expect(d.diagnostics.every(located)).toBe(true)
  }
})

test(`Terraform: ${PER_FORMAT} seeded mutations end with located diagnostics`, async () => {
  const rnd = prng(SEED + 1)
  const text = read('terraform/hub-spoke/main.tf')
  {
    for (let n = 0; n < PER_FORMAT; n++) {
      const file = '/fuzz/main.tf'
      const run = evaluateUnitSync({ file, startLine: 1, endLine: 1 }, 'the fuzzed module', () => {
        const hcl = parseHcl(file, mutate(text, rnd))
        const ev = evaluateTerraform([hcl], { root: '/fuzz', varFiles: [] })
        terraformToModel(ev)
        return ev
      })
      expect([...(run.value?.diagnostics ?? []), ...run.problems].every(located)).toBe(true)
    }
  }
})

test(`Bicep: ${PER_FORMAT} seeded mutations end with located diagnostics`, async () => {
  const rnd = prng(SEED + 2)
  const text = read('bicep/hub-spoke/main.bicep')
  for (let n = 0; n < PER_FORMAT; n++) {
    const file = '/fuzz/main.bicep'
    const run = await evaluateUnit({ file, startLine: 1, endLine: 1 }, 'the fuzzed template', () =>
      evaluateBicep([{ path: file, text: mutate(text, rnd) }], { root: '/fuzz', clouds: ['AzureCloud'] }),
    )
    for (const d of run.value ?? []) expect(d.diagnostics.every(located)).toBe(true)
    expect(run.problems.every(located)).toBe(true)
  }
})
