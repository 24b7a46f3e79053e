/**
 * API manners of the built action (dist/index.js, run as the runner runs it) against the 127.0.0.1
 * GitHub stand-in: a 429 with Retry-After is waited for and retried once; a server that never answers
 * costs one timeout, the run still finishes, and the outputs say what was really written.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { builtAction, runNode, TOKEN } from '../action/fixture'
import { startGitHubServer, type FakeGitHub } from '../helpers/github-server'
import { brokenWorkspace, parseOutputs } from '../e2e/workspace'

const action = builtAction()

async function runAgainst(server: FakeGitHub, env: Record<string, string> = {}) {
  const w = brokenWorkspace()
  const output = path.join(w.dir, '.github-output')
  fs.writeFileSync(output, '')
  try {
    const r = await runNode(action.file, w.dir, {
      PATH: process.env.PATH ?? '',
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_API_URL: server.url,
      GITHUB_REPOSITORY: 'octo/net',
      GITHUB_SHA: 'abc123',
      GITHUB_WORKSPACE: w.dir,
      GITHUB_OUTPUT: output,
      RUNNER_TEMP: w.dir,
      INPUT_PATH: 'infra',
      'INPUT_GITHUB-TOKEN': TOKEN,
      ...env,
    })
    return { ...r, outputs: parseOutputs(fs.readFileSync(output, 'utf8')) }
  } finally {
    fs.rmSync(w.dir, { recursive: true, force: true })
  }
}

test('a 429 with Retry-After is retried once after the wait; the check run is written and the output says so', async () => {
  const at: number[] = []
  const server = await startGitHubServer([
    {
      method: 'POST',
      path: /^\/repos\/octo\/net\/check-runs$/,
      reply: () => {
        at.push(Date.now())
        return at.length === 1
          ? { status: 429, headers: { 'retry-after': '1' }, body: { message: 'Too Many Requests' } }
          : { status: 201, body: { id: 4242, html_url: 'https://x/runs/4242' } }
      },
    },
  ])
  try {
    const r = await runAgainst(server)
    expect(server.requests.map((q) => `${q.method} ${q.path}`)).toEqual([
      'POST /repos/octo/net/check-runs',
      'POST /repos/octo/net/check-runs',
    ])
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(950)
    expect(r.stdout).toContain(
      'GitHub secondary rate limit on POST /repos/octo/net/check-runs: retrying once after 1 s',
    )
    expect(r.stdout).toContain('Check run 4242 written')
    expect(r.outputs.annotations).toBe('check-run')
    // The annotations went to the check run, not to workflow commands.
    expect(r.stdout).not.toMatch(/^::error (file|title)=/m)
  } finally {
    await server.close()
  }
}, 120_000)

test('a GitHub that never answers costs one timeout: the run finishes, names the endpoint and says where annotations went', async () => {
  const server = await startGitHubServer([
    { method: 'POST', path: /^\/repos\/octo\/net\/check-runs$/, reply: () => ({ hang: true }) },
  ])
  try {
    const r = await runAgainst(server, { AZURE_KMS_GUARD_API_TIMEOUT_MS: '500' })
    expect(server.requests.map((q) => `${q.method} ${q.path}`)).toEqual(['POST /repos/octo/net/check-runs'])
    expect(r.status).toBe(1)
    expect(r.stdout).toContain(
      '::warning::Writing the check run failed (creating the check run failed: GitHub did not answer within 0.5 s (POST /repos/octo/net/check-runs)); annotating through workflow commands instead.',
    )
    expect(r.outputs.annotations).toBe('workflow-commands')
    expect(r.stdout).toMatch(/^::error title=KMS001%3A [^\n]*,file=infra\/network\.tf,line=25,/m)
    expect(r.stdout).not.toContain('Check run')
  } finally {
    await server.close()
  }
}, 120_000)
