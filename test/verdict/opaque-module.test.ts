/**
 * A subnet handed to a module the scan does not evaluate (a registry module before `terraform init`) may get
 * a route table or an NSG from it: it is undecided, naming the module, unless the code gives it both.
 */
import { tfBase, tfRoute, tfSpokeRouteTable } from '../../src/rules/examples/hcl'
import { scan } from '../../src/pipeline/scan'
import { tree } from '../helpers/tree'

const run = async (text: string) => {
  const result = await scan({
    path: tree({ 'main.tf': text }, 'kms-opaque-'),
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
  })
  const app = result.verdict.subnets.find((s) => s.subnet.endsWith('snet-app'))
  if (!app) throw new Error(`snet-app not judged: ${JSON.stringify(result.verdict)}`)
  return app
}

const registryModule = (args: string) => `
module "egress" {
  source  = "contoso/egress/azurerm"
  version = "~> 1.0"
${args}
}
`

const NSG = `
resource "azurerm_network_security_group" "app" {
  name                = "nsg-app"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.net.name
}

resource "azurerm_subnet_network_security_group_association" "app" {
  subnet_id                 = azurerm_subnet.app.id
  network_security_group_id = azurerm_network_security_group.app.id
}
`

describe('Terraform: a subnet given to a module that is not evaluated', () => {
  test('no route table of its own: undecided, naming the module and what resolves it', async () => {
    const app = await run(tfBase() + registryModule('  subnet_id = azurerm_subnet.app.id'))
    expect(app.state).toBe('undecided')
    expect(app.why).toBe(
      'module.egress (source "contoso/egress/azurerm") is not evaluated (registry module not fetched) and is given this subnet: it may attach a route table to it',
    )
    expect(app.resolve).toMatch(/terraform init/)
  })

  test('a module not given the subnet changes nothing: reachable', async () => {
    const app = await run(tfBase() + registryModule('  name = "egress"'))
    expect(app.state).toBe('reachable')
  })

  test('the code gives the subnet its route table and NSG: decided by them', async () => {
    const routes = tfSpokeRouteTable([tfRoute('default', '0.0.0.0/0', 'VirtualNetworkGateway')])
    const app = await run(tfBase() + routes + NSG + registryModule('  subnet_id = azurerm_subnet.app.id'))
    expect(app.state).toBe('blocked')
  })
})
