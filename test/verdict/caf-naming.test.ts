/**
 * Names made by aztfmod's azurecaf provider, as the Cloud Adoption Framework modules make every name:
 * `name = azurecaf_name.vnet.result`. In passthrough mode the result is the name given (when it needs no
 * cleaning); otherwise it is composed with prefixes and random characters at apply time. Either way a
 * subnet that refers to `azurerm_virtual_network.vnet.name` is in that VNet.
 */
import { scan } from '../../src/pipeline/scan'
import { tree } from '../helpers/tree'

const cafName = (key: string, name: string, type: string, passthrough: boolean) => `
resource "azurecaf_name" "${key}" {
  name          = "${name}"
  resource_type = "${type}"
  prefixes      = ["contoso"]
  random_length = 5
  clean_input   = true
  passthrough   = ${passthrough}
}
`

const subnet = (key: string, prefix: string) => `
resource "azurerm_subnet" "${key}" {
  name                 = azurecaf_name.${key}.result
  resource_group_name  = "rg-network"
  virtual_network_name = azurerm_virtual_network.vnet.name
  address_prefixes     = ["${prefix}"]
}
`

const estate = (opts: { vnetPassthrough: boolean; appName: string }) => `
${cafName('vnet', 'vnet-spoke', 'azurerm_virtual_network', opts.vnetPassthrough)}
resource "azurerm_virtual_network" "vnet" {
  name                = azurecaf_name.vnet.result
  location            = "westeurope"
  resource_group_name = "rg-network"
  address_space       = ["10.1.0.0/16"]
}
${cafName('app', opts.appName, 'azurerm_subnet', true)}${subnet('app', '10.1.0.0/24')}
${cafName('fw', 'AzureFirewallSubnet', 'azurerm_subnet', true)}${subnet('fw', '10.1.1.0/26')}
`

const run = async (text: string) => {
  const result = await scan({
    path: tree({ 'main.tf': text }, 'kms-caf-'),
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
  })
  return result.verdict.subnets
}

describe('Terraform: names from azurecaf_name', () => {
  test('passthrough names are the names given: snet-app judged by name, AzureFirewallSubnet not judged', async () => {
    const subnets = await run(estate({ vnetPassthrough: true, appName: 'snet-app' }))
    expect(subnets.map((s) => [s.subnet, s.state])).toEqual([['snet-app', 'reachable']])
  })

  test('a composed VNet name is known only at apply time, yet its subnets are in it (no gateway: decided)', async () => {
    const subnets = await run(estate({ vnetPassthrough: false, appName: 'snet-app' }))
    expect(subnets).toHaveLength(1)
    expect(subnets[0]).toMatchObject({
      state: 'reachable',
      path: expect.stringContaining('system route 0.0.0.0/0 → Internet'),
    })
  })

  test('a passthrough name the provider would clean is not guessed', async () => {
    const subnets = await run(estate({ vnetPassthrough: true, appName: 'snet app!' }))
    expect(subnets.map((s) => s.subnet)).toEqual(['azurerm_subnet.app'])
  })
})
