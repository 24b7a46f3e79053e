import { globToRegExp, matchesAny, matchesGlob } from '../../src/config/glob'

test.each([
  ['gov/**', 'gov/a.tf', true],
  ['gov/**', 'gov/x/y/a.tf', true],
  ['gov/**', 'govx/a.tf', false],
  ['gov/', 'gov/a/b.tf', true],
  ['**/*.tf', 'a.tf', true],
  ['**/*.tf', 'x/y/a.tf', true],
  ['**/*.tf', 'x/y/a.tfvars', false],
  ['*.json', 'arm/deep/t.json', true],
  ['arm/*.json', 'arm/t.json', true],
  ['arm/*.json', 'arm/deep/t.json', false],
  ['net/**/spoke.tf', 'net/spoke.tf', true],
  ['net/**/spoke.tf', 'net/a/b/spoke.tf', true],
  ['net/**/spoke.tf', 'net/a/b/xspoke.tf', false],
  ['modules/?/main.tf', 'modules/a/main.tf', true],
  ['modules/?/main.tf', 'modules/ab/main.tf', false],
  ['a+b/(x).tf', 'a+b/(x).tf', true],
  ['a+b/(x).tf', 'aab/x.tf', false],
  ['./env/*.tfvars', 'env/prod.tfvars', true],
  ['env/a**.tf', 'env/abc.tf', true],
  ['env/a**.tf', 'env/a/b.tf', false],
])('%s vs %s → %s', (glob, file, expected) => {
  expect(matchesGlob(file, glob)).toBe(expected)
})

test('matchesAny and the regexp is anchored', () => {
  expect(matchesAny('x/a.tf', ['*.bicep', 'x/*'])).toBe(true)
  expect(matchesAny('x/a.tf', [])).toBe(false)
  expect(globToRegExp('a/*').test('b/a/c')).toBe(false)
})
