/**
 * NSGs and VM NICs one root module attaches to subnets another declares (src/analysis/cross-unit-attachments.ts).
 * The platform team's root declares the spoke (snet-app, its route table overriding 0.0.0.0/0: Azure's
 * platform exception for KMS is off); an application root reads snet-app with `data "azurerm_subnet"` and
 * associates its NSG with the subnet, or builds its VM's NIC there with an NSG of its own. Before, the
 * platform root judged snet-app alone ("reachable") and the application root could not judge it (a notice).
 */
import { scan } from '../../src/pipeline/scan'
import { tree as treeOn } from '../helpers/tree'
import { PLATFORM_NSG, platformSpoke as platform, appAttaching as workload } from '../helpers/hcl-attachments'

const run = async (files: Record<string, string>) => {
  const result = await scan({
    path: treeOn(files, 'kms-xunit-attach-'),
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
  })
  return { result, app: result.verdict.subnets.find((s) => s.subnet === 'snet-app')! }
}

describe('an NSG another root module attaches to the platform root’s subnet', () => {
  test('a VM NIC’s NSG in the application root blocks snet-app (KMS006 at its rule, in the application root)', async () => {
    const { result, app } = await run({ 'platform/main.tf': platform(), 'app/main.tf': workload('nic') })
    expect(app.state).toBe('blocked')
    expect(app.hop).toMatch(/NSG nsg-workload on NIC nic-vm-app-01: rule deny-internet-out denies/)
    const f = result.findings.find((x) => x.ruleId === 'KMS006')!
    expect(f.message).toMatch(/nsg-workload \(set on network interface nic-vm-app-01\)/)
    expect(f.location.file).toMatch(/app\/main\.tf$/)
  })

  test('a subnet NSG association in the application root blocks snet-app', async () => {
    const { result, app } = await run({ 'platform/main.tf': platform(), 'app/main.tf': workload('subnet') })
    expect(app.state).toBe('blocked')
    expect(app.hop).toMatch(/NSG nsg-workload: rule deny-internet-out denies/)
    // The application root's notice that the subnet is not in the scanned sources goes: the platform declares it.
    expect(result.findings.filter((f) => f.ruleId === 'KMS011').map((f) => f.message)).toEqual([])
  })

  test('negative control: the application NSG allows KMS first: reachable', async () => {
    for (const attach of ['nic', 'subnet'] as const) {
      const { app } = await run({ 'platform/main.tf': platform(), 'app/main.tf': workload(attach, true) })
      expect(app.state).toBe('reachable')
    }
  })

  test('both roots set the subnet’s NSG: undecided, naming the other root’s association', async () => {
    const { app } = await run({
      'platform/main.tf': platform(PLATFORM_NSG),
      'app/main.tf': workload('subnet', true),
    })
    expect(app.state).toBe('undecided')
    expect(`${app.hop} ${app.why}`).toMatch(/root module app.*applied last/)
  })
})
