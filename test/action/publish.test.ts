import { findingLocation } from '../../src/github/comment-body'
import { hiddenNote, type AnnotationOutcome } from '../../src/action/publish'
import type { Severity } from '../../src/rules/types'
import { finding } from '../compare/make-finding'

const viaCommands = (hidden: Record<Severity, number>): AnnotationOutcome =>
  ({ via: 'workflow-commands', emitted: 10, hidden, reason: 'no github-token' }) as const

describe('hiddenNote', () => {
  test('nothing to say with a check run, or when nothing is hidden', () => {
    expect(hiddenNote({ via: 'check-run', id: 1, requests: 2 })).toBe('')
    expect(hiddenNote(viaCommands({ error: 0, warning: 0, notice: 0 }))).toBe('')
  })

  test('one hidden annotation "is"; more, of one kind or several, "are"', () => {
    expect(hiddenNote(viaCommands({ error: 1, warning: 0, notice: 0 }))).toMatch(/^> 1 error is not shown/)
    expect(hiddenNote(viaCommands({ error: 0, warning: 3, notice: 0 }))).toMatch(
      /^> 3 warnings are not shown/,
    )
    expect(hiddenNote(viaCommands({ error: 1, warning: 0, notice: 1 }))).toMatch(
      /^> 1 error, 1 notice are not shown as annotations: GitHub shows 10 of each severity per step\./,
    )
  })
})

describe('findingLocation', () => {
  test('repository-relative file and a line range only when the finding spans lines', () => {
    expect(findingLocation(finding({ file: '/repo/net/spoke.tf', line: 12, endLine: 18 }), '/repo')).toBe(
      'net/spoke.tf:12-18',
    )
    expect(findingLocation(finding({ file: '/repo/net/spoke.tf', line: 3, endLine: 3 }), '/repo')).toBe(
      'net/spoke.tf:3',
    )
  })
})
