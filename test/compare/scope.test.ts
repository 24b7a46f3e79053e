import { compareFindings } from '../../src/compare/new-findings'
import { applyScope, parseScope } from '../../src/compare/scope'
import { finding } from './make-finding'

const existing = finding({ file: '/repo/net/hub.tf', resource: 'azurerm_route.hub' })
const introduced = finding({ file: '/repo/net/spoke.tf' })
const untouchedNew = finding({ file: '/repo/net/other.tf', resource: 'azurerm_route.other' })
const head = [existing, introduced, untouchedNew]
const comparison = compareFindings(
  [finding({ file: '/base/net/hub.tf', resource: 'azurerm_route.hub' })],
  head,
  {
    baseRoot: '/base',
    headRoot: '/repo',
  },
)

describe('parseScope', () => {
  test('defaults by event, rejects unknown values', () => {
    expect(parseScope('', true)).toBe('new')
    expect(parseScope(undefined, false)).toBe('all')
    expect(parseScope(' Changed ', true)).toBe('changed')
    expect(parseScope('everything', true)).toBeUndefined()
  })
})

describe('applyScope', () => {
  test('new: only what the change introduced fails; existing is listed', () => {
    const r = applyScope({ scope: 'new', findings: head, comparison, root: '/repo' })
    expect(r.scope).toBe('new')
    expect(r.failing).toEqual([introduced, untouchedNew])
    expect(r.listed).toEqual([existing])
  })

  test('changed: findings in changed files fail, whether new or not', () => {
    const r = applyScope({
      scope: 'changed',
      findings: head,
      changedPaths: ['net/hub.tf', 'net/spoke.tf'],
      root: '/repo',
    })
    expect(r.failing).toEqual([existing, introduced])
    expect(r.listed).toEqual([untouchedNew])
  })

  test('all: everything fails', () => {
    const r = applyScope({ scope: 'all', findings: head, root: '/repo' })
    expect(r.failing).toEqual(head)
    expect(r.listed).toEqual([])
    expect(r.note).toBeUndefined()
  })

  test('fails closed: new without a base scan → changed; changed without a file list → all', () => {
    const r1 = applyScope({ scope: 'new', findings: head, changedPaths: ['net/spoke.tf'], root: '/repo' })
    expect(r1.scope).toBe('changed')
    expect(r1.failing).toEqual([introduced])
    expect(r1.note).toBe('the base commit could not be scanned')
    const r2 = applyScope({ scope: 'new', findings: head, root: '/repo' })
    expect(r2.scope).toBe('all')
    expect(r2.failing).toEqual(head)
    expect(r2.note).toBe('the base commit could not be scanned; the changed files are not known')
  })
})
