/**
 * The live wiring against the HTTPS ARM stand-in with a static credential: the deployed model, effective
 * routes written onto its subnets, and the IaC of a pull request laid over it.
 */
import * as path from 'node:path'
import { readDeployed } from '../../src/action/live'
import { runGuard } from '../../src/action/run'
import { armError, startArmServer, staticCredential, TEST_TOKEN, type ArmServer } from '../helpers/arm-server'
import { makeRepo, shallowClone, type GitFixture } from '../github/git-fixture'
import { deps, fakeGitHub, TOKEN } from './fixture'
import { liveBase, liveHead, liveInventory, RT_ONPREM, SUB, SUBNET_EMPTY, SUBNET_LIVE } from './live-fixture'

const DENIED = '99999999-0000-0000-0000-000000000000'

let arm: ArmServer
beforeAll(async () => {
  arm = await startArmServer({
    inventory: liveInventory(),
    intercept: (req) =>
      req.path.includes(DENIED)
        ? armError(
            403,
            'AuthorizationFailed',
            `The client does not have authorization over scope '/subscriptions/${DENIED}'.`,
          )
        : undefined,
  })
})
afterAll(() => arm.close())

describe('readDeployed', () => {
  it('writes the effective routes onto the deployed subnets and names those it could not read', async () => {
    const state = await readDeployed({
      credential: staticCredential(),
      cloud: 'AzureCloud',
      endpoint: arm.url,
      subscriptionIds: [SUB, DENIED],
      effectiveRoutes: true,
      timeBudgetMs: 30_000,
      clientOptions: arm.clientOptions,
    })
    const live = state.deployed.model.subnets.find((s) => s.id === SUBNET_LIVE.toLowerCase())
    expect(live?.effectiveRoutes?.nicId.toLowerCase()).toContain('/networkinterfaces/nic-vm1')
    expect(live?.effectiveRoutes?.routes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ addressPrefix: ['0.0.0.0/0'], nextHopType: 'Internet' }),
      ]),
    )
    expect(state.checked).toBe(1)
    expect(state.unchecked.map((u) => u.subnetId)).toEqual(
      expect.arrayContaining([SUBNET_EMPTY.toLowerCase()]),
    )
    expect(state.unchecked.find((u) => u.subnetId === SUBNET_EMPTY.toLowerCase())?.reason).toMatch(
      /no network interface/,
    )
    expect(state.warnings).toHaveLength(1)
    expect(state.warnings[0]).toContain(DENIED)
    expect(state.warnings[0]).not.toContain(TEST_TOKEN)
    // Reads only: no ARM request other than GETs and the POSTs that only read (effective routes of a NIC or
    // hub, effective and committed security admin rules).
    const readOnlyPost =
      /\/(effectiveRouteTable|effectiveRoutes|listNetworkManagerEffectiveSecurityAdminRules|listActiveSecurityAdminRules)$/i
    expect(arm.requests.every((r) => r.method === 'GET' || readOnlyPost.test(r.path))).toBe(true)
    expect(arm.requests.some((r) => r.method === 'POST' && /effectiveRouteTable$/i.test(r.path))).toBe(true)
  }, 60_000)

  it('names every subnet as not checked when the budget is gone before effective routes', async () => {
    let t = 0
    const state = await readDeployed({
      credential: staticCredential(),
      cloud: 'AzureCloud',
      endpoint: arm.url,
      subscriptionIds: [SUB],
      effectiveRoutes: true,
      timeBudgetMs: 10_000,
      clientOptions: arm.clientOptions,
      // The clock jumps past the deadline during the network read.
      now: () => (t++ === 0 ? 0 : 20_000),
    })
    expect(state.checked).toBe(0)
    expect(state.unchecked).toHaveLength(3)
    expect(state.unchecked.every((u) => /time budget/.test(u.reason))).toBe(true)
  }, 60_000)
})

describe('a pull request laid over the deployed network', () => {
  const made: GitFixture[] = []
  afterAll(() => made.forEach((fx) => fx.cleanup()))

  async function run(inputs: Record<string, string>, event: 'pull_request' | 'push') {
    const fx = makeRepo(liveBase(), liveHead())
    made.push(fx)
    const workspace = shallowClone(fx)
    const payload =
      event === 'pull_request'
        ? {
            pull_request: {
              number: 7,
              base: { sha: fx.baseSha, repo: { full_name: 'octo/net' } },
              head: { sha: fx.headSha, repo: { full_name: 'octo/net' } },
            },
            repository: { name: 'net', owner: { login: 'octo' } },
          }
        : { after: fx.headSha }
    const github = await fakeGitHub([
      { filename: 'infra/spoke.tf', status: 'modified', patch: '@@ -1,4 +1,11 @@' },
    ])
    const d = deps(
      workspace,
      github,
      payload,
      {
        path: 'infra',
        'github-token': TOKEN,
        live: 'true',
        'subscription-ids': SUB,
        'effective-routes': 'true',
        ...inputs,
      },
      { GITHUB_EVENT_NAME: event, GITHUB_SHA: fx.headSha },
    )
    d.deps.azureCredential = staticCredential()
    d.deps.azureClientOptions = arm.clientOptions
    // The ARM endpoint input is an https URL like any other; the stand-in's is one.
    d.deps.getInput = ((get) => (name: string) => (name === 'arm-endpoint' ? arm.url : get(name)))(
      d.deps.getInput,
    )
    try {
      return { outcome: await runGuard(d.deps), rec: d.rec, workspace }
    } finally {
      await github.close()
    }
  }

  it('fails on the forced tunnel the change adds to a table whose subnets exist only live', async () => {
    const { outcome, rec, workspace } = await run({}, 'pull_request')
    expect(outcome.ev.failing).toEqual([
      expect.objectContaining({
        ruleId: 'KMS001',
        resource: 'azurerm_route_table.spoke',
        subnets: expect.arrayContaining(['vnet-spoke/snet-live']),
      }),
    ])
    expect(outcome.ev.failing[0]!.location.file).toBe(path.join(workspace, 'infra/spoke.tf'))
    expect(outcome.failure).toMatch(/^Azure KMS Guard: 1 finding at or above fail-on 'error'/)
    // The deployed-only finding is on both sides: existing, whatever temp dir each side was scanned in.
    expect(outcome.ev.comparison?.new).toHaveLength(1)
    expect(outcome.ev.comparison?.existing.map((f) => f.resource)).toEqual([
      `${RT_ONPREM}/routes/default-to-onprem`,
    ])
    // The deployed-only forced tunnel is in the summary with its ARM id and portal link, never annotated.
    expect(outcome.ev.deployed).toEqual([
      expect.objectContaining({
        ruleId: 'KMS001',
        deployed: true,
        link: expect.stringContaining('portal.azure.com'),
      }),
    ])
    expect(outcome.ev.deployed[0]!.location.file.toLowerCase()).toBe(
      `${RT_ONPREM}/routes/default-to-onprem`.toLowerCase(),
    )
    expect(rec.summaries[0]).toMatch(/Deployed resources \(live Azure\): 1 finding/)
    expect(rec.summaries[0]).toContain('[open in portal](https://portal.azure.com/#@/resource/subscriptions/')
    expect(rec.summaries[0]).toMatch(/Effective routes not checked for 2 subnets/)
    expect(rec.summaries[0]).toContain('snet-empty')
    expect(rec.warnings.join('\n')).not.toContain(TEST_TOKEN)
  }, 60_000)

  it('lets deployed-only findings fail the step only with fail-on-deployed', async () => {
    // On push the scope is all: the Terraform finding fails either way, the deployed-only one only when asked.
    const without = await run({ scope: 'all' }, 'push')
    const deployedOnly = (o: typeof without.outcome) => o.ev.deployedFailing.map((f) => f.deployed)
    expect(deployedOnly(without.outcome)).toEqual([true])
    expect(without.outcome.ev.failing.map((f) => f.resource)).toEqual(['azurerm_route_table.spoke'])
    expect(without.rec.outputs.failing).toBe(1)
    const withIt = await run({ scope: 'all', 'fail-on-deployed': 'true' }, 'push')
    expect(withIt.rec.outputs.failing).toBe(2)
    expect(withIt.outcome.failure).toMatch(/2 findings/)
  }, 60_000)
})
