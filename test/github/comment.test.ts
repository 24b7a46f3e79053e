import { getOctokit } from '@actions/github'
import { COMMENT_MARKER } from '../../src/github/comment-body'
import { parseWhenClean, upsertStickyComment } from '../../src/github/comment'
import { paged, startGitHubServer, type FakeGitHub } from '../helpers/github-server'

interface StoredComment {
  id: number
  body: string
  user: { login: string; type: string }
}

/** A fake issue-comments endpoint with state, so a second run sees what the first one wrote. */
async function commentsServer(
  initial: StoredComment[],
): Promise<{ gh: FakeGitHub; comments: StoredComment[] }> {
  const comments = [...initial]
  let nextId = 1000
  const gh = await startGitHubServer([
    {
      method: 'GET',
      path: /^\/repos\/contoso\/infra\/issues\/7\/comments$/,
      reply: (req, _m, s) => paged(req, comments, s.url),
    },
    {
      method: 'POST',
      path: /^\/repos\/contoso\/infra\/issues\/7\/comments$/,
      reply: (req) => {
        const c = { id: nextId++, body: req.body.body, user: { login: 'github-actions[bot]', type: 'Bot' } }
        comments.push(c)
        return { status: 201, body: c }
      },
    },
    {
      method: 'PATCH',
      path: /^\/repos\/contoso\/infra\/issues\/comments\/(\d+)$/,
      reply: (req, m) => {
        const c = comments.find((x) => x.id === Number(m[1]))!
        c.body = req.body.body
        return { body: c }
      },
    },
    {
      method: 'DELETE',
      path: /^\/repos\/contoso\/infra\/issues\/comments\/(\d+)$/,
      reply: (_req, m) => {
        comments.splice(
          comments.findIndex((x) => x.id === Number(m[1])),
          1,
        )
        return { status: 204 }
      },
    },
    {
      method: 'GET',
      path: /^\/repos\/contoso\/fork\/issues\/7\/comments$/,
      reply: () => ({ body: [] }),
    },
    {
      method: 'POST',
      path: /^\/repos\/contoso\/fork\/issues\/7\/comments$/,
      reply: () => ({ status: 403, body: { message: 'Resource not accessible by integration' } }),
    },
  ])
  return { gh, comments }
}

const human = (id: number, body: string): StoredComment => ({
  id,
  body,
  user: { login: 'alice', type: 'User' },
})
const base = { owner: 'contoso', repo: 'infra', issueNumber: 7 }

describe('upsertStickyComment', () => {
  let gh: FakeGitHub
  afterEach(() => gh.close())

  test('created on the first run, updated in place on the second (found across pages)', async () => {
    // 120 comments by people first, one pasting our marker: the real one must be found on page 2.
    const noise = Array.from({ length: 120 }, (_, i) =>
      human(i + 1, i === 5 ? `${COMMENT_MARKER} fake` : 'lgtm'),
    )
    const s = await commentsServer(noise)
    gh = s.gh
    const octokit = getOctokit('t', { baseUrl: gh.url })
    const first = await upsertStickyComment(octokit, {
      ...base,
      body: `${COMMENT_MARKER}\nrun 1`,
      clean: false,
    })
    expect(first).toEqual({ ok: true, action: 'created', id: 1000 })
    const second = await upsertStickyComment(octokit, {
      ...base,
      body: `${COMMENT_MARKER}\nrun 2`,
      clean: false,
    })
    expect(second).toEqual({ ok: true, action: 'updated', id: 1000 })
    expect(gh.calls('POST', /comments$/)).toHaveLength(1)
    const patches = gh.calls('PATCH', /comments\/\d+$/)
    expect(patches.map((p) => p.path)).toEqual(['/repos/contoso/infra/issues/comments/1000'])
    expect(patches[0]!.body).toEqual({ body: `${COMMENT_MARKER}\nrun 2` })
    expect(s.comments.find((c) => c.id === 6)!.body).toBe(`${COMMENT_MARKER} fake`)
    expect(gh.calls('GET', /comments$/).every((r) => r.query.get('per_page') === '100')).toBe(true)
    // Same body again: no edit.
    const third = await upsertStickyComment(octokit, {
      ...base,
      body: `${COMMENT_MARKER}\nrun 2`,
      clean: false,
    })
    expect(third).toEqual({ ok: true, action: 'unchanged', id: 1000 })
    expect(gh.calls('PATCH', /./)).toHaveLength(1)
  })

  test('clean: update opens nothing new, always does, delete removes ours only', async () => {
    const ours = {
      id: 50,
      body: `${COMMENT_MARKER}\nold`,
      user: { login: 'github-actions[bot]', type: 'Bot' },
    }
    const s = await commentsServer([human(1, `${COMMENT_MARKER}`), ours])
    gh = s.gh
    const octokit = getOctokit('t', { baseUrl: gh.url })
    const all = `${COMMENT_MARKER}\nall clear`
    expect(await upsertStickyComment(octokit, { ...base, body: all, clean: true })).toEqual({
      ok: true,
      action: 'updated',
      id: 50,
    })
    expect(
      await upsertStickyComment(octokit, { ...base, body: all, clean: true, whenClean: 'delete' }),
    ).toEqual({
      ok: true,
      action: 'deleted',
    })
    expect(s.comments.map((c) => c.id)).toEqual([1])
    expect(await upsertStickyComment(octokit, { ...base, body: all, clean: true })).toEqual({
      ok: true,
      action: 'none',
    })
    expect(gh.calls('POST', /comments$/)).toHaveLength(0)
    const r = await upsertStickyComment(octokit, { ...base, body: all, clean: true, whenClean: 'always' })
    expect(r).toMatchObject({ ok: true, action: 'created' })
  })

  test('author, when given, decides which comment is ours', async () => {
    const pat = { id: 9, body: `${COMMENT_MARKER}\nold`, user: { login: 'infra-bot-user', type: 'User' } }
    const s = await commentsServer([pat])
    gh = s.gh
    const octokit = getOctokit('t', { baseUrl: gh.url })
    const r = await upsertStickyComment(octokit, {
      ...base,
      body: `${COMMENT_MARKER}\nnew`,
      clean: false,
      author: 'infra-bot-user',
    })
    expect(r).toEqual({ ok: true, action: 'updated', id: 9 })
  })

  test('a fork token’s 403 is reported, not thrown', async () => {
    const s = await commentsServer([])
    gh = s.gh
    const octokit = getOctokit('ghs_fork', { baseUrl: gh.url })
    const r = await upsertStickyComment(octokit, {
      ...base,
      repo: 'fork',
      body: COMMENT_MARKER,
      clean: false,
    })
    expect(r).toEqual({
      ok: false,
      permission: true,
      reason:
        'writing the pull request comment failed: HTTP 403 Resource not accessible by integration (POST /repos/contoso/fork/issues/7/comments)',
    })
  })
})

test('parseWhenClean', () => {
  expect(parseWhenClean('')).toBe('update')
  expect(parseWhenClean('Delete')).toBe('delete')
  expect(parseWhenClean('never')).toBeUndefined()
})
