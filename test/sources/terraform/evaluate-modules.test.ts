import * as path from 'node:path'
import { NOT_FETCHED } from '../../../src/sources/terraform/evaluate'
import { evaluateDir, plain, resource, writeTree } from './eval-helpers'

const netModule = {
  'modules/net/variables.tf': 'variable "name" {}\nvariable "cidr" {\n  default = "10.9.0.0/16"\n}\n',
  'modules/net/main.tf': `resource "azurerm_virtual_network" "this" {
  name          = var.name
  address_space = [var.cidr]
}

resource "azurerm_route_table" "this" {
  name = "rt-\${var.name}"
}
`,
  'modules/net/outputs.tf': `output "vnet_name" {
  value = azurerm_virtual_network.this.name
}
output "route_table_id" {
  value = azurerm_route_table.this.id
}
`,
}

describe('module calls', () => {
  test('count modules: instance addresses, indexed outputs and splats over instances', async () => {
    const root = writeTree({
      ...netModule,
      'main.tf': `module "net" {
  source = "./modules/net"
  count  = 2
  name   = "n\${count.index}"
}

resource "test_thing" "t" {
  second = module.net[1].vnet_name
  all    = module.net[*].vnet_name
  rt     = module.net[0].route_table_id
}
`,
    })
    const ev = await evaluateDir(root)
    expect(ev.resources.map((r) => r.address)).toEqual([
      'test_thing.t',
      'module.net[0].azurerm_virtual_network.this',
      'module.net[0].azurerm_route_table.this',
      'module.net[1].azurerm_virtual_network.this',
      'module.net[1].azurerm_route_table.this',
    ])
    expect(plain(resource(ev, 'test_thing.t').body)).toEqual({
      second: 'n1',
      all: ['n0', 'n1'],
      rt: {
        unknown: 'computed at apply time',
        ref: { resource: 'module.net[0].azurerm_route_table.this', attribute: 'id' },
      },
    })
    // Defaults of the module's variables apply when the call does not set them.
    expect(
      plain(resource(ev, 'module.net[1].azurerm_virtual_network.this').body.attrs.address_space),
    ).toEqual(['10.9.0.0/16'])
  })

  test('nested module calls prefix the addresses of every level', async () => {
    const root = writeTree({
      ...netModule,
      'modules/wrapper/main.tf':
        'variable "n" {}\nmodule "inner" {\n  source = "../net"\n  name   = var.n\n}\noutput "rt" {\n  value = module.inner.route_table_id\n}\n',
      'main.tf':
        'module "w" {\n  source = "./modules/wrapper"\n  n      = "x"\n}\nresource "test_thing" "t" {\n  rt = module.w.rt\n}\n',
    })
    const ev = await evaluateDir(root)
    expect(resource(ev, 'module.w.module.inner.azurerm_route_table.this')).toBeDefined()
    expect(plain(resource(ev, 'test_thing.t').body.attrs.rt)).toEqual({
      unknown: 'computed at apply time',
      ref: { resource: 'module.w.module.inner.azurerm_route_table.this', attribute: 'id' },
    })
  })

  test('registry modules are not fetched: outputs unknown, one KMS011 per call', async () => {
    const root = writeTree({
      'main.tf': `module "vnet" {
  source  = "Azure/vnet/azurerm"
  version = "4.0.0"
  count   = 2
}

resource "azurerm_route" "r" {
  next_hop_in_ip_address = module.vnet[0].firewall_ip
  route_table_name       = module.vnet[1].rt_name
}
`,
    })
    const ev = await evaluateDir(root)
    expect(plain(resource(ev, 'azurerm_route.r').body.attrs.next_hop_in_ip_address)).toEqual({
      unknown: NOT_FETCHED,
    })
    const kms011 = ev.diagnostics.filter((d) => d.ruleId === 'KMS011')
    expect(kms011).toHaveLength(1)
    expect(kms011[0]).toMatchObject({ origin: { startLine: 1, endLine: 5 }, expression: 'module.vnet' })
  })

  test('a local module directory outside the scan is reported like an unfetched module', async () => {
    const root = writeTree({ 'main.tf': 'module "gone" {\n  source = "./does-not-exist"\n}\n' })
    const ev = await evaluateDir(root)
    expect(ev.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'KMS011', message: expect.stringContaining('not part of the scan') }),
    ])
  })

  test('every directory that is not called is a root; called directories are evaluated per call only', async () => {
    const root = writeTree({
      ...netModule,
      'envs/dev/main.tf': 'module "net" {\n  source = "../../modules/net"\n  name   = "dev"\n}\n',
      'envs/prod/main.tf':
        'module "net" {\n  source = "../../modules/net"\n  name   = var.name\n}\nvariable "name" {}\n',
      'envs/prod/terraform.tfvars': 'name = "prod"\n',
    })
    const ev = await evaluateDir(root)
    const names = ev.resources
      .filter((r) => r.type === 'azurerm_virtual_network')
      .map((r) => [r.address, plain(r.body.attrs.name)])
    expect(names).toEqual([
      ['module.net.azurerm_virtual_network.this', 'dev'],
      ['module.net.azurerm_virtual_network.this', 'prod'],
    ])
    expect(
      ev.resources
        .filter((r) => r.type === 'azurerm_virtual_network')
        .map((r) => path.relative(root, r.origin.file)),
    ).toEqual(['modules/net/main.tf', 'modules/net/main.tf'])
  })

  test('a module calling itself is bounded and reported', async () => {
    const root = writeTree({
      'main.tf': 'module "a" {\n  source = "./m"\n}\n',
      'm/main.tf': 'module "again" {\n  source = "./"\n}\nresource "test_thing" "t" {}\n',
    })
    const ev = await evaluateDir(root)
    expect(ev.resources.map((r) => r.address)).toEqual(['module.a.test_thing.t'])
    expect(ev.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('calls itself')])
  })
})

describe('variables', () => {
  const files = {
    'variables.tf':
      ['a', 'b', 'c', 'd', 'e', 'f', 'g']
        .map((n) => `variable "${n}" {\n  default = "default"\n}\n`)
        .join('') + 'variable "unset" {}\n',
    'main.tf':
      'resource "test_thing" "t" {\n  v = [var.a, var.b, var.c, var.d, var.e, var.f, var.g]\n  u = var.unset\n}\n',
    'terraform.tfvars':
      'b = "terraform.tfvars"\nc = "terraform.tfvars"\nd = "terraform.tfvars"\ne = "terraform.tfvars"\nf = "terraform.tfvars"\ng = "terraform.tfvars"\n',
    'terraform.tfvars.json':
      '{ "c": "tfvars.json", "d": "tfvars.json", "e": "tfvars.json", "f": "tfvars.json", "g": "tfvars.json" }',
    'a.auto.tfvars': 'd = "a.auto"\ne = "a.auto"\nf = "a.auto"\ng = "a.auto"\n',
    'b.auto.tfvars.json': '{ "e": "b.auto.json", "f": "b.auto.json", "g": "b.auto.json" }',
    'vars/one.tfvars': 'f = "one"\ng = "one"\nnot_declared = 1\n',
    'vars/two.tfvars': 'g = "two"\n',
  }

  test('precedence: default < terraform.tfvars < terraform.tfvars.json < *.auto.tfvars (by name) < var files (in order)', async () => {
    const root = writeTree(files)
    const ev = await evaluateDir(root, [
      path.join(root, 'vars/one.tfvars'),
      path.join(root, 'vars/two.tfvars'),
    ])
    expect(plain(resource(ev, 'test_thing.t').body.attrs.v)).toEqual([
      'default',
      'terraform.tfvars',
      'tfvars.json',
      'a.auto',
      'b.auto.json',
      'one',
      'two',
    ])
  })

  test('a variable without a value is unknown and says so', async () => {
    const ev = await evaluateDir(writeTree(files))
    expect(plain(resource(ev, 'test_thing.t').body.attrs.u)).toEqual({
      unknown: 'no value for variable unset',
    })
  })

  test('var files apply to every root module', async () => {
    const root = writeTree({
      'a/main.tf': 'variable "x" {}\nresource "test_thing" "a" {\n  x = var.x\n}\n',
      'b/main.tf': 'variable "x" {}\nresource "test_thing" "b" {\n  x = var.x\n}\n',
      'common.tfvars': 'x = "shared"\n',
    })
    const ev = await evaluateDir(root, [path.join(root, 'common.tfvars')])
    expect(ev.resources.map((r) => [r.address, plain(r.body.attrs.x)])).toEqual([
      ['test_thing.a', 'shared'],
      ['test_thing.b', 'shared'],
    ])
  })
})
