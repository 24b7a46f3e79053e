/** The CI formats beyond GitHub: Azure DevOps logging commands, JUnit XML, GitLab Code Quality. */
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { formatAzurePipelines } from '../../src/report/azure-pipelines'
import { formatGitlab } from '../../src/report/gitlab'
import { formatJunit } from '../../src/report/junit'
import { allRules } from '../../src/rules/index'
import { finding, hostileFinding, noticeFinding, result, ROOT, warningFinding } from './findings'

describe('azure-pipelines', () => {
  test('one task.logissue per finding with file, line, code and severity', () => {
    const out = formatAzurePipelines(result([finding(), warningFinding(), noticeFinding()]), ROOT)
    const lines = out.trimEnd().split('\n')
    expect(lines[0]).toMatch(
      /^##vso\[task\.logissue type=error;sourcepath=infra\/network\.tf;linenumber=12;code=KMS001;\]KMS001: Forced tunnel/,
    )
    expect(lines[1]).toMatch(
      /^##vso\[task\.logissue type=warning;sourcepath=infra\/legacy\.tf;linenumber=20;code=KMS005;\]/,
    )
    // No notice level in Azure DevOps: a warning that says it is a notice.
    expect(lines[2]).toMatch(/type=warning;.*code=KMS011;\]KMS011 \(notice\): /)
    expect(lines[3]).toBe('azure-kms-guard: 1 error, 1 warning, 1 notice; 4 files scanned')
  })

  test('file content cannot start a command: line breaks escaped, ##vso[ and ##[ broken, ; and ] escaped in properties', () => {
    const evil = hostileFinding()
    evil.message = 'x\n##vso[task.setvariable variable=PATH]/evil ##[error]y'
    evil.location = { ...evil.location, file: `${ROOT}/infra/a;b].tf` }
    const out = formatAzurePipelines(result([evil]), ROOT)
    const lines = out.trimEnd().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]!.match(/##vso\[/g)).toHaveLength(1)
    expect(lines[0]).not.toContain('##[')
    expect(lines[0]).toContain('sourcepath=infra/a%3Bb%5D.tf;')
    expect(lines[0]).toContain('x%0A##\u200bvso[task.setvariable')
  })
})

describe('junit', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' })

  test('valid XML: a suite per rule, a failed case per finding, a skipped case per notice, a passing case per clean rule', () => {
    const xml = formatJunit(
      result([finding(), finding({ resource: 'azurerm_route_table.b' }), noticeFinding()]),
      ROOT,
      allRules,
    )
    expect(XMLValidator.validate(xml)).toBe(true)
    const doc = parser.parse(xml)
    const suites = doc.testsuites.testsuite as {
      name: string
      tests: string
      failures: string
      skipped: string
      testcase: unknown
    }[]
    expect(suites).toHaveLength(allRules.length)
    const kms001 = suites.find((s) => s.name.startsWith('KMS001'))!
    expect(kms001).toMatchObject({ tests: '2', failures: '2', skipped: '0' })
    const kms011 = suites.find((s) => s.name.startsWith('KMS011'))!
    expect(kms011).toMatchObject({ tests: '1', failures: '0', skipped: '1' })
    const kms006 = suites.find((s) => s.name.startsWith('KMS006'))!
    expect(kms006).toMatchObject({ tests: '1', failures: '0' })
    expect(doc.testsuites).toMatchObject({ failures: '2', skipped: '1', tests: String(allRules.length + 1) })
  })

  test('hostile text stays data: still valid XML with the text intact', () => {
    const evil = hostileFinding()
    evil.message = 'a </failure></testcase><testcase name="x"> \u0001 & \ud800 b'
    const xml = formatJunit(result([evil]), ROOT, allRules)
    expect(XMLValidator.validate(xml)).toBe(true)
    const doc = parser.parse(xml)
    const kms001 = (
      doc.testsuites.testsuite as { name: string; testcase: { failure: { '#text': string } } }[]
    ).find((s) => s.name.startsWith('KMS001'))!
    expect(kms001.testcase.failure['#text']).toContain('a </failure></testcase><testcase name="x">  &  b')
  })
})

describe('gitlab code quality', () => {
  test('issues with severity, path, lines and a fingerprint unique per finding', () => {
    const report = JSON.parse(
      formatGitlab(
        result([
          finding(),
          finding({ resource: 'azurerm_route_table.b' }),
          warningFinding(),
          noticeFinding(),
        ]),
        ROOT,
      ),
    ) as {
      fingerprint: string
      severity: string
      check_name: string
      location: { path: string; lines: { begin: number } }
    }[]
    expect(report.map((i) => i.severity)).toEqual(['critical', 'critical', 'major', 'info'])
    expect(report[0]).toMatchObject({
      check_name: 'KMS001',
      location: { path: 'infra/network.tf', lines: { begin: 12 } },
    })
    expect(new Set(report.map((i) => i.fingerprint)).size).toBe(4)
    for (const i of report) expect(i.fingerprint).toMatch(/^[0-9a-f]{32}$/)
  })

  test('a fingerprint does not change when the finding moves to another line', () => {
    const a = JSON.parse(formatGitlab(result([finding()]), ROOT))[0].fingerprint
    const moved = finding()
    moved.location = { ...moved.location, startLine: 40, endLine: 46 }
    expect(JSON.parse(formatGitlab(result([moved]), ROOT))[0].fingerprint).toBe(a)
  })
})
