/**
 * The hub-and-spoke fixture: root module with tfvars, a local spoke module called with for_each, dynamic
 * route blocks, a registry module, and var files.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { TerraformEvaluation } from '../../../src/sources/evaluation/evaluated'
import { evaluateDir, FIXTURES, plain, resource } from './eval-helpers'

const ROOT = path.join(FIXTURES, 'hub-spoke')
const SPOKE_MAIN = path.join(ROOT, 'modules/spoke/main.tf')
const MAIN = path.join(ROOT, 'main.tf')

/** 1-based line of the first line containing `needle`, so tests do not hard-code fixture line numbers. */
function lineOf(file: string, needle: string): number {
  const i = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(needle))
  if (i < 0) throw new Error(`${needle} not in ${file}`)
  return i + 1
}

describe('hub-spoke with its own tfvars', () => {
  let ev: TerraformEvaluation
  beforeAll(async () => {
    ev = await evaluateDir(ROOT)
  })

  test('*.auto.tfvars overrides terraform.tfvars, which overrides defaults', () => {
    // location: default westeurope, terraform.tfvars northeurope. spokes: terraform.tfvars has one, auto has two.
    expect(plain(resource(ev, 'azurerm_resource_group.hub').body.attrs.name)).toBe('rg-hub-northeurope')
    const spokes = ev.resources.filter((r) => r.type === 'azurerm_route_table').map((r) => r.address)
    expect(spokes).toEqual([
      'module.spoke["app"].azurerm_route_table.this',
      'module.spoke["data"].azurerm_route_table.this',
    ])
    expect(ev.providerEnvironments).toEqual(['public'])
  })

  test('locals with cidrsubnet and module inputs give the subnets their prefixes', () => {
    expect(plain(resource(ev, 'azurerm_subnet.firewall').body.attrs.address_prefixes)).toEqual([
      '10.0.0.0/26',
    ])
    expect(
      plain(resource(ev, 'module.spoke["data"].azurerm_subnet.workload').body.attrs.address_prefixes),
    ).toEqual(['10.2.1.0/24'])
  })

  test('the spoke default route points at the hub firewall through a ref', () => {
    const rt = resource(ev, 'module.spoke["app"].azurerm_route_table.this')
    const routes = rt.body.attrs.route
    expect(routes.kind).toBe('list')
    expect(plain(routes)).toEqual([
      {
        name: 'default',
        address_prefix: '0.0.0.0/0',
        next_hop_type: 'VirtualAppliance',
        next_hop_in_ip_address: {
          unknown: 'computed at apply time',
          ref: { resource: 'azurerm_firewall.hub', attribute: 'ip_configuration[0].private_ip_address' },
        },
      },
    ])
    // The value came through var.next_hop: it points at the line in the route block that uses it, and
    // remembers the module call argument that wrote it (the line a person changes).
    const hop =
      routes.kind === 'list' && routes.items[0].kind === 'object'
        ? routes.items[0].attrs.next_hop_in_ip_address
        : undefined
    const line = lineOf(SPOKE_MAIN, 'next_hop_in_ip_address = var.next_hop')
    const caller = lineOf(MAIN, 'next_hop            = azurerm_firewall.hub')
    expect(hop?.origin).toEqual({
      file: SPOKE_MAIN,
      startLine: line,
      endLine: line,
      from: { file: MAIN, startLine: caller, endLine: caller },
    })
    expect(rt.comments).toEqual(['# Forced tunnelling through the hub firewall.'])
    expect(rt.origin.file).toBe(SPOKE_MAIN)
  })

  test('optional object attributes: force_route = false leaves the data spoke without a default route', () => {
    expect(plain(resource(ev, 'module.spoke["data"].azurerm_route_table.this').body.attrs.route)).toEqual([])
  })

  test('associations refer to the instances of the same module call', () => {
    expect(
      plain(resource(ev, 'module.spoke["data"].azurerm_subnet_route_table_association.workload').body),
    ).toEqual({
      subnet_id: {
        unknown: 'computed at apply time',
        ref: { resource: 'module.spoke["data"].azurerm_subnet.workload', attribute: 'id' },
      },
      route_table_id: {
        unknown: 'computed at apply time',
        ref: { resource: 'module.spoke["data"].azurerm_route_table.this', attribute: 'id' },
      },
    })
  })

  test('the registry module gets one KMS011 at its block', () => {
    const main = path.join(ROOT, 'main.tf')
    expect(ev.diagnostics).toEqual([
      {
        ruleId: 'KMS011',
        origin: { file: main, startLine: lineOf(main, 'module "naming"'), endLine: expect.any(Number) },
        message: expect.stringContaining('registry module not fetched'),
        expression: 'module.naming',
      },
    ])
  })
})

describe('hub-spoke with var files', () => {
  test('var files win over tfvars in order, feed module inputs, and set the provider environment', async () => {
    const ev = await evaluateDir(ROOT, [
      path.join(ROOT, 'envs/gov.tfvars'),
      path.join(ROOT, 'envs/override.tfvars.json'),
    ])
    expect(ev.providerEnvironments).toEqual(['usgovernment'])
    expect(plain(resource(ev, 'module.spoke["app"].azurerm_virtual_network.this').body.attrs.location)).toBe(
      'usgovvirginia',
    )
    const routes = plain(resource(ev, 'module.spoke["app"].azurerm_route_table.this').body.attrs.route) as {
      name: string
    }[]
    // Literal order of the dynamic blocks: the default route first, then the extra routes (iterator `extra`).
    expect(routes.map((r) => r.name)).toEqual(['default', 'kms'])
    expect(routes[1]).toEqual({ name: 'kms', address_prefix: '20.118.99.224/32', next_hop_type: 'Internet' })
  })
})
