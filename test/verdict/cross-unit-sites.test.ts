/**
 * A site-to-site connection in one unit to the hub's VPN gateway declared in another: the on-premises
 * connectivity root declares the local network gateway and its connection, reading the VPN gateway with
 * `data "azurerm_virtual_network_gateway"`; the connectivity root declares the gateway (BGP off), so it
 * propagates only its sites' address spaces. Linked by Azure identity, the site's address space decides as
 * within one unit: a prefix covering KMS forces it on-premises (blocked, KMS001), one that does not leaves
 * the subnet decided. Alone, the gateway's sites are not known (undecided).
 */
import { scan } from '../../src/pipeline/scan'
import { TF_HUB_VNET, tfHubVpnGateway, tfLocalSite, tfSubnetOfReadVnet } from '../helpers/hcl-network'
import { tree } from '../helpers/tree'

const CONNECTIVITY = `${TF_HUB_VNET}${tfHubVpnGateway(false)}
resource "azurerm_subnet" "shared" {
  name                 = "snet-shared"
  resource_group_name  = "rg-hub"
  virtual_network_name = azurerm_virtual_network.hub.name
  address_prefixes     = ["10.0.5.0/24"]
}
`

/** The on-premises root: lgw-datacenter (`prefixes`) connected to vgw-hub, read by data source in `rg`. */
const onprem = (prefixes: string[], rg = 'rg-hub') => `
data "azurerm_virtual_network_gateway" "hub" {
  name                = "vgw-hub"
  resource_group_name = "${rg}"
}
${tfLocalSite(prefixes, 'data.azurerm_virtual_network_gateway.hub.id')}`

const judge = async (files: Record<string, string>, subnet = 'snet-shared') => {
  const result = await scan({
    path: tree(files, 'kms-cross-site-'),
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
  })
  const v = result.verdict.subnets.find((s) => s.subnet === subnet)
  if (!v) throw new Error(`${subnet} not judged: ${JSON.stringify(result.verdict.subnets)}`)
  return { v, findings: result.findings }
}

describe('Terraform: a site connected in one root to the VPN gateway another root declares', () => {
  test('the site’s address space does not cover KMS: decided, reachable', async () => {
    const { v } = await judge({
      'connectivity/main.tf': CONNECTIVITY,
      'onprem/main.tf': onprem(['192.168.0.0/16']),
    })
    expect(v.state).toBe('reachable')
  })

  test('the site’s address space covers KMS: forced on-premises, blocked, naming the site', async () => {
    const { v, findings } = await judge({
      'connectivity/main.tf': CONNECTIVITY,
      'onprem/main.tf': onprem(['0.0.0.0/1', '128.0.0.0/1']),
    })
    expect(v.state).toBe('blocked')
    const kms001 = findings.find((f) => f.ruleId === 'KMS001' && f.message.includes('snet-shared'))
    expect(kms001?.message).toContain('lgw-datacenter')
  })

  test('control: the connectivity root alone: its gateway’s sites are not known, undecided', async () => {
    const { v } = await judge({ 'connectivity/main.tf': CONNECTIVITY })
    expect(v.state).toBe('undecided')
    expect(v.why).toContain('not in the scanned sources')
  })

  test('control: the connection names a gateway in another resource group: not linked, undecided', async () => {
    const { v } = await judge({
      'connectivity/main.tf': CONNECTIVITY,
      'onprem/main.tf': onprem(['192.168.0.0/16'], 'rg-hub-dr'),
    })
    expect(v.state).toBe('undecided')
  })

  test('a subnet vended into the hub VNet by a third root gets the site too: blocked', async () => {
    const { v } = await judge(
      {
        'connectivity/main.tf': CONNECTIVITY,
        'onprem/main.tf': onprem(['0.0.0.0/1', '128.0.0.0/1']),
        'vending/main.tf': tfSubnetOfReadVnet('vnet-hub', 'rg-hub', 'snet-vend', '10.0.6.0/24'),
      },
      'snet-vend',
    )
    expect(v.state).toBe('blocked')
  })
})
