/**
 * One source of truth for the numbers: for every combination of scope, fail-on and fail-on-deployed, the
 * summary headline, the outputs, the check run's title and conclusion and the step's failure agree. The
 * run is a pull request over the deployed network of live-fixture.ts: one new Terraform error (the
 * forced tunnel the change adds) and one deployed-only error (rt-onprem), the latter existing on both sides.
 */
import { runGuard } from '../../src/action/run'
import { startArmServer, staticCredential, type ArmServer } from '../helpers/arm-server'
import { makeRepo, shallowClone, type GitFixture } from '../github/git-fixture'
import { deps, fakeGitHub, TOKEN } from './fixture'
import { checkRunWrites } from '../helpers/github-server'
import { liveBase, liveHead, liveInventory, SUB } from './live-fixture'

let arm: ArmServer
let fx: GitFixture
let workspace = ''
beforeAll(async () => {
  arm = await startArmServer({ inventory: liveInventory() })
  fx = makeRepo(liveBase(), liveHead())
  workspace = shallowClone(fx)
})
afterAll(async () => {
  await arm.close()
  fx.cleanup()
})

async function run(inputs: Record<string, string>) {
  const payload = {
    pull_request: {
      number: 7,
      base: { sha: fx.baseSha, repo: { full_name: 'octo/net' } },
      head: { sha: fx.headSha, repo: { full_name: 'octo/net' } },
    },
    repository: { name: 'net', owner: { login: 'octo' } },
  }
  const github = await fakeGitHub([
    { filename: 'infra/spoke.tf', status: 'modified', patch: '@@ -1,4 +1,11 @@' },
  ])
  const d = deps(workspace, github, payload, {
    path: 'infra',
    'github-token': TOKEN,
    live: 'true',
    'subscription-ids': SUB,
    comment: 'false',
    ...inputs,
  })
  d.deps.azureCredential = staticCredential()
  d.deps.azureClientOptions = arm.clientOptions
  d.deps.getInput = ((get) => (name: string) => (name === 'arm-endpoint' ? arm.url : get(name)))(
    d.deps.getInput,
  )
  try {
    const outcome = await runGuard(d.deps)
    const check = checkRunWrites(github).completed
    return { outcome, rec: d.rec, check }
  } finally {
    await github.close()
  }
}

/** The tally line (`Judged against fail-on: 1 error, 0 warnings, 0 notices`) → counts; the verdict sentence → failed. */
function headline(summary: string) {
  const m = /Judged against fail-on: (\d+) errors?, (\d+) warnings?, (\d+) notices?/.exec(summary)
  if (!m) throw new Error(`no tally line in:\n${summary.slice(0, 500)}`)
  return {
    errors: Number(m[1]),
    warnings: Number(m[2]),
    notices: Number(m[3]),
    failed: /the check fails/.test(summary.split('\n')[0]!),
  }
}

const combos: [string, string, boolean][] = []
for (const scope of ['new', 'changed', 'all'])
  for (const failOn of ['error', 'never']) for (const fod of [false, true]) combos.push([scope, failOn, fod])

describe('the headline, outputs, check run and exit agree', () => {
  it.each(combos)(
    'scope %s, fail-on %s, fail-on-deployed %s',
    async (scope, failOn, fod) => {
      const { outcome, rec, check } = await run({ scope, 'fail-on': failOn, 'fail-on-deployed': String(fod) })
      const h = headline(rec.summaries[0]!)
      expect(rec.outputs.errors).toBe(h.errors)
      expect(rec.outputs.warnings).toBe(h.warnings)
      expect(rec.outputs.notices).toBe(h.notices)
      expect(rec.outputs.failing).toBe(h.errors + h.warnings + h.notices)

      // The Terraform forced tunnel is new and in a changed file: judged in every scope. The deployed-only
      // tunnel exists on both sides and sits in no file: judged only with fail-on-deployed and scope all.
      const deployedJudged = fod && scope === 'all'
      expect(h.errors).toBe(deployedJudged ? 2 : 1)
      // The base is scanned when the scope needs it (the comment, off here, would also ask for it).
      expect(rec.outputs['new-findings']).toBe(scope === 'new' ? 1 : '')

      const fails = failOn !== 'never'
      expect(h.failed).toBe(fails)
      expect(outcome.failure !== undefined).toBe(fails)
      if (fails) expect(outcome.failure).toContain(`${h.errors} error`)
      expect(check.conclusion).toBe(fails ? 'failure' : 'neutral')
      // The check run's title is the summary's verdict sentence.
      expect(check.output.title).toMatch(/^This pull request /)
      expect(/the check fails/.test(check.output.title)).toBe(fails)
      expect(rec.summaries[0]).toContain(`Judged against fail-on: ${h.errors} error`)
    },
    60_000,
  )
})
