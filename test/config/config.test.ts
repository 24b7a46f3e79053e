import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { loadConfig, parseConfig } from '../../src/config/config'

const good = `# azure-kms-guard configuration
include:
  - "net/**"
exclude: [legacy/**, "**/*.tfvars.json"]
rules:
  KMS009: off
  KMS004: error
  kms002: notice
cloud: auto
clouds:
  - path: gov/**
    cloud: AzureUSGovernment
var-files:
  - env/prod.tfvars
allowed-appliances:
  - address: 10.0.0.4
    reason: "NVA egresses from Azure"
  - address: 10.1.0.0/28
    reason: appliance pool
suppress:
  - rule: KMS001
    path: 'arm/**'
    resource: rt-spoke
    reason: activation through on-premises KMS
`

describe('parseConfig', () => {
  test('a full valid file', () => {
    const { config, problems } = parseConfig(good)
    expect(problems).toEqual([])
    expect(config).toEqual({
      include: ['net/**'],
      includeTestFixtures: false,
      exclude: ['legacy/**', '**/*.tfvars.json'],
      rules: { KMS009: 'off', KMS004: 'error', KMS002: 'notice' },
      cloud: 'auto',
      clouds: [{ path: 'gov/**', cloud: 'AzureUSGovernment', line: 11 }],
      varFiles: ['env/prod.tfvars'],
      allowedAppliances: [
        { address: '10.0.0.4', reason: 'NVA egresses from Azure', line: 16 },
        { address: '10.1.0.0/28', reason: 'appliance pool', line: 18 },
      ],
      suppress: [
        {
          rule: 'KMS001',
          path: 'arm/**',
          resource: 'rt-spoke',
          reason: 'activation through on-premises KMS',
          line: 21,
        },
      ],
    })
  })

  test('bad entries are reported on their lines and dropped; the rest applies', () => {
    const text = [
      /* 1 */ 'include: net/**',
      /* 2 */ 'rules:',
      /* 3 */ '  KMS009: false',
      /* 4 */ '  KMS004: fatal',
      /* 5 */ '  RULE1: off',
      /* 6 */ '  KMS005: warning',
      /* 7 */ 'cloud: AzureGermany',
      /* 8 */ 'clouds:',
      /* 9 */ '  - path: gov/**',
      /* 10 */ '  - { path: cn/**, cloud: azurechinacloud }',
      /* 11 */ 'allowed-appliances:',
      /* 12 */ '  - address: 10.0.0.300',
      /* 13 */ '    reason: x',
      /* 14 */ '  - address: 10.0.0.5',
      /* 15 */ 'suppress:',
      /* 16 */ '  - rule: KMS001',
      /* 17 */ '  - rule: KMS001',
      /* 18 */ '    reason: ok',
      /* 19 */ '    paths: arm/**',
      /* 20 */ '  - rule: KMS002',
      /* 21 */ '    reason: fine',
      /* 22 */ 'var-files: 42',
      /* 23 */ 'fail-on: error',
    ].join('\n')
    const { config, problems } = parseConfig(text)
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [3, 'KMS009 must be one of error, warning, notice, off (write off, not false)'],
      [4, 'KMS004 must be one of error, warning, notice, off'],
      [5, '"RULE1" is not a rule id like KMS001'],
      [7, 'unknown cloud "AzureGermany" (expected auto, AzureCloud, AzureUSGovernment, AzureChinaCloud)'],
      [9, 'a clouds entry needs both path and cloud'],
      [12, '"10.0.0.300" is not an IP address or prefix'],
      [14, 'an allowed-appliances entry needs a reason (why traffic through it reaches Azure KMS)'],
      [16, 'a suppress entry needs a reason'],
      [19, 'unknown key "paths" in a suppress entry (expected one of: rule, path, resource, reason, until)'],
      [
        23,
        'unknown key "fail-on" in the configuration (expected one of: include, exclude, rules, cloud, clouds, var-files, allowed-appliances, suppress, include-test-fixtures)',
      ],
    ])
    expect(problems.every((p) => p.file === '.azure-kms-guard.yml')).toBe(true)
    // What was valid survives.
    expect(config.include).toEqual(['net/**'])
    expect(config.rules).toEqual({ KMS005: 'warning' })
    expect(config.cloud).toBeUndefined()
    expect(config.clouds).toEqual([{ path: 'cn/**', cloud: 'AzureChinaCloud', line: 10 }])
    expect(config.allowedAppliances).toEqual([])
    // The entry with the misspelt key is kept without it (suppressing more narrowly would be wrong: it is
    // kept as written minus the unknown key, and the error says so).
    expect(config.suppress).toEqual([
      { rule: 'KMS001', reason: 'ok', line: 17 },
      { rule: 'KMS002', reason: 'fine', line: 20 },
    ])
    expect(config.varFiles).toEqual(['42'])
  })

  test('YAML syntax errors carry their line', () => {
    const { problems } = parseConfig('rules:\n  KMS001: off\n  KMS002: [\n')
    expect(problems.length).toBeGreaterThan(0)
    expect(problems[0]!.line).toBeGreaterThanOrEqual(3)
  })

  test('a clouds entry names a cloud: auto is only for the top-level cloud', () => {
    const { config, problems } = parseConfig('cloud: AUTO\nclouds:\n  - { path: x/**, cloud: auto }\n')
    expect(config.cloud).toBe('auto')
    expect(config.clouds).toEqual([])
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [3, 'unknown cloud "auto" (expected AzureCloud, AzureUSGovernment, AzureChinaCloud)'],
    ])
  })

  test('duplicate keys are an error', () => {
    const { problems } = parseConfig('cloud: auto\ncloud: AzureCloud\n')
    expect(problems.map((p) => p.line)).toEqual([2])
  })

  test('an empty file, or a non-mapping', () => {
    expect(parseConfig('# nothing yet\n').problems).toEqual([])
    expect(parseConfig('- a\n- b\n').problems.map((p) => [p.line, p.message])).toEqual([
      [1, 'the configuration must be a mapping'],
    ])
  })
})

test('loadConfig reads the file at the root; none is an empty config', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-guard-cfg-'))
  expect(loadConfig(dir)).toEqual({
    config: {
      include: [],
      includeTestFixtures: false,
      exclude: [],
      rules: {},
      clouds: [],
      varFiles: [],
      allowedAppliances: [],
      suppress: [],
    },
    problems: [],
  })
  fs.writeFileSync(path.join(dir, '.azure-kms-guard.yml'), 'rules: { KMS009: off }\n')
  const loaded = loadConfig(dir)
  expect(loaded.file).toBe(path.join(dir, '.azure-kms-guard.yml'))
  expect(loaded.config.rules).toEqual({ KMS009: 'off' })
  fs.rmSync(dir, { recursive: true })
})
