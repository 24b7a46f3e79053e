import * as path from 'node:path'
import { armResourcesToModel } from '../../../src/sources/arm-shapes'
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
