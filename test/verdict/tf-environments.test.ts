/**
 * Terraform environments (src/sources/terraform/environments.ts): var files a root module is applied with
 * (`terraform apply -var-file=env/prod.tfvars`) that Terraform does not load by itself. Judged on the
 * variables' defaults, a spoke whose forced tunnel lives in env/prod.tfvars read "reachable"; each
 * environment is now judged as a variant of its root.
 */
import { scan } from '../../src/pipeline/scan'
import { tree as treeOn } from '../helpers/tree'
import { planJson, type Planned } from '../helpers/plan-json'
import { FORCED_TUNNEL, NO_ROUTES, spoke } from '../helpers/tf-environments'

const run = async (files: Record<string, string>, varFiles: string[] = []) => {
  const root = treeOn(files, 'kms-tf-env-')
  const result = await scan({
    path: root,
    cloud: 'AzureCloud',
    varFiles: varFiles.map((f) => `${root}/${f}`),
    workers: false,
  })
  const states = result.verdict.subnets
    .map((s) => `${s.variant ?? '(defaults)'}: ${s.vnet}/${s.subnet} ${s.state}`)
    .sort()
  return { result, states }
}

describe('var files Terraform does not load by itself are environments of the root nearest them', () => {
  test('env/dev.tfvars and env/prod.tfvars: each judged; prod’s forced tunnel blocks (KMS001 in that variant)', async () => {
    const { result, states } = await run({
      'spoke/main.tf': spoke(),
      'spoke/env/dev.tfvars': NO_ROUTES,
      'spoke/env/prod.tfvars': FORCED_TUNNEL,
    })
    expect(states).toEqual([
      'spoke/env/dev.tfvars: vnet-spoke/snet-app reachable',
      'spoke/env/prod.tfvars: vnet-spoke/snet-app blocked',
    ])
    const f = result.findings.find((x) => x.ruleId === 'KMS001')!
    expect(f.message).toMatch(
      /^\[deployment variant spoke\/env\/prod\.tfvars\] The route default \(0\.0\.0\.0\/0\)/,
    )
    expect(f.unit).toBe('spoke@spoke/env/prod.tfvars')
  })

  test('an environments folder beside several roots: each root that declares its variables is judged with it', async () => {
    const { states } = await run({
      'network/hub/main.tf': spoke('vnet-a'),
      'network/spoke/main.tf': spoke('vnet-b'),
      'environments/prod.tfvars': FORCED_TUNNEL,
    })
    expect(states).toEqual([
      'environments/prod.tfvars: vnet-a/snet-app blocked',
      'environments/prod.tfvars: vnet-b/snet-app blocked',
    ])
  })

  test('var files of one folder assigning different variables are applied together (one variant: the folder)', async () => {
    const { states } = await run({
      'lz/main.tf': spoke(),
      'lz/configs/prod/location.tfvars': 'location = "northeurope"\n',
      'lz/configs/prod/routes.tfvars.json': JSON.stringify({
        routes: [{ name: 'default', prefix: '0.0.0.0/0', type: 'VirtualNetworkGateway' }],
      }),
    })
    expect(states).toEqual(['lz/configs/prod: vnet-spoke/snet-app blocked'])
  })

  test('the nearest root takes the file: a root farther away declaring the same variables does not', async () => {
    const { states } = await run({
      'a/main.tf': spoke('vnet-a'),
      'a/prod.tfvars': FORCED_TUNNEL,
      'b/main.tf': spoke('vnet-b'),
    })
    expect(states).toEqual([
      '(defaults): vnet-b/snet-app reachable',
      'a/prod.tfvars: vnet-a/snet-app blocked',
    ])
  })

  test('a var file with a stale assignment (a variable the root no longer declares) is still its environment', async () => {
    const { states } = await run({
      'spoke/main.tf': spoke(),
      'spoke/env/prod.tfvars': `${FORCED_TUNNEL}location = "northeurope"\nold_sku = "Standard"\n`,
    })
    expect(states).toEqual(['spoke/env/prod.tfvars: vnet-spoke/snet-app blocked'])
    // Half or fewer of its variables declared: not taken for the root's.
    const half = await run({ 'spoke/main.tf': spoke(), 'spoke/other.tfvars': `location = "x"\nsku = "y"\n` })
    expect(half.states).toEqual(['(defaults): vnet-spoke/snet-app reachable'])
  })

  test('negative controls: a var file assigning a variable no root declares, and var files the user names', async () => {
    const stray = await run({ 'spoke/main.tf': spoke(), 'spoke/other.tfvars': 'sku = "Standard"\n' })
    expect(stray.states).toEqual(['(defaults): vnet-spoke/snet-app reachable'])
    // The user's var files say which values are deployed: nothing is inferred.
    const named = await run(
      { 'spoke/main.tf': spoke(), 'spoke/env/dev.tfvars': NO_ROUTES, 'spoke/env/prod.tfvars': FORCED_TUNNEL },
      ['spoke/env/dev.tfvars'],
    )
    expect(named.states).toEqual(['(defaults): vnet-spoke/snet-app reachable'])
    // Auto-loaded var files stay what they were: part of the root's defaults.
    const auto = await run({ 'spoke/main.tf': spoke(), 'spoke/terraform.tfvars': FORCED_TUNNEL })
    expect(auto.states).toEqual(['(defaults): vnet-spoke/snet-app blocked'])
  })
})

/** The spoke's resources as `terraform plan` plans them with `routes` (the spoke helper's configuration). */
const spokePlan = (routes: { name: string; prefix: string; type: string }[]): Planned[] => [
  { type: 'azurerm_resource_group', name: 'rg', values: { name: 'rg-vnet-spoke', location: 'westeurope' } },
  {
    type: 'azurerm_virtual_network',
    name: 'v',
    values: {
      name: 'vnet-spoke',
      resource_group_name: 'rg-vnet-spoke',
      location: 'westeurope',
      address_space: ['10.1.0.0/16'],
    },
  },
  {
    type: 'azurerm_subnet',
    name: 'app',
    values: {
      name: 'snet-app',
      resource_group_name: 'rg-vnet-spoke',
      virtual_network_name: 'vnet-spoke',
      address_prefixes: ['10.1.1.0/24'],
    },
  },
  {
    type: 'azurerm_route_table',
    name: 'rt',
    values: {
      name: 'rt-vnet-spoke',
      resource_group_name: 'rg-vnet-spoke',
      location: 'westeurope',
      route: routes.map((r) => ({ name: r.name, address_prefix: r.prefix, next_hop_type: r.type })),
    },
  },
  {
    type: 'azurerm_subnet_route_table_association',
    name: 'app',
    values: {},
    refs: { subnet_id: 'azurerm_subnet.app.id', route_table_id: 'azurerm_route_table.rt.id' },
  },
]

describe('a plan of a root with environments belongs with the environment it was made with', () => {
  const TUNNEL = [{ name: 'default', prefix: '0.0.0.0/0', type: 'VirtualNetworkGateway' }]
  const files = {
    'spoke/main.tf': spoke(),
    'spoke/env/prod.tfvars': FORCED_TUNNEL,
    'spoke/env/test.tfvars': NO_ROUTES,
  }

  test('a plan made with test.tfvars is merged into test’s judgement, not into prod’s (judged first)', async () => {
    const { result, states } = await run({
      ...files,
      'spoke/tfplan.json': planJson(spokePlan([]), { routes: [], location: 'westeurope' }),
    })
    expect(states).toEqual([
      'spoke/env/prod.tfvars: vnet-spoke/snet-app blocked',
      'spoke/env/test.tfvars: vnet-spoke/snet-app reachable',
    ])
    const kms001 = result.findings.filter((f) => f.ruleId === 'KMS001')
    expect(kms001.map((f) => f.unit)).toEqual(['spoke@spoke/env/prod.tfvars'])
  })

  test('a plan whose variables match no environment (or that records none) is judged on its own', async () => {
    for (const variables of [{ routes: TUNNEL.map((r) => ({ ...r, name: 'other' })) }, undefined]) {
      const { states } = await run({ ...files, 'spoke/tfplan.json': planJson(spokePlan(TUNNEL), variables) })
      expect(states).toEqual([
        '(defaults): vnet-spoke/snet-app blocked',
        'spoke/env/prod.tfvars: vnet-spoke/snet-app blocked',
        'spoke/env/test.tfvars: vnet-spoke/snet-app reachable',
      ])
    }
  })
})
