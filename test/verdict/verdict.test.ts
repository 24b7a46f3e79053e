/**
 * The honest verdict through the whole pipeline: reachable only where the path was followed to an Azure
 * egress, blocked with the deciding hop, undecided with what would decide it, and "nothing found" for a
 * folder without an Azure network.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parseConfig } from '../../src/config/config'
import { scan } from '../../src/pipeline/scan'
import { TF_SPOKE_VNET } from '../helpers/hcl-network'
import { tree as treeOn } from '../helpers/tree'

const tree = (files: Record<string, string>) => treeOn(files, 'kms-verdict-')

const run = (dir: string, extra: Partial<Parameters<typeof scan>[0]> = {}) =>
  scan({ path: dir, cloud: 'AzureCloud', varFiles: [], workers: false, ...extra })

const spoke = (route: string, extra = '') => `${TF_SPOKE_VNET}
resource "azurerm_subnet" "app" {
  name                 = "snet-app"
  resource_group_name  = "rg-spoke"
  virtual_network_name = "vnet-spoke"
  address_prefixes     = ["10.1.1.0/24"]
}

resource "azurerm_subnet" "web" {
  name                 = "snet-web"
  resource_group_name  = "rg-spoke"
  virtual_network_name = "vnet-spoke"
  address_prefixes     = ["10.1.2.0/24"]
}

resource "azurerm_route_table" "spoke" {
  name                = "rt-spoke"
  location            = "westeurope"
  resource_group_name = "rg-spoke"
${route}
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.spoke.id
}
${extra}`

test('an empty folder and a folder without an Azure network are "nothing found", never reachable', async () => {
  const empty = await run(tree({}))
  expect(empty.verdict.overall).toBe('none')
  expect(empty.verdict.files).toEqual({ read: 0, skipped: 0 })

  const aws = await run(
    tree({
      'main.tf': `resource "aws_instance" "web" {\n  ami           = "ami-0c55b159cbfafe1f0"\n  instance_type = "t3.micro"\n}\n`,
      'big.tf': `# ${'x'.repeat(6 * 1024 * 1024)}\n`,
    }),
  )
  expect(aws.verdict.overall).toBe('none')
  expect(aws.verdict.subnets).toEqual([])
  expect(aws.verdict.files.read).toBe(1)
  expect(aws.verdict.files.skipped).toBe(1)
})

test('a forced tunnel blocks one subnet at its route; the other subnet is reachable', async () => {
  const dir = tree({
    'main.tf': spoke(`  route {
    name           = "default"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "VirtualNetworkGateway"
  }`),
  })
  const { verdict } = await run(dir)
  expect(verdict.overall).toBe('blocked')
  expect(verdict.blocked).toBe(1)
  expect(verdict.reachable).toBe(1)
  const app = verdict.subnets.find((s) => s.subnet === 'snet-app')!
  expect(app).toMatchObject({ state: 'blocked', vnet: 'vnet-spoke', address: 'azurerm_subnet.app' })
  expect(app.hop).toBe(
    'route default 0.0.0.0/0 → VirtualNetworkGateway (on-premises) in rt-spoke (azurerm_route_table.spoke)',
  )
  expect(verdict.subnets.find((s) => s.subnet === 'snet-web')!.state).toBe('reachable')
})

test('a variable without value is undecided: the hop, why, and a var file to decide it', async () => {
  const dir = tree({
    'main.tf':
      `variable "default_next_hop" {\n  type = string\n}\n` +
      spoke(`  route {
    name           = "default"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = var.default_next_hop
  }`),
  })
  const { verdict } = await run(dir)
  expect(verdict.overall).toBe('undecided')
  const app = verdict.subnets.find((s) => s.subnet === 'snet-app')!
  expect(app.state).toBe('undecided')
  expect(app.hop).toContain('var.default_next_hop')
  expect(app.resolve).toMatch(/var file/)

  // The var file decides it.
  fs.writeFileSync(path.join(dir, 'prod.tfvars'), 'default_next_hop = "Internet"\n')
  const decided = await run(dir, { varFiles: [path.join(dir, 'prod.tfvars')] })
  expect(decided.verdict.overall).toBe('reachable')
  expect(decided.verdict.reachable).toBe(2)
})

test('an appliance is undecided until the config vouches for it', async () => {
  const dir = tree({
    'main.tf': spoke(`  route {
    name                   = "default"
    address_prefix         = "0.0.0.0/0"
    next_hop_type          = "VirtualAppliance"
    next_hop_in_ip_address = "10.0.0.4"
  }`),
  })
  const before = await run(dir)
  expect(before.verdict.overall).toBe('undecided')
  const app = before.verdict.subnets.find((s) => s.subnet === 'snet-app')!
  expect(app.hop).toBe('appliance 10.0.0.4')
  expect(app.resolve).toMatch(/allowed-appliances/)

  const file = path.join(dir, '.azure-kms-guard.yml')
  const text =
    'allowed-appliances:\n  - address: 10.0.0.4\n    reason: egress NVA with a public IP in Azure\n'
  fs.writeFileSync(file, text)
  const config = { ...parseConfig(text, file), file }
  expect(config.problems).toEqual([])
  const after = await run(dir, { config })
  expect(after.verdict.overall).toBe('reachable')
})

const subnetWithTable = (name: string, prefix: string, routes: string) => `
resource "azurerm_subnet" "${name}" {
  name                 = "snet-${name}"
  resource_group_name  = "rg-spoke"
  virtual_network_name = "vnet-spoke"
  address_prefixes     = ["${prefix}"]
}

resource "azurerm_route_table" "${name}" {
  name                = "rt-${name}"
  location            = "westeurope"
  resource_group_name = "rg-spoke"
${routes}
}

resource "azurerm_subnet_route_table_association" "${name}" {
  subnet_id      = azurerm_subnet.${name}.id
  route_table_id = azurerm_route_table.${name}.id
}
`

const route = (name: string, prefix: string, hop: string) =>
  `  route {\n    name           = "${name}"\n    address_prefix = "${prefix}"\n    next_hop_type  = ${hop}\n  }`

test('blocked outweighs undecided: one blocked subnet makes the scan blocked, whatever else is undecided', async () => {
  const dir = tree({
    'main.tf':
      `variable "hop" {\n  type = string\n}\n` +
      subnetWithTable('app', '10.1.1.0/24', route('default', '0.0.0.0/0', '"VirtualNetworkGateway"')) +
      subnetWithTable('web', '10.1.2.0/24', route('default', '0.0.0.0/0', 'var.hop')),
  })
  const { verdict } = await run(dir)
  expect(verdict.subnets.map((s) => [s.subnet, s.state]).sort()).toEqual([
    ['snet-app', 'blocked'],
    ['snet-web', 'undecided'],
  ])
  expect(verdict).toMatchObject({ overall: 'blocked', blocked: 1, undecided: 1, reachable: 0 })
})

test("within one subnet the blocked KMS address decides: its path and hop, not the undecided address's", async () => {
  const dir = tree({
    'main.tf':
      `variable "hop" {\n  type = string\n}\n` +
      subnetWithTable(
        'app',
        '10.1.1.0/24',
        [
          route('kms-dropped', '20.118.99.224/32', '"None"'),
          route('kms-unknown', '40.83.235.53/32', 'var.hop'),
        ].join('\n\n'),
      ),
  })
  const { verdict } = await run(dir)
  const app = verdict.subnets.find((s) => s.subnet === 'snet-app')!
  expect(app.state).toBe('blocked')
  expect(app.hop).toBe('route kms-dropped 20.118.99.224/32 → None in rt-app (azurerm_route_table.app)')
  expect(app.path).toContain('20.118.99.224')
  expect(app.path).not.toContain('40.83.235.53')
})

test('a subnet judged under two clouds counts once per cloud', async () => {
  const providers =
    'provider "azurerm" {\n  features {}\n  environment = "public"\n}\n\n' +
    'provider "azurerm" {\n  alias       = "gov"\n  features {}\n  environment = "usgovernment"\n}\n'
  const dir = tree({
    'main.tf':
      providers +
      subnetWithTable('app', '10.1.1.0/24', route('default', '0.0.0.0/0', '"VirtualNetworkGateway"')),
  })
  const { verdict } = await run(dir, { cloud: 'auto' })
  expect(verdict.subnets.map((s) => [s.subnet, s.cloud, s.state]).sort()).toEqual([
    ['snet-app', 'AzureCloud', 'blocked'],
    ['snet-app', 'AzureUSGovernment', 'blocked'],
  ])
  expect(verdict.blocked).toBe(2)
})

test('one subnet declared twice under conditions the scan cannot evaluate: judged with each, undecided naming the condition', async () => {
  // An ARM template that picks the subnet's shape by a parameter no parameter file sets: either declaration
  // may deploy, so the forced-tunnel one must not be lost behind the plain one above it, nor taken as sure.
  const subnet = (condition: string, routeTable: boolean) => ({
    type: 'Microsoft.Network/virtualNetworks/subnets',
    apiVersion: '2023-09-01',
    name: 'vnet-app/snet-app',
    condition,
    dependsOn: ["[resourceId('Microsoft.Network/virtualNetworks', 'vnet-app')]"],
    properties: {
      addressPrefix: '10.1.1.0/24',
      ...(routeTable
        ? { routeTable: { id: "[resourceId('Microsoft.Network/routeTables', 'rt-app')]" } }
        : {}),
    },
  })
  const template = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: { forceTunnel: { type: 'bool' } },
    resources: [
      {
        type: 'Microsoft.Network/virtualNetworks',
        apiVersion: '2023-09-01',
        name: 'vnet-app',
        location: 'westeurope',
        properties: { addressSpace: { addressPrefixes: ['10.1.0.0/16'] } },
      },
      {
        type: 'Microsoft.Network/routeTables',
        apiVersion: '2023-09-01',
        name: 'rt-app',
        location: 'westeurope',
        properties: {
          routes: [
            {
              name: 'to-onprem',
              properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualNetworkGateway' },
            },
          ],
        },
      },
      subnet("[not(parameters('forceTunnel'))]", false),
      subnet("[parameters('forceTunnel')]", true),
    ],
  }
  const text = JSON.stringify(template, null, 2)
  const dir = tree({ 'network.json': text })
  const { verdict } = await run(dir)
  expect(verdict.subnets).toHaveLength(1)
  const [app] = verdict.subnets
  expect(app).toMatchObject({ subnet: 'snet-app', state: 'undecided' })
  expect(app!.hop).toContain("condition `[not(parameters('forceTunnel'))]`")
  expect(app!.why).toMatch(
    /if it is, KMS traffic reaches Azure KMS .*; if not, it is blocked \(snet-app → rt-app: 0\.0\.0\.0\/0 → VirtualNetworkGateway\)/,
  )
  expect(verdict.overall).toBe('undecided')
})
