/**
 * A local module called under a count the scan cannot evaluate, holding a firewall under a count of its
 * own: the route in the module exists whenever the hub does, the firewall only if its own count says so
 * too. The two are not one condition: the route may point at no firewall, so "reachable" through it is
 * undecided. Objects under the same call and the same inner count text are one condition.
 */
import { scan } from '../../src/pipeline/scan'
import { TF_SPOKE_APP, tfHubFirewall, tfRulesKmsAllowed } from '../helpers/hcl-network'
import { tree as treeOn } from '../helpers/tree'

const tree = (files: Record<string, string>) => treeOn(files, 'kms-cond-module-')

const app = async (files: Record<string, string>) => {
  const result = await scan({ path: tree(files), cloud: 'AzureCloud', varFiles: [], workers: false })
  return result.verdict.subnets.find((s) => s.subnet === 'snet-app')!
}

const KMS = ['20.118.99.224', '40.83.235.53']

/** modules/hub: vnet-hub, its firewall (under `firewallCount`), rt-spoke with a default route to it (under `routeCount`). */
const hub = (opts: { firewallCount?: string; routeCount?: string }) => {
  const firewall = tfHubFirewall(tfRulesKmsAllowed(KMS))
  const fw = opts.firewallCount
    ? firewall.replace(
        'resource "azurerm_firewall" "hub" {\n',
        `resource "azurerm_firewall" "hub" {\n  count = ${opts.firewallCount}\n`,
      )
    : firewall
  return {
    'modules/hub/variables.tf': `
variable "deploy_firewall" {
  type = bool
}
`,
    'modules/hub/main.tf': `
resource "azurerm_virtual_network" "hub" {
  name                = "vnet-hub"
  location            = "westeurope"
  resource_group_name = "rg-hub"
  address_space       = ["10.0.0.0/16"]
}
${fw}
resource "azurerm_route_table" "spoke" {
  name                          = "rt-spoke"
  location                      = "westeurope"
  resource_group_name           = "rg-hub"
  bgp_route_propagation_enabled = false
}

resource "azurerm_route" "default" {${opts.routeCount ? `\n  count                  = ${opts.routeCount}` : ''}
  name                   = "default-via-firewall"
  resource_group_name    = "rg-hub"
  route_table_name       = azurerm_route_table.spoke.name
  address_prefix         = "0.0.0.0/0"
  next_hop_type          = "VirtualAppliance"
  next_hop_in_ip_address = azurerm_firewall.hub${opts.firewallCount ? '[0]' : ''}.ip_configuration[0].private_ip_address
}

output "route_table_id" {
  value = azurerm_route_table.spoke.id
}
`,
    'main.tf': `${TF_SPOKE_APP}
variable "deploy_hub" {
  type = bool
}

variable "deploy_firewall" {
  type = bool
}

module "hub" {
  source          = "./modules/hub"
  count           = var.deploy_hub ? 1 : 0
  deploy_firewall = var.deploy_firewall
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = module.hub[0].route_table_id
}
`,
  }
}

describe('a module under `count = var.deploy_hub ? 1 : 0` with a firewall under a count of its own', () => {
  test('the route under the call only, the firewall under its own count too: undecided, naming the firewall', async () => {
    const v = await app(hub({ firewallCount: 'var.deploy_firewall ? 1 : 0' }))
    expect(v.state).toBe('undecided')
    expect(v.why).toMatch(
      /firewall afw-hub \(module\.hub\[\*\]\.azurerm_firewall\.hub\[\*\]\) may not be deployed/,
    )
    expect(v.why).toMatch(/if not, it is blocked \(.*afw-hub not deployed: nothing answers the next hop/)
  })

  test('route and firewall under the same count inside the module: one condition, decided (reachable)', async () => {
    const count = 'var.deploy_firewall ? 1 : 0'
    expect((await app(hub({ firewallCount: count, routeCount: count }))).state).toBe('reachable')
  })

  test('negative control: the firewall under the call only, like the route: reachable', async () => {
    expect((await app(hub({}))).state).toBe('reachable')
  })
})
