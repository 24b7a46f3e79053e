/**
 * Two VNets named `vnet-spoke` in two resource groups, each with `snet-app` forced on-premises: every
 * format names the subnets apart (`vnet-spoke (rg-spoke-a)/snet-app`), consistently, while a name that is
 * unique in the scan stays short (`vnet-hub/snet-mgmt`).
 */
import { scan } from '../../src/pipeline/scan'
import { buildReport } from '../../src/report/model'
import { renderReport } from '../../src/report/render'
import { toJsonReport } from '../../src/report/json'
import { toSarif } from '../../src/report/sarif'
import { toText } from '../../src/report/text'
import { allRules } from '../../src/rules/index'
import { tree as treeOn } from '../helpers/tree'

const spoke = (key: string, space: number) => `
resource "azurerm_route_table" "spoke_${key}" {
  name                = "rt-spoke"
  location            = "westeurope"
  resource_group_name = "rg-spoke-${key}"

  route {
    name           = "default-to-onprem"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "VirtualNetworkGateway"
  }
}

resource "azurerm_virtual_network" "spoke_${key}" {
  name                = "vnet-spoke"
  location            = "westeurope"
  resource_group_name = "rg-spoke-${key}"
  address_space       = ["10.${space}.0.0/16"]

  subnet {
    name             = "snet-app"
    address_prefixes = ["10.${space}.1.0/24"]
    route_table_id   = azurerm_route_table.spoke_${key}.id
  }
}
`

const HUB = `
resource "azurerm_route_table" "hub" {
  name                = "rt-hub"
  location            = "westeurope"
  resource_group_name = "rg-hub"

  route {
    name           = "default-to-onprem"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "VirtualNetworkGateway"
  }
}

resource "azurerm_virtual_network" "hub" {
  name                = "vnet-hub"
  location            = "westeurope"
  resource_group_name = "rg-hub"
  address_space       = ["10.0.0.0/16"]

  subnet {
    name             = "snet-mgmt"
    address_prefixes = ["10.0.1.0/24"]
    route_table_id   = azurerm_route_table.hub.id
  }
}
`

test('same-named VNets are qualified by resource group in findings, verdicts, text, Markdown, JSON and SARIF; a unique name stays short', async () => {
  const root = treeOn({ 'main.tf': spoke('a', 1) + spoke('b', 2) + HUB }, 'kms-labels-')
  const result = await scan({ path: root, cloud: 'AzureCloud', varFiles: [], workers: false })
  const labels = ['vnet-spoke (rg-spoke-a)/snet-app', 'vnet-spoke (rg-spoke-b)/snet-app']

  const kms001 = result.findings.filter((f) => f.ruleId === 'KMS001')
  expect(kms001.flatMap((f) => f.subnets ?? []).sort()).toEqual([...labels, 'vnet-hub/snet-mgmt'].sort())
  expect(kms001.flatMap((f) => (f.subnetPaths ?? []).map((p) => p.subnet)).sort()).toEqual(
    [...labels, 'vnet-hub/snet-mgmt'].sort(),
  )
  expect(result.verdict.subnets.map((s) => s.vnet).sort()).toEqual([
    'vnet-hub',
    'vnet-spoke (rg-spoke-a)',
    'vnet-spoke (rg-spoke-b)',
  ])

  const text = toText(result, root)
  // Markdown escapes punctuation as numeric entities: read it as it renders.
  const markdown = renderReport(
    buildReport({ result, root, event: 'cli', failOn: 'error' }),
    'markdown',
  ).replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
  const json = JSON.stringify(toJsonReport(result, root))
  const sarif = JSON.stringify(toSarif(result, allRules))
  for (const out of [text, markdown, json, sarif]) {
    for (const l of labels) expect(out).toContain(l)
    // Never the bare, ambiguous label.
    expect(out).not.toMatch(/vnet-spoke\/snet-app/)
  }
})

/** Every report format of a scan, Markdown read as it renders. */
function everyFormat(result: Awaited<ReturnType<typeof scan>>, root: string): string[] {
  const model = buildReport({ result, root, event: 'cli', failOn: 'error' })
  const md = (s: 'markdown' | 'comment' | 'summary') =>
    renderReport(model, s).replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
  return [
    toText(result, root),
    md('markdown'),
    md('comment'),
    md('summary'),
    JSON.stringify(toJsonReport(result, root)),
    JSON.stringify(toSarif(result, allRules)),
  ]
}

test('two root modules that each declare vnet-spoke in their own resource group: every format names the subnets apart', async () => {
  const root = treeOn(
    { 'envs/a/main.tf': spoke('a', 1), 'envs/b/main.tf': spoke('b', 2), 'hub/main.tf': HUB },
    'kms-labels-units-',
  )
  const result = await scan({ path: root, cloud: 'AzureCloud', varFiles: [], workers: false })
  const labels = ['vnet-spoke (rg-spoke-a)/snet-app', 'vnet-spoke (rg-spoke-b)/snet-app']

  const kms001 = result.findings.filter((f) => f.ruleId === 'KMS001')
  expect(kms001.map((f) => f.unit).sort()).toEqual(['envs/a', 'envs/b', 'hub'])
  expect(kms001.flatMap((f) => f.subnets ?? []).sort()).toEqual([...labels, 'vnet-hub/snet-mgmt'].sort())
  expect(kms001.flatMap((f) => (f.subnetPaths ?? []).map((p) => p.subnet)).sort()).toEqual(
    [...labels, 'vnet-hub/snet-mgmt'].sort(),
  )
  // The message names the subnet the same way.
  expect(kms001.find((f) => f.unit === 'envs/a')!.message).toContain(labels[0])
  expect(result.verdict.subnets.map((s) => s.vnet).sort()).toEqual([
    'vnet-hub',
    'vnet-spoke (rg-spoke-a)',
    'vnet-spoke (rg-spoke-b)',
  ])
  for (const out of everyFormat(result, root)) {
    for (const l of labels) expect(out).toContain(l)
    expect(out).not.toMatch(/vnet-spoke\/snet-app/)
  }
  // The JSON verdict carries the label, not the model's bookkeeping.
  const json = toJsonReport(result, root)
  expect(json.verdict.subnets.map((s) => s.vnet).sort()).toEqual([
    'vnet-hub',
    'vnet-spoke (rg-spoke-a)',
    'vnet-spoke (rg-spoke-b)',
  ])
  expect(JSON.stringify(json)).not.toContain('vnetMention')
})

test('the same VNet named by two root modules, and names no other unit shares, stay short', async () => {
  // Two root modules in one resource group: one VNet in Azure, read by both (a route table each).
  const root = treeOn(
    { 'envs/a/main.tf': spoke('a', 1), 'envs/a2/main.tf': spoke('a', 1), 'hub/main.tf': HUB },
    'kms-labels-same-',
  )
  const result = await scan({ path: root, cloud: 'AzureCloud', varFiles: [], workers: false })
  const kms001 = result.findings.filter((f) => f.ruleId === 'KMS001')
  expect(kms001.flatMap((f) => f.subnets ?? []).sort()).toEqual([
    'vnet-hub/snet-mgmt',
    'vnet-spoke/snet-app',
    'vnet-spoke/snet-app',
  ])
  for (const out of everyFormat(result, root)) expect(out).not.toMatch(/vnet-spoke \(/)
})

test('same-named VNets of two Bicep deployments whose resource group is the deployment’s: told apart by file, briefly', async () => {
  // As in Microsoft's AKS landing zone accelerator: a hub template and an all-in-one template each deploy
  // a VNet of the same name into the resource group they are deployed to, which the code does not name.
  const hub = (prefix: string) => `
resource rt 'Microsoft.Network/routeTables@2023-09-01' = {
  name: 'rt-hub'
  location: 'westeurope'
  properties: {
    disableBgpRoutePropagation: true
    routes: [
      {
        name: 'forced-tunnel'
        properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualNetworkGateway' }
      }
    ]
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-hub'
  location: 'westeurope'
  properties: {
    addressSpace: { addressPrefixes: ['${prefix}.0.0/16'] }
    subnets: [
      {
        name: 'snet-vm'
        properties: { addressPrefix: '${prefix}.1.0/24', routeTable: { id: rt.id } }
      }
    ]
  }
}
`
  const root = treeOn(
    { 'scenario/03-hub/main.bicep': hub('10.0'), 'scenario/all-in-one/main.bicep': hub('10.9') },
    'kms-labels-bicep-',
  )
  const result = await scan({ path: root, cloud: 'AzureCloud', varFiles: [], workers: false })
  expect(result.verdict.subnets.map((s) => `${s.vnet}/${s.subnet}`).sort()).toEqual([
    'vnet-hub (03-hub/main.bicep)/snet-vm',
    'vnet-hub (all-in-one/main.bicep)/snet-vm',
  ])
  const kms001 = result.findings.filter((f) => f.ruleId === 'KMS001')
  expect(kms001.flatMap((f) => f.subnets ?? []).sort()).toEqual([
    'vnet-hub (03-hub/main.bicep)/snet-vm',
    'vnet-hub (all-in-one/main.bicep)/snet-vm',
  ])
})
