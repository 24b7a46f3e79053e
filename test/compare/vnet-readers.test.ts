/**
 * Which untouched units a change to a VNet's unit reaches (src/compare/vnet-readers.ts), from their files'
 * text on disk: those naming the VNet outside their own declaration of it, and those reading a VNet by a
 * name their text does not hold (judged rather than skipped).
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import {
  anyVnetReaders,
  checkoutTexts,
  namingUnits,
  readsAnyVnet,
  readsUnnamedVnet,
  vnetReaders,
  withoutDeclaredNames,
} from '../../src/compare/vnet-readers'

let dir: string
beforeEach(() => (dir = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'kms-readers-'))))
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

const unit = (key: string, files: Record<string, string>) => ({
  key,
  files: Object.entries(files).map(([name, text]) => {
    const file = path.join(dir, key, name)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, text)
    return file
  }),
})

const dataVnet = (name: string) => `data "azurerm_virtual_network" "hub" {
  name                = ${name}
  resource_group_name = "rg-hub"
}
`

const vnet = (name: string) => `resource "azurerm_virtual_network" "this" {
  name                = "${name}"
  location            = "westeurope"
  resource_group_name = "rg-x"
  address_space       = ["10.9.0.0/16"]
}
`

test('units naming the VNet (a data source, a var file, an ARM id) are readers; a longer name is not', () => {
  const units = [
    unit('spoke', { 'main.tf': dataVnet('"vnet-hub"') }),
    unit('vending', { 'main.tf': dataVnet('var.hub'), 'terraform.tfvars': 'hub = "vnet-hub"\n' }),
    unit('peer', {
      'main.tf': `locals {\n  hub = "/subscriptions/0/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/VNET-HUB"\n}\n`,
    }),
    unit('dr', { 'main.tf': dataVnet('"vnet-hub-dr"') + dataVnet('"vnet-hub.old"') }),
    unit('plain', { 'main.tf': vnet('vnet-app') }),
  ]
  expect(vnetReaders(['vnet-hub'], units, checkoutTexts(dir))).toEqual(['spoke', 'vending', 'peer'])
  expect(vnetReaders([], units, checkoutTexts(dir))).toEqual([])
})

test('a unit declaring a VNet of that name is not its reader', () => {
  const units = [
    unit('copy', { 'main.tf': vnet('vnet-hub') }),
    unit('bicep', {
      'main.bicep': `resource v 'Microsoft.Network/virtualNetworks@2023-09-01' = {\n  name: 'vnet-hub'\n  location: 'westeurope'\n}\n`,
    }),
    unit('existing', {
      'main.bicep': `resource v 'Microsoft.Network/virtualNetworks@2023-09-01' existing = {\n  name: 'vnet-hub'\n}\n`,
    }),
  ]
  expect(vnetReaders(['vnet-hub'], units, checkoutTexts(dir))).toEqual(['existing'])
  expect(withoutDeclaredNames(vnet('vnet-hub'))).not.toContain('vnet-hub')
})

test('a VNet read by a name the text does not hold: the unit is a reader of any VNet', () => {
  expect(readsUnnamedVnet(dataVnet('"vnet-hub"'))).toBe(false)
  expect(readsUnnamedVnet(dataVnet('"vnet-${var.env}"'))).toBe(true)
  expect(readsUnnamedVnet(dataVnet('local.hub_name'))).toBe(true)
  expect(readsUnnamedVnet('data "terraform_remote_state" "hub" {\n  backend = "azurerm"\n}\n')).toBe(true)
  expect(
    readsUnnamedVnet(
      `param vnetName string\nresource v 'Microsoft.Network/virtualNetworks@2023-09-01' existing = {\n  name: vnetName\n}\n`,
    ),
  ).toBe(true)
  expect(
    readsUnnamedVnet(
      `resource v 'Microsoft.Network/virtualNetworks/subnets@2023-09-01' existing = {\n  name: 'vnet-hub/snet-a'\n}\n`,
    ),
  ).toBe(false)
  const units = [
    unit('computed', { 'main.tf': dataVnet('"vnet-${var.env}"') }),
    unit('none', { 'main.tf': vnet('vnet-app') }),
  ]
  expect(vnetReaders(['vnet-hub'], units, checkoutTexts(dir))).toEqual(['computed'])
})

test('a firewall the changed unit declares: units reading it with data or existing are readers, its rivals are not', () => {
  const units = [
    unit('spoke', {
      'main.tf':
        'data "azurerm_firewall" "hub" {\n  name                = "afw-hub"\n  resource_group_name = "rg-hub"\n}\n',
    }),
    unit('computed', {
      'main.tf':
        'data "azurerm_firewall" "hub" {\n  name                = var.firewall\n  resource_group_name = "rg-hub"\n}\n',
    }),
    unit('bicep', {
      'main.bicep': `resource fw 'Microsoft.Network/azureFirewalls@2023-09-01' existing = {\n  name: firewallName\n}\n`,
    }),
    unit('copy', { 'main.tf': 'resource "azurerm_firewall" "hub" {\n  name = "afw-hub"\n}\n' }),
  ]
  expect(vnetReaders(['afw-hub'], units, checkoutTexts(dir))).toEqual(['spoke', 'computed', 'bicep'])
})

test('a file git grep found holding none of the needles is not read (mayHold false), the others are', () => {
  const units = [
    unit('spoke', { 'main.tf': dataVnet('"vnet-hub"') }),
    unit('vending', { 'main.tf': dataVnet('"vnet-hub"') }),
  ]
  const spokeOnly = (f: string) => f.includes(`${path.sep}spoke${path.sep}`)
  expect(vnetReaders(['vnet-hub'], units, checkoutTexts(dir), spokeOnly)).toEqual(['spoke'])
})

test('a changed unit declares a VNet of a name not known: every unit reading one of another unit is a reader', () => {
  expect(readsAnyVnet(dataVnet('"vnet-hub"'))).toBe(true)
  expect(readsAnyVnet('data "azurerm_subnet" "a" {\n  name = "snet-a"\n}\n')).toBe(true)
  expect(readsAnyVnet('data "terraform_remote_state" "hub" {\n  backend = "azurerm"\n}\n')).toBe(true)
  expect(
    readsAnyVnet(
      'resource "azurerm_subnet" "a" {\n  name                 = "snet-a"\n  virtual_network_name = "vnet-hub"\n}\n',
    ),
  ).toBe(true)
  expect(
    readsAnyVnet(
      'locals {\n  hub = "/subscriptions/0/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub"\n}\n',
    ),
  ).toBe(true)
  expect(
    readsAnyVnet(
      `resource v 'Microsoft.Network/virtualNetworks/subnets@2023-09-01' existing = {\n  name: 'vnet-hub/snet-a'\n}\n`,
    ),
  ).toBe(true)
  expect(
    readsAnyVnet(
      `"id": "[resourceId('rg-hub', 'Microsoft.Network/virtualNetworks/subnets', 'vnet-hub', 'snet-a')]"`,
    ),
  ).toBe(true)
  // Its own VNet, by reference: reads nothing of another unit.
  expect(readsAnyVnet(vnet('vnet-app'))).toBe(false)
  expect(
    readsAnyVnet(
      `resource v 'Microsoft.Network/virtualNetworks@2023-09-01' = {\n  name: 'vnet-app'\n  location: 'westeurope'\n}\n`,
    ),
  ).toBe(false)
  const units = [
    unit('vending', { 'main.tf': dataVnet('"vnet-hub"') }),
    unit('plain', { 'main.tf': vnet('vnet-app') }),
  ]
  expect(anyVnetReaders(units, checkoutTexts(dir))).toEqual(['vending'])
  expect(anyVnetReaders(units, checkoutTexts(dir), () => false)).toEqual([])
})

test('units naming a VPN gateway (a site linked to it by data source): found as a whole word only', () => {
  const site = (gateway: string) =>
    `data "azurerm_virtual_network_gateway" "hub" {\n  name                = "${gateway}"\n  resource_group_name = "rg-hub"\n}\n`
  const units = [
    unit('onprem', { 'main.tf': site('vgw-hub') }),
    unit('dr', { 'main.tf': site('vgw-hub-dr') }),
    unit('plain', { 'main.tf': vnet('vnet-app') }),
  ]
  expect(namingUnits(['VGW-HUB'], units, checkoutTexts(dir))).toEqual(['onprem'])
  expect(namingUnits([], units, checkoutTexts(dir))).toEqual([])
})
