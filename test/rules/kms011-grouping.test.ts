/** KMS011 notices are grouped by cause: one per unresolved input, all of them with verbose. */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { scan } from '../../src/pipeline/scan'

const route = (table: string) => `resource ${table} 'Microsoft.Network/routeTables@2023-09-01' = {
  name: '${table}'
  location: 'westeurope'
  properties: {
    routes: [
      {
        name: 'default-via-hub'
        properties: {
          addressPrefix: '0.0.0.0/0'
          nextHopType: 'VirtualAppliance'
          nextHopIpAddress: hubFirewallIp
        }
      }
    ]
  }
}
`

const MAIN = `param hubFirewallIp string

${route('rtA')}
${route('rtB')}
resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-spoke'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: ['10.1.0.0/16'] }
    subnets: [
      {
        name: 'snet-a'
        properties: { addressPrefix: '10.1.1.0/24', routeTable: { id: rtA.id } }
      }
      {
        name: 'snet-b'
        properties: { addressPrefix: '10.1.2.0/24', routeTable: { id: rtB.id } }
      }
    ]
  }
}

// Jump host VMs from the registry: not read, but they change no network object of the others.
module jumpHosts 'br/public:avm/res/compute/virtual-machine:0.10.1' = [for i in range(0, 3): {
  name: 'jump-\${i}'
}]
`

function dir(): string {
  const d = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kms011-')))
  fs.mkdirSync(path.join(d, 'spoke'))
  fs.writeFileSync(path.join(d, 'spoke/main.bicep'), MAIN)
  return path.join(d, 'spoke')
}

const notices = async (verbose: boolean) =>
  (await scan({ path: dir(), cloud: 'AzureCloud', varFiles: [], workers: false, verbose })).findings
    .filter((f) => f.ruleId === 'KMS011')
    .map((f) => f.message)

test('one notice per unresolved input, naming everything it leaves undecided', async () => {
  expect(await notices(false)).toEqual([
    expect.stringMatching(
      /^default-via-hub: `hubFirewallIp` \(nextHopIpAddress: parameter hubFirewallIp has no value.*from vnet-spoke\/snet-a and vnet-spoke\/snet-b/,
    ),
    expect.stringMatching(
      /^jumpHosts\[0\]: registry module br\/public:avm\/res\/compute\/virtual-machine:0\.10\.1 is not evaluated/,
    ),
  ])
})

test('verbose: one notice per object and per loop instance', async () => {
  const all = await notices(true)
  expect(all.filter((m) => m.startsWith('default-via-hub'))).toHaveLength(2)
  expect(all.filter((m) => m.startsWith('jumpHosts['))).toHaveLength(3)
})
