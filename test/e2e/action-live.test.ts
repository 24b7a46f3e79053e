/**
 * The built action with `live: true` against the HTTPS ARM stand-in, signing in with a service principal
 * at an authority the stand-in serves (test/helpers/live-action.ts): the deployed network is read and the
 * pull request's forced tunnel is judged over subnets only Azure has.
 */
import { liveInventory } from '../action/live-fixture'
import { checkRunWrites } from '../helpers/github-server'
import { expectSignedInWithoutLeaks, runLiveAction, startLiveArm, type LiveArm } from '../helpers/live-action'

describe('action with live Azure (dist/index.js)', () => {
  let live: LiveArm
  beforeAll(async () => {
    live = await startLiveArm(liveInventory())
  })
  afterAll(() => live.arm.close())

  it('signs in, reads the deployed network and fails on the forced tunnel laid over live subnets', async () => {
    const r = await runLiveAction(live)
    if (r.status !== 1) console.log(r.stdout, r.stderr)
    expect(r.status).toBe(1)
    expectSignedInWithoutLeaks(live, r)

    // The Terraform route table's forced tunnel reaches a subnet only Azure has: annotated on the file.
    expect(checkRunWrites(r.github).annotations).toEqual([
      expect.objectContaining({ path: 'infra/spoke.tf', title: expect.stringMatching(/^KMS001: /) }),
    ])
    expect(r.summary).toMatch(/Deployed resources \(live Azure\): 1 finding/)
    expect(r.summary).toMatch(/Effective routes read for 1 subnet\./)
    expect(r.summary).toContain('snet-empty')
    expect(r.outputs).toMatchObject({
      failing: '1',
      'new-findings': '1',
    })
  }, 120_000)
})
