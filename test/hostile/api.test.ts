/**
 * API manners against the 127.0.0.1 GitHub stand-in: a malformed reply is reported in our words and is
 * never taken for a written check run; a secret an error body echoes is never printed.
 */
import { getOctokit } from '@actions/github'
import { Secrets } from '../../src/action/run'
import { publishCheckRun } from '../../src/github/check-run'
import { DEFAULT_MANNERS, githubClient, type ApiManners } from '../../src/github/octokit'
import { startGitHubServer, type FakeGitHub } from '../helpers/github-server'

const TOKEN = 'ghs_hostileTokenThatMustNeverBePrinted0123'
let server: FakeGitHub | undefined
afterEach(() => server?.close())

const input = {
  owner: 'octo',
  repo: 'net',
  headSha: 'abc',
  title: 't',
  summary: 's',
  annotations: [],
  conclusion: 'success' as const,
}

test('a malformed JSON reply to creating the check run is a failure in our words, not a check run', async () => {
  server = await startGitHubServer([
    { method: 'POST', path: /check-runs$/, reply: () => ({ status: 201, raw: '{"id": 42, "html_url": ' }) },
  ])
  const r = await publishCheckRun(getOctokit(TOKEN, { baseUrl: server.url }), input)
  expect(r).toEqual({
    ok: false,
    reason: 'creating the check run failed: HTTP 201 with a reply that is not a check run',
    permission: false,
  })
})

test('an error body that echoes the token or the Azure secret is scrubbed from what we print', async () => {
  const azureSecret = 'azure~client~secret~value~0123456789'
  server = await startGitHubServer([
    {
      method: 'POST',
      path: /check-runs$/,
      reply: () => ({ status: 500, body: { message: `bad credentials ${TOKEN} and ${azureSecret}` } }),
    },
  ])
  const masked: string[] = []
  const secrets = new Secrets((s) => masked.push(s))
  secrets.add(TOKEN)
  secrets.add(azureSecret)
  secrets.add('short')
  const r = await publishCheckRun(getOctokit(TOKEN, { baseUrl: server.url }), input)
  expect(r.ok).toBe(false)
  const printed = secrets.scrub(!r.ok ? r.reason : '')
  expect(printed).toContain('HTTP 500')
  expect(printed).not.toContain(TOKEN)
  expect(printed).not.toContain(azureSecret)
  // Both are registered with the runner; a value too short to be a secret is not (it would mask words).
  expect(masked).toEqual([TOKEN, azureSecret])
})

/** The action's client against the stand-in; short waits so a test does not sit through production ones. */
function client(manners: Partial<ApiManners> = {}, log: string[] = []) {
  return githubClient(TOKEN, {
    baseUrl: server!.url,
    manners: { ...DEFAULT_MANNERS, retryBaseMs: 5, timeoutMs: 10_000, ...manners },
    log: (m) => log.push(m),
  })
}

const created = { status: 201, body: { id: 42, html_url: 'https://x/runs/42' } }
const patched = { method: 'PATCH', path: /check-runs\/42$/, reply: () => ({ body: { id: 42 } }) }

describe('API manners (the action client: timeout, retry, throttling)', () => {
  test('a 429 with Retry-After is retried once, after the wait, and the check run is written', async () => {
    const at: number[] = []
    server = await startGitHubServer([
      {
        method: 'POST',
        path: /check-runs$/,
        reply: () => {
          at.push(Date.now())
          return at.length === 1
            ? { status: 429, headers: { 'retry-after': '1' }, body: { message: 'Too Many Requests' } }
            : created
        },
      },
      patched,
    ])
    const log: string[] = []
    const r = await publishCheckRun(client({}, log), input)
    expect(r).toMatchObject({ ok: true, id: 42 })
    expect(server.calls('POST', /check-runs$/)).toHaveLength(2)
    // Not sooner than the server asked for (a lower bound: it cannot be met by luck).
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(950)
    expect(log).toEqual([
      'GitHub secondary rate limit on POST /repos/octo/net/check-runs: retrying once after 1 s',
    ])
  })

  test('a second 429 is not waited for again, and the reason names status and endpoint', async () => {
    server = await startGitHubServer([
      {
        method: 'POST',
        path: /check-runs$/,
        reply: () => ({
          status: 429,
          headers: { 'retry-after': '1' },
          body: { message: 'Too Many Requests' },
        }),
      },
    ])
    const r = await publishCheckRun(client(), input)
    expect(server.calls('POST', /check-runs$/)).toHaveLength(2)
    expect(r.ok).toBe(false)
    expect(!r.ok && r.reason).toMatch(
      /^creating the check run failed: HTTP 429 .*\(POST \/repos\/octo\/net\/check-runs\)$/,
    )
  })

  test('a Retry-After longer than the cap is not waited for: the step is skipped at once', async () => {
    server = await startGitHubServer([
      {
        method: 'POST',
        path: /check-runs$/,
        reply: () => ({
          status: 429,
          headers: { 'retry-after': '3600' },
          body: { message: 'Too Many Requests' },
        }),
      },
    ])
    const log: string[] = []
    const r = await publishCheckRun(client({}, log), input)
    expect(server.calls('POST', /check-runs$/)).toHaveLength(1)
    expect(r.ok).toBe(false)
    expect(log).toEqual([
      'GitHub secondary rate limit on POST /repos/octo/net/check-runs: not retrying (Retry-After 3600 s is longer than 60 s)',
    ])
  })

  test('GitHub primary rate limit (remaining 0, reset soon) waits for the reset, once', async () => {
    let n = 0
    server = await startGitHubServer([
      {
        method: 'POST',
        path: /check-runs$/,
        reply: () =>
          ++n === 1
            ? {
                status: 403,
                headers: {
                  'x-ratelimit-remaining': '0',
                  'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)),
                },
                body: { message: 'API rate limit exceeded' },
              }
            : created,
      },
      patched,
    ])
    const r = await publishCheckRun(client(), input)
    expect(r).toMatchObject({ ok: true, id: 42 })
    expect(server.calls('POST', /check-runs$/)).toHaveLength(2)
  })

  test('a 5xx is retried, a bounded number of times, then reported with the attempts', async () => {
    server = await startGitHubServer([
      {
        method: 'POST',
        path: /check-runs$/,
        reply: () => ({ status: 503, body: { message: 'Unavailable' } }),
      },
    ])
    const r = await publishCheckRun(client({ retries: 2 }), input)
    expect(server.calls('POST', /check-runs$/)).toHaveLength(3)
    expect(r).toEqual({
      ok: false,
      reason:
        'creating the check run failed: HTTP 503 Unavailable (POST /repos/octo/net/check-runs, after 3 attempts)',
      permission: false,
    })
  })

  test('a 5xx that passes is not a failure', async () => {
    let n = 0
    server = await startGitHubServer([
      {
        method: 'POST',
        path: /check-runs$/,
        reply: () => (++n === 1 ? { status: 502, body: { message: 'Bad Gateway' } } : created),
      },
      patched,
    ])
    const r = await publishCheckRun(client(), input)
    expect(r).toMatchObject({ ok: true, id: 42, requests: 1 })
    expect(server.calls('POST', /check-runs$/)).toHaveLength(2)
  })

  test('a server that never answers costs one timeout, not retries, and the reason names the endpoint', async () => {
    server = await startGitHubServer([{ method: 'POST', path: /check-runs$/, reply: () => ({ hang: true }) }])
    const r = await publishCheckRun(client({ timeoutMs: 300 }), input)
    expect(server.calls('POST', /check-runs$/)).toHaveLength(1)
    expect(r).toEqual({
      ok: false,
      reason:
        'creating the check run failed: GitHub did not answer within 0.3 s (POST /repos/octo/net/check-runs)',
      permission: false,
    })
  })

  test('a permission answer is not retried', async () => {
    server = await startGitHubServer([
      {
        method: 'POST',
        path: /check-runs$/,
        reply: () => ({ status: 403, body: { message: 'Resource not accessible by integration' } }),
      },
    ])
    const r = await publishCheckRun(client(), input)
    expect(server.calls('POST', /check-runs$/)).toHaveLength(1)
    expect(r).toMatchObject({ ok: false, permission: true })
  })
})

describe('write pacing (the action client)', () => {
  const many = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      path: 'net/spoke.tf',
      start_line: i + 1,
      end_line: i + 1,
      annotation_level: 'failure' as const,
      title: 'KMS001: t',
      message: `m${i}`,
    }))

  test('the few writes of one run are not spaced; a run that writes more is, one second apart', async () => {
    server = await startGitHubServer([{ method: 'POST', path: /check-runs$/, reply: () => created }, patched])
    const waits: number[] = []
    const paced = (ms: number) => {
      waits.push(ms)
      return Promise.resolve()
    }
    const c = githubClient(TOKEN, {
      baseUrl: server.url,
      manners: { ...DEFAULT_MANNERS, retryBaseMs: 5, timeoutMs: 10_000 },
      sleep: paced,
    })
    // 250 annotations: one create and four updates, five writes: none waits.
    expect(await publishCheckRun(c, { ...input, annotations: many(250) })).toMatchObject({ requests: 5 })
    expect(waits).toEqual([])
    // 100 more: the sixth and seventh writes of this client are spaced, a second from the previous start
    // (the recorder does not really wait, so the seventh still has the sixth's second ahead of it).
    expect(await publishCheckRun(c, { ...input, annotations: many(100) })).toMatchObject({ requests: 2 })
    expect(server.requests).toHaveLength(7)
    expect(waits).toHaveLength(2)
    expect(waits[0]).toBeGreaterThan(0)
    expect(waits[0]).toBeLessThanOrEqual(1000)
    expect(waits[1]).toBeLessThanOrEqual(2000)
  })
})
