/**
 * Where a NIC is (src/analysis/nic-nsgs.ts): a NIC whose subnet cannot be told may be in any subnet of the
 * unit, so where its NSG would or may block KMS every subnet is undecided. Mission LZ's domain controllers
 * showed how that spreads: their NIC's subnet is `spokeNetworks[2].outputs.subnets[0].id`, a module output
 * `subnets` that is the VNet's `properties.subnets`, whose elements the template writes without `id` (Azure
 * assigns it). Read through the output, `.id` was "property id not found", the NIC unplaced, and every
 * subnet of the deployment undecided. The element's id is now the same reference as
 * `vnet.properties.subnets[0].id` read in place: the NIC is in that subnet, and the others are judged
 * without it.
 */
import { scan } from '../../src/pipeline/scan'
import { BICEP_RT_APP_INTERNET, bicepNic, bicepNsgVm } from '../helpers/nic-nsg'
import { tree } from '../helpers/tree'

const run = async (files: Record<string, string>) => {
  const result = await scan({
    path: tree(files, 'kms-nic-placement-'),
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
  })
  const subnet = (name: string) => result.verdict.subnets.find((s) => s.subnet === name)!
  return { result, app: subnet('snet-app'), data: subnet('snet-data') }
}

/** The spoke: snet-app and snet-data with rt-app (0.0.0.0/0 → Internet: the platform exception is off). */
const NETWORK = `${BICEP_RT_APP_INTERNET}
resource nsgSubnets 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {
  name: 'nsg-subnets'
  location: location
}

resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-spoke'
  location: location
  properties: {
    addressSpace: { addressPrefixes: ['10.1.0.0/16'] }
    subnets: [
      {
        name: 'snet-app'
        properties: {
          addressPrefix: '10.1.1.0/24'
          routeTable: { id: rt.id }
          networkSecurityGroup: { id: nsgSubnets.id }
        }
      }
      {
        name: 'snet-data'
        properties: {
          addressPrefix: '10.1.2.0/24'
          routeTable: { id: rt.id }
          networkSecurityGroup: { id: nsgSubnets.id }
        }
      }
    ]
  }
}

output subnets array = vnet.properties.subnets
`

/**
 * The VM module: its NIC in `subnetId` with nsg-vm (Internet denied unless KMS is allowed first), or, with
 * `nsgOfVnet`, the NSG of the first subnet of the VNet `subnetId` names, read through an `existing` VNet
 * (Mission LZ's domain controllers).
 */
const vm = (opts: { allowKms?: boolean; nsgOfVnet?: boolean } = {}) => `
param location string = resourceGroup().location
param subnetId string
${bicepNsgVm(opts.allowKms)}
resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' existing = {
  name: split(subnetId, '/')[8]
}
${bicepNic('subnetId', opts.nsgOfVnet ? 'vnet.properties.subnets[0].properties.networkSecurityGroup.id' : 'nsgVm.id')}`

const MAIN = `
module network 'network.bicep' = {
  name: 'network'
}

module vm 'vm.bicep' = {
  name: 'vm'
  params: {
    subnetId: network.outputs.subnets[0].id
  }
}
`

describe("a NIC whose subnet is a module output's `properties.subnets[i].id`", () => {
  test("is in that subnet: its NSG blocks KMS there (KMS006), the VNet's other subnet is judged without it", async () => {
    const { result, app, data } = await run({
      'main.bicep': MAIN,
      'network.bicep': NETWORK,
      'vm.bicep': vm(),
    })
    expect(app.state).toBe('blocked')
    expect(app.hop).toMatch(/NSG nsg-vm on NIC nic-vm-app-01: rule deny-internet-out denies/)
    expect(result.findings.find((f) => f.ruleId === 'KMS006')?.message).toMatch(
      /deny-internet-out in nsg-vm \(set on network interface nic-vm-app-01\)/,
    )
    expect(data.state).toBe('reachable')
  })

  test("its NSG read from an `existing` VNet (Mission LZ's domain controllers): that subnet alone is undecided, naming it", async () => {
    const { app, data } = await run({
      'main.bicep': MAIN,
      'network.bicep': NETWORK,
      'vm.bicep': vm({ nsgOfVnet: true }),
    })
    expect(app.state).toBe('undecided')
    expect(`${app.hop} ${app.why}`).toMatch(/nic-vm-app-01|networkSecurityGroup/)
    expect(`${app.hop} ${app.why}`).toMatch(/existing resource/)
    expect(data.state).toBe('reachable')
  })

  test('negative control: the NIC NSG allowing KMS first leaves both subnets reachable', async () => {
    const { app, data } = await run({
      'main.bicep': MAIN,
      'network.bicep': NETWORK,
      'vm.bicep': vm({ allowKms: true }),
    })
    expect(app.state).toBe('reachable')
    expect(data.state).toBe('reachable')
  })
})
