/**
 * Links by Azure identity: a resource named `existing` (Bicep, ARM) or read as a `data` source (Terraform)
 * in one module is the resource another module declares, so what is added to it lands on that parent.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { scan } from '../../src/pipeline/scan'

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

describe('Bicep existing resources are found by name and resource group', () => {
  const FIXTURE = path.join(FIXTURES, 'bicep/existing-by-group')

  /** The fixture with the rules module scoped to `group`. */
  function withRulesIn(group: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-existing-'))
    fs.cpSync(FIXTURE, dir, { recursive: true })
    const main = path.join(dir, 'main.bicep')
    fs.writeFileSync(
      main,
      fs.readFileSync(main, 'utf8').replace("rulesGroup string = 'rg-lab'", `rulesGroup string = '${group}'`),
    )
    return dir
  }

  test('a KMS rule added to the same-named policy in another group does not open the hub firewall', async () => {
    const result = await scan({
      path: withRulesIn('rg-lab'),
      cloud: 'AzureCloud',
      varFiles: [],
      workers: false,
    })
    expect(result.findings.map((f) => f.ruleId)).toEqual(['KMS003'])
    expect(result.findings[0]!.subnets).toEqual(['vnet-spoke/snet-workload'])
  })

  test('the KMS rule added to the hub group policy lets KMS through, with no ambiguity named', async () => {
    const result = await scan({
      path: withRulesIn('rg-hub'),
      cloud: 'AzureCloud',
      varFiles: [],
      workers: false,
    })
    expect(summary(result.findings)).toEqual([])
    expect(result.verdict.reachable).toBe(1)
  })
})
