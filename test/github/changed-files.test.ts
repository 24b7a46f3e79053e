import { getOctokit } from '@actions/github'
import { changedFiles, ensureMergeBase, gitChangedPaths } from '../../src/github/changed-files'
import { runGit, type GitRunner } from '../../src/github/git'
import { paged, startGitHubServer, type FakeGitHub } from '../helpers/github-server'
import { git, makeRepo, shallowClone, type GitFixture } from './git-fixture'

const TOKEN = 'ghs_secrettokenvalue123'

describe('changed files from the API', () => {
  let gh: FakeGitHub
  const files: { filename: string; status: string; patch?: string; previous_filename?: string }[] =
    Array.from({ length: 250 }, (_, i) => ({
      filename: `tf/f${i}.tf`,
      status: 'modified',
      patch: '@@ -1 +1 @@',
    }))
  files[3] = { filename: 'tf/new-name.tf', status: 'renamed', previous_filename: 'tf/old-name.tf' }
  files[4] = { filename: 'tf/gone.tf', status: 'removed' }

  beforeAll(async () => {
    gh = await startGitHubServer([
      {
        method: 'GET',
        path: /^\/repos\/contoso\/infra\/pulls\/7\/files$/,
        reply: (req, _m, s) => paged(req, files, s.url),
      },
      {
        method: 'GET',
        path: /^\/repos\/contoso\/fork\/pulls\/8\/files$/,
        reply: () => ({ status: 403, body: { message: 'Resource not accessible by integration' } }),
      },
    ])
  })
  afterAll(() => gh.close())

  test('follows Link headers over 3 pages of 100, with renamed and removed files', async () => {
    const octokit = getOctokit(TOKEN, { baseUrl: gh.url })
    const r = await changedFiles({
      octokit,
      owner: 'contoso',
      repo: 'infra',
      prNumber: 7,
      headSha: 'h',
      repoDir: '/nonexistent',
    })
    const calls = gh.calls('GET', /pulls\/7\/files$/)
    expect(calls.map((c) => c.query.get('page') ?? '1')).toEqual(['1', '2', '3'])
    expect(calls.every((c) => c.query.get('per_page') === '100')).toBe(true)
    expect(calls[0]!.headers.authorization).toBe(`token ${TOKEN}`)
    expect(r.source).toBe('api')
    expect(r.files).toHaveLength(250)
    expect(r.paths).toContain('tf/old-name.tf')
    expect(r.paths).toContain('tf/new-name.tf')
    expect(r.paths).toContain('tf/gone.tf')
    expect(r.paths).toHaveLength(251)
    expect(r.files![3]).toEqual({ path: 'tf/new-name.tf', status: 'renamed', previousPath: 'tf/old-name.tf' })
  })

  test('a client still loading (a promise, as the action passes it) is waited for, then asked', async () => {
    const loading = new Promise<ReturnType<typeof getOctokit>>((resolve) =>
      setTimeout(() => resolve(getOctokit(TOKEN, { baseUrl: gh.url })), 20),
    )
    const r = await changedFiles({
      octokit: loading,
      owner: 'contoso',
      repo: 'infra',
      prNumber: 7,
      headSha: 'h',
      repoDir: '/nonexistent',
    })
    expect(r.source).toBe('api')
    expect(r.files).toHaveLength(250)
    expect(r.warnings).toEqual([])
  })

  test('a 403 falls back to git and the warning never holds the token', async () => {
    const fx = makeRepo({ 'a.tf': 'a\n', 'b.tf': 'b\n' }, { 'b.tf': 'b2\n' })
    try {
      const octokit = getOctokit(TOKEN, { baseUrl: gh.url })
      const r = await changedFiles({
        octokit,
        owner: 'contoso',
        repo: 'fork',
        prNumber: 8,
        baseSha: fx.baseSha,
        headSha: fx.headSha,
        repoDir: fx.origin,
      })
      expect(r.source).toBe('git')
      expect(r.paths).toEqual(['b.tf'])
      expect(r.warnings.join('\n')).toMatch(/HTTP 403 Resource not accessible by integration/)
      expect(r.warnings.join('\n')).not.toContain(TOKEN)
    } finally {
      fx.cleanup()
    }
  })
})

describe('changed files from git', () => {
  let fx: GitFixture
  afterEach(() => fx.cleanup())

  test('three-dot diff: changes on main since the branch point are not the PR’s', async () => {
    fx = makeRepo(
      { 'net/hub.tf': 'x\n', 'net/spoke.tf': 'y\n' },
      { 'net/spoke.tf': 'y2\n', 'new file.tf': 'z\n' },
      { mainCommits: 2 },
    )
    const r = await gitChangedPaths(fx.origin, fx.baseSha, fx.headSha)
    expect(r.paths.sort()).toEqual(['net/spoke.tf', 'new file.tf'])
    expect(r.warnings).toEqual([])
  })

  test('renames list both names; deletions are listed', async () => {
    fx = makeRepo(
      { 'old.tf': 'resource "a" "b" {}\n', 'del.tf': 'd\n' },
      { 'old.tf': null, 'del.tf': null, 'renamed.tf': 'resource "a" "b" {}\n' },
    )
    const r = await changedFiles({
      owner: 'o',
      repo: 'r',
      baseSha: fx.baseSha,
      headSha: fx.headSha,
      repoDir: fx.origin,
    })
    expect(r).toEqual({ paths: ['del.tf', 'old.tf', 'renamed.tf'], source: 'git', warnings: [] })
  })

  test('a depth-1 clone is deepened until the merge base is found, bounded by the depth list', async () => {
    fx = makeRepo({ 'a.tf': '1\n' }, { 'a.tf': '2\n' }, { featureCommits: 6, mainCommits: 3 })
    const dir = shallowClone(fx)
    const fetches: string[][] = []
    const recording: GitRunner = (args, cwd) => {
      if (args[0] === 'fetch') fetches.push(args)
      return runGit(args, cwd)
    }
    expect(git(dir, 'rev-parse', '--is-shallow-repository')).toBe('true')
    const r = await gitChangedPaths(dir, fx.baseSha, fx.headSha, recording, [2, 4, 20])
    // depth 2 and 4 do not reach the branch point 7 commits below the head; 20 does.
    expect(fetches.map((a) => a[2])).toEqual(['--depth=2', '--depth=4', '--depth=20'])
    expect(fetches[0]).toEqual(['fetch', '--no-tags', '--depth=2', 'origin', fx.baseSha, fx.headSha])
    expect(r.paths.sort()).toEqual(['a.tf', ...Array.from({ length: 6 }, (_, i) => `feature-${i}.txt`)])
  })

  test('gives up after the last depth and falls back to the two-dot diff with a warning', async () => {
    fx = makeRepo({ 'a.tf': '1\n' }, { 'a.tf': '2\n' }, { featureCommits: 6, mainCommits: 1 })
    const dir = shallowClone(fx)
    expect(await ensureMergeBase(dir, fx.baseSha, fx.headSha, runGit, [1, 2])).toBe(false)
    const r = await gitChangedPaths(dir, fx.baseSha, fx.headSha, runGit, [1])
    expect(r.warnings[0]).toMatch(/no merge base/)
    // Two-dot: main's own new file shows up as a difference too.
    expect(r.paths).toContain('main-0.txt')
  })

  test('no API, no base: source none', async () => {
    fx = makeRepo({ 'a.tf': '1\n' }, { 'a.tf': '2\n' })
    const r = await changedFiles({ owner: 'o', repo: 'r', headSha: fx.headSha, repoDir: fx.origin })
    expect(r).toEqual({ paths: [], source: 'none', warnings: ['no base commit to compare with'] })
  })
})
