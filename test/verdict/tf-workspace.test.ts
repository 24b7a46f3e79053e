/**
 * `terraform.workspace` (src/sources/terraform/evaluation-state.ts workspace()): chosen when Terraform runs.
 * A spoke whose forced tunnel exists only in the prod workspace read "reachable" (the scan took "default");
 * the workspace is now TF_WORKSPACE, else the one .terraform/environment records, else unknown.
 */
import { scan } from '../../src/pipeline/scan'
import { tree as treeOn } from '../helpers/tree'
import { tfSpokeRoot } from '../helpers/tf-environments'

/** The spoke, its forced tunnel only in the prod workspace. */
const SPOKE = `${tfSpokeRoot({ rg: 'rg-spoke', location: '"westeurope"', table: 'rt-spoke' })}
resource "azurerm_route" "tunnel" {
  count               = terraform.workspace == "prod" ? 1 : 0
  name                = "default-onprem"
  resource_group_name = azurerm_resource_group.rg.name
  route_table_name    = azurerm_route_table.rt.name
  address_prefix      = "0.0.0.0/0"
  next_hop_type       = "VirtualNetworkGateway"
}
`

const run = async (files: Record<string, string>) => {
  const root = treeOn(files, 'kms-tf-workspace-')
  const result = await scan({ path: root, cloud: 'AzureCloud', varFiles: [], workers: false })
  const app = result.verdict.subnets.find((s) => s.subnet === 'snet-app')!
  const notices = result.findings.filter((f) => f.ruleId === 'KMS011').map((f) => f.message)
  return { app, notices }
}

describe('terraform.workspace is the workspace Terraform runs in, or unknown', () => {
  const saved = process.env.TF_WORKSPACE
  afterEach(() => {
    if (saved === undefined) delete process.env.TF_WORKSPACE
    else process.env.TF_WORKSPACE = saved
  })

  test('no workspace known: the prod-only forced tunnel is judged as deployed (it only blocks)', async () => {
    delete process.env.TF_WORKSPACE
    const { app } = await run({ 'spoke/main.tf': SPOKE })
    expect(app.state).toBe('blocked')
  })

  test('no workspace known: KMS routes to the Internet only outside prod are undecided, naming how to tell the workspace', async () => {
    delete process.env.TF_WORKSPACE
    const exception = `
resource "azurerm_route" "kms" {
  for_each            = terraform.workspace == "prod" ? toset([]) : toset(["20.118.99.224/32", "40.83.235.53/32"])
  name                = "kms-\${replace(each.key, "/", "-")}"
  resource_group_name = azurerm_resource_group.rg.name
  route_table_name    = azurerm_route_table.rt.name
  address_prefix      = each.key
  next_hop_type       = "Internet"
}
`
    const always = SPOKE.replace('count               = terraform.workspace == "prod" ? 1 : 0\n', '')
    const { app } = await run({ 'spoke/main.tf': always + exception })
    expect(app.state).toBe('undecided')
    expect(`${app.hop} ${app.why}`).toMatch(/TF_WORKSPACE/)
  })

  test('.terraform/environment records prod: blocked; dev: reachable (negative control)', async () => {
    delete process.env.TF_WORKSPACE
    for (const [ws, state] of [
      ['prod', 'blocked'],
      ['dev', 'reachable'],
    ] as const) {
      const { app, notices } = await run({
        'spoke/main.tf': SPOKE,
        'spoke/.terraform/environment': `${ws}\n`,
      })
      expect(app.state).toBe(state)
      expect(notices.join('\n')).not.toMatch(/workspace/)
    }
  })

  test('TF_WORKSPACE wins over .terraform/environment, as in Terraform', async () => {
    process.env.TF_WORKSPACE = 'prod'
    const { app } = await run({ 'spoke/main.tf': SPOKE, 'spoke/.terraform/environment': 'dev\n' })
    expect(app.state).toBe('blocked')
  })
})
