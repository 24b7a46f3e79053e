import * as path from 'node:path'
import { formatJsonReport, JSON_SCHEMA_URL, toJsonReport } from '../../src/report/json'
import { fixText } from '../../src/report/fix'
import { schemaValidator } from '../helpers/json-schema'
import {
  finding,
  hostileFinding,
  noticeFinding,
  result,
  ROOT,
  subnetVerdict,
  verdictOf,
  warningFinding,
} from './findings'
import { lineOf, multiCloudRepo, scanExample } from './scans'

const SCHEMA = path.join(process.cwd(), 'schema', 'report.schema.json')
const validate = schemaValidator(SCHEMA)

/** Through JSON text, as a reader gets it. */
const parsed = (r: ReturnType<typeof toJsonReport>): unknown => JSON.parse(JSON.stringify(r))

test('findings with relative forward-slash paths, most severe first, and a summary', () => {
  const report = toJsonReport(result([noticeFinding(), finding(), warningFinding()]), ROOT)
  expect(validate(parsed(report))).toEqual([])
  expect(report).toMatchObject({ $schema: JSON_SCHEMA_URL, schemaVersion: 2, version: 2, root: '.' })
  expect(report.cloud).toBe('AzureCloud')
  expect(report).not.toHaveProperty('clouds')
  expect(report.findings.map((f) => f.ruleId)).toEqual(['KMS001', 'KMS005', 'KMS011'])
  expect(report.findings[0]).toEqual({
    ruleId: 'KMS001',
    severity: 'error',
    file: 'infra/network.tf',
    startLine: 12,
    endLine: 18,
    message: finding().message,
    resource: 'azurerm_route_table.spoke',
    kmsAddresses: ['20.118.99.224', '40.83.235.53'],
    title: finding().title,
    cloud: 'AzureCloud',
    path: finding().path,
    subnets: ['snet-app'],
    fix: fixText(finding()),
    format: 'terraform',
  })
  expect(report.findings[1]).not.toHaveProperty('fix')
  expect(report.summary).toEqual({
    errors: 1,
    warnings: 1,
    notices: 1,
    total: 3,
    suppressed: 0,
    filesScanned: 4,
    clouds: 'AzureCloud',
  })
})

test('several clouds: cloud is the first, clouds lists them all', () => {
  const report = toJsonReport(result([], { clouds: ['AzureUSGovernment', 'AzureCloud'] }), ROOT)
  expect(report.cloud).toBe('AzureUSGovernment')
  expect(report.clouds).toEqual(['AzureUSGovernment', 'AzureCloud'])
  expect(report.summary.clouds).toEqual(['AzureUSGovernment', 'AzureCloud'])
  expect(validate(parsed(report))).toEqual([])
  expect(Object.keys(report)).toEqual([
    '$schema',
    'schemaVersion',
    'version',
    'root',
    'cloud',
    'clouds',
    'findings',
    'suppressed',
    'summary',
    'verdict',
  ])
})

test('files outside the scan root keep a relative path; ARM ids are kept as they are', () => {
  const armId = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/routeTables/rt'
  const report = toJsonReport(
    result([
      finding({ location: { file: '/elsewhere/vars.tfvars', startLine: 1, endLine: 1 } }),
      finding({ location: { file: armId, startLine: 1, endLine: 1 }, format: 'live' }),
    ]),
    ROOT,
  )
  expect(validate(parsed(report))).toEqual([])
  expect(report.findings.map((f) => f.file).sort()).toEqual(['../../elsewhere/vars.tfvars', armId].sort())
})

test('hostile strings round-trip as data through JSON', () => {
  const text = formatJsonReport(result([hostileFinding()]), ROOT)
  expect(text.endsWith('}\n')).toBe(true)
  const parsed = JSON.parse(text)
  expect(parsed.findings[0].resource).toBe(hostileFinding().resource)
  // JSON escapes CR/LF, so the file cannot hold a line that starts with a workflow command.
  expect(text.split('\n').some((l) => l.trimStart().startsWith('::'))).toBe(false)
})

test('the schema itself rejects an undocumented field and a wrong type', () => {
  const report = parsed(toJsonReport(result([finding()]), ROOT)) as Record<string, unknown>
  expect(validate({ ...report, extra: 1 })).not.toEqual([])
  expect(
    validate({ ...report, findings: [{ ...(report.findings as object[])[0], startLine: 'x' }] }),
  ).not.toEqual([])
})

test('undecided and blocked subnets validate, with files relative to the scan root', () => {
  const subnets = [
    subnetVerdict('blocked'),
    subnetVerdict('undecided', { subnet: 'snet-data', variant: 'prod.bicepparam' }),
  ]
  const report = toJsonReport(
    result([finding()], { root: `${ROOT}/infra`, verdict: verdictOf(subnets) }),
    ROOT,
  )
  expect(validate(parsed(report))).toEqual([])
  expect(report.root).toBe('infra')
  expect(report.findings[0]!.file).toBe('network.tf')
  expect(report.verdict.subnets.map((s) => [s.subnet, s.state, s.file])).toEqual([
    ['snet-app', 'blocked', 'main.tf'],
    ['snet-data', 'undecided', 'main.tf'],
  ])
  expect(report.verdict.subnets[1]).toMatchObject({
    why: 'variable without value',
    variant: 'prod.bicepparam',
  })
})

test('the bundled example: a real scan validates, files relative to the example', async () => {
  const r = await scanExample()
  const report = toJsonReport(r, process.cwd())
  expect(validate(parsed(report))).toEqual([])
  expect(report.root).toBe('examples/hub-spoke')
  expect(report.findings.length).toBeGreaterThan(0)
  for (const f of report.findings) expect(f.file.startsWith('examples/')).toBe(false)
  expect(report.summary.total).toBe(report.findings.length)
  expect(report.verdict.subnets.length).toBe(r.verdict.subnets.length)
})

test('a multi-cloud scan with suppressions: suppressed findings listed with kind, reason and place', async () => {
  const fx = await multiCloudRepo()
  const report = toJsonReport(fx.result, fx.repo)
  expect(validate(parsed(report))).toEqual([])
  expect(report.root).toBe('infra')
  expect(report.clouds).toEqual(['AzureCloud', 'AzureUSGovernment'])
  expect(report.findings.map((f) => [f.resource, f.cloud, f.file])).toEqual([
    ['azurerm_route_table.spoke01', 'AzureCloud', 'spokes.tf'],
    ['azurerm_route_table.spoke01', 'AzureUSGovernment', 'spokes.tf'],
  ])
  const comment = lineOf(fx.tf, 'azure-kms-guard:ignore')
  const entry = lineOf(fx.config, '- rule: KMS001')
  expect(
    report.suppressed
      .map((s) => [s.resource, s.cloud, s.file, s.suppression])
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
  ).toEqual([
    [
      'azurerm_route_table.spoke02',
      'AzureCloud',
      'spokes.tf',
      {
        kind: 'inline',
        reason: 'spoke02 VMs activate against the on-premises KMS host',
        file: 'spokes.tf',
        line: comment,
      },
    ],
    [
      'azurerm_route_table.spoke02',
      'AzureUSGovernment',
      'spokes.tf',
      {
        kind: 'inline',
        reason: 'spoke02 VMs activate against the on-premises KMS host',
        file: 'spokes.tf',
        line: comment,
      },
    ],
    [
      'azurerm_route_table.spoke03',
      'AzureCloud',
      'spokes.tf',
      {
        kind: 'config',
        reason: 'spoke03 is being decommissioned',
        file: '../.azure-kms-guard.yml',
        line: entry,
      },
    ],
    [
      'azurerm_route_table.spoke03',
      'AzureUSGovernment',
      'spokes.tf',
      {
        kind: 'config',
        reason: 'spoke03 is being decommissioned',
        file: '../.azure-kms-guard.yml',
        line: entry,
      },
    ],
  ])
  expect(report.summary).toMatchObject({ errors: 2, total: 2, suppressed: 4 })
})
