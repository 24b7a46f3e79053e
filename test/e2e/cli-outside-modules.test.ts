/**
 * A root module scanned on its own that calls a local module outside the scanned path (`scan
 * infra/envs/prod`, whose main.tf has `source = "../../modules/net"`), with the built CLI in a real git
 * repository: the module is read from the repository (git's top level), as Terraform reads it, so its
 * forced tunnel is judged (KMS001) rather than named "not part of the scan"; only the scanned root module
 * is a unit. Outside any repository the module lies beyond what the scan may read, and is named.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { tree } from '../helpers/tree'

const CLI = resolve('dist', 'cli', 'index.js')
if (!existsSync(CLI)) throw new Error(`${CLI} is missing: the build in test/global-setup.mjs failed`)

const cli = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '' },
    encoding: 'utf8',
    timeout: 60_000,
  })

const git = (cwd: string, ...args: string[]) => {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`)
}

const PROD = `provider "azurerm" {
  features {}
}

module "net" {
  source              = "../../modules/net"
  resource_group_name = "rg-prod"
}
`

const NET = `variable "resource_group_name" {
  type = string
}

resource "azurerm_virtual_network" "spoke" {
  name                = "vnet-prod"
  location            = "westeurope"
  resource_group_name = var.resource_group_name
  address_space       = ["10.1.0.0/16"]
}

resource "azurerm_subnet" "app" {
  name                 = "snet-app"
  resource_group_name  = var.resource_group_name
  virtual_network_name = azurerm_virtual_network.spoke.name
  address_prefixes     = ["10.1.1.0/24"]
}

resource "azurerm_route_table" "spoke" {
  name                = "rt-prod"
  location            = "westeurope"
  resource_group_name = var.resource_group_name

  route {
    name           = "default-to-onprem"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "VirtualNetworkGateway"
  }
}

resource "azurerm_subnet_route_table_association" "app" {
  subnet_id      = azurerm_subnet.app.id
  route_table_id = azurerm_route_table.spoke.id
}
`

const FILES = {
  'infra/envs/prod/main.tf': PROD,
  // Another environment beside it: not under the scanned path, never judged.
  'infra/envs/dev/main.tf': PROD,
  'infra/modules/net/main.tf': NET,
}

interface Report {
  findings: { ruleId: string; file: string; message: string }[]
  verdict: { subnets: { subnet: string; state: string }[] }
}

describe('a local module outside the scanned path (dist/cli/index.js)', () => {
  test('in a git repository: read from it and judged with the root module', () => {
    const repo = tree(FILES, 'kms-outside-')
    git(repo, 'init', '-q')
    const r = cli(repo, 'scan', 'infra/envs/prod', '--format', 'json')
    const report = JSON.parse(r.stdout) as Report
    expect(report.findings.filter((f) => f.message.includes('not part of the scan'))).toEqual([])
    expect(report.verdict.subnets).toEqual([
      expect.objectContaining({ subnet: 'snet-app', state: 'blocked' }),
    ])
    const kms001 = report.findings.find((f) => f.ruleId === 'KMS001')
    expect(kms001?.file).toBe('../../modules/net/main.tf')
    expect(r.status).toBe(1)
  })

  test('from a subfolder of the repository too; outside any repository it is named, not read', () => {
    const repo = tree(FILES, 'kms-outside-')
    git(repo, 'init', '-q')
    const inside = cli(resolve(repo, 'infra'), 'scan', 'envs/prod', '--format', 'json')
    expect((JSON.parse(inside.stdout) as Report).verdict.subnets.map((s) => s.state)).toEqual(['blocked'])

    const loose = tree(FILES, 'kms-outside-')
    const r = cli(loose, 'scan', 'infra/envs/prod', '--format', 'json')
    const report = JSON.parse(r.stdout) as Report
    expect(report.findings.some((f) => f.message.includes('is not part of the scan'))).toBe(true)
    expect(report.verdict.subnets).toEqual([])
  })
})
