import { buildCommentBody, COMMENT_MARKER, subnetFlowchart } from '../../src/github/comment-body'
import { finding } from '../compare/make-finding'

const root = '/repo'

/** Lines of every ```mermaid block. */
function mermaidBlocks(body: string): string[][] {
  const blocks: string[][] = []
  const re = /^```mermaid\n([\s\S]*?)\n```$/gm
  for (const m of body.matchAll(re)) blocks.push(m[1]!.split('\n'))
  return blocks
}

describe('buildCommentBody', () => {
  test('all clear, with the marker first', () => {
    const body = buildCommentBody({ failing: [], root })
    expect(body.startsWith(`${COMMENT_MARKER}\n`)).toBe(true)
    expect(body).toMatch(/All clear/)
    expect(body).not.toMatch(/mermaid/)
  })

  test('table, a flowchart per subnet with the broken edge red, fixed and existing sections', () => {
    const body = buildCommentBody({
      failing: [
        finding({ file: '/repo/net/spoke.tf', line: 12, endLine: 18 }),
        finding({
          ruleId: 'KMS004',
          subnets: ['snet-app', 'snet-db'],
          resource: 'azurerm_firewall_policy.hub',
          path: 'snet-app → rt-spoke: 0.0.0.0/0 → VirtualAppliance 10.0.0.4 → afw-hub → deny-all (Deny)',
        }),
      ],
      fixed: [finding({ ruleId: 'KMS002', resource: 'azurerm_route.old', file: '/repo/net/old.tf' })],
      existing: [finding({ resource: 'azurerm_route.legacy' })],
      root,
    })
    expect(body).toMatch(/\*\*2 findings\*\*/)
    expect(body).toContain('| 🔴 error | KMS001 | net/spoke.tf&#58;12-18 | azurerm&#95;route.default |')
    expect(body).toContain('### Path of KMS traffic from snet-app')
    expect(body).toContain('### Path of KMS traffic from snet-db')
    expect(body).toContain('### Fixed by this change\n\n- KMS002 on azurerm&#95;route.old (net/old.tf)')
    expect(body).toMatch(/<details><summary>1 finding already on the base branch<\/summary>/)
    const [app, db] = mermaidBlocks(body)
    expect(app).toEqual([
      'flowchart LR',
      '  n0["snet-app"]',
      '  n1["rt-spoke: 0.0.0.0/0"]',
      '  n2["VirtualAppliance 10.0.0.4"]',
      '  n3["afw-hub"]',
      '  n4["deny-all #40;Deny#41;"]',
      '  n5["VirtualNetworkGateway"]',
      '  n0 --> n1',
      '  n1 --> n2',
      '  n2 --> n3',
      '  n3 --> n4',
      '  n1 --> n5',
      // the last edge of each path (findings sorted by line: KMS004 at 10 first): n3→n4 and n1→n5
      '  linkStyle 3 stroke:#d73a49,stroke-width:3px',
      '  linkStyle 4 stroke:#d73a49,stroke-width:3px',
    ])
    // snet-db's path starts at snet-app's text: the subnet is put in front.
    expect(db![1]).toBe('  n0["snet-db"]')
  })

  test('hostile names cannot break out of the table, the HTML, or the Mermaid block', () => {
    const evil =
      'x"] --> pwn["y"]\n%%{init: {"theme":"dark"}}%%\nclick n0 "javascript:alert(1)"\n```\n<img src=x onerror=alert(1)> | # [a](http://e) `code` <!-- -->'
    const body = buildCommentBody({
      failing: [finding({ resource: evil, subnets: [evil], message: evil, path: `${evil} → ${evil}2` })],
      fixed: [finding({ resource: evil })],
      root,
    })
    // No raw HTML from data: every < left is ours.
    const tags = body.match(/<[^>]*>/g) ?? []
    expect(new Set(tags)).toEqual(new Set(['<!-- azure-kms-guard -->', '<br>']))
    // Exactly the fences we wrote: one mermaid block, opened and closed.
    expect(body.match(/^```/gm)).toEqual(['```', '```'])
    const [block] = mermaidBlocks(body)
    // Every line is one of ours: a node with a quoted label, an edge between our ids, or linkStyle.
    for (const l of block!.slice(1)) {
      expect(l).toMatch(
        /^ {2}(n\d+\["[^"\]\n]*"\]|n\d+ --> n\d+|linkStyle \d+ stroke:#d73a49,stroke-width:3px)$/,
      )
    }
    expect(block!.join('\n')).not.toContain('%%')
    // Table rows keep their 5 cells: no data pipe survives.
    const row = body.split('\n').find((l) => l.startsWith('| 🔴'))!
    expect(row.split('|')).toHaveLength(7)
    expect(body).not.toMatch(/\]\(http/)
  })

  test('a huge report stays under the comment limit with fences closed', () => {
    const many = Array.from({ length: 400 }, (_, i) =>
      finding({
        resource: `r${i}`,
        subnets: [`snet-${i}`],
        message: 'm'.repeat(400),
        path: `snet-${i} → x${i} → y${i}`,
      }),
    )
    const body = buildCommentBody({ failing: many, existing: many, fixed: many, root, maxRows: 1000 })
    expect(body.length).toBeLessThanOrEqual(65536)
    expect((body.match(/^```/gm) ?? []).length % 2).toBe(0)
  })
})

test('subnetFlowchart for a single-hop path still shows the subnet', () => {
  expect(subnetFlowchart('snet-a', [finding({ path: undefined })])).toBe(
    '```mermaid\nflowchart LR\n  n0["snet-a"]\n```',
  )
})
