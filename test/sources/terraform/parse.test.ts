import type { HclBlock, HclExpr, HclFile } from '../../../src/sources/terraform/hcl-ast'
import { parseHcl, parseTfJson } from '../../../src/sources/terraform/parse'

async function parse(text: string, path = '/src/main.tf'): Promise<HclFile> {
  return parseHcl(path, text)
}

function firstAttr(f: HclFile): HclExpr {
  return f.body.attributes[0].expr
}

describe('parseHcl structure', () => {
  test('blocks with labels, attributes and nested blocks carry 1-based line ranges', async () => {
    const f = await parse(
      [
        'resource "azurerm_route_table" "hub" {', // 1
        '  name = "rt-hub"', // 2
        '', // 3
        '  route {', // 4
        '    name           = "default"', // 5
        '    address_prefix = "0.0.0.0/0"', // 6
        '  }', // 7
        '}', // 8
      ].join('\n'),
    )
    expect(f.errors).toEqual([])
    const b = f.body.blocks[0]
    expect(b).toMatchObject({
      type: 'resource',
      labels: ['azurerm_route_table', 'hub'],
      startLine: 1,
      endLine: 8,
    })
    expect(b.body.attributes[0]).toMatchObject({ name: 'name', startLine: 2, endLine: 2 })
    const route = b.body.blocks[0]
    expect(route).toMatchObject({ type: 'route', labels: [], startLine: 4, endLine: 7 })
    expect(route.body.attributes.map((a) => [a.name, a.startLine])).toEqual([
      ['name', 5],
      ['address_prefix', 6],
    ])
  })

  test('the AST is plain data that survives structured cloning', async () => {
    const f = await parse(
      'locals {\n  a = [for x in var.l : upper(x) if x != ""]\n  b = "${a}-%{if c}y%{endif}"\n}\n',
    )
    expect(structuredClone(f)).toEqual(f)
  })

  test('traversals keep attribute, index, legacy index and splat steps and the source text', async () => {
    const f = await parse(
      'x = azurerm_firewall.hub.ip_configuration[0].private_ip_address\ny = a.b.0\nz = s[*].id\nw = t.*.name\n',
    )
    const [x, y, z, w] = f.body.attributes.map((a) => a.expr)
    expect(x).toMatchObject({
      type: 'traversal',
      target: { type: 'variable', name: 'azurerm_firewall' },
      steps: [
        { kind: 'attr', name: 'hub' },
        { kind: 'attr', name: 'ip_configuration' },
        { kind: 'index', key: { type: 'literal', value: 0 } },
        { kind: 'attr', name: 'private_ip_address' },
      ],
      text: 'azurerm_firewall.hub.ip_configuration[0].private_ip_address',
    })
    expect(y).toMatchObject({
      steps: [
        { kind: 'attr', name: 'b' },
        { kind: 'index', key: { value: 0 } },
      ],
    })
    expect(z).toMatchObject({ steps: [{ kind: 'splat', steps: [{ kind: 'attr', name: 'id' }] }] })
    expect(w).toMatchObject({ steps: [{ kind: 'splat', steps: [{ kind: 'attr', name: 'name' }] }] })
  })

  test('operators follow HCL precedence and parentheses', async () => {
    const e = firstAttr(await parse('x = a + b * -c == 3 && !(d || e)\n'))
    expect(e).toMatchObject({
      type: 'binary',
      op: '&&',
      left: {
        type: 'binary',
        op: '==',
        left: { op: '+', right: { op: '*', right: { type: 'unary', op: '-' } } },
      },
      right: { type: 'unary', op: '!', operand: { type: 'paren', expr: { op: '||' } } },
    })
  })

  test('function calls, conditionals, for expressions and collections', async () => {
    const f = await parse(
      [
        'a = merge(local.m, { x = 1, "y" : 2, (var.k) = 3 })',
        'b = var.on ? "x" : null',
        'c = { for k, v in var.m : v.group => k... if v.on }',
        'd = concat(var.lists...)',
      ].join('\n'),
    )
    const [a, b, c, d] = f.body.attributes.map((x) => x.expr)
    expect(a).toMatchObject({ type: 'call', name: 'merge', expandFinal: false })
    const obj = (a as Extract<HclExpr, { type: 'call' }>).args[1]
    expect(obj).toMatchObject({
      type: 'object',
      items: [
        { key: { type: 'literal', value: 'x' } },
        { key: { type: 'literal', value: 'y' } },
        { key: { type: 'paren' } },
      ],
    })
    expect(b).toMatchObject({ type: 'conditional', else: { type: 'literal', value: null } })
    expect(c).toMatchObject({
      type: 'for',
      result: 'object',
      keyVar: 'k',
      valueVar: 'v',
      group: true,
      cond: { type: 'traversal' },
    })
    expect(d).toMatchObject({ type: 'call', name: 'concat', expandFinal: true })
  })
})

describe('parseHcl strings and templates', () => {
  test('quoted strings decode escapes and template escapes', async () => {
    const e = firstAttr(await parse('x = "a\\"b\\n\\\\ $${x} %%{y} \\u00e9"\n'))
    expect(e).toMatchObject({ type: 'literal', value: 'a"b\n\\ ${x} %{y} é' })
  })

  test('interpolations keep the whitespace of the literal text around them', async () => {
    const e = firstAttr(await parse('x = "a b  ${var.c} d "\n'))
    expect(e).toMatchObject({
      type: 'template',
      parts: [{ kind: 'literal', value: 'a b  ' }, { kind: 'interp' }, { kind: 'literal', value: ' d ' }],
    })
  })

  test('heredocs: content lines, <<- strips the common indentation', async () => {
    const f = await parse(
      ['a = <<EOT', '  one', '    two ${x}', 'EOT', 'b = <<-EOT', '    one', '      two', '    EOT', ''].join(
        '\n',
      ),
    )
    const [a, b] = f.body.attributes.map((x) => x.expr)
    expect(a).toMatchObject({
      type: 'template',
      parts: [{ value: '  one\n    two ' }, { kind: 'interp' }, { value: '\n' }],
    })
    expect(b).toMatchObject({ type: 'template', parts: [{ kind: 'literal', value: 'one\n  two\n' }] })
    expect(b.startLine).toBe(5)
    expect(b.endLine).toBe(8)
  })

  test('template directives and strip markers', async () => {
    const e = firstAttr(
      await parse('x = "%{ if a ~}  yes  %{~ else ~}  no  %{~ endif ~} !%{for i in l}${i},%{endfor}"\n'),
    )
    expect(e).toMatchObject({
      type: 'template',
      parts: [
        { kind: 'if', then: [{ kind: 'literal', value: 'yes' }], else: [{ kind: 'literal', value: 'no' }] },
        { kind: 'literal', value: '!' },
        { kind: 'for', valueVar: 'i', body: [{ kind: 'interp' }, { kind: 'literal', value: ',' }] },
      ],
    })
  })
})

describe('parseHcl comments and errors', () => {
  test('leading comment lines of a block are kept; a blank line separates them', async () => {
    const f = await parse(
      [
        '# file header',
        '',
        '# azure-kms-guard:ignore KMS001 the hub firewall allows KMS',
        '// second line',
        'resource "azurerm_route_table" "a" {}',
        'resource "azurerm_route_table" "b" {}',
      ].join('\n'),
    )
    expect(f.body.blocks[0].comments).toEqual([
      '# azure-kms-guard:ignore KMS001 the hub firewall allows KMS',
      '// second line',
    ])
    expect(f.body.blocks[1].comments).toBeUndefined()
    expect(f.comments?.map((c) => c.startLine)).toEqual([1, 3, 4])
  })

  test('a syntax error mid-file is reported at its line and later blocks are still parsed', async () => {
    const f = await parse(
      [
        'resource "azurerm_route_table" "a" {', // 1
        '  name = "a"', // 2
        '}', // 3
        'resource "azurerm_route_table" "b" {', // 4
        '  name = foo(', // 5
        '}', // 6
        'resource "azurerm_route_table" "c" {', // 7
        '  name = "c"', // 8
        '}', // 9
      ].join('\n'),
    )
    expect(f.errors.length).toBeGreaterThan(0)
    expect(f.errors[0].origin).toEqual({ file: '/src/main.tf', startLine: 5, endLine: 5 })
    expect(f.body.blocks.map((b: HclBlock) => b.labels[1])).toEqual(['a', 'b', 'c'])
    // The broken argument is not taken at face value.
    expect(f.body.blocks[1].body.attributes[0].expr.type).toBe('invalid')
    expect(f.body.blocks[2].body.attributes[0].expr).toMatchObject({ type: 'literal', value: 'c' })
  })

  test('a missing closing bracket is reported as missing', async () => {
    const f = await parse('a = [1, 2\nb = 3\n')
    expect(f.errors[0].message).toMatch(/missing/)
    expect(f.body.attributes.map((a) => a.name)).toEqual(['a', 'b'])
  })
})

describe('parseHcl on tfvars', () => {
  test('plain assignments and a JSON-looking object both give attributes', async () => {
    const a = await parse(
      'location = "westeurope"\nspokes = { app = "10.1.0.0/16" }\n',
      '/src/terraform.tfvars',
    )
    expect(a.body.attributes.map((x) => x.name)).toEqual(['location', 'spokes'])
    const b = await parse('{\n  "location": "northeurope",\n  "n": 2\n}\n', '/src/x.auto.tfvars')
    expect(
      b.body.attributes.map((x) => [
        x.name,
        x.expr.type === 'literal' ? x.expr.value : x.expr.type,
        x.startLine,
      ]),
    ).toEqual([
      ['location', 'northeurope', 2],
      ['n', 2, 3],
    ])
  })
})

describe('parseTfJson', () => {
  const json = [
    '{', // 1
    '  "variable": { "env": { "default": "${not_a_template}" } },', // 2
    '  "locals": { "name": "rt-${var.env}" },', // 3
    '  "resource": {', // 4
    '    "azurerm_route_table": {', // 5
    '      "hub": {', // 6
    '        "name": "${local.name}",', // 7
    '        "tags": { "env": "x" },', // 8
    '        "route": [', // 9
    '          { "name": "default", "address_prefix": "0.0.0.0/0" }', // 10
    '        ]', // 11
    '      }', // 12
    '    }', // 13
    '  }', // 14
    '}', // 15
  ].join('\n')

  test('blocks by label depth, attributes vs nested blocks, line numbers', async () => {
    const f = parseTfJson('/src/main.tf.json', json)
    expect(f.errors).toEqual([])
    const [variable, locals, rt] = f.body.blocks
    expect(variable).toMatchObject({ type: 'variable', labels: ['env'] })
    // Variable defaults are literal values, not templates.
    expect(variable.body.attributes[0].expr).toMatchObject({ type: 'literal', value: '${not_a_template}' })
    expect(locals.body.attributes[0].expr).toMatchObject({ type: 'template', startLine: 3 })
    expect(rt).toMatchObject({
      type: 'resource',
      labels: ['azurerm_route_table', 'hub'],
      startLine: 6,
      endLine: 12,
    })
    expect(rt.body.attributes.map((a) => [a.name, a.startLine, a.expr.type])).toEqual([
      ['name', 7, 'template'],
      ['tags', 8, 'object'],
    ])
    expect(rt.body.blocks).toMatchObject([
      { type: 'route', startLine: 10, body: { attributes: [{ name: 'name' }, { name: 'address_prefix' }] } },
    ])
  })

  test('tfvars.json values are literal; JSON syntax errors are reported with their line', () => {
    const ok = parseTfJson('/src/x.auto.tfvars.json', '{\n  "a": "${b}",\n  "n": 3\n}\n')
    expect(ok.body.attributes.map((a) => [a.name, a.expr])).toEqual([
      ['a', { type: 'literal', value: '${b}', startLine: 2, endLine: 2 }],
      ['n', { type: 'literal', value: 3, startLine: 3, endLine: 3 }],
    ])
    const bad = parseTfJson('/src/y.tf.json', '{\n  "locals": {\n    "a": 1,,\n  }\n}\n')
    expect(bad.errors.length).toBeGreaterThan(0)
    expect(bad.errors[0].origin.startLine).toBe(3)
  })
})
