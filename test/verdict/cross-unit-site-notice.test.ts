/**
 * The on-premises root declares the site and its connection to the hub's VPN gateway, which it reads by data
 * source. Alone, it names the connection (KMS011): the gateway "is not declared by the scanned sources".
 * When another unit of the same scan declares that gateway, the second pass links the site there
 * (src/analysis/cross-unit-sites.ts): the notice is stale, and goes.
 */
import { scan } from '../../src/pipeline/scan'
import { TF_HUB_VNET, tfHubVpnGateway, tfLocalSite } from '../helpers/hcl-network'
import { tree } from '../helpers/tree'

const CONNECTIVITY = `${TF_HUB_VNET}${tfHubVpnGateway(false)}
resource "azurerm_subnet" "shared" {
  name                 = "snet-shared"
  resource_group_name  = "rg-hub"
  virtual_network_name = azurerm_virtual_network.hub.name
  address_prefixes     = ["10.0.5.0/24"]
}
`

const onprem = (rg = 'rg-hub') => `
data "azurerm_virtual_network_gateway" "hub" {
  name                = "vgw-hub"
  resource_group_name = "${rg}"
}
${tfLocalSite(['192.168.0.0/16'], 'data.azurerm_virtual_network_gateway.hub.id')}`

/** The KMS011 notices naming connection cn-datacenter's gateway as not declared. */
const orphanNotices = async (files: Record<string, string>, workers = false) => {
  const result = await scan({
    path: tree(files, 'kms-site-notice-'),
    cloud: 'AzureCloud',
    varFiles: [],
    workers,
  })
  return result.findings.filter(
    (f) =>
      f.ruleId === 'KMS011' &&
      /Connection cn-datacenter .*which the scanned sources do not declare/.test(f.message),
  )
}

describe('Terraform: the site’s connection names a VPN gateway another root declares', () => {
  test('the gateway is declared by the connectivity root: no "not declared" notice', async () => {
    expect(await orphanNotices({ 'connectivity/main.tf': CONNECTIVITY, 'onprem/main.tf': onprem() })).toEqual(
      [],
    )
  })

  test('the same in scan workers', async () => {
    expect(
      await orphanNotices({ 'connectivity/main.tf': CONNECTIVITY, 'onprem/main.tf': onprem() }, true),
    ).toEqual([])
  })

  test('control: the on-premises root alone: the connection is named', async () => {
    const notices = await orphanNotices({ 'onprem/main.tf': onprem() })
    expect(notices).toHaveLength(1)
    expect(notices[0]!.message).toContain('VPN gateway vgw-hub in rg-hub')
  })

  test('control: the gateway read is in another resource group than the one declared: still named', async () => {
    expect(
      await orphanNotices({ 'connectivity/main.tf': CONNECTIVITY, 'onprem/main.tf': onprem('rg-hub-dr') }),
    ).toHaveLength(1)
  })
})
