/**
 * A hub whose VPN gateway a third root module builds, in a pull request run through the built action on a
 * real git base → head: the network root declares vnet-hub, the connectivity root reads it by `data` and
 * builds the gateway with its on-premises site, a spoke root peers with the hub using its gateways. The
 * spoke's verdict rests on the connectivity root's gateway and site: a change to either must judge the
 * spoke with them, as the full scan does (./../verdict/cross-unit-gateway-third-unit.test.ts).
 */
import { runPullRequest } from './pr-run'
import { tfLocalSite } from '../helpers/hcl-network'
import { tfGatewayInReadHub, tfHubNetwork, tfSpokeUsingHub, TF_PROVIDER } from '../helpers/tf-units'

const connectivity = (prefixes: string[]) => TF_PROVIDER + tfGatewayInReadHub(false) + tfLocalSite(prefixes)

const base = {
  'platform/network/main.tf': TF_PROVIDER + tfHubNetwork(),
  'platform/connectivity/main.tf': connectivity(['192.168.0.0/16']),
  'landing-zones/spoke1/main.tf': tfSpokeUsingHub(),
}

describe('the connectivity root builds the hub’s VPN gateway in the network root’s VNet; a spoke uses it (dist/index.js)', () => {
  it('the site now covers the KMS addresses: the hub’s and the spoke’s subnets are newly blocked, as in the full scan', async () => {
    const head = { 'platform/connectivity/main.tf': connectivity(['0.0.0.0/1', '128.0.0.0/1']) }
    const [pr, full] = await Promise.all([
      runPullRequest(base, head, { path: '.', scope: 'new' }),
      runPullRequest(base, head, { path: '.', scope: 'all' }),
    ])
    expect(full.outputs).toMatchObject({ blocked: '2', undecided: '0', verdict: 'blocked' })
    expect(pr.outputs).toMatchObject({ blocked: '2', 'new-findings': '2', verdict: 'blocked' })
    expect(pr.summary).toContain('vnet-hub/snet-shared')
    expect(pr.summary).toContain('vnet-spoke1/snet-app')
    expect(pr.status).toBe(1)
  })

  it('control: the site stays on-premises: reachable, nothing new', async () => {
    const head = { 'platform/connectivity/main.tf': connectivity(['192.168.0.0/16', '172.16.0.0/12']) }
    const pr = await runPullRequest(base, head, { path: '.', scope: 'new' })
    expect(pr.outputs).toMatchObject({
      blocked: '0',
      undecided: '0',
      'new-findings': '0',
      verdict: 'reachable',
    })
    expect(pr.status).toBe(0)
  })

  it('the spoke root alone adds a subnet: judged with the gateway and its site (forced tunnel): blocked, new, as in the full scan', async () => {
    const forced = { ...base, 'platform/connectivity/main.tf': connectivity(['0.0.0.0/1', '128.0.0.0/1']) }
    const head = { 'landing-zones/spoke1/main.tf': tfSpokeUsingHub({ more: ['snet-added'] }) }
    const [pr, full] = await Promise.all([
      runPullRequest(forced, head, { path: '.', scope: 'new' }),
      runPullRequest(forced, head, { path: '.', scope: 'all' }),
    ])
    expect(full.outputs).toMatchObject({ blocked: '3', undecided: '0' })
    expect(pr.outputs).toMatchObject({ undecided: '0', 'new-findings': '1', verdict: 'blocked' })
    expect(pr.summary).toContain('vnet-spoke1/snet-added')
    expect(pr.status).toBe(1)
  })
})
