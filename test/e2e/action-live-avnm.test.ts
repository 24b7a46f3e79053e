/**
 * The built action with `live: true` against the HTTPS ARM stand-in, for the reads added for issue 9:
 * Azure Virtual Network Manager. The deployed VNet has a security admin rule in effect that denies TCP 1688
 * (read per VNet through listNetworkManagerEffectiveSecurityAdminRules); the action names it (KMS015) for
 * the deployed subnet it blocks. Sign-in as in action-live.test.ts (environment credential, `adfs`
 * authority served by the stand-in).
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { startArmServer, TEST_TOKEN, type ArmServer, type FakeResponse } from '../helpers/arm-server'
import { makeRepo, shallowClone } from '../github/git-fixture'
import { builtAction, fakeGitHub, runNode, TOKEN } from '../action/fixture'
import { liveBase, liveHead, liveInventory, SUB, VNET_ID } from '../action/live-fixture'
import { parseOutputs } from './workspace'

const action = builtAction()

const SECRET = 'client-secret-that-must-not-be-logged'

const NM = `/subscriptions/${SUB}/resourceGroups/rg-avnm/providers/Microsoft.Network/networkManagers/nm-platform`
const RULE = `${NM}/securityAdminConfigurations/sac-baseline/ruleCollections/rc-egress/rules/deny-kms`

/** As listNetworkManagerEffectiveSecurityAdminRules returns it. */
const DENY_KMS = {
  id: RULE,
  configurationDescription: 'Platform baseline',
  ruleCollectionDescription: 'Egress',
  ruleCollectionAppliesToGroups: [{ networkGroupId: `${NM}/networkGroups/ng-spokes` }],
  ruleGroups: [{ id: `${NM}/networkGroups/ng-spokes`, properties: { memberType: 'VirtualNetwork' } }],
  kind: 'Custom',
  properties: {
    protocol: 'Tcp',
    sources: [{ addressPrefix: '*', addressPrefixType: 'IPPrefix' }],
    destinations: [{ addressPrefix: 'Internet', addressPrefixType: 'ServiceTag' }],
    sourcePortRanges: ['0-65535'],
    destinationPortRanges: ['1688'],
    access: 'Deny',
    priority: 10,
    direction: 'Outbound',
    provisioningState: 'Succeeded',
  },
}

describe('action with live Azure Virtual Network Manager (dist/index.js)', () => {
  let arm: ArmServer
  let base = ''
  const tokenRequests: string[] = []
  beforeAll(async () => {
    arm = await startArmServer({
      inventory: { ...liveInventory(), effectiveAdminRules: { [VNET_ID]: [DENY_KMS] } },
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

  it('names the security admin rule that denies KMS on the deployed subnets (KMS015)', async () => {
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

      // The admin rule was asked for per VNet (a read-only POST) and named for the deployed subnet it blocks.
      expect(
        arm.requests.some(
          (q) => q.method === 'POST' && q.path === `${VNET_ID}/listNetworkManagerEffectiveSecurityAdminRules`,
        ),
      ).toBe(true)
      const md = fs.readFileSync(summary, 'utf8')
      expect(md).toContain('KMS015')
      expect(md).toContain('deny-kms')
      expect(md).toContain('snet-empty')
      const outputs = parseOutputs(fs.readFileSync(output, 'utf8'))
      expect(Number(outputs.blocked)).toBeGreaterThanOrEqual(1)
    } finally {
      await github.close()
      fx.cleanup()
    }
  }, 120_000)
})
