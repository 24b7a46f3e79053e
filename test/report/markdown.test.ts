import { toMarkdown } from '../../src/report/markdown'
import {
  addRoutes,
  finding,
  hostileFinding,
  noticeFinding,
  result,
  ROOT,
  subnetVerdict,
  verdictOf,
  warningFinding,
} from './findings'

const all = () => [noticeFinding(), warningFinding(), finding()]

test('verdict, counts, clouds', () => {
  const verdict = verdictOf([subnetVerdict('blocked'), subnetVerdict('reachable', { subnet: 'snet-web' })])
  const md = toMarkdown(result(all(), { clouds: ['AzureCloud', 'AzureUSGovernment'], verdict }), ROOT)
  expect(md.split('\n')[0]).toBe(
    '## ❌ Azure KMS Guard: Windows activation (KMS, TCP 1688) is blocked for 1 of 2 subnets; reachable from 1',
  )
  expect(md).toContain(
    '**1 error** · **1 warning** · **1 notice** — 4 files scanned, fail-on: `error` (failed)',
  )
  expect(md).toContain('Clouds judged: AzureCloud, AzureUSGovernment')
})

test('passing verdicts', () => {
  expect(toMarkdown(result([warningFinding()]), ROOT).split('\n')[0]).toBe(
    '## ⚠️ Azure KMS Guard: Windows activation (KMS, TCP 1688) is reachable from the 1 subnet judged',
  )
  expect(toMarkdown(result([finding()]), ROOT, { failOn: 'never' })).toContain('(passed)')
  const clean = toMarkdown(result([]), ROOT)
  expect(clean.split('\n')[0]).toMatch(/^## ✅/)
  expect(clean).not.toContain('### Findings')
})

test('undecided subnets are never a green pass, and are named with what would decide them', () => {
  const verdict = verdictOf([subnetVerdict('undecided'), subnetVerdict('reachable', { subnet: 'snet-web' })])
  const md = toMarkdown(result([noticeFinding()], { verdict }), ROOT)
  expect(md.split('\n')[0]).toBe(
    '## ⚠️ Azure KMS Guard: Windows activation (KMS, TCP 1688) could not be decided for 1 of 2 subnets; reachable from 1',
  )
  expect(md).toContain('### Not decided: 1 subnet')
  expect(md).toMatch(/^- snet-app .*VNet vnet-spoke.*not decided at .*var-files/m)
  // Only fail-on-unknown turns it into a failure.
  const strict = toMarkdown(result([noticeFinding()], { verdict }), ROOT, { failOnUnknown: true })
  expect(strict.split('\n')[0]).toMatch(/^## ❌ .*could not be decided for 1 of 2 subnets/)
  expect(strict).toContain('fail-on: `error`, fail-on-unknown (failed)')
})

test('nothing to judge is said, with the files read and skipped, never reachable', () => {
  const verdict = verdictOf([], { read: 1, skipped: 2 })
  const md = toMarkdown(result([], { verdict }), ROOT)
  expect(md.split('\n')[0]).toBe(
    '## ⚠️ Azure KMS Guard: No Azure subnet found to judge (1 file read, 2 skipped): Windows activation (KMS, TCP 1688) was not checked for any VM',
  )
  expect(md).not.toMatch(/reachable/)
})

test('findings table: one row per finding, most severe first, five cells each', () => {
  const md = toMarkdown(result(all()), ROOT)
  const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---'))
  expect(rows[0]).toBe('| Severity | Rule | Location | Resource | Message |')
  expect(rows).toHaveLength(4)
  expect(rows[1]).toMatch(/^\| 🔴 error \| \*\*KMS001\*\*<br>/)
  expect(rows[2]).toMatch(/^\| 🟠 warning \|/)
  expect(rows[3]).toMatch(/^\| 🔵 notice \|/)
  expect(rows[1]).toContain('infra/network.tf&#58;12-18')
  for (const r of rows) expect(r.split('|')).toHaveLength(7)
})

test('locations link to the lines when a blob URL is given', () => {
  const md = toMarkdown(result([finding()]), ROOT, { blobUrl: 'https://github.com/o/r/blob/abc' })
  expect(md).toContain('](https://github.com/o/r/blob/abc/infra/network.tf#L12-L18)')
})

test('affected subnets with their path, as a list and a Mermaid flowchart', () => {
  const md = toMarkdown(result([finding(), finding({ ruleId: 'KMS003' })]), ROOT)
  expect(md).toContain('### Affected subnets')
  expect(md).toContain('- **snet-app** (KMS001): snet-app → rt-spoke&#58; 0.0.0.0/0 → VirtualNetworkGateway')
  expect(md.match(/- \*\*snet-app\*\*/g)).toHaveLength(1)
  expect(md).toContain(
    '```mermaid\nflowchart LR\n  n0["snet-app"]\n  n1["rt-spoke: 0.0.0.0/0"]\n  n2["VirtualNetworkGateway"]',
  )
  expect(md).toContain('  n0 --> n1\n  n1 --> n2\n```')
  expect(toMarkdown(result([finding()]), ROOT, { mermaid: false })).not.toContain('mermaid')
})

test('fixes in collapsible blocks in the source language', () => {
  const md = toMarkdown(
    result([
      finding(),
      finding({ format: 'bicep', fix: addRoutes('rt', 'bicep'), resource: 'rt' }),
      finding({ format: 'arm', fix: addRoutes('arm', 'arm'), resource: 'arm' }),
      finding({ format: 'live', fix: addRoutes('live', 'live'), resource: 'live' }),
    ]),
    ROOT,
  )
  expect(md).toContain(
    '<details>\n<summary>KMS001 · azurerm&#95;route&#95;table.spoke · infra/network.tf&#58;12</summary>\n\n```hcl\nroute {',
  )
  expect(md).toContain('```bicep\n{\n  name:')
  expect(md).toContain('```json\n{\n  "name": "kms-20-118-99-224"')
  expect(md).toContain('```text\naz network route-table route create')
})

test('a long list is capped', () => {
  const many = Array.from({ length: 5 }, (_, i) => finding({ resource: `r${i}` }))
  const md = toMarkdown(result(many), ROOT, { maxRows: 2 })
  expect(md.split('\n').filter((l) => l.startsWith('| 🔴'))).toHaveLength(2)
  expect(md).toContain('3 more findings')
})

test('hostile data cannot add rows, HTML, links, mentions or break out of a code block', () => {
  const md = toMarkdown(result([hostileFinding()]), ROOT, { blobUrl: 'https://github.com/o/r/blob/abc' })
  // Raw HTML only inside the fix's code block, where it is shown as code.
  expect(md.slice(0, md.indexOf('### Fixes'))).not.toContain('<script')
  expect(md.replace(/````hcl[\s\S]*?\n````/, '')).not.toContain('<script')
  expect(md).not.toMatch(/^\s*::/m)
  expect(md).not.toContain('@')
  const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---'))
  expect(rows).toHaveLength(2)
  expect(rows[1]!.split('|')).toHaveLength(7)
  expect(md).toContain('&lt;script&gt;')
  // The link target is percent-encoded, so `(1)` in the file name cannot end it.
  expect(md).toContain('(https://github.com/o/r/blob/abc/infra/we%20ird%281%29.tf#L3)')
  // The fix holds ``` and </details>: the fence is longer, so it all stays code.
  const fix = md.slice(md.indexOf('### Fixes'))
  expect(fix).toMatch(
    /\n````hcl\n[^`]*route_table_name *= "```\n<\/details><script>x<\/script>"[\s\S]*\n````\n\n<\/details>/,
  )
  // Mermaid labels: nothing but our own quotes and brackets.
  const mermaid = md.slice(md.indexOf('```mermaid'), md.indexOf('```', md.indexOf('```mermaid') + 3))
  for (const l of mermaid
    .split('\n')
    .slice(2)
    .filter((l) => l !== '')) {
    expect(l).toMatch(/^ {2}(n\d+\["[^"[\]<>`|]*"\]|n\d+ --> n\d+)$/)
  }
})

test('each affected subnet is drawn with its own path, not the first subnet’s', () => {
  const f = finding({
    ruleId: 'KMS003',
    subnets: ['snet-data', 'snet-web'],
    path: 'snet-data [nsg-data: deny Deny] → rt-spoke: 0.0.0.0/0 → afw-hub: no rule matched (Deny)',
    subnetPaths: [
      {
        subnet: 'snet-data',
        path: 'snet-data [nsg-data: deny Deny] → rt-spoke: 0.0.0.0/0 → afw-hub: no rule matched (Deny)',
      },
      { subnet: 'snet-web', path: 'snet-web → rt-spoke: 0.0.0.0/0 → afw-hub: no rule matched (Deny)' },
    ],
  })
  const md = toMarkdown(result([f]), ROOT)
  const web = md.split('\n').find((l) => l.startsWith('- **snet-web**'))
  expect(web).toContain('snet-web → rt-spoke')
  expect(web).not.toContain('snet-data')
  // In the drawing snet-web leads straight to the route table, not through snet-data.
  const ids = Object.fromEntries([...md.matchAll(/ {2}(n\d+)\["([^"]*)"\]/g)].map((m) => [m[2], m[1]]))
  expect(md).toContain(`${ids['snet-web']} --> ${ids['rt-spoke: 0.0.0.0/0']}`)
})

test('a plan finding’s fix (Azure CLI commands) is fenced as text, not HCL', () => {
  const md = toMarkdown(result([finding({ format: 'plan', fix: addRoutes('rt', 'plan') })]), ROOT)
  expect(md).toContain('```text\naz network route-table route create ')
})
