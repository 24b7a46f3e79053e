import { formatJsonReport, toJsonReport } from '../../src/report/json'
import { fixText } from '../../src/report/fix'
import { finding, hostileFinding, noticeFinding, result, ROOT, warningFinding } from './findings'

test('findings with relative forward-slash paths, most severe first, and a summary', () => {
  const report = toJsonReport(result([noticeFinding(), finding(), warningFinding()]), ROOT)
  expect(report.version).toBe(1)
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
    filesScanned: 4,
    clouds: 'AzureCloud',
  })
})

test('several clouds: cloud is the first, clouds lists them all', () => {
  const report = toJsonReport(result([], { clouds: ['AzureUSGovernment', 'AzureCloud'] }), ROOT)
  expect(report.cloud).toBe('AzureUSGovernment')
  expect(report.clouds).toEqual(['AzureUSGovernment', 'AzureCloud'])
  expect(report.summary.clouds).toEqual(['AzureUSGovernment', 'AzureCloud'])
  expect(Object.keys(report)).toEqual(['version', 'cloud', 'clouds', 'findings', 'summary', 'verdict'])
})

test('files outside the cwd keep a relative path; ARM ids are kept as they are', () => {
  const armId = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/routeTables/rt'
  const report = toJsonReport(
    result([
      finding({ location: { file: '/elsewhere/vars.tfvars', startLine: 1, endLine: 1 } }),
      finding({ location: { file: armId, startLine: 1, endLine: 1 }, format: 'live' }),
    ]),
    ROOT,
  )
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
