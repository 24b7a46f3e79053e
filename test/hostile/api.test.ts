/**
 * API manners against the 127.0.0.1 GitHub stand-in: a malformed reply is reported in our words and is
 * never taken for a written check run; a secret an error body echoes is never printed.
 */
import { getOctokit } from '@actions/github'
import { Secrets } from '../../src/action/run'
import { publishCheckRun } from '../../src/github/check-run'
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
