import * as path from 'node:path'
import { evaluateDir, parseFile, plain, resource, writeTree } from './eval-helpers'
import { evaluateTerraform } from '../../../src/sources/terraform/evaluate'

describe('count and for_each instances', () => {
  test('count: addresses, count.index, references to one instance and splats over all', async () => {
    const root = writeTree({
      'main.tf': `locals {
  spokes = ["app", "data"]
}

resource "azurerm_route_table" "spoke" {
  count = length(local.spokes)
  name  = "rt-\${local.spokes[count.index]}"
}

resource "azurerm_subnet_route_table_association" "a" {
  count          = 2
  route_table_id = azurerm_route_table.spoke[count.index].id
}

resource "test_thing" "t" {
  names = azurerm_route_table.spoke[*].name
  ids   = azurerm_route_table.spoke[*].id
}
`,
    })
    const ev = await evaluateDir(root)
    expect(ev.resources.map((r) => r.address)).toEqual([
      'azurerm_route_table.spoke[0]',
      'azurerm_route_table.spoke[1]',
      'azurerm_subnet_route_table_association.a[0]',
      'azurerm_subnet_route_table_association.a[1]',
      'test_thing.t',
    ])
    expect(plain(resource(ev, 'azurerm_route_table.spoke[1]').body.attrs.name)).toBe('rt-data')
    expect(
      plain(resource(ev, 'azurerm_subnet_route_table_association.a[1]').body.attrs.route_table_id),
    ).toEqual({
      unknown: 'computed at apply time',
      ref: { resource: 'azurerm_route_table.spoke[1]', attribute: 'id' },
    })
    const t = plain(resource(ev, 'test_thing.t').body) as Record<string, unknown>
    expect(t.names).toEqual(['rt-app', 'rt-data'])
    expect(t.ids).toEqual(
      [0, 1].map((i) => ({
        unknown: 'computed at apply time',
        ref: { resource: `azurerm_route_table.spoke[${i}]`, attribute: 'id' },
      })),
    )
    // Meta-arguments are not part of the body.
    expect(Object.keys(resource(ev, 'azurerm_route_table.spoke[0]').body.attrs)).toEqual(['name'])
  })

  test('for_each over a map: each.key / each.value, instance refs by key, values() splat', async () => {
    const root = writeTree({
      'main.tf': `variable "subnets" {
  default = {
    AzureFirewallSubnet = "10.0.0.0/26"
    app                 = "10.0.1.0/24"
  }
}

resource "azurerm_subnet" "s" {
  for_each         = var.subnets
  name             = each.key
  address_prefixes = [each.value]
}

resource "azurerm_firewall" "fw" {
  name = "fw"
  ip_configuration {
    name      = "c"
    subnet_id = azurerm_subnet.s["AzureFirewallSubnet"].id
  }
}

resource "azurerm_route" "r" {
  for_each               = toset(["0.0.0.0/0", "20.118.99.224/32"])
  address_prefix         = each.value
  next_hop_in_ip_address = azurerm_firewall.fw.ip_configuration[0].private_ip_address
}

resource "test_thing" "t" {
  names = values(azurerm_subnet.s)[*].name
}
`,
    })
    const ev = await evaluateDir(root)
    expect(plain(resource(ev, 'azurerm_subnet.s["app"]').body)).toEqual({
      name: 'app',
      address_prefixes: ['10.0.1.0/24'],
    })
    expect(plain(resource(ev, 'azurerm_firewall.fw').body.attrs.ip_configuration)).toEqual([
      {
        name: 'c',
        subnet_id: {
          unknown: 'computed at apply time',
          ref: { resource: 'azurerm_subnet.s["AzureFirewallSubnet"]', attribute: 'id' },
        },
      },
    ])
    expect(plain(resource(ev, 'azurerm_route.r["20.118.99.224/32"]').body)).toEqual({
      address_prefix: '20.118.99.224/32',
      next_hop_in_ip_address: {
        unknown: 'computed at apply time',
        ref: { resource: 'azurerm_firewall.fw', attribute: 'ip_configuration[0].private_ip_address' },
      },
    })
    expect(plain(resource(ev, 'test_thing.t').body.attrs.names)).toEqual(['AzureFirewallSubnet', 'app'])
  })

  test('an unknown count gives one representative instance with unknown count.index', async () => {
    const root = writeTree({
      'main.tf':
        'variable "n" {}\nresource "azurerm_route_table" "rt" {\n  count = var.n\n  name  = "rt-${count.index}"\n  route {\n    name = "default"\n  }\n}\nresource "test_thing" "t" {\n  id = azurerm_route_table.rt[0].id\n}\n',
    })
    const ev = await evaluateDir(root)
    const rt = resource(ev, 'azurerm_route_table.rt[*]')
    expect(plain(rt.body.attrs.name)).toEqual({
      unknown: expect.stringContaining('count is unknown: no value for variable n'),
    })
    expect(plain(rt.body.attrs.route)).toEqual([{ name: 'default' }])
    expect(plain(resource(ev, 'test_thing.t').body.attrs.id)).toEqual({
      unknown: 'computed at apply time',
      ref: { resource: 'azurerm_route_table.rt[*]', attribute: 'id' },
    })
  })

  test('a count above the cap is not expanded', async () => {
    const ev = await evaluateDir(
      writeTree({ 'main.tf': 'resource "azurerm_route" "r" {\n  count = 50000\n  name = "r"\n}\n' }),
    )
    expect(ev.resources.map((r) => r.address)).toEqual(['azurerm_route.r[*]'])
  })

  test('count = 0 and an empty for_each create no instances', async () => {
    const ev = await evaluateDir(
      writeTree({
        'main.tf':
          'resource "a" "x" {\n  count = 0\n}\nresource "a" "y" {\n  for_each = {}\n}\nresource "a" "z" {}\n',
      }),
    )
    expect(ev.resources.map((r) => r.address)).toEqual(['a.z'])
  })

  test('a key known only at plan into a collection of instances: one of them, not any resource (among)', async () => {
    const root = writeTree({
      'main.tf': `variable "k" {
  type = string
}
resource "azurerm_subnet" "this" {
  for_each         = { web = "10.1.1.0/24", data = "10.1.2.0/24" }
  name             = "snet-\${each.key}"
  address_prefixes = [each.value]
}
locals {
  ids = { for k, s in azurerm_subnet.this : k => s.id }
  names = { for k, s in azurerm_subnet.this : k => "snet-\${k}" }
}
resource "test_thing" "t" {
  direct = azurerm_subnet.this[var.k].id
  mapped = local.ids[var.k]
  plain  = local.names[var.k]
}
`,
    })
    const t = resource(await evaluateDir(root), 'test_thing.t').body.attrs
    const among = [
      { resource: 'azurerm_subnet.this["data"]', attribute: 'id' },
      { resource: 'azurerm_subnet.this["web"]', attribute: 'id' },
    ]
    expect(t.direct).toMatchObject({
      kind: 'unknown',
      expression: 'azurerm_subnet.this[var.k].id',
      reason: 'no value for variable k',
      among,
    })
    expect(t.mapped).toMatchObject({ kind: 'unknown', among })
    // Strings that name no resource: the key may pick any of them, and nothing narrows it.
    expect(t.plain).toMatchObject({ kind: 'unknown' })
    expect(t.plain).not.toHaveProperty('among')
  })
})

describe('nested and dynamic blocks', () => {
  test('literal and dynamic blocks of one type form one list in source order; nested dynamic; iterator', async () => {
    const root = writeTree({
      'main.tf': `locals {
  rules = {
    kms = { port = 1688, dest = ["20.118.99.224/32", "40.83.235.53/32"] }
  }
}

resource "azurerm_firewall_policy_rule_collection_group" "g" {
  name = "g"
  network_rule_collection {
    name     = "first"
    priority = 100
  }
  dynamic "network_rule_collection" {
    for_each = local.rules
    iterator = coll
    content {
      name     = coll.key
      priority = 200
      dynamic "rule" {
        for_each = coll.value.dest
        content {
          name                  = "\${coll.key}-\${rule.key}"
          destination_addresses = [rule.value]
          destination_ports     = [tostring(coll.value.port)]
        }
      }
    }
  }
}
`,
    })
    const ev = await evaluateDir(root)
    expect(
      plain(
        resource(ev, 'azurerm_firewall_policy_rule_collection_group.g').body.attrs.network_rule_collection,
      ),
    ).toEqual([
      { name: 'first', priority: 100 },
      {
        name: 'kms',
        priority: 200,
        rule: [
          { name: 'kms-0', destination_addresses: ['20.118.99.224/32'], destination_ports: ['1688'] },
          { name: 'kms-1', destination_addresses: ['40.83.235.53/32'], destination_ports: ['1688'] },
        ],
      },
    ])
  })

  test('a dynamic block over an unknown collection makes the block list unknown', async () => {
    const root = writeTree({
      'main.tf':
        'variable "routes" {}\nresource "azurerm_route_table" "rt" {\n  dynamic "route" {\n    for_each = var.routes\n    content {\n      name = route.value\n    }\n  }\n}\n',
    })
    const ev = await evaluateDir(root)
    expect(plain(resource(ev, 'azurerm_route_table.rt').body.attrs.route)).toEqual({
      unknown: expect.stringContaining('dynamic "route" for_each is unknown: no value for variable routes'),
    })
  })
})

describe('data sources, origins and robustness', () => {
  test('data sources: arguments known, everything else unknown with a data. ref', async () => {
    const root = writeTree({
      'main.tf':
        'data "azurerm_firewall" "hub" {\n  name = "fw-hub"\n}\nresource "azurerm_route" "r" {\n  name = data.azurerm_firewall.hub.name\n  next_hop_in_ip_address = data.azurerm_firewall.hub.ip_configuration[0].private_ip_address\n}\n',
    })
    const ev = await evaluateDir(root)
    expect(resource(ev, 'data.azurerm_firewall.hub').mode).toBe('data')
    expect(plain(resource(ev, 'azurerm_route.r').body)).toEqual({
      name: 'fw-hub',
      next_hop_in_ip_address: {
        unknown: 'computed at apply time',
        ref: { resource: 'data.azurerm_firewall.hub', attribute: 'ip_configuration[0].private_ip_address' },
      },
    })
  })

  test('values written in place keep their lines; values from elsewhere take the using attribute lines', async () => {
    const root = writeTree({
      'main.tf': [
        'variable "prefix" {', // 1
        '  default = "10.0.0.0/24"', // 2
        '}', // 3
        'resource "azurerm_subnet" "s" {', // 4
        '  address_prefixes = [', // 5
        '    var.prefix,', // 6
        '    "10.0.1.0/24",', // 7
        '  ]', // 8
        '}', // 9
      ].join('\n'),
    })
    const ev = await evaluateDir(root)
    const file = path.join(root, 'main.tf')
    const v = resource(ev, 'azurerm_subnet.s').body.attrs.address_prefixes
    expect(v.origin).toEqual({ file, startLine: 5, endLine: 8 })
    if (v.kind !== 'list') throw new Error('list expected')
    // var.prefix's default lives on line 2, but the finding belongs where the subnet uses it.
    expect(v.items.map((i) => i.origin.startLine)).toEqual([6, 7])
    expect(resource(ev, 'azurerm_subnet.s').origin).toEqual({ file, startLine: 4, endLine: 9 })
  })

  test('a syntax error mid-file: KMS012 at its line, the other blocks still evaluated', async () => {
    const root = writeTree({
      'main.tf': [
        'resource "azurerm_route_table" "a" {', // 1
        '  name = "a"', // 2
        '}', // 3
        'resource "azurerm_route_table" "b" {', // 4
        '  name = "b" +', // 5
        '}', // 6
        'resource "azurerm_route_table" "c" {', // 7
        '  name = "c"', // 8
        '}', // 9
      ].join('\n'),
    })
    const ev = await evaluateDir(root)
    expect(ev.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'KMS012',
        origin: { file: path.join(root, 'main.tf'), startLine: 5, endLine: 5 },
      }),
    ])
    expect(ev.diagnostics[0].message).toMatch(/main\.tf at line 5/)
    expect(ev.resources.map((r) => [r.address, plain(r.body.attrs.name)])).toEqual([
      ['azurerm_route_table.a', 'a'],
      ['azurerm_route_table.b', { unknown: 'syntax error in this expression' }],
      ['azurerm_route_table.c', 'c'],
    ])
  })

  test('self references and cycles between resources end as unknown, never as an exception', async () => {
    const root = writeTree({
      'main.tf':
        'resource "a" "x" {\n  v = a.y.v\n}\nresource "a" "y" {\n  v = a.x.v\n}\nresource "a" "z" {\n  v = a.z.name\n}\n',
    })
    const ev = await evaluateDir(root)
    expect(ev.resources.map((r) => r.address)).toEqual(['a.x', 'a.y', 'a.z'])
    for (const r of ev.resources) expect(r.body.attrs.v.kind).toBe('unknown')
  })

  test('provider environments are collected from every azurerm provider block', async () => {
    const ev = await evaluateDir(
      writeTree({
        'a/main.tf': 'provider "azurerm" {\n  features {}\n  environment = "usgovernment"\n}\n',
        'b/main.tf':
          'provider "azurerm" {\n  environment = "china"\n}\nprovider "azurerm" {\n  alias = "x"\n  environment = "china"\n}\nprovider "aws" {\n  environment = "nope"\n}\n',
      }),
    )
    expect(ev.providerEnvironments).toEqual(['usgovernment', 'china'])
  })

  test('.tf.json resources evaluate like HCL, templates included', async () => {
    const root = writeTree({
      'main.tf.json': JSON.stringify({
        variable: { env: { default: 'prod' } },
        resource: {
          azurerm_route_table: {
            rt: {
              name: 'rt-${var.env}',
              route: [
                {
                  name: 'default',
                  next_hop_in_ip_address: '${azurerm_firewall.fw.ip_configuration[0].private_ip_address}',
                },
              ],
            },
          },
          azurerm_firewall: { fw: { name: 'fw' } },
        },
      }),
    })
    const ev = await evaluateDir(root)
    expect(plain(resource(ev, 'azurerm_route_table.rt').body)).toEqual({
      name: 'rt-prod',
      route: [
        {
          name: 'default',
          next_hop_in_ip_address: {
            unknown: 'computed at apply time',
            ref: { resource: 'azurerm_firewall.fw', attribute: 'ip_configuration[0].private_ip_address' },
          },
        },
      ],
    })
  })

  test('broken input of any kind never throws out of evaluateTerraform', async () => {
    const root = writeTree({
      'main.tf': [
        'locals { deep = [for i in range(200000) : i] }',
        'resource "a" "b" {',
        '  x = local.deep',
        '  y = nosuchfn(1)',
        '  z = var.undeclared',
        '  w = "${[1]}"',
        '  for_each = 5',
        '}',
        'resource "a" "c" {',
        '  x = [for k, v in 3 : v]',
        '  y = 1 + "a"',
        '  z = { for x in ["a", "a"] : x => x }',
        '  q = each.key',
        '  r = count.index',
        '}',
      ].join('\n'),
    })
    const files = await Promise.all([path.join(root, 'main.tf')].map(parseFile))
    const ev = evaluateTerraform(files, { root, varFiles: [] })
    const c = plain(resource(ev, 'a.c').body) as Record<string, { unknown: string }>
    for (const k of ['x', 'y', 'z', 'q', 'r']) expect(c[k]).toEqual({ unknown: expect.any(String) })
    expect(resource(ev, 'a.b[*]')).toBeDefined()
  })
})
