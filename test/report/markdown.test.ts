import { toMarkdown } from '../../src/report/markdown'
import { addRoutes, finding, hostileFinding, noticeFinding, result, ROOT, warningFinding } from './findings'

const all = () => [noticeFinding(), warningFinding(), finding()]

test('verdict, counts, clouds', () => {
  const md = toMarkdown(result(all(), { clouds: ['AzureCloud', 'AzureUSGovernment'] }), ROOT)
  expect(md.split('\n')[0]).toBe(
    '## ❌ Azure KMS Guard: this change breaks Windows activation (KMS, TCP 1688)',
  )
  expect(md).toContain(
    '**1 error** · **1 warning** · **1 notice** — 4 files scanned, fail-on: `error` (failed)',
  )
  expect(md).toContain('Clouds judged: AzureCloud, AzureUSGovernment')
})

test('passing verdicts', () => {
  expect(toMarkdown(result([warningFinding()]), ROOT).split('\n')[0]).toBe(
    '## ⚠️ Azure KMS Guard: passed with findings',
  )
  expect(toMarkdown(result([finding()]), ROOT, { failOn: 'never' })).toContain('(passed)')
  const clean = toMarkdown(result([]), ROOT)
  expect(clean.split('\n')[0]).toMatch(/^## ✅/)
  expect(clean).not.toContain('### Findings')
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
