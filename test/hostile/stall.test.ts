/**
 * Replies that stall after their headers: the status and headers arrive, part of the body, then nothing.
 * The per-attempt timeouts cover the body, not only the headers (the SDK's and fetch's own timeouts stop
 * at the headers), so such a reply costs one timeout and the run goes on:
 * - ARM (the HTTPS stand-in): the route table listing stalls; the read is named as failed, every other
 *   listing is read, and the subnet whose route table it would have given is undecided, named with why;
 * - GitHub (the 127.0.0.1 stand-in): the check run's creation stalls; one timeout, named by endpoint.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { publishCheckRun } from '../../src/github/check-run'
import { DEFAULT_MANNERS, githubClient } from '../../src/github/octokit'
import { scan } from '../../src/pipeline/scan'
import { readLiveNetwork } from '../../src/sources/azure/read'
import { startArmServer, staticCredential } from '../helpers/arm-server'
import { startGitHubServer, type FakeGitHub } from '../helpers/github-server'
import { liveInventory, SUB_A } from '../sources/azure/fixture'

let github: FakeGitHub | undefined
afterEach(() => github?.close())

test('ARM: a route table listing that stalls after its headers times out; its subnets are undecided, named', async () => {
  const server = await startArmServer({
    inventory: liveInventory(),
    intercept: (req) =>
      req.path.endsWith('/routeTables')
        ? { status: 200, body: { value: [] }, stallAfterBytes: 10 }
        : undefined,
  })
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-stall-'))
  try {
    const r = await readLiveNetwork({
      credential: staticCredential(),
      subscriptionIds: [SUB_A],
      endpoint: server.url,
      clientOptions: { ...server.clientOptions, requestTimeoutMs: 3000 },
    })
    // One attempt: a stalled body is not asked for again (each retry would cost the whole timeout).
    expect(server.requests.filter((q) => q.path.endsWith('/routeTables'))).toHaveLength(1)
    expect(r.warnings).toEqual([
      `subscription ${SUB_A}: routeTables could not be read (no answer within 3 s (GET /subscriptions/${SUB_A}/providers/Microsoft.Network/routeTables)); they are left out of the live model`,
    ])
    expect(r.model.nsgs.length).toBeGreaterThan(0)
    expect(r.model.routeTables).toEqual([])

    // The scan goes on: the workload subnet's route table was not read, so its KMS path is undecided.
    const result = await scan({
      path: empty,
      cloud: 'AzureCloud',
      varFiles: [],
      workers: false,
      deployed: { model: r.model, cloud: 'AzureCloud' },
    })
    const workload = result.verdict.subnets.find((s) => s.subnet === 'workload')
    expect(workload?.state).toBe('undecided')
    // The hop names the route table that was not read, and why the path stops there.
    expect(workload?.hop).toMatch(/routeTableId `[^`]*\/routetables\/rt-spoke`/i)
    expect(workload?.why).toMatch(/not read .*its read failed/)
  } finally {
    fs.rmSync(empty, { recursive: true, force: true })
    await server.close()
  }
}, 60_000)

test('GitHub: a reply that stalls mid-body costs one timeout, named by endpoint, not a check run', async () => {
  github = await startGitHubServer([
    {
      method: 'POST',
      path: /check-runs$/,
      reply: () => ({ status: 201, raw: '{"id": 42, "html_url": "', stall: true }),
    },
  ])
  const client = githubClient('ghs_stallTokenThatMustNeverBePrinted0123', {
    baseUrl: github.url,
    manners: { ...DEFAULT_MANNERS, retryBaseMs: 5, timeoutMs: 500 },
  })
  const r = await publishCheckRun(client, {
    owner: 'octo',
    repo: 'net',
    headSha: 'abc',
    title: 't',
    summary: 's',
    annotations: [],
    conclusion: 'success',
  })
  expect(github.calls('POST', /check-runs$/)).toHaveLength(1)
  expect(r).toEqual({
    ok: false,
    reason:
      'creating the check run failed: GitHub did not answer within 0.5 s (POST /repos/octo/net/check-runs)',
    permission: false,
  })
})
