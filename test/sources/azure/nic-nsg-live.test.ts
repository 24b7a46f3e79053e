/**
 * A workload root module builds its Windows VM's NIC in a subnet the platform team deploys (read through
 * `data "azurerm_subnet"`) and gives the NIC an NSG that denies Internet outbound. Laid over the deployed
 * network read from the HTTPS stand-in for ARM, the NIC meets the deployed subnet, whose route table sends
 * 0.0.0.0/0 away (Azure's platform exception for KMS is off): the subnet's VMs cannot activate.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { readDeployed } from '../../../src/action/live'
import { scan } from '../../../src/pipeline/scan'
import { armRouteTable, armVnet, netId } from '../../helpers/arm-inventory'
import { startArmServer, staticCredential, type ArmServer } from '../../helpers/arm-server'

const SUB = '7d3f1b52-6a4e-4c19-9e0b-2f8a5c7d1e93'
const TABLE = netId(SUB, 'rg-spoke-app', 'routeTables', 'rt-app')
const APP = `${netId(SUB, 'rg-spoke-app', 'virtualNetworks', 'vnet-spoke-app')}/subnets/snet-app`

const ESTATE = [
  armRouteTable(SUB, 'rg-spoke-app', 'rt-app', [
    { name: 'default-internet', addressPrefix: '0.0.0.0/0', nextHopType: 'Internet' },
  ]),
  armVnet(SUB, 'rg-spoke-app', 'vnet-spoke-app', '10.1.0.0/16', [
    { name: 'snet-app', prefix: '10.1.1.0/24', routeTableId: TABLE },
  ]),
]

const workload = (opts: { nsgOnNic: boolean }) => `
data "azurerm_subnet" "app" {
  name                 = "snet-app"
  virtual_network_name = "vnet-spoke-app"
  resource_group_name  = "rg-spoke-app"
}

resource "azurerm_network_interface" "vm" {
  name                = "nic-vm-app-01"
  location            = "westeurope"
  resource_group_name = "rg-workload"

  ip_configuration {
    name                          = "ipconfig1"
    subnet_id                     = data.azurerm_subnet.app.id
    private_ip_address_allocation = "Dynamic"
  }
}

resource "azurerm_network_security_group" "vm" {
  name                = "nsg-vm"
  location            = "westeurope"
  resource_group_name = "rg-workload"

  security_rule {
    name                       = "deny-internet-out"
    priority                   = 4000
    direction                  = "Outbound"
    access                     = "Deny"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "*"
    source_address_prefix      = "*"
    destination_address_prefix = "Internet"
  }
}
${
  opts.nsgOnNic
    ? `
resource "azurerm_network_interface_security_group_association" "vm" {
  network_interface_id      = azurerm_network_interface.vm.id
  network_security_group_id = azurerm_network_security_group.vm.id
}
`
    : ''
}`

const servers: ArmServer[] = []
afterAll(async () => Promise.all(servers.map((s) => s.close())))

async function judge(tf: string) {
  const server = await startArmServer({ inventory: { subscriptions: { [SUB]: ESTATE } }, lroPolls: 0 })
  servers.push(server)
  const live = await readDeployed({
    credential: staticCredential(),
    cloud: 'AzureCloud',
    endpoint: server.url,
    subscriptionIds: [SUB],
    effectiveRoutes: false,
    timeBudgetMs: 60_000,
    clientOptions: { ...server.clientOptions },
  })
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kms-nic-nsg-live-')))
  fs.writeFileSync(path.join(dir, 'main.tf'), tf)
  const result = await scan({
    path: dir,
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
    deployed: live.deployed,
  })
  return { result, app: result.verdict.subnets.find((s) => s.address.toLowerCase() === APP.toLowerCase())! }
}

test("the workload's NIC NSG blocks KMS for the deployed subnet it reads (KMS006 naming the NIC)", async () => {
  const { result, app } = await judge(workload({ nsgOnNic: true }))
  expect(app).toMatchObject({ state: 'blocked', format: 'live' })
  expect(app.hop).toMatch(/NSG nsg-vm on NIC nic-vm-app-01: rule deny-internet-out denies/)
  expect(result.findings.find((f) => f.ruleId === 'KMS006')?.message).toMatch(
    /deny-internet-out in nsg-vm \(set on network interface nic-vm-app-01\).*route table rt-app overrides 0\.0\.0\.0\/0/,
  )
})

test('negative control: the NSG not set on the NIC leaves the deployed subnet reachable', async () => {
  expect((await judge(workload({ nsgOnNic: false }))).app.state).toBe('reachable')
})
