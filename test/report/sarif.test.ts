import { FINGERPRINT_KEY, fingerprint, formatSarif, toSarif, type SarifLog } from '../../src/report/sarif'
import { finding, hostileFinding, noticeFinding, result, ROOT, RULES, warningFinding } from './findings'

/**
 * The SARIF 2.1.0 schema's required properties (the schema is not available offline), plus what
 * GitHub code scanning requires of an upload.
 */
function assertValidSarif(log: SarifLog): void {
  expect(log.version).toBe('2.1.0')
  expect(log.$schema).toMatch(/sarif-2\.1\.0/)
  expect(Array.isArray(log.runs)).toBe(true)
  for (const run of log.runs) {
    expect(typeof run.tool.driver.name).toBe('string')
    const rules = run.tool.driver.rules
    const ids = new Set<string>()
    for (const r of rules) {
      expect(typeof r.id).toBe('string')
      expect(ids.has(r.id)).toBe(false)
      ids.add(r.id)
      expect(r.shortDescription.text.length).toBeGreaterThan(0)
      expect(r.fullDescription.text.length).toBeGreaterThan(0)
      expect(r.help.text.length).toBeGreaterThan(0)
      expect(r.help.markdown.length).toBeGreaterThan(0)
      expect(['error', 'warning', 'note', 'none']).toContain(r.defaultConfiguration.level)
      expect(r.name).toMatch(/^[A-Za-z0-9]+$/)
    }
    for (const res of run.results) {
      // result requires message; ruleId/ruleIndex must agree.
      expect(typeof res.message.text).toBe('string')
      expect(rules[res.ruleIndex]!.id).toBe(res.ruleId)
      expect(['error', 'warning', 'note', 'none']).toContain(res.level)
      expect(res.locations.length).toBeGreaterThanOrEqual(1)
      for (const loc of res.locations) {
        if (!loc.physicalLocation) continue
        const { artifactLocation, region } = loc.physicalLocation
        expect(artifactLocation.uriBaseId).toBe('%SRCROOT%')
        expect(artifactLocation.uri).not.toMatch(/^(\/|[a-z]+:|\.\.)/i)
        expect(Number.isInteger(region.startLine) && region.startLine >= 1).toBe(true)
        expect(region.endLine).toBeGreaterThanOrEqual(region.startLine)
        expect(run.originalUriBaseIds[artifactLocation.uriBaseId]!.uri).toMatch(/^file:\/\/.*\/$/)
      }
      for (const value of Object.values(res.partialFingerprints)) expect(value).toMatch(/^[0-9a-f]{64}$/)
    }
  }
}

test('a run that code scanning accepts', () => {
  const log = toSarif(result([noticeFinding(), warningFinding(), finding()]), ROOT, RULES)
  assertValidSarif(log)
  const run = log.runs[0]!
  expect(run.tool.driver).toMatchObject({
    name: 'azure-kms-guard',
    informationUri: expect.stringMatching(/^https:/),
  })
  expect(run.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/)
  expect(run.originalUriBaseIds['%SRCROOT%']!.uri).toBe('file:///work/repo/')
  expect(run.results.map((r) => [r.ruleId, r.level])).toEqual([
    ['KMS001', 'error'],
    ['KMS005', 'warning'],
    ['KMS011', 'note'],
  ])
  const first = run.results[0]!
  expect(first.locations[0]!.physicalLocation).toEqual({
    artifactLocation: { uri: 'infra/network.tf', uriBaseId: '%SRCROOT%' },
    region: { startLine: 12, endLine: 18 },
  })
  expect(first.message.text).toContain('Path: snet-app → rt-spoke')
  expect(first).not.toHaveProperty('fixes')
})

test('rule metadata from the rules list, with a descriptor for an unlisted rule', () => {
  const run = toSarif(result([noticeFinding()]), ROOT, RULES).runs[0]!
  const kms001 = run.tool.driver.rules[0]!
  expect(kms001).toMatchObject({
    id: 'KMS001',
    name: 'ForcedTunnelSendsKMSTrafficAwayFromAzure',
    shortDescription: { text: RULES[0]!.title },
    fullDescription: { text: 'A default route to a gateway or appliance carries KMS traffic too.' },
    defaultConfiguration: { level: 'error' },
  })
  expect(kms001.help.markdown).toContain('## KMS001:')
  expect(kms001.help.markdown).toContain('next hop `Internet`')
  expect(kms001.properties.tags).toContain('windows-activation')
  expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['KMS001', 'KMS005', 'KMS011'])
  expect(run.results[0]!.ruleIndex).toBe(2)
  expect(run.tool.driver.rules[2]!.defaultConfiguration.level).toBe('note')
})

test('fingerprints are stable across line moves and message wording, distinct per resource', () => {
  const a = toSarif(result([finding()]), ROOT, RULES).runs[0]!.results[0]!
  const moved = finding({
    message: 'reworded',
    location: { ...finding().location, startLine: 40, endLine: 44 },
  })
  const b = toSarif(result([moved]), ROOT, RULES).runs[0]!.results[0]!
  expect(a.partialFingerprints[FINGERPRINT_KEY]).toBe(b.partialFingerprints[FINGERPRINT_KEY])
  expect(a.partialFingerprints[FINGERPRINT_KEY]).toBe(
    fingerprint('KMS001', 'infra/network.tf', 'azurerm_route_table.spoke'),
  )
  const other = toSarif(result([finding({ resource: 'azurerm_route_table.hub' })]), ROOT, RULES).runs[0]!
    .results[0]!
  expect(other.partialFingerprints[FINGERPRINT_KEY]).not.toBe(a.partialFingerprints[FINGERPRINT_KEY])
})

test('files outside the root and ARM ids get no physical location but keep a logical one', () => {
  const armId = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/routeTables/rt'
  const log = toSarif(
    result([
      finding({ location: { file: '/elsewhere/x.tfvars', startLine: 1, endLine: 1 } }),
      finding({ location: { file: armId, startLine: 1, endLine: 1 }, format: 'live' }),
    ]),
    ROOT,
    RULES,
  )
  assertValidSarif(log)
  for (const r of log.runs[0]!.results) {
    expect(r.locations[0]!.physicalLocation).toBeUndefined()
    expect(r.locations[0]!.logicalLocations![0]!.fullyQualifiedName).toBe('azurerm_route_table.spoke')
  }
})

test('hostile strings stay data; odd file names are percent-encoded URIs', () => {
  const text = formatSarif(result([hostileFinding()]), ROOT, RULES)
  const log = JSON.parse(text) as SarifLog
  assertValidSarif(log)
  const r = log.runs[0]!.results[0]!
  expect(r.locations[0]!.physicalLocation!.artifactLocation.uri).toBe('infra/we%20ird(1).tf')
  expect(r.properties.resource).toBe(hostileFinding().resource)
  expect(text.split('\n').some((l) => l.trimStart().startsWith('::'))).toBe(false)
})

test('no findings: still a valid run with every rule described', () => {
  const log = toSarif(result([]), ROOT, RULES)
  assertValidSarif(log)
  expect(log.runs[0]!.results).toEqual([])
  expect(log.runs[0]!.tool.driver.rules).toHaveLength(2)
})
