/**
 * Which untouched units may declare what a changed unit reads (src/compare/vnet-providers.ts), from their
 * files' text: literal names outside what reads one, and names built by interpolation that could be it.
 */
import { couldBe, vnetProviders, withoutReads } from '../../src/compare/vnet-providers'

const units = (files: Record<string, string>) => {
  const keys = [...new Set(Object.keys(files).map((f) => f.split('/')[0]!))]
  return {
    units: keys.map((key) => ({ key, files: Object.keys(files).filter((f) => f.startsWith(`${key}/`)) })),
    textOf: (f: string) => files[f],
  }
}

const find = (wanted: string[], files: Record<string, string>, shared: string[] = []) => {
  const u = units(files)
  return vnetProviders(wanted, u.units, u.textOf, shared)
}

test('a literal declaration, a var file giving the name: providers; data sources, ids and subnets in it: not', () => {
  expect(
    find(['vnet-hub', 'afw-hub'], {
      'hub/main.tf': 'resource "azurerm_virtual_network" "hub" {\n  name = "vnet-hub"\n}\n',
      'fw/main.tf': 'resource "azurerm_firewall" "hub" {\n  name = var.name\n}\n',
      'fw/terraform.tfvars': 'name = "afw-hub"\n',
      'spoke/main.tf':
        'data "azurerm_virtual_network" "hub" {\n  name = "vnet-hub"\n}\n' +
        'resource "azurerm_virtual_network_peering" "p" {\n' +
        '  remote_virtual_network_id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-hub"\n}\n',
      'vending/main.tf': 'resource "azurerm_subnet" "s" {\n  virtual_network_name = "vnet-hub"\n}\n',
      'bicep/main.bicep':
        "resource hub 'Microsoft.Network/virtualNetworks@2023-09-01' existing = {\n  name: 'vnet-hub'\n}\n",
      'other/main.tf': 'resource "azurerm_virtual_network" "o" {\n  name = "vnet-hub-dr"\n}\n',
    }),
  ).toEqual(['hub', 'fw'])
})

test('names built by interpolation: providers where the literal parts match and the words are in the unit', () => {
  const files = {
    'env/main.tf': 'resource "azurerm_virtual_network" "hub" {\n  name = "vnet-${var.env}-hub"\n}\n',
    'env/terraform.tfvars': 'env = "prod"\n',
    'core/main.tf': 'resource "azurerm_virtual_network" "hub" {\n  name = "vnet-${var.env}-core"\n}\n',
    'core/terraform.tfvars': 'env = "prod"\n',
    'dev/main.tf': 'resource "azurerm_virtual_network" "hub" {\n  name = "vnet-${var.env}-hub"\n}\n',
    'dev/terraform.tfvars': 'env = "dev"\n',
    'caf/main.tf': 'resource "azurerm_virtual_network" "hub" {\n  name = azurecaf_name.vnet.result\n}\n',
    'fn/main.tf': 'resource "azurerm_virtual_network" "hub" {\n  name = "vnet-${lower(var.env)}-hub"\n}\n',
    'bicep/main.bicep':
      "param prefix string = 'vnet-prod'\nresource hub 'Microsoft.Network/virtualNetworks@2023-09-01' = {\n  name: '${prefix}-hub'\n}\n",
  }
  expect(find(['vnet-prod-hub'], files)).toEqual(['env', 'caf', 'fn', 'bicep'])
  // A var file every unit reads gives the word.
  expect(find(['vnet-dev-hub'], { 'env/main.tf': files['env/main.tf'] }, ['env = "dev"'])).toEqual(['env'])
})

test('couldBe: literal parts decide, then the words of each plain reference', () => {
  expect(couldBe('"vnet-${var.env}-hub"', 'vnet-prod-hub', 'env = "prod"')).toBe(true)
  expect(couldBe('"vnet-${var.env}-hub"', 'vnet-prod-core', 'env = "prod"')).toBe(false)
  expect(couldBe('"vnet-${var.env}-hub"', 'vnet-prod-hub', 'env = "test"')).toBe(false)
  expect(couldBe('var.name', 'vnet-prod-hub', 'org = "vnet"\nenv = "prod-hub"')).toBe(true)
  expect(
    couldBe(
      '"${local.prefix}-vnet"',
      'contoso-weu-vnet',
      'prefix = "${var.org}-${var.region}"\norg = "contoso"\nregion = "weu"',
    ),
  ).toBe(true)
})

test('withoutReads keeps positions and what follows a data block', () => {
  const text =
    'data "azurerm_firewall" "hub" {\n  name = "afw-hub"\n}\nresource "azurerm_firewall" "x" {\n  name = "afw-hub"\n}\n'
  const out = withoutReads(text)
  expect(out).toHaveLength(text.length)
  expect(out.indexOf('afw-hub')).toBe(text.lastIndexOf('afw-hub'))
})

test('VPN gateways a site links to: the unit declaring one (literal or built name) is found, one reading it is not', () => {
  expect(
    find(['vgw-hub'], {
      'hub/main.tf': 'resource "azurerm_virtual_network_gateway" "hub" {\n  name = "vgw-hub"\n}\n',
      'env/main.tf': 'resource "azurerm_virtual_network_gateway" "hub" {\n  name = "vgw-${var.hub}"\n}\n',
      'env/terraform.tfvars': 'hub = "hub"\n',
      'bicep/main.bicep':
        "param gw string = 'vgw-hub'\nresource g 'Microsoft.Network/virtualNetworkGateways@2023-09-01' = {\n  name: gw\n}\n",
      'onprem/main.tf': 'data "azurerm_virtual_network_gateway" "hub" {\n  name = "vgw-hub"\n}\n',
      'other/main.tf': 'resource "azurerm_virtual_network_gateway" "dr" {\n  name = "vgw-${var.env}"\n}\n',
      'other/terraform.tfvars': 'env = "dr"\n',
    }),
  ).toEqual(['hub', 'env', 'bicep'])
})
