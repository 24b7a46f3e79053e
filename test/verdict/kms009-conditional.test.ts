/**
 * KMS009 (the legacy KMS address not bypassed) says "activation works today" only where the current
 * addresses' paths were followed to Azure KMS. Where the bypass routes for them sit behind a condition the
 * scan cannot evaluate, the current addresses are undecided, and the notice says so (naming what is
 * undecided) instead.
 */
import { scan } from '../../src/pipeline/scan'
import { TF_SPOKE_APP } from '../helpers/hcl-network'
import { tree as treeOn } from '../helpers/tree'

const tree = (files: Record<string, string>) => treeOn(files, 'kms-009-cond-')

const kms009 = async (files: Record<string, string>) => {
  const result = await scan({ path: tree(files), cloud: 'AzureCloud', varFiles: [], workers: false })
  return {
    findings: result.findings.filter((f) => f.ruleId === 'KMS009'),
    app: result.verdict.subnets.find((s) => s.subnet === 'snet-app')!,
  }
}

/**
 * A forced tunnel with /32 Internet routes for the current KMS addresses (under `count`, if given);
 * `private`: snet-app has no default outbound access (and no NAT gateway), so the Internet routes lead nowhere.
 */
const tf = (count?: string, opts: { private?: boolean } = {}) => ({
  'main.tf': `${
    opts.private
      ? TF_SPOKE_APP.replace(
          'address_prefixes     = ["10.1.1.0/24"]',
          'address_prefixes     = ["10.1.1.0/24"]\n  default_outbound_access_enabled = false',
        )
      : TF_SPOKE_APP
  }
variable "kms_bypass" {
  type        = bool
  description = "Route Azure KMS around the forced tunnel"
}

resource "azurerm_route_table" "app" {
  name                          = "rt-app"
  location                      = "westeurope"
  resource_group_name           = "rg-spoke"
  bgp_route_propagation_enabled = false

  route {
    name           = "forced-tunnel"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "VirtualNetworkGateway"
  }
}

${['20.118.99.224', '40.83.235.53']
  .map(
    (
      ip,
      i,
    ) => `resource "azurerm_route" "kms_${i}" {${count ? `\n  count               = ${count} ? 1 : 0` : ''}
  name                = "kms-${i}"
  resource_group_name = "rg-spoke"
  route_table_name    = azurerm_route_table.app.name
  address_prefix      = "${ip}/32"
  next_hop_type       = "Internet"
}
`,
  )
  .join('\n')}
resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.app.id
}
`,
})

describe('KMS009 with the current addresses bypassed only under a condition', () => {
  test('undecided current addresses: the notice does not claim activation works; it says what is undecided', async () => {
    const { findings, app } = await kms009(tf('var.kms_bypass'))
    expect(app.state).toBe('undecided')
    expect(findings).toHaveLength(1)
    const message = findings[0]!.message
    expect(message).not.toMatch(/Activation works today/)
    expect(message).toMatch(
      /Whether activation works today for vnet-spoke\/snet-app is not decided \(20\.118\.99\.224: route azurerm_route\.kms_0\[\*\] may not be deployed: its count or for_each cannot be evaluated/,
    )
    expect(message).toMatch(/23\.102\.135\.246 for forced tunnelling/)
  })

  test('negative control: bypass routes without a condition: activation works today', async () => {
    const { findings, app } = await kms009(tf())
    expect(app.state).toBe('reachable')
    expect(findings).toHaveLength(1)
    expect(findings[0]!.message).toMatch(/Activation works today/)
  })

  test('current addresses bypassed but blocked further on (no outbound access): the notice says activation does not work', async () => {
    const { findings, app } = await kms009(tf(undefined, { private: true }))
    expect(app.state).toBe('blocked')
    expect(findings).toHaveLength(1)
    const message = findings[0]!.message
    expect(message).not.toMatch(/Activation works today/)
    expect(message).toMatch(
      /Activation does not work today for vnet-spoke\/snet-app either: 20\.118\.99\.224 is blocked further on \(.*no outbound access/,
    )
    expect(message).toMatch(/23\.102\.135\.246 for forced tunnelling/)
  })
})
