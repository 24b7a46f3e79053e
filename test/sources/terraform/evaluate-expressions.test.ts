import { evalValue } from './eval-helpers'

describe('operators and conditionals', () => {
  test.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 / 4', 2.5],
    ['7 % 3', 1],
    ['-(2 - 5)', 3],
    ['"3" + 1', 4],
    ['2 > 1 && 1 >= 1', true],
    ['1 < 1 || 2 <= 1', false],
    ['!true', false],
    ['"a" == "a"', true],
    ['1 == "1"', false],
    ['[1, 2] == [1, 2]', true],
    ['{ a = 1 } != { a = 2 }', true],
    ['true ? "yes" : "no"', 'yes'],
    ['1 > 2 ? "yes" : "no"', 'no'],
  ])('%s', async (expr, expected) => {
    expect(await evalValue(expr)).toEqual(expected)
  })

  test('a decisive side of && / || settles the answer even when the other side is unknown', async () => {
    const vars = 'variable "unset" {}\n'
    expect(await evalValue('false && var.unset', vars)).toBe(false)
    expect(await evalValue('var.unset || true', vars)).toBe(true)
    expect(await evalValue('true && var.unset', vars)).toEqual({ unknown: 'no value for variable unset' })
  })

  test('division by zero is an error that leaves the argument unknown, naming the reason', async () => {
    expect(await evalValue('1 / 0')).toEqual({ unknown: 'division by zero' })
  })
})

describe('templates', () => {
  const locals = 'locals {\n  env = "prod"\n  on = true\n  names = ["a", "b"]\n}\n'

  test('interpolation, directives and heredocs', async () => {
    expect(await evalValue('"rt-${local.env}-${1 + 1}"', locals)).toBe('rt-prod-2')
    expect(await evalValue('"%{if local.on}on%{else}off%{endif}"', locals)).toBe('on')
    expect(await evalValue('"%{for i, n in local.names}${i}=${n};%{endfor}"', locals)).toBe('0=a;1=b;')
    expect(await evalValue('<<-EOT\n    hello ${local.env}\n      indented\n    EOT', locals)).toBe(
      'hello prod\n  indented\n',
    )
  })

  test('a template that is one interpolation yields the value itself', async () => {
    expect(await evalValue('"${local.names}"', locals)).toEqual(['a', 'b'])
  })

  test('an unknown inside a template makes the string unknown with the cause', async () => {
    expect(await evalValue('"x-${var.nope}"', 'variable "nope" {}\n')).toEqual({
      unknown: 'no value for variable nope',
    })
  })
})

describe('for expressions and splats', () => {
  const locals = `locals {
  spokes = {
    app  = { cidr = "10.1.0.0/16", tier = "web" }
    data = { cidr = "10.2.0.0/16", tier = "db" }
    ops  = { cidr = "10.3.0.0/16", tier = "web" }
  }
  list = [{ name = "a", ip = "1.1.1.1" }, { name = "b", ip = "2.2.2.2" }]
}
`
  test('tuple and object results, conditions, grouping', async () => {
    expect(await evalValue('[for k, s in local.spokes : s.cidr if s.tier == "web"]', locals)).toEqual([
      '10.1.0.0/16',
      '10.3.0.0/16',
    ])
    expect(await evalValue('{ for k, s in local.spokes : k => s.cidr }', locals)).toEqual({
      app: '10.1.0.0/16',
      data: '10.2.0.0/16',
      ops: '10.3.0.0/16',
    })
    expect(await evalValue('{ for k, s in local.spokes : s.tier => k... }', locals)).toEqual({
      web: ['app', 'ops'],
      db: ['data'],
    })
    expect(await evalValue('[for i, x in ["p", "q"] : "${i}${x}"]')).toEqual(['0p', '1q'])
  })

  test('duplicate keys without grouping are an error', async () => {
    expect(await evalValue('{ for k, s in local.spokes : s.tier => k }', locals)).toEqual({
      unknown: expect.stringContaining('duplicate key "web"'),
    })
  })

  test('[*] and .* splats, splat of null and of a single value', async () => {
    expect(await evalValue('local.list[*].ip', locals)).toEqual(['1.1.1.1', '2.2.2.2'])
    expect(await evalValue('local.list.*.name', locals)).toEqual(['a', 'b'])
    expect(await evalValue('null[*]')).toEqual([])
    expect(await evalValue('local.spokes.app[*].tier', locals)).toEqual(['web'])
  })

  test('indexing lists and maps, legacy index syntax', async () => {
    expect(await evalValue('local.list[1].name', locals)).toBe('b')
    expect(await evalValue('local.list.0.ip', locals)).toBe('1.1.1.1')
    expect(await evalValue('local.spokes["data"].cidr', locals)).toBe('10.2.0.0/16')
    expect(await evalValue('local.list[5]', locals)).toEqual({
      unknown: expect.stringContaining('out of range'),
    })
  })
})

describe('locals, variables and special names', () => {
  test('locals refer to each other in any order, across the directory', async () => {
    expect(
      await evalValue(
        'local.c',
        'locals {\n  c = "${local.b}!"\n}\nlocals {\n  b = upper(local.a)\n  a = "x"\n}\n',
      ),
    ).toBe('X!')
  })

  test('a cycle between locals ends as unknown', async () => {
    expect(await evalValue('local.a', 'locals {\n  a = local.b\n  b = local.a\n}\n')).toEqual({
      unknown: expect.stringContaining('refers to itself'),
    })
  })

  test('variable type conversion and optional attribute defaults', async () => {
    const vars = `variable "n" {
  type    = number
  default = "5"
}
variable "o" {
  type    = object({ a = string, b = optional(number, 7), c = optional(string) })
  default = { a = "x" }
}
variable "s" {
  type    = set(string)
  default = ["b", "a", "b"]
}
`
    expect(await evalValue('var.n + 1', vars)).toBe(6)
    expect(await evalValue('var.o', vars)).toEqual({ a: 'x', b: 7, c: null })
    expect(await evalValue('length(var.s)', vars)).toBe(2)
  })

  test('path.module, path.root and terraform.workspace (unknown: chosen when Terraform runs)', async () => {
    expect(await evalValue('[path.module, path.root, terraform.workspace]')).toEqual([
      '.',
      '.',
      { unknown: expect.stringMatching(/chosen when Terraform runs.*TF_WORKSPACE/) },
    ])
  })

  test('references to undeclared things are errors, not guesses', async () => {
    expect(await evalValue('local.nope')).toEqual({
      unknown: expect.stringContaining('undeclared local value nope'),
    })
    expect(await evalValue('azurerm_subnet.nope.id')).toEqual({
      unknown: expect.stringContaining('undeclared resource'),
    })
  })
})

describe('try, can and unsupported functions', () => {
  test('try returns the first argument that evaluates; can tells whether it does', async () => {
    const locals = 'locals {\n  m = { a = 1 }\n}\n'
    expect(await evalValue('try(local.m.b, local.m.a, 0)', locals)).toBe(1)
    expect(await evalValue('[can(local.m.a), can(local.m.b)]', locals)).toEqual([true, false])
  })

  test('try keeps a resource reference (it cannot know the value will fail)', async () => {
    const extra = 'resource "azurerm_subnet" "s" {\n  name = "s"\n}\n'
    expect(await evalValue('try(azurerm_subnet.s.id, "")', extra)).toEqual({
      unknown: 'computed at apply time',
      ref: { resource: 'azurerm_subnet.s', attribute: 'id' },
    })
  })

  test('an unsupported function is unknown and says which function', async () => {
    expect(await evalValue('uuid()')).toEqual({ unknown: 'function uuid is not evaluated' })
    expect(await evalValue('["a", timestamp()]')).toEqual([
      'a',
      { unknown: 'function timestamp is not evaluated' },
    ])
  })
})
