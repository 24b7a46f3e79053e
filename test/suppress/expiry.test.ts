/** Suppressions that expire: in the config (`until:`) and inline (`until=`). */
import { parseConfig } from '../../src/config/config'
import { applyConfigSuppressions } from '../../src/suppress/config'
import { hasExpired, isDate } from '../../src/suppress/expiry'
import { applySuppressions, parseDirective } from '../../src/suppress/inline'
import { finding } from '../compare/make-finding'

const MARCH_2027 = new Date('2027-03-31T23:59:00Z')
const APRIL_2027 = new Date('2027-04-01T00:00:01Z')

test('a date is a real YYYY-MM-DD day; a suppression holds through it', () => {
  expect(isDate('2027-03-31')).toBe(true)
  expect(isDate('2027-02-30')).toBe(false)
  expect(isDate('31.03.2027')).toBe(false)
  expect(hasExpired('2027-03-31', MARCH_2027)).toBe(false)
  expect(hasExpired('2027-03-31', APRIL_2027)).toBe(true)
  expect(hasExpired(undefined, APRIL_2027)).toBe(false)
})

describe('config', () => {
  const { config, problems } = parseConfig(`suppress:
  - rule: KMS001
    resource: rt-spoke
    reason: migration to the hub firewall in Q1
    until: 2027-03-31
  - rule: KMS002
    reason: typo
    until: next spring
`)

  test('a bad date is a located problem', () => {
    expect(problems).toEqual([
      expect.objectContaining({ line: 8, message: expect.stringMatching(/YYYY-MM-DD/) }),
    ])
    expect(config.suppress).toHaveLength(1)
  })

  test('before the date: suppressed; after it: reported again with the original reason and where it was', () => {
    const f = finding({ file: '/repo/net.tf', resource: 'rt-spoke' })
    const before = applyConfigSuppressions(
      [f],
      config.suppress,
      '/repo',
      '/repo/.azure-kms-guard.yml',
      MARCH_2027,
    )
    expect(before.suppressed).toHaveLength(1)
    const after = applyConfigSuppressions(
      [f],
      config.suppress,
      '/repo',
      '/repo/.azure-kms-guard.yml',
      APRIL_2027,
    )
    expect(after.suppressed).toEqual([])
    expect(after.kept).toHaveLength(1)
    expect(after.kept[0]!.message).toContain(
      'Its suppression at .azure-kms-guard.yml:2 expired on 2027-03-31; it had been accepted because: migration to the hub firewall in Q1',
    )
    expect(after.kept[0]!.ruleId).toBe('KMS001')
  })
})

describe('inline', () => {
  const files: Record<string, string> = {
    '/repo/net.tf':
      'resource "azurerm_route_table" "spoke" { # azure-kms-guard:ignore KMS001 until=2027-03-31 VMs move to the hub in March\n  name = "rt"\n}\n',
    '/repo/bad.tf':
      '# azure-kms-guard:ignore KMS001 until=someday reason here\nresource "azurerm_route_table" "x" {\n}\n',
  }
  const read = (f: string): string | undefined => files[f]

  test('the directive reads until= after the rule ids', () => {
    expect(parseDirective('# azure-kms-guard:ignore KMS001 until=2027-03-31 VMs move')).toEqual({
      rules: ['KMS001'],
      reason: 'VMs move',
      until: '2027-03-31',
    })
  })

  test('before the date: suppressed; after it: reported again with the reason', () => {
    const f = finding({ file: '/repo/net.tf', line: 2 })
    expect(applySuppressions([f], read, { now: MARCH_2027 }).suppressed).toHaveLength(1)
    const after = applySuppressions([f], read, { now: APRIL_2027, root: '/repo' })
    expect(after.suppressed).toEqual([])
    expect(after.kept[0]!.message).toContain(
      'Its suppression at net.tf:1 expired on 2027-03-31; it had been accepted because: VMs move to the hub in March',
    )
  })

  test('a bad date suppresses nothing and is reported at the comment', () => {
    const f = finding({ file: '/repo/bad.tf', line: 2 })
    const r = applySuppressions([f], read, { now: MARCH_2027 })
    expect(r.kept).toEqual([f])
    expect(r.problems).toEqual([
      expect.objectContaining({
        ruleId: 'KMS012',
        location: { file: '/repo/bad.tf', startLine: 1, endLine: 1 },
      }),
    ])
  })
})
