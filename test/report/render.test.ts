/**
 * The one renderer, on real scans: the first screen holds the verdict and one line per (grouped)
 * finding and nothing else; the verdict is true to the event; identical findings collapse; diagrams
 * group subnets, stay small and show Azure names, never IaC expressions; hostile names stay data.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { buildReport } from '../../src/report/model'
import { renderReport } from '../../src/report/render'
import { MAX_NODES } from '../../src/report/diagram'
import { scan } from '../../src/pipeline/scan'
import type { ScanResult } from '../../src/pipeline/scan-types'
import { EXAMPLE, scanExample, scanSpokes } from './scans'
import { noticeFinding, result, ROOT, subnetVerdict, verdictOf } from './findings'

const BLOB = 'https://github.com/o/r/blob/abc'

/** The lines before the first <details>, without blank lines and the comment marker. */
function firstScreen(md: string): string[] {
  const end = md.indexOf('<details>')
  return (end < 0 ? md : md.slice(0, end)).split('\n').filter((l) => l.trim() !== '' && !l.startsWith('<!--'))
}

function mermaidBlocks(md: string): string[][] {
  return [...md.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((m) => m[1]!.split('\n'))
}

/** Labels of a flowchart's nodes, unescaped enough to read. */
function labels(block: string[]): string[] {
  return block.flatMap((l) => [...l.matchAll(/\["([^"]*)"\]/g)].map((m) => m[1]!))
}

const render = (
  result: ScanResult,
  event: 'pull-request' | 'branch' | 'cli',
  surface: 'comment' | 'summary' | 'markdown',
) => renderReport(buildReport({ result, root: EXAMPLE, event, failOn: 'error', blobUrl: BLOB }), surface)

let example: ScanResult
beforeAll(async () => {
  example = await scanExample()
})

test('the first screen is the verdict sentence and one line per finding, nothing else', () => {
  const model = buildReport({
    result: example,
    root: EXAMPLE,
    event: 'pull-request',
    failOn: 'error',
    blobUrl: BLOB,
  })
  for (const surface of ['comment', 'summary', 'markdown'] as const) {
    const md = renderReport(model, surface)
    const [verdict, ...lines] = firstScreen(md)
    expect(verdict).toMatch(/^\*\*❌ Azure KMS Guard:\*\* This pull request blocks Windows activation/)
    expect(lines).toHaveLength(model.lines.length)
    const total = lines.reduce((n, l) => n + Number(/ ×(\d+)/.exec(l)?.[1] ?? 1), 0)
    expect(total).toBe(example.findings.length)
    for (const l of lines) {
      // icon · rule · (subnets ·) hop · linked file:line · fix
      expect(l).toMatch(/^- (🔴|🟠|🔵) \*\*KMS\d{3}\*\*/)
      expect(l).toMatch(/\[[^\]]+&#58;\d+(-\d+)?\]\(https:\/\/github\.com\/o\/r\/blob\/abc\/[^)]+#L\d+/)
      expect(l.length).toBeLessThan(400)
    }
    // Each affected subnet is named on the first screen by its Azure name.
    for (const s of ['snet-legacy-vms', 'snet-data', 'snet-web']) expect(lines.join('\n')).toContain(s)
    // Everything else is folded.
    expect(md.slice(md.indexOf('<details>'))).toContain('```hcl')
    expect(md.indexOf('```')).toBeGreaterThan(md.indexOf('<details>'))
  }
})

test('the verdict is true to the event: a pull request is a change, anything else the network as written', () => {
  expect(firstScreen(render(example, 'pull-request', 'comment'))[0]).toContain('This pull request blocks')
  for (const event of ['branch', 'cli'] as const) {
    const v = firstScreen(render(example, event, 'summary'))[0]!
    expect(v).toContain('The network as written blocks')
    expect(v).not.toContain('this change')
    expect(v).not.toContain('pull request')
  }
  // Subnets counted, not findings: 3 subnets are blocked by 4 errors.
  expect(firstScreen(render(example, 'cli', 'markdown'))[0]).toContain('for 3 subnets')
})

test('severity icons follow the severity: warnings and notices are never headed ❌', () => {
  const warnings = { ...example, findings: example.findings.filter((f) => f.severity !== 'error') }
  const md = render(warnings, 'branch', 'summary')
  const [verdict, ...lines] = firstScreen(md)
  expect(verdict).toMatch(/^\*\*⚠️ /)
  expect(verdict).toContain('does not block')
  expect(lines.every((l) => l.startsWith('- 🟠'))).toBe(true)
  const notices = {
    ...example,
    findings: warnings.findings.map((f) => ({ ...f, severity: 'notice' as const })),
  }
  const n = firstScreen(
    renderReport(buildReport({ result: notices, root: EXAMPLE, event: 'cli', failOn: 'notice' }), 'markdown'),
  )
  expect(n[0]).toMatch(/^\*\*ℹ️ /)
  expect(n[0]).toContain('the check fails &#40;fail-on&#58; notice&#41;')
  expect(n.join('\n')).not.toContain('❌')
  const clean = firstScreen(render({ ...example, findings: [] }, 'pull-request', 'comment'))
  expect(clean).toEqual([
    '**✅ Azure KMS Guard:** This pull request adds nothing that blocks Windows activation &#40;KMS, TCP 1688&#41;.',
  ])
})

test('60 spokes with the same forced tunnel: one line, one diagram with the subnets grouped', async () => {
  const result = await scanSpokes(60)
  expect(result.findings).toHaveLength(60)
  const md = renderReport(
    buildReport({ result, root: result.root, event: 'pull-request', failOn: 'error' }),
    'comment',
  )
  const [verdict, ...lines] = firstScreen(md)
  expect(verdict).toContain('for 120 subnets')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(
    /^- 🔴 \*\*KMS001\*\* ×60 · 120 subnets \(vnet-spoke-01\/snet-app-01, vnet-spoke-01\/snet-data-01, vnet-spoke-02\/snet-app-02, …\) · 60 route tables 0\.0\.0\.0\/0 → VPN\/ExpressRoute gateway → on-premises ✗ · .*\(\+59\) · add 3 \/32 routes to Internet in each route table$/,
  )
  const diagrams = mermaidBlocks(md)
  expect(diagrams).toHaveLength(1)
  expect(diagrams[0]!.filter((l) => l.trim().startsWith('subgraph'))).toHaveLength(1)
  expect(labels(diagrams[0]!).length).toBeLessThanOrEqual(MAX_NODES)
  expect(labels(diagrams[0]!)).toContain('… and 113 more')
  expect(md.length).toBeLessThan(12_000)
})

test('diagrams: one per distinct path, at most 12 nodes, Azure names and addresses, no expression text', () => {
  const md = render(example, 'branch', 'summary')
  const diagrams = mermaidBlocks(md)
  expect(diagrams.length).toBeGreaterThanOrEqual(2)
  const all = diagrams.map((d) => labels(d))
  expect(new Set(all.map((l) => l.slice(1).join('|'))).size).toBe(diagrams.length)
  for (const l of all) {
    expect(l.length).toBeLessThanOrEqual(MAX_NODES)
    for (const label of l) {
      expect(label).not.toMatch(
        /azurerm_|\bvar\.|\$\{|\[\d+\]|\.id\b|resourceId|parameters\(|variables\(|\bmodule\./,
      )
    }
  }
  const flat = all.flat()
  expect(flat).toContain('vnet-contoso-legacy/snet-legacy-vms 10.2.1.0/24')
  expect(flat).toContain('rt-contoso-legacy 0.0.0.0/0')
  expect(flat).toContain('on-premises ✗')
  // The example's firewall address is only known at apply: the hop is named, the expression is not shown.
  expect(flat).toContain('virtual appliance')
  // In messages too: the hop is the firewall the expression names, not the expression's text.
  const viaFirewall = example.findings.filter((f) => f.message.includes('afw-contoso-hub'))
  expect(viaFirewall.length).toBeGreaterThan(0)
  expect(viaFirewall.some((f) => f.message.includes('private_ip_address'))).toBe(false)
})

test('hostile names cannot add lines, HTML, links or Mermaid nodes', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-hostile-'))
  const evil = 'x` ]) <script>alert(1)</script> @team [a](https://evil) %0A'
  fs.writeFileSync(
    path.join(dir, 'main.tf'),
    `resource "azurerm_route_table" "rt" {
  name                = "rt-${evil}"
  location            = "westeurope"
  resource_group_name = "rg"
  route {
    name           = "default"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "VirtualNetworkGateway"
  }
}
resource "azurerm_virtual_network" "v" {
  name                = "vnet"
  location            = "westeurope"
  resource_group_name = "rg"
  address_space       = ["10.0.0.0/16"]
  subnet {
    name             = "snet-${evil}\\n- 🔴 **KMS999** fake"
    address_prefixes = ["10.0.1.0/24"]
    route_table_id   = azurerm_route_table.rt.id
  }
}
`,
  )
  try {
    const result = await scan({ path: dir, cloud: 'auto', varFiles: [], workers: false })
    expect(result.findings.length).toBeGreaterThan(0)
    const md = renderReport(
      buildReport({ result, root: dir, event: 'pull-request', failOn: 'error' }),
      'comment',
    )
    const lines = firstScreen(md)
    expect(lines).toHaveLength(
      1 + buildReport({ result, root: dir, event: 'cli', failOn: 'error' }).lines.length,
    )
    expect(md).not.toContain('KMS999** fake\n')
    const outsideCode = md.replace(/(`{3,})[a-z]*\n[\s\S]*?\n\1/g, '')
    expect(outsideCode).not.toContain('<script')
    expect(outsideCode).not.toContain('@team')
    expect(outsideCode).not.toContain('](https://evil)')
    for (const block of mermaidBlocks(md))
      for (const l of block.slice(1))
        expect(l).toMatch(
          /^ *(subgraph s0\["[^"<>`[\]]*"\]|end|n\d+\["[^"<>`[\]]*"\]|(s0|n0|h\d+) --> h\d+\["[^"<>`[\]]*"\]|linkStyle \d+ .*|style h\d+ .*)$/,
        )
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

describe('the scan verdict on the first screen', () => {
  const md = (result: ScanResult, failOnUnknown = false) =>
    renderReport(
      buildReport({ result, root: ROOT, event: 'branch', failOn: 'error', failOnUnknown }),
      'summary',
    )

  test('undecided subnets are never a green pass, and are named with what would decide them', () => {
    const verdict = verdictOf([
      subnetVerdict('undecided'),
      subnetVerdict('reachable', { subnet: 'snet-web' }),
    ])
    const out = md(result([noticeFinding()], { verdict }))
    expect(firstScreen(out)[0]).toMatch(
      /^\*\*ℹ️ Azure KMS Guard:\*\* .*could not be decided for 1 of 2 subnets; the check passes/,
    )
    expect(out).toContain('<summary>Not decided: 1 subnet</summary>')
    expect(out).toMatch(/^- snet-app .*VNet vnet-spoke.*not decided at .*var-files/m)
    const strict = md(result([noticeFinding()], { verdict }), true)
    expect(firstScreen(strict)[0]).toMatch(/could not be decided for 1 of 2 subnets; the check fails/)
    expect(strict).toContain('fail-on-unknown, failed')
    const quiet = md(result([], { verdict }))
    expect(firstScreen(quiet)[0]).toMatch(/^\*\*⚠️ /)
  })

  test('nothing to judge is said, with the files read and skipped, never reachable', () => {
    const out = md(result([], { verdict: verdictOf([], { read: 1, skipped: 2 }) }))
    expect(firstScreen(out)).toEqual([
      '**⚠️ Azure KMS Guard:** No Azure subnet found to judge &#40;1 file read, 2 skipped&#41;&#58; Windows activation &#40;KMS, TCP 1688&#41; was not checked for any VM; the check passes &#40;fail-on&#58; error&#41;.',
    ])
    expect(out).not.toMatch(/reaches/)
  })

  test('reachable is said only when every subnet was followed to KMS', () => {
    const out = md(
      result([], {
        verdict: verdictOf([subnetVerdict('reachable'), subnetVerdict('reachable', { subnet: 'snet-web' })]),
      }),
    )
    expect(firstScreen(out)[0]).toMatch(/^\*\*✅ .*it reaches Azure KMS from all 2 subnets judged/)
  })
})

test('the counts are said once, in the Scan section: judged, listed but not failing, all', async () => {
  const r = await scanSpokes(3)
  const [a, b, c] = r.findings
  const model = buildReport({
    result: r,
    root: r.root,
    event: 'pull-request',
    failOn: 'error',
    failing: [a!],
    existing: [b!, c!],
  })
  const md = renderReport(model, 'summary')
  const scanSection = md.slice(md.lastIndexOf('<summary>Scan</summary>'))
  expect(scanSection).toContain(
    '- Judged against fail-on: 1 error, 0 warnings, 0 notices (fail-on: `error`, failed)',
  )
  expect(scanSection).toContain(
    '- Listed but not failing (outside the scope, or deployed without fail-on-deployed): 2 errors, 0 warnings, 0 notices',
  )
  expect(scanSection).toContain('- All findings: 3 errors, 0 warnings, 0 notices; 0 fixed, 0 suppressed')
  expect(md.match(/Judged against fail-on/g)).toHaveLength(1)
  // On the network as written everything is judged: nothing is listed apart.
  const all = renderReport(
    buildReport({ result: r, root: r.root, event: 'cli', failOn: 'error' }),
    'markdown',
  )
  expect(all).toContain('- Judged against fail-on: 3 errors, 0 warnings, 0 notices')
  expect(all).not.toContain('Listed but not failing')
})

test('README shows the pictures of the real output, and they exist', () => {
  const readme = fs.readFileSync(path.join(process.cwd(), 'README.md'), 'utf8')
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+\.png)\)/g)].map((m) => m[1]!)
  expect(images).toEqual(
    expect.arrayContaining(['docs/images/pr-comment.png', 'docs/images/job-summary.png']),
  )
  for (const img of images) {
    const png = fs.readFileSync(path.join(process.cwd(), img))
    // A PNG, not an empty or LFS placeholder file.
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    expect(png.length).toBeGreaterThan(10_000)
  }
})

test('finding lines name hops as Azure does, also for findings without a traced path', async () => {
  const md = render(await scanExample(), 'pull-request', 'comment')
  const lines = firstScreen(md).slice(1)
  expect(lines.length).toBeGreaterThan(0)
  for (const l of lines) expect(l).not.toMatch(/azurerm_|\.rule\[|\.route\[/)
  expect(
    lines.some((l) => l.includes('firewall rule afwp-contoso-hub/rcg-platform/allow-windows-activation/kms')),
  ).toBe(true)
  expect(lines.some((l) => l.includes('route rt-contoso-legacy/kms'))).toBe(true)
})
