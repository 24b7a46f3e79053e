import { getOctokit } from '@actions/github'
import {
  conclusionFor,
  publishCheckRun,
  toCheckAnnotations,
  truncate,
  type CheckAnnotation,
} from '../../src/github/check-run'
import { startGitHubServer, type FakeGitHub, type Route } from '../helpers/github-server'
import { finding } from '../compare/make-finding'
import { addRoutes } from '../report/findings'
import { EXAMPLE, scanExample } from '../report/scans'
import { toAnnotations } from '../../src/report/annotations'

const TOKEN = 'ghs_checkstoken'

function annotations(n: number): CheckAnnotation[] {
  return Array.from({ length: n }, (_, i) => ({
    path: 'net/spoke.tf',
    start_line: i + 1,
    end_line: i + 1,
    annotation_level: 'failure' as const,
    title: 'KMS001: t',
    message: `m${i}`,
  }))
}

const checksRoutes: Route[] = [
  {
    method: 'POST',
    path: /^\/repos\/contoso\/infra\/check-runs$/,
    reply: () => ({ status: 201, body: { id: 99, html_url: 'https://github.com/contoso/infra/runs/99' } }),
  },
  { method: 'PATCH', path: /^\/repos\/contoso\/infra\/check-runs\/99$/, reply: () => ({ body: { id: 99 } }) },
  {
    method: 'POST',
    path: /^\/repos\/contoso\/fork\/check-runs$/,
    reply: () => ({ status: 403, body: { message: 'Resource not accessible by integration' } }),
  },
  {
    method: 'POST',
    path: /^\/repos\/contoso\/flaky\/check-runs$/,
    reply: () => ({ status: 201, body: { id: 5 } }),
  },
  {
    method: 'PATCH',
    path: /^\/repos\/contoso\/flaky\/check-runs\/5$/,
    reply: (req) =>
      req.body.status === 'completed' ? { body: { id: 5 } } : { status: 500, body: { message: 'boom' } },
  },
]

describe('publishCheckRun', () => {
  let gh: FakeGitHub
  beforeEach(async () => {
    gh = await startGitHubServer(checksRoutes)
  })
  afterEach(() => gh.close())

  test('more than 50: created in_progress with the first 50, then 50/20 appended, completing with the last', async () => {
    const octokit = getOctokit(TOKEN, { baseUrl: gh.url })
    const r = await publishCheckRun(octokit, {
      owner: 'contoso',
      repo: 'infra',
      headSha: 'a'.repeat(40),
      title: '3 errors',
      summary: 'x'.repeat(70000),
      annotations: annotations(120),
      conclusion: 'failure',
    })
    expect(r).toEqual({ ok: true, id: 99, url: 'https://github.com/contoso/infra/runs/99', requests: 3 })
    const [create] = gh.calls('POST', /check-runs$/)
    expect(create!.body).toMatchObject({
      name: 'azure-kms-guard',
      head_sha: 'a'.repeat(40),
      status: 'in_progress',
    })
    expect(create!.body.conclusion).toBeUndefined()
    expect(create!.body.output.annotations.map((a: CheckAnnotation) => a.message)).toEqual(
      annotations(50).map((a) => a.message),
    )
    expect(create!.body.output.summary.length).toBe(65535)
    expect(create!.body.output.title).toBe('3 errors')
    const patches = gh.calls('PATCH', /check-runs\/99$/)
    expect(patches.map((p) => p.body.output.annotations.length)).toEqual([50, 20])
    expect(patches.map((p) => p.body.output.annotations[0].message)).toEqual(['m50', 'm100'])
    expect(patches.map((p) => p.body.status)).toEqual([undefined, 'completed'])
    expect(patches[1]!.body.conclusion).toBe('failure')
    // The create happens strictly before the updates.
    expect(gh.requests.map((q) => q.method)).toEqual(['POST', 'PATCH', 'PATCH'])
  })

  test('exactly 50: one POST that creates the run completed, with every annotation', async () => {
    const octokit = getOctokit(TOKEN, { baseUrl: gh.url })
    const r = await publishCheckRun(octokit, {
      owner: 'contoso',
      repo: 'infra',
      headSha: 'a'.repeat(40),
      title: '50 errors',
      summary: 's',
      annotations: annotations(50),
      conclusion: 'failure',
      detailsUrl: 'https://github.com/contoso/infra/actions/runs/1',
    })
    expect(r).toEqual({ ok: true, id: 99, url: 'https://github.com/contoso/infra/runs/99', requests: 1 })
    expect(gh.requests.map((q) => q.method)).toEqual(['POST'])
    expect(gh.requests[0]!.body).toEqual({
      name: 'azure-kms-guard',
      head_sha: 'a'.repeat(40),
      status: 'completed',
      conclusion: 'failure',
      details_url: 'https://github.com/contoso/infra/actions/runs/1',
      output: { title: '50 errors', summary: 's', annotations: annotations(50) },
    })
  })

  test('51: the 51st goes in the PATCH that completes the run', async () => {
    const octokit = getOctokit(TOKEN, { baseUrl: gh.url })
    const r = await publishCheckRun(octokit, {
      owner: 'contoso',
      repo: 'infra',
      headSha: 'a'.repeat(40),
      title: 't',
      summary: 's',
      annotations: annotations(51),
      conclusion: 'neutral',
    })
    expect(r).toMatchObject({ ok: true, requests: 2 })
    expect(gh.calls('POST', /check-runs$/)[0]!.body).toMatchObject({ status: 'in_progress' })
    const patches = gh.calls('PATCH', /check-runs\/99$/)
    expect(patches).toHaveLength(1)
    expect(patches[0]!.body).toMatchObject({ status: 'completed', conclusion: 'neutral' })
    expect(patches[0]!.body.output.annotations.map((a: CheckAnnotation) => a.message)).toEqual(['m50'])
  })

  test('no annotations: one POST that creates the run completed with success', async () => {
    const octokit = getOctokit(TOKEN, { baseUrl: gh.url })
    const r = await publishCheckRun(octokit, {
      owner: 'contoso',
      repo: 'infra',
      headSha: 'a'.repeat(40),
      title: 'clear',
      summary: 'ok',
      annotations: [],
      conclusion: 'success',
    })
    expect(r.ok).toBe(true)
    expect(gh.calls('PATCH', /./)).toHaveLength(0)
    const creates = gh.calls('POST', /check-runs$/)
    expect(creates).toHaveLength(1)
    expect(creates[0]!.body).toMatchObject({
      status: 'completed',
      conclusion: 'success',
      output: { title: 'clear', summary: 'ok', annotations: [] },
    })
  })

  test('a fork token’s 403 is a degraded result, not an exception, and holds no token', async () => {
    const octokit = getOctokit(TOKEN, { baseUrl: gh.url })
    const r = await publishCheckRun(octokit, {
      owner: 'contoso',
      repo: 'fork',
      headSha: 'a'.repeat(40),
      title: 't',
      summary: 's',
      annotations: annotations(3),
      conclusion: 'failure',
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.permission).toBe(true)
    expect(r.reason).toMatch(
      /^creating the check run failed: HTTP 403 Resource not accessible by integration/,
    )
    expect(r.reason).not.toContain(TOKEN)
    expect(gh.calls('PATCH', /./)).toHaveLength(0)
  })

  test('a failing update completes the run anyway and reports where it stopped', async () => {
    const octokit = getOctokit(TOKEN, { baseUrl: gh.url })
    const r = await publishCheckRun(octokit, {
      owner: 'contoso',
      repo: 'flaky',
      headSha: 'a'.repeat(40),
      title: 't',
      summary: 's',
      annotations: annotations(120),
      conclusion: 'failure',
    })
    expect(r).toMatchObject({ ok: false, permission: false, id: 5 })
    if (!r.ok) expect(r.reason).toMatch(/annotation 51: HTTP 500/)
    const patches = gh.calls('PATCH', /check-runs\/5$/)
    expect(patches.at(-1)!.body).toEqual({ status: 'completed', conclusion: 'failure' })
  })
})

describe('annotations and conclusion', () => {
  test('repository-relative paths, levels, fix as raw_details, files outside the root skipped', () => {
    const a = toCheckAnnotations(
      [
        finding({
          severity: 'warning',
          file: '/repo/net/spoke.tf',
          line: 4,
          endLine: 9,
          fix: addRoutes(),
        }),
        finding({ file: '/subscriptions/x/resourceGroups/y' }),
        finding({ file: '/elsewhere/vars.tfvars' }),
        finding({ severity: 'notice', file: '/repo/a.tf', line: 0, endLine: 0 }),
      ],
      '/repo',
    )
    expect(a).toEqual([
      {
        path: 'net/spoke.tf',
        start_line: 4,
        end_line: 9,
        annotation_level: 'warning',
        title: 'KMS001: Forced tunnel sends KMS traffic on-premises',
        message: 'KMS traffic from snet-app follows 0.0.0.0/0 to the VPN gateway.',
        raw_details: expect.stringMatching(
          /^KMS traffic from snet-app follows 0\.0\.0\.0\/0 to the VPN gateway\.\n\nPath: snet-app → rt-spoke: 0\.0\.0\.0\/0 → VirtualNetworkGateway\n\nFix:\nroute \{[\s\S]*next_hop_type {2}= "Internet"/,
        ),
      },
      expect.objectContaining({ path: 'a.tf', start_line: 1, end_line: 1, annotation_level: 'notice' }),
    ])
  })

  test('conclusion from fail-on', () => {
    const warning = finding({ severity: 'warning' })
    expect(conclusionFor([warning], 'error')).toBe('neutral')
    expect(conclusionFor([warning], 'warning')).toBe('failure')
    expect(conclusionFor([warning], 'never')).toBe('neutral')
    expect(conclusionFor([], 'notice')).toBe('success')
  })

  test('truncate keeps the limit and says so', () => {
    expect(truncate('abc', 5)).toBe('abc')
    const t = truncate('x'.repeat(100), 50)
    expect(t).toHaveLength(50)
    expect(t.endsWith('(truncated)')).toBe(true)
  })
})

describe('annotation length', () => {
  test('messages of the example are at most 300 characters; the whole text is in raw_details', async () => {
    const result = await scanExample()
    const annotations = toCheckAnnotations(result.findings, EXAMPLE)
    expect(annotations).toHaveLength(result.findings.length)
    expect(result.findings.some((f) => f.message.length > 300)).toBe(true)
    for (const a of annotations) {
      expect(a.message.length).toBeLessThanOrEqual(300)
      const f = result.findings.find((x) => a.raw_details!.startsWith(x.message))
      expect(f).toBeDefined()
      // Cut at a sentence: what is shown is the start of the message.
      expect(f!.message.startsWith(a.message.replace(/ \(details below\)$/, '').replace(/…$/, ''))).toBe(true)
    }
    for (const a of toAnnotations(result.findings, EXAMPLE)) expect(a.message.length).toBeLessThanOrEqual(300)
  })
})
