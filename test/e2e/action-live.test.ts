/**
 * The built action with `live: true` against the HTTPS ARM stand-in. The child trusts the stand-in's
 * self-signed certificate through NODE_EXTRA_CA_CERTS (read by Node at start) and signs in the way a
 * runner with a service principal does: DefaultAzureCredential's environment credential, with the
 * authority-host input pointing at token endpoints served by the same stand-in. The tenant is `adfs`
 * because that is the one authority @azure/identity trusts without asking login.microsoftonline.com
 * for instance discovery (a test must not need the internet); the token flow is otherwise the same.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { startArmServer, TEST_TOKEN, type ArmServer, type FakeResponse } from '../helpers/arm-server'
import { makeRepo, shallowClone } from '../github/git-fixture'
import { checkRunWrites } from '../helpers/github-server'
import { builtAction, fakeGitHub, runNode, TOKEN } from '../action/fixture'
import { liveBase, liveHead, liveInventory, SUB } from '../action/live-fixture'
import { parseOutputs } from './workspace'

const action = builtAction()

const SECRET = 'client-secret-that-must-not-be-logged'

describe('action with live Azure (dist/index.js)', () => {
  let arm: ArmServer
  let base = ''
  const tokenRequests: string[] = []
  beforeAll(async () => {
    arm = await startArmServer({
      inventory: liveInventory(),
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
  })
  afterAll(() => arm.close())

  it('signs in, reads the deployed network and fails on the forced tunnel laid over live subnets', async () => {
    const fx = makeRepo(liveBase(), liveHead())
    const workspace = shallowClone(fx)
    const github = await fakeGitHub([])
    try {
      const files = (name: string, text = '') => {
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
      const summary = files('summary.md')
      const output = files('output.txt')
      const r = await runNode(action.file, workspace, {
        PATH: process.env.PATH ?? '',
        HOME: fx.root,
        GITHUB_ACTIONS: 'true',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: files('event.json', JSON.stringify(payload)),
        GITHUB_API_URL: github.url,
        GITHUB_REPOSITORY: 'octo/net',
        GITHUB_WORKSPACE: workspace,
        GITHUB_STEP_SUMMARY: summary,
        GITHUB_OUTPUT: output,
        RUNNER_TEMP: fx.root,
        NODE_EXTRA_CA_CERTS: files('ca.pem', arm.ca),
        AZURE_CLIENT_ID: '00000000-0000-0000-0000-00000000c11e',
        AZURE_TENANT_ID: 'adfs',
        AZURE_CLIENT_SECRET: SECRET,
        INPUT_PATH: 'infra',
        'INPUT_GITHUB-TOKEN': TOKEN,
        INPUT_LIVE: 'true',
        'INPUT_SUBSCRIPTION-IDS': SUB,
        'INPUT_ARM-ENDPOINT': arm.url,
        'INPUT_AUTHORITY-HOST': arm.url,
        'INPUT_EFFECTIVE-ROUTES': 'true',
        'INPUT_LIVE-TIME-BUDGET': '60',
      })
      if (r.status !== 1) console.log(r.stdout, r.stderr)
      expect(r.status).toBe(1)
      expect(tokenRequests.length).toBeGreaterThan(0)
      const armCalls = arm.requests.filter((q) => q.path.startsWith('/subscriptions/'))
      expect(armCalls.length).toBeGreaterThan(0)
      expect(armCalls.every((q) => q.authorization === `Bearer ${TEST_TOKEN}`)).toBe(true)
      // `::add-mask::` is how a secret is registered: the runner consumes the line and masks the value.
      const printed = r.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n')
      expect(r.stdout).toContain(`::add-mask::${SECRET}`)
      for (const secret of [TEST_TOKEN, SECRET]) {
        expect(printed).not.toContain(secret)
        expect(r.stderr).not.toContain(secret)
      }

      // The Terraform route table's forced tunnel reaches a subnet only Azure has: annotated on the file.
      expect(checkRunWrites(github).annotations).toEqual([
        expect.objectContaining({ path: 'infra/spoke.tf', title: expect.stringMatching(/^KMS001: /) }),
      ])
      const md = fs.readFileSync(summary, 'utf8')
      expect(md).toMatch(/Deployed resources \(live Azure\): 1 finding/)
      expect(md).toMatch(/Effective routes read for 1 subnet\./)
      expect(md).toContain('snet-empty')
      expect(parseOutputs(fs.readFileSync(output, 'utf8'))).toMatchObject({
        failing: '1',
        'new-findings': '1',
      })
    } finally {
      await github.close()
      fx.cleanup()
    }
  }, 120_000)
})
