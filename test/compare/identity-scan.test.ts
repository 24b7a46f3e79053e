/**
 * Finding identity on real scans: base and head trees written to disk, both scanned, then compared.
 * Renames in the code are not changes; a subnet newly exposed to a broken path is new for that subnet;
 * two root modules that call one module keep their own findings.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { compareFindings, subnetChanges, subnetList } from '../../src/compare/new-findings'
import { findingIdentity, identityHash } from '../../src/rules/identity'
import { scan } from '../../src/pipeline/scan'

const PROVIDER = `provider "azurerm" {
  features {}
}
`

const VNET = `resource "azurerm_virtual_network" "spoke" {
  name                = "vnet-spoke"
  location            = "westeurope"
  resource_group_name = "rg-net"
  address_space       = ["10.1.0.0/16"]
}
`

const subnet = (key: string, prefix: string) => `
resource "azurerm_subnet" "${key}" {
  name                 = "snet-${key}"
  resource_group_name  = "rg-net"
  virtual_network_name = azurerm_virtual_network.spoke.name
  address_prefixes     = ["${prefix}"]
}
`

const TUNNEL = `
  route {
    name           = "default-to-onprem"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "VirtualNetworkGateway"
  }
`

const table = (address: string, name = 'rt-spoke') => `
resource "azurerm_route_table" "${address}" {
  name                = "${name}"
  location            = "westeurope"
  resource_group_name = "rg-net"
${TUNNEL}}
`

const assoc = (key: string, sub: string, tableRef: string) => `
resource "azurerm_subnet_route_table_association" "${key}" {
  subnet_id      = azurerm_subnet.${sub}.id
  route_table_id = ${tableRef}.id
}
`

let tmp = ''
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-identity-'))
})
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }))

function tree(name: string, files: Record<string, string>): string {
  const root = path.join(tmp, name)
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true })
    fs.writeFileSync(path.join(root, f), text)
  }
  return root
}

async function compare(base: Record<string, string>, head: Record<string, string>) {
  const b = tree('base', base)
  const h = tree('head', head)
  const opts = { cloud: 'AzureCloud' as const, varFiles: [], workers: false }
  const br = await scan({ ...opts, path: b })
  const hr = await scan({ ...opts, path: h })
  const errors = (fs: typeof br.findings) => fs.filter((f) => f.severity === 'error')
  return {
    base: errors(br.findings),
    head: errors(hr.findings),
    c: compareFindings(errors(br.findings), errors(hr.findings), { baseRoot: b, headRoot: h }),
  }
}

const network = (extra: string) => ({
  'main.tf': PROVIDER + VNET + subnet('app', '10.1.1.0/24') + extra,
})

describe('finding identity across base and head', () => {
  test('a `moved` rename of the route table is neither new nor fixed', async () => {
    const { head, c } = await compare(
      network(table('spoke') + assoc('app', 'app', 'azurerm_route_table.spoke')),
      network(
        table('spoke_rt') +
          assoc('app', 'app', 'azurerm_route_table.spoke_rt') +
          '\nmoved {\n  from = azurerm_route_table.spoke\n  to   = azurerm_route_table.spoke_rt\n}\n',
      ),
    )
    expect(head.map((f) => f.ruleId)).toEqual(['KMS001'])
    expect(c.new).toEqual([])
    expect(c.fixed).toEqual([])
    expect(c.existing).toHaveLength(1)
  })

  test('a new address keeping the Azure name and resource group (no `moved`), and count → for_each, are not changes', async () => {
    const base = network(table('spoke') + assoc('app', 'app', 'azurerm_route_table.spoke'))
    const renamed = await compare(
      base,
      network(table('renamed') + assoc('app', 'app', 'azurerm_route_table.renamed')),
    )
    expect(renamed.c.new).toEqual([])
    expect(renamed.c.fixed).toEqual([])

    const counted = table('rt').replace('{\n', '{\n  count = 1\n')
    const eached = table('rt').replace('{\n', '{\n  for_each = toset(["a"])\n')
    const r = await compare(
      network(counted + assoc('app', 'app', 'azurerm_route_table.rt[0]')),
      network(eached + assoc('app', 'app', 'azurerm_route_table.rt["a"]')),
    )
    expect(r.head).toHaveLength(1)
    expect(r.c.new).toEqual([])
    expect(r.c.fixed).toEqual([])
  })

  test('the same Azure name in another resource group is another route table', async () => {
    const { c } = await compare(
      network(table('spoke') + assoc('app', 'app', 'azurerm_route_table.spoke')),
      network(
        table('spoke').replace('"rg-net"\n', '"rg-other"\n') +
          assoc('app', 'app', 'azurerm_route_table.spoke'),
      ),
    )
    expect(c.new).toHaveLength(1)
    expect(c.fixed).toHaveLength(1)
  })

  test('a subnet newly associated with a broken table is new for that subnet', async () => {
    const { base, head, c } = await compare(
      network(table('spoke') + assoc('app', 'app', 'azurerm_route_table.spoke')),
      network(
        subnet('b', '10.1.2.0/24') +
          table('spoke') +
          assoc('app', 'app', 'azurerm_route_table.spoke') +
          assoc('b', 'b', 'azurerm_route_table.spoke'),
      ),
    )
    expect(head).toHaveLength(1)
    expect(head[0]!.affected!.map((a) => a.name).sort()).toEqual(['snet-app', 'snet-b'])
    expect(c.new).toEqual(head)
    expect(subnetList(c.newSubnets.get(head[0]!)!, head[0]!)).toBe('vnet-spoke/snet-b')
    expect(subnetChanges(c)).toEqual({
      fixed: [],
      exposed: [{ subnet: 'vnet-spoke/snet-b', rules: ['KMS001'] }],
    })
    // Removing the subnet again fixes it for that subnet only.
    const back = compareFindings(head, base, { baseRoot: tmp, headRoot: tmp })
    expect(back.fixed).toHaveLength(1)
    expect(subnetChanges(back)).toEqual({
      fixed: [{ subnet: 'vnet-spoke/snet-b', rules: ['KMS001'] }],
      exposed: [],
    })
  })

  test('the identity names Azure, not files: subscription-free, resource group, vnet, subnet, hop', async () => {
    const { head } = await compare(
      network(table('spoke') + assoc('app', 'app', 'azurerm_route_table.spoke')),
      network(table('spoke') + assoc('app', 'app', 'azurerm_route_table.spoke')),
    )
    const f = head[0]!
    expect(f.affected).toEqual([
      expect.objectContaining({
        kind: 'subnet',
        resourceGroup: 'rg-net',
        parents: ['vnet-spoke'],
        name: 'snet-app',
      }),
    ])
    expect(f.hop).toEqual(
      expect.objectContaining({
        kind: 'route',
        resourceGroup: 'rg-net',
        parents: ['rt-spoke'],
        name: 'default-to-onprem',
      }),
    )
    expect(findingIdentity(f)).not.toContain('main.tf')
    expect(identityHash(f)).toMatch(/^[0-9a-f]{32}$/)
  })

  test('a module called from two root modules gives one finding per root', async () => {
    const mod =
      VNET + subnet('app', '10.1.1.0/24') + table('spoke') + assoc('app', 'app', 'azurerm_route_table.spoke')
    const root = `${PROVIDER}module "net" {\n  source = "../../modules/net"\n}\n`
    const dir = tree('two', {
      'modules/net/main.tf': mod,
      'envs/prod/main.tf': root,
      'envs/stage/main.tf': root,
    })
    const r = await scan({ path: dir, cloud: 'AzureCloud', varFiles: [], workers: false })
    const errors = r.findings.filter((f) => f.ruleId === 'KMS001')
    expect(errors.map((f) => f.unit).sort()).toEqual(['envs/prod', 'envs/stage'])
    expect(new Set(errors.map((f) => findingIdentity(f))).size).toBe(2)
    expect(errors.map((f) => f.message).every((m) => /root module envs\/(prod|stage)/.test(m))).toBe(true)
  })

  // A table whose Azure name comes from a variable with no value is keyed by its IaC address.
  const unnamed = (address: string) => table(address).replace('"rt-spoke"', '"rt-${var.suffix}"')
  const SUFFIX = 'variable "suffix" {\n  type = string\n}\n'

  test('a `moved` rename of a table whose Azure name is not known keeps its identity; without `moved` it is new and fixed', async () => {
    const base = network(SUFFIX + unnamed('spoke') + assoc('app', 'app', 'azurerm_route_table.spoke'))
    const movedBlock = '\nmoved {\n  from = azurerm_route_table.spoke\n  to   = azurerm_route_table.core\n}\n'
    const head = network(SUFFIX + unnamed('core') + assoc('app', 'app', 'azurerm_route_table.core'))
    const without = await compare(base, head)
    expect(without.head).toHaveLength(1)
    // The route's table has no known name: the key spells it by IaC address.
    expect(without.head[0]!.hop?.parents).toEqual(['azurerm_route_table.core'])
    expect(without.c.new).toHaveLength(1)
    expect(without.c.fixed).toHaveLength(1)

    const withMoved = await compare(base, { 'main.tf': head['main.tf']! + movedBlock })
    expect(withMoved.c.new).toEqual([])
    expect(withMoved.c.fixed).toEqual([])
    expect(withMoved.c.existing).toHaveLength(1)
  })

  test('module and instance-key moves, also from inside the called module, keep the identity', async () => {
    const mod = (address: string, moved = '') =>
      SUFFIX.replace('}\n', '  default = null\n}\n') +
      VNET +
      subnet('app', '10.1.1.0/24') +
      unnamed(address) +
      assoc('app', 'app', `azurerm_route_table.${address}`) +
      moved
    const root = (call: string, extra = '') =>
      `${PROVIDER}module "${call}" {\n  source = "./modules/net"\n}\n${extra}`
    // module.net → module.spoke (the root's moved block).
    const renamedCall = await compare(
      { 'main.tf': root('net'), 'modules/net/main.tf': mod('spoke') },
      {
        'main.tf': root('spoke', 'moved {\n  from = module.net\n  to   = module.spoke\n}\n'),
        'modules/net/main.tf': mod('spoke'),
      },
    )
    expect(renamedCall.head).toHaveLength(1)
    expect(renamedCall.c.new).toEqual([])
    expect(renamedCall.c.fixed).toEqual([])

    // A rename inside the module, declared by the module's own moved block (prefixed with the call).
    const inner = await compare(
      { 'main.tf': root('net'), 'modules/net/main.tf': mod('spoke') },
      {
        'main.tf': root('net'),
        'modules/net/main.tf': mod(
          'core',
          'moved {\n  from = azurerm_route_table.spoke\n  to   = azurerm_route_table.core\n}\n',
        ),
      },
    )
    expect(inner.c.new).toEqual([])
    expect(inner.c.fixed).toEqual([])

    // No key → a for_each key (`module.net` → `module.net["hub"]`).
    const keyed = await compare(
      { 'main.tf': root('net'), 'modules/net/main.tf': mod('spoke') },
      {
        'main.tf': root('net')
          .replace('source', 'for_each = toset(["hub"])\n  source')
          .concat('moved {\n  from = module.net\n  to   = module.net["hub"]\n}\n'),
        'modules/net/main.tf': mod('spoke'),
      },
    )
    expect(keyed.head).toHaveLength(1)
    expect(keyed.head[0]!.hop?.iac).toMatch(/^module\.net\["hub"\]\./)
    expect(keyed.c.new).toEqual([])
    expect(keyed.c.fixed).toEqual([])
  })

  test('a Bicep symbolic-name change that keeps the Azure name is not a change', async () => {
    const bicep = (symbol: string) => `resource ${symbol} 'Microsoft.Network/routeTables@2023-09-01' = {
  name: 'rt-spoke'
  location: 'westeurope'
  properties: {
    routes: [
      {
        name: 'default-to-onprem'
        properties: {
          addressPrefix: '0.0.0.0/0'
          nextHopType: 'VirtualNetworkGateway'
        }
      }
    ]
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-spoke'
  location: 'westeurope'
  properties: {
    addressSpace: {
      addressPrefixes: ['10.1.0.0/16']
    }
    subnets: [
      {
        name: 'snet-app'
        properties: {
          addressPrefix: '10.1.1.0/24'
          routeTable: {
            id: ${symbol}.id
          }
        }
      }
    ]
  }
}
`
    const { head, c } = await compare({ 'main.bicep': bicep('rt') }, { 'main.bicep': bicep('spokeRoutes') })
    expect(head.map((f) => f.ruleId)).toEqual(['KMS001'])
    expect(c.new).toEqual([])
    expect(c.fixed).toEqual([])
    expect(c.existing).toHaveLength(1)
  })
})

test('a newly exposed subnet whose VNet shares its name with one already harmed is named with its resource group', async () => {
  const other = `
resource "azurerm_virtual_network" "other" {
  name                = "vnet-spoke"
  location            = "westeurope"
  resource_group_name = "rg-other"
  address_space       = ["10.2.0.0/16"]
}

resource "azurerm_subnet" "other_app" {
  name                 = "snet-app"
  resource_group_name  = "rg-other"
  virtual_network_name = azurerm_virtual_network.other.name
  address_prefixes     = ["10.2.1.0/24"]
}
`
  const { head, c } = await compare(
    network(table('spoke') + assoc('app', 'app', 'azurerm_route_table.spoke')),
    network(
      table('spoke') +
        other +
        assoc('app', 'app', 'azurerm_route_table.spoke') +
        assoc('other', 'other_app', 'azurerm_route_table.spoke'),
    ),
  )
  expect(head).toHaveLength(1)
  expect(head[0]!.subnets!.sort()).toEqual(['vnet-spoke (rg-net)/snet-app', 'vnet-spoke (rg-other)/snet-app'])
  expect(subnetList(c.newSubnets.get(head[0]!)!, head[0]!)).toBe('vnet-spoke (rg-other)/snet-app')
  expect(subnetChanges(c)).toEqual({
    fixed: [],
    exposed: [{ subnet: 'vnet-spoke (rg-other)/snet-app', rules: ['KMS001'] }],
  })
})

test('a subnet newly exposed in one root module is named apart from the same-named subnet another root module harms', async () => {
  // Two root modules, each with its own vnet-spoke (rg-net, rg-other): the note must not read as the other one.
  const inGroup = (rg: string, text: string) => text.replaceAll('"rg-net"', `"${rg}"`)
  const unitA = network(table('spoke') + assoc('app', 'app', 'azurerm_route_table.spoke'))['main.tf']
  const unitB = (extra: string) =>
    inGroup(
      'rg-other',
      PROVIDER +
        VNET +
        subnet('web', '10.1.2.0/24') +
        table('spoke') +
        assoc('web', 'web', 'azurerm_route_table.spoke') +
        extra,
    )
  const { head, c } = await compare(
    { 'envs/a/main.tf': unitA, 'envs/b/main.tf': unitB('') },
    {
      'envs/a/main.tf': unitA,
      'envs/b/main.tf': unitB(
        subnet('app', '10.1.1.0/24') + assoc('app', 'app', 'azurerm_route_table.spoke'),
      ),
    },
  )
  const exposed = c.new.find((f) => f.unit === 'envs/b')!
  expect(c.newSubnets.get(exposed)!.map((a) => a.name)).toEqual(['snet-app'])
  expect(subnetList(c.newSubnets.get(exposed)!, exposed)).toBe('vnet-spoke (rg-other)/snet-app')
  expect(subnetChanges(c)).toEqual({
    fixed: [],
    exposed: [{ subnet: 'vnet-spoke (rg-other)/snet-app', rules: ['KMS001'] }],
  })
  // The other root module's subnet is named by its group too, in the head's own texts.
  const a = head.find((f) => f.unit === 'envs/a')!
  expect(a.subnets).toEqual(['vnet-spoke (rg-net)/snet-app'])
  expect(exposed.subnets!.sort()).toEqual([
    'vnet-spoke (rg-other)/snet-app',
    'vnet-spoke (rg-other)/snet-web',
  ])
})
