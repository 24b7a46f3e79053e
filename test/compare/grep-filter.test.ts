/**
 * Which files of a pull request's head may hold what the reader and provider tests look for
 * (src/compare/grep-filter.ts), from git grep over a real checkout: the filter never changes which units the
 * tests find (the same as reading every file, however the data source, the `existing` keyword or the name is
 * written), and it leaves out the files that only declare networks or hold a longer name, which every unit of
 * a landing-zone repository has.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { grepFilter } from '../../src/compare/grep-filter'
import { readHeadIndex } from '../../src/compare/head-index'
import {
  checkoutTexts,
  namingSearch,
  namingUnits,
  readerSearch,
  vnetReaders,
} from '../../src/compare/vnet-readers'
import { providerSearch, vnetProviders } from '../../src/compare/vnet-providers'
import { git } from '../github/git-fixture'

let dir: string
beforeEach(() => (dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kms-grep-filter-')))))
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

/** A committed checkout of `files`; each top directory is a unit. */
function checkout(files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), text)
  }
  git(dir, 'init', '-q')
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'head')
  const keys = [...new Set(Object.keys(files).map((f) => f.split('/')[0]!))]
  return keys.map((key) => ({
    key,
    files: Object.keys(files)
      .filter((f) => f.startsWith(`${key}/`))
      .map((f) => path.join(dir, ...f.split('/'))),
  }))
}

const declares = (type: string, name: string) =>
  `resource "${type}" "this" {\n  name                = "${name}"\n  resource_group_name = "rg-hub"\n}\n`

/** Units a landing-zone repository has that read nothing of another unit: the filter must leave them out. */
const DECLARING_ONLY = {
  'lz-70/hub.tf':
    declares('azurerm_virtual_network', 'vnet-hub-70') +
    declares('azurerm_subnet', 'AzureFirewallSubnet') +
    declares('azurerm_firewall', 'afw-hub-70'),
  'lz-71/main.tf': `module "spoke" {\n  source = "../modules/spoke"\n  hub    = "vnet-hub-7.0"\n}\n`,
  'docs/notes.tf': '# An existing design: see the wiki.\n',
}

test('readers: the same units as reading every file, however the read is written; declaring files left out', async () => {
  const units = checkout({
    ...DECLARING_ONLY,
    // Not formatted: a tab and two spaces between `data` and its labels.
    'spoke-tab/main.tf': 'data\t"azurerm_virtual_network"  "hub" {\n  name = var.hub_name\n}\n',
    'spoke-split/main.tf': 'data\n  "azurerm_subnet" "hub" {\n  name = var.subnet\n}\n',
    'spoke-id/main.tf':
      'locals {\n  hub = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/VNET-HUB-7"\n}\n',
    'spoke-tfvars/main.tf': 'variable "hub" {}\n',
    'spoke-tfvars/terraform.tfvars': 'hub = "vnet-hub-7"\n',
    'spoke-state/main.tf': 'data "terraform_remote_state" "hub" {\n  backend = "local"\n}\n',
    'bicep-existing/main.bicep':
      "param hub string\nresource vnet 'Microsoft.Network/virtualNetworks@2023-09-01'\n  existing = {\n  name: hub\n}\n",
    'bicep-tab/main.bicep':
      "param hub string\nresource fw 'Microsoft.Network/azureFirewalls@2023-09-01'\texisting = {\n  name: hub\n}\n",
  })
  const index = await readHeadIndex({ workspace: dir })
  const names = ['vnet-hub-7', 'afw-hub-7']
  const mayHold = await grepFilter(dir, index, readerSearch(names))
  expect(mayHold).toBeDefined()
  const all = vnetReaders(names, units, checkoutTexts(dir))
  expect(vnetReaders(names, units, checkoutTexts(dir), mayHold)).toEqual(all)
  expect(all).toEqual([
    'spoke-tab',
    'spoke-split',
    'spoke-id',
    'spoke-tfvars',
    'spoke-state',
    'bicep-existing',
    'bicep-tab',
  ])
  // What only declares networks, a longer name or the word in a comment is not read at all.
  for (const f of Object.keys(DECLARING_ONLY)) expect(mayHold!(path.join(dir, f))).toBe(false)
})

test('providers and gateway names: the same units as reading every file; readers and longer names left out', async () => {
  const units = checkout({
    ...DECLARING_ONLY,
    'reader/main.tf': 'data "azurerm_virtual_network" "hub" {\n  name = var.hub\n}\n',
    'hub-tab/main.tf': 'resource\t"azurerm_virtual_network"   "hub" {\n  name = "vnet-${var.n}"\n}\n',
    'hub-tab/terraform.tfvars': 'n = "hub-7"\n',
    'hub-lit/main.tf': declares('azurerm_firewall', 'AFW-HUB-7'),
    'hub-bicep/main.bicep':
      "param env string = 'hub-7'\nresource gw 'Microsoft.Network/virtualNetworkGateways@2023-09-01' = {\n  name: 'vgw-${env}'\n}\n",
    'site/main.tf': 'resource "azurerm_vpn_site" "s" {\n  gateway = "vgw-hub-7"\n}\n',
  })
  const index = await readHeadIndex({ workspace: dir })
  const wanted = ['vnet-hub-7', 'afw-hub-7', 'vgw-hub-7']
  const textOf = checkoutTexts(dir)
  const mayHold = await grepFilter(dir, index, providerSearch(wanted))
  const all = vnetProviders(wanted, units, textOf)
  expect(vnetProviders(wanted, units, textOf, [], mayHold)).toEqual(all)
  expect(all).toEqual(['hub-tab', 'hub-lit', 'hub-bicep', 'site'])
  expect(mayHold!(path.join(dir, 'reader/main.tf'))).toBe(false)
  expect(mayHold!(path.join(dir, 'lz-71/main.tf'))).toBe(false)
  const naming = await grepFilter(dir, index, namingSearch(['vgw-hub-7']))
  expect(namingUnits(['vgw-hub-7'], units, textOf, naming)).toEqual(namingUnits(['vgw-hub-7'], units, textOf))
  expect(namingUnits(['vgw-hub-7'], units, textOf, naming)).toEqual(['site'])
  expect(naming!(path.join(dir, 'lz-70/hub.tf'))).toBe(false)
})

test('a file changed in the working tree or not tracked may hold anything', async () => {
  checkout({ ...DECLARING_ONLY })
  fs.writeFileSync(path.join(dir, 'lz-70/hub.tf'), 'data "azurerm_subnet" "x" {\n  name = var.n\n}\n')
  fs.writeFileSync(path.join(dir, 'new.tf'), 'data "azurerm_subnet" "x" {\n  name = var.n\n}\n')
  const index = await readHeadIndex({ workspace: dir })
  const mayHold = await grepFilter(dir, index, readerSearch(['vnet-hub-7']))
  expect(mayHold!(path.join(dir, 'lz-70/hub.tf'))).toBe(true)
  expect(mayHold!(path.join(dir, 'new.tf'))).toBe(true)
  expect(mayHold!(path.join(dir, 'lz-71/main.tf'))).toBe(false)
})
