import { newestMatching, parseConstraint } from '../../../../src/sources/terraform/modules/constraints'

const VERSIONS = [
  '0.3.0',
  '0.4.0',
  '0.4.1',
  '0.5.0',
  '1.0.0',
  '1.2.0',
  '1.2.7',
  '1.3.0',
  '2.0.0-rc1',
  'v2.1.0',
]

function pick(constraint: string | undefined): string | undefined {
  const c = parseConstraint(constraint)
  if (!c.ok) throw new Error(c.reason)
  return newestMatching(VERSIONS, c)
}

test.each([
  [undefined, 'v2.1.0'],
  ['0.4.0', '0.4.0'],
  ['= 1.2.0', '1.2.0'],
  // Terraform's ~>: the rightmost given component may grow, nothing to its left.
  ['~> 0.4', '0.5.0'],
  ['~> 0.4.0', '0.4.1'],
  ['~> 1.2', '1.3.0'],
  ['~> 1.2.0', '1.2.7'],
  ['~> 1', '1.3.0'],
  ['>= 1.0, < 1.3', '1.2.7'],
  ['>= 1.2.0, != 1.3.0, < 2.0.0', '1.2.7'],
  ['> 2.0.0', 'v2.1.0'],
  // A pre-release only when named exactly.
  ['>= 2.0.0-rc1, < 2.1.0', undefined],
  ['2.0.0-rc1', '2.0.0-rc1'],
  ['~> 3.0', undefined],
])('%s → %s', (constraint, expected) => {
  expect(pick(constraint)).toBe(expected)
})

test('a malformed constraint is refused with what is wrong', () => {
  expect(parseConstraint('>= one')).toEqual({ ok: false, reason: '">= one" is not a version constraint' })
})
