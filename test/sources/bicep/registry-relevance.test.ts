/**
 * Registry modules the scan does not evaluate are named (KMS011) when what they deploy could decide KMS;
 * Azure Verified Modules that cannot (private endpoints, public IPs, DNS zones, storage, key vaults...)
 * leave no verdict open and draw no notice, in a loop or not.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { scan } from '../../../src/pipeline/scan'

const MAIN = `param privateEndpoints array
param location string = 'westeurope'

module pe 'br/public:avm/res/network/private-endpoint:0.7.1' = [for (e, i) in privateEndpoints: {
  name: 'pe-\${i}'
  params: { name: e.name, subnetResourceId: e.subnetId }
}]

module pip 'br/public:avm/res/network/public-ip-address:0.5.1' = {
  name: 'pip'
  params: { name: 'pip-bastion', location: location }
}

module kv 'br/public:avm/res/key-vault/vault:0.9.0' = {
  name: 'kv'
  params: { name: 'kv-contoso' }
}

module vm 'br/public:avm/res/compute/virtual-machine:0.10.0' = {
  name: 'vm'
  params: { name: 'vm-app', zone: 0 }
}
`

test('only the registry module that could decide KMS is named as not evaluated', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-registry-'))
  fs.writeFileSync(path.join(dir, 'main.bicep'), MAIN)
  const result = await scan({ path: dir, cloud: 'AzureCloud', varFiles: [], workers: false })
  const notes = result.findings.filter((f) => f.ruleId === 'KMS011')
  expect(notes.map((f) => f.location.startLine)).toEqual([
    MAIN.split('\n').indexOf("module vm 'br/public:avm/res/compute/virtual-machine:0.10.0' = {") + 1,
  ])
  expect(notes[0]!.message).toContain('virtual-machine')
})
