import { applySuppressions, parseDirective, resourceStartLine } from '../../src/suppress/inline'
import { finding } from '../compare/make-finding'

const hcl = [
  /* 1 */ 'resource "azurerm_route_table" "spoke" { # azure-kms-guard:ignore KMS001 VMs activate on-premises',
  /* 2 */ '  name = "rt-spoke"',
  /* 3 */ '  route {',
  /* 4 */ '    address_prefix = "0.0.0.0/0"',
  /* 5 */ '  }',
  /* 6 */ '}',
  /* 7 */ '',
  /* 8 */ '// azure-kms-guard:ignore KMS004',
  /* 9 */ 'resource "azurerm_firewall_policy" "hub" {',
  /* 10 */ '  # azure-kms-guard:ignore KMS005, KMS006 - rule collection is managed centrally',
  /* 11 */ '  name = "x"',
  /* 12 */ '}',
  /* 13 */ 'resource "azurerm_route" "other" {',
  /* 14 */ '  next_hop_type = "VirtualAppliance"',
  /* 15 */ '}',
].join('\n')

const files: Record<string, string> = {
  '/repo/net.tf': hcl,
  '/repo/main.bicep':
    "// azure-kms-guard:ignore * lab network, no Windows VMs\nresource rt 'Microsoft.Network/routeTables@2023-09-01' = {\n}\n",
  '/repo/arm.json': '{ "//": "# azure-kms-guard:ignore KMS001 nope" }',
}
const read = (f: string): string | undefined => files[f]

describe('parseDirective', () => {
  test('rule ids, a reason, trailing comment closers', () => {
    expect(parseDirective('# azure-kms-guard:ignore KMS001 because')).toEqual({
      rules: ['KMS001'],
      reason: 'because',
    })
    expect(parseDirective('x = 1 // azure-kms-guard:ignore kms001,KMS002: why */')).toEqual({
      rules: ['KMS001', 'KMS002'],
      reason: 'why',
    })
    expect(parseDirective('# azure-kms-guard:ignore KMS001')).toEqual({ rules: ['KMS001'], reason: '' })
    expect(parseDirective('# azure-kms-guard:ignoreKMS001 x')).toBeUndefined()
    expect(parseDirective('# nothing here')).toBeUndefined()
  })
})

test('resourceStartLine finds the enclosing block', () => {
  const lines = hcl.split('\n')
  expect(resourceStartLine(lines, 4)).toBe(1)
  expect(resourceStartLine(lines, 11)).toBe(9)
})

describe('applySuppressions', () => {
  test('on the resource’s first line (trailing comment): a finding inside the block is suppressed', () => {
    const f = finding({ file: '/repo/net.tf', line: 4, endLine: 4 })
    const r = applySuppressions([f], read)
    expect(r.kept).toEqual([])
    expect(r.suppressed).toEqual([
      {
        finding: f,
        reason: 'VMs activate on-premises',
        kind: 'inline',
        origin: { file: '/repo/net.tf', startLine: 1, endLine: 1 },
      },
    ])
  })

  test('on the line above the finding, several rules in one directive; other rules are kept', () => {
    const f5 = finding({ ruleId: 'KMS005', file: '/repo/net.tf', line: 11, endLine: 11 })
    const f7 = finding({ ruleId: 'KMS007', file: '/repo/net.tf', line: 11, endLine: 11 })
    const r = applySuppressions([f5, f7], read)
    expect(r.suppressed.map((s) => [s.finding.ruleId, s.reason, s.origin.startLine])).toEqual([
      ['KMS005', 'rule collection is managed centrally', 10],
    ])
    expect(r.kept).toEqual([f7])
  })

  test('without a reason: not suppressed, one KMS012 notice at the comment', () => {
    const a = finding({ ruleId: 'KMS004', file: '/repo/net.tf', line: 10, endLine: 11 })
    const b = finding({ ruleId: 'KMS004', file: '/repo/net.tf', line: 11, endLine: 11, resource: 'x' })
    const r = applySuppressions([a, b], read)
    expect(r.kept).toEqual([a, b])
    expect(r.suppressed).toEqual([])
    expect(r.problems).toHaveLength(1)
    expect(r.problems[0]).toMatchObject({
      ruleId: 'KMS012',
      severity: 'notice',
      location: { file: '/repo/net.tf', startLine: 8, endLine: 8 },
    })
    expect(r.problems[0]!.message).toMatch(/gives no reason/)
  })

  test('far from any directive, JSON files, unreadable files: kept', () => {
    const far = finding({ file: '/repo/net.tf', line: 14, endLine: 14 })
    const json = finding({ file: '/repo/arm.json', line: 1 })
    const missing = finding({ file: '/repo/gone.tf', line: 1 })
    const r = applySuppressions([far, json, missing], read)
    expect(r.kept).toEqual([far, json, missing])
    expect(r.suppressed).toEqual([])
  })

  test('`*` in Bicep, above the resource; a caller-given resource line wins over the heuristic', () => {
    const f = finding({ ruleId: 'KMS009', file: '/repo/main.bicep', line: 3, endLine: 3 })
    expect(applySuppressions([f], read).suppressed[0]!.reason).toBe('lab network, no Windows VMs')
    const inner = finding({ file: '/repo/net.tf', line: 14, endLine: 14 })
    expect(applySuppressions([inner], read, { resourceLine: () => 1 }).suppressed).toHaveLength(1)
  })
})
