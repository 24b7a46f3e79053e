/**
 * A day-2 Bicep deployment redeclaring a subnet of a VNet another deployment declares, where the scan cannot
 * be sure the two are one Azure subnet: both are deployed to a resource group they do not name (the public
 * hub-and-spoke-playground: `any-to-any.bicep` redeclares `spoke-01/default` with route table
 * `all-to-firewall-we`, `hub-01.bicep` declares spoke-01). The sure handover (same resource group on both
 * sides: test/verdict/bicep-foreign-subnet-handover.test.ts) does not apply, and the declaring deployment
 * read its subnet "reachable" beside the redeclaring one's "may be the VNet declared in …". Now the
 * declaring side is undecided, naming the redeclaring file and resource and what would resolve it; as it
 * is where the redeclaration removes an association (a PUT of the whole subnet without `routeTable`), or
 * is under a condition the scan cannot evaluate.
 */
import { bicepRouteTable, judgeOneSubnet } from '../helpers/bicep-subnets'

/** The platform deployment: vnet-spoke with snet-app (`inline`: its extra properties), and route tables. */
const platform = (o: { scope?: string; inline?: string; vnet?: string } = {}) => ({
  'platform/main.bicep': `targetScope = '${o.scope ? 'subscription' : 'resourceGroup'}'
${
  o.scope
    ? `module spoke 'spoke.bicep' = {
  name: 'spoke'
  scope: resourceGroup('${o.scope}')
}
`
    : `module spoke 'spoke.bicep' = {
  name: 'spoke'
}
`
}`,
  'platform/spoke.bicep': `${bicepRouteTable('forced', 'VirtualNetworkGateway', "'westeurope'")}
resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: '${o.vnet ?? 'vnet-spoke'}'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: ['10.1.0.0/16'] }
    subnets: [
      {
        name: 'snet-app'
        properties: {
          addressPrefix: '10.1.1.0/24'
          ${o.inline ?? ''}
        }
      }
    ]
  }
}
`,
})

/**
 * The day-2 deployment: rt-egress (0.0.0.0/0 → `hop`) and vnet-spoke/snet-app redeclared (`child`: its
 * properties beyond the prefix; `condition`: `if (…) ` or empty), deployed to `scope` or to the resource
 * group it is given.
 */
const day2 = (o: { hop?: string; child?: string; condition?: string; scope?: string; param?: string }) => ({
  'day2/main.bicep': `targetScope = '${o.scope ? 'subscription' : 'resourceGroup'}'
${o.param ?? ''}
module route 'route.bicep' = {
  name: 'snet-app-route'
  ${o.scope ? `scope: resourceGroup('${o.scope}')` : ''}
  ${o.param ? 'params: { attach: attach }' : ''}
}
`,
  'day2/route.bicep': `${o.param ? 'param attach bool\n' : ''}${bicepRouteTable('egress', o.hop ?? 'VirtualNetworkGateway', "'westeurope'")}
resource snetApp 'Microsoft.Network/virtualNetworks/subnets@2023-09-01' = ${o.condition ?? ''}{
  name: 'vnet-spoke/snet-app'
  properties: {
    addressPrefix: '10.1.1.0/24'
    ${o.child ?? 'routeTable: { id: egress.id }'}
  }
}
`,
})

/** The platform deployment's snet-app, judged in a scan of both deployments. */
const platformRow = async (files: Record<string, string>) =>
  (
    await judgeOneSubnet(
      files,
      'kms-foreign-maybe-',
      (s) => s.subnet === 'snet-app' && s.address === 'spoke.vnet',
    )
  ).v

describe('Bicep: a day-2 deployment redeclares vnet-spoke/snet-app with a route table, resource group not known on either side', () => {
  test('forced tunnel: the platform’s snet-app is undecided (was: reachable), naming the redeclaration and what resolves it', async () => {
    const v = await platformRow({ ...platform(), ...day2({}) })
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(/snetApp .*deployment day2\/main\.bicep/)
    expect(v.why).toMatch(/resource group is not known/)
    // What is unknown is which subnet the child is, not whether it is deployed (it has no condition).
    expect(v.why).toMatch(/snetApp .* of snet-app may be for another subnet: /)
    expect(v.why).not.toMatch(/may not be deployed/)
    expect(v.why).toMatch(/if it applies to this subnet, it is blocked \(.*rt-egress/)
    expect(v.why).toMatch(/if not, KMS traffic reaches Azure KMS/)
    expect(v.resolve).toMatch(/resource group/)
  })

  test('control: the day-2 route table also sends KMS to the Internet: both ways reachable, it stands', async () => {
    expect((await platformRow({ ...platform(), ...day2({ hop: 'Internet' }) })).state).toBe('reachable')
  })

  test('negative control: the platform’s VNet has another name: no effect (reachable)', async () => {
    expect((await platformRow({ ...platform({ vnet: 'vnet-other' }), ...day2({}) })).state).toBe('reachable')
  })

  test('negative control: both name their resource group, different ones: no effect (reachable)', async () => {
    const v = await platformRow({ ...platform({ scope: 'rg-spoke' }), ...day2({ scope: 'rg-other' }) })
    expect(v.state).toBe('reachable')
  })

  test('resource group known on the redeclaring side only: still maybe, undecided', async () => {
    expect((await platformRow({ ...platform(), ...day2({ scope: 'rg-spoke' }) })).state).toBe('undecided')
  })
})

describe('Bicep: a day-2 deployment redeclares the subnet WITHOUT the route table the platform gives it (removal)', () => {
  const inline = 'routeTable: { id: forced.id }'

  test('same resource group: the platform’s route table may be gone; undecided, naming the removal (was: blocked)', async () => {
    const v = await platformRow({
      ...platform({ scope: 'rg-spoke', inline }),
      ...day2({ scope: 'rg-spoke', child: '' }),
    })
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(/snetApp .*day2\/main\.bicep.* of .*snet-app may not be deployed: .*applied last/)
    expect(v.why).toMatch(/if it is, KMS traffic reaches Azure KMS/)
  })

  test('resource group not known: undecided as well', async () => {
    const v = await platformRow({ ...platform({ inline }), ...day2({ child: '' }) })
    expect(v.state).toBe('undecided')
  })

  test('control: the redeclaration keeps the same kind of route (its own forced table): blocked either way', async () => {
    const v = await platformRow({
      ...platform({ scope: 'rg-spoke', inline }),
      ...day2({ scope: 'rg-spoke' }),
    })
    expect(v.state).toBe('blocked')
  })

  test('negative control: different resource groups: the platform’s table stands (blocked)', async () => {
    const v = await platformRow({
      ...platform({ scope: 'rg-spoke', inline }),
      ...day2({ scope: 'rg-other', child: '' }),
    })
    expect(v.state).toBe('blocked')
  })
})

describe('Bicep: a day-2 redeclaration under a condition the scan cannot evaluate, same resource group', () => {
  test('undecided, naming the condition (was: reachable: a conditional child was not handed over)', async () => {
    const v = await platformRow({
      ...platform({ scope: 'rg-spoke' }),
      ...day2({ scope: 'rg-spoke', condition: 'if (attach) ', param: 'param attach bool' }),
    })
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(/snetApp .* may not be deployed: .*attach/)
  })

  test('control: the condition is false as written: no effect (reachable)', async () => {
    const v = await platformRow({
      ...platform({ scope: 'rg-spoke' }),
      ...day2({ scope: 'rg-spoke', condition: 'if (false) ' }),
    })
    expect(v.state).toBe('reachable')
  })
})

describe('Bicep: a day-2 deployment with two conditional redeclarations of the subnet (one per mode), same resource group', () => {
  /** `if (mode == 'tunnel')` with rt-egress (0.0.0.0/0 → `tunnelHop`), then `if (mode == 'open')` with rt-open (→ Internet). */
  const twoModes = (tunnelHop = 'VirtualNetworkGateway') => ({
    'day2/main.bicep': `targetScope = 'subscription'
param mode string
module route 'route.bicep' = {
  name: 'snet-app-route'
  scope: resourceGroup('rg-spoke')
  params: { mode: mode }
}
`,
    'day2/route.bicep': `param mode string
${bicepRouteTable('egress', tunnelHop, "'westeurope'")}
${bicepRouteTable('open', 'Internet', "'westeurope'")}
resource snetTunnel 'Microsoft.Network/virtualNetworks/subnets@2023-09-01' = if (mode == 'tunnel') {
  name: 'vnet-spoke/snet-app'
  properties: {
    addressPrefix: '10.1.1.0/24'
    routeTable: { id: egress.id }
  }
}

resource snetOpen 'Microsoft.Network/virtualNetworks/subnets@2023-09-01' = if (mode == 'open') {
  name: 'vnet-spoke/snet-app'
  properties: {
    addressPrefix: '10.1.1.0/24'
    routeTable: { id: open.id }
  }
}
`,
  })

  test('the tunnel child (not the one the day-2 unit keeps) is handed over too: undecided, naming it (was: reachable)', async () => {
    const v = await platformRow({ ...platform({ scope: 'rg-spoke' }), ...twoModes() })
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(/snetTunnel .* may not be deployed: .*mode == 'tunnel'/)
    expect(v.why).toMatch(/if it is, it is blocked \(.*rt-egress/)
  })

  test('control: both children send KMS to the Internet: reachable with either and without', async () => {
    const v = await platformRow({ ...platform({ scope: 'rg-spoke' }), ...twoModes('Internet') })
    expect(v.state).toBe('reachable')
  })
})
