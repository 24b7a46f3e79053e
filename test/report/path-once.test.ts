/**
 * A finding's path lives in the report model (`path`, `subnetPaths`), not in the rule's message: every
 * format shows each path of a finding once. On the bundled example's KMS003 finding: two subnets, each
 * through an NSG, a route table, a virtual appliance and the hub firewall that denies KMS.
 */
import { toCheckAnnotations } from '../../src/github/check-run'
import { toAnnotations } from '../../src/report/annotations'
import { formatAzurePipelines } from '../../src/report/azure-pipelines'
import { escapeMarkdown } from '../../src/report/escape'
import { toGitlabCodeQuality } from '../../src/report/gitlab'
import { toJsonReport } from '../../src/report/json'
import { formatJunit } from '../../src/report/junit'
import { buildReport } from '../../src/report/model'
import { renderReport } from '../../src/report/render'
import { toSarif } from '../../src/report/sarif'
import { toText } from '../../src/report/text'
import { allRules } from '../../src/rules/index'
import type { ScanResult } from '../../src/pipeline/scan-types'
import { EXAMPLE, scanExample } from './scans'

const DATA =
  'snet-data [nsg-contoso-data: deny-all-internet-out Deny] → rt-contoso-spoke: 0.0.0.0/0 → VirtualAppliance → ' +
  'afw-contoso-hub: no rule matched (Deny)'
const WEB =
  'snet-web → rt-contoso-spoke: 0.0.0.0/0 → VirtualAppliance → afw-contoso-hub: no rule matched (Deny)'

const count = (text: string, needle: string): number => text.split(needle).length - 1

/** The example's scan with only its KMS003 finding, so no other finding can show the same path. */
let one: ScanResult
beforeAll(async () => {
  const r = await scanExample()
  const kms003 = r.findings.filter((f) => f.ruleId === 'KMS003')
  expect(kms003).toHaveLength(1)
  one = { ...r, findings: kms003, suppressed: [] }
})

test('the rule gives the paths to the model, not to the message', () => {
  const f = one.findings[0]!
  expect(f.path).toBe(DATA)
  expect(f.subnetPaths!.map((s) => s.path)).toEqual([DATA, WEB])
  expect(f.message).not.toContain('→')
  expect(f.message).not.toContain('Path')
})

test('text, SARIF, JUnit, GitLab, Azure Pipelines and check-run details show each path exactly once', () => {
  const texts: [string, string][] = [
    // Wide enough that no path is wrapped.
    ['text', toText(one, EXAMPLE, { width: 1000 })],
    [
      'sarif',
      toSarif(one, allRules)
        .runs[0]!.results.map((r) => r.message.text)
        .join('\n'),
    ],
    ['junit', formatJunit(one, EXAMPLE, allRules)],
    ['gitlab', toGitlabCodeQuality(one, EXAMPLE)[0]!.description],
    ['azure-pipelines', formatAzurePipelines(one, EXAMPLE)],
    ['check-run details', toCheckAnnotations(one.findings, EXAMPLE)[0]!.raw_details!],
  ]
  for (const [format, text] of texts) {
    expect([format, count(text, DATA), count(text, WEB)]).toEqual([format, 1, 1])
    expect([format, count(text, 'Paths: ') + count(text, 'paths: ')]).toEqual([format, 1])
  }
})

test('the pull request comment, the check run summary and --format markdown show each path once', () => {
  const model = buildReport({ result: one, root: EXAMPLE, event: 'pull-request', failOn: 'error' })
  for (const surface of ['comment', 'summary', 'markdown'] as const) {
    const md = renderReport(model, surface)
    expect([surface, count(md, escapeMarkdown(DATA)), count(md, escapeMarkdown(WEB))]).toEqual([
      surface,
      1,
      1,
    ])
  }
})

test('JSON keeps the path as fields and the message without it', () => {
  const [f] = toJsonReport(one, EXAMPLE).findings
  expect(f!.path).toBe(DATA)
  expect(f!.paths).toEqual([DATA, WEB])
  expect(f!.message).not.toContain('→')
})

test('a workflow-command annotation (300 characters) shows the path at most once, in full or not at all', () => {
  const [a] = toAnnotations(one.findings, EXAMPLE)
  expect(count(a!.message, DATA)).toBeLessThanOrEqual(1)
  expect(count(a!.message, 'snet-data [')).toBe(count(a!.message, DATA))
  expect(count(a!.message, WEB)).toBe(0)
  expect(a!.message.endsWith(' (more in the job summary)')).toBe(true)
})
