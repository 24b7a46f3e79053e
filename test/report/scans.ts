/**
 * Real scans for report tests: the bundled example, and generated hub-and-spoke networks where every
 * spoke forces KMS on-premises (the "PR adds 60 spokes" case), optionally judged under two clouds.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { execFileSync } from 'node:child_process'
import { loadConfig } from '../../src/config/config'
import { scan } from '../../src/pipeline/scan'
import type { ScanResult } from '../../src/pipeline/scan-types'

export const EXAMPLE = path.join(process.cwd(), 'examples', 'hub-spoke')

export function scanExample(): Promise<ScanResult> {
  return scan({ path: EXAMPLE, cloud: 'auto', varFiles: [], workers: false })
}

const dirs: string[] = []
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

/** `n` spokes, each a VNet with two subnets whose route table sends 0.0.0.0/0 to the VPN gateway. */
export function spokesTf(n: number, opts: { twoClouds?: boolean } = {}): string {
  const providers = opts.twoClouds
    ? 'provider "azurerm" {\n  features {}\n  environment = "public"\n}\n\nprovider "azurerm" {\n  alias       = "gov"\n  features {}\n  environment = "usgovernment"\n}\n'
    : 'provider "azurerm" {\n  features {}\n}\n'
  const spokes = Array.from({ length: n }, (_, i) => {
    const id = String(i + 1).padStart(2, '0')
    return `
resource "azurerm_route_table" "spoke${id}" {
  name                = "rt-spoke-${id}"
  location            = "westeurope"
  resource_group_name = "rg-spokes"

  route {
    name           = "default-to-onprem"
    address_prefix = "0.0.0.0/0"
    next_hop_type  = "VirtualNetworkGateway"
  }
}

resource "azurerm_virtual_network" "spoke${id}" {
  name                = "vnet-spoke-${id}"
  location            = "westeurope"
  resource_group_name = "rg-spokes"
  address_space       = ["10.${i + 10}.0.0/16"]

  subnet {
    name             = "snet-app-${id}"
    address_prefixes = ["10.${i + 10}.1.0/24"]
    route_table_id   = azurerm_route_table.spoke${id}.id
  }

  subnet {
    name             = "snet-data-${id}"
    address_prefixes = ["10.${i + 10}.2.0/24"]
    route_table_id   = azurerm_route_table.spoke${id}.id
  }
}
`
  })
  return providers + spokes.join('')
}

export async function scanSpokes(n: number, opts: { twoClouds?: boolean } = {}): Promise<ScanResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-spokes-'))
  dirs.push(dir)
  fs.writeFileSync(path.join(dir, 'spokes.tf'), spokesTf(n, opts))
  return scan({ path: dir, cloud: 'auto', varFiles: [], workers: false })
}

/** The 1-based line of the first line of `text` containing `needle` at or after line `from`. */
export function lineOf(text: string, needle: string, from = 1): number {
  const i = text.split('\n').findIndex((l, n) => n + 1 >= from && l.includes(needle))
  if (i < 0) throw new Error(`${needle} not found`)
  return i + 1
}

/**
 * A git repository outside the working directory with the network in `infra/`, judged under two clouds:
 * three spokes of two subnets each, every one forced on-premises. spoke02 is suppressed by a comment,
 * spoke03 by the config at the repository root.
 */
export async function multiCloudRepo() {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'kms-sarif-'))
  dirs.push(repo)
  execFileSync('git', ['init', '-q', repo])
  const tf = spokesTf(3, { twoClouds: true }).replace(
    'resource "azurerm_route_table" "spoke02"',
    '# azure-kms-guard:ignore KMS001 spoke02 VMs activate against the on-premises KMS host\nresource "azurerm_route_table" "spoke02"',
  )
  const config =
    'suppress:\n  - rule: KMS001\n    path: "infra/**"\n    resource: azurerm_route_table.spoke03\n    reason: spoke03 is being decommissioned\n'
  fs.mkdirSync(path.join(repo, 'infra'))
  fs.writeFileSync(path.join(repo, 'infra', 'spokes.tf'), tf)
  fs.writeFileSync(path.join(repo, '.azure-kms-guard.yml'), config)
  const result = await scan({
    path: path.join(repo, 'infra'),
    cloud: 'auto',
    varFiles: [],
    workers: false,
    repoRoot: repo,
    config: loadConfig(repo),
  })
  return { repo, tf, config, result }
}
