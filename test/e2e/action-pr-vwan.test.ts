/**
 * Virtual WAN across units in a pull request run, through the built action on a real git base → head. The
 * connectivity root declares the secured hub and the hub connection to a spoke VNet it only reads (`data`);
 * the landing-zone root declares that VNet and its subnet. A full scan of the head judges the landing zone
 * again with the hub's facts (the connection, its routing, the hub firewall's policy). A run that judges
 * only the changed connectivity root would never look at the landing zone's subnet: it must judge the
 * units declaring the VNets the changed unit's hub connections connect, at head and base, and fail on what
 * is new there, as the full scan of the head would. And the other way round: a change to the landing zone
 * alone is judged with the untouched connectivity root's hub.
 */
import { runPullRequest } from './pr-run'
import {
  TF_RULES_DNS_ONLY,
  tfRulesKmsAllowed,
  tfSubnetOfReadVnet,
  tfVirtualWan,
  tfVwanDefaultRoute,
  tfVwanRoutingIntent,
} from '../helpers/hcl-network'
import { TF_PROVIDER, tfLandingZone, tfOtherLandingZone } from '../helpers/tf-units'
import { bicepVwan } from '../helpers/vwan-templates'

const KMS_ALLOWED = tfRulesKmsAllowed(['20.118.99.224', '40.83.235.53'])

/** The connectivity root: the secured hub with `hubRouting`, conn-spoke-app to vnet-spoke-app read by data. */
const connectivity = (
  rules: string,
  hubRouting: string,
  opts: { internetSecurity?: boolean; connected?: boolean } = {},
) => {
  const text =
    TF_PROVIDER +
    tfVirtualWan({
      rules,
      hubRouting,
      spokeSubnet: false,
      spokeVnetReadIn: 'rg-spoke-app',
      ...(opts.internetSecurity !== undefined ? { internetSecurity: opts.internetSecurity } : {}),
    })
  return opts.connected === false
    ? text.replace(/resource "azurerm_virtual_hub_connection"[^]*?\n\}\n/, '')
    : text
}

const tree = (connectivityRoot: string, lz = tfLandingZone()) => ({
  'platform/connectivity/main.tf': connectivityRoot,
  'landing-zones/app/main.tf': lz,
  'landing-zones/other/main.tf': tfOtherLandingZone(),
})

describe('a change to the connectivity root alone, connecting a spoke an untouched landing zone declares (dist/index.js)', () => {
  it('routing intent Internet → the hub firewall allowing only DNS: the landing zone’s subnet is newly blocked, as in the full scan', async () => {
    const base = tree(connectivity(TF_RULES_DNS_ONLY, ''))
    const head = { 'platform/connectivity/main.tf': connectivity(TF_RULES_DNS_ONLY, tfVwanRoutingIntent()) }
    const [pr, full] = await Promise.all([
      runPullRequest(base, head, { path: '.', scope: 'new' }),
      runPullRequest(base, head, { path: '.', scope: 'all' }),
    ])
    // The full scan of the head: snet-app behind the hub firewall, which allows only DNS.
    expect(full.outputs).toMatchObject({ blocked: '1', verdict: 'blocked' })
    expect(full.summary).toContain('snet-app')
    expect(pr.outputs).toMatchObject({ blocked: '1', 'new-findings': '1', verdict: 'blocked' })
    expect(pr.summary).toContain('Newly exposed:\n- vnet-spoke-app/snet-app (KMS003)')
    expect(pr.summary).toContain('landing-zones/app')
    // The other landing zone is still left out.
    expect(pr.summary).toContain('1 unit it does not touch was not judged')
    expect(pr.status).toBe(1)
    expect(pr.conclusion).toBe('failure')
  })

  it('no routing intent: internet security on the connection with 0.0.0.0/0 → the hub firewall: newly blocked', async () => {
    const base = tree(connectivity(TF_RULES_DNS_ONLY, tfVwanDefaultRoute(), { internetSecurity: false }))
    const head = {
      'platform/connectivity/main.tf': connectivity(TF_RULES_DNS_ONLY, tfVwanDefaultRoute(), {
        internetSecurity: true,
      }),
    }
    const [pr, full] = await Promise.all([
      runPullRequest(base, head, { path: '.', scope: 'new' }),
      runPullRequest(base, head, { path: '.', scope: 'all' }),
    ])
    expect(full.outputs).toMatchObject({ blocked: '1', verdict: 'blocked' })
    expect(pr.outputs).toMatchObject({ blocked: '1', 'new-findings': '1', verdict: 'blocked' })
    expect(pr.summary).toContain('Newly exposed:\n- vnet-spoke-app/snet-app (KMS003)')
    expect(pr.status).toBe(1)
  })

  it('the change adds the hub connection to the spoke: newly blocked, as in the full scan', async () => {
    const base = tree(connectivity(TF_RULES_DNS_ONLY, tfVwanRoutingIntent(), { connected: false }))
    const head = { 'platform/connectivity/main.tf': connectivity(TF_RULES_DNS_ONLY, tfVwanRoutingIntent()) }
    const [pr, full] = await Promise.all([
      runPullRequest(base, head, { path: '.', scope: 'new' }),
      runPullRequest(base, head, { path: '.', scope: 'all' }),
    ])
    expect(full.outputs).toMatchObject({ blocked: '1', verdict: 'blocked' })
    expect(pr.outputs).toMatchObject({ blocked: '1', 'new-findings': '1', verdict: 'blocked' })
    expect(pr.summary).toContain('Newly exposed:\n- vnet-spoke-app/snet-app (KMS003)')
    expect(pr.status).toBe(1)
  })

  it('the change removes the hub connection: the landing zone’s finding is fixed, nothing new', async () => {
    const base = tree(connectivity(TF_RULES_DNS_ONLY, tfVwanRoutingIntent()))
    const head = {
      'platform/connectivity/main.tf': connectivity(TF_RULES_DNS_ONLY, tfVwanRoutingIntent(), {
        connected: false,
      }),
    }
    const [pr, full] = await Promise.all([
      runPullRequest(base, head, { path: '.', scope: 'new', comment: 'false' }),
      runPullRequest(base, head, { path: '.', scope: 'all' }),
    ])
    expect(full.outputs).toMatchObject({ blocked: '0' })
    expect(pr.outputs).toMatchObject({ blocked: '0', 'new-findings': '0' })
    expect(pr.outputs['fixed-findings']).toBe('1')
    expect(pr.status).toBe(0)
  })

  it('control: routing intent → a hub firewall whose policy allows TCP 1688 to the KMS addresses: passes', async () => {
    const base = tree(connectivity(KMS_ALLOWED, ''))
    const head = { 'platform/connectivity/main.tf': connectivity(KMS_ALLOWED, tfVwanRoutingIntent()) }
    const pr = await runPullRequest(base, head, { path: '.', scope: 'new' })
    expect(pr.outputs).toMatchObject({ blocked: '0', 'new-findings': '0', verdict: 'reachable' })
    expect(pr.summary).toContain('landing-zones/app')
    expect(pr.status).toBe(0)
  })
})

describe('a change to the connectivity root alone, a third untouched root vending a subnet into the connected spoke (dist/index.js)', () => {
  it('routing intent Internet → the hub firewall allowing only DNS: the landing zone’s and the vended subnets are newly blocked, as in the full scan', async () => {
    const withVending = (connectivityRoot: string) => ({
      ...tree(connectivityRoot),
      'landing-zones/vending/main.tf':
        TF_PROVIDER + tfSubnetOfReadVnet('vnet-spoke-app', 'rg-spoke-app', 'snet-vend', '10.1.6.0/24'),
    })
    const base = withVending(connectivity(TF_RULES_DNS_ONLY, ''))
    const head = { 'platform/connectivity/main.tf': connectivity(TF_RULES_DNS_ONLY, tfVwanRoutingIntent()) }
    const [pr, full] = await Promise.all([
      runPullRequest(base, head, { path: '.', scope: 'new' }),
      runPullRequest(base, head, { path: '.', scope: 'all' }),
    ])
    expect(full.outputs).toMatchObject({ blocked: '2', verdict: 'blocked' })
    expect(pr.outputs).toMatchObject({ blocked: '2', 'new-findings': '2', verdict: 'blocked' })
    expect(pr.summary).toContain('vnet-spoke-app/snet-vend')
    expect(pr.summary).toContain('landing-zones/vending')
    expect(pr.status).toBe(1)
  })
})

describe('a change to the landing zone alone, connected by the untouched connectivity root (dist/index.js)', () => {
  it('an added subnet behind the hub firewall allowing only DNS: newly blocked, as in the full scan', async () => {
    const base = tree(connectivity(TF_RULES_DNS_ONLY, tfVwanRoutingIntent()))
    const head = { 'landing-zones/app/main.tf': tfLandingZone({ more: ['snet-db'] }) }
    const [pr, full] = await Promise.all([
      runPullRequest(base, head, { path: '.', scope: 'new' }),
      runPullRequest(base, head, { path: '.', scope: 'all' }),
    ])
    expect(full.outputs).toMatchObject({ blocked: '2', undecided: '0' })
    expect(pr.outputs).toMatchObject({ blocked: '2', 'new-findings': '1', verdict: 'blocked' })
    expect(pr.summary).toContain('Newly exposed:\n- vnet-spoke-app/snet-db (KMS003)')
    expect(pr.status).toBe(1)
  })
})

describe('Bicep: a change to the connectivity deployment’s hub firewall policy alone, the spoke it connects declared by an untouched landing zone (dist/index.js)', () => {
  const connectivityFiles = (kmsAllowed: boolean) => ({
    'platform/connectivity/main.bicep': `targetScope = 'subscription'

module hub 'modules/vwan.bicep' = {
  name: 'vwan'
  scope: resourceGroup('rg-vwan')
}
`,
    'platform/connectivity/modules/vwan.bicep': bicepVwan({
      kmsAllowed,
      routing: 'intent',
      params: {},
      spokeSubnet: false,
      spokeVnetReadIn: 'rg-spoke-app',
    }),
  })
  const base = {
    ...connectivityFiles(true),
    'landing-zones/app/main.bicep': `targetScope = 'subscription'

module spoke 'spoke.bicep' = {
  name: 'spoke'
  scope: resourceGroup('rg-spoke-app')
}
`,
    'landing-zones/app/spoke.bicep': `resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-spoke-app'
  location: resourceGroup().location
  properties: {
    addressSpace: { addressPrefixes: ['10.1.0.0/16'] }
    subnets: [
      {
        name: 'snet-app'
        properties: { addressPrefix: '10.1.1.0/24' }
      }
    ]
  }
}
`,
    'landing-zones/other/main.tf': tfOtherLandingZone(),
  }

  it('the policy no longer allows TCP 1688: the landing zone’s subnet is newly blocked, as in the full scan', async () => {
    const head = connectivityFiles(false)
    const [pr, full] = await Promise.all([
      runPullRequest(base, head, { path: '.', scope: 'new' }),
      runPullRequest(base, head, { path: '.', scope: 'all' }),
    ])
    expect(full.outputs).toMatchObject({ blocked: '1', verdict: 'blocked' })
    expect(pr.outputs).toMatchObject({ blocked: '1', 'new-findings': '1', verdict: 'blocked' })
    expect(pr.summary).toContain('Newly exposed:\n- vnet-spoke-app/snet-app (KMS003)')
    expect(pr.status).toBe(1)
  })
})
