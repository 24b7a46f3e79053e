import * as path from 'node:path'
import { parseConfig } from '../src/config/config'
import { scan } from '../src/pipeline/scan'
import { TF_SPOKE_VNET } from './helpers/hcl-network'
import { tree as treeOn } from './helpers/tree'

const tree = (files: Record<string, string>) => treeOn(files, 'kms-scan-')

/** A hub whose firewall policy allows KMS by address, or not at all, and a spoke routed through it. */
function landingZone(allowKms: boolean): string {
  const kmsRule = `
  network_rule_collection {
    name     = "platform"
    priority = 100
    action   = "Allow"
    rule {
      name                  = "azure-kms"
      protocols             = ["TCP"]
      source_addresses      = ["*"]
      destination_addresses = ["20.118.99.224", "40.83.235.53", "23.102.135.246"]
      destination_ports     = ["1688"]
    }
  }`
  return `${TF_SPOKE_VNET}
resource "azurerm_subnet" "fw" {
  name                 = "AzureFirewallSubnet"
  resource_group_name  = "rg-hub"
  virtual_network_name = "vnet-hub"
  address_prefixes     = ["10.0.0.0/26"]
}

resource "azurerm_firewall_policy" "hub" {
  name                = "afwp-hub"
  location            = "westeurope"
  resource_group_name = "rg-hub"
}

resource "azurerm_firewall_policy_rule_collection_group" "hub" {
  name               = "rcg"
  firewall_policy_id = azurerm_firewall_policy.hub.id
  priority           = 100
${
  allowKms
    ? kmsRule
    : `
  network_rule_collection {
    name     = "web"
    priority = 100
    action   = "Allow"
    rule {
      name                  = "https"
      protocols             = ["TCP"]
      source_addresses      = ["*"]
      destination_addresses = ["*"]
      destination_ports     = ["443"]
    }
  }`
}
}

resource "azurerm_firewall" "hub" {
  name                = "afw-hub"
  location            = "westeurope"
  resource_group_name = "rg-hub"
  sku_name            = "AZFW_VNet"
  sku_tier            = "Standard"
  firewall_policy_id  = azurerm_firewall_policy.hub.id
  ip_configuration {
    name      = "ipconfig"
    subnet_id = azurerm_subnet.fw.id
  }
}

resource "azurerm_subnet" "app" {
  name                 = "snet-app"
  resource_group_name  = "rg-spoke"
  virtual_network_name = "vnet-spoke"
  address_prefixes     = ["10.1.1.0/24"]
}

resource "azurerm_route_table" "spoke" {
  name                = "rt-spoke"
  location            = "westeurope"
  resource_group_name = "rg-spoke"
  route {
    name                   = "default"
    address_prefix         = "0.0.0.0/0"
    next_hop_type          = "VirtualAppliance"
    next_hop_in_ip_address = azurerm_firewall.hub.ip_configuration[0].private_ip_address
  }
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.spoke.id
}
`
}

test('two root modules that declare the same addresses are judged each on its own', async () => {
  const dir = tree({ 'lz-allows/main.tf': landingZone(true), 'lz-denies/main.tf': landingZone(false) })
  const result = await scan({ path: dir, cloud: 'AzureCloud', varFiles: [], workers: false })
  const kms003 = result.findings.filter((f) => f.ruleId === 'KMS003')
  expect(kms003.map((f) => path.relative(dir, f.location.file))).toEqual(['lz-denies/main.tf'])
  expect(result.findings.filter((f) => f.severity === 'error')).toHaveLength(1)
})

test('config: excluded paths are not read, severities apply, inline suppressions need a reason', async () => {
  const forcedTunnel = (name: string, comment: string) => `${comment}
resource "azurerm_route_table" "${name}" {
  name                = "rt-${name}"
  location            = "westeurope"
  resource_group_name = "rg"
  route {
    name           = "default"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "VirtualNetworkGateway"
  }
}
`
  const dir = tree({
    'infra/a.tf': forcedTunnel('a', '# azure-kms-guard:ignore KMS001 decommissioned next sprint'),
    'infra/b.tf': forcedTunnel('b', '# azure-kms-guard:ignore KMS001'),
    'sandbox/c.tf': forcedTunnel('c', ''),
  })
  const text = 'exclude: ["sandbox/**"]\nrules:\n  KMS009: off\n'
  const config = {
    ...parseConfig(text, path.join(dir, '.azure-kms-guard.yml')),
    file: path.join(dir, '.azure-kms-guard.yml'),
  }
  expect(config.problems).toEqual([])
  const result = await scan({
    path: dir,
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
    config,
    repoRoot: dir,
  })
  const where = (f: { ruleId: string; location: { file: string } }) =>
    `${f.ruleId} ${path.relative(dir, f.location.file)}`
  expect(result.suppressed.map((s) => `${where(s.finding)}: ${s.reason}`)).toEqual([
    'KMS001 infra/a.tf: decommissioned next sprint',
  ])
  // Without a reason nothing is suppressed, and the comment itself is reported.
  expect(result.findings.map(where).sort()).toEqual(['KMS001 infra/b.tf', 'KMS012 infra/b.tf'])
})

test('an allowed appliance is a way out, an unknown one is not', async () => {
  const dir = tree({
    'main.tf': `resource "azurerm_route_table" "nva" {
  name                = "rt-nva"
  location            = "westeurope"
  resource_group_name = "rg"
  route {
    name                   = "default"
    address_prefix         = "0.0.0.0/0"
    next_hop_type          = "VirtualAppliance"
    next_hop_in_ip_address = "10.0.2.4"
  }
}
`,
  })
  const before = await scan({ path: dir, cloud: 'AzureCloud', varFiles: [], workers: false })
  expect(before.findings.map((f) => f.ruleId)).toEqual(['KMS004'])
  const config = parseConfig(
    'allowed-appliances:\n  - address: 10.0.2.0/24\n    reason: NVA pair with public IPs\n',
  )
  const after = await scan({
    path: dir,
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
    config,
    repoRoot: dir,
  })
  expect(after.findings).toEqual([])
})

test('a parse error in a module judged under two clouds is reported once per error, without a cloud', async () => {
  const dir = tree({
    'main.tf': `provider "azurerm" {
  features {}
  environment = "public"
}

provider "azurerm" {
  alias       = "gov"
  features {}
  environment = "usgovernment"
}

resource "azurerm_route_table" "broken" {
  name = "rt-\${
}
`,
  })
  const result = await scan({ path: dir, cloud: 'auto', varFiles: [], workers: false })
  expect(result.clouds).toEqual(['AzureCloud', 'AzureUSGovernment'])
  const kms012 = result.findings.filter((f) => f.ruleId === 'KMS012')
  expect(kms012.length).toBeGreaterThan(0)
  expect(kms012.every((f) => f.message.startsWith('Syntax error in main.tf'))).toBe(true)
  expect(new Set(kms012.map((f) => f.message)).size).toBe(kms012.length)
})

test('a broken config is reported even when it turns KMS012 off', async () => {
  const dir = tree({ 'main.tf': 'resource "azurerm_resource_group" "rg" {\n  name = "rg"\n}\n' })
  const file = path.join(dir, '.azure-kms-guard.yml')
  const config = { ...parseConfig('rules:\n  KMS012: off\n  KMS004: loud\n', file), file }
  expect(config.problems.length).toBeGreaterThan(0)
  const result = await scan({
    path: dir,
    cloud: 'AzureCloud',
    varFiles: [],
    workers: false,
    config,
    repoRoot: dir,
  })
  expect(
    result.findings.map((f) => `${f.ruleId} ${path.basename(f.location.file)}:${f.location.startLine}`),
  ).toEqual(['KMS012 .azure-kms-guard.yml:3'])
})
