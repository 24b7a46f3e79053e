import * as fs from 'node:fs'
import * as path from 'node:path'
import ipaddr from 'ipaddr.js'
import { formatAddress } from '../../../src/sources/evaluation/cidr'
import { cidrhost, cidrnetmask, cidrsubnet, cidrsubnets } from '../../../src/sources/terraform/cidr'
import { evalValue, writeTree, evaluateDir, resource, plain } from './eval-helpers'

describe('network functions', () => {
  test('cidrsubnet / cidrhost / cidrnetmask as Terraform documents them', () => {
    expect(cidrsubnet('172.16.0.0/12', 4, 2)).toBe('172.18.0.0/16')
    expect(cidrsubnet('10.1.2.0/24', 4, 15)).toBe('10.1.2.240/28')
    expect(cidrsubnet('fd00:fd12:3456:7890::/56', 16, 162)).toBe('fd00:fd12:3456:7800:a200::/72')
    // Host bits of the prefix are ignored.
    expect(cidrsubnet('10.0.0.77/16', 8, 3)).toBe('10.0.3.0/24')
    expect(cidrhost('10.12.112.0/20', 16)).toBe('10.12.112.16')
    expect(cidrhost('10.12.112.0/20', 268)).toBe('10.12.113.12')
    expect(cidrhost('10.0.0.0/24', -2)).toBe('10.0.0.254')
    expect(cidrhost('fd00:fd12:3456:7890:00a2::/72', 34)).toBe('fd00:fd12:3456:7890::22')
    expect(cidrnetmask('172.16.0.0/12')).toBe('255.240.0.0')
    expect(cidrnetmask('10.0.0.0/0')).toBe('0.0.0.0')
  })

  test('IPv4 addresses print as ipaddr.js prints them (the fast path formatAddress takes for them)', () => {
    const edges = [
      0, 1, 255, 256, 65535, 0x0a000000, 0x7fffffff, 0x80000000, 0xc0a80101, 0xfffffffe, 0xffffffff,
    ]
    for (let i = 0, x = 12345; i < 2000; i++) edges.push((x = (Math.imul(x, 1103515245) + 12345) >>> 0))
    for (const v of edges) {
      const bytes = [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255]
      expect(formatAddress(BigInt(v), 32)).toBe(ipaddr.fromByteArray(bytes).toString())
    }
    // What the byte-by-byte print kept of a number beyond 32 bits: its low 32 bits.
    expect(formatAddress(0x1_0a000001n, 32)).toBe('10.0.0.1')
  })

  test('cidrsubnets packs subnets after each other', () => {
    expect(cidrsubnets('10.1.0.0/16', [4, 4, 8, 4])).toEqual([
      '10.1.0.0/20',
      '10.1.16.0/20',
      '10.1.32.0/24',
      '10.1.48.0/20',
    ])
    expect(cidrsubnets('fd00:fd12:3456:7890::/56', [16, 16, 16, 32])).toEqual([
      'fd00:fd12:3456:7800::/72',
      'fd00:fd12:3456:7800:100::/72',
      'fd00:fd12:3456:7800:200::/72',
      'fd00:fd12:3456:7800:300::/88',
    ])
  })

  test('out of range numbers are errors', () => {
    expect(() => cidrsubnet('10.0.0.0/24', 4, 16)).toThrow(/accommodate/)
    expect(() => cidrsubnet('10.0.0.0/30', 4, 0)).toThrow(/insufficient/)
    expect(() => cidrhost('10.0.0.0/30', 4)).toThrow(/accommodate/)
    expect(() => cidrsubnets('10.0.0.0/24', [1, 1, 1])).toThrow(/address space/)
    expect(() => cidrsubnet('not-a-cidr', 1, 0)).toThrow(/invalid CIDR/)
  })

  test('through the evaluator, with unknown arguments staying unknown', async () => {
    expect(await evalValue('cidrsubnets("10.0.0.0/16", 8, 8)')).toEqual(['10.0.0.0/24', '10.0.1.0/24'])
    expect(await evalValue('cidrsubnet(var.base, 8, 1)', 'variable "base" {}\n')).toEqual({
      unknown: 'no value for variable base',
    })
  })
})

describe('string functions', () => {
  test.each<[string, unknown]>([
    ['chomp("a\\n\\n")', 'a'],
    ['format("%s-%03d-%.1f-%t-%q-%%", "a", 7, 1.26, true, "x")', 'a-007-1.3-true-"x"-%'],
    ['formatlist("%s=%s", ["a", "b"], "v")', ['a=v', 'b=v']],
    ['indent(2, "a\\nb")', 'a\n  b'],
    ['join("-", ["a", "b"], ["c"])', 'a-b-c'],
    ['lower("AbC")', 'abc'],
    ['upper("abc")', 'ABC'],
    ['replace("a-b-c", "-", "_")', 'a_b_c'],
    ['replace("rt-westeurope-01", "/-(\\\\d+)$/", "-n$1")', 'rt-westeurope-n01'],
    ['split(",", "a,b,,c")', ['a', 'b', '', 'c']],
    ['strrev("abc")', 'cba'],
    ['substr("hello world", 1, 4)', 'ello'],
    ['substr("hello", -3, -1)', 'llo'],
    ['title("hello world")', 'Hello World'],
    ['trim("?!hello?!", "!?")', 'hello'],
    ['trimprefix("rt-hub", "rt-")', 'hub'],
    ['trimsuffix("hub.tf", ".tf")', 'hub'],
    ['trimspace("  x \\n")', 'x'],
    ['startswith("10.0.0.0/8", "10.")', true],
    ['endswith("x.tf", ".json")', false],
    ['strcontains("kms.core.windows.net", "core")', true],
    ['regex("^(\\\\d+)\\\\.(\\\\d+)", "10.20.30.40")', ['10', '20']],
    ['regex("(?P<a>[a-z]+)-(?P<b>[0-9]+)", "rt-01")', { a: 'rt', b: '01' }],
    ['regexall("[0-9]+", "a1b22c333")', ['1', '22', '333']],
    ['base64decode(base64encode("kms"))', 'kms'],
    ['jsonencode({ b = [1, true], a = null })', '{"a":null,"b":[1,true]}'],
    ['jsondecode("{\\"a\\": [1, \\"x\\"]}")', { a: [1, 'x'] }],
    ['yamlencode({ a = "b" })', 'a: b\n'],
    ['tostring(5)', '5'],
    ['tonumber("5.5")', 5.5],
    ['tobool("true")', true],
    ['parseint("ff", 16)', 255],
    ['sha256("")', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ])('%s', async (expr, expected) => {
    expect(await evalValue(expr)).toEqual(expected)
  })
})

describe('numeric and collection functions', () => {
  test.each<[string, unknown]>([
    ['abs(-3)', 3],
    ['ceil(1.2)', 2],
    ['floor(1.8)', 1],
    ['max(1, 5, 3)', 5],
    ['min(1, 5, 3)', 1],
    ['pow(2, 10)', 1024],
    ['signum(-7)', -1],
    ['alltrue([true, "true"])', true],
    ['anytrue([false, true])', true],
    ['chunklist([1, 2, 3], 2)', [[1, 2], [3]]],
    ['coalesce(null, "", "x")', 'x'],
    ['coalescelist([], ["a"])', ['a']],
    ['compact(["a", "", null, "b"])', ['a', 'b']],
    ['concat([1], [2, 3])', [1, 2, 3]],
    ['contains(["a", "b"], "b")', true],
    ['distinct([1, 2, 1])', [1, 2]],
    ['element(["a", "b"], 3)', 'b'],
    ['flatten([[1, [2]], 3])', [1, 2, 3]],
    ['index(["a", "b"], "b")', 1],
    ['keys({ b = 1, a = 2 })', ['a', 'b']],
    ['values({ b = 1, a = 2 })', [2, 1]],
    ['length("héllo")', 5],
    ['length({ a = 1 })', 1],
    ['lookup({ a = 1 }, "b", 9)', 9],
    ['matchkeys(["i-1", "i-2"], ["us", "eu"], ["eu"])', ['i-2']],
    ['merge({ a = 1, b = 1 }, null, { b = 2 })', { a: 1, b: 2 }],
    ['one([])', null],
    ['one(["x"])', 'x'],
    ['range(3)', [0, 1, 2]],
    ['range(1, 7, 2)', [1, 3, 5]],
    ['range(3, 0)', [3, 2, 1]],
    ['reverse([1, 2])', [2, 1]],
    ['setintersection(["a", "b"], ["b", "c"])', ['b']],
    [
      'setproduct(["a"], [1, 2])',
      [
        ['a', 1],
        ['a', 2],
      ],
    ],
    ['setsubtract(["a", "b"], ["a"])', ['b']],
    ['setunion(["a"], ["b", "a"])', ['a', 'b']],
    ['slice([1, 2, 3, 4], 1, 3)', [2, 3]],
    ['sort(["b", "a", "c"])', ['a', 'b', 'c']],
    ['sum([1, 2.5])', 3.5],
    ['transpose({ a = ["1", "2"], b = ["2"] })', { '1': ['a'], '2': ['a', 'b'] }],
    ['zipmap(["a", "b"], [1, 2])', { a: 1, b: 2 }],
    ['tolist(toset(["b", "a", "b"]))', ['b', 'a']],
    ['tomap({ a = "x" })', { a: 'x' }],
    ['sensitive("s")', 's'],
    ['nonsensitive("s")', 's'],
    ['concat([for x in ["a", "b"] : [x]]...)', ['a', 'b']],
  ])('%s', async (expr, expected) => {
    expect(await evalValue(expr)).toEqual(expected)
  })

  test('collection functions keep unknown elements instead of failing', async () => {
    const extra = 'resource "azurerm_subnet" "s" {\n  name = "s"\n}\n'
    expect(await evalValue('length([azurerm_subnet.s.id, "x"])', extra)).toBe(2)
    expect(await evalValue('element([azurerm_subnet.s.id], 0)', extra)).toEqual({
      unknown: 'computed at apply time',
      ref: { resource: 'azurerm_subnet.s', attribute: 'id' },
    })
    expect(await evalValue('join(",", [azurerm_subnet.s.id])', extra)).toEqual({
      unknown: 'computed at apply time',
    })
  })

  test('coalesce() reaching a resource id is that id: an id is never null or empty', async () => {
    const extra = 'resource "azurerm_subnet" "s" {\n  name = "s"\n}\nvariable "v" {\n  default = ""\n}\n'
    expect(await evalValue('try(coalesce(try(var.v, ""), azurerm_subnet.s.id), null)', extra)).toEqual({
      unknown: 'computed at apply time',
      ref: { resource: 'azurerm_subnet.s', attribute: 'id' },
    })
    // Any other unknown may be empty: the result is not known.
    expect(await evalValue('coalesce("", azurerm_subnet.s.name_prefix)', extra)).toEqual({
      unknown: 'computed at apply time',
    })
    expect(await evalValue('coalesce("a", azurerm_subnet.s.id)', extra)).toBe('a')
  })

  test('file() reads relative to the root module and never outside the scan root', async () => {
    const root = writeTree({
      'main.tf':
        'resource "t" "r" {\n  a = file("${path.module}/routes.json")\n  b = file("/etc/hostname")\n  c = fileexists("nope.txt")\n}\n',
      'routes.json': '["0.0.0.0/0"]',
    })
    const ev = await evaluateDir(root)
    const body = plain(resource(ev, 't.r').body) as Record<string, unknown>
    expect(body.a).toBe('["0.0.0.0/0"]')
    expect(body.b).toEqual({ unknown: expect.stringContaining('cannot be read') })
    expect(body.c).toBe(false)
  })

  test('file() of a directory fails as in Terraform: try() falls back, and no file is reported unread', async () => {
    // sap-automation: `try(file(var.authentication.path_to_public_key), "")` with the default path "".
    const root = writeTree({
      'main.tf':
        'variable "key_path" {\n  default = ""\n}\nresource "t" "r" {\n  a = try(file(var.key_path), "none")\n  b = file("${path.module}/keys")\n}\n',
      'keys/id.pub': 'ssh-rsa AAAA',
    })
    const ev = await evaluateDir(root)
    const body = plain(resource(ev, 't.r').body) as Record<string, unknown>
    expect(body.a).toBe('none')
    expect(body.b).toEqual({ unknown: expect.stringContaining('cannot be read') })
    expect(ev.diagnostics.filter((d) => d.ruleId === 'KMS012')).toEqual([])
  })

  test('file() through a link out of the scan root is still reported', async () => {
    const outside = writeTree({ 'secret.txt': 'x' })
    const root = writeTree({
      'main.tf': 'resource "t" "r" {\n  a = try(file("${path.module}/link.txt"), "")\n}\n',
    })
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'link.txt'))
    const ev = await evaluateDir(root)
    expect(ev.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([
      ['KMS012', expect.stringMatching(/link\.txt.*outside the scanned directory/)],
    ])
  })
})
