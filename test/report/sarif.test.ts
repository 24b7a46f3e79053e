import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { pathToFileURL } from 'node:url'
import { allRules } from '../../src/rules/index'
import { scan } from '../../src/pipeline/scan'
import {
  FINGERPRINT_KEY,
  formatSarif,
  SECURITY_SEVERITY,
  toSarif,
  type SarifLog,
} from '../../src/report/sarif'
import { sarifValidator } from '../helpers/json-schema'
import { finding, hostileFinding, noticeFinding, result, RULES, warningFinding } from './findings'
import { lineOf, multiCloudRepo, spokesTf } from './scans'

const validate = sarifValidator()

/** Valid against the SARIF 2.1.0 schema, plus what the schema cannot say and code scanning needs. */
function assertValidSarif(log: SarifLog): void {
  expect(validate(JSON.parse(JSON.stringify(log)))).toEqual([])
  for (const run of log.runs) {
    const rules = run.tool.driver.rules
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length)
    for (const res of run.results) expect(rules[res.ruleIndex]!.id).toBe(res.ruleId)
  }
}

const dirs: string[] = []
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

describe('a multi-cloud, multi-subnet scan of a git repository', () => {
  let fx: Awaited<ReturnType<typeof multiCloudRepo>>
  let log: SarifLog
  const start = new Date('2026-12-06T20:00:00.000Z')
  const end = new Date('2026-12-06T20:00:03.500Z')
  beforeAll(async () => {
    fx = await multiCloudRepo()
    log = toSarif(fx.result, allRules, { startTime: start, endTime: end, exitCode: 1 })
  })

  test('validates against the SARIF 2.1.0 schema', () => {
    assertValidSarif(log)
  })

  test('fingerprints are unique across clouds, spokes and suppressions', () => {
    const results = log.runs[0]!.results
    expect(results).toHaveLength(6)
    const prints = results.map((r) => r.partialFingerprints[FINGERPRINT_KEY])
    expect(prints.every((p) => /^[0-9a-f]{32}$/.test(p!))).toBe(true)
    expect(new Set(prints).size).toBe(6)
    // The same spoke under the two clouds: two results, two alerts.
    const spoke01 = results.filter((r) => r.properties.resource === 'azurerm_route_table.spoke01')
    expect(spoke01.map((r) => r.properties.cloud).sort()).toEqual(['AzureCloud', 'AzureUSGovernment'])
    expect(spoke01[0]!.partialFingerprints[FINGERPRINT_KEY]).not.toBe(
      spoke01[1]!.partialFingerprints[FINGERPRINT_KEY],
    )
  })

  test('a fingerprint does not move with lines or wording', async () => {
    const moved = toSarif(
      {
        ...fx.result,
        findings: fx.result.findings.map((f) => ({
          ...f,
          message: 'reworded',
          location: { ...f.location, startLine: f.location.startLine + 40, endLine: f.location.endLine + 40 },
        })),
      },
      allRules,
    )
    const prints = (l: SarifLog) =>
      l.runs[0]!.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]).sort()
    expect(prints(moved)).toEqual(prints(log))
  })

  test('locations are relative to the git root, outside the working directory too', () => {
    const run = log.runs[0]!
    expect(path.relative(process.cwd(), fx.repo).startsWith('..')).toBe(true)
    expect(run.originalUriBaseIds['%SRCROOT%']!.uri).toBe(pathToFileURL(fx.repo).href + '/')
    const open = run.results.filter((r) => !r.suppressions)
    expect(open.map((r) => r.properties.resource).sort()).toEqual([
      'azurerm_route_table.spoke01',
      'azurerm_route_table.spoke01',
    ])
    const table = lineOf(fx.tf, 'resource "azurerm_route_table" "spoke01"')
    for (const r of open) {
      expect(r.ruleId).toBe('KMS001')
      expect(r.level).toBe('error')
      expect(r.properties.subnets).toEqual(['vnet-spoke-01/snet-app-01', 'vnet-spoke-01/snet-data-01'])
      const at = r.locations[0]!.physicalLocation!
      expect(at.artifactLocation).toEqual({ uri: 'infra/spokes.tf', uriBaseId: '%SRCROOT%' })
      // The route that sends 0.0.0.0/0 to the gateway, inside the spoke's route table.
      expect(at.region.startLine).toBe(lineOf(fx.tf, 'route {', table))
      expect(at.region.endLine).toBeGreaterThanOrEqual(at.region.startLine)
    }
  })

  test('each open result says what the finding says: rule, level, message, addresses, path and unit', () => {
    const table = lineOf(fx.tf, 'resource "azurerm_route_table" "spoke01"')
    const route = lineOf(fx.tf, 'route {', table)
    const open = log.runs[0]!.results.filter((r) => !r.suppressions)
    const byCloud = Object.fromEntries(open.map((r) => [r.properties.cloud, r]))
    const common = {
      ruleId: 'KMS001',
      ruleIndex: allRules.findIndex((r) => r.id === 'KMS001'),
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'infra/spokes.tf', uriBaseId: '%SRCROOT%' },
            // The route block: `route {` to its closing brace.
            region: { startLine: route, endLine: route + 4 },
          },
          logicalLocations: [{ fullyQualifiedName: 'azurerm_route_table.spoke01', kind: 'resource' }],
        },
      ],
    }
    const properties = {
      resource: 'azurerm_route_table.spoke01',
      subnets: ['vnet-spoke-01/snet-app-01', 'vnet-spoke-01/snet-data-01'],
      path: 'snet-app-01 → rt-spoke-01: 0.0.0.0/0 → VirtualNetworkGateway',
      paths: [
        'snet-app-01 → rt-spoke-01: 0.0.0.0/0 → VirtualNetworkGateway',
        'snet-data-01 → rt-spoke-01: 0.0.0.0/0 → VirtualNetworkGateway',
      ],
      unit: '.',
    }
    expect(byCloud.AzureCloud).toMatchObject({
      ...common,
      properties: { ...properties, cloud: 'AzureCloud', kmsAddresses: ['20.118.99.224', '40.83.235.53'] },
    })
    expect(byCloud.AzureUSGovernment).toMatchObject({
      ...common,
      properties: { ...properties, cloud: 'AzureUSGovernment', kmsAddresses: ['52.126.105.2'] },
    })
    expect(byCloud.AzureCloud!.message.text).toMatch(
      /^\[AzureCloud\] The route default-to-onprem \(0\.0\.0\.0\/0\) in route table rt-spoke-01 sends Azure KMS traffic \(TCP 1688\) for 20\.118\.99\.224 and 40\.83\.235\.53 to the virtual network gateway/,
    )
    expect(byCloud.AzureUSGovernment!.message.text).toMatch(
      /^\[AzureUSGovernment\] The route default-to-onprem \(0\.0\.0\.0\/0\) in route table rt-spoke-01 sends Azure KMS traffic \(TCP 1688\) for 52\.126\.105\.2 to/,
    )
    // The message ends with each subnet's path, once, as code scanning shows no other property.
    for (const r of open) {
      const [message, paths, ...rest] = r.message.text.split('\n\n')
      expect(rest).toEqual([])
      expect(message).not.toContain('→')
      expect(paths).toBe(
        'Paths: snet-app-01 → rt-spoke-01: 0.0.0.0/0 → VirtualNetworkGateway; ' +
          'snet-data-01 → rt-spoke-01: 0.0.0.0/0 → VirtualNetworkGateway',
      )
    }
  })

  test('a fingerprint is the Azure identity: it changes with the rule, cloud, unit, hop or harmed subnets', () => {
    const f = fx.result.findings.find((x) => x.cloud === 'AzureCloud')!
    const print = (x: typeof f) =>
      toSarif({ ...fx.result, findings: [x], suppressed: [] }, allRules).runs[0]!.results[0]!
        .partialFingerprints[FINGERPRINT_KEY]!
    const same = print(f)
    expect(print({ ...f, message: 'other words', resource: 'azurerm_route_table.renamed' })).toBe(same)
    const changed = [
      { ...f, ruleId: 'KMS004' },
      { ...f, cloud: 'AzureUSGovernment' as const },
      { ...f, unit: 'envs/prod' },
      { ...f, hop: { ...f.hop!, name: 'other-route' } },
      { ...f, affected: f.affected!.slice(1) },
    ].map(print)
    expect(changed.filter((p) => p === same)).toEqual([])
    expect(new Set(changed).size).toBe(changed.length)
  })

  test('suppressed findings are present, with the kind, place and justification of their suppression', () => {
    const suppressed = log.runs[0]!.results.filter((r) => r.suppressions)
    const seen = suppressed.map((r) => [r.properties.resource, r.properties.cloud, r.suppressions]).sort()
    const comment = {
      kind: 'inSource',
      status: 'accepted',
      justification: 'spoke02 VMs activate against the on-premises KMS host',
      location: {
        physicalLocation: {
          artifactLocation: { uri: 'infra/spokes.tf', uriBaseId: '%SRCROOT%' },
          region: {
            startLine: lineOf(fx.tf, 'azure-kms-guard:ignore'),
            endLine: lineOf(fx.tf, 'azure-kms-guard:ignore'),
          },
        },
      },
    }
    const entry = lineOf(fx.config, '- rule: KMS001')
    const config = {
      kind: 'external',
      status: 'accepted',
      justification: 'spoke03 is being decommissioned',
      location: {
        physicalLocation: {
          artifactLocation: { uri: '.azure-kms-guard.yml', uriBaseId: '%SRCROOT%' },
          region: { startLine: entry, endLine: entry },
        },
      },
    }
    expect(seen).toEqual([
      ['azurerm_route_table.spoke02', 'AzureCloud', [comment]],
      ['azurerm_route_table.spoke02', 'AzureUSGovernment', [comment]],
      ['azurerm_route_table.spoke03', 'AzureCloud', [config]],
      ['azurerm_route_table.spoke03', 'AzureUSGovernment', [config]],
    ])
  })

  test('the invocation and an automation id per cloud and scan root', () => {
    const run = log.runs[0]!
    expect(run.invocations).toEqual([
      {
        executionSuccessful: true,
        exitCode: 1,
        startTimeUtc: '2026-12-06T20:00:00.000Z',
        endTimeUtc: '2026-12-06T20:00:03.500Z',
      },
    ])
    expect(run.automationDetails.id).toBe('azure-kms-guard/AzureCloud+AzureUSGovernment/infra/')
    const one = toSarif({ ...fx.result, clouds: ['AzureCloud'] }, allRules).runs[0]!
    expect(one.automationDetails.id).toBe('azure-kms-guard/AzureCloud/infra/')
  })

  test('every rule has help, a helpUri to its docs/rules.md section, tags, precision and security-severity', () => {
    const docs = fs.readFileSync(path.join(process.cwd(), 'docs', 'rules.md'), 'utf8')
    const rules = log.runs[0]!.tool.driver.rules
    expect(rules.map((r) => r.id)).toEqual(allRules.map((r) => r.id))
    for (const r of rules) {
      const rule = allRules.find((x) => x.id === r.id)!
      const [page, anchor] = r.helpUri.split('#')
      expect(page).toBe('https://github.com/azure-kms-guard/azure-kms-guard/blob/main/docs/rules.md')
      // The anchor is the one docs/rules.md's own table of contents links to.
      expect(docs).toContain(`[${r.id}](#${anchor})`)
      expect(docs).toContain(`## ${r.id}: ${rule.title}`)
      expect(r.help.text).toContain(rule.fix.trim())
      expect(r.help.markdown).toContain(`## ${r.id}: ${rule.title}`)
      expect(r.properties.tags).toContain('security')
      expect(['very-high', 'high', 'medium', 'low']).toContain(r.properties.precision)
      expect(r.properties['security-severity']).toBe(SECURITY_SEVERITY[rule.severity])
    }
    expect(rules.find((r) => r.id === 'KMS001')!.properties['security-severity']).toBe('8.0')
    expect(rules.find((r) => r.id === 'KMS011')!.properties).toMatchObject({ precision: 'medium' })
  })
})

test('a single file outside any git repository: relative to its folder', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-sarif-file-'))
  dirs.push(dir)
  const file = path.join(dir, 'spokes.tf')
  fs.writeFileSync(file, spokesTf(1))
  const r = await scan({ path: file, cloud: 'auto', varFiles: [], workers: false })
  const log = toSarif(r, allRules)
  assertValidSarif(log)
  const run = log.runs[0]!
  expect(run.originalUriBaseIds['%SRCROOT%']!.uri).toBe(pathToFileURL(dir).href + '/')
  expect(run.results.map((x) => x.locations[0]!.physicalLocation!.artifactLocation.uri)).toEqual([
    'spokes.tf',
  ])
  expect(run.automationDetails.id).toBe('azure-kms-guard/AzureCloud/./')
})

test('a rule missing from the list gets a descriptor; results keep rule order', () => {
  const run = toSarif(result([noticeFinding(), warningFinding(), finding()]), RULES).runs[0]!
  expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['KMS001', 'KMS005', 'KMS011'])
  expect(run.results.map((r) => [r.ruleId, r.level, r.ruleIndex])).toEqual([
    ['KMS001', 'error', 0],
    ['KMS005', 'warning', 1],
    ['KMS011', 'note', 2],
  ])
  expect(run.results[0]!.message.text).toContain('Path: snet-app → rt-spoke')
  assertValidSarif({ ...toSarif(result([noticeFinding()]), RULES) })
})

test('a file outside the git root keeps an absolute location; an ARM id only a logical one', () => {
  const armId = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/routeTables/rt'
  const log = toSarif(
    result([
      finding({ location: { file: '/elsewhere/x.tfvars', startLine: 3, endLine: 3 } }),
      finding({ location: { file: armId, startLine: 1, endLine: 1 }, format: 'live' }),
    ]),
    RULES,
  )
  assertValidSarif(log)
  const [file, arm] = log.runs[0]!.results
  expect(file!.locations[0]!.physicalLocation).toEqual({
    artifactLocation: { uri: 'file:///elsewhere/x.tfvars' },
    region: { startLine: 3, endLine: 3 },
  })
  expect(arm!.locations[0]!.physicalLocation).toBeUndefined()
  expect(arm!.locations[0]!.logicalLocations![0]!.fullyQualifiedName).toBe('azurerm_route_table.spoke')
})

test('hostile strings stay data; odd file names are percent-encoded URIs', () => {
  const text = formatSarif(result([hostileFinding()]), RULES)
  const log = JSON.parse(text) as SarifLog
  assertValidSarif(log)
  const r = log.runs[0]!.results[0]!
  expect(r.locations[0]!.physicalLocation!.artifactLocation.uri).toBe('infra/we%20ird(1).tf')
  expect(r.properties.resource).toBe(hostileFinding().resource)
  expect(text.split('\n').some((l) => l.trimStart().startsWith('::'))).toBe(false)
})

test('no findings: still a valid run with every rule described', () => {
  const log = toSarif(result([]), RULES)
  assertValidSarif(log)
  expect(log.runs[0]!.results).toEqual([])
  expect(log.runs[0]!.tool.driver.rules).toHaveLength(2)
})

test('the schema check itself rejects a log code scanning would reject', () => {
  const log = JSON.parse(formatSarif(result([finding()]), RULES)) as Record<string, unknown> & SarifLog
  const broken = { ...log, runs: [{ ...log.runs[0]!, results: [{ ruleId: 'KMS001', level: 'fatal' }] }] }
  expect(validate(broken).length).toBeGreaterThan(0)
})
