/**
 * The changed files the action's entry asks for before its code loads (src/github/early-files.ts), against a
 * real HTTP server on 127.0.0.1: taken when whole and plain, without the client; anything else and the client
 * asks as before; a reply that never comes is the client's timeout, not a second wait.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { changedFiles } from '../../src/github/changed-files'
import { startEarlyFiles } from '../../src/github/early-files'
import { githubClient, proxyFetch } from '../../src/github/octokit'
import type { Octokit } from '../../src/github/octokit'
import { paged, startGitHubServer, type FakeGitHub, type Reply } from '../helpers/github-server'
import { makeRepo } from './git-fixture'

const TOKEN = 'ghs_earlyTokenValue0123456789'

const FILES = Array.from({ length: 130 }, (_, i) => ({
  filename: `tf/f${i}.tf`,
  status: 'modified',
  patch: '@@ -1 +1 @@',
}))
FILES[1] = {
  filename: 'tf/new.tf',
  status: 'renamed',
  patch: '@@ -1 +1 @@',
  previous_filename: 'tf/old.tf',
} as never

let dir: string
let gh: FakeGitHub
/** What /repos/octo/net/pulls/<n>/files answers, by pull request number. */
const answers = new Map<number, (req: Parameters<typeof paged>[0]) => Reply>()

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-early-files-'))
  gh = await startGitHubServer([
    {
      method: 'GET',
      path: /^\/repos\/octo\/net\/pulls\/(\d+)\/files$/,
      reply: (req, m) => answers.get(Number(m[1]))!(req),
    },
  ])
  answers.set(7, () => ({ body: FILES.slice(0, 100) }))
  answers.set(8, (req) => paged(req, FILES, gh.url))
  answers.set(9, () => ({ status: 502, body: { message: 'Bad Gateway' } }))
  answers.set(10, () => ({ hang: true }))
  answers.set(11, () => ({ body: { message: 'not a list' } }))
})
afterAll(async () => {
  await gh.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

/** The runner's variables for a pull_request event on pull request `n`. */
function prEnv(n: number, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const event = path.join(dir, `event-${n}.json`)
  fs.writeFileSync(
    event,
    JSON.stringify({
      number: n,
      pull_request: { number: n, base: { sha: 'a'.repeat(40) }, head: { sha: 'b'.repeat(40) } },
      repository: { name: 'net', owner: { login: 'octo' } },
    }),
  )
  return {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_API_URL: gh.url,
    'INPUT_GITHUB-TOKEN': TOKEN,
    ...extra,
  }
}

/** A client that must not be needed: awaiting it fails the test's expectations. */
const unwanted: PromiseLike<Octokit> = {
  then: (_ok, fail) => Promise.reject(new Error('the client was asked for')).then(undefined, fail),
}

const requestsOf = (n: number) => gh.calls('GET', new RegExp(`/pulls/${n}/files$`))

test('one page, answered at once: taken without the client, with the token in the header', async () => {
  const early = startEarlyFiles(prEnv(7))!
  expect(early).toMatchObject({ owner: 'octo', repo: 'net', prNumber: 7 })
  const r = await changedFiles({
    octokit: unwanted,
    early,
    owner: 'octo',
    repo: 'net',
    prNumber: 7,
    headSha: 'h',
    repoDir: '/nonexistent',
  })
  expect(r.source).toBe('api')
  expect(r.warnings).toEqual([])
  expect(r.files).toHaveLength(100)
  expect(r.files![1]).toEqual({
    path: 'tf/new.tf',
    status: 'renamed',
    previousPath: 'tf/old.tf',
    patch: '@@ -1 +1 @@',
  })
  expect(r.paths).toContain('tf/old.tf')
  const [q] = requestsOf(7)
  expect(requestsOf(7)).toHaveLength(1)
  expect(q!.headers.authorization).toBe(`token ${TOKEN}`)
  expect(q!.query.get('per_page')).toBe('100')
})

test('more than one page, an error status, a reply that is not a list: the client asks again, as before', async () => {
  expect(await startEarlyFiles(prEnv(11))!.files).toBeUndefined()
  for (const n of [8, 9]) {
    const early = startEarlyFiles(prEnv(n))!
    expect(await early.files).toBeUndefined()
    const client = githubClient(TOKEN, {
      baseUrl: gh.url,
      manners: { timeoutMs: 5000, retries: 1, retryBaseMs: 1, maxWaitS: 0 },
    })
    const r = await changedFiles({
      octokit: client,
      early,
      owner: 'octo',
      repo: 'net',
      prNumber: n,
      headSha: 'h',
      repoDir: '/nonexistent',
    })
    if (n === 8) {
      // The early request, then the client's pages.
      expect(requestsOf(8).map((q) => q.query.get('page') ?? '1')).toEqual(['1', '1', '2'])
      expect(r.source).toBe('api')
      expect(r.files).toHaveLength(130)
    } else {
      expect(r.source).toBe('none')
      expect(r.warnings.join('\n')).toMatch(/listing the pull request files failed/)
    }
  }
  // The 502: the early request, then the client's attempt and its one retry.
  expect(requestsOf(9)).toHaveLength(3)
})

test('no answer within the timeout: that is the attempt the client would make, and the run goes on to git', async () => {
  const fx = makeRepo({ 'a.tf': 'a\n', 'b.tf': 'b\n' }, { 'b.tf': 'b2\n' })
  try {
    const early = startEarlyFiles(prEnv(10, { AZURE_KMS_GUARD_API_TIMEOUT_MS: '300' }))!
    const r = await changedFiles({
      octokit: unwanted,
      early,
      owner: 'octo',
      repo: 'net',
      prNumber: 10,
      baseSha: fx.baseSha,
      headSha: fx.headSha,
      repoDir: fx.origin,
    })
    expect(r.warnings).toEqual([
      'listing the pull request files failed: GitHub did not answer within 0.3 s (GET /repos/octo/net/pulls/10/files)',
    ])
    expect(r.source).toBe('git')
    expect(r.paths).toEqual(['b.tf'])
    expect(requestsOf(10)).toHaveLength(1)
  } finally {
    fx.cleanup()
  }
})

test('not asked early: with a proxy, without a token, on other events; another pull request is not taken', async () => {
  expect(startEarlyFiles(prEnv(7, { HTTPS_PROXY: 'http://proxy.invalid:3128' }))).toBeUndefined()
  expect(startEarlyFiles(prEnv(7, { 'INPUT_GITHUB-TOKEN': ' ' }))).toBeUndefined()
  expect(startEarlyFiles({ ...prEnv(7), GITHUB_EVENT_NAME: 'push' })).toBeUndefined()
  const before = requestsOf(7).length
  const early = startEarlyFiles(prEnv(7))!
  const client = githubClient(TOKEN, { baseUrl: gh.url })
  const r = await changedFiles({
    octokit: client,
    early,
    owner: 'octo',
    repo: 'net',
    prNumber: 8,
    headSha: 'h',
    repoDir: '/nonexistent',
  })
  // Pull request 8's files, from the client: 7's early list is not its.
  expect(r.files).toHaveLength(130)
  expect(requestsOf(7).length).toBe(before + 1)
})

test("the client's fetch: node's own without a proxy, @actions/github's through one", async () => {
  expect(await proxyFetch({})).toBeUndefined()
  expect(typeof (await proxyFetch({ HTTPS_PROXY: 'http://proxy.invalid:3128' }))).toBe('function')
})
