import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { evaluateArmTemplates, isArmTemplate, type ArmDeployment } from '../../../src/sources/arm'
import { armResourcesToModel, type ArmResourceInput } from '../../../src/sources/mapping/arm-shapes'
import type { HclValue } from '../../../src/sources/evaluation/evaluated'
import { attrCI, items, render } from '../../../src/sources/evaluation/value-tree'
import type { CloudName } from '../../../src/kms/catalogue'

const FIXTURES = path.resolve('test/fixtures/arm')

function load(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = []
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) out.push(...load(p))
    else out.push({ path: p, text: fs.readFileSync(p, 'utf8') })
  }
  return out
}

function run(sub: string, cloud: CloudName = 'AzureCloud'): ArmDeployment[] {
  return evaluateArmTemplates(load(path.join(FIXTURES, sub)), { root: FIXTURES, cloud })
}

/** 1-based line of the first line of `file` containing `needle` (after `after`, when given). */
function lineOf(file: string, needle: string, after = 0): number {
  const lines = fs.readFileSync(path.join(FIXTURES, file), 'utf8').split('\n')
  const i = lines.findIndex((l, k) => k + 1 > after && l.includes(needle))
  if (i < 0) throw new Error(`${needle} not in ${file}`)
  return i + 1
}

const byName = (d: ArmDeployment, name: string): ArmResourceInput => {
  const r = d.resources.find((x) => x.name.known && x.name.value === name)
  if (!r) throw new Error(`no ${name} in ${d.resources.map((x) => x.address).join(', ')}`)
  return r
}
const at = (v: HclValue | undefined, ...names: (string | number)[]): HclValue | undefined =>
  names.reduce<HclValue | undefined>((cur, n) => (typeof n === 'number' ? items(cur)[n] : attrCI(cur, n)), v)
const routes = (r: ArmResourceInput) =>
  items(at(r.body, 'properties', 'routes')).map((x) => [
    render(at(x, 'name')!),
    render(at(x, 'properties', 'addressPrefix')!),
    render(at(x, 'properties', 'nextHopType')!),
  ])

describe('isArmTemplate', () => {
  test('templates by $schema; parameter files and other JSON are not', () => {
    const dir = path.join(FIXTURES, 'hub-spoke')
    expect(isArmTemplate(fs.readFileSync(path.join(dir, 'azuredeploy.json'), 'utf8'))).toBe(true)
    expect(isArmTemplate(fs.readFileSync(path.join(dir, 'azuredeploy.parameters.json'), 'utf8'))).toBe(false)
    expect(
      isArmTemplate(
        '{"$schema": "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#"}',
      ),
    ).toBe(true)
    expect(isArmTemplate('{"resource": {"azurerm_route_table": {}}}')).toBe(false)
  })
})

describe('hub-and-spoke template with parameter files', () => {
  const deployments = run('hub-spoke')
  const test_ = deployments.find((d) => d.variant === 'azuredeploy.parameters.json')!
  const prod = deployments.find((d) => d.variant === 'azuredeploy.parameters.prod.json')!

  test('each parameter file is a variant of its own; no default run beside them', () => {
    expect(deployments.map((d) => [path.basename(d.entry), d.variant])).toEqual([
      ['azuredeploy.json', 'azuredeploy.parameters.json'],
      ['azuredeploy.json', 'azuredeploy.parameters.prod.json'],
    ])
    expect(
      test_.resources.every((r) => r.variant === 'azuredeploy.parameters.json' && r.format === 'arm'),
    ).toBe(true)
    expect(new Set([...test_.resources, ...prod.resources].map((r) => r.id)).size).toBe(
      test_.resources.length + prod.resources.length,
    )
    expect(test_.diagnostics).toEqual([])
  })

  test('routes built by a variable copy loop over the KMS addresses, then concatenated', () => {
    expect(routes(byName(test_, 'rt-spokes-test'))).toEqual([
      ['"kms-0"', '"20.118.99.224/32"', '"Internet"'],
      ['"kms-1"', '"40.83.235.53/32"', '"Internet"'],
      ['"default-to-firewall"', '"0.0.0.0/0"', '"VirtualAppliance"'],
    ])
    // The prod parameter file drops one address and takes the firewall address from Key Vault.
    expect(routes(byName(prod, 'rt-spokes-prod')).map((r) => r[1])).toEqual([
      '"20.118.99.224/32"',
      '"0.0.0.0/0"',
    ])
    const hop = at(
      byName(prod, 'rt-spokes-prod').body,
      'properties',
      'routes',
      1,
      'properties',
      'nextHopIpAddress',
    )
    expect(hop).toMatchObject({ kind: 'unknown', reason: 'a Key Vault reference is resolved at deployment' })
  })

  test('property copy loop: copyIndex with loop name and offset, values at the input lines', () => {
    const rt = byName(test_, 'rt-kms-copy')
    expect(routes(rt)).toEqual([
      ['"kms-01"', '"20.118.99.224/32"', '"Internet"'],
      ['"kms-02"', '"40.83.235.53/32"', '"Internet"'],
    ])
    const prefix = at(rt.body, 'properties', 'routes', 1, 'properties', 'addressPrefix')!
    const line = lineOf('hub-spoke/azuredeploy.json', "format('{0}/32'")
    expect(prefix.origin).toEqual({
      file: path.join(FIXTURES, 'hub-spoke/azuredeploy.json'),
      startLine: line,
      endLine: line,
    })
    const start = lineOf('hub-spoke/azuredeploy.json', '"name": "rt-kms-copy"')
    expect(rt.origin.startLine).toBe(start - 3)
    expect(rt.origin.endLine).toBeGreaterThan(line)
  })

  test('nested child resources get composed type and name; conditions follow the variant', () => {
    const child = byName(test_, 'rt-hub/to-onprem')
    expect(child.armType).toBe('Microsoft.Network/routeTables/routes')
    expect(test_.resources.some((r) => r.name.known && r.name.value === 'rt-hub/force-tunnel')).toBe(true)
    expect(prod.resources.some((r) => r.name.known && r.name.value === 'rt-hub/force-tunnel')).toBe(false)
  })

  test('reference() to the firewall of the template is unknown with a ref to its model id', () => {
    const fw = byName(test_, 'fw-hub')
    const hop = at(byName(test_, 'rt-hub/force-tunnel').body, 'properties', 'nextHopIpAddress')
    expect(hop).toMatchObject({
      kind: 'unknown',
      reason: 'reference() is resolved at deployment',
      ref: { resource: fw.id, attribute: 'properties.ipConfigurations[0].properties.privateIPAddress' },
    })
    expect(hop?.kind === 'unknown' && hop.expression).toMatch(
      /^\[reference\(resourceId\('Microsoft.Network\/azureFirewalls'/,
    )
  })

  test('resource copy loop with copyIndex(1) and a count from the parameter file', () => {
    const names = (d: ArmDeployment) =>
      d.resources
        .filter((r) => r.armType === 'Microsoft.Network/virtualNetworks')
        .map((r) => r.name.known && r.name.value)
    expect(names(test_)).toEqual(['vnet-spoke1', 'vnet-spoke2'])
    expect(names(prod)).toEqual(['vnet-spoke1', 'vnet-spoke2', 'vnet-spoke3'])
    const snet = at(
      byName(prod, 'vnet-spoke3').body,
      'properties',
      'subnets',
      0,
      'properties',
      'addressPrefix',
    )
    expect(snet).toMatchObject({ kind: 'string', value: '10.3.1.0/24' })
  })

  test('maps to the network model: subnets linked to the route table by resourceId()', () => {
    const model = armResourcesToModel(test_.resources)
    const spokes = model.routeTables.find((t) => t.name.known && t.name.value === 'rt-spokes-test')!
    const subnets = model.subnets.filter((s) => s.vnetName?.known && /vnet-spoke/.test(s.vnetName.value))
    expect(subnets).toHaveLength(2)
    for (const s of subnets) expect(s.routeTableId).toMatchObject({ known: true, value: spokes.id })
    const hub = model.routeTables.find((t) => t.name.known && t.name.value === 'rt-hub')!
    expect(hub.routes.map((r) => r.name.known && r.name.value).sort()).toEqual(['force-tunnel', 'to-onprem'])
    const fw = model.firewalls[0]
    const tunnel = hub.routes.find((r) => r.name.known && r.name.value === 'force-tunnel')!
    expect(tunnel.nextHopIpAddress).toMatchObject({ known: false, ref: { resource: fw.id } })
  })
})

describe('nested deployments', () => {
  const [d] = run('nested')

  test('a template linked by relative path is judged through its link only', () => {
    expect(run('nested').map((x) => path.relative(FIXTURES, x.entry))).toEqual(['nested/main.json'])
    const linked = byName(d, 'rt-linked')
    expect(linked.origin.file).toBe(path.join(FIXTURES, 'nested/linked/spoke.json'))
    expect(linked.address).toBe(
      'Microsoft.Resources/deployments/spoke2/Microsoft.Network/routeTables/rt-linked',
    )
  })

  test('inner scope: parameters passed in; outputs read through reference()', () => {
    const fw = byName(d, 'fw-contoso-hub')
    const hop = at(
      byName(d, 'rt-contoso-spoke').body,
      'properties',
      'routes',
      0,
      'properties',
      'nextHopIpAddress',
    )
    expect(hop).toMatchObject({ kind: 'unknown', ref: { resource: fw.id } })
    const model = armResourcesToModel(d.resources)
    const gw = model.routeTables.find((t) => t.name.known && t.name.value === 'rt-hub-gateway')!
    expect(model.subnets.find((s) => s.name.known && s.name.value === 'gw')?.routeTableId).toMatchObject({
      known: true,
      value: gw.id,
    })
  })

  test('outer scope: the nested template sees the parent parameters', () => {
    const nsg = byName(d, 'nsg-contoso')
    expect(
      render(at(nsg.body, 'properties', 'securityRules', 0, 'properties', 'destinationAddressPrefixes')!),
    ).toBe('["20.118.99.224", "40.83.235.53"]')
  })

  test('a template linked by URI is a KMS011 notice', () => {
    expect(d.diagnostics).toHaveLength(1)
    expect(d.diagnostics[0]).toMatchObject({
      ruleId: 'KMS011',
      message: expect.stringMatching(/linked by URI/),
    })
    expect(d.diagnostics[0].origin.startLine).toBe(lineOf('nested/main.json', '"templateLink": { "uri"'))
  })
})

describe('symbolic-name templates (languageVersion 2.0)', () => {
  test('resources keyed by symbolic name, resourceInfo(), copy with copyIndex(), existing resources', () => {
    const [d] = run('symbolic')
    expect(d.resources.map((r) => r.name.known && r.name.value)).toEqual([
      'rt-azurecloud',
      'rt-azurecloud/default',
      'rt-azurecloud/extra0',
      'rt-azurecloud/extra1',
      'vnet-app',
    ])
    const hop = at(byName(d, 'rt-azurecloud/default').body, 'properties', 'nextHopIpAddress')
    expect(hop).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(/existing resource/) })
    expect(hop?.kind === 'unknown' && hop.ref).toBeUndefined()
    const model = armResourcesToModel(d.resources)
    const rt = model.routeTables[0]
    expect(rt.routes).toHaveLength(5)
    expect(model.subnets[0].routeTableId).toMatchObject({ known: true, value: rt.id })
  })

  test('environment().name is the cloud judged', () => {
    const [d] = run('symbolic', 'AzureChinaCloud')
    expect(d.resources[0].name).toMatchObject({ known: true, value: 'rt-azurechinacloud' })
  })
})

describe('broken and edge cases', () => {
  test('invalid JSON is one KMS012 at the line where it breaks; other templates are still read', () => {
    const all = evaluateArmTemplates(load(FIXTURES), { root: FIXTURES, cloud: 'AzureCloud' })
    const broken = all.filter((d) => d.entry.includes('broken'))
    expect(broken).toHaveLength(1)
    expect(broken[0].diagnostics).toEqual([
      {
        ruleId: 'KMS012',
        origin: { file: path.join(FIXTURES, 'broken/azuredeploy.json'), startLine: 8, endLine: 8 },
        message: expect.stringMatching(/line 8/),
      },
    ])
    expect(all.filter((d) => d.resources.length > 0).length).toBe(6)
  })

  test('strings broken across lines (ARM multi-line strings) are read, with their lines and values as written', () => {
    // As ALZ's eslzArm/subscriptionTemplates/vnetPeering.json writes long expressions.
    const text = [
      '{',
      '  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",',
      '  // a "quoted" word in a comment',
      '  "parameters": { "useFirewall": { "type": "bool", "defaultValue": true,',
      '    "metadata": { "description": "Send Internet traffic',
      'to the hub firewall" } } },',
      '  "resources": [',
      '    {',
      '      "type": "Microsoft.Network/routeTables",',
      '      "apiVersion": "2023-09-01",',
      '      "name": "rt-spoke",',
      '      "location": "westeurope",',
      '      "tags": { "note": "first line',
      'second line" },',
      '      "properties": { "routes": [ { "name": "default", "properties": {',
      '        "addressPrefix": "0.0.0.0/0",',
      '        "nextHopType": "VirtualAppliance",',
      '        "nextHopIpAddress": "[if(',
      "                                parameters('useFirewall'),",
      "                                '10.0.0.4',",
      `                                '10.9.9.9')]"`,
      '      } } ] }',
      '    }',
      '  ]',
      '}',
    ].join('\r\n')
    const [d] = evaluateArmTemplates([{ path: '/x/t.json', text }], { root: '/x', cloud: 'AzureCloud' })
    expect(d.diagnostics).toEqual([])
    const rt = byName(d, 'rt-spoke')
    const hop = at(rt.body, 'properties', 'routes', 0, 'properties', 'nextHopIpAddress')
    expect(hop).toMatchObject({ kind: 'string', value: '10.0.0.4', origin: { startLine: 18 } })
    expect(rt.origin.startLine).toBe(8)
    expect(at(rt.body, 'tags', 'note')).toMatchObject({ value: 'first line\r\nsecond line' })

    // A string that is never closed is still a located error.
    const cut = text.replace("'10.9.9.9')]\"", "'10.9.9.9')]")
    const [e] = evaluateArmTemplates([{ path: '/x/t.json', text: cut }], { root: '/x', cloud: 'AzureCloud' })
    expect(e.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'KMS012',
        message: expect.stringMatching(/invalid JSON at line \d+/),
      }),
    ])
  })

  test('unknown copy count and condition are noticed and judged conservatively', () => {
    const text = JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      parameters: { n: { type: 'int' } },
      resources: [
        {
          type: 'Microsoft.Network/routeTables/routes',
          name: "[format('rt/r{0}', copyIndex())]",
          copy: { name: 'r', count: "[parameters('n')]" },
          condition: "[equals(reference('x').y, 1)]",
          properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'Internet' },
        },
      ],
    })
    const [d] = evaluateArmTemplates([{ path: '/x/t.json', text }], { root: '/x', cloud: 'AzureCloud' })
    expect(d.resources).toHaveLength(1)
    expect(d.resources[0].name).toMatchObject({
      known: false,
      reason: expect.stringMatching(/count of copy loop "r"/),
    })
    expect(d.diagnostics.map((x) => x.message)).toEqual([
      expect.stringMatching(/count of copy loop "r" is not known .*parameter "n" has no value/),
      expect.stringMatching(/condition cannot be evaluated .*judged as deployed/),
    ])
  })

  test('unknown conditions and counts of resources the model does not judge are not reported', () => {
    const lock = (extra: object) => ({
      type: 'Microsoft.Authorization/locks',
      apiVersion: '2020-05-01',
      name: 'lock',
      properties: { level: 'CanNotDelete' },
      ...extra,
    })
    const text = JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      parameters: { later: { type: 'bool' }, n: { type: 'int' } },
      resources: [
        lock({ condition: "[parameters('later')]" }),
        lock({ copy: { name: 'locks', count: "[parameters('n')]" } }),
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'net',
          condition: "[parameters('later')]",
          properties: {
            mode: 'Incremental',
            template: {
              $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
              resources: [{ type: 'Microsoft.Network/routeTables', apiVersion: '2023-09-01', name: 'rt' }],
            },
          },
        },
      ],
    })
    const [d] = evaluateArmTemplates([{ path: '/x/t.json', text }], { root: '/x', cloud: 'AzureCloud' })
    expect(d.diagnostics.map((x) => x.message)).toEqual([
      expect.stringMatching(/^Microsoft\.Resources\/deployments\/net: the condition cannot be evaluated/),
    ])
  })

  test('an output whose condition is not known is unknown, not its value', () => {
    const schema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'
    const text = JSON.stringify({
      $schema: schema,
      parameters: { later: { type: 'bool' } },
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'hub',
          properties: {
            mode: 'Incremental',
            expressionEvaluationOptions: { scope: 'inner' },
            parameters: { later: { value: "[parameters('later')]" } },
            template: {
              $schema: schema,
              parameters: { later: { type: 'bool' } },
              outputs: {
                nva: { type: 'string', condition: "[parameters('later')]", value: '10.0.0.4' },
                fixed: { type: 'string', value: '10.0.0.5' },
              },
            },
          },
        },
        {
          type: 'Microsoft.Network/routeTables',
          apiVersion: '2023-09-01',
          name: 'rt',
          properties: {
            routes: [
              {
                name: 'a',
                properties: {
                  addressPrefix: '0.0.0.0/0',
                  nextHopType: 'VirtualAppliance',
                  nextHopIpAddress: "[reference('hub').outputs.nva.value]",
                },
              },
              {
                name: 'b',
                properties: {
                  addressPrefix: '10.0.0.0/8',
                  nextHopType: 'VirtualAppliance',
                  nextHopIpAddress: "[reference('hub').outputs.fixed.value]",
                },
              },
            ],
          },
        },
      ],
    })
    const [d] = evaluateArmTemplates([{ path: '/x/t.json', text }], { root: '/x', cloud: 'AzureCloud' })
    const rt = byName(d, 'rt')
    const hop = (i: number) => at(rt.body, 'properties', 'routes', i, 'properties', 'nextHopIpAddress')
    expect(hop(0)).toMatchObject({
      kind: 'unknown',
      reason: expect.stringMatching(/condition of output "nva" cannot be evaluated/),
    })
    expect(hop(1)).toMatchObject({ kind: 'string', value: '10.0.0.5' })
  })

  test('a parametersLink may set any parameter: defaults are not assumed', () => {
    const schema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'
    const main = JSON.stringify({
      $schema: schema,
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'spoke',
          properties: {
            mode: 'Incremental',
            templateLink: { relativePath: 'spoke.json' },
            parametersLink: { uri: 'https://example.com/spoke.parameters.json' },
          },
        },
      ],
    })
    const spoke = JSON.stringify({
      $schema: schema,
      parameters: { nva: { type: 'string', defaultValue: '10.0.0.4' } },
      resources: [
        {
          type: 'Microsoft.Network/routeTables',
          apiVersion: '2023-09-01',
          name: 'rt',
          properties: {
            routes: [
              {
                name: 'default',
                properties: {
                  addressPrefix: '0.0.0.0/0',
                  nextHopType: 'VirtualAppliance',
                  nextHopIpAddress: "[parameters('nva')]",
                },
              },
            ],
          },
        },
      ],
    })
    const [d] = evaluateArmTemplates(
      [
        { path: '/x/main.json', text: main },
        { path: '/x/spoke.json', text: spoke },
      ],
      { root: '/x', cloud: 'AzureCloud' },
    )
    const hop = at(byName(d, 'rt').body, 'properties', 'routes', 0, 'properties', 'nextHopIpAddress')
    expect(hop).toMatchObject({
      kind: 'unknown',
      reason: expect.stringMatching(/parameters file linked by URI/),
    })
    expect(d.diagnostics.map((x) => x.message)).toEqual([
      expect.stringMatching(/parametersLink is not followed/),
    ])
  })

  test('a nullable parameter nobody sets is null, as at deployment', () => {
    // What Bicep compiles `param lock lockType?` to; AVM templates guard their locks with it.
    const text = JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      parameters: { lock: { type: 'object', nullable: true } },
      resources: [
        {
          type: 'Microsoft.Network/routeTables',
          name: "[coalesce(tryGet(parameters('lock'), 'name'), 'rt')]",
          condition: "[not(empty(coalesce(parameters('lock'), createObject())))]",
          properties: {},
        },
        {
          type: 'Microsoft.Network/routeTables',
          name: "[coalesce(tryGet(parameters('lock'), 'name'), 'rt-always')]",
          properties: {},
        },
      ],
    })
    const [d] = evaluateArmTemplates([{ path: '/x/t.json', text }], { root: '/x', cloud: 'AzureCloud' })
    expect(d.resources.map((r) => r.name)).toEqual([
      expect.objectContaining({ known: true, value: 'rt-always' }),
    ])
    expect(d.diagnostics).toEqual([])
  })

  test('a parameter file that is not valid JSON is a KMS012 for that variant', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-arm-'))
    const tpl = path.join(dir, 'main.json')
    const files = [
      {
        path: tpl,
        text: '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"}',
      },
      { path: path.join(dir, 'main.parameters.dev.json'), text: '{\n  "parameters": {\n    "a": \n}' },
    ]
    const [d] = evaluateArmTemplates(files, { root: dir, cloud: 'AzureCloud' })
    expect(d).toMatchObject({ variant: 'main.parameters.dev.json', resources: [] })
    expect(d.diagnostics[0]).toMatchObject({ ruleId: 'KMS012', origin: { startLine: 4 } })
  })
})

describe('compiled Bicep: module parameters built by copy loops', () => {
  const [d] = run('compiled-bicep')

  test('a parameter copy loop is the parameter value; outputs of another deployment flow into it', () => {
    expect(routes(byName(d, 'rt-spoke'))).toEqual([
      ['"to-onprem"', '"0.0.0.0/0"', '"VirtualNetworkGateway"'],
      ['"to-dc"', '"192.168.0.0/16"', '"VirtualNetworkGateway"'],
    ])
    expect(d.diagnostics).toEqual([])
  })

  test('a variable copy loop of the nested template names the subnets, linked to the route table', () => {
    const model = armResourcesToModel(d.resources)
    const rt = model.routeTables.find((t) => t.name.known && t.name.value === 'rt-spoke')!
    expect(
      model.subnets.map((s) => [s.name.known && s.name.value, s.routeTableId?.known && s.routeTableId.value]),
    ).toEqual([
      ['snet-app-0', rt.id],
      ['snet-app-1', rt.id],
    ])
  })
})

describe('nested deployment parameters without a value', () => {
  const schema = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'
  const deployment = (parameters: Record<string, unknown>) =>
    JSON.stringify({
      $schema: schema,
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'spoke',
          properties: {
            expressionEvaluationOptions: { scope: 'inner' },
            parameters,
            template: {
              $schema: schema,
              parameters: { hop: { type: 'string' } },
              resources: [
                {
                  type: 'Microsoft.Network/routeTables',
                  apiVersion: '2023-09-01',
                  name: 'rt',
                  properties: {
                    routes: [
                      {
                        name: 'default',
                        properties: {
                          addressPrefix: '0.0.0.0/0',
                          nextHopType: 'VirtualAppliance',
                          nextHopIpAddress: "[parameters('hop')]",
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        },
      ],
    })
  const hopOf = (parameters: Record<string, unknown>) => {
    const [d] = evaluateArmTemplates([{ path: '/x/main.json', text: deployment(parameters) }], {
      root: '/x',
      cloud: 'AzureCloud',
    })
    return at(byName(d, 'rt').body, 'properties', 'routes', 0, 'properties', 'nextHopIpAddress')
  }

  test('a Key Vault reference is named as one; anything else is not called one', () => {
    expect(hopOf({ hop: { reference: { keyVault: { id: 'kv' }, secretName: 'nva' } } })).toMatchObject({
      kind: 'unknown',
      reason: expect.stringMatching(/Key Vault reference/),
    })
    expect(hopOf({ hop: {} })).toMatchObject({
      kind: 'unknown',
      reason: 'parameter "hop" is passed without a value',
    })
  })
})
