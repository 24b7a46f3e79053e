/**
 * Finding identity on real scans: base and head trees written to disk, both scanned, then compared.
 * Renames in the code are not changes; a subnet newly exposed to a broken path is new for that subnet;
 * two root modules that call one module keep their own findings.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { compareFindings, subnetList } from '../../src/compare/new-findings'
import { findingIdentity, identityHash } from '../../src/rules/identity'
import { scan } from '../../src/scan'

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
    const { head, c } = await compare(
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
    expect(subnetList(c.newSubnets.get(head[0]!)!)).toBe('vnet-spoke/snet-b')
    // Removing the subnet again fixes it for that subnet only.
    const back = compareFindings(head, [], { baseRoot: tmp, headRoot: tmp })
    expect(back.fixed).toHaveLength(1)
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
})
