import * as path from 'node:path'
import { armResourcesToModel } from '../../../src/sources/mapping/arm-shapes'
import { cloudsHandled, evaluateBicep, type BicepDeployment } from '../../../src/sources/bicep'
import { FIXTURES, fixtureFiles, get, lineOf, plain, resource } from './helpers'

const root = '/repo'
async function one(text: string, extra: { path: string; text: string }[] = []): Promise<BicepDeployment> {
  const ds = await evaluateBicep([{ path: 'main.bicep', text }, ...extra], { root, clouds: ['AzureCloud'] })
  expect(ds).toHaveLength(1)
  return ds[0]
}

/** A route table whose properties are the expressions under test. */
const probe = (props: string, before = '') => `${before}
resource probe 'Microsoft.Network/routeTables@2023-09-01' = {
  name: 'probe'
  properties: {
${props}
  }
}
`
const props = (d: BicepDeployment) =>
  plain(get(resource(d, 'probe').body, 'properties')) as Record<string, unknown>

describe('Bicep expressions', () => {
  it('evaluates the functions network templates compute with', async () => {
    const d = await one(
      probe(
        `    a: cidrSubnet('10.144.0.0/20', 24, 3)
    b: cidrHost('10.144.3.0/24', 3)
    c: format('{0}-{1}', 'rt', 7)
    d: join(split('a,b', ','), '/')
    e: union({ x: 1 }, { y: 2 })
    f: contains(kms, '40.83.235.53')
    g: coalesce(null, 'x')
    h: range(1, 3)
    i: resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet-hub', 'app')
    j: toUpper(first(kms))
    k: length(filter(kms, ip => startsWith(ip, '20.')))
    l: map(range(0, 2), i => 'kms-\${i}')
    m: int('42') + 1
    n: string(json('{"a": [1]}'))`,
        `var kms = ['20.118.99.224', '40.83.235.53']`,
      ),
    )
    expect(props(d)).toEqual({
      a: '10.144.3.0/24',
      b: '10.144.3.4',
      c: 'rt-7',
      d: 'a/b',
      e: { x: 1, y: 2 },
      f: true,
      g: 'x',
      h: [1, 2, 3],
      i: 'Microsoft.Network/virtualNetworks/vnet-hub/subnets/app',
      j: '20.118.99.224',
      k: 1,
      l: ['kms-0', 'kms-1'],
      m: 43,
      n: '{"a":[1]}',
    })
  })

  it('computes the CIDR functions as ARM does; out of range is unknown, not a guessed address', async () => {
    const d = await one(
      probe(`    a: parseCidr('10.144.3.9/26')
    b: cidrSubnet('fd00::/48', 64, 2)
    c: cidrHost('10.144.3.0/24', 253)
    d: parseCidr('10.144.3.4/31')`),
    )
    expect(props(d)).toEqual({
      a: {
        network: '10.144.3.0',
        netmask: '255.255.255.192',
        broadcast: '10.144.3.63',
        firstUsable: '10.144.3.1',
        lastUsable: '10.144.3.62',
        cidr: 26,
      },
      b: 'fd00:0:0:2::/64',
      c: '10.144.3.254',
      d: {
        network: '10.144.3.4',
        netmask: '255.255.255.254',
        broadcast: '10.144.3.5',
        firstUsable: '10.144.3.4',
        lastUsable: '10.144.3.5',
        cidr: 31,
      },
    })
    const bad = await one(
      probe(`    a: cidrHost('10.144.3.0/24', 254)
    b: cidrSubnet('10.144.0.0/20', 16, 0)
    c: cidrSubnet('10.144.0.0/20', 24, 16)`),
    )
    const body = get(resource(bad, 'probe').body, 'properties')
    expect(get(body, 'a')).toMatchObject({
      kind: 'unknown',
      reason: expect.stringMatching(/host index 254 out of range/),
    })
    expect(get(body, 'b')).toMatchObject({
      kind: 'unknown',
      reason: expect.stringMatching(/new prefix length 16/),
    })
    expect(get(body, 'c')).toMatchObject({
      kind: 'unknown',
      reason: expect.stringMatching(/subnet index 16 out of range/),
    })
  })

  it('a resource loop over a collection not known is a KMS011, not a network without those resources', async () => {
    const d = await one(`param hops array
resource rts 'Microsoft.Network/routeTables@2023-09-01' = [for h in hops: {
  name: 'rt-\${h}'
}]
`)
    expect(d.resources).toEqual([])
    expect(d.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'KMS011',
        message: expect.stringMatching(
          /^rts: the instances of this loop cannot be evaluated \(parameter hops has no value/,
        ),
      }),
    ])
  })

  it('applies member access and indexes to the operand before them, not the whole operation', async () => {
    // Bicep reads `a || b.kind` as `a || (b.kind)` (tree-sitter-bicep read `(a || b).kind`).
    const d = await one(
      probe(
        `    a: hubLock.kind != 'None' || globalLock.kind != 'None'
    b: 1 + sizes.small
    c: !gw.activeActive
    d: gw.name == 'vpn' ? 'VirtualAppliance' : hops[1].type
    e: (gw.name != 'noconfigVpn') && gw.activeActive
    f: hubLock.?missing ?? hops[0].type
    g: map(hops, h => h.type)
    h: length(filter(hops, h => h.type == 'Internet'))`,
        `param hubLock object = { kind: 'None' }
param globalLock object = { kind: 'CanNotDelete' }
var sizes = { small: 2 }
var gw = { name: 'er', activeActive: false }
var hops = [{ type: 'Internet' }, { type: 'VirtualNetworkGateway' }]`,
      ),
    )
    expect(props(d)).toEqual({
      a: true,
      b: 3,
      c: true,
      d: 'VirtualNetworkGateway',
      e: false,
      f: 'Internet',
      g: ['Internet', 'VirtualNetworkGateway'],
      h: 1,
    })
  })

  it('knows the id of a declared resource is not empty, also through a module output', async () => {
    const d = await one(
      `module deps 'deps.bicep' = { name: 'deps' }
resource subnetLike 'Microsoft.Network/routeTables@2023-09-01' = {
  name: 'probe'
  properties: {
    a: !empty(deps.outputs.rtId) ? { id: deps.outputs.rtId } : null
  }
}
`,
      [
        {
          path: 'deps.bicep',
          text: "resource rt 'Microsoft.Network/routeTables@2023-09-01' = {\n  name: 'rt'\n}\noutput rtId string = rt.id\n",
        },
      ],
    )
    const a = get(resource(d, 'subnetLike').body, 'properties', 'a', 'id')
    expect(a).toMatchObject({ kind: 'unknown', ref: { attribute: 'id' } })
  })

  it('makes deployment-time and unsupported values unknown, saying why', async () => {
    const d = await one(
      probe(
        `    a: resourceGroup().location
    b: loadTextContent('kms.txt')
    c: missing
    d: '\${uniqueString(resourceGroup().id)}-rt'`,
        'param missing string',
      ),
    )
    const p = get(resource(d, 'probe').body, 'properties')
    expect(get(p, 'a')).toMatchObject({ kind: 'unknown', reason: 'deployment-time value' })
    expect(get(p, 'b')).toMatchObject({
      kind: 'unknown',
      reason: 'function loadTextContent is not evaluated',
    })
    expect(get(p, 'c')).toMatchObject({ kind: 'unknown', expression: 'missing' })
    expect(get(p, 'd')).toMatchObject({
      kind: 'unknown',
      expression: "'${uniqueString(resourceGroup().id)}-rt'",
    })
  })

  it('skips resources whose condition is false and reports conditions it cannot evaluate', async () => {
    const d = await one(`param deployGov bool = environment().name == 'AzureUSGovernment'
param later bool
resource gov 'Microsoft.Network/routeTables@2023-09-01' = if (deployGov) { name: 'rt-gov' }
resource maybe 'Microsoft.Network/routeTables@2023-09-01' = if (later) { name: 'rt-maybe' }
`)
    expect(d.resources.map((r) => r.address)).toEqual(['maybe'])
    expect(d.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'KMS011',
        expression: '(later)',
        origin: { file: '/repo/main.bicep', startLine: 4, endLine: 4 },
      }),
    ])
  })

  it('says nothing about unknown conditions of resources and modules the model does not judge', async () => {
    // A lock or a module of role assignments cannot change where KMS traffic goes; a module that
    // deploys a route table can.
    const d = await one(
      `param later bool
resource lock 'Microsoft.Authorization/locks@2020-05-01' = if (later) {
  name: 'lock'
  properties: { level: 'CanNotDelete' }
}
module roles 'roles.bicep' = if (later) { name: 'roles' }
module net 'net.bicep' = if (later) { name: 'net' }
`,
      [
        {
          path: 'roles.bicep',
          text: "resource ra 'Microsoft.Authorization/roleAssignments@2022-04-01' = {\n  name: 'ra'\n}\n",
        },
        {
          path: 'net.bicep',
          text: "resource rt 'Microsoft.Network/routeTables@2023-09-01' = {\n  name: 'rt'\n}\n",
        },
      ],
    )
    expect(d.diagnostics).toEqual([expect.objectContaining({ ruleId: 'KMS011', expression: '(later)' })])
    expect(d.diagnostics[0].message).toMatch(/^net: /)
  })

  it('names children declared with parent: and gives existing resources a provider-relative id', async () => {
    const d = await one(`resource hubRt 'Microsoft.Network/routeTables@2023-09-01' existing = {
  name: 'rt-hub'
}
resource kms 'Microsoft.Network/routeTables/routes@2023-09-01' = {
  parent: hubRt
  name: 'kms'
  properties: { addressPrefix: '20.118.99.224/32', nextHopType: 'Internet' }
}
resource nsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {
  name: 'nsg-\${hubRt.name}'
  properties: { securityRules: [] }
}
`)
    expect(d.resources.map((r) => r.address)).toEqual(['kms', 'nsg'])
    expect(resource(d, 'kms').name).toMatchObject({ known: true, value: 'rt-hub/kms' })
    expect(resource(d, 'kms').parent).toMatchObject({
      known: true,
      value: 'Microsoft.Network/routeTables/rt-hub',
    })
    expect(plain(get(resource(d, 'nsg').body, 'name'))).toBe('nsg-rt-hub')
  })
})

describe('Bicep deployments and diagnostics', () => {
  it('reports a syntax error once and still evaluates the rest of the file', async () => {
    const dir = path.join(FIXTURES, 'broken')
    const [d] = await evaluateBicep(fixtureFiles(dir), { root: dir, clouds: ['AzureCloud'] })
    expect(d.resources.map((r) => r.address)).toEqual(['rtFirst', 'rtLast'])
    const errors = d.diagnostics.filter((x) => x.ruleId === 'KMS012')
    expect(errors).toHaveLength(1)
    expect(errors[0].origin.startLine).toBe(lineOf(path.join(dir, 'main.bicep'), "'0.0.0.0/0' 'Internet'"))
  })

  it('parses the newer type and non-null syntax of AVM modules', async () => {
    // resourceInput<> types (Bicep 0.34), a nullable type ending a declaration and postfix `!` are
    // unknown to the grammar; none of them may cost the statements that follow.
    const text = `import { lockType } from 'br/public:avm/utl/types/avm-common-types:0.6.0'
param routes resourceInput<'Microsoft.Network/routeTables@2024-07-01'>.properties.routes?
param lock lockType?
param tags resourceOutput<'Microsoft.Network/routeTables@2024-07-01'>.tags = {}
type hubType = {
  name: string
}?
param hub hubType = { name: 'hub' }
param hops array = ['10.0.0.4']
resource rt 'Microsoft.Network/routeTables@2024-07-01' = {
  name: 'rt-\${hub!.name}'
  tags: lock
  properties: {
    routes: [for (hop, i) in hops!: {
      name: 'default-\${i}'
      properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: first(hops!) }
    }]
  }
}
`
    const d = await one(text)
    // Files checked out with Windows line ends parse the same.
    expect((await one(text.replace(/\n/g, '\r\n'))).diagnostics).toEqual([])
    expect(d.diagnostics).toEqual([])
    // Nullable parameters nobody sets are null, as at deployment.
    expect(plain(get(resource(d, 'rt').body, 'tags'))).toBeNull()
    expect(plain(get(resource(d, 'rt').body, 'name'))).toBe('rt-hub')
    expect(
      plain(get(resource(d, 'rt').body, 'properties', 'routes', 0, 'properties', 'nextHopIpAddress')),
    ).toBe('10.0.0.4')
  })

  it('takes ARM parameter files beside the template as variants, and reports unreadable ones', async () => {
    const template = `param hop string = '10.0.0.4'
resource rt 'Microsoft.Network/routeTables@2023-09-01' = {
  name: 'rt'
  properties: { routes: [{ name: 'default', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: hop } }] }
}
`
    const ds = await evaluateBicep(
      [
        { path: 'net/main.bicep', text: template },
        {
          path: 'net/main.parameters.prod.json',
          text: '{ "parameters": { "hop": { "value": "10.0.0.68" } } }',
        },
        { path: 'net/main.parameters.json', text: '{ "parameters": { "hop": ' },
      ],
      { root, clouds: ['AzureCloud'] },
    )
    const hop = (d: BicepDeployment) =>
      get(resource(d, 'rt').body, 'properties', 'routes', 0, 'properties', 'nextHopIpAddress')
    expect(ds.map((d) => d.variant)).toEqual(['main.parameters.json', 'main.parameters.prod.json'])
    expect(hop(ds[1])).toMatchObject({ kind: 'string', value: '10.0.0.68' })
    expect(hop(ds[0])).toMatchObject({
      kind: 'unknown',
      reason: 'parameter file main.parameters.json cannot be read',
    })
    expect(ds[0].diagnostics).toEqual([expect.objectContaining({ ruleId: 'KMS012' })])
  })

  it('tells which clouds a template distinguishes', () => {
    const files = fixtureFiles(path.join(FIXTURES, 'hub-spoke'))
    expect(cloudsHandled(files)).toEqual(['AzureCloud', 'AzureUSGovernment'])
    expect(
      cloudsHandled([{ path: 'a.bicep', text: "var t = 'AzureCloud'\nvar x = resourceGroup().location" }]),
    ).toEqual([])
    const byMap =
      "var kms = {\n  AzureCloud: ['20.118.99.224']\n  AzureChinaCloud: ['159.27.28.100']\n}\nvar mine = kms[environment().name]"
    expect(cloudsHandled([{ path: 'b.bicep', text: byMap }])).toEqual(['AzureCloud', 'AzureChinaCloud'])
  })
})

describe('Bicep through the ARM shape mapper', () => {
  it('links a route to the firewall another module declares and this one names as existing', async () => {
    const spoke = (
      fwName: string,
      rt: string,
    ) => `resource fw 'Microsoft.Network/azureFirewalls@2023-04-01' existing = {
  name: '${fwName}'
}
resource rt 'Microsoft.Network/routeTables@2023-04-01' = {
  name: '${rt}'
  properties: {
    routes: [{ name: 'default', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: fw.properties.ipConfigurations[0].properties.privateIPAddress } }]
  }
}
`
    const d = await one(
      `module hub 'hub.bicep' = { name: 'hub' }
module spoke 'spoke.bicep' = { name: 'spoke' }
module other 'other.bicep' = { name: 'other' }
`,
      [
        {
          path: 'hub.bicep',
          text: "resource fw 'Microsoft.Network/azureFirewalls@2023-04-01' = {\n  name: 'azfw-hub'\n  properties: {}\n}\n",
        },
        { path: 'spoke.bicep', text: spoke('azfw-hub', 'rt-spoke') },
        { path: 'other.bicep', text: spoke('azfw-elsewhere', 'rt-other') },
      ],
    )
    const model = armResourcesToModel(d.resources)
    const hop = (name: string) =>
      model.routeTables.find((t) => t.name.known && t.name.value === name)!.routes[0].nextHopIpAddress
    expect(hop('rt-spoke')).toMatchObject({ known: false, ref: { resource: model.firewalls[0].id } })
    // Not in the scan: the address stays unknown, with no ref that would make it an unverified appliance.
    expect(hop('rt-other')).toMatchObject({ known: false })
    expect(hop('rt-other')).not.toHaveProperty('ref')
  })

  it('builds route tables, routes and subnet associations of the hub-and-spoke fixture', async () => {
    const dir = path.join(FIXTURES, 'hub-spoke')
    const ds = await evaluateBicep(fixtureFiles(dir), { root: dir, clouds: ['AzureCloud'] })
    const prod = ds.find((d) => d.variant === 'prod.bicepparam')!
    const model = armResourcesToModel(prod.resources)
    const rt = (name: string) => model.routeTables.find((t) => t.name.known && t.name.value === name)!
    expect(rt('rt-spoke').routes.map((r) => r.addressPrefix)).toEqual(
      ['0.0.0.0/0', '20.118.99.224/32', '40.83.235.53/32', '23.102.135.246/32'].map((value) =>
        expect.objectContaining({ known: true, value }),
      ),
    )
    expect(rt('rt-hub').routes.map((r) => r.name)).toEqual([
      expect.objectContaining({ value: 'kms-0' }),
      expect.objectContaining({ value: 'kms-1' }),
      expect.objectContaining({ value: 'kms-2' }),
    ])
    expect(rt('rt-avm').bgpRoutePropagation).toMatchObject({ known: true, value: false })
    const app = model.subnets.find((s) => s.name.known && s.name.value === 'snet-app')!
    expect(app.routeTableId).toMatchObject({ known: true, value: 'main.bicep::rtSpoke' })
    expect(model.firewalls[0].subnetId).toMatchObject({
      known: true,
      value: 'main.bicep::hub.hubVnet/subnets/AzureFirewallSubnet',
    })
    expect(model.diagnostics).toEqual([])
  })
})
