import { parseConfig } from '../../src/config/config'
import { applyConfigSuppressions } from '../../src/suppress/config'
import { finding } from '../compare/make-finding'

const { config } = parseConfig(`suppress:
  - rule: KMS001
    path: arm/**
    resource: rt-spoke
    reason: activation through on-premises KMS
  - rule: '*'
    path: lab/*.json
    reason: lab subscription
`)

test('rule, path glob and resource must all match; the origin is the entry’s line in the config', () => {
  const hit = finding({ file: '/repo/arm/net/template.json', resource: 'rt-spoke' })
  const otherResource = finding({ file: '/repo/arm/net/template.json', resource: 'rt-hub' })
  const otherRule = finding({ ruleId: 'KMS002', file: '/repo/arm/net/template.json', resource: 'rt-spoke' })
  const lab = finding({ ruleId: 'KMS007', file: '/repo/lab/x.json' })
  const r = applyConfigSuppressions([hit, otherResource, otherRule, lab], config.suppress, '/repo')
  expect(r.kept).toEqual([otherResource, otherRule])
  expect(r.suppressed).toEqual([
    {
      finding: hit,
      reason: 'activation through on-premises KMS',
      kind: 'config',
      origin: { file: '/repo/.azure-kms-guard.yml', startLine: 2, endLine: 2 },
    },
    {
      finding: lab,
      reason: 'lab subscription',
      kind: 'config',
      origin: { file: '/repo/.azure-kms-guard.yml', startLine: 6, endLine: 6 },
    },
  ])
})
