import * as path from 'node:path'
import { evaluateBicep, type BicepDeployment } from '../../../src/sources/bicep'
import { FIXTURES, fixtureFiles, get, line, lineOf, plain, resource } from './helpers'

const dir = path.join(FIXTURES, 'hub-spoke')
const main = path.join(dir, 'main.bicep')
const hub = path.join(dir, 'modules', 'hub.bicep')

let deployments: BicepDeployment[]
const find = (variant: string, cloud: string): BicepDeployment => {
  const d = deployments.find((x) => x.variant === variant && x.cloud === cloud)
  if (!d) throw new Error(`no ${variant}/${cloud}`)
  return d
}

beforeAll(async () => {
  deployments = await evaluateBicep(fixtureFiles(dir), {
    root: dir,
    clouds: ['AzureCloud', 'AzureUSGovernment'],
  })
})

describe('hub-and-spoke Bicep with bicepparam variants', () => {
  it('judges main.bicep once per variant and cloud; the module file is no entry', () => {
    expect(deployments.map((d) => `${path.basename(d.entry)} ${d.variant} ${d.cloud}`)).toEqual([
      'main.bicep dev.bicepparam AzureCloud',
      'main.bicep dev.bicepparam AzureUSGovernment',
      'main.bicep prod.bicepparam AzureCloud',
      'main.bicep prod.bicepparam AzureUSGovernment',
    ])
  })

  it('picks the KMS addresses of the cloud through environment().name', () => {
    const prefixes = (d: BicepDeployment) =>
      (
        plain(get(resource(d, 'rtSpoke').body, 'properties', 'routes')) as {
          properties: { addressPrefix: string }
        }[]
      ).map((r) => r.properties.addressPrefix)
    expect(prefixes(find('prod.bicepparam', 'AzureCloud'))).toEqual([
      '0.0.0.0/0',
      '20.118.99.224/32',
      '40.83.235.53/32',
      '23.102.135.246/32',
    ])
    expect(prefixes(find('prod.bicepparam', 'AzureUSGovernment'))).toEqual([
      '0.0.0.0/0',
      '52.126.105.2/32',
      '23.97.0.13/32',
    ])
  })

  it('applies each variant: dev drops the KMS routes and has its own spokes', () => {
    const dev = find('dev.bicepparam', 'AzureCloud')
    expect(plain(get(resource(dev, 'rtSpoke').body, 'properties', 'routes'))).toHaveLength(1)
    const subnets = get(resource(dev, 'vnet').body, 'properties', 'subnets')
    expect(plain(subnets)).toEqual([
      {
        name: 'snet-dev',
        properties: { addressPrefix: '10.9.0.0/24', routeTable: { id: '?deployment-time value' } },
      },
    ])
    expect(resource(dev, 'rtSpoke').variant).toBe('dev.bicepparam')
  })

  it('places parameter values at the property that uses them, not in the parameter file', () => {
    const prod = find('prod.bicepparam', 'AzureCloud')
    const hop = get(
      resource(prod, 'rtSpoke').body,
      'properties',
      'routes',
      0,
      'properties',
      'nextHopIpAddress',
    )
    expect(plain(hop)).toBe('10.0.0.68')
    expect(hop.origin.file).toBe(main)
    expect(line(hop)).toBe(lineOf(main, 'nextHopIpAddress: firewallPrivateIp'))
    const kms = get(resource(prod, 'rtSpoke').body, 'properties', 'routes', 1, 'properties', 'addressPrefix')
    expect(line(kms)).toBe(lineOf(main, "addressPrefix: '${ip}/32'"))
  })

  it('keeps a reference to the route table for the subnet association', () => {
    const id = get(
      resource(find('prod.bicepparam', 'AzureCloud'), 'vnet').body,
      'properties',
      'subnets',
      1,
      'properties',
      'routeTable',
      'id',
    )
    expect(id).toMatchObject({
      kind: 'unknown',
      expression: 'rtSpoke.id',
      ref: { resource: 'main.bicep::rtSpoke', attribute: 'id' },
    })
    expect(resource(find('prod.bicepparam', 'AzureCloud'), 'rtSpoke').id).toBe('main.bicep::rtSpoke')
  })

  it('evaluates the local module with its params and names its resources after the module', () => {
    const gov = find('prod.bicepparam', 'AzureUSGovernment')
    const kms1 = resource(gov, 'hub.rtHub::kms[1]')
    expect(kms1.armType).toBe('Microsoft.Network/routeTables/routes')
    expect(kms1.apiVersion).toBe('2023-09-01')
    expect(kms1.name).toMatchObject({ known: true, value: 'rt-hub/kms-1' })
    expect(kms1.parent).toMatchObject({ known: true, value: 'main.bicep::hub.rtHub' })
    expect(kms1.id).toBe('main.bicep::hub.rtHub/routes/kms-1')
    expect(plain(get(kms1.body, 'properties', 'addressPrefix'))).toBe('23.97.0.13/32')
    expect(get(kms1.body, 'properties', 'addressPrefix').origin.file).toBe(hub)
    const subnet = get(
      resource(gov, 'hub.hubVnet').body,
      'properties',
      'subnets',
      0,
      'properties',
      'addressPrefix',
    )
    expect(plain(subnet)).toBe('10.0.0.0/26')
    const fwSubnet = get(
      resource(gov, 'hub.fw').body,
      'properties',
      'ipConfigurations',
      0,
      'properties',
      'subnet',
      'id',
    )
    expect(fwSubnet).toMatchObject({
      kind: 'unknown',
      ref: { resource: 'main.bicep::hub.hubVnet/subnets/AzureFirewallSubnet', attribute: 'id' },
    })
  })

  it('maps the AVM route-table module to the route table it deploys', () => {
    const rt = resource(find('prod.bicepparam', 'AzureCloud'), 'rtAvm.routeTable')
    expect(rt.armType).toBe('Microsoft.Network/routeTables')
    expect(rt.name).toMatchObject({ known: true, value: 'rt-avm' })
    expect(plain(rt.body)).toEqual({
      name: 'rt-avm',
      properties: {
        disableBgpRoutePropagation: true,
        routes: ['20-118-99-224', '40-83-235-53', '23-102-135-246'].map((n) => ({
          name: `kms-${n}`,
          properties: { addressPrefix: `${n.replace(/-/g, '.')}/32`, nextHopType: 'Internet' },
        })),
      },
    })
  })

  it('reports other registry modules as not evaluated, once each', () => {
    const d = find('prod.bicepparam', 'AzureCloud')
    const notes = d.diagnostics.filter((x) => x.ruleId === 'KMS011')
    expect(notes).toHaveLength(1)
    expect(notes[0].message).toContain('br:contoso.azurecr.io/bicep/network/nsg:1.0.0')
    expect(notes[0].origin).toMatchObject({ file: main, startLine: lineOf(main, 'module contosoNsg') })
    expect(d.diagnostics.filter((x) => x.ruleId === 'KMS012')).toEqual([])
  })
})
