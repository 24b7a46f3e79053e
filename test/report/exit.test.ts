import {
  countAtOrAbove,
  countFindings,
  describeCounts,
  failsAt,
  parseFailOn,
  sortFindings,
} from '../../src/report/exit'
import { finding, noticeFinding, warningFinding } from './findings'

const all = [noticeFinding(), warningFinding(), finding()]

test('counts by severity', () => {
  expect(countFindings(all)).toEqual({ errors: 1, warnings: 1, notices: 1, total: 3 })
  expect(countFindings([])).toEqual({ errors: 0, warnings: 0, notices: 0, total: 0 })
  expect(describeCounts(countFindings([finding(), finding()]))).toBe('2 errors, 0 warnings, 0 notices')
})

test.each([
  ['error', [warningFinding(), noticeFinding()], false],
  ['error', all, true],
  ['warning', [warningFinding()], true],
  ['warning', [noticeFinding()], false],
  ['notice', [noticeFinding()], true],
  ['never', all, false],
  ['notice', [], false],
] as const)('failsAt %s', (level, findings, expected) => {
  expect(failsAt(findings, level)).toBe(expected)
})

test('countAtOrAbove', () => {
  expect(countAtOrAbove(all, 'warning')).toBe(2)
  expect(countAtOrAbove(all, 'never')).toBe(0)
})

test('parseFailOn accepts the four levels in any case, nothing else', () => {
  expect(parseFailOn(' Warning ')).toBe('warning')
  expect(parseFailOn('never')).toBe('never')
  expect(parseFailOn('critical')).toBeUndefined()
  expect(parseFailOn('')).toBeUndefined()
})

test('most severe first, then file and line', () => {
  const late = finding({ location: { ...finding().location, startLine: 99, endLine: 99 } })
  const sorted = sortFindings([noticeFinding(), late, warningFinding(), finding()])
  expect(sorted.map((f) => `${f.severity}:${f.location.startLine}`)).toEqual([
    'error:12',
    'error:99',
    'warning:20',
    'notice:40',
  ])
})
