/** Modules `terraform init` installed (.terraform/modules/modules.json) are evaluated like local ones. */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { scan } from '../../../../src/pipeline/scan'
import { writeTree } from '../eval-helpers'
import { initialised, spokeMain } from './spoke'

const scanDir = (dir: string) => scan({ path: dir, cloud: 'AzureCloud', varFiles: [], workers: false })

describe('.terraform/modules/modules.json', () => {
  test('a forced tunnel built by an installed registry module is KMS001 on the spoke subnet', async () => {
    const dir = writeTree({ 'main.tf': spokeMain(), ...initialised() })
    const result = await scanDir(dir)
    const kms001 = result.findings.filter((f) => f.ruleId === 'KMS001')
    expect(kms001).toHaveLength(1)
    expect(kms001[0].message).toContain('snet-workload')
    // It points at the module block the user edits, not into .terraform.
    expect(path.relative(dir, kms001[0].location.file)).toBe('main.tf')
    expect(kms001[0].location.startLine).toBe(20)
    expect(result.findings.filter((f) => f.ruleId === 'KMS011')).toEqual([])
    // The package's examples are not configuration.
    expect(result.findings.map((f) => f.location.file).filter((f) => f.includes('examples'))).toEqual([])
  })

  test('clean control: the same module with KMS bypass routes has no finding', async () => {
    const dir = writeTree({ 'main.tf': spokeMain({ bypass: true }), ...initialised() })
    const result = await scanDir(dir)
    expect(result.findings.filter((f) => f.severity !== 'notice')).toEqual([])
    expect(result.findings.map((f) => f.ruleId)).not.toContain('KMS011')
  })

  test('without init the module is named as not fetched, with what resolves it', async () => {
    // Not an Azure Verified Module (those are read from their inputs: avm.test.ts).
    const dir = writeTree({ 'main.tf': spokeMain({ source: 'contoso/spoke-routing/azurerm' }) })
    const result = await scanDir(dir)
    expect(result.findings.map((f) => f.ruleId)).not.toContain('KMS001')
    const kms011 = result.findings.filter((f) => f.ruleId === 'KMS011')
    expect(kms011.map((f) => f.message).join('\n')).toMatch(/spoke_rt.*terraform init.*--download-modules/s)
  })

  test('a manifest that installed another source is stale: named, not evaluated', async () => {
    const dir = writeTree({
      'main.tf': spokeMain({ source: 'Azure/avm-res-network-routetable/azapi' }),
      ...initialised(),
    })
    const result = await scanDir(dir)
    expect(result.findings.map((f) => f.ruleId)).not.toContain('KMS001')
    expect(result.findings.map((f) => f.message).join('\n')).toContain('run `terraform init` again')
  })

  test('a manifest directory outside the scan root (real path) is not read', async () => {
    const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kms-outside-')))
    const files = initialised()
    for (const [p, text] of Object.entries(files)) {
      if (!p.startsWith('.terraform/modules/spoke_rt/')) continue
      const target = path.join(outside, p.slice('.terraform/modules/spoke_rt/'.length))
      fs.mkdirSync(path.dirname(target), { recursive: true })
      fs.writeFileSync(target, text)
      delete files[p]
    }
    const dir = writeTree({ 'main.tf': spokeMain(), ...files })
    // terraform init would not do this; a repository can.
    fs.symlinkSync(outside, path.join(dir, '.terraform/modules/spoke_rt'))
    const result = await scanDir(dir)
    expect(result.findings.map((f) => f.ruleId)).not.toContain('KMS001')
    expect(result.findings.map((f) => f.message).join('\n')).toContain('leads outside the scanned directory')
  })
})
