/**
 * A Bicep module loop over a collection the scan cannot see (a parameter without a value) deploys an
 * unknown number of spokes: it is named with what it would deploy, never dropped in silence.
 */
import * as path from 'node:path'
import { scan } from '../../../src/pipeline/scan'
import { tree as treeOn } from '../../helpers/tree'

const tree = (files: Record<string, string>) => treeOn(files, 'kms-bicep-loop-')

const SPOKE = `param name string
param addressPrefix string
param firewallIp string

resource rt 'Microsoft.Network/routeTables@2023-09-01' = {
  name: 'rt-\${name}'
  location: resourceGroup().location
  properties: {
    routes: [
      {
        name: 'default-to-hub'
        properties: {
          addressPrefix: '0.0.0.0/0'
          nextHopType: 'VirtualAppliance'
          nextHopIpAddress: firewallIp
        }
      }
    ]
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-\${name}'
  location: resourceGroup().location
  properties: {
    addressSpace: { addressPrefixes: [addressPrefix] }
    subnets: [
      {
        name: 'snet-app'
        properties: {
          addressPrefix: addressPrefix
          routeTable: { id: rt.id }
        }
      }
    ]
  }
}
`

const MAIN = (spokes: string) => `${spokes}

module spoke 'modules/spoke.bicep' = [for s in spokes: {
  name: 'spoke-\${s.name}'
  params: {
    name: s.name
    addressPrefix: s.prefix
    firewallIp: '10.0.0.4'
  }
}]
`

const run = (dir: string) => scan({ path: dir, cloud: 'AzureCloud', varFiles: [], workers: false })

describe('Bicep module loop over a collection that cannot be evaluated', () => {
  test('named at the module, with the resources it would deploy and what resolves it', async () => {
    const dir = tree({ 'main.bicep': MAIN('param spokes array'), 'modules/spoke.bicep': SPOKE })
    const result = await run(dir)
    // One finding at the module's line (the part's own notice; the source's notice beside it said less).
    const here = result.findings.filter(
      (f) => f.ruleId === 'KMS011' && f.location.file.endsWith('main.bicep') && f.location.startLine === 3,
    )
    expect(here).toHaveLength(1)
    const notice = here[0]
    expect(notice!.message).toContain('spoke (main.bicep:3) deploys instances the scan cannot count')
    expect(notice!.message).toContain('routeTables, virtualNetworks')
    expect(notice!.message).toContain('not judged for any instance')
    expect(path.relative(dir, notice!.location.file)).toBe('main.bicep')
    expect(notice!.location.startLine).toBe(3)
    // Nothing was judged reachable: no subnet is invented for the unknown instances.
    expect(result.verdict.overall).not.toBe('reachable')
  })

  test('control: the same loop over a known collection is evaluated per instance, no notice', async () => {
    const spokes = `param spokes array = [
  { name: 'app', prefix: '10.1.0.0/24' }
  { name: 'data', prefix: '10.2.0.0/24' }
]`
    const result = await run(tree({ 'main.bicep': MAIN(spokes), 'modules/spoke.bicep': SPOKE }))
    expect(result.findings.filter((f) => f.message.includes('module loop'))).toEqual([])
    expect(result.verdict.subnets.map((s) => s.vnet).sort()).toEqual(['vnet-app', 'vnet-data'])
  })

  test('a loop of a module that deploys nothing the model judges stays quiet', async () => {
    const tags = `param name string\nresource tag 'Microsoft.Resources/tags@2022-09-01' = {\n  name: 'default'\n  properties: { tags: { owner: name } }\n}\n`
    const main = `param owners array\n\nmodule t 'tags.bicep' = [for o in owners: {\n  name: 'tags-\${o}'\n  params: { name: o }\n}]\n`
    const result = await run(tree({ 'main.bicep': main, 'tags.bicep': tags }))
    expect(result.findings.filter((f) => f.message.includes('module loop'))).toEqual([])
  })
})
