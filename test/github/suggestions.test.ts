import { getOctokit } from '@actions/github'
import {
  inOneHunk,
  parseHunks,
  postSuggestions,
  suggestionBody,
  suggestionKey,
  type Suggestion,
} from '../../src/github/suggestions'
import { paged, startGitHubServer, type FakeGitHub } from '../helpers/github-server'

const patch = [
  '@@ -10,6 +10,8 @@ resource "azurerm_route_table" "spoke" {',
  '   route {',
  '     name           = "default"',
  '-    next_hop_type  = "Internet"',
  '+    next_hop_type  = "VirtualNetworkGateway"',
  '+    # forced tunnel',
  '+    # for compliance',
  '   }',
  ' }',
  '@@ -40 +42 @@',
  '-a',
  '+b',
  '@@ -50,2 +51,0 @@',
  '-gone',
  '-gone',
].join('\n')

describe('hunks', () => {
  test('right-side ranges, default count 1, pure deletions ignored', () => {
    expect(parseHunks(patch)).toEqual([
      { start: 10, end: 17 },
      { start: 42, end: 42 },
    ])
  })

  test('a range must fit inside one hunk', () => {
    const h = parseHunks(patch)
    expect(inOneHunk(h, 12, 14)).toBe(true)
    expect(inOneHunk(h, 42, 42)).toBe(true)
    expect(inOneHunk(h, 16, 18)).toBe(false)
    expect(inOneHunk(h, 17, 42)).toBe(false)
    expect(inOneHunk(h, 30, 30)).toBe(false)
  })
})

test('suggestion body: a fence the replacement cannot close', () => {
  const s: Suggestion = {
    path: 'a.tf',
    startLine: 1,
    endLine: 1,
    replacement: 'x = "```"\n',
    ruleId: 'KMS001',
  }
  const body = suggestionBody(s)
  expect(body).toBe(
    `<!-- azure-kms-guard:suggestion ${suggestionKey(s)} -->\n\`\`\`\`suggestion\nx = "\`\`\`"\n\`\`\`\`\n`,
  )
})

describe('postSuggestions', () => {
  let gh: FakeGitHub
  let reviewComments: { body: string }[]
  beforeEach(async () => {
    reviewComments = Array.from({ length: 130 }, () => ({ body: 'nit' }))
    gh = await startGitHubServer([
      {
        method: 'GET',
        path: /^\/repos\/contoso\/infra\/pulls\/7\/comments$/,
        reply: (req, _m, s) => paged(req, reviewComments, s.url),
      },
      {
        method: 'POST',
        path: /^\/repos\/contoso\/infra\/pulls\/7\/reviews$/,
        reply: (req) => {
          reviewComments.push(...req.body.comments)
          return { body: { id: 77 } }
        },
      },
      {
        method: 'GET',
        path: /^\/repos\/contoso\/fork\/pulls\/7\/comments$/,
        reply: () => ({ body: [] }),
      },
      {
        method: 'POST',
        path: /^\/repos\/contoso\/fork\/pulls\/7\/reviews$/,
        reply: () => ({ status: 403, body: { message: 'Resource not accessible by integration' } }),
      },
    ])
  })
  afterEach(() => gh.close())

  const files = [
    { path: 'net/spoke.tf', status: 'modified', patch },
    { path: 'net/binary.tf', status: 'modified' },
  ]
  const onDiff: Suggestion = {
    path: 'net/spoke.tf',
    startLine: 13,
    endLine: 15,
    replacement: '    next_hop_type  = "Internet"',
    ruleId: 'KMS001',
  }
  const single: Suggestion = {
    path: 'net/spoke.tf',
    startLine: 42,
    endLine: 42,
    replacement: 'c',
    ruleId: 'KMS002',
  }
  const offDiff: Suggestion = { ...onDiff, startLine: 30, endLine: 31 }
  const acrossHunks: Suggestion = { ...onDiff, startLine: 17, endLine: 42 }
  const unchangedFile: Suggestion = { ...onDiff, path: 'net/hub.tf' }
  const noPatch: Suggestion = { ...onDiff, path: 'net/binary.tf' }

  test('only diff lines are suggested, in one review; a re-run posts nothing twice', async () => {
    const octokit = getOctokit('t', { baseUrl: gh.url })
    const input = {
      owner: 'contoso',
      repo: 'infra',
      pullNumber: 7,
      commitId: 'h'.repeat(40),
      suggestions: [onDiff, single, offDiff, acrossHunks, unchangedFile, noPatch],
      files,
    }
    const r = await postSuggestions(octokit, input)
    expect(r.ok).toBe(true)
    expect(r.posted).toBe(2)
    expect(r.reviewId).toBe(77)
    expect(r.skipped.map((s) => [s.suggestion, s.reason])).toEqual([
      [offDiff, 'lines not inside one hunk of the diff'],
      [acrossHunks, 'lines not inside one hunk of the diff'],
      [unchangedFile, 'file not changed by the pull request'],
      [noPatch, 'lines not inside one hunk of the diff'],
    ])
    const [review] = gh.calls('POST', /reviews$/)
    expect(review!.body.commit_id).toBe('h'.repeat(40))
    expect(review!.body.event).toBe('COMMENT')
    expect(review!.body.comments).toEqual([
      {
        path: 'net/spoke.tf',
        line: 15,
        start_line: 13,
        start_side: 'RIGHT',
        side: 'RIGHT',
        body: suggestionBody(onDiff),
      },
      { path: 'net/spoke.tf', line: 42, side: 'RIGHT', body: suggestionBody(single) },
    ])
    expect(review!.body.comments[0].body).toContain('```suggestion\n    next_hop_type  = "Internet"\n```')

    const again = await postSuggestions(octokit, input)
    expect(again.posted).toBe(0)
    expect(again.skipped.filter((s) => s.reason === 'already suggested')).toHaveLength(2)
    expect(gh.calls('POST', /reviews$/)).toHaveLength(1)
    // Existing review comments were read across pages (130 + 2 → 2 pages).
    expect(gh.calls('GET', /pulls\/7\/comments$/).length).toBeGreaterThanOrEqual(3)
  })

  test('nothing on the diff: no API call at all', async () => {
    const octokit = getOctokit('t', { baseUrl: gh.url })
    const r = await postSuggestions(octokit, {
      owner: 'contoso',
      repo: 'infra',
      pullNumber: 7,
      commitId: 'h',
      suggestions: [offDiff],
      files,
    })
    expect(r).toMatchObject({ ok: true, posted: 0 })
    expect(gh.requests).toHaveLength(0)
  })

  test('a fork token’s 403 is a degraded result', async () => {
    const octokit = getOctokit('t', { baseUrl: gh.url })
    const r = await postSuggestions(octokit, {
      owner: 'contoso',
      repo: 'fork',
      pullNumber: 7,
      commitId: 'h',
      suggestions: [onDiff],
      files,
    })
    expect(r).toMatchObject({ ok: false, posted: 0, permission: true })
    expect(r.reason).toMatch(/HTTP 403/)
  })
})
