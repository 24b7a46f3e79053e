/**
 * Links by Azure identity: a resource named `existing` (Bicep, ARM) or read as a `data` source (Terraform)
 * in one module is the resource another module declares, so what is added to it lands on that parent.
 */
import * as path from 'node:path'
import { scan } from '../../src/scan'

const FIXTURES = path.resolve('test/fixtures')

const summary = (findings: { ruleId: string; message: string }[]) =>
  findings.map((f) => `${f.ruleId} ${f.message.slice(0, 160)}`)

describe('existing resources are the declared resource of the same name and scope', () => {
  test('Bicep: rule collection groups added to an existing policy in a child module judge the hub firewall', async () => {
    const result = await scan({
      path: path.join(FIXTURES, 'bicep/existing-policy'),
      cloud: 'AzureCloud',
      varFiles: [],
      workers: false,
    })
    // The KMS rule in the child module lets KMS through the firewall: nothing to report, nothing unknown.
    expect(summary(result.findings)).toEqual([])
  })
})

describe('Terraform data sources are the resource the scan declares', () => {
  test('a rule collection group added to a policy read with data lands on the hub module policy', async () => {
    const result = await scan({
      path: path.join(FIXTURES, 'terraform/data-policy'),
      cloud: 'AzureCloud',
      varFiles: [],
      workers: false,
    })
    expect(summary(result.findings)).toEqual([])
  })
})
