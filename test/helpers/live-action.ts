/**
 * The built action with `live: true` on pull request 7 (liveBase → liveHead of test/action/live-fixture.ts)
 * against the HTTPS ARM stand-in. The child trusts the stand-in's self-signed certificate through
 * NODE_EXTRA_CA_CERTS (read by Node at start) and signs in the way a runner with a service principal does:
 * DefaultAzureCredential's environment credential, with the authority-host input pointing at token
 * endpoints served by the same stand-in. The tenant is `adfs` because that is the one authority
 * @azure/identity trusts without asking login.microsoftonline.com for instance discovery (a test must not
 * need the internet); the token flow is otherwise the same.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { builtAction, fakeGitHub, runNode, TOKEN, type ChildRun } from '../action/fixture'
import { liveBase, liveHead, SUB } from '../action/live-fixture'
import { makeRepo, shallowClone } from '../github/git-fixture'
import { parseOutputs } from '../e2e/workspace'
import type { ArmInventory } from './arm-inventory'
import { startArmServer, TEST_TOKEN, type ArmServer, type FakeResponse } from './arm-server'

/** The service principal's secret: the action must register it as a mask and never print it. */
export const LIVE_SECRET = 'client-secret-that-must-not-be-logged'

export interface LiveArm {
  arm: ArmServer
  /** Token requests the `adfs` authority answered. */
  tokenRequests: string[]
}

/** The ARM stand-in holding `inventory`, also serving the `adfs` authority's discovery and token endpoints. */
export async function startLiveArm(inventory: ArmInventory): Promise<LiveArm> {
  const tokenRequests: string[] = []
  let base = ''
  const arm = await startArmServer({
    inventory,
    intercept: (req): FakeResponse | undefined => {
      if (/^\/adfs\/(v2\.0\/)?\.well-known\/openid-configuration$/.test(req.path))
        return {
          status: 200,
          body: {
            issuer: `${base}/adfs`,
            authorization_endpoint: `${base}/adfs/oauth2/authorize`,
            token_endpoint: `${base}/adfs/oauth2/token`,
            end_session_endpoint: `${base}/adfs/oauth2/logout`,
            jwks_uri: `${base}/adfs/discovery/keys`,
          },
        }
      if (req.method === 'POST' && req.path === '/adfs/oauth2/token') {
        tokenRequests.push(req.path)
        return { status: 200, body: { access_token: TEST_TOKEN, expires_in: 3600, token_type: 'Bearer' } }
      }
      return undefined
    },
  })
  base = arm.url
  return { arm, tokenRequests }
}

export interface LiveActionRun extends ChildRun {
  /** The GitHub stand-in (closed): its recorded calls. */
  github: Awaited<ReturnType<typeof fakeGitHub>>
  /** The job summary the action wrote. */
  summary: string
  outputs: Record<string, string>
}

/** Runs dist/index.js on the pull request with `live: true`, effective routes on, against `live`. */
export async function runLiveAction(live: LiveArm): Promise<LiveActionRun> {
  const fx = makeRepo(liveBase(), liveHead())
  const workspace = shallowClone(fx)
  const github = await fakeGitHub([])
  try {
    const file = (name: string, text = '') => {
      const f = path.join(fx.root, name)
      fs.writeFileSync(f, text)
      return f
    }
    const payload = {
      pull_request: {
        number: 7,
        base: { sha: fx.baseSha, repo: { full_name: 'octo/net' } },
        head: { sha: fx.headSha, repo: { full_name: 'octo/net' } },
      },
      repository: { name: 'net', owner: { login: 'octo' } },
    }
    const summary = file('summary.md')
    const output = file('output.txt')
    const r = await runNode(builtAction().file, workspace, {
      PATH: process.env.PATH ?? '',
      HOME: fx.root,
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: file('event.json', JSON.stringify(payload)),
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: 'octo/net',
      GITHUB_WORKSPACE: workspace,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: output,
      RUNNER_TEMP: fx.root,
      NODE_EXTRA_CA_CERTS: file('ca.pem', live.arm.ca),
      AZURE_CLIENT_ID: '00000000-0000-0000-0000-00000000c11e',
      AZURE_TENANT_ID: 'adfs',
      AZURE_CLIENT_SECRET: LIVE_SECRET,
      INPUT_PATH: 'infra',
      'INPUT_GITHUB-TOKEN': TOKEN,
      INPUT_LIVE: 'true',
      'INPUT_SUBSCRIPTION-IDS': SUB,
      'INPUT_ARM-ENDPOINT': live.arm.url,
      'INPUT_AUTHORITY-HOST': live.arm.url,
      'INPUT_EFFECTIVE-ROUTES': 'true',
      'INPUT_LIVE-TIME-BUDGET': '60',
    })
    return {
      ...r,
      github,
      summary: fs.readFileSync(summary, 'utf8'),
      outputs: parseOutputs(fs.readFileSync(output, 'utf8')),
    }
  } finally {
    await github.close()
    fx.cleanup()
  }
}

/**
 * What every live run must show: it signed in at the stand-in's authority, every ARM call carried the
 * token, and neither the token nor the secret was printed (`::add-mask::` registers the secret: the runner
 * consumes that line and masks the value).
 */
export function expectSignedInWithoutLeaks(live: LiveArm, r: ChildRun): void {
  expect(live.tokenRequests.length).toBeGreaterThan(0)
  const armCalls = live.arm.requests.filter((q) => q.path.startsWith('/subscriptions/'))
  expect(armCalls.length).toBeGreaterThan(0)
  expect(armCalls.every((q) => q.authorization === `Bearer ${TEST_TOKEN}`)).toBe(true)
  const printed = r.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')
  expect(r.stdout).toContain(`::add-mask::${LIVE_SECRET}`)
  for (const secret of [TEST_TOKEN, LIVE_SECRET]) {
    expect(printed).not.toContain(secret)
    expect(r.stderr).not.toContain(secret)
  }
}
