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
import { toAnnotations } from '../../src/report/annotations'
import { formatJunit } from '../../src/report/junit'
import { formatGitlab } from '../../src/report/gitlab'
import { formatAzurePipelines } from '../../src/report/azure-pipelines'
import { allRules } from '../../src/rules/index'
import { tree as treeOn } from '../helpers/tree'
import { FORCED_TUNNEL, spoke as spokeEnv } from '../helpers/tf-environments'

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

/**
 * A spoke root module as landing zones write one: `vnet-spoke` with snet-app forced on-premises, and
 * snet-data sent to a firewall whose address is looked up by `vnet/subnet` in a map the module is not
 * given (so the notice quotes that IaC value).
 */
const spokeRoot = (key: string, space: number) => `${spoke(key, space)}
variable "firewall_ips" {
  type = map(string)
}

resource "azurerm_route_table" "data_${key}" {
  name                = "rt-data"
  location            = "westeurope"
  resource_group_name = "rg-spoke-${key}"

  route {
    name                   = "default-to-firewall"
    address_prefix         = "0.0.0.0/0"
    next_hop_type          = "VirtualAppliance"
    next_hop_in_ip_address = lookup(var.firewall_ips, "vnet-spoke/snet-data")
  }
}

resource "azurerm_subnet" "data_${key}" {
  name                 = "snet-data"
  resource_group_name  = "rg-spoke-${key}"
  virtual_network_name = azurerm_virtual_network.spoke_${key}.name
  address_prefixes     = ["10.${space}.2.0/24"]
}

resource "azurerm_subnet_route_table_association" "data_${key}" {
  subnet_id      = azurerm_subnet.data_${key}.id
  route_table_id = azurerm_route_table.data_${key}.id
}
`

/** Every format a finding reaches, with Markdown and XML entities read as they render. */
function allFormats(result: Awaited<ReturnType<typeof scan>>, root: string): Record<string, string> {
  const entities = (s: string) =>
    s
      .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
  // JSON formats as the strings they hold (a quote in a message is `\"` in the file).
  const strings = (v: unknown): string => JSON.stringify(v).replace(/\\"/g, '"')
  const model = buildReport({ result, root, event: 'cli', failOn: 'error' })
  return {
    text: toText(result, root, { width: 10000 }),
    markdown: entities(renderReport(model, 'markdown')),
    comment: entities(renderReport(model, 'comment')),
    summary: entities(renderReport(model, 'summary')),
    json: strings(toJsonReport(result, root)),
    sarif: strings(toSarif(result, allRules)),
    annotations: strings(toAnnotations(result.findings, root).map((a) => a.message)),
    junit: entities(formatJunit(result, root, allRules)),
    gitlab: strings(JSON.parse(formatGitlab(result, root))),
    azurePipelines: formatAzurePipelines(result, root).replace(/%([0-9A-F]{2})/g, (_m, h: string) =>
      String.fromCharCode(parseInt(h, 16)),
    ),
  }
}

test('labels qualified across root modules are rendered from the findings’ structure: every format agrees, and an IaC value or a longer VNet name that spells a label is left as written', async () => {
  // envs/a and envs/b each declare vnet-spoke (in rg-spoke-a, rg-spoke-b); the hub declares
  // my-vnet-spoke, a name that contains the shared one and that no other VNet has.
  const hub = spoke('hub', 9).replace('"vnet-spoke"', '"my-vnet-spoke"')
  const root = treeOn(
    { 'envs/a/main.tf': spokeRoot('a', 1), 'envs/b/main.tf': spokeRoot('b', 2), 'hub/main.tf': hub },
    'kms-labels-parts-',
  )
  const result = await scan({ path: root, cloud: 'AzureCloud', varFiles: [], workers: false })
  const app = ['vnet-spoke (rg-spoke-a)/snet-app', 'vnet-spoke (rg-spoke-b)/snet-app']
  const data = ['vnet-spoke (rg-spoke-a)/snet-data', 'vnet-spoke (rg-spoke-b)/snet-data']
  const lookup = 'lookup(var.firewall_ips, "vnet-spoke/snet-data")'

  // The findings: forced tunnels (KMS001) and the notices naming the unresolved firewall address (KMS011).
  const kms001 = result.findings.filter((f) => f.ruleId === 'KMS001')
  expect(kms001.flatMap((f) => f.subnets ?? []).sort()).toEqual([...app, 'my-vnet-spoke/snet-app'].sort())
  const kms011 = result.findings.filter((f) => f.ruleId === 'KMS011')
  expect(kms011.map((f) => f.unit).sort()).toEqual(['envs/a', 'envs/b'])
  for (const f of kms011) {
    const label = f.unit === 'envs/a' ? data[0]! : data[1]!
    // The subnet is named as the report labels it; the IaC value is quoted as written.
    expect(f.message).toContain(`from ${label},`)
    expect(f.message).toContain(`\`${lookup}\``)
    expect(f.subnets).toEqual([label])
  }
  expect(result.verdict.subnets.map((s) => `${s.vnet}/${s.subnet}`).sort()).toEqual(
    [...app, ...data, 'my-vnet-spoke/snet-app'].sort(),
  )

  const bare = /(?<![\w-])vnet-spoke\/snet-(?:app|data)/g
  for (const [name, out] of Object.entries(allFormats(result, root))) {
    // Each format names every subnet a finding names, the same way (annotations are cut to a few
    // sentences: they carry the message's start, which names the route and where it sends KMS).
    if (name !== 'annotations')
      for (const l of [...app, ...data]) expect({ name, has: out.includes(l) }).toEqual({ name, has: true })
    expect({ name, longer: out.includes('my-vnet-spoke (') }).toEqual({ name, longer: false })
    // No label slot (src/rules/mention-text.ts) reaches a format.
    expect({ name, slot: out.includes('\uFDD0') }).toEqual({ name, slot: false })
    // A bare `vnet-spoke/snet-…` is only ever the IaC value, quoted as written.
    const quoted = out.split(lookup).length - 1
    expect({ name, bare: [...out.matchAll(bare)].length }).toEqual({ name, bare: quoted })
    if (name !== 'annotations') expect({ name, quoted: quoted > 0 }).toEqual({ name, quoted: true })
  }
})

test('a finding of an environment keeps its variant prefix when its labels are qualified (the prefix is part of its texts)', async () => {
  // One spoke root applied with env/a.tfvars and env/b.tfvars, each into its own resource group: two
  // vnet-spoke, one per environment, both forced on-premises.
  const root = spokeEnv()
    .replace('name     = "rg-vnet-spoke"', 'name     = var.rg')
    .replace(
      'variable "routes"',
      'variable "rg" {\n  type    = string\n  default = "rg-spoke"\n}\nvariable "routes"',
    )
  const dir = treeOn(
    {
      'spoke/main.tf': root,
      'spoke/env/a.tfvars': `rg = "rg-spoke-a"\n${FORCED_TUNNEL}`,
      'spoke/env/b.tfvars': `rg = "rg-spoke-b"\n${FORCED_TUNNEL}`,
    },
    'kms-labels-env-',
  )
  const result = await scan({ path: dir, cloud: 'AzureCloud', varFiles: [], workers: false })
  const kms001 = result.findings.filter((f) => f.ruleId === 'KMS001')
  expect(
    kms001.map((f) => f.message.replace(/\] The route .*? Windows VMs in (\S+ \S+) fail.*$/, '] $1')).sort(),
  ).toEqual([
    '[deployment variant spoke/env/a.tfvars] vnet-spoke (rg-spoke-a)/snet-app',
    '[deployment variant spoke/env/b.tfvars] vnet-spoke (rg-spoke-b)/snet-app',
  ])
})

test('a VNet name holding the characters the label slots are made of is named as written, and qualified like any other', async () => {
  // U+FDD0 and U+FDD1 are what a slot is written with (src/rules/mention-text.ts): a name from a scanned
  // file that holds them is text, never a slot.
  const name = 'vnet-\uFDD0spoke\uFDD1'
  const hostile = (key: string, space: number) => spoke(key, space).replace('"vnet-spoke"', `"${name}"`)
  const root = treeOn(
    { 'envs/a/main.tf': hostile('a', 1), 'envs/b/main.tf': hostile('b', 2) },
    'kms-labels-hostile-',
  )
  const result = await scan({ path: root, cloud: 'AzureCloud', varFiles: [], workers: false })
  const kms001 = result.findings.filter((f) => f.ruleId === 'KMS001')
  const labels = [`${name} (rg-spoke-a)/snet-app`, `${name} (rg-spoke-b)/snet-app`]
  expect(kms001.flatMap((f) => f.subnets ?? []).sort()).toEqual(labels)
  for (const f of kms001) expect(labels.filter((l) => f.message.includes(l))).toHaveLength(1)
})
