/**
 * Valid Bicep that the tree-sitter grammar could not read (issue 15), each in a small template of its
 * own, and how real syntax errors are reported: at their line, without losing the rest of the file.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { evaluateBicep, type BicepDeployment } from '../../../src/sources/bicep'
import { parseBicep } from '../../../src/sources/bicep/parser'
import { scan } from '../../../src/pipeline/scan'
import { get, plain, resource } from './helpers'

const root = '/repo'

async function deploy(text: string, extra: { path: string; text: string }[] = []): Promise<BicepDeployment> {
  const ds = await evaluateBicep([{ path: 'main.bicep', text }, ...extra], { root, clouds: ['AzureCloud'] })
  expect(ds).toHaveLength(1)
  return ds[0]
}

const errors = (d: BicepDeployment) => d.diagnostics.filter((x) => x.ruleId === 'KMS012')

/** A route table after the idiom: what a file loses when the idiom breaks the parse. */
const routeTable = (props = "nextHopType: 'VirtualNetworkGateway'") => `
resource rt 'Microsoft.Network/routeTables@2023-09-01' = {
  name: 'rt-spoke'
  properties: {
    routes: [
      {
        name: 'forced'
        properties: {
          addressPrefix: '0.0.0.0/0'
          ${props}
        }
      }
    ]
  }
}
`
/** The route table with a spoke subnet using it: enough for a KMS001 verdict. */
const spokeWithSubnet = (before = '') => `${before}
${routeTable()}
resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-spoke'
  properties: {
    addressSpace: { addressPrefixes: ['10.1.0.0/16'] }
    subnets: [
      {
        name: 'snet-app'
        properties: { addressPrefix: '10.1.0.0/24', routeTable: { id: rt.id } }
      }
    ]
  }
}
`
const route = (d: BicepDeployment) =>
  plain(get(resource(d, 'rt').body, 'properties', 'routes', 0, 'properties')) as Record<string, unknown>

describe('Bicep that the compiler accepts', () => {
  it('reads a string whose content starts with // (the AVM customer-managed key idiom)', async () => {
    const d = await deploy(`param keyUri string = 'https://kv.vault.azure.net/keys/cmk/0123'
var keyName = split(keyUri, '//')[1]
var hostAndPath = split(keyUri, '/')
${routeTable("nextHopType: 'VirtualNetworkGateway'\n          note: '${keyName}|${hostAndPath[2]}'")}`)
    expect(errors(d)).toEqual([])
    expect(route(d)).toMatchObject({
      nextHopType: 'VirtualNetworkGateway',
      note: 'kv.vault.azure.net/keys/cmk/0123|kv.vault.azure.net',
    })
  })

  it('evaluates spread in objects and arrays', async () => {
    const d = await deploy(`var base = { addressPrefix: '0.0.0.0/0', nextHopType: 'Internet' }
var extra = ['10.0.0.0/8']
var all = [...extra, '192.168.0.0/16', ...[]]
${routeTable("...base\n          nextHopType: 'VirtualNetworkGateway'\n          prefixes: all")}`)
    expect(errors(d)).toEqual([])
    expect(route(d)).toEqual({
      addressPrefix: '0.0.0.0/0',
      nextHopType: 'VirtualNetworkGateway',
      prefixes: ['10.0.0.0/8', '192.168.0.0/16'],
    })
  })

  it('keeps an object unknown when what it spreads is unknown', async () => {
    const d = await deploy(`param given object
${routeTable("nextHopType: 'VirtualNetworkGateway'\n          extra: { ...given, a: 1 }")}`)
    expect(errors(d)).toEqual([])
    expect(route(d).extra).toMatch(/^\?parameter given has no value/)
  })

  it.each([
    ['a typed variable', "var forced bool = true\nvar prefix string = forced ? '0.0.0.0/0' : '10.0.0.0/8'"],
    [
      'a multi-line import',
      "import {\n  lockType\n  roleAssignmentType as roles\n} from 'br/public:avm/utl/types/avm-common-types:0.6.0'",
    ],
    ['an extension without alias', 'extension microsoftGraphV1'],
    [
      'an extension with a configuration',
      "extension 'br:mcr.microsoft.com/bicep/extensions/kubernetes/v1:1.0.0' with {\n  namespace: 'default'\n} as k8s",
    ],
    [
      'union types (multi-line, negative literals in parentheses)',
      "type hopKind =\n  | 'VirtualAppliance'\n  | 'VirtualNetworkGateway'\ntype zoned = {\n  zone: (-1 | 1 | 2 | 3)\n  kind: hopKind\n}\nparam hop hopKind = 'VirtualNetworkGateway'",
    ],
    [
      'an object type with decorated and nullable members',
      "@export()\ntype routeType = {\n  @description('The prefix.')\n  addressPrefix: string\n  nextHopIpAddress: string?\n  *: string\n}\nfunc kindOf(r routeType) string => r.addressPrefix",
    ],
    ['a linter directive', '#disable-next-line no-unused-vars\nvar unused = 1'],
  ])('reads %s and judges what follows', async (_what, idiom) => {
    const d = await deploy(`${idiom}\n${routeTable()}`)
    expect(errors(d)).toEqual([])
    expect(route(d)).toMatchObject({ addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualNetworkGateway' })
  })

  it('reads postfix ! chains as the values they assert', async () => {
    const d =
      await deploy(`param hub object = { gateway: { kind: 'VirtualNetworkGateway' }, hops: ['10.0.0.4'] }
${routeTable('nextHopType: hub!.gateway!.kind!\n          first: hub.hops![0]!\n          n: length(hub!.hops!)')}`)
    expect(errors(d)).toEqual([])
    expect(route(d)).toMatchObject({ nextHopType: 'VirtualNetworkGateway', first: '10.0.0.4', n: 1 })
  })

  it('evaluates a local module whose path follows its name without a space', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-bicep-module-'))
    try {
      fs.writeFileSync(path.join(dir, 'main.bicep'), "module spoke'./spoke.bicep' = {\n  name: 'spoke'\n}\n")
      fs.writeFileSync(path.join(dir, 'spoke.bicep'), spokeWithSubnet())
      const result = await scan({ path: dir, cloud: 'AzureCloud', varFiles: [], workers: false })
      expect(result.findings.map((f) => f.message).join('\n')).not.toContain('not among the scanned files')
      expect(result.findings.map((f) => f.ruleId)).toContain('KMS001')
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('still reads conditionals, lambdas and arguments spread over lines, and multi-line strings', async () => {
    const d = await deploy(`param useGateway bool = true
var kinds = map(
  ['a', 'b'],
  k =>
    '\${k}-hop'
)
var script = '''
echo '//not a comment'
'''
${routeTable(`nextHopType: useGateway
            ? 'VirtualNetworkGateway'
            : 'Internet'
          kinds: kinds
          script: script
          ref: '\${useGateway ? 'gw' : 'fw'}-\${kinds[?5] ?? 'none'}'
          one: { a: 1, b: 2 }.?b`)}`)
    expect(errors(d)).toEqual([])
    expect(route(d)).toEqual({
      addressPrefix: '0.0.0.0/0',
      nextHopType: 'VirtualNetworkGateway',
      kinds: ['a-hop', 'b-hop'],
      script: "echo '//not a comment'\n",
      ref: 'gw-none',
      one: 2,
    })
  })

  it('evaluates interpolated multi-line strings', async () => {
    const d = await deploy(`var hop = '10.0.0.4'
${routeTable(`nextHopType: 'VirtualNetworkGateway'
          one: $'''
via \${hop} ('raw' \\n)'''
          two: $$'''{"hop": "$\${hop}", "literal": "\${hop}"}'''`)}`)
    expect(errors(d)).toEqual([])
    expect(route(d)).toMatchObject({
      one: "via 10.0.0.4 ('raw' \\n)",
      two: '{"hop": "10.0.0.4", "literal": "${hop}"}',
    })
  })

  it('still applies Bicep operator precedence', async () => {
    const d = await deploy(`param a object = { kind: 'None', n: 2 }
${routeTable(`nextHopType: 'VirtualNetworkGateway'
          x: a.kind != 'None' || a.n != 2
          y: 1 + a.n * 3 - 4 % 3
          z: !empty(a) && a.n >= 2 ? a.kind : 'other'`)}`)
    expect(route(d)).toMatchObject({ x: false, y: 6, z: 'None' })
  })

  it('judges the forced tunnel of a file with a // string (it used to yield only KMS012)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-bicep-parse-'))
    try {
      fs.writeFileSync(
        path.join(dir, 'main.bicep'),
        spokeWithSubnet(`param keyUri string = 'https://kv.vault.azure.net/keys/cmk/0123'
var keyName = split(keyUri, '//')[1]`),
      )
      const result = await scan({ path: dir, cloud: 'AzureCloud', varFiles: [], workers: false })
      expect(result.findings.map((f) => f.ruleId)).toContain('KMS001')
      expect(result.findings.filter((f) => f.ruleId === 'KMS012')).toEqual([])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('Bicep syntax errors', () => {
  it('locates an error at its own line and judges every other statement', async () => {
    const text = `param hop string = '10.0.0.4'
var broken = concat(['a'], ['b']
${routeTable()}`
    const d = await deploy(text)
    expect(errors(d)).toEqual([
      expect.objectContaining({
        origin: expect.objectContaining({ startLine: 2 }),
        message: 'Bicep syntax error: "(" is not closed by ")" before the statement on line 4',
      }),
    ])
    expect(route(d)).toMatchObject({ nextHopType: 'VirtualNetworkGateway' })
  })

  it('locates an unterminated string and keeps the statements after it', async () => {
    const d = await deploy(`var a = 'no end
var b = 'fine'
${routeTable()}`)
    expect(errors(d)).toEqual([
      expect.objectContaining({ origin: expect.objectContaining({ startLine: 1 }) }),
    ])
    expect(route(d)).toMatchObject({ nextHopType: 'VirtualNetworkGateway' })
  })

  it('refuses 10,000 nested levels with a located error instead of overflowing the stack', async () => {
    for (const [open, close] of [
      ['[', ']'],
      ['(', ')'],
      ['{ a: ', ' }'],
      ["'${", "}'"],
    ]) {
      const deep = `var deep = ${open.repeat(10000)}1${close.repeat(10000)}`
      const d = await deploy(`param x string = 'a'\n${deep}\n${routeTable()}`)
      expect(errors(d)).toEqual([
        expect.objectContaining({
          origin: expect.objectContaining({ startLine: 2 }),
          message: expect.stringContaining('nesting deeper than'),
        }),
      ])
      expect(route(d)).toMatchObject({ nextHopType: 'VirtualNetworkGateway' })
    }
    const chain = `var long = a${'.b'.repeat(10000)} + ${'1 + '.repeat(10000)}1`
    expect(parseBicep('c.bicep', chain).syntaxError?.message).toContain('nesting deeper than')
  })

  it('gives every node the lines of its text', () => {
    const { root } = parseBicep('a.bicep', "var a = 1\n\n// comment\nresource r 'T@v' = {\n  name: 'x'\n}\n")
    const r = root.namedChildren[1]
    expect([r.type, r.startRow, r.endRow]).toEqual(['resource_declaration', 3, 5])
    expect(r.text.startsWith("resource r 'T@v'")).toBe(true)
  })
})
