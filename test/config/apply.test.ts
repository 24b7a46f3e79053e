import { applyRuleSettings, cloudForPath, filterByPaths, isIncluded } from '../../src/config/apply'
import { emptyConfig, parseConfig } from '../../src/config/config'
import { finding } from '../compare/make-finding'

const { config } = parseConfig(`
include: [net/**, gov/**, arm/**]
exclude: ["**/legacy/**"]
rules: { KMS009: off, KMS004: error, KMS001: warning }
cloud: AzureCloud
clouds:
  - { path: gov/**, cloud: AzureUSGovernment }
`)

test('include and exclude', () => {
  expect(isIncluded('net/spoke.tf', config)).toBe(true)
  expect(isIncluded('net/legacy/spoke.tf', config)).toBe(false)
  expect(isIncluded('other/spoke.tf', config)).toBe(false)
  expect(isIncluded('anything.tf', emptyConfig())).toBe(true)
  const fs = [
    finding({ file: '/repo/net/a.tf' }),
    finding({ file: '/repo/other/a.tf' }),
    finding({ file: '/subscriptions/x' }),
  ]
  expect(filterByPaths(fs, config, '/repo').map((f) => f.location.file)).toEqual([
    '/repo/net/a.tf',
    '/subscriptions/x',
  ])
})

test('cloud per path, then the top-level cloud', () => {
  expect(cloudForPath('gov/hub/main.tf', config)).toBe('AzureUSGovernment')
  expect(cloudForPath('net/main.tf', config)).toBe('AzureCloud')
  expect(cloudForPath('net/main.tf', emptyConfig())).toBeUndefined()
})

test('rule severities and off', () => {
  const out = applyRuleSettings(
    [
      finding({ ruleId: 'KMS009', severity: 'warning' }),
      finding({ ruleId: 'KMS004', severity: 'warning' }),
      finding(),
      finding({ ruleId: 'KMS002' }),
    ],
    config.rules,
  )
  expect(out.map((f) => [f.ruleId, f.severity])).toEqual([
    ['KMS004', 'error'],
    ['KMS001', 'warning'],
    ['KMS002', 'error'],
  ])
})
