import { compareFindings, renamesFrom } from '../../src/compare/new-findings'
import { finding } from './make-finding'

const opts = { baseRoot: '/tmp/base', headRoot: '/repo' }

describe('compareFindings', () => {
  test('a finding that moved lines is existing, not new', () => {
    const base = [finding({ file: '/tmp/base/net/spoke.tf', line: 10 })]
    const head = [finding({ file: '/repo/net/spoke.tf', line: 42 })]
    const c = compareFindings(base, head, opts)
    expect(c.new).toEqual([])
    expect(c.existing).toEqual(head)
    expect(c.fixed).toEqual([])
  })

  test('the KMS addresses are not part of the identity: the subnet and the hop are', () => {
    const base = [
      finding({ file: '/tmp/base/net/spoke.tf', kmsAddresses: ['40.83.235.53', '20.118.99.224'] }),
    ]
    expect(compareFindings(base, [finding()], opts).new).toEqual([])
    expect(compareFindings(base, [finding({ kmsAddresses: ['23.102.135.246'] })], opts).new).toEqual([])
  })

  test('new, existing and fixed together; fixed is re-rooted onto the head checkout', () => {
    const baseOnly = finding({
      file: '/tmp/base/net/hub.tf',
      ruleId: 'KMS004',
      resource: 'azurerm_firewall_policy.hub',
      line: 3,
    })
    const both = finding({ file: '/tmp/base/net/spoke.tf' })
    const c = compareFindings(
      [baseOnly, both],
      [finding(), finding({ resource: 'azurerm_route.other' })],
      opts,
    )
    expect(c.new.map((f) => f.resource)).toEqual(['azurerm_route.other'])
    expect(c.existing.map((f) => f.resource)).toEqual(['azurerm_route.default'])
    expect(c.fixed).toHaveLength(1)
    expect(c.fixed[0]!.location).toEqual({ file: '/repo/net/hub.tf', startLine: 3, endLine: 7 })
    expect(c.fixed[0]!.ruleId).toBe('KMS004')
  })

  test('a fixed finding outside the base checkout (an ARM id) keeps its location; `..x` dirs are inside', () => {
    const arm = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/routeTables/rt'
    const live = finding({ file: arm, resource: 'rt' })
    const dotted = finding({ file: '/tmp/base/..net/spoke.tf', resource: 'azurerm_route.dotted' })
    const c = compareFindings([live, dotted], [], opts)
    expect(c.fixed.map((f) => f.location.file)).toEqual([arm, '/repo/..net/spoke.tf'])
  })

  test('multiset: a second identical finding in head is new', () => {
    const c = compareFindings(
      [finding({ file: '/tmp/base/net/spoke.tf' })],
      [finding(), finding({ line: 90 })],
      opts,
    )
    expect(c.existing).toHaveLength(1)
    expect(c.new).toHaveLength(1)
    expect(c.new[0]!.location.startLine).toBe(90)
  })

  test('a renamed file keeps its findings existing', () => {
    const base = [finding({ file: '/tmp/base/net/old.tf' })]
    const head = [finding({ file: '/repo/net/new.tf' })]
    expect(compareFindings(base, head, opts).new).toHaveLength(1)
    const renamed = renamesFrom([{ path: 'net/new.tf', previousPath: 'net/old.tf' }, { path: 'x.tf' }])
    expect(renamed).toEqual({ 'net/new.tf': 'net/old.tf' })
    const c = compareFindings(base, head, { ...opts, renamed })
    expect(c.new).toEqual([])
    expect(c.fixed).toEqual([])
  })
})
